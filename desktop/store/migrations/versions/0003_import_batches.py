"""Spreadsheet import batches: one row per import, and on every record an import can create
the batch that made it, so that a whole import can be undone at once. Indexes for the
import's bulk look-ups: households by house code, guardians by national ID.

``ADD COLUMN`` (not a batch table rebuild): the child table keeps its rows, its search
triggers and its FTS index untouched.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

IMPORTED_TABLES = ("household", "child", "guardian", "child_guardian", "enrollment")


def upgrade() -> None:
    op.create_table('import_batch',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('actor', sa.String(length=100), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('file_name', sa.String(length=260), nullable=False),
    sa.Column('sheet', sa.String(length=100), nullable=False),
    sa.Column('row_count', sa.Integer(), nullable=False),
    sa.Column('child_count', sa.Integer(), nullable=False),
    sa.Column('detail', sa.Text(), nullable=False),
    sa.Column('undone_at', sa.DateTime(), nullable=True),
    sa.Column('undone_by', sa.String(length=100), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_import_batch')),
    sa.UniqueConstraint('uuid', name=op.f('uq_import_batch_uuid'))
    )
    sqlite = op.get_bind().dialect.name == "sqlite"
    for table in IMPORTED_TABLES:
        if sqlite:
            # SQLite cannot ALTER in a named constraint; an inline REFERENCES is allowed.
            op.execute(f"ALTER TABLE {table} ADD COLUMN import_batch_id INTEGER "
                       f"CONSTRAINT fk_{table}_import_batch_id_import_batch "
                       f"REFERENCES import_batch (id)")
        else:
            op.add_column(table, sa.Column('import_batch_id', sa.Integer(), nullable=True))
            op.create_foreign_key(f'fk_{table}_import_batch_id_import_batch', table,
                                  'import_batch', ['import_batch_id'], ['id'])
    imported = sa.text("import_batch_id IS NOT NULL")
    op.create_index('ix_child_import_batch_id', 'child', ['import_batch_id'], unique=False,
                    sqlite_where=imported, postgresql_where=imported)
    has_code = sa.text("house_code <> ''")
    op.create_index('ix_household_house_code', 'household', ['house_code'], unique=False,
                    sqlite_where=has_code, postgresql_where=has_code)
    op.create_index('ix_guardian_national_id', 'guardian', ['national_id'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_guardian_national_id', table_name='guardian')
    op.drop_index('ix_household_house_code', table_name='household')
    op.drop_index('ix_child_import_batch_id', table_name='child')
    sqlite = op.get_bind().dialect.name == "sqlite"
    for table in reversed(IMPORTED_TABLES):
        if sqlite:
            # SQLite 3.35+ drops a column that no index or constraint other than its own
            # REFERENCES clause uses; no table rebuild (which would drop the FTS triggers).
            op.execute(f"ALTER TABLE {table} DROP COLUMN import_batch_id")
        else:
            op.drop_constraint(f'fk_{table}_import_batch_id_import_batch', table, type_='foreignkey')
            op.drop_column(table, 'import_batch_id')
    op.drop_table('import_batch')
