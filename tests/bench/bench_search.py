"""Figure 3, the search terms a clerk types most, in both name sorts and both directions:
what the list waits for (``page_children`` of the first page, then ``count_children``)
against the same first page in plain SQL (the FTS5 matches joined to their rows, ``ORDER BY``
the name keys, ``LIMIT 200``), measured alternately in one process; the script checks the
two pages are the same rows in the same order.

    .venv/bin/python tests/bench/bench_search.py --db /tmp/samoe-bench/samoe-1000000.db
    .venv/bin/python tests/bench/bench_search.py --db DB --terms ชัย,ศรี --runs 9

Prints one JSON line per term, sort and direction (medians in ms, the matches, the load
average), and a Markdown table at the end. Not run by ``run.py`` (~1 min at 1M): the
list's own session (figure 3) times the first-name sort ascending.
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
    ns = parser.parse_args(argv)
    rows = measure(ns.db, [t for t in ns.terms.split(",") if t], ns.runs)
    print(table(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
