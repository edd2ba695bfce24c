"""A municipality with poverty screenings (the demo's: certified, handed in, drafts,
returned; some with house photos), a grant round of term 1/2569 paying the poor and the
extremely poor, the term's attendance of every certified child (one below the threshold)
and payments to some eligible children: made by the real services (issue 11)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from office_kit import TODAY, Site, make_site
from sqlalchemy import select

from desktop.domain.grants import Outcome, Programme
from desktop.domain.screening import PovertyLevel
from desktop.services.demo import fill_demo
from desktop.services.grants import (
    RoundValues,
    create_round,
    eligibility,
    record_attendance,
    record_payment,
)
from desktop.store.models import Child
from desktop.store.screening_state import Screening

YEAR_BE = 2569  # TODAY's academic year
TERM = 1


@dataclass(frozen=True)
class Grants:
    round_id: int
    attended: int  # children whose attendance was recorded
    paid: list[tuple[str, int]]  # (child uuid, baht)


def make_screened_site(path: Path, code: str, name: str, *, children: int = 60, seed: int = 21) -> Site:
    """A municipality whose demo registry has screenings (fill_demo(screenings=True))."""
    site = make_site(path, code, name, "municipality")
    fill_demo(site.db.engine, children=children, seed=seed, today=TODAY, screenings=True)
    return site


def add_grants(site: Site, *, pay: int = 3, paid_on: date = TODAY) -> Grants:
    """One round (EEF, poor and extremely poor, 80%), attendance of every certified child
    (the first one at 50%: held), and ``pay`` payments (one transfer)."""
    with site.db.session() as s:
        round_id = create_round(s, RoundValues(Programme.EEF, "ทุนเสมอภาค ภาคเรียน 1/2569", YEAR_BE, TERM,
                                               frozenset({PovertyLevel.POOR, PovertyLevel.EXTREME}), 80))
        certified = s.scalars(select(Child.uuid).join(Screening, Screening.child_id == Child.id)
                              .where(Screening.status == "certified", Screening.deleted_at.is_(None))
                              .order_by(Child.id)).all()
        rows = [(u, 50 if i == 0 else 95, 100) for i, u in enumerate(certified)]
        record_attendance(s, YEAR_BE, TERM, rows)
    paid: list[tuple[str, int]] = []
    with site.db.session() as s:
        eligible = [e for e in eligibility(s, round_id) if e.outcome is Outcome.ELIGIBLE]
        for n, e in enumerate(eligible[:pay]):
            method, ref = ("transfer", f"TR-{n:04d}") if n == 0 else ("cash", "")
            record_payment(s, round_id, e.child_uuid, amount=e.amount, paid_on=paid_on, method=method, reference=ref)
            paid.append((e.child_uuid, e.amount))
    return Grants(round_id, len(rows), paid)
