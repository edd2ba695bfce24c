"""The audit setting ``audit.record_views`` (each opening of a child's record is an entry,
on by default) on the office settings page's security group: an administrator turns it
off and on; the service refuses anyone else (issue 9)."""

from __future__ import annotations

import pytest
from actors import actor_with
from sqlalchemy import func, select

from desktop.domain.roles import Role
from desktop.gui.context import AppContext
from desktop.services import audit
from desktop.services.access import NotPermitted, sign_in
from desktop.store.models import AuditEntry


def _views(ctx: AppContext) -> int:
    with ctx.db.reader() as s:
        return int(s.scalar(select(func.count()).select_from(AuditEntry)
                            .where(AuditEntry.action == audit.VIEW_ACTION)) or 0)


def test_the_setting_is_a_checkbox_an_administrator_saves(qtbot, ctx: AppContext) -> None:  # type: ignore[no-untyped-def]
    from desktop.gui.views.office_settings_view import OfficeSettingsView

    view = OfficeSettingsView(ctx)
    qtbot.addWidget(view)
    view.show()
    box = view.record_views_check
    assert box.isChecked() and box.isEnabled()  # on by default
    assert box.text() and "เปิดดู" in box.text()
    box.click()
    view.ui.saveButton.click()
    assert "บันทึก" in view.ui.messageLabel.text()
    with ctx.db.reader() as s:
        assert not audit.views_recorded(s)
        last = s.scalars(select(AuditEntry).order_by(AuditEntry.id.desc()).limit(1)).one()
    assert last.action == "settings" and audit.RECORD_VIEWS_KEY in (last.detail or "")
    before = _views(ctx)
    assert not audit.record_view(ctx.db, "some-child")
    assert _views(ctx) == before
    view.refresh()
    assert not box.isChecked()
    box.click()
    view.ui.saveButton.click()
    with ctx.db.reader() as s:
        assert audit.views_recorded(s)
    assert audit.record_view(ctx.db, "some-child") and _views(ctx) == before + 1


@pytest.mark.parametrize("role", [Role.CLERK, Role.CERTIFIER, Role.PROVINCE])
def test_the_service_refuses_anyone_but_an_administrator(ctx: AppContext, role: Role) -> None:
    from desktop.services.security import set_record_views

    sign_in(ctx.db, actor_with(role))
    with pytest.raises(NotPermitted), ctx.db.session() as s:
        set_record_views(s, False)
    with ctx.db.reader() as s:
        assert audit.views_recorded(s)
    sign_in(ctx.db, actor_with(Role.ADMIN))
    with ctx.db.session() as s:
        assert set_record_views(s, False) is False
    with ctx.db.reader() as s:
        assert not audit.views_recorded(s)
