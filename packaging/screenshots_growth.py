"""Growth and DSPM on screen (issue 12) for packaging/screenshots.py: the centre's lists
(ผอม this term), a child's development page on the growth chart and on the DSPM checks,
a measurement being typed (its category shown at once) and a DSPM check being answered,
at each screen size."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select


def _child(db: Any, today: Any) -> str | None:
    """A demo centre child with the most measurements and, if any, a check waiting for its
    re-check (the due line shown); filled here if the demo has none."""
    from desktop.store.growth_state import DspmCheck, GrowthMeasurement
    from desktop.store.models import Child

    with db.reader() as s:
        waiting = select(DspmCheck.child_id).where(DspmCheck.outcome == "suspected_delay",
                                                   DspmCheck.deleted_at.is_(None))
        for only_waiting in (True, False):
            q = (select(Child.uuid).join(GrowthMeasurement, GrowthMeasurement.child_id == Child.id)
                 .where(GrowthMeasurement.deleted_at.is_(None)).group_by(Child.id, Child.uuid)
                 .order_by(func.count(GrowthMeasurement.id).desc(), Child.id).limit(1))
            if only_waiting:
                q = q.where(Child.id.in_(waiting))
            found = s.scalars(q).first()
            if found:
                return str(found)
    return None


def _fill(db: Any, today: Any) -> None:
    """The centres' rooms and the demo's growth and DSPM, when a part's run has none yet."""
    from screenshots_centre import centre_rooms

    from desktop.services.demo_growth import fill_growth
    from desktop.store.centre_state import CentreRoom
    from desktop.store.growth_state import GrowthMeasurement
    from desktop.store.models import AcademicYear, Institution

    with db.reader() as s:
        if s.scalar(select(func.count(GrowthMeasurement.id))):
            return
        rooms = s.scalar(select(func.count(CentreRoom.id)))
    if not rooms:
        centre_rooms(db)
    with db.engine.begin() as conn:
        office = conn.scalar(select(Institution.origin_office_id).where(Institution.kind == "cdc").limit(1))
        year = conn.scalar(select(AcademicYear.id).where(AcademicYear.year_be == 2569))
        if office is not None and year is not None:
            fill_growth(conn, office_id=int(office), year_id=int(year), seed=1, today=today)


def growth_shots(shots: Any, today: Any) -> None:
    from desktop.gui.views.dspm_check import DspmCheckDialog
    from desktop.gui.views.growth_child import ChildDevelopmentDialog
    from desktop.gui.views.growth_measure import MeasurementDialog
    from desktop.services.growth import growth_child

    _fill(shots.ctx.db, today)
    window = shots.window
    view = window.growth_view
    view.today = today
    window.show_page("centre-growth")
    view.refresh()
    shots.save(window, "growth-lists")
    uuid = _child(shots.ctx.db, today)
    if uuid is None:
        return

    def chart(dialog: Any) -> None:
        dialog.tabs.setCurrentIndex(1)

    def checks(dialog: Any) -> None:
        dialog.tabs.setCurrentIndex(2)

    shots.dialog("growth-chart", lambda: ChildDevelopmentDialog(shots.ctx, uuid, window, today=today), chart)
    shots.dialog("growth-child", lambda: ChildDevelopmentDialog(shots.ctx, uuid, window, today=today))
    shots.dialog("dspm-child", lambda: ChildDevelopmentDialog(shots.ctx, uuid, window, today=today), checks)
    with shots.ctx.db.reader() as s:
        child = growth_child(s, uuid)

    def typed(dialog: Any) -> None:
        dialog.weight_edit.setText("12.4")
        dialog.height_edit.setText("101")

    shots.dialog("growth-measure", lambda: MeasurementDialog(shots.ctx, uuid, child.name, child.sex, child.birth,
                                                             window, today=today), typed)

    def answered(dialog: Any) -> None:
        for row in range(dialog.grid.rowCount() - 2):
            dialog.grid.answer(row, row != 1)

    shots.dialog("dspm-check", lambda: DspmCheckDialog(shots.ctx, uuid, child.name, child.birth, window, today=today),
                 answered)
    from desktop.domain.dspm_schedule import reaches

    later = reaches(child.birth, 44)  # the same child in a surveillance band (43-48 months): its items offered
    shots.dialog("dspm-check-band", lambda: DspmCheckDialog(shots.ctx, uuid, child.name, child.birth, window,
                                                            today=later), answered)
