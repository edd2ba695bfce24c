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


GIB = 1024 ** 3


def test_the_index_builds_cache_is_the_file_up_to_1_gib_and_a_quarter_of_the_memory() -> None:
    from desktop.store.db import BULK_INDEX_CACHE_MAX_KIB, index_cache_kib

    assert BULK_INDEX_CACHE_MAX_KIB == GIB // 1024
    assert index_cache_kib(100 * 1024 ** 2, 24 * GIB) == BULK_CACHE_KIB  # fits the bulk cache
    assert index_cache_kib(800 * 1024 ** 2, 24 * GIB) == 800 * 1024  # the whole file
    assert index_cache_kib(int(2.7 * GIB), 24 * GIB) == GIB // 1024  # 1M children: 1 GiB
    assert index_cache_kib(int(2.7 * GIB), 2 * GIB) == 512 * 1024  # a quarter of 2 GiB
    assert index_cache_kib(int(2.7 * GIB), 1 * GIB) == BULK_CACHE_KIB  # never below the bulk cache
    assert index_cache_kib(int(2.7 * GIB), None) == GIB // 1024  # memory unknown


def _index_builds(db: Database, monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, int]]:
    """(table, cache_size) of each CREATE INDEX of a bulk load into ``db`` (empty: every
    index of the bulk tables is deferred), with the index builds' cache made 4 MiB more
    than the bulk cache (a test file is small)."""
    from sqlalchemy import event

    from desktop.store import db as db_mod

    monkeypatch.setattr(db_mod, "index_cache_kib", lambda _file, _memory: BULK_CACHE_KIB + 4096)
    builds: list[tuple[str, int]] = []

    def before(conn, _cursor, statement, *_rest) -> None:  # type: ignore[no-untyped-def]
        if statement.startswith("CREATE INDEX"):
            size = conn.connection.driver_connection.execute("PRAGMA cache_size").fetchone()[0]
            builds.append((statement.split(" ON ")[1].split(" ")[0], int(size)))

    event.listen(db.engine, "before_cursor_execute", before)
    try:
        with db.engine.begin() as conn:
            with deferred_indexes(conn, BULK_TABLES):
                pass
            assert conn.exec_driver_sql("PRAGMA cache_size").scalar() == -USUAL_KIB  # given back
    finally:
        event.remove(db.engine, "before_cursor_execute", before)
    return builds


def test_the_index_builds_run_with_their_grown_cache(db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    builds = _index_builds(db, monkeypatch)
    assert len(builds) >= 20
    assert {size for _table, size in builds} == {-(BULK_CACHE_KIB + 4096)}


def test_the_index_builds_go_table_by_table(db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each table's indexes one after another (the child table's 11 scans in a row, each
    finding the last one's pages in the cache), not in the migrations' order."""
    tables = [table for table, _size in _index_builds(db, monkeypatch)]
    runs = [t for i, t in enumerate(tables) if i == 0 or tables[i - 1] != t]
    assert len(runs) == len(set(runs)), runs
    assert tables.count("child") >= 10
