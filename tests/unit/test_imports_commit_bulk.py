"""A commit into a registry smaller than the file is a bulk load (indexes and triggers set
aside, services/demo.py deferred_indexes): what the triggers would have written is written
chunk by chunk instead, and everything is as a row-by-row write leaves it."""

from __future__ import annotations

from sqlalchemy import text
from test_children_walk import _text_rows
from test_household_counts import assert_counts_right
from test_imports import commit, plan_of
from test_imports_plan_parts import messy_sheet

from desktop.store.db import Database
from desktop.store.integrity import check_database


def _schema(db: Database) -> list[tuple[str, str]]:
    with db.reader() as s:
        return [(str(n), str(q)) for n, q in s.execute(text(
            "SELECT name, sql FROM sqlite_master WHERE type IN ('index', 'trigger') "
            "AND sql IS NOT NULL ORDER BY name"))]


def test_a_bulk_commit_fills_the_walked_text_counts_and_search(office_db: Database) -> None:
    before = _schema(office_db)
    plan = plan_of(office_db, messy_sheet())
    batch = commit(office_db, plan)
    assert batch.children == plan.valid_count >= 6
    stored, wanted = _text_rows(office_db)  # child_name_text (0009), copied chunk by chunk
    assert stored == wanted and len(stored) == batch.children
    with office_db.reader() as s:
        order = s.execute(text("SELECT count(*) FROM child_name_order")).scalar()
        fts = s.execute(text("SELECT count(*) FROM child_fts WHERE child_fts MATCH 'มานี'")).scalar()
    assert order == batch.children and fts == 1
    assert assert_counts_right(office_db) >= 4  # the households' member counts (0008)
    assert _schema(office_db) == before  # every index and trigger back as it was
    assert check_database(office_db.engine) == []
