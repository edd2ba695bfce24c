"""ตั้งค่า › ผู้ใช้, for administrators: the users, their roles and state (usable, locked
after failed logins until a time, suspended), and adding one, setting a new password,
changing roles, suspending and unlocking. The services check the right
(``users.manage``) and refuse the last administrator's suspension; this page only asks."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.dates import format_be_datetime
from desktop.domain.roles import SCOPED_ROLES, Role, role_label
from desktop.gui.context import AppContext
from desktop.gui.widgets.error_line import ERROR_STYLE, error_line
from desktop.gui.widgets.screen import fit_to_screen
from desktop.services.access import Grant, NotPermitted
from desktop.services.users import (
    UserError,
    UserInfo,
    add_user,
    list_users,
    lock_user,
    password_problem,
    password_rule,
    set_password,
    set_roles,
    unlock_user,
)
from desktop.store.models import utcnow

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

def _local(at: datetime) -> datetime:
    return at.replace(tzinfo=UTC).astimezone().replace(tzinfo=None)


class PasswordFields(QWidget):
    """A password typed twice, with the rule shown under it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        form = self.form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        self.password_edit = QLineEdit(self)
        self.again_edit = QLineEdit(self)
        for edit in (self.password_edit, self.again_edit):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("รหัสผ่าน"), self.password_edit)
        self.rule = QLabel(password_rule(), self)
        self.rule.setWordWrap(True)
        self.rule.setStyleSheet("color: #52606d;")
        form.addRow("", self.rule)
        form.addRow(self.tr("ยืนยันรหัสผ่าน"), self.again_edit)

    def problem(self) -> str | None:
        found = password_problem(self.password_edit.text())
        if found:
            return found
        if self.again_edit.text() != self.password_edit.text():
            return self.tr("รหัสผ่านสองช่องไม่ตรงกัน พิมพ์ใหม่ให้เหมือนกัน")
        return None


class RoleChecks(QGroupBox):
    """One box per role; the roles limited to a place (teacher, caregiver) with it."""

    def __init__(self, ctx: AppContext, grants: tuple[Grant, ...] = (), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("บทบาท"))
        grid = QGridLayout(self)
        self.boxes: dict[Role, QCheckBox] = {}
        held = {g.role for g in grants}
        for n, role in enumerate(Role):
            box = QCheckBox(role_label(role), self)
            box.setObjectName(f"role_{role.value}")
            box.setChecked(role in held)
            grid.addWidget(box, n // 2, n % 2)
            self.boxes[role] = box
        self.place = QComboBox(self)
        self.place.setObjectName("placeCombo")
        self.place.addItem(self.tr("(ไม่จำกัด)"), None)
        try:
            from desktop.services.institutions import institution_choices

            with ctx.db.reader() as session:
                for choice in institution_choices(session):
                    self.place.addItem(choice.name, choice.id)
        except NotPermitted:  # an administrator who is not a clerk does not see schools
            self.place.setEnabled(False)
            self.place.setToolTip(self.tr("ต้องมีสิทธิ์ดูข้อมูลทะเบียนจึงจะเลือกสถานศึกษาได้"))
        scoped = next((g.institution_id for g in grants if g.institution_id is not None), None)
        if scoped is not None:
            self.place.setCurrentIndex(max(self.place.findData(scoped), 0))
        rows = (len(Role) + 1) // 2
        grid.addWidget(QLabel(self.tr("สถานศึกษาของครู / ศพด. ของผู้ดูแลเด็ก"), self), rows, 0, 1, 2)
        grid.addWidget(self.place, rows + 1, 0, 1, 2)

    def grants(self) -> list[Grant]:
        place = self.place.currentData()
        return [Grant(role, place if role in SCOPED_ROLES else None)
                for role, box in self.boxes.items() if box.isChecked()]


class _Dialog(QDialog):
    """A small form with its error line and บันทึก / ยกเลิก; ``save`` may raise UserError."""

    ctx: AppContext

    def __init__(self, title: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(580)
        self.body = QVBoxLayout(self)
        self.error = error_line(self, "errorLabel")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("บันทึก"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("ยกเลิก"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    def finish_layout(self) -> None:
        self.body.addWidget(self.error)
        self.body.addStretch(1)
        self.body.addWidget(self.buttons)
        fit_to_screen(self)

    def refuse(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def save(self, work: Callable[[Session], object], *, problem: str | None = None) -> bool:
        """One saving step of every form here: a form problem or a service's refusal is
        said on the error line (the dialog stays open); else ``work`` runs in one
        session and the dialog closes."""
        if problem:
            self.refuse(problem)
            return False
        try:
            with self.ctx.db.session() as session:
                work(session)
        except (UserError, NotPermitted) as exc:
            self.refuse(exc.message)
            return False
        super().accept()
        return True


class AddUserDialog(_Dialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("เพิ่มผู้ใช้"), parent)
        self.ctx = ctx
        self.name_edit = QLineEdit(self)
        self.name_edit.setPlaceholderText(self.tr("เช่น somchai"))
        self.full_name_edit = QLineEdit(self)
        self.password = PasswordFields(self)  # one form: the labels line up
        self.password.form.insertRow(0, self.tr("ชื่อผู้ใช้"), self.name_edit)
        self.password.form.insertRow(1, self.tr("ชื่อ-นามสกุล"), self.full_name_edit)
        self.body.addWidget(self.password)
        self.roles = RoleChecks(ctx, (Grant(Role.CLERK),), self)
        self.body.addWidget(self.roles)
        self.finish_layout()

    def accept(self) -> None:
        self.save(lambda session: add_user(session, self.name_edit.text(), self.password.password_edit.text(),
                                           full_name=self.full_name_edit.text(), roles=self.roles.grants()),
                  problem=self.password.problem())


class PasswordDialog(_Dialog):
    def __init__(self, ctx: AppContext, name: str, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("ตั้งรหัสผ่านใหม่ของ %1").replace("%1", name), parent)
        self.ctx, self.name = ctx, name
        note = QLabel(self.tr("แจ้งรหัสผ่านใหม่แก่เจ้าของบัญชีด้วยตัวเอง และให้เปลี่ยนเมื่อเข้าสู่ระบบ"), self)
        note.setWordWrap(True)
        self.body.addWidget(note)
        self.password = PasswordFields(self)
        self.body.addWidget(self.password)
        self.finish_layout()

    def accept(self) -> None:
        self.save(lambda session: set_password(session, self.name, self.password.password_edit.text()),
                  problem=self.password.problem())


class OwnPasswordDialog(_Dialog):
    """แฟ้ม › เปลี่ยนรหัสผ่านของฉัน: the current password first (someone at an unlocked
    desk cannot change it), then the new one twice."""

    def __init__(self, ctx: AppContext, name: str, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("เปลี่ยนรหัสผ่านของ %1").replace("%1", name), parent)
        self.ctx, self.name = ctx, name
        self.password = PasswordFields(self)
        self.current_edit = QLineEdit(self)
        self.current_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.form.insertRow(0, self.tr("รหัสผ่านเดิม"), self.current_edit)
        self.body.addWidget(self.password)
        self.finish_layout()
        self.current_edit.setFocus()

    def accept(self) -> None:
        from desktop.services.access import LoginRefused, authenticate

        problem = self.password.problem()
        if problem:
            self.refuse(problem)
            return
        try:
            authenticate(self.ctx.db, self.name, self.current_edit.text())
            with self.ctx.db.session() as session:
                set_password(session, self.name, self.password.password_edit.text())
        except (LoginRefused, UserError, NotPermitted) as exc:
            self.refuse(exc.message)
            self.current_edit.clear()
            return
        super().accept()


class RolesDialog(_Dialog):
    def __init__(self, ctx: AppContext, user: UserInfo, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("บทบาทของ %1").replace("%1", user.name), parent)
        self.ctx, self.name = ctx, user.name
        self.roles = RoleChecks(ctx, user.grants, self)
        self.body.addWidget(self.roles)
        self.finish_layout()

    def accept(self) -> None:
        self.save(lambda session: set_roles(session, self.name, self.roles.grants()))


class UsersView(QWidget):
    status_message = Signal(str, object)

    COLUMNS = 5

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.users: list[UserInfo] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 8)
        title = QLabel(self.tr("ผู้ใช้"), self)
        title.setStyleSheet("font-size: 17px; font-weight: bold; color: #102a43;")
        layout.addWidget(title)
        intro = QLabel(self.tr(
            "ผู้ใช้แต่ละคนเข้าสู่ระบบด้วยชื่อและรหัสผ่านของตัวเอง และทำได้เฉพาะสิ่งที่บทบาทอนุญาต "
            "ผู้ใช้ไม่ถูกลบ (บันทึกการใช้งานอ้างถึง) ให้ระงับแทน"), self)
        intro.setWordWrap(True)
        intro.setStyleSheet("color: #486581;")
        layout.addWidget(intro)
        self.table = QTableWidget(0, self.COLUMNS, self)
        self.table.setObjectName("usersTable")
        self.table.setHorizontalHeaderLabels([
            self.tr("ชื่อผู้ใช้"), self.tr("ชื่อ-นามสกุล"), self.tr("บทบาท"), self.tr("สถานะ"),
            self.tr("เข้าระบบล่าสุด")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.itemDoubleClicked.connect(lambda _item: self.edit_roles())
        layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.add_button = QPushButton(self.tr("เพิ่มผู้ใช้…"), self)
        self.password_button = QPushButton(self.tr("ตั้งรหัสผ่านใหม่…"), self)
        self.roles_button = QPushButton(self.tr("บทบาท…"), self)
        self.suspend_button = QPushButton(self.tr("ระงับ"), self)
        self.unlock_button = QPushButton(self.tr("ปลดล็อก / เปิดใช้"), self)
        for button, slot in ((self.add_button, self.add), (self.password_button, self.reset_password),
                             (self.roles_button, self.edit_roles), (self.suspend_button, self.suspend),
                             (self.unlock_button, self.unlock)):
            button.clicked.connect(lambda _checked=False, slot=slot: slot())
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        self.message = QLabel(self)
        self.message.setObjectName("usersMessage")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        self._update_buttons()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh()

    def refresh(self) -> None:
        current = self.selected()
        keep = current.name if current is not None else None
        try:
            with self.ctx.db.reader() as session:
                self.users = list_users(session)
        except NotPermitted as exc:
            self.users = []
            self._say(exc.message, error=True)
        now = utcnow()
        self.table.setRowCount(len(self.users))
        for r, user in enumerate(self.users):
            if user.suspended:
                state = self.tr("ถูกระงับ")
            elif user.locked_until is not None and user.locked_until > now:
                state = self.tr("ล็อกถึง %1").replace("%1", format_be_datetime(_local(user.locked_until)))
            else:
                state = self.tr("ใช้งานได้")
            last = format_be_datetime(_local(user.last_login_at)) if user.last_login_at else ""
            for c, text in enumerate((user.name, user.full_name, user.roles_text(), state, last)):
                self.table.setItem(r, c, QTableWidgetItem(text))
            if user.name == keep:
                self.table.selectRow(r)
        self.table.resizeColumnToContents(0)
        self.table.resizeColumnToContents(1)
        self._update_buttons()

    def selected(self) -> UserInfo | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows or rows[0].row() >= len(self.users):
            return None
        return self.users[rows[0].row()]

    def _update_buttons(self) -> None:
        user = self.selected()
        for button in (self.password_button, self.roles_button, self.suspend_button, self.unlock_button):
            button.setEnabled(user is not None)
        if user is not None:
            self.suspend_button.setEnabled(not user.suspended)

    def _say(self, text: str, *, error: bool = False) -> None:
        self.message.setStyleSheet(ERROR_STYLE if error else "color: #1b6e2d;")
        self.message.setText(text)
        if not error:
            self.status_message.emit(text, None)

    def _run(self, dialog: QDialog, done: str) -> None:
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.refresh()
            self._say(done)

    def add(self) -> None:
        dialog = AddUserDialog(self.ctx, self)
        self._run(dialog, self.tr("เพิ่มผู้ใช้แล้ว"))

    def reset_password(self) -> None:
        user = self.selected()
        if user is not None:
            self._run(PasswordDialog(self.ctx, user.name, self),
                      self.tr("ตั้งรหัสผ่านใหม่ของ %1 แล้ว").replace("%1", user.name))

    def edit_roles(self) -> None:
        user = self.selected()
        if user is not None:
            self._run(RolesDialog(self.ctx, user, self),
                      self.tr("เปลี่ยนบทบาทของ %1 แล้ว").replace("%1", user.name))

    def _change(self, change: object, done: str) -> bool:
        user = self.selected()
        if user is None:
            return False
        try:
            with self.ctx.db.session() as session:
                change(session, user.name)  # type: ignore[operator]
        except (UserError, NotPermitted) as exc:
            self._say(exc.message, error=True)
            return False
        self.refresh()
        self._say(done.replace("%1", user.name))
        return True

    def suspend(self) -> None:
        user = self.selected()
        if self._change(lock_user, self.tr("ระงับบัญชี %1 แล้ว: เข้าสู่ระบบไม่ได้จนกว่าจะเปิดใช้")) and user is not None:
            from desktop.gui.views.rekey_offer import RekeyOffer

            self.rekey_offer = RekeyOffer(self.ctx, self)  # an encrypted file: re-key now? (asked)
            self.rekey_offer.offer(user.name)

    def unlock(self) -> None:
        self._change(unlock_user, self.tr("ปลดล็อกและเปิดใช้บัญชี %1 แล้ว"))
