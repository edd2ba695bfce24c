"""The child's history (ประวัติ): opening the record is noted, the dialog lists who changed
and viewed what in Thai, pages as it scrolls, sorts and searches; a report is audited."""

from __future__ import annotations

from PySide6.QtCore import Qt
from sqlalchemy import func, select

from desktop.gui.context import AppContext
from desktop.gui.views.child_form import ChildFormDialog
from desktop.gui.views.child_history import PAGE, ChildHistoryDialog
from desktop.services import audit
from desktop.store.models import AuditEntry, Child


def _first_child(ctx: AppContext) -> str:
    with ctx.db.reader() as s:
        return str(s.scalars(select(Child.uuid).order_by(Child.id).limit(1)).one())


def _views(ctx: AppContext, uuid: str) -> list[str]:
    with ctx.db.reader() as s:
        return list(s.scalars(select(AuditEntry.actor).where(
            AuditEntry.subject_uuid == uuid, AuditEntry.action == "view")))


def test_opening_a_child_is_noted_unless_the_setting_is_off(qtbot, ctx: AppContext) -> None:  # type: ignore[no-untyped-def]
    uuid = _first_child(ctx)
    form = ChildFormDialog(ctx, uuid)
    qtbot.addWidget(form)
    assert _views(ctx, uuid) == ["tester"]  # the signed-in user
    form.show()
    assert form.history_button.isVisible() and form.history_button.text() == "ประวัติ…"
    with ctx.db.session() as s:
        audit.set_views_recorded(s, False)
    other = ChildFormDialog(ctx, uuid)
    qtbot.addWidget(other)
    assert _views(ctx, uuid) == ["tester"]
    new = ChildFormDialog(ctx, None)  # a new child: nothing to note, no history yet
    qtbot.addWidget(new)
    assert not hasattr(new, "history_button")


def test_the_history_lists_edits_and_views_in_thai_sorted_and_searched(qtbot, ctx: AppContext) -> None:  # type: ignore[no-untyped-def]
    uuid = _first_child(ctx)
    with ctx.db.session() as s:
        audit.record(s, "update", "child", uuid, {"first_name": ["มานี", "มานะ"],
                                                  "national_id": ["1103702071836", "3100600123456"]},
                     actor="somchai")
    form = ChildFormDialog(ctx, uuid)
    qtbot.addWidget(form)
    form.show()
    form.history_button.click()
    dialog = form.history_dialog
    qtbot.addWidget(dialog)
    model = dialog.model
    assert model.total == 3 and model.rowCount() == 3  # the demo's create, the edit, this view
    assert [model.cell(r, 2) for r in range(3)] == ["เปิดดู เด็ก", "แก้ไข เด็ก", "เพิ่ม เด็ก"]  # newest first
    details = model.cell(1, 3)
    assert "มานี → มานะ" in details and "xxxxxxxxx1836 → xxxxxxxxx3456" in details
    assert "1103702071836" not in details
    assert model.cell(1, 1) == "somchai" and "3 รายการ" in dialog.count_label.text()
    dialog.table.horizontalHeader().setSortIndicator(1, Qt.SortOrder.AscendingOrder)  # by user
    users = [model.cell(r, 1) for r in range(3)]
    assert users == sorted(users) and users[-1] == "tester"  # the demo's and the view's: tester
    dialog.search_edit.setText("somchai")
    qtbot.waitUntil(lambda: model.total == 1, timeout=3000)
    assert model.cell(0, 1) == "somchai"
    dialog.search_edit.setText("เปิดดู")  # the Thai word of an action finds its entries
    qtbot.waitUntil(lambda: model.total == 1 and model.cell(0, 2) == "เปิดดู เด็ก", timeout=3000)


def test_a_long_history_pages_as_it_scrolls(qtbot, ctx: AppContext) -> None:  # type: ignore[no-untyped-def]
    uuid = _first_child(ctx)
    with ctx.db.session() as s:
        audit.record_many(s, [audit.entry("view", "child", uuid) for _ in range(PAGE * 2 + 5)])
    dialog = ChildHistoryDialog(ctx, uuid, "ทดสอบ")
    qtbot.addWidget(dialog)
    dialog.show()
    model = dialog.model
    assert model.total == PAGE * 2 + 6 and len(model.rows) <= PAGE * 2  # not all at once
    dialog.table.scrollToBottom()
    while model.canFetchMore():
        model.fetchMore()
    assert model.rowCount() == model.total
    with ctx.db.reader() as s:
        assert s.scalar(select(func.count()).select_from(AuditEntry).where(
            AuditEntry.subject_uuid == uuid)) == model.total


def test_a_profile_printed_from_the_form_is_audited(qtbot, ctx: AppContext) -> None:  # type: ignore[no-untyped-def]
    uuid = _first_child(ctx)
    form = ChildFormDialog(ctx, uuid)
    qtbot.addWidget(form)
    form.documents.ask_options = False
    form.documents.show_preview = False
    with qtbot.waitSignal(ctx.tasks.ended, timeout=30_000):
        form.print_button.click()
    with ctx.db.reader() as s:
        entry = s.scalars(select(AuditEntry).order_by(AuditEntry.id.desc()).limit(1)).one()
    assert (entry.action, entry.entity, entry.actor) == ("export", "child-profile", "tester")
    assert entry.subject_uuid == uuid  # shown in the child's own history panel


def test_the_history_prints_as_a_thai_pdf(qtbot, ctx: AppContext) -> None:  # type: ignore[no-untyped-def]
    import pypdfium2

    uuid = _first_child(ctx)
    with ctx.db.session() as s:
        audit.record(s, "update", "child", uuid, {"first_name": ["มานี", "มานะ"]}, actor="somchai")
    dialog = ChildHistoryDialog(ctx, uuid, "เด็กหญิงมานี ศรีสุข")
    qtbot.addWidget(dialog)
    dialog.documents.ask_options = False
    dialog.documents.show_preview = False
    with qtbot.waitSignal(ctx.tasks.ended, timeout=30_000):
        dialog.print_button.click()
    pdf = dialog.documents.last_pdf
    assert pdf is not None and pdf.exists()
    doc = pypdfium2.PdfDocument(str(pdf))
    text = doc[0].get_textpage().get_text_range()
    doc.close()
    assert "somchai" in text and "มานะ" in text and "ประวัติการแก้ไข" in text
    with ctx.db.reader() as s:  # printing it is itself an audit entry
        last = s.scalars(select(AuditEntry).order_by(AuditEntry.id.desc()).limit(1)).one()
    assert (last.action, last.entity) == ("export", "child-history")
    assert last.subject_uuid == uuid
