"""Login at every start and the first administrator's step of the set-up (issue 9): a
wrong password is refused in Thai and the dialog stays, the right one opens the window
signed in as that user, a locked account says until when; the set-up cannot be left
half done; a database made before users existed asks for its first administrator."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from actors import TEST_PASSWORD, add_test_admin
from modals import answer, click, fill_admin, fill_office, reject
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget

from desktop.domain.roles import Role
from desktop.gui.resources import register_fonts
from desktop.paths import default_db_path
from desktop.services.office import init_office
from desktop.store.db import Database
from desktop.store.models import AppUser

LEAVE = "ออกจากโปรแกรม"


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def shell(qapp, settings: QSettings) -> Iterator[object]:  # type: ignore[no-untyped-def]
    from desktop.gui.shell import Shell

    register_fonts(qapp)
    made = Shell(settings)
    yield made
    made.close()


@pytest.fixture
def prompt(monkeypatch: pytest.MonkeyPatch) -> None:
    """A clerk at the keyboard: no SAMOE_PASSWORD, so the login dialog asks."""
    monkeypatch.delenv("SAMOE_PASSWORD", raising=False)
    monkeypatch.delenv("SAMOE_USER", raising=False)


@pytest.fixture
def office_file(db: Database) -> Path:
    """A database with its office and its first administrator ``admin``."""
    with db.session() as s:
        init_office(s, name="เทศบาลตำบลทดสอบ", code="9999999", province="นครราชสีมา")
    add_test_admin(db)
    assert db.path is not None
    return db.path


def type_login(name: str | None, password: str, *, enter: bool = False, seen: list[str] | None = None):  # type: ignore[no-untyped-def]
    def step(dialog: QWidget) -> None:
        if seen is not None:
            seen.append(dialog.message.text() if dialog.message.isVisible() else "")  # type: ignore[attr-defined]
        if name is not None:
            dialog.name_edit.setText(name)  # type: ignore[attr-defined]
        dialog.password_edit.setText(password)  # type: ignore[attr-defined]
        if enter:
            QTest.keyClick(dialog.password_edit, Qt.Key.Key_Return)  # type: ignore[attr-defined]
        else:
            dialog.login_button.click()  # type: ignore[attr-defined]
    return step


def _users(path: Path) -> list[tuple[str, str, set[str]]]:
    db = Database.open(path)
    try:
        with db.reader() as s:
            return [(u.name, u.full_name, {r.role for r in u.roles}) for u in s.query(AppUser).all()]
    finally:
        db.dispose()


def test_first_start_sets_up_the_office_then_its_administrator(shell, qtbot) -> None:  # type: ignore[no-untyped-def]
    refused: dict[str, str] = {}

    def mismatch_then_short(dialog: QWidget) -> None:
        assert dialog.isVisible()  # refused, still open
        refused["again"] = dialog.errors["again"].text()  # type: ignore[attr-defined]
        assert dialog.rule_label.isVisible() and "8" in dialog.rule_label.text()  # type: ignore[attr-defined]
        assert not default_db_path().exists()  # nothing made yet
        fill_admin("somjai", "short", then=short_then_good)(dialog)

    def short_then_good(dialog: QWidget) -> None:
        assert dialog.isVisible()
        refused["password"] = dialog.errors["password"].text()  # type: ignore[attr-defined]
        fill_admin("somjai", full_name="สมใจ ใจดี")(dialog)

    left = answer(click("เริ่มฐานข้อมูลจริง"), fill_office("เทศบาลตำบลบ้านใหม่", "6300101", "นครราชสีมา"),
                  fill_admin("somjai", again="something-else", then=mismatch_then_short))
    assert shell.start(None) is None and not left
    assert "ไม่ตรงกัน" in refused["again"] and "อย่างน้อย 8" in refused["password"]
    assert _users(default_db_path()) == [("somjai", "สมใจ ใจดี", {Role.ADMIN.value, Role.CLERK.value})]
    window = shell.window
    assert shell.actor.name == "somjai" and "somjai" in window.findChild(QWidget, "userLabel").text()
    assert window.findChild(QWidget, "userLabel").isVisible()


def test_cancelled_administrator_step_leaves_no_database(shell) -> None:  # type: ignore[no-untyped-def]
    questions: list[str] = []
    left = answer(click("เริ่มฐานข้อมูลจริง"), fill_office("เทศบาลตำบลบ้านใหม่", "6300101"),
                  reject, click("กลับไปตั้งผู้ดูแลระบบ", questions), reject, click(LEAVE, questions))
    assert shell.start(None) == 0 and not left
    assert len(questions) == 2 and "ผู้ดูแลระบบ" in questions[0]
    assert not default_db_path().exists()  # half done: nothing at all
    assert shell.window is None


def test_database_without_users_asks_for_its_first_administrator(shell, db: Database, prompt) -> None:  # type: ignore[no-untyped-def]
    with db.session() as s:  # as a Samoe before 0007 left it: an office, no user
        init_office(s, name="อบต.หนองบัว", code="3300105", province="ขอนแก่น")
    intro: list[str] = []

    def admin(dialog: QWidget) -> None:
        intro.append(dialog.intro_label.text())  # type: ignore[attr-defined]
        fill_admin("boss")(dialog)

    left = answer(admin)
    assert shell.start(str(db.path)) is None and not left
    assert "ยังไม่มีผู้ใช้" in intro[0] and "samoe" not in intro[0]
    assert _users(db.path)[0][0] == "boss" and shell.actor.name == "boss"
    shell.close()
    # the next start logs in, the name remembered for this database
    seen: list[str] = []

    def check_name(dialog: QWidget) -> None:
        seen.append(dialog.name_edit.text())  # type: ignore[attr-defined]
        type_login(None, TEST_PASSWORD)(dialog)

    left = answer(check_name)
    assert shell.start(str(db.path)) is None and not left
    assert seen == ["boss"]


def test_wrong_password_is_refused_and_the_right_one_opens(shell, office_file: Path, prompt) -> None:  # type: ignore[no-untyped-def]
    seen: list[str] = []
    shown: list[bool] = []

    def wrong_then_right(dialog: QWidget) -> None:
        shown.append(shell.window is not None)
        type_login("admin", "not-the-password")(dialog)
        assert dialog.isVisible() and dialog.password_edit.text() == ""  # type: ignore[attr-defined]
        type_login(None, TEST_PASSWORD, enter=True, seen=seen)(dialog)  # Enter signs in

    left = answer(wrong_then_right)
    assert shell.start(str(office_file)) is None and not left
    assert shown == [False]  # no window (no personal data) before the login
    assert "รหัสผ่านไม่ถูกต้อง" in seen[0]
    assert shell.actor.name == "admin" and shell.ctx.db.actor.name == "admin"


def test_escape_at_the_login_leaves(shell, office_file: Path, prompt) -> None:  # type: ignore[no-untyped-def]
    left = answer(lambda d: QTest.keyClick(d, Qt.Key.Key_Escape))
    assert shell.start(str(office_file)) == 0 and not left
    assert shell.window is None


def test_locked_account_says_until_when(shell, office_file: Path, prompt) -> None:  # type: ignore[no-untyped-def]
    seen: list[str] = []

    def five_wrong_then_right(dialog: QWidget) -> None:
        for n in range(6):
            type_login("admin", f"wrong-{n}", seen=seen)(dialog)
        type_login("admin", TEST_PASSWORD, seen=seen)(dialog)
        seen.append(dialog.message.text())  # type: ignore[attr-defined]
        dialog.reject()  # type: ignore[attr-defined]

    left = answer(five_wrong_then_right)
    assert shell.start(str(office_file)) == 0 and not left
    assert "ไม่ถูกต้อง" in seen[1]
    assert "ล็อก" in seen[5] and re.search(r"\d{2}:\d{2}", seen[5]), seen[5]
    assert "ล็อก" in seen[7]  # the right password does not open a locked account
    assert shell.window is None


def test_samoe_password_signs_in_without_a_prompt(shell, office_file: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("SAMOE_PASSWORD", TEST_PASSWORD)
    monkeypatch.setenv("SAMOE_USER", "admin")
    assert shell.start(str(office_file)) is None  # no dialog answered
    assert shell.actor.name == "admin"


def test_wrong_samoe_password_is_said_in_the_dialog(shell, office_file: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("SAMOE_PASSWORD", "wrong-password")
    seen: list[str] = []
    left = answer(type_login("admin", TEST_PASSWORD, seen=seen))
    assert shell.start(str(office_file)) is None and not left
    assert "ไม่ถูกต้อง" in seen[0]  # never a silent fallback


def test_a_read_only_database_without_users_is_not_opened(shell, db: Database, monkeypatch, prompt) -> None:  # type: ignore[no-untyped-def]
    """No user to log in as, and none can be added: refused, never opened without a login."""
    path = db.path
    db.dispose()
    monkeypatch.setattr("desktop.gui.shell.open_db_or_explain",
                        lambda target, _parent=None, **_k: Database.open(target, read_only=True))
    said: list[str] = []
    left = answer(lambda box: (said.append(box.text()), box.accept()))  # type: ignore[attr-defined]
    assert shell.start(str(path)) == 0 and not left
    assert "ยังไม่มีผู้ใช้" in said[0] and "เขียนไม่ได้" in said[0]
    assert shell.window is None
