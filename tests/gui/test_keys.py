"""Keys as clerks use them: Enter in the preview's page box goes to the page (no print
dialog); the status bar's undo stays until the next action and Ctrl+Z takes it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from desktop.gui.context import AppContext


def _pdf(path: Path, pages: int) -> Path:
    c = canvas.Canvas(str(path), pagesize=A4)
    for n in range(pages):
        c.drawString(72, 700, f"page {n + 1}")
        c.showPage()
    c.save()
    return path


def test_enter_in_the_page_box_goes_to_the_page(qtbot, ctx: AppContext, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from desktop.gui.views.pdf_preview import PdfPreview

    preview = PdfPreview(ctx, _pdf(tmp_path / "r.pdf", 5), "ทดสอบ", "r.pdf")
    qtbot.addWidget(preview)
    printed: list[bool] = []
    monkeypatch.setattr(preview, "print_document", lambda: printed.append(True))
    preview.ui.printButton.clicked.disconnect()
    preview.ui.printButton.clicked.connect(preview.print_document)
    preview.show()
    qtbot.waitExposed(preview)
    spin = preview.ui.pageSpin
    spin.setFocus()
    spin.selectAll()
    QTest.keyClicks(spin, "4")
    QTest.keyClick(spin, Qt.Key.Key_Return)
    assert preview.index == 3
    assert printed == []


def test_undo_stays_until_the_next_action_and_ctrl_z_takes_it(qtbot, ctx: AppContext) -> None:  # type: ignore[no-untyped-def]
    from desktop.gui.main_window import MainWindow

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    undone: list[int] = []
    window.show_message("ลบ ก แล้ว", lambda: undone.append(1))
    qtbot.wait(100)
    from PySide6.QtCore import QTimer
    assert not [t for t in window.findChildren(QTimer) if t.isActive() and t.interval() >= 10_000]
    assert window.undo_button.isVisible()
    QTest.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert undone == [1] and not window.undo_button.isVisible()
    window.show_message("ลบ ข แล้ว", lambda: undone.append(2))
    window.show_message("บันทึกแล้ว", None)  # the next action: the old undo goes
    QTest.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert undone == [1]


def test_open_elsewhere_without_a_program_says_so(qtbot, ctx: AppContext, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QMessageBox

    from desktop.gui.views import pdf_preview

    said: list[str] = []
    monkeypatch.setattr(pdf_preview, "open_externally", lambda _p: False)
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text, *a, **k: said.append(text))
    preview = pdf_preview.PdfPreview(ctx, _pdf(tmp_path / "r.pdf", 1), "ทดสอบ", "r.pdf")
    qtbot.addWidget(preview)
    preview.ui.externalButton.click()
    assert said and "ไม่พบโปรแกรม" in said[0]


def test_about_shows_the_file_not_a_url(qtbot, ctx: AppContext, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QMessageBox

    from desktop.gui.main_window import MainWindow

    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "about", lambda _p, _t, text: said.append(text))
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.about()
    assert "sqlite://" not in said[0] and "samoe.db" in said[0]
