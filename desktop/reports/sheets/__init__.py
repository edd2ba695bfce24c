"""Spreadsheets in and out: read .xlsx/.xls/.ods/.csv safely, write .xlsx/.csv atomically.

Reading (:func:`read_sheet`) turns every cell into text the way a clerk sees it (IDs stay
exact: ``1103700012345.0`` → ``"1103700012345"``; dates → ISO ``YYYY-MM-DD``), finds the
header row under any title rows, and refuses — with a Thai message that says what to do —
files that are too big, too long, corrupt, password-protected, zip bombs or not
spreadsheets at all. Nothing is read without a bound.

Writing (:func:`write_xlsx`, :func:`write_csv`) streams rows to a temporary file beside
the target and renames it into place, so a cancel or an error leaves no file behind.
Text that a spreadsheet program would run as a formula is neutralised (``'=...``); the
reader undoes exactly that prefix, so an exported file imports again unchanged.

pandas, python-calamine and XlsxWriter are imported inside the functions that use them:
importing this module costs nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field

MAX_BYTES = 20 * 1024 * 1024
MAX_ROWS = 100_000
# The same 20 MB cap for CSV, as the import rules say. CSV is not compressed (a Thai
# character is 3 bytes in UTF-8), so 20 MB of CSV holds ~40k children with every column;
# a bigger registry moves as .xlsx (the same rows are ~3x smaller) or in parts.
MAX_CSV_BYTES = MAX_BYTES
# Archive-bomb guard for .xlsx/.ods (zip files): the most their members may expand to, and
# the highest compression ratio a big member may have. Real sheets stay well under 30:1: a
# 100k-children export is 15.8 MB that expands to 174 MB (11:1).
MAX_UNZIPPED_BYTES = 400 * 1024 * 1024
MAX_RATIO = 100
RATIO_MIN_BYTES = 20 * 1024 * 1024
# Excel's own limit: 1,048,576 rows including the header.
XLSX_MAX_ROWS = 1_048_575

SUFFIXES = (".xlsx", ".xls", ".ods", ".csv", ".txt", ".xml", ".htm", ".html")


class SheetError(Exception):
    """A spreadsheet that cannot be read or written; ``str()`` is a Thai message for the
    clerk that says what is wrong and what to do."""


@dataclass(frozen=True)
class SheetData:
    file_name: str
    sheet_names: list[str]
    sheet: str
    headers: list[str]
    rows: list[list[str]]
    row_numbers: list[int]
    header_row: int
    encoding: str = ""  # CSV: "utf-8-sig" | "utf-8" | "utf-16" | "cp874"
    # What the clerk must be told: the sheet and header row used, sheets and hidden rows
    # passed over, hidden columns read, stray cells left out (Thai, one message each).
    notes: tuple[str, ...] = ()
    # (row number, column index) -> Thai message: a cell read as empty that is not (a
    # formula without a stored value); the import makes it an error of that row.
    bad_cells: dict[tuple[int, int], str] = field(default_factory=dict)
    # The first non-blank rows as read (row number, cells), title rows included, so the
    # clerk sees what the header was chosen from.
    preview: tuple[tuple[int, tuple[str, ...]], ...] = ()
    hidden_sheets: tuple[str, ...] = ()
    # Columns hidden in the file (indexes into ``headers``): read, and named in a note.
    hidden_columns: tuple[int, ...] = ()


from .reading import decode_csv, list_sheets, read_sheet, unneutralise  # noqa: E402
from .writing import neutralise, write_csv, write_table, write_xlsx  # noqa: E402

__all__ = [
    "MAX_BYTES",
    "MAX_ROWS",
    "SUFFIXES",
    "SheetData",
    "SheetError",
    "decode_csv",
    "list_sheets",
    "neutralise",
    "read_sheet",
    "unneutralise",
    "write_csv",
    "write_table",
    "write_xlsx",
]
