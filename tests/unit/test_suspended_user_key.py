"""Suspending a user on an encrypted database removes their copy of the key from the
keyring: the password they knew no longer opens the file (nor a copy of the file and its
keyring made afterwards). Lifting the suspension needs a new password from an
administrator, which wraps the key again."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from actors import TEST_PASSWORD
from cli_run import run

from desktop.store import cipher

OFFICE = ("--office-name", "เทศบาลตำบลทดสอบ", "--office-code", "6300101")


pytestmark = pytest.mark.usefixtures("encrypting")


def test_a_suspended_user_s_password_opens_nothing(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "office.db"
    db = ("--db", str(path))
    assert run(capsys, *db, "init", *OFFICE)[0] == 0
    monkeypatch.setenv("SAMOE_NEW_PASSWORD", "somchai-first")
    assert run(capsys, *db, "users", "add", "somchai", "--role", "clerk")[0] == 0
    assert cipher.read_keyring(path).wrap_of("somchai") is not None  # type: ignore[union-attr]

    assert run(capsys, *db, "users", "lock", "somchai")[0] == 0
    ring = cipher.read_keyring(path)
    assert ring is not None and ring.wrap_of("somchai") is None and ring.wrap_of("admin") is not None
    # a copy of the file and its keyring, taken now, does not open with the old password
    copy = tmp_path / "copy" / "office.db"
    copy.parent.mkdir()
    shutil.copyfile(path, copy)
    shutil.copyfile(cipher.keyring_path(path), cipher.keyring_path(copy))
    cipher._keys.clear()
    with pytest.raises(cipher.CipherError):
        cipher.unwrap(copy, "somchai", "somchai-first")

    # lifted, and given a new password by the administrator: it opens again
    monkeypatch.setenv("SAMOE_PASSWORD", TEST_PASSWORD)
    assert run(capsys, *db, "users", "unlock", "somchai")[0] == 0
    monkeypatch.setenv("SAMOE_NEW_PASSWORD", "somchai-second")
    assert run(capsys, *db, "users", "passwd", "somchai")[0] == 0
    cipher._keys.clear()
    monkeypatch.setenv("SAMOE_PASSWORD", "somchai-second")
    code, _out, err = run(capsys, *db, "--user", "somchai", "stats")
    assert code == 0, err
