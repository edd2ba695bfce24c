"""One screening as the form shows it, and what the form needs around it: the terms, the
children the signed-in user may screen (issue 11). No Qt. The workflow (save, submit,
certify, return) is services/screenings.py; this module only reads.

    detail = open_screening(session, uuid)                     # or NotPermitted
    detail = screening_of_child(session, child_uuid, 2569, 1)  # the term's, or a blank one
    terms = term_choices(session)                               # (year_be, term), newest first
    children = screenable_children(session, 2569, "สม")

Who: a screening opens for the user who may record it (a teacher: their own class only,
services/screenings.require_recorder) or certify it (at the child's institution); anyone
else gets NotPermitted, whose message says so in Thai.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from desktop.domain.levels import level_by_code
from desktop.domain.roles import Action
from desktop.services.access import NotPermitted, current_actor, require_any
from desktop.services.screening_rows import answers_of, members_of
from desktop.services.screenings import ScreeningValues, child_of, class_of, live_screening
from desktop.services.years import term_of
from desktop.store.models import AcademicYear, Child, Enrollment, Institution, Term
from desktop.store.screening_state import Certification, Screening, ScreeningPhoto

PICK_LIMIT = 50


@dataclass(frozen=True)
class CertificationInfo:
    name: str
    position: str
    on: date
    voided_at: datetime | None
    void_reason: str


@dataclass(frozen=True)
class ScreeningDetail:
    uuid: str  # "" a screening not saved yet
    child_uuid: str
    child_name: str
    class_text: str  # "ป.3/1 · โรงเรียน..."
    year_be: int
    term: int
    status: str  # "" not saved yet
    values: ScreeningValues | None  # None: a blank form
    level: str
    score: int | None
    pack: str
    returned_reason: str
    certification: CertificationInfo | None  # the live one
    voided: CertificationInfo | None  # the latest voided one (an edit after certification)
    photo_kinds: frozenset[str]
    may_record: bool
    may_certify: bool


@dataclass(frozen=True)
class ChildChoice:
    uuid: str
    name: str
    class_text: str
    screened: str  # the status of this term's screening, "" none


def _class_text(session: Session, child: Child, term: Term) -> tuple[str, tuple[int, str, str] | None]:
    place = class_of(session, child, term)
    if place is None:
        return "", None
    institution = session.get(Institution, place[0])
    return _place_text(place[1], place[2], institution.name if institution else ""), place


def _place_text(level_code: str, room: str, institution: str) -> str:
    try:
        level = level_by_code(level_code).display_label if level_code else ""
    except KeyError:
        level = level_code
    klass = f"{level}/{room}" if level and room else level
    return " · ".join(p for p in (klass, institution) if p)


def _rights(session: Session, child: Child, term: Term) -> tuple[bool, bool, str]:
    """(may record, may certify, class text); NotPermitted when neither."""
    actor = current_actor(session)
    text, place = _class_text(session, child, term)
    if actor is None:
        raise NotPermitted(Action.SCREENING_RECORD, None)
    if place is None:
        record = actor.may(Action.SCREENING_RECORD) and actor.institutions_for(Action.SCREENING_RECORD) is None
        certify = actor.may(Action.SCREENING_CERTIFY) and actor.institutions_for(Action.SCREENING_CERTIFY) is None
    else:
        record = actor.may_screen(*place)
        certify = actor.may(Action.SCREENING_CERTIFY, place[0])
    if not record and not certify:
        raise NotPermitted(Action.SCREENING_RECORD, actor)
    return record, certify, text


def _name(child: Child) -> str:
    return f"{child.prefix}{child.first_name} {child.last_name}".strip()


def _certifications(session: Session, screening_id: int) -> tuple[CertificationInfo | None, CertificationInfo | None]:
    live = voided = None
    for c in session.scalars(select(Certification).where(Certification.screening_id == screening_id,
                                                         Certification.deleted_at.is_(None))
                             .order_by(Certification.id)):
        info = CertificationInfo(c.certifier_name, c.position, c.certified_on, c.voided_at, c.void_reason)
        if c.voided_at is None:
            live = info
        else:
            voided = info
    return live, voided


def _detail(session: Session, screening: Screening) -> ScreeningDetail:
    child = session.get(Child, screening.child_id)
    term = session.get(Term, screening.term_id)
    assert child is not None and term is not None
    record, certify, text = _rights(session, child, term)
    year = session.get(AcademicYear, term.academic_year_id)
    assert year is not None
    values = ScreeningValues(
        child_uuid=child.uuid, year_be=year.year_be, term=term.number, answers=answers_of(screening),
        members=members_of(session, screening.id), travel_means=screening.travel_means,
        travel_metres=screening.travel_metres, travel_minutes=screening.travel_minutes,
        lat_e6=screening.lat_e6, lon_e6=screening.lon_e6, no_photo_reason=screening.no_photo_reason,
        note=screening.note)
    live, voided = _certifications(session, screening.id)
    kinds = frozenset(session.scalars(select(ScreeningPhoto.kind).where(
        ScreeningPhoto.screening_id == screening.id, ScreeningPhoto.deleted_at.is_(None))))
    return ScreeningDetail(screening.uuid, child.uuid, _name(child), text, year.year_be, term.number,
                           screening.status, values, screening.level, screening.score, screening.pack,
                           screening.returned_reason, live, voided, kinds, record, certify)


def open_screening(session: Session, uuid: str) -> ScreeningDetail:
    """The screening ``uuid`` for the form; NotPermitted to one who may neither record nor
    certify it, ScreeningError when it is gone."""
    require_any(session, Action.SCREENING_RECORD, Action.SCREENING_CERTIFY)  # then this class's: _rights
    return _detail(session, live_screening(session, uuid))


def screening_of_child(session: Session, child_uuid: str, year_be: int, term: int) -> ScreeningDetail:
    """The child's screening of that term, or a blank one to fill in."""
    require_any(session, Action.SCREENING_RECORD, Action.SCREENING_CERTIFY)  # then this class's: _rights
    child = child_of(session, child_uuid)
    found = term_of(session, year_be, term)
    screening = session.scalars(select(Screening).where(Screening.child_id == child.id,
                                                        Screening.term_id == found.id,
                                                        Screening.deleted_at.is_(None))).first()
    if screening is not None:
        return _detail(session, screening)
    record, certify, text = _rights(session, child, found)
    return ScreeningDetail("", child.uuid, _name(child), text, year_be, term, "", None, "", None, "", "",
                           None, None, frozenset(), record, certify)


def term_choices(session: Session, today: date | None = None) -> tuple[list[tuple[int, int]], tuple[int, int] | None]:
    """Every term in the registry (year_be, number), newest first, and the one ``today``
    falls in (else the newest that has begun, else None)."""
    require_any(session, Action.REGISTRY_READ, Action.SCREENING_RECORD)
    on = today or date.today()
    rows = session.execute(select(AcademicYear.year_be, Term.number, Term.start_date, Term.end_date)
                           .join(AcademicYear, AcademicYear.id == Term.academic_year_id)
                           .order_by(AcademicYear.year_be.desc(), Term.number.desc())).all()
    terms = [(int(r[0]), int(r[1])) for r in rows]
    current = next(((int(r[0]), int(r[1])) for r in rows if r[2] <= on <= r[3]), None)
    if current is None:
        current = next(((int(r[0]), int(r[1])) for r in rows if r[2] <= on), terms[0] if terms else None)
    return terms, current


def screenable_children(session: Session, year_be: int, text: str, term: int = 1,
                        limit: int = PICK_LIMIT) -> list[ChildChoice]:
    """Children enrolled in ``year_be`` whose name holds ``text`` (every word), that the
    signed-in user may screen, in name order; each with this term's screening status."""
    actor = require_any(session, Action.SCREENING_RECORD)
    term_id = session.scalar(select(Term.id).join(AcademicYear, AcademicYear.id == Term.academic_year_id)
                             .where(AcademicYear.year_be == year_be, Term.number == term))
    stmt = (select(Child.uuid, Child.prefix, Child.first_name, Child.last_name, Enrollment.institution_id,
                   Enrollment.level_code, Enrollment.classroom, Institution.name, Screening.status)
            .join(Enrollment, and_(Enrollment.child_id == Child.id, Enrollment.deleted_at.is_(None)))
            .join(AcademicYear, AcademicYear.id == Enrollment.academic_year_id)
            .outerjoin(Institution, Institution.id == Enrollment.institution_id)
            .outerjoin(Screening, and_(Screening.child_id == Child.id, Screening.term_id == term_id,
                                       Screening.deleted_at.is_(None)))
            .where(AcademicYear.year_be == year_be, Child.deleted_at.is_(None))
            .order_by(Child.first_name_key, Child.last_name_key, Child.id))
    allowed = actor.institutions_for(Action.SCREENING_RECORD)
    if allowed is not None:
        stmt = stmt.where(Enrollment.institution_id.in_(allowed))
    for word in text.split():
        stmt = stmt.where(or_(Child.first_name.contains(word), Child.last_name.contains(word)))
    out: list[ChildChoice] = []
    seen: set[str] = set()
    for uuid, prefix, first, last, inst, level, room, inst_name, status in session.execute(stmt.limit(limit * 4)):
        if uuid in seen or not actor.may_screen(int(inst or 0), str(level or ""), str(room or "")):
            continue
        seen.add(uuid)
        out.append(ChildChoice(uuid, f"{prefix}{first} {last}", _place_text(str(level or ""), str(room or ""),
                                                                            inst_name or ""), status or ""))
        if len(out) >= limit:
            break
    return out
