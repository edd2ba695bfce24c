"""The trust list: the key cards this office accepts bundles and receipts from
(docs/keys.md). No Qt.

At the province: each municipality's card; at a municipality: its province's card,
enrolled the same way. ``keys.manage`` (an administrator) enrols and revokes; whoever may
use the exchange reads the list. Every change is an audit entry.

Enrolment refuses, each with a stable code and a Thai message: a card that does not read
or check (exchange/key_card.py), this office's own card, a card already enrolled, a
card of the same kind of office as this one (a municipality trusts its province; the
province its municipalities), a new card for an office whose key is still trusted (revoke
it first, or send a rotation card), and a rotation card that the enrolled old key did not
sign (or whose old key is unknown, revoked, already replaced, or another office's). An
accepted rotation names its successor in the old entry.

``DatabaseTrustList`` is the exchange/identity.TrustList the bundle verifier asks.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain.roles import Action
from desktop.exchange.identity import OfficeKeys, TrustedKey
from desktop.exchange.key_card import KeyCard, KeyCardError, check_rotation, read_card
from desktop.i18n import _
from desktop.services.access import require, require_any
from desktop.services.audit import record
from desktop.services.exchange_keys import KEY_USES
from desktop.services.office import require_local_office
from desktop.store.exchange_keys import OfficeKey, TrustEntry

MIN_PREFIX = 8  # a key id may be typed by its first 8 characters, when they name one key


class TrustRefused(Exception):  # noqa: N818 (a refusal, not a fault)
    """A card not enrolled, or a key not revoked: ``code`` stable, ``message`` Thai."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass(frozen=True)
class TrustInfo:
    key_id: str
    fingerprint: str
    office_code: str
    office_name: str
    office_role: str
    card_created_at: datetime
    enrolled_at: datetime
    enrolled_by: str
    revoked_at: datetime | None
    revoked_by: str
    revoke_reason: str
    replaces: str
    replaced_by: str


def _aware(at: datetime | None) -> datetime | None:
    return at.replace(tzinfo=UTC) if at is not None and at.tzinfo is None else at


def _naive(at: datetime) -> datetime:
    return at.astimezone(UTC).replace(tzinfo=None) if at.tzinfo is not None else at


def _keys(row: TrustEntry) -> OfficeKeys:
    return OfficeKeys(row.office_code, row.office_name, bytes(row.sign_public), bytes(row.box_public))


def _info(row: TrustEntry) -> TrustInfo:
    return TrustInfo(row.key_id, _keys(row).fingerprint, row.office_code, row.office_name, row.office_role,
                     row.card_created_at, row.enrolled_at, row.enrolled_by, row.revoked_at, row.revoked_by,
                     row.revoke_reason, row.replaces, row.replaced_by)


def _by_key_id(session: Session, key_id: str) -> TrustEntry | None:
    return session.scalars(select(TrustEntry).where(TrustEntry.key_id == key_id)).first()


def _check_rotation(session: Session, card: KeyCard) -> TrustEntry:
    old = _by_key_id(session, card.replaces)
    if old is None:
        raise TrustRefused("rotation.unknown", _(
            "บัตรกุญแจนี้แทนกุญแจเดิม {key} ซึ่งไม่อยู่ในรายการที่เชื่อถือ ลงทะเบียนบัตรเดิมก่อน "
            "หรือให้หน่วยงานนั้นส่งบัตรกุญแจตามปกติ").format(key=card.replaces))
    if old.office_code != card.keys.office_code:
        raise TrustRefused("rotation.other_office", _(
            "บัตรกุญแจนี้ (หน่วยงาน {code}) อ้างว่าแทนกุญแจของหน่วยงานอื่น ({other}) ไม่รับบัตรนี้")
            .format(code=card.keys.office_code, other=old.office_code))
    if old.revoked_at is not None:
        raise TrustRefused("rotation.revoked", _(
            "กุญแจเดิม {key} ถูกเพิกถอนแล้ว บัตรที่กุญแจนั้นรับรองจึงเชื่อถือไม่ได้ "
            "ตรวจเลขลายนิ้วมือกับหน่วยงานทางโทรศัพท์แล้วลงทะเบียนบัตรใหม่ตามปกติ").format(key=old.key_id))
    if old.replaced_by:
        raise TrustRefused("rotation.replaced", _("กุญแจเดิม {key} ถูกแทนด้วยกุญแจ {new} ไปแล้ว")
                           .format(key=old.key_id, new=old.replaced_by))
    if not check_rotation(card, bytes(old.sign_public)):
        raise TrustRefused("rotation.signature", _(
            "ลายมือชื่อของกุญแจเดิมบนบัตรกุญแจนี้ไม่ถูกต้อง (ไม่ได้ลงนามด้วยกุญแจเดิม {key}) ไม่รับบัตรนี้")
            .format(key=old.key_id))
    return old


def enrol_card(session: Session, raw: bytes, *, now: datetime | None = None) -> TrustInfo:
    """Add the card in ``raw`` (a card file's bytes) to the trust list (``keys.manage``)."""
    actor = require(session, Action.KEYS_MANAGE)
    try:
        card = read_card(raw)
    except KeyCardError as exc:
        raise TrustRefused(exc.code, exc.message) from None
    office = require_local_office(session)
    own = session.scalars(select(OfficeKey.id).where(OfficeKey.key_id == card.key_id)).first()
    if own is not None or card.keys.office_code == office.code:
        raise TrustRefused("card.own", _("บัตรกุญแจนี้เป็นของหน่วยงานนี้เอง ลงทะเบียนได้เฉพาะบัตรของหน่วยงานอื่น"))
    if _by_key_id(session, card.key_id) is not None:
        raise TrustRefused("card.enrolled", _("บัตรกุญแจนี้ ({key}) อยู่ในรายการที่เชื่อถือแล้ว").format(key=card.key_id))
    wanted = "province" if office.role == "municipality" else "municipality"
    if card.office_role != wanted:
        raise TrustRefused("card.role", _(
            "หน่วยงานนี้รับบัตรกุญแจของ{wanted}เท่านั้น แต่บัตรนี้เป็นของ{role}").format(
                wanted=_("สำนักงานจังหวัด") if wanted == "province" else _("องค์กรปกครองส่วนท้องถิ่น"),
                role=_("สำนักงานจังหวัด") if card.office_role == "province" else _("องค์กรปกครองส่วนท้องถิ่น")))
    old = _check_rotation(session, card) if card.replaces else None
    if old is None:
        live = session.scalars(select(TrustEntry).where(
            TrustEntry.office_code == card.keys.office_code, TrustEntry.revoked_at.is_(None),
            TrustEntry.replaced_by == "")).first()
        if live is not None:
            raise TrustRefused("card.office_has_key", _(
                "หน่วยงาน {code} มีกุญแจที่เชื่อถืออยู่แล้ว ({key}) ถ้าหน่วยงานนั้นเปลี่ยนกุญแจ ให้ส่งบัตรที่สั่ง "
                "samoe keys rotate หรือเพิกถอนกุญแจเดิมก่อน (samoe keys revoke {key})").format(
                    code=card.keys.office_code, key=live.key_id))
    at = _naive(now or datetime.now(UTC))
    row = TrustEntry(key_id=card.key_id, office_code=card.keys.office_code, office_name=card.keys.office_name,
                     office_role=card.office_role, sign_public=card.keys.sign_public,
                     box_public=card.keys.box_public, card_created_at=_naive(card.created),
                     card=card.to_bytes().decode("utf-8"), enrolled_at=at, enrolled_by=actor.name,
                     replaces=card.replaces)
    session.add(row)
    if old is not None:
        old.replaced_by = card.key_id
    session.flush()
    record(session, "trust_enrol", "trusted_key", card.key_id,
           {"key_id": card.key_id, "office_code": card.keys.office_code, "office_name": card.keys.office_name,
            "fingerprint": card.fingerprint, **({"replaces": card.replaces} if card.replaces else {})})
    return _info(row)


def _find_entry(session: Session, typed: str) -> TrustEntry:
    """The entry a typed key id names: the whole id or its first 8+ characters."""
    text = typed.strip().lower().replace(" ", "")
    if len(text) < MIN_PREFIX or len(text) > 32 or any(c not in "0123456789abcdef" for c in text):
        raise TrustRefused("revoke.key_id", _(
            "รหัสกุญแจต้องเป็นเลขฐานสิบหก {min} ถึง 32 ตัว (ดูจาก samoe keys list)").format(min=MIN_PREFIX))
    rows = session.scalars(select(TrustEntry).where(TrustEntry.key_id.startswith(text, autoescape=True))
                           .limit(2)).all()
    if not rows:
        raise TrustRefused("revoke.unknown", _("ไม่มีกุญแจ {key} ในรายการที่เชื่อถือ (ดูจาก samoe keys list)")
                           .format(key=text))
    if len(rows) > 1:
        raise TrustRefused("revoke.ambiguous", _("รหัสกุญแจ {key} ตรงกับกุญแจมากกว่าหนึ่งดอก พิมพ์รหัสให้ยาวขึ้น")
                           .format(key=text))
    return rows[0]


def revoke_key(session: Session, typed: str, *, at: datetime | None = None, reason: str = "",
               now: datetime | None = None) -> TrustInfo:
    """Revoke a trusted key from ``at`` (default now; bundles made at or after it are
    refused) (``keys.manage``). The revocation and who made it are kept."""
    actor = require(session, Action.KEYS_MANAGE)
    row = _find_entry(session, typed)
    if row.revoked_at is not None:
        raise TrustRefused("revoke.already", _("กุญแจ {key} ถูกเพิกถอนไปแล้วตั้งแต่ {at}")
                           .format(key=row.key_id, at=f"{row.revoked_at:%Y-%m-%d %H:%M} UTC"))
    recorded = _naive(now or datetime.now(UTC))
    row.revoked_at = _naive(at) if at is not None else recorded
    row.revoked_by = actor.name
    row.revoke_recorded_at = recorded
    row.revoke_reason = reason.strip()[:500]
    session.flush()
    record(session, "trust_revoke", "trusted_key", row.key_id,
           {"key_id": row.key_id, "office_code": row.office_code, "from": row.revoked_at.isoformat(sep=" "),
            **({"reason": row.revoke_reason} if row.revoke_reason else {})})
    return _info(row)


def list_trusted(session: Session) -> list[TrustInfo]:
    """The trust list, by office code then newest first (anyone who may use the exchange)."""
    require_any(session, *KEY_USES)
    rows = session.scalars(select(TrustEntry).order_by(TrustEntry.office_code, TrustEntry.id.desc())).all()
    return [_info(r) for r in rows]


class DatabaseTrustList:
    """exchange/identity.TrustList over this database's trust list, for the verifier
    (which the checked import service runs): ``find(key_id)``."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def find(self, key_id: str) -> TrustedKey | None:
        row = _by_key_id(self.session, key_id)
        if row is None:
            return None
        enrolled = _aware(row.enrolled_at)
        assert enrolled is not None
        return TrustedKey(_keys(row), enrolled, _aware(row.revoked_at), row.replaced_by or None)


def trusted_at(found: TrustedKey, created: datetime) -> bool:
    """Whether a bundle made at ``created`` (aware) is within its key's trust: not at or
    after a revocation."""
    return found.revoked_at is None or created < found.revoked_at

