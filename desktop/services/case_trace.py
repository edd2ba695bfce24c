"""Tracing visits of an out-of-school child's case (issue 13): who went, whom they met,
what they found, where, and the photos. No Qt.

    v = record_visit(session, case_id, date(2026, 11, 5), visitors="สมชาย ใจดี", result=CaseStatus.FOUND,
                     met="มารดา", lat_e6=14_970_000, lon_e6=102_100_000, photos=[jpeg_bytes])
    v = record_visit(session, case_id, on, visitors="...", result=CaseStatus.MOVED_AWAY,
                     move=True, place="อบต.บ้านนา อ.เมือง จ.ลำปาง")      # the visit moves the case too
    visits(session, case_id); photo_data(session, photo_uuid)

The domain (desktop/domain/case_trace.py) checks the visit; the photos are handled as the
screening's (services/screening_photos.py ``prepare_photo``: turned upright, shrunk,
written again with no metadata, hashed) into ``oos_trace_photo``. A photo's own GPS
position fills the visit's when none was given. Recording a visit does not move the
case unless ``move=True``: then the visit's result is the move (services/cases.py
``move_case``, its own checks: a place for "moved away", a reason for "declined"), and the
problems of the visit and of the move are reported together, nothing written.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.domain.case_trace import TraceVisit, check_trace_visit, suggested_move
from desktop.domain.cases import CaseStatus
from desktop.domain.errors import Problem, ValidationFailed
from desktop.domain.roles import Action
from desktop.domain.text import clean_text
from desktop.i18n import _
from desktop.services.access import require
from desktop.services.audit import record
from desktop.services.cases import CaseInfo, case_row, get_case, move_case, prepare_move
from desktop.services.screening_photos import PreparedPhoto, prepare_photo
from desktop.store.case_state import OosTracePhoto, OosTraceVisit
from desktop.store.models import Child


@dataclass(frozen=True)
class VisitView:
    id: int
    uuid: str
    visited_on: date
    visitors: str
    met: str
    result: CaseStatus | None
    lat_e6: int | None
    lon_e6: int | None
    note: str
    photos: tuple[str, ...]  # the photos' uuids (photo_data reads one)


@dataclass(frozen=True)
class VisitRecorded:
    visit: VisitView
    case: CaseInfo  # after the move, when the visit moved it
    suggested: CaseStatus | None  # the move the screen may offer (None: moved already, or none)
    position_problem: str  # a photo's position outside Thailand, not used


def _prepared(photos: Sequence[bytes]) -> tuple[list[PreparedPhoto], list[Problem]]:
    out, problems = [], []
    for i, raw in enumerate(photos, start=1):
        try:
            out.append(prepare_photo(raw))
        except ValidationFailed as exc:
            problems += [Problem(f"photos.{i}", _("รูปที่ {n}: {message}").format(n=i, message=p.message))
                         for p in exc.problems]
    return out, problems


def record_visit(session: Session, ref: int | str, visited_on: date, *, visitors: str,
                 result: CaseStatus | str | None, met: str = "", lat_e6: int | None = None,
                 lon_e6: int | None = None, note: str = "", photos: Sequence[bytes] = (), move: bool = False,
                 place: str = "", reason: str = "", today: date | None = None) -> VisitRecorded:
    """Record a tracing visit on the case (``case.work``); with ``move`` the case moves to
    the visit's result on the visit's day. ValidationFailed with every problem of the
    visit, its photos and (``move``) the move; nothing is written then."""
    require(session, Action.CASE_WORK)
    today = today or date.today()
    row = case_row(session, ref, for_update=True)
    status = CaseStatus(row.status)
    try:
        outcome = CaseStatus(result) if result else None
    except ValueError:
        outcome = None
    visit = TraceVisit(visited_on, visitors, outcome, met, lat_e6, lon_e6, note, len(photos))
    problems = check_trace_visit(visit, status, today=today, opened_on=row.opened_on)
    prepared, photo_problems = _prepared(photos) if len(photos) == visit.photos and not any(
        p.field == "photos" for p in problems) else ([], [])
    problems += photo_problems
    moving = move and outcome is not None and suggested_move(status, outcome) is not None
    if move and outcome is not None and not moving and outcome is not status:
        problems.append(Problem("status", _("เปลี่ยนสถานะจาก \"{old}\" เป็น \"{new}\" ไม่ได้").format(
            old=_status_text(status), new=_status_text(outcome))))
    if moving and outcome is not None:
        said = {p.message for p in problems}  # the visit's date is the move's: its problem said once
        problems += [p for p in prepare_move(session, row.id, outcome, visited_on, place=place, reason=reason,
                                             note=note, today=today).problems if p.message not in said]
    if problems:
        raise ValidationFailed(problems)
    position_problem = next((p.position_problem for p in prepared if p.position_problem), "")
    if lat_e6 is None and lon_e6 is None:
        lat_e6, lon_e6 = next((p.position for p in prepared if p.position is not None), (None, None))
    v = OosTraceVisit(case_id=row.id, visited_on=visited_on, visitors=clean_text(visitors), met=clean_text(met),
                      result=outcome.value if outcome else "", lat_e6=lat_e6, lon_e6=lon_e6, note=clean_text(note),
                      origin_office_id=row.origin_office_id)
    session.add(v)
    session.flush()
    for p in prepared:
        session.add(OosTracePhoto(visit_id=v.id, data=p.data, sha256=p.sha256, width=p.width, height=p.height,
                                  origin_office_id=row.origin_office_id))
    session.flush()
    child = session.get(Child, row.child_id)
    assert child is not None
    record(session, "trace_visit", "oos_case", row.uuid,
           {"visited_on": visited_on.isoformat(), "result": v.result, "photos": [p.sha256 for p in prepared],
            "position": lat_e6 is not None}, subject_uuid=child.uuid)
    if moving and outcome is not None:
        info = move_case(session, row.id, outcome, visited_on, place=place, reason=reason, note=note, today=today)
        suggested = None
    else:
        info = get_case(session, row.id)
        suggested = suggested_move(status, outcome)
    return VisitRecorded(_view(session, v), info, suggested, position_problem)


def _status_text(status: CaseStatus) -> str:
    from desktop.domain.cases import status_label

    return status_label(status)


def _view(session: Session, v: OosTraceVisit) -> VisitView:
    photos = tuple(session.scalars(select(OosTracePhoto.uuid).where(OosTracePhoto.visit_id == v.id,
                                                                    OosTracePhoto.deleted_at.is_(None))
                                   .order_by(OosTracePhoto.id)))
    return VisitView(v.id, v.uuid, v.visited_on, v.visitors, v.met, CaseStatus(v.result) if v.result else None,
                     v.lat_e6, v.lon_e6, v.note, photos)


def visits(session: Session, ref: int | str) -> list[VisitView]:
    """The case's tracing visits, newest first, each with its photos' uuids."""
    require(session, Action.CASE_WORK)
    row = case_row(session, ref)
    found = session.scalars(select(OosTraceVisit).where(OosTraceVisit.case_id == row.id,
                                                        OosTraceVisit.deleted_at.is_(None))
                            .order_by(OosTraceVisit.visited_on.desc(), OosTraceVisit.id.desc())).all()
    return [_view(session, v) for v in found]


def photo_data(session: Session, photo_uuid: str) -> bytes:
    """A visit photo's JPEG (as kept: shrunk, no metadata)."""
    require(session, Action.CASE_WORK)
    data = session.scalar(select(OosTracePhoto.data).where(OosTracePhoto.uuid == photo_uuid,
                                                           OosTracePhoto.deleted_at.is_(None)))
    if data is None:
        raise ValidationFailed([Problem("photo", _("ไม่พบรูป {ref}").format(ref=photo_uuid))])
    return bytes(data)


def visit_count(session: Session, ref: int | str) -> int:
    require(session, Action.CASE_WORK)
    row = case_row(session, ref)
    return int(session.scalar(select(func.count()).select_from(OosTraceVisit).where(
        OosTraceVisit.case_id == row.id, OosTraceVisit.deleted_at.is_(None))) or 0)
