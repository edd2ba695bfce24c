"""The receiving municipality's แฟ้ม › นำเข้าใบตอบรับจากจังหวัด… takes a transfer file from the
province too (issue 13), clicked through offscreen on real offices: the file picked, the
password typed, the result in Thai (the case's number, the child, "รับโอนจาก" the sending
office); the same file again says so and changes nothing; the case page says where the
case came from."""

from __future__ import annotations

import sys
from pathlib import Path

from modals import answer
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog, QInputDialog, QWidget

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "exchange"))

from exchange_sites import PW, accept_box, snapshot  # noqa: E402
from office_kit import TOWN_A  # noqa: E402
from transfer_kit import make_transfer, write_for_b  # noqa: E402

from desktop.gui.context import AppContext  # noqa: E402
from desktop.gui.tasks import TaskRunner  # noqa: E402
from desktop.gui.views.exchange_common import needs_password  # noqa: E402
from desktop.gui.views.exchange_import import ReceiptImport  # noqa: E402


def _pick(path: Path):  # type: ignore[no-untyped-def]
    def step(dialog: QWidget) -> None:
        assert isinstance(dialog, QFileDialog), type(dialog)
        dialog.selectFile(str(path))
        dialog.accept()
    return step


def _type_password(dialog: QWidget) -> None:
    assert isinstance(dialog, QInputDialog), type(dialog)
    dialog.setTextValue(PW)
    dialog.accept()


def test_a_transfer_file_is_taken_where_receipts_are(qtbot, qapp, tmp_path: Path, cheap_wraps: None) -> None:  # type: ignore[no-untyped-def]
    t = make_transfer(tmp_path / "sites")
    try:
        path = tmp_path / "b.samoe-transfer"
        write_for_b(t, path)
        ctx = AppContext(t.b.db, TaskRunner(), QSettings(str(tmp_path / "b.ini"), QSettings.Format.IniFormat))
        parent = QWidget()
        qtbot.addWidget(parent)
        asks = [_type_password] if needs_password(ctx) else []
        seen: list[str] = []
        left = answer(_pick(path), *asks, accept_box(seen))
        text = ReceiptImport(ctx, parent).choose_and_import()
        assert not left and seen == [text], text
        assert text.startswith("กรณีเลขที่ ") and f"รับโอนจาก {TOWN_A[1]}" in text and "ใจงาม001" in text
        before = snapshot(t.b.db)
        seen.clear()
        left = answer(*asks, accept_box(seen))
        again = ReceiptImport(ctx, parent).import_file(path)
        assert not left and "รับไว้แล้ว ไม่มีอะไรเปลี่ยน" in again
        assert snapshot(t.b.db) == before

        from actors import EVERY_ROLE

        from desktop.gui.views.case_page import CaseDialog
        from desktop.services.access import sign_in

        sign_in(t.b.db, EVERY_ROLE)  # the case page: a case worker's
        number = int(text.split()[1])
        page = CaseDialog(ctx, number)
        qtbot.addWidget(page)
        page.refresh()
        shown = page.transfer_label.text()
        assert page.transfer_label.isVisibleTo(page) and shown.startswith(f"รับโอนจาก {TOWN_A[1]} ({TOWN_A[0]})")
        held = int(shown.split("กรณีเลขที่ ")[1].split()[0])
        old = CaseDialog(ctx, held)  # the sender's case, kept read-only: closed as transferred
        qtbot.addWidget(old)
        old.refresh()
        assert old.transfer_label.text().startswith(f"กรณีเดิมของ {TOWN_A[1]}") and old.move_combo.count() == 0
        ctx.tasks.wait(10_000)
    finally:
        t.close()


def test_the_province_writes_the_file_from_the_municipalities_page(qtbot, qapp, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                                   cheap_wraps: None) -> None:
    from office_kit import TOWN_B

    from desktop.gui.views.province_municipalities import ProvinceMunicipalitiesView

    t = make_transfer(tmp_path / "sites")
    try:
        ctx = AppContext(t.p.db, TaskRunner(), QSettings(str(tmp_path / "p.ini"), QSettings.Format.IniFormat))
        page = ProvinceMunicipalitiesView(ctx)
        qtbot.addWidget(page)
        page.refresh()
        page.select_code(TOWN_A[0])  # A sent the case: nothing waits for A
        assert not page.transfer_button.isEnabled()
        page.select_code(TOWN_B[0])
        assert page.transfer_button.isEnabled() and "(1)" in page.transfer_button.text()
        out = tmp_path / "for-b"
        seen: list[str] = []
        left = answer(*([_type_password] if needs_password(ctx) else []), accept_box(seen))
        text = page.write_transfers(out=out)
        assert not left and seen == [text] and "1 กรณี" in text and TOWN_B[1] in text
        assert (tmp_path / "for-b.samoe-transfer").is_file()
        ctx.tasks.wait(10_000)
    finally:
        t.close()
