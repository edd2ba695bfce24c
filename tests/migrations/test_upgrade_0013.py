"""0013: the exact counts of the search heads' pieces on a file of the twelfth schema: the
table and its triggers come (empty: an office's few children give no head), counts made
later are kept exact by every write, and a downgrade takes them away."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path
from typing import Any

from desktop.services.children_query import ChildFilter, count_children
from desktop.store import migrate, search_heads
from desktop.store.db import Database
from desktop.store.integrity import check_database
from desktop.store.models import Child

FIXTURES = Path(__file__).parent / "fixtures"


def _names(path: Path) -> set[str]:
    conn = sqlite3.connect(path)
    try:
        return {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    finally:
        conn.close()


def _counts(db: Database) -> dict[str, int]:
    with db.reader() as s:
        raw: Any = s.connection().connection.driver_connection
        return {str(p): int(d) for p, d in raw.execute("SELECT piece, docs FROM search_head_count")}


def test_0013_fixture_is_the_thirteenth_schema() -> None:
    conn = sqlite3.connect(FIXTURES / "samoe-0013.db")
    try:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchall() == [("0013",)]
    finally:
        conn.close()
    assert "search_head_count" in _names(FIXTURES / "samoe-0013.db")
    assert "search_head_count" not in _names(FIXTURES / "samoe-0012.db")


def test_twelfth_schema_upgrades_with_exact_counts(tmp_path: Path) -> None:
    path = tmp_path / "office.db"
    shutil.copyfile(FIXTURES / "samoe-0012.db", path)
    db = Database.open(path)
    try:
        migrate.upgrade(db, backup=False)
        assert migrate.current_revision(db.engine) == migrate.HEAD_REVISION
        assert check_database(db.engine) == []
        assert _counts(db) == {}  # no head in five children
        with db.session() as s:  # a head for every piece two children hold
            raw = s.connection().connection.driver_connection
            assert search_heads.rebuild(raw, min_matches=2, size=1) > 0
        before = _counts(db)
        assert before["ศรี"] == 2  # ปภาวรินทร์ ... ศรี..., ภูผา ศรีสุข
        with db.session() as s:  # the triggers work on the upgraded file
            child = s.get(Child, 2)
            assert child is not None
            child.last_name = "ใจดี"
        after = _counts(db)
        assert after["ศรี"] == before["ศรี"] - 1
        with db.reader() as s:
            assert count_children(s, ChildFilter(search="ศรี")) == after["ศรี"]
    finally:
        db.dispose()


def test_downgrade_takes_the_counts_away(tmp_path: Path) -> None:
    from alembic import command

    path = tmp_path / "office.db"
    shutil.copyfile(FIXTURES / "samoe-0013.db", path)
    db = Database.open(path)
    try:
        cfg = migrate._config()
        with db.engine.connect() as conn:
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, "0012")
            conn.commit()
    finally:
        db.dispose()
    names = _names(path)
    assert "search_head_count" not in names
    assert not {"search_count_ai", "search_count_au", "search_count_ad"} & names
