"""The idle lock and switching user: after an idle time (no key or mouse input to any of
our windows) every window of ours is masked, and only the password brings it back.

Masking a window hides each of its direct child widgets (so no view paints its model's
data, no field shows its text, a screen reader finds nothing), covers it with a plain
panel and replaces its title (a child's form is titled with the child's name). The lock
dialog over everything asks for the password; an open file picker is closed (Qt's own
dialog: widgets/file_pickers.py; a system picker could be neither masked nor closed); a different user name there switches user
(``switched``: the shell closes what the previous user had open and rebuilds the window
for the new user's rights). A window that opens while the screen is locked (a message at
the end of background work) is masked too, and the lock dialog stays on top of it.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from desktop.gui.widgets.error_line import error_line
from desktop.gui.widgets.screen import fit_to_screen

if TYPE_CHECKING:
    from desktop.gui.views.recovery_reset_dialog import RecoveryReset

DEFAULT_IDLE_MINUTES = 5
_INPUT = frozenset({
    QEvent.Type.KeyPress, QEvent.Type.KeyRelease, QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseButtonRelease, QEvent.Type.MouseButtonDblClick, QEvent.Type.MouseMove,
    QEvent.Type.Wheel, QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate, QEvent.Type.TabletPress,
    QEvent.Type.InputMethod,
})
_TRANSIENT = (Qt.WindowType.Popup, Qt.WindowType.ToolTip, Qt.WindowType.SplashScreen)

Authenticate = Callable[[str, str], object]  # (name, password) -> Actor; raises LoginRefused


def close_file_pickers() -> None:
    """An open file picker (widgets/file_pickers.py: Qt's own, never the system's) shows
    folder and file names, such as a child's profile saved under the child's name: the
    lock closes it as if cancelled (the work that asked for it does nothing)."""
    for window in QApplication.topLevelWidgets():
        if isinstance(window, QFileDialog) and isValid(window) and window.isVisible():
            window.reject()


class IdleWatch(QObject):
    """Emits ``idle`` once no keyboard or mouse input reached the application for
    ``seconds``; started again by ``restart``. An application event filter notes the
    time of each input (cheap: a type test and a clock read); one timer checks."""

    idle = Signal()

    def __init__(self, seconds: float, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.seconds = float(seconds)
        self._last = time.monotonic()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._check)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        self.restart()

    def set_seconds(self, seconds: float) -> None:
        self.seconds = float(seconds)
        if self._timer.isActive():
            self.restart()

    def restart(self) -> None:
        self._last = time.monotonic()
        if self.seconds > 0:
            self._timer.start(int(self.seconds * 1000))

    def stop(self) -> None:
        self._timer.stop()

    def eventFilter(self, _obj: QObject, event: QEvent) -> bool:
        if event.type() in _INPUT:
            self._last = time.monotonic()
        return False

    def _check(self) -> None:
        left = self.seconds - (time.monotonic() - self._last)
        if left > 0.005:
            self._timer.start(max(int(left * 1000), 1))
            return
        self.idle.emit()

    def close(self) -> None:
        self._timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)


class Cover(QWidget):
    """A plain panel over a masked window, following its size."""

    def __init__(self, window: QWidget, text: str) -> None:
        super().__init__(window)
        self.setObjectName("lockCover")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setAutoFillBackground(True)
        self.setStyleSheet("#lockCover { background: #1f3a52; } QLabel { color: white; }")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 48, 24, 24)
        label = QLabel(text, self)
        label.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)  # above the lock dialog
        label.setWordWrap(True)
        font = label.font()
        font.setPointSize(font.pointSize() + 6)
        label.setFont(font)
        layout.addWidget(label)
        self.setGeometry(window.rect())
        window.installEventFilter(self)
        self.raise_()
        self.show()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and isinstance(obj, QWidget):
            self.setGeometry(obj.rect())
            self.raise_()
        return False


@dataclass
class _Masked:
    window: QWidget
    title: str
    hidden: list[QWidget]
    focus: QWidget | None
    cover: Cover
    extra: list[QWidget] = field(default_factory=list)


class LockDialog(QDialog):
    """The password to unlock, or another user's name and password to switch user.
    It cannot be closed or escaped: only a password that is accepted ends it."""

    def __init__(self, authenticate: Authenticate, user_name: str, parent: QWidget | None = None,
                 *, switching: bool = False, recovery: RecoveryReset | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Dialog | Qt.WindowType.CustomizeWindowHint
                         | Qt.WindowType.WindowTitleHint)
        self._authenticate = authenticate
        self._recovery = recovery
        self.current_user = user_name
        self.actor: object | None = None
        self._finished = False
        self.setObjectName("lockDialog")
        self.setWindowTitle(self.tr("Samoe — ล็อกหน้าจอ"))
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        layout = QVBoxLayout(self)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        form = QFormLayout()
        self.name_edit = QLineEdit(user_name, self)
        self.name_edit.setObjectName("lockNameEdit")
        self.password_edit = QLineEdit(self)
        self.password_edit.setObjectName("lockPasswordEdit")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("ชื่อผู้ใช้"), self.name_edit)
        form.addRow(self.tr("รหัสผ่าน"), self.password_edit)
        layout.addLayout(form)
        self.message = error_line(self, "lockMessage")
        layout.addWidget(self.message)
        self.buttons = QDialogButtonBox(self)
        self.unlock_button = QPushButton(self.tr("ปลดล็อก"), self)
        self.unlock_button.setDefault(True)
        self.switch_button = QPushButton(self.tr("สลับผู้ใช้"), self)
        self.switch_button.setAutoDefault(False)
        self.buttons.addButton(self.unlock_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.switch_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.unlock_button.clicked.connect(self.submit)
        self.switch_button.clicked.connect(self.switch_user)
        # an administrator who forgot their password while the window was locked: the
        # recovery key sets a new one, as at the login, without losing the open work
        self.forgot_button: QPushButton | None = None
        if recovery is not None:
            self.forgot_button = QPushButton(self.tr("ลืมรหัสผ่าน…"), self)
            self.forgot_button.setObjectName("lockForgotButton")
            self.forgot_button.setAutoDefault(False)
            self.forgot_button.setToolTip(self.tr("ผู้ดูแลระบบที่ลืมรหัสผ่าน: ตั้งรหัสผ่านใหม่ด้วยรหัสกู้คืน"))
            self.buttons.addButton(self.forgot_button, QDialogButtonBox.ButtonRole.HelpRole)
            self.forgot_button.clicked.connect(self.forgot)
        layout.addWidget(self.buttons)
        self.name_edit.returnPressed.connect(self.password_edit.setFocus)
        self.password_edit.returnPressed.connect(self.submit)
        self.setMinimumWidth(420)
        self._show_mode(switching)
        fit_to_screen(self)

    def _show_mode(self, switching: bool) -> None:
        if switching:
            self.intro.setText(self.tr(
                "สลับผู้ใช้: ใส่ชื่อผู้ใช้และรหัสผ่านของผู้ที่จะใช้งานต่อ "
                "งานที่เปิดค้างไว้ของผู้ใช้เดิมจะถูกปิดโดยไม่บันทึก"))
            self.unlock_button.setText(self.tr("เข้าสู่ระบบ"))
            self.name_edit.clear()
            self.name_edit.setReadOnly(False)
            self.switch_button.hide()
            self.name_edit.setFocus()
        else:
            self.intro.setText(self.tr(
                "หน้าจอถูกล็อกเพื่อปกป้องข้อมูลส่วนบุคคล ใส่รหัสผ่านของ %1 เพื่อใช้งานต่อ "
                "หรือกด สลับผู้ใช้ ถ้าเป็นผู้ใช้คนอื่น").replace("%1", self.current_user))
            self.name_edit.setReadOnly(True)
            self.password_edit.setFocus()
        self.password_edit.clear()

    def switch_user(self) -> None:
        self.message.hide()
        self._show_mode(True)

    def submit(self) -> None:
        from desktop.gui.views.login_dialog import attempt_login

        actor = attempt_login(self, self._authenticate)
        if actor is None:
            return
        self.actor = actor
        self._finished = True
        self.accept()

    def forgot(self) -> None:
        """ลืมรหัสผ่าน…: the recovery key's dialog; once it set the password, unlocked with it
        (or, for another administrator, switched to them)."""
        from desktop.gui.views.recovery_reset_dialog import ask_reset

        if self._recovery is None:
            return
        found = ask_reset(self, self._recovery, self.name_edit.text().strip(), self.message)
        if found is None:
            return
        if found[0] != self.name_edit.text().strip():
            self._show_mode(True)  # another administrator goes on: a switch of user
        self.name_edit.setText(found[0])
        self.password_edit.setText(found[1])
        self.submit()

    # it cannot be escaped or closed
    def reject(self) -> None:
        if self._finished:
            super().reject()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            event.accept()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._finished:
            event.ignore()
            return
        super().closeEvent(event)


class ScreenLock(QObject):
    """Masks every window of ours and shows the lock dialog; ``unlocked`` when the same
    user gives the password again, ``switched(actor)`` when another user signs in (the
    receiver signs them in and rebuilds what they may see)."""

    unlocked = Signal(object)  # Actor (the same user, roles read again)
    switched = Signal(object)  # Actor of the other user

    def __init__(self, authenticate: Authenticate, parent: QObject | None = None, *,
                 recovery: RecoveryReset | None = None) -> None:
        super().__init__(parent)
        self._authenticate = authenticate
        self._recovery = recovery
        self._masked: list[_Masked] = []
        self.dialog: LockDialog | None = None
        self.user_name = ""
        self.user_id: object = None
        self.main: QWidget | None = None

    @property
    def locked(self) -> bool:
        return self.dialog is not None

    def lock(self, main: QWidget | None, user_name: str, user_id: object, *, switching: bool = False) -> None:
        if self.locked:
            if switching and self.dialog is not None:
                self.dialog.switch_user()
            return
        self.user_name, self.user_id, self.main = user_name, user_id, main
        popup = QApplication.activePopupWidget()
        while popup is not None:  # an open menu or completer
            popup.close()
            popup = QApplication.activePopupWidget()
        close_file_pickers()
        for window in QApplication.topLevelWidgets():
            self._mask(window)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        self.dialog = LockDialog(self._authenticate, user_name, main, switching=switching,
                                 recovery=self._recovery)
        self.dialog.accepted.connect(self._accepted)
        self._show_dialog(main)

    def _show_dialog(self, main: QWidget | None) -> None:
        dialog = self.dialog
        if dialog is None:
            return
        dialog.show()
        if main is not None and main.isVisible():
            center = main.frameGeometry().center()
            dialog.move(center.x() - dialog.width() // 2, center.y() - dialog.height() // 2)
        dialog.raise_()
        dialog.activateWindow()

    def _mask(self, window: QWidget) -> None:
        if (not isValid(window) or not window.isWindow() or not window.isVisible()
                or window is self.dialog or window.windowType() in _TRANSIENT
                or any(m.window is window for m in self._masked)):
            return
        focus = window.focusWidget()
        hidden = [c for c in window.children()
                  if isinstance(c, QWidget) and not c.isWindow() and c.isVisible()]
        for child in hidden:
            child.hide()
        title = window.windowTitle()
        window.setWindowTitle(self.tr("Samoe — ล็อกหน้าจออยู่"))
        cover = Cover(window, self.tr("Samoe ล็อกหน้าจออยู่\nใส่รหัสผ่านเพื่อใช้งานต่อ"))
        self._masked.append(_Masked(window, title, hidden, focus, cover))

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        # a window of ours that opens while locked (the end of background work) is masked
        if (event.type() == QEvent.Type.Show and isinstance(obj, QWidget) and obj.isWindow()
                and obj is not self.dialog and obj.windowType() not in _TRANSIENT):
            QTimer.singleShot(0, lambda w=obj: self._mask_late(w))
        return False

    def _mask_late(self, window: QWidget) -> None:
        if (not self.locked or self.dialog is None or not isValid(self.dialog)
                or not isValid(window) or window is self.dialog):
            return
        if isinstance(window, QFileDialog):  # folder and file names: closed, not masked
            window.reject()
            return
        self._mask(window)
        if window.isModal() and self.dialog is not None:  # keep the lock dialog the one that takes input
            self.dialog.hide()
            self._show_dialog(self.dialog.parentWidget())

    def _accepted(self) -> None:
        dialog = self.dialog
        actor = dialog.actor if dialog is not None else None
        if actor is None:
            return
        self._finish()
        if getattr(actor, "user_id", None) == self.user_id:
            self.unmask()
            self.unlocked.emit(actor)
        else:
            self.close_others(self.main)
            self.unmask()
            self.switched.emit(actor)

    def close_others(self, keep: QWidget | None) -> None:
        """Before another user sees the window: what the previous user had open (dialogs,
        messages) closes without saving and without asking."""
        for masked in list(self._masked):
            window = masked.window
            if not isValid(window) or window is keep:
                continue
            if isinstance(window, QDialog):
                QDialog.done(window, QDialog.DialogCode.Rejected)
            else:
                window.hide()

    def _finish(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        if self.dialog is not None and isValid(self.dialog):
            self.dialog._finished = True
            self.dialog.hide()
            self.dialog.deleteLater()
        self.dialog = None

    def close(self) -> None:
        """The program ends (or the shell closes) while locked: nothing is shown again."""
        self._finish()
        self._masked.clear()

    def unmask(self) -> None:
        for masked in self._masked:
            if isValid(masked.cover):
                masked.cover.hide()
                masked.cover.deleteLater()
            if not isValid(masked.window):
                continue
            masked.window.removeEventFilter(masked.cover)
            for child in masked.hidden:
                if isValid(child):
                    child.show()
            masked.window.setWindowTitle(masked.title)
            if masked.focus is not None and isValid(masked.focus) and masked.focus.isVisible():
                masked.focus.setFocus()
        self._masked.clear()

    @property
    def masked_windows(self) -> list[QWidget]:
        return [m.window for m in self._masked if isValid(m.window)]
