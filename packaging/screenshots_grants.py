"""The grant rounds' screenshots (issue 11), for packaging/screenshots.py: the rounds page,
the new-round dialog, a round's eligible list, its attendance grid, its reconciliation and
the payment dialog, from a round of the demo's first term made here (the demo's made-up
screenings, most children's attendance recorded, some below the threshold, some paid).

    from screenshots_grants import grant_shots
    grant_shots(shots)          # a Shots of screenshots.py, its main window open
"""

from __future__ import annotations

import random
from datetime import date
from typing import Any

from PySide6.QtWidgets import QWidget

PAID_ON = date(2026, 11, 20)


def grant_data(db: Any) -> None:
    """Once per database: screenings, a round of term 1, attendance and a few payments."""
    from sqlalchemy import select

    from desktop.domain.grants import Outcome, Programme
    from desktop.domain.screening import PovertyLevel
    from desktop.services.demo_screenings import fill_screenings
    from desktop.services.grants import (
        RoundValues,
        create_round,
        eligibility,
        record_attendance,
        rounds,
    )
    from desktop.services.grants_payments import record_payments
    from desktop.store.models import AcademicYear, Child, Term

    with db.reader() as s:
        if rounds(s):
            return
        year_id, year_be = s.execute(select(AcademicYear.id, AcademicYear.year_be).join(Term)
                                     .order_by(AcademicYear.year_be.desc())).first()
        office = s.scalar(select(Child.origin_office_id).limit(1))
    with db.engine.begin() as conn:
        fill_screenings(conn, office_id=int(office), year_id=int(year_id), seed=1, today=PAID_ON, children=2000)
    with db.session() as s:
        rid = create_round(s, RoundValues(Programme.EEF, f"ทุนเสมอภาค ภาคเรียน 1/{year_be}", year_be, 1,
                                          levels=frozenset({PovertyLevel.EXTREME, PovertyLevel.POOR}),
                                          attendance_percent=80))
    rng = random.Random(1)
    with db.reader() as s:
        held = [r.child_uuid for r in eligibility(s, rid) if r.outcome is Outcome.HELD]
    days = [(uuid, rng.choice((98, 95, 92, 90, 88, 85, 81, 80, 78, 70)), 100) for uuid in held[: len(held) * 4 // 5]]
    with db.session() as s:
        record_attendance(s, year_be, 1, days)
    with db.reader() as s:
        eligible = [r.child_uuid for r in eligibility(s, rid) if r.outcome is Outcome.ELIGIBLE]
    with db.session() as s:
        record_payments(s, rid, eligible[: len(eligible) // 3], paid_on=PAID_ON, method="cash", today=PAID_ON)
        record_payments(s, rid, eligible[len(eligible) // 3: len(eligible) // 2], paid_on=PAID_ON, method="transfer",
                        reference="KTB-256911-0001", today=PAID_ON)


def grant_shots(shots: Any) -> None:
    from desktop.gui.views.grant_payment_dialog import PaymentDialog
    from desktop.gui.views.grant_round_new import NewRoundDialog
    from desktop.gui.views.grant_round_window import GrantRoundWindow

    grant_data(shots.ctx.db)
    window = shots.window
    window.show_page("grant-rounds")
    view = window.grant_rounds_view
    view.refresh()
    info = view.rows[0]
    view.select_id(info.id)
    shots.save(window, "grant-rounds")
    shots.dialog("grant-round-new", lambda: NewRoundDialog(shots.ctx, window))
    round_window = GrantRoundWindow(shots.ctx, info, window)
    round_window.show()
    shots.settle()
    shots.save(round_window, "grant-round")
    tab = round_window.attendance_tab
    round_window.tabs.setCurrentWidget(tab)
    busiest = max(range(len(tab.classes)), key=lambda n: tab.classes[n].recorded)
    tab.class_combo.setCurrentIndex(busiest)
    tab.grid.setFocus()
    shots.save(round_window, "grant-round-attendance")
    round_window.tabs.setCurrentWidget(round_window.reconcile_tab)
    shots.save(round_window, "grant-round-reconcile")
    unpaid = [r for r in round_window.eligible_tab.rows if r.paid < r.amount and r.amount][:3]

    def typed(dialog: QWidget) -> None:
        dialog.reference_edit.setFocus()  # type: ignore[attr-defined]

    shots.dialog("grant-payment", lambda: PaymentDialog(shots.ctx, info.id, unpaid, round_window, today=PAID_ON), typed)
    round_window.close()
