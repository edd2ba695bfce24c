"""Growth and DSPM lists on PostgreSQL (the same throwaway server as test_postgres.py): the
demo's measurements and checks load, and every list (ผอม / เตี้ย / อ้วน / not measured,
checks due, re-checks, referrals waiting) names the same children, in the same order, as
on SQLite from the same demo."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from sqlalchemy import text

from desktop.services.demo import fill_demo
from desktop.services.dspm_lists import checks_due, rechecks_due, referrals_waiting
from desktop.services.growth import measurements
from desktop.services.growth_lists import ListCategory, growth_list
from desktop.services.office import init_office
from desktop.store import migrate
from desktop.store.db import Database

TODAY = date(2026, 12, 1)


@pytest.fixture
def pg(pg_url: str) -> Iterator[Database]:
    db = Database.open(pg_url)
    with db.engine.begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    migrate.upgrade(db)
    yield db
    db.dispose()


def _lists(db: Database) -> dict[str, list[object]]:
    out: dict[str, list[object]] = {}
    with db.reader() as s:
        for c in ListCategory:
            page = growth_list(s, c, date(2026, 11, 1), date(2027, 5, 15), limit=500)
            out[c.value] = [(r.child_id, r.room, r.z) for r in page.rows]
        out["due"] = [(r.child.child_id, r.age_months, r.checked_on) for r in checks_due(s, 2026, 11, limit=500).rows]
        out["rechecks"] = [(r.child.child_id, r.due) for r in rechecks_due(s, TODAY).rows]
        out["referrals"] = [(r.child.child_id, r.sent_on) for r in referrals_waiting(s, TODAY).rows]
        first = out["thin"][0][0]
        uuid = s.execute(text("SELECT uuid FROM child WHERE id = :i"), {"i": first}).scalar_one()
        out["one"] = [(m.measured_on, m.z) for m in measurements(s, uuid)]
    return out


def test_the_lists_on_postgresql_are_those_on_sqlite(pg: Database, office_db: Database) -> None:
    with pg.session() as s:
        init_office(s, name="เทศบาลตำบลทดสอบ", code="9999999")
    for db in (pg, office_db):
        fill_demo(db.engine, children=1000, seed=3, today=TODAY, screenings=True)
    on_pg, on_sqlite = _lists(pg), _lists(office_db)
    assert all(on_sqlite[k] for k in ("thin", "short", "obese", "not_measured", "due", "referrals")), on_sqlite
    assert on_pg == on_sqlite
