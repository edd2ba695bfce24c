"""Who changes class if a rule pack scores every screening (issue 11): the preview the
window shows before a re-score is confirmed, with each child's name, school, class and
old → new poverty class. No Qt.

    rows = change_rows(session, "samoe-illustrative v2", progress)

Who: as rulepacks.rescore_preview (``registry.read``).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import and_, select
from sqlalchemy.orm import Session

from desktop.domain.levels import level_by_code
from desktop.domain.roles import Action
from desktop.domain.screening import LEVEL_LABELS, PovertyLevel
from desktop.domain.sort_keys import natural_sort_key
from desktop.i18n import _
from desktop.services.access import require
from desktop.services.progress import Progress
from desktop.services.rulepacks import rescore_preview
from desktop.store.models import AcademicYear, Child, Enrollment, Institution, Term
from desktop.store.screening_state import Screening

CHUNK = 500  # uuids per query


@dataclass(frozen=True)
class ChangeRow:
    screening_uuid: str
    child_name: str
    institution: str
    level: str  # the class level's label
    term: str  # 1/2569
    before: str  # the poverty class's label now ("ยังไม่คิดผล" when not scored)
    after: str
    after_code: str  # not_poor / poor / extreme


def level_label(code: str) -> str:
    return _(LEVEL_LABELS[PovertyLevel(code)]) if code else _("ยังไม่คิดผล")


def _class_label(code: object) -> str:
    if not code:
        return ""
    try:
        return level_by_code(str(code)).display_label
    except KeyError:
        return str(code)


def change_rows(session: Session, label: str, progress: Progress | None = None) -> list[ChangeRow]:
    """The screenings pack ``label`` would move to another class (nothing changes), by
    school, class and name."""
    require(session, Action.REGISTRY_READ)
    if progress is not None:  # the caller's label says what runs
        progress.step(0, 0)
    changes = {c.screening_uuid: c for c in rescore_preview(session, label)}
    uuids = list(changes)
    out: list[ChangeRow] = []
    for start in range(0, len(uuids), CHUNK):
        if progress is not None:
            progress.step(start, len(uuids))
        stmt = (select(Screening.uuid, Child.prefix, Child.first_name, Child.last_name, Institution.name,
                       Enrollment.level_code, Term.number, AcademicYear.year_be)
                .join(Child, Child.id == Screening.child_id).join(Term, Term.id == Screening.term_id)
                .join(AcademicYear, AcademicYear.id == Term.academic_year_id)
                .outerjoin(Enrollment, and_(Enrollment.child_id == Child.id,
                                            Enrollment.academic_year_id == AcademicYear.id,
                                            Enrollment.deleted_at.is_(None)))
                .outerjoin(Institution, Institution.id == Enrollment.institution_id)
                .where(Screening.uuid.in_(uuids[start:start + CHUNK])))
        for uuid, prefix, first, last, school, code, number, year in session.execute(stmt):
            change = changes[str(uuid)]
            out.append(ChangeRow(str(uuid), f"{prefix}{first} {last}", school or "", _class_label(code),
                                 f"{number}/{year}", level_label(change.before), level_label(change.after),
                                 change.after))
    out.sort(key=lambda r: (natural_sort_key(r.institution), natural_sort_key(r.level), natural_sort_key(r.child_name)))
    return out
