"""The import speaks the screen's language (issue 8, "English that is English"): every
problem of a file, of a row and of the whole-file values is English with ``--lang en`` (the
file's own text, the data, stays as typed), Thai stays Thai to the byte, and nothing in the
import recognises a message by its words (a translated message still counts)."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from class_list import children
from test_imports_class_list import CDC, plan_of, reg, school_id, sheet, whole_file

from desktop import i18n
from desktop.store.db import Database

__all__ = ["reg"]  # the fixture, shared with test_imports_class_list

THAI = re.compile(r"[\u0e00-\u0e7f]")


@pytest.fixture(params=["th", "en"])
def lang(request: pytest.FixtureRequest) -> Iterator[str]:
    i18n.set_language(request.param)
    try:
        yield str(request.param)
    finally:
        i18n.set_language("th")


def test_a_bad_whole_file_level_is_said_once_in_either_language(reg: Database, lang: str) -> None:
    """The planner knows the whole-file level was said by the problem's field, not by its
    Thai words: in English too the rows do not repeat it."""
    kw = {**whole_file(reg), "institution_id": school_id(reg, CDC)}  # a CDC has no อ.2
    plan = plan_of(reg, sheet(*children(5)), **kw)
    file_errors = [p for p in plan.file_problems if p.severity == "error"]
    assert len(file_errors) == 1 and file_errors[0].field == "level"
    assert not any(p.field == "level" for r in plan.rows for p in r.problems), lang
    assert bool(THAI.search(file_errors[0].message.replace(CDC, "").replace("อ.2", ""))) == (lang == "th")

