"""When DSPM checks are due: a child is screened in the month they reach 9, 18, 30, 42 or
60 months (a month of age completes on the birth day's number, or on the last day of a
shorter month: dates.age_on's rule); a check not done within the window (one month, from
the data file) is overdue until the next screening age. Re-checks are due within 30 days
of a suspected delay and overdue after.

    due_in_month(birth, 2026, 11)            # screening ages reached in November 2026
    screening_status(birth, 18, done, today)  # DUE / DONE / OVERDUE / NOT_YET / PASSED
    rechecks(open_checks, today)              # each with its due date, overdue or not
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from desktop.i18n import N_, _

from .dspm import Manual, Outcome, manual, recheck_due


def reaches(birth: date, months: int) -> date:
    """The day a child born on ``birth`` completes ``months`` months of age."""
    total = birth.month - 1 + months
    year, month = birth.year + total // 12, total % 12 + 1
    return date(year, month, min(birth.day, calendar.monthrange(year, month)[1]))


def window(birth: date, age_months: int, m: Manual | None = None) -> tuple[date, date]:
    """First and last day on which the check of ``age_months`` is on time."""
    m = m or manual()
    return reaches(birth, age_months), reaches(birth, age_months + m.due_window_months) - timedelta(days=1)


def due_in_month(birth: date, year: int, month: int, m: Manual | None = None) -> list[int]:
    """The screening ages a child reaches within the calendar month (usually none or one)."""
    m = m or manual()
    return [a for a in m.screening_ages if (reaches(birth, a).year, reaches(birth, a).month) == (year, month)]


class Status(StrEnum):
    NOT_YET = "not_yet"
    DUE = "due"
    DONE = "done"
    OVERDUE = "overdue"
    PASSED = "passed"  # not done, and the child has reached the next screening age


STATUS_LABELS: dict[Status, str] = {
    Status.NOT_YET: N_("ยังไม่ถึงกำหนด"),
    Status.DUE: N_("ถึงกำหนดประเมิน"),
    Status.DONE: N_("ประเมินแล้ว"),
    Status.OVERDUE: N_("เลยกำหนดประเมิน"),
    Status.PASSED: N_("ไม่ได้ประเมินในช่วงอายุนี้"),
}


def status_label(status: Status) -> str:
    return _(STATUS_LABELS[status])


def screening_status(birth: date, age_months: int, done_on: Iterable[date], today: date,
                     m: Manual | None = None) -> Status:
    """Where a child stands for the check of ``age_months``; ``done_on``: the dates of
    first checks recorded at that age."""
    m = m or manual()
    first, last = window(birth, age_months, m)
    if any(d >= first for d in done_on):
        return Status.DONE
    if today < first:
        return Status.NOT_YET
    if today <= last:
        return Status.DUE
    later = [a for a in m.screening_ages if a > age_months]
    if later and today >= reaches(birth, later[0]):
        return Status.PASSED
    return Status.OVERDUE


@dataclass(frozen=True)
class OpenCheck:
    """A first check as stored: what the schedule needs of it."""

    child_id: int
    age_months: int
    checked_on: date
    outcome: Outcome
    rechecked_on: date | None = None


@dataclass(frozen=True)
class RecheckDue:
    check: OpenCheck
    due: date
    overdue: bool
    days_left: int  # negative when overdue


def rechecks(checks: Iterable[OpenCheck], today: date, m: Manual | None = None) -> list[RecheckDue]:
    """Suspected delays not yet re-checked, soonest first, each due or overdue."""
    m = m or manual()
    out = []
    for c in checks:
        if c.outcome is not Outcome.SUSPECTED_DELAY or c.rechecked_on is not None:
            continue
        due = recheck_due(c.checked_on, m)
        out.append(RecheckDue(c, due, today > due, (due - today).days))
    return sorted(out, key=lambda r: (r.due, r.check.child_id))
