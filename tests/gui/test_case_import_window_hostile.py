"""The case-list import window against the files clerks really get (issue 13): what the
reader left out (a hidden first sheet, a stray cell at XFD1048576, the title rows) is said
on the columns page as the command line says it; a 0-byte file, a folder, a zip that is
not a workbook, a path gone: a Thai message and nothing to check; a list imported from
another window after this one checked it: each row said, nothing written, the window
stays open to check again."""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from actors import EVERY_ROLE, actor_with
from case_core_kit import FIRST, CaseKit, case_children
from PySide6.QtCore import QSettings, Qt
from sqlalchemy import func, select

from desktop.domain.roles import Role
from desktop.gui.context import AppContext
from desktop.gui.resources import register_fonts
from desktop.gui.tasks import TaskRunner
from desktop.gui.views.case_import_view import CaseImportDialog
from desktop.services.access import sign_in
from desktop.store.case_state import OosCase
from desktop.store.db import Database
from desktop.store.models import ImportBatch

HEAD = ["ลำดับ", "คำนำหน้า", "ชื่อ", "นามสกุล", "วันเกิด", "เลขประจำตัวประชาชน", "โรงเรียนเดิม"]


@pytest.fixture
def ctx_kit(qapp, office_db: Database, tmp_path: Path) -> Iterator[tuple[AppContext, CaseKit]]:  # type: ignore[no-untyped-def]
    register_fonts(qapp)
    kit = case_children(office_db, 3)
    context = AppContext(office_db, TaskRunner(), QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    sign_in(office_db, actor_with(Role.CLERK, name="clerk1"))
    yield context, kit
    context.tasks.wait(10_000)
    sign_in(office_db, EVERY_ROLE)


def rows_of(kit: CaseKit) -> list[list[object]]:
    return [[str(i + 1), "เด็กหญิง" if i % 2 else "เด็กชาย", FIRST[i % len(FIRST)], "ใจงาม",
             f"{1 + i:02d}/01/2555", kit.national_ids[i], "รร.บ้านหนองบัว"] for i in range(3)]


def opened(qtbot, ctx: AppContext, path: Path) -> CaseImportDialog:  # type: ignore[no-untyped-def]
    dialog = CaseImportDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    with qtbot.waitSignal(ctx.tasks.ended, timeout=30_000):
        dialog.set_file(path)
    return dialog


def test_what_the_reader_left_out_is_said(qtbot, ctx_kit, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ctx, kit = ctx_kit
    import openpyxl

    book = openpyxl.Workbook()
    old = book.active
    old.title, old.sheet_state = "เก่า", "hidden"
    old.append(HEAD[2:4])
    old.append(["ลับ", "ลับ"])
    sheet = book.create_sheet("รายชื่อ")
    for row in [["รายชื่อเด็กนอกระบบการศึกษา Thailand Zero Dropout"], [], HEAD, *rows_of(kit)]:
        sheet.append(row)
    sheet["XFD1048576"] = "x"
    path = tmp_path / "รายชื่อ ZD ปี 2569.xlsx"
    book.save(path)
    dialog = opened(qtbot, ctx, path)
    said = dialog.columns_label.text()
    assert "เก่า" in said and "ซ่อน" in said, said  # the hidden sheet passed over
    assert "XFD1048576" in said, said  # the stray cell not read
    assert "แถวที่ 3" in said, said  # the header found under the title rows
    assert dialog.check_button.isEnabled()


@pytest.mark.parametrize("kind", ["0 bytes", "a folder", "a zip of photos", "gone"])
def test_a_file_that_is_no_list_says_so_in_thai(qtbot, ctx_kit, tmp_path: Path, kind: str) -> None:  # type: ignore[no-untyped-def]
    ctx, _kit = ctx_kit
    path = tmp_path / "รายชื่อ เด็ก.xlsx"
    if kind == "0 bytes":
        path.write_bytes(b"")
    elif kind == "a folder":
        path.mkdir()
    elif kind == "a zip of photos":
        with zipfile.ZipFile(path, "w") as z:
            z.writestr("photo.jpg", b"\xff\xd8\xff" + bytes(100))
    dialog = opened(qtbot, ctx, path)
    said = dialog.message_label.text()
    assert dialog.message_label.isVisibleTo(dialog) and path.name in said and "โปรด" in said, said
    assert "Traceback" not in said and not dialog.check_button.isEnabled()
    assert dialog.mapping_table.rowCount() == 0 and not dialog.import_button.isEnabled()


def test_a_list_imported_from_another_window_after_the_check(qtbot, ctx_kit, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                            office_db: Database) -> None:
    ctx, kit = ctx_kit
    path = tmp_path / "list.csv"
    path.write_text("\n".join(",".join(map(str, r)) for r in [HEAD, *rows_of(kit)]) + "\n", encoding="utf-8-sig")
    first, second = opened(qtbot, ctx, path), opened(qtbot, ctx, path)
    for dialog in (first, second):
        with qtbot.waitSignal(ctx.tasks.ended, timeout=30_000):
            qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
        assert dialog.import_button.isEnabled(), (dialog.counts_label.text(), dialog.message_label.text(), [dialog.table.item(r, 3).text() for r in range(dialog.table.rowCount())])
    with qtbot.waitSignal(ctx.tasks.ended, timeout=30_000):
        qtbot.mouseClick(first.import_button, Qt.MouseButton.LeftButton)
    assert first.batch is not None
    with qtbot.waitSignal(ctx.tasks.ended, timeout=30_000):
        qtbot.mouseClick(second.import_button, Qt.MouseButton.LeftButton)
    said = second.message_label.text()
    assert second.batch is None and second.isVisible()
    assert "แถว 2" in said and "กรณีที่ยังไม่ปิด" in said and "ตรวจสอบรายชื่ออีกครั้ง" in said, said
    with office_db.reader() as s:
        assert s.scalar(select(func.count()).select_from(OosCase)) == 3
        assert s.scalar(select(func.count()).select_from(ImportBatch)) == 1
    with qtbot.waitSignal(ctx.tasks.ended, timeout=30_000):  # checked again: every row has its case now
        qtbot.mouseClick(second.check_button, Qt.MouseButton.LeftButton)
    assert "มีกรณีที่ยังไม่ปิดอยู่แล้ว 3" in second.counts_label.text() and not second.import_button.isEnabled()


def test_the_picker_offers_every_kind_the_reader_reads(qtbot, ctx_kit, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """An .ods from LibreOffice, an HTML page saved from the province's web system, a
    tab-separated .txt: the picker shows them (the registry import's filter), not only
    .xlsx, .xls and .csv."""
    from desktop.gui.widgets import file_pickers

    ctx, _kit = ctx_kit
    asked: list[str] = []
    monkeypatch.setattr(file_pickers, "open_file_name",
                        lambda _parent, _title, _folder, filters: (asked.append(filters), ("", ""))[1])
    dialog = CaseImportDialog(ctx)
    qtbot.addWidget(dialog)
    qtbot.mouseClick(dialog.pick_button, Qt.MouseButton.LeftButton)
    assert asked and all(f"*.{ext}" in asked[0] for ext in ("xlsx", "xls", "ods", "csv", "txt", "htm", "html")), asked


def test_the_clerk_chooses_the_hidden_sheet_and_the_header_row(qtbot, ctx_kit, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The province's workbook: a cover sheet in front, the list on a hidden sheet. The
    window said the hidden sheet's name and had no way to read it (the command line has
    --sheet): now the clerk picks the sheet, then the header row, as in the registry import."""
    ctx, kit = ctx_kit
    import openpyxl

    book = openpyxl.Workbook()
    cover = book.active
    cover.title = "ปก"
    cover["A1"] = "รายชื่อเด็กนอกระบบการศึกษา ปี 2569"
    data = book.create_sheet("ข้อมูล")
    data.sheet_state = "hidden"
    for row in [HEAD, *rows_of(kit)]:
        data.append(row)
    path = tmp_path / "ZD 2569.xlsx"
    book.save(path)
    dialog = opened(qtbot, ctx, path)
    said = dialog.message_label.text()
    assert "ข้อมูล" in said and "แผ่นงาน" in said and not dialog.check_button.isEnabled(), said
    choice = dialog.sheet_choice
    combo = choice.sheet_combo
    assert choice.isVisibleTo(dialog) and [combo.itemData(i) for i in range(combo.count())] == ["ปก", "ข้อมูล"]
    with qtbot.waitSignal(ctx.tasks.ended, timeout=30_000):
        combo.setCurrentIndex(1)
        combo.activated.emit(1)
    assert dialog.sheet is not None and dialog.sheet.sheet == "ข้อมูล" and dialog.sheet.header_row == 1
    assert not dialog.message_label.isVisibleTo(dialog) and dialog.check_button.isEnabled()
    assert "ข้อมูล" in dialog.columns_label.text() and combo.currentText() == "ข้อมูล (ซ่อนอยู่)"
    assert choice.header_spin.isEnabled() and choice.header_spin.value() == 1
    with qtbot.waitSignal(ctx.tasks.ended, timeout=30_000):
        choice.header_spin.setValue(2)  # a wrong header row: the first child's row read as the headers
    assert dialog.sheet.header_row == 2 and dialog.sheet.sheet == "ข้อมูล" and len(dialog.sheet.rows) == 2
    with qtbot.waitSignal(ctx.tasks.ended, timeout=30_000):
        choice.header_spin.setValue(1)
    assert dialog.sheet.header_row == 1 and len(dialog.sheet.rows) == 3
    with qtbot.waitSignal(ctx.tasks.ended, timeout=30_000):
        dialog.check()
    assert dialog.plan is not None and dialog.import_button.isEnabled()
    csv = tmp_path / "list.csv"  # no sheets: the header row alone
    csv.write_text("\n".join(",".join(map(str, r)) for r in [HEAD, *rows_of(kit)]) + "\n", encoding="utf-8")
    with qtbot.waitSignal(ctx.tasks.ended, timeout=30_000):
        dialog.set_file(csv)
    assert choice.isVisibleTo(dialog) and choice.header_spin.isVisibleTo(dialog)
    assert not combo.isVisibleTo(dialog) and not choice.sheet_label.isVisibleTo(dialog)
