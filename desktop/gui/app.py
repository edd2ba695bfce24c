"""Start-up: Qt application, bundled fonts, Thai (or English) strings, the database, the
main window. Heavy libraries (pandas, reportlab) are not imported here."""

from __future__ import annotations

import logging
import os
import sys

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from desktop.gui.context import AppContext
from desktop.gui.resources import install_translation, register_fonts
from desktop.gui.tasks import TaskRunner
from desktop.store.db import Database

log = logging.getLogger(__name__)
ORG, APP = "Samoe", "Samoe"


def make_app(argv: list[str] | None = None, *, lang: str | None = None) -> tuple[QApplication, QSettings, str]:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setOrganizationName(ORG)
    app.setApplicationName(APP)
    settings = QSettings(ORG, APP)
    register_fonts(app)
    chosen = lang or str(settings.value("ui/lang", "th"))
    install_translation(app, chosen)
    return app, settings, chosen


def open_db_or_explain(target: str | None, parent: QWidget | None = None) -> Database | None:
    from desktop.services.database import open_database
    from desktop.store.faults import DatabaseFault
    from desktop.store.migrate import SchemaError

    # only the first start on the default path makes a new database; a path given with
    # --db or SAMOE_DB must exist (a typo must not open an empty registry)
    first_start = target is None and not os.environ.get("SAMOE_DB")
    try:
        db, result = open_database(target, create=first_start, check=False)
    except (SchemaError, DatabaseFault) as exc:
        QMessageBox.critical(parent, "Samoe", str(exc))  # Thai, from the store
        return None
    if result is not None and result.backup is not None:
        log.info("upgraded %s -> %s, backup %s", result.from_revision, result.to_revision, result.backup)
    return db


def run_gui(db_target: str | None = None, lang: str | None = None) -> int:
    logging.basicConfig(level=os.environ.get("SAMOE_LOG", "WARNING"))
    app, settings, _lang = make_app(lang=lang)
    db = open_db_or_explain(db_target)
    if db is None:
        return 3
    from sqlalchemy.orm import configure_mappers

    from desktop.gui.main_window import MainWindow

    configure_mappers()  # once, here, not inside the first list query the clerk waits on

    ctx = AppContext(db, TaskRunner(app), settings)
    window = MainWindow(ctx)
    window.show()
    window.first_start()
    code = app.exec()
    ctx.tasks.wait(10_000)
    db.dispose()
    return int(code)
