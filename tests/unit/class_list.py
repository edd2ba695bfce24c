"""A class list as schools send it (issue 8): a title row, then ลำดับ, เลขประจำตัวประชาชน,
คำนำหน้า, ชื่อ, นามสกุล, วันเดือนปีเกิด, ชื่อผู้ปกครอง, บ้านเลขที่, หมู่, ตำบล; no class, no
room, no guardian relation; a few names typed with their prefix (ด.ญ.มะลิ) and the prefix
cell left empty; a dashed line and a "รวม 30 คน" footer with the teacher's signature under
it. Built with openpyxl, as the tests of the import and of the dialog need it."""

from __future__ import annotations

from pathlib import Path

from desktop.domain.identity import make_national_id

HEADERS = ["ลำดับ", "เลขประจำตัวประชาชน", "คำนำหน้า", "ชื่อ", "นามสกุล", "วันเดือนปีเกิด",
           "ชื่อผู้ปกครอง", "บ้านเลขที่", "หมู่", "ตำบล"]
TITLE = "รายชื่อนักเรียนชั้นอนุบาลปีที่ 2/1 ปีการศึกษา 2569 โรงเรียนเทศบาล 1"

BOYS = ["ภูผา", "กันตพงศ์", "ธนกฤต", "ปัณณวัฒน์", "ณัฐวุฒิ", "ภูริ", "พีรพัฒน์", "ธีรภัทร",
        "กฤติน", "ชยพล", "อชิรวิทย์", "รัชชานนท์", "ศุภวิชญ์", "ปุณณวิช", "เตชินท์"]
GIRLS = ["มะลิ", "ณัฐณิชา", "ปุณยวีร์", "กัญญาภัค", "พิชชาภา", "ชนัญชิดา", "อรปรียา", "ณัฐกมล",
         "ธัญชนก", "สุชานันท์", "ปาณิสรา", "วรัญญา", "ภัทรนันท์", "ศิรประภา", "กชพร"]
SURNAMES = ["ใจดี", "ศรีสุข", "บุญมา", "แก้วมณี", "ทองดี", "สุขเจริญ", "พรหมวงศ์", "จันทร์เพ็ญ",
            "มั่นคง", "อินทร์แก้ว", "ปัญญาดี", "วงศ์ใหญ่", "แสงทอง", "คำภา", "สายบุญ"]
MOTHERS = ["สมศรี", "บุญเรือน", "จันทร์แรม", "ประภา", "สุดารัตน์", "วันเพ็ญ", "ลำดวน", "อรุณี",
           "มาลัย", "ทองใบ", "สายสุนีย์", "บัวผัน", "นงลักษณ์", "พรทิพย์", "กาญจนา"]
SUBDISTRICTS = ["หนองบัว", "โนนสูง", "บ้านใหม่"]
THAI_DIGITS = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")
MONTHS = ["ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.",
          "พ.ย.", "ธ.ค."]
FOOTER = "รวม 30 คน"


def child_ids(count: int = 30, first: int = 0) -> list[str]:
    return [make_national_id(f"1349900{first + n:05d}") for n in range(count)]


def children(count: int = 30, first: int = 0) -> list[list[str]]:
    """``count`` rows of the class (ลำดับ 1..count): boys and girls in turn, born in 2564
    (an อ.2 class of 2569), dates written as typed (15/08/2564, some in Thai digits with the
    month's name), each with the mother's name (นางสมศรี ใจดี) as guardian. Rows 3, 8, 13, ... have the
    prefix typed in the name (ด.ญ.มะลิ, เด็กชายภูผา) and the prefix cell empty."""
    ids = child_ids(count, first)
    rows = []
    for n in range(count):
        boy = n % 2 == 0
        name = (BOYS if boy else GIRLS)[(n // 2 + first) % 15]
        surname = SURNAMES[(n + first) % 15]
        prefix = "ด.ช." if boy else "ด.ญ."
        if n % 5 == 2:  # the prefix stuck to the name, the prefix cell empty
            name = (("เด็กชาย" if n % 10 == 2 else "ด.ช.") if boy
                    else ("เด็กหญิง" if n % 10 == 2 else "ด.ญ.")) + name
            prefix = ""
        day, month = n % 27 + 1, n % 12 + 1
        born = (f"{day} {MONTHS[month - 1]} 2564".translate(THAI_DIGITS) if n % 4 == 3
                else f"{day:02d}/{month:02d}/2564")
        guardian = f"นาง{MOTHERS[n % 15]} {surname}"
        rows.append([str(n + 1), ids[n], prefix, name, surname, born, guardian,
                     f"{10 + n}/{n % 4 + 1}", str(n % 7 + 1), SUBDISTRICTS[n % 3]])
    return rows


def class_list_rows(count: int = 30) -> list[list[str]]:
    """The whole sheet as typed: title, header, the class, a dashed line, the footer and
    the teacher's signature under it."""
    blank = [""] * len(HEADERS)
    return [
        [TITLE, *blank[1:]],
        list(HEADERS),
        *children(count),
        ["", "-" * 20, "", "-" * 12, "-" * 12, "", "", "", "", ""],
        ["", "", "", f"รวม {count} คน", "", "", "", "", "", ""],
        ["", "", "", "", "", "", "ลงชื่อ..................................ครูประจำชั้น", "", "", ""],
        ["", "", "", "", "", "", "(นางสาวสมใจ รักเรียน)", "", "", ""],
    ]


def write_class_list(path: Path, rows: list[list[str]] | None = None) -> Path:
    """The sheet as an .xlsx (every cell text, as a school's file keeps IDs and dates)."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "อ.2-1"
    for r in rows if rows is not None else class_list_rows():
        sheet.append(r)
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(HEADERS))
    book.save(path)
    return path
