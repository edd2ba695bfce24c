"""The idle lock (issue 9): after the idle time every personal field is hidden, in the
main window and in every other window of ours (a child's form, a message), until the
password is given again; a wrong password keeps it locked; another user's name and
password switch user without closing the program, and the window is rebuilt for what
the new user may see."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from actors import TEST_PASSWORD, add_test_admin
from PySide6.QtCore import QEvent, QPoint, QSettings, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from desktop.domain.roles import Role
from desktop.gui.resources import register_fonts
from desktop.services.users import add_user
from desktop.store.db import Database


@pytest.fixture
def shell(qapp, qtbot, demo_db: Database, tmp_path: Path) -> Iterator[object]:  # type: ignore[no-untyped-def]
    """The window on 300 demo children, signed in as ``admin`` (SAMOE_PASSWORD)."""
    from desktop.gui.shell import Shell

    register_fonts(qapp)
    add_test_admin(demo_db)
    made = Shell(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    assert made.start(str(demo_db.path)) is None
    window = made.window
    window.show_page("children")
    qtbot.waitUntil(lambda: window.children_view.model.rowCount() > 0, timeout=10_000)
    yield made
    made.close()


def visible_texts() -> str:
    """Everything a person (or a screen reader) could read on the screen now: titles of
    the visible windows, texts of visible widgets, data of visible lists and tables."""
    out: list[str] = []
    for widget in QApplication.allWidgets():
        if not widget.isVisible():
            continue
        if widget.isWindow():
            out.append(widget.windowTitle())
        if isinstance(widget, QLabel | QLineEdit | QAbstractButton):
            out.append(widget.text())
        elif isinstance(widget, QComboBox):
            out.append(widget.currentText())
        elif isinstance(widget, QTextEdit | QPlainTextEdit):
            out.append(widget.toPlainText())
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            for row in range(min(model.rowCount(), 200)):
                for col in range(model.columnCount()):
                    for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                        value = model.data(model.index(row, col), role)
                        if value is not None:
                            out.append(str(value))
    return "\n".join(out)


def _first_child(window) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    model = window.children_view.model
    name = str(model.data(model.index(0, 1)))
    return model.uuid_at(0), name.split()[-1]  # the surname


def _child_form(window) -> QWidget:  # type: ignore[no-untyped-def]
    from desktop.gui.views.child_form import ChildFormDialog

    uuid, _surname = _first_child(window)
    window.open_child(uuid)
    found = [w for w in QApplication.topLevelWidgets() if isinstance(w, ChildFormDialog) and w.isVisible()]
    assert found
    return found[-1]


def _unlock(shell, password: str, name: str | None = None) -> None:  # type: ignore[no-untyped-def]
    dialog = shell.lock.dialog
    assert dialog is not None and dialog.isVisible()
    if name is not None:
        dialog.name_edit.setText(name)
    dialog.password_edit.setText(password)
    dialog.unlock_button.click()


def test_idle_lock_hides_every_personal_field_until_the_password(qtbot, shell) -> None:  # type: ignore[no-untyped-def]
    window = shell.window
    _uuid, surname = _first_child(window)
    form = _child_form(window)
    assert surname in form.windowTitle() and surname in visible_texts()  # the test can see it
    shell.idle.set_seconds(0.3)
    shell.idle.restart()
    qtbot.waitUntil(lambda: shell.lock.locked, timeout=5_000)
    assert window in shell.lock.masked_windows and form in shell.lock.masked_windows
    texts = visible_texts()
    assert surname not in texts, [t for t in texts.splitlines() if surname in t][:5]
    assert not window.children_view.ui.table.isVisible()  # its data is not painted
    assert "ล็อก" in shell.lock.dialog.intro.text() and shell.lock.dialog.isModal()
    # Esc and the close button do not unlock
    shell.lock.dialog.reject()
    shell.lock.dialog.close()
    assert shell.lock.locked and shell.lock.dialog.isVisible()

    _unlock(shell, TEST_PASSWORD)
    assert not shell.lock.locked
    assert form.isVisible() and surname in form.windowTitle()  # the form, unsaved edits and all
    assert window.children_view.ui.table.isVisible() and surname in visible_texts()
    assert shell.idle._timer.isActive()  # watching again


def test_a_wrong_password_keeps_it_locked(qtbot, shell) -> None:  # type: ignore[no-untyped-def]
    _uuid, surname = _first_child(shell.window)
    shell.lock_now()
    _unlock(shell, "not-the-password")
    assert shell.lock.locked
    assert "ไม่ถูกต้อง" in shell.lock.dialog.message.text()
    assert surname not in visible_texts()
    _unlock(shell, TEST_PASSWORD)
    assert not shell.lock.locked and surname in visible_texts()


def test_input_keeps_it_open_and_idleness_locks(qtbot, shell) -> None:  # type: ignore[no-untyped-def]
    shell.idle.set_seconds(0.4)
    shell.idle.restart()
    table = shell.window.children_view.ui.table.viewport()
    for _ in range(6):  # 0.6 s of a mouse moving: no lock
        qtbot.wait(100)
        QApplication.sendEvent(table, QMouseEvent(QEvent.Type.MouseMove, QPoint(5, 5), QPoint(5, 5),
                                                  Qt.MouseButton.NoButton, Qt.MouseButton.NoButton,
                                                  Qt.KeyboardModifier.NoModifier))
        assert not shell.lock.locked
    qtbot.waitUntil(lambda: shell.lock.locked, timeout=3_000)


def test_a_message_that_opens_while_locked_is_hidden_and_the_lock_stays_usable(qtbot, shell) -> None:  # type: ignore[no-untyped-def]
    _uuid, surname = _first_child(shell.window)
    shell.lock_now()
    box = QMessageBox(QMessageBox.Icon.Information, "Samoe", f"บันทึก {surname} แล้ว", parent=shell.window)
    box.open()  # the end of background work, say
    qtbot.waitUntil(lambda: box in shell.lock.masked_windows, timeout=3_000)
    assert surname not in visible_texts()
    assert QApplication.activeModalWidget() is shell.lock.dialog  # the password can be typed
    _unlock(shell, TEST_PASSWORD)
    assert box.isVisible() and surname in box.text() and surname in visible_texts()
    box.close()


def test_switch_user_closes_the_previous_users_work_and_rebuilds_the_window(qtbot, shell) -> None:  # type: ignore[no-untyped-def]
    db = shell.ctx.db
    with db.session() as s:  # an administrator who is not a clerk: no child data
        add_user(s, "somchai", TEST_PASSWORD, full_name="สมชาย ดูแลระบบ", roles=[Role.ADMIN])
    old = shell.window
    _uuid, surname = _first_child(old)
    form = _child_form(old)
    from desktop.gui.session_menu import SessionControls

    SessionControls.of(old).switch_action.trigger()  # แฟ้ม › สลับผู้ใช้…
    assert shell.lock.locked and not shell.lock.dialog.name_edit.text()
    _unlock(shell, TEST_PASSWORD, name="somchai")
    assert not shell.lock.locked
    window = shell.window
    assert window is not old and db.actor.name == "somchai" and shell.actor.name == "somchai"
    assert not form.isVisible()  # the previous user's form closed, not shown to the next
    assert "somchai" in SessionControls.of(window).user_label.text()
    nav = window.ui.navTree
    pages = {nav.topLevelItem(i).child(j).data(0, Qt.ItemDataRole.UserRole): nav.topLevelItem(i).child(j)
             for i in range(nav.topLevelItemCount()) for j in range(nav.topLevelItem(i).childCount())}
    assert not pages["children"].flags() & Qt.ItemFlag.ItemIsEnabled
    assert pages["office-settings"].flags() & Qt.ItemFlag.ItemIsEnabled
    assert pages["users"].flags() & Qt.ItemFlag.ItemIsEnabled  # an administrator's page
    assert not window.ui.importAction.isEnabled() and not window.ui.exportAction.isEnabled()
    assert window.ui.stack.currentWidget() is window.home_view
    qtbot.wait(50)
    assert surname not in visible_texts()
    # and back to the clerk: the registry again
    shell.lock_now(switching=True)
    _unlock(shell, TEST_PASSWORD, name="admin")
    assert shell.actor.name == "admin" and shell.window.ui.importAction.isEnabled()


def test_the_idle_time_is_an_office_setting(qtbot, shell) -> None:  # type: ignore[no-untyped-def]
    from desktop.services.security import idle_lock_minutes

    window = shell.window
    assert shell.idle.seconds == 5 * 60  # the default
    window.show_page("office-settings")
    view = window.office_view
    assert view.idle_spin.value() == 5
    view.idle_spin.setValue(2)
    view.ui.saveButton.click()
    assert shell.idle.seconds == 2 * 60
    with shell.ctx.db.reader() as s:
        assert idle_lock_minutes(s) == 2
