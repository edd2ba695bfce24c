"""The poverty screening (issue 11): screenings, their household members, certifications
and photos, and the rule packs installed (desktop/store/screening_state.py).

- ``screening``: one child's household screened in one term (a live one per child and
  term: ``ix_screening_live_child_term``), its answers to the eight status dimensions, the
  travel to school and the house's position, where it stands (draft, submitted,
  certified, returned) and the result of the pack that scored it last.
- ``screening_member``, ``screening_certification``, ``screening_photo``: its members as
  the form lists them, each certification of exactly the data hashed (voided, never
  deleted, by a later edit), and its photos (shrunk, stripped of metadata).
- ``screening_rulepack``: the packs installed, whole (their JSON; the province's signature
  and the bytes signed when one came with them); one is active.

The four screening tables travel to the province like the registry's (0012): a
``changed_seq`` that an update of a travelling column sets back to NULL, and a tombstone
for a local row deleted for good.

Revision ID: 0015
Revises: 0014
Create Date: 2026-11-30
"""

from __future__ import annotations

import importlib

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None

_EXCHANGE = importlib.import_module("desktop.store.migrations.versions.0012_exchange_changes")
COMMON = _EXCHANGE.COMMON
# table → (its wire name, the columns whose change makes the row travel again)
TRACKED: dict[str, tuple[str, list[str]]] = {
    "screening": ("screening", [*COMMON, "child_id", "household_id", "term_id", "status", "tenure", "housing",
                                "land", "land_rai", "water", "electricity", "single_parent", "vehicles",
                                "appliances", "travel_means", "travel_metres", "travel_minutes", "lat_e6",
                                "lon_e6", "no_photo_reason", "note", "level", "score", "income_total",
                                "members_count", "pack", "recorded_by", "submitted_by", "submitted_at",
                                "returned_by", "returned_at", "returned_reason"]),
    "screening_member": ("screening_member", [*COMMON, "screening_id", "position", "name", "relation", "age",
                                              "occupation", "monthly_income", "disabled", "chronic_illness",
                                              "unemployed"]),
    "screening_certification": ("certification", [*COMMON, "screening_id", "certifier", "certifier_name",
                                                  "position", "certified_on", "data_sha256", "voided_at",
                                                  "void_reason"]),
    "screening_photo": ("screening_photo", [*COMMON, "screening_id", "kind", "sha256", "width", "height"]),
}


def upgrade() -> None:
    op.create_table('screening_rulepack',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('pack_id', sa.String(length=60), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('illustrative', sa.Boolean(), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('signature', sa.LargeBinary(), nullable=True),
    sa.Column('signed_body', sa.LargeBinary(), nullable=True),
    sa.Column('issuer_office', sa.String(length=20), nullable=False),
    sa.Column('issuer_key', sa.String(length=32), nullable=False),
    sa.Column('installed_at', sa.DateTime(), nullable=False),
    sa.Column('installed_by', sa.String(length=50), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_screening_rulepack')),
    sa.UniqueConstraint('pack_id', 'version', name=op.f('uq_screening_rulepack_pack_id_version'))
    )
    op.create_table('screening',
    sa.Column('child_id', sa.Integer(), nullable=False),
    sa.Column('household_id', sa.Integer(), nullable=True),
    sa.Column('term_id', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('tenure', sa.String(length=20), nullable=False),
    sa.Column('housing', sa.String(length=20), nullable=False),
    sa.Column('land', sa.String(length=20), nullable=False),
    sa.Column('land_rai', sa.Integer(), nullable=False),
    sa.Column('water', sa.String(length=20), nullable=False),
    sa.Column('electricity', sa.String(length=20), nullable=False),
    sa.Column('single_parent', sa.Boolean(), nullable=False),
    sa.Column('vehicles', sa.String(length=100), nullable=False),
    sa.Column('appliances', sa.String(length=100), nullable=False),
    sa.Column('travel_means', sa.String(length=40), nullable=False),
    sa.Column('travel_metres', sa.Integer(), nullable=True),
    sa.Column('travel_minutes', sa.Integer(), nullable=True),
    sa.Column('lat_e6', sa.Integer(), nullable=True),
    sa.Column('lon_e6', sa.Integer(), nullable=True),
    sa.Column('no_photo_reason', sa.Text(), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('level', sa.String(length=10), nullable=False),
    sa.Column('score', sa.Integer(), nullable=True),
    sa.Column('income_total', sa.Integer(), nullable=True),
    sa.Column('members_count', sa.Integer(), nullable=False),
    sa.Column('pack', sa.String(length=80), nullable=False),
    sa.Column('recorded_by', sa.String(length=50), nullable=False),
    sa.Column('submitted_by', sa.String(length=50), nullable=False),
    sa.Column('submitted_at', sa.DateTime(), nullable=True),
    sa.Column('returned_by', sa.String(length=50), nullable=False),
    sa.Column('returned_at', sa.DateTime(), nullable=True),
    sa.Column('returned_reason', sa.Text(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.Column('changed_seq', sa.Integer(), nullable=True),
    sa.Column('origin_office_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['child_id'], ['child.id'], name=op.f('fk_screening_child_id_child')),
    sa.ForeignKeyConstraint(['household_id'], ['household.id'], name=op.f('fk_screening_household_id_household')),
    sa.ForeignKeyConstraint(['origin_office_id'], ['office.id'], name=op.f('fk_screening_origin_office_id_office')),
    sa.ForeignKeyConstraint(['term_id'], ['term.id'], name=op.f('fk_screening_term_id_term')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_screening')),
    sa.UniqueConstraint('uuid', name=op.f('uq_screening_uuid'))
    )
    op.create_index('ix_screening_live_child_term', 'screening', ['child_id', 'term_id'], unique=True, sqlite_where=sa.text('deleted_at IS NULL'), postgresql_where=sa.text('deleted_at IS NULL'))
    op.create_index('ix_screening_term_status', 'screening', ['term_id', 'status'], unique=False)
    op.create_table('screening_certification',
    sa.Column('screening_id', sa.Integer(), nullable=False),
    sa.Column('certifier', sa.String(length=50), nullable=False),
    sa.Column('certifier_name', sa.String(length=200), nullable=False),
    sa.Column('position', sa.String(length=200), nullable=False),
    sa.Column('certified_on', sa.Date(), nullable=False),
    sa.Column('data_sha256', sa.String(length=64), nullable=False),
    sa.Column('voided_at', sa.DateTime(), nullable=True),
    sa.Column('void_reason', sa.Text(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.Column('changed_seq', sa.Integer(), nullable=True),
    sa.Column('origin_office_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['origin_office_id'], ['office.id'], name=op.f('fk_screening_certification_origin_office_id_office')),
    sa.ForeignKeyConstraint(['screening_id'], ['screening.id'], name=op.f('fk_screening_certification_screening_id_screening')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_screening_certification')),
    sa.UniqueConstraint('uuid', name=op.f('uq_screening_certification_uuid'))
    )
    op.create_index('ix_screening_certification_screening_id', 'screening_certification', ['screening_id'], unique=False)
    op.create_table('screening_member',
    sa.Column('screening_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('relation', sa.String(length=40), nullable=False),
    sa.Column('age', sa.Integer(), nullable=False),
    sa.Column('occupation', sa.String(length=100), nullable=False),
    sa.Column('monthly_income', sa.Integer(), nullable=False),
    sa.Column('disabled', sa.Boolean(), nullable=False),
    sa.Column('chronic_illness', sa.Boolean(), nullable=False),
    sa.Column('unemployed', sa.Boolean(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.Column('changed_seq', sa.Integer(), nullable=True),
    sa.Column('origin_office_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['origin_office_id'], ['office.id'], name=op.f('fk_screening_member_origin_office_id_office')),
    sa.ForeignKeyConstraint(['screening_id'], ['screening.id'], name=op.f('fk_screening_member_screening_id_screening')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_screening_member')),
    sa.UniqueConstraint('uuid', name=op.f('uq_screening_member_uuid'))
    )
    op.create_index('ix_screening_member_screening_id', 'screening_member', ['screening_id', 'position'], unique=False)
    op.create_table('screening_photo',
    sa.Column('screening_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=12), nullable=False),
    sa.Column('data', sa.LargeBinary(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('width', sa.Integer(), nullable=False),
    sa.Column('height', sa.Integer(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.Column('changed_seq', sa.Integer(), nullable=True),
    sa.Column('origin_office_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['origin_office_id'], ['office.id'], name=op.f('fk_screening_photo_origin_office_id_office')),
    sa.ForeignKeyConstraint(['screening_id'], ['screening.id'], name=op.f('fk_screening_photo_screening_id_screening')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_screening_photo')),
    sa.UniqueConstraint('uuid', name=op.f('uq_screening_photo_uuid'))
    )
    op.create_index('ix_screening_photo_screening_id', 'screening_photo', ['screening_id', 'kind'], unique=False)

    _EXCHANGE.add_tracking(TRACKED)


def downgrade() -> None:
    _EXCHANGE.drop_tracking(TRACKED)
    for table in ("screening_photo", "screening_member", "screening_certification", "screening",
                  "screening_rulepack"):
        op.drop_table(table)
