"""The main window: a navigation tree that later modules extend (the home page first), a
stack of views, and a status bar that shows messages (with Undo) and the progress of
background work. Which database it shows is the shell's business (``gui/shell.py``): the
window asks for another through its ``*_requested`` signals."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QByteArray, Qt, Signal
from PySide6.QtGui import QActionGroup, QCloseEvent, QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTreeWidgetItem,
    QWidget,
)

from desktop import version
from desktop.domain.roles import Action
from desktop.gui.context import AppContext
from desktop.gui.forms.main_window_ui import Ui_MainWindow
from desktop.gui.views.backup_actions import BackupActions
from desktop.gui.views.child_form import ChildFormDialog
from desktop.gui.views.children_view import ChildrenView
from desktop.gui.views.home_view import HomeView
from desktop.gui.views.households_view import HouseholdsView
from desktop.gui.views.import_history_view import ImportHistoryView
from desktop.gui.views.institutions_view import InstitutionsView
from desktop.gui.views.office_settings_view import OfficeSettingsView
from desktop.gui.widgets.file_pickers import open_file_name, save_file_name
from desktop.gui.widgets.screen import fit_to_screen
from desktop.paths import user_data_dir
from desktop.services.office import OfficeValues, is_demo, local_office
from desktop.services.progress import Progress
from desktop.store.db import sqlite_path

GEOMETRY_KEY = "main/geometry"
STATE_KEY = "main/state"
PAGE_KEY = "main/page"
DEMO_CHILDREN = 2000  # as the shell's first start
NAV_WIDTH = 240  # the menu's widest (ui/main_window.ui)
NARROW_WINDOW = 1200  # narrower: the menu keeps its narrowest


@dataclass
class Page:
    key: str
    section: str
    title: str
    widget: QWidget


class MainWindow(QMainWindow):
    language_requested = Signal(str)
    open_requested = Signal(str)  # an existing database file
    new_requested = Signal(str, object)  # a new file, its OfficeValues
    demo_requested = Signal()  # the demo database

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ui = Ui_MainWindow()
        self.ui.setupUi(self)
        self.pages: dict[str, Page] = {}
        self._undo: Callable[[], None] | None = None
        self.is_demo = False
        self._build_status_bar()
        self._build_pages()
        self._wire_menus()
        self.backups = BackupActions(self, ctx)  # File › back up / restore; checks at start
        self.backups.install_menu(self.ui.fileMenu, self.ui.officeAction)
        from desktop.gui.views.exchange_menu import ExchangeMenu

        self.exchange = ExchangeMenu(self, ctx)  # File › ส่งข้อมูลให้จังหวัด… / ตรวจและนำเข้าชุดข้อมูล…
        self.exchange.install_menu(self.ui.fileMenu, self.ui.officeAction)
        self.exchange.status_message.connect(self.show_message)
        ctx.tasks.started.connect(self._task_started)
        ctx.tasks.progressed.connect(self._task_progressed)
        ctx.tasks.ended.connect(self._task_ended)
        self._restore()
        self._update_title()

    # ---- pages
    def add_page(self, key: str, section: str, title: str, widget: QWidget) -> None:
        """Later modules call this to appear in the navigation (``section`` "": a page of
        its own at the top level, as the home page)."""
        tree = self.ui.navTree
        if not section:
            top = QTreeWidgetItem(tree, [title])
            top.setData(0, Qt.ItemDataRole.UserRole, key)
            self.ui.stack.addWidget(widget)
            self.pages[key] = Page(key, section, title, widget)
            return
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
        self.home_view = HomeView(self.ctx, self)
        self.add_page("home", "", self.tr("หน้าแรก"), self.home_view)
        self.home_view.open_page.connect(self.show_page)
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
        self.institutions_view.changed.connect(self.children_view.refresh)  # filters list it at once
        from desktop.gui.views.screenings_view import ScreeningsView

        self.screenings_view = ScreeningsView(self.ctx, self)  # issue 11: the poverty screening
        self.add_page("screenings", self.tr("คัดกรองความยากจน"), self.tr("แบบคัดกรอง"), self.screenings_view)
        self.screenings_view.status_message.connect(self.show_message)
        from desktop.gui.views.grant_rounds_view import GrantRoundsView

        self.grant_rounds_view = GrantRoundsView(self.ctx, self)  # issue 11: the grant rounds
        self.add_page("grant-rounds", self.tr("ทุนเสมอภาค"), self.tr("รอบการจ่ายทุน"), self.grant_rounds_view)
        self.grant_rounds_view.status_message.connect(self.show_message)
        from desktop.gui.views.centre_view import CentreView

        self.centre_view = CentreView(self.ctx, self)  # issue 12: a centre's rooms and daily attendance
        self.add_page("centre-attendance", self.tr("ศูนย์พัฒนาเด็กเล็ก"), self.tr("ห้องเรียนและการมาเรียน"),
                      self.centre_view)
        self.centre_view.status_message.connect(self.show_message)
        from desktop.gui.views.cases_view import CasesView

        self.cases_view = CasesView(self.ctx, self)  # issue 13: out-of-school children's cases
        self.add_page("cases", self.tr("เด็กนอกระบบการศึกษา"), self.tr("กรณีเด็กนอกระบบ"), self.cases_view)
        self.cases_view.status_message.connect(self.show_message)
        self._hide_page_without("cases", Action.CASE_WORK)
        from desktop.gui.views.growth_lists import GrowthView

        self.growth_view = GrowthView(self.ctx, self)  # issue 12: growth and DSPM lists, a child's development page
        self.add_page("centre-growth", self.tr("ศูนย์พัฒนาเด็กเล็ก"), self.tr("การเจริญเติบโตและพัฒนาการ"),
                      self.growth_view)
        self.growth_view.status_message.connect(self.show_message)
        self.office_view = OfficeSettingsView(self.ctx, self)
        self.add_page("office-settings", self.tr("ตั้งค่า"), self.tr("ตั้งค่าหน่วยงาน"), self.office_view)
        self.office_view.status_message.connect(self.show_message)
        self.office_view.office_changed.connect(lambda _office: self._update_title())
        from desktop.gui.views.province_pages import ProvinceMode

        self.province_mode = ProvinceMode(self)  # the province's pages (on a province's database)
        self.ui.navTree.expandAll()
        self.ui.navTree.currentItemChanged.connect(self._nav_changed)

    def _hide_page_without(self, key: str, action: Action) -> None:
        """A page (and its section, left empty) hidden from a user none of whose roles may
        ``action``: what they cannot do they do not see (the services refuse it anyway)."""
        from desktop.gui.session_menu import may

        if may(self.ctx.db, action):
            return
        tree = self.ui.navTree
        for i in range(tree.topLevelItemCount()):
            top = tree.topLevelItem(i)
            for j in range(top.childCount()):
                if top.child(j).data(0, Qt.ItemDataRole.UserRole) == key:
                    top.child(j).setHidden(True)
            if top.childCount() and all(top.child(j).isHidden() for j in range(top.childCount())):
                top.setHidden(True)

    def show_page(self, key: str) -> None:
        tree = self.ui.navTree
        for i in range(tree.topLevelItemCount()):
            top = tree.topLevelItem(i)
            if top.data(0, Qt.ItemDataRole.UserRole) == key:
                tree.setCurrentItem(top)
                return
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
        QShortcut(QKeySequence.StandardKey.Undo, self, activated=self._do_undo)

    def show_message(self, text: str, undo: Callable[[], None] | None) -> None:
        self.message_label.setText(text)
        self._undo = undo  # kept until the next action's message (no time limit)
        self.undo_button.setVisible(undo is not None)
        self.undo_button.setToolTip(self.tr("เลิกทำ (Ctrl+Z)") if undo is not None else "")

    def _do_undo(self) -> None:
        undo, self._undo = self._undo, None
        self.undo_button.hide()
        if undo is not None:
            undo()

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
        # triggered(bool) carries the checked flag: never let it reach a parameter
        ui.demoAction.triggered.connect(lambda _checked=False: self.demo_menu())
        ui.newDbAction.triggered.connect(lambda _checked=False: self.new_database())
        ui.openDbAction.triggered.connect(lambda _checked=False: self.open_database())
        ui.officeAction.triggered.connect(lambda _checked=False: self.show_page("office-settings"))
        ui.recentMenu.aboutToShow.connect(self._fill_recent_menu)
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

    # ---- databases: demo, new, open, recent
    def add_demo_data(self, children: int = DEMO_CHILDREN) -> None:
        """More fictional children, into a demo database only."""
        from desktop.services.demo import fill_demo

        if not self.is_demo:
            self.demo_menu()
            return
        children = int(children)

        def work(progress: Progress) -> object:
            return fill_demo(self.ctx.db.engine, children=children, seed=0, progress=progress,
                             screenings=True, grant_round=True)

        def done(result: object) -> None:
            self.refresh_all()
            added = int(getattr(result, "children", children))
            self.show_message(self.tr("เติมข้อมูลตัวอย่างแล้ว %1 คน").replace("%1", f"{added:,}"), None)

        def failed(exc: BaseException, _tb: str) -> None:
            from desktop.gui.app import fault_text

            QMessageBox.critical(self, "Samoe", self.tr("เติมข้อมูลตัวอย่างไม่สำเร็จ: %1")
                                 .replace("%1", fault_text(exc, sqlite_path(self.ctx.db.url))))

        self.ctx.tasks.run(work, on_done=done, on_error=failed, writes=True,
                           label=self.tr("กำลังสร้างข้อมูลตัวอย่าง…"),
                           on_cancel=lambda: self.show_message(self.tr("ยกเลิกแล้ว ไม่มีข้อมูลใดถูกบันทึก"), None))

    def demo_menu(self) -> None:
        """แฟ้ม › ฐานข้อมูลตัวอย่าง: on demo data, offer more; on a real registry, explain
        that demo data lives apart and open it (never fictional schools among real ones)."""
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("ฐานข้อมูลตัวอย่าง"))
        if self.is_demo:
            box.setText(self.tr("ฐานข้อมูลนี้เป็นข้อมูลตัวอย่าง (ไม่ใช่ข้อมูลจริง)\n\n"
                                "เพิ่มเด็กสมมุติอีก %1 คนหรือไม่?").replace("%1", f"{DEMO_CHILDREN:,}"))
            yes = box.addButton(self.tr("เพิ่มข้อมูลตัวอย่าง"), QMessageBox.ButtonRole.AcceptRole)
        else:
            box.setText(self.tr(
                "ข้อมูลตัวอย่าง (เด็ก ครัวเรือน และสถานศึกษาสมมุติ) อยู่ในฐานข้อมูลตัวอย่างที่แยกไว้ต่างหาก "
                "ไม่เพิ่มลงในฐานข้อมูลจริงของหน่วยงานนี้\n\n"
                "เปิดฐานข้อมูลตัวอย่างหรือไม่? กลับมาที่ฐานข้อมูลนี้ได้จากเมนู แฟ้ม › เปิดล่าสุด"))
            yes = box.addButton(self.tr("เปิดฐานข้อมูลตัวอย่าง"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("ยกเลิก"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(yes)
        box.exec()
        if box.clickedButton() is not yes:
            return
        if self.is_demo:
            self.add_demo_data(DEMO_CHILDREN)
        else:
            self.demo_requested.emit()

    def new_database(self) -> None:
        """A new, empty registry: its office first, then where to keep the file."""
        from desktop.gui.views.office_dialog import OfficeDialog

        dialog = OfficeDialog(self, intro=self.tr(
            "ฐานข้อมูลใหม่ (ว่าง) สำหรับหน่วยงาน: กรอกชื่อ รหัส และจังหวัดของหน่วยงาน "
            "แล้วเลือกที่เก็บไฟล์ ฐานข้อมูลที่เปิดอยู่ไม่ถูกเปลี่ยนแปลง"))
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.result_values is None:
            return
        values: OfficeValues = dialog.result_values
        from desktop.paths import default_db_path

        # the office's first real database goes where Samoe looks by default
        first = default_db_path()
        start = str(first if not first.exists() else
                    user_data_dir() / self.tr("ทะเบียน-%1.db").replace("%1", values.code))
        chosen, _ = save_file_name(
            self, self.tr("ฐานข้อมูลใหม่"), start, self.tr("ฐานข้อมูล Samoe (*.db)"),
            options=QFileDialog.Option.DontConfirmOverwrite)
        if not chosen:
            return
        if not chosen.lower().endswith(".db"):
            chosen += ".db"
        self.new_requested.emit(chosen, values)

    def open_database(self) -> None:
        current = sqlite_path(self.ctx.db.url)
        folder = str(current.parent if current is not None else user_data_dir())
        chosen, _ = open_file_name(
            self, self.tr("เปิดฐานข้อมูล"), folder,
            self.tr("ฐานข้อมูล Samoe (*.db *.sqlite *.sqlite3);;ทุกไฟล์ (*)"))
        if chosen:
            self.open_requested.emit(chosen)

    def _fill_recent_menu(self) -> None:
        from desktop.gui.shell import recent_databases

        menu = self.ui.recentMenu
        menu.clear()
        current = sqlite_path(self.ctx.db.url)
        paths = recent_databases(self.ctx.settings)
        for number, path in enumerate(paths, start=1):
            p = Path(path)
            action = menu.addAction(f"&{number} {p.name} — {p.parent}")
            action.setData(path)
            if current is not None and p == current:
                action.setCheckable(True)
                action.setChecked(True)
                action.setEnabled(False)
            else:
                action.triggered.connect(lambda _checked=False, path=path: self.open_requested.emit(path))
        if not paths:
            menu.addAction(self.tr("(ยังไม่มี)")).setEnabled(False)

    def ensure_office(self) -> bool:
        """A database without its office (set-up left half done, or opened from a file)
        is set up before anything else; False when the clerk chose to leave instead."""
        from desktop.gui.views.office_dialog import ask_office_until_set
        from desktop.services.office import init_office

        with self.ctx.db.reader() as session:
            if local_office(session) is not None:
                return True

        def save(values: OfficeValues) -> object:
            with self.ctx.db.session() as session:
                return init_office(session, name=values.name, code=values.code,
                                   role=values.role, province=values.province)

        if not ask_office_until_set(self, save):
            return False
        self.refresh_all()
        return True

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
                    "ฐานข้อมูล: %2").replace("%1", version()).replace("%2", self.database_place()),
        )

    def database_place(self) -> str:
        """The database as a clerk knows it: a file's path, or a server and database name
        (never a URL with its password)."""
        from sqlalchemy.engine import make_url

        path = sqlite_path(self.ctx.db.url)
        if path is not None:
            return str(path)
        url = make_url(self.ctx.db.url)
        return f"{url.database or ''} @ {url.host or ''}{f':{url.port}' if url.port else ''}"

    def refresh_all(self) -> None:
        """After data changed underneath (demo data, first start). Hidden pages reload
        themselves when shown, so only a visible one is reloaded here."""
        self.children_view.refresh()
        for view in (self.home_view, self.households_view, self.institutions_view, self.imports_view):
            if view.isVisible():
                view.refresh()
        self._update_title()

    def _update_title(self) -> None:
        with self.ctx.db.reader() as session:
            office = local_office(session)
            self.is_demo = is_demo(session)
        self.province_mode.apply(office)
        path = sqlite_path(self.ctx.db.url)
        title = f"Samoe — {office.name}" if office is not None else \
            f"Samoe — {path.name if path is not None else ''}"
        if self.is_demo:
            title += " — " + self.tr("ข้อมูลตัวอย่าง (ไม่ใช่ข้อมูลจริง)")
        self.setWindowTitle(title)
        self.ui.demoAction.setText(self.tr("เพิ่มข้อมูลตัวอย่าง…") if self.is_demo
                                   else self.tr("ฐานข้อมูลตัวอย่าง (ทดลองใช้)…"))

    # ---- geometry
    def resizeEvent(self, event: QResizeEvent) -> None:
        """A narrow window (a 1024×600 netbook) keeps the menu at its narrowest (190 px,
        not 240): the lists get the room (desktop/gui/views/children_columns.py)."""
        super().resizeEvent(event)
        nav = self.ui.navTree
        nav.setMaximumWidth(nav.minimumWidth() if event.size().width() < NARROW_WINDOW else NAV_WIDTH)

    def _restore(self) -> None:
        geometry = self.ctx.settings.value(GEOMETRY_KEY)
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        fit_to_screen(self)  # a designed or remembered size taller than this screen
        state = self.ctx.settings.value(STATE_KEY)
        if isinstance(state, QByteArray):
            self.restoreState(state)
        self.show_page(str(self.ctx.settings.value(PAGE_KEY, "home")))
        if self.ui.navTree.currentItem() is None:
            self.show_page("home")

    def save_layout(self) -> None:
        self.ctx.settings.setValue(GEOMETRY_KEY, self.saveGeometry())
        self.ctx.settings.setValue(STATE_KEY, self.saveState())

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_layout()
        self.ctx.tasks.cancel_all()
        self.ctx.tasks.wait(5000)
        super().closeEvent(event)
