"""ภาพรวมเด็ก: one child across every module (issue 13), as the signed-in user's roles may
see it: the registry, screenings and grants, the centre, growth and DSPM, every case
(open and closed, newest first) with its plan. The sections come ready from services/child_page.py (a module the user does not
read is simply not there); this window only lays them out, compactly, and prints them
through the app's PDF preview (services/child_page_print.py)."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.roles import Action
from desktop.gui.context import AppContext
from desktop.gui.session_menu import may
from desktop.gui.widgets.screen import fit_to_screen
from desktop.services.child_page import Section

FIELD_PAIRS_WIDE = 2  # label/value pairs side by side in a section
ROW_HEIGHT = 26


def _label(text: str, *, bold: bool = False) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if bold:
        label.setStyleSheet("font-weight: bold;")
    return label


def _table(columns: tuple[str, ...], rows: tuple[tuple[str, ...], ...], parent: QWidget) -> QTableWidget:
    """A small read-only table as tall as its rows (the page scrolls, not the table)."""
    table = QTableWidget(len(rows), len(columns), parent)
    table.setHorizontalHeaderLabels(list(columns))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            item = QTableWidgetItem(text)
            item.setToolTip(text)
            table.setItem(r, c, item)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
    table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    table.setWordWrap(False)
    table.setTextElideMode(Qt.TextElideMode.ElideRight)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    header.setMinimumSectionSize(40)
    table.setFixedHeight(header.sizeHint().height() + ROW_HEIGHT * len(rows) + 2 * table.frameWidth() + 2)
    return table


class ChildPageDialog(QDialog):
    """The child's page; ``sections`` maps each shown section's key to its box (tests)."""

    def __init__(self, ctx: AppContext, uuid: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.uuid = ctx, uuid
        self.setObjectName("childPageDialog")
        self.setWindowTitle(self.tr("ภาพรวมเด็ก"))
        self.resize(980, 720)
        self.sections: dict[str, QWidget] = {}
        self.name = ""
        layout = QVBoxLayout(self)
        self.title_label = _label("", bold=True)
        self.title_label.setStyleSheet("font-size: 14pt; font-weight: bold;")
        layout.addWidget(self.title_label)
        self.note_label = _label("")
        self.note_label.setObjectName("noteLabel")
        self.note_label.hide()
        layout.addWidget(self.note_label)
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout.addWidget(self.scroll_area, 1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)
        self.print_button = self.buttons.addButton(self.tr("พิมพ์…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.print_button.setObjectName("printButton")
        self.print_button.setToolTip(self.tr("พิมพ์หรือบันทึกหน้านี้เป็น PDF (Ctrl+P)"))
        self.print_button.clicked.connect(self.print_page)
        self.may_print = may(ctx.db, Action.REPORT)  # the service refuses anyway
        self.print_button.setVisible(self.may_print)
        self.case_button = self.buttons.addButton(self.tr("เปิดกรณีเด็กนอกระบบ…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.case_button.setObjectName("caseButton")
        self.case_button.clicked.connect(self.open_case)
        self.case_button.hide()
        self.case_ref = ""
        self.case_open = False
        self.case_dialog: QDialog | None = None
        QShortcut(QKeySequence.StandardKey.Print, self, self.print_page)
        layout.addWidget(self.buttons)
        from desktop.gui.documents import Documents

        self.documents = Documents(ctx, self, lambda text, _undo: self._show_note(text))
        self.refresh()
        fit_to_screen(self)

    def _show_note(self, text: str) -> None:
        self.note_label.setText(text)
        self.note_label.setVisible(bool(text))

    def refresh(self) -> None:
        from desktop.services.child_page import child_page

        content = QWidget()
        column = QVBoxLayout(content)
        column.setContentsMargins(0, 0, 8, 0)
        self.sections = {}
        try:
            with self.ctx.db.reader() as session:
                page = child_page(session, self.uuid)
        except Exception as exc:  # noqa: BLE001 - a refusal or a fault is said, never a crash
            from desktop.gui.app import fault_text

            self.title_label.setText(self.tr("ภาพรวมเด็ก"))
            self._show_note(fault_text(exc, None))
            self.print_button.setEnabled(False)
            column.addStretch(1)
            self.scroll_area.setWidget(content)
            return
        self.name = page.name
        self.setWindowTitle(self.tr("ภาพรวมเด็ก: %1").replace("%1", page.name))
        self.title_label.setText(page.name)
        self._show_note(self.tr("ระเบียนนี้อยู่ในถังขยะ (ลบแล้ว)") if page.deleted else "")
        seen: dict[str, int] = {}
        for section in page.sections:
            widget = self._section(section, content)
            seen[section.key] = seen.get(section.key, 0) + 1
            key = section.key if seen[section.key] == 1 else f"{section.key}-{seen[section.key]}"
            widget.setObjectName(f"section_{key}")  # the cases after the newest: case-2, case-3 …
            column.addWidget(widget)
            self.sections[key] = widget
        column.addStretch(1)
        self.scroll_area.setWidget(content)
        cases = page.all("case")
        case = next((c for c in cases if c.active), cases[0] if cases else None)  # the open case, else the newest
        self.case_ref, self.case_open = (case.ref, case.active) if case is not None else ("", False)
        self.case_button.setVisible(case is not None and not page.deleted)
        self.case_button.setText(self.tr("หน้ากรณีเด็กนอกระบบ…") if self.case_open
                                 else self.tr("เปิดกรณีเด็กนอกระบบ…"))
        self.case_button.setToolTip(self.tr("ดูและบันทึกการติดตาม แผนช่วยเหลือ การส่งต่อของกรณีนี้") if self.case_open
                                    else self.tr("เปิดกรณีใหม่ให้เด็กคนนี้ (เด็กออกจากระบบการศึกษา)"))

    def open_case(self) -> None:
        """The open case's page, or a new case opened for the child (then its page)."""
        if self.case_open:
            self._show_case(self.case_ref)
            return
        from desktop.gui.views.case_open import OpenCaseDialog

        dialog = OpenCaseDialog(self.ctx, self.uuid, self.name, self)
        self.open_dialog = dialog
        dialog.opened.connect(self._opened)
        dialog.open()

    def _opened(self, case_id: int) -> None:
        self.refresh()
        self._show_case(case_id)

    def _show_case(self, ref: int | str) -> None:
        from desktop.gui.views.case_page import CaseDialog

        self.case_dialog = CaseDialog(self.ctx, ref, self)
        self.case_dialog.changed.connect(self.refresh)
        self.case_dialog.show()

    @staticmethod
    def _section(section: Section, parent: QWidget) -> QWidget:
        """A section with data: its heading, label/value pairs side by side, its table; one
        without: a single line (heading and what it lacks), so the page stays compact."""
        if not section.has_data:
            line = QLabel(f"<b>{escape(section.title)}</b>&nbsp;&nbsp;"
                          f"<span style='color: gray'>{escape(section.empty)}</span>", parent)
            line.setWordWrap(True)
            line.setContentsMargins(2, 2, 2, 2)
            return line
        box = QFrame(parent)
        box.setFrameShape(QFrame.Shape.StyledPanel)
        inner = QVBoxLayout(box)
        inner.setContentsMargins(8, 4, 8, 6)
        inner.setSpacing(4)
        heading = _label(section.title, bold=True)
        heading.setStyleSheet("font-weight: bold; font-size: 11pt;")
        inner.addWidget(heading)
        if section.fields:
            grid = QGridLayout()
            grid.setHorizontalSpacing(10)
            grid.setVerticalSpacing(2)
            for i, (label, value) in enumerate(section.fields):
                row, pair = divmod(i, FIELD_PAIRS_WIDE)
                name = _label(label, bold=True)
                name.setWordWrap(False)
                grid.addWidget(name, row, pair * 2, Qt.AlignmentFlag.AlignTop)
                grid.addWidget(_label(value), row, pair * 2 + 1, Qt.AlignmentFlag.AlignTop)
            for pair in range(FIELD_PAIRS_WIDE):
                grid.setColumnStretch(pair * 2 + 1, 1)
            inner.addLayout(grid)
        if section.rows:
            inner.addWidget(_table(section.columns, section.rows, box))
        return box

    def print_page(self) -> None:
        if not self.may_print or not self.print_button.isEnabled():
            return
        from desktop.services.child_page_print import child_page_pdf

        uuid, name = self.uuid, self.name
        self.documents.report(
            self.tr("ภาพรวมข้อมูลเด็กรายบุคคล"), "child-page",
            lambda session, out, options, progress: child_page_pdf(session, out, uuid, options, progress),
            detail=name, parent=self, name=self.tr("ภาพรวม-%1").replace("%1", name), subject_uuid=uuid)
