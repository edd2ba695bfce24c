"""The exchange's change tracking and bookkeeping (issue 10; docs/exchange.md).

Municipality (the sender):

- ``changed_seq`` on every synced table (institution, household, child, guardian,
  child_guardian, enrollment): NULL means "created or changed since it last went out"; a
  number is the sequence of the bundle it last went in. A new row is NULL by default (an
  insert pays nothing: no trigger, no index); an UPDATE of a column that travels sets it
  back to NULL (a trigger: SQLite an AFTER UPDATE OF those columns, PostgreSQL a BEFORE
  UPDATE that sets NEW.changed_seq); the export stamps the rows it wrote. No index: an
  export reads the table once anyway (a partial index on NULL would cost every bulk
  insert an index entry).
- ``exchange_tombstone``: a hard delete of a local row (an AFTER DELETE trigger) leaves
  its wire table name and uuid, so the deletion travels; soft deletes travel as the row
  with its ``deleted_at``.
- ``exchange_outbox``: per recipient, the next sequence, the last manifest hash, the last
  acknowledged bundle (from the province's receipt) and a restore noticed but not yet
  announced; ``exchange_sent``: each bundle written, with the uuids of the rows it
  carried (compressed; their SHA-256 is in the audit entry).

Province (the receiver): ``exchange_sender`` (each sender's chain: last sequence and
manifest hash), ``exchange_received`` (each bundle imported: uuid, sender, sequence,
hash, times, counts, a restore), ``exchange_reconcile`` (the same national ID from two
offices, and the officer's decision).

Revision ID: 0012
Revises: 0011
Create Date: 2026-11-30
"""

from __future__ import annotations

from collections.abc import Iterable

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

ADDRESS = ["house_no", "village_no", "village_name", "soi", "road", "subdistrict", "district",
           "province", "postcode"]
# (not updated_at: the Core UPDATEs that refresh derived keys, e.g. a child's enrolment
# keys after an institution is renamed, move it too; every real change moves another column)
COMMON = ["uuid", "version", "created_at", "deleted_at"]
# table → (its wire name, the columns whose change makes the row travel again). A frozen
# copy of desktop/services/exchange_wire.py's fields as this revision made it.
TRACKED: dict[str, tuple[str, list[str]]] = {
    "institution": ("institution", [*COMMON, "kind", "code", "name", "phone", *ADDRESS]),
    "household": ("household", [*COMMON, "house_code", "phone", "note", *ADDRESS]),
    "child": ("child", [*COMMON, "prefix", "first_name", "last_name", "first_name_en", "last_name_en",
                        "sex", "birth_date", "id_type", "national_id", "g_code", "no_id_reason",
                        "nationality", "disability", "household_id"]),
    "guardian": ("guardian", [*COMMON, "prefix", "first_name", "last_name", "national_id", "phone",
                              "occupation", "household_id"]),
    "child_guardian": ("guardianship", [*COMMON, "child_id", "guardian_id", "relation", "is_primary"]),
    "enrollment": ("enrolment", [*COMMON, "child_id", "institution_id", "academic_year_id", "level_code",
                                 "classroom", "status"]),
}
LOCAL = "old.origin_office_id IN (SELECT id FROM office WHERE is_local)"


def sqlite_triggers(table: str, wire: str, columns: list[str]) -> list[str]:
    return [
        f"CREATE TRIGGER {table}_changed_au AFTER UPDATE OF {', '.join(columns)} ON {table} "
        f"WHEN new.changed_seq IS NOT NULL AND old.changed_seq IS new.changed_seq BEGIN "
        f"UPDATE {table} SET changed_seq = NULL WHERE id = new.id; END",
        f"CREATE TRIGGER {table}_tombstone_ad AFTER DELETE ON {table} WHEN {LOCAL} BEGIN "
        f"INSERT INTO exchange_tombstone (wire_table, uuid, deleted_at) "
        f"VALUES ('{wire}', old.uuid, datetime('now')); END",
    ]


PG_FUNCTIONS = [
    "CREATE FUNCTION exchange_changed() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
    "NEW.changed_seq := NULL; RETURN NEW; END $$",
    "CREATE FUNCTION exchange_tombstone() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
    "IF OLD.origin_office_id IN (SELECT id FROM office WHERE is_local) THEN "
    "INSERT INTO exchange_tombstone (wire_table, uuid, deleted_at) "
    "VALUES (TG_ARGV[0], OLD.uuid, (now() AT TIME ZONE 'UTC')); END IF; RETURN NULL; END $$",
]


def postgresql_triggers(table: str, wire: str, columns: list[str]) -> list[str]:
    return [
        f"CREATE TRIGGER {table}_changed_bu BEFORE UPDATE OF {', '.join(columns)} ON {table} "
        f"FOR EACH ROW WHEN (NEW.changed_seq IS NOT NULL "
        f"AND OLD.changed_seq IS NOT DISTINCT FROM NEW.changed_seq) EXECUTE FUNCTION exchange_changed()",
        f"CREATE TRIGGER {table}_tombstone_ad AFTER DELETE ON {table} "
        f"FOR EACH ROW EXECUTE FUNCTION exchange_tombstone('{wire}')",
    ]


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    for table in TRACKED:
        op.add_column(table, sa.Column("changed_seq", sa.Integer(), nullable=True))
    op.create_table(
        "exchange_tombstone",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("wire_table", sa.String(length=40), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=False),
        sa.Column("changed_seq", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_exchange_tombstone")),
    )
    op.create_table(
        "exchange_outbox",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("recipient_code", sa.String(length=20), nullable=False),
        sa.Column("next_sequence", sa.Integer(), nullable=False),
        sa.Column("last_manifest_hash", sa.String(length=64), nullable=False),
        sa.Column("acked_sequence", sa.Integer(), nullable=False),
        sa.Column("acked_manifest_hash", sa.String(length=64), nullable=False),
        sa.Column("acked_bundle", sa.String(length=36), nullable=False),
        sa.Column("acked_at", sa.DateTime(), nullable=True),
        sa.Column("restored_at", sa.DateTime(), nullable=True),
        sa.Column("restore_audit_id", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_exchange_outbox")),
        sa.UniqueConstraint("recipient_code", name=op.f("uq_exchange_outbox_recipient_code")),
    )
    op.create_table(
        "exchange_sent",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("recipient_code", sa.String(length=20), nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column("manifest_hash", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=50), nullable=False),
        sa.Column("file_name", sa.String(length=260), nullable=False),
        sa.Column("full", sa.Boolean(), nullable=False),
        sa.Column("restored", sa.Boolean(), nullable=False),
        sa.Column("counts", sa.Text(), nullable=False),
        sa.Column("rows_sha256", sa.String(length=64), nullable=False),
        sa.Column("rows", sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_exchange_sent")),
        sa.UniqueConstraint("uuid", name=op.f("uq_exchange_sent_uuid")),
    )
    op.create_table(
        "exchange_sender",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("office_code", sa.String(length=20), nullable=False),
        sa.Column("office_id", sa.Integer(), nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column("manifest_hash", sa.String(length=64), nullable=False),
        sa.Column("bundle_uuid", sa.String(length=36), nullable=False),
        sa.Column("imported_at", sa.DateTime(), nullable=False),
        sa.Column("restores", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["office_id"], ["office.id"], name=op.f("fk_exchange_sender_office_id_office")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_exchange_sender")),
        sa.UniqueConstraint("office_code", name=op.f("uq_exchange_sender_office_code")),
    )
    op.create_table(
        "exchange_received",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("office_code", sa.String(length=20), nullable=False),
        sa.Column("key_id", sa.String(length=32), nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column("manifest_hash", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("imported_at", sa.DateTime(), nullable=False),
        sa.Column("imported_by", sa.String(length=50), nullable=False),
        sa.Column("file_name", sa.String(length=260), nullable=False),
        sa.Column("counts", sa.Text(), nullable=False),
        sa.Column("applied", sa.Text(), nullable=False),
        sa.Column("restored_at", sa.DateTime(), nullable=True),
        sa.Column("continued_from", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_exchange_received")),
        sa.UniqueConstraint("uuid", name=op.f("uq_exchange_received_uuid")),
    )
    op.create_index("ix_exchange_received_office_code", "exchange_received", ["office_code", "sequence"])
    op.create_table(
        "exchange_reconcile",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("national_id", sa.String(length=13), nullable=False),
        sa.Column("child_uuid", sa.String(length=36), nullable=False),
        sa.Column("office_code", sa.String(length=20), nullable=False),
        sa.Column("other_child_uuid", sa.String(length=36), nullable=False),
        sa.Column("other_office_code", sa.String(length=20), nullable=False),
        sa.Column("found_at", sa.DateTime(), nullable=False),
        sa.Column("bundle_uuid", sa.String(length=36), nullable=False),
        sa.Column("decision", sa.String(length=20), nullable=False),
        sa.Column("decided_by", sa.String(length=50), nullable=False),
        sa.Column("decided_at", sa.DateTime(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_exchange_reconcile")),
        sa.UniqueConstraint("child_uuid", "other_child_uuid",
                            name=op.f("uq_exchange_reconcile_child_uuid_other_child_uuid")),
    )
    op.create_index("ix_exchange_reconcile_national_id", "exchange_reconcile", ["national_id"])
    if dialect != "sqlite":
        for statement in PG_FUNCTIONS:
            op.execute(statement)
    add_tracking(TRACKED)


def add_tracking(tracked: dict[str, tuple[str, list[str]]]) -> None:
    """The change-tracking and tombstone triggers of ``tracked`` (table: wire name, the
    columns that travel); later migrations' synced tables use these too (0015, 0016)."""
    dialect = op.get_bind().dialect.name
    for table, (wire, columns) in tracked.items():
        make = sqlite_triggers if dialect == "sqlite" else postgresql_triggers
        for statement in make(table, wire, columns):
            op.execute(statement)


def drop_tracking(tables: Iterable[str]) -> None:
    dialect = op.get_bind().dialect.name
    for table in tables:
        for name in (f"{table}_changed_au", f"{table}_changed_bu", f"{table}_tombstone_ad"):
            op.execute(f"DROP TRIGGER IF EXISTS {name}" + ("" if dialect == "sqlite" else f" ON {table}"))


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    drop_tracking(TRACKED)
    if dialect != "sqlite":
        op.execute("DROP FUNCTION IF EXISTS exchange_changed()")
        op.execute("DROP FUNCTION IF EXISTS exchange_tombstone()")
    op.drop_index("ix_exchange_reconcile_national_id", table_name="exchange_reconcile")
    op.drop_table("exchange_reconcile")
    op.drop_index("ix_exchange_received_office_code", table_name="exchange_received")
    for name in ("exchange_received", "exchange_sender", "exchange_sent", "exchange_outbox",
                 "exchange_tombstone"):
        op.drop_table(name)
    for table in reversed(list(TRACKED)):
        op.drop_column(table, "changed_seq")
