"""Cell names (A1, column letters) and the Thai messages about a workbook file that the
readers share: damaged, password-protected, an archive bomb, a formula without a value."""

from __future__ import annotations

import re

from desktop.reports import sheets as _limits

from . import SheetError

_CELL_REF = re.compile(r"^([A-Z]{1,3})([0-9]{1,7})$")


def column_name(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA."""
    name = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        name = chr(65 + rem) + name
    return name


def cell_name(row: int, col: int) -> str:
    """(5, 3) -> D5 (row 1-based, column 0-based)."""
    return f"{column_name(col)}{row}"


def _parse_ref(ref: str) -> tuple[int, int] | None:
    m = _CELL_REF.match(ref)
    if m is None:
        return None
    col = 0
    for ch in m[1]:
        col = col * 26 + ord(ch) - 64
    return int(m[2]), col - 1


# --------------------------------------------------------------------------- messages
def _mb(n: int) -> str:
    return f"{n / (1024 * 1024):,.1f} MB"


def corrupt(name: str) -> SheetError:
    return SheetError(
        f"ไฟล์ {name} เสียหรือไม่ใช่ไฟล์ Excel — โปรดเปิดไฟล์ใน Excel แล้วบันทึกใหม่เป็น "
        "Excel Workbook (.xlsx) หรือ CSV UTF-8 แล้วลองอีกครั้ง"
    )


def password(name: str) -> SheetError:
    return SheetError(
        f"ไฟล์ {name} ตั้งรหัสผ่านไว้ จึงอ่านไม่ได้ — โปรดเปิดใน Excel ใส่รหัสผ่าน "
        "เอารหัสผ่านออก (ไฟล์ > ข้อมูล > ป้องกันเวิร์กบุ๊ก) แล้วบันทึกใหม่"
    )


def bomb(name: str) -> SheetError:
    return SheetError(
        f"ไฟล์ {name} เมื่อขยายแล้วใหญ่เกิน {_mb(_limits.MAX_UNZIPPED_BYTES)} ซึ่งผิดปกติ "
        "อาจเป็นไฟล์เสียหรือไฟล์อันตราย — โปรดเปิดใน Excel แล้วบันทึกใหม่ "
        "หรือแบ่งข้อมูลเป็นหลายไฟล์"
    )


def formula_message(row: int, col: int) -> str:
    return (f"เซลล์ {cell_name(row, col)} เป็นสูตรที่ไม่มีค่าที่คำนวณไว้ในไฟล์ (อ่านได้เป็นค่าว่าง) — "
            "โปรดเปิดไฟล์ใน Excel แล้วบันทึกใหม่ เพื่อให้ Excel คำนวณสูตรและเก็บค่าไว้ "
            "แล้วนำเข้าอีกครั้ง")
