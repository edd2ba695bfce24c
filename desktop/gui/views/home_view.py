"""หน้าแรก: the office, the registry's counts, the last import, export and backup, a demo
badge on demo data, and what needs doing today (``services.home``'s to-do providers).

The summary is read off the GUI thread (counting a million children's identifiers takes
a moment); the page shows it when it arrives.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QListWidgetItem, QWidget

from desktop.domain.dates import format_be_datetime, format_be_local
from desktop.gui.context import AppContext
from desktop.gui.forms.home_view_ui import Ui_HomeView
from desktop.i18n import _ as core_tr
from desktop.services.home import HomeSummary, home_summary
from desktop.services.office import ROLE_LABELS
from desktop.services.progress import Progress
from desktop.store.db import sqlite_path

TILE_STYLE = (
    "QPushButton { text-align: left; padding: 8px 14px; border: 1px solid #d5dde5; "
    "border-radius: 4px; background: #f7fafc; color: #102a43; font-size: 16px; } "
    "QPushButton:hover { background: #e8f1fa; }"
)


class HomeView(QWidget):
    open_page = Signal(str)
    loaded = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ui = Ui_HomeView()
        self.ui.setupUi(self)
        self.summary: HomeSummary | None = None
        self._loading = False
        ui = self.ui
        ui.demoBadge.hide()
        for button, key in ((ui.childrenButton, "children"), (ui.householdsButton, "households"),
                            (ui.institutionsButton, "institutions")):
            button.setStyleSheet(TILE_STYLE)
            button.clicked.connect(lambda _checked=False, key=key: self.open_page.emit(key))
        ui.todoList.itemActivated.connect(self._todo_activated)
        path = sqlite_path(ctx.db.url)
        ui.databaseLabel.setText(str(path) if path is not None else self.tr("เซิร์ฟเวอร์ฐานข้อมูล"))
        self._show_counts(None)

    def showEvent(self, event: QShowEvent) -> None:
        self.refresh()
        super().showEvent(event)

    def refresh(self) -> None:
        if self._loading:
            return
        self._loading = True
        db_path = sqlite_path(self.ctx.db.url)

        def work(_progress: Progress) -> HomeSummary:
            with self.ctx.db.reader() as session:
                return home_summary(session, db_path)

        def failed(_exc: BaseException, _tb: str) -> None:
            self._loading = False
            self.ui.officeDetailLabel.setText(self.tr("อ่านสรุปไม่สำเร็จ ลองเปิดหน้านี้ใหม่อีกครั้ง"))

        self.ctx.tasks.run(work, on_done=self._show, on_error=failed, quiet=True)

    def _show(self, summary: object) -> None:
        self._loading = False
        assert isinstance(summary, HomeSummary)
        self.summary = summary
        ui = self.ui
        office = summary.office
        ui.demoBadge.setVisible(summary.demo)
        if office is None:
            ui.officeLabel.setText(self.tr("ยังไม่ได้ตั้งค่าหน่วยงาน"))
            ui.officeDetailLabel.setText(self.tr("กรอกชื่อและรหัสหน่วยงานที่หน้า ตั้งค่าหน่วยงาน"))
        else:
            ui.officeLabel.setText(office.name)
            parts = [self.tr("รหัส อปท. %1").replace("%1", office.code)]
            if office.province:
                parts.append(self.tr("จังหวัด%1").replace("%1", office.province))
            parts.append(core_tr(ROLE_LABELS.get(office.role, office.role)))
            ui.officeDetailLabel.setText(" · ".join(parts))
        self._show_counts(summary)
        self._show_activity(summary)
        self._show_todos(summary)
        self.loaded.emit()

    def _show_counts(self, summary: HomeSummary | None) -> None:
        ui = self.ui
        for button, label, unit, count in (
            (ui.childrenButton, self.tr("เด็ก"), self.tr("คน"), summary.children if summary else None),
            (ui.householdsButton, self.tr("ครัวเรือน"), self.tr("ครัวเรือน", "unit"),
             summary.households if summary else None),
            (ui.institutionsButton, self.tr("สถานศึกษา"), self.tr("แห่ง"),
             summary.institutions if summary else None),
        ):
            number = "…" if count is None else f"{count:,}"
            button.setText(f"{label}\n{number} {unit}")

    def _show_activity(self, summary: HomeSummary) -> None:
        ui = self.ui
        imp = summary.last_import
        if imp is None:
            ui.importLabel.setText(self.tr("ยังไม่เคยนำเข้า"))
        else:
            text = self.tr("%1 · %2 · %3 คน").replace("%1", format_be_local(imp.at)) \
                .replace("%2", imp.file_name or "-").replace("%3", f"{imp.children:,}")
            if imp.undone:
                text += " " + self.tr("(ยกเลิกแล้ว)")
            ui.importLabel.setText(text)
        exp = summary.last_export
        if exp is None:
            ui.exportLabel.setText(self.tr("ยังไม่เคยส่งออก"))
        else:
            size = (self.tr("%1 หน้า").replace("%1", f"{exp.pages:,}") if exp.pages  # a report
                    else self.tr("%1 แถว").replace("%1", f"{exp.rows:,}"))
            ui.exportLabel.setText(
                self.tr("%1 · %2 · %3 · %4").replace("%1", format_be_local(exp.at))
                .replace("%2", exp.title).replace("%3", size).replace("%4", exp.file_name))
        backup = summary.last_backup
        if backup is None:
            ui.backupLabel.setText(self.tr("ยังไม่มีไฟล์สำรองในโฟลเดอร์ backups ข้างไฟล์ฐานข้อมูล"))
        else:
            from desktop.services.backup import age_text

            text = self.tr("%1 (%2) · %3").replace("%1", format_be_datetime(backup.at)) \
                .replace("%2", age_text(backup.at)).replace("%3", Path(backup.path).name)
            if not backup.verified:
                text += " " + self.tr("(ยังไม่ได้ตรวจ)")
            ui.backupLabel.setText(text)
            ui.backupLabel.setToolTip(str(backup.path))

    def _show_todos(self, summary: HomeSummary) -> None:
        ui = self.ui
        ui.todoList.clear()
        for item in summary.todos:
            row = QListWidgetItem(f"{item.label}: {item.count:,}", ui.todoList)
            row.setData(Qt.ItemDataRole.UserRole, item.page)
            row.setToolTip(self.tr("ดับเบิลคลิกหรือกด Enter เพื่อเปิดหน้าที่เกี่ยวข้อง"))
        ui.todoList.setVisible(bool(summary.todos))
        ui.noTodoLabel.setVisible(not summary.todos)
        rows = max(len(summary.todos), 1)
        ui.todoList.setFixedHeight(min(6, rows) * max(ui.todoList.sizeHintForRow(0), 24) + 6)

    def _todo_activated(self, item: QListWidgetItem) -> None:
        page = item.data(Qt.ItemDataRole.UserRole)
        if page:
            self.open_page.emit(str(page))
