"""The term's attendance read from a spreadsheet a school sends (issue 11): one row a child,
their national ID or G-code (or their name), the days present and the days the school
was open. No Qt.

    result = import_attendance(session, 2569, 1, Path("attendance.xlsx"), days_open=100)

The file is read by the registry's reader (reports/sheets: HTML saved as .xls, hidden
sheets and rows, title and footer rows, CSV in any encoding; what it chose is said in
``notes``). Every row is checked before anything is saved, and nothing is saved when one
row is wrong: each problem names the row and what to do. A child is found by the ID in
the row, else by the whole name among the children enrolled that year (one match only).
``grants``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain.errors import Problem, ValidationFailed
from desktop.domain.name_prefix import split_name_prefix
from desktop.domain.roles import Action
from desktop.domain.text import clean_text, digits_only
from desktop.i18n import _
from desktop.reports.sheets import read_sheet
from desktop.services.access import require
from desktop.services.grants import record_attendance
from desktop.services.years import term_of
from desktop.store.models import Child, Enrollment

ID_HEADERS = ("เลขประจำตัวประชาชน", "เลขบัตรประชาชน", "เลขประจำตัว", "รหัส g", "g-code", "national id", "id")
NAME_HEADERS = ("ชื่อ-สกุล", "ชื่อ - สกุล", "ชื่อ-นามสกุล", "ชื่อสกุล", "name")
FIRST_HEADERS = ("ชื่อ",)
LAST_HEADERS = ("นามสกุล", "สกุล")
PRESENT_HEADERS = ("มาเรียน", "วันมาเรียน", "จำนวนวันมาเรียน", "มาเรียน (วัน)", "วันที่มาเรียน", "present")
OPEN_HEADERS = ("วันเปิดเรียน", "จำนวนวันเรียน", "วันเรียนทั้งหมด", "วันเปิดเรียน (วัน)", "days open")


@dataclass(frozen=True)
class AttendanceImport:
    rows: int  # saved (or, with dry_run, that would be)
    notes: tuple[str, ...]  # what the reader chose: the sheet, the header row, what it left out


def _column(headers: list[str], names: tuple[str, ...]) -> int | None:
    folded = [clean_text(h).lower().replace(" ", "") for h in headers]
    for name in names:
        key = name.lower().replace(" ", "")
        if key in folded:
            return folded.index(key)
    return None


def _whole_number(text: str) -> int | None:
    value = digits_only(clean_text(text).replace(",", "").removesuffix(".0"))
    return int(value) if value and clean_text(text).replace(",", "").removesuffix(".0").isdigit() else None


def import_attendance(session: Session, year_be: int, term: int, path: Path, *, days_open: int | None = None,
                      dry_run: bool = False) -> AttendanceImport:
    require(session, Action.GRANTS)
    t = term_of(session, year_be, term)
    sheet = read_sheet(Path(path))
    id_col = _column(sheet.headers, ID_HEADERS)
    name_col = _column(sheet.headers, NAME_HEADERS)
    first_col, last_col = _column(sheet.headers, FIRST_HEADERS), _column(sheet.headers, LAST_HEADERS)
    present_col, open_col = _column(sheet.headers, PRESENT_HEADERS), _column(sheet.headers, OPEN_HEADERS)
    problems: list[Problem] = []
    if present_col is None:
        problems.append(Problem("columns", _("ไม่พบคอลัมน์จำนวนวันมาเรียน (เช่น หัวคอลัมน์ \"มาเรียน\" หรือ \"วันมาเรียน\")")))
    if open_col is None and days_open is None:
        problems.append(Problem("columns", _("ไม่พบคอลัมน์จำนวนวันเปิดเรียน (เช่น \"วันเปิดเรียน\") "
                                             "โปรดเพิ่มคอลัมน์ หรือระบุจำนวนวันเปิดเรียนของภาคเรียน")))
    if id_col is None and name_col is None and (first_col is None or last_col is None):
        problems.append(Problem("columns", _("ไม่พบคอลัมน์เลขประจำตัวประชาชนหรือชื่อ-สกุลของเด็ก")))
    if problems:
        raise ValidationFailed(problems)
    enrolled = session.execute(select(Child.uuid, Child.national_id, Child.g_code, Child.first_name, Child.last_name)
                               .join(Enrollment, Enrollment.child_id == Child.id)
                               .where(Enrollment.academic_year_id == t.academic_year_id,
                                      Enrollment.deleted_at.is_(None), Child.deleted_at.is_(None))).all()
    by_id = {digits_only(v): u for u, n, g, _f, _l in enrolled for v in (n, g) if v}
    by_name: dict[str, list[str]] = {}
    for u, _n, _g, f, la in enrolled:
        by_name.setdefault(f"{clean_text(f)} {clean_text(la)}", []).append(u)
    found: list[tuple[str, int, int]] = []
    seen: dict[str, int] = {}
    for number, cells in zip(sheet.row_numbers, sheet.rows, strict=True):
        def cell(col: int | None, cells: list[str] = cells) -> str:
            return clean_text(cells[col]) if col is not None and col < len(cells) else ""
        ident = digits_only(cell(id_col))
        name = cell(name_col) or f"{cell(first_col)} {cell(last_col)}".strip()
        name = " ".join(split_name_prefix(name)[1].split()) if name else ""
        uuid = by_id.get(ident) if ident else None
        if uuid is None and not ident and name:
            matches = by_name.get(name, [])
            if len(matches) > 1:
                problems.append(Problem(f"row.{number}", _("แถว {row}: มีเด็กชื่อ {name} มากกว่าหนึ่งคน โปรดใส่เลขประจำตัว").format(
                    row=number, name=name)))
                continue
            uuid = matches[0] if matches else None
        if uuid is None:
            problems.append(Problem(f"row.{number}", _(
                "แถว {row}: ไม่พบเด็ก {who} ที่ลงทะเบียนเรียนในปีการศึกษา {year} โปรดตรวจเลขประจำตัวหรือชื่อ").format(
                    row=number, who=ident or name or "-", year=year_be)))
            continue
        present = _whole_number(cell(present_col))
        days = days_open if open_col is None else _whole_number(cell(open_col))
        if present is None or days is None or not 0 < days <= 200 or not 0 <= present <= days:
            problems.append(Problem(f"row.{number}", _(
                "แถว {row}: วันมาเรียน \"{present}\" วันเปิดเรียน \"{days}\" ไม่ถูกต้อง (จำนวนเต็ม วันเปิดเรียน 1-200 "
                "และวันมาเรียนไม่เกินวันเปิดเรียน)").format(row=number, present=cell(present_col),
                                                           days=cell(open_col) if open_col is not None else days)))
            continue
        if uuid in seen:
            problems.append(Problem(f"row.{number}", _("แถว {row}: เด็กคนนี้อยู่ในแถว {first} แล้ว").format(
                row=number, first=seen[uuid])))
            continue
        seen[uuid] = number
        found.append((uuid, present, days))
    if problems:
        raise ValidationFailed(problems)
    if not dry_run:
        record_attendance(session, year_be, term, found)
    return AttendanceImport(len(found), tuple(sheet.notes))
