"""The extent of every table of an OpenDocument spreadsheet (.ods), before calamine reads it.

calamine builds every table of an .ods as one dense rectangle when the workbook is opened,
counting repeated rows and cells (``table:number-rows-repeated``): a value far away (a
stray cell at XFD1048576, or a value cell repeated 16,384 times) asks for billions of
cells. It refuses more than 100 million itself, but anything below that (~3 GB) it builds.
So content.xml is walked once with expat (no DTD), counting rows and columns with their
repeats, and a table whose value cells span more than ``MAX_CELLS`` is refused in Thai,
naming the far cell.
"""

from __future__ import annotations

import pyexpat
import zipfile

from . import SheetError
from .cells import cell_name
from .hidden_columns import ColumnRange
from .xlsx_scan import CHUNK, MAX_CELLS

_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
_ROWS = f"{_TABLE} number-rows-repeated"
_COLS = f"{_TABLE} number-columns-repeated"


def _repeat(attrs: dict[str, str], key: str) -> int:
    value = attrs.get(key, "1")
    return max(1, min(int(value), 1 << 24)) if value.isdigit() else 1


class _Extent:
    def __init__(self) -> None:
        self.table = ""
        self.row = 0  # rows before the current one
        self.row_repeat = 1
        self.col = 0
        self.col_repeat = 1
        self.in_cell = False
        self.valued = False
        self.far: tuple[int, int] = (0, 0)  # (last row, last column) holding a value, 1-based
        self.tables: list[tuple[str, int, int]] = []
        self.hidden: dict[str, set[int]] = {}  # table -> its hidden (collapsed, filtered) rows
        self.hidden_cols: dict[str, list[ColumnRange]] = {}  # and columns (0-based ranges)
        self.column = 0  # columns declared before the current one
        self.parser = pyexpat.ParserCreate(namespace_separator=" ")

        def no_dtd(*_args: object) -> None:
            raise ValueError("DTD")

        self.parser.StartDoctypeDeclHandler = no_dtd
        self.parser.EntityDeclHandler = no_dtd
        self.parser.StartElementHandler = self.start
        self.parser.EndElementHandler = self.end

    def start(self, name: str, attrs: dict[str, str]) -> None:
        if name == f"{_TABLE} table-cell" or name == f"{_TABLE} covered-table-cell":
            self.in_cell = True
            self.col_repeat = _repeat(attrs, _COLS)
            self.valued = f"{_OFFICE} value-type" in attrs
        elif name == f"{_TABLE} table-row":
            self.row_repeat = _repeat(attrs, _ROWS)
            self.col = 0
            if attrs.get(f"{_TABLE} visibility") in ("collapse", "filter") and self.row_repeat < 10_000:
                rows = range(self.row + 1, self.row + 1 + self.row_repeat)
                self.hidden.setdefault(self.table, set()).update(rows)
        elif name == f"{_TABLE} table-column":
            repeat = _repeat(attrs, _COLS)
            if attrs.get(f"{_TABLE} visibility") in ("collapse", "filter"):
                ranges = self.hidden_cols.setdefault(self.table, [])
                ranges.append((self.column, self.column + repeat - 1))
            self.column += repeat
        elif name == f"{_TABLE} table":
            self.table = attrs.get(f"{_TABLE} name", "")
            self.row, self.far, self.column = 0, (0, 0), 0
        elif self.in_cell and name == f"{_TEXT} p":
            self.valued = True

    def end(self, name: str) -> None:
        if name == f"{_TABLE} table-cell" or name == f"{_TABLE} covered-table-cell":
            self.in_cell = False
            self.col += self.col_repeat
            if self.valued:
                self.far = (max(self.far[0], self.row + self.row_repeat),
                            max(self.far[1], self.col))
        elif name == f"{_TABLE} table-row":
            self.row += self.row_repeat
        elif name == f"{_TABLE} table":
            self.tables.append((self.table, *self.far))


def check_ods(zf: zipfile.ZipFile, file_name: str
              ) -> tuple[dict[str, set[int]], dict[str, list[ColumnRange]]]:
    """Refuse an .ods whose tables would not fit in memory once calamine builds them;
    return each table's hidden rows and hidden columns."""
    walker = _Extent()
    with zf.open("content.xml") as fh:
        while chunk := fh.read(CHUNK):
            walker.parser.Parse(chunk, False)
    walker.parser.Parse(b"", True)
    for table, rows, cols in walker.tables:
        if rows * cols > MAX_CELLS:
            raise SheetError(
                f"แผ่นงาน \"{table}\" ในไฟล์ {file_name} มีข้อมูลกระจายไปไกลถึงเซลล์ "
                f"{cell_name(rows, cols - 1)} ({rows:,} แถว x {cols:,} คอลัมน์) — โปรดลบข้อมูล"
                "ที่อยู่นอกตาราง หรือคัดลอกเฉพาะตารางไปวางในไฟล์ใหม่ แล้วนำเข้าอีกครั้ง"
            )
    return walker.hidden, walker.hidden_cols
