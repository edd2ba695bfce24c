"""Reading a spreadsheet into text rows, with bounds and Thai messages for every failure.

The file is checked before any parser sees it: its size (``MAX_BYTES``), its kind by its
first bytes (not by its name: a ``.xls`` that is really ``.xlsx``, a web page or a CSV is
recognised), and for zip-based files (``.xlsx``, ``.ods``) the sizes its members expand
to: declared sizes first, then an actual streaming decompression that stops at
``MAX_UNZIPPED_BYTES`` (a member that lies about its size fails its CRC check). Only then
does python-calamine parse it.

python-calamine loads a whole sheet into its own (Rust) memory before handing rows out;
that load is bounded by the checks above. Rows then become text one at a time and reading
stops as soon as the count of non-blank data rows passes ``MAX_ROWS``; a CSV is parsed
row by row and stops the same way.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import zipfile
import zlib
from collections import Counter
from collections.abc import Callable, Iterator
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop.domain.text import clean_text, to_ascii_digits
from desktop.reports import sheets as _limits  # read at call time, so tests can lower them

from . import SheetData, SheetError

if TYPE_CHECKING:
    from desktop.services.progress import Progress

HEADER_SEARCH_ROWS = 20  # the header is looked for among this many non-blank rows
HEADER_MIN_SHARE = 0.6  # of the fullest of those rows
PROGRESS_EVERY = 5000

_ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# An Office file encrypted with a password is an OLE container holding this stream.
_ENCRYPTED_MARK = "EncryptedPackage".encode("utf-16-le")
_NEUTRALISED = frozenset("=+-@\t\r\n")  # \n: XML reads a written CR as LF

_ID_LIKE = re.compile(r"[\s\-]")
_DATE_LIKE = re.compile(r"^\d{1,4}[/.\-]\d{1,2}[/.\-]\d{1,4}$")


# --------------------------------------------------------------------------- messages
def _mb(n: int) -> str:
    return f"{n / (1024 * 1024):,.1f} MB"


def _corrupt(name: str) -> SheetError:
    return SheetError(
        f"ไฟล์ {name} เสียหรือไม่ใช่ไฟล์ Excel — โปรดเปิดไฟล์ใน Excel แล้วบันทึกใหม่เป็น "
        "Excel Workbook (.xlsx) หรือ CSV UTF-8 แล้วลองอีกครั้ง"
    )


def _password(name: str) -> SheetError:
    return SheetError(
        f"ไฟล์ {name} ตั้งรหัสผ่านไว้ จึงอ่านไม่ได้ — โปรดเปิดใน Excel ใส่รหัสผ่าน "
        "เอารหัสผ่านออก (ไฟล์ > ข้อมูล > ป้องกันเวิร์กบุ๊ก) แล้วบันทึกใหม่"
    )


def _bomb(name: str) -> SheetError:
    return SheetError(
        f"ไฟล์ {name} เมื่อขยายแล้วใหญ่เกิน {_mb(_limits.MAX_UNZIPPED_BYTES)} ซึ่งผิดปกติ "
        "อาจเป็นไฟล์เสียหรือไฟล์อันตราย — โปรดเปิดใน Excel แล้วบันทึกใหม่ "
        "หรือแบ่งข้อมูลเป็นหลายไฟล์"
    )


def _too_many_rows(name: str) -> SheetError:
    limit = _limits.MAX_ROWS
    return SheetError(
        f"ไฟล์ {name} มีข้อมูลเกิน {limit:,} แถว — โปรดแบ่งเป็นหลายไฟล์ ไฟล์ละไม่เกิน "
        f"{limit:,} แถว (เช่น แยกตามสถานศึกษาหรือตำบล) แล้วนำเข้าทีละไฟล์"
    )


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
                "OpenDocument (.ods) หรือ CSV แล้วลองอีกครั้ง"
            )
        if size == 0:
            raise SheetError(
                f"ไฟล์ {name} ว่างเปล่า (0 ไบต์) — โปรดตรวจสอบว่าบันทึกไฟล์เรียบร้อยแล้ว "
                "หรือคัดลอกไฟล์มาใหม่"
            )
        limit = _limits.MAX_CSV_BYTES if suffix == ".csv" else _limits.MAX_BYTES
        if size > limit:
            raise SheetError(
                f"ไฟล์ {name} มีขนาด {_mb(size)} เกินขีดจำกัด {_mb(limit)} — "
                "โปรดแบ่งข้อมูลเป็นหลายไฟล์ (เช่น แยกตามสถานศึกษาหรือตำบล) "
                "แล้วนำเข้าทีละไฟล์"
            )
        with path.open("rb") as fh:
            return fh.read(8)
    except FileNotFoundError:
        raise SheetError(f"ไม่พบไฟล์ {name} — โปรดตรวจสอบว่าไฟล์ยังอยู่ที่เดิม") from None
    except OSError:
        raise SheetError(
            f"เปิดไฟล์ {name} ไม่ได้ — ไฟล์อาจเปิดค้างอยู่ในโปรแกรมอื่นหรือไม่มีสิทธิ์อ่าน "
            "โปรดปิดไฟล์แล้วลองอีกครั้ง"
        ) from None


def _check_zip(path: Path) -> None:
    """Refuse a zip that is corrupt, not a spreadsheet, or expands too far."""
    name = path.name
    limit = _limits.MAX_UNZIPPED_BYTES
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
            names = {i.filename for i in infos}
            if not names & {"xl/workbook.xml", "xl/workbook.bin", "content.xml"}:
                raise _corrupt(name)  # a zip, but not a workbook (.docx, a folder, ...)
            if any(i.flag_bits & 0x1 for i in infos):
                raise _password(name)
            if sum(i.file_size for i in infos) > limit:
                raise _bomb(name)
            for i in infos:
                if (i.file_size > _limits.RATIO_MIN_BYTES
                        and i.file_size > _limits.MAX_RATIO * max(i.compress_size, 1)):
                    raise _bomb(name)
            # The declared sizes may lie: expand for real, in bounded chunks. zipfile stops
            # at the declared size and then fails the CRC check, so a liar is refused.
            total = 0
            for i in infos:
                with zf.open(i) as member:
                    while chunk := member.read(1 << 20):
                        total += len(chunk)
                        if total > limit:
                            raise _bomb(name)
    except SheetError:
        raise
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, ValueError,
            OSError, RuntimeError):
        raise _corrupt(name) from None


def _looks_like_web_page(head: bytes) -> bool:
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return start.startswith((b"<", b"\xff\xfe<", b"\xfe\xff\x00<"))


# --------------------------------------------------------------------------- calamine
def _calamine(name: str, call: Callable[[], Any], *, sheet: str = "") -> Any:
    """Run one python-calamine call; every failure becomes a Thai SheetError."""
    import python_calamine as pc

    try:
        return call()
    except pc.PasswordError:
        raise _password(name) from None
    except pc.WorksheetNotFound:
        raise SheetError(f"ไม่พบแผ่นงาน \"{sheet}\" ในไฟล์ {name}") from None
    except SheetError:
        raise
    except (KeyboardInterrupt, SystemExit, GeneratorExit):
        raise
    except BaseException as exc:  # noqa: BLE001 - pyo3 panics derive from BaseException
        if type(exc).__name__ == "Cancelled":
            raise
        raise _corrupt(name) from None


class _Workbook:
    """An opened workbook (after the file checks) and its worksheet names."""

    def __init__(self, path: Path, head: bytes) -> None:
        import python_calamine as pc

        self.name = path.name
        if head.startswith(_ZIP_MAGIC):
            _check_zip(path)
        elif not head.startswith(_OLE_MAGIC):
            raise _corrupt(self.name)
        try:
            data = path.read_bytes()
        except OSError:
            raise _corrupt(self.name) from None
        if head.startswith(_OLE_MAGIC) and _ENCRYPTED_MARK in data:
            raise _password(self.name)
        # from_filelike recognises the format by content (from_path goes by the suffix)
        self.book = _calamine(self.name, lambda: pc.CalamineWorkbook.from_filelike(
            io.BytesIO(data)))
        metas = _calamine(self.name, lambda: self.book.sheets_metadata)
        work = [m.name for m in metas if m.typ == pc.SheetTypeEnum.WorkSheet]
        self.sheet_names: list[str] = work or list(self.book.sheet_names)

    def sheet(self, wanted: str | None) -> Any:
        if wanted is not None:
            if wanted not in self.sheet_names:
                known = ", ".join(f"\"{n}\"" for n in self.sheet_names)
                raise SheetError(
                    f"ไม่พบแผ่นงาน \"{wanted}\" ในไฟล์ {self.name} — แผ่นงานที่มี: {known}"
                )
            return _calamine(self.name, lambda: self.book.get_sheet_by_name(wanted),
                             sheet=wanted)
        for sheet_name in self.sheet_names:
            ws = _calamine(self.name, lambda n=sheet_name: self.book.get_sheet_by_name(n),
                           sheet=sheet_name)
            if ws.height > 0:
                return ws
        raise SheetError(f"ไฟล์ {self.name} ไม่มีข้อมูลในแผ่นงานใดเลย — โปรดตรวจสอบไฟล์")


def _sheet_rows(name: str, ws: Any, progress: Progress | None) -> Iterator[tuple[int, list[str]]]:
    end = ws.end
    total = int(end[0]) + 1 if end else 0
    rows = _calamine(name, ws.iter_rows)
    text = _cell_text
    strip = str.strip
    for number, raw in enumerate(rows, 1):
        if progress is not None and number % PROGRESS_EVERY == 0:
            progress.step(number, total, f"กำลังอ่านแถวที่ {number:,} จาก {total:,}")
        try:  # fast path: a row of text cells only (str.strip refuses anything else)
            cells = list(map(strip, raw))
        except TypeError:
            cells = [c.strip() if type(c) is str else text(c) for c in raw]
        cells = _finish_row(cells)
        if cells:
            yield number, cells


# --------------------------------------------------------------------------- CSV
def decode_csv(data: bytes) -> tuple[str, str]:
    """``(text, encoding)``: a BOM decides (UTF-8 → ``"utf-8-sig"``, UTF-16 → ``"utf-16"``),
    else strict UTF-8, else strict cp874 (Thai Windows, a superset of TIS-620); anything
    else is refused."""
    try:
        if data.startswith(codecs.BOM_UTF8):
            return data[len(codecs.BOM_UTF8):].decode("utf-8"), "utf-8-sig"
        if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            return data.decode("utf-16"), "utf-16"
    except UnicodeDecodeError:
        pass
    else:
        for encoding in ("utf-8", "cp874"):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                continue
            if "\x00" not in text:  # NULs: UTF-16 without a BOM, or not text at all
                return text, encoding
            break
    raise SheetError(
        "อ่านตัวอักษรในไฟล์ CSV ไม่ได้ (ไม่ใช่ UTF-8 หรือภาษาไทยแบบ Windows/TIS-620) — "
        "โปรดเปิดไฟล์ใน Excel แล้วบันทึกเป็น \"CSV UTF-8\" หรือ Excel Workbook (.xlsx)"
    )


def _sniff_delimiter(text: str) -> str:
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


def _csv_rows(name: str, text: str, progress: Progress | None) -> Iterator[tuple[int, list[str]]]:
    total = text.count("\n") + 1
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_sniff_delimiter(text))
    number = 0
    try:
        for number, raw in enumerate(reader, 1):
            if progress is not None and number % PROGRESS_EVERY == 0:
                progress.step(number, max(total, number), f"กำลังอ่านแถวที่ {number:,}")
            cells = _finish_row([c.strip() for c in raw])
            if cells:
                yield number, cells
    except csv.Error:
        raise SheetError(
            f"อ่านไฟล์ CSV {name} ไม่ได้ที่แถว {number + 1:,} (รูปแบบผิดหรือมีอักขระแปลกปลอม) — "
            "โปรดเปิดใน Excel แล้วบันทึกใหม่เป็น CSV UTF-8 หรือ .xlsx"
        ) from None


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
    name: str, label: str, rows: Iterator[tuple[int, list[str]]], header_row: int | None
) -> tuple[int, list[str], list[list[str]], list[int]]:
    if header_row is not None and header_row < 1:
        raise SheetError(f"แถวหัวตารางต้องเป็นเลข 1 ขึ้นไป (ได้ {header_row})")
    head: list[tuple[int, list[str]]] = []
    for number, cells in rows:
        head.append((number, cells))
        if header_row is None and len(head) >= HEADER_SEARCH_ROWS:
            break
        if header_row is not None and number >= header_row:
            break
    if not head:
        raise SheetError(f"ไม่พบข้อมูลใน{label}ของไฟล์ {name} — โปรดตรวจสอบว่าเลือกไฟล์ถูก")
    if header_row is None:
        at = detect_header([cells for _, cells in head])
    else:
        found = [i for i, (number, _) in enumerate(head) if number == header_row]
        if not found:
            raise SheetError(
                f"แถวที่ {header_row:,} ของ{label}ในไฟล์ {name} ว่างหรือไม่มีอยู่ — "
                "โปรดเลือกแถวที่เป็นหัวตาราง"
            )
        at = found[0]
    header_number, header_cells = head[at]
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
    if len(data) > limit:
        raise _too_many_rows(name)
    if not data:
        raise SheetError(
            f"{label}ในไฟล์ {name} มีแต่หัวตาราง (แถวที่ {header_number:,}) ไม่มีแถวข้อมูล"
        )
    headers = [clean_text(h) for h in header_cells]
    width = max(len(headers), max(len(r) for r in data))
    headers += [""] * (width - len(headers))
    for r in data:
        if len(r) < width:
            r.extend([""] * (width - len(r)))
    return header_number, headers, data, numbers


# --------------------------------------------------------------------------- API
def read_sheet(
    path: Path,
    *,
    sheet: str | None = None,
    header_row: int | None = None,
    progress: Progress | None = None,
) -> SheetData:
    """Read one sheet (the first with data unless ``sheet`` is given) as text rows under a
    header row (found automatically unless ``header_row``, 1-based, is given).

    Raises :class:`SheetError` (Thai message) for every file it cannot read.
    """
    path = Path(path)
    name = path.name
    head = _check_file(path)
    is_text = not head.startswith((*_ZIP_MAGIC, _OLE_MAGIC))
    if is_text and path.suffix.lower() in (".csv", ".xls"):
        # some systems save CSV or tab-separated text under .xls: read it as what it is
        if _looks_like_web_page(head):
            raise SheetError(
                f"ไฟล์ {name} เป็นหน้าเว็บ (HTML) ที่ตั้งชื่อเป็นไฟล์ Excel — โปรดเปิดใน Excel "
                "แล้วบันทึกใหม่เป็น Excel Workbook (.xlsx)"
            )
        try:
            data = path.read_bytes()
        except OSError:
            raise SheetError(f"เปิดไฟล์ {name} ไม่ได้ — โปรดปิดไฟล์ในโปรแกรมอื่นแล้วลองอีกครั้ง") from None
        text, encoding = decode_csv(data)
        del data
        header_number, headers, rows, numbers = _assemble(
            name, "ไฟล์", _csv_rows(name, text, progress), header_row
        )
        return SheetData(name, [], "", headers, rows, numbers, header_number, encoding)
    book = _Workbook(path, head)
    ws = book.sheet(sheet)
    label = f"แผ่นงาน \"{ws.name}\""
    header_number, headers, rows, numbers = _assemble(
        name, label, _sheet_rows(name, ws, progress), header_row
    )
    return SheetData(name, list(book.sheet_names), ws.name, headers, rows, numbers,
                     header_number)


def list_sheets(path: Path) -> list[str]:
    """The worksheet names of a workbook, in order; ``[]`` for a CSV."""
    path = Path(path)
    head = _check_file(path)
    if not head.startswith((*_ZIP_MAGIC, _OLE_MAGIC)) and path.suffix.lower() in (".csv", ".xls"):
        return []
    return list(_Workbook(path, head).sheet_names)
