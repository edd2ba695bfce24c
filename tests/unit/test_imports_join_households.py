"""An imported row whose address is exactly a registry household's (no house code) joins
that household, as a sibling typed in the child form does; the plan says how many rows
join; undoing the import leaves the existing household alone."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select

from desktop.domain.address import ADDRESS_FIELDS
from desktop.domain.identity import make_national_id
from desktop.services import imports
from desktop.store.db import Database
from desktop.store.models import Child, Household, ImportBatch

TODAY = date(2026, 11, 24)
NID = [make_national_id(f"1103702099{i:02d}") for i in range(20)]
HEADERS = ["ชื่อ", "นามสกุล", "เพศ", "วันเกิด", "เลขประจำตัวประชาชน", "บ้านเลขที่", "หมู่ที่",
           "หมู่บ้าน", "ซอย", "ถนน", "ตำบล", "อำเภอ", "จังหวัด", "รหัสไปรษณีย์"]
LAST = ["ทดสอบหนึ่ง", "ทดสอบสอง", "ทดสอบสาม", "ทดสอบสี่"]
ADDRESS_HEADERS = ("house_no", "village_no", "village_name", "soi", "road", "subdistrict",
                   "district", "province", "postcode")


class Sheet:
    def __init__(self, rows: list[list[str]]) -> None:
        self.headers = list(HEADERS)
        self.rows = rows
        self.file_name, self.sheet = "พี่น้อง.xlsx", "รายชื่อ"

    @property
    def row_numbers(self) -> list[int]:
        return list(range(2, 2 + len(self.rows)))


def plan_of(db: Database, sh: Sheet) -> imports.ImportPlan:
    with db.reader() as s:
        mapping = imports.suggest_mapping(s, sh.headers)
        return imports.plan_import(s, sh, mapping, today=TODAY)


def live_households(db: Database) -> int:
    with db.reader() as s:
        return int(s.scalar(select(func.count()).select_from(Household)
                            .where(Household.deleted_at.is_(None))) or 0)


def demo_households(db: Database, n: int) -> list[Household]:
    """``n`` demo households with a child, each a whole address (house number and place)."""
    with db.reader() as s:
        found = list(s.scalars(
            select(Household).where(Household.deleted_at.is_(None), Household.house_no != "",
                                    Household.subdistrict != "", Household.house_code == "",
                                    Household.id.in_(select(Child.household_id)))
            .order_by(Household.id).limit(n)))
        for h in found:
            s.expunge(h)
        return found


def address_cells(h: Household, **changes: str) -> list[str]:
    values = {name: getattr(h, name) or "" for name in ADDRESS_FIELDS}
    values.update(changes)
    return [values[name] for name in ADDRESS_HEADERS]


def sibling(i: int, h: Household, **changes: str) -> list[str]:
    return ["น้องใหม่", LAST[i], "หญิง", "15/08/2564", NID[i], *address_cells(h, **changes)]


def test_a_sibling_with_the_exact_address_joins_the_household_and_undo_leaves_it(demo_db: Database) -> None:
    first, second = demo_households(demo_db, 2)
    before = live_households(demo_db)
    sh = Sheet([
        sibling(0, first),
        sibling(1, first),  # two rows of the file, the same registry household
        # the same address spelt as clerks do (หมู่ 4, ต.…): the same one, as the form says
        sibling(2, second, village_no=f"หมู่ {second.village_no}", subdistrict=f"ต.{second.subdistrict}"),
        sibling(3, first, house_no=first.house_no + "/99"),  # another house: a new household
    ])
    plan = plan_of(demo_db, sh)
    assert plan.valid_count == 4
    notices = [p for p in plan.file_problems if p.row == 0 and p.severity == "warning"]
    assert any("3 แถว" in p.message and "ครัวเรือน" in p.message for p in notices), notices
    with demo_db.session() as s:
        batch = imports.commit_import(s, plan, actor="clerk")
    assert live_households(demo_db) == before + 1  # only the other house is new
    with demo_db.reader() as s:
        homes = dict(s.execute(select(Child.last_name, Child.household_id)
                               .where(Child.first_name == "น้องใหม่")).tuples().all())
        assert homes[LAST[0]] == homes[LAST[1]] == first.id
        assert homes[LAST[2]] == second.id
        assert homes[LAST[3]] not in (first.id, second.id)
        versions = dict(s.execute(select(Household.id, Household.version)
                                  .where(Household.id.in_([first.id, second.id]))).tuples().all())
        assert versions == {first.id: first.version, second.id: second.version}  # untouched
        b = s.scalars(select(ImportBatch)).one()
        assert '"joined_households": 2' in b.detail and '"household": 1' in b.detail
    with demo_db.session() as s:
        assert imports.undo_batch(s, batch.uuid) == 4
    assert live_households(demo_db) == before  # the batch's own household only is gone
    with demo_db.reader() as s:
        kept = s.scalars(select(Household).where(Household.id.in_([first.id, second.id]))).all()
        assert [(h.deleted_at, h.version) for h in kept] == [(None, first.version), (None, second.version)]


def test_a_row_with_a_house_code_is_joined_by_the_code_not_the_address(demo_db: Database) -> None:
    [home] = demo_households(demo_db, 1)
    sh = Sheet([sibling(0, home)])
    sh.headers.append("รหัสประจำบ้าน")
    sh.rows[0].append("30010009999")  # a house code the registry does not know: its own household
    before = live_households(demo_db)
    plan = plan_of(demo_db, sh)
    assert not [p for p in plan.file_problems if "ครัวเรือน" in p.message]
    with demo_db.session() as s:
        imports.commit_import(s, plan, actor="clerk")
    assert live_households(demo_db) == before + 1


def test_the_bulk_lookup_gives_what_the_form_gives_each_address(demo_db: Database) -> None:
    from desktop.domain.address import Address
    from desktop.domain.households import address_key
    from desktop.services.household_edit import household_at
    from desktop.services.imports.joins import households_at

    with demo_db.reader() as s:
        homes = s.scalars(select(Household).where(Household.deleted_at.is_(None))).all()
        addresses = []
        for h in homes:
            a = Address(**{name: getattr(h, name) or "" for name in ADDRESS_FIELDS})
            addresses.append(a)
            # as clerks type them: prefixes, Thai digits, another house on the same road
            addresses.append(Address(**{**a.__dict__, "village_no": f"ม.{a.village_no}",
                                        "subdistrict": f"ตำบล {a.subdistrict}",
                                        "house_no": a.house_no.translate(str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙"))}))
            addresses.append(Address(**{**a.__dict__, "house_no": a.house_no + "1"}))
            addresses.append(Address(**{**a.__dict__, "road": a.road + "ใหม่"}))
        addresses.append(Address(house_no="1"))  # no place: never matched
        expected = {}
        for a in addresses:
            h = household_at(s, a)
            if h is not None:
                expected[address_key(a)] = h.id
        got = households_at(s, addresses)
    assert got == expected
    assert len(got) >= len(homes) // 2


def test_the_guardian_retyped_on_a_joining_row_is_the_one_in_the_household(demo_db: Database) -> None:
    from desktop.store.models import ChildGuardian, Guardian

    with demo_db.reader() as s:
        mother = s.scalars(select(Guardian).where(
            Guardian.deleted_at.is_(None), Guardian.household_id.in_(
                select(Household.id).where(Household.house_no != "", Household.subdistrict != "",
                                           Household.house_code == ""))).order_by(Guardian.id)).first()
        assert mother is not None
        home = s.get(Household, mother.household_id)
        s.expunge_all()
    sh = Sheet([[*sibling(0, home), mother.first_name, mother.last_name, "แม่"]])
    sh.headers += ["ชื่อผู้ปกครอง", "นามสกุลผู้ปกครอง", "ความเกี่ยวข้องกับเด็ก"]
    with demo_db.reader() as s:
        guardians_before = s.scalar(select(func.count()).select_from(Guardian))
    plan = plan_of(demo_db, sh)
    assert plan.valid_count == 1
    with demo_db.session() as s:
        batch = imports.commit_import(s, plan, actor="clerk")
    with demo_db.reader() as s:
        assert s.scalar(select(func.count()).select_from(Guardian)) == guardians_before
        kid = s.scalars(select(Child).where(Child.last_name == LAST[0])).one()
        assert kid.household_id == home.id
        assert [link.guardian_id for link in kid.guardian_links] == [mother.id]
    with demo_db.session() as s:
        imports.undo_batch(s, batch.uuid)
    with demo_db.reader() as s:
        assert s.get(Guardian, mother.id).deleted_at is None  # type: ignore[union-attr]
        assert s.scalar(select(func.count()).select_from(ChildGuardian)
                        .where(ChildGuardian.guardian_id == mother.id,
                               ChildGuardian.deleted_at.is_(None))) >= 1
