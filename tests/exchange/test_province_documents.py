"""The province's lists printed and exported, as every list is: the municipalities (the
quiet one's Thai word, the counts) and the reconcile list (both children), read back."""

from __future__ import annotations

import csv
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from actors import actor_with
from office_kit import TOWN_A, TOWN_B
from openpyxl import load_workbook
from province_kit import Province, make_province

from desktop.domain.identity import format_national_id
from desktop.domain.roles import Role
from desktop.services.access import NotPermitted, sign_in
from desktop.services.province_documents import (
    export_municipalities,
    export_reconcile,
    municipalities_pdf,
    reconcile_pdf,
)

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "unit"))
from pdf_checks import assert_clean, needs_poppler, pdftotext  # noqa: E402


@pytest.fixture
def province(tmp_path: Path, cheap_wraps: None) -> Iterator[Province]:
    made = make_province(tmp_path / "sites")
    yield made
    made.close()


def test_exports_read_back(province: Province, tmp_path: Path) -> None:
    with province.p.db.reader() as s:
        assert export_municipalities(s, tmp_path / "m.xlsx") == 2
        assert export_reconcile(s, tmp_path / "r.csv") == 1
    sheet = load_workbook(tmp_path / "m.xlsx").active
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    header = values[0]
    assert header[:3] == ["รหัส", "อปท.", "สถานะ"]
    by_code = {row[0]: dict(zip(header, row, strict=True)) for row in values[1:]}
    assert by_code[TOWN_A[0]]["เด็ก (คน)"] == 30 and by_code[TOWN_B[0]]["เด็ก (คน)"] == 21
    assert str(by_code[TOWN_B[0]]["สถานะ"]).startswith("ไม่ได้ส่ง")  # quiet for more than 30 days
    assert by_code[TOWN_A[0]]["ชุดล่าสุด"] == 2
    with open(tmp_path / "r.csv", encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    assert rows[0][1] == "เลขประจำตัวประชาชน" and rows[1][1] == format_national_id(province.moved_national_id)
    assert rows[1][2] == "รอตรวจสอบ" and "ด.ช.ย้ายมา จากบ้านใหม่" in rows[1]


@needs_poppler
def test_pdfs_read_back(province: Province, tmp_path: Path) -> None:
    with province.p.db.reader() as s:
        assert municipalities_pdf(s, tmp_path / "m.pdf") >= 1
        assert reconcile_pdf(s, tmp_path / "r.pdf") >= 1
    text = pdftotext(tmp_path / "m.pdf")
    assert_clean(text)
    assert "อปท. ที่ส่งข้อมูลถึงจังหวัด" in text and TOWN_A[1] in text and "ไม่ได้ส่ง" in text
    text = pdftotext(tmp_path / "r.pdf")
    assert_clean(text)
    assert format_national_id(province.moved_national_id) in text and "รอตรวจสอบ 1 คู่" in text


def test_who_may(province: Province, tmp_path: Path) -> None:
    sign_in(province.p.db, actor_with(Role.CERTIFIER))
    for work in (lambda s: export_municipalities(s, tmp_path / "m.xlsx"),
                 lambda s: export_reconcile(s, tmp_path / "r.xlsx"),
                 lambda s: municipalities_pdf(s, tmp_path / "m.pdf"), lambda s: reconcile_pdf(s, tmp_path / "r.pdf")):
        with pytest.raises(NotPermitted), province.p.db.reader() as s:
            work(s)
    assert not list(tmp_path.glob("*.xlsx")) and not list(tmp_path.glob("*.pdf"))
