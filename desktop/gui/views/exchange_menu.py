"""The exchange's entries in the File menu (issue 10):

- at a municipality: ส่งข้อมูลให้จังหวัด… (views/exchange_export.py) and นำเข้าใบตอบรับจากจังหวัด…;
- at the province: รับชุดข้อมูลจาก อปท. (ตรวจและนำเข้า)… (views/exchange_import.py).

An entry the office's kind (municipality or province) does not use is hidden (checked
each time the menu opens: the office may change). A user whose role may not do the work
is told which role may and how to get it, with สลับผู้ใช้… at hand, instead of a refusal
in the middle of the work (the services refuse anyway)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QMessageBox, QWidget

from desktop.domain.roles import Action, Role, role_label
from desktop.gui.context import AppContext

if TYPE_CHECKING:
    from desktop.gui.views.exchange_export import ExportDialog
    from desktop.gui.views.exchange_import import BundleImportDialog


class ExchangeMenu(QObject):
    status_message = Signal(str, object)

    def __init__(self, window: QWidget, ctx: AppContext) -> None:
        super().__init__(window)
        self.setObjectName("exchangeMenu")
        self.window, self.ctx = window, ctx
        self.dialog: ExportDialog | BundleImportDialog | None = None

    def install_menu(self, menu: QMenu, before: QAction) -> None:
        self.export_action = QAction(self.tr("ส่งข้อมูลให้จังหวัด…"), self)
        self.export_action.setObjectName("exchangeExportAction")
        self.receipt_action = QAction(self.tr("นำเข้าใบตอบรับจากจังหวัด…"), self)
        self.receipt_action.setObjectName("exchangeReceiptAction")
        self.import_action = QAction(self.tr("รับชุดข้อมูลจาก อปท. (ตรวจและนำเข้า)…"), self)
        self.import_action.setObjectName("exchangeImportAction")
        for action in (self.export_action, self.receipt_action, self.import_action):
            menu.insertAction(before, action)
        self.separator = menu.insertSeparator(before)
        self.export_action.triggered.connect(lambda _checked=False: self.open_export())
        self.receipt_action.triggered.connect(lambda _checked=False: self.import_receipt())
        self.import_action.triggered.connect(lambda _checked=False: self.open_import())
        menu.aboutToShow.connect(self.update_entries)
        self.update_entries()

    def office_role(self) -> str:
        from desktop.services.office import local_office

        try:
            with self.ctx.db.reader() as session:
                office = local_office(session)
        except Exception:  # noqa: BLE001 - a closed or damaged database: no exchange entries
            return ""
        return office.role if office is not None else ""

    def update_entries(self) -> None:
        role = self.office_role()
        self.export_action.setVisible(role == "municipality")
        self.receipt_action.setVisible(role == "municipality")
        self.import_action.setVisible(role == "province")
        self.separator.setVisible(bool(role))

    # ---- who may
    def allowed(self, action: Action, role: Role, work: str) -> bool:
        """Whether the signed-in user may do ``action``; if not, say who may and how."""
        actor = self.ctx.db.actor
        may = getattr(actor, "may", None)
        if callable(may) and may(action):
            return True
        name = getattr(actor, "name", "")
        box = QMessageBox(self.window)
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle(work)
        box.setText(self.tr(
            "%1 ต้องทำโดยผู้ใช้ที่มีบทบาท %2 ผู้ใช้ %3 ไม่มีบทบาทนี้\n\n"
            "ให้ผู้ใช้ที่มีบทบาทนี้เข้าสู่ระบบ (เมนู แฟ้ม › สลับผู้ใช้…) "
            "หรือให้ผู้ดูแลระบบเพิ่มบทบาทนี้ให้ที่ ตั้งค่า › ผู้ใช้").replace("%1", work)
            .replace("%2", role_label(role)).replace("%3", name))
        switch = self.window.findChild(QAction, "switchUserAction")
        switch_button = box.addButton(self.tr("สลับผู้ใช้…"), QMessageBox.ButtonRole.AcceptRole) \
            if isinstance(switch, QAction) and switch.isEnabled() else None
        close = box.addButton(self.tr("ปิด"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(close)
        box.setEscapeButton(close)
        box.exec()
        if switch_button is not None and box.clickedButton() is switch_button and isinstance(switch, QAction):
            switch.trigger()
        return False

    # ---- the work
    def open_export(self) -> ExportDialog | None:
        from desktop.gui.views.exchange_export import ExportDialog

        if not self.allowed(Action.EXPORT_APPROVE, Role.CERTIFIER, self.tr("การส่งข้อมูลให้จังหวัด")):
            return None
        dialog = ExportDialog(self.ctx, self.window)
        dialog.exported.connect(lambda result: self.status_message.emit(
            self.tr("เขียนชุดข้อมูลถึงจังหวัดแล้ว: %1").replace("%1", str(result.path)), None))
        self._show(dialog)
        return dialog

    def open_import(self) -> BundleImportDialog | None:
        from desktop.gui.views.exchange_import import BundleImportDialog

        if not self.allowed(Action.MERGE, Role.PROVINCE, self.tr("การนำเข้าชุดข้อมูลจาก อปท.")):
            return None
        dialog = BundleImportDialog(self.ctx, self.window)
        dialog.imported.connect(lambda _result: self.status_message.emit(
            self.tr("นำเข้าชุดข้อมูลจาก อปท. แล้ว"), None))
        self._show(dialog)
        return dialog

    def import_receipt(self) -> str:
        from desktop.gui.views.exchange_import import ReceiptImport

        if not self.allowed(Action.EXPORT_APPROVE, Role.CERTIFIER, self.tr("การนำเข้าใบตอบรับจากจังหวัด")):
            return ""
        return ReceiptImport(self.ctx, self.window).choose_and_import()

    def _show(self, dialog: ExportDialog | BundleImportDialog) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.finished.connect(lambda _r: setattr(self, "dialog", None))
        dialog.open()
