"""The ``samoe`` command's argument parser in Thai: usage, help headings and argparse's
own error messages, exit code 2; and argument types that refuse absurd values in Thai.

argparse formats its errors in English (``the following arguments are required``,
``invalid choice``, ``invalid int value``); ``ThaiArgumentParser.error`` translates them.
Sub-command parsers get the same class (argparse uses the parent's class).
"""

from __future__ import annotations

import argparse
import re
import sys
from datetime import date
from pathlib import Path
from typing import IO, Any, NoReturn

HELP = "แสดงวิธีใช้แล้วออก"
TYPE_NAMES = {"int": "จำนวนเต็ม", "float": "ตัวเลข", "Path": "ชื่อไฟล์", "str": "ข้อความ"}
# argparse shows the dest of a required sub-command; say what it is
DEST_NAMES = {"command": "คำสั่ง", "db_command": "คำสั่งย่อยของ db", "import_command": "คำสั่งย่อยของ import"}
YEAR_MIN, YEAR_MAX = 2400, 2700
MAX_DEMO_CHILDREN = 5_000_000
MAX_PAGE = 100_000


def output_problem(*targets: Path) -> str:
    """Why an output file cannot be written, in Thai ("" when it can): its folder is
    missing, or it is not a plain file (a device such as /dev/full would be replaced by
    the atomic rename). Checked before any work is done."""
    for target in targets:
        folder = target.parent if str(target.parent) else Path(".")
        if not folder.is_dir():
            return (f"ไม่พบโฟลเดอร์ {folder} ที่จะบันทึกไฟล์ {target.name} "
                    "สร้างโฟลเดอร์ก่อนหรือเลือกโฟลเดอร์อื่น")
        if target.exists() and not target.is_file():
            return f"{target} ไม่ใช่ไฟล์ธรรมดา (เป็นโฟลเดอร์หรืออุปกรณ์) เลือกชื่อไฟล์อื่น"
    return ""


def printable(text: str) -> str:
    """Text with the bytes of a non-UTF-8 argument (surrogate escapes) shown as ``\\xff``
    instead of failing to print."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return text


def write_text(stream: IO[str] | None, text: str) -> None:
    if stream is None:  # a windowed Windows build has no console
        return
    text = printable(text)
    try:
        stream.write(text)
    except UnicodeEncodeError:
        encoding = getattr(stream, "encoding", None) or "utf-8"
        stream.write(text.encode(encoding, "backslashreplace").decode(encoding))


_PATTERNS: list[tuple[re.Pattern[str], Any]] = [
    (re.compile(r"^the following arguments are required: (.*)$", re.S),
     lambda m: "ต้องระบุ: " + ", ".join(DEST_NAMES.get(a.strip(), a.strip())
                                        for a in m.group(1).split(","))),
    (re.compile(r"^one of the arguments (.*) is required$", re.S),
     lambda m: f"ต้องระบุอย่างใดอย่างหนึ่ง: {m.group(1)}"),
    (re.compile(r"^unrecognized arguments: (.*)$", re.S),
     lambda m: f"ไม่รู้จักค่าเหล่านี้: {m.group(1)} (ดูวิธีใช้ด้วย -h)"),
    (re.compile(r"^argument (.+?): (.*)$", re.S),
     lambda m: f"{DEST_NAMES.get(m.group(1), m.group(1))}: {translate(m.group(2))}"),
    (re.compile(r"^invalid choice: (.*) \(choose from (.*)\)$", re.S),
     lambda m: f"ไม่มีตัวเลือก {m.group(1)} เลือกได้จาก: {m.group(2)}"),
    (re.compile(r"^invalid (\w+) value: (.*)$", re.S),
     lambda m: f"ค่า {m.group(2)} ใช้ไม่ได้ ต้องเป็น{TYPE_NAMES.get(m.group(1), m.group(1))}"),
    (re.compile(r"^expected one argument$"), lambda m: "ต้องใส่ค่าตามหลัง 1 ค่า"),
    (re.compile(r"^expected at least one argument$"), lambda m: "ต้องใส่ค่าตามหลังอย่างน้อย 1 ค่า"),
    (re.compile(r"^expected (\d+) arguments?$"), lambda m: f"ต้องใส่ค่าตามหลัง {m.group(1)} ค่า"),
    (re.compile(r"^ambiguous option: (.*) could match (.*)$", re.S),
     lambda m: f"ตัวเลือก {m.group(1)} กำกวม อาจหมายถึง {m.group(2)}"),
    (re.compile(r"^not allowed with argument (.*)$", re.S),
     lambda m: f"ใช้ร่วมกับ {m.group(1)} ไม่ได้"),
    (re.compile(r"^ignored explicit argument (.*)$", re.S),
     lambda m: f"ตัวเลือกนี้ไม่รับค่า {m.group(1)}"),
]


def translate(message: str) -> str:
    """argparse's English error message in Thai (unknown ones are kept, with a Thai lead)."""
    for pattern, make in _PATTERNS:
        match = pattern.match(message)
        if match:
            return str(make(match))
    return message


class ThaiHelpFormatter(argparse.HelpFormatter):
    def add_usage(self, usage: str | None, actions: Any, groups: Any, prefix: str | None = None) -> None:
        super().add_usage(usage, actions, groups, "วิธีใช้: " if prefix is None else prefix)


class ThaiArgumentParser(argparse.ArgumentParser):
    """ArgumentParser whose usage, headings and errors are Thai; errors exit with code 2."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs["add_help"] = False
        kwargs.setdefault("formatter_class", ThaiHelpFormatter)
        super().__init__(*args, **kwargs)
        self._positionals.title = "ค่าที่ต้องใส่"
        self._optionals.title = "ตัวเลือก"
        self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS, help=HELP)

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: ผิดพลาด: {translate(message)}\n")

    def _print_message(self, message: str, file: IO[str] | None = None) -> None:
        if message:
            write_text(file if file is not None else sys.stderr, message)


def be_year(text: str) -> int:
    """``--year``: a Buddhist-era year such as 2569 (Thai digits allowed)."""
    digits = text.strip().translate(str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789"))
    if not digits.isascii() or not digits.isdigit():
        raise argparse.ArgumentTypeError(f"ปีการศึกษาต้องเป็นตัวเลขปี พ.ศ. 4 หลัก เช่น 2569 (ได้รับ {text!r})")
    year = int(digits)
    if 1900 <= year <= 2200:
        raise argparse.ArgumentTypeError(f"ใช้ปี พ.ศ. ไม่ใช่ ค.ศ. เช่น {year + 543} แทน {year}")
    if not YEAR_MIN <= year <= YEAR_MAX:
        raise argparse.ArgumentTypeError(f"ปีการศึกษา (พ.ศ.) {year} อยู่นอกช่วงที่ใช้ได้ ({YEAR_MIN}–{YEAR_MAX})")
    return year


def children_count(text: str) -> int:
    """``demo --children``: 1 to 5 million."""
    try:
        value = int(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"จำนวนเด็กต้องเป็นจำนวนเต็ม (ได้รับ {text!r})") from None
    if not 1 <= value <= MAX_DEMO_CHILDREN:
        raise argparse.ArgumentTypeError(f"จำนวนเด็กต้องอยู่ระหว่าง 1 ถึง {MAX_DEMO_CHILDREN:,}")
    return value


def whole_number(text: str) -> int:
    """A whole number (``--seed``)."""
    try:
        return int(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"ต้องเป็นจำนวนเต็ม (ได้รับ {text!r})") from None


def page_arg(text: str) -> int:
    """``--page``: a page number from 1 (whether the list has that page is
    ``past_last_page``'s to say, once the list's size is known)."""
    try:
        value = int(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"หน้าต้องเป็นจำนวนเต็มตั้งแต่ 1 (ได้รับ {text!r})") from None
    if not 1 <= value <= MAX_PAGE:
        raise argparse.ArgumentTypeError(f"หน้าต้องอยู่ระหว่าง 1 ถึง {MAX_PAGE:,} (ได้รับ {text!r})")
    return value


def past_last_page(page: int, total: int, page_size: int, unit: str) -> str:
    """Why ``--page`` asks past the list's last page, in Thai ("" when the page is there).

    The first page of an empty list is there (the list says it has none); any later page
    of it, or a page past the last of a list of ``total`` rows, is a wrong argument: the
    command says how many pages there are on stderr and exits 2."""
    pages = -(-total // page_size)
    if page == 1 or page <= pages:
        return ""
    if not pages:
        return f"ไม่มีหน้า {page:,}: รายการนี้ไม่มี{unit}เลย มีเพียง 1 หน้า (ว่าง)"
    return f"ไม่มีหน้า {page:,}: มีเพียง {pages:,} หน้า (หน้าละ {page_size:,} {unit} ทั้งหมด {total:,} {unit})"


def date_arg(text: str) -> date:
    """A date as the form takes it (``1/12/2569``, ``2026-12-01``, Thai digits)."""
    from desktop.domain.dates import DateParseError, parse_date

    try:
        return parse_date(text)
    except DateParseError as exc:
        raise argparse.ArgumentTypeError(f"วันที่ไม่ถูกต้อง: {exc}") from None


def month_arg(text: str) -> tuple[int, int]:
    """``12/2569`` (พ.ศ.) or ``12/2026``, Thai digits allowed → (CE year, month)."""
    parts = text.strip().translate(str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")).split("/")
    if len(parts) != 2 or not all(p.isascii() and p.isdigit() for p in parts):
        raise argparse.ArgumentTypeError(f"เดือนต้องเป็น เดือน/ปี เช่น 12/2569 (ได้รับ {text!r})")
    month, year = int(parts[0]), int(parts[1])
    if year > 2400:
        year -= 543
    if not 1 <= month <= 12 or not 1900 <= year <= 2200:
        raise argparse.ArgumentTypeError(f"เดือน 1-12 และปี พ.ศ. เช่น 12/2569 (ได้รับ {text!r})")
    return year, month
