"""คัดกรองความยากจน › แบบคัดกรอง: a term's lists in tabs (screening_lists.py): the
screenings (by status, institution and class), who is not screened yet, households with
no photo or no position, and the term's dashboard per institution; each searched, sorted,
printed and exported as shown. Enter (or a double-click) opens a screening in the form, a
child not screened yet in a new one; คัดกรองเด็กคนใหม่ chooses a child; ชุดเกณฑ์… lists the
rule packs (rulepack_dialog.py). A teacher sees their own class's screenings only (the
service decides)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.roles import Action
from desktop.gui.context import AppContext
from desktop.gui.session_menu import may
from desktop.gui.views.screening_form import ScreeningFormDialog, open_screening_form
from desktop.gui.views.screening_lists import ScreeningListPage
from desktop.gui.views.screening_picker import ScreeningChildPicker
from desktop.services.access import NotPermitted
from desktop.services.screening_detail import term_choices
from desktop.services.screenings import STATUSES, status_label


class ScreeningsView(QWidget):
    status_message = Signal(str, object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *, today: date | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.today = today
        self.form: ScreeningFormDialog | None = None
        self.rulepacks: QWidget | None = None
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        title = QLabel(self.tr("แบบคัดกรองความยากจน (นร./กสศ.01)"), self)
        title.setStyleSheet("font-weight: bold; font-size: 15px;")
        top.addWidget(title, 1)
        top.addWidget(QLabel(self.tr("ภาคเรียน"), self))
        self.term_combo = QComboBox(self)
        self.term_combo.setObjectName("termCombo")
        top.addWidget(self.term_combo)
        layout.addLayout(top)
        self.status_combo = QComboBox(self)
        self.status_combo.setObjectName("statusCombo")
        self.status_combo.addItem(self.tr("ทุกสถานะ"), None)
        for status in STATUSES:
            self.status_combo.addItem(status_label(status), status)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("screeningTabs")
        headers = {
            "screened": [self.tr("ภาคเรียน"), self.tr("ชื่อ"), self.tr("สถานศึกษา"), self.tr("ชั้น"), self.tr("ห้อง"),
                         self.tr("สถานะ"), self.tr("ผลคัดกรอง"), self.tr("คะแนน")],
            "unscreened": [self.tr("ชื่อ"), self.tr("สถานศึกษา"), self.tr("ชั้น"), self.tr("ห้อง")],
            "no_photo_gps": [self.tr("ชื่อ"), self.tr("สถานศึกษา"), self.tr("ชั้น"), self.tr("ห้อง"),
                             self.tr("สิ่งที่ยังขาด")],
            "dashboard": [self.tr("สถานศึกษา"), self.tr("นักเรียน"), self.tr("คัดกรองแล้ว"), self.tr("รอรับรอง"),
                          self.tr("รับรองแล้ว"), self.tr("ยากจน"), self.tr("ยากจนพิเศษ"), self.tr("ได้รับเงินแล้ว")],
        }
        names = {"screened": self.tr("แบบคัดกรอง"), "unscreened": self.tr("ยังไม่ได้คัดกรอง"),
                 "no_photo_gps": self.tr("ไม่มีรูปหรือพิกัด"), "dashboard": self.tr("สรุปภาคเรียน")}
        self.pages: dict[str, ScreeningListPage] = {}
        for kind, words in headers.items():
            page = ScreeningListPage(ctx, kind, self.term, words, self.tabs,
                                     status=self.status_combo if kind == "screened" else None)
            page.status_message.connect(self.status_message.emit)
            self.tabs.addTab(page, names[kind])
            self.pages[kind] = page
        screened = self.pages["screened"]
        screened.opened.connect(self._open_screening)
        self.pages["unscreened"].opened.connect(self._screen_child)
        self.pages["no_photo_gps"].opened.connect(self._open_childs)
        # the screenings' list, as the page had it (tests and screenshots reach these)
        self.table, self.search_edit, self.count_label = screened.table, screened.search_edit, screened.count_label
        self.filters = screened.filters
        layout.addWidget(self.tabs, 1)
        buttons = QHBoxLayout()
        self.new_button = QPushButton(self.tr("คัดกรองเด็กคนใหม่…"), self)
        self.new_button.setObjectName("newScreeningButton")
        self.open_button = QPushButton(self.tr("เปิดแบบคัดกรอง"), self)
        self.open_button.setObjectName("openScreeningButton")
        self.packs_button = QPushButton(self.tr("ชุดเกณฑ์คัดกรอง…"), self)
        self.packs_button.setObjectName("rulePacksButton")
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        buttons.addWidget(self.packs_button)
        layout.addLayout(buttons)
        self.term_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.tabs.currentChanged.connect(lambda _i: self.refresh())
        self.new_button.clicked.connect(self.new_screening)
        self.open_button.clicked.connect(self.open_selected)
        self.packs_button.clicked.connect(self.show_rulepacks)
        for page in self.pages.values():
            page.table.selectionModel().selectionChanged.connect(lambda *_a: self._update_buttons())
        self._fill_terms()

    def _fill_terms(self) -> None:
        try:
            with self.ctx.db.reader() as session:
                terms, current = term_choices(session, self.today)
        except NotPermitted:
            terms, current = [], None
        self.term_combo.blockSignals(True)
        self.term_combo.clear()
        self.term_combo.addItem(self.tr("ทุกภาคเรียน"), None)
        for year, number in terms:
            self.term_combo.addItem(f"{number}/{year}", year * 10 + number)  # an int: a tuple comes back a list
        if current is not None:
            self.term_combo.setCurrentIndex(self.term_combo.findData(current[0] * 10 + current[1]))
        self.term_combo.blockSignals(False)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._tabs_for_user()
        self.refresh()

    def _tabs_for_user(self) -> None:
        """The follow-up lists and the dashboard are the registry's: a teacher (their own
        class's screenings only) does not see those tabs."""
        everyone = may(self.ctx.db, Action.REGISTRY_READ)
        for kind in ("unscreened", "no_photo_gps", "dashboard"):
            self.tabs.setTabVisible(self.tabs.indexOf(self.pages[kind]), everyone)
        if not everyone:
            self.tabs.setCurrentWidget(self.pages["screened"])

    def term(self) -> tuple[int, int] | None:
        data = self.term_combo.currentData()
        return divmod(int(data), 10) if data else None

    def page(self) -> ScreeningListPage:
        current = self.tabs.currentWidget()
        assert isinstance(current, ScreeningListPage)
        return current

    @property
    def shown(self) -> list:  # type: ignore[type-arg]
        return self.pages["screened"].shown

    def refresh(self) -> None:
        """The list in view, read again for the term."""
        self.page().refresh()
        self._update_buttons()

    def apply_filter(self) -> None:
        self.page().apply_filter()

    def clear_filter(self) -> None:
        self.page().clear_filter()

    def selected_uuid(self) -> str | None:
        return self.pages["screened"].selected_uuid()

    def select_uuid(self, uuid: str) -> None:
        self.pages["screened"].select_uuid(uuid)

    def _update_buttons(self) -> None:
        kind = self.page().kind
        self.open_button.setEnabled(kind != "dashboard" and self.page().selected_uuid() is not None)
        self.open_button.setText(self.tr("คัดกรองเด็กคนนี้") if kind == "unscreened" else self.tr("เปิดแบบคัดกรอง"))

    def open_selected(self) -> None:
        self.page().open_selected()

    def _open_screening(self, uuid: str) -> None:
        self._open(open_screening_form(self.ctx, self, uuid=uuid))

    def _screen_child(self, child_uuid: str) -> None:
        term = self.term()
        if term is not None:
            self._open(open_screening_form(self.ctx, self, child_uuid=child_uuid, term=term))

    _open_childs = _screen_child  # a screened child's form of the term: its photos and position

    def new_screening(self) -> None:
        picker = ScreeningChildPicker(self.ctx, self, term=self.term(), today=self.today)
        if picker.exec() != ScreeningChildPicker.DialogCode.Accepted:
            return
        choice, term = picker.current(), picker.term()
        if choice is None or term is None:
            return
        self._open(open_screening_form(self.ctx, self, child_uuid=choice.uuid, term=term))

    def _open(self, dialog: ScreeningFormDialog | None) -> None:
        if dialog is None:
            return
        self.form = dialog  # the one open (tests reach it)
        dialog.saved.connect(self._saved)
        dialog.status_message.connect(self.status_message.emit)
        dialog.open()

    def _saved(self, uuid: str) -> None:
        self.refresh()
        self.select_uuid(uuid)

    def show_rulepacks(self) -> None:
        from desktop.gui.views.rulepack_dialog import RulePackDialog

        dialog = RulePackDialog(self.ctx, self)
        dialog.rescored.connect(self.refresh)
        dialog.status_message.connect(self.status_message.emit)
        self.rulepacks = dialog
        dialog.open()
