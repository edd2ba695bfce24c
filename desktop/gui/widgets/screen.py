"""Windows sized to the screen they open on: a designed size is kept where it fits, and
shrunk (content scrolls, buttons stay in view) on a 1366×768 laptop or a 1024×600 netbook."""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

# what a window manager adds around a window: borders and a title bar
FRAME_WIDTH = 16
FRAME_HEIGHT = 40


def available_area(widget: QWidget) -> QRect:
    """The free part (without task bars) of the screen ``widget`` opens on."""
    parent = widget.parentWidget()
    screen = (parent.screen() if parent is not None else None) or widget.screen() \
        or QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else QRect(0, 0, 1024, 600)


def fit_to_screen(widget: QWidget) -> None:
    """Shrink ``widget`` (a window) to its screen's free area, keeping its size if it fits,
    and move it into that area."""
    area = available_area(widget)
    width = max(min(widget.width(), area.width() - FRAME_WIDTH), 200)
    height = max(min(widget.height(), area.height() - FRAME_HEIGHT), 200)
    if (width, height) != (widget.width(), widget.height()):
        widget.resize(width, height)
    if widget.isWindow() and widget.parentWidget() is None:
        x = min(max(widget.x(), area.left()), area.right() - width - FRAME_WIDTH + 1)
        y = min(max(widget.y(), area.top()), area.bottom() - height - FRAME_HEIGHT + 1)
        if (x, y) != (widget.x(), widget.y()):
            widget.move(max(x, area.left()), max(y, area.top()))


def max_height(widget: QWidget) -> int:
    """The tallest a window may grow on its screen."""
    return available_area(widget).height() - FRAME_HEIGHT
