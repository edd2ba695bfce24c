"""The key card: an office's public keys in a small file (docs/keys.md). No Qt, no database.

A card is one JSON object, written canonically (exchange/canonical.py: sorted keys,
UTF-8, no spaces, no floats) with a newline at the end. It is read less strictly than a
manifest (spaces or a CRLF an e-mail program adds are harmless: the signatures cover the
canonical body rebuilt from the values), but never a duplicate field or a float:

    format "samoe-key-card", version 1, office_code, office_name, office_role
    (municipality | province), sign_public and box_public (64 hex characters each),
    key_id (exchange/identity.py: it must match the two keys), created (UTC,
    ``2026-11-30T08:00:00Z``), and for a rotated key ``replaces`` (the old key id);
    signature: Ed25519 by the card's own key over CARD_DOMAIN + the canonical body (the
    object without the two signatures): it proves the sender holds the key and that
    nobody changed the name, code or role on the way;
    rotation_signature (a rotated key only): Ed25519 by the OLD key over ROTATION_DOMAIN
    + the same body: the old key vouches for its successor.

``read_card`` refuses, each with a stable code and a Thai message: a file too large, not
UTF-8 JSON (UTF-16, binary), a duplicate or unknown field, a float, a wrong type or size,
a key id that does not match the keys, a bad self-signature. The rotation signature
can only be checked against the old key (``check_rotation``), which the trust list holds.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from desktop.domain.office import NAME_LIMIT, office_code_problem
from desktop.exchange.canonical import dumps
from desktop.exchange.identity import OfficeKeys, key_id
from desktop.exchange.keypair import PrivateKeys
from desktop.i18n import _

CARD_FORMAT = "samoe-key-card"
CARD_VERSION = 1
CARD_DOMAIN = b"samoe/key-card/v1\x00"
ROTATION_DOMAIN = b"samoe/key-rotation/v1\x00"
MAX_CARD_BYTES = 16 * 1024
ROLES = ("municipality", "province")
_BODY = {"format", "version", "office_code", "office_name", "office_role", "sign_public",
         "box_public", "key_id", "created"}
_OPTIONAL = {"replaces"}
_SIGNATURES = {"signature", "rotation_signature"}
_TIME = "%Y-%m-%dT%H:%M:%SZ"


class KeyCardError(Exception):
    """A card refused: ``code`` is stable (tests, logs), ``message`` Thai."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


def canonical(value: Any) -> bytes:
    """The canonical bytes of ``value`` (exchange/canonical.py: the bundle's own form)."""
    return dumps(value)


def card_time(at: datetime) -> str:
    if at.tzinfo is None:
        at = at.replace(tzinfo=UTC)
    return at.astimezone(UTC).strftime(_TIME)


@dataclass(frozen=True)
class KeyCard:
    keys: OfficeKeys
    office_role: str
    created: datetime  # aware, UTC, whole seconds
    replaces: str = ""  # the old key id of a rotated key
    signature: bytes = b""
    rotation_signature: bytes = b""

    @property
    def key_id(self) -> str:
        return self.keys.key_id

    @property
    def fingerprint(self) -> str:
        return self.keys.fingerprint

    def body(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "format": CARD_FORMAT, "version": CARD_VERSION, "office_code": self.keys.office_code,
            "office_name": self.keys.office_name, "office_role": self.office_role,
            "sign_public": self.keys.sign_public.hex(), "box_public": self.keys.box_public.hex(),
            "key_id": self.key_id, "created": card_time(self.created)}
        if self.replaces:
            out["replaces"] = self.replaces
        return out

    def body_bytes(self) -> bytes:
        return canonical(self.body())

    def to_bytes(self) -> bytes:
        whole = self.body()
        whole["signature"] = self.signature.hex()
        if self.rotation_signature:
            whole["rotation_signature"] = self.rotation_signature.hex()
        return canonical(whole) + b"\n"


def make_card(private: PrivateKeys, office_role: str, created: datetime, *,
              old: PrivateKeys | None = None) -> KeyCard:
    """The card of ``private``'s keys, signed by them; with ``old`` (a rotation), also
    signed by the old key and naming it."""
    card = KeyCard(private.keys, office_role, created.replace(microsecond=0),
                   replaces=old.key_id if old is not None else "")
    body = card.body_bytes()
    card = replace(card, signature=private.sign(CARD_DOMAIN + body))
    if old is not None:
        card = replace(card, rotation_signature=old.sign(ROTATION_DOMAIN + body))
    return card


def _refuse(code: str, message: str) -> KeyCardError:
    return KeyCardError(code, message)


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise _refuse("card.duplicate", _("บัตรกุญแจมีช่อง {field} ซ้ำกัน ไฟล์นี้ถูกแก้ไข "
                                              "ขอไฟล์บัตรกุญแจใหม่จากหน่วยงานนั้น").format(field=key))
        out[key] = value
    return out


def _no_float(text: str) -> Any:
    raise _refuse("card.float", _("บัตรกุญแจมีตัวเลขทศนิยม ซึ่งบัตรที่ถูกต้องไม่มี ขอไฟล์บัตรกุญแจใหม่"))


def _hex32(data: dict[str, Any], field: str) -> bytes:
    value = data[field]
    if not (isinstance(value, str) and len(value) == 64 and all(c in "0123456789abcdef" for c in value)):
        raise _refuse("card.fields", _("ช่อง {field} ของบัตรกุญแจต้องเป็นเลขฐานสิบหก 64 ตัว").format(field=field))
    return bytes.fromhex(value)


def _signature(data: dict[str, Any], field: str) -> bytes:
    value = data.get(field, "")
    if not (isinstance(value, str) and len(value) == 128 and all(c in "0123456789abcdef" for c in value)):
        raise _refuse("card.fields", _("ช่อง {field} ของบัตรกุญแจต้องเป็นลายมือชื่อ (เลขฐานสิบหก 128 ตัว)")
                      .format(field=field))
    return bytes.fromhex(value)


def _text(data: dict[str, Any], field: str) -> str:
    value = data[field]
    if not isinstance(value, str):
        raise _refuse("card.fields", _("ช่อง {field} ของบัตรกุญแจต้องเป็นข้อความ").format(field=field))
    return value


def _verify(public: bytes, signature: bytes, message: bytes) -> bool:
    try:
        Ed25519PublicKey.from_public_bytes(public).verify(signature, message)
    except (InvalidSignature, ValueError):
        return False
    return True


def read_card(raw: bytes) -> KeyCard:
    """The card in ``raw`` (a file's bytes), checked in itself; KeyCardError otherwise."""
    if len(raw) > MAX_CARD_BYTES:
        raise _refuse("card.size", _("ไฟล์นี้ใหญ่เกินกว่าจะเป็นบัตรกุญแจ ({size:,} ไบต์ บัตรกุญแจมีไม่เกิน {limit:,} ไบต์) "
                                     "ตรวจว่าเลือกไฟล์ถูก").format(size=len(raw), limit=MAX_CARD_BYTES))
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise _refuse("card.encoding", _("ไฟล์นี้ไม่ใช่บัตรกุญแจ (ไม่ใช่ข้อความ UTF-8) ตรวจว่าเลือกไฟล์ .json "
                                         "ที่ได้จากคำสั่ง samoe keys card")) from None
    try:
        data = json.loads(text, object_pairs_hook=_no_duplicates, parse_float=_no_float,
                          parse_constant=_no_float)
    except KeyCardError:
        raise
    except (ValueError, RecursionError):
        raise _refuse("card.json", _("ไฟล์นี้ไม่ใช่บัตรกุญแจ (อ่านเป็นข้อมูลบัตรไม่ได้) ตรวจว่าเลือกไฟล์ถูก "
                                     "หรือขอไฟล์ใหม่")) from None
    if not isinstance(data, dict) or data.get("format") != CARD_FORMAT:
        raise _refuse("card.format", _("ไฟล์นี้ไม่ใช่บัตรกุญแจของ Samoe"))
    if data.get("version") != CARD_VERSION:
        raise _refuse("card.version", _("บัตรกุญแจนี้เป็นรุ่นที่โปรแกรมนี้อ่านไม่ได้ ปรับรุ่น Samoe ให้เป็นรุ่นล่าสุด"))
    fields = set(data)
    missing = sorted((_BODY | {"signature"}) - fields)
    unknown = sorted(fields - _BODY - _OPTIONAL - _SIGNATURES)
    if missing or unknown:
        raise _refuse("card.fields", _("บัตรกุญแจมีช่องไม่ครบหรือเกิน ({fields}) ขอไฟล์บัตรกุญแจใหม่")
                      .format(fields=", ".join(missing + unknown)))
    code, name, role = _text(data, "office_code"), _text(data, "office_name"), _text(data, "office_role")
    if office_code_problem(code) is not None:
        raise _refuse("card.fields", _("รหัสหน่วยงานในบัตรกุญแจไม่ถูกต้อง: {code}").format(code=code[:20]))
    if not name.strip() or len(name) > NAME_LIMIT or name != name.strip() or not name.isprintable():
        raise _refuse("card.fields", _("ชื่อหน่วยงานในบัตรกุญแจไม่ถูกต้อง"))
    if role not in ROLES:
        raise _refuse("card.fields", _("ประเภทหน่วยงานในบัตรกุญแจต้องเป็น municipality หรือ province"))
    try:
        created = datetime.strptime(_text(data, "created"), _TIME).replace(tzinfo=UTC)
    except ValueError:
        raise _refuse("card.fields", _("วันที่สร้างในบัตรกุญแจไม่ถูกต้อง")) from None
    replaces = data.get("replaces", "")
    if "replaces" in data and not (isinstance(replaces, str) and len(replaces) == 32
                                   and all(c in "0123456789abcdef" for c in replaces)):
        raise _refuse("card.fields", _("ช่อง replaces ของบัตรกุญแจต้องเป็นรหัสกุญแจ 32 ตัว"))
    if bool(replaces) != ("rotation_signature" in data):
        raise _refuse("card.rotation", _("บัตรกุญแจที่เปลี่ยนกุญแจต้องมีทั้งรหัสกุญแจเดิมและลายมือชื่อของกุญแจเดิม"))
    keys = OfficeKeys(code, name, _hex32(data, "sign_public"), _hex32(data, "box_public"))
    if _text(data, "key_id") != key_id(keys.sign_public, keys.box_public):
        raise _refuse("card.key_id", _("รหัสกุญแจในบัตรไม่ตรงกับกุญแจในบัตร ไฟล์นี้ถูกแก้ไขหรือเสียหาย "
                                       "ขอไฟล์บัตรกุญแจใหม่จากหน่วยงานนั้น"))
    card = KeyCard(keys, role, created, replaces, _signature(data, "signature"),
                   _signature(data, "rotation_signature") if replaces else b"")
    if not _verify(keys.sign_public, card.signature, CARD_DOMAIN + card.body_bytes()):
        raise _refuse("card.signature", _("ลายมือชื่อของบัตรกุญแจไม่ถูกต้อง ข้อมูลในบัตรถูกแก้ไขหลังออกบัตร "
                                          "ขอไฟล์บัตรกุญแจใหม่จากหน่วยงานนั้น"))
    return card


def check_rotation(card: KeyCard, old_sign_public: bytes) -> bool:
    """The rotation signature is the old key's (whose Ed25519 public key is given)."""
    return bool(card.replaces and card.rotation_signature) and _verify(
        old_sign_public, card.rotation_signature, ROTATION_DOMAIN + card.body_bytes())
