"""What issue 11's records cost the exchange: a demo municipality's full export and the
province's import **with** its screenings (members, certifications, photos' hashes), a
grant round, the term's attendance and payments, against the **same** municipality
(same seed: the same children, households, guardians, enrolments) **without** them, in
the same run, taken in turn.

    .venv/bin/python tests/bench/bench_exchange_screening.py --children 2000 --rounds 3

Prints, per round, the seconds of export and import with and without, the rows and bundle
sizes, and the ratios (medians at the end), with the load.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests"))
sys.path.insert(0, str(REPO / "tests" / "exchange"))
os.environ.setdefault("SAMOE_NO_ENCRYPTION", "1")

PW = "samoe-test-password"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--children", type=int, default=2000)
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()

    from actors import EVERY_ROLE
    from argon2 import PasswordHasher

    from desktop.services import access
    from desktop.store import cipher
    from desktop.store.db import Database

    original = Database.__post_init__

    def post_init(self: Database) -> None:  # as tests/conftest.py: set-up works as every role
        original(self)
        if self.actor is None:
            self.set_actor(EVERY_ROLE)

    Database.__post_init__ = post_init  # type: ignore[method-assign]
    access.HASHER = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    cipher.ARGON2_TIME_COST, cipher.ARGON2_MEMORY_KIB = 1, 1024

    from office_kit import PROVINCE, TODAY, TOWN_A, TOWN_B, Site, make_site, trust_each_other
    from screening_kit import add_grants

    from desktop.services.demo import fill_demo
    from desktop.services.exchange_export import export_bundle
    from desktop.services.exchange_import import import_file

    work = Path(tempfile.mkdtemp(prefix="bench-screening-"))
    os.environ["SAMOE_HOME"] = str(work / "home")
    try:
        plain = make_site(work / "plain.db", *TOWN_B, "municipality")
        fill_demo(plain.db.engine, children=args.children, seed=7, today=TODAY)
        screened = make_site(work / "screened.db", *TOWN_A, "municipality")
        result = fill_demo(screened.db.engine, children=args.children, seed=7, today=TODAY, screenings=True)
        grants = add_grants(screened, pay=50)
        print(f"{args.children:,} children; {result.screenings:,} screenings, attendance of {grants.attended:,}, "
              f"{len(grants.paid)} payments; load {os.getloadavg()[0]:.1f}")
        times: dict[str, list[float]] = {k: [] for k in ("export_plain", "export_screened", "import_plain",
                                                         "import_screened")}
        templates = {}  # a municipality trusts one province key: each round imports into a copy of its province
        for label, site in (("plain", plain), ("screened", screened)):
            template = make_site(work / f"p-{label}.db", *PROVINCE, "province")
            trust_each_other(template, site)
            template.db.dispose()
            templates[label] = template.path
        for n in range(args.rounds):
            for label, site in (("plain", plain), ("screened", screened)):
                copy = work / f"p-{label}-{n}.db"
                shutil.copyfile(templates[label], copy)
                province = Site(Database.open(copy), PROVINCE[0], PROVINCE[1], b"")
                province.reopen()  # signed in as its administrator, who holds the keys
                out = work / f"{label}-{n}.samoe"
                started = time.perf_counter()
                with site.db.session() as s:
                    made = export_bundle(s, out, password=PW, full=True)
                exported = time.perf_counter() - started
                started = time.perf_counter()
                with province.db.session() as s:
                    import_file(s, out, password=PW)
                imported = time.perf_counter() - started
                province.db.dispose()
                times[f"export_{label}"].append(exported)
                times[f"import_{label}"].append(imported)
                rows = sum(made.counts.values())
                print(f"round {n + 1} {label:>8}: {rows:>7,} rows, {made.size / 1e6:5.2f} MB; "
                      f"export {exported:6.2f} s, import {imported:6.2f} s; load {os.getloadavg()[0]:.1f}")
        med = {k: statistics.median(v) for k, v in times.items()}
        print(f"median export: without {med['export_plain']:.2f} s, with {med['export_screened']:.2f} s "
              f"({med['export_screened'] / med['export_plain']:.2f}x)")
        print(f"median import: without {med['import_plain']:.2f} s, with {med['import_screened']:.2f} s "
              f"({med['import_screened'] / med['import_plain']:.2f}x)")
        for site in (plain, screened):
            site.db.dispose()
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
