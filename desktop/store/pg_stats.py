"""PostgreSQL's planner statistics after a bulk load (the demo, a province's merge of a
bundle): ``ANALYZE`` of the tables that grew, in the loader's transaction, so the next
queries are planned on what the tables hold rather than on an empty table's guess (right
after a bulk load autovacuum has not run yet: the growth lists looped over every placement
for every child, services/demo_growth.py). SQLite: nothing (its planner reads the indexes;
``ANALYZE`` there would pin plans the code was not measured with). No Qt.

    analyze(conn, ("child", "household"))                    # these, now
    analyze_grown(conn, {"centre_register": 3_120, ...})     # those that grew enough
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from sqlalchemy import Connection, text

# a table is analysed when a load added at least this many rows, and at least this share of
# what the statistics last counted (a never-analysed table: any load of MIN_ROWS)
MIN_ROWS = 500
SHARE = 0.1


def _quoted(names: Iterable[str]) -> list[str]:
    out = []
    for name in names:
        if not name.replace("_", "").isalnum():
            raise ValueError(f"not a table name: {name!r}")
        out.append(f'"{name}"')
    return out


def analyze(conn: Connection, tables: Iterable[str]) -> list[str]:
    """``ANALYZE`` the tables on PostgreSQL (in the caller's transaction); the tables done."""
    names = sorted(set(tables))
    if conn.dialect.name != "postgresql" or not names:
        return []
    conn.exec_driver_sql("ANALYZE " + ", ".join(_quoted(names)))
    return names


def analyze_grown(conn: Connection, added: Mapping[str, int], *, min_rows: int = MIN_ROWS,
                  share: float = SHARE) -> list[str]:
    """``ANALYZE`` the tables a load added enough rows to (``added``: table → rows), by
    the statistics' own row estimate (``pg_class.reltuples``, -1 when never analysed);
    the tables done. SQLite: none."""
    if conn.dialect.name != "postgresql":
        return []
    grown = {t: n for t, n in added.items() if n >= min_rows}
    if not grown:
        return []
    estimates = {str(name): float(tuples) for name, tuples in conn.execute(
        text("SELECT relname, reltuples FROM pg_class WHERE relkind = 'r' AND relname = ANY(:names) "
             "AND pg_table_is_visible(oid)"), {"names": sorted(grown)}).tuples()}
    return analyze(conn, [t for t, n in grown.items() if n >= share * max(estimates.get(t, -1.0), 0.0)])
