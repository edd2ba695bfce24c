"""Checking a zip-based workbook (.xlsx, .ods) before any parser sees it, and scanning each
.xlsx worksheet on the way: hidden rows, formulas without a stored value, and cells so far
from the table that reading the sheet would allocate the whole rectangle between them.

python-calamine turns a sheet into one dense rectangle from its top-left to its
bottom-right value cell: a single stray cell at XFD1048576 asks for 17 billion cells and
the process aborts. So the extent of every worksheet is proved bounded first, while the
zip is expanded anyway for the archive-bomb check:

* the fast scan is one regular expression over the expanded XML that matches only what a
  normal sheet does not have: a cell tag that is not ``<c r="A1"`` with a column up to
  ``BZ`` and a row up to 119,999 (other writers, far cells, cells without a reference), a
  row tag without such a number, a hidden row, a formula without a value. Normal files
  give no or few matches, so the scan costs little more than the expansion it rides on,
  and a sheet that passes it is at most 78 x 120,000 cells;
* a sheet that does not pass is parsed exactly (expat, streaming, no DTD): every value
  cell's row and column is counted, the table is the largest block of rows and of columns
  without a wide gap, and cells outside it are strays. A few strays are cut out of the XML
  (the sheet is handed to calamine without them, and each is named in a warning); many
  strays, or a table still too big, are refused with a Thai message.
"""

from __future__ import annotations

import io
import pyexpat
import re
import zipfile
import zlib
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from desktop.reports import sheets as _limits

from . import SheetError
from .cells import _parse_ref, bomb, cell_name, corrupt, password
from .hidden_columns import ColumnRange, xlsx_hidden_range, xlsx_hidden_range_of

CHUNK = 1 << 20
MAX_ROW_BYTES = 8 << 20  # one <row> element bigger than this is not a clerk's sheet
ROW_GAP = 1000  # more blank rows than this between value cells: a separate block
COL_GAP = 26  # the same for columns
MAX_STRAYS = 20  # more cells outside the table than this: refuse, do not guess
MAX_CELLS = 10_000_000  # the rectangle calamine may allocate (~32 bytes a cell)
EXCEL_ROWS, EXCEL_COLS = 1_048_576, 16_384

# Fast scan: only what a normal sheet does not have (see the module docstring). Each pattern
# starts with a literal of two or more characters, so the regular expression engine jumps
# from one candidate to the next; one pattern starting with "<" alone is tried at every tag
# and costs three times as much. Per 100 MB of XML here: ~0.1 s for the cells, ~0.05 s each
# for the rows, formulas and prefixed tags.
_CANON_CELL = rb'(?: (?!r="[AB]?[A-Z](?:[0-9]{1,5}|1[01][0-9]{4})")|[\t\r\n>/])'  # space first: 20% faster
_CANON_ROW = (rb'(?:[\t\r\n>/]| (?!r="(?:[0-9]{1,5}|1[01][0-9]{4})")'
              rb'|(?P<hidden> r="[0-9]+"[^>]*\shidden="(?:1|true)"))')
_ROOT = re.compile(rb"<(?:([A-Za-z_][\w.\-]*):)?worksheet[\s>/]")


class _Patterns:
    """The fast scan's patterns for a sheet whose tags carry ``prefix`` (``b""``, or
    ``b"x:"`` as the OpenXML SDK writes them). calamine reads a tag by its local name
    whatever its prefix, so a cell or row tag under any other prefix (or none) is odd."""

    def __init__(self, prefix: bytes) -> None:
        p = re.escape(prefix)
        self.cell_tag = b"<" + prefix + b"c "
        self.cell_end = b"</" + prefix + b"c>"
        self.cell_odd = re.compile(rb"<" + p + rb"c" + _CANON_CELL)
        self.row = re.compile(rb"<" + p + rb"row" + _CANON_ROW)
        self.formula = re.compile(rb"<" + p + rb"f[\s>/]")
        self.cell_start = re.compile(rb"<" + p + rb'c r="([A-Z]+[0-9]+)"([^>]*)>')
        self.value = re.compile(rb"<" + p + rb"v>\s*[^\s<]")
        self.col = re.compile(rb"<" + p + rb"col\s([^>]*)>")  # before sheetData only
        if prefix:
            mine = re.escape(prefix[:-1])  # its own tags: "<x:c ..." and "</x:c>"
            self.others = [re.compile(rb"(?<!<" + mine + rb")(?<!/" + mine + rb"):(?:c|row)[\s/>]"),
                           re.compile(rb"<c[\s/>]"), re.compile(rb"<row[\s/>]")]
        else:
            self.others = [re.compile(rb":(?:c|row)[\s/>]")]


_PATTERNS: dict[bytes, _Patterns] = {}


def _patterns(head: bytes) -> _Patterns:
    m = _ROOT.search(head)
    prefix = m[1] + b":" if m is not None and m[1] else b""
    found = _PATTERNS.get(prefix)
    if found is None:
        found = _PATTERNS[prefix] = _Patterns(prefix)
    return found


_ROW_NUMBER = re.compile(rb"\sr=\"([0-9]+)\"")
_STR_TYPE = re.compile(rb"\st=\"str\"")
# --------------------------------------------------------------------------- results
@dataclass
class SheetScan:
    """What the scan found in one worksheet's XML."""

    hidden_rows: set[int] = field(default_factory=set)
    hidden_cols: list[ColumnRange] = field(default_factory=list)  # see hidden_columns
    formulas: list[tuple[int, int]] = field(default_factory=list)  # (row, col) without value
    strays: list[str] = field(default_factory=list)  # cells cut out, by name
    exact: bool = False  # the slow, exact path was taken
    replacement: bytes | None = None  # the member's XML without the strays


@dataclass
class ZipScan:
    sheets: dict[str, SheetScan] = field(default_factory=dict)  # member name -> scan
    odd: set[str] = field(default_factory=set)  # members the fast scan could not vouch for
    ods_hidden: dict[str, set[int]] = field(default_factory=dict)  # .ods table -> hidden rows
    ods_hidden_cols: dict[str, list[ColumnRange]] = field(default_factory=dict)  # and columns


def replace_member(data: bytes, member: str, body: bytes) -> bytes:
    """The workbook ``data`` with one member's content replaced (for calamine)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as dst:
        for info in src.infolist():
            dst.writestr(info.filename, body if info.filename == member else src.read(info))
    return out.getvalue()


def _is_worksheet(member: str) -> bool:
    return member.startswith("xl/worksheets/") and member.endswith(".xml")


# --------------------------------------------------------------------------- fast scan
class _FastScan:
    """The fast scan of one worksheet, fed chunk by chunk; ``odd`` once it cannot vouch
    for the sheet (then the exact path runs)."""

    def __init__(self) -> None:
        self.result = SheetScan()
        self.odd = False
        self.carry = b""
        self.p: _Patterns | None = None  # chosen by the root tag, in the first chunk
        self.cols_done = False  # past <sheetData>: no <col> tag after it

    def feed(self, chunk: bytes, final: bool = False) -> None:
        """Scan whole rows as they arrive: a chunk up to its last ``</row>``, and the row cut
        in two across chunks as one small piece (no copy of the chunk itself)."""
        if self.odd:
            return
        if self.p is None:
            self.p = _patterns(chunk[:4096])
        if final:
            if self.carry:
                self._scan(self.carry, 0, len(self.carry))
            return
        end = chunk.rfind(b"</row>")
        if end < 0:
            self.carry += chunk
            if len(self.carry) > MAX_ROW_BYTES:
                self.odd = True
            return
        cut = end + 6
        start = 0
        if self.carry:
            start = chunk.find(b"</row>") + 6
            piece = self.carry + chunk[:start]
            self._scan(piece, 0, len(piece))
        self.carry = chunk[cut:]
        if not self.odd:
            self._scan(chunk, start, cut)

    def _scan(self, buf: bytes, start: int, cut: int) -> None:
        p = self.p
        assert p is not None
        if not self.cols_done:
            data = buf.find(b"sheetData", start, cut)
            for m in p.col.finditer(buf, start, cut if data < 0 else data):
                hidden = xlsx_hidden_range(m[1])
                if hidden is not None:
                    self.result.hidden_cols.append(hidden)
            self.cols_done = data >= 0
        if p.cell_odd.search(buf, start, cut) or any(o.search(buf, start, cut) for o in p.others):
            self.odd = True
            return
        for m in p.row.finditer(buf, start, cut):
            if m["hidden"] is None:
                self.odd = True
                return
            number = _ROW_NUMBER.search(m["hidden"])
            if number is None:
                self.odd = True
                return
            self.result.hidden_rows.add(int(number[1]))
        for m in p.formula.finditer(buf, start, cut):
            self._formula(p, buf, m.start())
            if self.odd:
                return

    def _formula(self, p: _Patterns, buf: bytes, at: int) -> None:
        """A formula at ``at``: note its cell when no value is stored after it."""
        start = buf.rfind(p.cell_tag, 0, at)
        cell = p.cell_start.match(buf, start) if start >= 0 else None
        end = buf.find(p.cell_end, at)
        if cell is None or end < 0 or cell.end() > at:
            self.odd = True  # not the shape the fast scan knows: let the exact one judge
            return
        if p.value.search(buf, at, end) or _STR_TYPE.search(cell[2]):
            return  # a value, or a text formula whose result is "" (truly empty)
        place = _parse_ref(cell[1].decode("ascii"))
        if place is not None:
            self.result.formulas.append(place)


# --------------------------------------------------------------------------- exact scan
def _expat(on_start: Callable[..., None], on_end: Callable[..., None],
           on_text: Callable[[str], None] | None = None) -> Any:
    """An expat parser that refuses any DTD (so no entity can expand)."""
    parser = pyexpat.ParserCreate(namespace_separator=" ")

    def no_dtd(*_args: object) -> None:
        raise ValueError("DTD")

    parser.StartDoctypeDeclHandler = no_dtd
    parser.EntityDeclHandler = no_dtd
    parser.StartElementHandler = on_start
    parser.EndElementHandler = on_end
    if on_text is not None:
        parser.CharacterDataHandler = on_text
    parser.buffer_text = True
    return parser


class _Cells:
    """Walks a worksheet's XML with expat: every value cell's position, hidden rows,
    formulas without value, and (``cut``) the byte ranges of cells outside a block."""

    def __init__(self, cut: tuple[range, range] | None = None) -> None:
        self.rows: Counter[int] = Counter()
        self.cols: Counter[int] = Counter()
        self.hidden: set[int] = set()
        self.hidden_cols: list[ColumnRange] = []
        self.formulas: list[tuple[int, int]] = []
        self.cut = cut
        self.cut_ranges: list[tuple[int, int, bytes]] = []
        self.cut_names: list[str] = []
        self.row = 0
        self.col = -1
        self.in_cell = False
        self.depth_v = False
        self.has_value = False
        self.has_formula = False
        self.str_type = False
        self.start = 0
        self.qname = ""
        self.ref: str | None = None
        self.parser = _expat(self.on_start, self.on_end, self.on_text)

    def on_start(self, name: str, attrs: dict[str, str]) -> None:
        local = name.rpartition(" ")[2]
        if local == "row":
            r = attrs.get("r")
            self.row = int(r) if r is not None and r.isdigit() else self.row + 1
            if not 1 <= self.row <= EXCEL_ROWS:
                raise ValueError("row")
            self.col = -1
            if attrs.get("hidden") in ("1", "true"):
                self.hidden.add(self.row)
        elif local == "col" and (hidden := xlsx_hidden_range_of(attrs)) is not None:
            self.hidden_cols.append(hidden)
        elif local == "c":
            ref = attrs.get("r")
            at = _parse_ref(ref) if ref else None
            if at is not None:
                self.row, self.col = at
            elif ref:
                raise ValueError("ref")
            else:
                self.col += 1
            if not (0 <= self.col < EXCEL_COLS and 1 <= self.row <= EXCEL_ROWS):
                raise ValueError("cell")
            self.in_cell, self.has_value, self.has_formula = True, False, False
            self.str_type = attrs.get("t") == "str"
            self.start = self.parser.CurrentByteIndex
            self.ref = ref
        elif self.in_cell:
            if local in ("v", "t"):
                self.depth_v = True
            elif local == "f":
                self.has_formula = True

    def on_text(self, text: str) -> None:
        if self.depth_v and text.strip():
            self.has_value = True

    def on_end(self, name: str) -> None:
        local = name.rpartition(" ")[2]
        if local in ("v", "t"):
            self.depth_v = False
        elif local == "c" and self.in_cell:
            self.in_cell = False
            row, col = self.row, self.col
            if self.has_value:
                if self.cut is None:
                    self.rows[row] += 1
                    self.cols[col] += 1
                elif row not in self.cut[0] or col not in self.cut[1]:
                    self._cut_cell()
            elif self.has_formula and not self.str_type and self.cut is None:
                self.formulas.append((row, col))

    def _cut_cell(self) -> None:
        if len(self.cut_names) >= MAX_STRAYS:
            raise _TooMany(self.cut_names)
        self.cut_names.append(cell_name(self.row, self.col))
        # an empty cell in its place: a cell without a reference still moves the next one
        ref = f' r="{self.ref}"' if self.ref else ""
        end = self.parser.CurrentByteIndex  # where its end tag starts
        self.cut_ranges.append((self.start, end, f"<c{ref}/>".encode()))


class _TooMany(Exception):
    def __init__(self, names: list[str]) -> None:
        super().__init__()
        self.names = list(names)


def _stream(zf: zipfile.ZipFile, member: str) -> Iterator[bytes]:
    with zf.open(member) as fh:
        while chunk := fh.read(CHUNK):
            yield chunk


def _walk(zf: zipfile.ZipFile, member: str, walker: _Cells) -> None:
    for chunk in _stream(zf, member):
        walker.parser.Parse(chunk, False)
    walker.parser.Parse(b"", True)


def _first_block(counts: Counter[int], gap: int) -> range:
    """The first run of used positions with no gap wider than ``gap``: a table starts at
    the top left; what lies beyond a wide gap is not part of it."""
    ordered = sorted(counts)
    start = prev = ordered[0]
    for pos in ordered[1:]:
        if pos - prev > gap + 1:
            break
        prev = pos
    return range(start, prev + 1)


def _end_tag_length(data: bytes, at: int) -> int:
    close = data.find(b">", at)
    return close + 1 - at


def scan_exactly(path: Any, member: str, name: str, sheet_label: str) -> SheetScan:
    """The exact path for one worksheet: strays cut out (``replacement``) or refused."""
    try:
        with zipfile.ZipFile(path) as zf:
            return _exact_scan(zf, member, name, sheet_label)
    except SheetError:
        raise
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, ValueError,
            OSError, RuntimeError, pyexpat.ExpatError, KeyError):
        raise corrupt(name) from None


# The middle path: every cell and row tag in any form (prefix, attribute order, quotes),
# counted by regular expressions instead of an XML parser (~20x faster here); a sheet with
# a cell without a reference or with formulas is left to the parser.
_ANY_CELL = re.compile(rb"<(?:[A-Za-z_][\w.\-]*:)?c(?=[\s/>])([^>]*)>")
_ATTR_REF = re.compile(rb"""(?:^|\s)r\s*=\s*["']([A-Z]{1,3})([0-9]{1,7})["']""")
_ANY_ROW = re.compile(rb"<(?:[A-Za-z_][\w.\-]*:)?row(?=[\s/>])([^>]*)>")
_ATTR_ROW = re.compile(rb"""(?:^|\s)r\s*=\s*["']([0-9]{1,7})["']""")
_ATTR_HIDDEN = re.compile(rb"""(?:^|\s)hidden\s*=\s*["'](?:1|true)["']""")
_ANY_FORMULA = re.compile(rb"<(?:[A-Za-z_][\w.\-]*:)?f[\s>/]")
_ANY_COL = re.compile(rb"<(?:[A-Za-z_][\w.\-]*:)?col(?=[\s/>])([^>]*)>")


def _count_cells(zf: zipfile.ZipFile, member: str) -> _Cells | None:
    """Rows and columns of the value cells (and hidden rows) by regular expressions, or
    ``None`` when only the XML parser can tell (see above)."""
    counted = _Cells()
    columns: dict[bytes, int] = {}
    carry = b""
    for chunk in [*_stream(zf, member), b""]:
        buf = carry + chunk
        cut = len(buf) if not chunk else buf.rfind(b">") + 1  # no tag is cut in two
        if cut < 1:
            carry = buf
            continue
        carry = buf[cut:]
        if _ANY_FORMULA.search(buf, 0, cut):
            return None
        for m in _ANY_COL.finditer(buf, 0, cut):
            if (hidden := xlsx_hidden_range(m[1])) is not None:
                counted.hidden_cols.append(hidden)
        for m in _ANY_ROW.finditer(buf, 0, cut):
            if _ATTR_HIDDEN.search(m[1]):
                number = _ATTR_ROW.search(m[1])
                if number is None:
                    return None
                counted.hidden.add(int(number[1]))
        for m in _ANY_CELL.finditer(buf, 0, cut):
            attrs = m[1]
            ref = _ATTR_REF.search(attrs)
            if ref is None:
                return None  # a cell placed after the one before it: the parser counts
            if attrs.endswith(b"/"):
                continue  # <c r="A1" s="3"/>: a formatted empty cell
            col = columns.get(ref[1])
            if col is None:
                col = columns[ref[1]] = _parse_ref(ref[1].decode() + "1")[1]  # type: ignore[index]
            row = int(ref[2])
            if not (0 <= col < EXCEL_COLS and 1 <= row <= EXCEL_ROWS):
                raise ValueError("cell")
            counted.rows[row] += 1
            counted.cols[col] += 1
    return counted


def _exact_scan(zf: zipfile.ZipFile, member: str, name: str, sheet_label: str) -> SheetScan:
    walker = _count_cells(zf, member)
    if walker is None:
        walker = _Cells()
        _walk(zf, member, walker)
    result = SheetScan(hidden_rows=walker.hidden, hidden_cols=walker.hidden_cols,
                       formulas=walker.formulas, exact=True)
    if not walker.rows:
        return result
    rows = _first_block(walker.rows, ROW_GAP)
    cols = _first_block(walker.cols, COL_GAP)
    if len(rows) * len(cols) > MAX_CELLS:
        raise SheetError(
            f"{sheet_label}ในไฟล์ {name} มีตารางใหญ่เกินไป ({len(rows):,} แถว x {len(cols):,} "
            f"คอลัมน์ ตั้งแต่เซลล์ {cell_name(rows.start, cols.start)} ถึง "
            f"{cell_name(rows.stop - 1, cols.stop - 1)}) — โปรดลบแถวหรือคอลัมน์ที่ไม่ใช้ "
            "หรือคัดลอกเฉพาะตารางไปวางในไฟล์ใหม่ แล้วนำเข้าอีกครั้ง"
        )
    outside = sum(n for r, n in walker.rows.items() if r not in rows) + sum(
        n for c, n in walker.cols.items() if c not in cols)
    if not outside:
        return result
    cutter = _Cells(cut=(rows, cols))
    try:
        _walk(zf, member, cutter)
    except _TooMany as many:
        shown = ", ".join(many.names[:5])
        raise SheetError(
            f"{sheet_label}ในไฟล์ {name} มีข้อมูลอยู่ไกลจากตารางหลายเซลล์ (เช่น {shown}) "
            f"ตารางอยู่ที่ {cell_name(rows.start, cols.start)} ถึง "
            f"{cell_name(rows.stop - 1, cols.stop - 1)} — โปรดลบข้อมูลที่อยู่นอกตาราง "
            "(หรือคัดลอกเฉพาะตารางไปวางในไฟล์ใหม่) แล้วนำเข้าอีกครั้ง"
        ) from None
    data = zf.read(member)
    out = bytearray()
    at = 0
    for start, end, repl in cutter.cut_ranges:
        out += data[at:start]
        out += repl
        at = end + _end_tag_length(data, end)
    out += data[at:]
    result.strays = cutter.cut_names
    result.replacement = bytes(out)
    return result


# --------------------------------------------------------------------------- the zip
def check_zip(path: Any, name: str) -> ZipScan:
    """Refuse a zip that is corrupt, not a spreadsheet, or expands too far; scan each
    .xlsx worksheet on the way (see the module docstring). The exact scan of the sheets
    the fast one could not vouch for is left to :func:`scan_exactly`, for the sheets read."""
    limit = _limits.MAX_UNZIPPED_BYTES
    scan = ZipScan()
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
            names = {i.filename for i in infos}
            if "xl/workbook.bin" in names:
                raise SheetError(
                    f"ไฟล์ {name} เป็น Excel แบบไบนารี (.xlsb) ซึ่งยังไม่รองรับ — โปรดเปิดใน Excel "
                    "แล้วบันทึกเป็น Excel Workbook (.xlsx)"
                )
            if not names & {"xl/workbook.xml", "content.xml"}:
                raise corrupt(name)  # a zip, but not a workbook (.docx, a folder, ...)
            if any(i.flag_bits & 0x1 for i in infos):
                raise password(name)
            if sum(i.file_size for i in infos) > limit:
                raise bomb(name)
            for i in infos:
                if (i.file_size > _limits.RATIO_MIN_BYTES
                        and i.file_size > _limits.MAX_RATIO * max(i.compress_size, 1)):
                    raise bomb(name)
            # The declared sizes may lie: expand for real, in bounded chunks. zipfile stops
            # at the declared size and then fails the CRC check, so a liar is refused.
            total = 0
            for i in infos:
                fast = _FastScan() if _is_worksheet(i.filename) else None
                with zf.open(i) as member:
                    while chunk := member.read(CHUNK):
                        total += len(chunk)
                        if total > limit:
                            raise bomb(name)
                        if fast is not None:
                            fast.feed(chunk)
                if fast is not None:
                    fast.feed(b"", final=True)
                    if fast.odd:
                        scan.odd.add(i.filename)
                    else:
                        scan.sheets[i.filename] = fast.result
            if "content.xml" in names and "xl/workbook.xml" not in names:
                from .ods_scan import check_ods  # an .ods: calamine builds every table at once

                scan.ods_hidden, scan.ods_hidden_cols = check_ods(zf, name)
    except SheetError:
        raise
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, ValueError,
            OSError, RuntimeError, pyexpat.ExpatError, KeyError):
        raise corrupt(name) from None
    return scan


# --------------------------------------------------------------------------- workbook.xml
def sheet_members(path: Any) -> dict[str, str]:
    """Worksheet name -> its member in the zip (from xl/workbook.xml and its rels)."""
    try:
        with zipfile.ZipFile(path) as zf:
            book = zf.read("xl/workbook.xml")
            rels = zf.read("xl/_rels/workbook.xml.rels")
    except (KeyError, zipfile.BadZipFile, OSError, zlib.error, ValueError):
        return {}
    sheets: list[tuple[str, str]] = []
    targets: dict[str, str] = {}

    def on_book(name: str, attrs: dict[str, str]) -> None:
        if name.rpartition(" ")[2] == "sheet":
            rid = next((v for k, v in attrs.items() if k.rpartition(" ")[2] == "id"), "")
            sheets.append((attrs.get("name", ""), rid))

    def on_rels(name: str, attrs: dict[str, str]) -> None:
        if name.rpartition(" ")[2] == "Relationship":
            target = attrs.get("Target", "")
            target = target.lstrip("/") if target.startswith("/") else "xl/" + target
            targets[attrs.get("Id", "")] = target

    try:
        for data, handler in ((book, on_book), (rels, on_rels)):
            parser = _expat(handler, lambda _n: None)
            parser.Parse(data, True)
    except (pyexpat.ExpatError, ValueError):
        return {}
    return {sheet: targets[rid] for sheet, rid in sheets if rid in targets}
