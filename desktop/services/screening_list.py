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


@dataclass(frozen=True)
class TermCounts:
    institution: str
    enrolled: int  # school children enrolled in the year
    screened: int
    submitted: int
    certified: int
    poor: int
    extreme: int
    paid: int  # children paid in any round of the term


def _term_id(session: Session, year_be: int, term: int) -> int | None:
    found = session.scalar(select(Term.id).join(AcademicYear).where(AcademicYear.year_be == year_be,
                                                                   Term.number == term))
    return None if found is None else int(found)


def term_dashboard(session: Session, year_be: int, term: int) -> list[TermCounts]:
    """Per institution: enrolled, screened, handed in, certified, poor, extremely poor,
    paid (a few grouped queries, whatever the size). ``registry.read``."""
    from sqlalchemy import case, func

    from desktop.store.grant_state import GrantPayment, GrantRound

    require_any(session, Action.REGISTRY_READ)
    term_id = _term_id(session, year_be, term)
    year_id = session.scalar(select(AcademicYear.id).where(AcademicYear.year_be == year_be))
    if term_id is None or year_id is None:
        return []
    paid_children = (select(GrantPayment.child_id).join(GrantRound, GrantRound.id == GrantPayment.round_id)
                     .where(GrantRound.term_id == term_id, GrantPayment.status == "paid",
                            GrantPayment.deleted_at.is_(None)))
    live = and_(Screening.child_id == Child.id, Screening.term_id == term_id, Screening.deleted_at.is_(None))
    stmt = (select(Institution.name, func.count(Child.id), func.count(Screening.id),
                   func.sum(case((Screening.status == "submitted", 1), else_=0)),
                   func.sum(case((Screening.status == "certified", 1), else_=0)),
                   func.sum(case((Screening.level == "poor", 1), else_=0)),
                   func.sum(case((Screening.level == "extreme", 1), else_=0)),
                   func.sum(case((Child.id.in_(paid_children), 1), else_=0)))
            .select_from(Enrollment).join(Child, Child.id == Enrollment.child_id)
            .join(Institution, Institution.id == Enrollment.institution_id)
            .outerjoin(Screening, live)
            .where(Enrollment.academic_year_id == year_id, Enrollment.deleted_at.is_(None),
                   Child.deleted_at.is_(None), Institution.kind == "school")
            .group_by(Institution.id, Institution.name).order_by(Institution.name))
    return [TermCounts(str(n), int(e), int(sc or 0), int(sb or 0), int(ce or 0), int(po or 0), int(ex or 0),
                       int(pa or 0)) for n, e, sc, sb, ce, po, ex, pa in session.execute(stmt)]


@dataclass(frozen=True)
class MissingRow:
    child_uuid: str
    child_name: str
    institution: str
    level: str
    classroom: str
    what: str  # Thai: not screened, no photo, no position
    screened: bool = True  # False: not screened in the term; True: screened, no photo or no position


def missing(session: Session, year_be: int, term: int, *, limit: int = LIMIT) -> list[MissingRow]:
    """The school children of the year not screened in the term, then the screened ones
    with no photo (or reason) or no house position. ``registry.read``."""
    from sqlalchemy import exists, or_

    from desktop.store.screening_state import ScreeningPhoto

    require_any(session, Action.REGISTRY_READ)
    term_id = _term_id(session, year_be, term)
    year_id = session.scalar(select(AcademicYear.id).where(AcademicYear.year_be == year_be))
    if term_id is None or year_id is None:
        return []
    live = and_(Screening.child_id == Child.id, Screening.term_id == term_id, Screening.deleted_at.is_(None))
    photo = exists().where(ScreeningPhoto.screening_id == Screening.id, ScreeningPhoto.deleted_at.is_(None))
    stmt = (select(Child.uuid, Child.prefix, Child.first_name, Child.last_name, Institution.name,
                   Enrollment.level_code, Enrollment.classroom, Screening.id, photo,
                   Screening.no_photo_reason, Screening.lat_e6)
            .select_from(Enrollment).join(Child, Child.id == Enrollment.child_id)
            .join(Institution, Institution.id == Enrollment.institution_id)
            .outerjoin(Screening, live)
            .where(Enrollment.academic_year_id == year_id, Enrollment.deleted_at.is_(None), Child.deleted_at.is_(None),
                   Institution.kind == "school",
                   or_(Screening.id.is_(None), ~photo, Screening.lat_e6.is_(None)))
            .order_by(Screening.id.is_not(None), Institution.name, Enrollment.level_code, Enrollment.classroom,
                      Child.first_name_key, Child.last_name_key, Child.id).limit(limit))
    out = []
    for uuid, prefix, first, last, inst, level_code, room, sid, has_photo, reason, lat in session.execute(stmt):
        what = [] if sid is not None else [_("ยังไม่ได้คัดกรอง")]
        if sid is not None and not has_photo:
            what.append(_("ไม่มีรูปถ่าย") + (f" ({reason})" if reason else ""))
        if sid is not None and lat is None:
            what.append(_("ไม่มีพิกัดบ้าน"))
        try:
            level = level_by_code(level_code).display_label if level_code else ""
        except KeyError:
            level = str(level_code)
        out.append(MissingRow(uuid, f"{prefix}{first} {last}", inst, level, room or "", ", ".join(what),
                              sid is not None))
    return out
