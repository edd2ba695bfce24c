"""Figure 3, the search terms a clerk types most, in both name sorts and both directions:
what the list waits for (``page_children`` of the first page, then ``count_children``)
against the same first page in plain SQL (the FTS5 matches joined to their rows, ``ORDER BY``
the name keys, ``LIMIT 200``), measured alternately in one process; the script checks the
two pages are the same rows in the same order.

    .venv/bin/python tests/bench/bench_search.py --db /tmp/samoe-bench/samoe-1000000.db
    .venv/bin/python tests/bench/bench_search.py --db DB --terms ชัย,ศรี --runs 9

Prints one JSON line per term, sort and direction (medians in ms, the matches, the load
average), and a Markdown table at the end.

``--sweep N`` times instead every term a clerk may type that is common: each trigram of
the index that N or more children contain (no digits alone), each distinct first and
last name of the registry, and the beginnings (4+ letters) of the 60 commonest, in the
four orders: the first page the list paints, and the page with its count (medians of
``--runs``; wall and this process's CPU time, which a loaded machine inflates less); it
prints the slowest 25 and how many took over 20 ms. ``--year BE`` puts every search of the
sweep inside that academic year's filter, as the list often has it.

    .venv/bin/python tests/bench/bench_search.py --db DB --sweep 5000 --runs 3

Not run by ``run.py`` (~1 min at 1M; the sweep ~10 min): the list's own session (figure
3) times the first-name sort ascending.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import raw_connect, sign_in_bench  # noqa: E402
from raw_queries import PAGE, fts_query  # noqa: E402

# the commonest pieces of the demo names (~60,000-140,000 of a million children each,
# counted with fts5vocab), two of the benchmark's own terms, and a first name's piece
# whose matches sit together ("สมช": สมชาย)
TERMS = ("วงศ์", "สมช", "บุญเรือง", "ชัย", "ศรี", "ทอง", "แก้ว", "สุข", "ดิ์", "นทร", "บุญ",
         "ศักดิ์", "ภัท", "มาลี")
_KEYS = {"name": ("first_name_key", "last_name_key"),
         "last_name": ("last_name_key", "first_name_key")}


def raw_page_sql(sort: str, descending: bool) -> str:
    """The list's first page of a search in ``sort`` order, in plain SQL."""
    way = " DESC" if descending else ""
    first, second = _KEYS[sort]
    return ("SELECT c.id FROM child c JOIN child_fts f ON f.rowid = c.id "
            "WHERE f.child_fts MATCH ? AND c.deleted_at IS NULL "
            f"ORDER BY c.{first}{way}, c.{second}{way}, c.id{way} LIMIT {PAGE}")


def measure(db_path: Path, terms: list[str], runs: int) -> list[dict[str, Any]]:
    from desktop.services.children_query import (
        ChildFilter,
        ChildSort,
        count_children,
        page_children,
    )
    from desktop.store.db import Database

    db = Database.open(db_path, read_only=True)
    sign_in_bench(db)
    raw = raw_connect(db_path)
    out = []
    try:
        for term in terms:
            flt = ChildFilter(search=term)
            for sort in _KEYS:
                for descending in (False, True):
                    sql = raw_page_sql(sort, descending)

                    def samoe(flt: ChildFilter = flt, sort: str = sort,
                              descending: bool = descending) -> tuple[list[int], int]:
                        with db.reader() as s:
                            ids = [r.id for r in page_children(
                                s, flt, offset=0, limit=PAGE, sort=ChildSort(sort),
                                descending=descending)]
                            return ids, count_children(s, flt)

                    def baseline(sql: str = sql, term: str = term) -> list[int]:
                        return [r[0] for r in raw.execute(sql, (fts_query(term),))]

                    times: dict[str, list[float]] = {"samoe": [], "raw": []}
                    first: dict[str, Any] = {}
                    for round_ in range(runs + 1):  # the first round warms the caches
                        for name, fn in (("samoe", samoe), ("raw", baseline)):
                            t = time.perf_counter()
                            got = fn()
                            if round_:
                                times[name].append(time.perf_counter() - t)
                            else:
                                first[name] = got
                    ids, count = first["samoe"]
                    assert ids == first["raw"], f"{term} {sort}: the pages differ"
                    row = {"term": term, "sort": sort, "desc": descending, "matches": count,
                           **{k: round(statistics.median(v) * 1000, 1) for k, v in times.items()},
                           "load": round(os.getloadavg()[0], 2)}
                    print(json.dumps(row, ensure_ascii=False), flush=True)
                    out.append(row)
    finally:
        raw.close()
        db.dispose()
    return out


PREFIXED = 60  # the names whose beginnings the sweep types too


def sweep_terms(db_path: Path, min_matches: int, parts: str = "trigrams,names,typing") -> list[str]:
    raw = raw_connect(db_path)
    try:
        raw.execute("CREATE VIRTUAL TABLE temp.v USING fts5vocab(main, child_fts, row)")
        trigrams = [str(t) for t, in raw.execute(
            "SELECT term FROM temp.v WHERE doc >= ? ORDER BY doc DESC", (min_matches,))
            if " " not in str(t) and any(ch.isalpha() for ch in str(t))]
        names = [str(n) for n, in raw.execute(
            "SELECT name FROM (SELECT first_name AS name FROM child UNION ALL "
            "SELECT last_name FROM child) GROUP BY name ORDER BY count(*) DESC")
            if len(str(n)) >= 3]
    finally:
        raw.close()
    # what a clerk has typed on the way to the commonest names
    typing = [n[:k] for n in names[:PREFIXED] for k in range(4, len(n))]
    chosen = {"trigrams": trigrams, "names": names, "typing": typing}
    return list(dict.fromkeys(t for part in parts.split(",") for t in chosen[part]))


def sweep(db_path: Path, terms: list[str], runs: int, year_be: int | None = None,
          with_count: bool = True) -> list[dict[str, Any]]:
    from desktop.services.children_query import (
        ChildFilter,
        ChildSort,
        count_children,
        page_children,
    )
    from desktop.store.db import Database

    db = Database.open(db_path, read_only=True)
    sign_in_bench(db)
    out = []
    try:
        for term in terms:
            flt = ChildFilter(search=term, year_be=year_be)
            for sort in _KEYS:
                for descending in (False, True):
                    def samoe(flt: ChildFilter = flt, sort: str = sort,
                              descending: bool = descending, count: bool = True) -> int:
                        with db.reader() as s:
                            page_children(s, flt, offset=0, limit=PAGE, sort=ChildSort(sort),
                                          descending=descending)
                            return count_children(s, flt) if count else 0

                    matches = samoe(count=with_count)  # warms the caches
                    row: dict[str, Any] = {"term": term, "sort": sort, "desc": descending,
                                           "matches": matches}
                    for name, count in (("page_", False), ("", True))[:2 if with_count else 1]:
                        wall, cpu = [], []
                        for _ in range(runs):
                            t, c = time.perf_counter(), time.process_time()
                            samoe(count=count)
                            wall.append(time.perf_counter() - t)
                            cpu.append(time.process_time() - c)
                        row[name + "wall"] = round(statistics.median(wall) * 1000, 1)
                        row[name + "cpu"] = round(statistics.median(cpu) * 1000, 1)
                    out.append({**row, "load": round(os.getloadavg()[0], 2)})
    finally:
        db.dispose()
    return out


def table(rows: list[dict[str, Any]]) -> str:
    lines = ["| term | matches | sort | way | samoe ms | raw ms | load |", "|---|---|---|---|---|---|---|"]
    for r in rows:
        lines.append(f"| {r['term']} | {r['matches']:,} | {r['sort']} | "
                     f"{'desc' if r['desc'] else 'asc'} | {r['samoe']} | {r['raw']} | {r['load']} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--terms", default=",".join(TERMS), help="comma-separated")
    parser.add_argument("--runs", type=int, default=7, help="timed rounds (median)")
    parser.add_argument("--sweep", type=int, default=0, metavar="N",
                        help="every trigram of N+ matches and every name, instead of --terms")
    parser.add_argument("--parts", default="trigrams,names,typing",
                        help="with --sweep: which terms (comma-separated)")
    parser.add_argument("--year", type=int, default=None, metavar="BE",
                        help="with --sweep: every search inside this academic year's filter")
    parser.add_argument("--only", default="", metavar="TERMS",
                        help="with --sweep: these terms (comma-separated) instead")
    parser.add_argument("--out", type=Path, default=None,
                        help="with --sweep: every search's figures as JSON lines in this file")
    parser.add_argument("--page-only", action="store_true",
                        help="with --sweep: time the first page alone (no count)")
    ns = parser.parse_args(argv)
    if ns.sweep:
        terms = ([t for t in ns.only.split(",") if t] if ns.only
                 else sweep_terms(ns.db, ns.sweep, ns.parts))
        found = sweep(ns.db, terms, ns.runs, ns.year, not ns.page_only)
        found.sort(key=lambda r: -r["page_wall"])
        if ns.out:
            ns.out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in found),
                              encoding="utf-8")
        for r in found[:25]:
            print(json.dumps(r, ensure_ascii=False))
        for what, key in (("first page", "page_"), ("page and count", ""))[
                :1 if ns.page_only else 2]:
            over = sum(r[key + "wall"] > 20 for r in found)
            over_cpu = sum(r[key + "cpu"] > 20 for r in found)
            print(f"{what}: {len(found)} searches ({len(found) // 4} terms x 4 orders): "
                  f"{over} over 20 ms wall, {over_cpu} over 20 ms CPU; median wall "
                  f"{statistics.median(r[key + 'wall'] for r in found)} ms, slowest "
                  f"{max(r[key + 'wall'] for r in found)} ms wall, "
                  f"{max(r[key + 'cpu'] for r in found)} ms CPU")
        return 0
    rows = measure(ns.db, [t for t in ns.terms.split(",") if t], ns.runs)
    print(table(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
