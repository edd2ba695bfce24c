"""จังหวัด › คัดกรองและทุนราย อปท., clicked through offscreen at a province that really
imported two municipalities' bundles with screenings (A also a grant round, attendance and
payments): the page in the province's section, a row a municipality with its schools and
the province's total, the search, the term picker, printed and exported; a user who is not
a province officer is told, not shown figures."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "exchange"))

from actors import TEST_PASSWORD  # noqa: E402
from office_kit import PROVINCE, TOWN_A, TOWN_B, Site, make_site, trust_each_other  # noqa: E402
from screening_kit import add_grants, make_screened_site  # noqa: E402

from desktop.gui.context import AppContext  # noqa: E402
from desktop.gui.resources import register_fonts  # noqa: E402
from desktop.gui.tasks import TaskRunner  # noqa: E402
from desktop.services.exchange_export import export_bundle  # noqa: E402
from desktop.services.exchange_import import import_file  # noqa: E402

PW = "samoe-test-password"


@pytest.fixture
def province(qapp, tmp_path: Path, cheap_wraps: None) -> Iterator[Site]:  # type: ignore[no-untyped-def]
    register_fonts(qapp)
    a = make_screened_site(tmp_path / "a.db", *TOWN_A, children=60, seed=21)
    b = make_screened_site(tmp_path / "b.db", *TOWN_B, children=40, seed=22)
    p = make_site(tmp_path / "p.db", *PROVINCE, "province")
    trust_each_other(p, a, b)
    add_grants(a, pay=2)
    for site in (a, b):
        out = tmp_path / f"{site.code}.samoe"
        with site.db.session() as s:
            export_bundle(s, out, password=PW)
        with p.db.session() as s:
            import_file(s, out, password=PW)
    yield p
    for site in (a, b, p):
        site.db.dispose()


def _ctx(db, tmp_path: Path) -> AppContext:  # type: ignore[no-untyped-def]
    return AppContext(db, TaskRunner(), QSettings(str(tmp_path / "p.ini"), QSettings.Format.IniFormat))


def test_the_page_shows_each_municipality_and_its_schools(qtbot, province: Site, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from desktop.gui.main_window import MainWindow
    from desktop.services.province_screening import province_screening

    ctx = _ctx(province.db, tmp_path)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    window.show_page("province-screening")
    view = window.province_mode.screening
    assert view is not None and window.ui.stack.currentWidget() is view
    with province.db.reader() as s:
        data = province_screening(s)
    tree = view.tree
    assert view.term.currentText() == "1/2569" and view.term.count() == 1
    tops = [t for t in (tree.topLevelItem(i) for i in range(tree.topLevelItemCount())) if t is not None]
    assert len(tops) == tree.topLevelItemCount()
    assert [t.text(0) for t in tops] == [f"{m.name} ({m.code})" for m in data.municipalities] + ["รวมทั้งจังหวัด"]
    a = next(m for m in data.municipalities if m.code == TOWN_A[0])
    top_a = next(t for t in tops if t.text(0).endswith(f"({TOWN_A[0]})"))
    assert [top_a.text(c) for c in range(1, 9)] == [f"{v:,}" for v in a.figures.cells()]
    assert top_a.childCount() == len(a.schools) and a.figures.paid == 2
    assert tops[-1].text(8) == f"{data.total.paid_amount:,}"
    assert "1/2569" in view.summary.text()

    view.search.setText(TOWN_B[1][:8])  # องค์การ… : only B (and the total) stay
    shown = [t.text(0) for t in tops if not t.isHidden()]
    assert shown == [t.text(0) for t in tops if TOWN_B[0] in t.text(0)] + ["รวมทั้งจังหวัด"]
    view.search.clear()
    assert not any(t.isHidden() for t in tops)

    view.documents.ask_options = False
    view.documents.show_preview = False
    view.print_figures()
    ctx.tasks.wait(60_000)
    QApplication.processEvents()
    assert view.documents.last_pdf is not None and "province-screening" in view.documents.last_pdf.name
    out = tmp_path / "figures.xlsx"
    view.export_figures(out)
    ctx.tasks.wait(60_000)
    QApplication.processEvents()
    assert out.exists() and out.stat().st_size > 1000


def test_a_user_without_the_province_role_is_told(qtbot, province: Site, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from desktop.domain.roles import Role
    from desktop.gui.views.province_screening import ProvinceScreeningView
    from desktop.services.access import Grant, authenticate, sign_in
    from desktop.services.users import add_user

    with province.db.session() as s:
        add_user(s, "clerk", TEST_PASSWORD, roles=[Grant(Role.CLERK)])
    sign_in(province.db, authenticate(province.db, "clerk", TEST_PASSWORD))
    view = ProvinceScreeningView(_ctx(province.db, tmp_path))
    qtbot.addWidget(view)
    view.refresh()
    assert view.tree.topLevelItemCount() == 0 and "เจ้าหน้าที่จังหวัด" in view.summary.text()
    assert not view.print_button.isEnabled() or view.data is None
