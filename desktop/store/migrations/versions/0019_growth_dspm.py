"""Growth measurements and DSPM checks (issue 12): a child's weight, length/height and head
circumference on a day (grams and millimetres), DSPM checks with each item's result, the
outcome, the re-check's due date and the item table they were made with (a re-check points
at its first check), and referrals for TEDA4I waiting for the hospital's outcome
(desktop/store/growth_state.py). All four tables travel to the province like the
registry's (0012's change tracking and tombstones).

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-01
"""

from __future__ import annotations

import importlib

import sqlalchemy as sa
from alembic import op

revision = "0019"
down_revision = "0018"
branch_labels = None
depends_on = None

_EXCHANGE = importlib.import_module("desktop.store.migrations.versions.0012_exchange_changes")
COMMON = _EXCHANGE.COMMON
TRACKED: dict[str, tuple[str, list[str]]] = {
    "growth_measurement": ("growth_measurement", [*COMMON, "child_id", "measured_on", "weight_g", "height_mm",
                                                  "method", "head_mm", "measured_by", "note"]),
    "dspm_check": ("dspm_check", [*COMMON, "child_id", "age_months", "checked_on", "assessor", "first_check_id",
                                  "outcome", "code", "recheck_due", "manual"]),
    "dspm_check_item": ("dspm_check_item", [*COMMON, "check_id", "item_no", "passed"]),
    "dspm_referral": ("dspm_referral", [*COMMON, "check_id", "hospital", "letter_no", "sent_on", "outcome",
                                        "outcome_on", "outcome_note"]),
}


def upgrade() -> None:
    op.create_table('dspm_check',
    sa.Column('child_id', sa.Integer(), nullable=False),
    sa.Column('age_months', sa.Integer(), nullable=False),
    sa.Column('checked_on', sa.Date(), nullable=False),
    sa.Column('assessor', sa.String(length=100), nullable=False),
    sa.Column('first_check_id', sa.Integer(), nullable=True),
    sa.Column('outcome', sa.String(length=20), nullable=False),
    sa.Column('code', sa.String(length=10), nullable=False),
    sa.Column('recheck_due', sa.Date(), nullable=True),
    sa.Column('manual', sa.String(length=60), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.Column('changed_seq', sa.Integer(), nullable=True),
    sa.Column('origin_office_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['child_id'], ['child.id'], name=op.f('fk_dspm_check_child_id_child')),
    sa.ForeignKeyConstraint(['first_check_id'], ['dspm_check.id'], name=op.f('fk_dspm_check_first_check_id_dspm_check')),
    sa.ForeignKeyConstraint(['origin_office_id'], ['office.id'], name=op.f('fk_dspm_check_origin_office_id_office')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_dspm_check')),
    sa.UniqueConstraint('uuid', name=op.f('uq_dspm_check_uuid'))
    )
    op.create_index('ix_dspm_check_child_age', 'dspm_check', ['child_id', 'age_months', 'checked_on'], unique=False)
    op.create_index('ix_dspm_check_recheck_due', 'dspm_check', ['recheck_due'], unique=False)
    op.create_table('growth_measurement',
    sa.Column('child_id', sa.Integer(), nullable=False),
    sa.Column('measured_on', sa.Date(), nullable=False),
    sa.Column('weight_g', sa.Integer(), nullable=True),
    sa.Column('height_mm', sa.Integer(), nullable=True),
    sa.Column('method', sa.String(length=10), nullable=False),
    sa.Column('head_mm', sa.Integer(), nullable=True),
    sa.Column('measured_by', sa.String(length=50), nullable=False),
    sa.Column('note', sa.String(length=200), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.Column('changed_seq', sa.Integer(), nullable=True),
    sa.Column('origin_office_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['child_id'], ['child.id'], name=op.f('fk_growth_measurement_child_id_child')),
    sa.ForeignKeyConstraint(['origin_office_id'], ['office.id'], name=op.f('fk_growth_measurement_origin_office_id_office')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_growth_measurement')),
    sa.UniqueConstraint('uuid', name=op.f('uq_growth_measurement_uuid'))
    )
    op.create_index('ix_growth_measurement_child_day', 'growth_measurement', ['child_id', 'measured_on'], unique=False)
    op.create_table('dspm_check_item',
    sa.Column('check_id', sa.Integer(), nullable=False),
    sa.Column('item_no', sa.Integer(), nullable=False),
    sa.Column('passed', sa.Boolean(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.Column('changed_seq', sa.Integer(), nullable=True),
    sa.Column('origin_office_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['check_id'], ['dspm_check.id'], name=op.f('fk_dspm_check_item_check_id_dspm_check')),
    sa.ForeignKeyConstraint(['origin_office_id'], ['office.id'], name=op.f('fk_dspm_check_item_origin_office_id_office')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_dspm_check_item')),
    sa.UniqueConstraint('uuid', name=op.f('uq_dspm_check_item_uuid'))
    )
    op.create_index('ix_dspm_check_item_live_check_item', 'dspm_check_item', ['check_id', 'item_no'], unique=True, sqlite_where=sa.text('deleted_at IS NULL'), postgresql_where=sa.text('deleted_at IS NULL'))
    op.create_table('dspm_referral',
    sa.Column('check_id', sa.Integer(), nullable=False),
    sa.Column('hospital', sa.String(length=200), nullable=False),
    sa.Column('letter_no', sa.String(length=50), nullable=False),
    sa.Column('sent_on', sa.Date(), nullable=False),
    sa.Column('outcome', sa.String(length=20), nullable=False),
    sa.Column('outcome_on', sa.Date(), nullable=True),
    sa.Column('outcome_note', sa.String(length=300), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.Column('changed_seq', sa.Integer(), nullable=True),
    sa.Column('origin_office_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['check_id'], ['dspm_check.id'], name=op.f('fk_dspm_referral_check_id_dspm_check')),
    sa.ForeignKeyConstraint(['origin_office_id'], ['office.id'], name=op.f('fk_dspm_referral_origin_office_id_office')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_dspm_referral')),
    sa.UniqueConstraint('uuid', name=op.f('uq_dspm_referral_uuid'))
    )
    op.create_index('ix_dspm_referral_check', 'dspm_referral', ['check_id'], unique=False)

    _EXCHANGE.add_tracking(TRACKED)


def downgrade() -> None:
    _EXCHANGE.drop_tracking(TRACKED)
    for table in ("dspm_referral", "dspm_check_item", "growth_measurement", "dspm_check"):
        op.drop_table(table)
