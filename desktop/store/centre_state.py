"""A child development centre's day (0017; issue 12): rooms per academic year, children's
placements in them (with history), the daily register and its absences, closed days and
the dated meal and milk rates. Models only: desktop/domain/centre.py computes,
services/centre*.py holds the workflow and the permissions. No Qt.

How a day is stored: present is the default, so a room's day is one ``centre_register``
row (the register was taken, by whom) plus one ``centre_absence`` row per absent child.
A child placed in the room that day, on a taken register, on a day the centre is open,
with no absence, was present. A day with no register is "not recorded": it counts neither
as present nor as absent (the percentage's denominator is the recorded open days), so a
forgotten day never turns a whole room absent or present silently.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, String, text
from sqlalchemy.orm import Mapped, mapped_column

from desktop.store.models import Base, Synced

LIVE = text("deleted_at IS NULL")


class CentreRoom(Synced, Base):
    """A room (age group) of a centre in one academic year."""

    __tablename__ = "centre_room"
    __table_args__ = (Index("ix_centre_room_live_centre_year_name", "institution_id", "academic_year_id", "name",
                            unique=True, sqlite_where=LIVE, postgresql_where=LIVE),)
    institution_id: Mapped[int] = mapped_column(ForeignKey("institution.id"))
    academic_year_id: Mapped[int] = mapped_column(ForeignKey("academic_year.id"))
    name: Mapped[str] = mapped_column(String(60))
    age_group: Mapped[str] = mapped_column(String(10), default="")  # "2", "3", "4": age in years at entry
    position: Mapped[int] = mapped_column(Integer, default=0)  # order on the centre's page


class CentrePlacement(Synced, Base):
    """A child in a room from a date (to a date: ``until`` inclusive, NULL open). Moving a
    child closes one placement and opens another, so the history stays."""

    __tablename__ = "centre_placement"
    __table_args__ = (Index("ix_centre_placement_room", "room_id", "since"),
                      Index("ix_centre_placement_child", "child_id", "since"))
    child_id: Mapped[int] = mapped_column(ForeignKey("child.id"))
    room_id: Mapped[int] = mapped_column(ForeignKey("centre_room.id"))
    since: Mapped[date] = mapped_column(Date)
    until: Mapped[date | None] = mapped_column(Date, default=None)
    placed_by: Mapped[str] = mapped_column(String(50), default="")


class CentreRegister(Synced, Base):
    """A room's register taken for a day (everyone placed there present but the absences)."""

    __tablename__ = "centre_register"
    __table_args__ = (Index("ix_centre_register_live_room_day", "room_id", "day", unique=True,
                            sqlite_where=LIVE, postgresql_where=LIVE),)
    room_id: Mapped[int] = mapped_column(ForeignKey("centre_room.id"))
    day: Mapped[date] = mapped_column(Date)
    taken_by: Mapped[str] = mapped_column(String(50), default="")
    back_dated: Mapped[bool] = mapped_column(Boolean, default=False)  # saved after the day


class CentreAbsence(Synced, Base):
    """A child absent on a day, with the reason (sick, leave, absent without word)."""

    __tablename__ = "centre_absence"
    __table_args__ = (Index("ix_centre_absence_live_child_day", "child_id", "day", unique=True,
                            sqlite_where=LIVE, postgresql_where=LIVE),
                      Index("ix_centre_absence_day", "day"))
    child_id: Mapped[int] = mapped_column(ForeignKey("child.id"))
    day: Mapped[date] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(String(10))  # AbsenceReason


class CentreClosedDay(Synced, Base):
    """A day the centre is closed (a holiday, a teachers' training day)."""

    __tablename__ = "centre_closed_day"
    __table_args__ = (Index("ix_centre_closed_day_live_centre_day", "institution_id", "day", unique=True,
                            sqlite_where=LIVE, postgresql_where=LIVE),)
    institution_id: Mapped[int] = mapped_column(ForeignKey("institution.id"))
    day: Mapped[date] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(String(200), default="")


class CentreRate(Synced, Base):
    """A subsidy rate per child per day (lunch, milk) in satang, in force from a date, for
    a fiscal year (Buddhist Era; 1 October to 30 September). ``checked``: someone compared
    it with the DLA's letter (the shipped ones are not)."""

    __tablename__ = "centre_rate"
    __table_args__ = (Index("ix_centre_rate_kind_from", "kind", "valid_from"),)
    kind: Mapped[str] = mapped_column(String(10))  # MealKind
    fiscal_year_be: Mapped[int] = mapped_column(Integer)
    valid_from: Mapped[date] = mapped_column(Date)
    satang: Mapped[int] = mapped_column(Integer)
    source: Mapped[str] = mapped_column(String(300), default="")
    checked: Mapped[bool] = mapped_column(Boolean, default=False)
