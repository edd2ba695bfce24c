"""The needs assessment of an out-of-school child's case (issue 13): saved after the
domain's checks (desktop/domain/case_needs.py), read back as the domain's ``Assessment``.
No Qt.

    save_assessment(session, case_id, Assessment(date(2026, 11, 20), "somchai", areas, reasons))
    view = latest_assessment(session, case_id)     # the latest live one counts; older kept
    view.complete                                   # the case may move to ``assessed``

Who: ``case.work`` (clerk, case worker, supervisor). A saved assessment need not be
complete; every save is a new row (older ones stay, the case page's history), audited as
``assessment_save``.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain.case_needs import (
    CATALOGUE_VERSION,
    Area,
    AreaRating,
    Assessment,
    LeaveReason,
    Level,
    check_assessment,
    is_complete,
    needs_found,
)
from desktop.domain.errors import ValidationFailed
from desktop.domain.identity import IdType
from desktop.domain.roles import Action
from desktop.domain.text import clean_text
from desktop.services.access import actor_name, require
from desktop.services.audit import record
from desktop.services.case_records import case_for, child_of, open_case_for
from desktop.services.office import require_local_office
from desktop.store.case_state import OosAssessment, OosAssessmentArea, OosCase


@dataclass(frozen=True)
class AssessmentView:
    id: int
    assessment: Assessment
    complete: bool
    needs: list[tuple[Area, Level, list[str]]]  # needs_found: (area, level, codes), urgent first


def _codes(text: str) -> list[str]:
    return [c for c in (text or "").split(",") if c]


def _id_type(session: Session, case: OosCase) -> IdType | None:
    try:
        return IdType(child_of(session, case).id_type)
    except ValueError:
        return None


def save_assessment(session: Session, case_id: int, a: Assessment, *, today: date | None = None) -> int:
    """Store the assessment after the domain's checks (ValidationFailed with every problem,
    nothing written); its id. ``a.by`` empty: the signed-in user."""
    require(session, Action.CASE_WORK)
    case = open_case_for(session, case_id, Action.CASE_WORK)
    office = require_local_office(session)

    a = replace(a, by=clean_text(a.by) or actor_name(session))
    problems = check_assessment(a, today=today or date.today(), opened_on=case.opened_on,
                                id_type=_id_type(session, case))
    if problems:
        raise ValidationFailed(problems)
    row = OosAssessment(case_id=case.id, assessed_on=a.assessed_on, assessed_by=a.by[:50],
                        catalogue_version=a.version,
                        reasons=",".join(sorted(r.value for r in a.reasons)),
                        other_reason=clean_text(a.other_reason), last_school=clean_text(a.last_school),
                        left_on=a.left_on, note=clean_text(a.note), origin_office_id=office.id)
    session.add(row)
    session.flush()
    for area in Area:
        rating = a.areas.get(area)
        if rating is None:
            continue
        session.add(OosAssessmentArea(assessment_id=row.id, area=area.value,
                                      level=rating.level.value if rating.level else "",
                                      needs=",".join(sorted(rating.needs)), note=clean_text(rating.note),
                                      origin_office_id=office.id))
    session.flush()
    complete = is_complete(a, today=today or date.today(), opened_on=case.opened_on,
                           id_type=_id_type(session, case))
    record(session, "assessment_save", "oos_case", case.uuid,
           {"assessed_on": a.assessed_on.isoformat(), "complete": complete,
            "areas": {k.value: (v.level.value if v.level else "") for k, v in a.areas.items()},
            "reasons": sorted(r.value for r in a.reasons)},
           subject_uuid=child_of(session, case).uuid)
    return row.id


def _assessment(row: OosAssessment, areas: list[OosAssessmentArea]) -> Assessment:
    ratings = {Area(r.area): AreaRating(Level(r.level) if r.level else None, frozenset(_codes(r.needs)), r.note)
               for r in areas}
    return Assessment(row.assessed_on, row.assessed_by, ratings, frozenset(LeaveReason(c) for c in _codes(row.reasons)),
                      row.other_reason, row.last_school, row.left_on, row.note, row.catalogue_version)


def latest_assessment(session: Session, case_id: int, *, today: date | None = None) -> AssessmentView | None:
    """The case's assessment that counts (the latest live one), or None."""
    require(session, Action.CASE_WORK)
    case = case_for(session, case_id, Action.CASE_WORK)
    row = session.scalars(select(OosAssessment).where(OosAssessment.case_id == case.id,
                                                      OosAssessment.deleted_at.is_(None))
                          .order_by(OosAssessment.assessed_on.desc(), OosAssessment.id.desc()).limit(1)).first()
    if row is None:
        return None
    areas = list(session.scalars(select(OosAssessmentArea).where(OosAssessmentArea.assessment_id == row.id,
                                                                 OosAssessmentArea.deleted_at.is_(None))))
    a = _assessment(row, areas)
    complete = a.version == CATALOGUE_VERSION and is_complete(
        a, today=today or date.today(), opened_on=case.opened_on, id_type=_id_type(session, case))
    return AssessmentView(row.id, a, complete, list(needs_found(a)))


def assessment_complete(session: Session, case_id: int, *, today: date | None = None) -> bool:
    """Whether the case's assessment is complete (the move to ``assessed`` asks)."""
    require(session, Action.CASE_WORK)
    view = latest_assessment(session, case_id, today=today)
    return view is not None and view.complete
