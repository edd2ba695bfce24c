"""The screening's printouts read back exactly in every reader people use (poppler, PDFium,
MuPDF, pdfminer.six, pdf.js): the filled form (names, answers, result, signatures) and a
grant round's list with its signature column."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from actors import EVERY_ROLE
from pdf_readers import READERS, read_pages, squeeze
from sqlalchemy import select

from desktop.domain.grants import Outcome, Programme
from desktop.domain.screening import PovertyLevel
from desktop.services.access import sign_in
from desktop.services.demo import fill_demo
from desktop.services.grant_print import grant_list_pdf
from desktop.services.grants import RoundValues, create_round, eligibility, record_attendance
from desktop.services.screening_print import screening_pdf
from desktop.store.db import Database
from desktop.store.models import Child
from desktop.store.screening_state import Screening, ScreeningMember


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, Path, list[str], list[str]]]:
    from desktop.services.office import init_office
    from desktop.store import migrate

    tmp = tmp_path_factory.mktemp("screening-pdfs")
    db = Database.open(tmp / "samoe.db")
    sign_in(db, EVERY_ROLE)  # module-scoped: before the tests' own sign-in
    migrate.upgrade(db)
    with db.session() as s:
        init_office(s, name="เทศบาลตำบลทดสอบ", code="9999999", province="นครราชสีมา")
    fill_demo(db.engine, children=300, seed=4, today=date(2026, 11, 30), screenings=True)
    with db.session() as s:
        screening = s.scalars(select(Screening).where(Screening.status == "certified").order_by(Screening.id)).first()
        assert screening is not None
        child = s.get(Child, screening.child_id)
        assert child is not None
        form_words = [child.first_name, child.last_name, "สถานะครัวเรือน", "ผลการคัดกรอง", "ผู้ปกครอง",
                      *s.scalars(select(ScreeningMember.name).where(ScreeningMember.screening_id == screening.id))]
        form = tmp / "form.pdf"
        screening_pdf(s, screening.uuid, form, today=date(2026, 11, 30))
        rid = create_round(s, RoundValues(Programme.EEF, "ทุนเสมอภาค 1/2569", 2569, 1,
                                          levels=frozenset({PovertyLevel.POOR, PovertyLevel.EXTREME})))
    with db.session() as s:
        rows = eligibility(s, rid)
        record_attendance(s, 2569, 1, [(r.child_uuid, 90, 100) for r in rows if r.outcome is Outcome.HELD])
    with db.session() as s:
        names = [r.child_name for r in eligibility(s, rid) if r.outcome is Outcome.ELIGIBLE]
        listing = tmp / "list.pdf"
        grant_list_pdf(s, rid, listing, today=date(2026, 11, 30))
    db.dispose()
    yield form, listing, form_words, [*names, "ลายมือชื่อผู้ปกครองผู้รับเงิน"]


@pytest.mark.parametrize("reader", list(READERS))
def test_the_printouts_read_back_in_every_reader(printed: tuple[Path, Path, list[str], list[str]],
                                                reader: str) -> None:
    form, listing, form_words, list_words = printed
    for path, words in ((form, form_words), (listing, list_words)):
        text = squeeze("".join(read_pages(reader, path)))
        missing = [w for w in words if squeeze(w) not in text]
        assert missing == [], (reader, path.name, missing)
