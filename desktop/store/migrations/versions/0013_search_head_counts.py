"""The exact number of live children holding each head's piece, and cheaper head triggers
(SQLite only, like the heads of 0010): see desktop/store/search_heads.py.

The list counts a search as the trigram index does: FTS5 reads the positions of every
trigram of the phrase. For the commonest pieces typed whole (ประเสริฐ: 62,000 of a
million children, วงศ์: 95,000) that count took 13-14 ms after a 6 ms first page. A
piece that has a head is now counted by ``search_head_count``, which triggers on
``child_name_text`` (0009) keep exact: a child added, removed or renamed moves the count of
each piece its search text holds or held (each once, however often it holds it). The
bulk writers that pause the heads' triggers add their new children's counts with the
trigram index at the end (search_heads.refresh_range).

The common names (1,674 pieces at 1M) were tested one by one against each written
child's text, lowering it each time (~0.3 ms a child). Both the heads' triggers and the
counts' now find them position by position, as the trigrams: the names that begin with
the text's trigram there (a range of search_head_name's key), each compared once.

Revision ID: 0013
Revises: 0012
Create Date: 2026-11-30
"""

from __future__ import annotations

import importlib

from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

_HEADS = importlib.import_module("desktop.store.migrations.versions.0010_search_heads")


def _names_from(row: str) -> str:
    """The common names that ``row``'s search text holds, found where they begin: at each
    position, the names that begin with the text's trigram there (a range of
    search_head_name's key; CROSS JOIN keeps that order)..."""
    tri = f"lower(substr({row}.search, p.i, 3))"
    return (f"search_pos p CROSS JOIN search_head_name w ON w.piece >= {tri} "
            f"AND w.piece < {tri} || char(1114111)")


def _names_where(row: str) -> str:
    """... each compared whole once."""
    return (f"p.i <= length({row}.search) - 3 "
            f"AND lower(substr({row}.search, p.i, length(w.piece))) = w.piece")


def _moved(row: str, step: str) -> str:
    """Move the count of each head piece ``row``'s text holds, once however often (IN)."""
    return (f"UPDATE search_head_count SET docs = docs {step} 1 WHERE piece IN "
            f"(SELECT lower(substr({row}.search, p.i, 3)) FROM search_pos p "
            f"WHERE p.i <= length({row}.search) - 2); "
            f"UPDATE search_head_count SET docs = docs {step} 1 WHERE piece IN "
            f"(SELECT w.piece FROM {_names_from(row)} WHERE {_names_where(row)}); ")


JOIN_HEADS = (
    "DELETE FROM search_head WHERE id = new.id; "
    f"{_HEADS._INTO}FROM search_pos p CROSS JOIN search_head_term t "
    "ON t.piece = lower(substr(new.search, p.i, 3)) "
    f"WHERE p.i <= length(new.search) - 2 AND {_HEADS.NEAR}; "
    f"{_HEADS._INTO}FROM {_names_from('new')} CROSS JOIN search_head_term t ON t.piece = w.piece "
    f"WHERE {_names_where('new')} AND {_HEADS.NEAR}; "
)
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
HEAD_TRIGGERS = (  # 0010's, finding the names by position
    f"CREATE TRIGGER search_head_ai AFTER INSERT ON child_name_text WHEN {_HEADS.ACTIVE} BEGIN "
    f"{JOIN_HEADS}END",
    f"CREATE TRIGGER search_head_au AFTER UPDATE OF search ON child_name_text WHEN {_HEADS.ACTIVE} "
    f"BEGIN {JOIN_HEADS}END",
)
TRIGGERS = ("search_count_ai", "search_count_au", "search_count_ad")


def _head_triggers(ddl: tuple[str, ...]) -> None:
    for name in ("search_head_ai", "search_head_au"):
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    for statement in ddl:
        op.execute(statement)


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for statement in COUNT_DDL:
        op.execute(statement)
    _head_triggers(HEAD_TRIGGERS)
    from desktop.store.search_heads import count_pieces

    count_pieces(op.get_bind().connection.driver_connection)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for name in TRIGGERS:
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
        op.execute("DROP TABLE IF EXISTS search_head_count")
        _head_triggers(tuple(s for s in _HEADS.HEAD_DDL if s.startswith("CREATE TRIGGER search_head_a")
                             and "AFTER DELETE" not in s))
