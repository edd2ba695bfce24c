"""The trust list (services/exchange_trust.py) and the key card's checks
(exchange/key_card.py), against hostile cards: tampered, a wrong key id, a rotation
signed by someone else, binary garbage, UTF-16, huge; our own card, a duplicate, the
wrong kind of office; revocation from a time; the TrustList the verifier asks."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest
from actors import actor_with
from sqlalchemy import select

from desktop.domain.roles import Role
from desktop.exchange.identity import TrustList
from desktop.exchange.key_card import (
    MAX_CARD_BYTES,
    KeyCard,
    KeyCardError,
    canonical,
    make_card,
    read_card,
)
from desktop.exchange.keypair import new_secret, private_keys
from desktop.services.access import NotPermitted, sign_in
from desktop.services.exchange_trust import (
    DatabaseTrustList,
    TrustRefused,
    enrol_card,
    list_trusted,
    revoke_key,
    trusted_at,
)
from desktop.store.db import Database
from desktop.store.exchange_keys import TrustEntry
from desktop.store.models import AuditEntry

NOW = datetime(2026, 11, 30, 8, 0, tzinfo=UTC)
PROVINCE = ("1300000", "สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดนครราชสีมา")


def province_card(secret: bytes | None = None, *, old: bytes | None = None, code: str = PROVINCE[0],
                  name: str = PROVINCE[1], role: str = "province") -> tuple[KeyCard, bytes]:
    secret = secret or new_secret()
    card = make_card(private_keys(secret, code, name), role, NOW,
                     old=private_keys(old, code, name) if old is not None else None)
    return card, secret


def _enrol(db: Database, raw: bytes) -> object:
    with db.session() as s:
        return enrol_card(s, raw, now=NOW)


def _rows(db: Database) -> list[tuple[object, ...]]:
    with db.reader() as s:
        return [(r.key_id, r.replaced_by, r.revoked_at) for r in s.scalars(select(TrustEntry))] + [
            (a,) for a in s.scalars(select(AuditEntry.id))]


def _refused(db: Database, raw: bytes) -> str:
    before = _rows(db)
    with pytest.raises(TrustRefused) as refused, db.session() as s:
        enrol_card(s, raw, now=NOW)
    assert refused.value.message and not refused.value.message.isascii()  # Thai
    assert _rows(db) == before  # nothing was written
    return refused.value.code


def _whole(card: KeyCard) -> dict[str, object]:
    return json.loads(card.to_bytes())  # type: ignore[no-any-return]


def test_a_province_card_is_enrolled_at_a_municipality(office_db: Database) -> None:
    card, _secret = province_card()
    _enrol(office_db, card.to_bytes())
    with office_db.reader() as s:
        [info] = list_trusted(s)
        assert (info.key_id, info.office_code, info.office_name) == (card.key_id, *PROVINCE)
        assert info.fingerprint == card.fingerprint and info.enrolled_by == "tester"
        audit = s.scalars(select(AuditEntry).where(AuditEntry.action == "trust_enrol")).one()
        assert audit.entity_uuid == card.key_id and card.fingerprint in audit.detail
        trust: TrustList = DatabaseTrustList(s)  # the verifier's protocol
        found = trust.find(card.key_id)
        assert found is not None and found.keys == card.keys and found.revoked_at is None
        assert found.enrolled_at.tzinfo is not None
        assert trust.find("0" * 32) is None


@pytest.mark.parametrize(("field", "value"), [
    ("office_name", "หน่วยงานปลอม"), ("office_code", "1300001"), ("office_role", "municipality"),
    ("created", "2026-11-30T09:00:00Z")])
def test_a_tampered_card_is_refused(office_db: Database, field: str, value: str) -> None:
    card, _ = province_card()
    data = _whole(card)
    data[field] = value
    assert _refused(office_db, canonical(data)) == "card.signature"


def test_a_card_whose_key_id_does_not_match_its_keys_is_refused(office_db: Database) -> None:
    card, _ = province_card()
    data = _whole(card)
    data["key_id"] = "ab" * 16
    assert _refused(office_db, canonical(data)) == "card.key_id"
    other, _ = province_card()  # the keys swapped for another office's: the id no longer fits
    data = _whole(card)
    data["box_public"] = other.keys.box_public.hex()
    assert _refused(office_db, canonical(data)) == "card.key_id"


@pytest.mark.parametrize(("raw", "code"), [
    (bytes(range(256)) * 4, "card.encoding"),
    ('{"format": "samoe-key-card"}'.encode("utf-16"), "card.encoding"),
    (b"\x00" * (MAX_CARD_BYTES + 1), "card.size"),
    (b"", "card.json"),
    (b"[1, 2, 3]", "card.format"),
    (b'{"format": "samoe-key-card", "version": 1.0}', "card.float"),
    (b'{"format": "samoe-key-card", "format": "samoe-key-card"}', "card.duplicate"),
    (b'{"format": "samoe-key-card", "version": 2}', "card.version"),
    (b'{"format": "samoe-key-card", "version": 1}', "card.fields"),
    (b"[" * 100000, "card.size"),
    (b"[" * 10000, "card.json"),
    (b'{"format": "samoe-key-card", "version": NaN}', "card.float"),
])
def test_garbage_is_refused_with_its_reason(office_db: Database, raw: bytes, code: str) -> None:
    assert _refused(office_db, raw) == code


def test_wrong_types_and_sizes_are_refused() -> None:
    card, _ = province_card()
    for field, value in [("sign_public", "zz" * 32), ("sign_public", card.keys.sign_public.hex()[:62]),
                         ("office_name", 5), ("signature", "00"), ("office_code", "13000"),
                         ("created", "yesterday"), ("office_name", " ชื่อ"), ("extra", "x")]:
        data = _whole(card)
        data[field] = value
        with pytest.raises(KeyCardError) as refused:
            read_card(canonical(data))
        assert refused.value.code == "card.fields", (field, value)


def test_own_card_duplicate_and_wrong_kind_are_refused(office_db: Database) -> None:
    card, _ = province_card()
    _enrol(office_db, card.to_bytes())
    assert _refused(office_db, card.to_bytes()) == "card.enrolled"
    ours, _ = province_card(code="9999999", name="เทศบาลตำบลทดสอบ", role="municipality")
    assert _refused(office_db, ours.to_bytes()) == "card.own"
    neighbour, _ = province_card(code="6300102", name="เทศบาลตำบลโนนสูง", role="municipality")
    assert _refused(office_db, neighbour.to_bytes()) == "card.role"
    second, _ = province_card()  # another key for the same province, not a rotation
    assert _refused(office_db, second.to_bytes()) == "card.office_has_key"


def test_a_rotation_signed_by_the_old_key_replaces_it(office_db: Database) -> None:
    first, secret = province_card()
    _enrol(office_db, first.to_bytes())
    rotated, _ = province_card(old=secret)
    _enrol(office_db, rotated.to_bytes())
    with office_db.reader() as s:
        old = DatabaseTrustList(s).find(first.key_id)
        assert old is not None and old.replaced_by == rotated.key_id
        new = DatabaseTrustList(s).find(rotated.key_id)
        assert new is not None and new.replaced_by is None
    again, _ = province_card(old=secret)  # the old key cannot vouch twice
    assert _refused(office_db, again.to_bytes()) == "rotation.replaced"


def test_a_rotation_signed_by_someone_else_is_refused(office_db: Database) -> None:
    first, _secret = province_card()
    _enrol(office_db, first.to_bytes())
    thief = new_secret()  # signs with a key of its own, naming the real old key
    forged = make_card(private_keys(new_secret(), *PROVINCE), "province", NOW, old=private_keys(thief, *PROVINCE))
    data = _whole(forged)
    data["replaces"] = first.key_id
    body = {k: v for k, v in data.items() if k not in ("signature", "rotation_signature")}
    signer = private_keys(thief, *PROVINCE)
    from desktop.exchange.key_card import CARD_DOMAIN, ROTATION_DOMAIN

    new_private = private_keys(new_secret(), *PROVINCE)
    body["sign_public"], body["box_public"] = new_private.keys.sign_public.hex(), new_private.keys.box_public.hex()
    body["key_id"] = new_private.key_id
    data = dict(body, signature=new_private.sign(CARD_DOMAIN + canonical(body)).hex(),
                rotation_signature=signer.sign(ROTATION_DOMAIN + canonical(body)).hex())
    assert _refused(office_db, canonical(data)) == "rotation.signature"
    unknown, _ = province_card(old=new_secret())
    assert _refused(office_db, unknown.to_bytes()) == "rotation.unknown"
    stripped = _whole(unknown)
    del stripped["rotation_signature"]
    assert _refused(office_db, canonical(stripped)) == "card.rotation"


def test_a_rotation_by_a_revoked_key_is_refused(office_db: Database) -> None:
    first, secret = province_card()
    _enrol(office_db, first.to_bytes())
    with office_db.session() as s:
        revoke_key(s, first.key_id[:8], now=NOW)
    rotated, _ = province_card(old=secret)
    assert _refused(office_db, rotated.to_bytes()) == "rotation.revoked"
    fresh, _ = province_card()  # a new card after the revocation: enrolled as usual
    _enrol(office_db, fresh.to_bytes())


def test_revocation_from_a_time(office_db: Database) -> None:
    card, _ = province_card()
    _enrol(office_db, card.to_bytes())
    since = NOW + timedelta(days=3)
    with office_db.session() as s:
        info = revoke_key(s, card.key_id.upper(), at=since, reason="เครื่องหาย", now=NOW + timedelta(days=5))
    assert info.revoked_at == since.replace(tzinfo=None) and info.revoked_by == "tester"
    with office_db.reader() as s:
        found = DatabaseTrustList(s).find(card.key_id)
        assert found is not None and found.revoked_at == since
        assert trusted_at(found, since - timedelta(seconds=1))
        assert not trusted_at(found, since)
        row = s.scalars(select(TrustEntry)).one()
        assert row.revoke_recorded_at == (NOW + timedelta(days=5)).replace(tzinfo=None)
        assert row.revoke_reason == "เครื่องหาย"
        assert s.scalars(select(AuditEntry).where(AuditEntry.action == "trust_revoke")).one().entity_uuid == card.key_id
    with pytest.raises(TrustRefused) as refused, office_db.session() as s:
        revoke_key(s, card.key_id)
    assert refused.value.code == "revoke.already"


@pytest.mark.parametrize(("typed", "code"), [("0" * 32, "revoke.unknown"), ("abc", "revoke.key_id"),
                                             ("ไม่ใช่รหัส", "revoke.key_id"), ("g" * 32, "revoke.key_id")])
def test_revoking_an_unknown_key_is_refused(office_db: Database, typed: str, code: str) -> None:
    with pytest.raises(TrustRefused) as refused, office_db.session() as s:
        revoke_key(s, typed)
    assert refused.value.code == code


def test_the_province_enrols_municipalities(db: Database) -> None:
    from desktop.services.office import init_office

    with db.session() as s:
        init_office(s, name=PROVINCE[1], code=PROVINCE[0], role="province", province="นครราชสีมา")
    town, _ = province_card(code="6300101", name="เทศบาลตำบลบ้านใหม่", role="municipality")
    _enrol(db, town.to_bytes())
    other_province, _ = province_card(code="1400000", name="สำนักงานจังหวัดอื่น")
    assert _refused(db, other_province.to_bytes()) == "card.role"


@pytest.mark.parametrize("role", [Role.CLERK, Role.CERTIFIER, Role.PROVINCE, Role.TEACHER])
def test_only_keys_manage_enrols_and_revokes(office_db: Database, role: Role) -> None:
    card, _ = province_card()
    _enrol(office_db, card.to_bytes())
    sign_in(office_db, actor_with(role))
    with pytest.raises(NotPermitted), office_db.session() as s:
        enrol_card(s, province_card()[0].to_bytes())
    with pytest.raises(NotPermitted), office_db.session() as s:
        revoke_key(s, card.key_id)
    with office_db.reader() as s:
        if role in (Role.CERTIFIER, Role.PROVINCE):  # they use the exchange: they read the list
            assert len(list_trusted(s)) == 1
        else:
            with pytest.raises(NotPermitted):
                list_trusted(s)


def test_spaces_and_crlf_of_an_email_are_harmless_but_odd_text_is_refused() -> None:
    card, _ = province_card()
    pretty = json.dumps(_whole(card), indent=2, ensure_ascii=True).replace("\n", "\r\n").encode()
    assert read_card(pretty) == card  # the signatures cover the canonical body
    for name in ("\ud800", "ชื่อ\u0000", "ชื่อ\n", ""):
        data = _whole(card)
        data["office_name"] = name
        with pytest.raises(KeyCardError) as refused:
            read_card(json.dumps(data).encode())
        assert refused.value.code == "card.fields", repr(name)
