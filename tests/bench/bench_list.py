"""Figures 2–5 and 7: the children list at N children, in a fresh process each time.

``session`` opens the list (first paint), scrolls to the end, runs the as-you-type searches
and reports the peak RSS of the process. ``--impl samoe`` uses the real ``ChildrenView``
(its ``ChildrenTableModel`` over ``children_query``); ``--impl raw`` is the baseline: a bare
``QAbstractTableModel`` row window over plain ``sqlite3`` with the same pragmas, and the raw
FTS5 / ``instr`` queries for the searches.

``sort --key K`` opens the list and times one header click (``ChildSort`` K), then the raw
``ORDER BY ... LIMIT 200`` that is its baseline. ``counts`` times ``count_children`` for the
institution / year / level filters against raw counts on the enrolment index.

The subprocess starts cold (no SQLite page cache, no Python caches) as a user's first open
would, but the OS page cache holds the file from earlier runs: a first open after a reboot
reads the file from disk and is slower than these figures.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import Recorder, median_time, peak_rss_mb, raw_connect, sign_in_bench  # noqa: E402
from raw_queries import PAGE, check_same_page, raw_search_sql, raw_sort_sql  # noqa: E402

SEARCH_ROWS = 30  # rows whose data() makes "the first page" of a search


# ---------------------------------------------------------------- search terms
def search_terms(db_path: Path) -> list[tuple[str, str]]:
    """(label, term) pairs that exist in the demo data (same seed → same terms)."""
    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        # the first child from id 4242 on (the same one in every run of a seed); in a tiny
        # database (the smoke test) the first one there is
        for start in (4242, 0):
            child = conn.execute(
                "SELECT first_name, last_name, national_id FROM child WHERE id >= ? "
                "AND national_id IS NOT NULL AND deleted_at IS NULL ORDER BY id LIMIT 1", (start,)
            ).fetchone()
            if child is not None:
                break
    finally:
        conn.close()
    first, last, nid = child
    return [
        ("3-char prefix", "สมช"),
        ("commonest 3-char", "ชัย"),  # ~94,000 of 1M: found by walking the name order
        ("surname", "บุญเรือง"),
        ("6-digit ID part", nid[4:10]),
        ("4-digit ID part", nid[6:10]),
        ("first last", f"{first} {last}"),
        ("2-char", "ใจ"),
    ]


# ---------------------------------------------------------------- the baseline model
# (the list sorts names by their stored keys, in Thai dictionary order: migration 0004)
DISPLAY_SQL = (
    "SELECT id, prefix, first_name, last_name, sex, birth_date, national_id, g_code "
    "FROM child WHERE deleted_at IS NULL ORDER BY first_name_key, last_name_key LIMIT ? OFFSET ?"
)


def make_raw_model(db_path: Path):  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

    class RawWindowModel(QAbstractTableModel):
        """The least a row window can do: a count and one LIMIT/OFFSET window of rows."""

        def __init__(self) -> None:
            super().__init__()
            self.conn = raw_connect(db_path)
            self._count = self.conn.execute("SELECT count(*) FROM child").fetchone()[0]
            self._start = -1
            self._rows: list[tuple[Any, ...]] = []
            self.fetches: list[tuple[int, float]] = []

        def rowCount(self, parent=QModelIndex()) -> int:  # type: ignore[no-untyped-def]  # noqa: B008
            return 0 if parent.isValid() else self._count

        def columnCount(self, parent=QModelIndex()) -> int:  # type: ignore[no-untyped-def]  # noqa: B008
            return 0 if parent.isValid() else 8

        def data(self, index, role=Qt.ItemDataRole.DisplayRole):  # type: ignore[no-untyped-def]
            if role != Qt.ItemDataRole.DisplayRole or not index.isValid():
                return None
            start = index.row() // PAGE * PAGE
            if start != self._start:
                t = time.perf_counter()
                self._rows = self.conn.execute(DISPLAY_SQL, (PAGE, start)).fetchall()
                self._start = start
                self.fetches.append((start, time.perf_counter() - t))
            k = index.row() - start
            if k >= len(self._rows):
                return None
            _id, prefix, first, last, sex, birth, nid, gcode = self._rows[k]
            col = index.column()
            if col == 0:
                return nid or gcode or ""
            if col == 1:
                return f"{prefix}{first} {last}"
            if col == 2:
                return sex
            if col == 3:
                return birth
            return ""

    return RawWindowModel()


# ---------------------------------------------------------------- samoe
def instrument_samoe() -> list[dict[str, Any]]:
    """Record every count/page query the children model makes (what and how long)."""
    from desktop.gui.models import children_model

    calls: list[dict[str, Any]] = []
    count, page = children_model.count_children, children_model.page_children

    def timed(name: str, fn: Any) -> Any:
        def wrapper(session, flt, **kw):  # type: ignore[no-untyped-def]
            t = time.perf_counter()
            call: dict[str, Any] = {"q": name, "search": flt.search}
            if name == "page":
                call.update(offset=kw.get("offset"), sort=str(kw.get("sort")))
            if threading.current_thread() is not threading.main_thread():
                call["thread"] = "worker"
            try:
                result = fn(session, flt, **kw)
            except BaseException as exc:
                call.update(s=time.perf_counter() - t, stopped=type(exc).__name__)
                calls.append(call)
                raise
            call["s"] = time.perf_counter() - t
            if name == "count":
                call["n"] = result
            calls.append(call)
            return result

        return wrapper

    timed_count = timed("count", count)
    timed_page = timed("page", page)

    children_model.count_children = timed_count  # type: ignore[assignment]
    children_model.page_children = timed_page  # type: ignore[assignment]
    return calls


def make_app():  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QApplication

    return QApplication.instance() or QApplication([sys.argv[0]])


def settle(app: Any, model: Any, timeout: float = 120.0, *, rows: bool = True) -> bool:
    """Wait until the model's background query (if any) has landed.

    The list runs its queries under a time budget on the GUI thread and moves what does
    not fit to a worker (``model.busy``); since a1a70dd it may show the first page while
    the count is still running. ``rows=True`` waits until rows are there (what the user
    waits for), ``rows=False`` until the worker is done (the full count too). The wait
    runs a Qt event loop, as the idle GUI does, not a Python polling loop that would hold
    the GIL against the worker. Returns True if a worker was involved.
    """
    from PySide6.QtCore import QEventLoop, QTimer

    def waiting() -> bool:
        busy = bool(getattr(model, "busy", False))
        return busy and (not rows or model.rowCount() == 0)

    if not getattr(model, "busy", False):
        return False
    loop = QEventLoop()
    deadline = time.perf_counter() + timeout

    def check(*_args: Any) -> None:
        if not waiting():
            loop.quit()

    signals = [model.searching, model.modelReset, model.rowsInserted]
    for signal in signals:
        signal.connect(check)
    timer = QTimer(singleShot=True, interval=int(timeout * 1000))
    timer.timeout.connect(loop.quit)
    timer.start()
    try:
        while waiting():
            if time.perf_counter() > deadline:
                raise TimeoutError(f"the list query did not finish in {timeout:.0f} s")
            loop.exec()
    finally:
        timer.stop()
        for signal in signals:
            signal.disconnect(check)
    return True


def open_samoe_view(db_path: Path, record: Recorder, calls: list[dict[str, Any]]):  # type: ignore[no-untyped-def]
    """Build the real ChildrenView over the file; record the time to its first paint."""
    t = time.perf_counter()
    app = make_app()
    from PySide6.QtCore import QSettings

    from desktop.gui.context import AppContext
    from desktop.gui.resources import install_translation, register_fonts
    from desktop.gui.tasks import TaskRunner
    from desktop.gui.views.children_view import ChildrenView
    from desktop.store.db import Database

    register_fonts(app)
    install_translation(app, "th")
    db = Database.open(db_path)  # lazy: the first connection is made inside the timing
    sign_in_bench(db)
    fd, ini_name = tempfile.mkstemp(suffix=".ini")
    os.close(fd)
    settings = QSettings(ini_name, QSettings.Format.IniFormat)
    ctx = AppContext(db, TaskRunner(app), settings)
    setup_s = time.perf_counter() - t

    t0 = time.perf_counter()
    view = ChildrenView(ctx)
    t_built = time.perf_counter()
    view.resize(1100, 700)
    view.show()
    app.processEvents()
    worker = settle(app, view.model)
    t_shown = time.perf_counter()
    view.grab()
    t_painted = time.perf_counter()
    settle(app, view.model, rows=False)  # the full count, if it went to a worker
    t_counted = time.perf_counter()
    pages = [c for c in calls if c["q"] == "page"]
    assert pages, "the first paint fetched no rows"
    record(
        kind="paint",
        impl="samoe",
        s=t_painted - t0,
        build_s=t_built - t0,
        show_s=t_shown - t_built,
        grab_s=t_painted - t_shown,
        setup_s=setup_s,
        worker=worker,
        counted_s=t_counted - t0,
        rows=view.model.rowCount(),
        calls=list(calls),
        rss_mb=peak_rss_mb(),
    )
    return app, view, db, ini_name


def session_samoe(db_path: Path, record: Recorder) -> None:
    calls = instrument_samoe()
    app, view, db, ini = open_samoe_view(db_path, record, calls)
    from desktop.services.children_query import ChildFilter

    model, table = view.model, view.ui.table
    n = model.rowCount()

    # ---- scroll to the end (name order)
    calls.clear()
    t = time.perf_counter()
    table.scrollToBottom()
    app.processEvents()
    view.grab()
    scroll_s = time.perf_counter() - t
    last = model.data(model.index(n - 1, 1))
    record(kind="scroll_end", impl="samoe", s=scroll_s, last=last, calls=list(calls))
    table.scrollToTop()
    app.processEvents()

    # ---- as-you-type searches
    for label, term in search_terms(db_path):
        flt = ChildFilter(search=term)

        blocked: list[float] = []
        workers: list[bool] = []

        counted: list[float] = []

        def clear() -> None:
            model.set_filter(ChildFilter())
            settle(app, model, rows=False)
            calls.clear()

        def search(
            flt: ChildFilter = flt,
            blocked: list[float] = blocked,
            workers: list[bool] = workers,
            counted: list[float] = counted,
        ) -> None:
            t = time.perf_counter()
            model.set_filter(flt)
            blocked.append(time.perf_counter() - t)  # the GUI thread is busy this long
            workers.append(settle(app, model))
            for r in range(min(SEARCH_ROWS, model.rowCount())):
                model.data(model.index(r, 1))
            t_rows = time.perf_counter()
            settle(app, model, rows=False)  # not in the figure: the count may still run
            counted.append(time.perf_counter() - t_rows)

        med, samples = median_time(search, runs=5, warmup=1, before=clear)
        record(
            kind="search",
            impl="samoe",
            label=label,
            term=term,
            s=med,
            samples=samples,
            found=model.rowCount(),
            calls=list(calls),
            worker=any(workers[1:]),
            blocked_s=statistics.median(blocked[1:]),
            count_after_s=statistics.median(counted[1:]),
        )
    model.set_filter(ChildFilter())
    record(kind="rss", impl="samoe", peak_mb=peak_rss_mb())
    view.close()
    db.dispose()
    os.unlink(ini)


def session_raw(db_path: Path, record: Recorder) -> None:
    from PySide6.QtWidgets import QTableView

    t = time.perf_counter()
    app = make_app()
    from desktop.gui.resources import register_fonts

    register_fonts(app)  # same font as samoe: painting Thai costs the same on both sides
    setup_s = time.perf_counter() - t

    t0 = time.perf_counter()
    model = make_raw_model(db_path)
    table = QTableView()
    table.setModel(model)
    table.resize(1100, 700)
    table.show()
    app.processEvents()
    table.grab()
    paint_s = time.perf_counter() - t0
    assert model.fetches, "the first paint fetched no rows"
    record(
        kind="paint",
        impl="raw",
        s=paint_s,
        setup_s=setup_s,
        rows=model.rowCount(),
        fetches=list(model.fetches),
        rss_mb=peak_rss_mb(),
    )

    model.fetches.clear()
    t = time.perf_counter()
    table.scrollToBottom()
    app.processEvents()
    table.grab()
    scroll_s = time.perf_counter() - t
    record(kind="scroll_end", impl="raw", s=scroll_s, fetches=list(model.fetches))
    table.scrollToTop()
    app.processEvents()

    conn = model.conn
    for label, term in search_terms(db_path):
        sql, params = raw_search_sql(term)

        def query(sql: str = sql, params: tuple[str, ...] = params) -> list[Any]:
            return conn.execute(sql, params).fetchall()

        med, samples = median_time(query, runs=5, warmup=1)
        first = query()
        check_same_page(db_path, term, [r[0] for r in first])
        extra: dict[str, Any] = {"found_first": len(first)}
        if len(term) < 3:
            # what counting the 2-character matches costs at best (a full scan)
            t = time.perf_counter()
            extra["count"] = conn.execute(
                "SELECT count(*) FROM child WHERE instr(first_name || ' ' || last_name, ?) > 0",
                (term,),
            ).fetchone()[0]
            extra["count_s"] = time.perf_counter() - t
        record(kind="search", impl="raw", label=label, term=term, s=med, samples=samples, **extra)
    record(kind="rss", impl="raw", peak_mb=peak_rss_mb())
    conn.close()


# ---------------------------------------------------------------- sorts and counts
def sort_one(db_path: Path, key: str, descending: bool, record: Recorder) -> None:
    from PySide6.QtCore import Qt

    from desktop.gui.models.children_model import COLUMNS

    calls = instrument_samoe()
    app, view, db, ini = open_samoe_view(db_path, _null, calls)
    from desktop.services.children_query import (
        ChildFilter,
        ChildSort,
        count_children,
        page_children,
    )

    order = Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
    model, header = view.model, view.ui.table.horizontalHeader()
    column = next((i for i, (_k, s) in enumerate(COLUMNS) if s.value == key), None)
    if column is not None:
        # Start from another column, so that the timed click really changes the sort.
        header.setSortIndicator(3 if column != 3 else 1, Qt.SortOrder.AscendingOrder)
        settle(app, model, rows=False)
        app.processEvents()
        calls.clear()
        t = time.perf_counter()
        # what a click on the header does (sortByColumn would sort twice: it sets the
        # indicator, which sorts, and then sorts again)
        header.setSortIndicator(column, order)
        blocked_s = time.perf_counter() - t
        worker = settle(app, model)
        for r in range(min(SEARCH_ROWS, model.rowCount())):
            model.data(model.index(r, 1))
        samoe_s = time.perf_counter() - t
        how = "header click"
        assert model.rowCount() > 0 and calls, "the sort fetched no rows"
    else:
        blocked_s, worker = 0.0, False
        # No column of the list sorts by this key: time what the model would do.
        calls.clear()
        with db.reader() as session:
            t = time.perf_counter()
            n = count_children(session, ChildFilter())
            t_count = time.perf_counter()
            page_children(
                session,
                ChildFilter(),
                offset=0,
                limit=200,
                sort=ChildSort(key),
                descending=descending,
            )
            samoe_s = time.perf_counter() - t
        calls += [
            {"q": "count", "search": "", "s": t_count - t, "n": n},
            {"q": "page", "search": "", "offset": 0, "sort": key, "s": t + samoe_s - t_count},
        ]
        how = "service (no column sorts by it)"
    record(
        kind="sort",
        impl="samoe",
        key=key,
        desc=descending,
        s=samoe_s,
        how=how,
        worker=worker,
        blocked_s=blocked_s,
        calls=list(calls),
    )
    conn = raw_connect(db_path)
    t = time.perf_counter()
    raw_ids = [r[0] for r in conn.execute(raw_sort_sql(key, descending)).fetchall()]
    record(kind="sort", impl="raw", key=key, desc=descending, s=time.perf_counter() - t)
    conn.close()
    # the same rows in the same order, or the figure compares different work
    with db.reader() as session:
        shown = [r.id for r in page_children(session, ChildFilter(), offset=0, limit=PAGE,
                                             sort=ChildSort(key), descending=descending)]
    if column is not None:
        assert [model.row_at(r).id for r in range(min(PAGE, model.rowCount()))] == shown
    assert shown == raw_ids, f"sort {key}: the list's first page is not the raw query's"
    view.close()
    db.dispose()
    os.unlink(ini)


def _null(**_record: Any) -> None:
    pass


def counts(db_path: Path, record: Recorder) -> None:
    from desktop.services.children_query import ChildFilter, count_children
    from desktop.store.db import Database

    conn = raw_connect(db_path)
    year_id, year_be = conn.execute(
        "SELECT id, year_be FROM academic_year ORDER BY year_be DESC"
    ).fetchone()
    inst_id = conn.execute(
        "SELECT id FROM institution WHERE kind = 'school' ORDER BY id"
    ).fetchone()[0]
    cases = [
        (
            "institution",
            ChildFilter(institution_id=inst_id),
            "SELECT count(*) FROM enrollment WHERE institution_id = ? AND deleted_at IS NULL",
            (inst_id,),
        ),
        (
            "year",
            ChildFilter(year_be=year_be),
            "SELECT count(*) FROM enrollment WHERE academic_year_id = ? AND deleted_at IS NULL",
            (year_id,),
        ),
        (
            "level",
            ChildFilter(level_code="p1"),
            "SELECT count(*) FROM enrollment WHERE level_code = ? AND deleted_at IS NULL",
            ("p1",),
        ),
        (
            "year+institution+level",
            ChildFilter(year_be=year_be, institution_id=inst_id, level_code="p1"),
            "SELECT count(*) FROM enrollment WHERE academic_year_id = ? AND institution_id = ? "
            "AND level_code = ? AND deleted_at IS NULL",
            (year_id, inst_id, "p1"),
        ),
        ("none (all live)", ChildFilter(), "SELECT count(*) FROM child", ()),
    ]
    db = Database.open(db_path)
    sign_in_bench(db)
    for label, flt, sql, params in cases:
        with db.reader() as session:
            found = [0]

            def run(flt: Any = flt, session: Any = session, found: list[int] = found) -> None:
                found[0] = count_children(session, flt)

            med, samples = median_time(run, runs=3, warmup=1)
        record(kind="count", impl="samoe", label=label, s=med, n=found[0])
        raw_med, _ = median_time(
            lambda sql=sql, params=params: conn.execute(sql, params).fetchone(), runs=3, warmup=1
        )
        record(
            kind="count",
            impl="raw",
            label=label,
            s=raw_med,
            n=conn.execute(sql, params).fetchone()[0],
        )
    db.dispose()
    conn.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("mode", choices=("session", "sort", "counts"))
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--impl", choices=("samoe", "raw"), default="samoe")
    parser.add_argument("--key", help="sort: a ChildSort value")
    parser.add_argument("--desc", action="store_true", help="sort: descending")
    parser.add_argument("--result", help="append JSON lines here (default: stdout)")
    ns = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    record = Recorder(ns.result)
    if ns.mode == "session":
        (session_samoe if ns.impl == "samoe" else session_raw)(ns.db, record)
    elif ns.mode == "sort":
        sort_one(ns.db, ns.key, ns.desc, record)
    else:
        counts(ns.db, record)
    return 0


if __name__ == "__main__":
    sys.exit(main())
