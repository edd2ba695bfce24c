"""The poverty screening against the same work in plain pandas in the same run (issue 11):

1. **re-score** N screenings (default 100k) with a rule pack: ``rulepacks.rescore``'s two
   statements (the preview of who changes class, then the one UPDATE of
   services/screening_bulk.py), against **pandas**: the same two tables read with
   ``read_sql`` and the same rule computed on the frames (each answer's points mapped, the
   members grouped, the dependants' cap, the floor, the income test, the bands). The two
   must give the same levels. Goal: within 2x.
2. **a form**: open (a screening's answers and members read) and save (``save_screening``
   of one child, scored, audited, committed) at that size. Goal: under 100 ms each.
3. **eligibility** of a round of ``--round-children`` (default 20k) screened children, most
   certified, with their term's attendance: ``grants.eligibility`` (every child in, held or
   out with the reason) against **pandas**: the same screenings, enrolments, attendance and
   payments read with ``read_sql``, merged and decided on the frames (the outcomes must
   agree). Goal: within 2x.

    .venv/bin/python tests/bench/bench_screening.py --screenings 100000

The registry comes from the demo loader; the screenings are written with one
``executemany`` (random answers, 1-7 members each).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests"))
os.environ.setdefault("SAMOE_NO_ENCRYPTION", "1")


def _sign_in_everyone() -> None:
    from actors import EVERY_ROLE

    from desktop.store.db import Database

    original = Database.__post_init__

    def post_init(self: Database) -> None:
        original(self)
        if self.actor is None:
            self.set_actor(EVERY_ROLE)

    Database.__post_init__ = post_init  # type: ignore[method-assign]


def _fill(db: Any, n: int, seed: int) -> None:
    from desktop.domain.screening_form import CHOICES, OWNED

    rng = random.Random(seed)
    raw = db.engine.raw_connection()
    try:
        cur = raw.cursor()
        children = [r[0] for r in cur.execute("SELECT id FROM child ORDER BY id LIMIT ?", (n,))]
        term = cur.execute("SELECT id FROM term ORDER BY id LIMIT 1").fetchone()[0]
        office = cur.execute("SELECT id FROM office WHERE is_local LIMIT 1").fetchone()[0]
        now = "2026-11-30 08:00:00.000000"
        screenings, members = [], []
        for i, child in enumerate(children, start=1):
            screenings.append((i, f"00000000-0000-4000-8000-{i:012d}", 1, now, now, office, child, term,
                               rng.choice(list(CHOICES["tenure"])), rng.choice(list(CHOICES["housing"])),
                               rng.choice(list(CHOICES["land"])), rng.choice((0, 3, 8)),
                               rng.choice(list(CHOICES["water"])), rng.choice(list(CHOICES["electricity"])),
                               int(rng.random() < 0.2),
                               ",".join(sorted(rng.sample(list(OWNED["vehicles"]), rng.randint(0, 2)))),
                               ",".join(sorted(rng.sample(list(OWNED["appliances"]), rng.randint(0, 4))))))
            for p in range(rng.randint(1, 7)):
                members.append((f"00000000-0000-4000-9000-{len(members) + 1:012d}", 1, now, now, office, i, p + 1,
                                f"คน {p}", rng.choice((5, 9, 16, 35, 44, 62, 70)),
                                rng.choice((0, 0, 1500, 3000, 4500, 9000)), int(rng.random() < 0.05),
                                int(rng.random() < 0.2)))
        cur.execute("BEGIN")  # the pool's connection autocommits: one transaction, not one per row
        cur.executemany(
            "INSERT INTO screening (id, uuid, version, created_at, updated_at, origin_office_id, child_id, term_id, "
            "tenure, housing, land, land_rai, water, electricity, single_parent, vehicles, appliances, status, "
            "travel_means, no_photo_reason, note, level, members_count, pack, recorded_by, submitted_by, "
            "returned_by, returned_reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'draft', "
            "'', '', '', '', 0, '', '', '', '', '')", screenings)
        cur.executemany(
            "INSERT INTO screening_member (uuid, version, created_at, updated_at, origin_office_id, screening_id, "
            "position, name, age, monthly_income, disabled, unemployed, relation, occupation, chronic_illness) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '', '', 0)", members)
        cur.execute("COMMIT")
    finally:
        raw.close()


def _pandas(path: Path, pack: Any) -> Any:
    """The rule on frames: the same levels as the SQL (checked by the caller)."""
    import sqlite3

    import numpy as np
    import pandas as pd

    from desktop.domain.screening_form import ELDERLY_OVER, OWNED, WORKING_AGES

    conn = sqlite3.connect(path)
    try:
        s = pd.read_sql("SELECT id, tenure, housing, land, land_rai, water, electricity, single_parent, vehicles, "
                        "appliances FROM screening WHERE deleted_at IS NULL", conn)
        m = pd.read_sql("SELECT screening_id, age, monthly_income, disabled, unemployed FROM screening_member "
                        "WHERE deleted_at IS NULL", conn)
    finally:
        conn.close()
    low, high = WORKING_AGES
    m["elderly"] = m["age"] > ELDERLY_OVER
    m["jobless"] = m["unemployed"].astype(bool) & m["age"].between(low, high)
    g = m.groupby("screening_id").agg(n=("age", "size"), income=("monthly_income", "sum"),
                                      disabled=("disabled", "sum"), elderly=("elderly", "sum"),
                                      jobless=("jobless", "sum"))
    s = s.join(g, on="id", how="inner")
    dep = pack.points["dependants"]
    owed = (s["disabled"] * dep["disabled"] + s["elderly"] * dep["elderly"] + s["jobless"] * dep["unemployed"]
            + s["single_parent"] * dep["single_parent"])
    score = np.minimum(owed, pack.dependants_max)
    for dimension in ("tenure", "housing", "water", "electricity"):
        score = score + s[dimension].map(dict(pack.points[dimension]))
    land = s["land"].where(~((s["land"] == "owned") & (s["land_rai"] < pack.small_land_rai)), "owned_small")
    score = score + land.map(dict(pack.points["land"]))
    for dimension in ("vehicles", "appliances"):
        points = pack.points[dimension]
        owned = sum(s[dimension].str.contains(rf"(?:^|,){c}(?:,|$)", regex=True) * points[c]
                    for c in OWNED[dimension])
        score = score + np.where(s[dimension] == "", points["none"], owned)
    score = np.maximum(score, 0)
    level = np.select([s["income"] > pack.income_threshold * s["n"], score >= pack.extreme_min,
                       score >= pack.poor_min], ["not_poor", "extreme", "poor"], "not_poor")
    return dict(zip(s["id"].tolist(), level.tolist(), strict=True))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--screenings", type=int, default=100_000)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--round-children", type=int, default=20_000)
    ap.add_argument("--work", type=Path, default=None)
    args = ap.parse_args()
    _sign_in_everyone()
    from sqlalchemy import select

    from desktop.domain.rulepack import parse_pack
    from desktop.domain.screening_form import Answers, Member
    from desktop.paths import resource_path
    from desktop.services import rulepacks
    from desktop.services.demo import fill_demo
    from desktop.services.screening_rows import answers_of, members_of
    from desktop.services.screenings import ScreeningValues, save_screening
    from desktop.store import migrate
    from desktop.store.db import Database
    from desktop.store.models import AcademicYear, Child, Enrollment
    from desktop.store.screening_state import Screening

    work = args.work or Path(tempfile.mkdtemp(prefix="samoe-bench-screening-"))
    path = work / f"screening-{args.screenings}.db"
    path.unlink(missing_ok=True)
    db = Database.open(path)
    migrate.upgrade(db, backup=False)
    t = time.perf_counter()
    fill_demo(db.engine, children=args.screenings, seed=1, today=date(2026, 11, 30))
    _fill(db, args.screenings, 1)
    print(f"built {args.screenings:,} children and screenings in {time.perf_counter() - t:.1f} s", flush=True)
    data = json.loads(resource_path("rulepacks", "samoe-illustrative-v1.json").read_bytes())
    packs = [parse_pack(data | {"version": v, "bands": {"poor": 10 + v, "extreme": 25 - v}}) for v in (2, 3)]
    with db.session() as s:
        for pack, value in zip(packs, (data | {"version": 2}, data | {"version": 3}), strict=True):
            rulepacks.add_pack(s, pack, value | {"bands": {"poor": pack.poor_min, "extreme": pack.extreme_min}})
    ours, theirs = [], []
    for r in range(args.rounds):
        pack = packs[r % 2]
        t = time.perf_counter()
        with db.session() as s:
            changed = rulepacks.rescore(s, pack.label)
        ours.append(time.perf_counter() - t)
        t = time.perf_counter()
        levels = _pandas(path, pack)
        theirs.append(time.perf_counter() - t)
        with db.reader() as s:
            stored = dict(s.execute(select(Screening.id, Screening.level)).tuples().all())
        assert stored == levels, "pandas and the SQL disagree"
        print(f"round {r + 1}: rescore {ours[-1]:.2f} s ({len(changed):,} changed), pandas {theirs[-1]:.2f} s",
              flush=True)
    med_ours, med_theirs = statistics.median(ours), statistics.median(theirs)
    print(f"re-score {args.screenings:,}: samoe {med_ours:.2f} s, pandas {med_theirs:.2f} s, "
          f"ratio {med_ours / med_theirs:.2f} (goal <= 2)")
    with db.reader() as s:
        child, year = s.execute(select(Child.uuid, AcademicYear.year_be).join(Enrollment, Enrollment.child_id == Child.id)
                                .join(AcademicYear, AcademicYear.id == Enrollment.academic_year_id)
                                .order_by(Child.id.desc()).limit(1)).one()
        sid = s.scalars(select(Screening.id).order_by(Screening.id.desc()).limit(1)).one()
    opens, saves = [], []
    for i in range(7):
        t = time.perf_counter()
        with db.reader() as s:
            screening = s.get(Screening, sid)
            assert screening is not None
            answers_of(screening), members_of(s, sid)
        opens.append(time.perf_counter() - t)
        t = time.perf_counter()
        with db.session() as s:
            save_screening(s, ScreeningValues(
                str(child), int(year), 2, Answers("rent", "worn", "none", "well", "own_meter"),
                (Member("แม่", "แม่", 35, monthly_income=3000 + i), Member("เด็ก", "บุตร", 9)),
                lat_e6=14_900_000, lon_e6=102_000_000))
        saves.append(time.perf_counter() - t)
    print(f"form at {args.screenings:,}: open {statistics.median(opens) * 1000:.1f} ms, "
          f"save {statistics.median(saves) * 1000:.1f} ms (goal < 100 ms each; median of 7)")
    _eligibility_figure(db, path, min(args.round_children, args.screenings))
    db.dispose()


def _eligibility_frames(path: Path, round_id: int) -> dict[str, str]:
    """The same decision in pandas: child uuid -> outcome."""
    import sqlite3

    import numpy as np
    import pandas as pd

    conn = sqlite3.connect(path)
    try:
        r = pd.read_sql("SELECT term_id, levels, attendance_percent, amounts FROM grant_round WHERE id = ?", conn,
                        params=(round_id,)).iloc[0]
        year = conn.execute("SELECT academic_year_id FROM term WHERE id = ?", (int(r.term_id),)).fetchone()[0]
        s = pd.read_sql("SELECT s.child_id, c.uuid, s.status, s.level FROM screening s JOIN child c ON c.id = s.child_id "
                        "WHERE s.term_id = ? AND s.deleted_at IS NULL AND c.deleted_at IS NULL", conn,
                        params=(int(r.term_id),))
        e = pd.read_sql("SELECT child_id, level_code FROM enrollment WHERE academic_year_id = ? AND deleted_at IS NULL",
                        conn, params=(year,))
        a = pd.read_sql("SELECT child_id, days_present, days_open FROM term_attendance WHERE term_id = ? "
                        "AND deleted_at IS NULL", conn, params=(int(r.term_id),))
    finally:
        conn.close()
    amounts = json.loads(r.amounts)
    f = s.merge(e, on="child_id", how="left").merge(a, on="child_id", how="left")
    amount = f["level_code"].map(amounts).fillna(0)
    levels = set(str(r.levels).split(","))
    certified = f["status"] == "certified"
    paid_level = f["level"].isin(levels)
    has_class = f["level_code"].notna() & (amount > 0)
    recorded = f["days_present"].notna() & (f["days_open"] > 0)
    attends = f["days_present"] * 100 >= int(r.attendance_percent) * f["days_open"]
    outcome = np.select([~certified | ~paid_level | ~has_class, ~recorded | ~attends],
                        ["out", "held"], "eligible")
    return dict(zip(f["uuid"].tolist(), outcome.tolist(), strict=True))


def _eligibility_figure(db: Any, path: Path, children: int) -> None:
    from sqlalchemy import text

    from desktop.domain.grants import Programme
    from desktop.domain.screening import PovertyLevel
    from desktop.services.grants import RoundValues, create_round, eligibility

    rng = random.Random(3)
    with db.session() as s:
        year = s.execute(text("SELECT academic_year_id FROM term ORDER BY id LIMIT 1")).scalar()
        second = s.execute(text("SELECT id FROM term WHERE academic_year_id = :y AND number = 2"), {"y": year}).scalar()
        first = s.execute(text("SELECT id FROM term WHERE academic_year_id = :y AND number = 1"), {"y": year}).scalar()
        s.execute(text("UPDATE screening SET term_id = :t WHERE id > :n AND child_id NOT IN "
                       "(SELECT child_id FROM screening WHERE term_id = :t)"), {"t": second, "n": children})
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
        rid = create_round(s, RoundValues(Programme.EEF, "bench", int(year_be), int(number),
                                          frozenset({PovertyLevel.POOR, PovertyLevel.EXTREME}), 80))
    ours, theirs = [], []
    for _ in range(3):
        t = time.perf_counter()
        with db.reader() as s:
            got = {r.child_uuid: r.outcome.value for r in eligibility(s, rid)}
        ours.append(time.perf_counter() - t)
        t = time.perf_counter()
        expected = _eligibility_frames(path, rid)
        theirs.append(time.perf_counter() - t)
        assert got == expected, "pandas and grants.eligibility disagree"
    counts = {k: sum(1 for v in got.values() if v == k) for k in ("eligible", "held", "out")}
    med_ours, med_theirs = statistics.median(ours), statistics.median(theirs)
    print(f"eligibility of a {len(got):,}-child round ({counts}): samoe {med_ours:.2f} s, pandas {med_theirs:.2f} s, "
          f"ratio {med_ours / med_theirs:.2f} (goal <= 2)")


if __name__ == "__main__":
    main()
