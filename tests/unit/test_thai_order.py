"""The children list in Thai dictionary order: a name that starts with a leading vowel
(เ แ โ ใ ไ) sorts among the names of its consonant (เกศินี among the ก names, before ข),
not after ฮ as code-point order puts it. SQL sorts by stored keys of the names; every way a
child is written (the form, an edit, the demo loader, a spreadsheet import) keeps them."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import event, select, text

from desktop.domain.child import ChildInput
from desktop.domain.identity import IdType
from desktop.domain.levels import InstitutionKind
from desktop.domain.people import Sex
from desktop.domain.text import thai_sort_key
from desktop.reports.sheets import SheetData
from desktop.services import imports
from desktop.services.children import ChildForm, load_child, save_child
from desktop.services.children_query import ChildFilter, ChildSort, page_children, row_of
from desktop.services.institutions import InstitutionForm, save_institution
from desktop.store.db import Database
from desktop.store.models import Child, name_sort_key

TODAY = date(2026, 11, 24)
# (first name, last name) in the order a Thai dictionary gives the first names
BY_FIRST = [
    ("กมลชนก", "ใจดี"),
    ("กิ่งแก้ว", "ไชยวงศ์"),
    ("เกศินี", "แก้วมณี"),
    ("ไก่", "กาญจนวงศ์"),
    ("ขวัญข้าว", "โพธิ์ทอง"),
    ("โชติกา", "ขันทอง"),
    ("ฮานะ", "เอี่ยมสะอาด"),
]
# the same children by last name (then first name)
BY_LAST = ["กาญจนวงศ์", "แก้วมณี", "ขันทอง", "ใจดี", "ไชยวงศ์", "โพธิ์ทอง", "เอี่ยมสะอาด"]


def _input(first: str, last: str, n: int) -> ChildInput:
    return ChildInput(prefix="เด็กหญิง", first_name=first, last_name=last, sex=Sex.FEMALE,
                      birth_date=date(2021, 1, 1 + n), id_type=IdType.G_CODE,
                      g_code=f"G0011223344{n:02d}")


def _save_all(db: Database, people: list[tuple[str, str]]) -> dict[str, str]:
    uuids = {}
    with db.session() as s:
        # saved in reverse so that id order is not the expected order
        for n, (first, last) in reversed(list(enumerate(people))):
            uuids[first] = save_child(s, ChildForm(child=_input(first, last, n)), today=TODAY)
    return uuids


def _stored_keys(db: Database) -> list[tuple[str, str, str, str]]:
    with db.reader() as s:
        return [tuple(r) for r in s.execute(  # type: ignore[misc]
            select(Child.first_name, Child.last_name, Child.first_name_key, Child.last_name_key))]


def _assert_keys_right(db: Database) -> int:
    rows = _stored_keys(db)
    for first, last, first_key, last_key in rows:
        assert (first_key, last_key) == (name_sort_key(first), name_sort_key(last)), first
    return len(rows)


def test_the_expected_orders_are_dictionary_orders() -> None:
    # the test's own lists agree with the domain's key and differ from code-point order
    assert sorted(BY_FIRST, key=lambda p: thai_sort_key(p[0])) == BY_FIRST
    assert sorted(BY_LAST, key=thai_sort_key) == BY_LAST
    assert sorted(BY_FIRST) != BY_FIRST and sorted(BY_LAST) != BY_LAST


def test_stored_key_sorts_as_thai_sort_key() -> None:
    names = ["เก่ง", "เกง", "เก้ง", "ก", "กา", "ก่า", "กาก", "แก", "ข", "ไก่", "ฮ", "", "ก ข"]
    by_domain = sorted(names, key=thai_sort_key)
    assert sorted(names, key=name_sort_key) == by_domain
    assert "\x00" not in "".join(name_sort_key(n) for n in names)  # PostgreSQL text holds it


def test_list_by_first_name_in_dictionary_order(office_db: Database) -> None:
    _save_all(office_db, BY_FIRST)
    assert _assert_keys_right(office_db) == len(BY_FIRST)
    with office_db.reader() as s:
        rows = page_children(s, ChildFilter(), offset=0, limit=50)
        assert [r.first_name for r in rows] == [f for f, _ in BY_FIRST]
        # เกศินี between the ก names and before ข, on every page window
        assert [r.first_name for r in page_children(s, ChildFilter(), offset=2, limit=2)] == \
            ["เกศินี", "ไก่"]
        desc = page_children(s, ChildFilter(), offset=0, limit=50, descending=True)
        assert [r.first_name for r in desc] == [f for f, _ in reversed(BY_FIRST)]


def test_list_by_last_name_in_dictionary_order(office_db: Database) -> None:
    _save_all(office_db, BY_FIRST)
    with office_db.reader() as s:
        rows = page_children(s, ChildFilter(), offset=0, limit=50, sort=ChildSort.LAST_NAME)
        assert [r.last_name for r in rows] == BY_LAST
        rows = page_children(s, ChildFilter(), offset=0, limit=50, sort=ChildSort.LAST_NAME,
                             descending=True)
        assert [r.last_name for r in rows] == list(reversed(BY_LAST))


def test_search_results_and_row_of_use_the_same_order(office_db: Database) -> None:
    uuids = _save_all(office_db, BY_FIRST)
    with office_db.reader() as s:
        # "วงศ์" (4 characters) goes through the FTS5 join path, "ทอ" (2) through instr
        found = page_children(s, ChildFilter(search="วงศ์"), offset=0, limit=50, sort=ChildSort.LAST_NAME)
        assert [r.last_name for r in found] == ["กาญจนวงศ์", "ไชยวงศ์"]
        found = page_children(s, ChildFilter(search="วงศ์"), offset=0, limit=50)
        assert [r.first_name for r in found] == ["กิ่งแก้ว", "ไก่"]
        found = page_children(s, ChildFilter(search="ทอ"), offset=0, limit=50)
        assert [r.first_name for r in found] == ["ขวัญข้าว", "โชติกา"]
        for index, (first, _last) in enumerate(BY_FIRST):
            assert row_of(s, ChildFilter(), uuids[first]) == index


def test_an_edit_that_changes_the_name_moves_the_child(office_db: Database) -> None:
    uuids = _save_all(office_db, BY_FIRST)
    with office_db.session() as s:
        form = load_child(s, uuids["ฮานะ"])
        form.child.first_name = "เกด"  # from the end of the list to just before เกศินี
        save_child(s, form, today=TODAY)
    assert _assert_keys_right(office_db) == len(BY_FIRST)
    with office_db.reader() as s:
        rows = page_children(s, ChildFilter(), offset=0, limit=50)
        assert [r.first_name for r in rows][:4] == ["กมลชนก", "กิ่งแก้ว", "เกด", "เกศินี"]
        assert row_of(s, ChildFilter(), uuids["ฮานะ"]) == 2
    with office_db.session() as s:  # an edit of other fields leaves the keys alone
        form = load_child(s, uuids["เกศินี"])
        form.child.last_name = "อินทร์แก้ว"
        save_child(s, form, today=TODAY)
    assert _assert_keys_right(office_db) == len(BY_FIRST)


def test_demo_data_has_right_keys_and_sorts_in_dictionary_order(db: Database) -> None:
    from desktop.services.demo import fill_demo

    # 6000 children: the bulk path that drops and rebuilds the indexes; then 200 more
    # through the indexed path
    fill_demo(db.engine, children=6000, seed=5, today=TODAY)
    fill_demo(db.engine, children=200, seed=6, today=TODAY)
    assert _assert_keys_right(db) == 6200
    with db.reader() as s:
        children = list(s.execute(select(Child.id, Child.first_name, Child.last_name)))
        expected = sorted(children, key=lambda c: (thai_sort_key(c.first_name), thai_sort_key(c.last_name), c.id))
        assert any(c.first_name[0] in "เแโใไ" for c in children)
        rows = page_children(s, ChildFilter(), offset=0, limit=10_000)
    assert [r.id for r in rows] == [c.id for c in expected]


@pytest.mark.parametrize("existing", [0, 30])
def test_imported_children_have_right_keys(office_db: Database, existing: int) -> None:
    """An import into an empty registry rebuilds the indexes after writing; into a bigger
    registry it writes through them: both paths write the keys."""
    from desktop.services.demo import fill_demo

    with office_db.session() as s:
        save_institution(s, InstitutionForm(kind=InstitutionKind.CDC, code="3300100001",
                                            name="ศูนย์พัฒนาเด็กเล็กบ้านโนนสูง"))
    if existing:
        fill_demo(office_db.engine, children=existing, seed=7, today=TODAY)
    headers = ["ชื่อ", "นามสกุล", "เพศ", "วันเกิด", "สถานศึกษา", "ชั้น", "ปีการศึกษา"]
    rows = [[first, last, "หญิง", f"0{n + 1}/01/2564", "ศูนย์พัฒนาเด็กเล็กบ้านโนนสูง",
             "เด็กเล็ก 4 ขวบ", "2569"]
            for n, (first, last) in enumerate(reversed(BY_FIRST))]
    sheet = SheetData(file_name="นักเรียน.xlsx", sheet_names=["รายชื่อ"], sheet="รายชื่อ",
                      headers=headers, rows=rows, row_numbers=list(range(2, 2 + len(rows))),
                      header_row=1)
    with office_db.reader() as s:
        plan = imports.plan_import(s, sheet, imports.suggest_mapping(s, headers), today=TODAY)
    assert plan.error_count == 0, list(plan.problems())
    with office_db.session() as s:
        info = imports.commit_import(s, plan, actor="clerk")
    assert info.children == len(BY_FIRST)
    assert _assert_keys_right(office_db) == len(BY_FIRST) + existing
    with office_db.reader() as s:
        listed = page_children(s, ChildFilter(), offset=0, limit=100)
        imported = set(s.scalars(select(Child.uuid).where(Child.import_batch_id.is_not(None))))
        ours = [r.first_name for r in listed if r.uuid in imported]
        assert ours == [f for f, _ in BY_FIRST]


def test_default_list_query_walks_the_name_index(demo_db: Database) -> None:
    """No sort step (temp B-tree) for the default order: the partial index on the keys
    gives the rows in order, and paging stops after the page."""
    statements: list[tuple[str, object]] = []

    def grab(_conn, _cursor, statement, parameters, _context, _many) -> None:  # type: ignore[no-untyped-def]
        if statement.lstrip().upper().startswith("SELECT") and "FROM child" in statement \
                and "ORDER BY" in statement:
            statements.append((statement, parameters))

    with demo_db.reader() as s:
        s.execute(text("ANALYZE"))
        for sort, index in ((ChildSort.NAME, "ix_child_live_name_key"),
                            (ChildSort.LAST_NAME, "ix_child_live_last_name_key")):
            for descending in (False, True):
                statements.clear()
                event.listen(demo_db.engine, "before_cursor_execute", grab)
                try:
                    page_children(s, ChildFilter(), offset=100, limit=50, sort=sort,
                                  descending=descending)
                finally:
                    event.remove(demo_db.engine, "before_cursor_execute", grab)
                statement, params = statements[0]
                plan = " | ".join(r[-1] for r in s.connection().exec_driver_sql(
                    "EXPLAIN QUERY PLAN " + statement, params))  # type: ignore[arg-type]
                assert index in plan, plan
                assert "TEMP B-TREE" not in plan, plan
