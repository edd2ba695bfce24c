"""A bulk load (the demo, an import: services/demo.deferred_indexes) runs with the large
page cache of store/db.bulk_cache and gives it back when it ends, on a new encrypted file
and on one encrypted from an older plain file (the connection setting is not part of the
file's format: nothing is recorded, both open as before). Why: bench_cipher.py's demo
write, whose index phase read every spilled page back through SQLCipher."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from actors import TEST_PASSWORD, add_test_admin

from desktop.services import keys
from desktop.services.database import open_database
from desktop.services.demo import BULK_TABLES, deferred_indexes
from desktop.store import cipher, migrate
from desktop.store.db import BULK_CACHE_KIB, Database

FIXTURES = Path(__file__).resolve().parents[1] / "migrations" / "fixtures"
USUAL_KIB = 49152  # store/db.py _on_sqlite_connect


pytestmark = pytest.mark.usefixtures("cheap_wraps")


def _new_encrypted(tmp_path: Path) -> Database:
    path = tmp_path / "new.db"
    keys.start_encrypted(path)
    db, _ = open_database(path, create=True)
    add_test_admin(db)
    return db


def _old_encrypted(tmp_path: Path) -> Database:
    """The oldest committed fixture (a plain file of an earlier release), upgraded, then
    encrypted by ``db encrypt``'s path, then opened by a user's password."""
    path = tmp_path / "old.db"
    shutil.copyfile(sorted(FIXTURES.glob("samoe-0*.db"))[0], path)
    db = Database.open(path)
    try:
        migrate.upgrade(db, backup=False)
        add_test_admin(db)
        keys.encrypt_existing(db, "admin", TEST_PASSWORD)
    finally:
        db.dispose()
    cipher.forget(path)
    return keys.open_for_user(path, "admin", TEST_PASSWORD)


@pytest.mark.parametrize("make", [_new_encrypted, _old_encrypted], ids=["new file", "old file"])
def test_a_bulk_load_has_the_large_cache_and_gives_it_back(tmp_path: Path, make) -> None:  # type: ignore[no-untyped-def]
    db = make(tmp_path)
    try:
        assert db.path is not None and cipher.is_encrypted(db.path)
        with db.engine.begin() as conn:
            assert conn.exec_driver_sql("PRAGMA cipher_version").scalar()  # SQLCipher's connection
            assert conn.exec_driver_sql("PRAGMA cache_size").scalar() == -USUAL_KIB
            with deferred_indexes(conn, BULK_TABLES):
                assert conn.exec_driver_sql("PRAGMA cache_size").scalar() == -BULK_CACHE_KIB
            assert conn.exec_driver_sql("PRAGMA cache_size").scalar() == -USUAL_KIB
        with db.reader() as s:  # the file is as before: it reads, whole
            raw = s.connection().connection.driver_connection
            assert raw is not None
            assert raw.execute("PRAGMA quick_check").fetchall() == [("ok",)]
    finally:
        db.dispose()


def test_a_failed_bulk_load_gives_the_cache_back(tmp_path: Path) -> None:
    db = _new_encrypted(tmp_path)
    try:
        with pytest.raises(RuntimeError), db.engine.begin() as conn, deferred_indexes(conn, BULK_TABLES):
            raise RuntimeError("the load fails")
        with db.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA cache_size").scalar() == -USUAL_KIB
    finally:
        db.dispose()
