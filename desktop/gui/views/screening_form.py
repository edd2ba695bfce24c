"""แบบคัดกรองความยากจน (นร./กสศ.01): one child's screening for one term, in the paper
form's order so a teacher copies a filled paper form with the keyboard alone.

The dialog moves values between widgets and ``ScreeningValues``; the rules are the
domain's (domain/screening.py scores, with the office's active rule pack, as the form
fills) and the workflow the services' (services/screenings.py: save, submit, certify,
return). Problems come back as (field, Thai message) and show beside their fields.
Photos are attached by a button of each kind (screening_photos_row.py): the form is saved
first, then the file goes to services/screening_photos.add_photo.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QMessageBox,
    QWidget,
)

from desktop.domain.errors import Problem, ValidationFailed
from desktop.domain.screening import LEVEL_LABELS, classify
from desktop.domain.screening_form import Answers, dependants, in_thailand
from desktop.gui.context import AppContext
from desktop.gui.views.screening_certify import CertifyDialog, ReturnDialog
from desktop.gui.views.screening_layout import ScreeningLayout
from desktop.gui.widgets.screen import fit_to_screen
from desktop.i18n import _
from desktop.services.access import NotPermitted, current_actor
from desktop.services.screening_detail import ScreeningDetail, open_screening, screening_of_child
from desktop.services.screenings import (
    ScreeningError,
    ScreeningValues,
    certify_screening,
    return_screening,
    save_screening,
    status_label,
    submit_screening,
)

OK_STYLE = "color: #2f5d3a;"
WARN_STYLE = "color: #b00020;"
VOIDED_STYLE = "QLabel { background: #fff0c2; color: #7a3b00; border: 1px solid #d08a00; padding: 4px; font-weight: bold; }"


def decimal_e6(text: str) -> int | None:
    """Degrees typed ("14.975", "14,975") as micro-degrees; None when not a number."""
    value = text.strip().replace(",", ".")
    if not value:
        return None
    try:
        return int((Decimal(value) * 1_000_000).quantize(Decimal(1), rounding=ROUND_HALF_UP))
    except InvalidOperation:
        return None


def e6_text(value: int | None) -> str:
    return "" if value is None else f"{Decimal(value) / 1_000_000:f}".rstrip("0").rstrip(".")


def open_screening_form(ctx: AppContext, parent: QWidget | None, *, uuid: str | None = None,
                        child_uuid: str = "", term: tuple[int, int] | None = None) -> ScreeningFormDialog | None:
    """The form of screening ``uuid`` (or the child's of ``term``, blank when none), or a
    Thai message and None when the user may not open it."""
    try:
        with ctx.db.reader() as session:
            if uuid:
                detail = open_screening(session, uuid)
            else:
                assert term is not None
                detail = screening_of_child(session, child_uuid, term[0], term[1])
    except (NotPermitted, ScreeningError) as exc:
        QMessageBox.warning(parent, "Samoe", exc.message)
        return None
    except ValidationFailed as exc:
        QMessageBox.warning(parent, "Samoe", "\n".join(p.message for p in exc.problems))
        return None
    return ScreeningFormDialog(ctx, detail, parent)


class ScreeningFormDialog(QDialog):
    saved = Signal(str)  # the screening's uuid, after any step that changed it
    status_message = Signal(str, object)

    def __init__(self, ctx: AppContext, detail: ScreeningDetail, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.detail = detail
        from desktop.services.rulepacks import active_pack

        with ctx.db.reader() as session:  # opening writes nothing (a read-only database opens too)
            self.pack = active_pack(session, install=False)
            actor = current_actor(session)
        self.full_name = (actor.full_name or actor.name) if actor is not None else ""
        self.ui = ScreeningLayout(self)
        from desktop.gui.documents import Documents

        self.documents = Documents(ctx, self, self.status_message.emit)
        self.documents.ask_options = False  # the form's own layout: portrait, its three signatures
        self._wire()
        self._show_detail(detail)
        self._pristine = self.collect()
        self.load_thumbnails()
        self.resize(1180, 860)
        fit_to_screen(self)
        first = self.ui.members.rows[0].name if self.ui.members.rows else None
        if first is not None and detail.may_record:
            first.setFocus()

    # ---- set-up
    def _wire(self) -> None:
        ui = self.ui
        ui.members.changed.connect(self.update_result)
        ui.members.rows_changed.connect(ui.tab_order)
        ui.members.left.connect(lambda: self._focus(ui.single_parent))
        for combo in ui.choices.values():
            combo.currentIndexChanged.connect(lambda _i: self.update_result())
        for boxes in ui.owned.values():
            for box in boxes.values():
                box.toggled.connect(lambda _b: self.update_result())
        ui.single_parent.toggled.connect(lambda _b: self.update_result())
        ui.land_rai.valueChanged.connect(lambda _v: self.update_result())
        ui.lat_edit.textChanged.connect(lambda _t: self.check_position())
        ui.lon_edit.textChanged.connect(lambda _t: self.check_position())
        ui.add_member_button.clicked.connect(self._add_member)
        ui.save_button.clicked.connect(self.save)
        ui.submit_button.clicked.connect(self.submit)
        ui.certify_button.clicked.connect(self.certify)
        ui.return_button.clicked.connect(self.send_back)
        ui.close_button.clicked.connect(self.cancel)
        ui.photo_buttons.chosen.connect(self.attach_photo)
        ui.print_button.clicked.connect(self.print_form)
        QShortcut(QKeySequence.StandardKey.Save, self, lambda: self.save())

    def _focus(self, widget: QWidget) -> None:
        widget.setFocus(Qt.FocusReason.TabFocusReason)
        self.ui.scroll.ensureWidgetVisible(widget)

    def _add_member(self) -> None:
        row = self.ui.members.add_row()
        if row is not None:
            row.name.setFocus()

    # ---- keys: Enter moves on (as in a spreadsheet), Esc asks before edits are lost
    def keyPressEvent(self, event: QKeyEvent) -> None:
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if enter and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            self.focusNextChild()
            focused = self.focusWidget()
            if focused is not None and self.ui.scroll.isAncestorOf(focused):
                self.ui.scroll.ensureWidgetVisible(focused)
            event.accept()
            return
        if event.key() == Qt.Key.Key_Escape and not event.modifiers():
            event.accept()
            self.cancel()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        if event.spontaneous() and not self._may_discard():
            event.ignore()
            return
        super().closeEvent(event)

    def has_edits(self) -> bool:
        return self.collect() != self._pristine

    def cancel(self) -> None:
        if self._may_discard():
            self.reject()

    def _may_discard(self) -> bool:
        if self.isVisible() and self.detail.may_record and self.has_edits():
            answer = QMessageBox.question(
                self, self.tr("ยกเลิกการแก้ไข"),
                self.tr("ข้อมูลที่กรอกหรือแก้ไขไว้ยังไม่ได้บันทึก ต้องการทิ้งการแก้ไขนี้หรือไม่?"),
                QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel)
            return answer == QMessageBox.StandardButton.Discard
        return True

    # ---- detail <-> widgets
    def _show_detail(self, d: ScreeningDetail) -> None:
        ui = self.ui
        self.setWindowTitle(self.tr("แบบคัดกรองความยากจน: %1").replace("%1", d.child_name))
        ui.header.setText(" · ".join(p for p in (d.child_name, d.class_text,
                                                 self.tr("ภาคเรียน %1").replace("%1", f"{d.term}/{d.year_be}")) if p))
        v = d.values
        if v is not None:
            ui.members.set_members(v.members)
            a = v.answers
            for name, combo in ui.choices.items():
                combo.setCurrentIndex(combo.findData(getattr(a, name)))
            ui.single_parent.setChecked(a.single_parent)
            ui.land_rai.setValue(a.land_rai)
            for name, boxes in ui.owned.items():
                for code, box in boxes.items():
                    box.setChecked(code in getattr(a, name))
            ui.means_combo.setCurrentText(v.travel_means)
            ui.km_edit.setText("" if v.travel_metres is None else f"{Decimal(v.travel_metres) / 1000:f}".rstrip("0").rstrip("."))
            ui.minutes_edit.setText("" if v.travel_minutes is None else str(v.travel_minutes))
            ui.lat_edit.setText(e6_text(v.lat_e6))
            ui.lon_edit.setText(e6_text(v.lon_e6))
            ui.no_photo_edit.setText(v.no_photo_reason)
            ui.note_edit.setPlainText(v.note)
        else:
            ui.members.set_members([])
        self._show_state(d)
        self.update_result()
        self.check_position()

    def _show_state(self, d: ScreeningDetail) -> None:
        """The status line, the certification (or its voiding), and the buttons this user
        has at this step."""
        ui = self.ui
        lines = [self.tr("สถานะ: %1").replace("%1", status_label(d.status) if d.status else self.tr("ยังไม่ได้บันทึก"))]
        if d.certification is not None:
            c = d.certification
            lines.append(self.tr("รับรองโดย %1 ตำแหน่ง %2 เมื่อ %3").replace("%1", c.name).replace("%2", c.position)
                         .replace("%3", _format_date(c.on)))
        if d.status == "certified" and d.may_record:
            lines.append(self.tr("แก้ไขข้อมูลในแบบนี้แล้วบันทึก การรับรองจะถูกยกเลิกและต้องส่งให้รับรองใหม่"))
        if d.status == "returned" and d.returned_reason:
            lines.append(self.tr("ส่งกลับให้แก้ไข: %1").replace("%1", d.returned_reason))
        ui.status_label.setText("\n".join(lines))
        voided = d.voided if d.certification is None else None
        if voided is not None:
            ui.voided_label.setText(self.tr(
                "การรับรองของ %1 (%2) ถูกยกเลิกแล้ว เพราะมีการแก้ไขข้อมูลหลังรับรอง: %3 "
                "ต้องส่งให้รับรองใหม่").replace("%1", voided.name).replace("%2", _format_date(voided.on))
                .replace("%3", voided.void_reason))
        ui.voided_label.setVisible(voided is not None)
        ui.photo_state.setText(self._photo_words(d.photo_kinds))
        ui.content.setEnabled(d.may_record)
        ui.save_button.setVisible(d.may_record)
        ui.submit_button.setVisible(d.may_record)
        ui.submit_button.setEnabled(d.status in ("", "draft", "returned"))
        ui.print_button.setEnabled(bool(d.uuid))  # the form as saved
        ui.certify_button.setVisible(d.may_certify and d.status == "submitted")
        ui.return_button.setVisible(d.may_certify and d.status == "submitted")
        if not d.may_record:
            self.say(self.tr("เปิดดูเพื่อรับรองหรือส่งกลับ ผู้รับรองแก้ไขข้อมูลในแบบนี้ไม่ได้"), OK_STYLE)

    def _photo_words(self, kinds: frozenset[str]) -> str:
        names = {"outside": self.tr("รูปบ้านภายนอก"), "inside": self.tr("รูปบ้านภายใน"),
                 "school_sign": self.tr("รูปเด็กกับป้ายโรงเรียน")}
        have = [names[k] for k in ("outside", "inside", "school_sign") if k in kinds]
        return self.tr("รูปที่มีแล้ว: %1").replace("%1", ", ".join(have)) if have else self.tr("ยังไม่มีรูปถ่าย")

    def collect(self) -> ScreeningValues:
        ui, d = self.ui, self.detail
        choice = {name: str(combo.currentData() or "") for name, combo in ui.choices.items()}
        owned = {name: frozenset(c for c, box in boxes.items() if box.isChecked()) for name, boxes in ui.owned.items()}
        answers = Answers(tenure=choice["tenure"], housing=choice["housing"], land=choice["land"],
                          water=choice["water"], electricity=choice["electricity"],
                          single_parent=ui.single_parent.isChecked(), land_rai=ui.land_rai.value(),
                          vehicles=owned["vehicles"], appliances=owned["appliances"])
        km = ui.km_edit.text().strip().replace(",", ".")
        metres: int | None
        try:
            metres = int((Decimal(km) * 1000).quantize(Decimal(1), rounding=ROUND_HALF_UP)) if km else None
        except InvalidOperation:
            metres = None
        minutes = ui.minutes_edit.text().strip()
        return ScreeningValues(
            child_uuid=d.child_uuid, year_be=d.year_be, term=d.term, answers=answers, members=ui.members.members(),
            travel_means=ui.means_combo.currentText().strip(), travel_metres=metres,
            travel_minutes=int(minutes) if minutes.isdigit() else None,
            lat_e6=decimal_e6(ui.lat_edit.text()), lon_e6=decimal_e6(ui.lon_edit.text()),
            no_photo_reason=ui.no_photo_edit.text().strip(), note=ui.note_edit.toPlainText().strip())

    # ---- live: the incomes' total, per capita and the class as the form fills
    def update_result(self) -> None:
        ui = self.ui
        values = self.collect()
        members = values.members
        total = sum(m.monthly_income for m in members)
        ui.total_label.setText(self.tr("รายได้รวมของสมาชิก %1 บาท/เดือน (%2 คน)").replace(
            "%1", f"{total:,}").replace("%2", str(len(members))))
        counted = dependants(members, values.answers.single_parent)
        ui.dependants_label.setText(self.tr("นับจากรายชื่อสมาชิก: พิการ %1 คน · อายุเกิน 60 ปี %2 คน · "
                                            "อายุ 15-65 ปีที่ว่างงาน %3 คน").replace(
            "%1", str(counted["disabled"])).replace("%2", str(counted["elderly"])).replace(
            "%3", str(counted["unemployed"])))
        pack = self.tr("เกณฑ์ %1").replace("%1", self.pack.label)
        if self.pack.illustrative:
            pack += " " + self.tr("(ชุดตัวอย่างเพื่อทดลองใช้ ไม่ใช่เกณฑ์จริงของ กสศ.)")
        try:
            result = classify(members, values.answers, self.pack)
        except ValidationFailed as exc:
            per_capita = (self.tr("เฉลี่ย %1 บาท/คน/เดือน").replace("%1", f"{total / len(members):,.2f}")
                          if members else self.tr("ยังไม่มีสมาชิก"))
            missing = " · ".join(p.message for p in exc.problems[:4])
            more = len(exc.problems) - 4
            if more > 0:
                missing += " " + self.tr("และอีก %1 รายการ").replace("%1", str(more))
            ui.result_label.setStyleSheet("")
            ui.result_label.setText(per_capita + " · " + self.tr("ยังคิดผลไม่ได้:") + " " + missing)
            ui.pack_label.setText(pack)
            return
        level = _(LEVEL_LABELS[result.level])
        ui.result_label.setStyleSheet("font-weight: bold;")
        ui.result_label.setText(
            self.tr("เฉลี่ย %1 บาท/คน/เดือน · ผล: %2 (คะแนน %3)").replace("%1", result.per_capita_baht)
            .replace("%2", level).replace("%3", str(result.score)) + "\n" + result.reason)
        ui.pack_label.setText(pack)

    def check_position(self) -> bool:
        """The house's position: both or neither, numbers, inside Thailand."""
        ui = self.ui
        lat_text, lon_text = ui.lat_edit.text().strip(), ui.lon_edit.text().strip()
        lat, lon = decimal_e6(lat_text), decimal_e6(lon_text)
        message = ""
        if (lat_text and lat is None) or (lon_text and lon is None):
            message = self.tr("พิกัดต้องเป็นตัวเลของศาแบบทศนิยม เช่น 14.9750 และ 102.1000")
        elif (lat is None) != (lon is None):
            message = self.tr("กรอกทั้งละติจูดและลองจิจูด")
        elif lat is not None and lon is not None and not in_thailand(lat, lon):
            message = self.tr("พิกัดนี้อยู่นอกประเทศไทย (ละติจูด 5.6 ถึง 20.5 ลองจิจูด 97.3 ถึง 105.7) "
                              "โปรดตรวจว่าไม่ได้สลับละติจูดกับลองจิจูด")
        ui.set_error("position", message)
        return not message

    # ---- problems beside the fields
    def show_problems(self, problems: list[Problem], heading: str) -> None:
        ui = self.ui
        ui.clear_errors()
        ui.members.clear_marks()
        first: QWidget | None = None
        others: list[str] = []
        member_lines: list[str] = []
        for p in problems:
            head, _dot, rest = p.field.partition(".")
            if head == "members" and rest:
                number, _d, column = rest.partition(".")
                widget = ui.members.mark(int(number), column, p.message) if number.isdigit() else None
                member_lines.append(p.message)
                first = first or widget
                continue
            target = ui.set_error(p.field, p.message)
            if target is None:
                others.append(p.message)
            first = first or target
        if member_lines:
            ui.set_error("members", "\n".join(member_lines))
            first = first or ui.members
        self.say("\n".join([heading, *(f"• {m}" for m in others)]), WARN_STYLE)
        if first is not None:
            ui.scroll.ensureWidgetVisible(first)

    # ---- the steps
    def _after(self, text: str) -> None:
        with self.ctx.db.reader() as session:
            self.detail = open_screening(session, self.detail.uuid)
        self._show_state(self.detail)
        self._pristine = self.collect()
        self.say(text, OK_STYLE)
        self.saved.emit(self.detail.uuid)
        self.status_message.emit(text, None)

    def save(self) -> bool:
        """บันทึกร่าง: the form as it is (a draft may be incomplete); whether it saved."""
        if not self.detail.may_record:
            return False
        if not self.check_position():
            self.show_problems([Problem("position", self.ui.errors["position"].text())],
                               self.tr("ยังบันทึกไม่ได้ โปรดแก้รายการที่ทำเครื่องหมายสีแดง"))
            return False
        values = self.collect()
        try:
            with self.ctx.db.session() as session:
                view = save_screening(session, values)
        except ValidationFailed as exc:
            self.show_problems(list(exc.problems), self.tr("ยังบันทึกไม่ได้ โปรดแก้รายการที่ทำเครื่องหมายสีแดง"))
            return False
        except (NotPermitted, ScreeningError) as exc:
            self._refused(exc.message)
            return False
        self.detail = _with_uuid(self.detail, view.uuid)
        self.ui.clear_errors()
        self.ui.members.clear_marks()
        text = self.tr("บันทึกแบบคัดกรองแล้ว")
        if view.voided:
            text = self.tr("บันทึกแล้ว การรับรองเดิมถูกยกเลิกเพราะข้อมูลเปลี่ยน ต้องส่งให้รับรองใหม่")
        self._after(text)
        return True

    def choose_photo_file(self) -> str:
        """The image file the clerk picks ("" when none); a test replaces it."""
        from desktop.gui.widgets.file_pickers import open_file_name

        path, _filter = open_file_name(
            self, self.tr("เลือกรูปถ่าย"), "", self.tr("รูปภาพ (*.jpg *.jpeg *.png *.heic *.webp);;ทุกไฟล์ (*)"))
        return str(path)

    def attach_photo(self, kind: str) -> None:
        """Save the form (a photo belongs to a saved screening), then attach the file: read,
        shrunk, stripped and hashed on the task runner, the form waiting meanwhile."""
        from pathlib import Path

        from desktop.services.screening_photos import add_photo, thumbnails

        path = self.choose_photo_file()
        if not path:
            return
        if (self.has_edits() or not self.detail.uuid) and not self.save():
            return
        uuid = self.detail.uuid

        def work(progress: object) -> tuple[object, list[object]]:
            data = Path(path).read_bytes()
            with self.ctx.db.session() as session:
                added = add_photo(session, uuid, kind, data)
            with self.ctx.db.reader() as session:
                return added, list(thumbnails(session, uuid))

        self.ui.photo_buttons.setEnabled(False)
        self.ui.set_error("photos", "")
        self.say(self.tr("กำลังย่อรูปและลบข้อมูลแฝงในรูป…"), OK_STYLE)
        self.ctx.tasks.run(work, on_done=self._photo_attached, on_error=self._photo_failed,
                           on_cancel=lambda: self._alive(lambda: self.ui.photo_buttons.setEnabled(True)),
                           label=self.tr("กำลังย่อรูปและลบข้อมูลแฝงในรูป…"), writes=True)

    def _alive(self, then: object) -> None:
        """Run ``then`` unless the dialog is gone (a photo's work ends after it closed)."""
        from shiboken6 import isValid

        if isValid(self) and callable(then):
            then()

    def _photo_attached(self, result: object) -> None:
        def show() -> None:
            assert isinstance(result, tuple)
            added, thumbs = result
            self.ui.photo_buttons.setEnabled(True)
            with self.ctx.db.reader() as session:
                self.detail = open_screening(session, self.detail.uuid)
            self._show_detail(self.detail)
            self._pristine = self.collect()
            self.ui.photo_thumbs.set_thumbnails(thumbs)
            words = [self.tr("แนบรูปแล้ว")]
            if added.position_filled:
                words.append(self.tr("ใส่พิกัดบ้านจากรูปให้แล้ว"))
            if added.voided:
                words.append(self.tr("การรับรองเดิมถูกยกเลิกเพราะรูปเปลี่ยน ต้องส่งให้รับรองใหม่"))
            if added.position_problem:  # a phone set to another country: said beside the photos
                self.ui.set_error("photos", added.position_problem)
                words.append(added.position_problem)
            self.say(" · ".join(words), WARN_STYLE if added.position_problem else OK_STYLE)
            self.saved.emit(self.detail.uuid)

        self._alive(show)

    def _photo_failed(self, exc: BaseException, _tb: str) -> None:
        def show() -> None:
            self.ui.photo_buttons.setEnabled(True)
            if isinstance(exc, OSError):
                text = self.tr("เปิดไฟล์รูปไม่ได้: %1").replace("%1", str(exc.strerror or exc))
            elif isinstance(exc, ValidationFailed):
                text = exc.problems[0].message
            elif isinstance(exc, (NotPermitted, ScreeningError)):
                text = exc.message
            else:
                from desktop.gui.app import fault_text

                text = fault_text(exc, None)
            self.ui.set_error("photos", text)
            self.say(text, WARN_STYLE)

        self._alive(show)

    def load_thumbnails(self) -> None:
        """The saved photos, small (made on the task runner: opening the form never waits)."""
        from desktop.services.screening_photos import thumbnails

        uuid = self.detail.uuid
        if not uuid or not self.detail.photo_kinds:
            self.ui.photo_thumbs.set_thumbnails([])
            return

        def work(_progress: object) -> list[object]:
            with self.ctx.db.reader() as session:
                return list(thumbnails(session, uuid))

        self.ctx.tasks.run(work, quiet=True,
                           on_done=lambda thumbs: self._alive(lambda: self.ui.photo_thumbs.set_thumbnails(thumbs)),
                           on_error=lambda _e, _t: None)  # no thumbnails: the kinds are still named

    def print_form(self) -> None:
        """The form as saved (edits saved first), for signatures, in the preview."""
        from desktop.services.screening_print import screening_pdf

        if self.detail.may_record and self.has_edits() and not self.save():
            return
        uuid, name = self.detail.uuid, self.detail.child_name
        if not uuid:
            return
        self.documents.report(self.tr("แบบคัดกรอง"), "screening-form",
                              lambda session, out, _options, _progress: screening_pdf(session, uuid, out),
                              detail=name, name=self.tr("แบบคัดกรอง-%1").replace("%1", name),
                              subject_uuid=self.detail.child_uuid)

    def submit(self) -> None:
        """ส่ง: save, then hand in for certification (complete forms only)."""
        if (self.has_edits() or not self.detail.uuid) and not self.save():
            return
        try:
            with self.ctx.db.session() as session:
                submit_screening(session, self.detail.uuid)
        except ValidationFailed as exc:
            self.show_problems(list(exc.problems), self.tr("ยังส่งไม่ได้ โปรดกรอกรายการที่ทำเครื่องหมายสีแดงให้ครบ"))
            return
        except (NotPermitted, ScreeningError) as exc:
            self._refused(exc.message)
            return
        self.ui.clear_errors()
        self._after(self.tr("ส่งแบบคัดกรองให้ผู้รับรองแล้ว"))

    def certify(self) -> None:
        dialog = CertifyDialog(self.detail.child_name, self.full_name, self)
        while dialog.exec() == QDialog.DialogCode.Accepted:
            try:
                with self.ctx.db.session() as session:
                    certify_screening(session, self.detail.uuid, name=dialog.name_edit.text(),
                                      position=dialog.position_edit.text())
            except ValidationFailed as exc:
                dialog.show_problems(list(exc.problems))
                continue
            except (NotPermitted, ScreeningError) as exc:
                self._refused(exc.message)
                return
            self._after(self.tr("รับรองข้อมูลการคัดกรองแล้ว"))
            return

    def send_back(self) -> None:
        dialog = ReturnDialog(self.detail.child_name, self)
        while dialog.exec() == QDialog.DialogCode.Accepted:
            try:
                with self.ctx.db.session() as session:
                    return_screening(session, self.detail.uuid, dialog.reason_edit.toPlainText())
            except ValidationFailed as exc:
                dialog.show_problems(list(exc.problems))
                continue
            except (NotPermitted, ScreeningError) as exc:
                self._refused(exc.message)
                return
            self._after(self.tr("ส่งแบบคัดกรองกลับให้ครูแก้ไขแล้ว"))
            return

    def _refused(self, message: str) -> None:
        self.say(message, WARN_STYLE)

    def say(self, text: str, style: str) -> None:
        """The line above the buttons: what happened, or what stops the step."""
        self.ui.message.setStyleSheet(style)
        self.ui.message.setText(text)
        self.ui.message.setVisible(bool(text))


def _format_date(on: object) -> str:
    from datetime import date

    from desktop.domain.dates import format_be

    return format_be(on) if isinstance(on, date) else str(on)


def _with_uuid(detail: ScreeningDetail, uuid: str) -> ScreeningDetail:
    from dataclasses import replace

    return replace(detail, uuid=uuid)

