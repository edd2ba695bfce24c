"""The report preview: pages drawn by PDFium, paging, zoom, save and print; and the shared
report/export runner (options remembered, background work, failure and cancel)."""

from __future__ import annotations

from pathlib import Path

import pypdfium2
import pytest
from PySide6.QtGui import QPageLayout
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QMessageBox
from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfgen import canvas

from desktop.gui.context import AppContext
from desktop.gui.documents import Documents, ReportOptionsDialog
from desktop.gui.views.pdf_preview import PdfPreview, render_page, save_copy
from desktop.services.progress import Cancelled, Progress


def _pdf(path: Path, pages: int, *, wide: bool = False) -> Path:
    size = landscape(A4) if wide else A4
    c = canvas.Canvas(str(path), pagesize=size)
    for n in range(pages):
        c.setFont("Helvetica", 40)
        c.drawString(72, size[1] - 120, f"page {n + 1}")
        c.rect(36, 36, size[0] - 72, size[1] - 72)
        c.showPage()
    c.save()
    return path


def test_preview_pages_zoom_and_keys(qtbot, ctx: AppContext, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    pdf = _pdf(tmp_path / "r.pdf", 3)
    preview = PdfPreview(ctx, pdf, "ทดสอบ", "r.pdf")
    qtbot.addWidget(preview)
    preview.show()
    assert preview.page_count == 3
    assert "3" in preview.ui.pageCountLabel.text()
    assert not preview.ui.prevButton.isEnabled() and preview.ui.nextButton.isEnabled()
    first = preview.ui.pageLabel.pixmap().toImage()
    preview.ui.nextButton.click()
    assert preview.index == 1 and preview.ui.pageSpin.value() == 2
    assert preview.ui.pageLabel.pixmap().toImage() != first  # a different page is drawn
    preview.ui.pageSpin.setValue(3)
    assert preview.index == 2 and not preview.ui.nextButton.isEnabled()
    width = preview.ui.pageLabel.pixmap().width()
    preview.ui.zoomInButton.click()
    assert preview.zoom is not None
    bigger = preview.ui.pageLabel.pixmap().width()
    preview.ui.zoomOutButton.click()
    preview.ui.zoomOutButton.click()
    assert preview.ui.pageLabel.pixmap().width() < bigger
    preview.ui.fitButton.click()
    assert preview.zoom is None and preview.ui.pageLabel.pixmap().width() == width


def test_rendered_page_has_ink(ctx: AppContext, tmp_path: Path) -> None:
    doc = pypdfium2.PdfDocument(str(_pdf(tmp_path / "r.pdf", 1)))
    image = render_page(doc, 0, 1.0)
    assert abs(image.width() - 595) <= 1 and abs(image.height() - 842) <= 1  # A4 at 72 dpi
    colours = {image.pixel(x, y) for x in range(0, 595, 7) for y in range(0, 842, 7)}
    assert len(colours) > 1  # not a blank page
    doc.close()


def test_print_to_a_pdf_printer_prints_every_page_in_orientation(qtbot, ctx: AppContext,  # type: ignore[no-untyped-def]
                                                                 tmp_path: Path) -> None:
    pdf = _pdf(tmp_path / "wide.pdf", 2, wide=True)
    preview = PdfPreview(ctx, pdf, "ทดสอบ", "wide.pdf")
    qtbot.addWidget(preview)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    printer.setResolution(100)
    printer.setPageOrientation(QPageLayout.Orientation.Landscape)
    assert preview.print_to(printer)
    printed = pypdfium2.PdfDocument(str(tmp_path / "printed.pdf"))
    assert len(printed) == 2
    w, h = printed[0].get_size()
    assert w > h
    printed.close()


def test_save_copy_is_atomic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = _pdf(tmp_path / "a.pdf", 1)
    target = tmp_path / "out.pdf"
    target.write_bytes(b"earlier file")

    def broken_fsync(_fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("os.fsync", broken_fsync)
    with pytest.raises(OSError):
        save_copy(source, target)
    assert target.read_bytes() == b"earlier file"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []
    monkeypatch.undo()
    save_copy(source, target)
    assert target.read_bytes() == source.read_bytes()


def test_report_options_are_remembered(qtbot, ctx: AppContext) -> None:  # type: ignore[no-untyped-def]
    dialog = ReportOptionsDialog(ctx, "รายชื่อเด็ก", "", landscape=False, stem="children")
    qtbot.addWidget(dialog)
    dialog.ui.landscapeRadio.setChecked(True)
    dialog.ui.signGroup.setChecked(True)
    dialog.ui.sign1Name.setText("นางสาวมานี ใจดี")
    dialog.ui.sign1Position.setText("นักวิชาการศึกษา")
    dialog.ui.sign2Position.setText("ผู้อำนวยการกองการศึกษา")
    options = dialog.options()
    dialog.accept()
    assert options.landscape
    assert [(s.name, s.position) for s in options.signatures] == [
        ("นางสาวมานี ใจดี", "นักวิชาการศึกษา"), ("", "ผู้อำนวยการกองการศึกษา")]
    again = ReportOptionsDialog(ctx, "รายชื่อเด็ก", "", landscape=False, stem="children")
    qtbot.addWidget(again)
    assert again.ui.landscapeRadio.isChecked() and again.ui.signGroup.isChecked()
    assert again.ui.sign1Name.text() == "นางสาวมานี ใจดี"
    assert again.options() == options
    again.reject()
    # another kind of report keeps its own orientation (a wide list printed after a portrait
    # letter stayed portrait and broke its Thai words), the signers are the same people
    letter = ReportOptionsDialog(ctx, "รายงานประจำเดือน", "", landscape=False, stem="cases-month")
    qtbot.addWidget(letter)
    assert letter.ui.portraitRadio.isChecked() and letter.ui.sign1Name.text() == "นางสาวมานี ใจดี"
    letter.accept()
    wide = ReportOptionsDialog(ctx, "รายชื่อกรณี", "", landscape=True, stem="cases")
    qtbot.addWidget(wide)
    assert wide.ui.landscapeRadio.isChecked()


def _documents(ctx: AppContext, qtbot, messages: list[str]) -> Documents:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QWidget

    window = QWidget()
    qtbot.addWidget(window)
    docs = Documents(ctx, window, lambda text, _undo: messages.append(text))
    docs.ask_options = False
    return docs


def test_report_runs_in_background_then_previews(qtbot, ctx: AppContext) -> None:  # type: ignore[no-untyped-def]
    messages: list[str] = []
    docs = _documents(ctx, qtbot, messages)
    seen: list[object] = []

    def make(session, out: Path, options, progress: Progress) -> int:  # type: ignore[no-untyped-def]
        seen.append(options)
        progress.step(1, 2, "")
        _pdf(out, 2)
        return 2

    with qtbot.waitSignal(ctx.tasks.ended, timeout=10_000):
        docs.report("รายชื่อเด็ก", "children-list", make)
    assert docs.last_pdf is not None and docs.last_pdf.exists()
    assert docs.last_preview is not None and docs.last_preview.page_count == 2
    assert "2 หน้า" in messages[-1]
    docs.last_preview.close()


def test_report_failure_and_cancel_tell_the_clerk(qtbot, ctx: AppContext,  # type: ignore[no-untyped-def]
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    messages: list[str] = []
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: warnings.append(text))
    docs = _documents(ctx, qtbot, messages)

    def too_big(session, out, options, progress):  # type: ignore[no-untyped-def]
        raise ValueError("รายชื่อยาวเกินไป โปรดเลือกสถานศึกษาก่อน")

    with qtbot.waitSignal(ctx.tasks.ended, timeout=10_000):
        docs.report("รายชื่อเด็ก", "children-list", too_big)
    assert "โปรดเลือกสถานศึกษาก่อน" in warnings[-1]

    def cancelled(session, out, options, progress):  # type: ignore[no-untyped-def]
        raise Cancelled()

    with qtbot.waitSignal(ctx.tasks.ended, timeout=10_000):
        docs.report("รายชื่อเด็ก", "children-list", cancelled)
    assert "ยกเลิก" in messages[-1]
    assert docs.last_preview is None


def test_fit_width_redraws_once_after_resizing(qtbot, ctx: AppContext, tmp_path: Path,  # type: ignore[no-untyped-def]
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    preview = PdfPreview(ctx, _pdf(tmp_path / "r.pdf", 1), "ทดสอบ", "r.pdf")
    qtbot.addWidget(preview)
    preview.show()
    drawn: list[int] = []
    original = preview.show_page
    monkeypatch.setattr(preview, "show_page", lambda i: (drawn.append(i), original(i)))
    width = preview.ui.pageLabel.pixmap().width()
    for w in range(700, 1000, 30):  # a drag: ten resize events
        preview.resize(w, 760)
        qtbot.wait(5)
    qtbot.waitUntil(lambda: len(drawn) >= 1)
    qtbot.wait(150)
    assert len(drawn) == 1
    assert preview.ui.pageLabel.pixmap().width() > width
