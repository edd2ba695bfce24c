"""The screenings page's four lists and the rule packs dialog in English (``--lang en``):
no Thai left but data (names, schools, the members typed in, the rule pack's own title as
the province wrote it)."""

from __future__ import annotations

from typing import Any

from test_english_screens import _data_strings, _strip, english, screen_texts  # noqa: F401 (a fixture)
from test_screening_list import _children, _screen

from desktop.gui.context import AppContext
from desktop.gui.views.rulepack_dialog import RulePackDialog
from desktop.gui.views.screenings_view import ScreeningsView


def _english(top: Any, ctx: AppContext, *more: str) -> None:
    texts = screen_texts(top)
    assert len(texts) > 5
    left = _strip(texts, sorted([*_data_strings(ctx), *more], key=len, reverse=True))
    assert not left, "Thai left on an English screen:\n" + "\n".join(left[:40])


def test_the_screenings_lists_in_english(english, qtbot, ctx: AppContext) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    for child in _children(ctx, 3):
        _screen(ctx, child[0], child[1])
    view = ScreeningsView(ctx)
    qtbot.addWidget(view)
    view.term_combo.setCurrentIndex(view.term_combo.findData(25691))
    view.show()
    qtbot.waitExposed(view)
    assert view.tabs.tabText(1) == "Not screened"
    members = ["นางมาลี ใจดี", "นายสมชาย ใจดี", "นางสม ใจดี", "แม่", "พ่อ", "ยาย", "ตัวเด็ก"]
    for page in view.pages.values():
        view.tabs.setCurrentWidget(page)
        assert page.row_count() > 0
        _english(view, ctx, *members)


def test_the_rule_packs_in_english(english, qtbot, ctx: AppContext) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    dialog = RulePackDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.install_button.text() == "Install from a file…"
    title = dialog.packs[0].title  # the pack's own words, as the province wrote them
    _english(dialog, ctx, title)
