"""Figure 6: cold start to a usable main window, against an empty QMainWindow.

Each start is a new ``python -c`` process (offscreen Qt). ``samoe`` imports
``desktop.gui.app``, makes the app (fonts, translation), opens the database the way
``run_gui`` does (``open_db_or_explain``: preflight, schema check), builds ``MainWindow``,
shows it and processes events once. ``bare`` only imports PySide6.QtWidgets and shows an
empty ``QMainWindow``. Wall time is measured around ``subprocess.run``; the process also
reports its own time from the first line of its script (so interpreter start-up is the
difference) and which heavy libraries got imported. The process ends with ``os._exit`` as
soon as the window is up, so teardown is not counted.

"Cold" here means a new process; the OS page cache already holds Python, Qt and the
database file from earlier runs (the first start after a reboot is slower).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import PYTHON, REPO, Recorder  # noqa: E402

HEAVY = (
    "pandas",
    "reportlab",
    "numpy",
    "pythainlp",
    "openpyxl",
    "python_calamine",
    "cryptography",
    "argon2",
    "uharfbuzz",
    "alembic",
    "PySide6.QtSql",
)

SAMOE = r"""
import time
t0 = time.perf_counter()
import json, os, sys
from desktop.gui.app import make_app, open_db_or_explain
from desktop.gui.context import AppContext
from desktop.gui.tasks import TaskRunner
t_import = time.perf_counter()
app, settings, _lang = make_app([sys.argv[0]])
t_app = time.perf_counter()
db = open_db_or_explain(sys.argv[1])
assert db is not None
t_db = time.perf_counter()
from desktop.domain.roles import Role
from desktop.services.access import Actor, Grant, sign_in
sign_in(db, Actor(0, "bench", "benchmark", tuple(Grant(r) for r in Role)))  # as tests do (no login dialog)
from desktop.gui.main_window import MainWindow
ctx = AppContext(db, TaskRunner(app), settings)
window = MainWindow(ctx)
t_built = time.perf_counter()
window.show()
app.processEvents()
t1 = time.perf_counter()
heavy = [m for m in HEAVY if m in sys.modules]
print(json.dumps({"in_process_s": t1 - t0, "import_s": t_import - t0, "app_s": t_app - t_import,
                  "db_s": t_db - t_app, "window_s": t_built - t_db, "show_s": t1 - t_built,
                  "heavy": heavy, "children": window.children_view.model.rowCount(),
                  "modules": len(sys.modules)}), flush=True)
os._exit(0)
"""

BARE = r"""
import time
t0 = time.perf_counter()
import json, os, sys
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([sys.argv[0]])
window = QMainWindow()
window.show()
app.processEvents()
t1 = time.perf_counter()
heavy = [m for m in HEAVY if m in sys.modules]
print(json.dumps({"in_process_s": t1 - t0, "heavy": heavy, "modules": len(sys.modules)}), flush=True)
os._exit(0)
"""


def start_once(code: str, db: Path | None, timeout: float) -> dict[str, object]:
    code = f"HEAVY = {HEAVY!r}\n" + code
    args = [PYTHON, "-c", code] + ([str(db)] if db else [])
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    t = time.perf_counter()
    proc = subprocess.run(
        args, cwd=REPO, env=env, capture_output=True, text=True, timeout=timeout, check=False
    )
    wall = time.perf_counter() - t
    if proc.returncode != 0:
        raise RuntimeError(f"start failed (rc {proc.returncode}):\n{proc.stderr[-3000:]}")
    out = json.loads(proc.stdout.strip().splitlines()[-1])
    out["wall_s"] = wall
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--timeout", type=float, default=60)
    parser.add_argument("--result", help="append JSON lines here (default: stdout)")
    ns = parser.parse_args(argv)
    record = Recorder(ns.result)
    for impl, code, db in (("bare", BARE, None), ("samoe", SAMOE, ns.db)):
        runs = [start_once(code, db, ns.timeout) for _ in range(ns.runs)]
        walls = [float(r["wall_s"]) for r in runs]  # type: ignore[arg-type]
        mid = sorted(runs, key=lambda r: float(r["wall_s"]))[len(runs) // 2]  # type: ignore[arg-type]
        record(
            kind="startup",
            impl=impl,
            wall_s=statistics.median(walls),
            first_wall_s=walls[0],
            walls=walls,
            median_run=mid,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
