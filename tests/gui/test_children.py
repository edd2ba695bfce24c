"""Click through the children list and the child form like a clerk would."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox
from sqlalchemy import select

from desktop.domain.identity import make_national_id
from desktop.gui.context import AppContext
from desktop.gui.views.child_form import ChildFormDialog
from desktop.gui.views.children_view import ChildrenView
from desktop.store.models import Child

TODAY = date(2026, 11, 24)


def click_save(qtbot, dialog: ChildFormDialog) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save),
                     Qt.MouseButton.LeftButton)


def test_list_search_open_edit_save_updates_list(qtbot, ctx: AppContext, type_text) -> None:  # type: ignore[no-untyped-def]
    view = ChildrenView(ctx)
    qtbot.addWidget(view)
    view.resize(1100, 700)
    view.show()
    model = view.model
    assert model.rowCount() == 300
    assert "300" in view.ui.countLabel.text()

    # type a surname as a clerk would: the list narrows after the debounce
    with ctx.db.reader() as s:
        target = s.scalars(select(Child).order_by(Child.id)).first()
    assert target is not None
    type_text(view.ui.searchEdit, target.last_name)
    qtbot.waitUntil(lambda: model.filter.search == target.last_name, timeout=2000)
    shown = [model.data(model.index(r, 1)) for r in range(model.rowCount())]
    assert 0 < len(shown) < 300
    assert all(target.last_name in name for name in shown)

    # open the child (select its row, press Enter)
    row = next(r for r in range(model.rowCount()) if model.uuid_at(r) == target.uuid)
    view.ui.table.selectRow(row)
    opened: list[str] = []
    view.open_child.connect(opened.append)
    qtbot.keyClick(view.ui.table, Qt.Key.Key_Return)
    assert opened == [target.uuid]

    dialog = ChildFormDialog(ctx, target.uuid, view, today=TODAY)
    qtbot.addWidget(dialog)
    assert dialog.ui.firstNameEdit.text() == target.first_name
    dialog.ui.firstNameEdit.clear()
    type_text(dialog.ui.firstNameEdit, "ใบบุญ")
    saved: list[str] = []
    dialog.saved.connect(saved.append)
    dialog.ui.enrollmentGroup.setChecked(False)  # keep the enrolment as it is
    click_save(qtbot, dialog)
    if not saved:  # a similar child was flagged: the clerk confirms with a second click
        assert dialog.ui.duplicateLabel.text()
        click_save(qtbot, dialog)
    assert saved == [target.uuid], dialog.ui.errorLabel.text()

    view.model.reload()
    names = [model.data(model.index(r, 1)) for r in range(model.rowCount())]
    assert any(n.endswith(f"ใบบุญ {target.last_name}") for n in names)
    with ctx.db.reader() as s:
        assert s.scalars(select(Child.first_name).where(Child.uuid == target.uuid)).one() == "ใบบุญ"


def test_bad_national_id_shows_thai_error_and_saves_nothing(qtbot, ctx: AppContext, type_text) -> None:  # type: ignore[no-untyped-def]
    with ctx.db.reader() as s:
        before = s.scalars(select(Child.id)).all()
    dialog = ChildFormDialog(ctx, None, today=TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    ui = dialog.ui
    ui.prefixCombo.setCurrentText("เด็กชาย")
    type_text(ui.firstNameEdit, "ภูผา")
    type_text(ui.lastNameEdit, "ทองดี")
    ui.sexCombo.setCurrentIndex(ui.sexCombo.findData("M"))
    type_text(ui.birthDateEdit, "15/08/2562")
    good = make_national_id("110370207183")
    bad = good[:-1] + str((int(good[-1]) + 3) % 10)
    type_text(ui.nationalIdEdit, bad)
    ui.enrollmentGroup.setChecked(False)
    click_save(qtbot, dialog)
    error = dialog.findChild(type(ui.errorLabel), "nationalIdEditError")
    assert error is not None and error.isVisible()
    assert "เลขประจำตัวประชาชน" in error.text()
    assert "ยังบันทึกไม่ได้" in ui.errorLabel.text()
    assert dialog.isVisible()
    with ctx.db.reader() as s:
        assert s.scalars(select(Child.id)).all() == before

    # fixing it saves
    ui.nationalIdEdit.clear()
    type_text(ui.nationalIdEdit, good)
    saved: list[str] = []
    dialog.saved.connect(saved.append)
    click_save(qtbot, dialog)
    if not saved:
        click_save(qtbot, dialog)
    assert len(saved) == 1, ui.errorLabel.text()
    assert not error.isVisible() or "เลขประจำตัว" not in error.text()


def test_birth_date_hint_and_bad_date(qtbot, ctx: AppContext, type_text) -> None:  # type: ignore[no-untyped-def]
    dialog = ChildFormDialog(ctx, None, today=TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    edit = dialog.ui.birthDateEdit
    type_text(edit, "15/08/2562")
    edit.editingFinished.emit()
    hint = dialog.findChild(type(dialog.ui.errorLabel), "birthDateEditError")
    assert hint is not None and "15 ส.ค. 2562" in hint.text() and "7 ปี 3 เดือน" in hint.text()
    edit.clear()
    type_text(edit, "31/02/2562")
    edit.editingFinished.emit()
    assert "31/02/2562" in hint.text() or "วันที่" in hint.text()
    assert edit.styleSheet()


def test_delete_asks_then_undo_restores(qtbot, ctx: AppContext, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    view = ChildrenView(ctx)
    qtbot.addWidget(view)
    view.show()
    view.ui.table.selectRow(0)
    victim = view.model.uuid_at(0)
    messages: list[tuple[str, object]] = []
    view.status_message.connect(lambda text, undo: messages.append((text, undo)))

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    qtbot.mouseClick(view.ui.deleteButton, Qt.MouseButton.LeftButton)
    assert view.model.rowCount() == 300 and messages == []

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(view.ui.deleteButton, Qt.MouseButton.LeftButton)
    assert view.model.rowCount() == 299
    assert all(view.model.uuid_at(r) != victim for r in range(299))
    text, undo = messages[-1]
    assert text.startswith("ลบ") and callable(undo)
    undo()
    assert view.model.rowCount() == 300


def test_filters_are_remembered(qtbot, ctx: AppContext) -> None:  # type: ignore[no-untyped-def]
    view = ChildrenView(ctx)
    qtbot.addWidget(view)
    combo = view.ui.institutionCombo
    combo.setCurrentIndex(2)
    chosen = combo.currentData()
    count = view.model.rowCount()
    assert 0 < count < 300
    again = ChildrenView(ctx)
    qtbot.addWidget(again)
    assert again.ui.institutionCombo.currentData() == chosen
    assert again.model.rowCount() == count


def test_sorting_by_header_click(qtbot, ctx: AppContext) -> None:  # type: ignore[no-untyped-def]
    view = ChildrenView(ctx)
    qtbot.addWidget(view)
    view.show()
    view.ui.table.sortByColumn(3, Qt.SortOrder.DescendingOrder)  # birth date, youngest first
    model = view.model
    uuids = [model.uuid_at(r) for r in range(5)]
    with ctx.db.reader() as s:
        expected = s.scalars(select(Child.uuid).order_by(Child.birth_date.desc(), Child.id.desc()).limit(5)).all()
    assert uuids == list(expected)


def test_slow_query_moves_off_the_gui_thread(qtbot, ctx: AppContext, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A query past its budget runs on a worker: the list says it is searching, then fills.
    A newer query replaces an older one still running."""
    from desktop.gui.models.children_model import ChildrenTableModel
    from desktop.services.children_query import ChildFilter

    view = ChildrenView(ctx)
    qtbot.addWidget(view)
    model = view.model
    monkeypatch.setattr(ChildrenTableModel, "BUDGET_SECONDS", 0.0)
    states: list[bool] = []
    model.searching.connect(states.append)
    with qtbot.waitSignal(model.counted, timeout=10_000) as blocker:
        model.set_filter(ChildFilter(search="ชา"))
        assert model.busy and model.rowCount() == 0
        assert "กำลังค้นหา" in view.ui.countLabel.text()
    assert states == [True, False] and not model.busy
    assert blocker.args[0] == model.rowCount() > 0
    assert all("ชา" in model.data(model.index(r, 1)) for r in range(min(model.rowCount(), 50)))

    # two quick filters: only the last one's answer lands
    with qtbot.waitSignal(model.counted, timeout=10_000):
        model.set_filter(ChildFilter(search="ก"))
        model.set_filter(ChildFilter(search="ญ"))
    qtbot.wait(200)
    assert model.filter.search == "ญ"
    names = [model.data(model.index(r, 1)) for r in range(model.rowCount())]
    assert names and all("ญ" in n for n in names)


def test_first_page_shows_while_the_count_runs_on_a_worker(qtbot, ctx: AppContext, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A count past the budget (1M rows on a cold cache) must not hold back the first page."""
    from sqlalchemy import text

    from desktop.gui.models import children_model
    from desktop.services.children_query import ChildFilter

    real_count = children_model.count_children

    def slow_count(session, flt):  # type: ignore[no-untyped-def]
        session.execute(text("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c "
                             "WHERE x < 2000000) SELECT count(*) FROM c"))
        return real_count(session, flt)

    view = ChildrenView(ctx)
    qtbot.addWidget(view)
    model = view.model
    monkeypatch.setattr(children_model, "count_children", slow_count)
    monkeypatch.setattr(children_model.ChildrenTableModel, "BUDGET_SECONDS", 0.05)
    with qtbot.waitSignal(model.counted, timeout=30_000) as blocker:
        model.set_filter(ChildFilter(search=" "))  # a new filter (blank search): reload
        assert model.busy
        assert model.rowCount() == model.PAGE_SIZE  # the first page is already there
        assert model.data(model.index(0, 1))
        assert "กำลังนับ" in view.ui.countLabel.text()
    assert blocker.args[0] == model.rowCount() == 300
    assert not model.busy and "300" in view.ui.countLabel.text()
