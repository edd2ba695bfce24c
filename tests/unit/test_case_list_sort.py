"""The case list sorted by any of its columns, either way, in SQL a page at a time
(services/cases_lists.py ``CaseSort``): for every column and direction, the pages put
together hold every matching case once, in the order of the column's stored key (names
and places by their sort keys, statuses in the cases' order, no follow-up last); the
filters still apply and the counts are the default order's; the default stays overdue
first. The worker's column sorts by the full name shown (Thai dictionary order), the cases
no worker follows last either way."""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest
from case_core_kit import case_children, random_states
from sqlalchemy import select

from desktop.domain.cases import CaseStatus
from desktop.services.cases_lists import CaseColumn, CaseOrder, CaseQuery, CaseSort, list_cases
from desktop.store.case_state import OosCase
from desktop.store.db import Database
from desktop.store.models import AppUser, Child, Household, name_sort_key

TODAY = date(2026, 12, 1)
RANK = {s.value: i for i, s in enumerate(CaseStatus)}


@pytest.fixture
def listed(office_db: Database) -> Database:
    kit = case_children(office_db, 37)
    random_states(office_db, kit, seed=13)
    rng = random.Random(5)
    with office_db.session() as s:
        for row in s.scalars(select(OosCase)):
            row.follow_due_on = TODAY + timedelta(days=rng.randrange(-30, 30)) if rng.random() < 0.7 else None
            row.worker = rng.choice(["", "worker1", "worker2"])
    return office_db


def _keys(db: Database) -> dict[int, dict[CaseColumn, tuple[object, ...]]]:
    """Each case's key by column, read straight from its rows (the id breaks ties)."""
    out: dict[int, dict[CaseColumn, tuple[object, ...]]] = {}
    with db.reader() as s:
        names = {login: full or login for login, full in s.execute(select(AppUser.name, AppUser.full_name))}
        for case, child, home in s.execute(select(OosCase, Child, Household).join(Child, Child.id == OosCase.child_id)
                                           .outerjoin(Household, Household.id == Child.household_id)).tuples():
            village, house = (home.village_key, home.house_key) if home else ("", "")
            out[case.id] = {
                CaseColumn.NAME: (child.first_name_key, child.last_name_key),
                CaseColumn.NATIONAL_ID: (child.national_id or "",),
                CaseColumn.STATUS: (RANK[case.status],),
                CaseColumn.STATUS_ON: (case.status_on,),
                CaseColumn.WORKER: (name_sort_key(names.get(case.worker, case.worker)), case.worker),
                CaseColumn.VILLAGE: (village, house),
                CaseColumn.HOUSE: (house, village),
                CaseColumn.FOLLOW_DUE: (case.follow_due_on or date.max,),
            }
    return out


def _all(db: Database, query: CaseQuery, order: object, limit: int = 7) -> list[int]:
    ids: list[int] = []
    with db.reader() as s:
        while True:
            page = list_cases(s, query, today=TODAY, offset=len(ids), limit=limit, order=order)  # type: ignore[arg-type]
            ids += [r.id for r in page.rows]
            if not page.rows or len(ids) >= page.total:
                return ids


@pytest.mark.parametrize("descending", [False, True])
@pytest.mark.parametrize("column", list(CaseColumn))
def test_each_column_sorts_every_case_once_in_its_order(listed: Database, column: CaseColumn,
                                                        descending: bool) -> None:
    keys = _keys(listed)
    ids = _all(listed, CaseQuery(), CaseSort(column, descending))
    assert sorted(ids) == sorted(keys)
    expected = sorted(keys, key=lambda i: (keys[i][column], i), reverse=descending)
    if column is CaseColumn.FOLLOW_DUE:  # no follow-up due: last either way
        dated = [i for i in expected if keys[i][column] != (date.max,)]
        expected = dated + sorted((i for i in keys if keys[i][column] == (date.max,)), reverse=descending)
    if column is CaseColumn.WORKER:  # no worker: last either way
        nobody = {i for i in keys if keys[i][column][1] == ""}
        expected = [i for i in expected if i not in nobody] + sorted(nobody, reverse=descending)
    assert ids == expected


def test_filters_and_counts_stay_and_the_default_is_overdue_first(listed: Database) -> None:
    query = CaseQuery(village="2", open_only=True)
    sorted_ids = _all(listed, query, CaseSort(CaseColumn.NAME))
    default_ids = _all(listed, query, CaseOrder.OVERDUE_FIRST)
    assert sorted(sorted_ids) == sorted(default_ids) and sorted_ids
    with listed.reader() as s:
        by_name = list_cases(s, query, today=TODAY, order=CaseSort(CaseColumn.NAME))
        default = list_cases(s, query, today=TODAY)
        assert (by_name.total, by_name.overdue) == (default.total, default.overdue)
        assert all(r.village_no == "2" and r.status is not CaseStatus.CLOSED for r in by_name.rows)
        late = [r.days_overdue for r in default.rows]
        assert late[:default.overdue] == sorted(late[:default.overdue], reverse=True) and all(late[:default.overdue])


def test_the_worker_column_sorts_by_the_full_name_shown(office_db: Database) -> None:
    worker_order_is_the_full_names(office_db)


def worker_order_is_the_full_names(office_db: Database) -> None:
    """By the name the column shows, not the login behind it: worker2 (เกศรา) before
    worker1 (ขวัญใจ) in Thai dictionary order (เ sorts after the ก it is written before;
    code points would put it after ข); a login that is no user's here by the login as
    shown; the cases without a worker last, either way; a page at a time."""
    kit = case_children(office_db, 7)
    random_states(office_db, kit, seed=3)
    with office_db.session() as s:
        for login, full in (("worker1", "ขวัญใจ รักงาน"), ("worker2", "เกศรา ดีงาม")):
            user = s.scalars(select(AppUser).where(AppUser.name == login)).one()
            user.full_name = full
        for row, worker in zip(s.scalars(select(OosCase).order_by(OosCase.id)),
                               ["worker1", "", "worker2", "worker1", "", "worker2", "คนอื่น"], strict=True):
            row.worker = worker

    def shown(descending: bool) -> list[str]:
        with office_db.reader() as s:
            names: list[str] = []
            while len(names) < 7:
                page = list_cases(s, CaseQuery(), today=TODAY, offset=len(names), limit=2,
                                  order=CaseSort(CaseColumn.WORKER, descending))
                names += [r.worker_name for r in page.rows]
            return names

    assert shown(False) == ["เกศรา ดีงาม"] * 2 + ["ขวัญใจ รักงาน"] * 2 + ["คนอื่น", "", ""]
    assert shown(True) == ["คนอื่น"] + ["ขวัญใจ รักงาน"] * 2 + ["เกศรา ดีงาม"] * 2 + ["", ""]
