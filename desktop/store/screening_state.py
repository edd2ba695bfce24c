"""The poverty screening's records (0015; issue 11). Models only: desktop/domain/screening.py
scores, services/screenings.py holds the workflow and the permissions. No Qt.

A screening is one child's household screened in one term, with its members, its photos
and its certifications; installed rule packs are kept whole (their JSON, and the
province's signature when one came with them).
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

from desktop.store.models import Base, Synced, utcnow

LIVE = text("deleted_at IS NULL")


class RulePackRow(Base):
    """A rule pack installed in this office: the shipped one, or one the province signed."""

    __tablename__ = "screening_rulepack"
    __table_args__ = (UniqueConstraint("pack_id", "version"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    pack_id: Mapped[str] = mapped_column(String(60))
    version: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(200))
    illustrative: Mapped[bool] = mapped_column(Boolean, default=False)
    body: Mapped[str] = mapped_column(Text)  # the pack's canonical JSON
    sha256: Mapped[str] = mapped_column(String(64))
    signature: Mapped[bytes | None] = mapped_column(LargeBinary, default=None)  # None: shipped
    signed_body: Mapped[bytes | None] = mapped_column(LargeBinary, default=None)  # the bytes signed
    issuer_office: Mapped[str] = mapped_column(String(20), default="")
    issuer_key: Mapped[str] = mapped_column(String(32), default="")
    installed_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    installed_by: Mapped[str] = mapped_column(String(50), default="")
    active: Mapped[bool] = mapped_column(Boolean, default=False)


class Screening(Synced, Base):
    """แบบ นร./กสศ.01 for one child in one term: the household's answers, the result of the
    pack that scored it, and where it stands (draft, submitted, certified, returned)."""

    __tablename__ = "screening"
    __table_args__ = (
        Index("ix_screening_live_child_term", "child_id", "term_id", unique=True,
              sqlite_where=LIVE, postgresql_where=LIVE),
        Index("ix_screening_term_status", "term_id", "status"),
    )
    child_id: Mapped[int] = mapped_column(ForeignKey("child.id"))
    household_id: Mapped[int | None] = mapped_column(ForeignKey("household.id"), default=None)
    term_id: Mapped[int] = mapped_column(ForeignKey("term.id"))
    status: Mapped[str] = mapped_column(String(12), default="draft")
    tenure: Mapped[str] = mapped_column(String(20), default="")
    housing: Mapped[str] = mapped_column(String(20), default="")
    land: Mapped[str] = mapped_column(String(20), default="")
    land_rai: Mapped[int] = mapped_column(Integer, default=0)
    water: Mapped[str] = mapped_column(String(20), default="")
    electricity: Mapped[str] = mapped_column(String(20), default="")
    single_parent: Mapped[bool] = mapped_column(Boolean, default=False)
    vehicles: Mapped[str] = mapped_column(String(100), default="")  # codes, comma-separated
    appliances: Mapped[str] = mapped_column(String(100), default="")
    travel_means: Mapped[str] = mapped_column(String(40), default="")
    travel_metres: Mapped[int | None] = mapped_column(Integer, default=None)
    travel_minutes: Mapped[int | None] = mapped_column(Integer, default=None)
    lat_e6: Mapped[int | None] = mapped_column(Integer, default=None)  # micro-degrees
    lon_e6: Mapped[int | None] = mapped_column(Integer, default=None)
    no_photo_reason: Mapped[str] = mapped_column(Text, default="")
    note: Mapped[str] = mapped_column(Text, default="")
    # the result of the pack that scored it last ("" level: not scored yet)
    level: Mapped[str] = mapped_column(String(10), default="")
    score: Mapped[int | None] = mapped_column(Integer, default=None)
    income_total: Mapped[int | None] = mapped_column(Integer, default=None)
    members_count: Mapped[int] = mapped_column(Integer, default=0)
    pack: Mapped[str] = mapped_column(String(80), default="")
    recorded_by: Mapped[str] = mapped_column(String(50), default="")
    submitted_by: Mapped[str] = mapped_column(String(50), default="")
    submitted_at: Mapped[datetime | None] = mapped_column(DateTime, default=None)
    returned_by: Mapped[str] = mapped_column(String(50), default="")
    returned_at: Mapped[datetime | None] = mapped_column(DateTime, default=None)
    returned_reason: Mapped[str] = mapped_column(Text, default="")


class ScreeningMember(Synced, Base):
    """A member of the screened household, as the form lists them (the child too)."""

    __tablename__ = "screening_member"
    __table_args__ = (Index("ix_screening_member_screening_id", "screening_id", "position"),)
    screening_id: Mapped[int] = mapped_column(ForeignKey("screening.id"))
    position: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(200))
    relation: Mapped[str] = mapped_column(String(40), default="")
    age: Mapped[int] = mapped_column(Integer)
    occupation: Mapped[str] = mapped_column(String(100), default="")
    monthly_income: Mapped[int] = mapped_column(Integer, default=0)
    disabled: Mapped[bool] = mapped_column(Boolean, default=False)
    chronic_illness: Mapped[bool] = mapped_column(Boolean, default=False)
    unemployed: Mapped[bool] = mapped_column(Boolean, default=False)


class Certification(Synced, Base):
    """A state official's certification of exactly the data hashed (รับรองข้อมูล); voided,
    never deleted, when the screening is edited after it."""

    __tablename__ = "screening_certification"
    __table_args__ = (Index("ix_screening_certification_screening_id", "screening_id"),)
    screening_id: Mapped[int] = mapped_column(ForeignKey("screening.id"))
    certifier: Mapped[str] = mapped_column(String(50))  # the user
    certifier_name: Mapped[str] = mapped_column(String(200))
    position: Mapped[str] = mapped_column(String(200))
    certified_on: Mapped[date] = mapped_column(Date)
    data_sha256: Mapped[str] = mapped_column(String(64))
    voided_at: Mapped[datetime | None] = mapped_column(DateTime, default=None)
    void_reason: Mapped[str] = mapped_column(Text, default="")


class ScreeningPhoto(Synced, Base):
    """A house photo (outside, inside) or the child at the school sign: shrunk, stripped of
    every metadata field, kept inside the (encrypted) database with its hash."""

    __tablename__ = "screening_photo"
    __table_args__ = (Index("ix_screening_photo_screening_id", "screening_id", "kind"),)
    screening_id: Mapped[int] = mapped_column(ForeignKey("screening.id"))
    kind: Mapped[str] = mapped_column(String(12))  # outside, inside, school_sign
    data: Mapped[bytes] = mapped_column(LargeBinary)  # JPEG
    sha256: Mapped[str] = mapped_column(String(64))
    width: Mapped[int] = mapped_column(Integer)
    height: Mapped[int] = mapped_column(Integer)
