"""The program's file pickers: Qt's own dialog, never the system's.

The idle lock (views/lock_screen.py) masks every window of ours, and closes an open file
picker. A native picker (Windows' or macOS' own) is not a Qt widget: it can be neither
masked nor closed from here, and it would go on showing folder and file names (a
child's profile is saved as ประวัติเด็ก-<name>.pdf) over a locked screen. So every file
dialog of the window comes from these three functions, which add
``DontUseNativeDialog``; tests/gui/test_file_pickers_lock.py fails on any
``QFileDialog.get...`` called elsewhere.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFileDialog, QWidget

NOT_NATIVE = QFileDialog.Option.DontUseNativeDialog
NO_OPTION = QFileDialog.Option(0)


def save_file_name(parent: QWidget | None, caption: str, start: str, filters: str = "",
                   options: QFileDialog.Option = NO_OPTION) -> tuple[str, str]:
    """(path, the filter chosen); ("", "") when cancelled or closed by the lock."""
    return QFileDialog.getSaveFileName(parent, caption, start, filters, options=options | NOT_NATIVE)


def open_file_name(parent: QWidget | None, caption: str, start: str, filters: str = "",
                   options: QFileDialog.Option = NO_OPTION) -> tuple[str, str]:
    return QFileDialog.getOpenFileName(parent, caption, start, filters, options=options | NOT_NATIVE)


def existing_directory(parent: QWidget | None, caption: str, start: str) -> str:
    return QFileDialog.getExistingDirectory(parent, caption, start,
                                            QFileDialog.Option.ShowDirsOnly | NOT_NATIVE)
