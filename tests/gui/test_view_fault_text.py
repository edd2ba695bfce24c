"""A damaged database met by a view (undoing an import from the children list) is said the
window's way: no "samoe db check" (a command line) in the message box."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from desktop.gui.context import AppContext
from desktop.gui.views.children_view import ChildrenView
from desktop.store.faults import DatabaseDamaged, damaged_message


def test_undo_of_an_import_into_a_damaged_file(qtbot, ctx: AppContext, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a, **k: shown.append(text))
    view = ChildrenView(ctx)
    qtbot.addWidget(view)
    undos: list[object] = []
    view.status_message.connect(lambda _text, undo: undos.append(undo))

    def broken() -> None:
        raise DatabaseDamaged(damaged_message(None))

    view._after_import("นำเข้าแล้ว", broken)
    undos[-1]()
    ctx.tasks.wait(5000)
    qtbot.waitUntil(lambda: bool(shown), timeout=3000)
    assert "samoe db check" not in shown[0]
    assert "แฟ้ม › ตรวจความถูกต้องของฐานข้อมูล" in shown[0]
