"""The first children of each common piece of the names (a trigram, a whole name) in the
four name orders, for the first page of a common search term (SQLite only, like the
search index of 0002): see desktop/store/search_heads.py.

A 3-letter term such as "ภัท" (~70,000 of a million children, nearly all far along the
first-name order) took 25-40 ms at 1M either way the search had: walking the order
(children_walk) or sorting every match by its name keys. ``search_head`` holds, for each
trigram that at least 5,000 children contain, every child containing it up to a boundary
kept in ``search_head_term`` (at the build, its 300th in that order), in each of the four
orders, and likewise for each first or last name that 5,000 children bear (a surname
such as วงศ์สวัสดิ์, whose children sit together in the last-name order); a term's first
page is then read from the head of a piece it contains (~0.1 ms).

Triggers on ``child_name_text`` (0009) keep each head whole: a child added or renamed
on the near side of a boundary joins that head, a removed one leaves every head. They
look the new search text's trigrams up in ``search_head_term`` position by position
(``search_pos`` numbers the positions: a trigger can hold no WITH) and test it for each
name; tens of µs a child where heads exist, nothing where none do (an office's registry). Bulk writers (the demo, an
import) pause them with a row in ``search_head_pause`` and add their children with one
trigram-index query per head (search_heads.refresh_range).

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-30
"""

from __future__ import annotations

from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

POSITIONS = 1000  # longer than any search text (four names of 100, the identifiers)
# a child on the near side of a head's boundary, in that head's order
NEAR = ("((t.way = 0 AND (new.first_name_key, new.last_name_key, new.id) <= (t.k1, t.k2, t.id)) "
        "OR (t.way = 1 AND (new.first_name_key, new.last_name_key, new.id) >= (t.k1, t.k2, t.id)) "
        "OR (t.way = 2 AND (new.last_name_key, new.first_name_key, new.id) <= (t.k1, t.k2, t.id)) "
        "OR (t.way = 3 AND (new.last_name_key, new.first_name_key, new.id) >= (t.k1, t.k2, t.id)))")
_INTO = ("INSERT OR IGNORE INTO search_head (piece, way, k1, k2, id) SELECT t.piece, t.way, "
         "CASE WHEN t.way < 2 THEN new.first_name_key ELSE new.last_name_key END, "
         "CASE WHEN t.way < 2 THEN new.last_name_key ELSE new.first_name_key END, new.id ")
JOIN_HEADS = (
    "DELETE FROM search_head WHERE id = new.id; "
    # the trigrams, position by position (a trigger can hold no WITH)
    # (CROSS JOIN: SQLite keeps the order, looking each position's trigram up)
    f"{_INTO}FROM search_pos p CROSS JOIN search_head_term t "
    "ON t.piece = lower(substr(new.search, p.i, 3)) "
    f"WHERE p.i <= length(new.search) - 2 AND {NEAR}; "
    # the common names (a short list of their own: tested one by one)
    f"{_INTO}FROM search_head_name w CROSS JOIN search_head_term t ON t.piece = w.piece "
    f"WHERE instr(lower(new.search), w.piece) > 0 AND {NEAR}; "
)
ACTIVE = ("NOT EXISTS (SELECT 1 FROM search_head_pause) "
          "AND EXISTS (SELECT 1 FROM search_head_term)")
HEAD_DDL = (
    "CREATE TABLE search_pos (i INTEGER PRIMARY KEY)",
    f"WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {POSITIONS}) "
    "INSERT INTO search_pos (i) SELECT i FROM n",
    # a piece's boundary in each order, and how many children held it when it was chosen
    "CREATE TABLE search_head_term (piece TEXT NOT NULL, way INTEGER NOT NULL, "
    "k1 TEXT NOT NULL, k2 TEXT NOT NULL, id INTEGER NOT NULL, docs INTEGER NOT NULL, "
    "PRIMARY KEY (piece, way)) WITHOUT ROWID",
    "CREATE TABLE search_head (piece TEXT NOT NULL, way INTEGER NOT NULL, k1 TEXT NOT NULL, "
    "k2 TEXT NOT NULL, id INTEGER NOT NULL, PRIMARY KEY (piece, way, k1, k2, id)) WITHOUT ROWID",
    "CREATE INDEX ix_search_head_id ON search_head (id)",
    "CREATE TABLE search_head_name (piece TEXT NOT NULL PRIMARY KEY) WITHOUT ROWID",
    "CREATE TABLE search_head_pause (one INTEGER PRIMARY KEY)",
    f"CREATE TRIGGER search_head_ai AFTER INSERT ON child_name_text WHEN {ACTIVE} BEGIN "
    f"{JOIN_HEADS}END",
    f"CREATE TRIGGER search_head_au AFTER UPDATE OF search ON child_name_text WHEN {ACTIVE} "
    f"BEGIN {JOIN_HEADS}END",
    "CREATE TRIGGER search_head_ad AFTER DELETE ON child_name_text "
    "WHEN EXISTS (SELECT 1 FROM search_head_term) BEGIN "
    "DELETE FROM search_head WHERE id = old.id; END",
)
TRIGGERS = ("search_head_ai", "search_head_au", "search_head_ad")
TABLES = ("search_head_pause", "search_head_name", "search_head", "search_head_term",
          "search_pos")


def upgrade() -> None:
    # PostgreSQL searches with ILIKE and has no walk
    if op.get_bind().dialect.name != "sqlite":
        return
    for statement in HEAD_DDL:
        op.execute(statement)
    from desktop.store.search_heads import rebuild

    raw = op.get_bind().connection.driver_connection
    rebuild(raw)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for name in TRIGGERS:
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
        for table in TABLES:
            op.execute(f"DROP TABLE IF EXISTS {table}")
