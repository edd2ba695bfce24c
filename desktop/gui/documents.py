"""Print/PDF and Excel export for every list: one place that asks, runs and shows.

A report is made by the background helper (progress bar and cancel in the status bar)
into the user's reports folder, then shown in the preview, from which the clerk prints,
saves or opens it elsewhere. An export asks where to save, then runs the same way.
"""

from __future__ import annotations

import json
import os
import re
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QMessageBox, QWidget

from desktop.gui.context import AppContext
from desktop.gui.forms.report_options_ui import Ui_ReportOptions
from desktop.gui.views.pdf_preview import PdfPreview, last_dir, remember_dir
from desktop.gui.widgets.file_pickers import save_file_name
from desktop.paths import user_data_dir
from desktop.services.progress import Progress

OPTIONS_KEY = "reports/options"
KEEP_REPORTS_SECONDS = 3 * 24 * 3600

MakeReport = Callable[[Any, Path, Any, Progress], int]  # (session, out, ReportOptions, progress)
MakeExport = Callable[[Any, Path, Progress], int]  # (session, path, progress) -> rows


_UNSAFE_IN_NAMES = re.compile(r'[<>:"/\\|?*\x00-\x1f]+')
_WINDOWS_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)),
                     *(f"LPT{i}" for i in range(1, 10))}


def safe_file_name(text: str, fallback: str = "samoe") -> str:
    """``text`` as a file name Windows accepts (no <>:"/\\|?* or control characters, no
    trailing dot or space, not a reserved device name, at most 120 characters)."""
    name = _UNSAFE_IN_NAMES.sub("-", " ".join(text.split())).strip(" .-")[:120].rstrip(" .")
    if not name or name.split(".")[0].upper() in _WINDOWS_RESERVED:
        return fallback
    return name


def default_name(title: str) -> str:
    """A Thai default file name: the title and the Buddhist year (รายชื่อเด็ก-2569)."""
    from desktop.services.children import current_year_be

    return safe_file_name(f"{title}-{current_year_be()}")


def reports_dir() -> Path:
    folder = user_data_dir() / "reports"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _tidy(folder: Path) -> None:
    """Made reports are kept a few days (the clerk saves the ones to keep)."""
    cutoff = time.time() - KEEP_REPORTS_SECONDS
    for old in folder.glob("*.pdf"):
        try:
            if old.stat().st_mtime < cutoff:
                old.unlink()
        except OSError:
            pass




class ReportOptionsDialog(QDialog):
    """Paper orientation, remembered for the next report of the same kind (``stem``: a wide
    list stays landscape after a portrait letter), and the signature lines, remembered for
    the next report of any kind (the same people sign them)."""

    def __init__(self, ctx: AppContext, title: str, detail: str, *, landscape: bool,
                 parent: QWidget | None = None, stem: str = "") -> None:
        super().__init__(parent)
        self.ctx, self.stem = ctx, stem
        self.ui = Ui_ReportOptions()
        self.ui.setupUi(self)
        self.ui.titleLabel.setText(title)
        self.ui.detailLabel.setText(detail)
        self.ui.detailLabel.setVisible(bool(detail))
        ok = self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("สร้างรายงาน"))
        self.ui.buttonBox.accepted.connect(self.accept)
        self.ui.buttonBox.rejected.connect(self.reject)
        saved = self._saved()
        by_kind = saved.get("landscape_by")
        self.by_kind: dict[str, bool] = dict(by_kind) if isinstance(by_kind, dict) else {}
        self.ui.landscapeRadio.setChecked(bool(self.by_kind.get(stem, landscape)))
        self.ui.portraitRadio.setChecked(not self.ui.landscapeRadio.isChecked())
        signs = saved.get("signatures") or []
        self.ui.signGroup.setChecked(bool(saved.get("sign", False)))
        edits = ((self.ui.sign1Name, self.ui.sign1Position), (self.ui.sign2Name, self.ui.sign2Position))
        for (name_edit, position_edit), sign in zip(edits, signs, strict=False):
            name_edit.setText(str(sign.get("name", "")))
            position_edit.setText(str(sign.get("position", "")))

    def _saved(self) -> dict[str, Any]:
        try:
            data = json.loads(str(self.ctx.settings.value(OPTIONS_KEY, "") or "{}"))
        except ValueError:
            return {}
        return data if isinstance(data, dict) else {}

    def options(self) -> Any:
        from desktop.services.reports import ReportOptions, Signature

        ui = self.ui
        signatures: list[Signature] = []
        if ui.signGroup.isChecked():
            for name_edit, position_edit in ((ui.sign1Name, ui.sign1Position),
                                             (ui.sign2Name, ui.sign2Position)):
                name, position = name_edit.text().strip(), position_edit.text().strip()
                if name or position or not signatures:
                    signatures.append(Signature(name=name, position=position))
        return ReportOptions(landscape=ui.landscapeRadio.isChecked(), signatures=tuple(signatures))

    def accept(self) -> None:
        ui = self.ui
        self.ctx.settings.setValue(OPTIONS_KEY, json.dumps({
            "landscape_by": {**self.by_kind, self.stem: ui.landscapeRadio.isChecked()},
            "sign": ui.signGroup.isChecked(),
            "signatures": [
                {"name": ui.sign1Name.text().strip(), "position": ui.sign1Position.text().strip()},
                {"name": ui.sign2Name.text().strip(), "position": ui.sign2Position.text().strip()},
            ],
        }, ensure_ascii=False))
        super().accept()


class Documents(QObject):
    """Shared by the views: ``report(...)`` and ``export(...)``."""

    def __init__(self, ctx: AppContext, window: QWidget,
                 message: Callable[[str, Callable[[], None] | None], None]) -> None:
        super().__init__(window)
        self.ctx, self.window, self.message = ctx, window, message
        self.ask_options = True  # tests turn the options dialog off
        self.show_preview = True
        self.last_pdf: Path | None = None
        self.last_preview: PdfPreview | None = None

    # ---- PDF
    def report(self, title: str, stem: str, make: MakeReport, *, detail: str = "",
               landscape: bool = False, parent: QWidget | None = None, name: str = "",
               subject_uuid: str | None = None) -> None:
        """``subject_uuid``: the child a document is about (the profile); its audit entry
        then shows in that child's history."""
        from desktop.services.reports import ReportOptions

        parent = parent or self.window
        if not self._auditable(parent):
            return
        options: Any = ReportOptions(landscape=landscape)
        if self.ask_options:
            dialog = ReportOptionsDialog(self.ctx, title, detail, landscape=landscape, parent=parent, stem=stem)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return
            options = dialog.options()
        folder = reports_dir()
        _tidy(folder)
        out = folder / f"{stem}-{datetime.now():%Y%m%d-%H%M%S}.pdf"

        def work(progress: Progress) -> int:
            with self.ctx.db.reader() as session:
                pages = make(session, out, options, progress)
            from desktop.services.home import note_export

            note_export(self.ctx.db, stem, title, out, pages=pages,  # a report of personal data: audited
                        subject_uuid=subject_uuid)
            return pages

        def done(pages: object) -> None:
            self.last_pdf = out
            self.message(self.tr("สร้างรายงาน %1 แล้ว %2 หน้า").replace("%1", title)
                         .replace("%2", f"{int(pages or 0):,}"), None)
            if self.show_preview:
                file_name = safe_file_name(name) if name else default_name(title)
                preview = PdfPreview(self.ctx, out, title, f"{file_name}.pdf", parent)
                preview.remove_when_closed = True  # saved or printed from it, or gone
                app = QApplication.instance()
                if app is not None:  # the program ends with the preview open
                    app.aboutToQuit.connect(preview._closed)
                self.last_preview = preview
                preview.show()

        self.ctx.tasks.run(work, on_done=done, on_error=self._failed(title),
                           on_cancel=lambda: self.message(self.tr("ยกเลิกการสร้างรายงานแล้ว"), None),
                           label=self.tr("กำลังสร้างรายงาน %1…").replace("%1", title))

    # ---- spreadsheets
    def export(self, title: str, stem: str, make: MakeExport, *,
               parent: QWidget | None = None, path: Path | None = None) -> None:
        parent = parent or self.window
        if not self._auditable(parent):
            return
        if path is None:
            xlsx, csv = self.tr("สมุดงาน Excel (*.xlsx)"), self.tr("CSV แบบ UTF-8 (*.csv)")
            start = os.path.join(last_dir(self.ctx), f"{default_name(title)}.xlsx")
            chosen, selected = save_file_name(
                parent, self.tr("ส่งออก %1").replace("%1", title), start, f"{xlsx};;{csv}")
            if not chosen:
                return
            suffix = ".csv" if selected == csv else ".xlsx"
            if Path(chosen).suffix.lower() not in (".csv", ".xlsx"):
                chosen += suffix
            remember_dir(self.ctx, chosen)
            path = Path(chosen)
        target = path

        def work(progress: Progress) -> int:
            with self.ctx.db.reader() as session:
                rows = make(session, target, progress)
            from desktop.services.home import note_export

            note_export(self.ctx.db, stem, title, target, rows=rows)  # the home page's last export
            return rows

        def done(rows: object) -> None:
            self.message(self.tr("ส่งออก %1 แล้ว %2 แถว ไปที่ %3").replace("%1", title)
                         .replace("%2", f"{int(rows or 0):,}").replace("%3", str(target)), None)

        self.ctx.tasks.run(work, on_done=done, on_error=self._failed(title),
                           on_cancel=lambda: self.message(self.tr("ยกเลิกการส่งออกแล้ว ไม่มีไฟล์ใดถูกเขียน"), None),
                           label=self.tr("กำลังส่งออก %1…").replace("%1", title))

    def _auditable(self, parent: QWidget) -> bool:
        """Personal data leaves only with its audit entry: a database on a read-only
        medium says so (copy it to a writable disk first) before anything is asked."""
        from desktop.services.home import NotAuditable, check_auditable

        try:
            check_auditable(self.ctx.db)
        except NotAuditable as exc:
            QMessageBox.warning(parent, "Samoe", exc.message)
            return False
        return True

    def _failed(self, title: str) -> Callable[[BaseException, str], None]:
        def failed(exc: BaseException, _tb: str) -> None:
            from desktop.gui.app import fault_text

            QMessageBox.warning(self.window, "Samoe",
                                self.tr("ทำ %1 ไม่สำเร็จ\n\n%2").replace("%1", title)
                                .replace("%2", fault_text(exc, None)))
        return failed
