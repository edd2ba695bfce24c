"""ลืมรหัสผ่าน… at the login (issue 9): the only administrator forgot their password; the
recovery key typed in a small dialog sets a new one and signs them in. A typo names the
key's group, a clerk's name is refused, both on the dialog's error line; a plain
database says on the login's message line that another administrator sets it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from actors import TEST_PASSWORD, add_test_admin
from modals import answer
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget

from desktop.domain.roles import Role
from desktop.gui.resources import register_fonts
from desktop.services import keys
from desktop.services.access import Grant
from desktop.services.database import open_database
from desktop.services.office import init_office
from desktop.services.users import add_user
from desktop.store import cipher
from desktop.store.db import Database

NEW = "a-brand-new-password"


@pytest.fixture(autouse=True)
def _at_the_keyboard(cheap_wraps: None, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SAMOE_PASSWORD", raising=False)  # a clerk at the keyboard
    monkeypatch.delenv("SAMOE_USER", raising=False)


@pytest.fixture
def shell(qapp, tmp_path: Path) -> Iterator[object]:  # type: ignore[no-untyped-def]
    from desktop.gui.shell import Shell

    register_fonts(qapp)
    made = Shell(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    yield made
    made.close()


@pytest.fixture
def encrypted(tmp_path: Path) -> tuple[Path, str]:
    path = tmp_path / "office.db"
    new = keys.start_encrypted(path)
    db, _ = open_database(path, create=True)
    try:
        with db.session() as s:
            init_office(s, name="เทศบาลตำบลทดสอบ", code="9999999", province="นครราชสีมา")
        add_test_admin(db)
        with db.session() as s:
            add_user(s, "somchai", "somchai-password", roles=[Grant(Role.CLERK)])
    finally:
        db.dispose()
    cipher._keys.clear()
    return path, new.recovery


def mistyped(recovery: str, group: int) -> str:
    groups = recovery.split("-")
    body, check = groups[group][:4], groups[group][4]
    for c in "0123456789ABCDEFGHJKMNPQRSTVWXYZ":
        changed = c + body[1:]
        if changed != body and cipher._check_char(group, changed) != check:
            groups[group] = changed + check
            return "-".join(groups)
    raise AssertionError("no typo found")


def _type(edit: QWidget, text: str) -> None:
    edit.clear()  # type: ignore[attr-defined]
    edit.setFocus()
    QTest.keyClicks(edit, text)


def test_the_recovery_key_resets_the_administrator_and_signs_in(  # type: ignore[no-untyped-def]
        shell, encrypted: tuple[Path, str]) -> None:
    path, recovery = encrypted
    said: list[str] = []

    def login(dialog: QWidget) -> None:
        assert dialog.forgot_button is not None and dialog.forgot_button.isVisible()  # type: ignore[attr-defined]
        assert not dialog.forgot_button.autoDefault()  # type: ignore[attr-defined]  # Enter still signs in
        QTimer.singleShot(0, dialog.forgot_button.click)  # type: ignore[attr-defined]  # its dialog is modal

    def reset(dialog: QWidget) -> None:
        assert dialog.name_edit.text() == "admin"  # type: ignore[attr-defined]  # from the login
        assert dialog.key_edit.hasFocus() or dialog.focusWidget() is dialog.key_edit  # type: ignore[attr-defined]
        # a typo in the 5th group, typed from the paper with spaces: named on the error line
        _type(dialog.key_edit, mistyped(recovery, 4).replace("-", " ").lower())  # type: ignore[attr-defined]
        _type(dialog.password_edit, NEW)  # type: ignore[attr-defined]
        _type(dialog.again_edit, NEW)  # type: ignore[attr-defined]
        QTest.keyClick(dialog.again_edit, Qt.Key.Key_Return)  # type: ignore[attr-defined]
        said.append(dialog.message.text())  # type: ignore[attr-defined]
        assert dialog.isVisible() and dialog.focusWidget() is dialog.key_edit  # type: ignore[attr-defined]
        # the right key, a clerk's name: only an administrator is reset this way
        _type(dialog.key_edit, recovery)  # type: ignore[attr-defined]
        _type(dialog.name_edit, "somchai")  # type: ignore[attr-defined]
        dialog.save_button.click()  # type: ignore[attr-defined]
        said.append(dialog.message.text())  # type: ignore[attr-defined]
        assert dialog.isVisible()
        # the administrator: set, and the login goes on with the new password
        _type(dialog.name_edit, "admin")  # type: ignore[attr-defined]
        _type(dialog.password_edit, NEW)  # type: ignore[attr-defined]
        _type(dialog.again_edit, NEW)  # type: ignore[attr-defined]
        dialog.save_button.click()  # type: ignore[attr-defined]

    left = answer(login, reset, lambda d: d.reject())  # nothing more may be asked
    assert shell.start(str(path)) is None
    assert len(left) == 1
    left.clear()
    assert "กลุ่มที่ 5" in said[0]
    assert "ไม่ใช่ผู้ดูแลระบบ" in said[1]
    assert shell.actor is not None and shell.actor.name == "admin"
    assert shell.window is not None
    cipher._keys.clear()
    with pytest.raises(cipher.WrongPassword):
        cipher.unwrap(path, "admin", TEST_PASSWORD)
    assert cipher.unwrap(path, "admin", NEW)


def test_a_plain_database_says_another_administrator_sets_it(  # type: ignore[no-untyped-def]
        shell, db: Database) -> None:
    with db.session() as s:
        init_office(s, name="เทศบาลตำบลทดสอบ", code="9999999", province="นครราชสีมา")
    add_test_admin(db)
    assert db.path is not None
    path = db.path
    db.dispose()
    said: list[str] = []
    opened: list[QWidget] = []

    def login(dialog: QWidget) -> None:
        dialog.forgot_button.click()  # type: ignore[attr-defined]  # no dialog: the message line says why
        said.append(dialog.message.text() if dialog.message.isVisible() else "")  # type: ignore[attr-defined]
        opened.append(dialog)
        dialog.reject()  # type: ignore[attr-defined]

    answer(login)
    assert shell.start(str(path)) == 0
    assert "ไม่ได้เข้ารหัส" in said[0] and "ผู้ดูแลระบบคนอื่น" in said[0]
    assert "samoe" not in said[0]  # never sends a clerk to the command line


def test_a_lost_keyring_is_rebuilt_from_the_window(  # type: ignore[no-untyped-def]
        shell, encrypted: tuple[Path, str]) -> None:
    """The key file beside the database is lost: the login says to use ลืมรหัสผ่าน… (not a
    command line), and the recovery key typed there rebuilds it and signs in."""
    path, recovery = encrypted
    cipher.keyring_path(path).unlink()
    said: list[str] = []

    def login(dialog: QWidget) -> None:
        _type(dialog.password_edit, TEST_PASSWORD)  # type: ignore[attr-defined]
        dialog.login_button.click()  # type: ignore[attr-defined]
        said.append(dialog.message.text())  # type: ignore[attr-defined]
        QTimer.singleShot(0, dialog.forgot_button.click)  # type: ignore[attr-defined]

    def reset(dialog: QWidget) -> None:
        _type(dialog.key_edit, recovery)  # type: ignore[attr-defined]
        _type(dialog.password_edit, NEW)  # type: ignore[attr-defined]
        _type(dialog.again_edit, NEW)  # type: ignore[attr-defined]
        dialog.save_button.click()  # type: ignore[attr-defined]

    left = answer(login, reset, lambda d: d.reject())
    assert shell.start(str(path)) is None
    assert len(left) == 1
    left.clear()
    assert "ลืมรหัสผ่าน" in said[0] and "samoe" not in said[0], said[0]
    assert shell.actor is not None and shell.actor.name == "admin"
    ring = cipher.read_keyring(path)
    assert ring is not None and ring.wrap_of("admin") is not None


def test_the_recovery_key_unlocks_a_locked_window_keeping_the_work(  # type: ignore[no-untyped-def]
        qtbot, shell, encrypted: tuple[Path, str]) -> None:
    """The administrator forgot their password while the window was locked: ลืมรหัสผ่าน… on
    the lock sets a new one with the recovery key and unlocks, the window as it was."""
    path, recovery = encrypted

    def login(dialog: QWidget) -> None:
        _type(dialog.password_edit, TEST_PASSWORD)  # type: ignore[attr-defined]
        dialog.login_button.click()  # type: ignore[attr-defined]

    answer(login)
    assert shell.start(str(path)) is None
    window = shell.window
    shell.lock_now()
    lock = shell.lock.dialog
    assert lock is not None and lock.forgot_button is not None and lock.forgot_button.isVisible()
    assert not lock.forgot_button.autoDefault()  # Enter still unlocks

    def reset(dialog: QWidget) -> None:
        assert dialog.name_edit.text() == "admin"  # type: ignore[attr-defined]  # the locked user
        _type(dialog.key_edit, recovery)  # type: ignore[attr-defined]
        _type(dialog.password_edit, NEW)  # type: ignore[attr-defined]
        _type(dialog.again_edit, NEW)  # type: ignore[attr-defined]
        dialog.save_button.click()  # type: ignore[attr-defined]

    left = answer(reset)
    lock.forgot_button.click()
    qtbot.waitUntil(lambda: not shell.lock.locked, timeout=5_000)
    assert left == [] and shell.window is window  # unlocked, not started again
    assert shell.actor is not None and shell.actor.name == "admin"
    cipher._keys.clear()
    assert cipher.unwrap(path, "admin", NEW)
