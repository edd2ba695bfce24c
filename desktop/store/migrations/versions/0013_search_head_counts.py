"""The exact number of live children holding each head's piece (SQLite only, like the
heads of 0010): see desktop/store/search_heads.py.

The list counts a search as the trigram index does: FTS5 reads the positions of every
trigram of the phrase. For the commonest pieces typed whole (ประเสริฐ: 62,000 of a
million children, วงศ์: 95,000) that count took 13-14 ms after a 6 ms first page. A
piece that has a head is now counted by ``search_head_count``, which triggers on
``child_name_text`` (0009) keep exact: a child added, removed or renamed moves the count of
each piece its search text holds or held (each once, however often it holds it). The
bulk writers that pause the heads' triggers add their new children's counts with the
trigram index at the end (search_heads.refresh_range).

Revision ID: 0013
Revises: 0012
Create Date: 2026-11-30
"""

from __future__ import annotations

from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def _moved(row: str, step: str) -> str:
    """Move the count of each head piece that the search text of ``row`` (``new`` or
    ``old``) holds, once however often it holds it (IN): its trigrams position by position
    (a trigger can hold no WITH), then the common names (a short list, tested one by one;
    longer than a trigram, so never counted twice)."""
    return (f"UPDATE search_head_count SET docs = docs {step} 1 WHERE piece IN "
            f"(SELECT lower(substr({row}.search, p.i, 3)) FROM search_pos p "
            f"WHERE p.i <= length({row}.search) - 2); "
            f"UPDATE search_head_count SET docs = docs {step} 1 WHERE piece IN "
            f"(SELECT w.piece FROM search_head_name w WHERE instr(lower({row}.search), w.piece) > 0); ")


ACTIVE = ("NOT EXISTS (SELECT 1 FROM search_head_pause) "
          "AND EXISTS (SELECT 1 FROM search_head_count)")
COUNT_DDL = (
    "CREATE TABLE search_head_count (piece TEXT NOT NULL PRIMARY KEY, docs INTEGER NOT NULL) "
    "WITHOUT ROWID",
    f"CREATE TRIGGER search_count_ai AFTER INSERT ON child_name_text WHEN {ACTIVE} BEGIN "
    f"{_moved('new', '+')}END",
    f"CREATE TRIGGER search_count_au AFTER UPDATE OF search ON child_name_text "
    f"WHEN {ACTIVE} AND new.search IS NOT old.search BEGIN "
    f"{_moved('old', '-')}{_moved('new', '+')}END",
    # a removal is never paused: a bulk writer only adds
    "CREATE TRIGGER search_count_ad AFTER DELETE ON child_name_text "
    f"WHEN EXISTS (SELECT 1 FROM search_head_count) BEGIN {_moved('old', '-')}END",
)
TRIGGERS = ("search_count_ai", "search_count_au", "search_count_ad")


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for statement in COUNT_DDL:
        op.execute(statement)
    from desktop.store.search_heads import count_pieces

    count_pieces(op.get_bind().connection.driver_connection)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for name in TRIGGERS:
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
        op.execute("DROP TABLE IF EXISTS search_head_count")
