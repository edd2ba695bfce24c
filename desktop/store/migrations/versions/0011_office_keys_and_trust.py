"""The office's own exchange keys and its trust list (issue 10): see docs/keys.md.

- ``office_key``: each key pair this office has had (an Ed25519 signing key and an X25519
  key, named by their ``key_id``, exchange/identity.py): the current one has no
  ``retired_at``; a rotation retires it and names its successor (``replaced_by``). The
  public halves and the key card as issued (``card``: for a rotated key, signed by the old
  key) are kept. The private halves come from one 32-byte secret: ``secret`` holds it only
  in an encrypted database (SQLCipher: the file itself is the protection); in a plain
  database (or PostgreSQL) it is NULL and the secret lives only sealed to the people who
  may use it (``office_key_seal``).
- ``office_key_holder``: per user who may use the office's keys, an X25519 key pair whose
  private half is AES-256-GCM-wrapped under an Argon2id key of their password (as the
  keyring of store/cipher.py wraps the database key).
- ``office_key_seal``: the office key's secret sealed to a holder's public key (anyone
  who holds the secret can share it with a newly authorised user, without their password).
- ``trusted_key``: the key cards this office trusts (the province: its municipalities';
  a municipality: its province's), with who enrolled and revoked them and when, and the
  rotation that replaced them.

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-30
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "office_key",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key_id", sa.String(length=32), nullable=False),
        sa.Column("sign_public", sa.LargeBinary(), nullable=False),
        sa.Column("box_public", sa.LargeBinary(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=50), nullable=False),
        sa.Column("retired_at", sa.DateTime(), nullable=True),
        sa.Column("replaced_by", sa.String(length=32), nullable=False),
        sa.Column("card", sa.Text(), nullable=False),
        sa.Column("secret", sa.LargeBinary(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_office_key")),
        sa.UniqueConstraint("key_id", name=op.f("uq_office_key_key_id")),
    )
    op.create_table(
        "office_key_holder",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("public", sa.LargeBinary(), nullable=False),
        sa.Column("salt", sa.LargeBinary(), nullable=False),
        sa.Column("time_cost", sa.Integer(), nullable=False),
        sa.Column("memory_kib", sa.Integer(), nullable=False),
        sa.Column("parallelism", sa.Integer(), nullable=False),
        sa.Column("nonce", sa.LargeBinary(), nullable=False),
        sa.Column("wrapped", sa.LargeBinary(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["user_id"], ["app_user.id"],
                                name=op.f("fk_office_key_holder_user_id_app_user")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_office_key_holder")),
        sa.UniqueConstraint("user_id", name=op.f("uq_office_key_holder_user_id")),
    )
    op.create_table(
        "office_key_seal",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("office_key_id", sa.Integer(), nullable=False),
        sa.Column("holder_id", sa.Integer(), nullable=False),
        sa.Column("ephemeral", sa.LargeBinary(), nullable=False),
        sa.Column("nonce", sa.LargeBinary(), nullable=False),
        sa.Column("sealed", sa.LargeBinary(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["office_key_id"], ["office_key.id"],
                                name=op.f("fk_office_key_seal_office_key_id_office_key")),
        sa.ForeignKeyConstraint(["holder_id"], ["office_key_holder.id"],
                                name=op.f("fk_office_key_seal_holder_id_office_key_holder")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_office_key_seal")),
        sa.UniqueConstraint("office_key_id", "holder_id", name=op.f("uq_office_key_seal_office_key_id_holder_id")),
    )
    op.create_table(
        "trusted_key",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key_id", sa.String(length=32), nullable=False),
        sa.Column("office_code", sa.String(length=20), nullable=False),
        sa.Column("office_name", sa.String(length=200), nullable=False),
        sa.Column("office_role", sa.String(length=20), nullable=False),
        sa.Column("sign_public", sa.LargeBinary(), nullable=False),
        sa.Column("box_public", sa.LargeBinary(), nullable=False),
        sa.Column("card_created_at", sa.DateTime(), nullable=False),
        sa.Column("card", sa.Text(), nullable=False),
        sa.Column("enrolled_at", sa.DateTime(), nullable=False),
        sa.Column("enrolled_by", sa.String(length=50), nullable=False),
        sa.Column("revoked_at", sa.DateTime(), nullable=True),
        sa.Column("revoked_by", sa.String(length=50), nullable=False),
        sa.Column("revoke_recorded_at", sa.DateTime(), nullable=True),
        sa.Column("revoke_reason", sa.Text(), nullable=False),
        sa.Column("replaces", sa.String(length=32), nullable=False),
        sa.Column("replaced_by", sa.String(length=32), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_trusted_key")),
        sa.UniqueConstraint("key_id", name=op.f("uq_trusted_key_key_id")),
    )
    op.create_index("ix_trusted_key_office_code", "trusted_key", ["office_code"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_trusted_key_office_code", table_name="trusted_key")
    op.drop_table("trusted_key")
    op.drop_table("office_key_seal")
    op.drop_table("office_key_holder")
    op.drop_table("office_key")
