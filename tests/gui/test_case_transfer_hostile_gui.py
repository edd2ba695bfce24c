"""Hostile transfer files in the receiving office's window (issue 13; the command line's
attacks: tests/exchange/test_case_transfer_hostile.py): a file cut short, a child named
with a terminal escape, a birth in 2999, a folder, no file: each says what is wrong in
Thai in a box, never a traceback, nothing written; and a file that goes bad between the
preview and รับโอน is said in the dialog, which stays open for the clerk to cancel."""

from __future__ import annotations

import sys
from pathlib import Path

from modals import answer
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QInputDialog, QWidget

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "exchange"))

from exchange_sites import PW, accept_box, snapshot  # noqa: E402
from transfer_kit import Tables, make_transfer, reseal, write_for_b  # noqa: E402

from desktop.gui.context import AppContext  # noqa: E402
from desktop.gui.tasks import TaskRunner  # noqa: E402
from desktop.gui.views.exchange_common import needs_password  # noqa: E402
from desktop.gui.views.exchange_import import ReceiptImport  # noqa: E402

THAI = range(0x0E00, 0x0E80)


def _type_password(dialog: QWidget) -> None:
    assert isinstance(dialog, QInputDialog), type(dialog)
    dialog.setTextValue(PW)
    dialog.accept()


def test_hostile_files_are_said_in_the_window(qtbot, qapp, tmp_path: Path, cheap_wraps: None) -> None:  # type: ignore[no-untyped-def]
    from desktop.gui.views.transfer_receive import TransferReceiveDialog

    t = make_transfer(tmp_path / "sites")
    try:
        good = tmp_path / "b.samoe-transfer"
        write_for_b(t, good)
        data = good.read_bytes()

        def escape(tables: Tables) -> None:
            tables["child"][0]["first_name"] = "สม\x1b[2Jชาย"

        def born_ahead(tables: Tables) -> None:
            tables["child"][0]["birth_date"] = "2999-12-31"

        short = tmp_path / "short.samoe-transfer"
        short.write_bytes(data[: len(data) // 3])
        folder = tmp_path / "folder.samoe-transfer"
        folder.mkdir()
        bad = {short: "[archive.damaged]",
               reseal(t, data, tmp_path / "escape.samoe-transfer", escape): "[transfer.bad_text]",
               reseal(t, data, tmp_path / "ahead.samoe-transfer", born_ahead): "[transfer.future_date]",
               folder: "", tmp_path / "none.samoe-transfer": ""}
        ctx = AppContext(t.b.db, TaskRunner(), QSettings(str(tmp_path / "b.ini"), QSettings.Format.IniFormat))
        parent = QWidget()
        qtbot.addWidget(parent)
        asks = [_type_password] if needs_password(ctx) else []
        before = snapshot(t.b.db)
        for path, code in bad.items():
            seen: list[str] = []
            is_zip = path.is_file() and path.read_bytes()[:4] == b"PK\x03\x04"
            left = answer(*(asks if is_zip else []), accept_box(seen))
            text = ReceiptImport(ctx, parent).import_file(path)
            assert not left and seen == [text], (path, text)
            assert code in text and any(ord(ch) in THAI for ch in text) and "Traceback" not in text, (path, text)
            assert "\x1b" not in text
        assert snapshot(t.b.db) == before

        said: list[str] = []

        def goes_bad_then_cancel(dialog: QWidget) -> None:
            assert isinstance(dialog, TransferReceiveDialog), type(dialog)
            good.write_bytes(data[:-1])  # the flash drive pulled out between the preview and รับโอน
            dialog.take_button.click()
            said.append(dialog.error.text())
            assert dialog.isVisible() and dialog.error.isVisibleTo(dialog)  # said in the dialog: still open
            dialog.cancel_button.click()

        left = answer(*asks, goes_bad_then_cancel)
        assert ReceiptImport(ctx, parent).import_file(good) == "" and not left
        assert said and "[archive.damaged]" in said[0] and any(ord(ch) in THAI for ch in said[0]), said
        assert snapshot(t.b.db) == before
        ctx.tasks.wait(10_000)
    finally:
        t.close()
