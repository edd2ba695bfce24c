"""0009: the live children's names and identifiers in name order (child_name_text, walked
by a common search term's first page), kept by triggers; a downgrade takes it away."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from sqlalchemy import text, update

from desktop.services.children_query import ChildFilter, ChildSort, page_children
from desktop.services.children_search import page_by_name
from desktop.store import migrate
from desktop.store.db import Database
from desktop.store.integrity import check_database
from desktop.store.models import Child, utcnow

FIXTURES = Path(__file__).parent / "fixtures"
WANTED = ("SELECT first_name_key, last_name_key, id, first_name || ' ' || last_name || ' ' "
          "|| first_name_en || ' ' || last_name_en || ' ' || coalesce(national_id, '') || ' ' "
          "|| coalesce(g_code, '') FROM child WHERE deleted_at IS NULL "
          "ORDER BY first_name_key, last_name_key, id")
STORED = ("SELECT first_name_key, last_name_key, id, search FROM child_name_text "
          "ORDER BY first_name_key, last_name_key, id")


def test_0008_fixture_is_the_eighth_schema() -> None:
    conn = sqlite3.connect(FIXTURES / "samoe-0008.db")
    try:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchall() == [("0008",)]
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
        live = conn.execute("SELECT id FROM child WHERE deleted_at IS NULL ORDER BY id").fetchall()
    finally:
        conn.close()
    assert "child_name_text" not in names and "child_count_ai" in names
    assert live == [(1,), (2,), (4,), (5,), (6,)]


def _upgraded(tmp_path: Path) -> Database:
    path = tmp_path / "office.db"
    shutil.copyfile(FIXTURES / "samoe-0008.db", path)
    db = Database.open(path)
    migrate.upgrade(db, backup=False)
    return db


def _rows(db: Database) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
    with db.reader() as s:
        return ([tuple(r) for r in s.execute(text(STORED))],
                [tuple(r) for r in s.execute(text(WANTED))])


def _walked(db: Database, term: str, sort: ChildSort) -> list[int]:
    with db.reader() as s:
        rows = page_by_name(s, f'"{term}"', last_name_first=sort is ChildSort.LAST_NAME,
                            descending=False, offset=0, limit=10, where=lambda _: [],
                            count=False, term=term, walk=True)
        return [r.id for r in rows]


def test_eighth_schema_upgrades_with_the_live_children_walkable(tmp_path: Path) -> None:
    db = _upgraded(tmp_path)
    try:
        assert migrate.current_revision(db.engine) == migrate.HEAD_REVISION
        stored, wanted = _rows(db)
        assert stored == wanted and [r[2] for r in stored] == [5, 4, 6, 1, 2]  # ก ข ป ภ, no 3
        assert stored[3][3] == "ปภาวรินทร์ ศรีสุข   1103702071838 "
        assert stored[4][3] == "ภูผา ศรีสุข    G123456789012"
        for sort in (ChildSort.NAME, ChildSort.LAST_NAME):  # the walk's pages are the list's
            with db.reader() as s:
                listed = [r.id for r in page_children(s, ChildFilter(search="ศรีสุข"),
                                                      offset=0, limit=10, sort=sort)]
            assert _walked(db, "ศรีสุข", sort) == listed == [1, 2]
        assert _walked(db, "G12345", ChildSort.NAME) == [2]
        with db.session() as s:  # the triggers work on the upgraded file
            s.execute(update(Child).where(Child.id == 3).values(deleted_at=None))
            s.execute(update(Child).where(Child.id == 1).values(deleted_at=utcnow()))
            s.execute(update(Child).where(Child.id == 2).values(last_name="ศรีสุขใจ"))
            s.execute(update(Child).where(Child.id == 4).values(g_code="G999"))
        stored, wanted = _rows(db)
        assert stored == wanted and {r[2] for r in stored} == {2, 3, 4, 5, 6}
        assert _walked(db, "สุขใจ", ChildSort.LAST_NAME) == [2]
        assert check_database(db.engine) == []
    finally:
        db.dispose()


def test_downgrade_takes_the_walked_text_away(tmp_path: Path) -> None:
    db = _upgraded(tmp_path)
    try:
        _downgrade(db, "0008")
        conn = sqlite3.connect(tmp_path / "office.db")
        try:
            names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
            conn.execute("UPDATE child SET first_name = 'กานดา' WHERE id = 1")  # no trigger left
            conn.commit()
        finally:
            conn.close()
        assert not {n for n in names if n.startswith(("child_name_text", "ix_child_name_text"))}
        assert "child_name_order" in names
    finally:
        db.dispose()


def _downgrade(db: Database, target: str) -> None:
    from alembic import command

    cfg = migrate._config()
    with db.engine.connect() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, target)
        conn.commit()
