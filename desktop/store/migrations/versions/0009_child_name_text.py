"""The live children's search text in name order, for walking a common term's first page
(SQLite only, like the search index of 0002 and the name order of 0006).

A 3-letter term such as "ชัย" matches ~94,000 of a million children. Its first page in
name order is found by walking the order and testing each child for the term
(services/children_walk.py); walked through the child rows (ix_child_live_name_key and a
row look-up per child) that cost 13-28 ms for the first-name sort and was not possible
for the last-name sort. ``child_name_text`` holds (first_name_key, last_name_key, id,
search), a WITHOUT ROWID table in first-name order, and ``ix_child_name_text_last`` covers
the last-name order: a walk reads ~0.1 µs a child and never touches the wide row.

``search`` is the text the trigram index holds (child_search_src: the names, then the
identifiers) joined by a space; the walk only tests terms without a space, so no match
can cross from one to the other. Triggers keep the table in step with every write (the
ORM, the demo loader, an import and its undo): a row comes and goes with the child's row
of child_name_order (whose triggers on child, or a bulk load's copy of each chunk, keep
that one), and a live child's text follows its names and identifiers.

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-30
"""

from __future__ import annotations

from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def search_text(row: str) -> str:
    """The search text of ``row`` (``new``, ``old`` or a table name)."""
    return (f"{row}.first_name || ' ' || {row}.last_name || ' ' || {row}.first_name_en || ' ' "
            f"|| {row}.last_name_en || ' ' || coalesce({row}.national_id, '') || ' ' "
            f"|| coalesce({row}.g_code, '')")


COLUMNS = "first_name_key, last_name_key, id, search"
TEXT_DDL = (
    "CREATE TABLE child_name_text (first_name_key VARCHAR(101) NOT NULL, "
    "last_name_key VARCHAR(101) NOT NULL, id INTEGER NOT NULL, search TEXT NOT NULL, "
    "PRIMARY KEY (first_name_key, last_name_key, id)) WITHOUT ROWID",
    f"INSERT INTO child_name_text ({COLUMNS}) SELECT first_name_key, last_name_key, id, "
    f"{search_text('child')} FROM child WHERE deleted_at IS NULL "
    "ORDER BY first_name_key, last_name_key, id",
    "CREATE INDEX ix_child_name_text_last ON child_name_text "
    "(last_name_key, first_name_key, id, search)",
    # a row of child_name_order (0006) comes and goes with its text...
    "CREATE TRIGGER child_name_text_ai AFTER INSERT ON child_name_order BEGIN "
    f"INSERT OR REPLACE INTO child_name_text ({COLUMNS}) SELECT new.first_name_key, "
    f"new.last_name_key, new.id, {search_text('child')} FROM child WHERE child.id = new.id; END",
    "CREATE TRIGGER child_name_text_ad AFTER DELETE ON child_name_order BEGIN "
    "DELETE FROM child_name_text WHERE first_name_key = old.first_name_key "
    "AND last_name_key = old.last_name_key AND id = old.id; END",
    # ...and a live child's text follows its names and identifiers
    "CREATE TRIGGER child_name_text_au AFTER UPDATE OF first_name, last_name, first_name_en, "
    "last_name_en, national_id, g_code ON child WHEN new.deleted_at IS NULL BEGIN "
    f"UPDATE child_name_text SET search = {search_text('new')} "
    "WHERE first_name_key = new.first_name_key AND last_name_key = new.last_name_key "
    "AND id = new.id; END",
)
TRIGGERS = ("child_name_text_au", "child_name_text_ad", "child_name_text_ai")


def upgrade() -> None:
    # PostgreSQL searches with ILIKE and has no walk
    if op.get_bind().dialect.name == "sqlite":
        for statement in TEXT_DDL:
            op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for name in TRIGGERS:
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
        op.execute("DROP TABLE IF EXISTS child_name_text")
