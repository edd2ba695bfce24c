"""The province's consolidated registry: the list filtered to one municipality, and the
search on PostgreSQL.

- ``ix_child_live_office_name`` (both backends): the live children by the office their
  rows came from (``origin_office_id``), in first-name order. The list filtered to one
  municipality reads its first page as one range of it, and counts it there (at 1M
  children over 150 offices: ~7,000 entries, where the table has 1M rows to scan).
- PostgreSQL only: the ``pg_trgm`` extension (Debian's ``postgresql`` package ships it;
  trusted since PostgreSQL 13, so the database's owner may create it) and a GIN trigram
  index ``ix_child_live_search_trgm`` over the live children's search text, the
  expression ``children_query.SEARCH_TEXT_PG`` that the search's ``ILIKE`` tests: a term
  of three or more characters is answered from the index instead of a scan of every
  row. SQLite searches through its FTS5 trigram index (0002), so nothing changes there.

Revision ID: 0014
Revises: 0013
Create Date: 2026-11-30
"""

from __future__ import annotations

from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None

# The search text, as children_query.SEARCH_TEXT_PG writes it (the planner uses the index
# only for this same expression): the names, the English names, the identifiers.
SEARCH_TEXT = ("(child.first_name || ' ' || child.last_name || ' ' || child.first_name_en "
               "|| ' ' || child.last_name_en || ' ' || coalesce(child.national_id, '') "
               "|| ' ' || coalesce(child.g_code, ''))")


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    where = "WHERE deleted_at IS NULL"
    op.execute("CREATE INDEX ix_child_live_office_name ON child "
               f"(origin_office_id, first_name_key, last_name_key) {where}")
    if dialect == "postgresql":
        op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        # the index names the table's columns bare (an index cannot name its table)
        op.execute("CREATE INDEX ix_child_live_search_trgm ON child USING gin "
                   f"({SEARCH_TEXT.replace('child.', '')} gin_trgm_ops) {where}")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP INDEX IF EXISTS ix_child_live_search_trgm")
        # the extension stays: other objects of the database may use it
    op.execute("DROP INDEX IF EXISTS ix_child_live_office_name")
