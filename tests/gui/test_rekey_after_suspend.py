"""ตั้งค่า › ผู้ใช้ › ระงับ on an encrypted database (issue 9): the page asks whether to
change the database's key now; yes runs the re-key on the background helper (the window
keeps answering), after which a keyring copied before the suspension opens nothing and
the administrator's password still opens the file. A plain database is not asked."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from actors import TEST_PASSWORD, add_test_admin
from modals import answer
from PySide6.QtCore import QSettings, Signal
from PySide6.QtWidgets import QMainWindow, QMessageBox, QWidget

from desktop.gui.context import AppContext
from desktop.gui.tasks import TaskRunner
from desktop.gui.views.users_view import UsersView
from desktop.services import keys
from desktop.services.access import authenticate, sign_in
from desktop.services.database import open_database
from desktop.services.users import add_user
from desktop.store import cipher
from desktop.store.db import Database

pytestmark = pytest.mark.usefixtures("cheap_wraps")


class _Window(QMainWindow):
    open_requested = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self.opened: list[str] = []
        self.open_requested.connect(self.opened.append)


def _encrypted_office(tmp_path: Path) -> Database:
    from desktop.domain.roles import Role

    path = tmp_path / "office.db"
    keys.start_encrypted(path)
    db, _ = open_database(path, create=True)
    add_test_admin(db)
    sign_in(db, authenticate(db, "admin", TEST_PASSWORD))
    with db.session() as s:
        add_user(s, "somchai", "somchai-password", roles=[Role.CLERK])
    return db


def test_suspending_on_an_encrypted_database_offers_a_rekey_that_runs_in_the_background(
        qtbot, qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    db = _encrypted_office(tmp_path)
    path = db.path
    assert path is not None
    stolen = tmp_path / "stolen.keys"
    shutil.copyfile(cipher.keyring_path(path), stolen)
    ring = cipher.read_keyring(path)
    assert ring is not None
    old_key = cipher.open_wrap(ring.wrap_of("somchai"), "somchai-password", ring.file_id)  # type: ignore[arg-type]
    ctx = AppContext(db, TaskRunner(), QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    window = _Window()  # stands for the main window: the re-keyed file is opened anew
    qtbot.addWidget(window)
    view = UsersView(ctx, window)
    window.setCentralWidget(view)
    window.show()
    view.table.selectRow([u.name for u in view.users].index("somchai"))
    asked: list[str] = []

    def yes(box: QWidget) -> None:  # by role: the words may be English in a translated run
        assert isinstance(box, QMessageBox)
        asked.append(box.text() + "\n" + box.informativeText())
        next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole).click()

    told: list[str] = []

    def ok(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        told.append(box.text())
        box.buttons()[0].click()

    left = answer(yes, ok)
    view.suspend_button.click()
    qtbot.waitUntil(lambda: view.rekey_offer.result is not None, timeout=60_000)
    qtbot.waitUntil(lambda: not left, timeout=10_000)
    assert "somchai" in asked[0] and asked[0].count("\n") >= 1
    assert told and told[0]
    assert old_key is not None and not cipher.key_opens(path, old_key)
    qtbot.waitUntil(lambda: bool(window.opened), timeout=10_000)
    assert window.opened == [str(path)]
    cipher._keys.clear()
    new_key = cipher.unwrap(path, "admin", TEST_PASSWORD)
    assert cipher.key_opens(path, new_key)
    ctx.tasks.wait(10_000)
    db.dispose()


def test_a_plain_database_is_not_asked(qtbot, ctx: AppContext) -> None:  # type: ignore[no-untyped-def]
    from desktop.domain.roles import Role

    add_test_admin(ctx.db)
    sign_in(ctx.db, authenticate(ctx.db, "admin", TEST_PASSWORD))
    with ctx.db.session() as s:
        add_user(s, "somchai", "somchai-password", roles=[Role.CLERK])
    view = UsersView(ctx)
    qtbot.addWidget(view)
    view.show()
    view.table.selectRow([u.name for u in view.users].index("somchai"))
    view.suspend_button.click()  # no question: it would block here
    assert "ระงับบัญชี somchai" in view.message.text()
    assert view.rekey_offer.question is None and view.rekey_offer.result is None
