"""The keys meet the bundle format: a municipality's director (export.approve) signs a
bundle with the office's private keys from services/exchange_keys.py, the province's
officer (merge) opens it with the province's X25519 key and checks the sender in the
trust list (services/exchange_trust.DatabaseTrustList); a key revoked before the bundle
was made is refused, a rotated key's bundles are accepted once its card is enrolled."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from actors import TEST_PASSWORD
from sqlalchemy import select

from desktop.domain.roles import Action, Role
from desktop.exchange.bundle import build_bundle, verify_bundle
from desktop.exchange.reasons import Refusal
from desktop.services.access import Grant, authenticate, sign_in
from desktop.services.exchange_keys import (
    current_card,
    ensure_holder,
    make_office_keys,
    office_private_keys,
    rotate_office_keys,
    share_office_keys,
)
from desktop.services.exchange_trust import DatabaseTrustList, enrol_card, revoke_key
from desktop.services.office import init_office
from desktop.services.users import add_user, create_first_admin
from desktop.store import migrate
from desktop.store.db import Database
from desktop.store.exchange_keys import OfficeKeySeal

NOW = datetime(2026, 11, 30, 8, 0, tzinfo=UTC)
ROWS = {"child": [{"uuid": "c1", "first_name": "ภูริพัฒน์"}, {"uuid": "c2", "first_name": "ปภาวรินทร์"}]}


def _office(path: Path, name: str, code: str, role: str, other: tuple[str, Role]) -> Database:
    db = Database.open(path)
    migrate.upgrade(db)
    sign_in(db, create_first_admin(db, "admin", TEST_PASSWORD))
    with db.session() as s:
        init_office(s, name=name, code=code, role=role)
    with db.session() as s:
        make_office_keys(s, password=TEST_PASSWORD, now=NOW)
        add_user(s, other[0], TEST_PASSWORD, roles=[Grant(other[1])])
    return db


@pytest.fixture
def two(tmp_path: Path, cheap_wraps: None) -> tuple[Database, Database]:
    town = _office(tmp_path / "town.db", "เทศบาลตำบลบ้านใหม่", "6300101", "municipality", ("director", Role.CERTIFIER))
    province = _office(tmp_path / "province.db", "สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดนครราชสีมา", "1300000",
                       "province", ("officer", Role.PROVINCE))
    for db, other in ((town, province), (province, town)):
        with other.reader() as s:
            card = current_card(s)
        assert card is not None
        with db.session() as s:
            enrol_card(s, card.to_bytes(), now=NOW)
    for db, user in ((town, "director"), (province, "officer")):  # each asks, the admin shares
        sign_in(db, authenticate(db, user, TEST_PASSWORD))
        with db.session() as s:
            assert ensure_holder(s, TEST_PASSWORD)
        sign_in(db, authenticate(db, "admin", TEST_PASSWORD))
        with db.session() as s:
            assert share_office_keys(s, password=TEST_PASSWORD) == [user]
    yield town, province
    town.dispose()
    province.dispose()


def _send(town: Database, province: Database, created: datetime) -> bytes:
    sign_in(town, authenticate(town, "director", TEST_PASSWORD))
    with town.session() as s:
        mine = office_private_keys(s, Action.EXPORT_APPROVE, password=TEST_PASSWORD)
    with province.reader() as s:
        to = current_card(s)
    assert to is not None
    built = build_bundle(sender=mine.keys, sign_private=mine.signing, recipient=to.keys, tables=ROWS,
                         sequence=1, previous=None, created=created, schema="0012", program="test")
    return built.data


def _receive(province: Database, data: bytes, now: datetime) -> list[dict[str, object]]:
    sign_in(province, authenticate(province, "officer", TEST_PASSWORD))
    with province.session() as s:
        me = office_private_keys(s, Action.MERGE, password=TEST_PASSWORD)
        verified = verify_bundle(data, trust=DatabaseTrustList(s), me=me.keys, box_private=me.box,
                                 chain=None, now=now)
        return [row for _table, row in verified.rows()]


def test_a_signed_bundle_goes_from_the_director_to_the_provincial_officer(two: tuple[Database, Database]) -> None:
    town, province = two
    data = _send(town, province, NOW + timedelta(hours=1))
    rows = _receive(province, data, NOW + timedelta(hours=2))
    assert [r["first_name"] for r in rows] == ["ภูริพัฒน์", "ปภาวรินทร์"]
    with town.reader() as s:  # a plain database: the director and the admin hold seals
        assert len(s.scalars(select(OfficeKeySeal)).all()) == 2


def test_a_revoked_key_and_a_rotation(two: tuple[Database, Database]) -> None:
    town, province = two
    late = _send(town, province, NOW + timedelta(days=2))
    sign_in(province, authenticate(province, "admin", TEST_PASSWORD))
    with town.reader() as s:
        old = current_card(s)
    assert old is not None
    with province.session() as s:
        revoke_key(s, old.key_id, at=NOW + timedelta(days=1), now=NOW + timedelta(days=3))
    with pytest.raises(Refusal) as refused:
        _receive(province, late, NOW + timedelta(days=3))
    assert refused.value.code == "key.revoked"

    sign_in(town, authenticate(town, "admin", TEST_PASSWORD))
    with town.session() as s:
        new = rotate_office_keys(s, password=TEST_PASSWORD, now=NOW + timedelta(days=4))
    unknown = _send(town, province, NOW + timedelta(days=4, hours=1))  # the director got the new key
    with pytest.raises(Refusal) as refused:
        _receive(province, unknown, NOW + timedelta(days=4, hours=2))
    assert refused.value.code == "key.unknown"
    sign_in(province, authenticate(province, "admin", TEST_PASSWORD))
    with province.session() as s:  # the old key was revoked: its rotation vouches for nothing
        from desktop.services.exchange_trust import TrustRefused

        with pytest.raises(TrustRefused) as not_trusted:
            enrol_card(s, new.to_bytes())
        assert not_trusted.value.code == "rotation.revoked"


def test_a_rotated_key_is_trusted_once_its_card_is_enrolled(two: tuple[Database, Database]) -> None:
    town, province = two
    sign_in(town, authenticate(town, "admin", TEST_PASSWORD))
    with town.session() as s:
        new = rotate_office_keys(s, password=TEST_PASSWORD, now=NOW + timedelta(days=1))
    sign_in(province, authenticate(province, "admin", TEST_PASSWORD))
    with province.session() as s:
        enrol_card(s, new.to_bytes(), now=NOW + timedelta(days=1))  # no phone call: the old key vouches
    data = _send(town, province, NOW + timedelta(days=1, hours=1))
    assert len(_receive(province, data, NOW + timedelta(days=1, hours=2))) == 2
