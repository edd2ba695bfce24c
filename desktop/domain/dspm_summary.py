"""A centre's DSPM summary for a period (a term), per screening age: how many children were
checked, on track at the first check, suspected of delay, on track after stimulation,
referred (at once, or still delayed at the re-check), and how many re-checks are waiting or
overdue. Plain rows in (as stored), no database; the printout is
reports/dspm_documents.summary_pdf.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from .dspm import Manual, Outcome, manual, recheck_due


@dataclass(frozen=True)
class CheckRow:
    child_id: int
    age_months: int
    checked_on: date
    outcome: Outcome
    is_recheck: bool = False


@dataclass(frozen=True)
class BandSummary:
    age_months: int
    checked: int = 0  # children with a first check in the period
    on_track: int = 0  # on track at the first check
    suspected: int = 0  # suspected delay at the first check (stimulate, re-check)
    on_track_after: int = 0  # ... and on track at the re-check
    referred_now: int = 0  # referred at once at the first check
    referred_teda4i: int = 0  # still delayed at the re-check
    waiting: int = 0  # suspected, not re-checked, not yet due
    overdue: int = 0  # suspected, not re-checked, past the due date

    @property
    def on_track_share(self) -> float | None:
        """On track, first time or after stimulation, of those checked (None: nobody)."""
        return None if not self.checked else (self.on_track + self.on_track_after) / self.checked


def term_summary(rows: Iterable[CheckRow], start: date, end: date, today: date,
                 m: Manual | None = None) -> list[BandSummary]:
    """One line per screening age. A first check counts when it falls in ``start``–``end``
    (a child's latest one there, if several); its re-check is the child's next re-check at
    that age, whenever it was made. Checks at the surveillance bands between the screening
    ages are left out: the term figures are the screening ages' (docs/growth-dspm.md)."""
    m = m or manual()
    firsts: dict[tuple[int, int], CheckRow] = {}
    rechecks: dict[tuple[int, int], list[CheckRow]] = {}
    screening = set(m.screening_ages)
    for r in rows:
        if r.age_months not in screening:
            continue
        key = (r.child_id, r.age_months)
        if r.is_recheck:
            rechecks.setdefault(key, []).append(r)
        elif start <= r.checked_on <= end and (key not in firsts or r.checked_on >= firsts[key].checked_on):
            firsts[key] = r
    counts = {a: dict.fromkeys(("checked", "on_track", "suspected", "on_track_after", "referred_now",
                                "referred_teda4i", "waiting", "overdue"), 0) for a in m.screening_ages}
    for key, first in firsts.items():
        c = counts.setdefault(first.age_months, dict.fromkeys(counts[m.screening_ages[0]], 0))
        c["checked"] += 1
        if first.outcome is Outcome.ON_TRACK:
            c["on_track"] += 1
        elif first.outcome is Outcome.REFER_NOW:
            c["referred_now"] += 1
        elif first.outcome is Outcome.SUSPECTED_DELAY:
            c["suspected"] += 1
            later = sorted((r for r in rechecks.get(key, []) if r.checked_on >= first.checked_on),
                           key=lambda r: r.checked_on)
            if later:
                c["on_track_after" if later[0].outcome is Outcome.ON_TRACK else "referred_teda4i"] += 1
            elif today > recheck_due(first.checked_on, m):
                c["overdue"] += 1
            else:
                c["waiting"] += 1
    return [BandSummary(age, **counts[age]) for age in sorted(counts)]


def totals(lines: Iterable[BandSummary]) -> BandSummary:
    """All screening ages together (age_months 0)."""
    fields = ("checked", "on_track", "suspected", "on_track_after", "referred_now", "referred_teda4i",
              "waiting", "overdue")
    acc = dict.fromkeys(fields, 0)
    for line in lines:
        for f in fields:
            acc[f] += getattr(line, f)
    return BandSummary(0, **acc)
