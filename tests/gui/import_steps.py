"""The import dialog opened on a file and moved on to its mapping step."""

from __future__ import annotations

from pathlib import Path

from desktop.gui.context import AppContext
from desktop.gui.views.import_dialog import MAPPING, ImportDialog


def open_at_mapping(qtbot, ctx: AppContext, path: Path) -> ImportDialog:  # type: ignore[no-untyped-def]
    dialog = ImportDialog(ctx)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(ctx.tasks.ended, timeout=30_000):
        dialog.open_file(path)
    dialog.ui.nextButton.click()
    assert dialog.ui.stack.currentIndex() == MAPPING
    return dialog
