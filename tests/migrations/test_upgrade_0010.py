"""0010: the common trigrams' first children (search_head, search_heads.py) on a file of
the ninth schema: the tables and triggers come, no trigram is common enough in an office's
few children, heads built later are kept by the triggers, and a downgrade takes it away."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from desktop.services.children_query import ChildFilter, ChildSort, page_children
from desktop.store import migrate, search_heads
from desktop.store.db import Database
from desktop.store.integrity import check_database
from desktop.store.models import Child

FIXTURES = Path(__file__).parent / "fixtures"


def test_0009_fixture_is_the_ninth_schema() -> None:
    conn = sqlite3.connect(FIXTURES / "samoe-0009.db")
    try:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchall() == [("0009",)]
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    finally:
        conn.close()
    assert "child_name_text" in names and "search_head" not in names


def _heads(db: Database) -> list[tuple[object, ...]]:
    with db.reader() as s:
        raw = s.connection().connection.driver_connection
        assert raw is not None
        return [tuple(r) for r in raw.execute(
            "SELECT piece, way, id FROM search_head ORDER BY piece, way, k1, k2, id")]


def test_ninth_schema_upgrades_with_the_search_heads(tmp_path: Path) -> None:
    path = tmp_path / "office.db"
    shutil.copyfile(FIXTURES / "samoe-0009.db", path)
    db = Database.open(path)
    try:
        migrate.upgrade(db, backup=False)
        assert migrate.current_revision(db.engine) == migrate.HEAD_REVISION
        assert check_database(db.engine) == []
        assert _heads(db) == []  # five children: no trigram reaches 5,000
        with db.session() as s:  # a head for every trigram of two children or more
            raw = s.connection().connection.driver_connection
            assert search_heads.rebuild(raw, min_matches=2, size=1) > 0
        heads = _heads(db)
        assert ("ศรี", 0, 1) in heads and ("ศรี", 1, 2) in heads  # ปภาวรินทร์, ภูผา ศรีสุข
        with db.session() as s:  # the triggers work on the upgraded file
            child = s.get(Child, 2)
            assert child is not None
            child.first_name = "กานดา"  # the form's rename: its sort key follows
        assert ("ศรี", 0, 2) in _heads(db)  # now first in the first-name order
        with db.reader() as s:
            listed = [r.id for r in page_children(s, ChildFilter(search="ศรีสุข"), offset=0,
                                                  limit=1, sort=ChildSort.NAME)]
        assert listed == [2]
    finally:
        db.dispose()


def test_downgrade_takes_the_heads_away(tmp_path: Path) -> None:
    from alembic import command

    path = tmp_path / "office.db"
    shutil.copyfile(FIXTURES / "samoe-0010.db", path)
    db = Database.open(path)
    try:
        cfg = migrate._config()
        with db.engine.connect() as conn:
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, "0009")
            conn.commit()
        with db.reader() as s:
            raw = s.connection().connection.driver_connection
            assert raw is not None
            names = {r[0] for r in raw.execute("SELECT name FROM sqlite_master")}
        assert not {n for n in names if n.startswith("search_")}
    finally:
        db.dispose()
