"""Regenerate the README screenshots on a real (virtual) X display:

    xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python packaging/screenshots.py

Writes docs/screenshot-*.png from a throw-away demo database (2,000 children, seed 1).
"""

from __future__ import annotations

import sys
import tempfile
from datetime import date
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication

DOCS = Path(__file__).resolve().parent.parent / "docs"


def main() -> int:
    from desktop.gui.app import make_app
    from desktop.gui.context import AppContext
    from desktop.gui.main_window import MainWindow
    from desktop.gui.tasks import TaskRunner
    from desktop.gui.views.child_form import ChildFormDialog
    from desktop.services.database import open_database
    from desktop.services.demo import fill_demo
    from desktop.services.office import init_office

    lang = sys.argv[1] if len(sys.argv) > 1 else "th"
    with tempfile.TemporaryDirectory() as tmp:
        app, _s, _l = make_app(lang=lang)
        settings = QSettings(str(Path(tmp) / "s.ini"), QSettings.Format.IniFormat)
        db, _ = open_database(Path(tmp) / "demo.db", create=True)
        with db.session() as s:
            init_office(s, name="เทศบาลตำบลบ้านใหม่", code="6300101", province="นครราชสีมา")
        fill_demo(db.engine, children=2000, seed=1, today=date(2026, 11, 24))
        ctx = AppContext(db, TaskRunner(app), settings)
        window = MainWindow(ctx)
        window.resize(1280, 800)
        window.show()

        def shoot(name: str) -> None:
            app.processEvents()
            window.grab().save(str(DOCS / f"screenshot-{name}.png"))

        view = window.children_view
        view.ui.table.selectRow(3)
        shoot("children")
        view.ui.searchEdit.setText("ศรีสุข")
        view.apply_filter()
        shoot("children-search")
        window.show_page("households")
        window.households_view.ui.table.selectRow(0) if hasattr(window.households_view.ui, "table") else None
        shoot("households")
        window.show_page("institutions")
        shoot("institutions")
        window.show_page("children")
        uuid = view.model.uuid_at(0)
        dialog = ChildFormDialog(ctx, uuid, window, today=date(2026, 11, 24))
        dialog.resize(1100, 820)
        dialog.show()
        app.processEvents()
        dialog.ui.nationalIdEdit.setText("1-2345-67890-12-0")
        dialog.save()
        app.processEvents()
        dialog.grab().save(str(DOCS / "screenshot-child-form.png"))
        dialog.close()
        _documents(app, ctx, window, Path(tmp))
        window.close()
        ctx.tasks.wait(5000)
        db.dispose()
        QTimer.singleShot(0, QApplication.quit)
    return 0


def _settle(app: QApplication, ctx) -> None:  # type: ignore[no-untyped-def]
    ctx.tasks.wait(120_000)
    for _ in range(10):
        app.processEvents()


def _import_file(path: Path) -> Path:
    from openpyxl import Workbook

    from desktop.domain.identity import make_national_id

    wb = Workbook()
    ws = wb.active
    ws.title = "รายชื่อนักเรียน ศพด."
    ws.append(["รายชื่อเด็กที่จะเข้าเรียน ปีการศึกษา 2569"])
    ws.append(["ลำดับ", "คำนำหน้า", "ชื่อ - สกุล", "วัน/เดือน/ปี เกิด", "เลขบัตรประชาชน",
               "ชื่อผู้ปกครอง", "เกี่ยวข้องเป็น", "เบอร์โทร", "บ้านเลขที่", "หมู่", "ตำบล"])
    good = [make_national_id(f"14037{n:07d}") for n in range(1, 30)]
    names = ["ปั้นใจ ดีงาม", "ญาณิศา ฐิติพร", "ภูมิ นาคสวัสดิ์", "ธัญญ่า ศรีสุข", "กันต์ ทองดี"]
    for i in range(25):
        nid = good[i]
        birth = f"{(i % 27) + 1}/{(i % 12) + 1}/2564"
        if i == 3:
            nid = nid[:-1] + str((int(nid[-1]) + 3) % 10)
        if i == 7:
            birth = "31/02/2564"
        relation = "แม่" if i != 11 else ""
        ws.append([i + 1, "ด.ช." if i % 2 else "ด.ญ.", names[i % 5] + ("" if i < 5 else f"{i}"[:0]),
                   birth, nid, "นางสมศรี ดีงาม", relation, "0812345678", f"{10 + i}/1", "4", "บ้านใหม่"])
    wb.save(path)
    return path


def _documents(app: QApplication, ctx, window, tmp: Path) -> None:  # type: ignore[no-untyped-def]
    from desktop.gui.views.import_dialog import ImportDialog
    from desktop.gui.views.pdf_preview import PdfPreview
    from desktop.services.children_query import ChildFilter
    from desktop.services.institutions import institution_choices
    from desktop.services.reports import children_list_pdf

    with ctx.db.reader() as session:
        first = institution_choices(session)[0]
        pdf = tmp / "list.pdf"
        children_list_pdf(session, pdf, ChildFilter(institution_id=first.id, year_be=2569))
    preview = PdfPreview(ctx, pdf, "รายชื่อเด็ก", "children-list.pdf", window)
    preview.resize(1000, 820)
    preview.show()
    app.processEvents()
    preview.show_page(0)
    app.processEvents()
    preview.grab().save(str(DOCS / "screenshot-print-preview.png"))
    preview.close()

    dialog = ImportDialog(ctx, window)
    dialog.resize(1100, 700)
    dialog.show()
    dialog.open_file(_import_file(tmp / "นำเข้า ศพด.xlsx"))
    _settle(app, ctx)
    dialog.next()
    app.processEvents()
    dialog.grab().save(str(DOCS / "screenshot-import-mapping.png"))
    dialog.next()
    _settle(app, ctx)
    dialog.grab().save(str(DOCS / "screenshot-import-preview.png"))
    dialog.reject()


if __name__ == "__main__":
    raise SystemExit(main())
