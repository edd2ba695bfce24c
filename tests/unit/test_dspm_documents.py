"""DSPM printouts (issue 12): the guardian's activity sheet for the failed items and the
referral letter for TEDA4I read back in the five PDF readers, stay Thai whatever the
screen says, and are refused when there is nothing to practise or nobody to refer."""

from __future__ import annotations

import subprocess
from datetime import date
from pathlib import Path

import pytest
from needs import require_tool
from pdf_readers import READERS, read_pages, squeeze

from desktop import i18n
from desktop.domain.dspm import CheckResult, evaluate, evaluate_recheck, manual
from desktop.reports.dspm_documents import (
    ChildLine,
    Referral,
    activity_sheet_pdf,
    referral_letter_pdf,
)

CHILD = ChildLine("เด็กชายภูผา ใจกล้า", date(2024, 4, 10), "1-1037-01234-56-1", "นางสมศรี ใจกล้า (มารดา)",
                  "081-234-5678", "12 หมู่ 4 ต.ในเมือง อ.เมือง จ.นครราชสีมา 30000",
                  "ศพด.บ้านหนองบัว ห้องเตรียมอนุบาล")
REFERRAL = Referral("โรงพยาบาลมหาราชนครราชสีมา", "นม 52001/123", "นายนายก เทศมนตรี", "นายกเทศมนตรีตำบลทดสอบ",
                    "044-123-456")


def checks() -> tuple[CheckResult, CheckResult]:
    answers = {i.no: True for i in manual().band(30).items} | {74: False, 76: False}
    first = evaluate(30, date(2026, 10, 20), answers)
    return first, evaluate_recheck(first, date(2026, 11, 18), {74: True, 76: False})


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    first, recheck = checks()
    folder = tmp_path_factory.mktemp("dspm")
    sheet, pages = activity_sheet_pdf(CHILD, first, office="เทศบาลตำบลทดสอบ", assessor="นางสาวครู ดีใจ",
                                      printed=date(2026, 10, 20))
    assert pages == 1
    letter, pages = referral_letter_pdf(CHILD, first, recheck, REFERRAL, office="เทศบาลตำบลทดสอบ",
                                        today=date(2026, 11, 18))
    assert pages == 1
    (folder / "sheet.pdf").write_bytes(sheet)
    (folder / "letter.pdf").write_bytes(letter)
    return folder / "sheet.pdf", folder / "letter.pdf"


@pytest.mark.parametrize("reader", list(READERS))
def test_the_sheet_and_the_letter_read_back_in_every_reader(printed: tuple[Path, Path], reader: str) -> None:
    sheet, letter = printed
    m = manual()
    expect = {
        sheet: [CHILD.name, "กิจกรรมส่งเสริมพัฒนาการเด็กสำหรับผู้ปกครอง", m.item(74).skill, m.item(76).skill,
                m.item(74).activity[0], "19 พฤศจิกายน 2569", "ผู้ปกครอง", "สงสัยล่าช้า"],
        letter: [CHILD.name, "โรงพยาบาลมหาราชนครราชสีมา", "TEDA4I", m.item(76).skill, "ส่วนตอบกลับ",
                 "ยังล่าช้าเมื่อประเมินซ้ำ", "74, 76", "1-1037-01234-56-1", "นางสมศรี ใจกล้า"],
    }
    for path, words in expect.items():
        text = squeeze("".join(read_pages(reader, path)))
        missing = [w for w in words if squeeze(w) not in text]
        assert missing == [], (reader, path.name, missing)
    # the item passed at the re-check is not among those still failing on the letter
    letter_text = squeeze("".join(read_pages(reader, letter)))
    assert squeeze(f"ข้อ 74 {m.item(74).skill}") not in letter_text


def test_the_documents_render_and_stay_thai_in_english(printed: tuple[Path, Path], tmp_path: Path) -> None:
    require_tool("pdftoppm", "apt-get install poppler-utils")
    for path in printed:
        subprocess.run(["pdftoppm", "-r", "40", "-png", str(path), str(tmp_path / path.stem)], check=True)
    assert len(list(tmp_path.glob("*.png"))) == 2
    first, recheck = checks()
    i18n.set_language("en")
    try:
        pdf, _pages = referral_letter_pdf(CHILD, first, recheck, REFERRAL, office="x", today=date(2026, 11, 18))
    finally:
        i18n.set_language("th")
    out = tmp_path / "en.pdf"
    out.write_bytes(pdf)
    text = squeeze("".join(read_pages("pdfium", out)))
    assert squeeze("ด้านการใช้ภาษา") in text and "Expressive" not in text


def test_nothing_to_practise_or_refer_is_refused() -> None:
    on_track = evaluate(30, date(2026, 10, 20), {i.no: True for i in manual().band(30).items})
    with pytest.raises(ValueError):
        activity_sheet_pdf(CHILD, on_track, office="x")
    first, _recheck = checks()
    with pytest.raises(ValueError):  # a suspected delay is stimulated first, not referred
        referral_letter_pdf(CHILD, first, None, REFERRAL, office="x")
    now = evaluate(30, date(2026, 10, 20), {i.no: True for i in manual().band(30).items} | {70: False},
                   refer_now=True)
    pdf, pages = referral_letter_pdf(CHILD, now, None, REFERRAL, office="x", today=date(2026, 10, 20))
    assert pages == 1 and pdf.startswith(b"%PDF")
