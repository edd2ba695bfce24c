"""Grant rounds (issue 11): the rounds, the term's attendance they are conditional on, and
the payments (desktop/store/grant_state.py). The three tables travel to the province like
the registry's (0012's change tracking and tombstones).

Revision ID: 0016
Revises: 0015
Create Date: 2026-11-30
"""

from __future__ import annotations

import importlib

import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None

_EXCHANGE = importlib.import_module("desktop.store.migrations.versions.0012_exchange_changes")
COMMON = _EXCHANGE.COMMON
TRACKED: dict[str, tuple[str, list[str]]] = {
    "grant_round": ("grant_round", [*COMMON, "programme", "name", "term_id", "levels", "attendance_percent",
                                    "amounts", "pack", "status", "created_by"]),
    "term_attendance": ("term_attendance", [*COMMON, "child_id", "term_id", "days_present", "days_open",
                                            "recorded_by"]),
    "grant_payment": ("grant_payment", [*COMMON, "round_id", "child_id", "amount", "paid_on", "method",
                                        "reference", "status", "note", "recorded_by"]),
}


def upgrade() -> None:
    op.create_table('grant_round',
    sa.Column('programme', sa.String(length=20), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('term_id', sa.Integer(), nullable=False),
    sa.Column('levels', sa.String(length=40), nullable=False),
    sa.Column('attendance_percent', sa.Integer(), nullable=False),
    sa.Column('amounts', sa.Text(), nullable=False),
    sa.Column('pack', sa.String(length=80), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('created_by', sa.String(length=50), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.Column('changed_seq', sa.Integer(), nullable=True),
    sa.Column('origin_office_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['origin_office_id'], ['office.id'], name=op.f('fk_grant_round_origin_office_id_office')),
    sa.ForeignKeyConstraint(['term_id'], ['term.id'], name=op.f('fk_grant_round_term_id_term')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_grant_round')),
    sa.UniqueConstraint('uuid', name=op.f('uq_grant_round_uuid'))
    )
    op.create_table('grant_payment',
    sa.Column('round_id', sa.Integer(), nullable=False),
    sa.Column('child_id', sa.Integer(), nullable=False),
    sa.Column('amount', sa.Integer(), nullable=False),
    sa.Column('paid_on', sa.Date(), nullable=False),
    sa.Column('method', sa.String(length=20), nullable=False),
    sa.Column('reference', sa.String(length=100), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('recorded_by', sa.String(length=50), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.Column('changed_seq', sa.Integer(), nullable=True),
    sa.Column('origin_office_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['child_id'], ['child.id'], name=op.f('fk_grant_payment_child_id_child')),
    sa.ForeignKeyConstraint(['origin_office_id'], ['office.id'], name=op.f('fk_grant_payment_origin_office_id_office')),
    sa.ForeignKeyConstraint(['round_id'], ['grant_round.id'], name=op.f('fk_grant_payment_round_id_grant_round')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_grant_payment')),
    sa.UniqueConstraint('uuid', name=op.f('uq_grant_payment_uuid'))
    )
    op.create_index('ix_grant_payment_round_id', 'grant_payment', ['round_id', 'child_id'], unique=False)
    op.create_table('term_attendance',
    sa.Column('child_id', sa.Integer(), nullable=False),
    sa.Column('term_id', sa.Integer(), nullable=False),
    sa.Column('days_present', sa.Integer(), nullable=False),
    sa.Column('days_open', sa.Integer(), nullable=False),
    sa.Column('recorded_by', sa.String(length=50), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.Column('changed_seq', sa.Integer(), nullable=True),
    sa.Column('origin_office_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['child_id'], ['child.id'], name=op.f('fk_term_attendance_child_id_child')),
    sa.ForeignKeyConstraint(['origin_office_id'], ['office.id'], name=op.f('fk_term_attendance_origin_office_id_office')),
    sa.ForeignKeyConstraint(['term_id'], ['term.id'], name=op.f('fk_term_attendance_term_id_term')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_term_attendance')),
    sa.UniqueConstraint('uuid', name=op.f('uq_term_attendance_uuid'))
    )
    op.create_index('ix_term_attendance_live_child_term', 'term_attendance', ['child_id', 'term_id'], unique=True, sqlite_where=sa.text('deleted_at IS NULL'), postgresql_where=sa.text('deleted_at IS NULL'))

    _EXCHANGE.add_tracking(TRACKED)


def downgrade() -> None:
    _EXCHANGE.drop_tracking(TRACKED)
    for table in ("grant_payment", "term_attendance", "grant_round"):
        op.drop_table(table)
