"""Regenerate the screenshots of every screen, at 1366×768 (a laptop) and 1024×600 (a
netbook), from a throw-away demo database (2,000 children, seed 1):

    QT_QPA_PLATFORM=offscreen .venv/bin/python packaging/screenshots.py [th|en] [OUT_DIR]

Each screen is sized as it opens on a screen of that size (the screen's free area is set
for the run, less a 40 px task bar); the main window fills the screen as a maximised one.
docs/screenshot-NAME.png is the 1366×768 shot (the README's), docs/screenshot-NAME-1024x600.png
the small one. ``SAMOE_SHOTS=cases,screening`` makes those areas' only.

The areas' screens live beside this file, one module each: screenshots_registry.py (the
registry's dialogs, imports, sign-in, users), screenshots_exchange.py (the exchange and the
province's pages), screenshots_screening.py, screenshots_grants.py, screenshots_centre.py,
screenshots_growth.py, screenshots_child.py (the child's page), screenshots_cases.py (the
out-of-school cases); screenshots_common.py holds what they share.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QRect, QSettings
from PySide6.QtGui import QScreen
from PySide6.QtWidgets import QApplication, QWidget

sys.path.insert(0, str(Path(__file__).resolve().parent))  # the areas' modules beside this file

from screenshots_common import DOCS, PASSWORD, SIZES, TASK_BAR, TODAY  # noqa: E402


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
        from screenshots_exchange import province_with_bundles
        from screenshots_registry import last_import

        last_import(db, Path(tmp))
        only = [n for n in os.environ.get("SAMOE_SHOTS", "").split(",") if n]  # e.g. SAMOE_SHOTS=screening
        # the province's mode: a province that imported real bundles (not for a part's run)
        province = None if only else province_with_bundles(Path(tmp))
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

    def open_window(self) -> None:
        """The main window as the shell has it (the user's name, lock, users page), filling
        the screen."""
        from desktop.gui.main_window import MainWindow
        from desktop.gui.session_menu import SessionControls

        window = MainWindow(self.ctx)
        SessionControls(window, self.ctx.db.actor)
        window.resize(*self.screen)
        window.move(0, 0)
        window.show()
        self.window = window

    def all(self) -> None:
        self.open_window()
        window = self.window
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
        self.cases()
        self.growth()  # after the child's page, which fills the demo's growth and DSPM
        window.close()

    def only(self, names: list[str]) -> None:
        """Some areas only (``SAMOE_SHOTS=screening``), in the main window as ``all`` has it."""
        self.open_window()
        for name in names:
            getattr(self, name)()
        self.window.close()

    # ---- the areas (a module each, beside this file)
    def dialogs(self) -> None:
        """The registry's dialogs, imports, exchange, sign-in screens: screenshots_registry.py."""
        from screenshots_registry import dialogs

        dialogs(self)

    def exchange(self) -> None:
        """The exchange's dialogs and the case transfer alone (``SAMOE_SHOTS=exchange``; a
        whole run makes them among the registry's dialogs): screenshots_exchange.py."""
        from screenshots_exchange import exchange

        exchange(self)

    def province(self) -> None:
        """The province's pages (its own database): screenshots_exchange.py."""
        from screenshots_exchange import province

        province(self)

    def screening(self) -> None:
        """The poverty screening (issue 11): screenshots_screening.py."""
        from screenshots_screening import screening

        screening(self)

    def grants(self) -> None:
        """The grant rounds (issue 11): screenshots_grants.py."""
        from screenshots_grants import grant_shots

        grant_shots(self)

    def centre(self) -> None:
        """A centre's room (issue 12): screenshots_centre.py."""
        from screenshots_centre import centre

        centre(self)

    def growth(self) -> None:
        """Growth and DSPM (issue 12): screenshots_growth.py."""
        from screenshots_growth import growth_shots

        growth_shots(self, TODAY)

    def child_page(self) -> None:
        """The child's page across the modules (issue 13): screenshots_child.py."""
        from screenshots_child import child_page_shots

        child_page_shots(self, TODAY)

    def cases(self) -> None:
        """The out-of-school cases (issue 13): screenshots_cases.py."""
        from screenshots_cases import approval_shot, case_import_shots, case_shots

        case_shots(self, TODAY)
        approval_shot(self)
        case_import_shots(self)


if __name__ == "__main__":
    raise SystemExit(main())
