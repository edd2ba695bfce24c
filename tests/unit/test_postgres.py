"""The same services on PostgreSQL (the provincial office's choice when SQLite is outgrown).

Runs on a throwaway server that the tests start themselves (tests/pg_cluster.py: initdb and
pg_ctl from Debian's ``postgresql`` package, which the test command installs), or on the
database that SAMOE_TEST_PG_URL names (wiped!), e.g.
``postgresql+psycopg://samoe:samoe@127.0.0.1:55432/samoe``. Without either the tests skip,
and fail under CI=true.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from sqlalchemy import text

from desktop.domain.child import ChildInput
from desktop.domain.identity import IdType, make_national_id
from desktop.domain.people import Sex
from desktop.domain.text import thai_sort_key
from desktop.services import children as svc
from desktop.services.children_query import ChildFilter, ChildSort, count_children, page_children
from desktop.services.demo import fill_demo
from desktop.services.households import count_households
from desktop.services.office import init_office
from desktop.store import migrate
from desktop.store.db import Database
from desktop.store.integrity import check_database
from desktop.store.models import name_sort_key


def _empty(db: Database) -> None:
    with db.engine.begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))


@pytest.fixture
def pg(pg_url: str) -> Iterator[Database]:
    db = Database.open(pg_url)
    _empty(db)
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


def test_documents_on_postgresql(pg: Database, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Export, import (one transaction, ids after the bulk load, undo) and a report."""
    from desktop.reports.sheets import read_sheet
    from desktop.services.exports import export_children
    from desktop.services.imports import commit_import, plan_import, suggest_mapping, undo_batch
    from desktop.services.reports import children_list_pdf, registry_summary_pdf

    with pg.session() as s:
        init_office(s, name="เทศบาลตำบลทดสอบ", code="9999999")
    fill_demo(pg.engine, children=200, seed=4, today=date(2026, 11, 24))
    with pg.reader() as s:
        assert export_children(s, tmp_path / "all.xlsx") == 200
    # the exported file read back: every child is already in the registry
    sheet = read_sheet(tmp_path / "all.xlsx")
    with pg.reader() as s:
        plan = plan_import(s, sheet, suggest_mapping(s, sheet.headers), today=date(2026, 11, 24))
    with pg.reader() as s:
        with_id = s.execute(text("SELECT count(*) FROM child WHERE national_id IS NOT NULL "
                                 "OR g_code IS NOT NULL")).scalar()
    assert plan.error_count == with_id  # each one is already in the registry
    csv = tmp_path / "new.csv"
    ids = [make_national_id(f"15037{n:07d}") for n in range(1, 4)]
    csv.write_text("\n".join(["ชื่อ,นามสกุล,เพศ,วันเกิด,เลขประจำตัวประชาชน",
                              *(f"{n},พีจีทดสอบ,ชาย,15/08/2563,{i}"
                                for n, i in zip(("หนึ่ง", "สอง", "สาม"), ids, strict=True))]),
                   encoding="utf-8")
    sheet = read_sheet(csv)
    with pg.session() as s:
        plan = plan_import(s, sheet, suggest_mapping(s, sheet.headers), today=date(2026, 11, 24))
        assert plan.valid_count == 3
        batch = commit_import(s, plan)
    with pg.reader() as s:
        assert count_children(s, ChildFilter(search="พีจีทดสอบ")) == 3
    with pg.session() as s:  # an ORM insert after the import's explicit ids
        svc.save_child(s, svc.ChildForm(child=ChildInput(
            prefix="เด็กหญิง", first_name="หลังนำเข้า", last_name="พีจีทดสอบ", sex=Sex.FEMALE,
            birth_date=date(2020, 1, 2), id_type=IdType.NATIONAL_ID,
            national_id=make_national_id("150379999991"))), today=date(2026, 11, 24))
    with pg.session() as s:
        assert undo_batch(s, batch.uuid) == 3
    with pg.reader() as s:
        assert count_children(s, ChildFilter(search="พีจีทดสอบ")) == 1
        assert children_list_pdf(s, tmp_path / "list.pdf") > 0
        assert registry_summary_pdf(s, tmp_path / "summary.pdf") > 0
    assert check_database(pg.engine) == []


def test_thai_order_on_postgresql(pg_url: str) -> None:
    """Migration 0004 fills the sort keys of the children already there; the keys compare
    in byte order ("C" collation) whatever the database's locale."""
    db = Database.open(pg_url)
    try:
        _empty(db)
        migrate.upgrade(db, target="0003")
        names = [("ฮานะ", "ใจดี"), ("เกศินี", "แก้วมณี"), ("ขวัญข้าว", "กาญจนวงศ์"), ("กมลชนก", "ขันทอง")]
        with db.engine.begin() as conn:
            conn.execute(text("INSERT INTO office (id, uuid, code, name, province, role, is_local, created_at, "
                              "updated_at) VALUES (1, 'o1', '9999999', 'ทดสอบ', '', 'municipality', true, "
                              "now(), now())"))
            for n, (first, last) in enumerate(names, start=1):
                conn.execute(text(
                    "INSERT INTO child (id, uuid, version, created_at, updated_at, origin_office_id, prefix, "
                    "first_name, last_name, first_name_en, last_name_en, sex, birth_date, id_type, "
                    "no_id_reason, nationality, disability) VALUES (:id, :uuid, 1, now(), now(), 1, "
                    "'เด็กหญิง', :first, :last, '', '', 'F', '2021-01-01', 'none', '', 'ไทย', '')"),
                    {"id": n, "uuid": f"c{n}", "first": first, "last": last})
        migrate.upgrade(db)
        with db.reader() as s:
            rows = s.execute(text("SELECT first_name, last_name, first_name_key, last_name_key FROM child")).all()
            assert {(r[2], r[3]) for r in rows} == {(name_sort_key(f), name_sort_key(last)) for f, last in names}
            collations = dict(s.execute(text(
                "SELECT column_name, collation_name FROM information_schema.columns "
                "WHERE table_name = 'child' AND column_name LIKE '%_name_key'")).all())
            assert collations == {"first_name_key": "C", "last_name_key": "C"}
            listed = page_children(s, ChildFilter(), offset=0, limit=10)
            assert [r.first_name for r in listed] == ["กมลชนก", "เกศินี", "ขวัญข้าว", "ฮานะ"]
            listed = page_children(s, ChildFilter(), offset=0, limit=10, sort=ChildSort.LAST_NAME)
            assert [r.last_name for r in listed] == ["กาญจนวงศ์", "แก้วมณี", "ขันทอง", "ใจดี"]
        fill_demo(db.engine, children=300, seed=4, today=date(2026, 11, 24))
        with db.reader() as s:
            every = s.execute(text("SELECT id, first_name, last_name FROM child WHERE deleted_at IS NULL")).all()
            expected = sorted(every, key=lambda r: (thai_sort_key(r[1]), thai_sort_key(r[2]), r[0]))
            listed = page_children(s, ChildFilter(), offset=0, limit=1000)
            assert [r.id for r in listed] == [r[0] for r in expected]
        assert check_database(db.engine) == []
    finally:
        db.dispose()
