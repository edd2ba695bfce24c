"""The exchange's bookkeeping in the database (0012; docs/exchange.md). Models only:
services/exchange_export.py (the municipality) and services/exchange_import.py (the
province) hold the rules. No Qt.

The rows that travel carry ``changed_seq`` (models.Synced): NULL when created or changed
since they last went out, else the sequence of the bundle they last went in.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    Boolean,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from desktop.store.models import Base, utcnow


class Tombstone(Base):
    """A local row hard-deleted (an AFTER DELETE trigger): its wire table and uuid, so the
    deletion travels. ``changed_seq`` as on the rows."""

    __tablename__ = "exchange_tombstone"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    wire_table: Mapped[str] = mapped_column(String(40))
    uuid: Mapped[str] = mapped_column(String(36))
    deleted_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    changed_seq: Mapped[int | None] = mapped_column(Integer, default=None)


class Outbox(Base):
    """A municipality's line of bundles to one recipient (its province)."""

    __tablename__ = "exchange_outbox"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    recipient_code: Mapped[str] = mapped_column(String(20), unique=True)
    next_sequence: Mapped[int] = mapped_column(Integer, default=1)
    last_manifest_hash: Mapped[str] = mapped_column(String(64), default="")  # "": none yet
    acked_sequence: Mapped[int] = mapped_column(Integer, default=0)  # the last receipt's
    acked_manifest_hash: Mapped[str] = mapped_column(String(64), default="")
    acked_bundle: Mapped[str] = mapped_column(String(36), default="")
    acked_at: Mapped[datetime | None] = mapped_column(DateTime, default=None)
    # a restore noticed (its time) and not yet announced by a bundle
    restored_at: Mapped[datetime | None] = mapped_column(DateTime, default=None)
    restore_audit_id: Mapped[int] = mapped_column(Integer, default=0)  # the last restore entry seen


class SentBundle(Base):
    """A bundle this office wrote: what the audit entry of the export names, with the
    uuids of every row it carried (``rows``: zlib of the sorted uuids, one a line; their
    SHA-256 in ``rows_sha256`` and in the audit entry)."""

    __tablename__ = "exchange_sent"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    recipient_code: Mapped[str] = mapped_column(String(20))
    sequence: Mapped[int] = mapped_column(Integer)
    manifest_hash: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    created_by: Mapped[str] = mapped_column(String(50), default="")
    file_name: Mapped[str] = mapped_column(String(260), default="")
    full: Mapped[bool] = mapped_column(Boolean, default=False)
    restored: Mapped[bool] = mapped_column(Boolean, default=False)
    counts: Mapped[str] = mapped_column(Text, default="{}")  # JSON: wire table → rows
    rows_sha256: Mapped[str] = mapped_column(String(64), default="")
    rows: Mapped[bytes] = mapped_column(LargeBinary, default=b"")


class SenderState(Base):
    """At the province: where each sender's chain stands (the last bundle accepted)."""

    __tablename__ = "exchange_sender"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    office_code: Mapped[str] = mapped_column(String(20), unique=True)
    office_id: Mapped[int] = mapped_column(ForeignKey("office.id"))
    sequence: Mapped[int] = mapped_column(Integer)
    manifest_hash: Mapped[str] = mapped_column(String(64))
    bundle_uuid: Mapped[str] = mapped_column(String(36))
    imported_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    restores: Mapped[int] = mapped_column(Integer, default=0)


class ReceivedBundle(Base):
    """At the province: each bundle imported, in the same transaction as its rows."""

    __tablename__ = "exchange_received"
    __table_args__ = (Index("ix_exchange_received_office_code", "office_code", "sequence"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    office_code: Mapped[str] = mapped_column(String(20))
    key_id: Mapped[str] = mapped_column(String(32))
    sequence: Mapped[int] = mapped_column(Integer)
    manifest_hash: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(DateTime)  # the manifest's ``created``
    imported_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    imported_by: Mapped[str] = mapped_column(String(50), default="")
    file_name: Mapped[str] = mapped_column(String(260), default="")
    counts: Mapped[str] = mapped_column(Text, default="{}")  # the manifest's counts (JSON)
    applied: Mapped[str] = mapped_column(Text, default="{}")  # what the import did (JSON)
    restored_at: Mapped[datetime | None] = mapped_column(DateTime, default=None)
    continued_from: Mapped[int | None] = mapped_column(Integer, default=None)  # a restored fork's base


class Reconcile(Base):
    """At the province: one child with the same national ID in two offices' records
    (moved, or an error), and what the officer decided."""

    __tablename__ = "exchange_reconcile"
    __table_args__ = (UniqueConstraint("child_uuid", "other_child_uuid"),
                      Index("ix_exchange_reconcile_national_id", "national_id"))
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    national_id: Mapped[str] = mapped_column(String(13))
    child_uuid: Mapped[str] = mapped_column(String(36))  # the record that came in
    office_code: Mapped[str] = mapped_column(String(20))
    other_child_uuid: Mapped[str] = mapped_column(String(36))  # the record already here
    other_office_code: Mapped[str] = mapped_column(String(20))
    found_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    bundle_uuid: Mapped[str] = mapped_column(String(36), default="")
    decision: Mapped[str] = mapped_column(String(20), default="")  # "" open; moved | error | same
    decided_by: Mapped[str] = mapped_column(String(50), default="")
    decided_at: Mapped[datetime | None] = mapped_column(DateTime, default=None)
    note: Mapped[str] = mapped_column(Text, default="")
