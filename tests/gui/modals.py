"""Answer modal dialogs in GUI tests as a clerk would, one after another."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QAbstractButton, QApplication, QMessageBox, QWidget

Step = Callable[[QWidget], None]


def answer(*steps: Step) -> list[Step]:
    """Give each next modal dialog (a new one each time) to the next step; returns the
    steps left, so a test can assert every dialog it expected came."""
    queue = list(steps)
    seen: list[QWidget] = []

    def poll() -> None:
        if not queue:
            return
        widget = QApplication.activeModalWidget()
        if widget is None or (seen and widget is seen[-1]) or not widget.isVisible():
            QTimer.singleShot(15, poll)
            return
        seen.append(widget)
        step = queue.pop(0)
        try:
            step(widget)
        except BaseException:
            # the dialog closed, so its exec() returns and the test fails with this error
            # (pytest-qt reports what a Qt callback raised) instead of waiting forever
            widget.close()
            raise
        QTimer.singleShot(15, poll)

    QTimer.singleShot(0, poll)
    return queue


def button(box: QWidget, text: str) -> QAbstractButton:
    assert isinstance(box, QMessageBox), type(box)
    found = [b for b in box.buttons() if b.text() == text]
    assert found, f"no button {text!r} in {[b.text() for b in box.buttons()]}"
    return found[0]


def click(text: str, seen: list[str] | None = None) -> Step:
    def step(box: QWidget) -> None:
        if seen is not None:
            assert isinstance(box, QMessageBox)
            seen.append(box.text())
        button(box, text).click()
    return step


def press(which: QMessageBox.StandardButton, seen: list[str] | None = None) -> Step:
    """Press a message box's standard button (Yes, No, ...) whatever language its text
    is in (Qt's English, or Thai once the Thai translation of Qt's own words is in)."""
    def step(box: QWidget) -> None:
        assert isinstance(box, QMessageBox), type(box)
        if seen is not None:
            seen.append(box.text())
        found = box.button(which)
        assert found is not None, f"no {which} in {[b.text() for b in box.buttons()]}"
        found.click()
    return step


def reject(dialog: QWidget) -> None:
    dialog.reject()  # type: ignore[attr-defined]


def fill_office(name: str, code: str, province: str = "", *, then: Step | None = None) -> Step:
    """Type an office into the set-up dialog and press บันทึก."""
    def step(dialog: QWidget) -> None:
        form = dialog.form  # type: ignore[attr-defined]
        form.ui.nameEdit.setText(name)
        form.ui.codeEdit.setText(code)
        form.ui.provinceEdit.setText(province)
        dialog.save_button.click()  # type: ignore[attr-defined]
        if then is not None:
            then(dialog)
    return step


def fill_admin(name: str = "admin", password: str = "", again: str | None = None, *,
               full_name: str = "ผู้ดูแล ทดสอบ", then: Step | None = None) -> Step:
    """Type the first administrator into the set-up's step and press บันทึก (the
    password: the tests' SAMOE_PASSWORD unless given)."""
    def step(dialog: QWidget) -> None:
        from actors import TEST_PASSWORD

        word = password or TEST_PASSWORD
        dialog.name_edit.setText(name)  # type: ignore[attr-defined]
        dialog.full_name_edit.setText(full_name)  # type: ignore[attr-defined]
        dialog.password_edit.setText(word)  # type: ignore[attr-defined]
        dialog.again_edit.setText(word if again is None else again)  # type: ignore[attr-defined]
        dialog.save_button.click()  # type: ignore[attr-defined]
        if then is not None:
            then(dialog)
    return step
