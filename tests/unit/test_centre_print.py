"""The room's monthly attendance sheet (landscape, one row per child, a column per day,
signature lines) and the month's meal/milk report read back in all five readers (poppler,
PDFium, MuPDF, pdfminer.six, pdf.js): the names, the marks, the day counts, the amounts
computed by hand, the unchecked-rate note; a caregiver of another centre prints neither."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from actors import EVERY_ROLE, actor_with
from centre_kit import november, room_of_kit, two_centres
from needs import require_tool
from pdf_readers import READERS, read_pages, squeeze

from desktop.domain.centre import MealKind
from desktop.domain.roles import Role
from desktop.services.access import NotPermitted, sign_in
from desktop.services.centre_meals import set_rate
from desktop.services.centre_print import (
    attendance_sheet_data,
    attendance_sheet_pdf,
    meal_report_pdf,
)
from desktop.store.db import Database


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, Path, list[str], Database]]:
    from desktop.services.office import init_office
    from desktop.store import migrate

    tmp = tmp_path_factory.mktemp("centre-pdfs")
    db = Database.open(tmp / "samoe.db")
    sign_in(db, EVERY_ROLE)
    migrate.upgrade(db)
    with db.session() as s:
        init_office(s, name="เทศบาลตำบลทดสอบ", code="9999999", province="นครราชสีมา")
    kit = two_centres(db)
    rid = room_of_kit(db, kit)
    november(db, kit, rid)
    with db.session() as s:
        set_rate(s, MealKind.LUNCH, date(2026, 10, 1), 2100)
        set_rate(s, MealKind.LUNCH, date(2026, 11, 16), 2200)
        set_rate(s, MealKind.MILK, date(2026, 10, 1), 782)
    sheet, meals = tmp / "sheet.pdf", tmp / "meals.pdf"
    with db.reader() as s:
        assert attendance_sheet_pdf(s, rid, 2026, 11, sheet, today=date(2026, 12, 1)) == 1
        assert meal_report_pdf(s, kit.centre_a, 2026, 11, meals, today=date(2026, 12, 1)) == 1
        data = attendance_sheet_data(s, rid, 2026, 11, today=date(2026, 12, 1))
    names = [r.name for r in data.rows]
    yield sheet, meals, names, db
    db.dispose()


def test_the_sheet_holds_a_row_per_child_and_a_column_per_day(printed: tuple[Path, Path, list[str], Database]) -> None:
    _sheet, _meals, names, db = printed
    with db.reader() as s:
        data = attendance_sheet_data(s, 1, 2026, 11, today=date(2026, 12, 1))
    assert len(data.rows) == 30 and all(len(r.marks) == 30 for r in data.rows)
    first = next(r for r in data.rows if r.present == 14)
    assert first.marks[1] == "ป" and first.marks[12] == "-" and first.marks[26] == "" and first.marks[0] == "-"
    assert (first.absent, first.percent) == (5, "73.7%")
    assert data.per_day[1] == "27" and data.per_day[2] == "30" and data.per_day[12] == "" and data.not_recorded == 1


@pytest.mark.parametrize("reader", list(READERS))
def test_the_printouts_read_back_in_every_reader(printed: tuple[Path, Path, list[str], Database], reader: str) -> None:
    sheet, meals, names, _db = printed
    sheet_words = [*names, "บัญชีลงเวลามาเรียนของเด็ก", "พฤศจิกายน2569", "ห้องเด็กกลาง", "ครูผู้ดูแลเด็ก",
                   "หัวหน้าศูนย์พัฒนาเด็กเล็ก", "73.7%", "ร้อยละ"]
    meal_words = ["รายงานจำนวนเด็กและค่าอาหารกลางวัน", "12,120.00", "4,402.66", "16,522.66", "563",
                  "ยังไม่ได้ตรวจสอบ", "ศูนย์พัฒนาเด็กเล็กบ้านโนนสูง"]
    for path, words in ((sheet, sheet_words), (meals, meal_words)):
        text = squeeze("".join(read_pages(reader, path)))
        missing = [w for w in words if squeeze(w) not in text]
        assert missing == [], (reader, path.name, missing)


def test_the_sheet_is_landscape(printed: tuple[Path, Path, list[str], Database]) -> None:
    require_tool("pdfinfo", "apt-get install poppler-utils")
    info = subprocess.run(["pdfinfo", str(printed[0])], capture_output=True, text=True, check=True).stdout
    assert "841.89 x 595.27" in info and "Pages:           1" in info


def test_another_centres_caregiver_prints_nothing(printed: tuple[Path, Path, list[str], Database],
                                                  tmp_path: Path) -> None:
    db = printed[3]
    sign_in(db, actor_with(Role.CAREGIVER, institution_id=2))
    try:
        with db.reader() as s:
            with pytest.raises(NotPermitted):
                attendance_sheet_pdf(s, 1, 2026, 11, tmp_path / "x.pdf")
            with pytest.raises(NotPermitted):
                meal_report_pdf(s, 1, 2026, 11, tmp_path / "y.pdf")
    finally:
        sign_in(db, EVERY_ROLE)
    assert not list(tmp_path.glob("*.pdf"))
