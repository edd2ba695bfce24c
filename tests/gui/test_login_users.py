"""ตั้งค่า › ผู้ใช้ (issue 9): an administrator adds a user with roles, sets a new password,
changes roles, suspends and unlocks; each change works at the next login; a user
without the right sees a refusal, not the list."""

from __future__ import annotations

import pytest
from actors import TEST_PASSWORD, actor_with, add_test_admin
from modals import answer

from desktop.domain.roles import Role
from desktop.gui.context import AppContext
from desktop.gui.views.users_view import UsersView
from desktop.services.access import LoginRefused, authenticate, sign_in


def _select(view: UsersView, name: str) -> None:
    names = [u.name for u in view.users]
    view.table.selectRow(names.index(name))


def _fill_user(name: str, password: str, *, roles: tuple[Role, ...] = (Role.CLERK,)):  # type: ignore[no-untyped-def]
    def step(dialog) -> None:  # type: ignore[no-untyped-def]
        dialog.name_edit.setText(name)
        dialog.full_name_edit.setText("สมชาย ทดสอบ")
        dialog.password.password_edit.setText("short")
        dialog.password.again_edit.setText("short")
        dialog.save_button.click()
        assert dialog.isVisible() and "8" in dialog.error.text()  # the rule, said
        dialog.password.password_edit.setText(password)
        dialog.password.again_edit.setText(password)
        for role, box in dialog.roles.boxes.items():
            box.setChecked(role in roles)
        dialog.save_button.click()
    return step


def test_an_administrator_manages_users(qtbot, ctx: AppContext) -> None:  # type: ignore[no-untyped-def]
    db = ctx.db
    add_test_admin(db)
    view = UsersView(ctx)
    qtbot.addWidget(view)
    view.show()
    assert [u.name for u in view.users] == ["admin"]

    left = answer(_fill_user("somchai", "first-password"))
    view.add_button.click()
    assert not left and [u.name for u in view.users] == ["admin", "somchai"]
    assert "เจ้าหน้าที่ทะเบียน" in view.table.item(1, 2).text() and view.table.item(1, 3).text() == "ใช้งานได้"
    assert authenticate(db, "somchai", "first-password").may  # the new user logs in

    _select(view, "somchai")

    def new_password(dialog) -> None:  # type: ignore[no-untyped-def]
        dialog.password.password_edit.setText("second-password")
        dialog.password.again_edit.setText("second-password")
        dialog.save_button.click()

    left = answer(new_password)
    view.password_button.click()
    assert not left
    with pytest.raises(LoginRefused):
        authenticate(db, "somchai", "first-password")
    assert authenticate(db, "somchai", "second-password").name == "somchai"

    _select(view, "somchai")

    def certifier_only(dialog) -> None:  # type: ignore[no-untyped-def]
        for role, box in dialog.roles.boxes.items():
            box.setChecked(role is Role.CERTIFIER)
        dialog.save_button.click()

    left = answer(certifier_only)
    view.roles_button.click()
    assert not left and "ผู้รับรอง" in view.table.item(1, 2).text()
    assert authenticate(db, "somchai", "second-password").roles == {Role.CERTIFIER}

    _select(view, "somchai")
    view.suspend_button.click()
    assert "ระงับ" in view.table.item(1, 3).text() and "ระงับบัญชี somchai" in view.message.text()
    with pytest.raises(LoginRefused, match="ระงับ"):
        authenticate(db, "somchai", "second-password")
    _select(view, "somchai")
    view.unlock_button.click()
    assert view.table.item(1, 3).text() == "ใช้งานได้"
    assert authenticate(db, "somchai", "second-password").name == "somchai"

    _select(view, "tester" if "tester" in [u.name for u in view.users] else "admin")
    sign_in(db, authenticate(db, "admin", TEST_PASSWORD))
    view.suspend_button.click()  # the signed-in administrator cannot suspend themself
    assert "ตัวเอง" in view.message.text()


def test_a_clerk_sees_a_refusal_not_the_list(qtbot, ctx: AppContext) -> None:  # type: ignore[no-untyped-def]
    add_test_admin(ctx.db)
    sign_in(ctx.db, actor_with(Role.CLERK, name="clerk"))
    view = UsersView(ctx)
    qtbot.addWidget(view)
    view.show()
    assert view.users == [] and view.table.rowCount() == 0
    assert "ไม่มีสิทธิ์" in view.message.text()


def test_a_user_changes_their_own_password_from_the_file_menu(qtbot, ctx: AppContext) -> None:  # type: ignore[no-untyped-def]
    from desktop.gui.main_window import MainWindow
    from desktop.gui.session_menu import SessionControls

    actor = add_test_admin(ctx.db)
    with ctx.db.session() as s:  # a clerk, who does not manage users
        from desktop.services.users import add_user

        add_user(s, "noi", "old-password", roles=[Role.CLERK])
    clerk = authenticate(ctx.db, "noi", "old-password")
    sign_in(ctx.db, clerk)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    controls = SessionControls(window, clerk)
    assert actor.name == "admin" and not controls.users_view.isVisible()
    from PySide6.QtCore import Qt

    nav = window.ui.navTree
    pages = {nav.topLevelItem(i).child(j).data(0, Qt.ItemDataRole.UserRole): nav.topLevelItem(i).child(j)
             for i in range(nav.topLevelItemCount()) for j in range(nav.topLevelItem(i).childCount())}
    enabled = {key for key, item in pages.items() if item.flags() & Qt.ItemFlag.ItemIsEnabled}
    assert {"children", "households", "institutions", "imports"} <= enabled  # a clerk's registry
    assert not {"users", "office-settings"} & enabled  # an administrator's pages
    assert not window.ui.officeAction.isEnabled() and window.ui.importAction.isEnabled()

    def wrong_then_right(dialog) -> None:  # type: ignore[no-untyped-def]
        dialog.current_edit.setText("not-it")
        dialog.password.password_edit.setText("new-password")
        dialog.password.again_edit.setText("new-password")
        dialog.save_button.click()
        assert dialog.isVisible() and "ไม่ถูกต้อง" in dialog.error.text()
        dialog.current_edit.setText("old-password")
        dialog.save_button.click()

    left = answer(wrong_then_right)
    controls.password_action.trigger()
    assert not left and "เปลี่ยนรหัสผ่านแล้ว" in window.message_label.text()
    assert authenticate(ctx.db, "noi", "new-password").name == "noi"
