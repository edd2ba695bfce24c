"""A province's year of bundles (issue 10, "at province scale"): N municipalities, each
its own office with its own keys enrolled at one province, send one full bundle each
(children with their households, guardians, guardianships and enrolments, as the
municipal export carries them); the province imports them all, on SQLite and on
PostgreSQL, with ``services/exchange_import.import_file`` (verify, decrypt, merge by
uuid, derived keys, reconcile list, record; one transaction a bundle).

Against **raw**, in the same run and interleaved bundle by bundle: the same rows' values
(decoded untimed) through one ``executemany`` per table into the same tables of a second,
empty province database on the same backend, and a COMMIT a bundle.

Then, on the filled province: the consolidated children list's first page (with its
count) and 3-letter searches through ``children_query`` as the list calls it.

    .venv/bin/python tests/bench/bench_province_import.py --municipalities 150 \
        --children 1000000 --cache /tmp/samoe-bench/province-bundles

Municipality sizes vary like real ones (from 0.15x to 3x the mean: 1,000 to 20,000 at
the full size, the same sizes for a seed). The bundles are built first (a migrated
template copied, the demo writer, ``export_bundle``) into ``--cache`` and reused while
their makers are unchanged. PostgreSQL: the test suite's throwaway cluster
(tests/pg_cluster.py: Debian's package, ``fsync=off``) unless ``--pg-url`` names a
server on which the user may create a database. Prints the figures and writes every
bundle's measurement as JSON lines to ``--result``.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import hashlib
import json
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
for _p in (REPO, REPO / "tests", REPO / "tests" / "exchange"):
    sys.path.insert(0, str(_p))
os.environ.setdefault("SAMOE_NO_ENCRYPTION", "1")

PW = "samoe-test-password"  # tests/actors.TEST_PASSWORD: the kit's administrator
PROVINCE_SECRET = hashlib.sha256(b"samoe-bench-only/province").digest()  # the same keys on each backend
EXPORTED = datetime(2026, 11, 30, 12, 0, tzinfo=UTC)  # every bundle's "created": cached ones never expire
IMPORTED = EXPORTED + timedelta(hours=1)
TODAY = date(2026, 11, 24)
MAKERS = ("desktop/exchange", "desktop/services/exchange_wire.py", "desktop/services/exchange_export.py",
          "desktop/services/demo.py", "desktop/services/demo_data.py")
SEARCHES = ("สมช", "ชัย")


def sizes(municipalities: int, children: int, seed: int) -> list[int]:
    """``children`` split over ``municipalities``, log-normally, each within 0.15-3x the mean."""
    rng = random.Random(f"province-sizes-{seed}")
    mean = children / municipalities
    lo, hi = max(1, round(mean * 0.15)), max(1, round(mean * 3))
    weights = [rng.lognormvariate(0, 0.8) for _ in range(municipalities)]
    total = sum(weights)
    out = [min(hi, max(lo, round(w / total * children))) for w in weights]
    step = 0
    while sum(out) != children and step < 10 * children:  # move the rounding's rest to those that can take it
        i = step % municipalities
        gap = children - sum(out)
        if gap > 0 and out[i] < hi:
            out[i] += min(gap, hi - out[i], max(1, gap // municipalities))
        elif gap < 0 and out[i] > lo:
            out[i] -= min(-gap, out[i] - lo, max(1, -gap // municipalities))
        step += 1
    return out


def office_code(i: int) -> str:
    return f"64{i + 1:05d}"


def office_name(i: int) -> str:
    return f"เทศบาลตำบลทดสอบที่ {i + 1}"


def fingerprint() -> str:
    digest = hashlib.sha256()
    for name in MAKERS:
        path = REPO / name
        for f in sorted(path.rglob("*.py")) if path.is_dir() else [path]:
            digest.update(f.relative_to(REPO).as_posix().encode())
            digest.update(f.read_bytes())
    return digest.hexdigest()[:16]


def rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def load() -> float:
    return os.getloadavg()[0]


def set_up_test_mode() -> None:
    """As tests/conftest.py: set-up works as every role, cheap password hashes and key wraps
    (not what is timed)."""
    from actors import EVERY_ROLE
    from argon2 import PasswordHasher

    from desktop.services import access
    from desktop.store import cipher
    from desktop.store.db import Database

    original = Database.__post_init__

    def post_init(self: Database) -> None:
        original(self)
        if self.actor is None:
            self.set_actor(EVERY_ROLE)

    Database.__post_init__ = post_init  # type: ignore[method-assign]
    access.HASHER = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    cipher.ARGON2_TIME_COST, cipher.ARGON2_MEMORY_KIB = 1, 1024


@contextlib.contextmanager
def province_secret() -> Iterator[None]:
    """The province's keys from a fixed secret: the same on every backend and every run,
    so cached bundles (encrypted to it) stay readable."""
    from desktop.services import exchange_keys

    saved = getattr(exchange_keys, "new_secret")  # noqa: B009 (imported there, not exported)
    setattr(exchange_keys, "new_secret", lambda: PROVINCE_SECRET)  # noqa: B010
    try:
        yield
    finally:
        setattr(exchange_keys, "new_secret", saved)  # noqa: B010


def province_site(db: Any) -> Any:
    from office_kit import PROVINCE, set_up_site

    with province_secret():
        return set_up_site(db, *PROVINCE, "province")


# --------------------------------------------------------------------------- bundles


def build_bundles(folder: Path, work: Path, n_children: list[int], seed: int, fresh: bool = False) -> None:
    """One full bundle (and key card) a municipality into ``folder``, unless it holds them
    for the same sizes already (``fresh``: rebuild). Bundles made by older code are reused
    while this code verifies the first of them (a released format stays readable), so a
    change of the makers is only noted. Built aside and renamed into place: a run reading the folder never sees
    it half made."""
    from office_kit import set_up_site

    from desktop.services.demo import fill_demo
    from desktop.services.exchange_export import export_bundle
    from desktop.services.exchange_trust import enrol_card
    from desktop.store import migrate
    from desktop.store.db import Database

    meta = {"sizes": n_children, "seed": seed, "makers": fingerprint()}
    meta_path = folder / "meta.json"
    if not fresh and meta_path.exists() and all(
            (folder / f"{i:03d}.samoe").exists() for i in range(len(n_children))):
        had = json.loads(meta_path.read_text(encoding="utf-8"))
        if (had.get("sizes"), had.get("seed")) == (n_children, seed) and readable(folder):
            changed = "" if had.get("makers") == meta["makers"] else " (made by older code: --fresh rebuilds)"
            print(f"bundles: reusing {len(n_children)} in {folder}{changed}", flush=True)
            return
    building = Path(tempfile.mkdtemp(prefix=f"{folder.name}-", dir=folder.parent))
    scratch = Path(tempfile.mkdtemp(prefix="munis-", dir=work))
    template = scratch / "template.db"
    db = Database.open(template)
    migrate.upgrade(db, backup=False)
    db.dispose()
    shutil.copyfile(template, scratch / "province.db")
    province = province_site(Database.open(scratch / "province.db"))
    card = province.card
    province.db.dispose()
    started = time.perf_counter()
    for i, n in enumerate(n_children):
        path = scratch / "town.db"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        shutil.copyfile(template, path)
        town = set_up_site(Database.open(path), office_code(i), office_name(i), "municipality")
        with town.db.session() as s:
            enrol_card(s, card, now=EXPORTED - timedelta(days=1))
        fill_demo(town.db.engine, children=n, seed=seed * 1000 + i, today=TODAY)
        with town.db.session() as s:
            export_bundle(s, building / f"{i:03d}.samoe", password=PW, full=True, now=EXPORTED)
        (building / f"{i:03d}.card").write_bytes(town.card)
        town.db.dispose()
        if (i + 1) % 10 == 0 or i + 1 == len(n_children):
            print(f"bundles: {i + 1}/{len(n_children)} built, {time.perf_counter() - started:.0f} s, "
                  f"load {load():.1f}", flush=True)
    (building / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    shutil.rmtree(scratch, ignore_errors=True)
    if folder.exists():  # (a run still importing from the old folder fails: its cards are the old ones)
        old = folder.with_name(f"{folder.name}.old")
        shutil.rmtree(old, ignore_errors=True)
        folder.rename(old)
        shutil.rmtree(old, ignore_errors=True)
    building.rename(folder)


def readable(folder: Path) -> bool:
    """Whether this code verifies the folder's first bundle (an unreleased format change
    may make the cached ones unreadable)."""
    from exchange_kit import DictTrust
    from office_kit import PROVINCE

    from desktop.exchange.bundle import verify_bundle
    from desktop.exchange.key_card import read_card
    from desktop.exchange.keypair import private_keys
    from desktop.exchange.reasons import Refusal

    me = private_keys(PROVINCE_SECRET, *PROVINCE)
    try:
        verify_bundle(folder / "000.samoe", trust=DictTrust().add(read_card((folder / "000.card").read_bytes()).keys),
                      me=me.keys, box_private=me.box, chain=None, now=IMPORTED)
    except Refusal as refusal:
        print(f"bundles: the cached ones are refused by this code ({refusal.code}): building them again", flush=True)
        return False
    return True


# --------------------------------------------------------------------------- the raw side


class Raw:
    """The baseline: a second, empty province database on the same backend; each bundle's
    rows (decoded untimed) go in by one executemany a table and one COMMIT."""

    def __init__(self, db: Any, cards: list[bytes]) -> None:
        from exchange_kit import DictTrust
        from office_kit import PROVINCE

        from desktop.exchange.key_card import read_card
        from desktop.exchange.keypair import private_keys

        self.db = db
        self.trust = DictTrust()
        for raw in cards:
            self.trust.add(read_card(raw).keys)
        self.me = private_keys(PROVINCE_SECRET, *PROVINCE)
        self.next_id: dict[str, int] = {}
        self.offices = 0
        self.years: dict[int, int] = {}

    def prepare(self, path: Path) -> tuple[dict[str, list[dict[str, Any]]], int]:
        """The bundle's rows as column values with ids and references resolved (untimed);
        its office's row and academic years added."""
        from sqlalchemy import text

        from desktop.exchange.bundle import verify_bundle
        from desktop.services.exchange_wire import SYNCED, YEAR, column_values

        verified = verify_bundle(path, trust=self.trust, me=self.me.keys, box_private=self.me.box, chain=None,
                                 now=IMPORTED)
        self.offices += 1
        office = 10_000 + self.offices
        with self.db.engine.begin() as conn:
            conn.execute(text("INSERT INTO office (id, uuid, code, name, province, role, is_local, created_at, "
                              "updated_at) VALUES (:i, :u, :c, 'x', '', 'municipality', false, :t, :t)"),
                         {"i": office, "u": f"raw-{office}", "c": verified.manifest.sender_office,
                          "t": datetime(2026, 11, 1)})
            for _t, row in verified.rows(YEAR):
                if row["year"] not in self.years:
                    self.years[row["year"]] = 1000 + len(self.years)
                    conn.execute(text("INSERT INTO academic_year (id, year_be, start_date, end_date) "
                                      "VALUES (:i, :y, :s, :e)"),
                                 {"i": self.years[row["year"]], "y": row["year"],
                                  "s": date.fromisoformat(row["start"]), "e": date.fromisoformat(row["end"])})
        ids: dict[str, dict[str, int]] = {}
        out: dict[str, list[dict[str, Any]]] = {}
        for t in SYNCED:
            mine = ids.setdefault(t.name, {})
            listed = []
            for f in verified.manifest.files:
                if f.table != t.wire:
                    continue
                for row in verified.file_rows(f):
                    v = column_values(t, row)
                    v["id"] = self.next_id.get(t.name, 1)
                    self.next_id[t.name] = v["id"] + 1
                    v["origin_office_id"] = office
                    for wire, column, target in t.refs:
                        found = (self.years.get(row[wire]) if target.name == "academic_year"
                                 else ids.get(target.name, {}).get(row[wire]))
                        v[column] = found
                    mine[row["uuid"]] = v["id"]
                    listed.append(v)
            out[t.name] = listed
        return out, sum(len(v) for v in out.values())

    def insert(self, values: dict[str, list[dict[str, Any]]]) -> float:
        from desktop.services.exchange_wire import SYNCED

        started = time.perf_counter()
        with self.db.engine.begin() as conn:
            for t in SYNCED:
                if values[t.name]:
                    conn.execute(t.table.insert(), values[t.name])
        return time.perf_counter() - started


# --------------------------------------------------------------------------- backends


@contextlib.contextmanager
def databases(backend: str, work: Path, pg_url: str | None) -> Iterator[tuple[Any, Any]]:
    """(province, raw): two empty migrated databases on ``backend``."""
    from sqlalchemy import create_engine, make_url, text

    from desktop.store import migrate
    from desktop.store.db import Database

    if backend == "sqlite":
        paths = [work / "province.db", work / "raw.db"]
        for p in paths:
            for suffix in ("", "-wal", "-shm"):
                Path(f"{p}{suffix}").unlink(missing_ok=True)
        dbs = [Database.open(p) for p in paths]
        for db in dbs:
            migrate.upgrade(db, backup=False)
        try:
            yield dbs[0], dbs[1]
        finally:
            for db in dbs:
                db.dispose()
        return
    with contextlib.ExitStack() as stack:
        if pg_url is None:
            from pg_cluster import throwaway_cluster

            pg_url = stack.enter_context(throwaway_cluster())
        url = make_url(pg_url)
        admin = create_engine(url, isolation_level="AUTOCOMMIT")
        urls = [url.set(database=f"{url.database}_province"), url.set(database=f"{url.database}_raw")]
        with admin.connect() as conn:
            for u in urls:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{u.database}"'))
                conn.execute(text(f'CREATE DATABASE "{u.database}"'))
        dbs = [Database.open(u.render_as_string(hide_password=False)) for u in urls]
        for db in dbs:
            migrate.upgrade(db, backup=False)
        try:
            yield dbs[0], dbs[1]
        finally:
            for db in dbs:
                db.dispose()
            with admin.connect() as conn:
                for u in urls:
                    conn.execute(text(f'DROP DATABASE IF EXISTS "{u.database}"'))
            admin.dispose()


def size_of(db: Any) -> int:
    from sqlalchemy import text

    if db.engine.dialect.name == "sqlite":
        with contextlib.suppress(Exception), db.engine.connect() as conn:  # the WAL copied in, if it can be
            conn.exec_driver_sql("PRAGMA wal_checkpoint(PASSIVE)")
        return sum(Path(f"{db.path}{s}").stat().st_size for s in ("", "-wal") if Path(f"{db.path}{s}").exists())
    with db.engine.connect() as conn:
        return int(conn.execute(text("SELECT pg_database_size(current_database())")).scalar_one())


def timed(fn: Any, runs: int = 5) -> tuple[float, float]:
    """(the first call, the median of ``runs`` more), seconds."""
    started = time.perf_counter()
    fn()
    first = time.perf_counter() - started
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return first, statistics.median(times)


def list_figures(db: Any) -> list[dict[str, Any]]:
    """The consolidated list as ChildrenView asks for it: the first page and the count, for
    every office's children and for a 3-letter search."""
    from desktop.services.children_query import ChildFilter, count_children, page_children

    out = []
    for term in ("", *SEARCHES):
        flt = ChildFilter(search=term)
        with db.reader() as s:
            count = count_children(s, flt)
            page_first, page = timed(lambda s=s, flt=flt: page_children(s, flt, offset=0, limit=200))
            count_first, counted = timed(lambda s=s, flt=flt: count_children(s, flt))
        out.append({"kind": "list", "term": term, "matches": count, "page_first_s": page_first, "page_s": page,
                    "count_first_s": count_first, "count_s": counted, "load": load()})
    return out


def run_backend(backend: str, folder: Path, work: Path, pg_url: str | None, n: int,
                result: Any) -> dict[str, Any]:
    from desktop.services.exchange_import import import_file
    from desktop.services.exchange_trust import enrol_card

    cards = [(folder / f"{i:03d}.card").read_bytes() for i in range(n)]
    with databases(backend, work, pg_url) as (province_db, raw_db):
        province = province_site(province_db)
        started = time.perf_counter()
        with province.db.session() as s:
            for card in cards:
                enrol_card(s, card, now=EXPORTED - timedelta(days=1))
        enrol_s = time.perf_counter() - started
        raw = Raw(raw_db, cards)
        rss0 = rss_mb()
        bundles = []
        for i in range(n):
            path = folder / f"{i:03d}.samoe"
            values, rows = raw.prepare(path)
            children = len(values["child"])
            raw_s = raw.insert(values)
            del values
            gc.collect()
            started = time.perf_counter()
            with province.db.session() as s:
                imported = import_file(s, path, password=PW, now=IMPORTED)
            import_s = time.perf_counter() - started
            assert not imported.already and imported.applied["child"].get("inserted") == children, imported.applied
            record: dict[str, Any] = {"kind": "bundle", "backend": backend, "i": i, "office": office_code(i), "children": children,
                      "rows": rows, "size": path.stat().st_size, "import_s": import_s, "raw_s": raw_s,
                      "reconcile": imported.reconcile, "rss_mb": rss_mb(), "load": load()}
            bundles.append(record)
            result.write(json.dumps(record) + "\n")
            result.flush()
            if (i + 1) % 10 == 0 or i + 1 == n:
                done = bundles[-10:]
                print(f"  {backend}: {i + 1}/{n} imported; last {len(done)}: "
                      f"{sum(b['rows'] for b in done) / sum(b['import_s'] for b in done):,.0f} rows/s "
                      f"(raw {sum(b['rows'] for b in done) / sum(b['raw_s'] for b in done):,.0f}), "
                      f"RSS {record['rss_mb']:.0f} MB, load {record['load']:.1f}", flush=True)
        lists = list_figures(province.db)
        for record in lists:
            result.write(json.dumps({**record, "backend": backend}) + "\n")
        summary = summarise(backend, bundles, enrol_s, rss0, size_of(province.db), size_of(raw_db), lists)
        result.write(json.dumps(summary) + "\n")
        result.flush()
        return summary


def summarise(backend: str, bundles: list[dict[str, Any]], enrol_s: float, rss0: float, size: int, raw_size: int,
              lists: list[dict[str, Any]]) -> dict[str, Any]:
    def rate(part: list[dict[str, Any]], key: str) -> float:
        return float(sum(b["rows"] for b in part) / sum(b[key] for b in part))

    third = max(1, len(bundles) // 3)
    slowest = max(bundles, key=lambda b: b["import_s"])
    slowest_rate = min(bundles, key=lambda b: b["rows"] / b["import_s"])
    total, raw_total = sum(b["import_s"] for b in bundles), sum(b["raw_s"] for b in bundles)
    return {
        "kind": "summary", "backend": backend, "bundles": len(bundles),
        "children": sum(b["children"] for b in bundles), "rows": sum(b["rows"] for b in bundles),
        "bundle_bytes": sum(b["size"] for b in bundles), "import_s": total, "raw_s": raw_total,
        "ratio": total / raw_total, "enrol_s": enrol_s,
        "first_third_rows_per_s": rate(bundles[:third], "import_s"),
        "last_third_rows_per_s": rate(bundles[-third:], "import_s"),
        "raw_first_third_rows_per_s": rate(bundles[:third], "raw_s"),
        "raw_last_third_rows_per_s": rate(bundles[-third:], "raw_s"),
        "slowest": {k: slowest[k] for k in ("i", "office", "children", "rows", "import_s", "raw_s")},
        "slowest_rate": {k: slowest_rate[k] for k in ("i", "office", "children", "rows", "import_s", "raw_s")},
        "reconcile": sum(b["reconcile"] for b in bundles), "size": size, "raw_size": raw_size,
        "rss_start_mb": rss0, "rss_end_mb": bundles[-1]["rss_mb"], "rss_max_mb": max(b["rss_mb"] for b in bundles),
        "load_min": min(b["load"] for b in bundles), "load_max": max(b["load"] for b in bundles),
        "lists": lists,
    }


def show(s: dict[str, Any]) -> None:
    mb = 1e6
    print(f"\n== {s['backend']}: {s['bundles']} bundles, {s['children']:,} children, {s['rows']:,} rows, "
          f"bundles {s['bundle_bytes'] / mb:,.0f} MB; load {s['load_min']:.1f}-{s['load_max']:.1f}")
    print(f"import   {s['import_s']:8.1f} s  {s['rows'] / s['import_s']:9,.0f} rows/s  "
          f"{s['children'] / s['import_s']:8,.0f} children/s")
    print(f"raw      {s['raw_s']:8.1f} s  {s['rows'] / s['raw_s']:9,.0f} rows/s   ratio {s['ratio']:.2f}x")
    print(f"rows/s along the way (first third -> last third of the bundles): import "
          f"{s['first_third_rows_per_s']:,.0f} -> {s['last_third_rows_per_s']:,.0f}, raw "
          f"{s['raw_first_third_rows_per_s']:,.0f} -> {s['raw_last_third_rows_per_s']:,.0f}")
    for label, b in (("slowest bundle", s["slowest"]), ("slowest rate", s["slowest_rate"])):
        print(f"{label}: #{b['i']} ({b['office']}, {b['children']:,} children, {b['rows']:,} rows) "
              f"{b['import_s']:.2f} s ({b['rows'] / b['import_s']:,.0f} rows/s), raw {b['raw_s']:.2f} s")
    print(f"province database {s['size'] / mb:,.0f} MB (raw {s['raw_size'] / mb:,.0f} MB); "
          f"RSS {s['rss_start_mb']:.0f} -> {s['rss_end_mb']:.0f} MB (max {s['rss_max_mb']:.0f}); "
          f"{s['enrol_s']:.1f} s to enrol the cards; reconcile pairs {s['reconcile']}")
    for f in s["lists"]:
        what = f"search {f['term']!r}" if f["term"] else "first page"
        print(f"list {what:14} ({f['matches']:,} matches): page {f['page_s'] * 1000:7.1f} ms "
              f"(first call {f['page_first_s'] * 1000:.1f}), count {f['count_s'] * 1000:7.1f} ms "
              f"(first {f['count_first_s'] * 1000:.1f}); load {f['load']:.1f}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--municipalities", type=int, default=150)
    ap.add_argument("--children", type=int, default=1_000_000, help="in all")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--backends", default="sqlite,pg", help="sqlite, pg or both (comma-separated)")
    ap.add_argument("--pg-url", default=None, help="an existing server (else a throwaway cluster)")
    ap.add_argument("--work", type=Path, default=Path("/tmp/samoe-bench/province"))
    ap.add_argument("--cache", type=Path, default=None, help="built bundles, reused (default: WORK/bundles)")
    ap.add_argument("--result", type=Path, default=None, help="JSON lines (default: WORK/result.jsonl)")
    ap.add_argument("--fresh", action="store_true", help="build the bundles again")
    ap.add_argument("--build-only", action="store_true")
    args = ap.parse_args()
    backends = [b.strip() for b in args.backends.split(",") if b.strip()]
    if not backends or any(b not in ("sqlite", "pg") for b in backends):
        ap.error("--backends: sqlite, pg")
    set_up_test_mode()
    args.work.mkdir(parents=True, exist_ok=True)
    folder = args.cache or args.work / "bundles"
    n_children = sizes(args.municipalities, args.children, args.seed)
    print(f"{args.municipalities} municipalities, {sum(n_children):,} children "
          f"({min(n_children):,}-{max(n_children):,}, median {statistics.median(n_children):,.0f}); "
          f"load {load():.1f}", flush=True)
    started = time.perf_counter()
    folder.parent.mkdir(parents=True, exist_ok=True)
    build_bundles(folder, args.work, n_children, args.seed, args.fresh)
    print(f"bundles ready in {time.perf_counter() - started:.0f} s", flush=True)
    if args.build_only:
        return
    result_path = args.result or args.work / "result.jsonl"
    with result_path.open("w", encoding="utf-8") as result:
        summaries = [run_backend(b, folder, args.work, args.pg_url, args.municipalities, result) for b in backends]
    for s in summaries:
        show(s)
    print("\n(the list figures: the first call on a new session, then the median of 5; the count is what the list "
          "shows beside the page)")


if __name__ == "__main__":
    main()
