"""จังหวัด › ศูนย์พัฒนาเด็กเล็กราย อปท., clicked through offscreen at a province that really
imported two municipalities' bundles with their centres, growth and DSPM: the page in the
province's section, a row a municipality with its centres, the province's total under the
table, sorted by a click on a header, another period typed, searched, printed and
exported; a user who is not a province officer is told, not shown figures."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "exchange"))

from actors import TEST_PASSWORD  # noqa: E402
from centre_wire_kit import add_centre_extras  # noqa: E402
from office_kit import TODAY, TOWN_A, TOWN_B, Site  # noqa: E402
from province_page_kit import click_header, open_page, page_ctx, print_and_export, sent_province  # noqa: E402

from desktop.domain.dates import format_be_numeric  # noqa: E402
from desktop.reports.province_centres import percent_text  # noqa: E402


@pytest.fixture
def province(qapp, tmp_path: Path, cheap_wraps: None) -> Iterator[Site]:  # type: ignore[no-untyped-def]
    yield from sent_province(qapp, tmp_path, add_centre_extras)


def test_the_page_shows_sorts_and_counts_another_period(qtbot, province: Site, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from desktop.services.province_centres import province_centres

    ctx, view = open_page(qtbot, province.db, tmp_path, "province-centres", "centres", TODAY)
    with province.db.reader() as s:
        data = province_centres(s, today=TODAY)
    tree = view.tree
    assert view.term.currentText() == data.term
    tops = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    assert sorted(t.text(0) for t in tops if t is not None) == sorted(f"{m.name} ({m.code})" for m in data.municipalities)
    a = next(m for m in data.municipalities if m.code == TOWN_A[0])
    top_a = next(t for t in tops if t is not None and t.text(0).endswith(f"({TOWN_A[0]})"))
    f = a.figures
    assert [top_a.text(c) for c in range(1, 11)] == [
        f"{v:,}" for v in (f.children, f.measured, f.thin, f.short, f.obese, f.checked, f.suspected, f.overdue,
                           f.waiting)] + [percent_text(f.percent)]
    assert top_a.childCount() == len(a.centres)
    assert "รวมทั้งจังหวัด" in view.total.text() and f"{data.total.children:,}" in view.total.text()
    assert view.first.text() == format_be_numeric(data.first) and view.last.text() == format_be_numeric(data.last)

    # sorted by the children's column, then the other way: the numbers, not their text
    click_header(qtbot, tree, 1)
    first_order = [int(tree.topLevelItem(i).text(1).replace(",", "")) for i in range(tree.topLevelItemCount())]
    click_header(qtbot, tree, 1)
    second_order = [int(tree.topLevelItem(i).text(1).replace(",", "")) for i in range(tree.topLevelItemCount())]
    assert sorted(first_order) in (first_order, second_order) and first_order == list(reversed(second_order))

    # another week of attendance: typed, Enter
    week = (data.last - timedelta(days=7), data.last - timedelta(days=1))
    with province.db.reader() as s:
        other = province_centres(s, first=week[0], last=week[1], today=TODAY)
    assert other.total.recorded < data.total.recorded
    view.first.clear()
    qtbot.keyClicks(view.first, format_be_numeric(week[0]))
    view.last.clear()
    qtbot.keyClicks(view.last, format_be_numeric(week[1]))
    qtbot.keyClick(view.last, Qt.Key.Key_Return)
    assert view.data.total == other.total and percent_text(other.total.percent) in view.total.text()
    view.last.setText("31/02/2569")
    qtbot.mouseClick(view.apply_button, Qt.MouseButton.LeftButton)
    assert "วันที่ไม่ถูกต้อง" in view.summary.text() and view.data.total == other.total

    view.search.setText(TOWN_B[1][:8])  # องค์การ… : only B stays
    tops = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    assert [t.text(0) for t in tops if t is not None and not t.isHidden()] == [f"{TOWN_B[1]} ({TOWN_B[0]})"]
    view.search.clear()

    out = tmp_path / "centres.xlsx"
    assert "province-centres" in print_and_export(ctx, view, out).name
    assert out.exists() and out.stat().st_size > 1000


def test_a_user_without_the_province_role_is_told(qtbot, province: Site, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from desktop.domain.roles import Role
    from desktop.gui.views.province_centres import ProvinceCentresView
    from desktop.services.access import Grant, authenticate, sign_in
    from desktop.services.users import add_user

    with province.db.session() as s:
        add_user(s, "clerk", TEST_PASSWORD, roles=[Grant(Role.CLERK)])
    sign_in(province.db, authenticate(province.db, "clerk", TEST_PASSWORD))
    view = ProvinceCentresView(page_ctx(province.db, tmp_path))
    qtbot.addWidget(view)
    view.refresh()
    assert view.tree.topLevelItemCount() == 0 and "เจ้าหน้าที่จังหวัด" in view.summary.text()
    assert not view.print_button.isEnabled()
