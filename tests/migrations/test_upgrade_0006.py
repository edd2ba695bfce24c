"""0006: the live children's name keys in child_name_order (a search sorts its matches by
them), kept in step with every write by triggers; the narrow index it replaces is gone."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import date
from pathlib import Path

from sqlalchemy import select, text, update

from desktop.services.children_query import ChildFilter, count_children, page_children
from desktop.store import migrate
from desktop.store.db import Database
from desktop.store.integrity import check_database
from desktop.store.models import Child

FIXTURES = Path(__file__).parent / "fixtures"


def _order(db: Database) -> list[tuple[int, str, str]]:
    with db.reader() as s:
        return [tuple(r) for r in s.execute(text(
            "SELECT id, first_name_key, last_name_key FROM child_name_order ORDER BY id"))]


def _live_keys(db: Database) -> list[tuple[int, str, str]]:
    with db.reader() as s:
        return [tuple(r) for r in s.execute(
            select(Child.id, Child.first_name_key, Child.last_name_key)
            .where(Child.deleted_at.is_(None)).order_by(Child.id))]


def test_0005_fixture_is_the_fifth_schema() -> None:
    conn = sqlite3.connect(FIXTURES / "samoe-0005.db")
    try:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchall() == [("0005",)]
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
        live = conn.execute("SELECT count(*) FROM child WHERE deleted_at IS NULL").fetchone()
    finally:
        conn.close()
    assert "ix_child_live_id_names" in names and "child_name_order" not in names
    assert live == (5,)


def test_fifth_schema_upgrades_to_head_with_the_name_order(tmp_path: Path) -> None:
    from desktop.services.children import (
        ChildForm,
        delete_child,
        load_child,
        restore_child,
        save_child,
    )

    path = tmp_path / "samoe.db"
    shutil.copy(FIXTURES / "samoe-0005.db", path)
    db = Database.open(path)
    try:
        result = migrate.upgrade(db)
        assert (result.from_revision, result.to_revision) == ("0005", migrate.head_revision())
        assert check_database(db.engine) == []
        with db.reader() as s:
            names = set(s.scalars(text("SELECT name FROM sqlite_master")))
        assert "child_name_order" in names and "ix_child_live_id_names" not in names
        assert _order(db) == _live_keys(db) and len(_order(db)) == 5  # not the deleted one

        # every kind of write keeps it in step: the ORM (new, renamed, deleted, restored)...
        form = load_child_form()
        with db.session() as s:
            uuid = save_child(s, ChildForm(child=form), today=date(2026, 11, 24))
        assert _order(db) == _live_keys(db) and len(_order(db)) == 6
        with db.session() as s:
            edit = load_child(s, uuid)
            edit.child.first_name = "เกศินี"
            save_child(s, edit, today=date(2026, 11, 24))
        assert _order(db) == _live_keys(db)
        with db.session() as s:
            delete_child(s, uuid)
        assert _order(db) == _live_keys(db) and len(_order(db)) == 5
        with db.session() as s:
            restore_child(s, uuid)
        assert _order(db) == _live_keys(db) and len(_order(db)) == 6
        # ... and Core updates in bulk (an undone import), and plain deletes
        with db.session() as s:
            s.execute(update(Child).where(Child.id <= 2).values(deleted_at=text("CURRENT_TIMESTAMP")))
        assert _order(db) == _live_keys(db) and len(_order(db)) == 4
        with db.session() as s:
            s.execute(update(Child).where(Child.id <= 2).values(deleted_at=None))
            s.execute(text("DELETE FROM child WHERE id = 5"))
        assert _order(db) == _live_keys(db)
        with db.reader() as s:
            assert [r.uuid for r in page_children(s, ChildFilter(search="เกศินี"), offset=0,
                                                  limit=10)][-1:] == [uuid]
            assert count_children(s, ChildFilter(search="เกศินี")) >= 1

        # and back: the narrow index again, no table, no trigger
        migrate_down(db)
        with db.reader() as s:
            names = set(s.scalars(text("SELECT name FROM sqlite_master")))
        assert "ix_child_live_id_names" in names
        assert not {n for n in names if n.startswith("child_name_order")}
    finally:
        db.dispose()


def load_child_form():  # type: ignore[no-untyped-def]
    from desktop.domain.child import ChildInput
    from desktop.domain.identity import IdType
    from desktop.domain.people import Sex

    return ChildInput(prefix="เด็กหญิง", first_name="ใจดี", last_name="ทดสอบ", sex=Sex.FEMALE,
                      birth_date=date(2020, 1, 2), id_type=IdType.G_CODE, g_code="G009988776655")


def migrate_down(db: Database) -> None:
    from alembic import command

    cfg = migrate._config()
    with db.engine.connect() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0005")
        conn.commit()
