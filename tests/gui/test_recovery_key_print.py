"""The recovery key box of a new database (desktop/gui/unlock.py) prints the key for the
office safe (issue 9): พิมพ์… opens the PDF preview of the one-page key (the preview's
own print and save), บันทึก PDF… saves it where the clerk chooses; the box stays open
(the key is shown once), each print is an audit entry without the key, and the
temporary PDF is removed when the preview closes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog
from sqlalchemy import select

from desktop.gui.resources import register_fonts
from desktop.services import keys
from desktop.services.recovery_print import PRINT_ACTION
from desktop.store import cipher
from desktop.store.db import Database
from desktop.store.models import AuditEntry

RECOVERY = re.compile(r"(?:[0-9A-Z]{5}-){12}[0-9A-Z]{5}")


def _pdf_text(pdf: Path) -> str:
    import pymupdf

    with pymupdf.open(str(pdf)) as doc:
        return "".join(str(page.get_text()) for page in doc)


def _prints(db: Database) -> list[AuditEntry]:
    with db.reader() as s:
        return list(s.scalars(select(AuditEntry).where(AuditEntry.action == PRINT_ACTION)))


@pytest.fixture
def box(qapp, qtbot, office_db: Database, tmp_path: Path):  # type: ignore[no-untyped-def]
    from desktop.gui.unlock import RecoveryKeyBox

    register_fonts(qapp)
    key = cipher.new_key()
    new = keys.NewKey(key, cipher.format_recovery_key(key))
    made = RecoveryKeyBox(None, new, db=office_db,
                          settings=QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(made)
    made.show()
    return made


def test_print_opens_the_preview_and_the_box_stays(qtbot, box, office_db: Database) -> None:  # type: ignore[no-untyped-def]
    recovery = box.new.recovery
    assert box.print_button.text() == "พิมพ์…" and box.save_button.text() == "บันทึก PDF…"
    box.print_button.click()
    assert box.isVisible()  # the key is still on the screen
    preview = box.last_preview
    assert preview is not None and preview.isVisible() and preview.page_count == 1
    pdf = preview.pdf
    assert RECOVERY.findall(_pdf_text(pdf)) == [recovery]
    entries = _prints(office_db)
    assert len(entries) == 1 and recovery.split("-")[0] not in (entries[0].detail or "")
    assert entries[0].actor
    preview.close()
    qtbot.waitUntil(lambda: not pdf.exists(), timeout=3000)  # the key is not left on the disk
    assert not pdf.parent.exists()


def test_save_as_pdf_where_the_clerk_chooses(qtbot, box, office_db: Database, tmp_path: Path,  # type: ignore[no-untyped-def]
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "usb" / "กุญแจ"
    target.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(target), "")))
    box.save_button.click()
    assert box.isVisible()
    saved = target.with_suffix(".pdf")
    assert saved.exists() and RECOVERY.findall(_pdf_text(saved)) == [box.new.recovery]
    assert len(_prints(office_db)) == 1
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: ("", "")))
    box.save_button.click()  # cancelled: nothing made, nothing recorded
    assert len(_prints(office_db)) == 1


def test_without_a_database_there_is_no_print_button(qapp) -> None:  # type: ignore[no-untyped-def]
    from desktop.gui.unlock import RecoveryKeyBox

    key = cipher.new_key()
    plain = RecoveryKeyBox(None, keys.NewKey(key, cipher.format_recovery_key(key)))
    assert plain.print_button is None
    plain.deleteLater()


def test_the_set_up_window_shows_the_box_with_its_print_button(  # type: ignore[no-untyped-def]
        qapp, qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from actors import TEST_PASSWORD
    from modals import answer
    from PySide6.QtWidgets import QWidget

    from desktop.gui.shell import Shell
    from desktop.gui.unlock import RecoveryKeyBox
    from desktop.gui.views.first_admin_dialog import AdminValues
    from desktop.services.office import OfficeValues

    monkeypatch.delenv("SAMOE_NO_ENCRYPTION", raising=False)
    monkeypatch.setattr(cipher, "ARGON2_TIME_COST", 1)
    monkeypatch.setattr(cipher, "ARGON2_MEMORY_KIB", 1024)
    register_fonts(qapp)
    shell = Shell(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    seen: list[str] = []

    def press_print(box: QWidget) -> None:
        assert isinstance(box, RecoveryKeyBox) and box.print_button is not None
        box.print_button.click()
        assert box.last_preview is not None
        seen.append(_pdf_text(box.last_preview.pdf))
        box.last_preview.close()
        box.accept()

    try:
        left = answer(press_print)
        path = tmp_path / "new.db"
        assert shell.create(path, OfficeValues("เทศบาลตำบลใหม่", "6300101"),
                            AdminValues("admin", "", TEST_PASSWORD))
        assert not left and seen and "เทศบาลตำบลใหม่" in seen[0] and "new.db" in seen[0]
        key = cipher.key_by_recovery_alone(path, cipher.parse_recovery_key(RECOVERY.findall(seen[0])[0]))
        assert key is not None and cipher.key_opens(path, key)
        entries = _prints(shell.ctx.db)
        assert len(entries) == 1 and entries[0].actor == "admin"
    finally:
        shell.close()
        cipher._keys.clear()
