"""The core never imports Qt: domain, store, services (and exchange, reports) import with
PySide6 blocked, in a fresh interpreter."""

from __future__ import annotations

import pkgutil
import subprocess
import sys
from pathlib import Path

import desktop

CORE = ("domain", "store", "services", "exchange", "reports")
ROOT = Path(desktop.__file__).parent

BLOCKER = r"""
import importlib.abc, sys
class Block(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split('.')[0] in ('PySide6', 'shiboken6'):
            raise ImportError('Qt is blocked in the core: ' + name)
        return None
sys.meta_path.insert(0, Block())
import importlib
for name in sys.argv[1:]:
    importlib.import_module(name)
assert not any(m.split('.')[0] in ('PySide6', 'shiboken6') for m in sys.modules)
print('imported', len(sys.argv) - 1)
"""


def core_modules() -> list[str]:
    names = ["desktop", "desktop.cli", "desktop.cli_documents", "desktop.paths", "desktop.atomic"]
    for package in CORE:
        folder = ROOT / package
        if not folder.is_dir():
            continue
        names.append(f"desktop.{package}")
        for info in pkgutil.walk_packages([str(folder)], prefix=f"desktop.{package}."):
            if ".migrations" in info.name:
                continue
            names.append(info.name)
    return names


def test_core_imports_without_qt() -> None:
    modules = core_modules()
    assert len(modules) > 15  # the walk found the real packages
    result = subprocess.run(
        [sys.executable, "-c", BLOCKER, *modules], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert f"imported {len(modules)}" in result.stdout


def test_blocker_really_blocks_qt() -> None:
    """The check above would pass vacuously if the blocker did not block."""
    result = subprocess.run(
        [sys.executable, "-c", BLOCKER, "desktop.gui.tasks"], capture_output=True, text=True, timeout=120
    )
    assert result.returncode != 0
    assert "Qt is blocked" in result.stderr


def test_domain_imports_nothing_of_ours() -> None:
    for path in (ROOT / "domain").glob("*.py"):
        text = path.read_text(encoding="utf-8")
        for forbidden in ("desktop.store", "desktop.services", "desktop.gui", "sqlalchemy", "PySide6"):
            assert forbidden not in text, f"{path.name} imports {forbidden}"


def test_cli_does_not_import_heavy_modules_for_stats(tmp_path: Path) -> None:
    """Start-up cost: a terminal command must not pull in Qt, pandas or reportlab."""
    code = (
        "import sys; from desktop.cli import main; "
        f"main(['--db', r'{tmp_path / 'x.db'}', 'init', '--office-name', 'ทดสอบ', '--office-code', '1234567']); "
        f"rc = main(['--db', r'{tmp_path / 'x.db'}', 'stats']); "
        "heavy = [m for m in ('PySide6', 'pandas', 'reportlab') if m in sys.modules]; "
        "print('HEAVY', heavy); sys.exit(rc)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "HEAVY []" in result.stdout


def test_the_window_does_not_import_the_document_layer_at_start_up(tmp_path: Path) -> None:
    """Start-up cost (figure 1 of the benchmarks): the main window and every page it builds
    load reportlab and pandas only when something is printed or read, not at start-up."""
    import os

    code = r"""
import sys
from desktop.store.db import Database
from desktop.store import migrate
from desktop.domain.roles import Role
from desktop.services.access import Actor, Grant, sign_in
from desktop.services.office import init_office
db = Database.open(sys.argv[1])
sign_in(db, Actor(0, "t", "t", tuple(Grant(r) for r in Role)))
migrate.upgrade(db)
with db.session() as s:
    init_office(s, name="ทต.ทดสอบ", code="1234567", province="ขอนแก่น")
for m in [m for m in sys.modules if m.split(".")[0] in ("pandas", "reportlab")]:
    del sys.modules[m]  # what setting up the database needed is not the window's
from desktop.gui.app import make_app
from desktop.gui.context import AppContext
from desktop.gui.tasks import TaskRunner
from desktop.gui.main_window import MainWindow
app, settings, _lang = make_app([sys.argv[0]])
window = MainWindow(AppContext(db, TaskRunner(app), settings))
window.show()
app.processEvents()
print("HEAVY", sorted({m.split(".")[0] for m in sys.modules if m.split(".")[0] in ("pandas", "reportlab")}))
sys.stdout.flush()
os._exit(0)
""".replace("os._exit", "__import__('os')._exit")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "SAMOE_NO_ENCRYPTION": "1"}
    result = subprocess.run([sys.executable, "-c", code, str(tmp_path / "x.db")], capture_output=True,
                            text=True, timeout=180, env=env)
    assert "HEAVY []" in result.stdout, result.stdout + result.stderr[-2000:]


def test_a_printed_screening_list_has_the_registry_lists_row_limit() -> None:
    from desktop.services import reports, screening_documents

    assert screening_documents.MAX_ROWS == reports.MAX_ROWS
