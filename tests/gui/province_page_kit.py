"""What the province pages' tests share: the province of tests/exchange/province_sent_kit.py, a
window's context on its database, and a click on a header of a page's tree."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from PySide6.QtCore import QPoint, QSettings, Qt

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "exchange"))

from office_kit import Site  # noqa: E402
from province_sent_kit import two_sent  # noqa: E402

from desktop.gui.context import AppContext  # noqa: E402
from desktop.gui.resources import register_fonts  # noqa: E402
from desktop.gui.tasks import TaskRunner  # noqa: E402


def sent_province(qapp: Any, tmp_path: Path, before: Callable[[Site], None] | None = None) -> Iterator[Site]:
    """The province (for a fixture to yield from); the three databases closed after."""
    register_fonts(qapp)
    sites = two_sent(tmp_path, before=before)
    yield sites[2]
    for site in sites:
        site.db.dispose()


def page_ctx(db: Any, tmp_path: Path, name: str = "p") -> AppContext:
    return AppContext(db, TaskRunner(), QSettings(str(tmp_path / f"{name}.ini"), QSettings.Format.IniFormat))


def click_header(qtbot: Any, tree: Any, column: int) -> None:
    header = tree.header()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))


def open_page(qtbot: Any, db: Any, tmp_path: Path, key: str, attr: str, today: Any = None) -> tuple[Any, Any]:
    """The main window on ``db`` showing the province's page ``key`` (``province_mode.<attr>``,
    its day pinned to ``today`` when given): (context, page)."""
    from desktop.gui.main_window import MainWindow

    ctx = page_ctx(db, tmp_path)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    view = getattr(window.province_mode, attr)
    assert view is not None
    if today is not None:
        view.today = today
    window.show()
    window.show_page(key)
    assert window.ui.stack.currentWidget() is view
    return ctx, view


def print_and_export(ctx: Any, view: Any, out: Path) -> Path:
    """The page printed (no options asked, no preview) and exported to ``out``: the PDF."""
    from PySide6.QtWidgets import QApplication

    view.documents.ask_options = False
    view.documents.show_preview = False
    view.print_figures()
    ctx.tasks.wait(60_000)
    QApplication.processEvents()
    pdf = view.documents.last_pdf
    assert pdf is not None
    view.export_figures(out)
    ctx.tasks.wait(60_000)
    QApplication.processEvents()
    return Path(pdf)
