"""Run every registry benchmark and print one table (samoe, baseline, ratio, goal).

    .venv/bin/python tests/bench/run.py [--sizes 100000 1000000] [--out DIR] [--fresh]

Databases are generated once into the work directory (default /tmp/samoe-bench) and reused
by later runs, with the write figures measured when they were made; ``--fresh`` rebuilds
them (and so measures the write rate again). Every measurement runs in a subprocess with a
timeout; a figure that times out is reported as such rather than waited for.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import shutil
import sqlite3
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import (  # noqa: E402
    CRASHED,
    DEFAULT_WORK,
    REPO,
    SEED,
    Row,
    SubResult,
    fmt_size,
    markdown_table,
    run_bench,
    text_table,
)

SORT_KEYS = ("name", "last_name", "birth_date", "age", "ident", "sex", "institution", "level",
             "classroom")
PAINT_GOAL_S = 0.1
SEARCH_GOAL_S = 0.020
RSS_GOAL_MB = 200
START_GOAL_S = 1.5
WRITE_GOAL_RATIO = 0.5


class Report:
    def __init__(self) -> None:
        self.rows: list[Row] = []
        self.notes: list[str] = []

    def add(self, row: Row) -> None:
        self.rows.append(row)
        print("  " + " | ".join(c for c in _short(row)), flush=True)

    def note(self, text: str) -> None:
        self.notes.append(text)


def _short(row: Row) -> list[str]:
    from _common import table_cells

    return table_cells(row)


def _ms(x: float | None) -> float | None:
    return None if x is None else x * 1000


def _get(res: SubResult, kind: str, **match: Any) -> dict[str, Any] | None:
    return res.one(kind, **match)


def _status_note(res: SubResult) -> str:
    return "" if res.status == "ok" else f"samoe subprocess: {res.status}"


def _calls_text(calls: list[dict[str, Any]]) -> str:
    parts = []
    for c in calls:
        where = f" offset {c['offset']}" if c.get("offset") else ""
        how = " on a worker" if c.get("thread") == "worker" else ""
        stopped = " (stopped: budget)" if c.get("stopped") else ""
        parts.append(f"{c['q']}{where}{how} {c['s'] * 1000:.1f} ms{stopped}")
    return ", ".join(parts)


# ---------------------------------------------------------------- 1. writes
# A database is reused only while the code that made it is unchanged: the schema
# (migrations, models) and the demo writer. Otherwise it is rebuilt and remeasured.
FINGERPRINTED = (
    "desktop/store/migrations/versions",
    "desktop/store/models.py",
    "desktop/services/demo.py",
    "desktop/services/demo_data.py",
)


def code_fingerprint() -> str:
    digest = hashlib.sha256()
    for name in FINGERPRINTED:
        path = REPO / name
        for f in sorted(path.rglob("*.py")) if path.is_dir() else [path]:
            digest.update(f.relative_to(REPO).as_posix().encode())
            digest.update(f.read_bytes())
    return digest.hexdigest()[:16]


def ensure_db(n: int, work: Path, fresh: bool, report: Report) -> Path | None:
    db = work / f"samoe-{n}.db"
    meta_path = work / f"samoe-{n}.json"
    meta: dict[str, Any] | None = None
    if not fresh and db.exists() and meta_path.exists():
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        if meta.get("children") != n or meta.get("seed") != SEED:
            meta = None
        elif meta.get("code") != code_fingerprint():
            print(
                f"[{fmt_size(n)}] schema or demo writer changed since {meta.get('when')}: "
                "rebuilding",
                flush=True,
            )
            meta = None
    cached = meta is not None
    if meta is None:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)
        meta_path.unlink(missing_ok=True)
        print(f"[{fmt_size(n)}] generating the demo database (samoe demo) ...", flush=True)
        timeout = max(300.0, n / 1000 * 1.2)
        res = run_bench(
            "bench_write.py",
            ["samoe", "--db", str(db), "--children", str(n)],
            work=work,
            timeout=timeout,
        )
        samoe = _get(res, "write_samoe")
        if samoe is None:
            report.add(
                Row(
                    n,
                    "demo write rate",
                    None,
                    None,
                    "rows/s",
                    f"≥ {WRITE_GOAL_RATIO}× raw",
                    False,
                    res.status,
                    True,
                )
            )
            return None
        args_path = work / f"args-{n}.json"
        args_path.write_text(json.dumps(samoe["args"]), encoding="utf-8")
        print(f"[{fmt_size(n)}] the same rows with raw sqlite3.executemany ...", flush=True)
        raw_res = run_bench(
            "bench_write.py",
            ["raw", "--db", str(work / f"raw-{n}.db"), "--like", str(db), "--args", str(args_path)],
            work=work,
            timeout=timeout,
        )
        raw = _get(raw_res, "write_raw")
        meta = {
            "children": n,
            "seed": SEED,
            "code": code_fingerprint(),
            "when": datetime.now().isoformat(timespec="seconds"),
            "samoe": samoe,
            "raw": raw,
            "raw_status": raw_res.status,
        }
        meta_path.write_text(json.dumps(meta, ensure_ascii=False, indent=1), encoding="utf-8")
        # Let the kernel write the new file back now, not while the list figures run.
        os.sync()
    samoe, raw = meta["samoe"], meta.get("raw")
    when = f" (cached from {meta['when']}; --fresh to remeasure)" if cached else ""
    rows = samoe["rows"]
    s_rate = rows / samoe["write_s"]
    r_rate = rows / raw["write_s"] if raw else None
    ratio = s_rate / r_rate if r_rate else None
    report.add(
        Row(
            n,
            "demo write rate (generation excluded)",
            s_rate,
            r_rate,
            "rows/s",
            f"≥ {WRITE_GOAL_RATIO}× raw",
            None if ratio is None else ratio >= WRITE_GOAL_RATIO,
            when.strip(),
            True,
        )
    )
    raw_e2e = (raw["gen_s"] + raw["write_s"]) if raw else None
    report.add(
        Row(
            n,
            "samoe demo end to end (generation included)",
            samoe["total_s"],
            raw_e2e,
            "s",
            "info",
            None,
        )
    )
    report.note(
        f"**{fmt_size(n)} writes**{when}: {rows:,} rows in 5 tables. samoe `fill_demo` "
        f"{samoe['total_s']:.2f} s = generation {samoe['gen_s']:.2f} s + the chunk loop's "
        f"database work (inserts and whatever runs per chunk) {samoe['insert_s']:.2f} s + "
        f"after the last chunk (index builds, any search-index rebuild, commit) "
        f"{samoe['index_fts_commit_s']:.2f} s (write rate {rows / samoe['write_s']:,.0f} rows/s; "
        f"chunk loop alone {rows / samoe['insert_s']:,.0f} rows/s; peak RSS "
        f"{samoe['rss_mb']:.0f} MB; file "
        f"{samoe['db_bytes'] / 2**20:,.0f} MB). "
        + (
            f"raw: generation {raw['gen_s']:.2f} s (not timed), executemany + commit "
            f"{raw['write_s']:.2f} s (commit {raw['commit_s']:.2f} s) into bare tables "
            f"(no unique/secondary indexes, no FTS), file {raw['db_bytes'] / 2**20:,.0f} MB."
            if raw
            else "raw: failed."
        )
    )
    return db


# ---------------------------------------------------------------- 2–5. the list
def list_figures(n: int, db: Path, work: Path, report: Report) -> None:
    timeout = max(120.0, n / 1000 * 0.3)
    print(f"[{fmt_size(n)}] children list: samoe session ...", flush=True)
    s = run_bench(
        "bench_list.py", ["session", "--impl", "samoe", "--db", str(db)], work=work, timeout=timeout
    )
    print(f"[{fmt_size(n)}] children list: raw baseline session ...", flush=True)
    r = run_bench(
        "bench_list.py", ["session", "--impl", "raw", "--db", str(db)], work=work, timeout=timeout
    )
    sp, rp = _get(s, "paint", impl="samoe"), _get(r, "paint", impl="raw")
    paint_s = sp["s"] if sp else None
    report.add(
        Row(
            n,
            "first paint of the list (new process)",
            _ms(paint_s),
            _ms(rp["s"] if rp else None),
            "ms",
            f"< {PAINT_GOAL_S * 1000:.0f} ms",
            paint_s is not None and paint_s < PAINT_GOAL_S,
            _status_note(s),
        )
    )
    if sp:
        report.note(
            f"**{fmt_size(n)} first paint**: ChildrenView built in {sp['build_s'] * 1000:.0f} ms, "
            f"show+processEvents {sp['show_s'] * 1000:.0f} ms, grab {sp['grab_s'] * 1000:.0f} ms; "
            f"model queries: {_calls_text(sp['calls'])}; the full count was known "
            f"{sp.get('counted_s', sp['s']) * 1000:.0f} ms after the view was created. "
            f"Baseline (bare model, raw sqlite3): "
            f"{rp['s'] * 1000:.0f} ms."
            if rp
            else ""
        )
    ss, rs = _get(s, "scroll_end", impl="samoe"), _get(r, "scroll_end", impl="raw")
    report.add(
        Row(
            n,
            "scroll to the end (name order)",
            _ms(ss["s"] if ss else None),
            _ms(rs["s"] if rs else None),
            "ms",
            "info",
            None,
            _status_note(s),
        )
    )
    if ss:
        report.note(
            f"**{fmt_size(n)} scroll to end**: {_calls_text(ss['calls'])}; "
            f"baseline OFFSET query {rs['fetches'][0][1] * 1000:.1f} ms."
            if rs
            else ""
        )
    for rec in s.all("search") or [
        {"label": lbl, "term": "", "s": None}
        for lbl in (
            "3-char prefix",
            "commonest 3-char",
            "surname",
            "6-digit ID part",
            "4-digit ID part",
            "first last",
            "2-char",
        )
    ]:
        raw = _get(r, "search", label=rec["label"])
        short = len(rec.get("term") or "") < 3 and rec["label"] == "2-char"
        goal = "info (instr scan)" if short else f"< {SEARCH_GOAL_S * 1000:.0f} ms"
        ok = None if short else (rec["s"] is not None and rec["s"] < SEARCH_GOAL_S)
        report.add(
            Row(
                n,
                f"search {rec['label']} “{rec['term']}”",
                _ms(rec["s"]),
                _ms(raw["s"] if raw else None),
                "ms",
                goal,
                ok,
                _status_note(s),
            )
        )
        if rec.get("calls"):
            extra = ""
            if raw and "count_s" in raw:
                extra = (
                    f"; a raw full-scan count of the 2-char matches takes "
                    f"{raw['count_s'] * 1000:.0f} ms"
                )
            report.note(
                f"**{fmt_size(n)} search “{rec['term']}”** ({rec['found']:,} found): "
                f"{_calls_text(rec['calls'])}; GUI thread blocked {rec['blocked_s'] * 1000:.1f} ms"
                + (
                    f", the count finished {rec['count_after_s'] * 1000:.0f} ms after the rows"
                    if rec.get("count_after_s", 0) > 0.0005
                    else ""
                )
                + f"{extra}."
            )
    srss, rrss = _get(s, "rss", impl="samoe"), _get(r, "rss", impl="raw")
    report.add(
        Row(
            n,
            "peak RSS: open list, scroll to end, searches",
            srss["peak_mb"] if srss else None,
            rrss["peak_mb"] if rrss else None,
            "MB",
            f"< {RSS_GOAL_MB} MB",
            srss is not None and srss["peak_mb"] < RSS_GOAL_MB,
            _status_note(s),
        )
    )


# ---------------------------------------------------------------- 7. sorts, counts
def sort_figures(n: int, db: Path, work: Path, report: Report,
                 keys: list[str] | tuple[str, ...] = SORT_KEYS) -> None:
    timeout = max(90.0, n / 1000 * 0.15)
    for key, desc in [(k, False) for k in keys] + [(k, True) for k in keys if k == keys[0]]:
        print(f"[{fmt_size(n)}] sort by {key}{' desc' if desc else ''} ...", flush=True)
        args = ["sort", "--key", key, "--db", str(db)] + (["--desc"] if desc else [])
        res = run_bench("bench_list.py", args, work=work, timeout=timeout)
        sm, rw = _get(res, "sort", impl="samoe"), _get(res, "sort", impl="raw")
        label = f"sort by {key}{' (descending)' if desc else ''}, first page"
        if sm and sm.get("how", "").startswith("service"):
            label += " (service: no column)"
        report.add(
            Row(
                n,
                label,
                _ms(sm["s"] if sm else None),
                _ms(rw["s"] if rw else None),
                "ms",
                "info",
                None,
                _status_note(res),
            )
        )
        if sm:
            report.note(f"**{fmt_size(n)} {label}**: {_calls_text(sm['calls'])}.")
    print(f"[{fmt_size(n)}] filter counts ...", flush=True)
    res = run_bench("bench_list.py", ["counts", "--db", str(db)], work=work, timeout=timeout)
    for rec in res.all("count"):
        if rec["impl"] != "samoe":
            continue
        raw = _get(res, "count", impl="raw", label=rec["label"])
        report.add(
            Row(
                n,
                f"count, filter {rec['label']} ({rec['n']:,})",
                _ms(rec["s"]),
                _ms(raw["s"] if raw else None),
                "ms",
                "info",
                None,
            )
        )
    if res.status != "ok":
        report.add(Row(n, "count filters", None, None, "ms", "info", None, res.status))


# ---------------------------------------------------------------- 6. start-up
def startup_figures(n: int, db: Path, work: Path, report: Report, runs: int = 3) -> None:
    print(f"[{fmt_size(n)}] cold start to a usable window ...", flush=True)
    res = run_bench("bench_startup.py", ["--db", str(db), "--runs", str(runs)], work=work,
                    timeout=300)
    sm, bare = _get(res, "startup", impl="samoe"), _get(res, "startup", impl="bare")
    report.add(
        Row(
            n,
            "cold start to a usable main window (wall)",
            sm["wall_s"] if sm else None,
            bare["wall_s"] if bare else None,
            "s",
            f"< {START_GOAL_S} s",
            sm is not None and sm["wall_s"] < START_GOAL_S,
            res.status if res.status != "ok" else "",
        )
    )
    if sm:
        run = sm["median_run"]
        heavy = run["heavy"]
        bad = [m for m in heavy if m in ("pandas", "reportlab")]
        report.add(
            Row(
                n,
                "start-up imports pandas/reportlab? (must not)",
                float(len(bad)),
                0.0,
                "modules",
                "none",
                not bad,
                "imported: " + (", ".join(heavy) or "none of the heavy ones"),
            )
        )
        report.note(
            f"**{fmt_size(n)} start-up** (median of {len(sm['walls'])}, walls "
            f"{', '.join(f'{w:.2f}' for w in sm['walls'])} s): in-process {run['in_process_s']:.2f} s = "
            f"imports {run['import_s']:.2f} + app {run['app_s']:.2f} + open db {run['db_s']:.2f} + "
            f"MainWindow {run['window_s']:.2f} + show {run['show_s']:.2f}; the rest of the wall time is "
            f"interpreter start-up. {run['modules']} modules loaded; heavy ones: "
            f"{', '.join(heavy) or 'none'}. Empty QMainWindow: {bare['wall_s']:.2f} s wall."
            if bare
            else ""
        )


# ---------------------------------------------------------------- 8. the audit chain
AUDIT_GOAL_RATIO = 2.0


def audit_figures(entries: int, work: Path, report: Report) -> None:
    """``audit verify`` of N entries against a bare hashlib chain over the same bytes."""
    print(f"[{fmt_size(entries)}] audit verify against a bare hashlib chain ...", flush=True)
    res = run_bench("bench_audit.py", ["--entries", str(entries), "--work", str(work)], work=work,
                    timeout=max(300.0, entries / 1000 * 0.6))
    rec = _get(res, "audit_verify")
    report.add(Row(entries, "audit verify (streamed) vs bare read + hashlib chain, same bytes",
                   rec["verify_s"] if rec else None, rec["bare_s"] if rec else None, "s",
                   f"≤ {AUDIT_GOAL_RATIO:g}×", rec is not None and rec["ratio"] <= AUDIT_GOAL_RATIO,
                   res.status if res.status != "ok" else ""))
    if rec:
        report.note(
            f"**{fmt_size(entries)} audit entries**: verify {rec['verify_s']:.2f} s (median of "
            f"{len(rec['verifies'])}); a bare sqlite3 read of the same columns and a bare hashlib chain "
            f"over their bytes take {rec['bare_s']:.2f} s, of which hashing {rec['hash_s']:.2f} s; "
            f"appending them through "
            f"the chain ran at {rec['append_rate']:,.0f} entries/s.")


def cipher_figures(n: int, work: Path, report: Report) -> None:
    """The registry figures on an encrypted database against a plain one built the same
    way in this run (bench_cipher.py; goal: within 1.25×)."""
    from bench_cipher import GOAL_RATIO

    print(f"[{fmt_size(n)}] encrypted (SQLCipher) against plain, both built now ...", flush=True)
    res = run_bench("bench_cipher.py", ["compare", "--children", str(n), "--work", str(work / "cipher")],
                    work=work, timeout=max(600.0, n / 1000 * 12.0))
    found = res.all("cipher")
    for rec in found:
        higher = "rows/s" in rec["figure"]
        report.add(Row(n, f"encrypted vs plain: {rec['figure'].rsplit(' (', 1)[0]}", rec["encrypted"],
                       rec["plain"], "rows/s" if higher else "ms", f"≤ {GOAL_RATIO:g}×",
                       bool(rec["passed"]), "" if res.status == "ok" else res.status,
                       higher_is_better=higher))
    if not found:
        report.add(Row(n, "encrypted vs plain (SQLCipher)", None, None, "ms", f"≤ {GOAL_RATIO:g}×",
                       False, res.status))
    else:
        worst = max(r["slowdown"] for r in found if r["slowdown"] is not None)
        report.note(f"**{fmt_size(n)} encrypted**: SQLCipher with a raw key against plain SQLite, "
                    f"both built by the demo in this run; worst slowdown {worst:.2f}× "
                    "(bench_cipher.py; the key's Argon2id unwrap at login is not in it).")


# ---------------------------------------------------------------- main
def environment() -> str:
    try:
        from PySide6 import __version__ as pyside
    except ImportError:
        pyside = "?"
    import sqlalchemy

    try:
        head = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            cwd=REPO,
            capture_output=True,
            text=True,
            check=False,
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no"],
            cwd=REPO,
            capture_output=True,
            text=True,
            check=False,
        ).stdout.strip()
        head += " + uncommitted changes" if dirty else ""
    except OSError:
        head = "?"

    from _common import SAMOE_PRAGMAS

    pragmas = "; ".join(p.removeprefix("PRAGMA ") for p in SAMOE_PRAGMAS)
    return (
        f"{platform.platform()}, {os.cpu_count()} CPUs, Python {platform.python_version()}, "
        f"SQLite {sqlite3.sqlite_version}, PySide6 {pyside}, SQLAlchemy {sqlalchemy.__version__}, "
        f"checkout {head}. Connection pragmas (samoe and raw alike): {pragmas}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument(
        "--work",
        type=Path,
        default=DEFAULT_WORK,
        help="databases and scratch files (default %(default)s)",
    )
    parser.add_argument("--out", type=Path, help="where results.md goes (default: the work dir)")
    parser.add_argument("--fresh", action="store_true", help="rebuild the databases")
    parser.add_argument("--skip-sorts", action="store_true", help="leave out figure 7")
    parser.add_argument("--sort-keys", nargs="+", choices=SORT_KEYS, default=list(SORT_KEYS),
                        help="figure 7 for these sorts only")
    parser.add_argument("--startup-runs", type=int, default=3, help="cold starts to take the median of")
    parser.add_argument("--cipher-size", type=int,
                        help="children for the encrypted-vs-plain figures (default: 100000 if among "
                             "--sizes, else the smallest; 0: leave them out)")
    parser.add_argument("--audit-entries", type=int, default=1_000_000,
                        help="audit entries for figure 8 (0: leave it out)")
    ns = parser.parse_args(argv)
    work: Path = ns.work
    out: Path = ns.out or work
    work.mkdir(parents=True, exist_ok=True)
    out.mkdir(parents=True, exist_ok=True)
    for sub in ("home", "config"):
        shutil.rmtree(work / sub, ignore_errors=True)
        (work / sub).mkdir()
    started = time.perf_counter()
    report = Report()
    dbs: dict[int, Path] = {}
    for n in ns.sizes:
        db = ensure_db(n, work, ns.fresh, report)
        if db is None:
            continue
        dbs[n] = db
        list_figures(n, db, work, report)
        if not ns.skip_sorts:
            sort_figures(n, db, work, report, ns.sort_keys)
    if dbs:
        n = 100_000 if 100_000 in dbs else min(dbs)
        startup_figures(n, dbs[n], work, report, ns.startup_runs)
    cipher_n = ns.cipher_size if ns.cipher_size is not None else (
        100_000 if 100_000 in ns.sizes else min(ns.sizes))
    if cipher_n > 0:
        cipher_figures(cipher_n, work, report)
    if ns.audit_entries > 0:
        audit_figures(ns.audit_entries, work, report)
    elapsed = time.perf_counter() - started

    table = text_table(report.rows)
    print("\n" + table)
    failed = [r for r in report.rows if r.passed is False]
    print(f"\n{len(failed)} figure(s) missed the goal; run took {elapsed / 60:.1f} min.")
    md = [
        "# Samoe registry benchmarks",
        "",
        f"{datetime.now().isoformat(timespec='seconds')} — {environment()}",
        "",
        f"Command: `.venv/bin/python tests/bench/run.py --sizes {' '.join(map(str, ns.sizes))}`"
        f" (took {elapsed / 60:.1f} min). Ratio = samoe ÷ baseline (for rows/s higher is better,"
        " for times lower is better). Each figure runs in a new process: SQLite and Python caches"
        " start cold as at a user's first open, but the OS page cache holds the database file,"
        " so a first open after a reboot is slower.",
        "",
        markdown_table(report.rows),
        "",
        "## Where the time goes",
        "",
        *[f"- {n}" for n in report.notes if n],
        "",
    ]
    (out / "results.md").write_text("\n".join(md), encoding="utf-8")
    print(f"wrote {out / 'results.md'}")
    if CRASHED:  # a script that stops with an error is a broken benchmark, not a figure
        print("benchmark scripts that failed:\n  " + "\n  ".join(CRASHED), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
