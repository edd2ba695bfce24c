"""The households list sorts by number of children and of guardians through counts each
household stores (migration 0008). Every writer keeps them right: the ORM (the forms, the
bin, a merge and its undo), the demo loader (row by row, and in bulk with the triggers
dropped), an import (likewise) and its undo. Each test writes one way, then compares every
household's stored counts with a fresh count; the sorts themselves are checked against a
plain Python sort in test_list_sorts.py, their plans here (an index walk, no sort of every
household)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from sqlalchemy import delete, event, func, select, text, update

from desktop.domain.identity import make_national_id
from desktop.services import imports
from desktop.services.demo import fill_demo
from desktop.store.db import Database
from desktop.store.models import Child, ChildGuardian, Guardian, Household, utcnow

TODAY = date(2026, 11, 24)


def assert_counts_right(db: Database) -> int:
    """Every household's stored counts are its live members'; returns how many households
    have at least one child (that the test saw something)."""
    with db.reader() as s:
        kids = dict(s.execute(select(Child.household_id, func.count())
                              .where(Child.deleted_at.is_(None), Child.household_id.is_not(None))
                              .group_by(Child.household_id)).tuples().all())
        adults = dict(s.execute(select(Guardian.household_id, func.count())
                                .where(Guardian.deleted_at.is_(None),
                                       Guardian.household_id.is_not(None))
                                .group_by(Guardian.household_id)).tuples().all())
        stored = s.execute(select(Household.id, Household.child_count,
                                  Household.guardian_count)).all()
    wrong = [(i, c, g, kids.get(i, 0), adults.get(i, 0)) for i, c, g in stored
             if (c, g) != (kids.get(i, 0), adults.get(i, 0))]
    assert not wrong, f"{len(wrong)} households with wrong counts, e.g. {wrong[:5]}"
    return sum(1 for _i, c, _g in stored if c)


def test_demo_row_by_row_and_in_bulk(db: Database) -> None:
    fill_demo(db.engine, children=6000, seed=2, today=TODAY)  # empty and big: triggers dropped
    assert assert_counts_right(db) > 1000
    fill_demo(db.engine, children=300, seed=3, today=TODAY)  # into a registry: triggers fire
    assert assert_counts_right(db) > 1000


def _move_children(db: Database) -> None:
    with db.session() as s:
        homes = s.scalars(select(Household.id).order_by(Household.id).limit(3)).all()
        for i, c in enumerate(s.scalars(select(Child).order_by(Child.id).limit(12))):
            c.household_id = homes[i % 3] if i % 4 else None


def _delete_and_restore(db: Database) -> None:
    from desktop.services.children import delete_child, restore_child

    with db.session() as s:
        uuids = s.scalars(select(Child.uuid).where(Child.household_id.is_not(None))
                          .order_by(Child.id).limit(6)).all()
        for u in uuids:
            delete_child(s, u)
    with db.session() as s:
        for u in uuids[:3]:
            restore_child(s, u)


def _guardians_moved_deleted_removed(db: Database) -> None:
    with db.session() as s:
        home = s.scalars(select(Household).order_by(Household.id.desc())).first()
        assert home is not None
        guardians = s.scalars(select(Guardian).order_by(Guardian.id).limit(9)).all()
        for g in guardians[:3]:
            g.household_id = home.id
        for g in guardians[3:6]:
            g.deleted_at = utcnow()
        s.flush()
        guardians[3].deleted_at = None
        guardians[4].household_id = home.id  # moved while deleted: counted nowhere
        s.execute(update(Guardian).where(Guardian.id == guardians[6].id)
                  .values(household_id=None))  # Core, no ORM event
        s.execute(delete(ChildGuardian).where(ChildGuardian.guardian_id == guardians[7].id))
        s.delete(s.get(Guardian, guardians[7].id))  # removed outright
        s.flush()


def _new_household_with_members(db: Database) -> None:
    with db.session() as s:
        office = s.scalar(select(Household.origin_office_id))
        h = Household(origin_office_id=office, house_no="99/9", subdistrict="ในเมือง")
        s.add(h)
        for c in s.scalars(select(Child).order_by(Child.id.desc()).limit(2)):
            c.household = h
        s.add(Guardian(origin_office_id=office, prefix="นาง", first_name="ทดสอบ",
                       last_name="ครัวเรือนใหม่", household=h))


def _merge_and_undo(db: Database) -> None:
    from desktop.services.household_edit import merge_households, undo_merge

    with db.session() as s:
        a, b, c, d = s.scalars(select(Household.uuid).where(Household.id.in_(
            select(Child.household_id))).order_by(Household.id).limit(4)).all()
        merge_households(s, a, b)
        undone = merge_households(s, c, d)
    assert_counts_right(db)
    with db.session() as s:
        undo_merge(s, undone)


def _import_and_undo(db: Database, *, bulk: bool) -> None:
    """A file of siblings joining registry households and new ones; undone after."""
    from test_imports_join_households import Sheet, demo_households, plan_of, sibling

    homes = demo_households(db, 2)
    rows = [sibling(i % 4, homes[i % 2] if i % 3 else homes[0], house_no=f"{i}/7")
            if i % 2 else sibling(i % 4, homes[i % 2]) for i in range(4)]
    for i, row in enumerate(rows):
        row[4] = make_national_id(f"11037020{i:04d}")
    sheet = Sheet(rows)
    if bulk:  # more rows than the registry has children: the import drops the triggers
        with db.engine.begin() as conn:
            existing = conn.execute(select(func.count()).select_from(Child)).scalar() or 0
        extra = [sibling(0, homes[0], house_no=f"{i}/9") for i in range(existing + 5)]
        for i, row in enumerate(extra):
            row[1] = "พี่" + "".join("กขคงจฉชซฌญ"[int(d)] for d in f"{i:04d}")
            row[4] = make_national_id(f"12037020{i:04d}")
        sheet = Sheet(rows + extra)
    plan = plan_of(db, sheet)
    assert plan.valid_count == len(sheet.rows), [p.message for p in plan.file_problems][:3]
    with db.session() as s:
        batch = imports.commit_import(s, plan, actor="clerk")
    assert_counts_right(db)
    with db.session() as s:
        imports.undo_batch(s, batch.uuid)


EDITS: dict[str, Callable[[Database], None]] = {
    "children moved between households and out": _move_children,
    "children deleted and restored (the bin)": _delete_and_restore,
    "guardians moved, deleted, restored, removed": _guardians_moved_deleted_removed,
    "a new household with members (ORM)": _new_household_with_members,
    "households merged, one merge undone": _merge_and_undo,
    "an import joining households, undone": lambda db: _import_and_undo(db, bulk=False),
}


@pytest.mark.parametrize("edit", list(EDITS))
def test_counts_follow_every_writer(demo_db: Database, edit: str) -> None:
    assert assert_counts_right(demo_db)
    EDITS[edit](demo_db)
    assert_counts_right(demo_db)


def test_a_bulk_import_recounts(office_db: Database) -> None:
    """An import bigger than the registry drops the triggers for its load and recounts."""
    fill_demo(office_db.engine, children=40, seed=4, today=TODAY)
    _import_and_undo(office_db, bulk=True)
    assert_counts_right(office_db)


@pytest.mark.parametrize("column", ["child_count", "guardian_count"])
@pytest.mark.parametrize("descending", [False, True])
def test_the_count_sorts_walk_an_index(demo_db: Database, column: str, descending: bool) -> None:
    """The page of a count sort reads an index in order (no temporary B-tree of every
    household): at 1M households, milliseconds instead of 2-10 s."""
    from desktop.services.households import HouseholdSort, page_households

    sort = HouseholdSort.CHILDREN if column == "child_count" else HouseholdSort.GUARDIANS
    with demo_db.reader() as s:
        statements: list[str] = []

        def remember(conn, cursor, statement, *args):  # type: ignore[no-untyped-def]
            statements.append(statement)

        event.listen(s.get_bind(), "before_cursor_execute", remember)
        try:
            page_households(s, "", offset=0, limit=100, sort=sort, descending=descending)
        finally:
            event.remove(s.get_bind(), "before_cursor_execute", remember)
        [sql] = [st for st in statements if "ORDER BY" in st]
        compiled = sql.replace("?", "100", 1).replace("?", "0", 1)
        plan = " | ".join(r[-1] for r in s.execute(text("EXPLAIN QUERY PLAN " + compiled)))
    assert "TEMP B-TREE" not in plan, plan
    assert f"ix_household_live_{'children' if column == 'child_count' else 'guardians'}" in plan, plan
