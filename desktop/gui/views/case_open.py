"""เปิดกรณีเด็กนอกระบบ: open an out-of-school case by hand for a registry child (issue 13),
from the child's page: the day, how the case came, the case worker, a note. The service
(services/cases.open_case) checks everything: one open case per child, the date, the
worker's name."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from desktop.domain.cases import CaseSource, source_label
from desktop.domain.roles import Role
from desktop.gui.context import AppContext
from desktop.gui.views.case_common import date_edit, date_of, problem_text
from desktop.gui.widgets.screen import fit_to_screen

BY_HAND = (CaseSource.VOLUNTEER, CaseSource.TEACHER, CaseSource.VOLUNTEER_LIST, CaseSource.OTHER)


class OpenCaseDialog(QDialog):
    opened = Signal(int)  # the new case's id

    def __init__(self, ctx: AppContext, child_uuid: str, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.child_uuid = ctx, child_uuid
        self.case_id: int | None = None
        self.setWindowTitle(self.tr("เปิดกรณีเด็กนอกระบบ: %1").replace("%1", name))
        self.resize(520, 300)
        form = QFormLayout(self)
        self.date_edit = date_edit(self)
        form.addRow(self.tr("วันที่เปิดกรณี"), self.date_edit)
        self.source_combo = QComboBox(self)
        for source in BY_HAND:
            self.source_combo.addItem(source_label(source), source.value)
        form.addRow(self.tr("ได้รับแจ้งจาก"), self.source_combo)
        actor = ctx.db.actor  # a case worker follows what they open; anyone else leaves it to a supervisor
        mine = Role.CASE_WORKER in (getattr(actor, "roles", None) or ())
        self.worker_edit = QLineEdit((getattr(actor, "name", "") or "") if mine else "", self)
        self.worker_edit.setPlaceholderText(self.tr("ชื่อผู้ใช้ของเจ้าหน้าที่ผู้รับผิดชอบ (เว้นว่างได้)"))
        form.addRow(self.tr("ผู้รับผิดชอบ"), self.worker_edit)
        self.note_edit = QPlainTextEdit(self)
        self.note_edit.setPlaceholderText(self.tr("เช่น ใครแจ้ง เด็กออกจากโรงเรียนเมื่อใด"))
        self.note_edit.setMaximumHeight(80)
        form.addRow(self.tr("หมายเหตุ"), self.note_edit)
        self.error_label = QLabel(self)
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b00020;")
        self.error_label.hide()
        form.addRow(self.error_label)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("เปิดกรณี"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        fit_to_screen(self)

    def save(self) -> None:
        from desktop.services.cases import open_case

        try:
            on = date_of(self.date_edit)
            with self.ctx.db.session() as session:
                info = open_case(session, self.child_uuid, on, source=str(self.source_combo.currentData()),
                                 worker=self.worker_edit.text(), note=self.note_edit.toPlainText())
        except Exception as exc:  # noqa: BLE001 - every refusal is said in the dialog
            self.error_label.setText(problem_text(exc))
            self.error_label.show()
            return
        self.case_id = info.id
        self.opened.emit(info.id)
        self.accept()
