"""The main window: a navigation tree that later modules extend, a stack of views, and a
status bar that shows messages (with Undo) and the progress of background work."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QByteArray, Qt, QTimer, Signal
from PySide6.QtGui import QActionGroup, QCloseEvent
from PySide6.QtWidgets import (
    QInputDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTreeWidgetItem,
    QWidget,
)

from desktop import version
from desktop.gui.context import AppContext
from desktop.gui.forms.main_window_ui import Ui_MainWindow
from desktop.gui.views.child_form import ChildFormDialog
from desktop.gui.views.children_view import ChildrenView
from desktop.gui.views.households_view import HouseholdsView
from desktop.gui.views.import_history_view import ImportHistoryView
from desktop.gui.views.institutions_view import InstitutionsView
from desktop.services.office import local_office
from desktop.services.progress import Progress

GEOMETRY_KEY = "main/geometry"
STATE_KEY = "main/state"
PAGE_KEY = "main/page"
UNDO_SECONDS = 15
DEMO_CHILDREN = 2000


@dataclass
class Page:
    key: str
    section: str
    title: str
    widget: QWidget


class MainWindow(QMainWindow):
    language_requested = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ui = Ui_MainWindow()
        self.ui.setupUi(self)
        self.pages: dict[str, Page] = {}
        self._undo: Callable[[], None] | None = None
        self._build_status_bar()
        self._build_pages()
        self._wire_menus()
        ctx.tasks.started.connect(self._task_started)
        ctx.tasks.progressed.connect(self._task_progressed)
        ctx.tasks.ended.connect(self._task_ended)
        self._restore()
        self._update_title()

    # ---- pages
    def add_page(self, key: str, section: str, title: str, widget: QWidget) -> None:
        """Later modules call this to appear in the navigation."""
        tree = self.ui.navTree
        parent = next(
            (tree.topLevelItem(i) for i in range(tree.topLevelItemCount())
             if tree.topLevelItem(i).text(0) == section),
            None,
        )
        if parent is None:
            parent = QTreeWidgetItem(tree, [section])
            parent.setFlags(Qt.ItemFlag.ItemIsEnabled)
            font = parent.font(0)
            font.setBold(True)
            parent.setFont(0, font)
            parent.setExpanded(True)
        item = QTreeWidgetItem(parent, [title])
        item.setData(0, Qt.ItemDataRole.UserRole, key)
        self.ui.stack.addWidget(widget)
        self.pages[key] = Page(key, section, title, widget)

    def _build_pages(self) -> None:
        registry = self.tr("ทะเบียน")
        self.children_view = ChildrenView(self.ctx, self)
        self.households_view = HouseholdsView(self.ctx, self)
        self.institutions_view = InstitutionsView(self.ctx, self)
        self.add_page("children", registry, self.tr("เด็ก"), self.children_view)
        self.add_page("households", registry, self.tr("ครัวเรือน"), self.households_view)
        self.add_page("institutions", registry, self.tr("สถานศึกษา"), self.institutions_view)
        self.imports_view = ImportHistoryView(self.ctx, self)
        self.add_page("imports", registry, self.tr("ประวัติการนำเข้า"), self.imports_view)
        self.imports_view.import_requested.connect(self.children_view.import_children)
        self.imports_view.changed.connect(self.children_view.refresh)
        self.imports_view.status_message.connect(self.show_message)
        self.children_view.imported.connect(
            lambda: self.imports_view.refresh() if self.imports_view.isVisible() else None)
        self.children_view.open_child.connect(self.open_child)
        self.children_view.new_child.connect(lambda: self.open_child(None))
        self.children_view.status_message.connect(self.show_message)
        self.households_view.open_child.connect(self.open_child)
        self.households_view.status_message.connect(self.show_message)
        self.institutions_view.status_message.connect(self.show_message)
        self.ui.navTree.expandAll()
        self.ui.navTree.currentItemChanged.connect(self._nav_changed)

    def show_page(self, key: str) -> None:
        tree = self.ui.navTree
        for i in range(tree.topLevelItemCount()):
            top = tree.topLevelItem(i)
            for j in range(top.childCount()):
                if top.child(j).data(0, Qt.ItemDataRole.UserRole) == key:
                    tree.setCurrentItem(top.child(j))
                    return

    def _nav_changed(self, item: QTreeWidgetItem | None, _previous: QTreeWidgetItem | None) -> None:
        if item is None:
            return
        key = item.data(0, Qt.ItemDataRole.UserRole)
        page = self.pages.get(key)
        if page is None:
            return
        self.ui.stack.setCurrentWidget(page.widget)  # pages reload themselves when shown
        self.ctx.settings.setValue(PAGE_KEY, key)

    # ---- child form
    def open_child(self, uuid: str | None) -> None:
        dialog = ChildFormDialog(self.ctx, uuid, self)
        dialog.saved.connect(self._child_saved)
        dialog.status_message.connect(self.show_message)
        dialog.open()

    def _child_saved(self, uuid: str) -> None:
        self.children_view.model.reload()
        self.children_view.select_uuid(uuid)
        self.show_message(self.tr("บันทึกข้อมูลเด็กแล้ว"), None)

    # ---- status bar
    def _build_status_bar(self) -> None:
        bar = self.ui.statusbar
        self.message_label = QLabel(self)
        self.undo_button = QPushButton(self.tr("เลิกทำ"), self)
        self.undo_button.hide()
        self.undo_button.clicked.connect(self._do_undo)
        self.progress_label = QLabel(self)
        self.progress_bar = QProgressBar(self)
        self.progress_bar.setMaximumWidth(240)
        self.cancel_button = QPushButton(self.tr("ยกเลิก"), self)
        self.cancel_button.clicked.connect(self.ctx.tasks.cancel_all)
        for widget in (self.progress_label, self.progress_bar, self.cancel_button):
            widget.hide()
        bar.addWidget(self.message_label, 1)
        bar.addWidget(self.undo_button)
        bar.addPermanentWidget(self.progress_label)
        bar.addPermanentWidget(self.progress_bar)
        bar.addPermanentWidget(self.cancel_button)
        self._undo_timer = QTimer(self, singleShot=True, interval=UNDO_SECONDS * 1000)
        self._undo_timer.timeout.connect(self._expire_undo)

    def show_message(self, text: str, undo: Callable[[], None] | None) -> None:
        self.message_label.setText(text)
        self._undo = undo
        self.undo_button.setVisible(undo is not None)
        if undo is not None:
            self._undo_timer.start()

    def _do_undo(self) -> None:
        undo, self._undo = self._undo, None
        self.undo_button.hide()
        if undo is not None:
            undo()

    def _expire_undo(self) -> None:
        self._undo = None
        self.undo_button.hide()

    def _task_started(self, handle: object) -> None:
        self.progress_label.setText(getattr(handle, "label", ""))
        self.progress_bar.setRange(0, 0)
        for widget in (self.progress_label, self.progress_bar, self.cancel_button):
            widget.show()

    def _task_progressed(self, _handle: object, done: int, total: int, _message: str) -> None:
        if total > 0:
            self.progress_bar.setRange(0, total)
            self.progress_bar.setValue(done)

    def _task_ended(self, _handle: object) -> None:
        if not self.ctx.tasks.running:
            for widget in (self.progress_label, self.progress_bar, self.cancel_button):
                widget.hide()

    # ---- menus
    def _wire_menus(self) -> None:
        ui = self.ui
        ui.quitAction.triggered.connect(self.close)
        ui.demoAction.triggered.connect(self.add_demo_data)
        ui.importAction.triggered.connect(self._import_children)
        ui.exportAction.triggered.connect(self._export_children)
        ui.childrenListAction.triggered.connect(self._print_children)
        ui.summaryAction.triggered.connect(self.print_summary)
        ui.checkAction.triggered.connect(self.check_database)
        ui.aboutAction.triggered.connect(self.about)
        group = QActionGroup(self)
        for action, lang in ((ui.thaiAction, "th"), (ui.englishAction, "en")):
            group.addAction(action)
            action.triggered.connect(lambda _checked=False, lang=lang: self._choose_language(lang))
        lang = self.ctx.settings.value("ui/lang", "th")
        (ui.englishAction if lang == "en" else ui.thaiAction).setChecked(True)

    def _import_children(self) -> None:
        self.show_page("children")
        self.children_view.import_children()

    def _export_children(self) -> None:
        self.show_page("children")
        self.children_view.export_list()

    def _print_children(self) -> None:
        self.show_page("children")
        self.children_view.print_list()

    def print_summary(self) -> None:
        from desktop.services.children import current_year_be
        from desktop.services.reports import registry_summary_pdf

        year_be = current_year_be()
        self.children_view.documents.report(
            self.tr("สรุปทะเบียนเด็ก"), "registry-summary",
            lambda session, out, options, progress: registry_summary_pdf(session, out, year_be, options, progress),
            detail=self.tr("ปีการศึกษา %1").replace("%1", str(year_be)), parent=self)

    def _choose_language(self, lang: str) -> None:
        self.ctx.settings.setValue("ui/lang", lang)
        QMessageBox.information(
            self, "Samoe",
            self.tr("ภาษาจะเปลี่ยนเมื่อเปิดโปรแกรมครั้งถัดไป") + "\n"
            + "The language changes the next time Samoe starts.",
        )

    def add_demo_data(self, children: int = 2000) -> None:
        from desktop.services.demo import fill_demo

        def work(progress: Progress) -> object:
            return fill_demo(self.ctx.db.engine, children=children, seed=0, progress=progress)

        def done(result: object) -> None:
            self.refresh_all()
            self.show_message(self.tr("เติมข้อมูลตัวอย่างแล้ว %1 คน").replace("%1", f"{children:,}"), None)

        def failed(exc: BaseException, _tb: str) -> None:
            QMessageBox.critical(self, "Samoe", self.tr("เติมข้อมูลตัวอย่างไม่สำเร็จ: %1").replace("%1", str(exc)))

        self.ctx.tasks.run(work, on_done=done, on_error=failed, writes=True,
                           label=self.tr("กำลังสร้างข้อมูลตัวอย่าง…"),
                           on_cancel=lambda: self.show_message(self.tr("ยกเลิกแล้ว ไม่มีข้อมูลใดถูกบันทึก"), None))

    def first_start(self) -> None:
        """An empty database: offer demo data, or ask for this office's name and code."""
        from desktop.services.office import init_office

        with self.ctx.db.reader() as session:
            if local_office(session) is not None:
                return
        box = QMessageBox(self)
        box.setWindowTitle(self.tr("เริ่มใช้งาน Samoe"))
        box.setText(self.tr(
            "ฐานข้อมูลยังว่างอยู่\n\nต้องการทดลองใช้ด้วยข้อมูลตัวอย่าง (เด็กสมมุติ %1 คน) "
            "หรือเริ่มฐานข้อมูลจริงของหน่วยงาน?").replace("%1", f"{DEMO_CHILDREN:,}"))
        demo = box.addButton(self.tr("ใช้ข้อมูลตัวอย่าง"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("เริ่มฐานข้อมูลจริง"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        if box.clickedButton() is demo:
            self.add_demo_data(DEMO_CHILDREN)
            return
        name, ok = QInputDialog.getText(self, self.tr("ชื่อหน่วยงาน"),
                                        self.tr("ชื่อหน่วยงาน (เช่น เทศบาลตำบลบ้านใหม่):"))
        if not ok or not name.strip():
            return
        code, ok = QInputDialog.getText(self, self.tr("รหัสหน่วยงาน"),
                                        self.tr("รหัส อปท. (ตามกรมส่งเสริมการปกครองท้องถิ่น):"))
        if not ok or not code.strip():
            return
        with self.ctx.db.session() as session:
            init_office(session, name=name, code=code)
        self.refresh_all()

    def check_database(self) -> None:
        from desktop.store.integrity import check_database

        def done(problems: object) -> None:
            assert isinstance(problems, list)
            if problems:
                QMessageBox.warning(self, "Samoe", "\n".join(problems[:20]))
            else:
                QMessageBox.information(self, "Samoe", self.tr("ฐานข้อมูลถูกต้อง ไม่พบปัญหา"))

        self.ctx.tasks.run(lambda _p: check_database(self.ctx.db.engine), on_done=done,
                           label=self.tr("กำลังตรวจฐานข้อมูล…"))

    def about(self) -> None:
        QMessageBox.about(
            self, self.tr("เกี่ยวกับ Samoe"),
            self.tr("Samoe %1\nระบบทะเบียนเด็กและความเสมอภาคทางการศึกษาสำหรับองค์กรปกครองส่วนท้องถิ่น\n"
                    "ฐานข้อมูล: %2").replace("%1", version()).replace("%2", self.ctx.db.url),
        )

    def refresh_all(self) -> None:
        """After data changed underneath (demo data, first start). Hidden pages reload
        themselves when shown, so only a visible one is reloaded here."""
        self.children_view.refresh()
        for view in (self.households_view, self.institutions_view, self.imports_view):
            if view.isVisible():
                view.refresh()
        self._update_title()

    def _update_title(self) -> None:
        with self.ctx.db.reader() as session:
            office = local_office(session)
        if office is not None:
            self.setWindowTitle(f"Samoe — {office.name}")

    # ---- geometry
    def _restore(self) -> None:
        geometry = self.ctx.settings.value(GEOMETRY_KEY)
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        state = self.ctx.settings.value(STATE_KEY)
        if isinstance(state, QByteArray):
            self.restoreState(state)
        self.show_page(str(self.ctx.settings.value(PAGE_KEY, "children")))
        if self.ui.navTree.currentItem() is None:
            self.show_page("children")

    def closeEvent(self, event: QCloseEvent) -> None:
        self.ctx.settings.setValue(GEOMETRY_KEY, self.saveGeometry())
        self.ctx.settings.setValue(STATE_KEY, self.saveState())
        self.ctx.tasks.cancel_all()
        self.ctx.tasks.wait(5000)
        super().closeEvent(event)
