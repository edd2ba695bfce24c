"""A child development centre's day, as arithmetic (issue 12): which days count, a child's
and a room's attendance over any period, and the lunch and milk counts and amounts from the
children present and the dated rates. No Qt, no SQL: services/centre*.py read the records
and hand them here.

The rules, written down once:

- A **school day** of a child is a day in the period on which the child was placed in a
  room of the centre, the centre was not closed, and the day is a weekday (Monday to
  Friday) or a day whose register was taken anyway (a Saturday make-up day).
- Present is the default: on a school day whose room's register was **taken**, the child
  was present unless an absence (sick, leave, absent without word) is recorded.
- A school day whose register was **not taken** is "not recorded": it is counted apart
  and is in neither the numerator nor the denominator, so a forgotten day neither lowers
  nor raises anyone's percentage; the screens and reports show how many there are.
- Attendance % = present ÷ (present + absent) over the recorded school days. Back-dated
  registers count exactly like same-day ones (the service logs them).
- Lunch and milk: one of each per child present; the amount of a day is the count times
  the rate in force that day (the rate with the latest ``valid_from`` on or before it).
  Amounts are whole satang; nothing is rounded until a total is shown.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum
from types import MappingProxyType

from desktop.i18n import N_, _


class AbsenceReason(StrEnum):
    SICK = "sick"
    LEAVE = "leave"
    ABSENT = "absent"  # absent without word


REASON_LABELS: Mapping[AbsenceReason, str] = MappingProxyType({
    AbsenceReason.SICK: N_("ป่วย"),
    AbsenceReason.LEAVE: N_("ลา"),
    AbsenceReason.ABSENT: N_("ขาด"),
})
# one letter for the printed sheet's cells and the grid (present: "/", closed: blank)
REASON_MARKS: Mapping[AbsenceReason, str] = MappingProxyType({
    AbsenceReason.SICK: N_("ป"), AbsenceReason.LEAVE: N_("ล"), AbsenceReason.ABSENT: N_("ข")})


def reason_mark(reason: AbsenceReason | str) -> str:
    return _(REASON_MARKS[AbsenceReason(reason)])


def reason_label(reason: AbsenceReason | str) -> str:
    return _(REASON_LABELS[AbsenceReason(reason)])


def parse_reason(text: str) -> AbsenceReason | None:
    """A reason from its code (``sick``), its Thai label or mark; None when unknown."""
    value = text.strip()
    for reason in AbsenceReason:
        if value in (reason.value, REASON_LABELS[reason], _(REASON_LABELS[reason]), REASON_MARKS[reason],
                     reason_mark(reason)):
            return reason
    return None


class MealKind(StrEnum):
    LUNCH = "lunch"
    MILK = "milk"


MEAL_LABELS: Mapping[MealKind, str] = MappingProxyType({
    MealKind.LUNCH: N_("อาหารกลางวัน"),
    MealKind.MILK: N_("อาหารเสริม (นม)"),
})


def days_between(first: date, last: date) -> Iterator[date]:
    day = first
    while day <= last:
        yield day
        day += timedelta(days=1)


def month_days(year: int, month: int) -> list[date]:
    """Every day of a month (Christian-era ``year``)."""
    first = date(year, month, 1)
    nxt = date(year + (month == 12), month % 12 + 1, 1)
    return list(days_between(first, nxt - timedelta(days=1)))


def fiscal_year_be(day: date) -> int:
    """The Thai government's fiscal year (Buddhist Era) of a day: 1 October starts the next."""
    return day.year + 543 + (1 if day.month >= 10 else 0)


def is_weekday(day: date) -> bool:
    return day.weekday() < 5


@dataclass(frozen=True)
class Span:
    """A placement: from ``since`` to ``until`` (inclusive; None: still there)."""

    since: date
    until: date | None = None

    def covers(self, day: date) -> bool:
        return self.since <= day and (self.until is None or day <= self.until)


@dataclass
class Tally:
    """A child's (or a room's: the sum of its children's) school days in a period."""

    present: int = 0
    absent: dict[AbsenceReason, int] = field(default_factory=lambda: {r: 0 for r in AbsenceReason})
    not_recorded: int = 0

    @property
    def absent_total(self) -> int:
        return sum(self.absent.values())

    @property
    def recorded(self) -> int:
        """Recorded school days (the percentage's denominator)."""
        return self.present + self.absent_total

    @property
    def percent(self) -> float | None:
        """Attendance % (None: no recorded day)."""
        return None if self.recorded == 0 else 100.0 * self.present / self.recorded

    def add(self, other: Tally) -> None:
        self.present += other.present
        self.not_recorded += other.not_recorded
        for reason, n in other.absent.items():
            self.absent[reason] += n


def percent_text(value: float | None) -> str:
    return "-" if value is None else f"{value:.1f}%"


@dataclass(frozen=True)
class RoomDays:
    """What the records say about a room over a period: the days its register was taken
    and the centre's closed days."""

    taken: frozenset[date]
    closed: frozenset[date]

    def school_day(self, day: date) -> bool:
        return day not in self.closed and (is_weekday(day) or day in self.taken)


def child_tally(days: Iterable[date], spans: Sequence[Span], room_days: RoomDays,
                absences: Mapping[date, AbsenceReason]) -> Tally:
    """One child's tally over ``days`` in one room (``spans``: the child's placements there).

    An absence on a day whose register was not taken still counts as that absence (the
    caregiver marked it; the register row comes with it on every save)."""
    tally = Tally()
    for day in days:
        if not room_days.school_day(day) or not any(s.covers(day) for s in spans):
            continue
        reason = absences.get(day)
        if reason is not None:
            tally.absent[reason] += 1
        elif day in room_days.taken:
            tally.present += 1
        else:
            tally.not_recorded += 1
    return tally


def day_mark(day: date, spans: Sequence[Span], room_days: RoomDays,
             absences: Mapping[date, AbsenceReason]) -> str:
    """A cell of the printed monthly sheet: "/" present, a reason's letter, "" otherwise
    (not placed, closed, weekend, not recorded)."""
    if not room_days.school_day(day) or not any(s.covers(day) for s in spans):
        return ""
    reason = absences.get(day)
    if reason is not None:
        return reason_mark(reason)
    return "/" if day in room_days.taken else ""


# --- meals and milk ---------------------------------------------------------------------

@dataclass(frozen=True)
class Rate:
    """A subsidy rate per child per day, in force from ``valid_from``."""

    kind: MealKind
    fiscal_year_be: int
    valid_from: date
    satang: int
    source: str = ""
    checked: bool = False


def rate_on(rates: Iterable[Rate], kind: MealKind, day: date) -> Rate | None:
    """The rate of ``kind`` in force on ``day``: the latest ``valid_from`` on or before it."""
    best: Rate | None = None
    for r in rates:
        if r.kind == kind and r.valid_from <= day and (best is None or r.valid_from > best.valid_from):
            best = r
    return best


@dataclass(frozen=True)
class MealDay:
    day: date
    present: int
    lunch_satang: int  # the rate that day (0: none in force)
    milk_satang: int

    @property
    def lunch_amount(self) -> int:
        return self.present * self.lunch_satang

    @property
    def milk_amount(self) -> int:
        return self.present * self.milk_satang


@dataclass(frozen=True)
class MealMonth:
    days: tuple[MealDay, ...]  # the school days with someone present, in order
    unchecked: bool  # a rate used is not marked as checked against the DLA's letter
    missing_rate: bool  # a day had no rate in force

    @property
    def served_days(self) -> int:
        return len(self.days)

    @property
    def meals(self) -> int:
        return sum(d.present for d in self.days)

    @property
    def lunch_amount(self) -> int:
        return sum(d.lunch_amount for d in self.days)

    @property
    def milk_amount(self) -> int:
        return sum(d.milk_amount for d in self.days)


def meal_month(present_by_day: Mapping[date, int], rates: Sequence[Rate]) -> MealMonth:
    """The lunch and milk counts and amounts of the days with children present."""
    out: list[MealDay] = []
    unchecked = missing = False
    for day in sorted(present_by_day):
        n = present_by_day[day]
        if n <= 0:
            continue
        lunch = rate_on(rates, MealKind.LUNCH, day)
        milk = rate_on(rates, MealKind.MILK, day)
        missing = missing or lunch is None or milk is None
        unchecked = unchecked or any(r is not None and not r.checked for r in (lunch, milk))
        out.append(MealDay(day, n, lunch.satang if lunch else 0, milk.satang if milk else 0))
    return MealMonth(tuple(out), unchecked, missing)


def baht_text(satang: int) -> str:
    """Satang as baht with two decimals and thousands separators (1,234.50)."""
    sign = "-" if satang < 0 else ""
    whole, part = divmod(abs(satang), 100)
    return f"{sign}{whole:,}.{part:02d}"


def parse_baht(text: str) -> int | None:
    """Baht typed as ``21``, ``21.5`` or ``7.82`` → satang; None when not a sum of money."""
    value = text.strip().replace(",", "")
    whole, _sep, part = value.partition(".")
    if not whole.isascii() or not whole.isdigit() or (part and (not part.isascii() or not part.isdigit()
                                                                or len(part) > 2)):
        return None
    return int(whole) * 100 + int((part + "00")[:2])
