"""The exchange's files coming in (issue 10; docs/exchange.md):

- at the province, แฟ้ม › รับชุดข้อมูลจาก อปท. (ตรวจและนำเข้า)…: pick a ``.samoe`` file, verify
  it (services/exchange_import.verify_file: every check, cheapest first, nothing
  written) and show the sender, sequence and counts, or the reason code's Thai message;
  import it on the task runner with progress (one transaction: all or nothing); then
  write the signed receipt for the sender (exchange_province.write_receipt_for) where
  the officer chooses;
- at the municipality, แฟ้ม › นำเข้าใบตอบรับจากจังหวัด…: record the province's receipt
  (exchange_outbox.import_receipt) and say what it means for the next export; a transfer
  file from the province (``.samoe-transfer``, told by its first bytes) is opened there too:
  its cases and how each child was found, the clerk's choice for a name match
  (gui/views/transfer_receive.py), then case_transfer_receive.receive_transfer: each
  case's number, child and sending office.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.gui.context import AppContext
from desktop.gui.views.exchange_common import (
    KIND_ORDER,
    ExchangeText,
    PasswordRow,
    ask_for_keys,
    key_problem,
    needs_password,
    open_folder,
)
from desktop.gui.widgets.error_line import error_line
from desktop.gui.widgets.file_pickers import open_file_name, save_file_name
from desktop.gui.widgets.screen import fit_to_screen
from desktop.services.progress import Progress

FOLDER_KEY = "exchange/import_folder"
RECEIPT_KEY = "exchange/receipt_folder"


def _start_folder(ctx: AppContext, key: str) -> str:
    """A removable drive when one is in, else the folder used last time, else home."""
    from desktop.gui.views.exchange_export import qt_volumes
    from desktop.services import drives

    found = drives.removable_drives(qt_volumes())
    if found:
        return str(found[0].root)
    last = str(ctx.settings.value(key, "") or "")
    return last if last and Path(last).is_dir() else str(Path.home())


def _local_time(seconds: int) -> str:
    """A manifest's time (seconds since 1970, UTC) as this machine's clock shows it."""
    from datetime import datetime

    from desktop.domain.dates import format_be_datetime

    return format_be_datetime(datetime.fromtimestamp(seconds))


class BundleImportDialog(QDialog):
    imported = Signal(object)  # ImportResult

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.text = ExchangeText(self)
        self.check: Any = None
        self.result: Any = None
        self.handle: Any = None
        self.receipt: Path | None = None
        self.lines: list[str] = []
        self.setWindowTitle(self.tr("ตรวจและนำเข้าชุดข้อมูลจาก อปท."))
        self.setMinimumWidth(560)
        self.resize(720, 460)
        self._build()
        self._update_buttons()
        fit_to_screen(self)

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget(scroll)
        scroll.setWidget(body)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        intro = QLabel(self.tr(
            "เลือกไฟล์ชุดข้อมูล (.samoe) ที่ อปท. ส่งมา แล้วกด ตรวจไฟล์ โปรแกรมตรวจว่าใครส่ง ไฟล์ครบและไม่ถูกแก้ไข "
            "และต่อจากชุดก่อนหน้า ก่อนนำเข้า การตรวจไม่เปลี่ยนข้อมูลใด"), body)
        intro.setWordWrap(True)
        intro.setStyleSheet("color: #486581;")
        layout.addWidget(intro)
        form = QFormLayout()
        row = QHBoxLayout()
        self.file_edit = QLineEdit(body)
        self.file_edit.setObjectName("fileEdit")
        self.file_edit.textChanged.connect(lambda _t: self._forget())
        row.addWidget(self.file_edit, 1)
        self.browse_button = QPushButton(self.tr("เลือกไฟล์…"), body)
        self.browse_button.setObjectName("browseButton")
        self.browse_button.clicked.connect(lambda _c=False: self.choose_file())
        row.addWidget(self.browse_button)
        label = QLabel(self.tr("ไฟล์ชุดข้อมูล"), body)
        label.setBuddy(self.file_edit)
        form.addRow(label, row)
        self.password = PasswordRow(form, body, needs_password(self.ctx))
        layout.addLayout(form)
        self.summary = QLabel(body)
        self.summary.setObjectName("summaryLabel")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary.hide()
        layout.addWidget(self.summary)
        layout.addStretch(1)
        outer.addWidget(scroll, 1)
        # progress and what went wrong stay in view above the buttons
        self.progress = QProgressBar(self)
        self.progress.setObjectName("progressBar")
        self.progress.hide()
        outer.addWidget(self.progress)
        self.error = error_line(self, "errorLabel")
        self.error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        outer.addWidget(self.error)

        self.buttons = QDialogButtonBox(self)
        role = QDialogButtonBox.ButtonRole
        self.verify_button = self.buttons.addButton(self.tr("ตรวจไฟล์"), role.ActionRole)
        self.verify_button.setObjectName("verifyButton")
        self.import_button = self.buttons.addButton(self.tr("นำเข้า"), role.ActionRole)
        self.import_button.setObjectName("importButton")
        self.receipt_button = self.buttons.addButton(self.tr("เขียนใบตอบรับ…"), role.ActionRole)
        self.receipt_button.setObjectName("receiptButton")
        self.open_button = self.buttons.addButton(self.tr("เปิดโฟลเดอร์"), role.ActionRole)
        self.open_button.setObjectName("openFolderButton")
        self.close_button = self.buttons.addButton(self.tr("ปิด"), role.RejectRole)
        self.close_button.setObjectName("closeButton")
        self.verify_button.clicked.connect(lambda _c=False: self.verify())
        self.import_button.clicked.connect(lambda _c=False: self.start_import())
        self.receipt_button.clicked.connect(lambda _c=False: self.write_receipt())
        self.open_button.clicked.connect(lambda _c=False: open_folder(self.receipt) if self.receipt else None)
        self.close_button.clicked.connect(self.reject)
        outer.addWidget(self.buttons)

    # ---- state
    def path(self) -> Path | None:
        text = self.file_edit.text().strip()
        return Path(text) if text else None

    def _forget(self) -> None:
        if self.handle is None:
            self.check = self.result = None
            self.receipt = None
            self.summary.hide()
            self.error.hide()
            self._update_buttons()

    def _update_buttons(self) -> None:
        busy = self.handle is not None
        done = self.result is not None or (self.check is not None and self.check.already)
        for widget in (self.file_edit, self.browse_button, self.password.edit):
            widget.setEnabled(not busy)
        self.verify_button.setEnabled(not busy and self.path() is not None)
        self.verify_button.setVisible(self.check is None)
        self.import_button.setVisible(self.check is not None and not done)
        self.import_button.setEnabled(not busy)
        self.receipt_button.setVisible(done)
        self.receipt_button.setEnabled(not busy)
        self.open_button.setVisible(self.receipt is not None)
        default = (self.open_button if self.receipt is not None else self.receipt_button if done
                   else self.import_button if self.check is not None else self.verify_button)
        default.setDefault(True)
        self.close_button.setText(self.tr("ยกเลิก") if busy else self.tr("ปิด"))
        self.progress.setVisible(busy)

    def say(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def choose_file(self) -> None:
        current = self.path()
        start = str(current.parent) if current is not None else _start_folder(self.ctx, FOLDER_KEY)
        chosen, _ = open_file_name(self, self.tr("เลือกไฟล์ชุดข้อมูลจาก อปท."), start,
                                   self.tr("ชุดข้อมูล Samoe (*.samoe);;ทุกไฟล์ (*)"))
        if chosen:
            self.file_edit.setText(chosen)
            self.ctx.settings.setValue(FOLDER_KEY, str(Path(chosen).parent))
            self.verify()

    def _input_problem(self) -> str:
        path = self.path()
        if path is None:
            return self.tr("เลือกไฟล์ชุดข้อมูลก่อน")
        if not path.is_file():
            return self.tr("ไม่พบไฟล์ %1 (หรือไม่ใช่ไฟล์ธรรมดา) โปรดตรวจชื่อและที่อยู่ของไฟล์").replace("%1", str(path))
        if self.password.missing():
            return self.tr("ใส่รหัสผ่านของคุณเพื่อเปิดกุญแจของหน่วยงาน (ใช้ถอดรหัสชุดข้อมูล)")
        return ""

    # ---- verify (cheapest checks first, in the service; nothing written)
    def verify(self) -> None:
        from desktop.services.exchange_import import verify_file

        problem = self._input_problem()
        if problem:
            self.say(problem)
            return
        path, password, db = self.path(), self.password.value(), self.ctx.db
        assert path is not None
        self.error.hide()

        def work(_progress: Progress) -> object:
            with db.reader() as session:
                return verify_file(session, path, password=password)

        self._run(work, self._verified, self.tr("กำลังตรวจชุดข้อมูล…"), writes=False)

    def _verified(self, check: Any) -> None:
        self._stopped()
        self.check = check
        m = check.manifest
        lines = [self.tr("ไฟล์ถูกต้อง: ชุดข้อมูลลำดับที่ %1 จาก %2 (%3)").replace("%1", str(m.sequence))
                 .replace("%2", check.sender_name).replace("%3", m.sender_office),
                 self.tr("สร้างเมื่อ %1  รหัสชุด %2").replace("%1", _local_time(m.created)).replace("%2", m.bundle)]
        lines += [f"  {kind}: {n}" for kind, n in self.text.counts(dict(m.counts))]
        if check.already:
            lines.append(self.tr("นำเข้าชุดนี้แล้ว นำเข้าอีกก็ไม่มีอะไรเปลี่ยน ออกใบตอบรับได้"))
        lines += self._superseded(check)
        if check.restored:
            lines.append(self.tr("ผู้ส่งแจ้งว่ากู้คืนฐานข้อมูลจากไฟล์สำรอง") + (
                self.tr(" ชุดนี้ต่อจากลำดับที่ %1 ที่รับไว้").replace("%1", str(check.fork_from))
                if check.fork_from is not None else ""))
        self.lines = lines
        self.summary.setText("\n".join(lines))
        self.summary.show()
        self._update_buttons()

    def _superseded(self, check: Any) -> list[str]:
        """A lost file's line: the sender's missing bundles this one takes the place of."""
        missing = getattr(check, "superseded", range(0))
        if not missing:
            return []
        which = str(missing[0]) if len(missing) == 1 else f"{missing[0]}–{missing[-1]}"
        return [self.tr("ชุดนี้ใช้แทนชุดที่ %1 ที่ไม่ได้รับ (ไฟล์หาย): ข้อมูลของชุดนั้นอยู่ในชุดนี้แล้ว")
                .replace("%1", which)]

    # ---- import (one transaction)
    def start_import(self) -> None:
        from desktop.services.exchange_import import import_file

        problem = self._input_problem()
        if problem:
            self.say(problem)
            return
        path, password, db = self.path(), self.password.value(), self.ctx.db
        assert path is not None

        def work(progress: Progress) -> object:
            with db.session() as session:
                return import_file(session, path, password=password, file_name=path.name,
                                   progress=lambda done, total: progress.step(done, total))

        self._run(work, self._imported, self.tr("กำลังนำเข้าชุดข้อมูลจาก อปท.…"), writes=True)

    def _imported(self, result: Any) -> None:
        self._stopped()
        self.result = result
        m = result.check.manifest
        if result.already:
            lines = [self.tr("นำเข้าชุดข้อมูลนี้แล้ว (ลำดับที่ %1 จาก %2) ไม่มีอะไรเปลี่ยน")
                     .replace("%1", str(m.sequence)).replace("%2", result.check.sender_name)]
        else:
            lines = [self.tr("นำเข้าชุดข้อมูลลำดับที่ %1 จาก %2 (%3) แล้ว:").replace("%1", str(m.sequence))
                     .replace("%2", result.check.sender_name).replace("%3", m.sender_office)]
            order = {k: i for i, k in enumerate(KIND_ORDER)}
            for kind, outcomes in sorted(result.applied.items(), key=lambda kv: order.get(kv[0], 99)):
                text = ", ".join(f"{self.text.outcome(k)} {n:,}" for k, n in outcomes.items())
                lines.append(f"  {self.text.kind(kind)}: {text}")
            lines += self._superseded(result.check)
            if result.check.restored:
                lines.append(self.tr("ผู้ส่งกู้คืนฐานข้อมูลจากไฟล์สำรอง: บันทึกไว้แล้ว"))
            if result.reconcile:
                lines.append(self.tr("พบเด็กเลขประจำตัวเดียวกันจากหลายหน่วยงาน %1 ราย: รอตรวจสอบ")
                             .replace("%1", str(result.reconcile)))
        self.lines = lines
        self.summary.setText("\n".join([*lines, self.tr("กด เขียนใบตอบรับ… เพื่อออกใบตอบรับให้ อปท. ที่ส่งมา")]))
        self.summary.show()
        self._update_buttons()
        self.imported.emit(result)

    # ---- the receipt
    def default_receipt_name(self) -> str:
        m = self.check.manifest if self.check is not None else None
        if m is None:
            return self.tr("ใบตอบรับ.samoe-receipt")
        return self.tr("ใบตอบรับ-%1-ชุดที่%2.samoe-receipt").replace("%1", m.sender_office).replace(
            "%2", str(m.sequence))

    def write_receipt(self, out: Path | None = None) -> bool:
        """Write the receipt to ``out`` (None: ask where)."""
        from desktop.services.exchange_province import write_receipt_for

        path = self.path()
        if path is None:
            return False
        if out is None:
            start = Path(_start_folder(self.ctx, RECEIPT_KEY)) / self.default_receipt_name()
            chosen, _ = save_file_name(self, self.tr("บันทึกใบตอบรับ"), str(start),
                                       self.tr("ใบตอบรับ Samoe (*.samoe-receipt)"))
            if not chosen:
                return False
            out = Path(chosen)
        if not out.name.endswith(".samoe-receipt"):
            out = out.with_name(out.name + ".samoe-receipt")
        try:
            with self.ctx.db.session() as session:
                sequence, office = write_receipt_for(session, path, out, password=self.password.value())
        except Exception as exc:  # noqa: BLE001 - said in the dialog
            self.say(self.text.failure(exc, out))
            return False
        self.receipt = out
        self.ctx.settings.setValue(RECEIPT_KEY, str(out.parent))
        self.error.hide()
        self.summary.setText("\n".join(self.lines) + "\n" + self.tr(
            "เขียนใบตอบรับถึง %1 (รับถึงลำดับที่ %2) ลงไฟล์ %3 แล้ว ส่งไฟล์นี้ให้ อปท. นำเข้าที่เมนู "
            "แฟ้ม › นำเข้าใบตอบรับจากจังหวัด…").replace("%1", office).replace("%2", str(sequence))
            .replace("%3", str(out)))
        self._update_buttons()
        return True

    # ---- the task runner
    def _run(self, work: Any, done: Any, label: str, *, writes: bool) -> None:
        password = self.password.value()
        self.handle = self.ctx.tasks.run(
            work, on_done=done, on_error=lambda exc, _tb: self._failed(exc, password),
            on_cancel=self._cancelled, writes=writes, label=label)
        self.ctx.tasks.progressed.connect(self._progressed)
        self.progress.setRange(0, 0)
        self._update_buttons()

    def _progressed(self, handle: object, done: int, total: int, _message: str) -> None:
        if handle is self.handle and total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(min(done, total))

    def _stopped(self) -> None:
        if self.handle is not None:
            self.ctx.tasks.progressed.disconnect(self._progressed)
        self.handle = None
        self._update_buttons()

    def _failed(self, exc: BaseException, password: str | None) -> None:
        self._stopped()
        problem = key_problem(exc)
        text = self.text.failure(exc, self.path())
        if problem == "keys.password":
            self.password.set_shown(True)
            self.password.edit.clear()
        elif problem == "keys.not_shared" and ask_for_keys(self.ctx, password):
            text += "\n" + self.tr("บันทึกคำขอแล้ว: เมื่อผู้ดูแลระบบที่ถือกุญแจสั่ง samoe keys share "
                                   "ผู้ใช้นี้จะนำเข้าได้")
        self.say(text)

    def _cancelled(self) -> None:
        self._stopped()
        self.say(self.tr("ยกเลิกแล้ว ข้อมูลในฐานข้อมูลไม่เปลี่ยน"))

    def reject(self) -> None:
        if self.handle is not None:
            self.handle.cancel()
            return
        super().reject()


class ReceiptImport(QObject):
    """แฟ้ม › นำเข้าใบตอบรับจากจังหวัด… at the municipality."""

    def __init__(self, ctx: AppContext, parent: QWidget) -> None:
        super().__init__(parent)
        self.ctx, self.parent_widget = ctx, parent
        self.text = ExchangeText(self)

    def choose_and_import(self) -> str:
        chosen, _ = open_file_name(self.parent_widget, self.tr("เลือกใบตอบรับหรือไฟล์ส่งต่อกรณีจากจังหวัด"),
                                   _start_folder(self.ctx, RECEIPT_KEY),
                                   self.tr("ใบตอบรับหรือไฟล์ส่งต่อกรณี (*.samoe-receipt *.samoe-transfer);;"
                                           "ทุกไฟล์ (*)"))
        return self.import_file(Path(chosen)) if chosen else ""

    def import_file(self, path: Path) -> str:
        """Record the receipt at ``path``; says the outcome in a box and returns its text."""
        from desktop.exchange.transfer_file import looks_like_bundle
        from desktop.services.exchange_outbox import import_receipt

        self.ctx.settings.setValue(RECEIPT_KEY, str(path.parent))
        try:
            with open(path, "rb") as f:
                if looks_like_bundle(f.read(4)):
                    return self.receive(path)
        except OSError:
            pass  # import_receipt says what is wrong with the file
        try:
            with self.ctx.db.session() as session:
                got = import_receipt(session, path)
        except Exception as exc:  # noqa: BLE001 - said in a box, never a traceback
            text = self.text.failure(exc, path)
            QMessageBox.warning(self.parent_widget, self.tr("นำเข้าใบตอบรับไม่สำเร็จ"), text)
            return text
        r = got.receipt
        if not got.changed:
            text = self.tr("บันทึกใบตอบรับนี้ (หรือฉบับที่ใหม่กว่า) ไว้แล้ว: จังหวัดรับถึงลำดับที่ %1 "
                           "ไม่มีอะไรเปลี่ยน").replace("%1", str(r.sequence))
        else:
            text = self.tr("บันทึกใบตอบรับแล้ว: จังหวัด (%1) รับชุดข้อมูลถึงลำดับที่ %2 "
                           "การส่งครั้งต่อไปจะส่งเฉพาะที่เปลี่ยนหลังจากนั้น").replace(
                "%1", r.issuer_office).replace("%2", str(r.sequence))
            if got.restored:
                text += "\n" + self.tr("ใบตอบรับนี้ใหม่กว่าฐานข้อมูลนี้ (กู้คืนจากไฟล์สำรอง): "
                                       "ชุดต่อไปจะส่งข้อมูลทั้งหมดและแจ้งจังหวัด")
        QMessageBox.information(self.parent_widget, self.tr("นำเข้าใบตอบรับ"), text)
        return text

    def receive(self, path: Path, password: str | None = None) -> str:
        """Show the cases of the transfer file at ``path`` and how each child was found
        (gui/views/transfer_receive.py; the password asked for in a plain database when
        not given); the clerk chooses the child of each name match and takes it. Says the
        outcome in a box and returns its text ("" when cancelled)."""
        from PySide6.QtWidgets import QInputDialog

        from desktop.gui.views.exchange_common import needs_password
        from desktop.gui.views.transfer_receive import TransferReceiveDialog
        from desktop.services.case_transfer_preview import preview_transfer

        if password is None and needs_password(self.ctx):
            password, ok = QInputDialog.getText(self.parent_widget, self.tr("รับโอนกรณีจากจังหวัด"),
                                                self.tr("รหัสผ่านที่ใช้เข้าสู่ระบบ (เพื่อเปิดกุญแจของหน่วยงาน)"),
                                                QLineEdit.EchoMode.Password)
            if not ok:
                return ""
        try:
            with self.ctx.db.reader() as session:
                preview = preview_transfer(session, path, password=password or None)
        except Exception as exc:  # noqa: BLE001 - said in a box, never a traceback
            text = self.text.failure(exc, path)
            QMessageBox.warning(self.parent_widget, self.tr("รับโอนกรณีไม่สำเร็จ"), text)
            return text
        dialog = TransferReceiveDialog(self.ctx, path, preview, password or None, self.parent_widget)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.result is None:
            return ""
        lines = []
        for r in dialog.result.received:
            line = self.tr("กรณีเลขที่ %1 %2 รับโอนจาก %3").replace("%1", str(r.case_id)).replace(
                "%2", r.child_name).replace("%3", r.from_name)
            lines.append(line + (self.tr(" (รับไว้แล้ว ไม่มีอะไรเปลี่ยน)") if r.already else ""))
        text = "\n".join(lines)
        QMessageBox.information(self.parent_widget, self.tr("รับโอนกรณีจากจังหวัด"), text)
        return text
