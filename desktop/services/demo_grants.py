"""A made-up grant round for the demo (issue 11), so the grant rounds' page has something to
show: an equity-grant round of the demo's first term paying both levels at 80% attendance
(amounts from the active rule pack), the term's attendance of most screened children
(some below the threshold), and a third of the eligible paid in cash. Written in the
demo's transaction, as demo_screenings.py writes the screenings; the rule itself is
domain/grants.decide, as the round's list reads it. No Qt.
"""

from __future__ import annotations

import json
import random
from datetime import date, timedelta

from sqlalchemy import Connection, select
from sqlalchemy.orm import Session

from desktop.domain.grants import ChildFacts, Outcome, Programme, RoundRule, decide
from desktop.domain.screening import PovertyLevel
from desktop.services.rulepacks import active_pack
from desktop.store.grant_state import GrantPayment, GrantRound, TermAttendance
from desktop.store.models import AcademicYear, Enrollment, Term
from desktop.store.screening_state import Screening

DAYS_OPEN = 100
RECORDED = 0.85  # of the screened children, with the term's attendance
PAID = 3  # one eligible child in PAID is paid


def fill_grant_round(conn: Connection, *, office_id: int, year_id: int, seed: int, today: date) -> int:
    """Add the round (when the term has screenings and no round yet); the payments made."""
    session = Session(bind=conn)
    rng = random.Random(seed * 104729)
    term = session.scalars(select(Term).where(Term.academic_year_id == year_id, Term.number == 1)).first()
    if term is None or session.scalars(select(GrantRound.id)).first() is not None:
        return 0
    screened = session.execute(
        select(Screening.child_id, Screening.status, Screening.level, Enrollment.level_code)
        .join(Enrollment, (Enrollment.child_id == Screening.child_id) & (Enrollment.academic_year_id == year_id))
        .where(Screening.term_id == term.id, Screening.deleted_at.is_(None), Screening.origin_office_id == office_id)
        .order_by(Screening.child_id)).all()
    if not screened:
        return 0
    pack = active_pack(session)
    year_be = session.scalar(select(AcademicYear.year_be).where(AcademicYear.id == year_id))
    levels = frozenset({PovertyLevel.EXTREME, PovertyLevel.POOR})
    rule = RoundRule(levels, 80, dict(pack.grants))
    row = GrantRound(programme=Programme.EEF.value, name=f"ทุนเสมอภาค ภาคเรียนที่ 1/{year_be} (ตัวอย่าง)", term_id=term.id,
                     levels=",".join(sorted(lv.value for lv in levels)), attendance_percent=80,
                     amounts=json.dumps(dict(pack.grants), sort_keys=True), pack=pack.label, created_by="demo",
                     origin_office_id=office_id)
    session.add(row)
    session.flush()
    paid_on = min(today, term.end_date) if term.end_date else today
    made = 0
    for child_id, status, level, class_level in screened:
        present = None
        if rng.random() < RECORDED:
            present = rng.choice((100, 98, 96, 95, 93, 90, 88, 85, 82, 80, 78, 75, 70))
            session.add(TermAttendance(child_id=child_id, term_id=term.id, days_present=present, days_open=DAYS_OPEN,
                                       recorded_by="demo", origin_office_id=office_id))
        decision = decide(ChildFacts(status, level or "", class_level or "", present,
                                     DAYS_OPEN if present is not None else None), rule)
        if decision.outcome is Outcome.ELIGIBLE and rng.randrange(PAID) == 0:
            session.add(GrantPayment(round_id=row.id, child_id=child_id, amount=decision.amount,
                                     paid_on=paid_on - timedelta(days=rng.randrange(5)), method="cash",
                                     recorded_by="demo", origin_office_id=office_id))
            made += 1
    session.flush()
    session.close()
    return made
