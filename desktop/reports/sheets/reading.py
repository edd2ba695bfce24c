"""Reading a spreadsheet into text rows, with bounds and Thai messages for every failure,
and nothing left out without saying so.

The file is checked before any parser sees it: its size (``MAX_BYTES``), its kind by its
content (not by its name: a ``.xls`` that is really ``.xlsx``, an HTML table, Excel 2003
XML, CSV or tab-separated "Unicode Text" is recognised), and for zip-based files
(``.xlsx``, ``.ods``) the sizes its members expand to, with each .xlsx worksheet scanned
on the way (``xlsx_scan``: hidden rows, formulas without a value, cells so far from the
table that the sheet's rectangle would not fit in memory). Only then does python-calamine
parse the sheets that are read.

Which sheet: the one named (or numbered) by the caller; else the first visible sheet that
holds a table (two rows of two or more cells among its first rows): hidden sheets, cover
sheets and nearly empty sheets are skipped, and each skip is said in ``SheetData.notes``,
with the sheet and the header row used. Hidden rows are not read, and are named; hidden
columns are read, and are named (``hidden_columns``).

Rows become text one at a time and reading stops as soon as the count of non-blank data
rows passes ``MAX_ROWS``; a CSV is parsed row by row and stops the same way.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from itertools import chain
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop.domain.text import clean_text, to_ascii_digits
from desktop.reports import sheets as _limits  # read at call time, so tests can lower them

from . import SheetData, SheetError
from .cells import cell_name, corrupt, formula_message, password
from .hidden_columns import ColumnRange, hidden_in_table, hidden_note
from .textfiles import csv_rows, decode_text
from .webformats import WebSheet, kind_of, read_html, read_spreadsheet_ml
from .xlsx_scan import (
    MAX_CELLS,
    ZipScan,
    check_zip,
    replace_member,
    scan_exactly,
    sheet_members,
)

if TYPE_CHECKING:
    from desktop.services.progress import Progress

HEADER_SEARCH_ROWS = 20  # the header is looked for among this many non-blank rows
HEADER_MIN_SHARE = 0.6  # of the fullest of those rows
PROGRESS_EVERY = 5000
PREVIEW_ROWS = 30  # rows kept from the top of the sheet for the import dialog
NAMED_AT_MOST = 10  # hidden rows or cells named in a note, then "and N more"

_ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# An Office file encrypted with a password is an OLE container holding this stream.
_ENCRYPTED_MARK = "EncryptedPackage".encode("utf-16-le")
_NEUTRALISED = frozenset("=+-@\t\r\n")  # \n: XML reads a written CR as LF
_TEXT_SUFFIXES = (".csv", ".txt", ".xls", ".xml", ".htm", ".html")

_ID_LIKE = re.compile(r"[\s\-]")
_DATE_LIKE = re.compile(r"^\d{1,4}[/.\-]\d{1,2}[/.\-]\d{1,4}$")


# --------------------------------------------------------------------------- messages
def _mb(n: int) -> str:
    return f"{n / (1024 * 1024):,.1f} MB"


def _too_many_rows(name: str) -> SheetError:
    limit = _limits.MAX_ROWS
    return SheetError(
        f"ไฟล์ {name} มีข้อมูลเกิน {limit:,} แถว — โปรดแบ่งเป็นหลายไฟล์ ไฟล์ละไม่เกิน "
        f"{limit:,} แถว (เช่น แยกตามสถานศึกษาหรือตำบล) แล้วนำเข้าทีละไฟล์"
    )


def _listed(items: list[Any]) -> str:
    shown = ", ".join(str(i) for i in items[:NAMED_AT_MOST])
    more = len(items) - NAMED_AT_MOST
    return shown + (f" และอีก {more:,} แห่ง" if more > 0 else "")


# --------------------------------------------------------------------------- cells
def _cell_text(value: Any) -> str:
    """One cell as the text a clerk sees (``str`` values are handled by the caller)."""
    kind = type(value)
    if kind is str:
        return str(value).strip()
    if kind is float:
        if value.is_integer() and abs(value) < 1e16:
            return str(int(value))  # IDs and phone numbers stored as numbers
        return repr(value)
    if kind is bool:
        return "TRUE" if value else "FALSE"
    if kind is int:
        return str(value)
    if kind is datetime:
        return str(value.date().isoformat())
    if kind is date:
        return str(value.isoformat())
    if kind is time:
        return str(value.isoformat())
    if kind is timedelta:
        return str(value)
    return "" if value is None else str(value).strip()


def unneutralise(text: str) -> str:
    """Undo :func:`neutralise`: ``"'=A1"`` → ``"=A1"`` (only before the characters it
    guards, so an ordinary leading apostrophe stays)."""
    if len(text) > 1 and text[0] == "'" and text[1] in _NEUTRALISED:
        return text[1:]
    return text


def _finish_row(cells: list[str]) -> list[str]:
    """Drop trailing blank cells and undo neutralising; ``[]`` for a blank row."""
    while cells and not cells[-1]:
        cells.pop()
    if cells and "'" in "".join(cells):
        cells = [unneutralise(c) for c in cells]
    return cells


# --------------------------------------------------------------------------- file checks
def _check_file(path: Path) -> bytes:
    """The file's first bytes, after the checks every format shares."""
    name = path.name
    try:
        size = path.stat().st_size
        if path.is_dir():
            raise SheetError(f"{name} เป็นโฟลเดอร์ ไม่ใช่ไฟล์ — โปรดเลือกไฟล์ Excel หรือ CSV")
        suffix = path.suffix.lower()
        if suffix not in _limits.SUFFIXES:
            shown = suffix or "ที่ไม่มีนามสกุล"
            raise SheetError(
                f"ไม่รองรับไฟล์ชนิด {shown} — โปรดบันทึกเป็น Excel (.xlsx, .xls), "
                "OpenDocument (.ods), CSV หรือข้อความคั่นด้วยแท็บ (.txt) แล้วลองอีกครั้ง"
            )
        if size == 0:
            raise SheetError(
                f"ไฟล์ {name} ว่างเปล่า (0 ไบต์) — โปรดตรวจสอบว่าบันทึกไฟล์เรียบร้อยแล้ว "
                "หรือคัดลอกไฟล์มาใหม่"
            )
        limit = _limits.MAX_CSV_BYTES if suffix in (".csv", ".txt") else _limits.MAX_BYTES
        if size > limit:
            raise SheetError(
                f"ไฟล์ {name} มีขนาด {_mb(size)} เกินขีดจำกัด {_mb(limit)} — "
                "โปรดแบ่งข้อมูลเป็นหลายไฟล์ (เช่น แยกตามสถานศึกษาหรือตำบล) "
                "แล้วนำเข้าทีละไฟล์"
            )
        with path.open("rb") as fh:
            return fh.read(4096)
    except FileNotFoundError:
        raise SheetError(f"ไม่พบไฟล์ {name} — โปรดตรวจสอบว่าไฟล์ยังอยู่ที่เดิม") from None
    except OSError:
        raise SheetError(
            f"เปิดไฟล์ {name} ไม่ได้ — ไฟล์อาจเปิดค้างอยู่ในโปรแกรมอื่นหรือไม่มีสิทธิ์อ่าน "
            "โปรดปิดไฟล์แล้วลองอีกครั้ง"
        ) from None


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError:
        raise SheetError(
            f"เปิดไฟล์ {path.name} ไม่ได้ — โปรดปิดไฟล์ในโปรแกรมอื่นแล้วลองอีกครั้ง"
        ) from None


def _is_binary(head: bytes) -> bool:
    return head.startswith((*_ZIP_MAGIC, _OLE_MAGIC))


# --------------------------------------------------------------------------- sources
@dataclass
class _Source:
    """One sheet that may be read: its rows come from ``load`` (non-blank rows only,
    hidden rows left out and counted in ``hidden_rows``)."""

    name: str
    hidden: bool
    load: Callable[[_Source], Iterator[tuple[int, list[str]]]]
    hidden_rows: list[int] = field(default_factory=list)
    bad_cells: dict[tuple[int, int], str] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    hidden_cols: list[ColumnRange] = field(default_factory=list)  # read, and named in a note
    first_col: int = 0  # the sheet's column of the rows' first cell

    def rows(self) -> Iterator[tuple[int, list[str]]]:
        return self.load(self)


def _calamine(name: str, call: Callable[[], Any], *, sheet: str = "") -> Any:
    """Run one python-calamine call; every failure becomes a Thai SheetError."""
    import python_calamine as pc

    try:
        return call()
    except pc.PasswordError:
        raise password(name) from None
    except pc.WorksheetNotFound:
        raise SheetError(f"ไม่พบแผ่นงาน \"{sheet}\" ในไฟล์ {name}") from None
    except SheetError:
        raise
    except (KeyboardInterrupt, SystemExit, GeneratorExit):
        raise
    except BaseException as exc:  # noqa: BLE001 - pyo3 panics derive from BaseException
        if type(exc).__name__ == "Cancelled":
            raise
        raise corrupt(name) from None


class _Workbook:
    """An opened workbook (after the file checks): its worksheets, which are hidden, and
    for .xlsx what the scan found in each."""

    def __init__(self, path: Path, head: bytes) -> None:
        import python_calamine as pc

        self.path = path
        self.name = path.name
        self.scan = ZipScan()
        self.members: dict[str, str] = {}
        if head.startswith(_ZIP_MAGIC):
            self.scan = check_zip(path, self.name)
            self.members = sheet_members(path)
        elif not head.startswith(_OLE_MAGIC):
            raise corrupt(self.name)
        self.data = _read_bytes(path)
        if head.startswith(_OLE_MAGIC) and _ENCRYPTED_MARK in self.data:
            raise password(self.name)
        # from_filelike recognises the format by content (from_path goes by the suffix)
        self.book = self._open(self.data)
        metas = _calamine(self.name, lambda: self.book.sheets_metadata)
        work = [m for m in metas if m.typ == pc.SheetTypeEnum.WorkSheet]
        self.sheet_names: list[str] = [m.name for m in work] or list(self.book.sheet_names)
        self.hidden = {m.name for m in work if m.visible != pc.SheetVisibleEnum.Visible}

    def _open(self, data: bytes) -> Any:
        import python_calamine as pc

        return _calamine(self.name, lambda: pc.CalamineWorkbook.from_filelike(io.BytesIO(data)))

    def sources(self, progress: Progress | None) -> list[_Source]:
        return [_Source(n, n in self.hidden, lambda src: self._rows(src, progress))
                for n in self.sheet_names]

    def _sheet(self, source: _Source) -> Any:
        """The calamine sheet, after its extent is proved bounded (strays cut out)."""
        name = source.name
        label = f"แผ่นงาน \"{name}\""
        book = self.book
        scan = None
        member = self.members.get(name)
        if member is not None:
            scan = self.scan.sheets.get(member)
            if member in self.scan.odd:
                scan = scan_exactly(self.path, member, self.name, label)
                self.scan.odd.discard(member)
                self.scan.sheets[member] = scan
                if scan.replacement is not None:
                    book = self._open(replace_member(self.data, member, scan.replacement))
                    scan.replacement = None
                    self.scan.sheets[member] = scan
        elif self.scan.odd:
            raise corrupt(self.name)  # a sheet the scan could not place: do not guess
        ws = _calamine(self.name, lambda: book.get_sheet_by_name(name), sheet=name)
        if ws.height * ws.width > MAX_CELLS:  # .xls and .ods: their sizes are known now
            far = cell_name(int(ws.end[0]) + 1, int(ws.end[1])) if ws.end else "?"
            raise SheetError(
                f"{label}ในไฟล์ {self.name} มีข้อมูลกระจายไปไกลถึงเซลล์ {far} "
                f"({ws.height:,} แถว x {ws.width:,} คอลัมน์) — โปรดลบข้อมูลที่อยู่นอกตาราง "
                "หรือคัดลอกเฉพาะตารางไปวางในไฟล์ใหม่ แล้วนำเข้าอีกครั้ง"
            )
        source.first_col = int(ws.start[1]) if ws.start else 0
        source.hidden_cols = scan.hidden_cols if scan is not None else \
            self.scan.ods_hidden_cols.get(name, [])
        if scan is not None:
            if scan.strays:
                source.notes.append(
                    f"ไม่ได้อ่านเซลล์ {_listed(scan.strays)} ใน{label} เพราะอยู่ไกลจากตาราง "
                    "(อาจพิมพ์ไว้โดยไม่ตั้งใจ) — ถ้าเป็นข้อมูลที่ต้องการ โปรดย้ายมาไว้ในตาราง")
            start_col = int(ws.start[1]) if ws.start else 0
            for row, col in scan.formulas:
                if row not in scan.hidden_rows:
                    source.bad_cells[(row, col - start_col)] = formula_message(row, col)
        if scan is None:
            return ws, self.scan.ods_hidden.get(name, set())
        return ws, scan.hidden_rows

    def _rows(self, source: _Source, progress: Progress | None) -> Iterator[tuple[int, list[str]]]:
        ws, hidden = self._sheet(source)
        yield from _sheet_rows(self.name, ws, progress, hidden, source.hidden_rows)


def _sheet_rows(name: str, ws: Any, progress: Progress | None, hidden: set[int],
                skipped: list[int]) -> Iterator[tuple[int, list[str]]]:
    end = ws.end
    total = int(end[0]) + 1 if end else 0
    rows = _calamine(name, ws.iter_rows)
    text = _cell_text
    strip = str.strip
    # Columns that held numbers or dates in the last such row (a year, a date of birth):
    # made text first, so most rows take the fast path (str.strip over the row, in C).
    typed: list[int] = []
    for number, raw in enumerate(rows, 1):
        if progress is not None and number % PROGRESS_EVERY == 0:
            progress.step(number, total, f"กำลังอ่านแถวที่ {number:,} จาก {total:,}")
        for i in typed:
            c = raw[i]
            if type(c) is not str:
                raw[i] = text(c)
        try:  # str.strip refuses anything but text
            cells = list(map(strip, raw))
        except TypeError:
            typed = [i for i, c in enumerate(raw) if type(c) is not str]
            for i in typed:
                raw[i] = text(raw[i])
            cells = list(map(strip, raw))
        if not cells or not cells[-1] or "'" in "".join(cells):
            cells = _finish_row(cells)
        if cells:
            if hidden and number in hidden:
                skipped.append(number)
                continue
            yield number, cells


def _web_sources(sheets: list[WebSheet]) -> list[_Source]:
    def loader(sheet: WebSheet) -> Callable[[_Source], Iterator[tuple[int, list[str]]]]:
        def load(source: _Source) -> Iterator[tuple[int, list[str]]]:
            source.hidden_rows.extend(sheet.hidden_rows)
            source.hidden_cols = sheet.hidden_cols
            for number, cells in sheet.rows:
                cells = _finish_row([c.strip() for c in cells])
                if cells:
                    yield number, cells
        return load

    return [_Source(s.name, s.hidden, loader(s)) for s in sheets]


def _text_source(name: str, text: str, progress: Progress | None) -> _Source:
    def load(_source: _Source) -> Iterator[tuple[int, list[str]]]:
        for number, raw in csv_rows(name, text, progress):
            cells = _finish_row([c.strip() for c in raw])
            if cells:
                yield number, cells

    return _Source("", False, load)


# --------------------------------------------------------------------------- which sheet
def _has_table(rows: list[tuple[int, list[str]]]) -> int:
    """How many of these rows hold two or more cells (a header and data rows do)."""
    return sum(1 for _, cells in rows if sum(1 for c in cells if c) >= 2)


def _peek(source: _Source) -> tuple[list[tuple[int, list[str]]], Iterator[tuple[int, list[str]]]]:
    rows = source.rows()
    head: list[tuple[int, list[str]]] = []
    for item in rows:
        head.append(item)
        if len(head) >= HEADER_SEARCH_ROWS:
            break
    return head, rows


def _pick(name: str, sources: list[_Source], wanted: str | None
          ) -> tuple[_Source, Iterable[tuple[int, list[str]]], list[str]]:
    """The source to read, its rows, and notes on the sheets passed over."""
    names = [s.name for s in sources]
    notes: list[str] = []
    if wanted is not None:
        text = str(wanted).strip()
        if text in names:
            source = sources[names.index(text)]
        elif text.isdigit() and 1 <= int(text) <= len(sources):
            source = sources[int(text) - 1]
        else:
            known = ", ".join(f"{i}. \"{n}\"" for i, n in enumerate(names, 1))
            raise SheetError(
                f"ไม่พบแผ่นงาน \"{text}\" ในไฟล์ {name} — แผ่นงานที่มี: {known} "
                "(เลือกด้วยชื่อหรือลำดับที่ของแผ่นงาน)"
            )
        if source.hidden:
            notes.append(f"แผ่นงาน \"{source.name}\" ถูกซ่อนไว้ใน Excel แต่ได้อ่านตามที่เลือก")
        return source, source.rows(), notes
    hidden = [s.name for s in sources if s.hidden]
    if hidden:
        shown = ", ".join(f"\"{n}\"" for n in hidden)
        notes.append(f"ข้ามแผ่นงานที่ซ่อนไว้: {shown} (ถ้าต้องการอ่าน โปรดเลือกแผ่นงานเอง)")
    best: tuple[int, _Source, list[tuple[int, list[str]]], Iterator[Any]] | None = None
    passed: list[_Source] = []
    for source in sources:
        if source.hidden:
            continue
        head, rest = _peek(source)
        score = _has_table(head)
        if score >= 2:
            best = (score, source, head, rest)
            break
        if head and (best is None or score > best[0]):
            best = (score, source, head, rest)
        passed.append(source)
    if best is None:
        if hidden:
            shown = ", ".join(f"\"{n}\"" for n in hidden)
            raise SheetError(
                f"ไฟล์ {name} มีข้อมูลเฉพาะในแผ่นงานที่ซ่อนไว้ ({shown}) — ถ้าต้องการนำเข้า "
                "โปรดเลือกแผ่นงานนั้นเอง (หรือยกเลิกการซ่อนใน Excel แล้วบันทึกใหม่)"
            )
        raise SheetError(f"ไฟล์ {name} ไม่มีข้อมูลในแผ่นงานใดเลย — โปรดตรวจสอบไฟล์")
    _, source, head, rest = best
    skipped = [s.name for s in passed if s is not source]
    if skipped:
        shown = ", ".join(f"\"{n}\"" for n in skipped)
        notes.append(f"ข้ามแผ่นงาน {shown} เพราะไม่มีตารางข้อมูล (ไม่มีแถวที่มีหลายคอลัมน์)")
    return source, chain(head, rest), notes


# --------------------------------------------------------------------------- header + rows
def _looks_like_value(cell: str) -> bool:
    """A 13-digit ID or a date: a row holding one is data, not a header."""
    text = to_ascii_digits(cell)
    digits = _ID_LIKE.sub("", text)
    return (len(digits) == 13 and digits.isdigit()) or bool(_DATE_LIKE.match(text))


def detect_header(rows: list[list[str]]) -> int:
    """Index (in ``rows``) of the header: the first row at least 60% as full as the
    fullest and holding no ID or date; the first row when none qualifies."""
    counts = [sum(1 for c in r if c) for r in rows]
    need = HEADER_MIN_SHARE * max(counts, default=0)
    for i, row in enumerate(rows):
        if counts[i] and counts[i] >= need and not any(_looks_like_value(c) for c in row):
            return i
    return 0


def _assemble(
    name: str, label: str, rows: Iterable[tuple[int, list[str]]], header_row: int | None
) -> tuple[int, list[str], list[list[str]], list[int], list[tuple[int, list[str]]]]:
    if header_row is not None and header_row < 1:
        raise SheetError(f"แถวหัวตารางต้องเป็นเลข 1 ขึ้นไป (ได้ {header_row})")
    rows = iter(rows)
    head: list[tuple[int, list[str]]] = []
    for number, cells in rows:
        head.append((number, cells))
        if header_row is None and len(head) >= HEADER_SEARCH_ROWS:
            break
        if header_row is not None and number >= header_row:
            break
    place = f"{label}ในไฟล์ {name}" if label else f"ไฟล์ {name}"
    if not head:
        raise SheetError(f"ไม่พบข้อมูลใน{place} — โปรดตรวจสอบว่าเลือกไฟล์ถูก")
    if header_row is None:
        at = detect_header([cells for _, cells in head])
    else:
        found = [i for i, (number, _) in enumerate(head) if number == header_row]
        if not found:
            raise SheetError(
                f"แถวที่ {header_row:,} ของ{place} ว่างหรือไม่มีอยู่ — "
                "โปรดเลือกแถวที่เป็นหัวตาราง"
            )
        at = found[0]
    header_number, header_cells = head[at]
    preview = [(n, list(c)) for n, c in head[:PREVIEW_ROWS]]
    limit = _limits.MAX_ROWS
    data: list[list[str]] = []
    numbers: list[int] = []
    for number, cells in head[at + 1:]:
        data.append(cells)
        numbers.append(number)
    for number, cells in rows:
        if len(data) >= limit:
            raise _too_many_rows(name)
        data.append(cells)
        numbers.append(number)
        if len(preview) < PREVIEW_ROWS:
            preview.append((number, list(cells)))
    if len(data) > limit:
        raise _too_many_rows(name)
    if not data:
        raise SheetError(
            f"{place} มีแต่หัวตาราง (แถวที่ {header_number:,}) ไม่มีแถวข้อมูล"
        )
    headers = [clean_text(h) for h in header_cells]
    width = max(len(headers), max(len(r) for r in data))
    headers += [""] * (width - len(headers))
    for r in data:
        if len(r) < width:
            r.extend([""] * (width - len(r)))
    return header_number, headers, data, numbers, preview


# --------------------------------------------------------------------------- API
def _sources(path: Path, head: bytes, progress: Progress | None
             ) -> tuple[list[_Source], str, list[str]]:
    """The file's sheets, its text encoding ("" for a workbook) and notes on its kind."""
    name = path.name
    if _is_binary(head):
        return _Workbook(path, head).sources(progress), "", []
    if path.suffix.lower() not in _TEXT_SUFFIXES:
        raise corrupt(name)  # an .xlsx or .ods that is text inside
    kind = kind_of(head)
    data = _read_bytes(path)
    if kind == "xml2003":
        return _web_sources(read_spreadsheet_ml(data, name)), "", [
            f"ไฟล์ {name} เป็น Excel 2003 XML (XML Spreadsheet)"]
    if kind == "html":
        return _web_sources([read_html(data, name)]), "", [
            f"ไฟล์ {name} เป็นตารางในหน้าเว็บ (HTML) ที่ตั้งชื่อเป็นไฟล์ Excel"]
    if kind == "xml":
        raise SheetError(
            f"ไฟล์ {name} เป็น XML ที่ไม่ใช่ตาราง Excel — โปรดเปิดใน Excel "
            "แล้วบันทึกเป็น Excel Workbook (.xlsx)"
        )
    text, encoding = decode_text(data, name)
    del data
    return [_text_source(name, text, progress)], encoding, []


def read_sheet(
    path: Path,
    *,
    sheet: str | int | None = None,
    header_row: int | None = None,
    progress: Progress | None = None,
) -> SheetData:
    """Read one sheet as text rows under a header row.

    ``sheet`` is a sheet's name or its number (1-based); by default the first visible
    sheet that holds a table. ``header_row`` (1-based) is found automatically unless given.
    What was chosen or left out is said in ``SheetData.notes``.

    Raises :class:`SheetError` (Thai message) for every file it cannot read.
    """
    path = Path(path)
    name = path.name
    head = _check_file(path)
    sources, encoding, notes = _sources(path, head, progress)
    wanted = None if sheet is None else str(sheet)
    source, rows, picked = _pick(name, sources, wanted)
    label = f"แผ่นงาน \"{source.name}\"" if source.name else ""
    try:
        header_number, headers, data, numbers, preview = _assemble(name, label, rows, header_row)
    except SheetError as exc:
        hidden = [s.name for s in sources if s.hidden]
        if wanted is None and hidden:  # a cover sheet read, the list on a hidden one
            shown = ", ".join(f"\"{n}\"" for n in hidden)
            raise SheetError(f"{exc} — ข้ามแผ่นงานที่ซ่อนไว้: {shown} ถ้ารายชื่ออยู่ในแผ่นนั้น "
                             "โปรดเลือกแผ่นงานเอง (หรือยกเลิกการซ่อนใน Excel แล้วบันทึกใหม่)") from None
        raise
    where = ""
    if source.name:
        where = f"แผ่นงาน \"{source.name}\" (แผ่นที่ {sources.index(source) + 1} จาก {len(sources)}) "
    how = "ตามที่เลือก" if header_row is not None else "ที่พบ"
    notes += picked
    notes.insert(0, f"อ่าน{where}หัวตารางแถวที่ {header_number:,} ({how}) "
                    f"ข้อมูล {len(data):,} แถว")
    notes += source.notes
    if source.hidden_rows:
        notes.append(
            f"ไม่ได้อ่านแถวที่ซ่อนไว้ {len(source.hidden_rows):,} แถว (แถวที่ "
            f"{_listed(source.hidden_rows)}) — ถ้าต้องการนำเข้า โปรดยกเลิกการซ่อนแถวแล้วบันทึกใหม่")
    hidden_cols = hidden_in_table(source.hidden_cols, source.first_col, len(headers))
    if hidden_cols:
        notes.append(hidden_note(hidden_cols, source.first_col, headers))
    bad: dict[tuple[int, int], str] = {}
    for key, message in source.bad_cells.items():
        if key[0] == header_number:
            notes.append(message)  # a header cell: the column has no name
        else:
            bad[key] = message
    if bad:
        first = bad[min(bad)].split()[1]  # "เซลล์ D5 ..." -> "D5"
        notes.append(f"พบสูตรที่ไม่มีค่าที่คำนวณไว้ {len(bad):,} เซลล์ (เช่น {first}) "
                     "ซึ่งอ่านได้เป็นค่าว่าง — โปรดเปิดไฟล์ใน Excel แล้วบันทึกใหม่")
    return SheetData(name, [s.name for s in sources if s.name], source.name, headers, data,
                     numbers, header_number, encoding, notes=tuple(notes), bad_cells=bad,
                     preview=tuple((n, tuple(c)) for n, c in preview),
                     hidden_sheets=tuple(s.name for s in sources if s.hidden),
                     hidden_columns=tuple(hidden_cols))


def list_sheets(path: Path) -> list[str]:
    """The worksheet names of a workbook, in order; ``[]`` for a CSV or an HTML table."""
    path = Path(path)
    head = _check_file(path)
    return [s.name for s in _sources(path, head, None)[0] if s.name]


def decode_csv(data: bytes) -> tuple[str, str]:
    """``(text, encoding)`` of a CSV's bytes (see :func:`textfiles.decode_text`)."""
    return decode_text(data, "CSV")
