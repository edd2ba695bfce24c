"""After ``samoe db encrypt`` only the administrator who ran it has a wrap: the command
names every other user who needs a new password, and such a user's login says in Thai
what to do (an administrator runs ``samoe users passwd NAME``), which then works."""

from __future__ import annotations

from pathlib import Path

import pytest
from actors import TEST_PASSWORD
from cli_run import run

from desktop.store import cipher

OFFICE = ("--office-name", "เทศบาลตำบลทดสอบ", "--office-code", "6300101")


pytestmark = pytest.mark.usefixtures("encrypting")


def test_db_encrypt_names_the_users_who_need_a_new_password(
        capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "office.db"
    db = ("--db", str(path))
    assert run(capsys, *db, "init", *OFFICE, "--no-encryption")[0] == 0
    monkeypatch.setenv("SAMOE_NEW_PASSWORD", "somchai-first")
    assert run(capsys, *db, "users", "add", "somchai", "--role", "clerk")[0] == 0
    monkeypatch.setenv("SAMOE_NEW_PASSWORD", "malee-first1")
    assert run(capsys, *db, "users", "add", "malee", "--role", "certifier")[0] == 0
    code, out, err = run(capsys, *db, "db", "encrypt")
    assert code == 0, err
    lines = [line for line in out.splitlines() if "somchai" in line]
    assert lines and "malee" in lines[0] and "admin" not in lines[0].replace("ผู้ดูแล", "")
    assert "samoe users passwd" in out
    cipher._keys.clear()

    monkeypatch.setenv("SAMOE_PASSWORD", "somchai-first")
    code, _out, err = run(capsys, *db, "--user", "somchai", "stats")
    assert code == 11 and "Traceback" not in err
    assert "samoe users passwd somchai" in err and "ผู้ดูแลระบบ" in err and "เข้ารหัส" in err
    cipher._keys.clear()

    monkeypatch.setenv("SAMOE_PASSWORD", TEST_PASSWORD)
    monkeypatch.setenv("SAMOE_NEW_PASSWORD", "somchai-second")
    code, _out, err = run(capsys, *db, "users", "passwd", "somchai")
    assert code == 0, err
    cipher._keys.clear()
    monkeypatch.setenv("SAMOE_PASSWORD", "somchai-second")
    code, _out, err = run(capsys, *db, "--user", "somchai", "stats")
    assert code == 0, err


def test_nobody_else_nothing_listed(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "office.db"
    assert run(capsys, "--db", str(path), "init", *OFFICE, "--no-encryption")[0] == 0
    code, out, err = run(capsys, "--db", str(path), "db", "encrypt")
    assert code == 0, err
    assert "samoe users passwd" not in out
