"""The children list in the province's mode: a municipality combo first among the
filters, which lists that municipality's children (and its count, print description and
export follow it); a municipality's own database does not show it."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select, update

from desktop.gui.context import AppContext
from desktop.gui.views.children_view import ChildrenView
from desktop.services.exports import children_rows
from desktop.store.models import Child, Office, new_uuid


def _province(ctx: AppContext) -> tuple[int, set[int]]:
    """This database becomes the province's; a third of the children came from another
    municipality. That office's id and its live children's ids."""
    with ctx.db.session() as s:
        s.execute(update(Office).where(Office.is_local.is_(True)).values(role="province"))
        other = Office(uuid=new_uuid(), code="6300999", name="เทศบาลตำบลโนนไทย",
                       role="municipality", is_local=False)
        s.add(other)
        s.flush()
        ids = s.scalars(select(Child.id).order_by(Child.id)).all()[::3]
        s.execute(update(Child).where(Child.id.in_(ids)).values(origin_office_id=other.id))
        theirs = set(s.scalars(select(Child.id).where(Child.origin_office_id == other.id,
                                                      Child.deleted_at.is_(None))))
        return other.id, theirs


def test_a_municipality_has_no_office_filter(qtbot, ctx: AppContext) -> None:  # type: ignore[no-untyped-def]
    view = ChildrenView(ctx)
    qtbot.addWidget(view)
    view.show()
    assert not view.officeCombo.isVisible()
    assert view._current_filter().office_id is None


def test_the_province_filters_by_municipality(qtbot, ctx: AppContext, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    office_id, theirs = _province(ctx)
    view = ChildrenView(ctx)
    qtbot.addWidget(view)
    view.show()
    combo = view.officeCombo
    assert combo.isVisible()
    row = view.ui.filterRow
    # first among the filters: before the institution, year and level
    assert row.indexOf(combo) < min(row.indexOf(w) for w in (
        view.ui.institutionCombo, view.ui.yearCombo, view.ui.levelCombo))
    assert combo.itemText(0) == "ทุกเทศบาล/อปท."
    at = combo.findData(office_id)
    assert at > 0 and combo.itemText(at) == "เทศบาลตำบลโนนไทย"
    everyone = view.model.total()
    combo.setCurrentIndex(at)  # the officer picks it
    qtbot.waitUntil(lambda: view.model.total() == len(theirs))
    assert everyone > len(theirs) > 0
    assert view.filters.is_on() and "เทศบาลตำบลโนนไทย" in view.filter_description()
    # one more combo, the clear button shown: the page still fits a 1024 px window beside
    # the menu's narrowest (190 px), each combo narrower (it was 1173 px before)
    qtbot.waitUntil(lambda: view.clear_filter_button.isVisible())
    assert view.minimumSizeHint().width() <= 1024 - 190
    flt = view._current_filter()
    assert flt.office_id == office_id
    with ctx.db.reader() as s:  # the export of the list follows it
        exported = list(children_rows(s, flt))
    assert len(exported) == len(theirs)
    view.clear_filter_button.click()
    assert combo.currentIndex() == 0
    qtbot.waitUntil(lambda: view.model.total() == everyone)
    combo.setCurrentIndex(at)  # remembered for the next start
    view2 = ChildrenView(ctx)
    qtbot.addWidget(view2)
    assert view2._current_filter().office_id == office_id
