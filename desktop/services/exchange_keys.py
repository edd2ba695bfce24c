"""This office's own exchange keys: make them, rotate them, give out the key card, and open
the private keys for the work that signs or decrypts (docs/keys.md). No Qt.

Who may: ``keys.manage`` (an administrator) makes and rotates the keys and writes the key
card; opening the private keys (``office_private_keys``) needs the action of the work
that uses them: ``export.approve`` to sign a bundle, ``merge`` at the province to
decrypt bundles and sign receipts (not ``import``: a clerk imports spreadsheets),
``keys.manage`` to sign a rotation.

Where the secret lives (store/office_secret.py): inside an encrypted database
(SQLCipher) in the ``office_key`` row itself, since the file is the protection; in a
plain database or PostgreSQL only sealed to *holders*, users whose password unwraps their
own key pair. Opening it there needs the user's password; a user with no seal yet gets
one when a holder next opens the keys (or runs ``samoe keys share``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from desktop import atomic
from desktop.domain.roles import ALLOWED, Action
from desktop.exchange.identity import OfficeKeys
from desktop.exchange.key_card import KeyCard, make_card, read_card
from desktop.exchange.keypair import PrivateKeys, new_secret, private_keys
from desktop.i18n import _
from desktop.services.access import Actor, actor_of, require, require_any, verify_password
from desktop.services.audit import record
from desktop.services.keys import key_of_session
from desktop.services.office import require_local_office
from desktop.store import office_secret
from desktop.store.exchange_keys import OfficeKey, OfficeKeyHolder, OfficeKeySeal
from desktop.store.models import AppUser, Office, utcnow
from desktop.store.sealing import Seal

# the work that may open the private keys
KEY_USES = (Action.EXPORT_APPROVE, Action.MERGE, Action.KEYS_MANAGE)


class OfficeKeyError(Exception):
    """The office's keys cannot be had or changed; ``code`` stable, ``message`` Thai."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass(frozen=True)
class OfficeKeyInfo:
    key_id: str
    fingerprint: str
    created_at: datetime
    created_by: str
    retired_at: datetime | None
    replaced_by: str
    in_database: bool  # the secret is inside the (encrypted) database
    holders: int  # users it is sealed to


def _in_encrypted_file(session: Session) -> bool:
    return key_of_session(session) is not None


def _current(session: Session) -> OfficeKey | None:
    return session.scalars(select(OfficeKey).where(OfficeKey.retired_at.is_(None))
                           .order_by(OfficeKey.id.desc())).first()


def _card_of(row: OfficeKey) -> KeyCard:
    return read_card(row.card.encode("utf-8"))


def _naive(at: datetime | None) -> datetime:
    if at is None:
        return utcnow()
    return at.astimezone(UTC).replace(tzinfo=None) if at.tzinfo is not None else at


def _user_row(session: Session, actor: Actor) -> AppUser | None:
    user = session.get(AppUser, actor.user_id) if actor.user_id else None
    return user if user is not None and user.name == actor.name else None


def _may_hold(user: AppUser) -> bool:
    if user.disabled_at is not None:
        return False
    roles = {g.role for g in actor_of(user).grants}
    return any(a in ALLOWED.get(r, frozenset()) for r in roles for a in KEY_USES)


def _holder_wrap(h: OfficeKeyHolder) -> office_secret.HolderWrap:
    return office_secret.HolderWrap(bytes(h.public), bytes(h.salt), h.time_cost, h.memory_kib,
                                    h.parallelism, bytes(h.nonce), bytes(h.wrapped))


def ensure_holder(session: Session, password: str) -> bool:
    """The signed-in user becomes a holder (their own key pair under ``password``), so the
    next holder who opens the keys seals them to them; True when one was made. The
    password must be theirs."""
    actor = require_any(session, *KEY_USES)
    user = _user_row(session, actor)
    if user is None:
        raise OfficeKeyError("keys.no_user", _("ผู้ใช้ {name} ไม่มีบัญชีในฐานข้อมูลนี้").format(name=actor.name))
    if not verify_password(user.password_hash, password):
        raise OfficeKeyError("keys.password", _("รหัสผ่านไม่ถูกต้อง"))
    holder = session.scalars(select(OfficeKeyHolder).where(OfficeKeyHolder.user_id == user.id)).first()
    if holder is not None:
        if office_secret.holder_private(_holder_wrap(holder), user.name, password) is not None:
            return False
        # made under a password changed since: its seals open nothing now; a holder seals again
        session.execute(delete(OfficeKeySeal).where(OfficeKeySeal.holder_id == holder.id))
    else:
        holder = OfficeKeyHolder(user_id=user.id)
        session.add(holder)
    wrap = office_secret.new_holder(user.name, password)
    holder.public, holder.salt, holder.nonce, holder.wrapped = wrap.public, wrap.salt, wrap.nonce, wrap.wrapped
    holder.time_cost, holder.memory_kib, holder.parallelism = wrap.time_cost, wrap.memory_kib, wrap.parallelism
    holder.created_at = utcnow()
    session.flush()
    return True


def drop_holder(session: Session, name: str) -> bool:
    """``name``'s wrap of the office's keys and its seals, removed (inside the checked
    users.set_password and users.lock_user): a changed password, or a suspended user, no
    longer opens them; the user asks again and a holder shares again. True when one was."""
    holder = session.scalars(select(OfficeKeyHolder).join(AppUser, AppUser.id == OfficeKeyHolder.user_id)
                             .where(AppUser.name == name.strip())).first()
    if holder is None:
        return False
    session.execute(delete(OfficeKeySeal).where(OfficeKeySeal.holder_id == holder.id))
    session.delete(holder)
    session.flush()
    return True


def _share(session: Session, row: OfficeKey, secret: bytes) -> list[str]:
    """Seal ``secret`` to every holder who may use it and has no seal of ``row`` yet."""
    have = set(session.scalars(select(OfficeKeySeal.holder_id).where(OfficeKeySeal.office_key_id == row.id)))
    given = []
    for holder, user in session.execute(select(OfficeKeyHolder, AppUser)
                                        .join(AppUser, AppUser.id == OfficeKeyHolder.user_id)
                                        .order_by(OfficeKeyHolder.id)).tuples():
        if holder.id in have or not _may_hold(user):
            continue
        seal = office_secret.seal_secret(secret, bytes(holder.public), row.key_id, user.name)
        session.add(OfficeKeySeal(office_key_id=row.id, holder_id=holder.id, ephemeral=seal.ephemeral,
                                  nonce=seal.nonce, sealed=seal.sealed))
        given.append(user.name)
    session.flush()
    return given


def _secret(session: Session, row: OfficeKey, actor: Actor, password: str | None) -> bytes:
    if row.secret is not None:
        return bytes(row.secret)
    user = _user_row(session, actor)
    holder = (session.scalars(select(OfficeKeyHolder).where(OfficeKeyHolder.user_id == user.id)).first()
              if user is not None else None)
    seal = (session.scalars(select(OfficeKeySeal).where(OfficeKeySeal.office_key_id == row.id,
                                                        OfficeKeySeal.holder_id == holder.id)).first()
            if holder is not None else None)
    if user is None or holder is None or seal is None:
        raise OfficeKeyError("keys.not_shared", _(
            "กุญแจของหน่วยงานยังไม่ได้มอบให้ผู้ใช้ {name} ให้ผู้ดูแลระบบที่ถือกุญแจสั่ง samoe keys share "
            "(หลังจากผู้ใช้นี้สั่งคำสั่งนี้แล้วหนึ่งครั้ง)").format(name=actor.name))
    if password is None:
        raise OfficeKeyError("keys.password", _("ต้องใส่รหัสผ่านเพื่อเปิดกุญแจของหน่วยงาน"))
    private = office_secret.holder_private(_holder_wrap(holder), user.name, password)
    secret = (office_secret.unseal_secret(Seal(bytes(seal.ephemeral), bytes(seal.nonce), bytes(seal.sealed)),
                                          private, row.key_id, user.name) if private is not None else None)
    if secret is None and private is None and verify_password(user.password_hash, password):
        raise OfficeKeyError("keys.not_shared", _(
            "รหัสผ่านของผู้ใช้ {name} เปลี่ยนหลังจากได้รับกุญแจของหน่วยงาน ให้ผู้ดูแลระบบที่ถือกุญแจสั่ง "
            "samoe keys share อีกครั้ง (หลังจากผู้ใช้นี้สั่งคำสั่งนี้แล้วหนึ่งครั้ง)").format(name=actor.name))
    if secret is None:
        raise OfficeKeyError("keys.password", _("รหัสผ่านไม่ถูกต้อง หรือกุญแจของหน่วยงานที่มอบไว้เสียหาย"))
    return secret


def _unlock(session: Session, row: OfficeKey, actor: Actor, password: str | None) -> tuple[bytes, PrivateKeys]:
    secret = _secret(session, row, actor, password)
    office = require_local_office(session)
    private = private_keys(secret, office.code, office.name)
    if private.keys.sign_public != bytes(row.sign_public) or private.keys.box_public != bytes(row.box_public):
        raise OfficeKeyError("keys.damaged", _("กุญแจของหน่วยงานในฐานข้อมูลเสียหาย (ไม่ตรงกับกุญแจสาธารณะ)"))
    if row.secret is None and _in_encrypted_file(session):
        row.secret = secret  # converted by db encrypt: the file protects it now
    return secret, private


def _open(session: Session, row: OfficeKey, actor: Actor, password: str | None) -> PrivateKeys:
    secret, private = _unlock(session, row, actor, password)
    if row.secret is None:
        _share(session, row, secret)  # a holder opened it: users waiting for it get it
    return private


def _store(session: Session, actor: Actor, secret: bytes, card: KeyCard, password: str | None) -> OfficeKey:
    in_file = _in_encrypted_file(session)
    row = OfficeKey(key_id=card.key_id, sign_public=card.keys.sign_public, box_public=card.keys.box_public,
                    created_at=_naive(card.created), created_by=actor.name, card=card.to_bytes().decode("utf-8"),
                    secret=secret if in_file else None)
    session.add(row)
    session.flush()
    if not in_file:
        if password is None:
            raise OfficeKeyError("keys.password", _("ฐานข้อมูลนี้ไม่เข้ารหัส: ต้องใส่รหัสผ่านเพื่อเก็บกุญแจของหน่วยงาน"))
        ensure_holder(session, password)
        if not _share(session, row, secret) and not _holds(session, row, actor):
            raise OfficeKeyError("keys.not_shared", _("เก็บกุญแจของหน่วยงานให้ผู้ใช้ {name} ไม่ได้").format(name=actor.name))
    return row


def _holds(session: Session, row: OfficeKey, actor: Actor) -> bool:
    return session.scalars(select(OfficeKeySeal.id).join(OfficeKeyHolder, OfficeKeyHolder.id == OfficeKeySeal.holder_id)
                           .where(OfficeKeySeal.office_key_id == row.id,
                                  OfficeKeyHolder.user_id == actor.user_id)).first() is not None


def _serialise(session: Session) -> None:
    """One key change at a time: PostgreSQL locks the office's row (SQLite's write
    transaction is already the only one)."""
    session.execute(select(Office.id).where(Office.is_local.is_(True)).with_for_update())


def make_office_keys(session: Session, *, password: str | None = None, now: datetime | None = None) -> KeyCard:
    """The office's first key pair (``keys.manage``): at set-up, or on first need in a
    database made before keys existed. ``password`` (the signed-in user's) is needed in
    a plain database. Refused when the office has keys already (rotate them)."""
    actor = require(session, Action.KEYS_MANAGE)
    _serialise(session)
    if _current(session) is not None:
        raise OfficeKeyError("keys.exists", _("หน่วยงานนี้มีกุญแจอยู่แล้ว ถ้าต้องการกุญแจใหม่ให้สั่ง samoe keys rotate"))
    office = require_local_office(session)
    secret = new_secret()
    private = private_keys(secret, office.code, office.name)
    card = make_card(private, office.role, (now or datetime.now(UTC)).astimezone(UTC))
    _store(session, actor, secret, card, password)
    record(session, "keys_make", "office_key", card.key_id, {"key_id": card.key_id, "fingerprint": card.fingerprint})
    return card


def ensure_office_keys(session: Session, *, password: str | None = None, now: datetime | None = None) -> KeyCard:
    """The current key card, the keys made first when there are none (``keys.manage``)."""
    require(session, Action.KEYS_MANAGE)
    row = _current(session)
    if row is None:
        return make_office_keys(session, password=password, now=now)
    return _card_of(row)


def current_card(session: Session) -> KeyCard | None:
    """The office's current key card, as issued (None: no keys yet). Public: anyone who
    may use or manage the keys reads it."""
    require_any(session, *KEY_USES)
    row = _current(session)
    return _card_of(row) if row is not None else None


def rotate_office_keys(session: Session, *, password: str | None = None, now: datetime | None = None) -> KeyCard:
    """A new key pair whose card is signed by the old key (``keys.manage``); the old one
    is retired (kept, to open what was sent to it) and names its successor."""
    actor = require(session, Action.KEYS_MANAGE)
    _serialise(session)
    row = _current(session)
    if row is None:
        raise OfficeKeyError("keys.none", _("หน่วยงานนี้ยังไม่มีกุญแจ สั่ง samoe keys card เพื่อสร้างกุญแจก่อน"))
    old = _open(session, row, actor, password)
    office = require_local_office(session)
    secret = new_secret()
    at = (now or datetime.now(UTC)).astimezone(UTC)
    card = make_card(private_keys(secret, office.code, office.name), office.role, at, old=old)
    row.retired_at = _naive(at)
    row.replaced_by = card.key_id
    session.flush()
    _store(session, actor, secret, card, password)
    record(session, "keys_rotate", "office_key", card.key_id,
           {"key_id": card.key_id, "replaces": row.key_id, "fingerprint": card.fingerprint})
    return card


def office_private_keys(session: Session, purpose: Action, *, password: str | None = None,
                        key_id: str | None = None) -> PrivateKeys:
    """The office's current private keys (or those of ``key_id``, a retired pair, to open
    what was sent to it) in memory, for work the signed-in user may do (``purpose``, one
    of KEY_USES). ``password``: the user's, needed in a plain database. OfficeKeyError
    (``keys.none``, ``keys.not_shared``, ``keys.password``); NotPermitted."""
    if purpose not in KEY_USES:
        raise ValueError(f"{purpose} does not use the office's keys")
    actor = require(session, purpose)
    if key_id is None:
        row = _current(session)
    else:
        row = session.scalars(select(OfficeKey).where(OfficeKey.key_id == key_id)).first()
    if row is None:
        raise OfficeKeyError("keys.none", _("หน่วยงานนี้ยังไม่มีกุญแจ ให้ผู้ดูแลระบบสั่ง samoe keys card เพื่อสร้างกุญแจก่อน"))
    return _open(session, row, actor, password)


def share_office_keys(session: Session, *, password: str | None = None) -> list[str]:
    """Seal the office's keys (current and retired) to every user who may use them and
    has asked (``ensure_holder``); the names given them (``keys.manage``)."""
    actor = require(session, Action.KEYS_MANAGE)
    given: list[str] = []
    for row in session.scalars(select(OfficeKey).order_by(OfficeKey.id)).all():
        if row.secret is not None:
            continue
        secret, _private = _unlock(session, row, actor, password)
        given += _share(session, row, secret)
    names = sorted(set(given))
    if names:
        record(session, "keys_share", "office_key", "", {"users": names})
    return names


def office_key_list(session: Session) -> list[OfficeKeyInfo]:
    """The office's key pairs, newest first (``keys.manage``)."""
    require(session, Action.KEYS_MANAGE)
    out = []
    for row in session.scalars(select(OfficeKey).order_by(OfficeKey.id.desc())).all():
        holders = len(session.scalars(select(OfficeKeySeal.id).where(OfficeKeySeal.office_key_id == row.id)).all())
        keys = OfficeKeys("", "", bytes(row.sign_public), bytes(row.box_public))
        out.append(OfficeKeyInfo(row.key_id, keys.fingerprint, row.created_at, row.created_by, row.retired_at,
                                 row.replaced_by, row.secret is not None, holders))
    return out


def write_key_card(session: Session, out: Path, *, pdf: Path | None = None, password: str | None = None,
                   today: date | None = None, now: datetime | None = None) -> KeyCard:
    """Write the office's current key card to ``out`` and, with ``pdf``, its printable
    page (``keys.manage``); the keys are made first when the office has none (a database
    made before keys existed). Both files are written atomically; an audit entry names
    them."""
    require(session, Action.KEYS_MANAGE)
    card = ensure_office_keys(session, password=password, now=now)
    data = card.to_bytes()
    atomic.write_bytes(Path(out), data)
    if pdf is not None:
        from desktop.reports.key_card import key_card_pdf

        page, _pages = key_card_pdf(card, data, printed=today)
        atomic.write_bytes(Path(pdf), page)
    record(session, "keys_card", "office_key", card.key_id,
           {"key_id": card.key_id, "file": Path(out).name, **({"pdf": Path(pdf).name} if pdf else {})})
    return card
