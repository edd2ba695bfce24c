"""Rows of a class list that are not children: the footer (รวม 30 คน, รวมทั้งสิ้น, ชาย 15
หญิง 15), the teacher's signature (ลงชื่อ……ครูประจำชั้น and the name in brackets under it),
a line of dashes or underscores, a row blank but for its roll number, and the header again
on page 2 of a printed list.

Only rows that would not import are looked at (a row the plan accepts is a child whatever
it says), so a child named รวมใจ is never skipped, and the check costs nothing on a clean
file. Each skipped row is a note of the file with its row number, never an error.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from desktop.domain.columns import header_key
from desktop.domain.text import clean_text, to_ascii_digits
from desktop.i18n import N_, _

# The notes, in the screen's language when said (``RowSkipper.reason``).
FOOTER_NOTE = N_("แถวสรุปหรือลงชื่อท้ายรายชื่อ ไม่ใช่ข้อมูลเด็ก จึงข้ามแถวนี้")
SEPARATOR_NOTE = N_("แถวเส้นคั่นหรือแถวว่างที่มีแต่เลขลำดับ ไม่ใช่ข้อมูลเด็ก จึงข้ามแถวนี้")
HEADER_NOTE = N_("แถวหัวตารางซ้ำ (เช่น หน้าที่ 2 ของรายชื่อที่พิมพ์) ไม่ใช่ข้อมูลเด็ก จึงข้ามแถวนี้")

# รวม as a word: followed by a space, a number, the end, or the words of a total
# (รวมทั้งสิ้น, รวมทั้งหมด, รวมจำนวน, รวมนักเรียน, รวมเด็ก); not รวมใจ, รวมพร.
_FOOTER = re.compile(
    r"^\(?\s*(?:รวม(?:$|[\s\d:]|ทั้ง|จำนวน|นักเรียน|เด็ก|ชาย|หญิง)|ลงชื่อ|ลงนาม|ผู้รายงาน|ผู้รับรอง|ผู้จัดทำ|ผู้บันทึก|ผู้สำรวจ"
    r"|ผู้ตรวจ|ครูประจำชั้น|ครูที่ปรึกษา|ผู้อำนวยการ|หัวหน้าศูนย์|(?:ชาย|หญิง)\s*\d"
    r"|total\b|sum\b|signed\b)", re.IGNORECASE)
_SIGNATURE = re.compile(r"^(?:ลงชื่อ|\(\s*ลงชื่อ|ลงนาม)")
_UNDER_SIGNATURE = re.compile(r"^(?:\(.*\)|ตำแหน่ง.*|ครู.*|ผู้.*)$")
_LINE = re.compile(r"^[\s\-_=.–—─━*~·…+|]+$")
_ROLL = re.compile(r"^\d{1,4}\.?$")
_ID_OR_DATE = re.compile(r"\d{13}|\d{1,2}\s*[/.\-]\s*\d{1,2}\s*[/.\-]\s*\d{2,4}")


def _texts(cells: Sequence[str]) -> list[str]:
    return [t for t in (to_ascii_digits(clean_text(c)) for c in cells if c) if t]


class RowSkipper:
    """Says whether a row that would not import is a footer, separator or repeated header
    (in sheet order: the name in brackets under a signature is part of it)."""

    def __init__(self, headers: Sequence[str]) -> None:
        self.header_keys = [header_key(h) for h in headers]
        self._after_signature = -1  # the row number of the last signature line

    def reason(self, number: int, cells: Sequence[str]) -> str | None:
        """Why the row is skipped (a note in the screen's language), or ``None``."""
        note = self._kind(number, cells)
        return _(note) if note is not None else None

    def _kind(self, number: int, cells: Sequence[str]) -> str | None:
        texts = _texts(cells)
        if not texts:
            return None
        if any(_ID_OR_DATE.search(t) for t in texts) and not self._is_header(cells):
            return None  # an ID or a birth date: a child's row, whatever else is wrong
        first = texts[0]
        if _SIGNATURE.match(first) or _SIGNATURE.match(texts[-1]):
            self._after_signature = number
            return FOOTER_NOTE
        if _FOOTER.match(first):
            return FOOTER_NOTE
        if self._after_signature >= 0 and number - self._after_signature <= 3 and all(
                _UNDER_SIGNATURE.match(t) for t in texts):
            self._after_signature = number
            return FOOTER_NOTE
        if all(_LINE.match(t) for t in texts) or (_ROLL.match(first) and all(
                _LINE.match(t) for t in texts[1:])):
            return SEPARATOR_NOTE  # a line, perhaps numbered; a roll number alone
        if self._is_header(cells):
            return HEADER_NOTE
        return None

    def _is_header(self, cells: Sequence[str]) -> bool:
        """Half of the row's cells, two at least, are the header of their column."""
        filled = same = 0
        for i, cell in enumerate(cells):
            if not cell or i >= len(self.header_keys):
                continue
            filled += 1
            key = header_key(cell)
            if key and key == self.header_keys[i]:
                same += 1
        return same >= 2 and same * 2 >= filled

    @staticmethod
    def shown(cells: Sequence[str]) -> str:
        """The row's text as the note shows it (cut to a readable length)."""
        text = " ".join(_texts(cells))
        return text if len(text) <= 80 else text[:79] + "…"
