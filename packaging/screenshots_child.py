"""The child's page across the modules (issue 13) for packaging/screenshots.py: a demo
centre child with its room, attendance, growth and DSPM (and, where the case services are
there, an out-of-school case with its plan), at each screen size, and its printout's
first page as pdftoppm draws it."""

from __future__ import annotations

import shutil
import subprocess
from typing import Any

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
    if shutil.which("pdftoppm"):
        target = shots.out / f"screenshot-child-page-print{shots.suffix}"
        subprocess.run(["pdftoppm", "-png", "-singlefile", "-f", "1", "-l", "1", "-scale-to", str(shots.screen[0]),
                        str(pdf), str(target)], check=True)


def _demo_cases(db: Any, today: Any) -> int | None:
    """The demo's out-of-school cases (services/demo_cases.py); a case in plan with an
    approved plan, follow-ups and referrals to show."""
    from desktop.services.demo_cases import fill_cases
    from desktop.store.case_state import OosCase, OosFollowUp, OosPlanVersion, OosReferral
    from desktop.store.models import Institution

    with db.engine.begin() as conn:
        office = conn.scalar(select(Institution.origin_office_id).limit(1))
        if office is not None:
            fill_cases(conn, office_id=int(office), seed=1, today=today)
    with db.reader() as s:
        planned = set(s.scalars(select(OosPlanVersion.case_id).where(OosPlanVersion.status == "approved")))
        followed = set(s.scalars(select(OosFollowUp.case_id))) & set(s.scalars(select(OosReferral.case_id)))
        best = sorted(planned & followed) or sorted(planned)
        if best:
            return best[0]
        return s.scalars(select(OosCase.id).limit(1)).first()


def case_shots(shots: Any, today: Any) -> None:
    """The cases page (list and dashboard), a case's page on its status, tracing and plan
    tabs, the plan editor and a tracing visit's form (issue 13)."""
    from desktop.gui.views.case_page import CaseDialog
    from desktop.gui.views.case_plan_editor import PlanEditorDialog
    from desktop.gui.views.case_trace_tab import TraceVisitDialog

    case_id = _demo_cases(shots.ctx.db, today)
    window = shots.window
    window.show_page("cases")
    view = window.cases_view
    view.refresh()
    shots.save(window, "cases")
    view.tabs.setCurrentIndex(1)
    shots.save(window, "cases-dashboard")
    view.tabs.setCurrentIndex(0)
    if case_id is None:
        return
    for tab, name in ((0, "case-page"), (1, "case-trace"), (3, "case-plan"), (5, "case-referrals")):
        shots.dialog(name, lambda: CaseDialog(shots.ctx, case_id, window),
                     lambda d, tab=tab: d.tabs.setCurrentIndex(tab))

    def content(case: int) -> Any:
        from desktop.services.case_plans import plan_line

        with shots.ctx.db.reader() as session:
            line = plan_line(session, case)
        v = line.pending or line.in_force
        return v.content if v else None

    shots.dialog("case-plan-editor", lambda: PlanEditorDialog(shots.ctx, case_id, content(case_id), window))
    shots.dialog("case-visit", lambda: TraceVisitDialog(shots.ctx, case_id, window))
