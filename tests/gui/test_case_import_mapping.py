"""The case-list import maps a file's columns the clerk names (issue 13): a list whose
headers the program does not know (a volunteer's own words) reads with its columns on the
registry import's mapping step; a column of national IDs under an unknown header is asked
about and the check waits; the clerk maps the name and the birth date, leaves the rest
out, and the rows are matched and imported; a column changed after the check asks for
another check first."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from actors import EVERY_ROLE, actor_with
from case_core_kit import CaseKit, case_children
from PySide6.QtCore import QSettings, Qt

from desktop.domain.roles import Role
from desktop.gui.context import AppContext
from desktop.gui.resources import register_fonts
from desktop.gui.tasks import TaskRunner
from desktop.gui.views.case_import_view import CaseImportDialog
from desktop.gui.widgets.column_mapping import SKIP
from desktop.services.access import sign_in
from desktop.store.db import Database


@pytest.fixture
def ctx_kit(qapp, office_db: Database, tmp_path: Path) -> Iterator[tuple[AppContext, CaseKit]]:  # type: ignore[no-untyped-def]
    register_fonts(qapp)
    kit = case_children(office_db, 4)
    context = AppContext(office_db, TaskRunner(), QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    sign_in(office_db, actor_with(Role.SUPERVISOR, name="boss1"))
    yield context, kit
    context.tasks.wait(10_000)
    sign_in(office_db, EVERY_ROLE)


def test_unknown_headers_are_mapped_by_the_clerk(qtbot, ctx_kit, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ctx, kit = ctx_kit
    # a volunteer's list: no header the program knows; two columns of 13-digit IDs (the
    # child's and a guardian's), so neither is taken unasked
    head = "ที่,ชื่อเด็กที่พบ,เกิดเมื่อ,เลข 13 หลัก,เลขบัตรแม่,ข้อสังเกต"
    rows = [f"1,เด็กชายกมล ใจงาม,1/1/2555,{kit.national_ids[0]},{kit.national_ids[3]},พบที่ตลาด",
            f"2,เด็กหญิงขวัญ ใจงาม,2/1/2555,{kit.national_ids[1]},{kit.national_ids[3]},"]
    path = tmp_path / "volunteer.csv"
    path.write_text("\n".join([head, *rows]) + "\n", encoding="utf-8-sig")
    dialog = CaseImportDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    with qtbot.waitSignal(ctx.tasks.ended, timeout=30_000):
        dialog.set_file(path)
    assert dialog.mapping_table.rowCount() == 6 and dialog.tabs.currentIndex() == 0
    assert dialog.mapping_table.item(1, 1).text() == "เด็กชายกมล ใจงาม"  # the example
    assert dialog.columns.undecided() == [3, 4]
    assert not dialog.check_button.isEnabled() and "เลขบัตรแม่" in dialog.columns_label.text()

    dialog.columns.set_mapping(1, "full_name")
    dialog.columns.set_mapping(2, "birth_date")
    dialog.columns.set_mapping(3, "national_id")
    dialog.columns.set_mapping(4, SKIP)
    dialog.columns.set_mapping(5, "case_note")
    assert dialog.columns.undecided() == [] and dialog.check_button.isEnabled()
    assert dialog.columns.mapping() == {1: "full_name", 2: "birth_date", 3: "national_id", 5: "case_note"}
    with qtbot.waitSignal(ctx.tasks.ended, timeout=30_000):
        qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
    assert dialog.tabs.currentIndex() == 1
    kinds = [dialog.table.item(r, 1).text() for r in range(dialog.table.rowCount())]
    assert kinds == ["ตรงกับเด็กในทะเบียน", "ตรงกับเด็กในทะเบียน"], [dialog.table.item(r, 3).text() for r in range(2)]
    assert dialog.import_button.isEnabled()

    dialog.columns.set_mapping(5, SKIP)  # a column changed after the check: checked again first
    assert not dialog.import_button.isEnabled()
    with qtbot.waitSignal(ctx.tasks.ended, timeout=30_000):
        qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(ctx.tasks.ended, timeout=30_000):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)  # every row imported: nothing asked
    assert dialog.batch is not None

    # another file chosen: nothing of this one stays under its name
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    with qtbot.waitSignal(ctx.tasks.ended, timeout=30_000):
        dialog.set_file(empty)
    assert dialog.table.rowCount() == 0 and dialog.mapping_table.rowCount() == 0
    assert dialog.counts_label.text() == "" and dialog.file_label.text() == "empty.csv"


def test_a_list_without_a_name_column_says_so_once(qtbot, ctx_kit, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The window says what the command says for a workbook with no column naming the child:
    the file's problem once (the column to add), no row said invalid for a prefix or a sex
    that follow from it, the rows counted as not checked, nothing to import; the clerk maps a
    column to the name on the columns tab, where the window turns."""
    import openpyxl

    from desktop.domain.identity import make_national_id

    ctx, kit = ctx_kit
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["ลำดับ", "วันเดือนปีเกิด", "เลขประจำตัวประชาชน"])
    for row in (["1", "01/01/2555", kit.national_ids[0]], ["2", "02/01/2557", make_national_id("110370208155")],
                ["3", "20/10/2554", ""]):
        sheet.append(row)
    path = tmp_path / "no-names.xlsx"
    book.save(path)
    dialog = CaseImportDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    with qtbot.waitSignal(ctx.tasks.ended, timeout=30_000):
        dialog.set_file(path)
    with qtbot.waitSignal(ctx.tasks.ended, timeout=30_000):
        qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
    said = dialog.message_label.text()
    assert dialog.message_label.isVisible() and said.count("ชื่อ-นามสกุล") == 1 and len(said.splitlines()) == 1, said
    assert "คำนำหน้า" not in said and "เพศ" not in said
    assert dialog.table.rowCount() == 0 and not dialog.import_button.isEnabled()
    assert "ยังไม่ได้ตรวจ 3 แถว" in dialog.counts_label.text() and "ข้อมูลไม่ถูกต้อง" not in dialog.counts_label.text()
    assert dialog.tabs.currentIndex() == 0  # where a column is mapped to the name
