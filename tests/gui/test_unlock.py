"""An encrypted database in the window (desktop/gui/unlock.py): the login's password
unwraps the key before the file is opened (a wrong one is refused in the dialog), the
same login then signs in without asking again; a database made in the window is
encrypted and its recovery key shown once."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from actors import TEST_PASSWORD, add_test_admin
from modals import answer
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox, QWidget
from test_login import type_login

from desktop.gui.resources import register_fonts
from desktop.services import keys
from desktop.services.database import open_database
from desktop.services.office import OfficeValues, init_office
from desktop.store import cipher

pytestmark = pytest.mark.usefixtures("encrypting")


@pytest.fixture
def shell(qapp, tmp_path: Path) -> Iterator[object]:  # type: ignore[no-untyped-def]
    from desktop.gui.shell import Shell

    register_fonts(qapp)
    made = Shell(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    yield made
    made.close()


@pytest.fixture
def encrypted_file(tmp_path: Path) -> Path:
    path = tmp_path / "office.db"
    keys.start_encrypted(path)
    db, _ = open_database(path, create=True)
    try:
        with db.session() as s:
            init_office(s, name="เทศบาลตำบลทดสอบ", code="9999999", province="นครราชสีมา")
        add_test_admin(db)
    finally:
        db.dispose()
    cipher._keys.clear()
    assert cipher.is_encrypted(path)
    return path


def test_the_password_unlocks_and_signs_in_once(shell, encrypted_file: Path,  # type: ignore[no-untyped-def]
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SAMOE_PASSWORD", raising=False)
    monkeypatch.delenv("SAMOE_USER", raising=False)
    seen: list[str] = []
    shown: list[bool] = []

    def wrong_then_right(dialog: QWidget) -> None:
        shown.append(shell.window is not None)
        type_login("admin", "not-the-password")(dialog)
        assert dialog.isVisible()
        type_login(None, TEST_PASSWORD, seen=seen)(dialog)

    left = answer(wrong_then_right, lambda d: d.reject())  # a second dialog would be refused
    assert shell.start(str(encrypted_file)) is None
    assert len(left) == 1  # one dialog only: the unlock's password signed in too
    left.clear()  # the unused step must not answer a later test's dialog
    assert shown == [False] and "ไม่ถูกต้อง" in seen[0]
    assert shell.actor.name == "admin" and shell.ctx.db.actor.name == "admin"


def test_samoe_password_unlocks_without_a_prompt(shell, encrypted_file: Path,  # type: ignore[no-untyped-def]
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SAMOE_PASSWORD", TEST_PASSWORD)
    monkeypatch.setenv("SAMOE_USER", "admin")
    assert shell.start(str(encrypted_file)) is None
    assert shell.actor.name == "admin"


def test_cancelling_the_unlock_leaves(shell, encrypted_file: Path,  # type: ignore[no-untyped-def]
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SAMOE_PASSWORD", raising=False)
    answer(lambda d: d.reject())
    assert shell.start(str(encrypted_file)) == 0 and shell.window is None


def test_a_new_database_is_encrypted_and_its_recovery_key_shown_once(  # type: ignore[no-untyped-def]
        shell, tmp_path: Path) -> None:
    from desktop.gui.views.first_admin_dialog import AdminValues

    path = tmp_path / "new.db"
    texts: list[str] = []

    def note(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        texts.append(box.text())
        box.accept()

    left = answer(note)
    assert shell.create(path, OfficeValues("เทศบาลตำบลใหม่", "6300101"),
                        AdminValues("admin", "", TEST_PASSWORD))
    assert not left and cipher.is_encrypted(path)
    recovery = texts[0].split("\n")[-1]
    key = cipher.key_by_recovery_alone(path, cipher.parse_recovery_key(recovery))  # no keyring needed
    assert key is not None and cipher.key_opens(path, key)
    assert cipher.unwrap(path, "admin", TEST_PASSWORD) == key
