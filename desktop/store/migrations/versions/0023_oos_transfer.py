"""A case transferred to another municipality (issue 13): ``oos_transfer`` names the
receiving office by its code (and name) for a case closed as transferred. It travels to
the province with the case (0012's change tracking and tombstone), which writes the case
into a signed transfer file for that office; the receiving office keeps, on the row it
received, the case it opened for it (``received_case_id``, ``received_at``: local, never
travel). docs/cases.md, "Transfer to another municipality".

Revision ID: 0023
Revises: 0022
Create Date: 2026-12-01
"""

from __future__ import annotations

import importlib

import sqlalchemy as sa
from alembic import op

revision = "0023"
down_revision = "0022"
branch_labels = None
depends_on = None

_EXCHANGE = importlib.import_module("desktop.store.migrations.versions.0012_exchange_changes")
COMMON = _EXCHANGE.COMMON
TRACKED: dict[str, tuple[str, list[str]]] = {
    "oos_transfer": ("oos_transfer", [*COMMON, "case_id", "to_office", "to_office_name", "transferred_on",
                                      "transferred_by"]),
}


def upgrade() -> None:
    op.create_table(
        "oos_transfer",
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("to_office", sa.String(length=20), nullable=False),
        sa.Column("to_office_name", sa.String(length=200), nullable=False),
        sa.Column("transferred_on", sa.Date(), nullable=False),
        sa.Column("transferred_by", sa.String(length=50), nullable=False),
        sa.Column("received_case_id", sa.Integer(), nullable=True),
        sa.Column("received_at", sa.DateTime(), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.Column("changed_seq", sa.Integer(), nullable=True),
        sa.Column("origin_office_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["case_id"], ["oos_case.id"], name=op.f("fk_oos_transfer_case_id_oos_case")),
        sa.ForeignKeyConstraint(["received_case_id"], ["oos_case.id"],
                                name=op.f("fk_oos_transfer_received_case_id_oos_case")),
        sa.ForeignKeyConstraint(["origin_office_id"], ["office.id"],
                                name=op.f("fk_oos_transfer_origin_office_id_office")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_oos_transfer")),
        sa.UniqueConstraint("uuid", name=op.f("uq_oos_transfer_uuid")),
    )
    op.create_index("ix_oos_transfer_case", "oos_transfer", ["case_id"], unique=False)
    op.create_index("ix_oos_transfer_to_office", "oos_transfer", ["to_office"], unique=False)
    op.create_index("ix_oos_transfer_received_case", "oos_transfer", ["received_case_id"], unique=False)
    _EXCHANGE.add_tracking(TRACKED)


def downgrade() -> None:
    _EXCHANGE.drop_tracking(TRACKED)
    op.drop_table("oos_transfer")
