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


def test_a_commit_into_a_larger_registry_sets_aside_only_the_triggers(demo_db: Database) -> None:
    """A file smaller than the registry keeps the indexes (services/imports/commit.py
    write_tables: ``triggers_only``): the search, the name tables and the member counts are
    written a chunk at a time as the triggers would, and the schema comes back whole."""
    before = _schema(demo_db)
    with demo_db.reader() as s:
        registry = s.execute(text("SELECT count(*) FROM child")).scalar()
    plan = plan_of(demo_db, messy_sheet())
    assert 0 < plan.valid_count < (registry or 0)
    batch = commit(demo_db, plan)
    assert batch.children == plan.valid_count
    stored, wanted = _text_rows(demo_db)  # child_name_text (0009): every live child, the new ones too
    assert stored == wanted and len(stored) == (registry or 0) + batch.children
    with demo_db.reader() as s:
        order = s.execute(text("SELECT count(*) FROM child_name_order")).scalar()
        fts = s.execute(text("SELECT count(*) FROM child_fts WHERE child_fts MATCH 'มานี'")).scalar()
        s.execute(text("INSERT INTO child_fts(child_fts, rank) VALUES ('integrity-check', 1)"))
    assert order == (registry or 0) + batch.children and fts >= 1
    assert assert_counts_right(demo_db) >= 4  # the households' member counts (0008)
    assert _schema(demo_db) == before  # every index and trigger back as it was
    assert check_database(demo_db.engine) == []
