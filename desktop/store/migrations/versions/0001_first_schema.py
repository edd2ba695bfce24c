"""The first schema: offices, institutions, years and terms, households, children,
guardians and enrolments.

Revision ID: 0001
Revises:
Create Date: 2026-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('academic_year',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('year_be', sa.Integer(), nullable=False),
    sa.Column('start_date', sa.Date(), nullable=False),
    sa.Column('end_date', sa.Date(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_academic_year')),
    sa.UniqueConstraint('year_be', name=op.f('uq_academic_year_year_be'))
    )
    op.create_table('office',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('code', sa.String(length=20), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('province', sa.String(length=100), nullable=False),
    sa.Column('role', sa.String(length=20), nullable=False),
    sa.Column('is_local', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_office')),
    sa.UniqueConstraint('code', name=op.f('uq_office_code')),
    sa.UniqueConstraint('uuid', name=op.f('uq_office_uuid'))
    )
    op.create_table('setting',
    sa.Column('key', sa.String(length=100), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_setting'))
    )
    op.create_table('household',
    sa.Column('house_code', sa.String(length=11), nullable=False),
    sa.Column('phone', sa.String(length=40), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.Column('origin_office_id', sa.Integer(), nullable=False),
    sa.Column('house_no', sa.String(length=40), nullable=False),
    sa.Column('village_no', sa.String(length=10), nullable=False),
    sa.Column('village_name', sa.String(length=100), nullable=False),
    sa.Column('soi', sa.String(length=100), nullable=False),
    sa.Column('road', sa.String(length=100), nullable=False),
    sa.Column('subdistrict', sa.String(length=100), nullable=False),
    sa.Column('district', sa.String(length=100), nullable=False),
    sa.Column('province', sa.String(length=100), nullable=False),
    sa.Column('postcode', sa.String(length=5), nullable=False),
    sa.ForeignKeyConstraint(['origin_office_id'], ['office.id'], name=op.f('fk_household_origin_office_id_office')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_household')),
    sa.UniqueConstraint('uuid', name=op.f('uq_household_uuid'))
    )
    op.create_table('institution',
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('code', sa.String(length=20), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('phone', sa.String(length=40), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.Column('origin_office_id', sa.Integer(), nullable=False),
    sa.Column('house_no', sa.String(length=40), nullable=False),
    sa.Column('village_no', sa.String(length=10), nullable=False),
    sa.Column('village_name', sa.String(length=100), nullable=False),
    sa.Column('soi', sa.String(length=100), nullable=False),
    sa.Column('road', sa.String(length=100), nullable=False),
    sa.Column('subdistrict', sa.String(length=100), nullable=False),
    sa.Column('district', sa.String(length=100), nullable=False),
    sa.Column('province', sa.String(length=100), nullable=False),
    sa.Column('postcode', sa.String(length=5), nullable=False),
    sa.ForeignKeyConstraint(['origin_office_id'], ['office.id'], name=op.f('fk_institution_origin_office_id_office')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_institution')),
    sa.UniqueConstraint('origin_office_id', 'code', name=op.f('uq_institution_origin_office_id_code')),
    sa.UniqueConstraint('uuid', name=op.f('uq_institution_uuid'))
    )
    op.create_table('term',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('academic_year_id', sa.Integer(), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('start_date', sa.Date(), nullable=False),
    sa.Column('end_date', sa.Date(), nullable=False),
    sa.ForeignKeyConstraint(['academic_year_id'], ['academic_year.id'], name=op.f('fk_term_academic_year_id_academic_year')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_term')),
    sa.UniqueConstraint('academic_year_id', 'number', name=op.f('uq_term_academic_year_id_number'))
    )
    op.create_table('child',
    sa.Column('prefix', sa.String(length=20), nullable=False),
    sa.Column('first_name', sa.String(length=100), nullable=False),
    sa.Column('last_name', sa.String(length=100), nullable=False),
    sa.Column('first_name_en', sa.String(length=100), nullable=False),
    sa.Column('last_name_en', sa.String(length=100), nullable=False),
    sa.Column('sex', sa.String(length=1), nullable=False),
    sa.Column('birth_date', sa.Date(), nullable=False),
    sa.Column('id_type', sa.String(length=12), nullable=False),
    sa.Column('national_id', sa.String(length=13), nullable=True),
    sa.Column('g_code', sa.String(length=13), nullable=True),
    sa.Column('no_id_reason', sa.String(length=200), nullable=False),
    sa.Column('nationality', sa.String(length=50), nullable=False),
    sa.Column('disability', sa.String(length=200), nullable=False),
    sa.Column('household_id', sa.Integer(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.Column('origin_office_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['household_id'], ['household.id'], name=op.f('fk_child_household_id_household')),
    sa.ForeignKeyConstraint(['origin_office_id'], ['office.id'], name=op.f('fk_child_origin_office_id_office')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_child')),
    sa.UniqueConstraint('uuid', name=op.f('uq_child_uuid'))
    )
    op.create_index('ix_child_g_code', 'child', ['g_code'], unique=False)
    op.create_index('ix_child_household_id', 'child', ['household_id'], unique=False)
    op.create_index('ix_child_live_birth_date', 'child', ['birth_date'], unique=False, sqlite_where=sa.text('deleted_at IS NULL'), postgresql_where=sa.text('deleted_at IS NULL'))
    op.create_index('ix_child_live_last_name', 'child', ['last_name', 'first_name'], unique=False, sqlite_where=sa.text('deleted_at IS NULL'), postgresql_where=sa.text('deleted_at IS NULL'))
    op.create_index('ix_child_live_name', 'child', ['first_name', 'last_name'], unique=False, sqlite_where=sa.text('deleted_at IS NULL'), postgresql_where=sa.text('deleted_at IS NULL'))
    op.create_index('ix_child_national_id', 'child', ['national_id'], unique=False)
    op.create_table('guardian',
    sa.Column('prefix', sa.String(length=20), nullable=False),
    sa.Column('first_name', sa.String(length=100), nullable=False),
    sa.Column('last_name', sa.String(length=100), nullable=False),
    sa.Column('national_id', sa.String(length=13), nullable=True),
    sa.Column('phone', sa.String(length=40), nullable=False),
    sa.Column('occupation', sa.String(length=100), nullable=False),
    sa.Column('household_id', sa.Integer(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.Column('origin_office_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['household_id'], ['household.id'], name=op.f('fk_guardian_household_id_household')),
    sa.ForeignKeyConstraint(['origin_office_id'], ['office.id'], name=op.f('fk_guardian_origin_office_id_office')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_guardian')),
    sa.UniqueConstraint('uuid', name=op.f('uq_guardian_uuid'))
    )
    op.create_index('ix_guardian_household_id', 'guardian', ['household_id'], unique=False)
    op.create_table('child_guardian',
    sa.Column('child_id', sa.Integer(), nullable=False),
    sa.Column('guardian_id', sa.Integer(), nullable=False),
    sa.Column('relation', sa.String(length=40), nullable=False),
    sa.Column('is_primary', sa.Boolean(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.Column('origin_office_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['child_id'], ['child.id'], name=op.f('fk_child_guardian_child_id_child')),
    sa.ForeignKeyConstraint(['guardian_id'], ['guardian.id'], name=op.f('fk_child_guardian_guardian_id_guardian')),
    sa.ForeignKeyConstraint(['origin_office_id'], ['office.id'], name=op.f('fk_child_guardian_origin_office_id_office')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_child_guardian')),
    sa.UniqueConstraint('child_id', 'guardian_id', name=op.f('uq_child_guardian_child_id_guardian_id')),
    sa.UniqueConstraint('uuid', name=op.f('uq_child_guardian_uuid'))
    )
    op.create_index('ix_child_guardian_guardian_id', 'child_guardian', ['guardian_id'], unique=False)
    op.create_table('enrollment',
    sa.Column('child_id', sa.Integer(), nullable=False),
    sa.Column('institution_id', sa.Integer(), nullable=False),
    sa.Column('academic_year_id', sa.Integer(), nullable=False),
    sa.Column('level_code', sa.String(length=8), nullable=False),
    sa.Column('classroom', sa.String(length=20), nullable=False),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.Column('origin_office_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['academic_year_id'], ['academic_year.id'], name=op.f('fk_enrollment_academic_year_id_academic_year')),
    sa.ForeignKeyConstraint(['child_id'], ['child.id'], name=op.f('fk_enrollment_child_id_child')),
    sa.ForeignKeyConstraint(['institution_id'], ['institution.id'], name=op.f('fk_enrollment_institution_id_institution')),
    sa.ForeignKeyConstraint(['origin_office_id'], ['office.id'], name=op.f('fk_enrollment_origin_office_id_office')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_enrollment')),
    sa.UniqueConstraint('child_id', 'academic_year_id', 'institution_id', name=op.f('uq_enrollment_child_id_academic_year_id_institution_id')),
    sa.UniqueConstraint('uuid', name=op.f('uq_enrollment_uuid'))
    )
    op.create_index('ix_enrollment_filter', 'enrollment', ['academic_year_id', 'institution_id', 'level_code'], unique=False)
    op.create_index('ix_enrollment_institution', 'enrollment', ['institution_id', 'level_code'], unique=False)

def downgrade() -> None:
    op.drop_table("enrollment")
    op.drop_table("child_guardian")
    op.drop_table("guardian")
    op.drop_table("child")
    op.drop_table("term")
    op.drop_table("institution")
    op.drop_table("household")
    op.drop_table("setting")
    op.drop_table("office")
    op.drop_table("academic_year")
