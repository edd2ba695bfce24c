"""A case list imported on PostgreSQL (chunked IN instead of json_each, dates cast, the id
sequences moved on after explicit ids): the same kinds as on SQLite, the cases written,
a case opened afterwards by the ORM takes the next id, the batch undone."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select
from test_case_import import HEAD, NID, TODAY, Sheet, add_child, kinds, plan_of
from test_postgres import pg  # noqa: F401 - the fixture (pg_url: tests/conftest.py)

from desktop.domain.errors import ValidationFailed
from desktop.domain.people import Sex
from desktop.services import imports
from desktop.services.case_import import RowKind, commit_case_import
from desktop.services.cases import open_case
from desktop.services.office import init_office
from desktop.store.case_state import OosCase, OosCaseStatus
from desktop.store.db import Database
from desktop.store.models import Child


def test_a_case_list_on_postgresql(pg: Database) -> None:  # noqa: F811
    with pg.session() as s:
        init_office(s, name="เทศบาลตำบลทดสอบ", code="9999999")
    add_child(pg, "ภูผา", "ใจกล้า", date(2012, 3, 4), nid=NID[0])
    add_child(pg, "มะลิ", "ศรีสุข", date(2013, 5, 6), g_code="G123456789012", sex=Sex.FEMALE)
    add_child(pg, "สมหญิง", "ดีงาม", date(2011, 7, 8), sex=Sex.FEMALE)
    sh = Sheet(HEAD, [
        ["1", "ด.ช.", "ภูผา", "ใจกล้า", "4/3/2555", NID[0]],
        ["2", "ด.ญ.", "มะลิ", "ศรีสุข", "2013-05-06", "", "G123456789012"],
        ["3", "ด.ญ.", "สมหญิง", "ดีงาม", "08/07/2554"],
        ["4", "ด.ช.", "ใหม่", "มาก", "2014-01-02", NID[5], "", "", "12", "3", "บ้านใหม่", "เมือง", "นครราชสีมา"],
    ])
    plan = plan_of(pg, sh)
    assert kinds(plan) == {2: RowKind.MATCHED, 3: RowKind.MATCHED, 4: RowKind.MATCHED, 5: RowKind.NEW}
    with pg.session() as s:
        batch = commit_case_import(s, plan, actor="clerk")
    assert (batch.cases, batch.new_children) == (4, 1)
    assert kinds(plan_of(pg, sh)) == {n: RowKind.OPEN_CASE for n in (2, 3, 4, 5)}
    with pg.reader() as s:
        assert s.scalar(select(func.count()).select_from(OosCaseStatus)) == 4
        assert set(s.scalars(select(OosCase.opened_on))) == {TODAY}
    later = add_child(pg, "หลัง", "นำเข้า", date(2014, 2, 3), nid=NID[8])  # the sequences moved on
    with pg.session() as s:
        assert open_case(s, later, TODAY, source="teacher").id > max(c.id for c in s.scalars(
            select(OosCase).where(OosCase.import_batch_id.is_not(None))))
    with pg.session() as s:
        assert imports.undo_batch(s, batch.uuid) == 1
    with pg.reader() as s:
        assert s.scalar(select(func.count()).select_from(OosCase).where(OosCase.deleted_at.is_(None))) == 1
        assert s.scalar(select(func.count()).select_from(Child).where(Child.deleted_at.is_(None))) == 4
        assert s.scalar(select(func.count()).select_from(OosCaseStatus).where(
            OosCaseStatus.deleted_at.is_(None))) == 1  # the hand-opened case's only


def test_a_plan_older_than_the_registry_on_postgresql(pg: Database) -> None:  # noqa: F811
    """The same plan imported twice (chunked IN for the re-check): each row said, nothing written."""
    with pg.session() as s:
        init_office(s, name="เทศบาลตำบลทดสอบ", code="9999999")
    add_child(pg, "ภูผา", "ใจกล้า", date(2012, 3, 4), nid=NID[0])
    sh = Sheet(HEAD, [["1", "ด.ช.", "ภูผา", "ใจกล้า", "4/3/2555", NID[0]],
                      ["2", "ด.ช.", "ใหม่", "มาก", "2014-01-02", NID[5]],
                      ["3", "ด.ญ.", "จี", "โค้ด", "2014-01-03", "", "G123456789012"]])
    plan = plan_of(pg, sh)
    with pg.session() as s:
        commit_case_import(s, plan, actor="clerk")
    with pytest.raises(ValidationFailed) as caught, pg.session() as s:
        commit_case_import(s, plan, actor="clerk")
    assert [p.field for p in caught.value.problems] == ["child", "national_id", "g_code"]
    with pg.reader() as s:
        assert s.scalar(select(func.count()).select_from(OosCase)) == 3
        assert s.scalar(select(func.count()).select_from(Child)) == 3
