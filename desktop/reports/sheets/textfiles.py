"""CSV and tab-separated text (Excel's "Unicode Text" included): decoded and split into rows
with the place of every fault named, so nothing is lost without the clerk being told.

* Decoding: a BOM decides (UTF-8, UTF-16 LE/BE), else strict UTF-8, else strict cp874 (Thai
  Windows, a superset of TIS-620). A byte that fits neither, or a NUL, is refused with its
  row (line) and its offset from the start of the file.
* An unclosed quote swallows every row after it into one cell; Python's csv module accepts
  that silently. A record is refused (naming the row where its quote opened) when its
  quoted cell runs to the end of the file, spans more than ``MAX_CELL_LINES`` lines, or
  holds a line that looks like a whole row of the file (as many delimiters as the rows).
"""

from __future__ import annotations

import codecs
import csv
import io
from collections import Counter
from collections.abc import Iterator
from typing import TYPE_CHECKING

from . import SheetError

if TYPE_CHECKING:
    from desktop.services.progress import Progress

PROGRESS_EVERY = 5000
MAX_CELL_LINES = 10  # a quoted cell over more lines than this is a quote left open
_SAVE_AS = "โปรดเปิดไฟล์ใน Excel แล้วบันทึกเป็น \"CSV UTF-8\" หรือ Excel Workbook (.xlsx)"


def _line_of(data: bytes, offset: int, encoding: str) -> int:
    """The 1-based line holding byte ``offset`` of ``data``."""
    if encoding.startswith("utf-16"):
        return data[:offset].decode(encoding, errors="replace").count("\n") + 1
    return data.count(b"\n", 0, offset) + 1


def _bad_byte(name: str, data: bytes, offset: int, encoding: str) -> SheetError:
    line = _line_of(data, offset, encoding)
    shown = data[offset:offset + 1].hex().upper()
    return SheetError(
        f"อ่านตัวอักษรในไฟล์ {name} ไม่ได้ที่แถวที่ {line:,} (ไบต์ 0x{shown} ห่างจากต้นไฟล์ "
        f"{offset:,} ไบต์) — ไฟล์ไม่ใช่ UTF-8 หรือภาษาไทยแบบ Windows/TIS-620 หรือมีอักขระเสีย "
        f"ตรงนั้น {_SAVE_AS}"
    )


def _nul(name: str, data: bytes, text: str, encoding: str, bom: int) -> SheetError:
    at = text.index("\x00")
    line = text.count("\n", 0, at) + 1
    offset = bom + len(text[:at].encode(encoding.replace("-sig", "")))
    if encoding == "utf-16":
        offset = bom + 2 * at
    return SheetError(
        f"ไฟล์ {name} มีอักขระว่าง (NUL) ที่แถวที่ {line:,} (ห่างจากต้นไฟล์ {offset:,} ไบต์) "
        "ซึ่งไม่ใช่ข้อความ — ไฟล์อาจเสีย หรือเป็น UTF-16 ที่ไม่มี BOM "
        f"{_SAVE_AS}"
    )


def decode_text(data: bytes, name: str = "CSV") -> tuple[str, str]:
    """``(text, encoding)``: a BOM decides (UTF-8 → ``"utf-8-sig"``, UTF-16 → ``"utf-16"``),
    else strict UTF-8, else strict cp874; a bad byte or a NUL is refused, naming its row
    and byte offset."""
    bom = 0
    if data.startswith(codecs.BOM_UTF8):
        encodings = ["utf-8-sig"]
        bom = 3
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encodings = ["utf-16"]
        bom = 2
    else:
        encodings = ["utf-8", "cp874"]
    errors: list[UnicodeDecodeError] = []
    for encoding in encodings:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as exc:
            errors.append(exc)
            continue
        if encoding == "utf-16" and text.startswith("\ufeff"):
            text = text[1:]
        if "\x00" in text:
            raise _nul(name, data, text, encoding, bom)
        return text, encoding
    # Text that is UTF-8 up to the fault (Thai letters already seen) has one bad byte
    # there; otherwise the cp874 reading tells where the file stops being text.
    fault = errors[0]
    if len(errors) > 1 and not (b"\xe0\xb8" in data[:fault.start] or b"\xe0\xb9" in data[:fault.start]):
        fault = errors[1]
    raise _bad_byte(name, data, fault.start, encodings[0])


def sniff_delimiter(text: str) -> str:
    """The delimiter among , ; and tab that splits the first lines most consistently."""
    sample = text[: 1 << 16]
    if len(text) > len(sample) and "\n" in sample:
        sample = sample[: sample.rindex("\n")]
    best, best_key = ",", (False, 0, 0)
    for delimiter in (",", ";", "\t"):
        try:
            reader = csv.reader(io.StringIO(sample, newline=""), delimiter=delimiter)
            counts = [len(r) for r in reader if any(c.strip() for c in r)][:50]
        except csv.Error:
            continue
        if not counts:
            continue
        width, freq = Counter(counts).most_common(1)[0]
        key = (width > 1, freq, width)
        if key > best_key:
            best, best_key = delimiter, key
    return best


def _unclosed(name: str, record: int, line: int, swallowed: int) -> SheetError:
    more = f" และรวมอีก {swallowed:,} บรรทัดถัดไปไว้ในช่องเดียว" if swallowed > 0 else ""
    return SheetError(
        f"ไฟล์ {name} มีเครื่องหมายคำพูด (\") ที่เปิดไว้แต่ไม่ได้ปิดที่แถวที่ {record:,} "
        f"(บรรทัดที่ {line:,}){more} — โปรดแก้ให้มีเครื่องหมายคำพูดปิด หรือลบเครื่องหมายคำพูดที่เกิน "
        "แล้วบันทึกใหม่ (หรือเปิดใน Excel แล้วบันทึกเป็น .xlsx)"
    )


def csv_rows(name: str, text: str, progress: Progress | None,
             delimiter: str | None = None) -> Iterator[tuple[int, list[str]]]:
    """``(row number, cells)`` of every record (blank records too); the row number is the
    record's number, as Excel shows it. A quote left open is refused (module docstring)."""
    delimiter = delimiter or sniff_delimiter(text)
    total = text.count("\n") + 1
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    widths: Counter[int] = Counter()
    line = 0
    number = 0
    last: tuple[int, int, list[str]] | None = None  # a record over several lines, if last
    try:
        for number, raw in enumerate(reader, 1):
            start, line = line + 1, reader.line_num
            if progress is not None and number % PROGRESS_EVERY == 0:
                progress.step(number, max(total, number), f"กำลังอ่านแถวที่ {number:,}")
            if line > start:
                _check_spread(name, raw, number, start, line, delimiter, widths)
                last = (number, start, raw)
            else:
                last = None
                if number <= 200 and len(raw) > 1:
                    widths[len(raw)] += 1
            yield number, raw
    except csv.Error:
        raise SheetError(
            f"อ่านไฟล์ {name} ไม่ได้ที่แถวที่ {number + 1:,} (รูปแบบผิดหรือมีอักขระแปลกปลอม) — "
            "โปรดเปิดใน Excel แล้วบันทึกใหม่เป็น CSV UTF-8 หรือ .xlsx"
        ) from None
    # The file ends inside a quoted cell: Python's csv keeps what it read, silently.
    if last is not None and "\n" in last[2][-1] and not text.rstrip().endswith('"'):
        raise _unclosed(name, last[0], last[1], line - last[1])


def _check_spread(name: str, raw: list[str], number: int, start: int, end: int,
                  delimiter: str, widths: Counter[int]) -> None:
    """A record over several lines: refuse it when its quote was left open."""
    lines = end - start
    if lines > MAX_CELL_LINES:
        raise _unclosed(name, number, start, lines)
    width = widths.most_common(1)[0][0] if widths else 0
    if width < 2:
        return
    for cell in raw:
        if "\n" in cell and any(part.count(delimiter) >= width - 1
                                for part in cell.split("\n")):
            raise _unclosed(name, number, start, lines)
