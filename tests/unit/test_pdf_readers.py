"""Every printed name reads back exactly in five PDF readers: poppler (evince, okular),
PDFium (Chrome, Edge), MuPDF (SumatraPDF), pdfminer.six and pdf.js (Firefox).

Poppler and PDFium read a run's ``/ActualText``; MuPDF, pdfminer and pdf.js read the
glyphs through the font's ToUnicode CMap, so that CMap must give every shaped glyph (tone
marks lowered or moved left, ญ without its tail, sara am in two parts) its characters.
Only whitespace and line breaks are normalised: readers differ in where they put them.
"""

from __future__ import annotations

import itertools
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from pdf_readers import READERS, read_pages, squeeze
from sqlalchemy import select

from desktop.reports.pdf.document import Layout, Piece, Signature, render
from desktop.reports.pdf.shaping import TextPainter
from desktop.reports.registry import (
    ChildProfile,
    RegistrySummary,
    child_profile,
    children_list,
    registry_summary,
)
from desktop.store.db import Database

# Names as clerks type them, chosen to exercise every kind of mark placement:
# every tone over the tall consonants ป ฝ ฟ, an upper vowel with a tone (ที่ นี้ ปั้น),
# ำ with a tone (น้ำ ค่ำ), without one (สำราญ) and over a tall consonant (ปำ),
# lower vowels under ญ ฐ ฎ ฏ (which lose their tails), thanthakhat (ศักดิ์), maitaikhu (ก็).
FIRST = [
    "ปิ่นฟ้า", "ป๊อปปี้", "ป๋อมแป๋ม", "ฝ้ายคำ", "ฟ้าใส", "ปั้นหยา", "ที่รัก", "น้ำฝน", "น้ำผึ้ง",
    "ขวัญข้าว", "ปุ้ย", "ปิ๊ก", "ปั๋ง", "ฟิ้ว", "ญาณิน", "ปุญญิศา", "ฐิตาภา", "ฐุติมา", "สำราญ",
    "คำปัน", "ลำดวน", "จำปา", "ดำรง", "กำพล", "อำไพ", "ค่ำคูณ", "ต่ำแต้ม", "ช้ำชอง", "ฟื้นฟู",
    "ปี๋", "ฝั่งฝัน", "ฟั่นเฟือน", "นี้ดี", "ศักดิ์ชัย", "ณัฐวุฒิ", "ภูผา", "ปั๊ม", "ฟ้อน", "ป้อม",
    "ปู่ทวด", "บุญญู", "ฎีกา", "ปฏิภาณ", "ฤทัย", "เป็นหนึ่ง", "ก็ได้", "ป่าน", "ฝ่ายฟ้า", "ปำปาง",
]
LAST = [
    "ศรีสุขสวัสดิ์", "ศักดิ์พิทักษ์", "ฝั่งน้ำโขง", "ปั้นทองคำ", "ปิ่นแก้ว", "ป้อมค่ำ", "น้ำใจดี",
    "ฟื้นฟูสุข", "กตัญญูกุล", "ปุ้ยฝ้าย", "ผู้ใหญ่บ้าน", "ปัญญาบุญมา", "ญาติฐุ", "ฐูปะ", "คำแก้ว",
    "ทำนา", "จำเริญ", "ต่ำสูง", "ปิ๋วเป๋", "ฟ้าคำ", "ปึ้ก", "ป๊ะป๋า", "กุญชร", "บุญฐู", "ฟ่อง",
    "ฎุฏู", "ปำเป๋อ", "ฝ๋าฟ๊ะ",
]
NAMES = [f"{prefix}{first} {last}" for prefix, (first, last) in zip(
    itertools.cycle(["เด็กชาย", "เด็กหญิง"]),
    itertools.islice(zip(itertools.cycle(FIRST), itertools.cycle(LAST)), 180), strict=False)]
PLACE = "ศูนย์พัฒนาเด็กเล็กบ้านป่าฝั่งน้ำ"
TODAY = date(2026, 11, 24)


@dataclass(frozen=True)
class Printed:
    path: Path
    drawn: Counter[str]  # every string the painter drew, and how often


def _recorded(folder: Path, name: str, write: Callable[[Path], object]) -> Printed:
    """Run ``write(path)`` (anything that prints a PDF to ``path``), noting every string
    the painter draws."""
    drawn: Counter[str] = Counter()
    original = TextPainter.draw

    def record(self, x, y, text, font_name, size, align="left"):  # type: ignore[no-untyped-def]
        if text:
            drawn[text] += 1
        return original(self, x, y, text, font_name, size, align)

    path = folder / f"{name}.pdf"
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(TextPainter, "draw", record)
        write(path)
    assert path.is_file() and drawn, name
    return Printed(path, drawn)


def _print(folder: Path, name: str, layout: Layout, pieces: list[Piece]) -> Printed:
    return _recorded(folder, name, lambda path: path.write_bytes(render(layout, pieces)[0]))


def _children_list(folder: Path) -> Printed:
    rows = [(n, f"1-1037-0{i:04d}-12-3", "ช" if n.startswith("เด็กชาย") else "ญ",
             "1 ม.ค. 2565", "4 ปี 10 เดือน", "ป.1/2", "") for i, n in enumerate(NAMES)]
    layout = Layout("เทศบาลตำบลน้ำฝั่งป่า", "รายชื่อเด็กในทะเบียน", "ปีการศึกษา 2569 · รวม 180 คน",
                    printed=TODAY)
    pieces = children_list([(PLACE, rows[:90]), ("โรงเรียนบ้านฟ้าผ่าฝั่งโขง", rows[90:])],
                           layout.frame_w, (Signature("นางสาวปิ่นฟ้า ฝั่งน้ำโขง", "ปลัดเทศบาล"),))
    return _print(folder, "children", layout, pieces)


def _profile(folder: Path) -> Printed:
    profile = ChildProfile(
        NAMES[0],
        [("ชื่อ-นามสกุล", NAMES[0]), ("เลขประจำตัวประชาชน", "1-1037-00001-12-3"),
         ("วันเกิด", "1 ม.ค. 2565 (4 ปี 10 เดือน)"),
         ("ที่อยู่", "323 หมู่ 15 บ้านน้ำฝั่งป่า ถ.ราชสีมา-โชคชัย-เดชอุดม ต.ปั้นหยา "
                    "อ.เมืองนครราชสีมา จ.นครราชสีมา 30000"),
         ("ชื่อเล่น", "ฟ้าใส")],
        guardians=[("นางปิ่นแก้ว ฝั่งน้ำโขง", "มารดา", "081-234-5678", "ค้าขายน้ำพริก"),
                   ("นายป๋อง ฝั่งน้ำโขง", "บิดา", "089-876-5432", "ทำนาปี")],
        enrolments=[("2569", PLACE, "อนุบาล 2", "ปั้น 1", "กำลังเรียน"),
                    ("2568", PLACE, "อนุบาล 1", "ปั้น 1", "เลื่อนชั้น")],
    )
    layout = Layout("เทศบาลตำบลน้ำฝั่งป่า", "ทะเบียนประวัติเด็ก", printed=TODAY)
    return _print(folder, "profile", layout, child_profile(profile, layout.frame_w))


def _summary(folder: Path) -> Printed:
    levels = [("อนุบาล 1", 12, 11, 23), ("อนุบาล 2", 10, 14, 24), ("ประถมศึกษาปีที่ 1", 9, 8, 17)]
    places = [PLACE, "โรงเรียนบ้านฟ้าผ่าฝั่งโขง", "ศูนย์พัฒนาเด็กเล็กวัดป่าน้ำค้าง",
              "โรงเรียนชุมชนบ้านฝั่งปิ่นแก้ว"]
    summary = RegistrySummary(
        2569, 150, 64, [("ชาย", 31), ("หญิง", 33)],
        [("เลขประจำตัวประชาชน", 60), ("รหัส G (ไม่มีเลขประจำตัว)", 4)], levels,
        [(p, levels[: 1 + i % 3]) for i, p in enumerate(places)])
    layout = Layout("เทศบาลตำบลน้ำฝั่งป่า", "สรุปทะเบียนเด็ก ปีการศึกษา 2569", printed=TODAY)
    return _print(folder, "summary", layout, registry_summary(summary, layout.frame_w))


# The documents the app writes through its services, from a demo registry: the plain
# lists, a child's history (a name changed to one with marks), the recovery key's page.
def _service_pdf(report: str, **kwargs: object) -> Callable[[Path, Database], Printed]:
    def make(folder: Path, db: Database) -> Printed:
        from desktop.services import reports

        def write(path: Path) -> None:
            with db.reader() as s:
                getattr(reports, report)(s, path, **kwargs)

        return _recorded(folder, report, write)
    return make


def _import_batches(folder: Path, db: Database) -> Printed:
    from desktop.reports.sheets import read_sheet
    from desktop.services.imports import commit_import, plan_import, suggest_mapping

    csv = folder / "ปิ่นฟ้า.csv"
    csv.write_text("ชื่อ,นามสกุล,เพศ,วันเกิด\nปิ่นฟ้า,ศรีสุขสวัสดิ์,หญิง,15/08/2563\n"
                   "ป๋อมแป๋ม,ฝั่งน้ำโขง,ชาย,1/2/2564\n", encoding="utf-8")
    sheet = read_sheet(csv)
    with db.session() as s:
        commit_import(s, plan_import(s, sheet, suggest_mapping(s, sheet.headers), today=TODAY))
    return _service_pdf("import_batches_pdf")(folder, db)


def _child_history(folder: Path, db: Database) -> Printed:
    from dataclasses import replace

    from desktop.services.audit_report import child_history_pdf
    from desktop.services.children import load_child, save_child
    from desktop.store.models import Child

    with db.reader() as s:
        uuid = s.scalars(select(Child.uuid).order_by(Child.id)).first()
    assert uuid is not None
    for first, last in (("ปิ่นฟ้า", "ศรีสุขสวัสดิ์"), ("น้ำผึ้ง", "ฟื้นฟูสุข"), ("ศักดิ์ชัย", "ปำเป๋อ")):
        with db.session() as s:
            form = load_child(s, uuid)
            form.child = replace(form.child, first_name=first, last_name=last)
            save_child(s, form, today=TODAY)

    def write(path: Path) -> None:
        with db.reader() as s:
            child_history_pdf(s, path, uuid, "เด็กหญิงศักดิ์ชัย ปำเป๋อ")

    return _recorded(folder, "child-history", write)


def _child_profile(folder: Path, db: Database) -> Printed:
    from desktop.services.reports import child_profile_pdf
    from desktop.store.models import Child, ChildGuardian

    with db.reader() as s:  # a child with guardians (the profile's second table)
        uuid = s.scalars(select(Child.uuid).join(ChildGuardian, ChildGuardian.child_id == Child.id)
                         .order_by(Child.id)).first()
    assert uuid is not None

    def write(path: Path) -> None:
        with db.reader() as s:
            child_profile_pdf(s, path, uuid)

    return _recorded(folder, "child-profile", write)


def _recovery_key(folder: Path, db: Database) -> Printed:
    from desktop.services.recovery_print import recovery_key_pdf_file
    from desktop.store.cipher import format_recovery_key

    def write(path: Path) -> None:
        with db.session() as s:
            recovery_key_pdf_file(s, path, format_recovery_key(bytes(range(32))), "samoe.db",
                                  today=TODAY)

    return _recorded(folder, "recovery-key", write)


def _drawn_only(make: Callable[[Path], Printed]) -> Callable[[Path, Database], Printed]:
    return lambda folder, _db: make(folder)


DOCUMENTS: dict[str, Callable[[Path, Database], Printed]] = {
    "children": _drawn_only(_children_list), "profile": _drawn_only(_profile),
    "summary": _drawn_only(_summary),
    "children-service": _service_pdf("children_list_pdf"), "profile-service": _child_profile,
    "households": _service_pdf("households_list_pdf"),
    "institutions": _service_pdf("institutions_list_pdf", year_be=2569),
    "summary-service": _service_pdf("registry_summary_pdf", year_be=2569),
    "import-batches": _import_batches, "child-history": _child_history,
    "recovery-key": _recovery_key,
}


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Printed]]:
    """Every document, printed once; the service ones from a demo registry of 120
    children whose office has a name with marks."""
    from actors import EVERY_ROLE

    from desktop.services.demo import fill_demo
    from desktop.store import migrate

    folder = tmp_path_factory.mktemp("readers")
    with pytest.MonkeyPatch.context() as mp:  # module-scoped: the per-test autouse ones
        mp.setenv("SAMOE_HOME", str(tmp_path_factory.mktemp("home")))  # have not run yet
        db = Database.open(folder / "samoe.db")
        try:
            db.set_actor(EVERY_ROLE)
            migrate.upgrade(db)
            fill_demo(db.engine, children=120, seed=3, today=TODAY)
            yield {name: make(folder, db) for name, make in DOCUMENTS.items()}
        finally:
            db.dispose()


def test_the_names_exercise_every_mark_placement() -> None:
    text = "".join(NAMES)
    for must in ("ป่", "ป้", "ป๊", "ป๋", "ฝ่", "ฝ้", "ฝ๋", "ฟ้", "ฟ่", "ฟ๊", "ที่", "นี้", "ปั้น",
                 "น้ำ", "ค่ำ", "สำ", "ปำ", "ญู", "ฐุ", "ฐู", "ฎุ", "ฏู", "ดิ์", "ก็"):
        assert must in text, must
    assert len(set(NAMES)) == len(NAMES) == 180
    assert not [n for n in NAMES if any(n != m and n in m for m in NAMES)]


def _unreadable(text: str) -> list[str]:
    """Private-use characters, replacement characters and control characters."""
    return [ch for ch in text if unicodedata.category(ch) in ("Co", "Cc", "Cs")
            and ch not in "\n\r\t\f" or ch == "\ufffd"]


@pytest.mark.parametrize("reader", list(READERS))
def test_every_name_reads_back_exactly(printed: dict[str, Printed], reader: str) -> None:
    pages = read_pages(reader, printed["children"].path)
    text = squeeze("".join(pages))
    assert not _unreadable(text), f"{reader}: {_unreadable(text)[:5]}"
    wrong = [n for n in NAMES if text.count(squeeze(n)) != 1]
    assert not wrong, f"{reader} read {len(NAMES) - len(wrong)}/{len(NAMES)} names right, " \
                      f"e.g. {wrong[:3]}"
    assert len(pages) >= 5


@pytest.mark.parametrize("document", list(DOCUMENTS))
@pytest.mark.parametrize("reader", list(READERS))
def test_every_string_drawn_reads_back(printed: dict[str, Printed], reader: str,
                                       document: str) -> None:
    """Headers, cells, chart labels, signatures, paragraph lines: each line drawn is in the
    reader's text at least as often as it was drawn, itself or inside other lines (a line
    read whole holds every shorter line it contains)."""
    doc = printed[document]
    text = squeeze("".join(read_pages(reader, doc.path)))
    assert not _unreadable(text), f"{reader}: {_unreadable(text)[:5]}"
    lines = Counter[str]()
    for drawn, n in doc.drawn.items():
        lines[squeeze(drawn)] += n
    del lines[""]
    assert len(lines) >= 10, f"{document}: only {len(lines)} lines drawn"
    longer = sorted(lines, key=len)
    missing = []
    for i, line in enumerate(longer):
        expected = lines[line] + sum(lines[other] * other.count(line) for other in longer[i + 1:]
                                     if other != line and len(other) > len(line))
        if text.count(line) < expected:
            missing.append(line)
    assert not missing, f"{reader} misreads {len(missing)}/{len(lines)} lines, e.g. {missing[:4]}"


# Text a clerk's file may still hold. Not here: a mark with no base at all (HarfBuzz draws
# a dotted circle; the registry refuses such names), right-to-left scripts (poppler and
# pdf.js reorder them by design), characters beyond the BMP (PDFium drops them).
ODD = ["ก่่อง", "ำำ", "ปัำ", "a\u0e48b", "ก\u00a0ข", "ฤๅษี", "ๆๆ ฯลฯ", "中文 ปำ", "ปํ", "เเม่"]


@pytest.mark.parametrize("reader", list(READERS))
def test_odd_text_draws_and_reads_back(tmp_path_factory: pytest.TempPathFactory,
                                       reader: str) -> None:
    """Doubled marks, sara am twice or after a vowel, a mark on a Latin letter, Chinese
    (not in Sarabun: a "?" that reads back as the character): read back as typed."""
    from desktop.reports.pdf.document import TextLine

    folder = tmp_path_factory.mktemp("odd")
    layout = Layout("ทดสอบ", "ข้อความแปลก", printed=TODAY)
    doc = _print(folder, "odd", layout, [TextLine(f"[{s}]") for s in ODD])
    text = squeeze("".join(read_pages(reader, doc.path)))
    assert not _unreadable(text), f"{reader}: {_unreadable(text)[:5]}"
    wrong = [s for s in ODD if squeeze(f"[{s}]") not in text]
    assert not wrong, f"{reader}: {wrong}"


# Every upper and lower vowel and tone mark (alone and stacked) on every consonant, before
# a final letter, after a word with marks of its own or not. A mark is drawn with the
# width of its ink, so its box starts where the next letter starts: poppler took the two
# for duplicated text and read พิมพ์ผิด (the recovery key's page) as พิมพ์ผด with the ิ on
# a line of its own, in about one line in five of these.
CONSONANTS = "กขคงจฉชซญฎฏฐดตถทธนบปผฝพฟภมยรลวศษสหฬอฮ"
MARKS = ["ิ", "ี", "ึ", "ื", "ั", "็", "่", "้", "๊", "๋", "์", "ุ", "ู", "ั่", "ิ้", "ี่", "ุ่", "ู้", "ื่", "ั๊"]
MARKED = [f"{before}{c}{m}{after}" for before, after in (("พิมพ์", "ด"), ("", "ดก"))
          for c in CONSONANTS for m in MARKS]


@pytest.mark.parametrize("reader", list(READERS))
def test_a_mark_before_the_next_letter_reads_back(tmp_path_factory: pytest.TempPathFactory,
                                                  reader: str) -> None:
    from desktop.reports.pdf.document import TextLine
    from desktop.reports.pdf.fonts import BOLD, REGULAR

    folder = tmp_path_factory.mktemp("marks")
    for font in (REGULAR, BOLD):
        layout = Layout("ทดสอบ", "สระและวรรณยุกต์", printed=TODAY)
        doc = _print(folder, font, layout, [TextLine(f"[{s}]", font, 11.5) for s in MARKED])
        text = squeeze("".join(read_pages(reader, doc.path)))
        wrong = [s for s in MARKED if f"[{s}]" not in text]
        assert not wrong, f"{reader}, {font}: {len(wrong)}/{len(MARKED)} misread, e.g. {wrong[:5]}"
