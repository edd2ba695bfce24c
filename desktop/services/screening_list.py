"""Lists of screenings (issue 11): by term, status, institution and class. No Qt.

Who: ``registry.read`` sees every screening; a teacher (``screening.record`` for their
class only) sees their own class's.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import and_, select
from sqlalchemy.orm import Session

from desktop.domain.levels import level_by_code
from desktop.domain.roles import Action
from desktop.domain.screening import LEVEL_LABELS, PovertyLevel
from desktop.i18n import _
from desktop.services.access import require_any
from desktop.services.screenings import status_label
from desktop.store.models import AcademicYear, Child, Enrollment, Institution, Term
from desktop.store.screening_state import Screening

LIMIT = 5000  # a term of one municipality is a few thousand; a list longer is paged by the view


@dataclass(frozen=True)
class ScreeningRow:
    uuid: str
    term: str  # 1/2569
    child_uuid: str
    child_name: str
    institution: str
    level: str  # class level label
    classroom: str
    status: str
    status_label: str
    poverty: str  # not_poor / poor / extreme / ""
    level_label: str
    score: int | None


def screening_rows(session: Session, *, term: int | None = None, year_be: int | None = None,
                   status: str | None = None, institution_id: int | None = None,
                   offset: int = 0, limit: int = LIMIT) -> list[ScreeningRow]:
    actor = require_any(session, Action.REGISTRY_READ, Action.SCREENING_RECORD)
    everyone = actor.may(Action.REGISTRY_READ)
    stmt = (select(Screening.uuid, Term.number, AcademicYear.year_be, Child.uuid, Child.prefix, Child.first_name,
                   Child.last_name, Institution.id, Institution.name, Enrollment.level_code, Enrollment.classroom,
                   Screening.status, Screening.level, Screening.score)
            .join(Term, Term.id == Screening.term_id).join(AcademicYear, AcademicYear.id == Term.academic_year_id)
            .join(Child, Child.id == Screening.child_id)
            .outerjoin(Enrollment, and_(Enrollment.child_id == Child.id,
                                        Enrollment.academic_year_id == AcademicYear.id,
                                        Enrollment.deleted_at.is_(None)))
            .outerjoin(Institution, Institution.id == Enrollment.institution_id)
            .where(Screening.deleted_at.is_(None))
            .order_by(AcademicYear.year_be.desc(), Term.number.desc(), Institution.name, Enrollment.level_code,
                      Enrollment.classroom, Child.first_name_key, Child.last_name_key, Child.id))
    if year_be is not None:
        stmt = stmt.where(AcademicYear.year_be == year_be)
    if term is not None:
        stmt = stmt.where(Term.number == term)
    if status:
        stmt = stmt.where(Screening.status == status)
    if institution_id is not None:
        stmt = stmt.where(Enrollment.institution_id == institution_id)
    out: list[ScreeningRow] = []
    for r in session.execute(stmt.offset(offset).limit(limit)):
        (uuid, number, year, child_uuid, prefix, first, last, inst_id, inst_name, level_code, room, state,
         poverty, score) = r
        if not everyone and not actor.may_screen(int(inst_id or 0), str(level_code or ""), str(room or "")):
            continue
        try:
            level = level_by_code(level_code).display_label if level_code else ""
        except KeyError:
            level = str(level_code)
        out.append(ScreeningRow(uuid, f"{number}/{year}", child_uuid, f"{prefix}{first} {last}", inst_name or "",
                                level, room or "", state, status_label(state), poverty or "",
                                _(LEVEL_LABELS[PovertyLevel(poverty)]) if poverty else _("ยังไม่คิดผล"), score))
    return out
