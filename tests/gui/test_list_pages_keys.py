"""The households and institutions pages work like the children list: a filter (restored
at start where it holds no personal data) is marked and one click clears it; Down from the search box goes into the results,
Tab leaves the table, Enter and F2 open, Delete asks, Ctrl+F searches, Ctrl+P prints; a
new institution is in the list at once, even when the filter would hide it."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox, QWidget

from desktop.gui.context import AppContext
from desktop.gui.views.household_dialog import HouseholdDialog
from desktop.gui.views.households_view import SEARCH_KEY, HouseholdsView
from desktop.gui.views.institution_dialog import InstitutionDialog
from desktop.gui.views.institutions_view import FILTER_KEY, NAME, InstitutionsView


def _shown(qtbot, view: QWidget) -> None:  # type: ignore[no-untyped-def]
    qtbot.addWidget(view)
    view.resize(1100, 700)
    view.show()
    qtbot.waitExposed(view)
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow, timeout=2000)


def _focus(qtbot, widget: QWidget) -> None:  # type: ignore[no-untyped-def]
    widget.window().activateWindow()  # back from a dialog or a message box
    qtbot.waitUntil(widget.window().isActiveWindow, timeout=2000)
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus, timeout=2000)


def _reports(view, monkeypatch) -> list[str]:  # type: ignore[no-untyped-def]
    printed: list[str] = []
    monkeypatch.setattr(view.documents, "report", lambda title, *_a, **_k: printed.append(title))
    return printed


def _dialogs(view: QWidget, kind: type) -> list:  # type: ignore[type-arg]
    return [d for d in view.findChildren(kind) if d.isVisible()]


def test_households_search_is_marked_cleared_in_one_click_and_never_stored(qtbot, ctx: AppContext) -> None:  # type: ignore[no-untyped-def]
    """A search holds names and national IDs: it is not written to the settings (plain
    files or the registry, outside the database's encryption), as the children list's is
    not; the next start opens the whole list."""
    first = HouseholdsView(ctx)
    _shown(qtbot, first)
    total = first.model.total()
    first.ui.searchEdit.setText("หมู่ 4")
    first.apply_search()
    qtbot.waitUntil(lambda: first.model.search == "หมู่ 4", timeout=3000)
    assert 0 < first.model.total() < total
    assert first.filters.button.isVisible()
    assert first.ui.searchEdit.styleSheet()  # marked as on
    assert not ctx.settings.value(SEARCH_KEY)
    assert "หมู่ 4" not in repr([ctx.settings.value(k) for k in ctx.settings.allKeys()])
    qtbot.mouseClick(first.filters.button, Qt.MouseButton.LeftButton)
    assert first.ui.searchEdit.text() == ""
    qtbot.waitUntil(lambda: first.model.total() == total, timeout=3000)
    assert not first.filters.button.isVisible()
    assert not first.ui.searchEdit.styleSheet()

    view = HouseholdsView(ctx)
    _shown(qtbot, view)
    assert view.ui.searchEdit.text() == ""


def test_households_keys(qtbot, ctx: AppContext, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    view = HouseholdsView(ctx)
    _shown(qtbot, view)
    printed = _reports(view, monkeypatch)
    table = view.ui.table
    assert not table.tabKeyNavigation()  # Tab leaves the table

    _focus(qtbot, table)
    qtbot.keyClick(table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert view.ui.searchEdit.hasFocus()
    table.clearSelection()
    table.setCurrentIndex(view.model.index(-1, -1))
    qtbot.keyClick(view.ui.searchEdit, Qt.Key.Key_Down)
    assert table.hasFocus() and table.currentIndex().row() == 0

    for key in (Qt.Key.Key_Return, Qt.Key.Key_F2):
        qtbot.keyClick(table, key)
        [dialog] = _dialogs(view, HouseholdDialog)
        assert dialog.form.uuid == view.selected_uuid()
        dialog.reject()
        qtbot.waitUntil(lambda: not _dialogs(view, HouseholdDialog), timeout=2000)
        _focus(qtbot, table)

    qtbot.keyClick(table, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert printed == ["รายการครัวเรือน"]

    # a household is not deleted on its own: Delete says how one goes (no dead end)
    said: list[str] = []
    view.status_message.connect(lambda text, _undo: said.append(text))
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    assert said and "รวมครัวเรือน" in said[-1]


def test_institutions_restored_filter_is_marked_and_cleared_in_one_click(qtbot, ctx: AppContext) -> None:  # type: ignore[no-untyped-def]
    ctx.settings.setValue(FILTER_KEY, "ศูนย์")
    view = InstitutionsView(ctx)
    _shown(qtbot, view)
    assert view.ui.filterEdit.text() == "ศูนย์"
    filtered = view.row_count()
    assert 0 < filtered < view.model.rowCount()
    assert view.filters.button.isVisible() and view.ui.filterEdit.styleSheet()
    qtbot.mouseClick(view.filters.button, Qt.MouseButton.LeftButton)
    assert view.ui.filterEdit.text() == "" and view.row_count() == view.model.rowCount()
    assert not view.filters.button.isVisible() and not view.ui.filterEdit.styleSheet()
    assert not ctx.settings.value(FILTER_KEY)


def test_institutions_keys(qtbot, ctx: AppContext, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    view = InstitutionsView(ctx)
    _shown(qtbot, view)
    printed = _reports(view, monkeypatch)
    table = view.ui.table
    assert not table.tabKeyNavigation()

    _focus(qtbot, table)
    qtbot.keyClick(table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert view.ui.filterEdit.hasFocus()
    qtbot.keyClick(view.ui.filterEdit, Qt.Key.Key_Down)
    assert table.hasFocus() and table.currentIndex().row() == 0

    for key in (Qt.Key.Key_Return, Qt.Key.Key_F2):
        qtbot.keyClick(table, key)
        [dialog] = _dialogs(view, InstitutionDialog)
        assert dialog.uuid == view.selected_uuid()
        dialog.reject()
        qtbot.waitUntil(lambda: not _dialogs(view, InstitutionDialog), timeout=2000)
        _focus(qtbot, table)

    asked: list[str] = []

    def answer(tries: int = 100) -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            asked.append(box.text())
            box.reject()
        elif tries:
            QTimer.singleShot(20, lambda: answer(tries - 1))

    QTimer.singleShot(0, answer)
    rows = view.row_count()
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    assert len(asked) == 1 and view.row_count() == rows

    _focus(qtbot, table)
    qtbot.keyClick(table, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert printed == ["รายการสถานศึกษา"]


def test_new_institution_shows_although_the_filter_would_hide_it(qtbot, ctx: AppContext, type_text) -> None:  # type: ignore[no-untyped-def]
    view = InstitutionsView(ctx)
    _shown(qtbot, view)
    view.ui.filterEdit.setText("โรงเรียน")
    dialog = view.new_institution()
    dialog.ui.kindCombo.setCurrentIndex(1)
    type_text(dialog.ui.codeEdit, "3300100098")
    type_text(dialog.ui.nameEdit, "ศูนย์พัฒนาเด็กเล็กบ้านใหม่ทดสอบ")
    qtbot.mouseClick(dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save),
                     Qt.MouseButton.LeftButton)
    row = view.selected_row()
    assert row is not None and row.name == "ศูนย์พัฒนาเด็กเล็กบ้านใหม่ทดสอบ"
    assert view.ui.table.currentIndex().siblingAtColumn(NAME).data() == row.name
    assert view.ui.filterEdit.text() == ""
