"""จังหวัด › กรณีเด็กนอกระบบราย อปท. (issue 13), clicked through offscreen at a province that
really imported two municipalities' bundles with out-of-school cases: the page in the
province's section, a row a municipality with its open cases by status and its closed cases
by outcome under it, the province's total under the table, sorted by a click on a header
(numbers as numbers, both ways), the search, printed and exported; a user who is not a
province officer is told, not shown figures."""

from __future__ import annotations

import csv
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "exchange"))

from actors import TEST_PASSWORD  # noqa: E402
from office_kit import TODAY, TOWN_A, TOWN_B, Site  # noqa: E402
from province_page_kit import click_header, open_page, page_ctx, print_and_export, sent_province  # noqa: E402


@pytest.fixture
def province(qapp, tmp_path: Path, cheap_wraps: None) -> Iterator[Site]:  # type: ignore[no-untyped-def]
    yield from sent_province(qapp, tmp_path)


def _column(tree, column: int) -> list[int]:  # type: ignore[no-untyped-def]
    return [int(tree.topLevelItem(i).text(column).replace(",", "")) for i in range(tree.topLevelItemCount())]


def test_the_page_shows_sorts_searches_prints_and_exports(qtbot, province: Site, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from desktop.domain.cases import status_label
    from desktop.services.province_cases import province_cases

    ctx, view = open_page(qtbot, province.db, tmp_path, "province-cases", "cases", TODAY)
    with province.db.reader() as s:
        data = province_cases(s, today=TODAY)
    tree = view.tree
    tops = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    assert sorted(t.text(0) for t in tops if t is not None) == sorted(f"{m.name} ({m.code})" for m in data.municipalities)
    a = next(m for m in data.municipalities if m.code == TOWN_A[0])
    top_a = next(t for t in tops if t is not None and t.text(0).endswith(f"({TOWN_A[0]})"))
    assert [top_a.text(c) for c in range(1, 6)] == [f"{v:,}" for v in a.figures.cells()]
    assert top_a.childCount() == len(a.figures.breakdown()) > 2
    words = {"open": "เปิดอยู่", "closed": "ปิดแล้ว"}  # by name: the program's order, open first
    assert [top_a.child(j).text(0) for j in range(top_a.childCount())] == [
        f"{words[kind]}: {label}" for kind, label, _n in a.figures.breakdown()]
    status, cases = next(iter(a.figures.by_status.items()))
    line = next(top_a.child(j) for j in range(top_a.childCount())
                if top_a.child(j).text(0) == f"เปิดอยู่: {status_label(status)}")
    assert line.text(1) == f"{cases:,}" and line.text(3) == ""
    assert f"เปิดอยู่ {data.total.open:,} กรณี" in view.total.text()
    assert "24/11/2569" in view.summary.text()

    # the overdue column (A none, B one), clicked: ordered by the numbers, then the other way
    click_header(qtbot, tree, 2)
    first = _column(tree, 2)
    click_header(qtbot, tree, 2)
    second = _column(tree, 2)
    assert len(set(first)) > 1 and first == sorted(first) and second == list(reversed(first))
    click_header(qtbot, tree, 0)
    names = [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())]
    assert names in (sorted(names), sorted(names, reverse=True))

    view.search.setText(TOWN_B[1][:8])  # องค์การ… : only B stays
    shown = [t.text(0) for t in (tree.topLevelItem(i) for i in range(tree.topLevelItemCount()))
             if t is not None and not t.isHidden()]
    assert shown == [f"{TOWN_B[1]} ({TOWN_B[0]})"]
    view.search.clear()

    out = tmp_path / "cases.csv"
    assert "province-cases" in print_and_export(ctx, view, out).name
    with out.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    assert len(rows) == len(data.municipalities) + 2 and rows[-1][2] == "รวมทั้งจังหวัด"


def test_a_user_without_the_province_role_is_told(qtbot, province: Site, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from desktop.domain.roles import Role
    from desktop.gui.views.province_cases import ProvinceCasesView
    from desktop.services.access import Grant, authenticate, sign_in
    from desktop.services.users import add_user

    with province.db.session() as s:
        add_user(s, "clerk", TEST_PASSWORD, roles=[Grant(Role.CLERK)])
    sign_in(province.db, authenticate(province.db, "clerk", TEST_PASSWORD))
    view = ProvinceCasesView(page_ctx(province.db, tmp_path))
    qtbot.addWidget(view)
    view.refresh()
    assert view.tree.topLevelItemCount() == 0 and "เจ้าหน้าที่จังหวัด" in view.summary.text()
    assert not view.print_button.isEnabled() and not view.export_button.isEnabled()
