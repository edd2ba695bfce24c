"""A centre's daily attendance to and from a spreadsheet (issue 12; ``samoe centre
attendance export|import``). No Qt.

    n = export_attendance(session, centre_id, first, last, Path("nov.xlsx"))
    result = import_attendance_file(session, centre_id, Path("nov.xlsx"))

The export writes one row per child and school day whose register was taken (or the
centre closed); the import reads the same columns (desktop/reports/centre_sheet.py): a
child by their code or ID, the room by name, the status as a word. Every row is checked
before anything is saved; one wrong row and nothing is saved, each problem naming its row.
A day's rows are that room's whole register (children not in the file are present), saved
through centre_attendance.save_register: back-dated and logged like one typed in.
Who: export ``centre.read``, import ``centre.attendance``, at the centre.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain.centre import AbsenceReason, days_between
from desktop.domain.dates import DateParseError, format_be_numeric, parse_date
from desktop.domain.errors import Problem, ValidationFailed
from desktop.domain.roles import Action
from desktop.domain.text import clean_text, digits_only
from desktop.i18n import _
from desktop.reports import centre_sheet as cs
from desktop.reports.sheets import read_sheet
from desktop.reports.sheets.writing import write_table
from desktop.services.access import require
from desktop.services.audit import record
from desktop.services.centre import centre_of
from desktop.services.centre_attendance import close_day, placed_in_room, room_data, save_register
from desktop.store.centre_state import CentreRoom
from desktop.store.models import AcademicYear, Child


def export_attendance(session: Session, institution_id: int, first: date, last: date, path: Path) -> int:
    """Write the centre's registers in [first, last]; the rows written."""
    require(session, Action.CENTRE_READ, institution_id=institution_id)
    centre_of(session, institution_id)
    ids = dict(session.execute(select(Child.uuid, Child.national_id)).tuples().all())
    rows: list[tuple[object, ...]] = []
    for room in session.scalars(select(CentreRoom).where(CentreRoom.institution_id == institution_id,
                                                         CentreRoom.deleted_at.is_(None))
                                .order_by(CentreRoom.academic_year_id, CentreRoom.position, CentreRoom.name)):
        data = room_data(session, room, first, last)
        for day in days_between(first, last):
            closed = day in data.days.closed
            if not closed and day not in data.days.taken:
                continue
            for cid, (uuid, name) in data.names.items():
                if not any(s.covers(day) for s in data.spans[cid]):
                    continue
                reason = data.absences.get(cid, {}).get(day)
                status = cs.CLOSED if closed else cs.STATUS_WORD[reason] if reason else cs.PRESENT
                rows.append((format_be_numeric(day), room.name, uuid, ids.get(uuid) or "", name, status))
    rows.sort(key=lambda r: (str(r[0])[6:], str(r[0])[3:5], str(r[0])[:2], str(r[1])))
    write_table(path, cs.HEADERS, rows, sheet_name=cs.SHEET_NAME, text_columns=(cs.IDENT,))
    record(session, "export", "centre", str(institution_id),
           {"title": "centre-attendance", "file": Path(path).name, "rows": len(rows)})
    return len(rows)


@dataclass(frozen=True)
class ImportResult:
    registers: int  # room-days saved
    absences: int
    closed_days: int
    notes: tuple[str, ...]


def import_attendance_file(session: Session, institution_id: int, path: Path, *, today: date | None = None,
                           dry_run: bool = False) -> ImportResult:
    require(session, Action.CENTRE_ATTENDANCE, institution_id=institution_id)
    centre_of(session, institution_id, Action.CENTRE_ATTENDANCE)
    sheet = read_sheet(Path(path))
    col = cs.columns_of(sheet.headers)
    missing = [cs.HEADERS[f] for f in (cs.DAY, cs.ROOM, cs.STATUS) if f not in col]
    if cs.CODE not in col and cs.IDENT not in col:
        missing.append(f"{cs.HEADERS[cs.CODE]}/{cs.HEADERS[cs.IDENT]}")
    if missing:
        raise ValidationFailed([Problem("columns", _("ไม่พบคอลัมน์ {names} ในไฟล์ (หัวคอลัมน์ต้องเป็น {headers})").format(
            names=", ".join(missing), headers=", ".join(cs.HEADERS)))])
    rooms = {(r.name, r.year_be): r.id for r in session.execute(
        select(CentreRoom.id, CentreRoom.name, AcademicYear.year_be)
        .join(AcademicYear, AcademicYear.id == CentreRoom.academic_year_id)
        .where(CentreRoom.institution_id == institution_id, CentreRoom.deleted_at.is_(None)))}
    kids = session.execute(select(Child.uuid, Child.national_id, Child.g_code).where(Child.deleted_at.is_(None))).all()
    by_code = {u: u for u, _n, _g in kids}
    by_ident = {digits_only(v) if v and v.isdigit() else v: u for u, n, g in kids for v in (n, g) if v}
    problems: list[Problem] = []
    registers: dict[tuple[int, date], dict[str, AbsenceReason]] = defaultdict(dict)
    closed: set[date] = set()
    seen: dict[tuple[str, date], int] = {}
    placed: dict[tuple[int, date], dict[str, str]] = {}
    for number, cells in zip(sheet.row_numbers, sheet.rows, strict=True):
        def cell(field: int, cells: list[str] = cells) -> str:
            i = col.get(field)
            return clean_text(cells[i]) if i is not None and i < len(cells) else ""
        row_problems = []
        try:
            day = parse_date(cell(cs.DAY))
        except DateParseError:
            day = None
            row_problems.append(_("วันที่ \"{text}\" อ่านไม่ได้ (เช่น 2/11/2569)").format(text=cell(cs.DAY)))
        word = cell(cs.STATUS).lower()
        if word not in cs.WORDS and word not in cs.CLOSED_WORDS:
            row_problems.append(_("การมาเรียน \"{text}\" ต้องเป็น มา ป่วย ลา ขาด หรือ ปิด").format(text=cell(cs.STATUS)))
        ident = cell(cs.IDENT)
        uuid = by_code.get(cell(cs.CODE)) or by_ident.get(digits_only(ident) if ident.isdigit() else ident)
        if uuid is None:
            row_problems.append(_("ไม่พบเด็ก {who} ในทะเบียน").format(who=cell(cs.CODE) or ident or "-"))
        room = None
        if day is not None:
            year = day.year + 543 - (1 if (day.month, day.day) < (5, 16) else 0)
            room = rooms.get((cell(cs.ROOM), year))
            if room is None:
                row_problems.append(_("ศูนย์นี้ไม่มีห้อง \"{room}\" ในปีการศึกษา {year}").format(room=cell(cs.ROOM), year=year))
        if uuid is not None and day is not None and room is not None and cell(cs.STATUS).lower() not in cs.CLOSED_WORDS:
            if (room, day) not in placed:
                placed[(room, day)] = placed_in_room(session, room, day)
            there = placed[(room, day)]
            if uuid not in there:
                row_problems.append(_("เด็ก {who} ไม่ได้อยู่ในห้อง \"{room}\" ของศูนย์นี้ในวันที่ {day}: ตรวจว่าเป็นไฟล์ของศูนย์นี้ "
                                      "หรือจัดเด็กเข้าห้องก่อนนำเข้า").format(
                    who=cell(cs.NAME) or cell(cs.CODE) or ident,
                    room=cell(cs.ROOM), day=format_be_numeric(day)))
        if uuid is not None and day is not None:
            if (uuid, day) in seen:
                row_problems.append(_("เด็กคนนี้ในวันนี้อยู่ในแถว {first} แล้ว").format(first=seen[(uuid, day)]))
            seen[(uuid, day)] = number
        if row_problems:
            problems += [Problem(f"row.{number}", _("แถว {row}: {what}").format(row=number, what=p)) for p in row_problems]
            continue
        assert day is not None and room is not None and uuid is not None
        if word in cs.CLOSED_WORDS:
            closed.add(day)
            continue
        reason = cs.WORDS[word]
        absences = registers[(room, day)]
        if reason is not None:
            absences[uuid] = reason
    if problems:
        raise ValidationFailed(problems[:200])
    for day in sorted(closed):
        if any(d == day for _r, d in registers):
            raise ValidationFailed([Problem("closed", _("วันที่ {day} มีทั้งแถวที่ศูนย์ปิดและแถวการมาเรียน").format(
                day=format_be_numeric(day)))])
    absent = sum(len(a) for a in registers.values())
    if not dry_run:
        for day in sorted(closed):
            close_day(session, institution_id, day, "")
        for (room_id, day), absences in sorted(registers.items(), key=lambda kv: (kv[0][1], kv[0][0])):
            save_register(session, room_id, day, absences, today=today)
        record(session, "centre_import", "centre", str(institution_id),
               {"file": Path(path).name, "registers": len(registers), "absent": absent, "closed": len(closed)})
    return ImportResult(len(registers), absent, len(closed), tuple(sheet.notes))

