"""The households screen's edit and merge: actions, buttons, dialogs, undo.

Kept apart from ``households_view`` (the list and the detail) so each stays small. Edit:
F2 or the button, on the current household. Merge: select two households (Ctrl+click,
Shift+arrow), Ctrl+M or the button, a preview, then the merge; the status bar's undo
brings the merged household back with its members.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence

from desktop.gui.views.household_dialog import HouseholdDialog
from desktop.gui.views.household_merge import HouseholdMergeDialog
from desktop.services.household_edit import HouseholdError, MergeResult, undo_merge

if TYPE_CHECKING:
    from desktop.gui.views.households_view import HouseholdsView


class HouseholdActions(QObject):
    def __init__(self, view: HouseholdsView) -> None:
        super().__init__(view)
        self.view = view
        ui = view.ui
        self.edit_action = QAction(self.tr("แก้ไขที่อยู่ครัวเรือน"), view)
        self.edit_action.setShortcut(QKeySequence(Qt.Key.Key_F2))
        self.edit_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.edit_action.triggered.connect(self.edit)
        view.addAction(self.edit_action)
        self.merge_action = QAction(self.tr("รวมครัวเรือน"), view)
        self.merge_action.setShortcut(QKeySequence("Ctrl+M"))
        self.merge_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.merge_action.triggered.connect(self.merge)
        view.addAction(self.merge_action)
        ui.editButton.clicked.connect(self.edit_action.trigger)
        ui.mergeButton.clicked.connect(self.merge_action.trigger)

    # ---- edit
    def edit(self) -> HouseholdDialog | None:
        uuid = self.view.selected_uuid()
        if uuid is None:
            self.view.status_message.emit(self.tr("เลือกครัวเรือนในรายการก่อน แล้วจึงแก้ไข"), None)
            return None
        dialog = HouseholdDialog(self.view.ctx, uuid, self.view)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(self._saved)
        dialog.open()
        return dialog

    def _saved(self, uuid: str) -> None:
        self.view._current_uuid = uuid
        self.view.refresh()
        self.view.status_message.emit(self.tr("บันทึกที่อยู่ครัวเรือนแล้ว"), None)

    # ---- merge
    def merge(self) -> HouseholdMergeDialog | None:
        uuids = self.view.selected_uuids()
        if len(uuids) != 2:
            self.view.status_message.emit(self.tr(
                "เลือกสองครัวเรือนที่จะรวม: คลิกแถวแรก แล้ว Ctrl+คลิกแถวที่สอง (หรือ Shift+ลูกศร) "
                "จากนั้นกด รวมครัวเรือน (Ctrl+M)"), None)
            return None
        # the household selected first is kept; the one the cursor ends on merges into it
        current = self.view.selected_uuid()
        first, second = uuids[::-1] if current == uuids[0] else uuids
        dialog = HouseholdMergeDialog(self.view.ctx, first, second, self.view)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.merged.connect(self._merged)
        dialog.open()
        return dialog

    def _merged(self, result: MergeResult) -> None:
        self.view._current_uuid = result.keep_uuid
        self.view.refresh()
        moved = len(result.children) + len(result.guardians)
        self.view.status_message.emit(
            self.tr("รวมครัวเรือนแล้ว ย้ายสมาชิก %1 คน").replace("%1", str(moved)), self._undo(result))

    def _undo(self, result: MergeResult) -> Callable[[], None]:
        def undo() -> None:
            try:
                with self.view.ctx.db.session() as session:
                    undo_merge(session, result)
            except HouseholdError as exc:
                self.view.status_message.emit(exc.message, None)
                return
            self.view._current_uuid = result.drop_uuid
            self.view.refresh()
            self.view.status_message.emit(self.tr("ยกเลิกการรวมครัวเรือนแล้ว"), None)

        return undo
