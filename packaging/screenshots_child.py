"""The child's page across the modules (issue 13) for packaging/screenshots.py: a demo
centre child with its room, attendance, growth and DSPM, at each screen size, and its
printout's first page as pdftoppm draws it. The cases' screens: screenshots_cases.py."""

from __future__ import annotations

from typing import Any

from screenshots_common import pdf_page
from sqlalchemy import select


def _grown_child(db: Any, today: Any) -> str | None:
    """A demo centre child with measurements and a DSPM check (filled here if the demo has
    none yet: services/demo_growth.py, after the centres' rooms)."""
    from desktop.services.demo_growth import fill_growth
    from desktop.store.growth_state import DspmCheck, GrowthMeasurement
    from desktop.store.models import AcademicYear, Child, Institution

    with db.engine.begin() as conn:
        office = conn.scalar(select(Institution.origin_office_id).where(Institution.kind == "cdc").limit(1))
        year = conn.scalar(select(AcademicYear.id).where(AcademicYear.year_be == 2569))
        if office is not None and year is not None:
            fill_growth(conn, office_id=int(office), year_id=int(year), seed=1, today=today)
    with db.reader() as s:
        return s.scalars(select(Child.uuid).join(DspmCheck, DspmCheck.child_id == Child.id)
                         .join(GrowthMeasurement, GrowthMeasurement.child_id == Child.id)
                         .order_by(DspmCheck.id.desc()).limit(1)).first()


def child_page_shots(shots: Any, today: Any) -> None:
    from desktop.gui.views.child_page import ChildPageDialog
    from desktop.services.child_page_print import child_page_pdf
    from desktop.services.reports import ReportOptions

    uuid = _grown_child(shots.ctx.db, today)
    if uuid is None:
        return
    shots.dialog("child-page", lambda: ChildPageDialog(shots.ctx, uuid, shots.window))
    pdf = shots.tmp / "child-page.pdf"
    with shots.ctx.db.reader() as session:
        child_page_pdf(session, pdf, uuid, ReportOptions(today=today))
    pdf_page(shots, pdf, "child-page-print")
