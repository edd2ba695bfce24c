"""The households' member counts (migration 0008) on PostgreSQL: its PL/pgSQL triggers keep
them right through the demo loader, ORM moves, the bin and a merge; the sorts by them match
a plain Python sort. The throwaway server of test_postgres."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from test_household_counts import assert_counts_right
from test_postgres import pg  # noqa: F401 - the fixture (pg_url: tests/conftest.py)

from desktop.services.children import delete_child, restore_child
from desktop.services.demo import fill_demo
from desktop.services.household_edit import merge_households
from desktop.services.households import HouseholdSort, page_households
from desktop.services.office import init_office
from desktop.store.db import Database
from desktop.store.models import Child, Guardian, Household, utcnow


def test_counts_on_postgresql(pg: Database) -> None:  # noqa: F811
    with pg.session() as s:
        init_office(s, name="เทศบาลตำบลทดสอบ", code="9999999")
    fill_demo(pg.engine, children=200, seed=5, today=date(2026, 11, 24))
    assert assert_counts_right(pg) > 50
    with pg.session() as s:
        homes = s.scalars(select(Household.id).order_by(Household.id).limit(3)).all()
        for i, c in enumerate(s.scalars(select(Child).order_by(Child.id).limit(9))):
            c.household_id = homes[i % 3] if i % 4 else None
        for g in s.scalars(select(Guardian).order_by(Guardian.id).limit(4)):
            g.deleted_at = utcnow()
        uuids = s.scalars(select(Child.uuid).order_by(Child.id.desc()).limit(4)).all()
        for u in uuids:
            delete_child(s, u)
    with pg.session() as s:
        restore_child(s, uuids[0])
        a, b = s.scalars(select(Household.uuid).order_by(Household.id.desc()).limit(2)).all()
        merge_households(s, a, b)
    assert_counts_right(pg)
    with pg.reader() as s:
        ref = s.execute(select(Household.id, Household.child_count, Household.subdistrict_key,
                               Household.village_key, Household.house_key)
                        .where(Household.deleted_at.is_(None))).all()
        got = [r.id for r in page_households(s, "", offset=0, limit=10_000, sort=HouseholdSort.CHILDREN,
                                             descending=True)]
    assert got == [r.id for r in sorted(ref, key=lambda r: (r[1], r[2], r[3], r[4], r[0]), reverse=True)]


def test_0008_down_and_up_on_postgresql(pg: Database) -> None:  # noqa: F811
    """The PL/pgSQL functions and triggers go with a downgrade and come back with the counts."""
    from alembic import command
    from sqlalchemy import text

    from desktop.store import migrate

    with pg.session() as s:
        init_office(s, name="เทศบาลตำบลทดสอบ", code="9999999")
    fill_demo(pg.engine, children=50, seed=6, today=date(2026, 11, 24))
    cfg = migrate._config()
    with pg.engine.connect() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0007")
        conn.commit()
        assert conn.scalar(text("SELECT count(*) FROM pg_proc WHERE proname LIKE '%household_count'")) == 0
        conn.execute(text("UPDATE child SET household_id = NULL WHERE id = 1"))  # no trigger left
        conn.commit()
    migrate.upgrade(pg, backup=False)
    assert assert_counts_right(pg) > 10
