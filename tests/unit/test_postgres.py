"""The same services on PostgreSQL (the provincial office's choice when SQLite is outgrown).

Runs when SAMOE_TEST_PG_URL names an empty database that may be wiped, e.g.
``postgresql+psycopg://samoe:samoe@127.0.0.1:55432/samoe`` (needs the ``postgres``
extra); skipped otherwise, so CI without a server passes.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import date

import pytest
from sqlalchemy import text

from desktop.domain.child import ChildInput
from desktop.domain.identity import IdType, make_national_id
from desktop.domain.people import Sex
from desktop.services import children as svc
from desktop.services.children_query import ChildFilter, count_children, page_children
from desktop.services.demo import fill_demo
from desktop.services.households import count_households
from desktop.services.office import init_office
from desktop.store import migrate
from desktop.store.db import Database
from desktop.store.integrity import check_database

URL = os.environ.get("SAMOE_TEST_PG_URL", "")
pytestmark = pytest.mark.skipif(not URL, reason="set SAMOE_TEST_PG_URL to test on PostgreSQL")


@pytest.fixture
def pg() -> Iterator[Database]:
    db = Database.open(URL)
    with db.engine.begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    migrate.upgrade(db)
    yield db
    db.dispose()


def test_registry_on_postgresql(pg: Database) -> None:
    assert migrate.current_revision(pg.engine) == migrate.HEAD_REVISION
    with pg.session() as s:
        init_office(s, name="เทศบาลตำบลทดสอบ", code="9999999")
    fill_demo(pg.engine, children=300, seed=3, today=date(2026, 11, 24))
    child = ChildInput(prefix="เด็กชาย", first_name="ภูริพัฒน์", last_name="ทดสอบดี", sex=Sex.MALE,
                       birth_date=date(2020, 1, 2), id_type=IdType.NATIONAL_ID,
                       national_id=make_national_id("110370207183"))
    with pg.session() as s:  # an ORM insert after the bulk load: sequences moved on
        uuid = svc.save_child(s, svc.ChildForm(child=child), today=date(2026, 11, 24))
    with pg.reader() as s:
        assert count_children(s, ChildFilter()) == 301
        assert [r.uuid for r in page_children(s, ChildFilter(search="ทดสอบดี"), offset=0, limit=5)] == [uuid]
        assert count_children(s, ChildFilter(search="0207")) >= 1
        assert count_households(s, "") > 100
    with pg.session() as s:
        svc.delete_child(s, uuid)
    with pg.reader() as s:
        assert count_children(s, ChildFilter()) == 300
        assert count_children(s, ChildFilter(search="ทดสอบดี", deleted=True)) == 1
    assert check_database(pg.engine) == []
