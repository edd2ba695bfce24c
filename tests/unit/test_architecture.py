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
