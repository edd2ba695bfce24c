"""The children list with a deleted school: its rows say "X (ลบแล้ว)" (the child form's
wording) and the institution filter offers it, marked, after the live schools, so that its
children can be listed by it."""

from __future__ import annotations

from sqlalchemy import select

from desktop.gui.context import AppContext
from desktop.gui.views.children_view import ChildrenView
from desktop.services.institutions import delete_institution
from desktop.store.models import Institution


def test_deleted_school_marked_and_offered_last(qtbot, ctx: AppContext) -> None:  # type: ignore[no-untyped-def]
    with ctx.db.session() as s:
        gone = s.scalars(select(Institution).order_by(Institution.id)).first()
        assert gone is not None
        delete_institution(s, gone.uuid)
        gone_id, name = gone.id, gone.name
    view = ChildrenView(ctx)
    qtbot.addWidget(view)
    view.show()
    combo = view.ui.institutionCombo
    at = combo.findData(gone_id)
    assert at >= 0, "the deleted school is not offered"
    assert combo.itemText(at) == f"{name} (ลบแล้ว)"
    live = [combo.itemData(i) for i in range(1, at) if combo.itemData(i) is not None]
    assert len(live) >= 3 and gone_id not in live  # after every live school
    combo.setCurrentIndex(at)  # the clerk picks it: the list shows its children, marked
    qtbot.waitUntil(lambda: view.model.rowCount() > 0)
    model = view.model
    shown = {model.index(r, 5).data() for r in range(model.rowCount())}
    assert shown == {f"{name} (ลบแล้ว)"}
    assert name in view.filter_description()
