"""Growth measurements and DSPM checks (0019; issue 12). Models only: desktop/domain/growth*.py
computes the z-scores and categories (never stored: recomputed, the batch path is fast) and
desktop/domain/dspm*.py the checks' results; services hold the workflow and permissions.

Weights and lengths are whole grams and millimetres (exact on both backends and on the
wire); a measurement WHO's flags refuse is never stored. A DSPM check keeps each item's
pass/fail, the outcome the manual gives, the re-check's due date, and which item table
(data file and version) it was made with; a re-check points at its first check; a referral
for TEDA4I waits for the hospital's outcome (``outcome`` empty).
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, String, text
from sqlalchemy.orm import Mapped, mapped_column

from desktop.store.models import Base, Synced

LIVE = text("deleted_at IS NULL")


class GrowthMeasurement(Synced, Base):
    """Weight, length/height and head circumference on a day (any of them may be missing)."""

    __tablename__ = "growth_measurement"
    __table_args__ = (Index("ix_growth_measurement_child_day", "child_id", "measured_on"),)
    child_id: Mapped[int] = mapped_column(ForeignKey("child.id"))
    measured_on: Mapped[date] = mapped_column(Date)
    weight_g: Mapped[int | None] = mapped_column(Integer, default=None)
    height_mm: Mapped[int | None] = mapped_column(Integer, default=None)
    method: Mapped[str] = mapped_column(String(10), default="")  # lying / standing / "" (WHO's way for the age)
    head_mm: Mapped[int | None] = mapped_column(Integer, default=None)
    measured_by: Mapped[str] = mapped_column(String(50), default="")
    note: Mapped[str] = mapped_column(String(200), default="")


class DspmCheck(Synced, Base):
    """A DSPM check at a screening age (9, 18, 30, 42, 60 months), or its re-check."""

    __tablename__ = "dspm_check"
    __table_args__ = (Index("ix_dspm_check_child_age", "child_id", "age_months", "checked_on"),
                      Index("ix_dspm_check_recheck_due", "recheck_due"))
    child_id: Mapped[int] = mapped_column(ForeignKey("child.id"))
    age_months: Mapped[int] = mapped_column(Integer)
    checked_on: Mapped[date] = mapped_column(Date)
    assessor: Mapped[str] = mapped_column(String(100), default="")
    first_check_id: Mapped[int | None] = mapped_column(ForeignKey("dspm_check.id"), default=None)  # a re-check's
    outcome: Mapped[str] = mapped_column(String(20))  # domain.dspm.Outcome
    code: Mapped[str] = mapped_column(String(10), default="")  # 1B260 / 1B261 / 1B262
    recheck_due: Mapped[date | None] = mapped_column(Date, default=None)
    manual: Mapped[str] = mapped_column(String(60))  # the item table's name and version


class DspmCheckItem(Synced, Base):
    """One item's result in a check."""

    __tablename__ = "dspm_check_item"
    __table_args__ = (Index("ix_dspm_check_item_live_check_item", "check_id", "item_no", unique=True,
                            sqlite_where=LIVE, postgresql_where=LIVE),)
    check_id: Mapped[int] = mapped_column(ForeignKey("dspm_check.id"))
    item_no: Mapped[int] = mapped_column(Integer)
    passed: Mapped[bool] = mapped_column(Boolean)


class DspmReferral(Synced, Base):
    """A referral for TEDA4I assessment at a hospital and, later, its outcome."""

    __tablename__ = "dspm_referral"
    __table_args__ = (Index("ix_dspm_referral_check", "check_id"),)
    check_id: Mapped[int] = mapped_column(ForeignKey("dspm_check.id"))
    hospital: Mapped[str] = mapped_column(String(200))
    letter_no: Mapped[str] = mapped_column(String(50), default="")
    sent_on: Mapped[date] = mapped_column(Date)
    outcome: Mapped[str] = mapped_column(String(20), default="")  # "" waiting / on_track / delayed
    outcome_on: Mapped[date | None] = mapped_column(Date, default=None)
    outcome_note: Mapped[str] = mapped_column(String(300), default="")
