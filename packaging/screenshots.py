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
        db, _ = open_database(Path(tmp) / "demo.db")
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
        window.close()
        ctx.tasks.wait(5000)
        db.dispose()
        QTimer.singleShot(0, QApplication.quit)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
