"""Follow-ups (นิเทศติดตาม) of an out-of-school child's case (issue 13): a visit recorded
after the domain's checks (desktop/domain/case_followup.py), the case's schedule kept
(``last_visit_on``, ``last_next_on``, ``follow_due_on``), the office's interval setting
The interval setting (``cases.follow_up_days``, 30 days by
default) and the due date's upkeep are services/cases.py's (``set_follow_up_days``,
``refresh_follow_due``). No Qt.

    record_follow_up(session, case_id, FollowUp(date(2026, 11, 20), "", FollowUpResult.ON_TRACK))
    follow_ups(session, case_id)                       # oldest first

Who: ``case.work`` records and reads. Audited: ``follow_up``.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain.case_followup import (
    FollowUp,
    FollowUpResult,
    check_follow_up,
)
from desktop.domain.cases import CaseStatus
from desktop.domain.errors import ValidationFailed
from desktop.domain.roles import Action
from desktop.domain.text import clean_text
from desktop.services.access import actor_name, require
from desktop.services.audit import record
from desktop.services.case_records import case_for, child_of, open_case_for
from desktop.services.cases import refresh_follow_due
from desktop.services.office import require_local_office
from desktop.services.people import full_names
from desktop.store.case_state import OosFollowUp


@dataclass(frozen=True)
class FollowUpView:
    id: int
    on: date
    by: str  # who went, by full name (people.full_names); the stored login in ``by_login``
    result: FollowUpResult
    note: str
    next_on: date | None
    by_login: str = ""


def record_follow_up(session: Session, case_id: int, f: FollowUp, *, today: date | None = None) -> int:
    """Store a follow-up visit (ValidationFailed with every problem, nothing written) and
    the case's next due date; the visit's id. ``f.by`` empty: the signed-in user."""
    require(session, Action.CASE_WORK)
    case = open_case_for(session, case_id, Action.CASE_WORK)
    office = require_local_office(session)
    f = replace(f, by=clean_text(f.by) or actor_name(session))
    problems = check_follow_up(f, CaseStatus(case.status), today=today or date.today(),
                               followed_since=case.followed_since, last_visit_on=case.last_visit_on)
    if problems:
        raise ValidationFailed(problems)
    assert f.result is not None  # check_follow_up refused otherwise
    row = OosFollowUp(case_id=case.id, visited_on=f.on, visited_by=f.by[:50], result=f.result.value,
                      note=clean_text(f.note), next_on=f.next_on, origin_office_id=office.id)
    session.add(row)
    case.last_visit_on, case.last_next_on = f.on, f.next_on
    session.flush()
    refresh_follow_due(session, case)
    session.flush()
    record(session, "follow_up", "oos_case", case.uuid,
           {"visited_on": f.on.isoformat(), "result": f.result.value,
            "next_on": f.next_on.isoformat() if f.next_on else None,
            "due": case.follow_due_on.isoformat() if case.follow_due_on else None},
           subject_uuid=child_of(session, case).uuid)
    return row.id


def follow_ups(session: Session, case_id: int) -> list[FollowUpView]:
    """The case's follow-up visits, oldest first."""
    require(session, Action.CASE_WORK)
    case = case_for(session, case_id, Action.CASE_WORK)
    rows = session.scalars(select(OosFollowUp).where(OosFollowUp.case_id == case.id,
                                                     OosFollowUp.deleted_at.is_(None))
                           .order_by(OosFollowUp.visited_on, OosFollowUp.id))
    found = list(rows)
    names = full_names(session, [r.visited_by for r in found])
    return [FollowUpView(r.id, r.visited_on, names.get(r.visited_by, r.visited_by), FollowUpResult(r.result), r.note,
                         r.next_on, r.visited_by) for r in found]
