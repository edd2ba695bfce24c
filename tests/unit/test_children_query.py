"""The children list in SQL agrees with a plain Python reading of the same rows."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from desktop.domain.text import thai_sort_key
from desktop.services.children_query import ChildFilter, ChildSort, count_children, page_children
from desktop.store.db import Database
from desktop.store.models import AcademicYear, Child, Enrollment, Institution


def all_children(db: Database) -> list[Child]:
    with db.reader() as s:
        return list(s.scalars(select(Child).where(Child.deleted_at.is_(None))))


def names(rows: list) -> list[tuple[str, str]]:  # type: ignore[type-arg]
    return [(r.first_name, r.last_name) for r in rows]


def by_name(c: Child) -> tuple[str, str, int]:
    """The list's name order: Thai dictionary order of first, then last name."""
    return (thai_sort_key(c.first_name), thai_sort_key(c.last_name), c.id)


def test_count_and_first_page_in_name_order(demo_db: Database) -> None:
    expected = sorted(all_children(demo_db), key=by_name)
    with demo_db.reader() as s:
        assert count_children(s, ChildFilter()) == len(expected) == 300
        page = page_children(s, ChildFilter(), offset=0, limit=50)
        last = page_children(s, ChildFilter(), offset=290, limit=50)
    assert [r.id for r in page] == [c.id for c in expected[:50]]
    assert [r.id for r in last] == [c.id for c in expected[290:]]


@pytest.mark.parametrize("sort,key", [
    (ChildSort.NAME, by_name),
    (ChildSort.LAST_NAME, lambda c: (thai_sort_key(c.last_name), thai_sort_key(c.first_name), c.id)),
    (ChildSort.BIRTH_DATE, lambda c: (c.birth_date, c.id)),
    (ChildSort.IDENT, lambda c: (c.national_id or c.g_code or "", c.id)),
])
def test_sort_orders(demo_db: Database, sort: ChildSort, key) -> None:  # type: ignore[no-untyped-def]
    expected = sorted(all_children(demo_db), key=key)
    with demo_db.reader() as s:
        rows = page_children(s, ChildFilter(), offset=0, limit=300, sort=sort)
        rows_desc = page_children(s, ChildFilter(), offset=0, limit=300, sort=sort, descending=True)
    assert [r.id for r in rows] == [c.id for c in expected]
    assert [r.id for r in rows_desc] == [c.id for c in reversed(expected)]


@pytest.mark.parametrize("term_from", ["first3", "last_full", "nid_middle", "two_chars", "full_name"])
def test_search_matches_python_substring(demo_db: Database, term_from: str) -> None:
    children = all_children(demo_db)
    sample = next(c for c in children if c.national_id)
    term = {
        "first3": sample.first_name[:3],
        "last_full": sample.last_name,
        "nid_middle": sample.national_id[4:9] if sample.national_id else "",
        "two_chars": sample.first_name[1:3],
        "full_name": f"{sample.first_name} {sample.last_name}",
    }[term_from]

    def hit(c: Child) -> bool:
        if term_from == "full_name":
            return c.first_name == sample.first_name and c.last_name == sample.last_name
        return (term in f"{c.first_name} {c.last_name}" or term in (c.national_id or "")
                or term in (c.g_code or ""))

    expected = {c.id for c in children if hit(c)}
    with demo_db.reader() as s:
        assert count_children(s, ChildFilter(search=term)) == len(expected)
        found = {r.id for r in page_children(s, ChildFilter(search=term), offset=0, limit=1000)}
    assert sample.id in found
    assert found == expected


def test_search_with_thai_digits_and_dashes(demo_db: Database) -> None:
    sample = next(c for c in all_children(demo_db) if c.national_id)
    nid = sample.national_id or ""
    thai = nid[:6].translate(str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙"))
    dashed = f"{nid[0]}-{nid[1:5]}"
    with demo_db.reader() as s:
        assert sample.id in {r.id for r in page_children(s, ChildFilter(search=thai), offset=0, limit=500)}
        assert sample.id in {r.id for r in page_children(s, ChildFilter(search=dashed), offset=0, limit=5000)}


def test_search_survives_fts_syntax(demo_db: Database) -> None:
    with demo_db.reader() as s:
        for term in ['"', 'a" OR "b', "NEAR(", "*", "ก่อ-", "AND"]:
            count_children(s, ChildFilter(search=term))  # no error is the point
            page_children(s, ChildFilter(search=term), offset=0, limit=5)


def test_filters_by_institution_year_and_level(demo_db: Database) -> None:
    with demo_db.reader() as s:
        enrol = s.execute(select(Enrollment.child_id, Enrollment.institution_id, Enrollment.level_code,
                                 AcademicYear.year_be, Institution.name)
                          .join(AcademicYear).join(Institution)).all()
        inst_id, level = enrol[0].institution_id, enrol[0].level_code
        expected = {e.child_id for e in enrol if e.institution_id == inst_id and e.level_code == level}
        flt = ChildFilter(institution_id=inst_id, year_be=enrol[0].year_be, level_code=level)
        rows = page_children(s, flt, offset=0, limit=1000)
        assert count_children(s, flt) == len(expected) > 0
        assert {r.id for r in rows} == expected
        assert {r.institution for r in rows} == {enrol[0].name}
        assert count_children(s, ChildFilter(year_be=2400)) == 0


def test_deleted_children_leave_the_list_and_appear_in_the_bin(demo_db: Database) -> None:
    from desktop.services.children import delete_child

    victim = all_children(demo_db)[0]
    with demo_db.session() as s:
        delete_child(s, victim.uuid)
    with demo_db.reader() as s:
        assert count_children(s, ChildFilter()) == 299
        bin_rows = page_children(s, ChildFilter(deleted=True), offset=0, limit=10)
    assert [r.uuid for r in bin_rows] == [victim.uuid] and bin_rows[0].deleted


def test_new_child_is_searchable_at_once(office_db: Database) -> None:
    from desktop.domain.child import ChildInput
    from desktop.domain.identity import IdType
    from desktop.domain.people import Sex
    from desktop.services.children import ChildForm, load_child, save_child

    child = ChildInput(prefix="เด็กชาย", first_name="ต้นกล้า", last_name="ใจงาม", sex=Sex.MALE,
                       birth_date=date(2020, 1, 2), id_type=IdType.G_CODE, g_code="G001122334455")
    with office_db.session() as s:
        uuid = save_child(s, ChildForm(child=child), today=date(2026, 11, 24))
    with office_db.reader() as s:
        assert [r.uuid for r in page_children(s, ChildFilter(search="กล้า"), offset=0, limit=5)] == [uuid]
        assert [r.uuid for r in page_children(s, ChildFilter(search="1122334"), offset=0, limit=5)] == [uuid]
    with office_db.session() as s:
        form = load_child(s, uuid)
        form.child.first_name = "ภูผา"
        save_child(s, form, today=date(2026, 11, 24))
    with office_db.reader() as s:
        assert count_children(s, ChildFilter(search="ต้นกล้า")) == 0
        assert count_children(s, ChildFilter(search="ภูผา")) == 1


def test_row_of_finds_the_position_in_name_order(demo_db: Database) -> None:
    from desktop.services.children_query import row_of

    expected = sorted(all_children(demo_db), key=by_name)
    with demo_db.reader() as s:
        for index in (0, 1, 57, 150, 299):
            assert row_of(s, ChildFilter(), expected[index].uuid) == index
        outsider = expected[10]
        assert row_of(s, ChildFilter(search="ไม่มีชื่อนี้แน่นอน"), outsider.uuid) is None
        assert row_of(s, ChildFilter(), outsider.uuid, sort=ChildSort.BIRTH_DATE) is None


def test_search_index_follows_delete_and_restore(demo_db: Database) -> None:
    from desktop.services.children import delete_child, restore_child
    from desktop.store.integrity import check_database

    victim = next(c for c in all_children(demo_db) if c.national_id)
    term = (victim.national_id or "")[2:9]
    live, gone = ChildFilter(search=term), ChildFilter(search=term, deleted=True)
    with demo_db.reader() as s:
        before = count_children(s, live)
        assert victim.id in {r.id for r in page_children(s, live, offset=0, limit=500)}
    with demo_db.session() as s:
        delete_child(s, victim.uuid)
    assert check_database(demo_db.engine) == []
    with demo_db.reader() as s:
        assert count_children(s, live) == before - 1
        assert victim.id not in {r.id for r in page_children(s, live, offset=0, limit=500)}
        assert [r.id for r in page_children(s, gone, offset=0, limit=10)] == [victim.id]
        assert count_children(s, gone) == 1
    with demo_db.session() as s:
        restore_child(s, victim.uuid)
    assert check_database(demo_db.engine) == []
    with demo_db.reader() as s:
        assert count_children(s, live) == before
