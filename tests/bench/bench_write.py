"""Figure 1: the demo write rate of ``samoe demo`` against raw ``sqlite3.executemany``.

``samoe`` mode migrates a fresh file and runs ``fill_demo`` end to end. The generator
(``demo_data.generate``) is wrapped so that the time spent producing rows is measured in
the same run and can be taken out: write time = fill_demo total − generation time. The
arguments fill_demo passed to the generator are recorded, so that

``raw`` mode regenerates exactly the same rows (same generator, same seed, same ids),
chunk by chunk, and inserts them with plain ``sqlite3.executemany`` in one transaction
into bare copies of the same tables (same columns and types, ``INTEGER PRIMARY KEY`` only:
no unique constraints, no indexes, no FTS, no triggers) with the same pragmas. Only the
``executemany`` calls and the commit are timed; generation is reported separately.

Only one chunk of rows is alive at a time in either mode.

    python tests/bench/bench_write.py samoe --db X.db --children 100000
    python tests/bench/bench_write.py raw --db X-raw.db --like X.db --args args.json
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import json
import os
import sys
import time
from datetime import date, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import SEED, TODAY_ISO, Recorder, peak_rss_mb, raw_connect, sign_in_bench  # noqa: E402


def _remove_db(path: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        with contextlib.suppress(FileNotFoundError):
            os.remove(f"{path}{suffix}")


def run_samoe(db_path: Path, children: int, seed: int, record: Recorder) -> None:
    from desktop.services import demo, demo_data
    from desktop.services.progress import Progress
    from desktop.store import migrate
    from desktop.store.db import Database

    _remove_db(db_path)
    t = time.perf_counter()
    db = Database.open(db_path)
    migrate.upgrade(db)
    migrate_s = time.perf_counter() - t
    sign_in_bench(db)

    gen_time = 0.0
    captured: dict[str, object] = {}
    original = demo_data.generate

    def timed_generate(n_children, **kwargs):  # type: ignore[no-untyped-def]
        nonlocal gen_time
        ids0 = dataclasses.asdict(kwargs["ids"])  # before the generator advances them
        captured.update(
            n_children=n_children,
            seed=kwargs["seed"],
            office_id=kwargs["office_id"],
            schools=list(kwargs["institutions"].schools),
            cdcs=list(kwargs["institutions"].cdcs),
            year_id=kwargs["year_id"],
            year_be=kwargs["year_be"],
            ids=ids0,
            now=kwargs["now"].isoformat(),
            chunk_size=kwargs.get("chunk_size", 10_000),
        )
        chunks = original(n_children, **kwargs)
        while True:
            t0 = time.perf_counter()
            try:
                chunk = next(chunks)
            except StopIteration:
                gen_time += time.perf_counter() - t0
                return
            gen_time += time.perf_counter() - t0
            yield chunk

    marks: dict[str, float] = {}

    def on_progress(done: int, total: int, message: str) -> None:
        if message == "index" and "index" not in marks:
            marks["index"] = time.perf_counter()
            marks["gen_at_index"] = gen_time

    demo_data.generate = timed_generate  # type: ignore[assignment]
    try:
        started = time.perf_counter()
        result = demo.fill_demo(
            db.engine,
            children=children,
            seed=seed,
            today=date.fromisoformat(TODAY_ISO),
            progress=Progress(on_progress),
        )
        total = time.perf_counter() - started
    finally:
        demo_data.generate = original  # type: ignore[assignment]
    index_s = started + total - marks["index"] if "index" in marks else 0.0
    db.dispose()
    record(
        kind="write_samoe",
        children=children,
        rows=result.rows,
        total_s=total,
        gen_s=gen_time,
        write_s=total - gen_time,
        index_fts_commit_s=index_s,
        insert_s=total - gen_time - index_s,
        migrate_s=migrate_s,
        rss_mb=peak_rss_mb(),
        db_bytes=os.path.getsize(db_path),
        args=captured,
    )


def _bare_schema(like: Path) -> dict[str, str]:
    """CREATE TABLE of each bulk table: same columns and declared types, nothing else."""
    from desktop.services import demo_data

    conn = raw_connect(like)
    ddl = {}
    for table in ("household", "child", "guardian", "child_guardian", "enrollment"):
        info = {r[1]: r[2] for r in conn.execute(f"PRAGMA table_info({table})")}
        cols = []
        for name in demo_data.COLUMNS[table]:
            cols.append(f"{name} INTEGER PRIMARY KEY" if name == "id" else f"{name} {info[name]}")
        ddl[table] = f"CREATE TABLE {table} ({', '.join(cols)})"
    conn.close()
    return ddl


def run_raw(db_path: Path, like: Path, args_path: Path, record: Recorder) -> None:
    from desktop.services import demo_data

    args = json.loads(args_path.read_text(encoding="utf-8"))
    ddl = _bare_schema(like)
    _remove_db(db_path)
    conn = raw_connect(db_path)
    for sql in ddl.values():
        conn.execute(sql)
    sqls = {
        t: f"INSERT INTO {t} ({', '.join(c)}) VALUES ({', '.join('?' * len(c))})"
        for t, c in demo_data.COLUMNS.items()
    }
    chunks = demo_data.generate(
        args["n_children"],
        seed=args["seed"],
        office_id=args["office_id"],
        institutions=demo_data.Institutions(tuple(args["schools"]), tuple(args["cdcs"])),
        year_id=args["year_id"],
        year_be=args["year_be"],
        ids=demo_data.Ids(**args["ids"]),
        now=datetime.fromisoformat(args["now"]),
        chunk_size=args["chunk_size"],
    )
    gen_s = write_s = 0.0
    rows = 0
    t = time.perf_counter()
    conn.execute("BEGIN")
    write_s += time.perf_counter() - t
    while True:
        t = time.perf_counter()
        try:
            chunk = next(chunks)
        except StopIteration:
            gen_s += time.perf_counter() - t
            break
        gen_s += time.perf_counter() - t
        t = time.perf_counter()
        for table, table_rows in chunk.tables():
            if table_rows:
                conn.executemany(sqls[table], table_rows)
                rows += len(table_rows)
        write_s += time.perf_counter() - t
        del chunk
    t = time.perf_counter()
    conn.execute("COMMIT")
    commit_s = time.perf_counter() - t
    write_s += commit_s
    conn.close()
    size = os.path.getsize(db_path)
    _remove_db(db_path)
    record(
        kind="write_raw",
        rows=rows,
        gen_s=gen_s,
        write_s=write_s,
        commit_s=commit_s,
        rss_mb=peak_rss_mb(),
        db_bytes=size,
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("mode", choices=("samoe", "raw"))
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--children", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--like", type=Path, help="raw: the samoe database to copy columns from")
    parser.add_argument("--args", type=Path, help="raw: JSON of the generator's arguments")
    parser.add_argument("--result", help="append JSON lines here (default: stdout)")
    ns = parser.parse_args(argv)
    record = Recorder(ns.result)
    if ns.mode == "samoe":
        run_samoe(ns.db, ns.children, ns.seed, record)
    else:
        if ns.like is None or ns.args is None:
            parser.error("raw needs --like and --args")
        run_raw(ns.db, ns.like, ns.args, record)
    return 0


if __name__ == "__main__":
    sys.exit(main())
