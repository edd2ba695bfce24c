"""What the case services of the assessment, the plan, follow-ups, referrals and printouts
share (issue 13): the case by its id with the permission checked first, and its child.
The case itself, its moves and settings are services/cases.py's. No Qt.

    case = case_for(session, case_id, Action.CASE_SUPERVISE)   # NotPermitted / ValidationFailed
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from desktop.domain.cases import CaseStatus
from desktop.domain.errors import Problem, ValidationFailed
from desktop.domain.roles import Action
from desktop.i18n import _
from desktop.services.access import require
from desktop.services.cases import case_row
from desktop.store.case_state import OosCase
from desktop.store.models import Child


def case_for(session: Session, case_id: int | str, action: Action = Action.CASE_WORK) -> OosCase:
    """The live case (id or uuid) when the user may do ``action`` (checked first, so a
    user without the right is not told whether the case exists)."""
    require(session, action)
    return case_row(session, case_id)


def open_case_for(session: Session, case_id: int | str, action: Action = Action.CASE_WORK) -> OosCase:
    """``case_for``, refused when the case is closed (nothing more is recorded on it)."""
    case = case_for(session, case_id, action)
    if case.status == CaseStatus.CLOSED:
        raise ValidationFailed([Problem("status", _("กรณีนี้ปิดแล้ว บันทึกเพิ่มไม่ได้"))])
    return case


def child_of(session: Session, case: OosCase) -> Child:
    """The case's child (the registry's row; the foreign key holds it)."""
    require(session, Action.CASE_WORK)
    child = session.get(Child, case.child_id)
    assert child is not None
    return child
