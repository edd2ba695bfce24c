"""Follow-ups (นิเทศติดตาม) of an out-of-school child's case (issue 13): when the next one
is due, which are overdue, and what a follow-up visit records. No Qt, no SQL.

The schedule, written down once:
- A case is followed up while it is ``in_plan`` or in one of the plan's outcomes (back in
  school, กศน., vocational training, working: ``cases.FOLLOWED_UP``); not while tracing,
  nor once closed or waiting for closure.
- The first follow-up is due ``interval`` days after the case was first followed (the day
  it moved to ``in_plan``); each one after, ``interval`` days after the latest visit.
  A visit may set its own next date (a child at risk: sooner; never later than
  ``MAX_INTERVAL_DAYS`` after the visit).
- ``interval`` is the office's setting ``cases.follow_up_days`` (default 30 days, from 7
  to 180).
- A follow-up is **overdue** from the day after it was due (on the due day it is due,
  not late). The overdue list is the most overdue first.

The service computes the same in SQL for the 100k-case list: due = coalesce(the latest
visit's next date, the latest visit's date + interval, followed since + interval), overdue
when due < today (tests/unit/test_case_followup.py holds the rule).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from types import MappingProxyType

from desktop.i18n import N_, _

from .cases import FOLLOWED_UP, NOTE_MAX, CaseStatus, date_problem, text_problem
from .dates import format_be
from .errors import Problem
from .text import clean_text, to_ascii_digits

SETTING_KEY = "cases.follow_up_days"
DEFAULT_INTERVAL_DAYS = 30
MIN_INTERVAL_DAYS = 7
MAX_INTERVAL_DAYS = 180


def interval_problem(days: int) -> str | None:
    if MIN_INTERVAL_DAYS <= days <= MAX_INTERVAL_DAYS:
        return None
    return _("ระยะการนิเทศติดตามต้องอยู่ระหว่าง {least} ถึง {most} วัน").format(
        least=MIN_INTERVAL_DAYS, most=MAX_INTERVAL_DAYS)


def parse_interval(text: str | None) -> int:
    """The setting's stored text as days: the default when unset or not a valid number of
    days (a bad stored value must not stop the overdue list)."""
    value = to_ascii_digits(clean_text(text))
    if not value.isdigit():
        return DEFAULT_INTERVAL_DAYS
    days = int(value)
    return days if interval_problem(days) is None else DEFAULT_INTERVAL_DAYS


class FollowUpResult(StrEnum):
    ON_TRACK = "on_track"
    AT_RISK = "at_risk"
    DROPPED = "dropped"  # left again
    NOT_MET = "not_met"


RESULT_LABELS: Mapping[FollowUpResult, str] = MappingProxyType({
    FollowUpResult.ON_TRACK: N_("เป็นไปตามแผน"),
    FollowUpResult.AT_RISK: N_("มีความเสี่ยงที่จะหลุดอีก"),
    FollowUpResult.DROPPED: N_("หลุดออกจากการเรียนหรืองานอีกครั้ง"),
    FollowUpResult.NOT_MET: N_("ไม่พบตัวเด็ก"),
})


def result_label(result: FollowUpResult | str) -> str:
    return _(RESULT_LABELS[FollowUpResult(result)])


@dataclass(frozen=True)
class FollowUp:
    on: date
    by: str
    result: FollowUpResult | None
    note: str = ""
    next_on: date | None = None  # the visit's own next date (None: on the schedule)


def check_follow_up(f: FollowUp, status: CaseStatus, *, today: date, followed_since: date | None,
                    last_visit_on: date | None = None) -> list[Problem]:
    """What keeps a follow-up visit from being recorded."""
    problems: list[Problem] = []
    if status not in FOLLOWED_UP or followed_since is None:
        problems.append(Problem("status", _("กรณีนี้ยังไม่อยู่ในช่วงนิเทศติดตาม (ต้องมีแผนที่อนุมัติแล้ว)")))
    if f.result is None:
        problems.append(Problem("result", _("โปรดเลือกผลการนิเทศติดตาม")))
    after = max((d for d in (followed_since, last_visit_on) if d is not None), default=None)
    p = date_problem("on", f.on, today, not_before=after,
                     before_label=N_("การนิเทศติดตามครั้งก่อน") if after == last_visit_on and after is not None
                     else N_("วันที่เริ่มดำเนินการตามแผน"))
    if p:
        problems.append(p)
    note = clean_text(f.note)
    required = (_("โปรดบันทึกว่าเกิดอะไรขึ้นและจะช่วยเหลืออย่างไรต่อ")
                if f.result in (FollowUpResult.AT_RISK, FollowUpResult.DROPPED) else None)
    p = text_problem("note", note, NOTE_MAX, N_("บันทึกเพิ่มเติม"), required=required)
    if p:
        problems.append(p)
    if f.next_on is not None:
        latest = f.on + timedelta(days=MAX_INTERVAL_DAYS)
        if f.next_on <= f.on:
            problems.append(Problem("next_on", _("วันนัดครั้งถัดไปต้องอยู่หลังวันที่ไปนิเทศติดตาม")))
        elif f.next_on > latest:
            problems.append(Problem("next_on", _("วันนัดครั้งถัดไปต้องไม่เกิน {latest} ({most} วันหลังวันที่ไป)").format(
                latest=format_be(latest), most=MAX_INTERVAL_DAYS)))
    return problems


@dataclass(frozen=True)
class Schedule:
    """What the schedule needs of a case."""

    ref: str  # the case's id (for the list)
    status: CaseStatus
    followed_since: date | None  # the day the case first moved to in_plan
    last_visit_on: date | None = None
    last_next_on: date | None = None  # the latest visit's own next date


def due_on(s: Schedule, interval: int = DEFAULT_INTERVAL_DAYS) -> date | None:
    """The day the next follow-up is due; None when the case is not followed up."""
    if s.status not in FOLLOWED_UP or s.followed_since is None:
        return None
    if s.last_visit_on is not None:
        if s.last_next_on is not None:
            return s.last_next_on
        return s.last_visit_on + timedelta(days=interval)
    return s.followed_since + timedelta(days=interval)


def days_overdue(due: date | None, today: date) -> int:
    """Days late (0 on the due day, before it, or when nothing is due)."""
    if due is None or today <= due:
        return 0
    return (today - due).days


def is_overdue(due: date | None, today: date) -> bool:
    return days_overdue(due, today) > 0


@dataclass(frozen=True)
class Overdue:
    ref: str
    due: date
    days: int


def overdue(schedules: Iterable[Schedule], today: date, interval: int = DEFAULT_INTERVAL_DAYS) -> list[Overdue]:
    """The cases whose follow-up is overdue, the most overdue first (then by ref)."""
    out = []
    for s in schedules:
        due = due_on(s, interval)
        if due is not None and due < today:
            out.append(Overdue(s.ref, due, (today - due).days))
    out.sort(key=lambda o: (o.due, o.ref))
    return out


def due_text(due: date | None, today: date) -> str:
    """How a list shows the next follow-up: "เลยกำหนด 5 วัน (1 ธ.ค. 2569)", "ครบกำหนดวันนี้", a date."""
    if due is None:
        return ""
    late = days_overdue(due, today)
    if late:
        return _("เลยกำหนด {days} วัน ({due})").format(days=late, due=format_be(due))
    if due == today:
        return _("ครบกำหนดวันนี้")
    return format_be(due)
