"""Grant rounds, the term's attendance they are conditional on, and payments (0016; issue
11). Models only: desktop/domain/grants.py decides, services/grants.py holds the workflow
and the permissions. No Qt."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, ForeignKey, Index, Integer, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from desktop.store.models import Base, Synced

LIVE = text("deleted_at IS NULL")


class GrantRound(Synced, Base):
    """One programme's payments for one term: the screening results it pays, the
    attendance it asks and the amount per class level (canonical JSON)."""

    __tablename__ = "grant_round"
    programme: Mapped[str] = mapped_column(String(20))
    name: Mapped[str] = mapped_column(String(200))
    term_id: Mapped[int] = mapped_column(ForeignKey("term.id"))
    levels: Mapped[str] = mapped_column(String(40))  # poverty levels paid, comma-separated
    attendance_percent: Mapped[int] = mapped_column(Integer)
    amounts: Mapped[str] = mapped_column(Text)  # {"p1": 3000, ...}
    pack: Mapped[str] = mapped_column(String(80), default="")  # the rule pack in force when made
    status: Mapped[str] = mapped_column(String(10), default="open")
    created_by: Mapped[str] = mapped_column(String(50), default="")


class TermAttendance(Synced, Base):
    """A child's school days in a term: present and open (what a grant's condition reads)."""

    __tablename__ = "term_attendance"
    __table_args__ = (Index("ix_term_attendance_live_child_term", "child_id", "term_id", unique=True,
                            sqlite_where=LIVE, postgresql_where=LIVE),)
    child_id: Mapped[int] = mapped_column(ForeignKey("child.id"))
    term_id: Mapped[int] = mapped_column(ForeignKey("term.id"))
    days_present: Mapped[int] = mapped_column(Integer)
    days_open: Mapped[int] = mapped_column(Integer)
    recorded_by: Mapped[str] = mapped_column(String(50), default="")


class GrantPayment(Synced, Base):
    """Money paid (or returned) to a child's guardian in a round."""

    __tablename__ = "grant_payment"
    __table_args__ = (Index("ix_grant_payment_round_id", "round_id", "child_id"),)
    round_id: Mapped[int] = mapped_column(ForeignKey("grant_round.id"))
    child_id: Mapped[int] = mapped_column(ForeignKey("child.id"))
    amount: Mapped[int] = mapped_column(Integer)
    paid_on: Mapped[date] = mapped_column(Date)
    method: Mapped[str] = mapped_column(String(20))  # cash, transfer
    reference: Mapped[str] = mapped_column(String(100), default="")
    status: Mapped[str] = mapped_column(String(10), default="paid")  # paid, returned
    note: Mapped[str] = mapped_column(Text, default="")
    recorded_by: Mapped[str] = mapped_column(String(50), default="")
