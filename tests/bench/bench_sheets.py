"""Spreadsheet figures: exporting 100k children, reading back a 50k-row export.

(a) ``export_children`` of the whole 100k demo database to .xlsx and to .csv, against a
    bare baseline measured in the same run: the same SELECT (compiled from
    ``children_export_query``) through plain ``sqlite3``, fetched whole, then
    ``pandas.DataFrame.to_csv`` / the same XlsxWriter ``constant_memory`` writer with no
    neutralising, no formatting of values, no column widths and no temp-file rename.
(b) ``read_sheet`` of a 50k-row children .xlsx written by ``export_children`` (from a 50k
    demo database) against a bare ``pandas.read_excel(engine="calamine", dtype=str)``;
    the same for the .csv against ``pandas.read_csv(dtype=str)`` (informational).

Every measurement runs in its own fresh interpreter (``_common.run_bench``).

    .venv/bin/python tests/bench/bench_sheets.py                  # table on stdout
    .venv/bin/python tests/bench/bench_sheets.py --work DIR --children 100000 --read-rows 50000
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import (  # noqa: E402
    DEFAULT_WORK,
    SEED,
    TODAY_ISO,
    Recorder,
    Row,
    peak_rss_mb,
    raw_connect,
    run_bench,
    sign_in_bench,
    text_table,
)

TIMEOUT = 900


# ---------------------------------------------------------------- in the subprocess
def ensure_db(path: Path, children: int) -> None:
    """A demo database of ``children`` (seed 1, fixed today), made once and reused."""
    if path.exists():
        return
    from datetime import date

    from desktop.services.demo import fill_demo
    from desktop.store import migrate
    from desktop.store.db import Database

    tmp = path.with_name(path.name + ".part")
    for suffix in ("", "-wal", "-shm"):
        Path(f"{tmp}{suffix}").unlink(missing_ok=True)
    db = Database.open(tmp)
    sign_in_bench(db)
    migrate.upgrade(db)
    fill_demo(db.engine, children=children, seed=SEED, today=date.fromisoformat(TODAY_ISO))
    db.dispose()
    os.replace(tmp, path)


def export_samoe(db_path: Path, out: Path, record: Recorder) -> None:
    from desktop.services.exports import export_children
    from desktop.store.db import Database

    db = Database.open(db_path)
    sign_in_bench(db)
    t = time.perf_counter()
    with db.reader() as session:
        n = export_children(session, out)
    record(kind="export", impl="samoe", fmt=out.suffix, seconds=time.perf_counter() - t,
           rows=n, bytes=out.stat().st_size, rss_mb=peak_rss_mb())


def export_sql(db_path: Path) -> tuple[str, list[str]]:
    """The export's SELECT as plain SQL text (binds inlined) and its column names."""
    from desktop.domain.columns import EXPORT_COLUMNS
    from desktop.services.children_query import ChildFilter
    from desktop.services.exports import children_export_query
    from desktop.store.db import Database

    db = Database.open(db_path)
    sign_in_bench(db)
    with db.reader() as session:
        stmt = children_export_query(session, ChildFilter())
        sql = str(stmt.compile(dialect=session.get_bind().dialect,
                               compile_kwargs={"literal_binds": True}))
    db.dispose()
    return sql, [c.label for c in EXPORT_COLUMNS]


def export_raw(db_path: Path, out: Path, record: Recorder) -> None:
    sql, headers = export_sql(db_path)  # compiled before the clock starts
    import pandas as pd  # imported before the clock too: samoe imports nothing heavy

    if out.suffix == ".xlsx":
        import xlsxwriter
    t = time.perf_counter()
    conn = raw_connect(db_path)
    rows = conn.execute(sql).fetchall()
    fetched = time.perf_counter() - t
    if out.suffix == ".csv":
        pd.DataFrame.from_records(rows, columns=headers).to_csv(out, index=False,
                                                                 encoding="utf-8-sig")
    else:
        book = xlsxwriter.Workbook(str(out), {"constant_memory": True,
                                              "strings_to_formulas": False,
                                              "strings_to_numbers": False,
                                              "strings_to_urls": False})
        ws = book.add_worksheet("ข้อมูล")
        put_text, put_number = ws.write_string, ws.write_number
        for c, h in enumerate(headers):
            put_text(0, c, h)
        for r, row in enumerate(rows, 1):
            for c, v in enumerate(row):
                if v is None or v == "":
                    continue
                if type(v) is str:
                    put_text(r, c, v)
                else:
                    put_number(r, c, v)
        book.close()
    record(kind="export", impl="raw", fmt=out.suffix, seconds=time.perf_counter() - t,
           fetch_seconds=fetched, rows=len(rows), bytes=out.stat().st_size,
           rss_mb=peak_rss_mb())


def make_read_file(db_path: Path, rows: int, out: Path, record: Recorder) -> None:
    ensure_db(db_path, rows)
    if not out.exists():
        from desktop.services.exports import export_children
        from desktop.store.db import Database

        db = Database.open(db_path)
        sign_in_bench(db)
        with db.reader() as session:
            n = export_children(session, out)
        record(kind="made", file=str(out), rows=n)


def read_samoe(path: Path, record: Recorder) -> None:
    from desktop.reports.sheets import read_sheet

    t = time.perf_counter()
    data = read_sheet(path)
    record(kind="read", impl="samoe", fmt=path.suffix, seconds=time.perf_counter() - t,
           rows=len(data.rows), rss_mb=peak_rss_mb())


def read_pandas(path: Path, record: Recorder) -> None:
    import pandas as pd

    t = time.perf_counter()
    if path.suffix == ".csv":
        df = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    else:
        df = pd.read_excel(path, engine="calamine", dtype=str)
    record(kind="read", impl="pandas", fmt=path.suffix, seconds=time.perf_counter() - t,
           rows=len(df), rss_mb=peak_rss_mb())


# ---------------------------------------------------------------- the runner
CSV_READ_ROWS = 35_000

def run_all(work: Path, children: int, read_rows: int) -> list[Row]:
    work.mkdir(parents=True, exist_ok=True)
    big = work / f"samoe-{children}.db"
    out_dir = work / "sheets"
    out_dir.mkdir(exist_ok=True)
    prep = run_bench("bench_sheets.py", ["prepare", "--db", str(big), "--children",
                                          str(children)], work=work, timeout=TIMEOUT)
    if prep.status != "ok":
        raise SystemExit("could not make the demo database")
    table: list[Row] = []
    for fmt in (".xlsx", ".csv"):
        found: dict[str, dict] = {}
        for impl in ("samoe", "raw"):
            out = out_dir / f"export-{impl}{fmt}"
            out.unlink(missing_ok=True)
            res = run_bench("bench_sheets.py", ["export", "--impl", impl, "--db", str(big),
                                                "--out", str(out)], work=work, timeout=TIMEOUT)
            rec = res.one("export")
            if rec:
                found[impl] = rec
        s, r = found.get("samoe"), found.get("raw")
        note = ""
        if s and r:
            note = (f"{s['rows']:,} rows, {s['bytes'] / 1e6:.1f} MB; raw SQL fetch "
                    f"{r['fetch_seconds']:.2f} s; peak RSS samoe {s['rss_mb']:.0f} MB, "
                    f"raw {r['rss_mb']:.0f} MB")
        table.append(Row(children, f"(a) export children {fmt}",
                         s["seconds"] if s else None, r["seconds"] if r else None, "s",
                         note=note))
    for fmt in (".xlsx", ".csv"):
        # A CSV of every column takes ~490 bytes a child: 50k is over the 20 MB import cap
        rows = read_rows if fmt == ".xlsx" else min(read_rows, CSV_READ_ROWS)
        path = out_dir / f"read-{rows}{fmt}"
        small = work / f"sheets-{rows}.db"  # the file holds every child of its database
        made = run_bench("bench_sheets.py", ["make", "--db", str(small), "--rows",
                                             str(rows), "--out", str(path)],
                         work=work, timeout=TIMEOUT)
        if made.status != "ok":
            continue
        found = {}
        for impl in ("samoe", "pandas"):
            res = run_bench("bench_sheets.py", ["read", "--impl", impl, "--file", str(path)],
                            work=work, timeout=TIMEOUT)
            rec = res.one("read")
            if rec:
                found[impl] = rec
        s, r = found.get("samoe"), found.get("pandas")
        note = ""
        if s and r:
            note = (f"{s['rows']:,} rows, {path.stat().st_size / 1e6:.1f} MB; peak RSS "
                    f"samoe {s['rss_mb']:.0f} MB, pandas {r['rss_mb']:.0f} MB")
        table.append(Row(rows, f"(b) read_sheet {fmt} vs pandas",
                         s["seconds"] if s else None, r["seconds"] if r else None, "s",
                         note=note))
    return table


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("mode", nargs="?", default="all",
                        choices=("all", "prepare", "export", "make", "read"))
    parser.add_argument("--work", type=Path, default=DEFAULT_WORK)
    parser.add_argument("--children", type=int, default=100_000)
    parser.add_argument("--read-rows", type=int, default=50_000)
    parser.add_argument("--impl", default="samoe")
    parser.add_argument("--db", type=Path)
    parser.add_argument("--rows", type=int)
    parser.add_argument("--out", type=Path)
    parser.add_argument("--file", type=Path)
    parser.add_argument("--result", help="append JSON lines here (default: stdout)")
    args = parser.parse_args(argv)
    record = Recorder(args.result)
    if args.mode == "all":
        rows = run_all(args.work, args.children, args.read_rows)
        print(text_table(rows))
        for row in rows:
            if row.note:
                print(f"  {row.figure}: {row.note}")
        return 0
    if args.mode == "prepare":
        ensure_db(args.db, args.children)
    elif args.mode == "export":
        (export_samoe if args.impl == "samoe" else export_raw)(args.db, args.out, record)
    elif args.mode == "make":
        make_read_file(args.db, args.rows, args.out, record)
    else:
        (read_samoe if args.impl == "samoe" else read_pandas)(args.file, record)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
