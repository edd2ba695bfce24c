"""The floor of a bulk write: the rows a run of Samoe added to a database, written again into
a fresh copy of the database as it was before, by SQLite alone (``INSERT ... SELECT`` from
staged rows, every trigger on the written tables set aside while they go in, one
transaction, the program's pragmas). No Python runs per row, nothing is checked, matched or
hashed: what is left is the cost of putting those rows in this schema's tables and indexes
and making them durable. A program that writes the same rows cannot take less.

Rows a table had before and the run changed are not counted in rowid tables (only new rowids
are), so the floor is, if anything, low. Used by ``bench_case_import.py``.
"""

from __future__ import annotations

import re
import shutil
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path

from _common import samoe_pragmas


@dataclass(frozen=True)
class Floor:
    seconds: float
    rows: int
    tables: dict[str, int]


def _tables(con: sqlite3.Connection, schema: str = "main") -> dict[str, tuple[bool, bool]]:
    """Each ordinary table: (has a rowid, is an FTS table's own store)."""
    out: dict[str, tuple[bool, bool]] = {}
    virtual = [r[0] for r in con.execute(
        f"SELECT name FROM {schema}.sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%'")]  # noqa: S608
    for name, sql in con.execute(f"SELECT name, sql FROM {schema}.sqlite_master WHERE type = 'table'"):  # noqa: S608
        if name.startswith("sqlite_") or name in virtual:
            continue
        shadow = any(name.startswith(f"{v}_") for v in virtual)
        out[name] = ("WITHOUT ROWID" not in (sql or "").upper(), shadow)
    return out


def _fts(con: sqlite3.Connection) -> list[tuple[str, str, list[str], str]]:
    """The external-content FTS tables: (name, content table or view, columns, content rowid)."""
    found = []
    for name, sql in con.execute("SELECT name, sql FROM sqlite_master WHERE sql LIKE 'CREATE VIRTUAL TABLE%fts5%'"):
        args = sql[sql.index("(") + 1: sql.rindex(")")]
        content = re.search(r"content\s*=\s*'([^']+)'", args)
        rowid = re.search(r"content_rowid\s*=\s*'([^']+)'", args)
        if content is None:
            continue
        columns = [a.strip() for a in args.split(",") if "=" not in a]
        found.append((name, content.group(1), columns, rowid.group(1) if rowid else "rowid"))
    return found


def _parents_first(con: sqlite3.Connection, names: list[str]) -> list[str]:
    """``names`` ordered so that a table comes after every table its foreign keys name."""
    parents = {n: {r[2] for r in con.execute(f'PRAGMA foreign_key_list("{n}")')} & set(names) - {n}
               for n in names}
    ordered: list[str] = []
    while parents:
        ready = sorted(n for n, p in parents.items() if not p - set(ordered))
        if not ready:  # a cycle: the rest in any order (foreign keys are checked per statement)
            ready = sorted(parents)
        ordered.extend(ready)
        for n in ready:
            del parents[n]
    return ordered


def _base_table(con: sqlite3.Connection, content: str) -> str:
    """The table an FTS table's content view (or table) reads."""
    row = con.execute("SELECT type, sql FROM sqlite_master WHERE name = ?", (content,)).fetchone()
    if row is None or row[0] != "view":
        return content
    found = re.search(r"\bFROM\s+\"?(\w+)", row[1], re.IGNORECASE)
    return found.group(1) if found else content


def write_floor(before: Path, after: Path, scratch: Path) -> Floor:
    """Copy ``before`` to ``scratch`` and time writing into it, by SQLite alone, the rows
    ``after`` has that ``before`` has not (the staging is not timed)."""
    for suffix in ("", "-wal", "-shm"):
        Path(f"{scratch}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(before, scratch)
    con = sqlite3.connect(scratch, isolation_level=None)
    try:
        for pragma in samoe_pragmas():
            con.execute(pragma)
        con.execute("PRAGMA temp_store = MEMORY")
        con.execute("ATTACH DATABASE ? AS a", (str(after),))
        staged: dict[str, int] = {}
        fts_floor: dict[str, int] = {}
        for name, (rowid, shadow) in _tables(con).items():
            if shadow:
                continue
            if rowid:
                top = con.execute(f'SELECT coalesce(max(rowid), 0) FROM main."{name}"').fetchone()[0]  # noqa: S608
                con.execute(f'CREATE TEMP TABLE "new_{name}" AS SELECT * FROM a."{name}" WHERE rowid > ?', (top,))  # noqa: S608
                fts_floor[name] = top
            else:  # new or changed rows
                con.execute(f'CREATE TEMP TABLE "new_{name}" AS SELECT * FROM a."{name}" '  # noqa: S608
                            f'EXCEPT SELECT * FROM main."{name}"')
            count = con.execute(f'SELECT count(*) FROM temp."new_{name}"').fetchone()[0]  # noqa: S608
            if count:
                staged[name] = count
            else:
                con.execute(f'DROP TABLE temp."new_{name}"')
        con.execute("DETACH DATABASE a")
        written = set(staged)
        triggers = [(n, sql) for n, t, sql in con.execute(
            "SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'trigger'") if t in written]
        fts = [(name, content, cols, rowid, base) for name, content, cols, rowid in _fts(con)
               if (base := _base_table(con, content)) in written]
        began = time.perf_counter()
        con.execute("BEGIN IMMEDIATE")
        for name, _sql in triggers:
            con.execute(f'DROP TRIGGER "{name}"')
        for name in _parents_first(con, list(staged)):
            con.execute(f'INSERT OR REPLACE INTO main."{name}" SELECT * FROM temp."new_{name}"')  # noqa: S608
        for name, content, columns, rowid, base in fts:  # as the program's refresh does
            top = fts_floor.get(base, 0)
            cols = ", ".join(columns)
            con.execute(f'INSERT INTO "{name}"(rowid, {cols}) SELECT {rowid}, {cols} FROM "{content}" '  # noqa: S608
                        f"WHERE {rowid} > ?", (top,))
        for _name, sql in triggers:
            con.execute(sql)
        con.execute("COMMIT")
        seconds = time.perf_counter() - began
    finally:
        con.close()
    return Floor(seconds, sum(staged.values()), staged)
