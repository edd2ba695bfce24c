"""Thai dictionary order for the children list: stored sort keys of the names.

SQL compares text by code point, which puts every name that starts with a leading vowel
(เ แ โ ใ ไ) after ฮ. ``child.first_name_key`` and ``last_name_key`` hold
``stored_sort_key`` of the names (``thai_sort_key``: leading vowel after its consonant,
tone marks only to break ties; one ASCII byte per Thai character, U+0001 for the U+0000
separator, which PostgreSQL text cannot hold),
so that a plain binary ORDER BY, and an index, give dictionary order. The list's partial
name indexes move from the names to the keys.

``ADD COLUMN`` (not a batch table rebuild): the child table keeps its search triggers and
its FTS index; they watch the name columns, which this migration does not write. The keys
of the rows already there are computed in Python, streamed by id ranges and written with
``executemany``; the old indexes go first and the new ones are built after the fill
(cheaper than keeping an index up to date row by row). PostgreSQL compares the keys with
the "C" collation (byte order, as SQLite does), whatever the database's locale.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-26
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from desktop.domain.text import stored_sort_key

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

KEY_LENGTH = 101  # a name (100) and the separator
CHUNK = 20_000
LIVE = sa.text("deleted_at IS NULL")


def _key_type(dialect: str) -> sa.String:
    return sa.String(KEY_LENGTH, collation="C" if dialect == "postgresql" else None)


def _fill_keys(conn: sa.Connection) -> None:
    mark = "?" if conn.dialect.paramstyle in ("qmark", "numeric") else "%s"
    select_sql = (f"SELECT id, first_name, last_name FROM child WHERE id > {mark} "  # noqa: S608
                  f"ORDER BY id LIMIT {CHUNK}")
    update_sql = (f"UPDATE child SET first_name_key = {mark}, last_name_key = {mark} "  # noqa: S608
                  f"WHERE id = {mark}")
    keys: dict[str, str] = {}  # names repeat (households share a surname): compute each once

    def key(name: str) -> str:
        found = keys.get(name)
        if found is None:
            if len(keys) > 200_000:
                keys.clear()
            found = keys[name] = stored_sort_key(name)
        return found

    last = 0
    while True:
        rows = conn.exec_driver_sql(select_sql, (last,)).all()
        if not rows:
            break
        conn.exec_driver_sql(update_sql, [(key(first), key(last_name), id_)
                                          for id_, first, last_name in rows])
        last = rows[-1][0]


def upgrade() -> None:
    conn = op.get_bind()
    dialect = conn.dialect.name
    for name in ("first_name_key", "last_name_key"):
        op.add_column("child", sa.Column(name, _key_type(dialect), nullable=False, server_default=""))
    op.drop_index("ix_child_live_name", table_name="child")
    op.drop_index("ix_child_live_last_name", table_name="child")
    _fill_keys(conn)
    op.create_index("ix_child_live_name_key", "child", ["first_name_key", "last_name_key"],
                    unique=False, sqlite_where=LIVE, postgresql_where=LIVE)
    op.create_index("ix_child_live_last_name_key", "child", ["last_name_key", "first_name_key"],
                    unique=False, sqlite_where=LIVE, postgresql_where=LIVE)


def downgrade() -> None:
    op.drop_index("ix_child_live_last_name_key", table_name="child")
    op.drop_index("ix_child_live_name_key", table_name="child")
    op.create_index("ix_child_live_last_name", "child", ["last_name", "first_name"], unique=False,
                    sqlite_where=LIVE, postgresql_where=LIVE)
    op.create_index("ix_child_live_name", "child", ["first_name", "last_name"], unique=False,
                    sqlite_where=LIVE, postgresql_where=LIVE)
    # SQLite 3.35+ drops a column that no index, view or trigger uses: no table rebuild
    op.drop_column("child", "last_name_key")
    op.drop_column("child", "first_name_key")
