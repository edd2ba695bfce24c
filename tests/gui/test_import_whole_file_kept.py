"""The whole-file values given on the import's mapping step are kept with the batch: the
history page shows them, and the next file with the same headers starts with them."""

from __future__ import annotations

import sys
from pathlib import Path

from desktop.gui.context import AppContext
from desktop.gui.views.import_dialog import PREVIEW
from desktop.gui.views.import_history_view import ImportHistoryView

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "unit"))
from class_list import write_class_list  # noqa: E402
from test_import_class_list import _mapping_step, _school  # noqa: E402


def test_whole_file_values_are_shown_and_offered_again(qtbot, ctx: AppContext, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    school = _school(ctx)
    path = write_class_list(tmp_path / "อ2-1.xlsx")
    dialog = _mapping_step(qtbot, ctx, path)
    ui = dialog.ui
    assert ui.institutionCombo.currentData() is None and not ui.roomEdit.text()  # nothing yet
    ui.institutionCombo.setCurrentIndex(ui.institutionCombo.findData(school))
    ui.yearSpin.setValue(2569)
    ui.levelCombo.setCurrentIndex(ui.levelCombo.findData("k2"))
    ui.roomEdit.setText("1")
    ui.relationCombo.setCurrentText("แม่")
    with qtbot.waitSignal(ctx.tasks.ended, timeout=30_000):
        ui.nextButton.click()
    assert ui.stack.currentIndex() == PREVIEW
    with qtbot.waitSignal(dialog.imported, timeout=60_000):
        ui.nextButton.click()
    name = ui.institutionCombo.itemText(ui.institutionCombo.findData(school))

    history = ImportHistoryView(ctx)
    qtbot.addWidget(history)
    history.show()
    table = history.ui.table
    headers = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    column = headers.index("ค่าทั้งไฟล์")
    text = table.item(0, column).text()
    for words in (name, "2569", "อ.2", "ห้อง 1", "แม่"):
        assert words in text, (words, text)
    assert history.whole_label.isVisible() and text in history.whole_label.text()  # the selected one's

    again = _mapping_step(qtbot, ctx, path)
    ui = again.ui
    assert ui.institutionCombo.currentData() == school
    assert ui.yearSpin.value() == 2569
    assert ui.levelCombo.currentData() == "k2"
    assert ui.roomEdit.text() == "1"
    assert ui.relationCombo.currentText() == "แม่"
