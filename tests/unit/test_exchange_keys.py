"""The office's own exchange keys (services/exchange_keys.py): made once, the card checks,
the private keys open only for a user whose role uses them and (plain database) whose
password unwraps them, never lie in the database in clear, rotate with the old key's
signature, and are shared with a newly authorised user by a holder."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from actors import TEST_PASSWORD, actor_with
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from sqlalchemy import select

from desktop.domain.roles import Action, Role
from desktop.exchange.key_card import check_rotation, read_card
from desktop.services.access import NotPermitted, authenticate, sign_in
from desktop.services.exchange_keys import (
    OfficeKeyError,
    current_card,
    ensure_holder,
    ensure_office_keys,
    make_office_keys,
    office_key_list,
    office_private_keys,
    rotate_office_keys,
    share_office_keys,
)
from desktop.store.db import Database
from desktop.store.exchange_keys import OfficeKey, OfficeKeyHolder, OfficeKeySeal

NOW = datetime(2026, 11, 30, 8, 0, tzinfo=UTC)


@pytest.fixture
def admin_db(office_db: Database, cheap_wraps: None) -> Database:
    """The office database, signed in as its real administrator (a user row)."""
    sign_in(office_db, authenticate(office_db, "admin", TEST_PASSWORD))
    return office_db


def _add_user(db: Database, name: str, role: Role) -> None:
    from desktop.services.access import Grant
    from desktop.services.users import add_user

    with db.session() as s:
        add_user(s, name, TEST_PASSWORD, roles=[Grant(role)])


def test_keys_are_made_once_and_the_card_checks(admin_db: Database) -> None:
    with admin_db.session() as s:
        card = make_office_keys(s, password=TEST_PASSWORD, now=NOW)
    assert read_card(card.to_bytes()) == card
    assert card.keys.office_code == "9999999" and card.office_role == "municipality"
    assert card.created == NOW and not card.replaces
    with admin_db.session() as s, pytest.raises(OfficeKeyError) as refused:
        make_office_keys(s, password=TEST_PASSWORD)
    assert refused.value.code == "keys.exists" and "samoe keys rotate" in refused.value.message
    with admin_db.session() as s:
        assert ensure_office_keys(s, password=TEST_PASSWORD) == card
        assert current_card(s) == card


def test_plain_database_never_holds_the_secret_in_clear(admin_db: Database) -> None:
    with admin_db.session() as s:
        card = make_office_keys(s, password=TEST_PASSWORD, now=NOW)
        private = office_private_keys(s, Action.KEYS_MANAGE, password=TEST_PASSWORD)
    assert private.keys.sign_public == card.keys.sign_public
    raw_private = private.signing.private_bytes_raw()
    raw_box = private.box.private_bytes_raw()
    with admin_db.reader() as s:
        row = s.scalars(select(OfficeKey)).one()
        assert row.secret is None
        assert len(s.scalars(select(OfficeKeySeal)).all()) == 1
    admin_db.dispose()
    path = admin_db.path
    assert path is not None
    whole = path.read_bytes() + (Path(f"{path}-wal").read_bytes() if Path(f"{path}-wal").exists() else b"")
    assert raw_private not in whole and raw_box not in whole


def test_a_wrong_password_opens_nothing(admin_db: Database) -> None:
    with admin_db.session() as s:
        make_office_keys(s, password=TEST_PASSWORD, now=NOW)
    with admin_db.session() as s, pytest.raises(OfficeKeyError) as refused:
        office_private_keys(s, Action.KEYS_MANAGE, password="not-the-password")
    assert refused.value.code == "keys.password"
    with admin_db.session() as s, pytest.raises(OfficeKeyError) as refused:
        office_private_keys(s, Action.KEYS_MANAGE)
    assert refused.value.code == "keys.password"


def test_keys_cannot_be_made_with_a_wrong_password(admin_db: Database) -> None:
    with pytest.raises(OfficeKeyError), admin_db.session() as s:
        make_office_keys(s, password="wrong-password", now=NOW)
    with admin_db.reader() as s:
        assert s.scalars(select(OfficeKey)).all() == []


def test_private_keys_sign_and_decrypt(admin_db: Database) -> None:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    with admin_db.session() as s:
        card = make_office_keys(s, password=TEST_PASSWORD, now=NOW)
        private = office_private_keys(s, Action.KEYS_MANAGE, password=TEST_PASSWORD)
    signature = private.sign(b"manifest")
    Ed25519PublicKey.from_public_bytes(card.keys.sign_public).verify(signature, b"manifest")
    other = X25519PrivateKey.generate()
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PublicKey

    assert private.box.exchange(other.public_key()) == other.exchange(
        X25519PublicKey.from_public_bytes(card.keys.box_public))


def test_rotation_is_signed_by_the_old_key_and_retires_it(admin_db: Database) -> None:
    with admin_db.session() as s:
        first = make_office_keys(s, password=TEST_PASSWORD, now=NOW)
    with admin_db.session() as s:
        second = rotate_office_keys(s, password=TEST_PASSWORD, now=datetime(2026, 12, 1, tzinfo=UTC))
    assert second.replaces == first.key_id and second.key_id != first.key_id
    assert check_rotation(read_card(second.to_bytes()), first.keys.sign_public)
    assert not check_rotation(second, second.keys.sign_public)
    with admin_db.session() as s:
        listed = office_key_list(s)
        assert [k.key_id for k in listed] == [second.key_id, first.key_id]
        assert listed[1].retired_at is not None and listed[1].replaced_by == second.key_id
        assert current_card(s) == second
        old = office_private_keys(s, Action.KEYS_MANAGE, password=TEST_PASSWORD, key_id=first.key_id)
        assert old.key_id == first.key_id  # what was sent to the old key still opens


def test_a_new_approver_gets_the_keys_from_a_holder(admin_db: Database) -> None:
    with admin_db.session() as s:
        make_office_keys(s, password=TEST_PASSWORD, now=NOW)
    _add_user(admin_db, "director", Role.CERTIFIER)
    director = authenticate(admin_db, "director", TEST_PASSWORD)
    sign_in(admin_db, director)
    with admin_db.session() as s, pytest.raises(OfficeKeyError) as refused:
        office_private_keys(s, Action.EXPORT_APPROVE, password=TEST_PASSWORD)
    assert refused.value.code == "keys.not_shared" and "samoe keys share" in refused.value.message
    with admin_db.session() as s:
        assert ensure_holder(s, TEST_PASSWORD) is True
        assert ensure_holder(s, TEST_PASSWORD) is False
    sign_in(admin_db, authenticate(admin_db, "admin", TEST_PASSWORD))
    with admin_db.session() as s:
        assert share_office_keys(s, password=TEST_PASSWORD) == ["director"]
    sign_in(admin_db, director)
    with admin_db.session() as s:
        assert office_private_keys(s, Action.EXPORT_APPROVE, password=TEST_PASSWORD).key_id
        with pytest.raises(NotPermitted):  # the director may not rotate
            rotate_office_keys(s, password=TEST_PASSWORD)


def test_a_clerk_may_neither_make_nor_open_the_keys(admin_db: Database) -> None:
    with admin_db.session() as s:
        make_office_keys(s, password=TEST_PASSWORD, now=NOW)
    sign_in(admin_db, actor_with(Role.CLERK))
    with admin_db.session() as s:
        with pytest.raises(NotPermitted):
            office_private_keys(s, Action.EXPORT_APPROVE, password=TEST_PASSWORD)
        with pytest.raises(NotPermitted):
            make_office_keys(s, password=TEST_PASSWORD)
        with pytest.raises(NotPermitted):
            current_card(s)
        with pytest.raises(NotPermitted):
            office_key_list(s)
    with admin_db.session() as s, pytest.raises(ValueError):
        office_private_keys(s, Action.REPORT)


def test_a_suspended_holder_gets_no_new_seal(admin_db: Database) -> None:
    from desktop.services.users import lock_user

    _add_user(admin_db, "director", Role.CERTIFIER)
    sign_in(admin_db, authenticate(admin_db, "director", TEST_PASSWORD))
    with admin_db.session() as s:
        ensure_holder(s, TEST_PASSWORD)
    sign_in(admin_db, authenticate(admin_db, "admin", TEST_PASSWORD))
    with admin_db.session() as s:
        lock_user(s, "director")
    with admin_db.session() as s:
        make_office_keys(s, password=TEST_PASSWORD, now=NOW)
    with admin_db.reader() as s:
        assert len(s.scalars(select(OfficeKeyHolder)).all()) == 1  # the director's dropped at suspension
        assert len(s.scalars(select(OfficeKeySeal)).all()) == 1  # the administrator's only


def test_the_audit_log_records_each_change(admin_db: Database) -> None:
    from desktop.services.audit_log import ACTIONS
    from desktop.store.models import AuditEntry

    with admin_db.session() as s:
        make_office_keys(s, password=TEST_PASSWORD, now=NOW)
    with admin_db.session() as s:
        rotate_office_keys(s, password=TEST_PASSWORD)
    with admin_db.reader() as s:
        actions = [a for a in s.scalars(select(AuditEntry.action).where(AuditEntry.entity == "office_key").order_by(AuditEntry.id))]
    assert actions == ["keys_make", "keys_rotate"]
    assert all(a in ACTIONS for a in actions)


def test_a_plain_backup_carries_the_sealed_form_only(admin_db: Database, tmp_path: Path) -> None:
    from desktop.services.backup import create_backup

    with admin_db.session() as s:
        make_office_keys(s, password=TEST_PASSWORD, now=NOW)
        private = office_private_keys(s, Action.KEYS_MANAGE, password=TEST_PASSWORD)
    assert admin_db.path is not None
    (tmp_path / "usb").mkdir()
    info = create_backup(admin_db.path, folder=tmp_path / "usb")
    copy = info.path.read_bytes()
    for secret in (private.signing.private_bytes_raw(), private.box.private_bytes_raw()):
        assert secret not in copy
    import sqlite3

    conn = sqlite3.connect(info.path)
    try:  # the backup opens the keys with the password, as the database does
        assert conn.execute("SELECT count(*) FROM office_key_seal").fetchone() == (1,)
        assert conn.execute("SELECT secret FROM office_key").fetchone() == (None,)
    finally:
        conn.close()


def test_db_encrypt_moves_the_secret_inside_at_its_next_use(admin_db: Database) -> None:
    from desktop.services import keys

    with admin_db.session() as s:
        card = make_office_keys(s, password=TEST_PASSWORD, now=NOW)
    path = admin_db.path
    assert path is not None
    keys.encrypt_existing(admin_db, "admin", TEST_PASSWORD)
    db = keys.open_for_user(path, "admin", TEST_PASSWORD)
    try:
        sign_in(db, authenticate(db, "admin", TEST_PASSWORD))
        with db.reader() as s:
            assert s.scalars(select(OfficeKey.secret)).one() is None  # still sealed only
        with db.session() as s:  # opened once with the password: the file protects it now
            assert office_private_keys(s, Action.KEYS_MANAGE, password=TEST_PASSWORD).key_id == card.key_id
        with db.session() as s:
            assert s.scalars(select(OfficeKey.secret)).one() is not None
            assert office_private_keys(s, Action.KEYS_MANAGE).key_id == card.key_id  # no password needed
    finally:
        db.dispose()


def test_a_stale_wrap_is_replaced_when_its_user_asks_again(admin_db: Database) -> None:
    """A password changed without users.set_password (the recovery-key reset of an
    administrator): the old wrap opens nothing with the new password; asking again
    replaces it."""
    from desktop.services.access import hash_password
    from desktop.store.models import AppUser

    with admin_db.session() as s:
        make_office_keys(s, password=TEST_PASSWORD, now=NOW)
    with admin_db.session() as s:
        user = s.scalars(select(AppUser).where(AppUser.name == "admin")).one()
        user.password_hash = hash_password("another-password")
    with pytest.raises(OfficeKeyError) as refused, admin_db.session() as s:
        office_private_keys(s, Action.KEYS_MANAGE, password="another-password")
    assert refused.value.code == "keys.not_shared" and "รหัสผ่าน" in refused.value.message
    with admin_db.session() as s:
        assert ensure_holder(s, "another-password") is True
        assert ensure_holder(s, "another-password") is False
        assert s.scalars(select(OfficeKeySeal)).all() == []  # sealed to the old pair: gone


def test_a_changed_password_asks_again_and_gets_the_keys_back(admin_db: Database) -> None:
    from desktop.services.users import set_password

    _add_user(admin_db, "admin2", Role.ADMIN)
    sign_in(admin_db, authenticate(admin_db, "admin2", TEST_PASSWORD))
    with admin_db.session() as s:
        make_office_keys(s, password=TEST_PASSWORD, now=NOW)  # admin2 is the first holder
    sign_in(admin_db, authenticate(admin_db, "admin", TEST_PASSWORD))
    with admin_db.session() as s:
        ensure_holder(s, TEST_PASSWORD)
    sign_in(admin_db, authenticate(admin_db, "admin2", TEST_PASSWORD))
    with admin_db.session() as s:
        assert share_office_keys(s, password=TEST_PASSWORD) == ["admin"]
    sign_in(admin_db, authenticate(admin_db, "admin", TEST_PASSWORD))
    with admin_db.session() as s:
        set_password(s, "admin2", "a-new-password-2")
    admin2 = authenticate(admin_db, "admin2", "a-new-password-2")
    sign_in(admin_db, admin2)
    for password in ("a-new-password-2", TEST_PASSWORD):  # the old password opens nothing now
        with pytest.raises(OfficeKeyError) as refused, admin_db.session() as s:
            office_private_keys(s, Action.KEYS_MANAGE, password=password)
        assert refused.value.code == "keys.not_shared"
    with admin_db.session() as s:
        assert ensure_holder(s, "a-new-password-2") is True
    sign_in(admin_db, authenticate(admin_db, "admin", TEST_PASSWORD))
    with admin_db.session() as s:
        assert share_office_keys(s, password=TEST_PASSWORD) == ["admin2"]
    sign_in(admin_db, admin2)
    with admin_db.session() as s:
        assert office_private_keys(s, Action.KEYS_MANAGE, password="a-new-password-2").key_id
