"""Audit log, the as-you-type search index of children (SQLite FTS5 trigram), and an
index of deleted children for a cheap live count.

The search index is an external-content FTS5 table over a view, kept in step by
triggers; on PostgreSQL the search falls back to ILIKE and nothing is created here.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

NAME_OLD = "old.first_name || ' ' || old.last_name || ' ' || old.first_name_en || ' ' || old.last_name_en"
NAME_NEW = NAME_OLD.replace("old.", "new.")
IDENT_OLD = "coalesce(old.national_id, '') || ' ' || coalesce(old.g_code, '')"
IDENT_NEW = IDENT_OLD.replace("old.", "new.")

# The index holds live children only (deleted_at IS NULL): the list always searches live
# rows, so a search's count is the index's own count, with no look-up of the rows. The
# bin of deleted children is small and searched without the index.
SEARCH_DDL = [
    "CREATE VIEW child_search_src AS SELECT id, "
    + NAME_OLD.replace("old.", "")
    + " AS name, "
    + IDENT_OLD.replace("old.", "")
    + " AS ident FROM child WHERE deleted_at IS NULL",
    "CREATE VIRTUAL TABLE child_fts USING fts5(name, ident, content='child_search_src', "
    "content_rowid='id', columnsize=0, tokenize='trigram')",  # no ranking: -20% to build
    f"CREATE TRIGGER child_fts_ai AFTER INSERT ON child WHEN new.deleted_at IS NULL BEGIN "
    f"INSERT INTO child_fts(rowid, name, ident) VALUES (new.id, {NAME_NEW}, {IDENT_NEW}); END",
    f"CREATE TRIGGER child_fts_ad AFTER DELETE ON child WHEN old.deleted_at IS NULL BEGIN "
    f"INSERT INTO child_fts(child_fts, rowid, name, ident) "
    f"VALUES ('delete', old.id, {NAME_OLD}, {IDENT_OLD}); END",
    # One trigger, two statements in a fixed order: remove the old entry if it was live,
    # add the new one if it is live (covers edits, soft delete and restore).
    f"CREATE TRIGGER child_fts_au AFTER UPDATE OF first_name, last_name, first_name_en, "
    f"last_name_en, national_id, g_code, deleted_at ON child BEGIN "
    f"INSERT INTO child_fts(child_fts, rowid, name, ident) "
    f"SELECT 'delete', old.id, {NAME_OLD}, {IDENT_OLD} WHERE old.deleted_at IS NULL; "
    f"INSERT INTO child_fts(rowid, name, ident) "
    f"SELECT new.id, {NAME_NEW}, {IDENT_NEW} WHERE new.deleted_at IS NULL; END",
    "INSERT INTO child_fts(child_fts) VALUES ('rebuild')",
]


def upgrade() -> None:
    op.create_table('audit_log',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('actor', sa.String(length=100), nullable=False),
    sa.Column('action', sa.String(length=20), nullable=False),
    sa.Column('entity', sa.String(length=40), nullable=False),
    sa.Column('entity_uuid', sa.String(length=36), nullable=False),
    sa.Column('detail', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_log'))
    )
    op.create_index('ix_audit_log_entity', 'audit_log', ['entity', 'entity_uuid'], unique=False)
    op.create_index("ix_child_deleted", "child", ["deleted_at"], unique=False,
                    sqlite_where=sa.text("deleted_at IS NOT NULL"),
                    postgresql_where=sa.text("deleted_at IS NOT NULL"))
    if op.get_bind().dialect.name == "sqlite":
        for statement in SEARCH_DDL:
            op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for name in ("child_fts_au", "child_fts_ad", "child_fts_ai"):
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
        op.execute("DROP TABLE IF EXISTS child_fts")
        op.execute("DROP VIEW IF EXISTS child_search_src")
    op.drop_index("ix_child_deleted", table_name="child")
    op.drop_index("ix_audit_log_entity", table_name="audit_log")
    op.drop_table("audit_log")
