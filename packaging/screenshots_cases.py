"""The out-of-school cases' screenshots (issue 13) for packaging/screenshots.py: the cases
page (list and dashboard), a case's page on its tabs, the plan editor, a tracing visit's
form, a plan waiting for approval as a supervisor sees it (the approve button), and the
case-list import with a volunteer's list whose headers the program does not know (the
mapping step), then its checked rows; and a list with no column naming the child."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select


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
    for tab, name in ((0, "case-page"), (1, "case-trace"), (2, "case-assess"), (3, "case-plan"),
                      (5, "case-referrals")):
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


def approval_shot(shots: Any) -> None:
    """A plan submitted for approval (the demo's version 2 of a case), on the case page's
    plan tab, as a supervisor sees it: the approve and send-back buttons; and a closure
    asked for, as the supervisor decides it (approve, or send back)."""
    from desktop.domain.roles import Role
    from desktop.gui.views.case_page import CaseDialog
    from desktop.services.access import Actor, Grant, sign_in
    from desktop.store.case_state import OosCase, OosPlanVersion

    db, actor = shots.ctx.db, shots.ctx.db.actor
    with db.reader() as s:
        case_id = s.scalars(select(OosPlanVersion.case_id).where(OosPlanVersion.status == "submitted",
                                                                 OosPlanVersion.deleted_at.is_(None))
                            .order_by(OosPlanVersion.case_id)).first()
        asked = s.scalars(select(OosCase.id).where(OosCase.status == "closure_requested",
                                                   OosCase.requested_by != actor.name).order_by(OosCase.id)).first()
    sign_in(db, Actor(actor.user_id, actor.name, actor.full_name, (*actor.grants, Grant(Role.SUPERVISOR))))
    try:
        if case_id is not None:
            shots.dialog("case-plan-approval", lambda: CaseDialog(shots.ctx, case_id, shots.window),
                         lambda d: d.tabs.setCurrentIndex(3))
        if asked is not None:  # the supervisor's decision on a closure asked for: approve or send back
            shots.dialog("case-closure-decision", lambda: CaseDialog(shots.ctx, asked, shots.window),
                         lambda d: d.tabs.setCurrentIndex(0))
    finally:
        sign_in(db, actor)


def case_import_shots(shots: Any) -> None:
    """The case-list import: a volunteer's list (its own headers, two columns of 13-digit
    IDs) on the mapping step, the clerk's choices made; then the checked rows."""
    from desktop.gui.views.case_import_view import CaseImportDialog
    from desktop.gui.widgets.column_mapping import SKIP
    from desktop.store.models import Child

    with shots.ctx.db.reader() as s:
        known = s.execute(select(Child.prefix, Child.first_name, Child.last_name, Child.birth_date, Child.national_id)
                          .where(Child.national_id.is_not(None)).order_by(Child.id).limit(6)).all()
    path = shots.tmp / "รายชื่อจากอาสาสมัคร.csv"
    lines = ["ที่,ชื่อเด็กที่พบ,เกิดเมื่อ,เลข 13 หลัก,เลขบัตรแม่,ข้อสังเกต"]
    for i, (prefix, first, last, born, nid) in enumerate(known):
        mother = known[(i + 1) % len(known)][4]
        when = f"{born.day}/{born.month}/{born.year + 543}"
        lines.append(f"{i + 1},{prefix}{first} {last},{when},{nid},{mother},{('พบที่ตลาด', 'ช่วยงานที่บ้าน', '')[i % 3]}")
    lines.append("7,เด็กชายต้นกล้า ใหม่ใจ,12/5/2556,,,ย้ายมาจากต่างจังหวัด")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8-sig")

    def mapped(dialog: Any) -> None:
        dialog.set_file(path)
        shots.settle()
        for column, key in ((1, "full_name"), (2, "birth_date"), (3, "national_id"), (4, SKIP), (5, "case_note")):
            dialog.columns.set_mapping(column, key)
        shots.settle()

    dialog = CaseImportDialog(shots.ctx, shots.window)
    dialog.source_combo.setCurrentIndex(dialog.source_combo.findData("volunteer_list"))
    dialog.show()
    mapped(dialog)
    dialog.columns.set_mapping(4, "?")  # as it opens: the mother's IDs still to be decided
    shots.settle()
    shots.save(dialog, "case-import")
    dialog.columns.set_mapping(4, SKIP)
    dialog.check()
    shots.settle()
    shots.save(dialog, "case-import-checked")
    # a list with no column naming the child: said once, no row checked, the columns tab
    nameless = shots.tmp / "รายชื่อไม่มีชื่อเด็ก.csv"
    nameless.write_text("ลำดับ,วันเดือนปีเกิด,เลขประจำตัวประชาชน\n" + "".join(
        f"{i + 1},{born.day}/{born.month}/{born.year + 543},{nid}\n" for i, (*_n, born, nid) in enumerate(known)),
        encoding="utf-8-sig")
    dialog.set_file(nameless)
    shots.settle()
    dialog.check()
    shots.settle()
    shots.save(dialog, "case-import-no-name")
    dialog.reject()
