"""The grant rounds' screens in English (``--lang en``): no Thai left but data (names,
schools), as the other screens (tests/gui/test_english_screens.py)."""

from __future__ import annotations

from typing import Any

from test_english_screens import assert_english, english  # noqa: F401 - the fixture
from test_grant_rounds import _page, screen_some

from desktop.domain.grants import Programme
from desktop.domain.screening import PovertyLevel
from desktop.gui.context import AppContext
from desktop.gui.views.grant_round_new import NewRoundDialog
from desktop.gui.views.grant_round_window import GrantRoundWindow
from desktop.services.grants import RoundValues, create_round, record_attendance, rounds


def _round(ctx: AppContext) -> Any:
    screen_some(ctx.db)
    with ctx.db.session() as s:
        create_round(s, RoundValues(Programme.EEF, "Equity grant 1/2569", 2569, 1,
                                    levels=frozenset({PovertyLevel.EXTREME, PovertyLevel.POOR}), attendance_percent=80))
        return rounds(s)[0]


def test_the_rounds_page_and_new_round_in_english(english, qtbot, ctx: AppContext) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    _round(ctx)
    view = _page(qtbot, ctx)
    assert_english(view, ctx)
    dialog = NewRoundDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.name_edit.setText("Equity grant")
    assert_english(dialog, ctx)


def test_a_round_window_in_english(english, qtbot, ctx: AppContext) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    info = _round(ctx)
    window = GrantRoundWindow(ctx, info)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.lists is not None, timeout=20_000)
    held = [r.child_uuid for r in window.lists.eligible if r.outcome.value == "held"][:3]  # type: ignore[union-attr]
    with ctx.db.session() as s:
        record_attendance(s, 2569, 1, [(held[0], 90, 100), (held[1], 70, 100)])
    window.reload()
    qtbot.waitUntil(lambda: not window.loading, timeout=20_000)
    for n in range(window.tabs.count()):
        window.tabs.setCurrentIndex(n)
        assert_english(window, ctx)
