"""A centre's screenshots (issue 12) for packaging/screenshots.py: a room's register with
children marked absent, the rates dialog, and the room's printed monthly sheet."""

from __future__ import annotations

from typing import Any

from screenshots_common import TODAY, pdf_page


def centre(shots: Any) -> None:
    """A centre's room (issue 12): today's register with three children marked absent by
    the keyboard and not saved yet, and the room's printed monthly attendance sheet as
    pdftoppm draws it, as wide as the screen."""
    from desktop.services.centre_print import attendance_sheet_pdf

    centre_rooms(shots.ctx.db)
    window = shots.window
    view = window.centre_view  # type: ignore[attr-defined]
    view.today = view.day = TODAY
    window.show_page("centre-attendance")
    view.refresh()
    for row, reason in ((2, "sick"), (16, "leave"), (24, "absent")):
        from desktop.domain.centre import AbsenceReason

        view.grid.mark(row, AbsenceReason(reason))
    view.grid.setCurrentCell(24, 2)
    shots.save(window, "centre-register")
    from desktop.gui.views.centre_rates import RatesDialog

    shots.dialog("centre-rates", lambda: RatesDialog(shots.ctx, window))
    if view.room_id is None:
        return
    pdf = shots.tmp / "centre-sheet.pdf"
    with shots.ctx.db.reader() as session:
        attendance_sheet_pdf(session, view.room_id, TODAY.year, TODAY.month, pdf, today=TODAY)
    pdf_page(shots, pdf, "centre-sheet")


def centre_rooms(db) -> None:  # type: ignore[no-untyped-def]
    """The demo's centres with rooms and the year's registers so far (services/demo_centres.py)."""
    from sqlalchemy import select

    from desktop.services.demo_centres import fill_centres
    from desktop.store.models import AcademicYear, Institution

    with db.engine.begin() as conn:
        office = conn.scalar(select(Institution.origin_office_id).where(Institution.kind == "cdc").limit(1))
        year = conn.scalar(select(AcademicYear.id).where(AcademicYear.year_be == 2569))
        if office is not None and year is not None:
            fill_centres(conn, office_id=int(office), year_id=int(year), seed=1, today=TODAY)
