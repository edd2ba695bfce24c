"""Tracing visits through the services (services/case_trace.py): a visit with its photos
(shrunk, stripped of metadata, hashed, as the screening's) and position, read back on the
case page; a visit whose result moves the case reports the visit's and the move's problems
together and writes nothing then; a closed case takes no visit."""

from __future__ import annotations

import hashlib
import io
from datetime import date
from typing import Any

import pytest
from case_core_kit import CaseKit, case_children
from PIL import Image
from sqlalchemy import func, select

from desktop.domain.cases import CaseStatus
from desktop.domain.errors import ValidationFailed
from desktop.services.case_trace import photo_data, record_visit, visits
from desktop.services.cases import get_case, move_case, open_case
from desktop.services.cases_lists import case_detail
from desktop.store.case_state import OosTracePhoto, OosTraceVisit
from desktop.store.db import Database
from desktop.store.models import AuditEntry

TODAY = date(2026, 12, 1)


KORAT = {1: "N", 2: (14.0, 58.0, 30.0), 3: "E", 4: (102.0, 6.0, 0.0)}  # 14.975, 102.1
PARIS = {1: "N", 2: (48.0, 51.0, 24.0), 3: "E", 4: (2.0, 21.0, 7.0)}


def _jpeg(width: int = 3000, height: int = 2000, gps: dict[int, Any] | None = None) -> bytes:
    image = Image.new("RGB", (width, height), (120, 160, 200))
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # a maker tag the kept photo must not carry
    if gps is not None:
        exif[0x8825] = gps
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif.tobytes())
    return out.getvalue()


@pytest.fixture
def kit(office_db: Database) -> CaseKit:
    return case_children(office_db, 3)


def _case(db: Database, uuid: str) -> int:
    with db.session() as s:
        return open_case(s, uuid, date(2026, 10, 1), source="zero_dropout", today=TODAY).id


def test_a_visit_keeps_its_photos_shrunk_and_stripped_and_shows_on_the_case_page(
        office_db: Database, kit: CaseKit) -> None:
    case_id = _case(office_db, kit.children[0])
    raw = _jpeg()
    with office_db.session() as s:
        done = record_visit(s, case_id, date(2026, 10, 5), visitors="สมชาย ใจดี, อสม.มาลี", result=CaseStatus.FOUND,
                            met="มารดา", lat_e6=14_970_000, lon_e6=102_100_000, note="เด็กอยู่บ้าน ช่วยแม่ขายของ",
                            photos=[raw], today=TODAY)
    assert done.suggested is CaseStatus.FOUND and done.case.status is CaseStatus.TO_TRACE  # offered, not moved
    with office_db.reader() as s:
        shown = visits(s, case_id)
        kept = photo_data(s, shown[0].photos[0])
        stored = s.scalars(select(OosTracePhoto)).one()
        audit = s.scalars(select(AuditEntry).where(AuditEntry.action == "trace_visit")).one()
        page = case_detail(s, case_id)
    assert [(v.visitors, v.met, v.result, v.lat_e6) for v in shown] == [
        ("สมชาย ใจดี, อสม.มาลี", "มารดา", CaseStatus.FOUND, 14_970_000)]
    image = Image.open(io.BytesIO(kept))
    assert max(image.size) == 1600 and 0x010F not in image.getexif()
    assert stored.sha256 == hashlib.sha256(kept).hexdigest() and (stored.width, stored.height) == image.size
    assert audit.subject_uuid == kit.children[0] and stored.sha256 in audit.detail
    assert [v.uuid for v in page.visits] == [shown[0].uuid]


def test_a_visit_that_moves_the_case_reports_every_problem_at_once_and_writes_nothing(
        office_db: Database, kit: CaseKit) -> None:
    case_id = _case(office_db, kit.children[1])
    with office_db.session() as s, pytest.raises(ValidationFailed) as caught:
        record_visit(s, case_id, date(2026, 10, 5), visitors="", result=CaseStatus.MOVED_AWAY, move=True,
                     lat_e6=1_000_000, lon_e6=None, photos=[b"not a photo"], today=TODAY)
    fields = {p.field for p in caught.value.problems}
    assert fields == {"visitors", "position", "photos.1", "place"}  # the visit's, the photo's and the move's
    with office_db.reader() as s:
        assert s.scalar(select(func.count()).select_from(OosTraceVisit)) == 0
    with office_db.session() as s:
        done = record_visit(s, case_id, date(2026, 10, 5), visitors="สมชาย", result=CaseStatus.MOVED_AWAY, move=True,
                            place="อบต.บ้านนา อ.เมือง จ.ลำปาง", today=TODAY)
    assert done.case.status is CaseStatus.MOVED_AWAY and done.suggested is None
    assert done.case.place == "อบต.บ้านนา อ.เมือง จ.ลำปาง" and done.case.status_on == date(2026, 10, 5)


def test_a_case_waiting_for_closure_takes_no_visit(office_db: Database, kit: CaseKit) -> None:
    case_id = _case(office_db, kit.children[2])
    with office_db.session() as s:
        move_case(s, case_id, CaseStatus.DIED, date(2026, 10, 2), today=TODAY)
        move_case(s, case_id, CaseStatus.CLOSURE_REQUESTED, date(2026, 10, 3), today=TODAY)
    with office_db.session() as s, pytest.raises(ValidationFailed, match="รออนุมัติปิด"):
        record_visit(s, case_id, date(2026, 10, 5), visitors="สมชาย", result=CaseStatus.FOUND, today=TODAY)
    with office_db.reader() as s:
        assert get_case(s, case_id).status is CaseStatus.CLOSURE_REQUESTED


def test_a_photos_position_fills_a_visit_without_one_and_one_abroad_is_said_not_used(
        office_db: Database, kit: CaseKit) -> None:
    case_id = _case(office_db, kit.children[0])
    with office_db.session() as s:
        abroad = record_visit(s, case_id, date(2026, 10, 4), visitors="สมชาย", result=CaseStatus.NOT_FOUND,
                              photos=[_jpeg(800, 600, PARIS)], today=TODAY)
        filled = record_visit(s, case_id, date(2026, 10, 5), visitors="สมชาย", result=CaseStatus.FOUND,
                              photos=[_jpeg(800, 600, PARIS), _jpeg(800, 600, KORAT)], today=TODAY)
        typed = record_visit(s, case_id, date(2026, 10, 6), visitors="สมชาย", result=CaseStatus.FOUND,
                             lat_e6=15_000_000, lon_e6=103_000_000, photos=[_jpeg(800, 600, KORAT)], today=TODAY)
    assert (abroad.visit.lat_e6, abroad.visit.lon_e6) == (None, None) and "นอกประเทศไทย" in abroad.position_problem
    assert (filled.visit.lat_e6, filled.visit.lon_e6) == (14_975_000, 102_100_000)
    assert (typed.visit.lat_e6, typed.visit.lon_e6) == (15_000_000, 103_000_000)  # what was typed wins
    assert len(filled.visit.photos) == 2
