"""Page faults a reader sees: a place name broken inside a word, text against a cell's
border, a chart whose axis uses a font that is not in the file."""

from __future__ import annotations

import re
import subprocess
from datetime import date
from pathlib import Path

import pytest
from needs import require_tool

from desktop.reports.pdf.document import Layout, render
from desktop.reports.pdf.fonts import REGULAR
from desktop.reports.pdf.thai_text import break_units, fit, measure, wrap
from desktop.reports.registry import ChildProfile, RegistrySummary, child_profile, registry_summary

PLACE = "ถ.ราชสีมา-โชคชัย-เดชอุดม"
ADDRESS = ("323/45 หมู่ 15 บ้านหนองปรือน้ำใส ซ.ผู้ใหญ่ปั้นสุข ถ.ราชสีมา-โชคชัย-เดชอุดม "
           "ต.หนองระเวียง อ.เฉลิมพระเกียรติ จ.นครราชสีมา 30230")
WORDS = ("ราชสีมา", "โชคชัย", "เดชอุดม")


def _ends(text: str, lines: list[str] | tuple[str, ...]) -> list[int]:
    """Where in ``text`` each line but the last ends."""
    pos, ends = 0, []
    for line in lines:
        pos = text.index(line, pos) + len(line)
        ends.append(pos)
    return ends[:-1]


def _inside_words(text: str, ends: list[int]) -> list[str]:
    bad = []
    for word in WORDS:
        start = text.index(word)
        bad += [f"{word}@{e - start}" for e in ends if start < e < start + len(word)]
    return bad


@pytest.mark.parametrize("width", [40, 55, 70, 90, 120, 160, 200, 260, 330])
def test_a_hyphenated_place_name_breaks_only_after_its_hyphens(width: float) -> None:
    for text in (PLACE, ADDRESS, f"ที่อยู่ {PLACE}"):
        lines = fit(text, REGULAR, 10, width).lines
        assert "".join(lines).replace(" ", "") == text.replace(" ", "")
        ends = _ends(text, lines)
        assert not _inside_words(text, ends), (width, lines)
        for end in ends:  # a break after a hyphen or at a space, never before a hyphen
            assert text[end - 1] == "-" or text[end].isspace() or text[end - 1].isspace() \
                or PLACE not in text[max(0, end - 20):end + 20], (width, lines)


def test_hyphen_pieces_are_units_and_ids_stay_whole() -> None:
    assert break_units(PLACE) == ("ถ.ราชสีมา-", "โชคชัย-", "เดชอุดม")
    assert break_units("1-2345-67890-12-3") == ("1-2345-67890-12-3",)
    assert wrap("John Smith-Jones", REGULAR, 10, 40) == ["John", "Smith-Jones"]


def test_a_unit_wider_than_its_box_splits_at_words_before_clusters() -> None:
    text = "ศูนย์พัฒนาเด็กเล็กบ้านหนองปรือน้ำใส-หนองระเวียง"
    fitted = fit(text, REGULAR, 10, measure("ศูนย์พัฒนาเด็กเล็ก", REGULAR, 7) + 1, min_size=7)
    assert fitted.size == 7 and "".join(fitted.lines) == text
    from pythainlp.tokenize import word_tokenize

    cuts, pos = set(), 0
    for token in word_tokenize(text, engine="newmm"):
        pos += len(token)
        cuts.add(pos)
    assert all(end in cuts for end in _ends(text, fitted.lines)), fitted.lines


def _profile_pdf(tmp_path: Path) -> Path:
    profile = ChildProfile(
        "เด็กหญิงปิ่นฟ้า ฝั่งน้ำโขง",
        [("ชื่อ-นามสกุล", "เด็กหญิงปิ่นฟ้า ฝั่งน้ำโขง"), ("ที่อยู่", ADDRESS),
         ("ที่อยู่เดิม", ADDRESS.replace("323/45", "9/9999")),
         ("ความพิการ", "ไม่มี " * 30)],
        guardians=[("นางปิ่นแก้ว ฝั่งน้ำโขง (ผู้ปกครองหลัก)", "มารดา", "081-234-5678",
                    "ค้าขายน้ำพริกเผาและผลิตภัณฑ์ชุมชนบ้านหนองปรือ")],
        enrolments=[("2569", "ศูนย์พัฒนาเด็กเล็กบ้านหนองปรือน้ำใส-หนองระเวียง", "อนุบาล 2",
                     "ปั้น 1", "กำลังเรียน")],
    )
    layout = Layout("เทศบาลตำบลหนองระเวียง", "ทะเบียนประวัติเด็ก", printed=date(2026, 11, 24))
    data, _ = render(layout, child_profile(profile, layout.frame_w))
    out = tmp_path / "profile.pdf"
    out.write_bytes(data)
    return out


MIN_GAP = 4.0  # points between a cell's text and its left or right border (1.4 mm)


def _text_near_borders(path: Path) -> tuple[int, list[str]]:
    """(spans checked, spans nearer than MIN_GAP to a vertical cell border) on every page."""
    pymupdf = pytest.importorskip("pymupdf")
    checked, close = 0, []
    with pymupdf.open(str(path)) as pdf:
        for page in pdf:
            verticals = []  # (x, top, bottom) of every vertical border
            for d in page.get_drawings():
                for it in d["items"]:
                    if it[0] == "l" and abs(it[1].x - it[2].x) < 0.01:
                        verticals.append((it[1].x, min(it[1].y, it[2].y), max(it[1].y, it[2].y)))
                    elif it[0] == "re":
                        r = it[1]
                        verticals += [(r.x0, r.y0, r.y1), (r.x1, r.y0, r.y1)]
            for block in page.get_text("rawdict")["blocks"]:
                for line in block.get("lines", []):
                    for span in line["spans"]:
                        x0, y0, x1, y1 = span["bbox"]
                        mid = (y0 + y1) / 2
                        xs = [x for x, top, bottom in verticals if top <= mid <= bottom]
                        left = [x0 - x for x in xs if x <= x0 + 0.5]
                        right = [x - x1 for x in xs if x >= x1 - 0.5]
                        if not left or not right:
                            continue  # not in a table
                        checked += 1
                        gap = min(min(left), min(right))
                        if gap < MIN_GAP:
                            text = "".join(c["c"] for c in span["chars"])
                            close.append(f"{gap:.1f} pt: {text[:20]}")
    return checked, close


def test_profile_text_keeps_clear_of_the_cell_borders(tmp_path: Path) -> None:
    checked, close = _text_near_borders(_profile_pdf(tmp_path))
    assert checked > 10
    assert not close, close


@pytest.mark.parametrize("report", ["households_list_pdf", "institutions_list_pdf", "import_batches_pdf"])
def test_plain_lists_keep_text_clear_of_the_cell_borders(report: str, demo_db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The numbered lists (households, institutions, import history) pad like the others."""
    from desktop.services import reports
    from desktop.services.imports import commit_import, plan_import, suggest_mapping

    if report == "import_batches_pdf":  # one import, so the history has a row
        from desktop.reports.sheets import read_sheet

        csv = tmp_path / "one.csv"
        csv.write_text("ชื่อ,นามสกุล,เพศ,วันเกิด\nสมชาย,ขอบตารางดี,ชาย,15/08/2563\n", encoding="utf-8")
        sheet = read_sheet(csv)
        with demo_db.session() as s:
            commit_import(s, plan_import(s, sheet, suggest_mapping(s, sheet.headers), today=date(2026, 11, 24)))
    out = tmp_path / "list.pdf"
    with demo_db.reader() as s:
        if report == "households_list_pdf":
            reports.households_list_pdf(s, out)
        else:
            getattr(reports, report)(s, out, **({"year_be": 2569} if report == "institutions_list_pdf" else {}))
    checked, close = _text_near_borders(out)
    assert checked > 5
    assert not close, close


def test_the_summary_chart_embeds_every_font(tmp_path: Path) -> None:
    require_tool("pdffonts", "poppler-utils")
    levels = [("อนุบาล 1", 12, 11, 23), ("อนุบาล 2", 10, 14, 24)]
    summary = RegistrySummary(2569, 50, 47, [("ชาย", 22), ("หญิง", 25)], [("เลขประจำตัวประชาชน", 47)],
                              levels, [("ศูนย์พัฒนาเด็กเล็กบ้านน้ำฝั่งป่า", levels)])
    layout = Layout("เทศบาลตำบลน้ำฝั่งป่า", "สรุปทะเบียนเด็ก", printed=date(2026, 11, 24))
    data, _ = render(layout, registry_summary(summary, layout.frame_w))
    out = tmp_path / "summary.pdf"
    out.write_bytes(data)
    listing = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True,
                             check=True).stdout.splitlines()[2:]
    assert listing
    for line in listing:
        assert "Sarabun" in line and re.search(r"\byes\s+yes\s+yes\b", line), line


def test_a_heading_leaves_room_below_for_its_lower_vowels() -> None:
    """ผู้ปกครอง: the ู of a heading reaches 0.35 em below its baseline; the table that
    follows must not start there."""
    from desktop.reports.pdf.document import ASCENT, LEADING, TextLine, heading

    size = 12.5
    pieces = heading("ผู้ปกครอง", 500, size)
    last = max(i for i, p in enumerate(pieces) if isinstance(p, TextLine))
    room = (LEADING - ASCENT) * size + sum(p.height for p in pieces[last + 1:])
    assert room >= 0.45 * size
    assert all(p.keep_with_next for p in pieces[1:])


@pytest.mark.parametrize(("column", "longest"), [
    ("ลำดับ", "9999"), ("เลขประจำตัวประชาชน", "1-2345-67890-12-3"), ("เพศ", "หญิง"),
    ("วันเกิด", "31 พ.ค. 2569"), ("อายุ", "17 ปี 11 เดือน")])
def test_children_list_columns_fit_their_longest_values(column: str, longest: str) -> None:
    from desktop.reports.pdf.table import PAD_X, Table
    from desktop.reports.registry import CHILD_COLUMNS

    table = Table(CHILD_COLUMNS, 523, pad_x=PAD_X)
    i = [c.title for c in CHILD_COLUMNS].index(column)
    cell = table.row([longest if j == i else "" for j in range(len(CHILD_COLUMNS))]).cells[i]
    assert cell.lines == (longest,) and cell.size == table.size
