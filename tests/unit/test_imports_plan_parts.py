"""The plan's shortcuts give exactly what the domain's rules give (they exist for speed: a
50k-row file, tests/bench/bench_import.py):

- an address is cleaned, keyed and checked one field value at a time, the part after the
  house number once per place: the same address, ``address_key`` and ``address_problems``
  as the domain's functions on the whole address;
- the child is built from normalised values, so ``validate_child`` is told not to
  normalise again: ``normalise_child`` leaves every planned child as it is; its field
  rules are memoised by value for the plan (``MemoRules``): the same problems;
- ``name_key`` is memoised by halves; the check digit sums character codes;
- on SQLite the registry's children, households and guardians with the file's IDs and
  house codes are read in one statement each (a JSON array of the values): the same
  problems and joins as the chunked ``IN (...)`` queries PostgreSQL keeps.
"""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select, text
from test_imports import Sheet, plan_of, sheet

from desktop.domain.address import ADDRESS_FIELDS, address_problems
from desktop.domain.child import normalise_child, validate_child
from desktop.domain.identity import make_national_id, national_id_check_digit
from desktop.domain.people import name_key
from desktop.services import children as svc
from desktop.services.imports import duplicates
from desktop.services.imports.addresses import address_key
from desktop.services.imports.cells import MemoRules
from desktop.services.imports.model import ERROR, ImportPlan
from desktop.store.db import Database
from desktop.store.models import Child, Guardian, Household

TODAY = date(2026, 11, 24)
NID = [make_national_id(f"1103702099{i:02d}") for i in range(40)]
HEADERS = ["คำนำหน้า", "ชื่อ", "นามสกุล", "ชื่อ (อังกฤษ)", "เพศ", "วันเกิด", "เลขประจำตัวประชาชน",
           "รหัส G", "รหัสประจำบ้าน", "บ้านเลขที่", "หมู่ที่", "หมู่บ้าน", "ซอย", "ถนน", "ตำบล", "อำเภอ",
           "จังหวัด", "รหัสไปรษณีย์", "ชื่อผู้ปกครอง", "นามสกุลผู้ปกครอง",
           "เลขประจำตัวประชาชนผู้ปกครอง", "ความเกี่ยวข้องกับเด็ก", "โทรศัพท์ผู้ปกครอง"]
PLACE = ["4", "บ้านใหม่", "สุขใจ", "มิตรภาพ", "ในเมือง", "เมืองนครราชสีมา", "นครราชสีมา", "30000"]


def row(first: str, nid: str = "", *, house: str = "", place: list[str] | None = None,
        prefix: str = "ด.ญ.", last: str = "ทองดี", birth: str = "15/08/2562", g_code: str = "",
        code: str = "", en: str = "", guardian: tuple[str, ...] = ()) -> list[str]:
    return [prefix, first, last, en, "", birth, nid, g_code, code, house,
            *(PLACE if place is None else place), *(guardian or ("", "", "", "", ""))]


def messy_sheet() -> Sheet:
    """Rows as clerks type them: spaces, Thai digits, dashes, zero-width characters, a
    prefix in the name, bad postcodes and marks, houses of one place and of others."""
    thai_digits = ["หมู่ ๔", " บ้าน ใหม่ ", "ซ. สุข  ใจ", "ถ.มิตรภาพ", "ต.ในเมือง", "อ.เมืองนครราชสีมา",
                   "จ.นครราชสีมา", "๓๐ ๐๐๐"]
    bad = ["4", "\u0e48บ้านใหม่", "", "ถนน" * 60, "ในเมือง", "เมืองนครราชสีมา", "นครราชสีมา", "99999"]
    return sheet(
        HEADERS,
        row("มานี", NID[0], house="12/3", guardian=("มาลี", "ทองดี", NID[30], "แม่", "081-234-5678")),
        row("มานะ", NID[1], house="12/4", prefix="ด.ช."),  # another house of the same place
        row("ปิติ", "1-1037-02099-02-" + NID[2][-1], house="๑๒/๓", place=thai_digits, prefix=""),
        row("ชู\u200bใจ", f" {NID[3]} ", house="7", place=bad),
        row("ด.ช.ภูผา", NID[4], house="", prefix=""),  # a place without a house number
        row("วีระ", NID[5], place=[""] * len(PLACE), prefix="ด.ช."),  # no address at all
        row("ดวงดี", "", g_code="g 1234 5678 9012", house="9", en=" Duangdee ",
            guardian=("สมศรี", "ใจงาม", "", "ยาย", "")),
        row("ก้อง", NID[6][:-1] + str((int(NID[6][-1]) + 1) % 10), house="9", prefix="ด.ช."),  # check digit
        row("มะลิ", NID[7], house="10", birth="31/02/2563", place=bad),
        row("สมใจ", NID[8], house="11", code="30010009999"),
    )


def address_errors(plan: ImportPlan, number: int) -> list[str]:
    [planned] = [r for r in plan.rows if r.row == number]
    return [p.message for p in planned.problems if p.field in ADDRESS_FIELDS and p.severity == ERROR]


def test_each_address_is_the_domains_address_key_and_problems(office_db: Database) -> None:
    plan = plan_of(office_db, messy_sheet())
    assert len(plan.rows) == 10
    checked = 0
    for r in plan.rows:
        assert r.parsed is not None
        a = r.parsed.address
        assert address_errors(plan, r.row) == [p.message for p in address_problems(a, required=False)]
        if r.parsed.household_key is not None and r.parsed.household_key[0] == "address":
            assert r.parsed.household_key == ("address", *address_key(a))
            checked += 1
    assert checked >= 5
    rows = {r.row: r for r in plan.rows}
    # the shortcuts saw real work: a cleaned address, a bad postcode and mark, a long road
    assert rows[4].parsed is not None and rows[4].parsed.address.postcode == "30000"
    assert rows[4].parsed.address.house_no == "12/3" and rows[4].parsed.address.village_no == "หมู่ 4"
    assert len(address_errors(plan, 5)) == 3
    assert address_errors(plan, 5) == address_errors(plan, 10)
    # the same place as row 2 with another spelling: one household key
    assert rows[2].parsed is not None and rows[4].parsed.household_key == rows[2].parsed.household_key


def test_every_planned_child_is_already_normalised(office_db: Database) -> None:
    plan = plan_of(office_db, messy_sheet())
    rules = MemoRules()  # the plan's memoised field rules, shared by every row as in a plan
    for r in [*plan.rows, *plan.rows]:
        assert r.parsed is not None
        child = r.parsed.child
        assert normalise_child(child) == child, r.row
        assert (validate_child(child, today=TODAY, normalised=True, rules=rules)
                == validate_child(child, today=TODAY)), r.row
    kids = {r.row: r.parsed.child for r in plan.rows if r.parsed is not None}
    assert kids[4].national_id == NID[2] and kids[5].first_name == "ชูใจ"
    assert kids[8].g_code == "G123456789012" and kids[8].first_name_en == "Duangdee"
    assert (kids[6].prefix, kids[6].first_name) == ("เด็กชาย", "ภูผา")


def registry_sheet(db: Database) -> Sheet:
    """Rows that meet the registry every way: a live child's ID, a binned child's ID, a
    G-code, a household's house code with another address, a guardian's ID."""
    with db.session() as s:
        live, binned, coded = s.scalars(select(Child).where(
            Child.national_id.is_not(None)).order_by(Child.id).limit(3)).all()
        s.execute(text("UPDATE child SET id_type = 'g_code', national_id = NULL, "
                       "g_code = 'G000011112222' WHERE id = :i"), {"i": coded.id})
        home = s.scalars(select(Household).order_by(Household.id).limit(1)).one()
        s.execute(text("UPDATE household SET house_code = '30010001234' WHERE id = :i"), {"i": home.id})
        mother = s.scalars(select(Guardian).where(Guardian.national_id.is_not(None))
                           .order_by(Guardian.id).limit(1)).one()
        live_nid, binned_nid, binned_uuid = live.national_id, binned.national_id, binned.uuid
        mother_nid = mother.national_id
    with db.session() as s:
        svc.delete_child(s, binned_uuid)
    assert live_nid and binned_nid and mother_nid
    return sheet(
        HEADERS,
        row("หนึ่ง", live_nid, house="1"),
        row("สอง", binned_nid, house="2"),
        row("สาม", "", g_code="G000011112222", house="3"),
        row("สี่", NID[10], house="99", code="30010001234"),
        row("ห้า", NID[11], house="5", guardian=("มาลี", "ทองดี", mother_nid, "แม่", "")),
        row("หก", NID[12], house="6", code="30010001234"),
    )


def test_the_registry_read_in_one_statement_gives_what_the_chunks_give(
        demo_db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    sh = registry_sheet(demo_db)
    fast = plan_of(demo_db, sh)
    monkeypatch.setattr(duplicates, "on_sqlite", lambda _session: False)  # PostgreSQL's way
    chunked = plan_of(demo_db, sh)

    def problems(plan: ImportPlan) -> list[tuple[int, str, str, str]]:
        return [(p.row, p.column, p.severity, p.message) for p in plan.problems()]

    assert problems(fast) == problems(chunked)
    assert (fast.db_households, fast.db_guardians) == (chunked.db_households, chunked.db_guardians)
    got = {(p[0], p[2]): p[3] for p in problems(fast)}
    assert got[(2, ERROR)].startswith("มีอยู่แล้วในทะเบียน")  # the live child's ID
    assert "ถังขยะ" in got[(3, "warning")]  # the binned child's ID
    assert got[(4, ERROR)].startswith("มีอยู่แล้วในทะเบียน")  # the G-code
    assert "ครัวเรือนในทะเบียนอยู่แล้ว" in got[(5, "warning")]  # house code, another address
    assert list(fast.db_households) == ["30010001234"] and len(fast.db_guardians) == 1


@pytest.mark.parametrize(("first", "last"), [
    ("สมชาย", "ใจดี"), (" ณัฐ\u200bวุฒิ ", "ศรี-สุข"), ("ก้อง", "ภพ่"), ("Mary Ann", "O'Neil"),
    ("ด.ช.ภูผา", "ใจ งาม"), ("", "ทองดี"), ("ΣΟΦΙΑ", "ΟΔΥΣΣΕΑΣ"), ("Straße", "ǅemal"),
])
def test_a_name_key_is_its_two_parts_joined(first: str, last: str) -> None:
    """The plan memoises each half of name_key (duplicates in the file, guardians' keys)."""
    assert duplicates.name_part(first) + duplicates.name_part(last) == name_key(first, last)


def test_the_check_digit_is_the_weighted_sum_of_the_digits() -> None:
    """national_id_check_digit sums character codes (faster than int() per digit): the
    same as the definition, (11 - sum(d_i * (14 - i)) mod 11) mod 10, for many numbers."""
    for n in range(0, 10**12, 7_919_000_003):
        first12 = f"{n:012d}"
        total = sum(int(d) * (13 - i) for i, d in enumerate(first12))
        assert national_id_check_digit(first12) == (11 - total % 11) % 10, first12
    with pytest.raises(ValueError):
        national_id_check_digit("๑" * 12)
