"""The idle lock closes an open file picker (issue 9): a picker shows folder and file
names (a child's profile is saved under the child's name), and the system's own picker
(Windows') is not a Qt widget that the lock could mask. Every picker of the window is
Qt's own (widgets/file_pickers.py, DontUseNativeDialog), and the lock closes it as if
cancelled."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from actors import TEST_PASSWORD
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog

from desktop.gui.resources import register_fonts
from desktop.store.db import Database

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def shell(qapp, qtbot, office_db: Database, tmp_path: Path) -> Iterator[object]:  # type: ignore[no-untyped-def]
    from desktop.gui.shell import Shell

    register_fonts(qapp)
    made = Shell(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    assert made.start(str(office_db.path)) is None
    yield made
    made.close()


def _pickers() -> list[QFileDialog]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QFileDialog) and w.isVisible()]


def test_an_open_file_picker_closes_when_the_screen_locks(qtbot, shell) -> None:  # type: ignore[no-untyped-def]
    window = shell.window
    asked: list[str] = []
    window.open_requested.connect(asked.append)
    seen: dict[str, list[QFileDialog]] = {}

    def look() -> None:
        seen["open"] = _pickers()
        seen["qt_own"] = [p for p in seen["open"] if p.testOption(QFileDialog.Option.DontUseNativeDialog)]
        shell.idle.set_seconds(0.2)  # idle from now: the lock engages over the picker
        shell.idle.restart()

    QTimer.singleShot(300, look)
    stuck: list[int] = []

    def give_up() -> None:  # never hang the run: a picker still open here failed the test
        stuck.extend(1 for p in _pickers() if p.reject() is None)

    QTimer.singleShot(6_000, give_up)
    window.open_database()  # File › open: the picker runs its own event loop until it ends
    assert seen.get("open"), "no Qt file picker was open (a native one cannot be masked)"
    assert seen["qt_own"] == seen["open"]  # a system picker could be neither masked nor closed
    assert not stuck, "the file picker stayed open over the locked screen"
    assert shell.lock.locked  # it ended because the screen locked ...
    assert _pickers() == []  # ... and it is gone, not just covered
    assert asked == []  # closed as if cancelled: nothing was opened
    shell.lock.dialog.password_edit.setText(TEST_PASSWORD)
    shell.lock.dialog.submit()
    assert not shell.lock.locked


def test_every_file_picker_of_the_window_is_qts_own() -> None:
    """``QFileDialog.getSaveFileName`` and its kind open the system's picker: only
    widgets/file_pickers.py calls them, with DontUseNativeDialog."""
    offenders = []
    for path in sorted((ROOT / "desktop").rglob("*.py")):
        if path.name == "file_pickers.py":
            continue
        text = path.read_text(encoding="utf-8")
        for m in re.finditer(r"QFileDialog\.get\w+|QFileDialog\(", text):
            offenders.append(f"{path.relative_to(ROOT)}:{text[:m.start()].count(chr(10)) + 1}")
    assert offenders == []

