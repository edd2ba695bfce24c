"""The import dialog's first step shows which sheet and header row were read, what was
passed over, and the file's first rows, and lets the clerk choose another sheet or header
row before the column mapping (issue 7)."""

from __future__ import annotations

import sys
from pathlib import Path

from desktop.domain.identity import make_national_id
from desktop.gui.context import AppContext
from desktop.gui.views.import_dialog import FILE, MAPPING, ImportDialog

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "unit"))
from test_sheets_hostile import make_xlsx, row, table  # noqa: E402

NID = make_national_id("110370009876")
HEAD = ["ชื่อ", "นามสกุล", "เพศ", "วันเกิด", "เลขประจำตัวประชาชน"]


def _workbook(path: Path) -> Path:
    cover = table([["แบบรายงานข้อมูลเด็ก"], ["ปีการศึกษา 2569"]])
    data = (row(1, ["รายชื่อเด็ก ศพด."]) + row(3, HEAD)
            + row(4, ["ภูผา", "ทดลองแผ่น", "ชาย", "15/08/2563", NID]))
    return make_xlsx(path, [("ข้อมูลเก่า", "hidden", table([HEAD, ["เก่า", "x", "ชาย", "", ""]])),
                            ("ปก", "visible", cover), ("เด็ก", "visible", data)])


def _wait_read(qtbot, ctx: AppContext, action) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(ctx.tasks.ended, timeout=30_000):
        action()


def test_file_step_shows_sheet_header_and_first_rows(qtbot, ctx: AppContext,  # type: ignore[no-untyped-def]
                                                     tmp_path: Path) -> None:
    dialog = ImportDialog(ctx)
    qtbot.addWidget(dialog)
    _wait_read(qtbot, ctx, lambda: dialog.open_file(_workbook(tmp_path / "k.xlsx")))
    ui = dialog.ui
    assert ui.sheetCombo.currentData() == "เด็ก"
    assert "ซ่อน" in ui.sheetCombo.itemText(0)  # the hidden sheet is marked as hidden
    notes = ui.notesLabel.text()
    assert "ข้อมูลเก่า" in notes and "ปก" in notes and "หัวตารางแถวที่ 3" in notes
    assert ui.headerRowSpin.value() == 3
    table_widget = ui.previewTable
    assert table_widget.rowCount() == 3  # the title row, the header, one child
    assert [table_widget.verticalHeaderItem(r).text() for r in range(3)] == ["1", "3", "4"]
    assert table_widget.item(1, 0).text() == "ชื่อ" and table_widget.item(1, 0).font().bold()
    assert not table_widget.item(2, 0).font().bold()

    # the clerk says the header is row 1: read again, shown again
    _wait_read(qtbot, ctx, lambda: ui.headerRowSpin.setValue(1))
    assert dialog.sheet.header_row == 1 and dialog.sheet.headers[0] == "รายชื่อเด็ก ศพด."
    # ... then double-clicks the real header row in the preview
    _wait_read(qtbot, ctx, lambda: dialog._preview_row_chosen(1))
    assert dialog.sheet.header_row == 3 and dialog.sheet.headers == HEAD

    # another sheet, the hidden one, chosen on purpose
    _wait_read(qtbot, ctx, lambda: dialog._sheet_chosen(0))
    assert dialog.sheet.sheet == "ข้อมูลเก่า" and "ซ่อน" in ui.notesLabel.text()
    _wait_read(qtbot, ctx, lambda: dialog._sheet_chosen(2))
    assert dialog.ui.stack.currentIndex() == FILE
    ui.nextButton.click()
    assert dialog.ui.stack.currentIndex() == MAPPING
    assert ui.mappingTable.rowCount() == len(HEAD)
