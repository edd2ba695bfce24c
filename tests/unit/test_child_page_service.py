"""One page per child across the modules (issue 13, services/child_page.py): every section
a role reads, none it does not (silently), a caregiver only for their own centre's
children; and the page printed, read back in the five PDF readers."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from actors import EVERY_ROLE, actor_with
from child_page_kit import Demo, child_page_demo
from pdf_readers import READERS, read_pages, squeeze

from desktop import i18n
from desktop.domain.roles import Role
from desktop.services.access import NotPermitted, sign_in
from desktop.services.child_page import child_page
from desktop.services.child_page_print import child_page_pdf
from desktop.services.reports import ReportOptions

TODAY = date(2026, 12, 1)
ALL = ["registry", "screening", "grants", "centre", "growth", "dspm", "case"]


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Demo]:
    d = child_page_demo(tmp_path_factory.mktemp("child-page") / "samoe.db", TODAY)
    yield d
    d.db.dispose()


def _field(page_section: object, label: str) -> str:
    return dict(page_section.fields)[label]  # type: ignore[attr-defined]


def test_every_module_has_its_section_for_a_user_who_reads_them_all(demo: Demo) -> None:
    with demo.db.reader() as s:
        page = child_page(s, demo.small, today=TODAY)
        school = child_page(s, demo.school, today=TODAY)
    assert [x.key for x in page.sections] == ALL
    centre, growth, dspm, case = (page.section(k) for k in ("centre", "growth", "dspm", "case"))
    assert centre is not None and centre.rows and centre.rows[0][3] == "ปัจจุบัน"
    assert _field(centre, "การมาเรียน ภาคเรียน 2/2569").endswith("วันที่บันทึก)")
    assert growth is not None and growth.rows and growth.rows[0][5] in {"ผอม", "ค่อนข้างผอม", "สมส่วน", "ท้วม",
                                                                       "เริ่มอ้วน", "อ้วน", "-"}
    assert dspm is not None and dspm.rows and "(1B26" in dspm.rows[0][3]
    assert case is not None
    assert _field(case, "สถานะ") == "ดำเนินการตามแผนช่วยเหลือ ตั้งแต่ 1 ก.ย. 2569"
    assert _field(case, "นิเทศติดตามครั้งถัดไป") == "31 ต.ค. 2569 (เลยกำหนด 31 วัน)"
    assert _field(case, "แผนช่วยเหลือรายบุคคล") == "ฉบับที่ 1 อนุมัติแล้ว (ใช้อยู่)"
    assert "โรงพยาบาลส่งเสริมสุขภาพตำบลหนองบัว (ส่งแล้ว)" in _field(case, "การส่งต่อ")
    assert case.rows == (("กลับเข้าเรียนชั้นอนุบาล", "ประสานโรงเรียนรับเข้าเรียน", "โรงเรียนบ้านโนนสูง · ครูสมใจ",
                          "15 ม.ค. 2570", "-"),)
    screening, grants = school.section("screening"), school.section("grants")
    assert screening is not None and screening.rows[0][:2] == ("1/2569", "รับรองแล้ว")
    assert grants is not None and grants.rows[0][2].endswith("บาท") and grants.rows[0][5] == "จ่ายแล้ว"
    assert school.section("growth") is not None and not school.section("growth").has_data  # type: ignore[union-attr]
    assert school.section("case").empty == "ไม่มีกรณีเด็กนอกระบบการศึกษา"  # type: ignore[union-attr]


@pytest.mark.parametrize(("role", "keys"), [
    (Role.CASE_WORKER, ["registry", "case"]),
    (Role.SUPERVISOR, ["registry", "case"]),
    (Role.CERTIFIER, ["registry", "screening", "centre", "growth", "dspm"]),
    (Role.PROVINCE, ["registry"]),
    (Role.CLERK, ALL),
])
def test_a_role_sees_only_the_modules_it_reads(demo: Demo, role: Role, keys: list[str]) -> None:
    sign_in(demo.db, actor_with(role))
    try:
        with demo.db.reader() as s:
            assert [x.key for x in child_page(s, demo.small, today=TODAY).sections] == keys
    finally:
        sign_in(demo.db, EVERY_ROLE)


def test_a_caregiver_sees_their_own_centres_child_and_is_refused_another(demo: Demo) -> None:
    sign_in(demo.db, actor_with(Role.CAREGIVER, institution_id=demo.centre_id))
    try:
        with demo.db.reader() as s:
            page = child_page(s, demo.small, today=TODAY)
            assert [x.key for x in page.sections] == ["registry", "centre", "growth", "dspm"]
            with pytest.raises(NotPermitted):
                child_page(s, demo.school, today=TODAY)
        sign_in(demo.db, actor_with(Role.CAREGIVER, institution_id=demo.other_centre_id))
        with demo.db.reader() as s, pytest.raises(NotPermitted):
            child_page(s, demo.small, today=TODAY)
    finally:
        sign_in(demo.db, EVERY_ROLE)


def test_no_one_signed_in_sees_nothing(demo: Demo) -> None:
    from desktop.services.access import sign_out

    sign_out(demo.db)
    try:
        with demo.db.reader() as s, pytest.raises(NotPermitted):
            child_page(s, demo.small, today=TODAY)
    finally:
        sign_in(demo.db, EVERY_ROLE)


def test_the_page_speaks_english_on_an_english_screen(demo: Demo) -> None:
    i18n.set_language("en")
    try:
        with demo.db.reader() as s:
            page = child_page(s, demo.small, today=TODAY)
    finally:
        i18n.set_language("th")
    titles = [x.title for x in page.sections]
    assert titles[0] == "Registry" and "Out-of-school case" in titles
    assert all(not any("\u0e00" <= ch <= "\u0e7f" for ch in label) for x in page.sections for label, _v in x.fields)


@pytest.fixture(scope="module")
def printed(demo: Demo, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("child-page-pdf") / "child.pdf"
    i18n.set_language("en")  # an official document: Thai whatever the screen
    try:
        with demo.db.reader() as s:
            assert child_page_pdf(s, out, demo.small, ReportOptions(today=TODAY)) == 1
    finally:
        i18n.set_language("th")
    return out


@pytest.mark.parametrize("reader", list(READERS))
def test_the_printed_page_reads_back_in_every_reader(printed: Path, reader: str) -> None:
    text = squeeze("".join(read_pages(reader, printed)))
    words = ["ภาพรวมข้อมูลเด็กรายบุคคล", "ข้อมูลทะเบียน", "ศูนย์พัฒนาเด็กเล็ก", "การเจริญเติบโต", "พัฒนาการ(DSPM)",
             "เด็กนอกระบบการศึกษา", "ประสานโรงเรียนรับเข้าเรียน", "ฉบับที่1อนุมัติแล้ว(ใช้อยู่)",
             "ยังไม่เคยคัดกรอง", "1B26"]
    missing = [w for w in words if squeeze(w) not in text]
    assert missing == [], (reader, missing)


def test_printing_needs_the_report_right(demo: Demo, tmp_path: Path) -> None:
    sign_in(demo.db, actor_with(Role.CAREGIVER, institution_id=demo.centre_id))
    try:
        with demo.db.reader() as s, pytest.raises(NotPermitted):
            child_page_pdf(s, tmp_path / "x.pdf", demo.small)
    finally:
        sign_in(demo.db, EVERY_ROLE)
    assert not (tmp_path / "x.pdf").exists()
