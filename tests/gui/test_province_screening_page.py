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

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "exchange"))

from actors import TEST_PASSWORD  # noqa: E402
from office_kit import TOWN_A, TOWN_B, Site  # noqa: E402
from province_page_kit import click_header, open_page, page_ctx, print_and_export, sent_province  # noqa: E402
from screening_kit import add_grants  # noqa: E402


@pytest.fixture
def province(qapp, tmp_path: Path, cheap_wraps: None) -> Iterator[Site]:  # type: ignore[no-untyped-def]
    yield from sent_province(qapp, tmp_path, lambda a: add_grants(a, pay=2))


def test_the_page_shows_each_municipality_and_its_schools(qtbot, province: Site, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from desktop.services.province_screening import province_screening

    ctx, view = open_page(qtbot, province.db, tmp_path, "province-screening", "screening")
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

    # sorted by a header's click, either way: the province's total stays last
    for _ in range(2):
        click_header(qtbot, tree, 8)
        paid = [int(tree.topLevelItem(i).text(8).replace(",", "")) for i in range(tree.topLevelItemCount() - 1)]
        assert paid in (sorted(paid), sorted(paid, reverse=True))
        assert tree.topLevelItem(tree.topLevelItemCount() - 1).text(0) == "รวมทั้งจังหวัด"
    tops = [t for t in (tree.topLevelItem(i) for i in range(tree.topLevelItemCount())) if t is not None]
    view.search.setText(TOWN_B[1][:8])  # องค์การ… : only B (and the total) stay
    shown = [t.text(0) for t in tops if not t.isHidden()]
    assert shown == [t.text(0) for t in tops if TOWN_B[0] in t.text(0)] + ["รวมทั้งจังหวัด"]
    view.search.clear()
    assert not any(t.isHidden() for t in tops)

    out = tmp_path / "figures.xlsx"
    assert "province-screening" in print_and_export(ctx, view, out).name
    assert out.exists() and out.stat().st_size > 1000


def test_a_user_without_the_province_role_is_told(qtbot, province: Site, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from desktop.domain.roles import Role
    from desktop.gui.views.province_screening import ProvinceScreeningView
    from desktop.services.access import Grant, authenticate, sign_in
    from desktop.services.users import add_user

    with province.db.session() as s:
        add_user(s, "clerk", TEST_PASSWORD, roles=[Grant(Role.CLERK)])
    sign_in(province.db, authenticate(province.db, "clerk", TEST_PASSWORD))
    view = ProvinceScreeningView(page_ctx(province.db, tmp_path))
    qtbot.addWidget(view)
    view.refresh()
    assert view.tree.topLevelItemCount() == 0 and "เจ้าหน้าที่จังหวัด" in view.summary.text()
    assert not view.print_button.isEnabled() or view.data is None
