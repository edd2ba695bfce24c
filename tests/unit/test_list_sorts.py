"""Every sortable column of every list sorts as a plain Python sort of the same rows.

The database: two demo years, children enrolled in both (at another institution, level and
room), children with no enrolment, deleted enrolments, deleted children, institutions whose
names start with a leading vowel (Thai dictionary order differs from code-point order
there), rooms "2" and "10" (natural order). The Python side reads every row through the ORM
and sorts with the documented keys:

- children: the shown enrolment is the filtered year's (and institution's), else the
  latest (year, then id); a child without one has empty values, which sort first. Every
  sort breaks ties by the names' Thai dictionary keys, then id; descending is the exact
  reverse of ascending. Age ascending is youngest first (birth date descending).
- households, institutions, import history: see each test.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import select

from desktop.domain.levels import LEVELS
from desktop.domain.sort_keys import natural_sort_key
from desktop.domain.text import thai_sort_key
from desktop.services.children_query import ChildFilter, ChildSort, count_children, page_children
from desktop.store.db import Database
from desktop.store.models import (
    AcademicYear,
    Child,
    Enrollment,
    Guardian,
    Household,
    ImportBatch,
    Institution,
    utcnow,
)

YEAR1, YEAR2 = date(2025, 11, 24), date(2026, 11, 24)  # academic years 2568 and 2569
LEVEL_ORDER = {lv.code: i for i, lv in enumerate(LEVELS)}


def natural(text: str) -> tuple[Any, ...]:
    """Digit runs by value ("2" before "10"), the rest in Thai dictionary order."""
    parts = re.split(r"(\d+)", text)
    return tuple((0, int(p), "") if p.isdigit() else (1, 0, thai_sort_key(p)) for p in parts if p)


@pytest.fixture(scope="module")
def sort_db(tmp_path_factory: pytest.TempPathFactory) -> Any:
    from actors import EVERY_ROLE

    from desktop.services.demo import fill_demo
    from desktop.store import migrate

    database = Database.open(tmp_path_factory.mktemp("sorts") / "samoe.db")
    database.set_actor(EVERY_ROLE)  # a module's fixture: before conftest's signed-in user
    migrate.upgrade(database)
    fill_demo(database.engine, children=160, seed=5, today=YEAR1)
    fill_demo(database.engine, children=90, seed=6, today=YEAR2)
    with database.session() as s:
        office_id = s.scalar(select(Institution.origin_office_id))
        years = {y.year_be: y for y in s.scalars(select(AcademicYear))}
        y1, y2 = years[2568], years[2569]
        # names where dictionary and code-point order differ (leading vowels, tone marks)
        extra = [Institution(origin_office_id=office_id, kind="school", code=f"X{i}", name=n)
                 for i, n in enumerate(("แม่ระมาด", "เกาะคา", "กุดจับ", "ไก่คำ", "กุ้งก้าว"))]
        s.add_all(extra)
        s.flush()
        children = list(s.scalars(select(Child).order_by(Child.id)))
        old = [c for c in children if any(e.academic_year_id == y1.id for e in c.enrollments)]
        for i, c in enumerate(old[:70]):
            # enrolled again the next year, elsewhere, another level and room
            s.add(Enrollment(origin_office_id=office_id, child=c, academic_year=y2,
                             institution=extra[i % len(extra)],
                             level_code=LEVELS[(i * 7) % len(LEVELS)].code,
                             classroom=("2", "10", "1", "ก", "")[i % 5]))
        for i, c in enumerate(old[70:110]):
            # a second enrolment in the same year at another institution: the later id shows
            s.add(Enrollment(origin_office_id=office_id, child=c, academic_year=y1,
                             institution=extra[(i + 2) % len(extra)],
                             level_code=LEVELS[(i * 5) % len(LEVELS)].code,
                             classroom=("10", "3", "2")[i % 3]))
        s.flush()
        for c in children[110:125]:  # enrolments deleted: the child shows the one before, or none
            for e in c.enrollments:
                e.deleted_at = utcnow()
        for c in children[125:130]:
            c.deleted_at = utcnow()
        # a renamed institution: its children sort by the new name
        extra[3].name = "อบต.ตัวอย่าง"
        # households written through the ORM: new ones, and one whose address changed
        s.add_all([Household(origin_office_id=office_id, house_no=h, village_no=v, subdistrict=d)
                   for h, v, d in (("10", "2", "ในเมือง"), ("9", "10", "ในเมือง"),
                                   ("9/1", "", "โพธิ์กลาง"), ("", "", ""))])
        first = s.scalars(select(Household).order_by(Household.id)).first()
        assert first is not None
        first.house_no, first.subdistrict = "1/10", "เมืองใหม่"
    yield database
    database.dispose()


# ---------------------------------------------------------------- children
@dataclass(frozen=True)
class Ref:
    id: int
    first: str
    last: str
    sex: str
    birth: date
    ident: str
    institution: str
    level: str
    room: str

    def names(self) -> tuple[str, str, int]:
        return (thai_sort_key(self.first), thai_sort_key(self.last), self.id)


def reference_rows(db: Database, flt: ChildFilter) -> list[Ref]:
    """The list's rows read plainly: every child, its shown enrolment picked in Python."""
    with db.reader() as s:
        year_id = s.scalar(select(AcademicYear.id).where(AcademicYear.year_be == flt.year_be)) \
            if flt.year_be is not None else None
        rows = []
        for c in s.scalars(select(Child)):
            if (c.deleted_at is not None) != flt.deleted:
                continue
            live = [e for e in c.enrollments if e.deleted_at is None
                    and (flt.year_be is None or e.academic_year_id == year_id)
                    and (flt.institution_id is None or e.institution_id == flt.institution_id)]
            if (flt.year_be is not None or flt.institution_id is not None) and not live:
                continue
            if flt.level_code and not any(e.level_code == flt.level_code for e in live):
                continue
            shown = max(live, key=lambda e: (e.academic_year.year_be, e.id), default=None)
            rows.append(Ref(
                c.id, c.first_name, c.last_name, c.sex, c.birth_date,
                c.national_id or c.g_code or "",
                shown.institution.name if shown else "",
                shown.level_code if shown else "",
                shown.classroom if shown else "",
            ))
    return rows


def _level(code: str) -> tuple[int, str]:
    return (-1, "") if not code else (LEVEL_ORDER.get(code, len(LEVELS)), code)


CHILD_KEYS = {
    ChildSort.NAME: lambda r: r.names(),
    ChildSort.LAST_NAME: lambda r: (thai_sort_key(r.last), thai_sort_key(r.first), r.id),
    ChildSort.BIRTH_DATE: lambda r: (r.birth, r.id),
    ChildSort.AGE: lambda r: (-r.birth.toordinal(), -r.id),  # youngest first
    ChildSort.IDENT: lambda r: (r.ident, r.id),
    ChildSort.SEX: lambda r: (r.sex, *r.names()),
    ChildSort.INSTITUTION: lambda r: (natural_sort_key(r.institution), *r.names()),
    ChildSort.LEVEL: lambda r: (_level(r.level), natural_sort_key(r.room), *r.names()),
    ChildSort.CLASSROOM: lambda r: (_level(r.level), natural_sort_key(r.room), *r.names()),
}


def test_every_child_sort_has_a_reference() -> None:
    assert set(CHILD_KEYS) == set(ChildSort)


def _filters(db: Database) -> list[tuple[str, ChildFilter]]:
    with db.reader() as s:
        inst = s.scalar(select(Institution.id).where(Institution.code == "X0"))
        demo_inst = s.scalar(select(Institution.id).where(Institution.kind == "school")
                             .order_by(Institution.id))
    return [
        ("all", ChildFilter()),
        ("year 2568", ChildFilter(year_be=2568)),
        ("year 2569", ChildFilter(year_be=2569)),
        ("institution", ChildFilter(institution_id=inst)),
        ("demo institution", ChildFilter(institution_id=demo_inst)),
        ("year+institution", ChildFilter(year_be=2568, institution_id=demo_inst)),
        ("level p1", ChildFilter(level_code="p1")),
        ("deleted", ChildFilter(deleted=True)),
        ("year with no row", ChildFilter(year_be=2500)),
    ]


@pytest.mark.parametrize("broad", [False, True])
@pytest.mark.parametrize("sort", list(ChildSort))
def test_children_list_sorts_like_python(sort_db: Database, sort: ChildSort, broad: bool,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """``broad``: a year's filter counted as keeping many children, so a page walks its
    sort's index probing each child's enrolments (a big registry's path) instead of
    gathering the enrolled children first."""
    from desktop.services import children_query

    if broad:
        monkeypatch.setattr(children_query, "BROAD", 1)
    for label, flt in _filters(sort_db):
        expected = [r.id for r in sorted(reference_rows(sort_db, flt), key=CHILD_KEYS[sort])]
        with sort_db.reader() as s:
            assert count_children(s, flt) == len(expected), label
            for descending in (False, True):
                # paged, as the list reads it: pages of 37 rows
                got: list[int] = []
                while True:
                    page = page_children(s, flt, offset=len(got), limit=37, sort=sort,
                                         descending=descending)
                    got += [r.id for r in page]
                    if len(page) < 37:
                        break
                want = list(reversed(expected)) if descending else expected
                assert got == want, f"{sort} {'desc' if descending else 'asc'}, filter {label}"


def test_children_rows_show_their_enrolment(sort_db: Database) -> None:
    """What a row shows is what it sorts by."""
    for _label, flt in _filters(sort_db):
        ref = {r.id: r for r in reference_rows(sort_db, flt)}
        with sort_db.reader() as s:
            rows = page_children(s, flt, offset=0, limit=10_000, sort=ChildSort.INSTITUTION)
        assert {r.id: (r.institution, r.level_code, r.classroom) for r in rows} == {
            i: (r.institution, r.level, r.room) for i, r in ref.items()}


@pytest.mark.parametrize("filtered", ["", "year", "year+institution", "year+level"])
def test_children_search_keeps_the_sort(sort_db: Database, filtered: str,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """A search (the trigram index's path, sorted by name through a narrow index, or by
    the rows for other sorts) gives the same rows in the same order as the plain sort."""
    from desktop.services import children_query

    monkeypatch.setattr(children_query, "BROAD", 1)
    with sort_db.reader() as s:
        sample = s.scalars(select(Child).where(Child.deleted_at.is_(None))).first()
        assert sample is not None
        terms = [sample.last_name[:3], sample.first_name, f"{sample.first_name} {sample.last_name}"]
        demo_inst = s.scalar(select(Institution.id).where(Institution.kind == "school")
                             .order_by(Institution.id))
    base = {"": ChildFilter(), "year": ChildFilter(year_be=2568),
            "year+institution": ChildFilter(year_be=2568, institution_id=demo_inst),
            "year+level": ChildFilter(year_be=2568, level_code="p1")}[filtered]
    found = 0
    for term in terms:
        flt = replace(base, search=term)
        parts = term.split(" ")
        ref = [r for r in reference_rows(sort_db, base)
               if all(p in f"{r.first} {r.last}" or p in r.ident for p in parts)]
        found += len(ref)
        with sort_db.reader() as s:  # a broad filter's count probes each match's enrolments
            assert count_children(s, flt) == len(ref), (term, filtered)
        for sort in ChildSort:
            expected = [r.id for r in sorted(ref, key=CHILD_KEYS[sort])]
            for descending in (False, True):
                with sort_db.reader() as s:
                    got = [r.id for r in page_children(s, flt, offset=0, limit=10_000, sort=sort,
                                                       descending=descending)]
                    second = [r.id for r in page_children(s, flt, offset=2, limit=3, sort=sort,
                                                          descending=descending)]
                want = list(reversed(expected)) if descending else expected
                assert got == want, (term, sort, descending)
                assert second == want[2:5], (term, sort, descending)
    assert found or filtered, "the search found nothing to sort"


# ---------------------------------------------------------------- households
def test_households_list_sorts_like_python(sort_db: Database) -> None:
    from desktop.services.households import HouseholdSort, count_households, page_households

    with sort_db.reader() as s:
        ref = []
        for h in s.scalars(select(Household).where(Household.deleted_at.is_(None))):
            kids = s.scalars(select(Child).where(Child.household_id == h.id,
                                                 Child.deleted_at.is_(None))).all()
            adults = s.scalars(select(Guardian).where(Guardian.household_id == h.id,
                                                      Guardian.deleted_at.is_(None))).all()
            ref.append((h, len(kids), len(adults)))
        total = count_households(s, "")
    assert total == len(ref)

    def place(h: Household) -> tuple[Any, ...]:
        # Thai dictionary order, numbers by value ("12/3" after "12", "9" before "10")
        return (natural_sort_key(h.subdistrict), natural_sort_key(h.village_no),
                natural_sort_key(h.house_no))

    keys = {
        HouseholdSort.ADDRESS: lambda t: (place(t[0]), t[0].id),
        HouseholdSort.SUBDISTRICT: lambda t: (place(t[0]), t[0].id),
        HouseholdSort.HOUSE_NO: lambda t: (natural_sort_key(t[0].house_no),
                                           natural_sort_key(t[0].subdistrict),
                                           natural_sort_key(t[0].village_no), t[0].id),
        HouseholdSort.VILLAGE_NO: lambda t: (natural_sort_key(t[0].village_no),
                                             natural_sort_key(t[0].subdistrict),
                                             natural_sort_key(t[0].house_no), t[0].id),
        HouseholdSort.CHILDREN: lambda t: (t[1], place(t[0]), t[0].id),
        HouseholdSort.GUARDIANS: lambda t: (t[2], place(t[0]), t[0].id),
    }
    assert set(keys) == set(HouseholdSort)
    for sort, key in keys.items():
        expected = [t[0].id for t in sorted(ref, key=key)]
        for descending in (False, True):
            with sort_db.reader() as s:
                got: list[int] = []
                while True:
                    page = page_households(s, "", offset=len(got), limit=41, sort=sort,
                                           descending=descending)
                    got += [r.id for r in page]
                    if len(page) < 41:
                        break
            assert got == (list(reversed(expected)) if descending else expected), \
                f"{sort} {'desc' if descending else 'asc'}"


# ---------------------------------------------------------------- institutions
def test_institutions_list_in_thai_order(sort_db: Database) -> None:
    """The service's order: kind, then name (dictionary order, numbers by value), then id."""
    from desktop.services.institutions import list_institutions

    with sort_db.reader() as s:
        rows = list_institutions(s)
        ref = s.scalars(select(Institution).where(Institution.deleted_at.is_(None))).all()
    expected = [i.id for i in sorted(ref, key=lambda i: (i.kind, natural_sort_key(i.name), i.id))]
    assert [r.id for r in rows] == expected


def test_import_history_newest_first(sort_db: Database) -> None:
    from desktop.services.imports import list_batches

    with sort_db.session() as s:
        now = datetime(2026, 11, 1, 9, 0)
        for i in range(5):
            s.add(ImportBatch(file_name=f"f{i}.xlsx", at=now - timedelta(days=(i * 3) % 5),
                              row_count=i))
    with sort_db.reader() as s:
        got = [b.file_name for b in list_batches(s, limit=100)]
        ids = {b.file_name: b.id for b in s.scalars(select(ImportBatch))}
    # the service lists by id, newest first: the order they were made
    assert got == sorted(ids, key=lambda n: -ids[n])


def test_search_without_the_narrow_index_gives_the_same_page(demo_db: Database) -> None:
    """A file migrated by an early build of 0005 has neither child_name_order (0006) nor
    ix_child_live_id_names: the search reads the rows instead, with the same result."""
    from sqlalchemy import text

    from desktop.services import children_query

    with demo_db.reader() as s:
        term = s.scalars(select(Child.last_name)).first()[:3]  # type: ignore[index]
        flt = ChildFilter(search=term)
        fast = [r.id for r in page_children(s, flt, offset=1, limit=50)]
    with demo_db.engine.begin() as conn:
        for trigger in ("child_name_order_ai", "child_name_order_ad", "child_name_order_au"):
            conn.execute(text(f"DROP TRIGGER {trigger}"))
        conn.execute(text("DROP TABLE child_name_order"))
    children_query._SEARCH_ORDER_SEEN.clear()
    with demo_db.reader() as s:
        assert [r.id for r in page_children(s, flt, offset=1, limit=50)] == fast
    assert fast


def test_a_child_restored_after_a_bulk_undo_sorts_as_it_shows(demo_db: Database) -> None:
    """An undone import deletes children and their enrolments in bulk (Core, no ORM
    events); a child then restored from the bin has no enrolment and sorts so."""
    from sqlalchemy import update

    with demo_db.session() as s:
        child = s.scalars(select(Child).join(Enrollment).order_by(Child.id)).first()
        assert child is not None and child.enrol_institution_key
        now = utcnow()
        s.execute(update(Enrollment).where(Enrollment.child_id == child.id).values(deleted_at=now))
        s.execute(update(Child).where(Child.id == child.id).values(deleted_at=now))
        child_id = child.id
    with demo_db.session() as s:
        restored = s.get(Child, child_id)
        assert restored is not None
        restored.deleted_at = None
    with demo_db.reader() as s:
        assert s.get(Child, child_id).enrol_institution_key == ""  # type: ignore[union-attr]
    ref = reference_rows(demo_db, ChildFilter())
    with demo_db.reader() as s:
        got = [r.id for r in page_children(s, ChildFilter(), offset=0, limit=1000,
                                           sort=ChildSort.INSTITUTION)]
    assert got == [r.id for r in sorted(ref, key=CHILD_KEYS[ChildSort.INSTITUTION])]
