"""The registry's screenshots for packaging/screenshots.py: the child's form with its
errors, its history, the set-up, an institution, households (one, a merge, the picker), the
print preview, the import's steps, the exchange's dialogs (screenshots_exchange.py), the
sign-in screens, the users page and the lock."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QWidget
from screenshots_common import TODAY
from screenshots_exchange import exchange


def dialogs(shots: Any) -> None:
    from desktop.gui.views.child_form import ChildFormDialog
    from desktop.gui.views.household_dialog import HouseholdDialog
    from desktop.gui.views.household_merge import HouseholdMergeDialog
    from desktop.gui.views.household_picker import HouseholdPicker
    from desktop.gui.views.institution_dialog import InstitutionDialog
    from desktop.gui.views.office_dialog import OfficeDialog

    ctx, window = shots.ctx, shots.window
    uuid = window.children_view.model.uuid_at(0)

    def errors(dialog: QWidget) -> None:
        dialog.ui.nationalIdEdit.setText("1-2345-67890-12-0")  # type: ignore[attr-defined]
        dialog.save()  # type: ignore[attr-defined]

    shots.dialog("child-form", lambda: ChildFormDialog(ctx, uuid, window, today=TODAY), errors)
    shots.dialog("child-history", lambda: _child_history(ctx, uuid, window))
    shots.dialog("setup", lambda: OfficeDialog(window))
    shots.dialog("institution", lambda: InstitutionDialog(ctx, None, window))
    households = window.households_view
    window.show_page("households")
    shots.settle()
    first, second = households.model.uuid_at(0), households.model.uuid_at(1)
    window.show_page("children")
    if first and second:
        shots.dialog("household", lambda: HouseholdDialog(ctx, first, window))
        shots.dialog("household-merge", lambda: HouseholdMergeDialog(ctx, first, second, window))
    shots.dialog("household-picker", lambda: HouseholdPicker(ctx, window, house_no="1"))
    preview(shots)
    imports(shots)
    exchange(shots)
    sign_in_screens(shots)


def sign_in_screens(shots: Any) -> None:
    """The login, the set-up's first administrator, and the lock screen (the main
    window masked, the lock dialog over it, drawn into one picture)."""
    from PySide6.QtGui import QPainter

    from desktop.gui.views.first_admin_dialog import FirstAdminDialog
    from desktop.gui.views.lock_screen import ScreenLock
    from desktop.gui.views.login_dialog import LoginDialog

    place = str(shots.tmp / "ทะเบียนเด็ก.db")

    def refused(dialog: QWidget) -> None:
        dialog.password_edit.setText("1234")  # type: ignore[attr-defined]
        dialog.message.setText("ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง")  # type: ignore[attr-defined]
        dialog.message.show()  # type: ignore[attr-defined]

    from desktop.gui.views.recovery_reset_dialog import RecoveryReset, RecoveryResetDialog

    shots.dialog("login", lambda: LoginDialog(lambda _n, _p: None, place=place,
                                             office="เทศบาลตำบลบ้านใหม่", name="somjai",
                                             recovery=RecoveryReset(lambda _k, _n, _p: None)), refused)

    def mistyped(dialog: QWidget) -> None:
        dialog.key_edit.setText("7K2QD-XW9PM-3HT4V-BCN8R-0J5FA")  # type: ignore[attr-defined]
        dialog.password_edit.setText("รหัสผ่านใหม่ยาวพอ")  # type: ignore[attr-defined]
        dialog.again_edit.setText("รหัสผ่านใหม่ยาวพอ")  # type: ignore[attr-defined]
        dialog.accept()  # type: ignore[attr-defined]

    shots.dialog("recovery-reset", lambda: RecoveryResetDialog(lambda _k, _n, _p: None, name="somjai",
                                                               parent=shots.window), mistyped)

    def mismatch(dialog: QWidget) -> None:
        dialog.full_name_edit.setText("นางสาวสมใจ ใจดี")  # type: ignore[attr-defined]
        dialog.password_edit.setText("รหัสผ่านยาวพอ")  # type: ignore[attr-defined]
        dialog.again_edit.setText("รหัสผ่านยาว")  # type: ignore[attr-defined]
        dialog.accept()  # type: ignore[attr-defined]

    shots.dialog("first-admin", lambda: FirstAdminDialog(shots.window), mismatch)
    from desktop.gui.views.users_view import AddUserDialog

    window = shots.window
    from desktop.gui.session_menu import SessionControls

    if window.findChild(SessionControls, "sessionControls") is None:
        SessionControls(window, shots.ctx.db.actor)  # the users page, as the shell adds it
    window.show_page("users")
    shots.save(window, "users")

    def filled(dialog: QWidget) -> None:
        dialog.name_edit.setText("somchai")  # type: ignore[attr-defined]
        dialog.full_name_edit.setText("นายสมชาย ใจดี")  # type: ignore[attr-defined]

    shots.dialog("add-user", lambda: AddUserDialog(shots.ctx, window), filled)
    window.show_page("children")
    shots.settle()

    lock = ScreenLock(lambda _n, _p: None, recovery=RecoveryReset(lambda *_: None))
    lock.lock(window, "somjai", 1)
    shots.settle()
    dialog = lock.dialog
    assert dialog is not None
    picture = window.grab()
    painter = QPainter(picture)
    at = window.mapFromGlobal(dialog.frameGeometry().topLeft())
    x = max(0, min(at.x(), picture.width() - dialog.width()))
    y = max(0, min(at.y(), picture.height() - dialog.height()))
    painter.drawPixmap(x, y, dialog.grab())
    painter.end()
    picture.save(str(shots.out / f"screenshot-lock{shots.suffix}.png"))
    lock.unmask()
    lock.close()


def preview(shots: Any) -> None:
    from desktop.gui.views.pdf_preview import PdfPreview
    from desktop.services.children_query import ChildFilter
    from desktop.services.institutions import institution_choices
    from desktop.services.reports import children_list_pdf

    with shots.ctx.db.reader() as session:
        first = institution_choices(session)[0]
        pdf = shots.tmp / "list.pdf"
        if not pdf.exists():
            children_list_pdf(session, pdf, ChildFilter(institution_id=first.id, year_be=2569))
    shots.dialog("print-preview", lambda: PdfPreview(shots.ctx, pdf, "รายชื่อเด็ก", "รายชื่อเด็ก.pdf", shots.window),
                lambda p: p.show_page(0))  # type: ignore[attr-defined]


def imports(shots: Any) -> None:
    from desktop.gui.views.import_dialog import ImportDialog

    dialog = ImportDialog(shots.ctx, shots.window)
    dialog.show()
    shots.save(dialog, "import-file")
    dialog.open_file(_import_file(shots.tmp / "นำเข้า ศพด.xlsx"))
    shots.settle()
    dialog.next()
    shots.save(dialog, "import-mapping")
    dialog.next()
    shots.save(dialog, "import-preview")
    dialog.reject()


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


def last_import(db, tmp: Path) -> None:  # type: ignore[no-untyped-def]
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
