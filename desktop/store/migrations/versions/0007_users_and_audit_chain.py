"""Users and their roles, failed logins, and the audit log made a tamper-evident chain
(issue 9).

- ``app_user``: one row per person who logs in. The password is an Argon2id hash (the
  services hash and check it; nothing here). ``locked_until``/``lockouts`` carry the growing
  lock after repeated failures, ``disabled_at`` a removed account (rows are never deleted:
  the audit log names them).
- ``user_role``: what a user may do, deny by default. A role may be limited to one
  institution (a CDC caregiver's centre, a teacher's school) and, for a teacher, to a class
  (``level_code`` and ``classroom``, empty for all).
- ``login_failure``: each failed login, by the name typed (the lock counts those of the
  last 15 minutes; an unknown name is counted too, so probing names costs the same).
- ``audit_log`` gains ``subject_uuid`` (the child an entry concerns, for the child's history
  panel: an edit of a guardian or an enrolment is part of the child's history), and
  ``prev_hash``/``hash``: each row's hash covers the previous row's hash and the row's own
  fields (``chain_hash`` below), so an edited, deleted, inserted or cut row breaks the chain
  at that row. Triggers refuse UPDATE and DELETE on the table. The rows written before this
  revision are chained here, in id order.

The canonical form is frozen here (a migration must not depend on code that may change);
``desktop/store/audit_chain.py`` computes the same and a test holds the two equal.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-30
"""

from __future__ import annotations

import hashlib
import json
from datetime import datetime

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

GENESIS = "0" * 64
APPEND_ONLY = "audit_log is append-only"
HEAD_KEY = "audit.head"
SQLITE_TRIGGERS = (
    ("audit_log_no_update", "UPDATE"),
    ("audit_log_no_delete", "DELETE"),
)


def chain_hash(prev_hash: str, row_id: int, at: datetime | str, actor: str, action: str,
               entity: str, entity_uuid: str, subject_uuid: str, detail: str) -> str:
    """SHA-256 of the previous hash and the row's fields in a fixed JSON form."""
    if isinstance(at, str):
        at = datetime.fromisoformat(at)
    fields = [row_id, at.isoformat(sep=" ", timespec="microseconds"), actor, action, entity,
              entity_uuid, subject_uuid, detail]
    body = json.dumps(fields, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(f"{prev_hash}\n{body}".encode()).hexdigest()


def upgrade() -> None:
    op.create_table(
        "app_user",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("name", sa.String(length=50), nullable=False),
        sa.Column("full_name", sa.String(length=200), nullable=False),
        sa.Column("password_hash", sa.String(length=255), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("password_changed_at", sa.DateTime(), nullable=True),
        sa.Column("last_login_at", sa.DateTime(), nullable=True),
        sa.Column("locked_until", sa.DateTime(), nullable=True),
        sa.Column("lockouts", sa.Integer(), nullable=False),
        sa.Column("disabled_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_app_user")),
        sa.UniqueConstraint("name", name=op.f("uq_app_user_name")),
        sa.UniqueConstraint("uuid", name=op.f("uq_app_user_uuid")),
    )
    op.create_table(
        "user_role",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(length=30), nullable=False),
        sa.Column("institution_id", sa.Integer(), nullable=True),
        sa.Column("level_code", sa.String(length=10), nullable=False),
        sa.Column("classroom", sa.String(length=20), nullable=False),
        sa.ForeignKeyConstraint(["user_id"], ["app_user.id"], name=op.f("fk_user_role_user_id_app_user")),
        sa.ForeignKeyConstraint(["institution_id"], ["institution.id"],
                                name=op.f("fk_user_role_institution_id_institution")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_user_role")),
        sa.UniqueConstraint("user_id", "role", "institution_id", "level_code", "classroom",
                            name=op.f("uq_user_role_user_id_role_institution_id_level_code_classroom")),
    )
    op.create_table(
        "login_failure",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_name", sa.String(length=50), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_login_failure")),
    )
    op.create_index("ix_login_failure_user_name", "login_failure", ["user_name", "at"], unique=False)

    with op.batch_alter_table("audit_log") as batch:
        batch.add_column(sa.Column("subject_uuid", sa.String(length=36), nullable=False, server_default=""))
        batch.add_column(sa.Column("prev_hash", sa.String(length=64), nullable=False, server_default=""))
        batch.add_column(sa.Column("hash", sa.String(length=64), nullable=False, server_default=""))
    op.create_index("ix_audit_log_subject_uuid", "audit_log", ["subject_uuid", "id"], unique=False)

    bind = op.get_bind()
    # Entries about a child are the child's history from the start.
    bind.exec_driver_sql("UPDATE audit_log SET subject_uuid = entity_uuid WHERE entity = 'child'")
    prev = GENESIS
    rows = bind.exec_driver_sql(
        "SELECT id, at, actor, action, entity, entity_uuid, subject_uuid, detail FROM audit_log ORDER BY id"
    ).all()
    updates = []
    for row in rows:
        digest = chain_hash(prev, *row)
        updates.append({"p": prev, "h": digest, "i": row[0]})
        prev = digest
    if updates:
        bind.execute(sa.text("UPDATE audit_log SET prev_hash = :p, hash = :h WHERE id = :i"), updates)
        # the chain's head (last id and hash), kept apart so that a cut tail shows
        bind.execute(sa.text("INSERT INTO setting (key, value) VALUES (:k, :v)"),
                     {"k": HEAD_KEY, "v": json.dumps({"id": updates[-1]["i"], "hash": prev})})

    if bind.dialect.name == "sqlite":
        for name, event in SQLITE_TRIGGERS:
            op.execute(f"CREATE TRIGGER {name} BEFORE {event} ON audit_log "
                       f"BEGIN SELECT RAISE(ABORT, '{APPEND_ONLY}'); END")
    elif bind.dialect.name == "postgresql":
        op.execute("CREATE FUNCTION samoe_audit_append_only() RETURNS trigger AS $$ BEGIN "
                   f"RAISE EXCEPTION '{APPEND_ONLY}'; END $$ LANGUAGE plpgsql")
        op.execute("CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log "
                   "FOR EACH ROW EXECUTE FUNCTION samoe_audit_append_only()")
        op.execute("CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log "
                   "FOR EACH STATEMENT EXECUTE FUNCTION samoe_audit_append_only()")


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        for name, _ in SQLITE_TRIGGERS:
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
    elif bind.dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS audit_log_no_truncate ON audit_log")
        op.execute("DROP TRIGGER IF EXISTS audit_log_no_change ON audit_log")
        op.execute("DROP FUNCTION IF EXISTS samoe_audit_append_only()")
    bind.execute(sa.text("DELETE FROM setting WHERE key = :k"), {"k": HEAD_KEY})
    op.drop_index("ix_audit_log_subject_uuid", table_name="audit_log")
    with op.batch_alter_table("audit_log") as batch:
        batch.drop_column("hash")
        batch.drop_column("prev_hash")
        batch.drop_column("subject_uuid")
    op.drop_index("ix_login_failure_user_name", table_name="login_failure")
    op.drop_table("login_failure")
    op.drop_table("user_role")
    op.drop_table("app_user")
