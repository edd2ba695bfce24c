"""ตัวอย่างก่อนพิมพ์: a made report shown page by page, printed, saved or opened elsewhere.

Pages are drawn by PDFium (pypdfium2), so what the clerk sees and what the printer gets
is the PDF itself, Thai shaping included, on every platform; the system's PDF viewer is
one click away for those who prefer it.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt, QTimer, QUrl
from PySide6.QtGui import (
    QDesktopServices,
    QImage,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QPixmap,
    QShortcut,
)
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QMessageBox, QProgressDialog, QWidget

from desktop import atomic
from desktop.gui.context import AppContext
from desktop.gui.forms.pdf_preview_ui import Ui_PdfPreview
from desktop.gui.widgets.file_pickers import save_file_name
from desktop.gui.widgets.screen import fit_to_screen

ZOOMS = (0.5, 0.67, 0.8, 1.0, 1.25, 1.5, 2.0)
LAST_DIR_KEY = "documents/last_dir"
PRINT_DPI = 300


def render_page(document: object, index: int, scale: float) -> QImage:
    """Page ``index`` of an open ``pypdfium2.PdfDocument`` as a QImage at ``scale``
    (1.0 = 72 dpi)."""
    page = document[index]  # type: ignore[index]
    bitmap = page.render(scale=scale, rev_byteorder=True)  # RGB
    image = QImage(bytes(bitmap.buffer), bitmap.width, bitmap.height, bitmap.stride,
                   QImage.Format.Format_RGB888)
    return image.copy()  # detach from the buffer before it is freed


def last_dir(ctx: AppContext) -> str:
    saved = str(ctx.settings.value(LAST_DIR_KEY, "") or "")
    if saved and os.path.isdir(saved):
        return saved
    return QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)


def remember_dir(ctx: AppContext, path: str) -> None:
    ctx.settings.setValue(LAST_DIR_KEY, os.path.dirname(path))


def open_externally(path: Path) -> bool:
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


class PdfPreview(QDialog):
    def __init__(self, ctx: AppContext, pdf: Path, title: str, file_name: str,
                 parent: QWidget | None = None) -> None:
        import pypdfium2

        super().__init__(parent)
        self.ctx, self.pdf, self.file_name = ctx, pdf, file_name
        self.ui = Ui_PdfPreview()
        self.ui.setupUi(self)
        self.setWindowTitle(self.tr("ตัวอย่างก่อนพิมพ์ — %1").replace("%1", title))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.document = pypdfium2.PdfDocument(str(pdf))
        # a report made for this preview (Documents.report): its file goes when the
        # preview closes, unless another program was given it (that one needs the file)
        self.remove_when_closed = False
        self.opened_elsewhere = False
        self.finished.connect(self._closed)
        self.page_count = len(self.document)
        self.zoom: float | None = None  # None: fit the width
        self.index = 0
        ui = self.ui
        ui.pageSpin.setMaximum(max(self.page_count, 1))
        ui.pageCountLabel.setText(self.tr("จาก %1 หน้า").replace("%1", f"{self.page_count:,}"))
        ui.fileLabel.setText(file_name)
        ui.prevButton.clicked.connect(lambda: self.show_page(self.index - 1))
        ui.nextButton.clicked.connect(lambda: self.show_page(self.index + 1))
        ui.pageSpin.valueChanged.connect(lambda v: self.show_page(v - 1))
        ui.pageSpin.setKeyboardTracking(False)  # a typed page number is taken on Enter
        ui.zoomInButton.clicked.connect(lambda: self._step_zoom(+1))
        ui.zoomOutButton.clicked.connect(lambda: self._step_zoom(-1))
        ui.fitButton.clicked.connect(self._fit)
        ui.externalButton.clicked.connect(self.open_elsewhere)
        ui.saveButton.clicked.connect(self.save_as)
        ui.printButton.clicked.connect(self.print_document)
        ui.closeButton.clicked.connect(self.close)
        for keys, slot in (
            (QKeySequence.StandardKey.MoveToNextPage, lambda: self.show_page(self.index + 1)),
            (QKeySequence.StandardKey.MoveToPreviousPage, lambda: self.show_page(self.index - 1)),
            (QKeySequence.StandardKey.ZoomIn, lambda: self._step_zoom(+1)),
            (QKeySequence.StandardKey.ZoomOut, lambda: self._step_zoom(-1)),
            (QKeySequence.StandardKey.Save, self.save_as),
            (QKeySequence.StandardKey.Print, self.print_document),
        ):
            QShortcut(QKeySequence(keys), self, activated=slot)
        self._refit = QTimer(self, singleShot=True, interval=80)
        self._refit.timeout.connect(lambda: self.zoom is None and self.show_page(self.index))
        fit_to_screen(self)
        self.show_page(0)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter in the page box goes to that page (not the print dialog's default button)."""
        spin, focused = self.ui.pageSpin, self.focusWidget()
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and focused is not None \
                and (focused is spin or spin.isAncestorOf(focused)):
            self.ui.pageSpin.interpretText()
            self.show_page(self.ui.pageSpin.value() - 1)
            event.accept()
            return
        super().keyPressEvent(event)

    def open_elsewhere(self) -> None:
        if open_externally(self.pdf):
            self.opened_elsewhere = True
        else:
            QMessageBox.information(self, "Samoe", self.tr(
                "ไม่พบโปรแกรมอ่าน PDF ในเครื่องนี้ จึงเปิดด้วยโปรแกรมอื่นไม่ได้ "
                "กด บันทึก PDF… เพื่อเก็บไฟล์ไว้ หรือ พิมพ์… จากหน้านี้ได้เลย"))

    # ---- viewing
    def _scale(self) -> float:
        if self.zoom is not None:
            return self.zoom * 96 / 72
        width_pt = self.document[self.index].get_size()[0]
        available = max(self.ui.scrollArea.viewport().width() - 40, 200)
        return available / width_pt

    def show_page(self, index: int) -> None:
        if not 0 <= index < self.page_count:
            return
        self.index = index
        ui = self.ui
        ui.pageSpin.blockSignals(True)
        ui.pageSpin.setValue(index + 1)
        ui.pageSpin.blockSignals(False)
        ui.prevButton.setEnabled(index > 0)
        ui.nextButton.setEnabled(index < self.page_count - 1)
        ratio = self.devicePixelRatioF()
        image = render_page(self.document, index, self._scale() * ratio)
        image.setDevicePixelRatio(ratio)
        ui.pageLabel.setPixmap(QPixmap.fromImage(image))

    def _step_zoom(self, step: int) -> None:
        current = self.zoom if self.zoom is not None else self._scale() * 72 / 96
        if step > 0:
            self.zoom = next((z for z in ZOOMS if z > current + 0.01), ZOOMS[-1])
        else:
            self.zoom = next((z for z in reversed(ZOOMS) if z < current - 0.01), ZOOMS[0])
        self.show_page(self.index)

    def _fit(self) -> None:
        self.zoom = None
        self.show_page(self.index)

    def resizeEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        """Fit-to-width pages are drawn again once the window stops changing size, not
        for every step of a drag (each drawing is a PDFium render on the GUI thread)."""
        super().resizeEvent(event)
        if self.zoom is None and hasattr(self, "_refit"):
            self._refit.start()

    # ---- saving and printing
    def save_as(self) -> None:
        start = os.path.join(last_dir(self.ctx), self.file_name)
        path, _ = save_file_name(self, self.tr("บันทึก PDF"), start,
                                self.tr("เอกสาร PDF (*.pdf)"))
        if not path:
            return
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        try:
            save_copy(self.pdf, Path(path))
        except OSError as exc:
            QMessageBox.critical(self, "Samoe", self.tr("บันทึกไฟล์ไม่สำเร็จ: %1").replace("%1", str(exc)))
            return
        remember_dir(self.ctx, path)
        self.ui.fileLabel.setText(self.tr("บันทึกไว้ที่ %1").replace("%1", path))

    def print_document(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.file_name)
        width, height = self.document[0].get_size()
        from PySide6.QtGui import QPageLayout, QPageSize

        printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        printer.setPageOrientation(QPageLayout.Orientation.Landscape if width > height
                                   else QPageLayout.Orientation.Portrait)
        printer.setFullPage(True)
        printer.setFromTo(1, self.page_count)
        dialog = QPrintDialog(printer, self)
        dialog.setMinMax(1, self.page_count)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.print_to(printer)

    def print_to(self, printer: QPrinter) -> bool:
        first, last = printer.fromPage(), printer.toPage()
        if first == 0:
            first, last = 1, self.page_count
        pages = list(range(first - 1, min(last, self.page_count)))
        progress = QProgressDialog(self.tr("กำลังส่งไปเครื่องพิมพ์…"), self.tr("ยกเลิก"),
                                   0, len(pages), self)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(400)
        painter = QPainter()
        if not painter.begin(printer):
            QMessageBox.critical(self, "Samoe", self.tr("เปิดเครื่องพิมพ์ไม่ได้"))
            return False
        try:
            dpi = min(printer.resolution(), PRINT_DPI)
            for n, index in enumerate(pages):
                if progress.wasCanceled():
                    printer.abort()
                    return False
                if n:
                    printer.newPage()
                image = render_page(self.document, index, dpi / 72)
                target = painter.viewport()
                size = image.size().scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
                painter.drawImage(target.x(), target.y(), image.scaled(
                    size, Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation))
                progress.setValue(n + 1)
        finally:
            painter.end()
            progress.close()
        return True

    def closeEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        self.document.close()
        super().closeEvent(event)

    def _closed(self, _result: int = 0) -> None:
        """Closed by any way (Esc, the close button, the window's close): the PDF is let go
        and a report made only for this preview is removed (names and IDs in clear)."""
        with contextlib.suppress(Exception):  # closed already
            self.document.close()
        if self.remove_when_closed and not self.opened_elsewhere:
            with contextlib.suppress(OSError):  # still held (Windows): the next report's tidy-up removes it
                self.pdf.unlink(missing_ok=True)


def save_copy(source: Path, target: Path) -> None:
    """Copy atomically: a failed copy leaves any earlier file at ``target`` as it was."""
    atomic.copy_file(source, target)
