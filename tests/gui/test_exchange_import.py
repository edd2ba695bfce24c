"""The province's แฟ้ม › รับชุดข้อมูลจาก อปท. (ตรวจและนำเข้า)… and the municipality's
นำเข้าใบตอบรับจากจังหวัด…, clicked through offscreen on real offices (issue 10): the
municipality exports through its dialog, the province verifies (sender, sequence, counts),
imports and writes the receipt, the municipality imports the receipt and its next export
carries nothing; a tampered file, a receipt for another office and a user whose role may
not import show the Thai message and change nothing."""

from __future__ import annotations

from pathlib import Path

from actors import actor_with
from exchange_sites import PW, Sites, accept_box, sites_fixture, snapshot  # noqa: F401 (the fixture)
from modals import answer
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QWidget
from sqlalchemy import func, select

from desktop.domain.roles import Role
from desktop.gui.views.exchange_export import ExportDialog
from desktop.gui.views.exchange_import import BundleImportDialog, ReceiptImport
from desktop.services.access import sign_in
from desktop.store.models import Child


def _export(qtbot, sites: Sites) -> Path:  # type: ignore[no-untyped-def]
    dialog = ExportDialog(sites.town_ctx)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: not dialog.planning, timeout=30_000)
    dialog.password.edit.setText(PW)
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.handle is None, timeout=60_000)
    assert dialog.result is not None, dialog.error.text()
    return Path(dialog.result.path)


def _import_dialog(qtbot, sites: Sites, bundle: Path) -> BundleImportDialog:  # type: ignore[no-untyped-def]
    dialog = BundleImportDialog(sites.province_ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.file_edit.setText(str(bundle))
    qtbot.keyClicks(dialog.password.edit, PW)
    return dialog


def _click(qtbot, dialog: BundleImportDialog, button) -> None:  # type: ignore[no-untyped-def]
    assert button.isVisible() and button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.handle is None, timeout=60_000)


def _pick(path: Path):  # type: ignore[no-untyped-def]
    """A modal step: choose ``path`` in the program's (Qt's own) file dialog."""
    def step(dialog: QWidget) -> None:
        assert isinstance(dialog, QFileDialog), type(dialog)
        dialog.selectFile(str(path))
        dialog.accept()
    return step


def _save_as_offered(seen: list[str]):  # type: ignore[no-untyped-def]
    """A modal step: note the file a save dialog offers and take it."""
    def step(dialog: QWidget) -> None:
        assert isinstance(dialog, QFileDialog), type(dialog)
        seen.extend(dialog.selectedFiles())
        dialog.accept()
    return step


def _province_children(sites: Sites) -> int:
    with sites.province.db.reader() as s:
        return int(s.scalar(select(func.count()).select_from(Child)) or 0)


def test_export_import_receipt_round(qtbot, sites: Sites, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    bundle = _export(qtbot, sites)
    dialog = _import_dialog(qtbot, sites, bundle)
    assert not dialog.import_button.isVisible() and not dialog.receipt_button.isVisible()
    before = snapshot(sites.province.db)
    _click(qtbot, dialog, dialog.verify_button)
    summary = dialog.summary.text()
    assert not dialog.error.isVisible(), dialog.error.text()
    assert "ลำดับที่ 1" in summary and sites.town.name in summary and sites.town.code in summary
    assert "เด็ก: 12" in summary
    assert snapshot(sites.province.db) == before  # verifying writes nothing
    _click(qtbot, dialog, dialog.import_button)
    assert dialog.result is not None and not dialog.result.already
    assert "เพิ่ม 12" in dialog.summary.text() and _province_children(sites) == 12
    suggested: list[str] = []
    left = answer(_save_as_offered(suggested))  # the stick, with the receipt's name ready
    qtbot.mouseClick(dialog.receipt_button, Qt.MouseButton.LeftButton)
    assert not left, dialog.error.text()
    receipt = sites.stick / f"ใบตอบรับ-{sites.town.code}-ชุดที่1.samoe-receipt"
    assert suggested == [str(receipt)]
    assert receipt.is_file() and str(receipt) in dialog.summary.text() and dialog.open_button.isVisible()

    again = _import_dialog(qtbot, sites, bundle)  # the same file again: nothing changes
    _click(qtbot, again, again.verify_button)
    assert "นำเข้าชุดนี้แล้ว" in again.summary.text() and again.receipt_button.isVisible()
    assert not again.import_button.isVisible()

    seen: list[str] = []
    left = answer(_pick(receipt), accept_box(seen))  # แฟ้ม › นำเข้าใบตอบรับจากจังหวัด…: the file, then the outcome
    parent = QWidget()
    qtbot.addWidget(parent)
    ReceiptImport(sites.town_ctx, parent).choose_and_import()
    assert not left and "รับชุดข้อมูลถึงลำดับที่ 1" in seen[0]
    after = ExportDialog(sites.town_ctx)  # acknowledged: the next export carries no child
    qtbot.addWidget(after)
    qtbot.waitUntil(lambda: not after.planning, timeout=30_000)
    assert "ลำดับที่ 2" in after.heading.text()
    assert after.plan.counts["child"] == 0


def test_a_tampered_bundle_is_refused_and_nothing_changes(qtbot, sites: Sites, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    bundle = _export(qtbot, sites)
    data = bytearray(bundle.read_bytes())
    data[len(data) // 2] ^= 0xFF
    tampered = tmp_path / "tampered.samoe"
    tampered.write_bytes(bytes(data))
    before = snapshot(sites.province.db)
    dialog = _import_dialog(qtbot, sites, Path())
    dialog.file_edit.clear()
    left = answer(_pick(tampered))  # เลือกไฟล์…: choosing a file verifies it at once
    qtbot.mouseClick(dialog.browse_button, Qt.MouseButton.LeftButton)
    assert not left
    qtbot.waitUntil(lambda: dialog.handle is None and dialog.error.isVisible(), timeout=60_000)
    assert dialog.file_edit.text() == str(tampered)
    text = dialog.error.text()
    assert dialog.error.isVisible() and text.startswith("ไม่รับไฟล์นี้ [") and "โปรด" in text
    assert dialog.check is None and not dialog.import_button.isVisible()
    assert snapshot(sites.province.db) == before


def test_a_wrong_password_at_the_province_is_told(qtbot, sites: Sites) -> None:  # type: ignore[no-untyped-def]
    bundle = _export(qtbot, sites)
    dialog = _import_dialog(qtbot, sites, bundle)
    dialog.password.edit.setText("wrong")
    _click(qtbot, dialog, dialog.verify_button)
    assert "รหัสผ่านไม่ถูกต้อง" in dialog.error.text() and dialog.check is None


def test_a_receipt_from_elsewhere_is_refused(qtbot, sites: Sites, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    junk = tmp_path / "junk.samoe-receipt"
    junk.write_text('{"not": "a receipt"}', encoding="utf-8")
    before = snapshot(sites.town.db)
    seen: list[str] = []
    left = answer(accept_box(seen))
    parent = QWidget()
    qtbot.addWidget(parent)
    text = ReceiptImport(sites.town_ctx, parent).import_file(junk)
    assert not left and seen == [text] and text.startswith("ไม่รับไฟล์นี้ [receipt.")
    assert snapshot(sites.town.db) == before


def test_a_user_who_may_not_import_is_told_who_may(qtbot, sites: Sites) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QMainWindow, QMenu

    from desktop.gui.views.exchange_menu import ExchangeMenu

    window = QMainWindow()
    qtbot.addWidget(window)
    menu = QMenu(window)
    exchange = ExchangeMenu(window, sites.province_ctx)
    exchange.install_menu(menu, menu.addAction("last"))
    sign_in(sites.province.db, actor_with(Role.CLERK, name="somsri"))
    seen: list[str] = []
    left = answer(accept_box(seen))
    assert exchange.open_import() is None and not left
    assert "เจ้าหน้าที่จังหวัด" in seen[0] and "somsri" in seen[0]


def test_a_bundle_after_a_lost_one_says_it_takes_its_place(qtbot, sites: Sites, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from desktop.services.exchange_export import export_bundle
    from desktop.services.exchange_import import import_file
    from desktop.services.exchange_outbox import import_receipt
    from desktop.services.exchange_province import write_receipt_for

    first, lost, third = (tmp_path / f"{n}.samoe" for n in (1, 2, 3))
    with sites.town.db.session() as s:
        export_bundle(s, first, password=PW)
    with sites.province.db.session() as s:
        import_file(s, first, password=PW)
        write_receipt_for(s, first, tmp_path / "r1", password=PW)
    with sites.town.db.session() as s:
        import_receipt(s, tmp_path / "r1")
    for out in (lost, third):
        with sites.town.db.session() as s:
            export_bundle(s, out, password=PW)
    lost.unlink()  # the stick with bundle 2 never reached the province
    dialog = _import_dialog(qtbot, sites, third)
    _click(qtbot, dialog, dialog.verify_button)
    assert "ลำดับที่ 3" in dialog.summary.text(), dialog.error.text()
    assert "ใช้แทนชุดที่ 2 ที่ไม่ได้รับ" in dialog.summary.text()
    _click(qtbot, dialog, dialog.import_button)
    assert dialog.result is not None and "ใช้แทนชุดที่ 2" in dialog.summary.text()
