"""Every window and dialog fits a 1366×768 laptop and stays usable on a 1024×600 netbook:
its size is within the screen's free area, every button of its own (not those inside the
scrolled content) lies within the window, and long content scrolls instead of pushing
the buttons off the screen."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QScreen
from PySide6.QtWidgets import QAbstractButton, QAbstractScrollArea, QApplication, QWidget
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from desktop.gui.context import AppContext

SIZES = [(1366, 768), (1024, 600)]


@pytest.fixture(params=SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def screen_size(request, monkeypatch):  # type: ignore[no-untyped-def]
    width, height = request.param
    monkeypatch.setattr(QScreen, "availableGeometry", lambda _self: QRect(0, 0, width, height))
    return width, height


def _pdf(path: Path) -> Path:
    c = canvas.Canvas(str(path), pagesize=A4)
    for n in range(2):
        c.drawString(72, 700, f"page {n + 1}")
        c.showPage()
    c.save()
    return path


def _inside_scrolled_content(button: QWidget, top: QWidget) -> bool:
    parent = button.parentWidget()
    while parent is not None and parent is not top:
        if isinstance(parent, QAbstractScrollArea):
            return True
        parent = parent.parentWidget()
    return False


def assert_fits(widget: QWidget, size: tuple[int, int]) -> None:
    width, height = size
    QApplication.processEvents()
    frame = widget.frameGeometry()
    # the window manager adds a title bar (~30 px) and borders the offscreen platform does not
    assert widget.width() <= width - 8, (widget.width(), width)
    assert widget.height() <= height - 30, (widget.height(), height)
    assert frame.width() <= width and widget.minimumSizeHint().height() <= height - 30
    inside = widget.rect()
    buttons = [b for b in widget.findChildren(QAbstractButton)
               if b.isVisibleTo(widget) and not _inside_scrolled_content(b, widget)
               and b.window() is widget]
    assert buttons, "no buttons found"
    for button in buttons:
        rect = QRect(button.mapTo(widget, button.rect().topLeft()), button.size())
        assert inside.contains(rect), (button.text() or button.objectName(), rect, inside)


def _child_form(ctx: AppContext, _tmp: Path) -> QWidget:
    from desktop.gui.views.child_form import ChildFormDialog
    from desktop.gui.views.children_view import ChildrenView

    view = ChildrenView(ctx)
    uuid = view.model.uuid_at(0)
    return ChildFormDialog(ctx, uuid)


def _child_history(ctx: AppContext, _tmp: Path) -> QWidget:
    from desktop.gui.views.child_history import ChildHistoryDialog
    from desktop.gui.views.children_view import ChildrenView

    uuid = ChildrenView(ctx).model.uuid_at(0)
    assert uuid is not None
    return ChildHistoryDialog(ctx, uuid, "เด็กหญิงทดสอบ ชื่อยาวมากเป็นพิเศษ นามสกุลยาวมากเป็นพิเศษ")


def _child_page(ctx: AppContext, _tmp: Path) -> QWidget:
    """The child's page across the modules (issue 13), opened from the list."""
    from desktop.gui.views.child_page import ChildPageDialog
    from desktop.gui.views.children_view import ChildrenView

    uuid = ChildrenView(ctx).model.uuid_at(0)
    assert uuid is not None
    return ChildPageDialog(ctx, uuid)


def _a_case(ctx: AppContext) -> int:
    """A case opened for the list's first child (issue 13)."""
    from datetime import date

    from desktop.gui.views.children_view import ChildrenView
    from desktop.services.cases import open_case

    uuid = ChildrenView(ctx).model.uuid_at(0)
    assert uuid is not None
    with ctx.db.session() as s:
        return open_case(s, uuid, date.today(), source="teacher", worker="", note="ครูประจำชั้นแจ้ง").id


def _case_page(ctx: AppContext, _tmp: Path) -> QWidget:
    from desktop.gui.views.case_page import CaseDialog

    return CaseDialog(ctx, _a_case(ctx))


def _case_open(ctx: AppContext, _tmp: Path) -> QWidget:
    from desktop.gui.views.case_open import OpenCaseDialog
    from desktop.gui.views.children_view import ChildrenView

    uuid = ChildrenView(ctx).model.uuid_at(0)
    assert uuid is not None
    return OpenCaseDialog(ctx, uuid, "เด็กหญิงทดสอบ ชื่อยาวมากเป็นพิเศษ นามสกุลยาวมากเป็นพิเศษ")


def _case_visit(ctx: AppContext, _tmp: Path) -> QWidget:
    from desktop.gui.views.case_trace_tab import TraceVisitDialog

    return TraceVisitDialog(ctx, _a_case(ctx))


def _case_plan_editor(ctx: AppContext, _tmp: Path) -> QWidget:
    from desktop.gui.views.case_plan_editor import PlanEditorDialog

    return PlanEditorDialog(ctx, _a_case(ctx), None)


def _case_import(ctx: AppContext, _tmp: Path) -> QWidget:
    from desktop.gui.views.case_import_view import CaseImportDialog

    return CaseImportDialog(ctx)


def _cases(ctx: AppContext, _tmp: Path) -> QWidget:
    from desktop.gui.main_window import MainWindow

    _a_case(ctx)
    window = MainWindow(ctx)
    window.show_page("cases")
    return window


def _import(ctx: AppContext, _tmp: Path) -> QWidget:
    from desktop.gui.views.import_dialog import ImportDialog

    return ImportDialog(ctx)


def _preview(ctx: AppContext, tmp: Path) -> QWidget:
    from desktop.gui.views.pdf_preview import PdfPreview

    return PdfPreview(ctx, _pdf(tmp / "r.pdf"), "ทดสอบ", "r.pdf")


def _institution(ctx: AppContext, _tmp: Path) -> QWidget:
    from desktop.gui.views.institution_dialog import InstitutionDialog

    return InstitutionDialog(ctx)


def _office(_ctx: AppContext, _tmp: Path) -> QWidget:
    from desktop.gui.views.office_dialog import OfficeDialog

    return OfficeDialog()


def _picker(ctx: AppContext, _tmp: Path) -> QWidget:
    from desktop.gui.views.household_picker import HouseholdPicker

    return HouseholdPicker(ctx)


def _households(ctx: AppContext) -> tuple[str, str]:
    from desktop.gui.views.households_view import HouseholdsView

    view = HouseholdsView(ctx)
    view.refresh()
    first, second = view.model.uuid_at(0), view.model.uuid_at(1)
    assert first and second
    return first, second


def _household(ctx: AppContext, _tmp: Path) -> QWidget:
    from desktop.gui.views.household_dialog import HouseholdDialog

    return HouseholdDialog(ctx, _households(ctx)[0])


def _merge(ctx: AppContext, _tmp: Path) -> QWidget:
    from desktop.gui.views.household_merge import HouseholdMergeDialog

    return HouseholdMergeDialog(ctx, *_households(ctx))


def _main(ctx: AppContext, _tmp: Path) -> QWidget:
    from desktop.gui.main_window import MainWindow

    window = MainWindow(ctx)
    window.show_page("children")  # its buttons: new, open, delete, print, import, export
    return window


def _login(_ctx: AppContext, tmp: Path) -> QWidget:
    from desktop.gui.views.login_dialog import LoginDialog
    from desktop.gui.views.recovery_reset_dialog import RecoveryReset

    return LoginDialog(lambda _n, _p: None, place=str(tmp / "ทะเบียนเด็ก-เทศบาลตำบลบ้านใหม่.db"),
                       office="เทศบาลตำบลบ้านใหม่", name="admin",
                       recovery=RecoveryReset(lambda _k, _n, _p: None),  # with ลืมรหัสผ่าน…
                       message="บัญชีนี้ถูกล็อกเพราะใส่รหัสผ่านผิดหลายครั้ง ลองใหม่ได้หลังเวลา 14:05 "
                               "หรือให้ผู้ดูแลระบบปลดล็อก")


def _first_admin(_ctx: AppContext, _tmp: Path) -> QWidget:
    from desktop.gui.views.first_admin_dialog import FirstAdminDialog

    dialog = FirstAdminDialog()
    dialog.accept()  # every field's problem shown: the tallest it gets
    return dialog


def _lock(_ctx: AppContext, _tmp: Path) -> QWidget:
    from desktop.gui.views.lock_screen import LockDialog
    from desktop.gui.views.recovery_reset_dialog import RecoveryReset

    return LockDialog(lambda _n, _p: None, "admin",  # with ลืมรหัสผ่าน…
                      recovery=RecoveryReset(lambda *_: None))


def _add_user(ctx: AppContext, _tmp: Path) -> QWidget:
    from desktop.gui.views.users_view import AddUserDialog

    dialog = AddUserDialog(ctx)
    dialog.accept()  # the password rule said under the form: the tallest it gets
    return dialog


def _user_roles(ctx: AppContext, _tmp: Path) -> QWidget:
    from desktop.gui.views.users_view import RolesDialog
    from desktop.services.users import UserInfo

    return RolesDialog(ctx, UserInfo("u", "somchai", "", (), None, False, None))


def _own_password(ctx: AppContext, _tmp: Path) -> QWidget:
    from desktop.gui.views.users_view import OwnPasswordDialog

    dialog = OwnPasswordDialog(ctx, "somchai")
    dialog.accept()  # the password rule said under the form
    return dialog


def _recovery_reset(_ctx: AppContext, _tmp: Path) -> QWidget:
    from desktop.gui.views.recovery_reset_dialog import RecoveryResetDialog

    dialog = RecoveryResetDialog(lambda _k, _n, _p: None, name="admin")
    dialog.key_edit.setText("12345-ABCDE")
    dialog.accept()  # the key's problem on the error line: the tallest it gets
    return dialog


def _exchange_export(ctx: AppContext, _tmp: Path) -> QWidget:
    from desktop.gui.views.exchange_export import ExportDialog

    return ExportDialog(ctx)  # no province enrolled here: its message on the error line


def _transfer_receive(ctx: AppContext, tmp: Path) -> QWidget:
    """A transfer file's preview at the receiving office: six cases, three matched by name
    and birth date with long addresses (the widest the table gets)."""
    from desktop.gui.views.transfer_receive import TransferReceiveDialog
    from desktop.services.case_transfer_preview import Candidate, PreviewCase, TransferPreview

    address = "123/45 หมู่ 12 บ้านหนองตะเคียนทองพัฒนา ต.หนองตะเคียน อ.เฉลิมพระเกียรติ จ.นครราชสีมา 30230"
    cases = []
    for n in range(1, 7):
        match = ("name_birth", "national_id", "new", "name_birth", "already", "name_birth")[n - 1]
        born = date(2012, 3, n)
        name = f"เด็กหญิงกัลยาณีรัตน์ ศรีสุวรรณวงศ์ชัยพร{n}"
        candidates = tuple(Candidate(f"0000000{n}-0000-7000-8000-00000000000{k}", name, born, "", address)
                           for k in range(1 + (n == 1))) if match in ("name_birth", "national_id") else ()
        cases.append(PreviewCase(n, f"0000000{n}-0000-7000-8000-000000000000", f"c{n}", name, born, "",
                                 "6300101", "องค์การบริหารส่วนตำบลหนองตะเคียนทองพัฒนา", date(2026, 11, 20), match,
                                 candidates, 7 if match == "already" else None))
    return TransferReceiveDialog(ctx, tmp / "x.samoe-transfer", TransferPreview("b", tuple(cases)), None)


def _exchange_import(ctx: AppContext, tmp: Path) -> QWidget:
    from desktop.gui.views.exchange_import import BundleImportDialog

    dialog = BundleImportDialog(ctx)
    dialog.file_edit.setText(str(tmp / "ส่งจังหวัด-6300101-ชุดที่1.samoe"))
    dialog.verify()  # not found: the error line shown
    return dialog


def _province_bundles(ctx: AppContext, _tmp: Path) -> QWidget:
    from desktop.gui.views.province_municipalities import ProvinceBundlesDialog

    return ProvinceBundlesDialog(ctx, "6300101", "องค์การบริหารส่วนตำบลชื่อยาวมากเป็นพิเศษเพื่อทดสอบ")


def _province_transfers(ctx: AppContext, _tmp: Path) -> QWidget:
    """Twelve transfers to a municipality with a long name, half already written into a file
    with a long name."""
    from datetime import date, datetime

    from desktop.gui.views.province_transfers import ProvinceTransfersDialog
    from desktop.services.case_transfer import PendingTransfer

    rows = [PendingTransfer(f"t{i}", "6300101", "x", "6300202", "องค์การบริหารส่วนตำบลโนนสูงชื่อยาวมากเป็นพิเศษ",
                            f"c{i}", f"เด็กชายธนากรณ์{i} ย้ายถิ่นฐานไปไกลมาก", date(2026, 11, i + 1),
                            datetime(2026, 11, 30, 3, i) if i % 2 else None, "officer" if i % 2 else None,
                            "ส่งต่อกรณี-6300101-ครั้งที่สองของเดือนพฤศจิกายน.samoe-transfer" if i % 2 else None)
            for i in range(12)]
    return ProvinceTransfersDialog(ctx, "6300101", "องค์การบริหารส่วนตำบลชื่อยาวมากเป็นพิเศษเพื่อทดสอบ", rows=rows)


def _province_municipalities(ctx: AppContext, _tmp: Path) -> QWidget:
    from desktop.gui.views.province_municipalities import ProvinceMunicipalitiesView

    return ProvinceMunicipalitiesView(ctx)  # a page: its smallest fits beside the menu


def _province_reconcile(ctx: AppContext, _tmp: Path) -> QWidget:
    from desktop.gui.views.province_reconcile import ProvinceReconcileView

    return ProvinceReconcileView(ctx)


def _screening_child(ctx: AppContext) -> str:
    from sqlalchemy import select

    from desktop.store.models import AcademicYear, Child, Enrollment

    with ctx.db.reader() as s:
        return str(s.scalars(select(Child.uuid).join(Enrollment, Enrollment.child_id == Child.id)
                             .join(AcademicYear, AcademicYear.id == Enrollment.academic_year_id)
                             .where(AcademicYear.year_be == 2569).order_by(Child.id).limit(1)).one())


def _screening_form(ctx: AppContext, _tmp: Path) -> QWidget:
    from desktop.gui.views.screening_form import open_screening_form

    dialog = open_screening_form(ctx, None, child_uuid=_screening_child(ctx), term=(2569, 1))
    assert dialog is not None
    dialog.submit()  # every problem said beside its field: the tallest it gets
    return dialog


def _screening_picker(ctx: AppContext, _tmp: Path) -> QWidget:
    from desktop.gui.views.screening_picker import ScreeningChildPicker

    return ScreeningChildPicker(ctx)


def _screening_certify(_ctx: AppContext, _tmp: Path) -> QWidget:
    from desktop.domain.errors import Problem
    from desktop.gui.views.screening_certify import CertifyDialog

    dialog = CertifyDialog("เด็กหญิงทดสอบ ชื่อยาวมากเป็นพิเศษ นามสกุลยาวมากเป็นพิเศษ", "")
    dialog.show_problems([Problem("name", "โปรดกรอกชื่อผู้รับรอง"), Problem("position", "โปรดกรอกตำแหน่งผู้รับรอง")])
    return dialog


def _screenings(ctx: AppContext, _tmp: Path) -> QWidget:
    from desktop.gui.views.screenings_view import ScreeningsView

    return ScreeningsView(ctx)  # a page: its smallest fits beside the menu


def _rulepacks(ctx: AppContext, _tmp: Path) -> QWidget:
    from desktop.gui.views.rulepack_dialog import RulePackDialog
    from desktop.services.screening_rescore import ChangeRow

    dialog = RulePackDialog(ctx)
    rows = [ChangeRow(f"u{n}", f"เด็กหญิงชื่อยาวมากเป็นพิเศษ {n} นามสกุลยาวมากเป็นพิเศษ", "โรงเรียนเทศบาล 1 (บ้านโนนสูง)",
                      "ป.4", "1/2569", "ยากจน", "ยากจนพิเศษ", "extreme") for n in range(40)]
    dialog._show_changes("samoe-illustrative v2", rows)  # the re-score offer: its tallest
    return dialog


def _grant_round_info(ctx: AppContext) -> object:
    """A grant round of term 1/2569 (made once per database) and its RoundInfo."""
    from desktop.domain.grants import Programme
    from desktop.services.grants import RoundValues, create_round, rounds

    with ctx.db.session() as s:
        if not rounds(s):
            create_round(s, RoundValues(Programme.EEF, "ทุนเสมอภาค ภาคเรียน 1/2569 รอบที่มีชื่อยาวพอสมควร", 2569, 1))
        return rounds(s)[0]


def _grant_rounds(ctx: AppContext, _tmp: Path) -> QWidget:
    from desktop.gui.views.grant_rounds_view import GrantRoundsView

    _grant_round_info(ctx)
    return GrantRoundsView(ctx)  # a page: its smallest fits beside the menu


def _grant_round_new(ctx: AppContext, _tmp: Path) -> QWidget:
    from desktop.domain.errors import Problem
    from desktop.gui.views.grant_round_new import NewRoundDialog

    dialog = NewRoundDialog(ctx)
    dialog.show_problems([Problem(f, "โปรดแก้ข้อมูลในช่องนี้ให้ถูกต้องก่อนสร้างรอบทุน ข้อความยาวพอที่จะขึ้นบรรทัดใหม่")
                          for f in ("name", "term", "levels", "attendance_percent", "amounts")])
    return dialog


def _grant_round(ctx: AppContext, _tmp: Path) -> QWidget:
    from desktop.gui.views.grant_round_window import GrantRoundWindow

    window = GrantRoundWindow(ctx, _grant_round_info(ctx))  # type: ignore[arg-type]
    ctx.tasks.wait(20_000)
    QApplication.processEvents()
    window.tabs.setCurrentWidget(window.attendance_tab)  # the tallest tab
    return window


def _grant_payment(ctx: AppContext, _tmp: Path) -> QWidget:
    from desktop.domain.errors import Problem
    from desktop.domain.grants import Outcome
    from desktop.gui.views.grant_payment_dialog import PaymentDialog
    from desktop.services.grants import EligibilityRow

    rows = [EligibilityRow(f"u{n}", f"เด็กหญิงทดสอบ ชื่อยาวมาก{n} นามสกุลยาวมากเป็นพิเศษ", "โรงเรียนเทศบาล 1", "p1", "poor",
                           Outcome.ELIGIBLE, 3000, "", 0) for n in range(12)]
    dialog = PaymentDialog(ctx, 1, rows)
    dialog.show_problems([Problem(f, "โปรดแก้ช่องนี้ ข้อความยาวพอที่จะขึ้นบรรทัดใหม่ในหน้าต่างเล็ก")
                          for f in ("amount", "paid_on", "reference", "child")])
    return dialog


def _grant_return(ctx: AppContext, _tmp: Path) -> QWidget:
    from desktop.gui.views.grant_payment_dialog import PaymentReturnDialog

    return PaymentReturnDialog(ctx, "x", "เด็กหญิงทดสอบ ชื่อยาวมาก · 3,000 บาท · จ่ายวันที่ 15 ธ.ค. 2569 (เงินสดให้ผู้ปกครอง)")


def _grant_import_problems(_ctx: AppContext, _tmp: Path) -> QWidget:
    from desktop.gui.views.grant_attendance_tab import ImportProblemsDialog

    return ImportProblemsDialog([f"แถว {n}: ไม่พบเด็ก 1111111111111 ที่ลงทะเบียนเรียนในปีการศึกษา 2569" for n in range(2, 90)])


def _centre_rates(ctx: AppContext, _tmp: Path) -> QWidget:
    from desktop.gui.views.centre_rates import RatesDialog

    dialog = RatesDialog(ctx)
    dialog.baht_edit.setText("x")
    dialog.save()  # its message shown: the tallest it gets
    return dialog


def _centre_page(ctx: AppContext, _tmp: Path) -> QWidget:
    """The main window on the centre page (issue 12): rooms, register, placements, printouts."""
    from desktop.gui.main_window import MainWindow

    window = MainWindow(ctx)
    window.show_page("centre-attendance")
    return window


def _growth_page(ctx: AppContext, _tmp: Path) -> QWidget:
    """The main window on the growth and DSPM lists (issue 12)."""
    from desktop.gui.main_window import MainWindow

    window = MainWindow(ctx)
    window.show_page("centre-growth")
    return window


def _measured_child(ctx: AppContext) -> str:
    """A demo child with measurements and a DSPM check (the demo fills both)."""
    from sqlalchemy import select

    from desktop.store.growth_state import DspmCheck, GrowthMeasurement
    from desktop.store.models import Child

    with ctx.db.reader() as s:
        found = s.scalars(select(Child.uuid).join(GrowthMeasurement, GrowthMeasurement.child_id == Child.id)
                          .join(DspmCheck, DspmCheck.child_id == Child.id).order_by(Child.id).limit(1)).first()
    if found is not None:
        return str(found)
    from desktop.domain.dspm import manual
    from desktop.services.dspm import record_check
    from desktop.services.growth import add_measurement
    from desktop.store.models import Enrollment, Institution

    with ctx.db.session() as s:  # a demo centre's child, born 1/1/2565 here
        child = s.scalars(select(Child).join(Enrollment, Enrollment.child_id == Child.id)
                          .join(Institution, Institution.id == Enrollment.institution_id)
                          .where(Institution.kind == "cdc").order_by(Child.id).limit(1)).one()
        child.birth_date, uuid = date(2022, 1, 1), child.uuid
    with ctx.db.session() as s:
        for day, kg, cm in ((date(2025, 6, 1), 13.0, 95.0), (date(2025, 11, 1), 14.0, 98.0), (date(2026, 6, 1), 15.2, 103.0)):
            add_measurement(s, uuid, day, weight_kg=kg, height_cm=cm)
        record_check(s, uuid, 42, date(2025, 8, 1), {i.no: i.no != 91 for i in manual().band(42).items}, refer_now=True)
    return uuid


def _child_development(ctx: AppContext, _tmp: Path) -> QWidget:
    from desktop.gui.views.growth_child import ChildDevelopmentDialog

    dialog = ChildDevelopmentDialog(ctx, _measured_child(ctx))
    dialog.tabs.setCurrentIndex(2)  # the DSPM tab: two rows of buttons, the tallest
    return dialog


def _measurement(ctx: AppContext, _tmp: Path) -> QWidget:
    from desktop.domain.people import Sex
    from desktop.gui.views.growth_measure import MeasurementDialog

    dialog = MeasurementDialog(ctx, _measured_child(ctx), "เด็กหญิงทดสอบ ชื่อยาวมาก นามสกุลยาวมากเป็นพิเศษ", Sex.FEMALE,
                               date(2022, 1, 1))
    dialog.weight_edit.setText("45")
    dialog.height_edit.setText("80")  # refused: the longest message it shows
    return dialog


def _dspm_check(ctx: AppContext, _tmp: Path) -> QWidget:
    from desktop.gui.views.dspm_check import DspmCheckDialog

    return DspmCheckDialog(ctx, _measured_child(ctx), "เด็กหญิงทดสอบ ชื่อยาวมาก นามสกุลยาวมากเป็นพิเศษ", date(2021, 6, 1))


def _dspm_refer(ctx: AppContext, _tmp: Path) -> QWidget:
    from desktop.gui.views.dspm_check import ReferDialog
    from desktop.services.dspm import child_checks

    with ctx.db.reader() as s:
        check = child_checks(s, _measured_child(ctx))[0]
    return ReferDialog(ctx, check, None, date.today(), lambda: None)


WINDOWS: dict[str, Callable[[AppContext, Path], QWidget]] = {
    "child-form": _child_form, "child-history": _child_history, "import": _import, "preview": _preview,
    "institution": _institution, "office": _office, "household-picker": _picker,
    "household": _household, "household-merge": _merge, "main-window": _main,
    "login": _login, "first-admin": _first_admin, "lock": _lock,
    "add-user": _add_user, "user-roles": _user_roles, "own-password": _own_password,
    "recovery-reset": _recovery_reset, "exchange-export": _exchange_export, "exchange-import": _exchange_import,
    "transfer-receive": _transfer_receive,
    "province-bundles": _province_bundles, "province-transfers": _province_transfers,
    "province-municipalities": _province_municipalities,
    "province-reconcile": _province_reconcile,
    "screening-form": _screening_form, "screening-picker": _screening_picker,
    "screening-certify": _screening_certify, "screenings": _screenings, "rulepacks": _rulepacks,
    "grant-rounds": _grant_rounds, "grant-round-new": _grant_round_new, "grant-round": _grant_round,
    "grant-payment": _grant_payment, "grant-return": _grant_return, "grant-import-problems": _grant_import_problems,
    "centre-page": _centre_page, "centre-rates": _centre_rates,
    "child-page": _child_page, "cases": _cases, "case-page": _case_page, "case-open": _case_open,
    "case-visit": _case_visit, "case-plan-editor": _case_plan_editor, "case-import": _case_import,
    "growth-page": _growth_page, "child-development": _child_development, "measurement": _measurement,
    "dspm-check": _dspm_check, "dspm-refer": _dspm_refer,
}


@pytest.mark.parametrize("name", list(WINDOWS))
def test_window_fits_the_screen(qtbot, ctx: AppContext, tmp_path: Path, screen_size, name: str) -> None:  # type: ignore[no-untyped-def]
    widget = WINDOWS[name](ctx, tmp_path)
    qtbot.addWidget(widget)
    widget.show()
    assert_fits(widget, screen_size)


def test_child_form_scrolls_its_content(qtbot, ctx: AppContext, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(QScreen, "availableGeometry", lambda _self: QRect(0, 0, 1024, 600))
    dialog = _child_form(ctx, tmp_path)
    qtbot.addWidget(dialog)
    dialog.show()
    QApplication.processEvents()
    scroll = dialog.ui.scrollArea
    assert scroll.widget().isAncestorOf(dialog.ui.guardianTable)
    assert scroll.verticalScrollBar().maximum() > 0  # the form is taller than what is shown
    save = dialog.ui.buttonBox.button(dialog.ui.buttonBox.StandardButton.Save)
    assert dialog.ui.buttonBox.isAncestorOf(save) and not scroll.isAncestorOf(save)


def test_import_steps_fit_a_netbook(qtbot, ctx: AppContext, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(QScreen, "availableGeometry", lambda _self: QRect(0, 0, 1024, 600))
    dialog = _import(ctx, tmp_path)
    qtbot.addWidget(dialog)
    dialog.show()
    for step in range(dialog.ui.stack.count()):
        dialog.ui.stack.setCurrentIndex(step)
        assert dialog.minimumSizeHint().height() <= 570, step
        assert_fits(dialog, (1024, 600))
