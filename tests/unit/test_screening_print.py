"""The filled screening form printed for signatures: the child, every member, every
dimension's answer, the result and the certification read back exactly by poppler, on
one A4 page for a household of six with its photos; ``samoe screening print``; a teacher
of another class cannot print it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from actors import EVERY_ROLE
from cli_run import run
from pdf_checks import assert_clean, needs_poppler, pages_of
from sqlalchemy import select

from desktop.domain.roles import Role
from desktop.services.access import Actor, Grant, NotPermitted, sign_in
from desktop.services.demo import fill_demo
from desktop.services.screening_print import screening_pdf
from desktop.store.db import Database
from desktop.store.models import Child
from desktop.store.screening_state import Certification, Screening, ScreeningMember


@pytest.fixture
def screened(office_db: Database) -> Database:
    fill_demo(office_db.engine, children=300, seed=4, today=date(2026, 11, 30), screenings=True)
    return office_db


@needs_poppler
def test_the_form_reads_back_whole(screened: Database, tmp_path: Path) -> None:
    with screened.reader() as s:
        screening = s.scalars(select(Screening).where(Screening.status == "certified", Screening.no_photo_reason == "")
                              .order_by(Screening.id)).first()
        assert screening is not None
        child = s.get(Child, screening.child_id)
        members = s.scalars(select(ScreeningMember.name).where(ScreeningMember.screening_id == screening.id)).all()
        cert = s.scalars(select(Certification).where(Certification.screening_id == screening.id)).one()
        out = tmp_path / "form.pdf"
        pages = screening_pdf(s, screening.uuid, out, today=date(2026, 11, 30))
    assert child is not None
    text = "\n".join(pages_of(out))
    assert_clean(text)
    assert pages == len(pages_of(out)) == (1 if len(members) <= 6 else 2)
    for expected in (child.first_name, child.last_name, *members, "ส่วนที่ 2 สถานะครัวเรือน", "รูปบ้านภายนอก",
                     cert.certifier_name, "ผลการคัดกรอง", "ลงชื่อ", "ผู้ปกครอง", "ชุดเกณฑ์ตัวอย่าง"):
        assert expected in text, expected


def test_samoe_screening_print_and_a_teacher_of_another_class(screened: Database, tmp_path: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    with screened.reader() as s:
        uuid = s.scalars(select(Screening.uuid).order_by(Screening.id)).first()
    assert uuid is not None
    code, out, err = run(capsys, "--db", str(screened.path), "screening", "print", uuid, "--out",
                         str(tmp_path / "f.pdf"))
    assert code == 0 and "f.pdf" in out and (tmp_path / "f.pdf").stat().st_size > 5000, err
    code, _out, err = run(capsys, "--db", str(screened.path), "screening", "print", "nope", "--out",
                          str(tmp_path / "g.pdf"))
    assert code == 1 and "ไม่พบแบบคัดกรอง" in err
    sign_in(screened, Actor(0, "ครูอื่น", "", (Grant(Role.TEACHER, 9999, "p1", "1"),)))
    with screened.reader() as s, pytest.raises(NotPermitted):
        screening_pdf(s, uuid, tmp_path / "h.pdf")
    sign_in(screened, EVERY_ROLE)
