"""PySide6 6.12.0 on Python 3.11 drops a reference to None on every call of a method that
returns nothing and aborts after a few thousand calls (none_dealloc, rc 134). The pin in
pyproject.toml keeps it out; this test fails if an upgrade brings it back."""

from __future__ import annotations

import subprocess
import sys

import PySide6

LOOP = r"""
import os
os.environ['QT_QPA_PLATFORM'] = 'offscreen'
from PySide6.QtWidgets import QApplication, QWidget
from PySide6.QtGui import QStandardItemModel, QStandardItem
app = QApplication([])
w = QWidget()
m = QStandardItemModel()
for i in range(100_000):
    w.resize(100 + i % 50, 100)
    w.setObjectName('w')
    if i % 10 == 0:
        m.appendRow(QStandardItem('x'))
print('survived', m.rowCount())
"""


def test_pyside_version_is_pinned() -> None:
    major, minor = (int(x) for x in PySide6.__version__.split(".")[:2])
    assert (major, minor) == (6, 11), PySide6.__version__


def test_many_void_calls_do_not_abort() -> None:
    result = subprocess.run([sys.executable, "-c", LOOP], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, (result.returncode, result.stderr[-2000:])
    assert "survived 10000" in result.stdout
