"""A child development centre's day (issue 12): rooms per centre and academic year,
children's placements in them (history kept: a move closes one and opens another), the
daily register (a room's day taken: everyone present but the absences), absences with
their reason, closed days and the dated lunch and milk rates per fiscal year
(desktop/store/centre_state.py). All six tables travel to the province like the
registry's (0012's change tracking and tombstones).

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-01
"""

from __future__ import annotations

import importlib

import sqlalchemy as sa
from alembic import op

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None

_EXCHANGE = importlib.import_module("desktop.store.migrations.versions.0012_exchange_changes")
COMMON = _EXCHANGE.COMMON
TRACKED: dict[str, tuple[str, list[str]]] = {
    "centre_room": ("centre_room", [*COMMON, "institution_id", "academic_year_id", "name", "age_group",
                                    "position"]),
    "centre_placement": ("centre_placement", [*COMMON, "child_id", "room_id", "since", "until", "placed_by"]),
    "centre_register": ("centre_register", [*COMMON, "room_id", "day", "taken_by", "back_dated"]),
    "centre_absence": ("centre_absence", [*COMMON, "child_id", "day", "reason"]),
    "centre_closed_day": ("centre_closed_day", [*COMMON, "institution_id", "day", "reason"]),
    "centre_rate": ("centre_rate", [*COMMON, "kind", "fiscal_year_be", "valid_from", "satang", "source",
                                    "checked"]),
}


def upgrade() -> None:
    op.create_table('centre_rate',
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('fiscal_year_be', sa.Integer(), nullable=False),
    sa.Column('valid_from', sa.Date(), nullable=False),
    sa.Column('satang', sa.Integer(), nullable=False),
    sa.Column('source', sa.String(length=300), nullable=False),
    sa.Column('checked', sa.Boolean(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.Column('changed_seq', sa.Integer(), nullable=True),
    sa.Column('origin_office_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['origin_office_id'], ['office.id'], name=op.f('fk_centre_rate_origin_office_id_office')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_centre_rate')),
    sa.UniqueConstraint('uuid', name=op.f('uq_centre_rate_uuid'))
    )
    op.create_index('ix_centre_rate_kind_from', 'centre_rate', ['kind', 'valid_from'], unique=False)
    op.create_table('centre_closed_day',
    sa.Column('institution_id', sa.Integer(), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('reason', sa.String(length=200), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.Column('changed_seq', sa.Integer(), nullable=True),
    sa.Column('origin_office_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['institution_id'], ['institution.id'], name=op.f('fk_centre_closed_day_institution_id_institution')),
    sa.ForeignKeyConstraint(['origin_office_id'], ['office.id'], name=op.f('fk_centre_closed_day_origin_office_id_office')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_centre_closed_day')),
    sa.UniqueConstraint('uuid', name=op.f('uq_centre_closed_day_uuid'))
    )
    op.create_index('ix_centre_closed_day_live_centre_day', 'centre_closed_day', ['institution_id', 'day'], unique=True, sqlite_where=sa.text('deleted_at IS NULL'), postgresql_where=sa.text('deleted_at IS NULL'))
    op.create_table('centre_room',
    sa.Column('institution_id', sa.Integer(), nullable=False),
    sa.Column('academic_year_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=60), nullable=False),
    sa.Column('age_group', sa.String(length=10), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.Column('changed_seq', sa.Integer(), nullable=True),
    sa.Column('origin_office_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['academic_year_id'], ['academic_year.id'], name=op.f('fk_centre_room_academic_year_id_academic_year')),
    sa.ForeignKeyConstraint(['institution_id'], ['institution.id'], name=op.f('fk_centre_room_institution_id_institution')),
    sa.ForeignKeyConstraint(['origin_office_id'], ['office.id'], name=op.f('fk_centre_room_origin_office_id_office')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_centre_room')),
    sa.UniqueConstraint('uuid', name=op.f('uq_centre_room_uuid'))
    )
    op.create_index('ix_centre_room_live_centre_year_name', 'centre_room', ['institution_id', 'academic_year_id', 'name'], unique=True, sqlite_where=sa.text('deleted_at IS NULL'), postgresql_where=sa.text('deleted_at IS NULL'))
    op.create_table('centre_absence',
    sa.Column('child_id', sa.Integer(), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('reason', sa.String(length=10), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.Column('changed_seq', sa.Integer(), nullable=True),
    sa.Column('origin_office_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['child_id'], ['child.id'], name=op.f('fk_centre_absence_child_id_child')),
    sa.ForeignKeyConstraint(['origin_office_id'], ['office.id'], name=op.f('fk_centre_absence_origin_office_id_office')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_centre_absence')),
    sa.UniqueConstraint('uuid', name=op.f('uq_centre_absence_uuid'))
    )
    op.create_index('ix_centre_absence_day', 'centre_absence', ['day'], unique=False)
    op.create_index('ix_centre_absence_live_child_day', 'centre_absence', ['child_id', 'day'], unique=True, sqlite_where=sa.text('deleted_at IS NULL'), postgresql_where=sa.text('deleted_at IS NULL'))
    op.create_table('centre_placement',
    sa.Column('child_id', sa.Integer(), nullable=False),
    sa.Column('room_id', sa.Integer(), nullable=False),
    sa.Column('since', sa.Date(), nullable=False),
    sa.Column('until', sa.Date(), nullable=True),
    sa.Column('placed_by', sa.String(length=50), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.Column('changed_seq', sa.Integer(), nullable=True),
    sa.Column('origin_office_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['child_id'], ['child.id'], name=op.f('fk_centre_placement_child_id_child')),
    sa.ForeignKeyConstraint(['origin_office_id'], ['office.id'], name=op.f('fk_centre_placement_origin_office_id_office')),
    sa.ForeignKeyConstraint(['room_id'], ['centre_room.id'], name=op.f('fk_centre_placement_room_id_centre_room')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_centre_placement')),
    sa.UniqueConstraint('uuid', name=op.f('uq_centre_placement_uuid'))
    )
    op.create_index('ix_centre_placement_child', 'centre_placement', ['child_id', 'since'], unique=False)
    op.create_index('ix_centre_placement_room', 'centre_placement', ['room_id', 'since'], unique=False)
    op.create_table('centre_register',
    sa.Column('room_id', sa.Integer(), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('taken_by', sa.String(length=50), nullable=False),
    sa.Column('back_dated', sa.Boolean(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.Column('changed_seq', sa.Integer(), nullable=True),
    sa.Column('origin_office_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['origin_office_id'], ['office.id'], name=op.f('fk_centre_register_origin_office_id_office')),
    sa.ForeignKeyConstraint(['room_id'], ['centre_room.id'], name=op.f('fk_centre_register_room_id_centre_room')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_centre_register')),
    sa.UniqueConstraint('uuid', name=op.f('uq_centre_register_uuid'))
    )
    op.create_index('ix_centre_register_live_room_day', 'centre_register', ['room_id', 'day'], unique=True, sqlite_where=sa.text('deleted_at IS NULL'), postgresql_where=sa.text('deleted_at IS NULL'))

    _EXCHANGE.add_tracking(TRACKED)


def downgrade() -> None:
    _EXCHANGE.drop_tracking(TRACKED)
    for table in ("centre_register", "centre_placement", "centre_absence", "centre_room", "centre_closed_day",
                  "centre_rate"):
        op.drop_table(table)
