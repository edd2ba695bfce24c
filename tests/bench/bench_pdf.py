"""The children-list PDF of 10k rows: Samoe's shaped, word-wrapped report against plain
reportlab tables of the same rows (unshaped, no wrapping) built in the same run.

Each variant runs in its own fresh interpreter (cold: font registration, pythainlp's
dictionary, HarfBuzz all load inside the timing) and reads the same rows through the
same ``page_children`` query; "read" is that query alone. Samoe is then run again in the
same process (warm: caches filled) for information.

    python tests/bench/bench_pdf.py                       # 10k rows, table on stdout
    python tests/bench/bench_pdf.py --rows 20000 --fresh
    python tests/bench/bench_pdf.py measure --db X.db --impl samoe|longtable|chunked
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import (  # noqa: E402
    DEFAULT_WORK,
    SEED,
    TODAY_ISO,
    Recorder,
    Row,
    peak_rss_mb,
    run_bench,
    sign_in_bench,
    text_table,
)

GOAL_S = 5.0
TODAY = date.fromisoformat(TODAY_ISO)
HEADER = ["ลำดับ", "ชื่อ-นามสกุล", "เลขประจำตัวประชาชน", "เพศ", "วันเกิด", "อายุ", "ห้อง",
          "ลายมือชื่อ"]
WIDTHS = [34, 135, 96, 30, 67, 68, 28, 65]  # the report's columns, in points
ROWS_PER_TABLE = 40  # chunked baseline: one Table per page's worth of rows


def read_rows(db_path: Path) -> tuple[list[list[str]], float]:
    """The rows as the report's cells, through the report's own query and formatting."""
    from desktop.services.children_query import ChildFilter, page_children
    from desktop.services.reports import _child_cells
    from desktop.store.db import Database

    t = time.perf_counter()
    db = Database.open(db_path)
    sign_in_bench(db)
    rows: list[list[str]] = []
    with db.reader() as s:
        while True:
            page = page_children(s, ChildFilter(), offset=len(rows), limit=2000)
            rows += [[str(len(rows) + i + 1), *_child_cells(r, TODAY)] for i, r in
                     enumerate(page)]
            if len(page) < 2000:
                break
    db.dispose()
    return rows, time.perf_counter() - t


def plain_reportlab(rows: list[list[str]], out: Path, chunked: bool) -> int:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import LongTable, SimpleDocTemplate, Table, TableStyle

    from desktop.paths import fonts_dir

    pdfmetrics.registerFont(TTFont("BenchSarabun", str(fonts_dir() / "Sarabun-Regular.ttf")))
    style = TableStyle([
        ("FONT", (0, 0), (-1, -1), "BenchSarabun", 10),
        ("GRID", (0, 0), (-1, -1), 0.5, colors.grey),
        ("BACKGROUND", (0, 0), (-1, 0), colors.lightgrey),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ])
    pages = 0

    def count(canvas, doc) -> None:  # type: ignore[no-untyped-def]
        nonlocal pages
        pages += 1

    doc = SimpleDocTemplate(str(out), pagesize=A4, leftMargin=36, rightMargin=36)
    if chunked:
        story = []
        for start in range(0, len(rows), ROWS_PER_TABLE):
            t = Table([HEADER, *rows[start:start + ROWS_PER_TABLE]], colWidths=WIDTHS,
                      repeatRows=1)
            t.setStyle(style)
            story.append(t)
    else:
        t = LongTable([HEADER, *rows], colWidths=WIDTHS, repeatRows=1)
        t.setStyle(style)
        story = [t]
    doc.build(story, onFirstPage=count, onLaterPages=count)
    return pages


def measure(db_path: Path, impl: str, work: Path, record: Recorder) -> None:
    t0 = time.perf_counter()
    out = work / f"bench-{impl}.pdf"
    if impl == "samoe":
        from desktop.services.children_query import ChildFilter
        from desktop.services.reports import ReportOptions, children_list_pdf
        from desktop.store.db import Database

        db = Database.open(db_path)
        sign_in_bench(db)
        for run in ("cold", "warm"):
            t = time.perf_counter()
            with db.reader() as s:
                pages = children_list_pdf(s, out, ChildFilter(), ReportOptions(today=TODAY))
            record(kind="pdf", impl=impl, run=run, seconds=time.perf_counter() - t,
                   pages=pages, bytes=out.stat().st_size, rss_mb=peak_rss_mb())
        rows, read_s = read_rows(db_path)
        record(kind="read", seconds=read_s, rows=len(rows))
        return
    rows, read_s = read_rows(db_path)
    pages = plain_reportlab(rows, out, chunked=impl == "chunked")
    record(kind="pdf", impl=impl, run="cold", seconds=time.perf_counter() - t0, pages=pages,
           bytes=out.stat().st_size, read_s=read_s, rss_mb=peak_rss_mb())


def ensure_db(work: Path, rows: int, fresh: bool) -> Path:
    from desktop.services.demo import fill_demo
    from desktop.store import migrate
    from desktop.store.db import Database

    path = work / f"samoe-pdf-{rows}.db"
    if fresh:
        for suffix in ("", "-wal", "-shm"):
            with contextlib.suppress(FileNotFoundError):
                os.remove(f"{path}{suffix}")
    if not path.exists():
        print(f"making {path} ({rows:,} children) ...", flush=True)
        db = Database.open(path)
        sign_in_bench(db)
        migrate.upgrade(db)
        fill_demo(db.engine, children=rows, seed=SEED, today=TODAY)
        db.dispose()
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("mode", nargs="?", choices=("run", "measure"), default="run")
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--work", type=Path, default=DEFAULT_WORK)
    parser.add_argument("--fresh", action="store_true", help="rebuild the demo database")
    parser.add_argument("--db", type=Path, help="measure: the database")
    parser.add_argument("--impl", choices=("samoe", "longtable", "chunked"), default="samoe")
    parser.add_argument("--result", help="measure: append JSON lines here")
    ns = parser.parse_args(argv)
    ns.work.mkdir(parents=True, exist_ok=True)
    if ns.mode == "measure":
        measure(ns.db, ns.impl, ns.work, Recorder(ns.result))
        return 0

    db = ensure_db(ns.work, ns.rows, ns.fresh)
    found = {}
    for impl in ("samoe", "longtable", "chunked"):
        print(f"measuring {impl} ...", flush=True)
        res = run_bench("bench_pdf.py", ["measure", "--db", str(db), "--impl", impl,
                                         "--work", str(ns.work)], work=ns.work, timeout=300)
        found[impl] = res
    samoe = found["samoe"].one("pdf", run="cold")
    warm = found["samoe"].one("pdf", run="warm")
    read = found["samoe"].one("read")
    table: list[Row] = []
    for impl, label in (("longtable", "LongTable"), ("chunked", "chunked Tables")):
        base = found[impl].one("pdf")
        table.append(Row(
            ns.rows, f"children list PDF vs {label}", samoe and samoe["seconds"],
            base and base["seconds"], "s", f"< {GOAL_S:g} s",
            None if samoe is None else samoe["seconds"] < GOAL_S,
            note=f"pages {samoe and samoe['pages']} vs {base and base['pages']}",
        ))
    if warm:
        table.append(Row(ns.rows, "children list PDF, warm (same process)", warm["seconds"],
                         None, "s", note=f"pages {warm['pages']}"))
    if read:
        table.append(Row(ns.rows, "reading the rows (page_children)", read["seconds"], None, "s"))
    print()
    print(text_table(table))
    for row in table:
        if row.note:
            print(f"  {row.figure}: {row.note}")
    if samoe:
        print(f"  samoe file: {samoe['bytes'] / 1e6:.1f} MB, peak RSS {samoe['rss_mb']:.0f} MB")
    # a figure that misses its goal says so in the table; exit 1 only if a measurement failed
    return 0 if samoe and all(res.status == "ok" for res in found.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
