"""The exchange's keys and trust list on PostgreSQL (the province's server): the province
makes its keys (the secret only sealed to its administrator: a server is never trusted
with it in clear), enrols a municipality's card and its rotation, refuses a forged one,
revokes from a time, and the verifier's TrustList reads it back; on the throwaway server
of test_postgres."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from actors import TEST_PASSWORD, add_test_admin
from sqlalchemy import select
from test_postgres import pg  # noqa: F401 - the fixture (pg_url: tests/conftest.py)

from desktop.domain.roles import Action
from desktop.exchange.key_card import make_card
from desktop.exchange.keypair import new_secret, private_keys
from desktop.services.access import authenticate, sign_in
from desktop.services.exchange_keys import make_office_keys, office_private_keys, rotate_office_keys
from desktop.services.exchange_trust import (
    DatabaseTrustList,
    TrustRefused,
    enrol_card,
    list_trusted,
    revoke_key,
)
from desktop.services.office import init_office
from desktop.store.db import Database
from desktop.store.exchange_keys import OfficeKey, OfficeKeySeal

NOW = datetime(2026, 11, 30, 8, 0, tzinfo=UTC)
TOWN = ("6300101", "เทศบาลตำบลบ้านใหม่")


@pytest.fixture
def province(pg: Database, cheap_wraps: None) -> Database:  # noqa: F811
    with pg.session() as s:
        init_office(s, name="สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดนครราชสีมา", code="1300000", role="province")
    add_test_admin(pg)
    sign_in(pg, authenticate(pg, "admin", TEST_PASSWORD))
    return pg


def test_the_province_keys_live_sealed_on_the_server(province: Database) -> None:
    with province.session() as s:
        card = make_office_keys(s, password=TEST_PASSWORD, now=NOW)
    with province.session() as s:
        assert s.scalars(select(OfficeKey.secret)).one() is None  # not in clear on the server
        assert len(s.scalars(select(OfficeKeySeal)).all()) == 1
        private = office_private_keys(s, Action.KEYS_MANAGE, password=TEST_PASSWORD)
        assert private.keys.sign_public == card.keys.sign_public
    with province.session() as s:
        second = rotate_office_keys(s, password=TEST_PASSWORD)
    assert second.replaces == card.key_id


def test_enrol_rotate_forge_and_revoke(province: Database) -> None:
    secret = new_secret()
    first = make_card(private_keys(secret, *TOWN), "municipality", NOW)
    with province.session() as s:
        enrol_card(s, first.to_bytes(), now=NOW)
    rotated = make_card(private_keys(new_secret(), *TOWN), "municipality", NOW + timedelta(days=1),
                        old=private_keys(secret, *TOWN))
    forged = make_card(private_keys(new_secret(), *TOWN), "municipality", NOW,
                       old=private_keys(new_secret(), *TOWN))
    with pytest.raises(TrustRefused) as refused, province.session() as s:
        enrol_card(s, forged.to_bytes().replace(forged.replaces.encode(), first.key_id.encode()))
    assert refused.value.code in ("card.signature", "rotation.signature")
    with province.session() as s:
        enrol_card(s, rotated.to_bytes(), now=NOW)
    since = NOW + timedelta(days=3)
    with province.session() as s:
        revoke_key(s, rotated.key_id, at=since, reason="เครื่องหาย")
    with province.reader() as s:
        assert [t.key_id for t in list_trusted(s)] == [rotated.key_id, first.key_id]
        old = DatabaseTrustList(s).find(first.key_id)
        new = DatabaseTrustList(s).find(rotated.key_id)
    assert old is not None and old.replaced_by == rotated.key_id
    assert new is not None and new.revoked_at == since and new.keys.office_name == TOWN[1]


def test_two_administrators_at_once_make_one_key_pair(province: Database) -> None:
    import threading
    import time

    from desktop.services.exchange_keys import OfficeKeyError

    made, release = threading.Event(), threading.Event()
    results: list[str] = []

    def first() -> None:
        with province.session() as s:
            make_office_keys(s, password=TEST_PASSWORD, now=NOW)
            made.set()
            release.wait(20)  # not committed yet

    def second() -> None:
        made.wait(20)
        try:
            with province.session() as s:
                make_office_keys(s, password=TEST_PASSWORD, now=NOW)
            results.append("made")
        except OfficeKeyError as exc:
            results.append(exc.code)

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for t in threads:
        t.start()
    made.wait(20)
    time.sleep(0.5)  # the second waits on the office's row meanwhile
    release.set()
    for t in threads:
        t.join(30)
    assert results == ["keys.exists"]
    with province.reader() as s:
        assert len(s.scalars(select(OfficeKey)).all()) == 1
