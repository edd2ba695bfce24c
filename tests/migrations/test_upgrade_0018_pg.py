"""0018: PostgreSQL's kept counts of the children list. On a throwaway PostgreSQL at 0017
holding children (live, deleted, of two offices): the upgrade counts them (the total, each
office, each piece) and a downgrade takes every object away again. On SQLite the
seventeenth schema's file upgrades with nothing added (SQLite keeps its own counts, 0013)."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from sqlalchemy import text
from test_upgrade_0014 import _empty

from desktop.store import migrate
from desktop.store.db import Database
from desktop.store.integrity import check_database

FIXTURES = Path(__file__).parent / "fixtures"
OBJECTS = ("SELECT to_regclass('child_list_count') IS NOT NULL, "
           "to_regclass('child_list_count_writes') IS NOT NULL, "
           "EXISTS (SELECT 1 FROM pg_proc WHERE proname LIKE 'samoe_%count%'), "
           "EXISTS (SELECT 1 FROM pg_trigger WHERE tgname = 'child_list_count_aiud')")


def _names(path: Path) -> set[str]:
    conn = sqlite3.connect(path)
    try:
        return {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    finally:
        conn.close()


def test_the_seventeenth_schema_upgrades_with_nothing_added_on_sqlite(tmp_path: Path) -> None:
    path = tmp_path / "office.db"
    shutil.copyfile(FIXTURES / "samoe-0017.db", path)
    db = Database.open(path)
    try:
        migrate.upgrade(db, target="0018", backup=False)  # 0019 adds growth and DSPM: its own test
        assert migrate.current_revision(db.engine) == "0018"
        assert check_database(db.engine) == []
    finally:
        db.dispose()
    assert _names(path) - _names(FIXTURES / "samoe-0017.db") == set()
    assert _names(FIXTURES / "samoe-0018.db") == _names(FIXTURES / "samoe-0017.db")


def _child(i: int, first: str, office: int, deleted: bool = False) -> str:
    gone = "now()" if deleted else "NULL"
    return (
        "INSERT INTO child (id, uuid, version, created_at, updated_at, deleted_at, origin_office_id, "
        "prefix, first_name, last_name, first_name_en, last_name_en, sex, birth_date, id_type, "
        "national_id, nationality, disability, no_id_reason, first_name_key, last_name_key) VALUES "
        f"({i}, '00000000-0000-4000-8000-0000000000{i:02d}', 1, now(), now(), {gone}, {office}, "
        f"'ด.ช.', '{first}', 'ศรีสุข', 'Somchai', 'Srisuk', 'M', '2022-01-01', 'nid', "
        f"'11037020{i:05d}', 'ไทย', '', '', 'a{i}', 'b')")


def test_postgresql_upgrade_counts_the_children_and_downgrades(pg_url: str) -> None:
    from alembic import command

    db = Database.open(pg_url)
    try:
        _empty(db)
        migrate.upgrade(db, target="0017", backup=False)
        with db.engine.begin() as conn:
            for i, code in ((1, "6300101"), (2, "6300102")):
                conn.execute(text(
                    "INSERT INTO office (id, uuid, code, name, province, role, is_local, created_at, "
                    f"updated_at) VALUES ({i}, '00000000-0000-4000-8000-00000000000{i}', '{code}', "
                    f"'x{i}', 'y', 'municipality', {'true' if i == 1 else 'false'}, now(), now())"))
            for i, first, office, deleted in ((1, "ชัยวัฒน์", 1, False), (2, "ชัยา", 2, False),
                                              (3, "มานี", 2, False), (4, "ชัยชนะ", 1, True)):
                conn.execute(text(_child(i, first, office, deleted)))
        migrate.upgrade(db, target="0018", backup=False)
        assert migrate.current_revision(db.engine) == "0018"
        with db.engine.connect() as conn:
            kept = {str(k): int(n) for k, n in conn.execute(text(
                "SELECT key, sum(docs) FROM child_list_count GROUP BY key"))}
            assert kept["all"] == 3 and kept["o:1"] == 1 and kept["o:2"] == 2
            assert kept["p:ชัย"] == 2 and kept["p:มาน"] == 1 and kept["p:ศรี"] == 3
            assert kept["p:som"] == 3 and "p:ชนะ" not in kept  # folded to lower case; deleted
            assert not any(" " in k for k in kept)
            assert conn.execute(text(OBJECTS)).one() == (True, True, True, True)
        with db.engine.connect() as conn:
            cfg = migrate._config()
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, "0017")
            conn.commit()
        with db.engine.connect() as conn:
            assert conn.execute(text(OBJECTS)).one() == (False, False, False, False)
            conn.execute(text("UPDATE child SET first_name = 'x'"))  # no trigger left behind
    finally:
        db.dispose()
