"""A centre's monthly printouts (issue 12): the room's attendance sheet for signature and
the month's meal/milk report, read through the checked services and drawn by
desktop/reports/centre_pdf.py. No Qt.

    attendance_sheet_pdf(session, room_id, 2026, 11, Path("sheet.pdf"))
    meal_report_pdf(session, centre_id, 2026, 11, Path("meals.pdf"))

Who: ``centre.read`` at the centre (a caregiver: their own centre only).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from desktop.domain.centre import child_tally, day_mark, month_days, percent_text
from desktop.domain.roles import Action
from desktop.i18n import thai_document
from desktop.reports import centre_pdf
from desktop.services.access import require
from desktop.services.centre import centre_of, room_of, year_of_room
from desktop.services.centre_attendance import room_data
from desktop.services.centre_meals import meal_report
from desktop.services.office import DEMO_LABEL, is_demo, local_office
from desktop.services.reports import write_atomic


def _office(session: Session) -> tuple[str, str]:
    office = local_office(session)
    return (office.name if office else ""), (DEMO_LABEL if is_demo(session) else "")


def attendance_sheet_data(session: Session, room_id: int, year: int, month: int, *,
                          today: date | None = None) -> centre_pdf.Sheet:
    """The sheet's rows: every child in the room on some day of the month (school days
    after ``today`` are not counted as not recorded)."""
    require(session, Action.CENTRE_READ)
    room = room_of(session, room_id)
    centre = centre_of(session, room.institution_id)
    days = month_days(year, month)
    data = room_data(session, room, days[0], days[-1])
    rows = []
    per_day = [0] * len(days)
    for cid, (_uuid, name) in data.names.items():
        spans, absences = data.spans[cid], data.absences.get(cid, {})
        marks = []
        for i, d in enumerate(days):
            placed = any(s.covers(d) for s in spans)
            mark = day_mark(d, spans, data.days, absences)
            if placed and not data.days.school_day(d):
                mark = "-"
            if mark == "/":
                per_day[i] += 1
            marks.append(mark)
        t = child_tally(days, spans, data.days, absences)
        rows.append(centre_pdf.SheetRow(name, tuple(marks), t.present, t.absent_total, percent_text(t.percent)))
    school = [data.days.school_day(d) for d in days]
    not_recorded = sum(1 for d, ok in zip(days, school, strict=True)
                       if ok and d not in data.days.taken and d <= (today or date.today())
                       and any(any(s.covers(d) for s in sp) for sp in data.spans.values()))
    office, notice = _office(session)
    return centre_pdf.Sheet(office, centre.name, room.name, year_of_room(session, room).year_be, year, month,
                            tuple(days), tuple(rows),
                            tuple(str(n) if ok and d in data.days.taken else "" for n, ok, d in
                                  zip(per_day, school, days, strict=True)),
                            not_recorded, notice)


@thai_document
def attendance_sheet_pdf(session: Session, room_id: int, year: int, month: int, out: Path, *,
                         today: date | None = None) -> int:
    """The room's attendance sheet of the month (landscape); its pages."""
    data, pages = centre_pdf.attendance_sheet(attendance_sheet_data(session, room_id, year, month, today=today),
                                              printed=today)
    write_atomic(Path(out), data)
    return pages


@thai_document
def meal_report_pdf(session: Session, institution_id: int, year: int, month: int, out: Path, *,
                    today: date | None = None, options: Any = None) -> int:
    """The centre's lunch and milk report of the month; its pages."""
    require(session, Action.CENTRE_READ, institution_id=institution_id)
    m = meal_report(session, institution_id, year, month)
    office, notice = _office(session)
    sheet = centre_pdf.MealSheet(office, m.centre, year, month, m.meals, m.shipped_rates, m.not_recorded, notice)
    data, pages = centre_pdf.meal_report(sheet, printed=today, landscape=bool(getattr(options, "landscape", False)),
                                         signatures=tuple(getattr(options, "signatures", ()) or ()))
    write_atomic(Path(out), data)
    return pages
