"""ตั้งค่าหน่วยงาน: change this database's office (name, code, province, role) later."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QCheckBox, QFormLayout, QGroupBox, QSpinBox, QWidget

from desktop.domain.errors import ValidationFailed
from desktop.gui.app import fault_text
from desktop.gui.context import AppContext
from desktop.gui.forms.office_settings_view_ui import Ui_OfficeSettingsView
from desktop.gui.views.office_dialog import OfficeForm
from desktop.services.office import OfficeInfo, init_office, local_office
from desktop.services.security import (
    MAX_IDLE_MINUTES,
    MIN_IDLE_MINUTES,
    idle_lock_minutes,
    record_views,
    set_idle_lock_minutes,
    set_record_views,
)
from desktop.store.db import sqlite_path
from desktop.store.faults import DatabaseFault


class OfficeSettingsView(QWidget):
    office_changed = Signal(object)  # OfficeInfo
    idle_minutes_changed = Signal(int)  # the idle lock's minutes (saved)
    status_message = Signal(str, object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ui = Ui_OfficeSettingsView()
        self.ui.setupUi(self)
        self.form = OfficeForm(self)
        self.ui.formHolderLayout.addWidget(self.form)
        security = QGroupBox(self.tr("ความปลอดภัย"), self)
        rows = QFormLayout(security)
        self.idle_spin = QSpinBox(security)
        self.idle_spin.setObjectName("idleMinutesSpin")
        self.idle_spin.setRange(MIN_IDLE_MINUTES, MAX_IDLE_MINUTES)
        self.idle_spin.setSuffix(self.tr(" นาที"))
        self.idle_spin.setToolTip(self.tr(
            "ไม่มีการกดแป้นหรือเลื่อนเมาส์นานเท่านี้ หน้าจอจะล็อกและซ่อนข้อมูลส่วนบุคคล "
            "จนกว่าจะใส่รหัสผ่านอีกครั้ง"))
        rows.addRow(self.tr("ล็อกหน้าจอเมื่อไม่มีการใช้งาน"), self.idle_spin)
        self.record_views_check = QCheckBox(self.tr("บันทึกทุกครั้งที่เปิดดูข้อมูลเด็ก"), security)
        self.record_views_check.setObjectName("recordViewsCheck")
        self.record_views_check.setToolTip(self.tr(
            "ทุกครั้งที่มีผู้เปิดดูข้อมูลเด็กรายคน จะบันทึกไว้ในประวัติของเด็ก (ใคร เมื่อใด) "
            "ตาม พ.ร.บ.คุ้มครองข้อมูลส่วนบุคคล ควรเปิดไว้"))
        rows.addRow(self.tr("บันทึกการใช้งาน"), self.record_views_check)
        self.ui.formHolderLayout.addWidget(security)
        self.ui.saveButton.clicked.connect(self.save)
        self.ui.revertButton.clicked.connect(self.refresh)
        for edit in (self.form.ui.nameEdit, self.form.ui.codeEdit, self.form.ui.provinceEdit):
            edit.returnPressed.connect(self.save)
        self.office: OfficeInfo | None = None
        self.idle_minutes = 0
        self.views_on = True

    def showEvent(self, event: QShowEvent) -> None:
        if not self._edited():  # shown again after the screen was locked: edits stay
            self.refresh()
        super().showEvent(event)

    def _edited(self) -> bool:
        if self.office is None:
            return False
        values = self.form.values()
        saved = (self.office.name, self.office.code, self.office.province, self.office.role)
        return (values.name, values.code, values.province, values.role) != saved \
            or self.idle_spin.value() != self.idle_minutes \
            or self.record_views_check.isChecked() != self.views_on

    def refresh(self) -> None:
        with self.ctx.db.reader() as session:
            self.office = local_office(session)
            self.idle_minutes = idle_lock_minutes(session)
            self.views_on = record_views(session)
        self.form.set_values(self.office)
        self.idle_spin.setValue(self.idle_minutes)
        self.record_views_check.setChecked(self.views_on)
        self.ui.messageLabel.clear()

    def save(self) -> None:
        values = self.form.values()
        try:
            with self.ctx.db.session() as session:
                office = init_office(session, name=values.name, code=values.code,
                                     role=values.role, province=values.province)
                minutes = self.idle_minutes
                if self.idle_spin.value() != minutes:
                    minutes = set_idle_lock_minutes(session, self.idle_spin.value())
                views_on = self.views_on
                if self.record_views_check.isChecked() != views_on:
                    views_on = set_record_views(session, self.record_views_check.isChecked())
        except ValidationFailed as exc:
            self.form.show_problems(exc.problems)
            self.ui.messageLabel.setStyleSheet("color: #b00020;")
            self.ui.messageLabel.setText(self.tr("ยังไม่ได้บันทึก: แก้ช่องที่มีเครื่องหมายสีแดงก่อน"))
            return
        except DatabaseFault as exc:  # read-only medium, busy, damaged: said in Thai
            self.ui.messageLabel.setStyleSheet("color: #b00020;")
            self.ui.messageLabel.setText(fault_text(exc, sqlite_path(self.ctx.db.url)))
            return
        self.office = office
        self.views_on = views_on
        self.form.set_values(office)
        if minutes != self.idle_minutes:
            self.idle_minutes = minutes
            self.idle_minutes_changed.emit(minutes)
        text = self.tr("บันทึกข้อมูลหน่วยงานแล้ว")
        self.ui.messageLabel.setStyleSheet("color: #1b6e2d;")
        self.ui.messageLabel.setText(text)
        self.status_message.emit(text, None)
        self.office_changed.emit(office)
