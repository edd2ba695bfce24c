"""Print/PDF and export from every list, and the import dialog, clicked through as a clerk
would: the work runs on the background helper, the preview opens, files are written."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from needs import needs_tool
from openpyxl import Workbook, load_workbook
from PySide6.QtWidgets import QFileDialog, QMessageBox

from desktop.domain.identity import make_national_id
from desktop.gui.context import AppContext
from desktop.gui.main_window import MainWindow
from desktop.gui.views.children_view import ChildrenView
from desktop.gui.views.households_view import HouseholdsView
from desktop.gui.views.import_dialog import MAPPING, PREVIEW, ImportDialog
from desktop.gui.views.import_history_view import ImportHistoryView
from desktop.gui.views.institutions_view import InstitutionsView
from desktop.services.children_query import ChildFilter, count_children

needs_pdftotext = needs_tool("pdftotext", "apt poppler-utils")


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True,
                          capture_output=True, text=True).stdout


def _quiet(view) -> None:  # type: ignore[no-untyped-def]
    view.documents.ask_options = False
    view.documents.show_preview = False


@needs_pdftotext
def test_children_list_prints_the_filtered_list(qtbot, ctx: AppContext) -> None:  # type: ignore[no-untyped-def]
    view = ChildrenView(ctx)
    qtbot.addWidget(view)
    _quiet(view)
    view.ui.institutionCombo.setCurrentIndex(1)  # one institution
    institution = view.ui.institutionCombo.currentText()
    qtbot.waitUntil(lambda: view.model.rowCount() > 0)
    first = view.model.row_at(0)
    assert first is not None
    with qtbot.waitSignal(ctx.tasks.ended, timeout=30_000):
        view.ui.printButton.menu().actions()[0].trigger()
    pdf = view.documents.last_pdf
    assert pdf is not None and pdf.exists()
    text = pdf_text(pdf)
    assert first.first_name in text and first.last_name in text
    assert institution in text


@needs_pdftotext
def test_child_profile_prints_the_selected_child(qtbot, ctx: AppContext) -> None:  # type: ignore[no-untyped-def]
    view = ChildrenView(ctx)
    qtbot.addWidget(view)
    _quiet(view)
    qtbot.waitUntil(lambda: view.model.rowCount() > 0)
    view.ui.table.selectRow(3)
    row = view.model.row_at(3)
    assert row is not None
    with qtbot.waitSignal(ctx.tasks.ended, timeout=30_000):
        view.profile_action.trigger()
    text = pdf_text(view.documents.last_pdf)
    assert row.first_name in text and row.last_name in text


def test_children_export_writes_the_filtered_rows(qtbot, ctx: AppContext, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    view = ChildrenView(ctx)
    qtbot.addWidget(view)
    view.ui.institutionCombo.setCurrentIndex(1)
    qtbot.waitUntil(lambda: view.model.rowCount() > 0)
    target = tmp_path / "รายชื่อ"  # no suffix: the chosen filter adds it
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a, **k: (str(target), "สมุดงาน Excel (*.xlsx)"))
    with qtbot.waitSignal(ctx.tasks.ended, timeout=30_000):
        view.ui.exportButton.click()
    written = tmp_path / "รายชื่อ.xlsx"
    sheet = load_workbook(written, read_only=True).active
    rows = list(sheet.iter_rows(values_only=True))
    with ctx.db.reader() as session:
        expected = count_children(session, view.model.filter)
    assert len(rows) - 1 == expected == view.model.total()


@needs_pdftotext
def test_households_and_institutions_print_and_export(qtbot, ctx: AppContext, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    for view_class, stem in ((HouseholdsView, "households"), (InstitutionsView, "institutions")):
        view = view_class(ctx)
        qtbot.addWidget(view)
        view.show()
        _quiet(view)
        with qtbot.waitSignal(ctx.tasks.ended, timeout=30_000):
            view.ui.printButton.click()
        assert view.documents.last_pdf is not None
        assert "หน้า 1/" in pdf_text(view.documents.last_pdf)
        target = tmp_path / f"{stem}.csv"
        monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, t=target, **k: (str(t), ""))
        with qtbot.waitSignal(ctx.tasks.ended, timeout=30_000):
            view.ui.exportButton.click()
        data = target.read_bytes()
        assert data.startswith(b"\xef\xbb\xbf") and len(data.decode("utf-8-sig").splitlines()) > 1


def _children_file(path: Path, rows: list[list[object]]) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "รายชื่อนักเรียน"
    ws.append(["รายชื่อเด็กปีการศึกษา 2569"])  # a title row above the headers
    ws.append(["ลำดับ", "คำนำหน้า", "ชื่อ", "นามสกุล", "เพศ", "วันเดือนปีเกิด", "เลขบัตรประชาชน", "หมายเหตุ"])
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def test_import_dialog_maps_checks_imports_and_undoes(qtbot, ctx: AppContext, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    ids = [make_national_id(f"11037{n:07d}") for n in range(1, 5)]
    bad = ids[3][:-1] + str((int(ids[3][-1]) + 1) % 10)  # wrong check digit
    path = _children_file(tmp_path / "นำเข้า.xlsx", [
        [1, "เด็กชาย", "ภูผา", "ทดลองนำเข้า", "ชาย", "15/08/2563", ids[0], ""],
        [2, "เด็กหญิง", "ธารา", "ทดลองนำเข้า", "หญิง", "2021-02-01", ids[1], ""],
        [3, "ด.ช.", "ปั้นใจ", "ทดลองนำเข้า", "", "1 มี.ค. 2564", ids[2], ""],
        [4, "เด็กหญิง", "ฟ้าใส", "ทดลองนำเข้า", "หญิง", "01/04/2564", bad, ""],
    ])
    with ctx.db.reader() as session:
        before = count_children(session, ChildFilter())
    dialog = ImportDialog(ctx)
    qtbot.addWidget(dialog)
    messages: list[tuple[str, object]] = []
    dialog.imported.connect(lambda text, undo: messages.append((text, undo)))
    with qtbot.waitSignal(ctx.tasks.ended, timeout=30_000):
        dialog.open_file(path)
    assert dialog.sheet is not None and dialog.ui.sheetCombo.currentText() == "รายชื่อนักเรียน"
    assert "4" in dialog.ui.fileInfoLabel.text()
    dialog.ui.nextButton.click()
    assert dialog.ui.stack.currentIndex() == MAPPING
    mapping = dialog.mapping()
    assert set(mapping.values()) >= {"prefix", "first_name", "last_name", "sex", "birth_date", "national_id"}
    assert dialog.ui.nextButton.isEnabled() and not dialog.ui.missingLabel.text()
    # the clerk unmaps a required column: the dialog says so and will not go on
    birth_column = next(i for i, k in mapping.items() if k == "birth_date")
    dialog.set_mapping(birth_column, "")
    assert "วันเกิด" in dialog.ui.missingLabel.text() and not dialog.ui.nextButton.isEnabled()
    dialog.set_mapping(birth_column, "birth_date")
    with qtbot.waitSignal(ctx.tasks.ended, timeout=30_000):
        dialog.ui.nextButton.click()
        assert not dialog.ui.progressBar.isHidden() and not dialog.ui.nextButton.isEnabled()
    assert dialog.ui.stack.currentIndex() == PREVIEW
    assert dialog.ui.progressBar.isHidden()
    plan = dialog.plan
    assert plan.valid_count == 3 and plan.error_count == 1
    problems = [p for p in plan.problems() if p.severity == "error"]
    assert problems[0].row == 6 and problems[0].column == "เลขบัตรประชาชน"
    assert dialog.problems.rowCount() >= 1
    assert "3" in dialog.ui.nextButton.text()
    report = tmp_path / "ปัญหา.xlsx"
    with qtbot.waitSignal(ctx.tasks.ended, timeout=30_000):
        dialog.save_error_report(report)
    assert report.exists()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(ctx.tasks.ended, timeout=30_000):
        dialog.ui.nextButton.click()
    assert messages and "3" in messages[0][0]
    with ctx.db.reader() as session:
        assert count_children(session, ChildFilter()) == before + 3
        assert count_children(session, ChildFilter(search="ทดลองนำเข้า")) == 3
    undo = messages[0][1]
    undo()  # the status bar's Undo
    with ctx.db.reader() as session:
        assert count_children(session, ChildFilter()) == before


def test_a_file_of_100k_bad_rows_shows_at_once(qtbot, ctx: AppContext) -> None:  # type: ignore[no-untyped-def]
    """The problem list is not measured row by row (that took 14 s for 100k rows)."""
    import time

    from desktop.services.imports import CellProblem

    problems = [CellProblem(r, "เลขประจำตัวประชาชน", "national_id", "123",
                            "เลขประจำตัวประชาชนไม่ถูกต้อง โปรดตรวจสอบกับบัตรประชาชน")
                for r in range(2, 100_002)]

    class Plan:
        file_name, valid_count, error_count, warning_count = "x.xlsx", 0, 100_000, 0

        def problems(self) -> list[CellProblem]:
            return problems

    dialog = ImportDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.resize(1000, 700)
    dialog.show()
    started = time.perf_counter()
    dialog.show_plan(Plan())
    qtbot.wait(1)
    assert time.perf_counter() - started < 3.0
    assert dialog.problems.rowCount() == 100_000 and not dialog.ui.nextButton.isEnabled()
    dialog.ui.problemFilter.setText("99999")
    assert dialog.problems.rowCount() == 1


def test_import_dialog_refuses_an_unreadable_file(qtbot, ctx: AppContext, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    broken = tmp_path / "เสีย.xlsx"
    broken.write_bytes(b"PK\x03\x04 this is not really a workbook")
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: warnings.append(text))
    dialog = ImportDialog(ctx)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(ctx.tasks.ended, timeout=30_000):
        dialog.open_file(broken)
    assert warnings and dialog.sheet is None
    assert not dialog.ui.nextButton.isEnabled()


def test_import_history_lists_and_undoes_a_batch(qtbot, ctx: AppContext, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    from datetime import date

    from desktop.reports.sheets import read_sheet
    from desktop.services.imports import commit_import, plan_import, suggest_mapping

    ids = [make_national_id(f"12037{n:07d}") for n in range(1, 3)]
    path = _children_file(tmp_path / "ชุดที่หนึ่ง.xlsx", [
        [1, "เด็กชาย", "หนึ่ง", "ประวัตินำเข้า", "ชาย", "15/08/2563", ids[0], ""],
        [2, "เด็กหญิง", "สอง", "ประวัตินำเข้า", "หญิง", "16/08/2563", ids[1], ""],
    ])
    sheet = read_sheet(path)
    with ctx.db.session() as session:
        plan = plan_import(session, sheet, suggest_mapping(session, sheet.headers), today=date(2026, 11, 24))
        commit_import(session, plan)
    view = ImportHistoryView(ctx)
    qtbot.addWidget(view)
    view.show()
    assert view.ui.table.rowCount() == 1
    assert view.ui.table.item(0, 1).text() == "ชุดที่หนึ่ง.xlsx"
    assert view.ui.undoButton.isEnabled()
    # the history prints and exports like every other list
    _quiet(view)
    with qtbot.waitSignal(ctx.tasks.ended, timeout=30_000):
        view.ui.printButton.click()
    if shutil.which("pdftotext"):
        assert "ชุดที่หนึ่ง.xlsx" in pdf_text(view.documents.last_pdf)
    target = tmp_path / "history.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    with qtbot.waitSignal(ctx.tasks.ended, timeout=30_000):
        view.ui.exportButton.click()
    rows = list(load_workbook(target, read_only=True).active.iter_rows(values_only=True))
    assert rows[1][1] == "ชุดที่หนึ่ง.xlsx" and rows[1][4] == 2
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(ctx.tasks.ended, timeout=30_000):
        view.ui.undoButton.click()
    assert "ยกเลิกแล้ว" in view.ui.table.item(0, 6).text()
    assert not view.ui.undoButton.isEnabled()
    with ctx.db.reader() as session:
        assert count_children(session, ChildFilter(search="ประวัตินำเข้า")) == 0


@needs_pdftotext
def test_main_window_menus_reach_reports_and_import(qtbot, ctx: AppContext) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    assert "imports" in window.pages
    _quiet(window.children_view)
    with qtbot.waitSignal(ctx.tasks.ended, timeout=30_000):
        window.ui.summaryAction.trigger()
    text = pdf_text(window.children_view.documents.last_pdf)
    assert "สรุป" in text
    assert "สร้างรายงาน" in window.message_label.text()


@needs_pdftotext
def test_child_form_prints_the_saved_profile(qtbot, ctx: AppContext) -> None:  # type: ignore[no-untyped-def]
    from desktop.gui.views.child_form import ChildFormDialog
    from desktop.services.children_query import page_children

    with ctx.db.reader() as s:
        row = page_children(s, ChildFilter(), offset=5, limit=1)[0]
    new = ChildFormDialog(ctx, None)
    qtbot.addWidget(new)
    assert new.print_button.isHidden()  # nothing saved yet to print
    dialog = ChildFormDialog(ctx, row.uuid)
    qtbot.addWidget(dialog)
    _quiet(dialog)
    messages: list[str] = []
    dialog.status_message.connect(lambda text, _undo: messages.append(text))
    assert not dialog.print_button.isHidden()
    with qtbot.waitSignal(ctx.tasks.ended, timeout=30_000):
        dialog.print_button.click()
    text = pdf_text(dialog.documents.last_pdf)
    assert f"{row.first_name} {row.last_name}" in text
    assert messages and "1 หน้า" in messages[-1]
