"""The office's keys against edits made directly in the database file: a public key
swapped (the secret no longer matches: keys.damaged, nothing signed), a seal moved to
another user's row (bound to its user: it opens nothing), a holder's Argon2id cost
raised to hours (refused at once), a secret replaced in an encrypted database."""

from __future__ import annotations

import time
from datetime import UTC, datetime

import pytest
from actors import TEST_PASSWORD
from sqlalchemy import select, update

from desktop.domain.roles import Action, Role
from desktop.services.access import Grant, authenticate, sign_in
from desktop.services.exchange_keys import (
    OfficeKeyError,
    ensure_holder,
    make_office_keys,
    office_private_keys,
)
from desktop.services.users import add_user
from desktop.store.db import Database
from desktop.store.exchange_keys import OfficeKey, OfficeKeyHolder, OfficeKeySeal
from desktop.store.models import AppUser

NOW = datetime(2026, 11, 30, 8, 0, tzinfo=UTC)


@pytest.fixture
def keyed(office_db: Database, cheap_wraps: None) -> Database:
    sign_in(office_db, authenticate(office_db, "admin", TEST_PASSWORD))
    with office_db.session() as s:
        make_office_keys(s, password=TEST_PASSWORD, now=NOW)
    return office_db


def _refused(db: Database, password: str | None = TEST_PASSWORD) -> str:
    with pytest.raises(OfficeKeyError) as refused, db.session() as s:
        office_private_keys(s, Action.KEYS_MANAGE, password=password)
    assert not refused.value.message.isascii()
    return refused.value.code


def test_a_swapped_public_key_is_damage_not_a_signature(keyed: Database) -> None:
    with keyed.session() as s:
        s.execute(update(OfficeKey).values(sign_public=b"\x01" * 32))
    assert _refused(keyed) == "keys.damaged"


def test_a_seal_moved_to_another_user_opens_nothing(keyed: Database) -> None:
    with keyed.session() as s:
        add_user(s, "admin2", TEST_PASSWORD, roles=[Grant(Role.ADMIN)])
    sign_in(keyed, authenticate(keyed, "admin2", TEST_PASSWORD))
    with keyed.session() as s:
        ensure_holder(s, TEST_PASSWORD)
    with keyed.session() as s:  # the administrator's seal given to admin2's row
        admin2 = s.scalars(select(OfficeKeyHolder).join(AppUser, AppUser.id == OfficeKeyHolder.user_id)
                           .where(AppUser.name == "admin2")).one()
        s.execute(update(OfficeKeySeal).values(holder_id=admin2.id))
    assert _refused(keyed) == "keys.password"


def test_a_holder_whose_cost_was_raised_is_refused_at_once(keyed: Database) -> None:
    with keyed.session() as s:
        s.execute(update(OfficeKeyHolder).values(time_cost=1_000_000, memory_kib=4 * 1024 * 1024 * 1024))
    started = time.perf_counter()
    code = _refused(keyed)
    assert time.perf_counter() - started < 5
    assert code in ("keys.password", "keys.not_shared")


@pytest.mark.usefixtures("encrypting")
def test_a_replaced_secret_in_an_encrypted_database_is_damage(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    from cli_run import run

    from desktop.services import keys

    path = tmp_path / "town.db"
    code, _out, err = run(capsys, "--db", str(path), "init", "--office-name", "เทศบาลตำบลบ้านใหม่",
                          "--office-code", "6300101")
    assert code == 0, err
    db = keys.open_for_user(path, "admin", TEST_PASSWORD)
    try:
        sign_in(db, authenticate(db, "admin", TEST_PASSWORD))
        with db.session() as s:
            assert office_private_keys(s, Action.KEYS_MANAGE).key_id
            s.execute(update(OfficeKey).values(secret=b"\x02" * 32))
        assert _refused(db, None) == "keys.damaged"
    finally:
        db.dispose()
