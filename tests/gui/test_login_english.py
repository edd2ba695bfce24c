"""The login, the first administrator's step, the lock screen and the users page in
English (``--lang en``): no Thai left but data (issue 8's rule, for issue 9's screens)."""

from __future__ import annotations

from actors import TEST_PASSWORD, add_test_admin
from test_english_screens import assert_english, english  # noqa: F401 - the fixture

from desktop.gui.context import AppContext
from desktop.services.access import LoginRefused, authenticate


def _refused(ctx: AppContext) -> str:
    try:
        authenticate(ctx.db, "admin", "not-the-password")
    except LoginRefused as exc:
        return exc.message
    raise AssertionError("the wrong password was accepted")


def test_login_in_english(english, qtbot, ctx: AppContext) -> None:  # noqa: F811  # type: ignore[no-untyped-def]
    from desktop.gui.views.login_dialog import LoginDialog

    add_test_admin(ctx.db)
    dialog = LoginDialog(lambda n, p: authenticate(ctx.db, n, p), place="/tmp/office.db",
                         name="admin", message=_refused(ctx))
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.login_button.text() == "Log in"
    assert_english(dialog, ctx)


def test_first_administrator_in_english(english, qtbot, ctx: AppContext) -> None:  # noqa: F811  # type: ignore[no-untyped-def]
    from desktop.gui.views.first_admin_dialog import FirstAdminDialog

    dialog = FirstAdminDialog(name="with space")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.password_edit.setText("short")
    dialog.accept()  # the name's and the password's problems said
    assert dialog.errors["name"].isVisible() and dialog.errors["password"].isVisible()
    assert_english(dialog, ctx)


def test_lock_screen_in_english(english, qtbot, ctx: AppContext) -> None:  # noqa: F811  # type: ignore[no-untyped-def]
    from desktop.gui.views.lock_screen import LockDialog

    add_test_admin(ctx.db)
    dialog = LockDialog(lambda n, p: authenticate(ctx.db, n, p), "admin")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.password_edit.setText("not-the-password")
    dialog.submit()
    assert dialog.message.isVisible()
    assert_english(dialog, ctx)


def test_users_page_in_english(english, qtbot, ctx: AppContext) -> None:  # noqa: F811  # type: ignore[no-untyped-def]
    from desktop.gui.views.users_view import AddUserDialog, UsersView

    add_test_admin(ctx.db)
    authenticate(ctx.db, "admin", TEST_PASSWORD)
    view = UsersView(ctx)
    qtbot.addWidget(view)
    view.show()
    view.table.selectRow(0)
    assert view.table.rowCount() == 1
    assert_english(view, ctx)
    dialog = AddUserDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.accept()  # the password rule said
    assert_english(dialog, ctx)
