"""Out-of-school children's cases (issue 13): the case of a registry child (one open case a
child: a partial unique index), its status history, tracing visits and their photos, needs
assessments by area, the individual assistance plan's versions with goals and actions,
follow-ups (with the next due date kept on the case for the overdue list) and referrals
(desktop/store/case_state.py; the rules are desktop/domain/cases.py and case_*.py). All
eleven tables travel to the province like the registry's (0012's change tracking and
tombstones).

Revision ID: 0020
Revises: 0019
Create Date: 2026-12-01
"""

from __future__ import annotations

import importlib

import sqlalchemy as sa
from alembic import op

revision = "0020"
down_revision = "0019"
branch_labels = None
depends_on = None

_EXCHANGE = importlib.import_module("desktop.store.migrations.versions.0012_exchange_changes")
COMMON = _EXCHANGE.COMMON
# table → (its wire name, the columns whose change makes the row travel again); a photo's
# bytes travel with it but its hash stands for them here
TRACKED: dict[str, tuple[str, list[str]]] = {
    "oos_case": ("oos_case", [*COMMON, "child_id", "status", "status_on", "status_by", "opened_on", "source", "source_row", "worker", "place", "requested_from", "requested_by", "outcome", "closed_on", "approved_by", "followed_since", "last_visit_on", "last_next_on", "follow_due_on", "note"]),
    "oos_case_status": ("oos_case_status", [*COMMON, "case_id", "from_status", "to_status", "changed_on", "changed_by", "place", "reason", "note", "outcome", "approved_by"]),
    "oos_trace_visit": ("oos_trace_visit", [*COMMON, "case_id", "visited_on", "visitors", "met", "result", "lat_e6", "lon_e6", "note"]),
    "oos_trace_photo": ("oos_trace_photo", [*COMMON, "visit_id", "sha256", "width", "height"]),
    "oos_assessment": ("oos_assessment", [*COMMON, "case_id", "assessed_on", "assessed_by", "catalogue_version", "reasons", "other_reason", "last_school", "left_on", "note"]),
    "oos_assessment_area": ("oos_assessment_area", [*COMMON, "assessment_id", "area", "level", "needs", "note"]),
    "oos_plan_version": ("oos_plan_version", [*COMMON, "case_id", "number", "status", "authors", "edited_on", "submitted_by", "submitted_on", "decided_by", "decided_on", "returned_reason", "approved_hash", "note"]),
    "oos_plan_goal": ("oos_plan_goal", [*COMMON, "version_id", "position", "text", "area"]),
    "oos_plan_action": ("oos_plan_action", [*COMMON, "goal_id", "position", "text", "agency", "agency_name", "person", "due", "budget_satang", "outcome", "done_on"]),
    "oos_follow_up": ("oos_follow_up", [*COMMON, "case_id", "visited_on", "visited_by", "result", "note", "next_on"]),
    "oos_referral": ("oos_referral", [*COMMON, "case_id", "agency", "agency_name", "reason", "sent_on", "sent_by", "status", "status_on", "answer", "letter_no", "note"]),
}


def upgrade() -> None:
    op.create_table('oos_case',
    sa.Column('child_id', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=30), nullable=False),
    sa.Column('status_on', sa.Date(), nullable=False),
    sa.Column('status_by', sa.String(length=50), nullable=False),
    sa.Column('opened_on', sa.Date(), nullable=False),
    sa.Column('source', sa.String(length=20), nullable=False),
    sa.Column('source_row', sa.Integer(), nullable=True),
    sa.Column('worker', sa.String(length=50), nullable=False),
    sa.Column('place', sa.String(length=200), nullable=False),
    sa.Column('requested_from', sa.String(length=30), nullable=False),
    sa.Column('requested_by', sa.String(length=50), nullable=False),
    sa.Column('outcome', sa.String(length=20), nullable=False),
    sa.Column('closed_on', sa.Date(), nullable=True),
    sa.Column('approved_by', sa.String(length=50), nullable=False),
    sa.Column('followed_since', sa.Date(), nullable=True),
    sa.Column('last_visit_on', sa.Date(), nullable=True),
    sa.Column('last_next_on', sa.Date(), nullable=True),
    sa.Column('follow_due_on', sa.Date(), nullable=True),
    sa.Column('note', sa.String(length=2000), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.Column('changed_seq', sa.Integer(), nullable=True),
    sa.Column('origin_office_id', sa.Integer(), nullable=False),
    sa.Column('import_batch_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['child_id'], ['child.id'], name=op.f('fk_oos_case_child_id_child')),
    sa.ForeignKeyConstraint(['import_batch_id'], ['import_batch.id'], name=op.f('fk_oos_case_import_batch_id_import_batch')),
    sa.ForeignKeyConstraint(['origin_office_id'], ['office.id'], name=op.f('fk_oos_case_origin_office_id_office')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_oos_case')),
    sa.UniqueConstraint('uuid', name=op.f('uq_oos_case_uuid'))
    )
    op.create_index('ix_oos_case_by_status_due', 'oos_case', ['status', 'follow_due_on'], unique=False)
    op.create_index('ix_oos_case_child', 'oos_case', ['child_id'], unique=False)
    op.create_index('ix_oos_case_follow_due_on', 'oos_case', ['follow_due_on'], unique=False, sqlite_where=sa.text('deleted_at IS NULL AND follow_due_on IS NOT NULL'), postgresql_where=sa.text('deleted_at IS NULL AND follow_due_on IS NOT NULL'))
    op.create_index('ix_oos_case_open_child', 'oos_case', ['child_id'], unique=True, sqlite_where=sa.text("status <> 'closed' AND deleted_at IS NULL"), postgresql_where=sa.text("status <> 'closed' AND deleted_at IS NULL"))
    op.create_index('ix_oos_case_worker', 'oos_case', ['worker', 'status'], unique=False)
    op.create_table('oos_assessment',
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('assessed_on', sa.Date(), nullable=False),
    sa.Column('assessed_by', sa.String(length=50), nullable=False),
    sa.Column('catalogue_version', sa.Integer(), nullable=False),
    sa.Column('reasons', sa.String(length=300), nullable=False),
    sa.Column('other_reason', sa.String(length=500), nullable=False),
    sa.Column('last_school', sa.String(length=200), nullable=False),
    sa.Column('left_on', sa.Date(), nullable=True),
    sa.Column('note', sa.String(length=2000), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.Column('changed_seq', sa.Integer(), nullable=True),
    sa.Column('origin_office_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['oos_case.id'], name=op.f('fk_oos_assessment_case_id_oos_case')),
    sa.ForeignKeyConstraint(['origin_office_id'], ['office.id'], name=op.f('fk_oos_assessment_origin_office_id_office')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_oos_assessment')),
    sa.UniqueConstraint('uuid', name=op.f('uq_oos_assessment_uuid'))
    )
    op.create_index('ix_oos_assessment_case', 'oos_assessment', ['case_id', 'assessed_on'], unique=False)
    op.create_table('oos_case_status',
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('from_status', sa.String(length=30), nullable=False),
    sa.Column('to_status', sa.String(length=30), nullable=False),
    sa.Column('changed_on', sa.Date(), nullable=False),
    sa.Column('changed_by', sa.String(length=50), nullable=False),
    sa.Column('place', sa.String(length=200), nullable=False),
    sa.Column('reason', sa.String(length=500), nullable=False),
    sa.Column('note', sa.String(length=2000), nullable=False),
    sa.Column('outcome', sa.String(length=20), nullable=False),
    sa.Column('approved_by', sa.String(length=50), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.Column('changed_seq', sa.Integer(), nullable=True),
    sa.Column('origin_office_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['oos_case.id'], name=op.f('fk_oos_case_status_case_id_oos_case')),
    sa.ForeignKeyConstraint(['origin_office_id'], ['office.id'], name=op.f('fk_oos_case_status_origin_office_id_office')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_oos_case_status')),
    sa.UniqueConstraint('uuid', name=op.f('uq_oos_case_status_uuid'))
    )
    op.create_index('ix_oos_case_status_case', 'oos_case_status', ['case_id', 'id'], unique=False)
    op.create_table('oos_follow_up',
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('visited_on', sa.Date(), nullable=False),
    sa.Column('visited_by', sa.String(length=50), nullable=False),
    sa.Column('result', sa.String(length=12), nullable=False),
    sa.Column('note', sa.String(length=2000), nullable=False),
    sa.Column('next_on', sa.Date(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.Column('changed_seq', sa.Integer(), nullable=True),
    sa.Column('origin_office_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['oos_case.id'], name=op.f('fk_oos_follow_up_case_id_oos_case')),
    sa.ForeignKeyConstraint(['origin_office_id'], ['office.id'], name=op.f('fk_oos_follow_up_origin_office_id_office')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_oos_follow_up')),
    sa.UniqueConstraint('uuid', name=op.f('uq_oos_follow_up_uuid'))
    )
    op.create_index('ix_oos_follow_up_case', 'oos_follow_up', ['case_id', 'visited_on'], unique=False)
    op.create_table('oos_plan_version',
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('authors', sa.String(length=500), nullable=False),
    sa.Column('edited_on', sa.Date(), nullable=False),
    sa.Column('submitted_by', sa.String(length=50), nullable=False),
    sa.Column('submitted_on', sa.Date(), nullable=True),
    sa.Column('decided_by', sa.String(length=50), nullable=False),
    sa.Column('decided_on', sa.Date(), nullable=True),
    sa.Column('returned_reason', sa.String(length=500), nullable=False),
    sa.Column('approved_hash', sa.String(length=64), nullable=False),
    sa.Column('note', sa.String(length=2000), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.Column('changed_seq', sa.Integer(), nullable=True),
    sa.Column('origin_office_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['oos_case.id'], name=op.f('fk_oos_plan_version_case_id_oos_case')),
    sa.ForeignKeyConstraint(['origin_office_id'], ['office.id'], name=op.f('fk_oos_plan_version_origin_office_id_office')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_oos_plan_version')),
    sa.UniqueConstraint('uuid', name=op.f('uq_oos_plan_version_uuid'))
    )
    op.create_index('ix_oos_plan_version_live_number', 'oos_plan_version', ['case_id', 'number'], unique=True, sqlite_where=sa.text('deleted_at IS NULL'), postgresql_where=sa.text('deleted_at IS NULL'))
    op.create_table('oos_referral',
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('agency', sa.String(length=20), nullable=False),
    sa.Column('agency_name', sa.String(length=200), nullable=False),
    sa.Column('reason', sa.String(length=500), nullable=False),
    sa.Column('sent_on', sa.Date(), nullable=False),
    sa.Column('sent_by', sa.String(length=50), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('status_on', sa.Date(), nullable=False),
    sa.Column('answer', sa.String(length=1000), nullable=False),
    sa.Column('letter_no', sa.String(length=50), nullable=False),
    sa.Column('note', sa.String(length=2000), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.Column('changed_seq', sa.Integer(), nullable=True),
    sa.Column('origin_office_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['oos_case.id'], name=op.f('fk_oos_referral_case_id_oos_case')),
    sa.ForeignKeyConstraint(['origin_office_id'], ['office.id'], name=op.f('fk_oos_referral_origin_office_id_office')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_oos_referral')),
    sa.UniqueConstraint('uuid', name=op.f('uq_oos_referral_uuid'))
    )
    op.create_index('ix_oos_referral_case', 'oos_referral', ['case_id'], unique=False)
    op.create_index('ix_oos_referral_status', 'oos_referral', ['status'], unique=False)
    op.create_table('oos_trace_visit',
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('visited_on', sa.Date(), nullable=False),
    sa.Column('visitors', sa.String(length=200), nullable=False),
    sa.Column('met', sa.String(length=200), nullable=False),
    sa.Column('result', sa.String(length=30), nullable=False),
    sa.Column('lat_e6', sa.Integer(), nullable=True),
    sa.Column('lon_e6', sa.Integer(), nullable=True),
    sa.Column('note', sa.String(length=2000), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.Column('changed_seq', sa.Integer(), nullable=True),
    sa.Column('origin_office_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['oos_case.id'], name=op.f('fk_oos_trace_visit_case_id_oos_case')),
    sa.ForeignKeyConstraint(['origin_office_id'], ['office.id'], name=op.f('fk_oos_trace_visit_origin_office_id_office')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_oos_trace_visit')),
    sa.UniqueConstraint('uuid', name=op.f('uq_oos_trace_visit_uuid'))
    )
    op.create_index('ix_oos_trace_visit_case', 'oos_trace_visit', ['case_id', 'visited_on'], unique=False)
    op.create_table('oos_assessment_area',
    sa.Column('assessment_id', sa.Integer(), nullable=False),
    sa.Column('area', sa.String(length=20), nullable=False),
    sa.Column('level', sa.String(length=10), nullable=False),
    sa.Column('needs', sa.String(length=300), nullable=False),
    sa.Column('note', sa.String(length=2000), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.Column('changed_seq', sa.Integer(), nullable=True),
    sa.Column('origin_office_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['assessment_id'], ['oos_assessment.id'], name=op.f('fk_oos_assessment_area_assessment_id_oos_assessment')),
    sa.ForeignKeyConstraint(['origin_office_id'], ['office.id'], name=op.f('fk_oos_assessment_area_origin_office_id_office')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_oos_assessment_area')),
    sa.UniqueConstraint('uuid', name=op.f('uq_oos_assessment_area_uuid'))
    )
    op.create_index('ix_oos_assessment_area_live', 'oos_assessment_area', ['assessment_id', 'area'], unique=True, sqlite_where=sa.text('deleted_at IS NULL'), postgresql_where=sa.text('deleted_at IS NULL'))
    op.create_table('oos_plan_goal',
    sa.Column('version_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('text', sa.String(length=500), nullable=False),
    sa.Column('area', sa.String(length=20), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.Column('changed_seq', sa.Integer(), nullable=True),
    sa.Column('origin_office_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['origin_office_id'], ['office.id'], name=op.f('fk_oos_plan_goal_origin_office_id_office')),
    sa.ForeignKeyConstraint(['version_id'], ['oos_plan_version.id'], name=op.f('fk_oos_plan_goal_version_id_oos_plan_version')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_oos_plan_goal')),
    sa.UniqueConstraint('uuid', name=op.f('uq_oos_plan_goal_uuid'))
    )
    op.create_index('ix_oos_plan_goal_version', 'oos_plan_goal', ['version_id', 'position'], unique=False)
    op.create_table('oos_trace_photo',
    sa.Column('visit_id', sa.Integer(), nullable=False),
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
    sa.ForeignKeyConstraint(['origin_office_id'], ['office.id'], name=op.f('fk_oos_trace_photo_origin_office_id_office')),
    sa.ForeignKeyConstraint(['visit_id'], ['oos_trace_visit.id'], name=op.f('fk_oos_trace_photo_visit_id_oos_trace_visit')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_oos_trace_photo')),
    sa.UniqueConstraint('uuid', name=op.f('uq_oos_trace_photo_uuid'))
    )
    op.create_index('ix_oos_trace_photo_visit', 'oos_trace_photo', ['visit_id'], unique=False)
    op.create_table('oos_plan_action',
    sa.Column('goal_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('text', sa.String(length=500), nullable=False),
    sa.Column('agency', sa.String(length=20), nullable=False),
    sa.Column('agency_name', sa.String(length=200), nullable=False),
    sa.Column('person', sa.String(length=200), nullable=False),
    sa.Column('due', sa.Date(), nullable=True),
    sa.Column('budget_satang', sa.Integer(), nullable=False),
    sa.Column('outcome', sa.String(length=1000), nullable=False),
    sa.Column('done_on', sa.Date(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.Column('changed_seq', sa.Integer(), nullable=True),
    sa.Column('origin_office_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['goal_id'], ['oos_plan_goal.id'], name=op.f('fk_oos_plan_action_goal_id_oos_plan_goal')),
    sa.ForeignKeyConstraint(['origin_office_id'], ['office.id'], name=op.f('fk_oos_plan_action_origin_office_id_office')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_oos_plan_action')),
    sa.UniqueConstraint('uuid', name=op.f('uq_oos_plan_action_uuid'))
    )
    op.create_index('ix_oos_plan_action_due', 'oos_plan_action', ['due'], unique=False)
    op.create_index('ix_oos_plan_action_goal', 'oos_plan_action', ['goal_id', 'position'], unique=False)

    _EXCHANGE.add_tracking(TRACKED)


def downgrade() -> None:
    _EXCHANGE.drop_tracking(TRACKED)
    for table in ('oos_plan_action', 'oos_plan_goal', 'oos_plan_version', 'oos_assessment_area', 'oos_assessment', 'oos_trace_photo', 'oos_trace_visit', 'oos_follow_up', 'oos_referral', 'oos_case_status', 'oos_case'):
        op.drop_table(table)
