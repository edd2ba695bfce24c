"""The child form applies the import's Thai text and length rules (issue 7): a name with two
tone marks on one consonant or longer than its column is refused under its field; เเ and a
doubled tone mark are saved as the one thing they mean."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from sqlalchemy import select

from desktop.domain.identity import make_national_id
from desktop.gui.context import AppContext
from desktop.gui.views.child_form import ChildFormDialog
from desktop.store.models import Child

TODAY = date(2026, 11, 24)


def _fill(dialog: ChildFormDialog, type_text, first: str, last: str) -> None:  # type: ignore[no-untyped-def]
    ui = dialog.ui
    ui.prefixCombo.setCurrentText("เด็กหญิง")
    ui.firstNameEdit.clear()
    type_text(ui.firstNameEdit, first)
    ui.lastNameEdit.clear()
    type_text(ui.lastNameEdit, last)
    ui.sexCombo.setCurrentIndex(ui.sexCombo.findData("F"))
    ui.birthDateEdit.clear()
    type_text(ui.birthDateEdit, "15/08/2562")
    ui.nationalIdEdit.clear()
    type_text(ui.nationalIdEdit, make_national_id("110370207191"))
    ui.enrollmentGroup.setChecked(False)


def _save(qtbot, dialog: ChildFormDialog) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save),
                     Qt.MouseButton.LeftButton)


def test_marks_without_meaning_and_overlong_names_are_refused_under_the_field(
        qtbot, ctx: AppContext, type_text) -> None:  # type: ignore[no-untyped-def]
    dialog = ChildFormDialog(ctx, None, today=TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    _fill(dialog, type_text, "มานี", "ก\u0e48\u0e49องแก้ว")
    _save(qtbot, dialog)
    error = dialog.findChild(type(dialog.ui.errorLabel), "lastNameEditError")
    assert error is not None and error.isVisible()
    assert "นามสกุล" in error.text() and "วรรณยุกต์ซ้อน" in error.text()
    _fill(dialog, type_text, "ม" * 120, "ทองดี")
    _save(qtbot, dialog)
    error = dialog.findChild(type(dialog.ui.errorLabel), "firstNameEditError")
    assert error is not None and error.isVisible() and "100" in error.text()
    with ctx.db.reader() as s:
        assert s.scalar(select(Child.id).where(Child.last_name == "ทองดี")) is None


def test_what_has_one_meaning_is_saved_as_meant(qtbot, ctx: AppContext, type_text) -> None:  # type: ignore[no-untyped-def]
    dialog = ChildFormDialog(ctx, None, today=TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    _fill(dialog, type_text, "\u0e40\u0e40ดงฟ้า", "ก\u0e48\u0e48องแก้ว")
    saved: list[str] = []
    dialog.saved.connect(saved.append)
    _save(qtbot, dialog)
    if not saved:  # a possible duplicate warning asks once more
        _save(qtbot, dialog)
    assert len(saved) == 1, dialog.ui.errorLabel.text()
    with ctx.db.reader() as s:
        child = s.scalars(select(Child).where(Child.uuid == saved[0])).one()
        assert (child.first_name, child.last_name) == ("แดงฟ้า", "ก่องแก้ว")
