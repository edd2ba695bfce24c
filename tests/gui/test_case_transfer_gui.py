"""The receiving municipality's แฟ้ม › นำเข้าใบตอบรับจากจังหวัด… takes a transfer file from the
province too (issue 13), clicked through offscreen on real offices: the file picked, the
password typed, the file's cases shown before anything is written (how each child was
found; a name match waits for the clerk's choice, made with the keyboard), then the
result in Thai (the case's number, the child, "รับโอนจาก" the sending office); the same
file again says so and changes nothing; the case page says where the case came from."""

from __future__ import annotations

import sys
from pathlib import Path

from modals import answer
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog, QInputDialog, QWidget

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "exchange"))

from exchange_sites import PW, accept_box, snapshot  # noqa: E402
from office_kit import TOWN_A  # noqa: E402
from transfer_kit import add_namesake, make_transfer, write_for_b  # noqa: E402

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


def _take(dialog: QWidget) -> None:
    from desktop.gui.views.transfer_receive import TransferReceiveDialog

    assert isinstance(dialog, TransferReceiveDialog), type(dialog)
    assert dialog.take_button.isEnabled() and not dialog.combos
    dialog.take_button.click()


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
        left = answer(_pick(path), *asks, _take, accept_box(seen))
        text = ReceiptImport(ctx, parent).choose_and_import()
        assert not left and seen == [text], text
        assert text.startswith("กรณีเลขที่ ") and f"รับโอนจาก {TOWN_A[1]}" in text and "ใจงาม001" in text
        before = snapshot(t.b.db)
        seen.clear()
        left = answer(*asks, _take, accept_box(seen))
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
    """The button counts the new transfers (never written into a file) of all; its list
    says of each whether and when it was written, and both change after a file is
    written; a second file still carries every transfer and says which it carried before."""
    from office_kit import TOWN_B
    from transfer_kit import another_transfer

    from desktop.gui.views.province_municipalities import ProvinceMunicipalitiesView
    from desktop.gui.views.province_transfers import ProvinceTransfersDialog

    t = make_transfer(tmp_path / "sites")
    try:
        ctx = AppContext(t.p.db, TaskRunner(), QSettings(str(tmp_path / "p.ini"), QSettings.Format.IniFormat))
        page = ProvinceMunicipalitiesView(ctx)
        qtbot.addWidget(page)
        page.refresh()
        page.select_code(TOWN_A[0])  # A sent the case: nothing waits for A
        assert not page.transfer_button.isEnabled() and page.transfer_button.text() == "ไฟล์ส่งต่อกรณี…"
        page.select_code(TOWN_B[0])
        assert page.transfer_button.isEnabled() and page.transfer_button.text() == "ไฟล์ส่งต่อกรณี (ใหม่ 1 จาก 1)…"
        page.transfer_button.click()
        dialog = page.transfers
        assert isinstance(dialog, ProvinceTransfersDialog) and dialog.isVisible()
        qtbot.addWidget(dialog)
        assert dialog.table.rowCount() == 1 and dialog.table.item(0, 3).text() == "ยังไม่ได้เขียนไฟล์"
        assert dialog.table.horizontalHeaderItem(3).text() == "ไฟล์ส่งต่อ"
        assert "ยังไม่เคยเขียนลงไฟล์ส่งต่อ 1 กรณี" in dialog.summary.text()
        out = tmp_path / "for-b"
        seen: list[str] = []
        asks = [_type_password] if needs_password(ctx) else []
        left = answer(*asks, accept_box(seen))
        text = dialog.write(out=out)
        assert not left and seen == [text] and "1 กรณี" in text and TOWN_B[1] in text and "เคยเขียน" not in text
        assert (tmp_path / "for-b.samoe-transfer").is_file()
        words = dialog.table.item(0, 3).text()
        assert words.startswith("เขียนไฟล์แล้วเมื่อ ") and words.endswith(" น. (for-b.samoe-transfer)"), words
        assert "ยังไม่เคยเขียนลงไฟล์ส่งต่อ 0 กรณี" in dialog.summary.text()
        assert page.transfer_button.text() == "ไฟล์ส่งต่อกรณี (ใหม่ 0 จาก 1)…"  # counted again
        dialog.close()

        another_transfer(t, tmp_path / "sites")  # a new case for B arrives after that file
        page.refresh()
        assert page.transfer_button.text() == "ไฟล์ส่งต่อกรณี (ใหม่ 1 จาก 2)…"
        page.transfer_button.click()
        dialog = page.transfers
        assert isinstance(dialog, ProvinceTransfersDialog)
        qtbot.addWidget(dialog)
        shown = [dialog.table.item(r, 3).text() for r in range(dialog.table.rowCount())]
        assert shown[0] == "ยังไม่ได้เขียนไฟล์" and shown[1].endswith("(for-b.samoe-transfer)")  # the new first
        again = tmp_path / "again.samoe-transfer"
        seen.clear()
        left = answer(_pick(again), *asks, accept_box(seen))
        dialog.write_button.click()  # the officer's way: where to write asked in the file picker
        assert not left and len(seen) == 1 and "2 กรณี" in seen[0] and "ในจำนวนนี้ 1 กรณีเคยเขียน" in seen[0]
        assert again.is_file()
        shown = [dialog.table.item(r, 3).text() for r in range(dialog.table.rowCount())]
        assert all(w.endswith("(again.samoe-transfer)") for w in shown) and len(shown) == 2
        assert page.transfer_button.text() == "ไฟล์ส่งต่อกรณี (ใหม่ 0 จาก 2)…"
        dialog.close()
        ctx.tasks.wait(10_000)
    finally:
        t.close()


def test_a_name_match_is_chosen_on_the_preview(qtbot, qapp, tmp_path: Path, cheap_wraps: None) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt
    from sqlalchemy import select

    from desktop.gui.views.transfer_receive import TransferReceiveDialog
    from desktop.store.case_state import OosCase
    from desktop.store.models import Child

    t = make_transfer(tmp_path / "sites")
    try:
        first = add_namesake(t, house="12")
        second = add_namesake(t, house="40")
        path = tmp_path / "b.samoe-transfer"
        write_for_b(t, path)
        ctx = AppContext(t.b.db, TaskRunner(), QSettings(str(tmp_path / "b.ini"), QSettings.Format.IniFormat))
        parent = QWidget()
        qtbot.addWidget(parent)
        before = snapshot(t.b.db)
        seen: list[str] = []

        def look_then_cancel(dialog: QWidget) -> None:
            assert isinstance(dialog, TransferReceiveDialog), type(dialog)
            table = dialog.table
            assert table.rowCount() == 1 and table.item(0, 2).text().startswith(TOWN_A[1])
            assert "ชื่อและวันเกิดตรงกัน 2 คน" in table.item(0, 3).text()
            assert not dialog.take_button.isEnabled() and "กรณีที่ 1" in dialog.hint.text()
            combo = dialog.combos[dialog.preview.cases[0].transfer_uuid]
            assert [combo.itemData(i) for i in range(combo.count())] == ["", first, second, "new"]
            assert combo.itemText(combo.count() - 1) == "เด็กใหม่"
            assert "12 หมู่ 3" in dialog.details.text() and "40 หมู่ 3" in dialog.details.text()
            dialog.cancel_button.click()

        asks = [_type_password] if needs_password(ctx) else []
        left = answer(*asks, look_then_cancel)
        assert ReceiptImport(ctx, parent).import_file(path) == "" and not left
        assert snapshot(t.b.db) == before  # seen and cancelled: nothing written

        def choose_second_by_keyboard(dialog: QWidget) -> None:
            assert isinstance(dialog, TransferReceiveDialog)
            combo = dialog.combos[dialog.preview.cases[0].transfer_uuid]
            assert dialog.focusWidget() is combo  # the first choice has the focus
            qtbot.keyClick(combo, Qt.Key.Key_Down)
            qtbot.keyClick(combo, Qt.Key.Key_Down)
            assert combo.currentData() == second and dialog.take_button.isEnabled()
            dialog.take_button.click()

        left = answer(*asks, choose_second_by_keyboard, accept_box(seen))
        text = ReceiptImport(ctx, parent).import_file(path)
        assert not left and seen == [text] and f"รับโอนจาก {TOWN_A[1]}" in text
        with t.b.db.reader() as s:
            child_id = s.scalars(select(Child.id).where(Child.uuid == second)).one()
            number = int(text.split()[1])
            assert s.get(OosCase, number).child_id == child_id  # type: ignore[union-attr]
        ctx.tasks.wait(10_000)
    finally:
        t.close()
