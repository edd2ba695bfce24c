"""The province's list on PostgreSQL: a municipality's search counted from its index.

Inside one municipality a term common in the province (ชัย: 93,000 of 1M) is tested on
each of its children (children_pg_terms.on_rows: its ~7,000 of 1M over 150 offices);
counting them read every child's row, ~7,000 heap pages where the offices' children lie
mixed (~40 ms at 1M on a machine loaded 12 on 2 cores). ``ix_child_live_office_name``
(0014) now carries the fields a term is tested on (the names, the English names, the
identifiers) beside its keys, so that count is an index-only scan (~6 ms there), once
autovacuum has marked the table's pages visible. PostgreSQL only (SQLite's index stays;
an index there cannot carry columns apart from its keys).

Revision ID: 0021
Revises: 0020
Create Date: 2026-12-01
"""

from __future__ import annotations

from alembic import op

revision = "0021"
down_revision = "0020"
branch_labels = None
depends_on = None

KEYS = "(origin_office_id, first_name_key, last_name_key)"
FIELDS = "(first_name, last_name, first_name_en, last_name_en, national_id, g_code)"


def _office_index(include: str) -> None:
    op.execute("DROP INDEX IF EXISTS ix_child_live_office_name")
    op.execute(f"CREATE INDEX ix_child_live_office_name ON child {KEYS}{include} "
               "WHERE deleted_at IS NULL")


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        _office_index(f" INCLUDE {FIELDS}")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        _office_index("")
