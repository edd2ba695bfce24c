"""What Thai government web systems hand out as "Excel": an HTML table saved as .xls, and
Excel 2003 XML (SpreadsheetML, ``<Workbook xmlns="urn:schemas-microsoft-com:office:
spreadsheet">``). Both are recognised by content, parsed with the standard library
(html.parser; expat with any DTD refused, so no entity can expand), bounded by the file
size cap and ``MAX_ROWS``, and every value is kept as the text written in the file (an ID
written as a Number stays the exact digits).
"""

from __future__ import annotations

import codecs
import pyexpat
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from html.parser import HTMLParser

from desktop.reports import sheets as _limits

from . import SheetError

SS = "urn:schemas-microsoft-com:office:spreadsheet"
MAX_COLUMNS = 16_384
_CHARSET = re.compile(rb"charset\s*=\s*[\"']?([A-Za-z0-9_\-]+)", re.I)
_THAI_CHARSETS = {"windows-874", "tis-620", "tis620", "iso-8859-11", "x-windows-874", "cp874",
                  "dos-874"}


@dataclass
class WebSheet:
    name: str
    hidden: bool = False
    rows: list[tuple[int, list[str]]] = field(default_factory=list)  # non-blank rows
    hidden_rows: list[int] = field(default_factory=list)  # hidden rows with data, skipped
    hidden_cols: list[tuple[int, int]] = field(default_factory=list)  # read, named (0-based)


def kind_of(head: bytes) -> str:
    """``"xml2003"``, ``"html"`` or ``""`` (text) from a file's first bytes."""
    for bom, enc in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
                     (codecs.BOM_UTF16_BE, "utf-16-be")):
        if head.startswith(bom):
            start = head[len(bom):].decode(enc, errors="ignore")
            break
    else:
        start = head.decode("latin-1")
    start = start.lstrip().lower()
    if not start.startswith("<"):
        return ""
    if "urn:schemas-microsoft-com:office:spreadsheet" in start and "<workbook" in start:
        return "xml2003"
    if start.startswith("<?xml") and "<html" not in start:
        return "xml2003" if "<workbook" in start else "xml"
    return "html"


def _too_many(name: str) -> SheetError:
    limit = _limits.MAX_ROWS
    return SheetError(
        f"ไฟล์ {name} มีข้อมูลเกิน {limit:,} แถว — โปรดแบ่งเป็นหลายไฟล์ ไฟล์ละไม่เกิน "
        f"{limit:,} แถว แล้วนำเข้าทีละไฟล์"
    )


# --------------------------------------------------------------------------- HTML
def decode_html(data: bytes) -> str:
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace")
    m = _CHARSET.search(data[:4096])
    declared = m[1].decode("ascii").lower() if m else ""
    if declared in _THAI_CHARSETS:
        return data.decode("cp874", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp874", errors="replace")


class _Tables(HTMLParser):
    """Every <table>'s rows of cell texts (colspan gives blank cells after the text)."""

    def __init__(self, name: str) -> None:
        super().__init__(convert_charrefs=True)
        self.name = name
        self.tables: list[list[list[str]]] = []
        self.stack: list[list[list[str]]] = []
        self.cell: list[str] | None = None
        self.span = 1
        self.skip = 0  # inside <script>/<style>
        self.rows = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self.skip += 1
        elif tag == "table":
            self._end_cell()
            self.stack.append([])
        elif not self.stack:
            return
        elif tag == "tr":
            self._end_cell()
            self.stack[-1].append([])
            self.rows += 1
            if self.rows > _limits.MAX_ROWS + 1000:
                raise _too_many(self.name)
        elif tag in ("td", "th"):
            self._end_cell()
            if not self.stack[-1]:
                self.stack[-1].append([])
            self.cell = []
            span = dict(attrs).get("colspan") or "1"
            self.span = min(int(span), 1000) if span.strip().isdigit() else 1
        elif tag in ("br", "p", "div") and self.cell is not None:
            self.cell.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self.skip = max(0, self.skip - 1)
        elif tag in ("td", "th", "tr"):
            self._end_cell()
        elif tag == "table" and self.stack:
            self._end_cell()
            self.tables.append(self.stack.pop())

    def handle_data(self, data: str) -> None:
        if self.cell is not None and not self.skip:
            self.cell.append(data)

    def _end_cell(self) -> None:
        if self.cell is None or not self.stack:
            self.cell = None
            return
        row = self.stack[-1][-1]
        if len(row) + self.span > MAX_COLUMNS:
            raise SheetError(f"ตารางในไฟล์ {self.name} กว้างเกิน {MAX_COLUMNS:,} คอลัมน์ — "
                             "โปรดตรวจสอบไฟล์")
        row.append(" ".join("".join(self.cell).split()))
        row.extend([""] * (self.span - 1))
        self.cell = None


def read_html(data: bytes, name: str) -> WebSheet:
    """The HTML table with the most rows of two or more cells."""
    parser = _Tables(name)
    parser.feed(decode_html(data))
    parser.close()
    parser._end_cell()
    tables = parser.tables + parser.stack  # a table left open at the end still counts
    if not tables:
        raise SheetError(
            f"ไฟล์ {name} เป็นหน้าเว็บ (HTML) ที่ไม่มีตารางข้อมูล — โปรดเปิดใน Excel "
            "แล้วบันทึกใหม่เป็น Excel Workbook (.xlsx)"
        )
    best = max(tables, key=lambda t: sum(1 for r in t if sum(1 for c in r if c) > 1))
    sheet = WebSheet(name="")
    for number, cells in enumerate(best, 1):
        if any(cells):
            sheet.rows.append((number, cells))
    return sheet


# --------------------------------------------------------------------------- SpreadsheetML
def _number_text(text: str) -> str:
    """A Number cell as the digits a clerk typed: ``1.1037000123450E12`` -> ``1103700012345``."""
    t = text.strip()
    try:
        value = Decimal(t)
    except InvalidOperation:
        return t
    if value == value.to_integral_value() and abs(value) < Decimal(10) ** 20:
        return str(int(value))
    return format(value.normalize(), "f")


class _SpreadsheetML:
    def __init__(self, name: str) -> None:
        self.name = name
        self.sheets: list[WebSheet] = []
        self.sheet: WebSheet | None = None
        self.row_number = 0
        self.row_hidden = False
        self.column = 0  # <Column> elements declared so far (their ss:Index and ss:Span)
        self.cells: list[str] | None = None
        self.col = 0
        self.data_type = ""
        self.text: list[str] | None = None
        self.path: list[str] = []
        self.total = 0
        self.across = 0
        self.visible = ""
        self.parser = pyexpat.ParserCreate(namespace_separator=" ")

        def no_dtd(*_args: object) -> None:
            raise SheetError(
                f"ไฟล์ {name} มีส่วนประกาศ DTD/entity ซึ่งไฟล์ Excel ไม่มี อาจเป็นไฟล์อันตราย — "
                "โปรดเปิดใน Excel แล้วบันทึกใหม่เป็น Excel Workbook (.xlsx)"
            )

        self.parser.StartDoctypeDeclHandler = no_dtd
        self.parser.EntityDeclHandler = no_dtd
        self.parser.StartElementHandler = self.start
        self.parser.EndElementHandler = self.end
        self.parser.CharacterDataHandler = self.chars
        self.parser.buffer_text = True

    def start(self, qname: str, attrs: dict[str, str]) -> None:
        ns, _, local = qname.rpartition(" ")
        self.path.append(local)
        get = attrs.get
        if local == "Worksheet" and ns == SS:
            self.sheet = WebSheet(name=get(f"{SS} Name", ""))
            self.sheets.append(self.sheet)
            self.row_number, self.column = 0, 0
        elif self.sheet is None:
            return
        elif local == "Column" and ns == SS:
            index, span = get(f"{SS} Index", ""), get(f"{SS} Span", "0")
            first = int(index) - 1 if index.isdigit() and int(index) > 0 else self.column
            self.column = first + 1 + (min(int(span), MAX_COLUMNS) if span.isdigit() else 0)
            if get(f"{SS} Hidden") in ("1", "true"):
                self.sheet.hidden_cols.append((first, self.column - 1))
        elif local == "Row" and ns == SS:
            index = get(f"{SS} Index", "")
            self.row_number = int(index) if index.isdigit() else self.row_number + 1
            self.row_hidden = get(f"{SS} Hidden") in ("1", "true")
            self.cells, self.col = [], 0
            self.total += 1
            if self.total > _limits.MAX_ROWS + 1000 or self.row_number > 1_048_576:
                raise _too_many(self.name)
        elif local == "Cell" and ns == SS and self.cells is not None:
            index = get(f"{SS} Index", "")
            self.col = int(index) - 1 if index.isdigit() and int(index) > 0 else self.col
            if self.col >= MAX_COLUMNS:
                raise SheetError(f"แผ่นงานในไฟล์ {self.name} กว้างเกิน {MAX_COLUMNS:,} คอลัมน์")
            across = get(f"{SS} MergeAcross", "0")
            self.across = min(int(across), 1000) if across.isdigit() else 0
        elif local == "Data" and self.cells is not None:
            self.data_type = get(f"{SS} Type", "String")
            self.text = []

    def chars(self, data: str) -> None:
        if self.text is not None:
            self.text.append(data)
        elif self.path and self.path[-1] == "Visible":
            self.visible += data

    def end(self, qname: str) -> None:
        local = qname.rpartition(" ")[2]
        if self.path:
            self.path.pop()
        if local == "Data" and self.text is not None and self.cells is not None:
            text = "".join(self.text)
            self.text = None
            if self.data_type == "Number":
                text = _number_text(text)
            elif self.data_type == "DateTime":
                text = text.strip()[:10]
            elif self.data_type == "Boolean":
                text = "TRUE" if text.strip() in ("1", "true") else "FALSE"
            self.cells.extend([""] * (self.col + 1 - len(self.cells)))
            self.cells[self.col] = text.strip()
        elif local == "Cell" and self.cells is not None:
            self.col += 1 + self.across
            self.across = 0
        elif local == "Row" and self.cells is not None and self.sheet is not None:
            cells = self.cells
            while cells and not cells[-1]:
                cells.pop()
            if cells:
                if self.row_hidden:
                    self.sheet.hidden_rows.append(self.row_number)
                else:
                    self.sheet.rows.append((self.row_number, cells))
            self.cells = None
        elif local == "Visible" and self.sheet is not None:
            if self.visible.strip() in ("SheetHidden", "SheetVeryHidden"):
                self.sheet.hidden = True
            self.visible = ""


def read_spreadsheet_ml(data: bytes, name: str) -> list[WebSheet]:
    reader = _SpreadsheetML(name)
    try:
        reader.parser.Parse(data, True)
    except pyexpat.ExpatError:
        raise SheetError(
            f"ไฟล์ {name} เป็น Excel 2003 XML ที่เสีย (อ่านได้ไม่ครบ) — โปรดเปิดใน Excel "
            "แล้วบันทึกใหม่เป็น Excel Workbook (.xlsx)"
        ) from None
    if not reader.sheets:
        raise SheetError(f"ไฟล์ {name} ไม่มีแผ่นงานใดเลย — โปรดตรวจสอบไฟล์")
    return reader.sheets
