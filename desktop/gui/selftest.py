"""``samoe --self-test``: open the main window offscreen on a throw-away database, run a
query through the list model, and exit 0. Proves a build (development or PyInstaller
bundle) has its Qt plugins, fonts, migrations and translations."""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path


def run_self_test(lang: str | None = None) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    started = time.perf_counter()
    from PySide6.QtCore import QSettings

    from desktop.gui.app import make_app
    from desktop.gui.context import AppContext
    from desktop.gui.tasks import TaskRunner
    from desktop.services.children_query import ChildFilter
    from desktop.services.database import open_database
    from desktop.services.demo import fill_demo

    with tempfile.TemporaryDirectory(prefix="samoe-selftest-") as tmp:
        app, _settings, chosen = make_app(lang=lang)
        settings = QSettings(str(Path(tmp) / "settings.ini"), QSettings.Format.IniFormat)
        db, _ = open_database(Path(tmp) / "selftest.db", create=True)
        try:
            login = _sign_in(db)
            fill_demo(db.engine, children=200, seed=7)
            from desktop.gui.main_window import MainWindow

            ctx = AppContext(db, TaskRunner(app), settings)
            window = MainWindow(ctx)
            window.show()
            app.processEvents()
            model = window.children_view.model
            model.set_filter(ChildFilter(search=""))
            rows = model.rowCount()
            first = model.data(model.index(0, 1))
            family = app.font().family()
            window.close()
            ctx.tasks.wait(5000)
            documents = _documents(db, Path(tmp))
        finally:
            db.dispose()
    ok = rows == 200 and bool(first) and family == "Sarabun" and documents.startswith("ok")
    sys.stdout.write(
        f"self-test {'ok' if ok else 'FAILED'}: {rows} children listed, first '{first}', "
        f"font {family}, language {chosen}, documents {documents}, login {login:.2f} s, "
        f"{time.perf_counter() - started:.2f} s\n"
    )
    return 0 if ok else 1


def _sign_in(db: object) -> float:
    """The throw-away database's administrator (the password from SAMOE_PASSWORD when the
    rule takes it, else a random one: never a prompt), logged in as the window does
    (Argon2id in this build);
    returns the seconds the login took."""
    import secrets

    from desktop.services.access import authenticate, sign_in
    from desktop.services.users import UserError, create_first_admin

    password = os.environ.get("SAMOE_PASSWORD") or secrets.token_urlsafe(16)
    try:
        create_first_admin(db, "selftest", password, "self-test")  # type: ignore[arg-type]
    except UserError:  # a SAMOE_PASSWORD the rule refuses (set for an older database)
        password = secrets.token_urlsafe(16)
        create_first_admin(db, "selftest", password, "self-test")  # type: ignore[arg-type]
    started = time.perf_counter()
    actor = authenticate(db, "selftest", password)  # type: ignore[arg-type]
    seconds = time.perf_counter() - started
    sign_in(db, actor)  # type: ignore[arg-type]
    return seconds


def _documents(db: object, tmp: Path) -> str:
    """The document layer in this build: a shaped Thai PDF drawn by PDFium, an .xlsx
    written, read back and checked for import."""
    from datetime import date

    import pypdfium2

    from desktop.reports.sheets import read_sheet
    from desktop.services.exports import export_children
    from desktop.services.imports import plan_import, suggest_mapping
    from desktop.services.reports import children_list_pdf

    try:
        with db.reader() as session:  # type: ignore[attr-defined]
            pages = children_list_pdf(session, tmp / "list.pdf")
            rows = export_children(session, tmp / "children.xlsx")
            sheet = read_sheet(tmp / "children.xlsx")
            plan = plan_import(session, sheet, suggest_mapping(session, sheet.headers),
                               today=date.today())
        pdf = pypdfium2.PdfDocument(str(tmp / "list.pdf"))
        drawn = pdf[0].render(scale=0.5).width
        pdf.close()
    except Exception as exc:  # noqa: BLE001 - reported, the self-test fails
        return f"FAILED ({type(exc).__name__}: {exc})"
    if not (pages > 0 and drawn > 0 and rows == 200 and len(plan.rows) == 200):
        return f"FAILED (pages {pages}, rows {rows}, planned {len(plan.rows)})"
    return f"ok ({pages} PDF pages, {rows} rows exported and read back)"
