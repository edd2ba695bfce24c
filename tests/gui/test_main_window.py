"""The main window: navigation, child form from the list, status bar undo, background work
with progress, geometry remembered, and the self-test command."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from PySide6.QtCore import QByteArray

from desktop.gui.context import AppContext
from desktop.gui.main_window import GEOMETRY_KEY, MainWindow
from desktop.services.children_query import ChildFilter, count_children


def test_navigation_shows_each_registry_page(qtbot, ctx: AppContext) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    assert set(window.pages) >= {"children", "households", "institutions"}
    for key in ("households", "institutions", "children"):
        window.show_page(key)
        assert window.ui.stack.currentWidget() is window.pages[key].widget
    assert window.windowTitle().startswith("Samoe — ")


def test_demo_data_runs_in_background_with_progress(qtbot, ctx: AppContext) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    progress: list[tuple[int, int]] = []
    ctx.tasks.progressed.connect(lambda _h, done, total, _m: progress.append((done, total)))
    with qtbot.waitSignal(ctx.tasks.ended, timeout=60_000):
        window.add_demo_data(children=12_000)
        assert window.progress_bar.isVisible() and window.cancel_button.isVisible()
    assert progress and progress[-1][0] == progress[-1][1] == 12_000
    assert not window.progress_bar.isVisible()
    assert window.children_view.model.rowCount() == 12_300
    assert "12,000" in window.message_label.text()


def test_cancel_leaves_nothing(qtbot, ctx: AppContext) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    with qtbot.waitSignal(ctx.tasks.ended, timeout=60_000):
        window.add_demo_data(children=200_000)
        qtbot.waitUntil(lambda: window.progress_bar.value() > 0, timeout=30_000)
        qtbot.mouseClick(window.cancel_button, __import__("PySide6.QtCore").QtCore.Qt.MouseButton.LeftButton)
    with ctx.db.reader() as s:
        assert count_children(s, ChildFilter()) == 300
    assert "ยกเลิก" in window.message_label.text()


def test_geometry_is_remembered(qtbot, ctx: AppContext) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.resize(810, 530)  # within the offscreen screen (800x600 less nothing: Qt clamps)
    window.show()
    size = (window.width(), window.height())
    assert size[1] == 530  # not the .ui default (760 high)
    window.show_page("institutions")
    window.close()
    assert isinstance(ctx.settings.value(GEOMETRY_KEY), QByteArray)
    again = MainWindow(ctx)
    qtbot.addWidget(again)
    assert again.ui.stack.currentWidget() is again.pages["institutions"].widget
    # The offscreen screen is 800 px wide, so Qt clamps the width; the height is restored.
    assert again.height() == size[1]


def test_status_message_undo_button(qtbot, ctx: AppContext) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    called: list[int] = []
    window.show_message("ลบแล้ว", lambda: called.append(1))
    assert window.undo_button.isVisible()
    window.undo_button.click()
    assert called == [1] and not window.undo_button.isVisible()


@pytest.mark.parametrize("password", [None, "x"], ids=["random", "too-short"])
def test_self_test_command(password: str | None) -> None:
    """The self-test's throw-away administrator: SAMOE_PASSWORD when it may be a password,
    else a random one (a short one set for an old database is no reason to fail the build's
    check, nor to print a traceback)."""
    env = {k: v for k, v in os.environ.items() if k != "SAMOE_PASSWORD"}
    if password is not None:
        env["SAMOE_PASSWORD"] = password
    result = subprocess.run([sys.executable, "-m", "desktop.cli", "--self-test"],
                            capture_output=True, text=True, timeout=180, env=env)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "self-test ok" in result.stdout and "Traceback" not in result.stderr
