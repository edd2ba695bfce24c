"""The grant round's window at 20k children (issue 11), against same-run baselines:

- the window's lists (eligible list, payments, reconciliation from the same eligible list)
  against the eligible list alone (the reconciliation must not cost a second pass);
- the eligible tab showing 20,001 rows (a model) against a plain QTableWidget filled with
  the same cells (what the tab did first);
- the service's checks of one payment to 5,000 children (dry run) and the payment itself.

    QT_QPA_PLATFORM=offscreen nice -n 10 .venv/bin/python tests/bench/bench_grant_window.py [--children 22000]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT), str(ROOT / "tests"), str(ROOT / "tests" / "bench")]


def _median(work: Callable[[], Any], times: int = 3) -> float:
    taken = []
    for _ in range(times):
        t = time.perf_counter()
        work()
        taken.append(time.perf_counter() - t)
    return statistics.median(taken)


def _round(db: Any) -> int:
    """Term 1's screenings scored, most certified, 90% with the term's attendance: a round of both levels."""
    import random

    from sqlalchemy import text

    from desktop.domain.grants import Programme
    from desktop.domain.screening import PovertyLevel
    from desktop.services import rulepacks
    from desktop.services.grants import RoundValues, create_round

    rng = random.Random(3)
    with db.session() as s:
        rulepacks.rescore(s, rulepacks.active_pack(s).label)  # the bench's screenings are not scored yet
        year = s.execute(text("SELECT academic_year_id FROM term ORDER BY id LIMIT 1")).scalar()
        first = s.execute(text("SELECT id FROM term WHERE academic_year_id = :y AND number = 1"), {"y": year}).scalar()
        s.execute(text("UPDATE screening SET status = CASE WHEN id % 10 < 8 THEN 'certified' ELSE 'submitted' END "
                       "WHERE term_id = :t"), {"t": first})
        office = s.execute(text("SELECT id FROM office WHERE is_local")).scalar()
        rows = [{"u": f"00000000-0000-4000-a000-{cid:012d}", "c": cid, "t": first, "p": rng.randint(60, 100), "o": office}
                for (cid,) in s.execute(text("SELECT child_id FROM screening WHERE term_id = :t"), {"t": first})
                if rng.random() < 0.9]
        s.execute(text("INSERT INTO term_attendance (uuid, version, created_at, updated_at, origin_office_id, "
                       "child_id, term_id, days_present, days_open, recorded_by) VALUES (:u, 1, '2026-12-01', "
                       "'2026-12-01', :o, :c, :t, :p, 100, '')"), rows)
        year_be, number = s.execute(text("SELECT y.year_be, t.number FROM term t JOIN academic_year y "
                                         "ON y.id = t.academic_year_id WHERE t.id = :t"), {"t": first}).one()
        return create_round(s, RoundValues(Programme.EEF, "bench", int(year_be), int(number),
                                           frozenset({PovertyLevel.POOR, PovertyLevel.EXTREME}), 80))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--children", type=int, default=22_000)
    args = ap.parse_args()
    from bench_screening import _fill, _sign_in_everyone

    _sign_in_everyone()
    from PySide6.QtWidgets import QApplication, QTableWidget, QTableWidgetItem

    from desktop.domain.grants import Outcome
    from desktop.gui.views.grant_eligible_tab import EligibleTab
    from desktop.gui.views.grant_round_window import load_lists
    from desktop.services.demo import fill_demo
    from desktop.services.grants import eligibility
    from desktop.services.grants_payments import record_payments
    from desktop.store import migrate
    from desktop.store.db import Database

    app = QApplication.instance() or QApplication([])
    work = Path(tempfile.mkdtemp(prefix="samoe-bench-grants-"))
    db = Database.open(work / "grants.db")
    migrate.upgrade(db, backup=False)
    t = time.perf_counter()
    fill_demo(db.engine, children=args.children, seed=1, today=date(2026, 11, 30))
    _fill(db, args.children, 1)
    rid = _round(db)
    print(f"built {args.children:,} children, their screenings and a round in {time.perf_counter() - t:.1f} s", flush=True)

    class Ctx:
        pass

    ctx: Any = Ctx()
    ctx.db = db

    def eligible_only() -> None:
        with db.reader() as s:
            eligibility(s, rid)

    lists = load_lists(ctx, rid)
    rows = lists.eligible
    counts = {o.value: sum(1 for r in rows if r.outcome is o) for o in Outcome}
    alone = _median(eligible_only)  # first: the window's lists then find the same caches
    ours = _median(lambda: load_lists(ctx, rid))
    print(f"window's lists of a {len(rows):,}-child round ({counts}): {ours:.2f} s, the eligible list alone "
          f"{alone:.2f} s, ratio {ours / alone:.2f}", flush=True)

    tab = EligibleTab(ctx)
    tab.resize(1000, 600)
    tab.show()

    def model_fill() -> None:
        tab.show_rows(rows)
        app.processEvents()

    def items_fill() -> None:
        table = QTableWidget(len(rows), 8)
        table.setSortingEnabled(False)
        for n, r in enumerate(rows):
            for c, text in enumerate(cell[0] for cell in tab._cells(r)):
                table.setItem(n, c, QTableWidgetItem(text))
        table.setSortingEnabled(True)
        table.show()
        app.processEvents()
        table.deleteLater()

    ours, base = _median(model_fill), _median(items_fill)
    print(f"eligible tab, {len(rows):,} rows: model {ours:.2f} s, QTableWidget items {base:.2f} s, "
          f"ratio {ours / base:.2f}", flush=True)
    eligible = [r.child_uuid for r in rows if r.outcome is Outcome.ELIGIBLE][:5000]

    def check() -> None:
        with db.reader() as s:
            record_payments(s, rid, eligible, paid_on=date(2026, 12, 1), method="cash", dry_run=True)

    checked = _median(check)
    t = time.perf_counter()
    with db.session() as s:
        record_payments(s, rid, eligible, paid_on=date(2026, 12, 1), method="cash")
    paid = time.perf_counter() - t
    print(f"one payment to {len(eligible):,} children: checks {checked:.2f} s (median of 3), recorded in {paid:.2f} s "
          f"(the eligible list alone, {alone:.2f} s, is part of both)", flush=True)
    db.dispose()
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
