"""A hostile keyring in the window (issue 9): a keyring edited to impossible Argon2id
parameters is said damaged in the login dialog (it crashed the dialog's slot with
argon2's HashingError, or made the login run for hours), and the window opens nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from actors import TEST_PASSWORD
from modals import answer
from PySide6.QtWidgets import QWidget
from test_login import type_login
from test_unlock import encrypted_file, shell  # noqa: F401 - fixtures

from desktop.store import cipher

pytestmark = pytest.mark.usefixtures("encrypting")


@pytest.mark.parametrize("edit", [{"memory_kib": 2**40}, {"time_cost": 10**9}, {"salt": "AAAA"}])
def test_an_edited_keyring_is_said_damaged_in_the_login_dialog(  # type: ignore[no-untyped-def]
        shell, encrypted_file: Path, monkeypatch: pytest.MonkeyPatch, edit: dict[str, object]) -> None:  # noqa: F811
    monkeypatch.delenv("SAMOE_PASSWORD", raising=False)
    monkeypatch.delenv("SAMOE_USER", raising=False)
    ring_path = cipher.keyring_path(encrypted_file)
    ring = json.loads(ring_path.read_text(encoding="utf-8"))
    ring["users"][0]["kdf"].update(edit)
    ring_path.write_text(json.dumps(ring), encoding="utf-8")
    seen: list[str] = []

    def twice(dialog: QWidget) -> None:
        type_login("admin", TEST_PASSWORD)(dialog)
        assert dialog.isVisible()
        seen.append(dialog.message.text())  # type: ignore[attr-defined]
        dialog.reject()  # type: ignore[attr-defined]

    left = answer(twice)
    shell.start(str(encrypted_file))
    assert not left
    assert seen and "เสียหาย" in seen[0], seen
    assert shell.window is None or shell.actor is None
