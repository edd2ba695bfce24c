"""The poverty screening form (issue 11) typed with the keyboard alone, as a teacher copies a
filled paper form: the members' incomes total live, per-capita income and the class show
as it fills; saved, submitted, certified by another user with the certifier role; an edit
after certification voids it visibly; a teacher of another class cannot open it and a
teacher cannot certify."""

from __future__ import annotations

from typing import Any

from actors import EVERY_ROLE, actor_with
from modals import answer
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton, QWidget
from sqlalchemy import select

from desktop.domain.roles import Role
from desktop.gui.context import AppContext
from desktop.gui.views.screening_form import ScreeningFormDialog, open_screening_form
from desktop.services.access import Actor, Grant, sign_in
from desktop.store.db import Database
from desktop.store.models import AcademicYear, Child, Enrollment
from desktop.store.screening_state import Screening, ScreeningMember, ScreeningPhoto

TERM = (2569, 1)
MEMBERS = (("นางมาลี ใจดี", "แม่", "38", "รับจ้าง", "6000"), ("นายสมชาย ใจดี", "พ่อ", "40", "รับจ้าง", "3000"),
           ("ด.ช.ภูผา ใจดี", "บุตร", "9", "", "0"), ("นางสม ใจดี", "ยาย", "67", "", "0"))


def _child(db: Database) -> tuple[str, int, str, str]:
    """A demo child enrolled in 2569: uuid, institution, level, room."""
    with db.reader() as s:
        row = s.execute(select(Child.uuid, Enrollment.institution_id, Enrollment.level_code, Enrollment.classroom)
                        .join(Enrollment, Enrollment.child_id == Child.id)
                        .join(AcademicYear, AcademicYear.id == Enrollment.academic_year_id)
                        .where(AcademicYear.year_be == 2569, Child.deleted_at.is_(None))
                        .order_by(Child.id).limit(1)).one()
    return str(row[0]), int(row[1]), str(row[2]), str(row[3] or "")


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def type_in(text: str, into: QWidget | None = None) -> None:
    """Type into whatever has the focus (or ``into``), key by key (Thai too, as an input
    method sends it)."""
    for ch in text:
        widget = into or focused()
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))


def key(k: Qt.Key, times: int = 1, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    for _ in range(times):
        QTest.keyClick(focused(), k, modifier)


def _open(qtbot: Any, ctx: AppContext, **where: Any) -> ScreeningFormDialog:
    dialog = open_screening_form(ctx, None, **where)
    assert dialog is not None
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def _fill_with_keys(dialog: ScreeningFormDialog) -> None:
    ui = dialog.ui
    assert focused() is ui.members.rows[0].name
    for name, relation, age, occupation, income in MEMBERS:
        type_in(name)
        key(Qt.Key.Key_Tab)
        type_in(relation)
        key(Qt.Key.Key_Tab)
        type_in(age)
        key(Qt.Key.Key_Tab)
        type_in(occupation)
        key(Qt.Key.Key_Tab)
        type_in(income)
        key(Qt.Key.Key_Tab, 4)  # past disabled, chronic illness, unemployed: Tab adds the next row
    assert len(ui.members.rows) == 5 and focused() is ui.members.rows[4].name
    assert "9,000 บาท/เดือน (4 คน)" in ui.total_label.text()  # the incomes total live
    key(Qt.Key.Key_Tab)  # on the blank row's name: the members are done
    assert focused() is ui.single_parent
    key(Qt.Key.Key_Tab)
    for number in ("2", "2", "1"):  # tenure: rent, housing: worn, land: none (the paper form's numbers)
        type_in(number)
        key(Qt.Key.Key_Tab)
    key(Qt.Key.Key_Tab)  # the land's rai
    for number in ("3", "1"):  # water: well, electricity: own meter
        type_in(number)
        key(Qt.Key.Key_Tab)
    key(Qt.Key.Key_Tab, 3)  # car, pickup, tractor
    key(Qt.Key.Key_Space)  # motorcycle
    key(Qt.Key.Key_Tab, 3)  # air conditioner, computer
    key(Qt.Key.Key_Space)  # fridge
    key(Qt.Key.Key_Tab, 2)  # washing machine
    key(Qt.Key.Key_Space)  # tv
    key(Qt.Key.Key_Tab)
    for text in ("เดิน", "1.5", "20", "14.975", "102.1"):
        type_in(text)
        key(Qt.Key.Key_Tab)


def test_keyboard_fill_save_submit_certify_and_an_edit_voids_it(qtbot, ctx: AppContext) -> None:  # type: ignore[no-untyped-def]
    uuid, institution, level, room = _child(ctx.db)
    dialog = _open(qtbot, ctx, child_uuid=uuid, term=TERM)
    ui = dialog.ui
    assert "ยังคิดผลไม่ได้" in ui.result_label.text()  # an empty form says what is missing
    _fill_with_keys(dialog)
    assert "2,250.00 บาท/คน/เดือน" in ui.result_label.text()
    assert "ยากจน (คะแนน 19)" in ui.result_label.text()
    assert "samoe-illustrative v1" in ui.pack_label.text() and "ตัวอย่าง" in ui.pack_label.text()
    assert ui.choices["tenure"].currentData() == "rent" and ui.owned["vehicles"]["motorcycle"].isChecked()
    key(Qt.Key.Key_S, modifier=Qt.KeyboardModifier.ControlModifier)
    assert "ร่าง" in ui.status_label.text(), ui.message.text()
    with ctx.db.reader() as s:
        screening = s.scalars(select(Screening)).one()
        members = s.scalars(select(ScreeningMember.name).where(ScreeningMember.deleted_at.is_(None))
                            .order_by(ScreeningMember.position)).all()
        assert (screening.level, screening.score, screening.travel_metres, screening.travel_minutes,
                screening.lat_e6, screening.lon_e6, screening.travel_means) == (
            "poor", 19, 1500, 20, 14_975_000, 102_100_000, "เดิน")
        assert members == [m[0] for m in MEMBERS]  # the blank row Tab added is not a member
        screening_id, office_id, screening_uuid = screening.id, screening.origin_office_id, screening.uuid

    ui.submit_button.click()  # no photos yet: said beside the photos, in Thai
    assert ui.errors["photos"].isVisible() and "รูปบ้าน" in ui.errors["photos"].text()
    assert "ส่ง" in ui.message.text() and "ร่าง" in ui.status_label.text()
    with ctx.db.session() as s:  # photos are the next step: two rows straight in the database
        for kind in ("outside", "inside"):
            s.add(ScreeningPhoto(screening_id=screening_id, kind=kind, data=b"jpeg", sha256=kind * 8, width=1,
                                 height=1, origin_office_id=office_id))
    ui.submit_button.click()
    assert "ส่งแล้ว รอรับรอง" in ui.status_label.text(), ui.message.text()
    assert not ui.errors["photos"].isVisible()
    assert ui.certify_button.isVisible()  # the tester holds every role, the certifier's too
    dialog.close()

    # a teacher of this very class opens it and cannot certify
    sign_in(ctx.db, Actor(0, "ครูประจำชั้น", "", (Grant(Role.TEACHER, institution, level, room),)))
    teacher = _open(qtbot, ctx, uuid=screening_uuid)
    assert not teacher.ui.certify_button.isVisible() and not teacher.ui.return_button.isVisible()
    assert teacher.ui.save_button.isVisible()
    teacher.close()

    # the director certifies
    sign_in(ctx.db, actor_with(Role.CERTIFIER, name="director"))
    director = _open(qtbot, ctx, uuid=screening_uuid)
    assert director.ui.certify_button.isVisible() and director.ui.return_button.isVisible()
    assert not director.ui.save_button.isVisible()  # a certifier does not edit the form

    def certify(box: QWidget) -> None:
        box.name_edit.setText("นายใหญ่ ใจกว้าง")  # type: ignore[attr-defined]
        type_in("ผู้อำนวยการ", box.position_edit)  # type: ignore[attr-defined]
        QTest.keyClick(box.position_edit, Qt.Key.Key_Return)  # type: ignore[attr-defined]
        if box.isVisible():  # refused: said in the box; leave it so the test fails, not hangs
            box.reject()  # type: ignore[attr-defined]

    left = answer(certify)
    director.ui.certify_button.click()
    assert not left
    assert "รับรองแล้ว" in director.ui.status_label.text(), director.ui.message.text()
    assert "รับรองโดย นายใหญ่ ใจกว้าง ตำแหน่ง ผู้อำนวยการ" in director.ui.status_label.text()
    assert not director.ui.certify_button.isVisible()
    director.close()

    # an edit after certification voids it, visibly
    sign_in(ctx.db, EVERY_ROLE)
    again = _open(qtbot, ctx, uuid=screening_uuid)
    assert not again.ui.voided_label.isVisible()
    assert "การรับรองจะถูกยกเลิก" in again.ui.status_label.text()  # said before the edit
    again.ui.members.rows[0].income.setFocus(Qt.FocusReason.TabFocusReason)  # as Tab gets there: all selected
    type_in("6500")
    assert "9,500 บาท/เดือน" in again.ui.total_label.text()
    again.ui.save_button.click()
    assert again.ui.voided_label.isVisible() and "ถูกยกเลิก" in again.ui.voided_label.text()
    assert "นายใหญ่ ใจกว้าง" in again.ui.voided_label.text()
    assert "ร่าง" in again.ui.status_label.text() and "ยกเลิก" in again.ui.message.text()


def test_a_teacher_of_another_class_is_told_in_thai(qtbot, ctx: AppContext, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    uuid, institution, level, _room = _child(ctx.db)
    dialog = _open(qtbot, ctx, child_uuid=uuid, term=TERM)
    dialog.ui.members.rows[0].name.setText("ด.ญ.ทดสอบ")
    assert dialog.save()
    screening_uuid = dialog.detail.uuid
    dialog.close()
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a, **k: told.append(text))
    other = "p6" if level != "p6" else "p5"
    sign_in(ctx.db, Actor(0, "ครูชั้นอื่น", "", (Grant(Role.TEACHER, institution, other, ""),)))
    assert open_screening_form(ctx, None, uuid=screening_uuid) is None
    assert open_screening_form(ctx, None, child_uuid=uuid, term=TERM) is None
    assert len(told) == 2 and all("ไม่มีสิทธิ์" in t for t in told), told


def test_a_position_outside_thailand_is_said_beside_the_fields(qtbot, ctx: AppContext) -> None:  # type: ignore[no-untyped-def]
    uuid, *_ = _child(ctx.db)
    dialog = _open(qtbot, ctx, child_uuid=uuid, term=TERM)
    ui = dialog.ui
    ui.lat_edit.setFocus()
    type_in("48.85")
    assert "ลองจิจูด" in ui.errors["position"].text()  # one without the other
    ui.lon_edit.setFocus()
    type_in("2.35")
    assert ui.errors["position"].isVisible() and "นอกประเทศไทย" in ui.errors["position"].text()
    assert not dialog.save()
    with ctx.db.reader() as s:
        assert s.scalars(select(Screening)).first() is None
    ui.lat_edit.setText("14.9750")
    ui.lon_edit.setText("102.1000")
    assert not ui.errors["position"].isVisible()


def test_enter_moves_on_and_a_removed_member_leaves_the_total(qtbot, ctx: AppContext) -> None:  # type: ignore[no-untyped-def]
    count = 2
    uuid, *_ = _child(ctx.db)
    dialog = _open(qtbot, ctx, child_uuid=uuid, term=TERM)
    members = dialog.ui.members
    for n in range(count):
        type_in(f"คนที่{n + 1}")
        key(Qt.Key.Key_Return)  # Enter moves to the next field, as Tab
        assert focused() is members.rows[n].relation
        key(Qt.Key.Key_Tab, 3)
        type_in("1000")
        key(Qt.Key.Key_Return, 4)  # Enter on the row's last field adds a row
    assert len(members.rows) == count + 1
    assert "2,000 บาท/เดือน (2 คน)" in dialog.ui.total_label.text()
    members.rows[0].remove.click()
    assert "1,000 บาท/เดือน (1 คน)" in dialog.ui.total_label.text()
    assert [m.name for m in members.members()] == ["คนที่2"]


def test_a_certifier_returns_it_with_the_reason_and_it_goes_back_in(qtbot, ctx: AppContext) -> None:  # type: ignore[no-untyped-def]
    uuid, *_ = _child(ctx.db)
    dialog = _open(qtbot, ctx, child_uuid=uuid, term=TERM)
    _fill_with_keys(dialog)
    assert focused() is dialog.ui.no_photo_edit  # after the position: the reason for no house photo
    type_in("บ้านอยู่บนเกาะ เข้าไม่ได้ช่วงน้ำหลาก")
    assert dialog.save()
    with ctx.db.session() as s:  # the child at the school sign, instead of the house (photos: next step)
        screening = s.scalars(select(Screening)).one()
        s.add(ScreeningPhoto(screening_id=screening.id, kind="school_sign", data=b"jpeg", sha256="s" * 64,
                             width=1, height=1, origin_office_id=screening.origin_office_id))
    dialog.submit()
    assert "ส่งแล้ว รอรับรอง" in dialog.ui.status_label.text(), dialog.ui.message.text()
    screening_uuid = dialog.detail.uuid
    dialog.close()

    sign_in(ctx.db, actor_with(Role.CERTIFIER, name="director"))
    director = _open(qtbot, ctx, uuid=screening_uuid)
    assert "รูปเด็กกับป้ายโรงเรียน" in director.ui.photo_state.text()

    def send_back(box: QWidget) -> None:
        try:
            type_in("รายได้ของแม่ไม่ตรงกับที่สอบถาม", box.reason_edit)  # type: ignore[attr-defined]
            next(b for b in box.findChildren(QPushButton) if b.text() == "ส่งกลับ").click()
        finally:
            if box.isVisible():
                box.reject()  # type: ignore[attr-defined]

    left = answer(send_back)
    director.ui.return_button.click()
    assert not left
    assert "ส่งกลับให้แก้ไข: รายได้ของแม่ไม่ตรงกับที่สอบถาม" in director.ui.status_label.text()
    assert not director.ui.return_button.isVisible()
    director.close()

    sign_in(ctx.db, EVERY_ROLE)
    teacher = _open(qtbot, ctx, uuid=screening_uuid)
    assert "รายได้ของแม่" in teacher.ui.status_label.text()
    teacher.submit()
    assert "ส่งแล้ว รอรับรอง" in teacher.ui.status_label.text(), teacher.ui.message.text()


def test_enter_on_a_focused_button_presses_it(qtbot, ctx: AppContext) -> None:  # type: ignore[no-untyped-def]
    uuid, *_ = _child(ctx.db)
    dialog = _open(qtbot, ctx, child_uuid=uuid, term=TERM)
    type_in("ด.ญ.ทดสอบ")
    dialog.ui.save_button.setFocus(Qt.FocusReason.TabFocusReason)
    key(Qt.Key.Key_Return)  # on บันทึกร่าง: saves (elsewhere Enter moves on)
    assert dialog.detail.uuid and "ร่าง" in dialog.ui.status_label.text()
