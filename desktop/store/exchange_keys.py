"""The exchange's keys in the database (0011; docs/keys.md): this office's own key pairs,
the people who may use them, and the key cards it trusts. No Qt.

Models only; services/exchange_keys.py holds the rules (who may, what is refused) and
store/office_secret.py the wrapping of the private halves.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
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


class OfficeKey(Base):
    """One of this office's key pairs: the current one has no ``retired_at``. ``secret``
    (32 bytes, whence both private keys) only in an encrypted database; else NULL and the
    secret is sealed to each holder (``OfficeKeySeal``)."""

    __tablename__ = "office_key"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key_id: Mapped[str] = mapped_column(String(32), unique=True)
    sign_public: Mapped[bytes] = mapped_column(LargeBinary)
    box_public: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    created_by: Mapped[str] = mapped_column(String(50), default="")
    retired_at: Mapped[datetime | None] = mapped_column(DateTime, default=None)
    replaced_by: Mapped[str] = mapped_column(String(32), default="")
    card: Mapped[str] = mapped_column(Text, default="")  # the key card as issued (JSON)
    secret: Mapped[bytes | None] = mapped_column(LargeBinary, default=None)


class OfficeKeyHolder(Base):
    """A user who may use the office's private keys in a plain database: their X25519
    key pair, the private half wrapped under an Argon2id key of their password."""

    __tablename__ = "office_key_holder"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("app_user.id"), unique=True)
    public: Mapped[bytes] = mapped_column(LargeBinary)
    salt: Mapped[bytes] = mapped_column(LargeBinary)
    time_cost: Mapped[int] = mapped_column(Integer)
    memory_kib: Mapped[int] = mapped_column(Integer)
    parallelism: Mapped[int] = mapped_column(Integer)
    nonce: Mapped[bytes] = mapped_column(LargeBinary)
    wrapped: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class OfficeKeySeal(Base):
    """An office key's secret sealed to one holder's public key."""

    __tablename__ = "office_key_seal"
    __table_args__ = (UniqueConstraint("office_key_id", "holder_id"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    office_key_id: Mapped[int] = mapped_column(ForeignKey("office_key.id"))
    holder_id: Mapped[int] = mapped_column(ForeignKey("office_key_holder.id"))
    ephemeral: Mapped[bytes] = mapped_column(LargeBinary)
    nonce: Mapped[bytes] = mapped_column(LargeBinary)
    sealed: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class TrustEntry(Base):
    """A key card this office trusts (a municipality's at the province, the province's at
    a municipality). Never deleted: a revocation keeps it, with the time from which
    bundles signed by it are refused."""

    __tablename__ = "trusted_key"
    __table_args__ = (Index("ix_trusted_key_office_code", "office_code"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key_id: Mapped[str] = mapped_column(String(32), unique=True)
    office_code: Mapped[str] = mapped_column(String(20))
    office_name: Mapped[str] = mapped_column(String(200))
    office_role: Mapped[str] = mapped_column(String(20))  # municipality | province
    sign_public: Mapped[bytes] = mapped_column(LargeBinary)
    box_public: Mapped[bytes] = mapped_column(LargeBinary)
    card_created_at: Mapped[datetime] = mapped_column(DateTime)
    card: Mapped[str] = mapped_column(Text, default="")  # the card as enrolled (JSON)
    enrolled_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    enrolled_by: Mapped[str] = mapped_column(String(50), default="")
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime, default=None)  # effective from
    revoked_by: Mapped[str] = mapped_column(String(50), default="")
    revoke_recorded_at: Mapped[datetime | None] = mapped_column(DateTime, default=None)
    revoke_reason: Mapped[str] = mapped_column(Text, default="")
    replaces: Mapped[str] = mapped_column(String(32), default="")  # the key id it rotated from
    replaced_by: Mapped[str] = mapped_column(String(32), default="")
