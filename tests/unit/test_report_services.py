"""The registry reports on demo data: every report reads back as its Thai text, files are
written atomically, cancelling leaves nothing, lists too big are refused in Thai."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections import Counter
from datetime import date
from pathlib import Path

import pytest
from needs import require_tool
from pdf_checks import assert_clean as clean
from pdf_checks import assert_drawn_once, needs_poppler, pages_of, record_drawn
from sqlalchemy import select

from desktop.domain.dates import format_be
from desktop.domain.identity import format_national_id
from desktop.domain.people import full_name
from desktop.reports.pdf.thai_text import break_units
from desktop.services import reports
from desktop.services.children_query import ChildFilter
from desktop.services.progress import Cancelled, Progress
from desktop.services.reports import (
    REPORTS,
    ChildNotFound,
    ReportOptions,
    ReportTooLarge,
    Signature,
    child_profile_pdf,
    children_list_pdf,
    find_child,
    households_list_pdf,
    institutions_list_pdf,
    registry_summary_pdf,
)
from desktop.store.db import Database
from desktop.store.models import Child, ChildGuardian, Enrollment, Guardian, Institution

TODAY = date(2026, 11, 24)
YEAR = 2569
OPTIONS = ReportOptions(signatures=(Signature("นางสาวปิ่นทิพย์ ศรีสุข", "ครูที่ปรึกษา"),
                                    Signature("", "ผู้อำนวยการ")), today=TODAY)


@pytest.fixture
def drawn(monkeypatch: pytest.MonkeyPatch) -> Counter[tuple[str, str]]:
    return record_drawn(monkeypatch)


def read_back_once(text: str, drawn: Counter[tuple[str, str]]) -> int:
    return assert_drawn_once(text, drawn, min_len=4, glyphs=True)


@pytest.fixture
def outdir(tmp_path: Path) -> Path:
    """An empty folder for the reports (tmp_path also holds the database)."""
    path = tmp_path / "out"
    path.mkdir()
    return path


def test_reports_table_names_every_report() -> None:
    assert set(REPORTS) == {"children-list", "child-profile", "registry-summary",
                            "households-list", "institutions-list", "import-batches"}
    assert all(info.name == key and info.title for key, info in REPORTS.items())


# ------------------------------------------------------------------ children list


@needs_poppler
def test_children_list_groups_and_reads_back(
    demo_db: Database, outdir: Path, drawn: Counter[tuple[str, str]]
) -> None:
    out = outdir / "list.pdf"
    with demo_db.reader() as s:
        pages = children_list_pdf(s, out, ChildFilter(), OPTIONS)
        kids = s.execute(select(Child.prefix, Child.first_name, Child.last_name,
                                Child.national_id, Child.birth_date)
                         .where(Child.deleted_at.is_(None))).all()
        schools = set(s.scalars(select(Institution.name)))
    texts = pages_of(out)
    assert pages == len(texts) >= 5
    whole = "".join(texts)
    clean(whole)
    for page_no, page in enumerate(texts, start=1):
        assert f"หน้า {page_no}/{pages}" in page
        for head in ("ลำดับ", "ชื่อ-นามสกุล", "วันเกิด", "ลายมือชื่อ"):
            assert head in page, f"no {head} on page {page_no}"
        assert "เทศบาลตำบลบ้านใหม่" in page and "พิมพ์เมื่อ 24 พ.ย. 2569" in page
    names = Counter(full_name(p, f, last) for p, f, last, _, _ in kids)
    for name, n in names.items():  # every child (a name wrapped in its cell: every word)
        assert whole.count(name) >= n or all(part in whole for part in name.split(" "))
    assert sum(whole.count(name) for name in names) > 250
    some = [k for k in kids if k.national_id][:20]
    for k in some:
        assert format_national_id(k.national_id) in whole
        assert format_be(k.birth_date) in whole
    assert any(school in whole for school in schools)
    assert re.search(r"ชั้น ป\.1 \(\d+ คน\)", whole)
    assert "รวม 300 คน" in texts[0]
    assert read_back_once(whole, drawn) > 250
    last = texts[-1]
    assert "(นางสาวปิ่นทิพย์ ศรีสุข)" in last and "ตำแหน่ง ครูที่ปรึกษา" in last
    assert "ตำแหน่ง ผู้อำนวยการ" in last


def test_children_list_follows_the_filter(demo_db: Database, outdir: Path) -> None:
    with demo_db.reader() as s:
        inst = s.scalars(select(Institution).order_by(Institution.id)).first()
        assert inst is not None
        n = s.scalar(select(Enrollment.id).where(Enrollment.institution_id == inst.id).limit(1))
        assert n is not None
        flt = ChildFilter(year_be=YEAR, institution_id=inst.id, level_code=None)
        children_list_pdf(s, outdir / "one.pdf", flt, ReportOptions(today=TODAY))
        name = inst.name
        others = [x for x in s.scalars(select(Institution.name)) if x != name]
    if shutil.which("pdftotext"):
        text = "".join(pages_of(outdir / "one.pdf"))
        assert f"สถานศึกษา {name}" in text
        assert not any(f"{o} ชั้น" in text for o in others)


def test_too_big_a_list_is_refused_in_thai(
    demo_db: Database, outdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(reports, "MAX_ROWS", 100)
    with demo_db.reader() as s, pytest.raises(ReportTooLarge) as err:
        children_list_pdf(s, outdir / "big.pdf", ChildFilter())
    assert "300" in str(err.value) and "โปรดเลือกสถานศึกษาหรือชั้นเรียน" in str(err.value)
    assert list(outdir.iterdir()) == []


def test_landscape_option(demo_db: Database, outdir: Path) -> None:
    require_tool("pdfinfo", "apt poppler-utils")
    out = outdir / "wide.pdf"
    with demo_db.reader() as s:
        institutions_list_pdf(s, out, YEAR, ReportOptions(landscape=True, today=TODAY))
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True).stdout
    w, h = map(float, re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", info).groups())  # type: ignore[union-attr]
    assert w > h


# ------------------------------------------------------------------ atomic writes


def test_cancel_leaves_no_file_and_no_temp(demo_db: Database, outdir: Path) -> None:
    progress = Progress()
    calls: list[int] = []

    def on_step(done: int, total: int, message: str) -> None:
        calls.append(done)
        assert total == 100 and message
        if done >= 60:  # while the pages are being drawn
            progress.cancel()

    progress.callback = on_step
    with demo_db.reader() as s, pytest.raises(Cancelled):
        children_list_pdf(s, outdir / "x.pdf", ChildFilter(), OPTIONS, progress)
    assert calls == sorted(calls) and calls
    assert list(outdir.iterdir()) == []


def test_failed_write_keeps_the_old_file_and_removes_the_temp(
    demo_db: Database, outdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = outdir / "r.pdf"
    out.write_bytes(b"old")

    def broken(src: str, dst: str) -> None:
        raise OSError("disk full")

    monkeypatch.setattr("desktop.atomic.os.replace", broken)
    with demo_db.reader() as s, pytest.raises(OSError):
        registry_summary_pdf(s, out, YEAR, OPTIONS)
    assert out.read_bytes() == b"old"
    assert [p.name for p in outdir.iterdir()] == ["r.pdf"]


def test_write_replaces_and_is_readable(demo_db: Database, outdir: Path) -> None:
    out = outdir / "r.pdf"
    with demo_db.reader() as s:
        pages = institutions_list_pdf(s, out, YEAR, OPTIONS)
    assert pages >= 1 and out.read_bytes().startswith(b"%PDF")
    assert os.stat(out).st_mode & 0o044 == 0o044  # not mkstemp's private 0600
    assert [p.name for p in outdir.iterdir()] == ["r.pdf"]


# ------------------------------------------------------------------ one child


def test_find_child_by_uuid_national_id_and_g_code(demo_db: Database) -> None:
    with demo_db.reader() as s:
        a = s.execute(select(Child.uuid, Child.national_id)
                      .where(Child.national_id.is_not(None))).first()
        b = s.execute(select(Child.uuid, Child.g_code).where(Child.g_code.is_not(None))).first()
        assert a and b
        assert find_child(s, a.uuid) == a.uuid
        assert find_child(s, a.national_id) == a.uuid
        assert find_child(s, format_national_id(a.national_id)) == a.uuid
        thai = a.national_id.translate(str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙"))
        assert find_child(s, f" {thai} ") == a.uuid
        assert find_child(s, b.g_code) == b.uuid
        assert find_child(s, b.g_code.lower()) == b.uuid
        with pytest.raises(ChildNotFound) as err:
            find_child(s, "1-1111-11111-11-9")
    assert isinstance(err.value, LookupError)
    assert "ไม่พบเด็ก" in str(err.value) and "1-1111-11111-11-9" in str(err.value)


@needs_poppler
def test_child_profile_reads_back(
    demo_db: Database, outdir: Path, drawn: Counter[tuple[str, str]]
) -> None:
    out = outdir / "p.pdf"
    with demo_db.reader() as s:
        cid = s.scalar(select(ChildGuardian.child_id).limit(1))
        child = s.get_one(Child, cid)
        guardians = s.execute(select(Guardian.prefix, Guardian.first_name, Guardian.last_name,
                                     ChildGuardian.relation)
                              .join(ChildGuardian, ChildGuardian.guardian_id == Guardian.id)
                              .where(ChildGuardian.child_id == cid)).all()
        schools = s.scalars(select(Institution.name).join(Enrollment)
                            .where(Enrollment.child_id == cid)).all()
        pages = child_profile_pdf(s, out, find_child(s, child.uuid), OPTIONS)
        name = full_name(child.prefix, child.first_name, child.last_name)
        ident = format_national_id(child.national_id) if child.national_id else child.g_code
        born = format_be(child.birth_date)
    text = "".join(pages_of(out))
    clean(text)
    assert pages == 1
    assert text.count(name) == 2  # subtitle and the name field
    assert ident and ident in text and born in text and "อายุ" in text
    for p, f, last, relation in guardians:
        assert full_name(p, f, last) in text and relation in text
    assert schools and all(school in text for school in schools)
    assert "ประวัติการศึกษา" in text and "2569" in text
    assert "ลงชื่อ" in text
    read_back_once(text, drawn)


def test_child_profile_of_an_unknown_child(demo_db: Database, outdir: Path) -> None:
    with demo_db.reader() as s, pytest.raises(ChildNotFound):
        child_profile_pdf(s, outdir / "p.pdf", "no-such-uuid")
    assert list(outdir.iterdir()) == []


# ------------------------------------------------------------------ summary and lists


@needs_poppler
def test_registry_summary_counts_and_chart_labels(
    demo_db: Database, outdir: Path, drawn: Counter[tuple[str, str]]
) -> None:
    out = outdir / "s.pdf"
    with demo_db.reader() as s:
        pages = registry_summary_pdf(s, out, None, ReportOptions(today=TODAY))
        schools = s.scalars(select(Institution.name)).all()
        boys = s.scalar(select(Child.id).where(Child.sex == "M").limit(1))
    assert boys
    text = "".join(pages_of(out))
    clean(text)
    assert pages >= 1 and "ปีการศึกษา 2569" in text
    assert "เด็กในทะเบียนทั้งหมด 300 คน" in text
    for label in ("เพศชาย", "เพศหญิง", "เลขประจำตัวประชาชน", "รหัส G", "ไม่มีเลขประจำตัว"):
        assert label in text
    chart = [t for (t, _), n in drawn.items() if t in schools]
    # each institution: its table row and its chart label, both shaped by the painter
    for school in schools:
        if school in chart:
            assert drawn[(school, "Sarabun")] == 1 and drawn[(school, "Sarabun-Bold")] == 1
    assert chart, "chart labels were not drawn through the shaper"
    read_back_once(text, drawn)


@needs_poppler
def test_households_and_institutions_lists(
    demo_db: Database, outdir: Path, drawn: Counter[tuple[str, str]]
) -> None:
    with demo_db.reader() as s:
        hp = households_list_pdf(s, outdir / "h.pdf", "", OPTIONS)
        ip = institutions_list_pdf(s, outdir / "i.pdf", YEAR, OPTIONS)
        schools = s.scalars(select(Institution.name)).all()
    households = "".join(pages_of(outdir / "h.pdf"))
    institutions = "".join(pages_of(outdir / "i.pdf"))
    clean(households + institutions)
    assert hp >= 2 and "รายชื่อครัวเรือน" in households and "จำนวนเด็ก" in households
    assert ip == 1 and "เด็ก (คน)" in institutions
    for school in schools:  # a name may wrap in its cell, at word boundaries
        assert school in institutions or all(w in institutions for w in break_units(school))
    assert "ศูนย์พัฒนาเด็กเล็ก" in institutions and "โรงเรียน" in institutions
    read_back_once(households + institutions, drawn)


def test_children_list_is_in_thai_dictionary_order(demo_db: Database, outdir: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """Groups and names follow Thai dictionary order, not code points: a name with a
    leading vowel (เกศินี) sits among the ก names, not after ฮ."""
    from desktop.domain.people import PREFIXES
    from desktop.domain.text import thai_sort_key

    seen: list[list[tuple[str, list[tuple[str, ...]]]]] = []
    original = reports.children_list

    def record(titled, *args, **kwargs):  # type: ignore[no-untyped-def]
        seen.append(list(titled))
        return original(titled, *args, **kwargs)

    monkeypatch.setattr(reports, "children_list", record)
    with demo_db.reader() as s:
        children_list_pdf(s, outdir / "list.pdf", ChildFilter(year_be=YEAR), OPTIONS)
    groups = seen[0]
    institutions = [title.split(" ชั้น ")[0] for title, _ in groups]
    assert institutions == sorted(institutions, key=thai_sort_key)
    leading_vowel_names = 0
    for _, rows in groups:
        names = []
        for cells in rows:
            full = cells[0]
            prefix = next(p for p in PREFIXES if full.startswith(p))
            first, _, last = full[len(prefix):].partition(" ")
            names.append((thai_sort_key(first), thai_sort_key(last)))
            leading_vowel_names += first[0] in "เแโใไ"
        assert names == sorted(names)
    assert leading_vowel_names > 0  # the demo names do test the leading-vowel rule
