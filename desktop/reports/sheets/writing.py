"""Writing .xlsx and .csv: streamed, atomic, never a formula.

Rows are streamed (any iterable, e.g. a SQL result) into a temporary file in the target's
folder, which is flushed to disk and then renamed over the target (``os.replace``): a
cancel (``Cancelled`` from ``progress.step``) or any error leaves neither a file nor a
temporary behind, and an older file of that name stays as it was.

.xlsx is written by XlsxWriter in ``constant_memory`` mode (rows go to a temporary file as
they come): on 100k rows × 35 text columns it took 19 s where openpyxl's ``write_only``
took 29 s. Strings are written with ``write_string`` and ``strings_to_formulas`` off, so no
cell is ever a formula. Text that a spreadsheet would take for one (``=1+1``, ``@home``,
``-``) gets the cell's quote-prefix style, Excel's own way: the cell shows the text as
typed and stays text when the clerk edits it. In CSV, which has no styles, such text gets a
leading ``'`` (:func:`neutralise`), except a lone ``-`` (the clerk's "none"), which no
spreadsheet runs; Samoe's reader takes the ``'`` off again.
"""

from __future__ import annotations

import contextlib
import csv
import math
import os
import shutil
import tempfile
import unicodedata
from collections.abc import Collection, Iterable, Iterator, Sequence
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop.atomic import atomic_path
from desktop.reports import sheets as _limits

from . import SheetError

if TYPE_CHECKING:
    from desktop.services.progress import Progress

PROGRESS_EVERY = 1000
WIDTH_SAMPLE_ROWS = 200  # rows looked at to size the columns
MIN_WIDTH, MAX_WIDTH = 6, 60

_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: object) -> object:
    """Guard a CSV cell against formula injection: text starting with ``= + - @``, a tab or
    a carriage return gets a leading ``'``, except a lone ``-``; everything else (numbers
    included) is returned unchanged. :func:`unneutralise` undoes it when the file is read
    back. (In .xlsx the quote-prefix style does this without changing the text.)"""
    if isinstance(value, str) and value.startswith(_TRIGGERS) and value != "-":
        return "'" + value
    return value


# --------------------------------------------------------------------------- atomic file
@contextlib.contextmanager
def _atomic(path: Path) -> Iterator[Path]:
    """A temporary path beside ``path``; renamed over it only when the block succeeds
    (``desktop.atomic``), with the clerk's message when the folder or disk says no."""
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    if not os.access(folder, os.W_OK):
        raise SheetError(
            f"บันทึกไฟล์ในโฟลเดอร์ {folder} ไม่ได้ (ไม่มีสิทธิ์เขียนหรือไม่มีโฟลเดอร์นี้) — "
            "โปรดเลือกโฟลเดอร์อื่น หรือตรวจสอบสิทธิ์และพื้นที่ว่าง"
        )
    try:
        with atomic_path(path) as tmp:
            yield tmp
    except OSError as exc:
        raise SheetError(
            f"บันทึกไฟล์ {path.name} ไม่สำเร็จ ({exc.strerror or exc}) — ไฟล์อาจเปิดอยู่ใน "
            "Excel หรือพื้นที่ไม่พอ โปรดปิดไฟล์แล้วลองอีกครั้ง"
        ) from exc


def _step(progress: Progress | None, done: int, total: int | None) -> None:
    if progress is None:
        return
    if total:
        progress.step(done, total, f"กำลังเขียนแถวที่ {done:,} จาก {total:,}")
    else:
        progress.step(done, 0, f"กำลังเขียนแถวที่ {done:,}")


# --------------------------------------------------------------------------- CSV
def _csv_text(value: object) -> object:
    if value is None:
        return ""
    kind = type(value)
    if kind is str:
        return neutralise(value)
    if kind is bool:
        return "TRUE" if value else "FALSE"
    if kind is datetime:
        return value.isoformat(sep=" ")  # type: ignore[attr-defined]
    if kind is date:
        return value.isoformat()  # type: ignore[attr-defined]
    if kind is float and not math.isfinite(value):  # type: ignore[arg-type]
        return ""
    if isinstance(value, int | float | Decimal):
        return value
    return neutralise(str(value))


def write_csv(
    path: Path,
    headers: Sequence[str],
    rows: Iterable[Sequence[object]],
    *,
    total: int | None = None,
    progress: Progress | None = None,
    notice: str = "",
) -> int:
    """Write a CSV (UTF-8 with BOM, so Excel shows Thai; ``\\r\\n`` line ends); returns
    the number of data rows written. A ``notice`` (demo data) is a first row of its own,
    a title row that the import passes over."""
    _step(progress, 0, total)
    count = 0
    with _atomic(Path(path)) as tmp, tmp.open("w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\r\n")
        if notice:
            writer.writerow([_csv_text(notice)])
        writer.writerow([_csv_text(h) for h in headers])
        convert = _csv_text
        for row in rows:
            writer.writerow([convert(v) for v in row])
            count += 1
            if count % PROGRESS_EVERY == 0:
                _step(progress, count, total)
    _step(progress, count, total or count)
    return count


# --------------------------------------------------------------------------- xlsx
def _display_width(text: str) -> int:
    # Thai vowels above/below and tone marks take no column of their own
    return sum(0 if unicodedata.combining(ch) or unicodedata.category(ch) == "Mn" else 1
               for ch in text)


def _widths(headers: Sequence[str], sample: list[Sequence[object]]) -> list[int]:
    widths = [_display_width(str(h)) + 3 for h in headers]  # room for the filter button
    for row in sample:
        for i, v in enumerate(row[: len(widths)]):
            if v is not None:
                w = _display_width(v if isinstance(v, str) else str(v)) + 1
                if w > widths[i]:
                    widths[i] = w
    return [max(MIN_WIDTH, min(MAX_WIDTH, w)) for w in widths]


def write_xlsx(
    path: Path,
    headers: Sequence[str],
    rows: Iterable[Sequence[object]],
    *,
    sheet_name: str = "ข้อมูล",
    total: int | None = None,
    progress: Progress | None = None,
    text_columns: Collection[int] = (),
    notice: str = "",
) -> int:
    """Write one sheet: a bold, frozen header row with a filter, then the rows; returns
    the number of data rows written.

    Strings are always text cells (never formulas, neutralised); numbers stay numbers,
    except in ``text_columns`` (IDs, phone numbers, postcodes) where they are written as
    text and the column is formatted as text, so Excel keeps leading zeros and all 13
    digits; dates and datetimes are real Excel dates.
    """
    import xlsxwriter

    _step(progress, 0, total)
    rows = iter(rows)
    sample: list[Sequence[object]] = []
    for row in rows:
        sample.append(row)
        if len(sample) >= WIDTH_SAMPLE_ROWS:
            break
    text_cols = frozenset(text_columns)
    scratch = tempfile.mkdtemp(prefix="samoe-xlsx-")
    count = 0
    try:
        with _atomic(Path(path)) as tmp:
            book = xlsxwriter.Workbook(str(tmp), {
                "constant_memory": True,
                "tmpdir": scratch,
                "strings_to_formulas": False,
                "strings_to_numbers": False,
                "strings_to_urls": False,
                "nan_inf_to_errors": False,
            })
            if notice:  # demo data: the file's properties say so too (the caller names the sheet)
                book.set_properties({"title": notice, "subject": notice, "comments": notice})
            ws = book.add_worksheet(_sheet_title(sheet_name))
            try:
                bold = book.add_format({"bold": True, "text_wrap": False, "valign": "top"})
                bold_quoted = book.add_format({"bold": True, "text_wrap": False, "valign": "top",
                                               "quote_prefix": True})
                # text a spreadsheet would take for a formula: a text cell, shown as typed
                quoted = book.add_format({"quote_prefix": True})
                text_fmt = book.add_format({"num_format": "@"})
                date_fmt = book.add_format({"num_format": "dd/mm/yyyy"})
                datetime_fmt = book.add_format({"num_format": "dd/mm/yyyy hh:mm"})
                for i, width in enumerate(_widths(headers, sample)):
                    ws.set_column(i, i, width, text_fmt if i in text_cols else None)
                ws.freeze_panes(1, 0)
                put_text = ws.write_string
                for c, h in enumerate(headers):
                    h = str(h)
                    put_text(0, c, h, bold_quoted if h.startswith(_TRIGGERS) else bold)
                r = 0
                for row in _chain(sample, rows):
                    r += 1
                    if r > _limits.XLSX_MAX_ROWS:
                        raise SheetError(
                            f"ข้อมูลมีเกิน {_limits.XLSX_MAX_ROWS:,} แถว ซึ่งเกินที่ Excel รับได้ — "
                            "โปรดกรองข้อมูลให้น้อยลง หรือบันทึกเป็น CSV"
                        )
                    for c, v in enumerate(row):
                        if v is None or v == "":
                            continue
                        kind = type(v)
                        if kind is str:
                            if v.startswith(_TRIGGERS):
                                put_text(r, c, v, quoted)
                            else:
                                put_text(r, c, v)
                        elif kind is bool:
                            ws.write_boolean(r, c, v)
                        elif kind is int or kind is float or isinstance(v, Decimal):
                            if c in text_cols:
                                put_text(r, c, str(v))
                            elif kind is float and not math.isfinite(v):  # type: ignore[arg-type]
                                continue
                            else:
                                ws.write_number(r, c, float(v))  # type: ignore[arg-type]
                        elif kind is datetime:
                            ws.write_datetime(r, c, v, datetime_fmt)
                        elif kind is date:
                            ws.write_datetime(r, c, v, date_fmt)
                        else:
                            text = str(v)
                            put_text(r, c, text, quoted if text.startswith(_TRIGGERS) else None)
                    if r % PROGRESS_EVERY == 0:
                        _step(progress, r, total)
                count = r
                if headers:
                    ws.autofilter(0, 0, max(count, 1), len(headers) - 1)
            except BaseException:
                fh = getattr(ws, "row_data_fh", None)
                if fh is not None:
                    fh.close()
                raise
            try:
                book.close()
            except Exception as exc:  # XlsxWriter's FileCreateError, FileSizeError, ...
                raise SheetError(
                    f"บันทึกไฟล์ {Path(path).name} ไม่สำเร็จ ({exc}) — โปรดตรวจสอบพื้นที่ว่าง "
                    "และสิทธิ์ของโฟลเดอร์ แล้วลองอีกครั้ง"
                ) from exc
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    _step(progress, count, total or count)
    return count


def _chain(first: list[Sequence[object]], rest: Iterator[Sequence[object]]) -> Iterator[Sequence[object]]:
    yield from first
    first.clear()
    yield from rest


def _sheet_title(name: str) -> str:
    """A name Excel accepts: at most 31 characters, none of ``[]:*?/\\``."""
    cleaned = "".join(" " if ch in "[]:*?/\\" else ch for ch in name).strip().strip("'")
    return cleaned[:31] or "ข้อมูล"


# --------------------------------------------------------------------------- by suffix
def write_table(path: Path, headers: Sequence[str], rows: Iterable[Sequence[object]],
                **kw: Any) -> int:
    """:func:`write_xlsx` or :func:`write_csv` by the file's suffix."""
    suffix = Path(path).suffix.lower()
    if suffix == ".xlsx":
        return write_xlsx(path, headers, rows, **kw)
    if suffix == ".csv":
        kw.pop("sheet_name", None)
        kw.pop("text_columns", None)
        return write_csv(path, headers, rows, **kw)
    raise SheetError(
        f"บันทึกเป็นไฟล์ชนิด {suffix or '(ไม่มีนามสกุล)'} ไม่ได้ — โปรดเลือก .xlsx หรือ .csv"
    )
