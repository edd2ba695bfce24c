"""GUI fixtures: an AppContext over a demo database, with private settings."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt

from desktop.gui.context import AppContext
from desktop.gui.resources import register_fonts
from desktop.gui.tasks import TaskRunner
from desktop.store.db import Database


@pytest.fixture
def ctx(qapp, demo_db: Database, tmp_path: Path) -> Iterator[AppContext]:  # type: ignore[no-untyped-def]
    register_fonts(qapp)
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    context = AppContext(demo_db, TaskRunner(), settings)
    # A view's first list query has an 80 ms budget before it moves to a worker. In the
    # full suite (every test module imported: pandas, reportlab) a full garbage collection
    # takes ~85 ms here and, landing inside that query, made "rowCount() == 300" depend on
    # the allocation count; collect now, outside any budget.
    gc.collect()
    yield context
    context.tasks.wait(10_000)


def _type_text(widget, text: str) -> None:  # type: ignore[no-untyped-def]
    """Type any text (Thai too) key by key, as an input method delivers it.

    QTest.keyClicks only knows ASCII keys (Qt asserts on Thai), so each character goes in
    as a key event that carries the text.
    """
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    widget.setFocus()
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))


@pytest.fixture
def type_text():  # type: ignore[no-untyped-def]
    return _type_text
