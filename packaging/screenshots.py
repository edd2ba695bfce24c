"""Regenerate the screenshots of every screen, at 1366×768 (a laptop) and 1024×600 (a
netbook), from a throw-away demo database (2,000 children, seed 1):

    QT_QPA_PLATFORM=offscreen .venv/bin/python packaging/screenshots.py [th|en] [OUT_DIR]

Each screen is sized as it opens on a screen of that size (the screen's free area is set
for the run, less a 40 px task bar); the main window fills the screen as a maximised one.
docs/screenshot-NAME.png is the 1366×768 shot (the README's), docs/screenshot-NAME-1024x600.png
the small one.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QRect, QSettings
from PySide6.QtGui import QScreen
from PySide6.QtWidgets import QApplication, QWidget

DOCS = Path(__file__).resolve().parent.parent / "docs"
SIZES = ((1366, 768), (1024, 600))
TASK_BAR = 40
TODAY = date(2026, 11, 24)
PASSWORD = "screenshots-only"
PROVINCE_DB: list[object] = []  # the demo municipality's province (made once, for both sizes)


def main() -> int:
    from desktop.gui.app import make_app
    from desktop.gui.context import AppContext
    from desktop.gui.tasks import TaskRunner
    from desktop.services.database import open_database
    from desktop.services.demo import fill_demo
    from desktop.services.office import init_office

    lang = sys.argv[1] if len(sys.argv) > 1 else "th"
    out = Path(sys.argv[2]) if len(sys.argv) > 2 else DOCS
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        app, _s, _l = make_app(lang=lang)
        db, _ = open_database(Path(tmp) / "demo.db", create=True)
        from desktop.services.access import sign_in
        from desktop.services.users import create_first_admin

        sign_in(db, create_first_admin(db, "somjai", PASSWORD, "นางสาวสมใจ ใจดี"))
        with db.session() as s:
            init_office(s, name="เทศบาลตำบลบ้านใหม่", code="6300101", province="นครราชสีมา")
        fill_demo(db.engine, children=2000, seed=1, today=TODAY)
        _last_import(db, Path(tmp))
        only = [n for n in os.environ.get("SAMOE_SHOTS", "").split(",") if n]  # e.g. SAMOE_SHOTS=screening
        # the province's mode: a province that imported real bundles (not for a part's run)
        province = None if only else _province_with_bundles(Path(tmp))
        for width, height in SIZES:
            free = QRect(0, 0, width, height - TASK_BAR)
            QScreen.availableGeometry = lambda _self, free=free: free  # type: ignore[method-assign]
            settings = QSettings(str(Path(tmp) / f"s{width}.ini"), QSettings.Format.IniFormat)
            ctx = AppContext(db, TaskRunner(app), settings)
            suffix = "" if width == SIZES[0][0] else f"-{width}x{height}"
            shots = Shots(app, ctx, out, suffix, (width, height - TASK_BAR), Path(tmp))
            if only or province is None:
                shots.only(only)
                ctx.tasks.wait(10_000)
                continue
            shots.all()
            ctx.tasks.wait(10_000)
            pctx = AppContext(province, TaskRunner(app), QSettings(str(Path(tmp) / f"p{width}.ini"),
                                                                   QSettings.Format.IniFormat))
            Shots(app, pctx, out, suffix, (width, height - TASK_BAR), Path(tmp)).province()
            pctx.tasks.wait(10_000)
        db.dispose()
        if province is not None:
            province.dispose()
    return 0


class Shots:
    def __init__(self, app: QApplication, ctx, out: Path, suffix: str,  # type: ignore[no-untyped-def]
                 screen: tuple[int, int], tmp: Path) -> None:
        self.app, self.ctx, self.out, self.suffix, self.screen, self.tmp = app, ctx, out, suffix, screen, tmp

    def settle(self) -> None:
        self.ctx.tasks.wait(120_000)
        for _ in range(10):
            self.app.processEvents()

    def save(self, widget: QWidget, name: str) -> None:
        self.settle()
        widget.grab().save(str(self.out / f"screenshot-{name}{self.suffix}.png"))

    def dialog(self, name: str, make: Callable[[], QWidget], then: Callable[[QWidget], None] | None = None) -> None:
        try:
            widget = make()
        except Exception as exc:  # noqa: BLE001 - a screen missing in an older tree
            print(f"skip {name}: {exc}", file=sys.stderr)
            return
        widget.show()
        self.settle()
        if then is not None:
            then(widget)
        self.save(widget, name)
        widget.close()

    def all(self) -> None:
        from desktop.gui.main_window import MainWindow
        from desktop.gui.session_menu import SessionControls

        window = MainWindow(self.ctx)
        SessionControls(window, self.ctx.db.actor)  # the user's name, lock, users page: as the shell has it
        window.resize(*self.screen)
        window.move(0, 0)
        window.show()
        self.window = window
        for page in ("home", "children", "households", "institutions", "imports", "office-settings"):
            window.show_page(page)
            if page == "children":
                window.children_view.ui.table.selectRow(3)
            self.save(window, {"office-settings": "settings", "imports": "import-history"}.get(page, page))
        view = window.children_view
        window.show_page("children")
        view.ui.searchEdit.setText("ศรีสุข")
        view.apply_filter()
        self.save(window, "children-search")
        view.ui.searchEdit.setText("")
        view.apply_filter()
        self.dialogs()
        self.screening()
        self.grants()
        self.centre()
        self.child_page()
        self.growth()  # after the child's page, which fills the demo's growth and DSPM
        window.close()

    def grants(self) -> None:
        """The grant rounds (issue 11): the page, a new round, a round's eligible list,
        attendance grid and reconciliation, a payment (packaging/screenshots_grants.py)."""
        here = str(Path(__file__).resolve().parent)
        if here not in sys.path:
            sys.path.insert(0, here)
        from screenshots_grants import grant_shots

        grant_shots(self)

    def only(self, names: list[str]) -> None:
        """Some parts only (``SAMOE_SHOTS=screening``), in the main window as ``all`` has it."""
        from desktop.gui.main_window import MainWindow
        from desktop.gui.session_menu import SessionControls

        window = MainWindow(self.ctx)
        SessionControls(window, self.ctx.db.actor)
        window.resize(*self.screen)
        window.move(0, 0)
        window.show()
        self.window = window
        for name in names:
            getattr(self, name)()
        window.close()

    def province(self) -> None:
        """The province's pages (its own database) and one municipality's bundles."""
        from desktop.gui.main_window import MainWindow
        from desktop.gui.session_menu import SessionControls
        from desktop.gui.views.province_municipalities import ProvinceBundlesDialog

        window = MainWindow(self.ctx)
        SessionControls(window, self.ctx.db.actor)
        window.resize(*self.screen)
        window.move(0, 0)
        window.show()
        if window.province_mode.centres is not None:
            window.province_mode.centres.today = TODAY  # the demo's day: the term's attendance so far
        for page, name in (("province-municipalities", "province-municipalities"),
                           ("province-reconcile", "province-reconcile"),
                           ("province-screening", "province-screening"),
                           ("province-centres", "province-centres")):
            window.show_page(page)
            self.save(window, name)
        view = window.province_mode.municipalities
        assert view is not None
        code, name = next((r.office_code, r.office_name) for r in view.rows if r.bundles)
        self.dialog("province-bundles", lambda: ProvinceBundlesDialog(self.ctx, code, name, window))
        window.close()

    def screening(self) -> None:
        """The poverty screening (issue 11): the term's list and one form typed in, its
        per-capita income and class worked out as it fills."""
        from desktop.gui.views.screening_form import open_screening_form

        window = self.window
        term = _screenings(self.ctx.db)
        view = window.screenings_view
        view.term_combo.setCurrentIndex(view.term_combo.findData(term[0] * 10 + term[1]))
        window.show_page("screenings")
        view.refresh()
        uuid = next(r.uuid for r in view.shown if r.poverty == "poor")
        view.select_uuid(uuid)
        self.save(window, "screenings")

        def typed(dialog: QWidget) -> None:
            dialog.ui.members.rows[-1].income.setFocus()  # type: ignore[attr-defined]  # as if typing

        _house_photos(self.ctx.db, uuid)  # the form shows them small
        self.dialog("screening-form", lambda: open_screening_form(self.ctx, window, uuid=uuid), typed)

        def photos(dialog: QWidget) -> None:
            self.settle()  # the thumbnails are made on the task runner
            dialog.ui.scroll.ensureWidgetVisible(dialog.ui.photo_thumbs)  # type: ignore[attr-defined]
            self.settle()

        self.dialog("screening-form-photos", lambda: open_screening_form(self.ctx, window, uuid=uuid), photos)
        for kind in ("unscreened", "no_photo_gps", "dashboard"):
            view.tabs.setCurrentWidget(view.pages[kind])
            self.save(window, f"screenings-{kind.replace('_', '-')}")
        view.tabs.setCurrentWidget(view.pages["screened"])
        self.screening_print(uuid)
        self.rulepacks()

    def centre(self) -> None:
        """A centre's room (issue 12): today's register with three children marked absent by
        the keyboard and not saved yet, and the room's printed monthly attendance sheet as
        pdftoppm draws it, as wide as the screen."""
        import shutil
        import subprocess

        from desktop.services.centre_print import attendance_sheet_pdf

        _centre_rooms(self.ctx.db)
        window = self.window
        view = window.centre_view  # type: ignore[attr-defined]
        view.today = view.day = TODAY
        window.show_page("centre-attendance")
        view.refresh()
        for row, reason in ((2, "sick"), (16, "leave"), (24, "absent")):
            from desktop.domain.centre import AbsenceReason

            view.grid.mark(row, AbsenceReason(reason))
        view.grid.setCurrentCell(24, 2)
        self.save(window, "centre-register")
        from desktop.gui.views.centre_rates import RatesDialog

        self.dialog("centre-rates", lambda: RatesDialog(self.ctx, window))
        if view.room_id is None:
            return
        pdf = self.tmp / "centre-sheet.pdf"
        with self.ctx.db.reader() as session:
            attendance_sheet_pdf(session, view.room_id, TODAY.year, TODAY.month, pdf, today=TODAY)
        if shutil.which("pdftoppm"):
            target = self.out / f"screenshot-centre-sheet{self.suffix}"
            subprocess.run(["pdftoppm", "-png", "-singlefile", "-f", "1", "-l", "1", "-scale-to", str(self.screen[0]),
                            str(pdf), str(target)], check=True)

    def growth(self) -> None:
        """Growth and DSPM (issue 12): packaging/screenshots_growth.py."""
        here = str(Path(__file__).resolve().parent)
        if here not in sys.path:
            sys.path.insert(0, here)
        from screenshots_growth import growth_shots

        growth_shots(self, TODAY)

    def child_page(self) -> None:
        """The child's page across the modules (issue 13): packaging/screenshots_child.py."""
        here = str(Path(__file__).resolve().parent)
        if here not in sys.path:
            sys.path.insert(0, here)
        from screenshots_child import case_shots, child_page_shots

        child_page_shots(self, TODAY)
        case_shots(self, TODAY)

    def screening_print(self, uuid: str) -> None:
        """The printed form (นร./กสศ.01) of the screening with photos: its first page as
        pdftoppm draws it, as wide as the screen, and in the window's preview."""
        import shutil
        import subprocess

        from desktop.gui.views.pdf_preview import PdfPreview
        from desktop.services.screening_print import screening_pdf

        pdf = self.tmp / "screening-form.pdf"
        with self.ctx.db.reader() as session:
            screening_pdf(session, uuid, pdf, today=TODAY)
        if shutil.which("pdftoppm"):
            target = self.out / f"screenshot-screening-print{self.suffix}"
            subprocess.run(["pdftoppm", "-png", "-singlefile", "-f", "1", "-l", "1", "-scale-to", str(self.screen[0]),
                            str(pdf), str(target)], check=True)
        self.dialog("screening-print-preview",
                    lambda: PdfPreview(self.ctx, pdf, "แบบคัดกรอง", "แบบคัดกรอง.pdf", self.window),
                    lambda p: p.show_page(0))  # type: ignore[attr-defined]

    def rulepacks(self) -> None:
        """The rule packs with the re-score offer of a second pack (installed here unsigned,
        as the province's signed file would install it)."""
        import json

        from desktop.domain.rulepack import parse_pack
        from desktop.gui.views.rulepack_dialog import RulePackDialog
        from desktop.paths import resource_path
        from desktop.services.rulepacks import add_pack, ensure_shipped

        value = json.loads(resource_path("rulepacks", "samoe-illustrative-v1.json").read_bytes())
        value |= {"version": 2, "title": value.get("title", "") + " (ปรับช่วงคะแนน)", "bands": {"poor": 12, "extreme": 18}}
        with self.ctx.db.session() as s:
            ensure_shipped(s)
            add_pack(s, parse_pack(value), value)

        def offer(dialog: QWidget) -> None:
            dialog.show_preview("samoe-illustrative v2")  # type: ignore[attr-defined]
            self.settle()

        self.dialog("rulepacks", lambda: RulePackDialog(self.ctx, self.window), offer)

    def dialogs(self) -> None:
        from desktop.gui.views.child_form import ChildFormDialog
        from desktop.gui.views.household_dialog import HouseholdDialog
        from desktop.gui.views.household_merge import HouseholdMergeDialog
        from desktop.gui.views.household_picker import HouseholdPicker
        from desktop.gui.views.institution_dialog import InstitutionDialog
        from desktop.gui.views.office_dialog import OfficeDialog

        ctx, window = self.ctx, self.window
        uuid = window.children_view.model.uuid_at(0)

        def errors(dialog: QWidget) -> None:
            dialog.ui.nationalIdEdit.setText("1-2345-67890-12-0")  # type: ignore[attr-defined]
            dialog.save()  # type: ignore[attr-defined]

        self.dialog("child-form", lambda: ChildFormDialog(ctx, uuid, window, today=TODAY), errors)
        self.dialog("child-history", lambda: _child_history(ctx, uuid, window))
        self.dialog("setup", lambda: OfficeDialog(window))
        self.dialog("institution", lambda: InstitutionDialog(ctx, None, window))
        households = window.households_view
        window.show_page("households")
        self.settle()
        first, second = households.model.uuid_at(0), households.model.uuid_at(1)
        window.show_page("children")
        if first and second:
            self.dialog("household", lambda: HouseholdDialog(ctx, first, window))
            self.dialog("household-merge", lambda: HouseholdMergeDialog(ctx, first, second, window))
        self.dialog("household-picker", lambda: HouseholdPicker(ctx, window, house_no="1"))
        self.preview()
        self.imports()
        self.exchange()
        self.sign_in_screens()

    def exchange(self) -> None:
        """The exchange's dialogs (issue 10): the export as a director sees it (the office's
        keys made, its province's card enrolled), and at that province (a database of its
        own) the verify of the bundle the export wrote."""
        from desktop.domain.roles import Role
        from desktop.gui.views.exchange_export import ExportDialog
        from desktop.gui.views.exchange_import import BundleImportDialog
        from desktop.services.access import Actor, Grant, sign_in
        from desktop.services.exchange_export import export_bundle
        from desktop.services.exchange_keys import current_card, make_office_keys

        db, actor = self.ctx.db, self.ctx.db.actor
        sign_in(db, Actor(actor.user_id, actor.name, actor.full_name, (*actor.grants, Grant(Role.CERTIFIER))))
        try:
            with db.session() as s:
                if current_card(s) is None:
                    town_card = make_office_keys(s, password=PASSWORD).to_bytes()
                    PROVINCE_DB.append(_province(self.tmp, town_card, s))
            self.dialog("exchange-export", lambda: ExportDialog(self.ctx, self.window, today=TODAY))
            bundle = self.tmp / "ส่งจังหวัด-6300101-ชุดที่1.samoe"
            if not bundle.exists():
                with db.session() as s:
                    export_bundle(s, bundle, password=PASSWORD)
        finally:
            sign_in(db, actor)
        from desktop.gui.context import AppContext
        from desktop.gui.tasks import TaskRunner

        province = AppContext(PROVINCE_DB[0], TaskRunner(self.app), self.ctx.settings)

        def verified(dialog: QWidget) -> None:
            dialog.file_edit.setText(str(bundle))  # type: ignore[attr-defined]
            dialog.password.edit.setText(PASSWORD)  # type: ignore[attr-defined]
            dialog.verify()  # type: ignore[attr-defined]
            province.tasks.wait(60_000)
            self.settle()

        self.dialog("exchange-import", lambda: BundleImportDialog(province, self.window), verified)
        province.tasks.wait(10_000)

    def sign_in_screens(self) -> None:
        """The login, the set-up's first administrator, and the lock screen (the main
        window masked, the lock dialog over it, drawn into one picture)."""
        from PySide6.QtGui import QPainter

        from desktop.gui.views.first_admin_dialog import FirstAdminDialog
        from desktop.gui.views.lock_screen import ScreenLock
        from desktop.gui.views.login_dialog import LoginDialog

        place = str(self.tmp / "ทะเบียนเด็ก.db")

        def refused(dialog: QWidget) -> None:
            dialog.password_edit.setText("1234")  # type: ignore[attr-defined]
            dialog.message.setText("ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง")  # type: ignore[attr-defined]
            dialog.message.show()  # type: ignore[attr-defined]

        from desktop.gui.views.recovery_reset_dialog import RecoveryReset, RecoveryResetDialog

        self.dialog("login", lambda: LoginDialog(lambda _n, _p: None, place=place,
                                                 office="เทศบาลตำบลบ้านใหม่", name="somjai",
                                                 recovery=RecoveryReset(lambda _k, _n, _p: None)), refused)

        def mistyped(dialog: QWidget) -> None:
            dialog.key_edit.setText("7K2QD-XW9PM-3HT4V-BCN8R-0J5FA")  # type: ignore[attr-defined]
            dialog.password_edit.setText("รหัสผ่านใหม่ยาวพอ")  # type: ignore[attr-defined]
            dialog.again_edit.setText("รหัสผ่านใหม่ยาวพอ")  # type: ignore[attr-defined]
            dialog.accept()  # type: ignore[attr-defined]

        self.dialog("recovery-reset", lambda: RecoveryResetDialog(lambda _k, _n, _p: None, name="somjai",
                                                                   parent=self.window), mistyped)

        def mismatch(dialog: QWidget) -> None:
            dialog.full_name_edit.setText("นางสาวสมใจ ใจดี")  # type: ignore[attr-defined]
            dialog.password_edit.setText("รหัสผ่านยาวพอ")  # type: ignore[attr-defined]
            dialog.again_edit.setText("รหัสผ่านยาว")  # type: ignore[attr-defined]
            dialog.accept()  # type: ignore[attr-defined]

        self.dialog("first-admin", lambda: FirstAdminDialog(self.window), mismatch)
        from desktop.gui.views.users_view import AddUserDialog

        window = self.window
        from desktop.gui.session_menu import SessionControls

        if window.findChild(SessionControls, "sessionControls") is None:
            SessionControls(window, self.ctx.db.actor)  # the users page, as the shell adds it
        window.show_page("users")
        self.save(window, "users")

        def filled(dialog: QWidget) -> None:
            dialog.name_edit.setText("somchai")  # type: ignore[attr-defined]
            dialog.full_name_edit.setText("นายสมชาย ใจดี")  # type: ignore[attr-defined]

        self.dialog("add-user", lambda: AddUserDialog(self.ctx, window), filled)
        window.show_page("children")
        self.settle()

        lock = ScreenLock(lambda _n, _p: None, recovery=RecoveryReset(lambda *_: None))
        lock.lock(window, "somjai", 1)
        self.settle()
        dialog = lock.dialog
        assert dialog is not None
        picture = window.grab()
        painter = QPainter(picture)
        at = window.mapFromGlobal(dialog.frameGeometry().topLeft())
        x = max(0, min(at.x(), picture.width() - dialog.width()))
        y = max(0, min(at.y(), picture.height() - dialog.height()))
        painter.drawPixmap(x, y, dialog.grab())
        painter.end()
        picture.save(str(self.out / f"screenshot-lock{self.suffix}.png"))
        lock.unmask()
        lock.close()

    def preview(self) -> None:
        from desktop.gui.views.pdf_preview import PdfPreview
        from desktop.services.children_query import ChildFilter
        from desktop.services.institutions import institution_choices
        from desktop.services.reports import children_list_pdf

        with self.ctx.db.reader() as session:
            first = institution_choices(session)[0]
            pdf = self.tmp / "list.pdf"
            if not pdf.exists():
                children_list_pdf(session, pdf, ChildFilter(institution_id=first.id, year_be=2569))
        self.dialog("print-preview", lambda: PdfPreview(self.ctx, pdf, "รายชื่อเด็ก", "รายชื่อเด็ก.pdf", self.window),
                    lambda p: p.show_page(0))  # type: ignore[attr-defined]

    def imports(self) -> None:
        from desktop.gui.views.import_dialog import ImportDialog

        dialog = ImportDialog(self.ctx, self.window)
        dialog.show()
        self.save(dialog, "import-file")
        dialog.open_file(_import_file(self.tmp / "นำเข้า ศพด.xlsx"))
        self.settle()
        dialog.next()
        self.save(dialog, "import-mapping")
        dialog.next()
        self.save(dialog, "import-preview")
        dialog.reject()


def _province(tmp: Path, town_card: bytes, town_session) -> object:  # type: ignore[no-untyped-def]
    """The province of the demo municipality: a database of its own, its officer, its
    keys, the town's card in its trust list and its own card in the town's."""
    from desktop.services.access import sign_in
    from desktop.services.database import open_database
    from desktop.services.exchange_keys import make_office_keys
    from desktop.services.exchange_trust import enrol_card
    from desktop.services.office import init_office
    from desktop.services.users import create_first_admin

    db, _ = open_database(tmp / "province.db", create=True)
    sign_in(db, create_first_admin(db, "somsri", PASSWORD, "นางสมศรี รักงาน", office_role="province"))
    with db.session() as s:
        init_office(s, name="สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดนครราชสีมา", code="1300000",
                    role="province", province="นครราชสีมา")
    with db.session() as s:
        card = make_office_keys(s, password=PASSWORD).to_bytes()
        enrol_card(s, town_card)
    enrol_card(town_session, card)
    return db


PROVINCE_OFFICES = (  # code, name, children (0: the province), seed, bundles sent (days ago)
    ("6300101", "เทศบาลตำบลบ้านใหม่", 300, 1, (70, 4)),
    ("6300202", "องค์การบริหารส่วนตำบลโนนสูง", 200, 2, (45,)),
    ("6300303", "เทศบาลตำบลหนองบัว", 150, 3, ()),  # enrolled, never sent
    ("1300000", "สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดนครราชสีมา", 0, 0, ()),
)


def _province_with_bundles(tmp: Path):  # type: ignore[no-untyped-def]
    """A province database that really imported bundles: three municipalities set up with
    their keys and demo children, cards enrolled both ways, bundles exported and imported
    at the times given (one never sent), two children who moved (one pair decided)."""
    from datetime import UTC, datetime, timedelta

    from sqlalchemy import select

    from desktop.domain.roles import Role
    from desktop.services.access import Actor, Grant, sign_in
    from desktop.services.database import open_database
    from desktop.services.demo import fill_demo
    from desktop.services.exchange_export import export_bundle
    from desktop.services.exchange_import import import_file
    from desktop.services.exchange_keys import make_office_keys
    from desktop.services.exchange_trust import enrol_card
    from desktop.services.office import init_office
    from desktop.services.province_reconcile import decide, reconcile_rows
    from desktop.services.users import create_first_admin
    from desktop.store.models import Child, Office

    password = "screenshots-only"
    sites = []
    for code, name, children, seed, _sent in PROVINCE_OFFICES:
        role = "municipality" if children else "province"
        db, _ = open_database(tmp / f"office-{code}.db", create=True)
        admin = create_first_admin(db, "somjai", password, "นางสาวสมใจ ใจดี", office_role=role)
        work = (Role.CLERK, Role.CERTIFIER) if children else (Role.PROVINCE,)
        sign_in(db, Actor(admin.user_id, admin.name, admin.full_name, tuple(Grant(r) for r in (Role.ADMIN, *work))))
        with db.session() as s:
            init_office(s, name=name, code=code, role=role, province="นครราชสีมา")
        with db.session() as s:
            card = make_office_keys(s, password=password).to_bytes()
        if children:  # with screenings: the province's screening page shows them per municipality
            fill_demo(db.engine, children=children, seed=seed, today=TODAY, screenings=True, grant_round=True)
        sites.append((db, card))
    province = sites[-1][0]
    for db, card in sites[:-1]:
        with province.session() as s:
            enrol_card(s, card)
        with db.session() as s:
            enrol_card(s, sites[-1][1])
    with sites[0][0].reader() as s:  # two children of the first who moved to the second
        moved = s.scalars(select(Child.national_id).where(Child.national_id.is_not(None))
                          .order_by(Child.id).limit(2)).all()
    second = sites[1][0]
    with second.session() as s:
        office = s.scalars(select(Office.id).where(Office.is_local.is_(True))).one()
        for i, national_id in enumerate(moved):
            s.add(Child(prefix="ด.ช." if i else "ด.ญ.", first_name=("ปั้นใจ", "ภูมิ")[i], last_name="ย้ายมา",
                        sex="M" if i else "F", birth_date=TODAY.replace(year=2020, day=3 + i), id_type="national_id",
                        national_id=national_id, origin_office_id=office))
    today = datetime.now(UTC).replace(hour=9, minute=30, second=0, microsecond=0)
    sends = sorted((days, n) for n, (*_rest, sent) in enumerate(PROVINCE_OFFICES) for days in sent)
    for days, n in reversed(sends):  # the oldest first
        when = today - timedelta(days=days)
        bundle = tmp / f"bundle-{n}-{days}.samoe"
        with sites[n][0].session() as s:
            export_bundle(s, bundle, password=password, now=when)
        with province.session() as s:
            import_file(s, bundle, password=password, now=when)
    with province.session() as s:
        first = reconcile_rows(s)[0]
        decide(s, first.id, "moved", note="ย้ายไปอยู่กับยาย")
    for db, _card in sites[:-1]:
        db.dispose()
    return province


def _child_history(ctx, uuid: str, window: QWidget) -> QWidget:  # type: ignore[no-untyped-def]
    """The history of a child edited once (its English name), as the ประวัติ button opens it."""
    from desktop.gui.views.child_history import ChildHistoryDialog
    from desktop.services.children import load_child, save_child

    with ctx.db.reader() as session:
        form = load_child(session, uuid)
    if not form.child.first_name_en:
        form.child.first_name_en = "Manee"
        with ctx.db.session() as session:
            save_child(session, form, today=TODAY)
    child = form.child
    return ChildHistoryDialog(ctx, uuid, f"{child.prefix}{child.first_name} {child.last_name}", window)


SCREENED = (  # members (name, relation, age, occupation, income), tenure, housing, water, vehicles, appliances
    ((("นางมาลี ใจดี", "แม่", 38, "รับจ้างทั่วไป", 4500), ("นายสมชาย ใจดี", "พ่อ", 41, "รับจ้างก่อสร้าง", 3000),
      ("นางสม ใจดี", "ยาย", 67, "", 0)), "rent", "worn", "well", {"motorcycle"}, {"tv", "fridge"}),
    ((("นางบัวผัน ศรีสุข", "แม่", 35, "ค้าขาย", 2500), ("นายคำ ศรีสุข", "ตา", 72, "", 600)),
     "with_others", "dilapidated", "natural", set(), {"tv"}),
    ((("นายประเสริฐ มั่นคง", "พ่อ", 45, "ข้าราชการ", 28000), ("นางวิไล มั่นคง", "แม่", 43, "ค้าขาย", 15000)),
     "own", "good", "bottled", {"car", "motorcycle"}, {"air_conditioner", "fridge", "washing_machine", "tv"}),
)


def _centre_rooms(db) -> None:  # type: ignore[no-untyped-def]
    """The demo's centres with rooms and the year's registers so far (services/demo_centres.py)."""
    from sqlalchemy import select

    from desktop.services.demo_centres import fill_centres
    from desktop.store.models import AcademicYear, Institution

    with db.engine.begin() as conn:
        office = conn.scalar(select(Institution.origin_office_id).where(Institution.kind == "cdc").limit(1))
        year = conn.scalar(select(AcademicYear.id).where(AcademicYear.year_be == 2569))
        if office is not None and year is not None:
            fill_centres(conn, office_id=int(office), year_id=int(year), seed=1, today=TODAY)


def _screenings(db) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    """A few screenings of the first term (each child with their household), one submitted:
    the list has something to show; the term."""
    from sqlalchemy import select

    from desktop.domain.screening_form import Answers, Member
    from desktop.services.screenings import ScreeningValues, save_screening
    from desktop.store.models import AcademicYear, Child, Enrollment, Term

    with db.reader() as s:
        year = s.scalars(select(AcademicYear.year_be).join(Term).order_by(AcademicYear.year_be.desc())).first()
        children = s.execute(select(Child.uuid, Child.prefix, Child.first_name, Child.last_name)
                             .join(Enrollment, Enrollment.child_id == Child.id)
                             .join(AcademicYear, AcademicYear.id == Enrollment.academic_year_id)
                             .where(AcademicYear.year_be == year).order_by(Child.id).limit(len(SCREENED) * 2)).all()
    for n, (uuid, prefix, first, last) in enumerate(children):
        people, tenure, housing, water, vehicles, appliances = SCREENED[n % len(SCREENED)]
        members = tuple(Member(*m) for m in people) + (Member(f"{prefix}{first} {last}", "ตัวเด็ก", 9),)
        answers = Answers(tenure=tenure, housing=housing, land="none", water=water, electricity="own_meter",
                          vehicles=frozenset(vehicles), appliances=frozenset(appliances))
        with db.session() as s:
            save_screening(s, ScreeningValues(uuid, year, 1, answers, members, travel_means="เดิน",
                                              travel_metres=1500, travel_minutes=20, lat_e6=14_975_300 + n * 700,
                                              lon_e6=102_100_200 + n * 500))
    return year, 1


def _house_photos(db, uuid: str) -> None:  # type: ignore[no-untyped-def]
    """Two drawn house photos (outside, inside) on the screening, as a phone's would be."""
    import io

    from PIL import Image, ImageDraw

    from desktop.services.screening_photos import add_photo

    for kind, wall, sky in (("outside", (196, 160, 110), (150, 200, 235)), ("inside", (225, 210, 180), (120, 90, 60))):
        image = Image.new("RGB", (1200, 900), sky)
        draw = ImageDraw.Draw(image)
        draw.rectangle((0, 700, 1200, 900), fill=(90, 140, 70))
        draw.rectangle((300, 380, 900, 760), fill=wall)
        draw.polygon(((250, 400), (600, 150), (950, 400)), fill=(150, 60, 40))
        draw.rectangle((540, 560, 660, 760), fill=(90, 60, 30))
        out = io.BytesIO()
        image.save(out, "JPEG", quality=85)
        with db.session() as s:
            add_photo(s, uuid, kind, out.getvalue())


def _last_import(db, tmp: Path) -> None:  # type: ignore[no-untyped-def]
    """An import done before: the history page lists it with its values for the whole file,
    and the import's mapping step offers them again (its sample file has the same headers)."""
    from sqlalchemy import select

    from desktop.reports.sheets import read_sheet
    from desktop.services.imports import commit_import, plan_import, suggest_mapping
    from desktop.store.models import Institution

    sheet = read_sheet(_import_file(tmp / "ศพด. ห้อง 1.xlsx", first=101))
    with db.session() as s:
        cdc = s.scalar(select(Institution.id).where(Institution.kind == "cdc").order_by(Institution.id))
        plan = plan_import(s, sheet, suggest_mapping(s, sheet.headers), today=TODAY, institution_id=cdc,
                           year_be=2569, level_code="cdc4", classroom="1")
        commit_import(s, plan)


def _import_file(path: Path, first: int = 1) -> Path:
    from openpyxl import Workbook

    from desktop.domain.identity import make_national_id

    wb = Workbook()
    ws = wb.active
    ws.title = "รายชื่อนักเรียน ศพด."
    ws.append(["รายชื่อเด็กที่จะเข้าเรียน ปีการศึกษา 2569"])
    ws.append(["ลำดับ", "คำนำหน้า", "ชื่อ - สกุล", "วัน/เดือน/ปี เกิด", "เลขบัตรประชาชน",
               "ชื่อผู้ปกครอง", "เกี่ยวข้องเป็น", "เบอร์โทร", "บ้านเลขที่", "หมู่", "ตำบล"])
    good = [make_national_id(f"14037{n:07d}") for n in range(first, first + 29)]
    names = ["ปั้นใจ ดีงาม", "ญาณิศา ฐิติพร", "ภูมิ นาคสวัสดิ์", "ธัญญ่า ศรีสุข", "กันต์ ทองดี"]
    for i in range(25):
        nid = good[i]
        birth = f"{(i % 27) + 1}/{(i % 12) + 1}/{2563 + (first == 1)}"  # another file: another year
        if i == 3:
            nid = nid[:-1] + str((int(nid[-1]) + 3) % 10)
        if i == 7:
            birth = "31/02/2564"
        relation = "แม่" if i != 11 else ""
        ws.append([i + 1, "ด.ช." if i % 2 else "ด.ญ.", names[i % 5], birth, nid, "นางสมศรี ดีงาม",
                   relation, "0812345678", f"{10 + i + first}/1", "4", "บ้านใหม่"])
    wb.save(path)
    return path


if __name__ == "__main__":
    raise SystemExit(main())
