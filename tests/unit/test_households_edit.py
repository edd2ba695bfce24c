"""Households: a sibling joins the existing household, search by house number, village
and member name, edit an address, merge two households (preview, undo, refusals)."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import func, select

from desktop.domain.address import Address
from desktop.domain.child import ChildInput
from desktop.domain.errors import ValidationFailed
from desktop.domain.households import address_key, village_number
from desktop.domain.identity import IdType
from desktop.domain.people import Sex
from desktop.services import children as svc
from desktop.services import household_edit as he
from desktop.store.db import Database
from desktop.store.models import AuditEntry, Child, Guardian, Household

TODAY = date(2026, 11, 24)
HOME = Address(house_no="12/3", village_no="4", village_name="บ้านโนนสูง", subdistrict="บ้านใหม่",
               district="เมืองนครราชสีมา", province="นครราชสีมา", postcode="30000")


def child(first: str, address: Address = HOME, **changes: object) -> svc.ChildForm:
    inp = ChildInput(prefix="เด็กหญิง", first_name=first, last_name="ศรีสุข", sex=Sex.FEMALE,
                     birth_date=date(2021, 8, 15), id_type=IdType.NONE,
                     no_id_reason="ยังไม่ได้แจ้งเกิด", address=address)
    return svc.ChildForm(child=inp, **changes)  # type: ignore[arg-type]


def save(db: Database, form: svc.ChildForm) -> str:
    with db.session() as s:
        return svc.save_child(s, form, today=TODAY)


def household_of(db: Database, child_uuid: str) -> Household | None:
    with db.reader() as s:
        hid = s.scalars(select(Child.household_id).where(Child.uuid == child_uuid)).one()
        return s.get(Household, hid) if hid else None


def live_households(db: Database) -> int:
    with db.reader() as s:
        return int(s.scalar(select(func.count()).select_from(Household)
                            .where(Household.deleted_at.is_(None))) or 0)


# ---- the same address is one household
def test_village_number_forms() -> None:
    for typed in ("4", "04", "หมู่ 4", "หมู่4", "หมู่ที่ 4", "ม.4", "ม. 4", "๔", "หมู่ที่ ๐๔"):
        assert village_number(typed) == "4", typed
    assert village_number("บ้านโนนสูง") == "บ้านโนนสูง"
    assert village_number("") == ""


def test_address_key_ignores_prefixes_digits_and_spacing() -> None:
    typed = Address(house_no="๑๒/๓", village_no="หมู่ที่ 4", village_name="บ้านโนนสูง",
                    subdistrict="ต.บ้านใหม่", district="อำเภอเมืองนครราชสีมา",
                    province="จังหวัดนครราชสีมา", postcode="๓๐๐๐๐")
    assert address_key(typed) == address_key(HOME)
    assert address_key(replace(HOME, house_no="12/4")) != address_key(HOME)
    assert address_key(replace(HOME, village_no="5")) != address_key(HOME)


def test_sibling_with_the_same_address_joins_the_household(office_db: Database) -> None:
    first = save(office_db, child("ปภาวรินทร์"))
    assert live_households(office_db) == 1
    # typed again by another clerk, with prefixes and Thai digits: the same house
    again = Address(house_no="๑๒/๓", village_no="ม.4", village_name="บ้านโนนสูง",
                    subdistrict="ต.บ้านใหม่", district="อ.เมืองนครราชสีมา",
                    province="นครราชสีมา", postcode="30000")
    second = save(office_db, child("ปวีณา", again))
    assert live_households(office_db) == 1
    h1, h2 = household_of(office_db, first), household_of(office_db, second)
    assert h1 is not None and h2 is not None and h1.id == h2.id
    # the household keeps its address as first written
    assert (h2.village_no, h2.subdistrict) == ("4", "บ้านใหม่")


def test_a_different_house_or_no_house_number_is_a_new_household(office_db: Database) -> None:
    save(office_db, child("ปภาวรินทร์"))
    save(office_db, child("ปวีณา", replace(HOME, house_no="12/4")))
    assert live_households(office_db) == 2
    # no house number: an address that does not identify one house joins nothing
    bare = Address(subdistrict="บ้านใหม่", district="เมืองนครราชสีมา", province="นครราชสีมา")
    save(office_db, child("พิมพ์ชนก", bare))
    save(office_db, child("พิมพ์ลดา", bare))
    assert live_households(office_db) == 4


def test_a_deleted_household_is_not_joined(office_db: Database) -> None:
    first = save(office_db, child("ปภาวรินทร์"))
    with office_db.session() as s:
        h = s.scalars(select(Household)).one()
        h.deleted_at = h.created_at
    second = save(office_db, child("ปวีณา"))
    h2 = household_of(office_db, second)
    assert h2 is not None and h2.deleted_at is None
    assert household_of(office_db, first).id != h2.id  # type: ignore[union-attr]


# ---- search
@pytest.fixture
def village(office_db: Database) -> dict[str, str]:
    """Four households: 12/3 ม.4 (ปภาวรินทร์, guardian มาลี), 12 ม.4, 120 ม.4, 12 ม.5."""
    uuids = {}
    g = svc.GuardianForm(prefix="นาง", first_name="มาลี", last_name="ทองดี", relation="แม่")
    uuids["12/3"] = save(office_db, child("ปภาวรินทร์", guardians=[g]))
    uuids["12"] = save(office_db, child("ปวีณา", replace(HOME, house_no="12")))
    uuids["120"] = save(office_db, child("พิมพ์ชนก", replace(HOME, house_no="120")))
    uuids["12 m5"] = save(office_db, child("พิมพ์ลดา", replace(HOME, house_no="12", village_no="5")))
    with office_db.reader() as s:
        return {k: s.scalars(select(Household.uuid).join(Child).where(Child.uuid == v)).one()
                for k, v in uuids.items()}


def found(db: Database, **query: str) -> list[str]:
    with db.reader() as s:
        return [c.uuid for c in he.find_households(s, he.HouseholdQuery(**query))]


def test_find_by_house_number_exact_first(office_db: Database, village: dict[str, str]) -> None:
    assert found(office_db, house_no="12") == [village["12"], village["12 m5"], village["12/3"]]
    assert found(office_db, house_no="๑๒/๓") == [village["12/3"]]
    assert found(office_db, house_no="บ้านเลขที่ 120") == [village["120"]]
    assert found(office_db, house_no="99") == []
    assert found(office_db) == []  # nothing asked: nothing listed


@pytest.mark.parametrize("typed", ["หมู่ 5", "ม.5", "5", "๕", "หมู่ที่ 05"])
def test_find_by_village_in_any_spelling(office_db: Database, village: dict[str, str], typed: str) -> None:
    assert found(office_db, village=typed) == [village["12 m5"]]
    assert found(office_db, house_no="12", village=typed) == [village["12 m5"]]


def test_find_by_village_name_and_member_names(office_db: Database, village: dict[str, str]) -> None:
    assert len(found(office_db, village="โนนสูง")) == 4
    assert found(office_db, name="ปภาวรินทร์") == [village["12/3"]]
    assert found(office_db, name="มาลี") == [village["12/3"]]  # a guardian
    assert found(office_db, name="มาลี ทองดี") == [village["12/3"]]
    assert found(office_db, name="ปวีณา", village="4") == [village["12"]]
    assert found(office_db, name="ปวีณา", village="5") == []
    with office_db.reader() as s:
        [choice] = he.find_households(s, he.HouseholdQuery(name="มาลี"))
    assert choice.children == ("เด็กหญิงปภาวรินทร์ ศรีสุข",)
    assert choice.guardians == ("นางมาลี ทองดี",)
    assert "12/3 หมู่ 4" in choice.address_text
    # adversarial terms are text, not patterns
    assert found(office_db, name="%") == [] and found(office_db, house_no="1_") == []


def test_same_address_lists_the_duplicates(office_db: Database, village: dict[str, str]) -> None:
    with office_db.reader() as s:
        same = he.same_address(s, replace(HOME, village_no="หมู่ที่ 4", house_no="12/3"))
        assert [c.uuid for c in same] == [village["12/3"]]
        assert he.same_address(s, replace(HOME, house_no="12/9")) == []
        assert he.same_address(s, HOME, exclude_uuid=village["12/3"]) == []


# ---- edit
def test_edit_household_address_is_saved_and_audited(office_db: Database, village: dict[str, str]) -> None:
    uuid = village["12"]
    with office_db.reader() as s:
        form = he.load_household(s, uuid)
    form.address = replace(form.address, road="ถ.มิตรภาพ", postcode="๓๐๐๐๐")
    form.phone = "081-234-5678"
    with office_db.session() as s:
        he.edit_household(s, form, actor="clerk")
    with office_db.reader() as s:
        h = s.scalars(select(Household).where(Household.uuid == uuid)).one()
        assert (h.road, h.postcode, h.phone) == ("ถ.มิตรภาพ", "30000", "0812345678")
        entry = s.scalars(select(AuditEntry).where(AuditEntry.entity_uuid == uuid,
                                                   AuditEntry.action == "update")).one()
        assert json.loads(entry.detail)["road"] == ["", "ถ.มิตรภาพ"]
    # the form opened before that save is stale now
    with pytest.raises(he.HouseholdError, match="มีผู้อื่นแก้ไข"), office_db.session() as s:
        he.edit_household(s, form)


def test_edit_household_refuses_bad_values_and_writes_nothing(office_db: Database,
                                                              village: dict[str, str]) -> None:
    uuid = village["12"]
    with office_db.reader() as s:
        form = he.load_household(s, uuid)
    bad = replace(form, address=replace(form.address, postcode="123", soi="ซ" * 150),
                  house_code="12345")
    with pytest.raises(ValidationFailed) as failed, office_db.session() as s:
        he.edit_household(s, bad)
    fields = {p.field for p in failed.value.problems}
    assert fields == {"address.postcode", "address.soi", "house_code"}
    assert all(p.message for p in failed.value.problems)
    with office_db.reader() as s:
        assert he.load_household(s, uuid) == form


# ---- merge
def test_merge_preview_says_what_moves_and_what_is_kept(office_db: Database, village: dict[str, str]) -> None:
    keep, drop = village["12/3"], village["12 m5"]
    with office_db.session() as s:
        h = s.scalars(select(Household).where(Household.uuid == drop)).one()
        h.road, h.phone = "มิตรภาพ", "0811111111"
    with office_db.reader() as s:
        p = he.merge_preview(s, keep, drop)
    assert p.keep.uuid == keep and p.drop.uuid == drop
    assert p.drop.children == ("เด็กหญิงพิมพ์ลดา ศรีสุข",) and p.moving == 1
    conflicts = {f.field: (f.kept, f.other) for f in p.conflicts}
    assert conflicts == {"house_no": ("12/3", "12"), "village_no": ("4", "5")}
    assert {f.field: f.result for f in p.filled} == {"road": "มิตรภาพ", "phone": "0811111111"}
    assert "12/3 หมู่ 4" in p.result_address and "ถ.มิตรภาพ" in p.result_address
    with office_db.reader() as s:  # a preview writes nothing
        assert s.scalars(select(Household.road).where(Household.uuid == keep)).one() == ""


def test_merge_moves_members_deletes_the_other_and_undo_brings_it_back(
        office_db: Database, village: dict[str, str]) -> None:
    keep, drop = village["12"], village["12/3"]  # 12/3 has a child and a guardian
    with office_db.reader() as s:
        before_audit = s.scalar(select(func.count()).select_from(AuditEntry))
    with office_db.session() as s:
        result = he.merge_households(s, keep, drop, actor="clerk")
    assert len(result.children) == 1 and len(result.guardians) == 1
    with office_db.reader() as s:
        kh = s.scalars(select(Household).where(Household.uuid == keep)).one()
        dh = s.scalars(select(Household).where(Household.uuid == drop)).one()
        assert dh.deleted_at is not None
        assert s.scalar(select(func.count()).select_from(Child).where(Child.household_id == dh.id)) == 0
        assert s.scalar(select(func.count()).select_from(Guardian).where(Guardian.household_id == dh.id)) == 0
        assert s.scalar(select(func.count()).select_from(Child).where(Child.household_id == kh.id)) == 2
        actions = set(s.scalars(select(AuditEntry.action).where(AuditEntry.id > before_audit)))
        assert actions == {"merge", "merge_into", "household_move"}
        # the moved child's history has the move
        moved = s.execute(select(AuditEntry.subject_uuid, AuditEntry.detail).where(
            AuditEntry.action == "household_move")).all()
        assert [(u, json.loads(d)) for u, d in moved] == [(result.children[0], {"household": [drop, keep]})]
        assert he.last_merge(s, drop) == result
        # the merged household is gone from search, the kept one lists both children
        [choice] = he.find_households(s, he.HouseholdQuery(name="ปภาวรินทร์"))
        assert choice.uuid == keep and len(choice.children) == 2
    assert live_households(office_db) == 3

    with office_db.session() as s:
        he.undo_merge(s, result, actor="clerk")
    with office_db.reader() as s:
        dh = s.scalars(select(Household).where(Household.uuid == drop)).one()
        assert dh.deleted_at is None
        assert s.scalar(select(func.count()).select_from(Child).where(Child.household_id == dh.id)) == 1
        assert s.scalar(select(func.count()).select_from(Guardian).where(Guardian.household_id == dh.id)) == 1
    assert live_households(office_db) == 4
    with pytest.raises(he.HouseholdError), office_db.session() as s:
        he.undo_merge(s, result)


def test_merge_refuses_itself_and_deleted_households(office_db: Database, village: dict[str, str]) -> None:
    a, b, c = village["12"], village["120"], village["12/3"]
    with pytest.raises(he.HouseholdError, match="เดียวกัน"), office_db.session() as s:
        he.merge_households(s, a, a)
    with pytest.raises(he.HouseholdError, match="เดียวกัน"), office_db.reader() as s:
        he.merge_preview(s, a, a)
    with office_db.session() as s:
        he.merge_households(s, a, b)
    for keep, drop in ((a, b), (b, c), (c, b)):
        with pytest.raises(he.HouseholdError, match="ถูกลบหรือถูกรวม"), office_db.session() as s:
            he.merge_households(s, keep, drop)
    with pytest.raises(he.HouseholdError, match="ไม่พบ"), office_db.session() as s:
        he.merge_households(s, a, "no-such-uuid")


def test_a_failed_merge_writes_nothing(office_db: Database, village: dict[str, str],
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    keep, drop = village["12"], village["12/3"]

    def boom(*_a: object, **_k: object) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr(he, "record", boom)
    with pytest.raises(RuntimeError), office_db.session() as s:
        he.merge_households(s, keep, drop)
    with office_db.reader() as s:
        dh = s.scalars(select(Household).where(Household.uuid == drop)).one()
        assert dh.deleted_at is None
        assert s.scalar(select(func.count()).select_from(Child).where(Child.household_id == dh.id)) == 1


def test_a_form_opened_before_a_merge_saves_into_the_kept_household(
        office_db: Database, village: dict[str, str]) -> None:
    keep, drop = village["12"], village["12/3"]
    with office_db.reader() as s:
        member = s.scalars(select(Child.uuid).join(Household).where(Household.uuid == drop)).one()
        form = svc.load_child(s, member)
    assert form.household_uuid == drop
    with office_db.session() as s:
        he.merge_households(s, keep, drop)
    with office_db.reader() as s:
        form.version = svc.load_child(s, member).version  # the merge moved the child
    save(office_db, form)
    h = household_of(office_db, member)
    assert h is not None and h.uuid == keep and h.deleted_at is None
    assert h.house_no == "12"  # the form's old address is not written over the kept one


def test_a_sibling_s_retyped_guardian_is_the_same_guardian(office_db: Database) -> None:
    """The same fault for guardians: the mother typed again on a sibling's form is the
    mother already in the household (same name there, or same national ID), not a second one."""
    from desktop.domain.identity import make_national_id

    nid = make_national_id("310060012345")
    mother = svc.GuardianForm(prefix="นาง", first_name="มาลี", last_name="ทองดี", relation="แม่",
                              national_id=nid)
    father = svc.GuardianForm(prefix="นาย", first_name="สมชาย", last_name="ทองดี", relation="พ่อ")
    save(office_db, child("ปภาวรินทร์", guardians=[mother, father]))
    retyped_mother = replace(mother, national_id=nid[:1] + "-" + nid[1:5] + "-" + nid[5:])
    retyped_father = replace(father, first_name=" สมชาย ")
    second = save(office_db, child("ปวีณา", guardians=[retyped_mother, retyped_father]))
    with office_db.reader() as s:
        assert s.scalar(select(func.count()).select_from(Guardian)) == 2
        form = svc.load_child(s, second)
    assert {g.relation for g in form.guardians} == {"แม่", "พ่อ"}
    # a namesake in another house, or the same ID with another name, is someone else
    elsewhere = replace(HOME, house_no="99")
    save(office_db, child("พิมพ์ชนก", elsewhere, guardians=[father]))
    save(office_db, child("พิมพ์ลดา", guardians=[replace(mother, first_name="มาลัย")]))
    with office_db.reader() as s:
        assert s.scalar(select(func.count()).select_from(Guardian)) == 4


def test_one_guardian_typed_twice_on_one_form_saves(office_db: Database) -> None:
    aunt = svc.GuardianForm(prefix="นาง", first_name="ลำดวน", last_name="ทองดี", relation="ป้า")
    save(office_db, child("ปภาวรินทร์", guardians=[aunt]))
    save(office_db, child("ปวีณา", guardians=[aunt, replace(aunt, relation="ผู้ปกครองอื่น")]))
    with office_db.reader() as s:
        assert s.scalar(select(func.count()).select_from(Guardian)) == 2


def test_stored_with_prefixes_typed_without(office_db: Database) -> None:
    """The lookup goes through the index of stored keys: each stored spelling counts."""
    stored = replace(HOME, subdistrict="ตำบล บ้านใหม่", village_no="หมู่ที่ 4")
    first = save(office_db, child("ปภาวรินทร์", stored))
    second = save(office_db, child("ปวีณา", HOME))
    assert household_of(office_db, first).id == household_of(office_db, second).id  # type: ignore[union-attr]
    assert live_households(office_db) == 1
