"""The province remembers which transfers it wrote into a transfer file (issue 13;
docs/cases.md, "Transfer to another municipality"): on ``oos_transfer``, when it last
wrote the row into a file (``written_at``, UTC), who (``written_by``, the login) and the
file's name (``written_file``). Local columns like ``received_case_id``/``received_at``:
they never travel (services/exchange_wire.py names the columns that do) and, left out of
0023's tracking triggers, writing them does not make the row pending. Plain ADD COLUMN on
both databases (nullable, no default): SQLite's batch mode would rebuild the table and
drop those triggers.

Revision ID: 0024
Revises: 0023
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0024"
down_revision = "0023"
branch_labels = None
depends_on = None

COLUMNS = (("written_at", sa.DateTime()), ("written_by", sa.String(length=50)),
           ("written_file", sa.String(length=255)))


def upgrade() -> None:
    for name, kind in COLUMNS:
        op.add_column("oos_transfer", sa.Column(name, kind, nullable=True))


def downgrade() -> None:
    # SQLite (3.35+) drops a column in place when nothing (index, trigger) names it
    for name, _kind in reversed(COLUMNS):
        op.drop_column("oos_transfer", name)
