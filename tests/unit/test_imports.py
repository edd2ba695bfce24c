"""Importing children from a spreadsheet: plan (row/column/Thai message for every problem),
commit in one transaction, undo a batch, remembered mappings, the error report."""

from __future__ import annotations

import gc
import json
import uuid as uuid_mod
from dataclasses import dataclass, field
from datetime import date

import pytest
from sqlalchemy import func, select, text

from desktop.domain.address import Address
from desktop.domain.child import ChildInput, normalise_child
from desktop.domain.columns import guess_mapping
from desktop.domain.identity import IdType, make_national_id
from desktop.domain.levels import InstitutionKind
from desktop.domain.people import Sex
from desktop.services import children as svc
from desktop.services import imports
from desktop.services.children_query import ChildFilter, count_children
from desktop.services.imports.cells import no_gc
from desktop.services.imports.commit import Uuid7Batch
from desktop.services.institutions import InstitutionForm, save_institution
from desktop.store.db import Database
from desktop.store.integrity import check_database
from desktop.store.models import (
    AuditEntry,
    Child,
    ChildGuardian,
    Enrollment,
    Guardian,
    Household,
    ImportBatch,
    uuid7,
)

TODAY = date(2026, 11, 24)
NID = [make_national_id(f"1103702071{i:02d}") for i in range(40)]
G_NID = [make_national_id(f"3301000012{i:02d}") for i in range(10)]
CDC = "ศูนย์พัฒนาเด็กเล็กบ้านโนนสูง"
SCHOOL = "โรงเรียนเทศบาล 1 (บ้านหนองบัว)"


@dataclass(frozen=True)
class Sheet:
    """The shape of desktop.reports.sheets.SheetData."""

    headers: list[str]
    rows: list[list[str]]
    file_name: str = "นักเรียน.xlsx"
    sheet: str = "รายชื่อ"
    sheet_names: list[str] = field(default_factory=lambda: ["รายชื่อ"])
    header_row: int = 1
    encoding: str = ""

    @property
    def row_numbers(self) -> list[int]:
        return list(range(self.header_row + 1, self.header_row + 1 + len(self.rows)))


def sheet(headers: list[str], *rows: list[str]) -> Sheet:
    padded = [r + [""] * (len(headers) - len(r)) for r in rows]
    return Sheet(headers, padded)


@pytest.fixture
def reg(office_db: Database) -> Database:
    """An office with a child development centre (code 3300100001) and a school."""
    with office_db.session() as s:
        save_institution(s, InstitutionForm(kind=InstitutionKind.CDC, code="3300100001", name=CDC))
        save_institution(s, InstitutionForm(kind=InstitutionKind.SCHOOL, code="1130100001", name=SCHOOL))
    return office_db


def plan_of(db: Database, sh: Sheet, **kw: object) -> imports.ImportPlan:
    with db.reader() as s:
        mapping = imports.suggest_mapping(s, sh.headers)
        return imports.plan_import(s, sh, mapping, today=TODAY, **kw)  # type: ignore[arg-type]


def commit(db: Database, plan: imports.ImportPlan) -> imports.BatchInfo:
    with db.session() as s:
        return imports.commit_import(s, plan, actor="clerk")


def count(db: Database, model: type) -> int:
    with db.reader() as s:
        return int(s.scalar(select(func.count()).select_from(model).where(model.deleted_at.is_(None))) or 0)


def batches_of(db: Database) -> list[imports.BatchInfo]:
    with db.reader() as s:
        return imports.list_batches(s)


def by_row(plan: imports.ImportPlan) -> dict[int, list[tuple[str, str, str]]]:
    out: dict[int, list[tuple[str, str, str]]] = {}
    for p in plan.problems():
        out.setdefault(p.row, []).append((p.column, p.severity, p.message))
    return out


H = ["ลำดับ", "คำนำหน้า", "ชื่อ", "นามสกุล", "เพศ", "วันเกิด", "เลขประจำตัวประชาชน", "สถานศึกษา", "ชั้น",
     "ปีการศึกษา"]


# ---------------------------------------------------------------------------- the plan
def test_every_bad_row_is_reported_with_row_column_and_a_thai_message(reg: Database) -> None:
    bad_check = NID[1][:-1] + str((int(NID[1][-1]) + 1) % 10)
    sh = sheet(
        H,
        ["1", "ด.ญ.", "มานี", "มีนา", "หญิง", "15/08/2564", NID[0], CDC, "เด็กเล็ก 4 ขวบ", "2569"],
        ["2", "ด.ช.", "สมชาย", "ใจดี", "ชาย", "01/02/2566", bad_check, CDC, "เด็กเล็ก 3 ขวบ"],
        ["3", "ด.ช.", "ปิติ", "ชูใจ", "ชาย", "31/02/2563", NID[2], CDC, "เด็กเล็ก 3 ขวบ"],
        ["4", "ด.ญ.", "", "ใจงาม", "หญิง", "01/03/2566", NID[3], CDC, "เด็กเล็ก 3 ขวบ"],
        ["5", "ด.ญ.", "ชูใจ", "ใจงาม", "หญิง", "01/03/2566", NID[4], "ศพด.บ้านไม่มี", "เด็กเล็ก 3 ขวบ"],
        ["6", "ด.ช.", "วีระ", "กล้าหาญ", "ชาย", "01/03/2563", NID[5], CDC, "ป.1"],
        ["7", "ด.ญ.", "มานี", "มีนา", "หญิง", "15/08/2564", NID[0], CDC, "เด็กเล็ก 4 ขวบ"],
        ["8", "ด.ช.", "ดวงดี", "มีสุข", "ชาย", "01/03/2563", NID[6], "1130100001", "ป.1"],
    )
    plan = plan_of(reg, sh)
    got = by_row(plan)
    assert got[3] == [("เลขประจำตัวประชาชน", "error",
                       "เลขประจำตัวประชาชนไม่ถูกต้อง (เลขหลักสุดท้ายไม่ตรงกับเลขตรวจสอบ) "
                       "โปรดตรวจสอบเลขอีกครั้งจากบัตรประชาชนหรือสูติบัตร")]
    assert got[4] == [("วันเกิด", "error", 'วันที่ "31/02/2563" ไม่ถูกต้อง: เดือนกุมภาพันธ์ 2563 '
                                           "ไม่มีวันที่ 31 (มี 29 วัน) โปรดกรอกเป็น วว/ดด/ปปปป เช่น 15/08/2562")]
    assert got[5] == [("ชื่อ", "error", "ยังไม่ได้กรอกชื่อ โปรดกรอกชื่อเป็นภาษาไทย")]
    assert [(c, s) for c, s, _ in got[6]] == [("สถานศึกษา", "error")]
    assert "ไม่พบสถานศึกษา 'ศพด.บ้านไม่มี' ในทะเบียน" in got[6][0][2]
    assert "เพิ่มสถานศึกษานี้" in got[6][0][2]
    assert got[7] == [("ชั้น", "error", f"ชั้น ป.1 ไม่มีใน{CDC} โปรดเลือกชั้นให้ตรงกับประเภทสถานศึกษา")]
    assert got[8][0][:2] == ("เลขประจำตัวประชาชน", "error")
    assert "ซ้ำกับแถวที่ 2 ในไฟล์นี้" in got[8][0][2]
    assert 2 not in got and 9 not in got  # the good rows (a school matched by its code)
    assert [r.row for r in plan.rows if r.ok] == [2, 9]
    assert (plan.valid_count, plan.error_count, plan.warning_count) == (2, 6, 0)
    assert all(p.value for p in plan.problems() if p.row in (3, 4, 6, 7, 8))
    assert plan.year_be == 2569  # no default given: today's academic year


def test_duplicates_against_the_registry(reg: Database) -> None:
    with reg.session() as s:
        svc.save_child(s, svc.ChildForm(child=ChildInput(
            prefix="เด็กหญิง", first_name="ปภาวรินทร์", last_name="ศรีสุข", sex=Sex.FEMALE,
            birth_date=date(2021, 8, 15), id_type=IdType.NATIONAL_ID, national_id=NID[10])), today=TODAY)
    sh = sheet(H[:7],
               ["1", "ด.ญ.", "ปภาวริน", "ศรีสุข", "หญิง", "15/08/2564", NID[10]],   # same ID: skipped
               ["2", "ด.ญ.", "ปภาวรินทร์", "ศรีสุข", "หญิง", "15/08/2564", NID[11]],  # same name+birth
               ["3", "ด.ญ.", "ปภาวรินทร์", "ศรีสุข", "หญิง", "16/08/2564", NID[12]])  # another day
    plan = plan_of(reg, sh)
    got = by_row(plan)
    assert got[2] == [("เลขประจำตัวประชาชน", "error",
                       "มีอยู่แล้วในทะเบียน: เด็กหญิงปภาวรินทร์ ศรีสุข แถวนี้จะไม่ถูกนำเข้า "
                       "ถ้าข้อมูลต้องแก้ไข โปรดแก้ที่ทะเบียนเด็ก")]
    assert [(c, s) for c, s, _ in got[3]] == [("ชื่อ", "warning")]
    assert "อาจซ้ำกับ ปภาวรินทร์ ศรีสุข" in got[3][0][2]
    assert 4 not in got
    assert (plan.valid_count, plan.error_count, plan.warning_count) == (2, 1, 1)


def test_same_name_and_birth_twice_in_the_file_is_a_warning_naming_the_first(reg: Database) -> None:
    sh = sheet(H[:7], ["1", "ด.ช.", "ภูผา", "ทองดี", "ชาย", "2020-01-31", NID[20]],
               ["2", "ด.ช.", "ภูผา", "ทองดี", "ชาย", "2020-01-31", NID[21]])
    got = by_row(plan_of(reg, sh))
    assert got == {3: [("ชื่อ", "warning", "ชื่อและวันเกิดเหมือนกับแถวที่ 2 ในไฟล์นี้ "
                                          "โปรดตรวจสอบว่าเป็นเด็กคนเดียวกันหรือไม่")]}


def test_a_required_column_missing_blocks_the_file(reg: Database) -> None:
    sh = sheet(["คำนำหน้า", "ชื่อ", "นามสกุล", "เพศ"], ["ด.ช.", "สมชาย", "ใจดี", "ชาย"])
    plan = plan_of(reg, sh)
    assert [(p.row, p.field) for p in plan.file_problems] == [(0, "birth_date")]
    assert "ไฟล์ไม่มีคอลัมน์ 'วันเกิด'" in plan.file_problems[0].message
    assert plan.valid_count == 0 and plan.error_count == 1
    # the row's own problems do not repeat the file's
    assert [p.field for p in plan.rows[0].problems if p.severity == "error"] == []
    with reg.session() as s, pytest.raises(ValueError, match="ไม่มีแถวที่นำเข้าได้"):
        imports.commit_import(s, plan)


def test_full_name_split_sex_from_prefix_be_ce_and_thai_digits(reg: Database) -> None:
    sh = sheet(["ชื่อ - สกุล", "วัน/เดือน/ปีเกิด", "รหัส G", "เลขบัตรประชาชน"],
               ["ด.ช.สมชาย ใจดี", "15/08/2562", "", NID[30]],
               ["เด็กหญิง มานี มีนา ทองดี", "2019-08-15", "", NID[31]],
               ["นางสาว ชูใจ  ใจงาม", "๑๕ สิงหาคม ๒๕๕๐", "", "๑" + NID[32][1:]],
               ["น.ส.ปิติ ใจงาม", "15/08/2550", "G123456789012", ""],
               ["วีระ กล้าหาญ", "15/08/2019", "", ""])
    plan = plan_of(reg, sh)
    parsed = {r.row: r.parsed.child for r in plan.rows if r.parsed}  # type: ignore[union-attr]
    assert (parsed[2].prefix, parsed[2].first_name, parsed[2].last_name, parsed[2].sex) == (
        "เด็กชาย", "สมชาย", "ใจดี", Sex.MALE)
    assert (parsed[3].prefix, parsed[3].first_name, parsed[3].last_name, parsed[3].sex) == (
        "เด็กหญิง", "มานี", "มีนา ทองดี", Sex.FEMALE)
    assert (parsed[4].prefix, parsed[4].first_name, parsed[4].last_name) == ("นางสาว", "ชูใจ", "ใจงาม")
    assert parsed[2].birth_date == parsed[3].birth_date == date(2019, 8, 15)  # BE and CE
    assert parsed[4].birth_date == date(2007, 8, 15)  # Thai digits, Thai month name
    assert parsed[4].national_id == NID[32]
    assert parsed[5].id_type is IdType.G_CODE and parsed[5].g_code == "G123456789012"
    # no prefix and no sex column: the sex is asked for, on the row, naming the missing column
    got = by_row(plan)
    assert ("", "error", "ยังไม่ได้เลือกเพศ โปรดเลือกชายหรือหญิง (ไฟล์ไม่มีคอลัมน์ 'เพศ')") in got[6]
    # no ID at all: imported as a child without one, with a warning
    assert parsed[6].id_type is IdType.NONE and parsed[6].no_id_reason == imports.NO_ID_REASON
    assert ("เลขบัตรประชาชน", "warning") in [(c, s) for c, s, _ in got[6]]


def test_parsers() -> None:
    assert imports.split_full_name("ด.ญ. มานี มีนา") == ("เด็กหญิง", "มานี", "มีนา")
    assert imports.split_full_name("นายสมศักดิ์ รักไทย") == ("นาย", "สมศักดิ์", "รักไทย")
    assert imports.split_full_name("มานี") == ("", "มานี", "")
    assert [imports.parse_sex(x) for x in ("ชาย", "ญ", "M", "female", "2", "ช.", "x")] == [
        Sex.MALE, Sex.FEMALE, Sex.MALE, Sex.FEMALE, Sex.FEMALE, Sex.MALE, None]
    assert [imports.parse_year_be(x) for x in ("2569", "๒๕๖๙", "2026", "1/2569", "69")] == [
        2569, 2569, 2569, 2569, None]


def test_parsed_values_are_what_normalise_child_gives(reg: Database) -> None:
    """The plan normalises address fields one value at a time (cached); it must stay the
    domain's normalisation."""
    sh = sheet(["ชื่อ", "นามสกุล", "เพศ", "วันเกิด", "เลขประจำตัวประชาชน", "บ้านเลขที่", "หมู่ที่", "ซอย",
                "ตำบล", "อำเภอ", "จังหวัด", "รหัสไปรษณีย์", "ชื่อ (อังกฤษ)"],
               [" สมชาย ", "ใจ\u200bดี", "ชาย", "1/2/2563", "1-1037-02071-00-" + NID[0][-1], "๑๒/๓",
                "หมู่ ๔", "  สุข  ใจ ", "บ้านใหม่", "เมือง", "นครราชสีมา", "๓๐ ๐๐๐", "Somchai"])
    plan = plan_of(reg, sh)
    p = plan.rows[0].parsed
    assert p is not None and plan.rows[0].ok
    full = ChildInput(**{**p.child.__dict__, "address": p.address})
    assert normalise_child(full) == full
    assert p.child.prefix == "เด็กชาย"  # no prefix column: a boy of 6 is เด็กชาย
    assert p.address == Address(house_no="12/3", village_no="หมู่ 4", soi="สุข ใจ", subdistrict="บ้านใหม่",
                                district="เมือง", province="นครราชสีมา", postcode="30000")


# ---------------------------------------------------------------------------- commit
FULL = ["คำนำหน้า", "ชื่อ", "นามสกุล", "เพศ", "วันเกิด", "เลขประจำตัวประชาชน", "รหัสประจำบ้าน", "บ้านเลขที่",
        "หมู่ที่", "ตำบล", "อำเภอ", "จังหวัด", "สถานศึกษา", "ชั้น", "ห้อง", "ชื่อผู้ปกครอง",
        "นามสกุลผู้ปกครอง", "เลขประจำตัวประชาชนผู้ปกครอง", "ความเกี่ยวข้องกับเด็ก", "โทรศัพท์ผู้ปกครอง"]


def family_sheet() -> Sheet:
    addr = ["", "12/3", "4", "บ้านใหม่", "เมืองนครราชสีมา", "นครราชสีมา"]
    return sheet(
        FULL,
        # two siblings, same address, same mother (by national ID)
        ["ด.ญ.", "มานี", "ทองดี", "หญิง", "15/08/2565", NID[0], *addr, CDC, "เด็กเล็ก 4 ขวบ", "1",
         "มาลี", "ทองดี", G_NID[0], "แม่", "0812345678"],
        ["ด.ช.", "มานะ", "ทองดี", "ชาย", "01/06/2561", NID[1], *addr, SCHOOL, "ป.2", "",
         "มาลี", "ทองดี", G_NID[0], "แม่", "0812345678"],
        # an error row: not written
        ["ด.ช.", "ปิติ", "ชูใจ", "ชาย", "31/02/2563", NID[2], *addr, CDC, "เด็กเล็ก 3 ขวบ"],
        # same house code twice, different spelling of the address: one household
        ["ด.ญ.", "ชูใจ", "ใจงาม", "หญิง", "01/03/2566", NID[3], "30010001234", "7", "1", "บ้านใหม่",
         "เมืองนครราชสีมา", "นครราชสีมา", CDC, "เด็กเล็ก 3 ขวบ", "", "สมศรี", "ใจงาม", "", "ยาย"],
        ["ด.ช.", "วีระ", "ใจงาม", "ชาย", "01/03/2561", NID[4], "30010001234", "7", "หมู่ 1", "บ้านใหม่",
         "เมืองนครราชสีมา", "นครราชสีมา", SCHOOL, "ป.2", "", "สมศรี", "ใจงาม", "", "ยาย"],
        # no address, no guardian, no institution: a child alone
        ["ด.ช.", "ดวงดี", "มีสุข", "ชาย", "01/03/2561", NID[5]],
        # guardian without relation: an error on the relation column
        ["ด.ช.", "ก้องภพ", "มีสุข", "ชาย", "01/03/2561", NID[6], "", "", "", "", "", "", "", "", "",
         "สมหมาย", "มีสุข"],
    )


def test_commit_writes_exactly_the_valid_rows_and_they_are_searchable(reg: Database) -> None:
    plan = plan_of(reg, family_sheet(), year_be=2569)
    got = by_row(plan)
    assert sorted(got) == [4, 8]
    assert got[8] == [("ความเกี่ยวข้องกับเด็ก", "error",
                       "ผู้ปกครองคนที่ 1: โปรดเลือกความเกี่ยวข้องกับเด็ก เช่น แม่ หรือ ยาย")]
    batch = commit(reg, plan)
    assert (batch.rows, batch.children, batch.actor, batch.undone_at) == (7, 5, "clerk", None)
    assert count(reg, Child) == 5
    assert count(reg, Household) == 2  # siblings share; the house code joins two spellings
    assert count(reg, Guardian) == 2  # the mother once (same ID), the grandmother once (same name, house)
    assert count(reg, ChildGuardian) == 4
    assert count(reg, Enrollment) == 4
    with reg.reader() as s:
        kids = {c.first_name: c for c in s.scalars(select(Child))}
        assert kids["มานี"].household_id == kids["มานะ"].household_id is not None
        assert kids["ชูใจ"].household_id == kids["วีระ"].household_id != kids["มานี"].household_id
        assert kids["ดวงดี"].household_id is None
        assert {c.import_batch_id for c in kids.values()} == {s.scalar(select(ImportBatch.id))}
        assert {c.version for c in kids.values()} == {1}
        form = svc.load_child(s, kids["มานะ"].uuid)
        assert form.enrollment is not None and (form.enrollment.level_code, form.enrollment.year_be) == ("p2", 2569)
        assert [(g.first_name, g.relation, g.phone, g.is_primary) for g in form.guardians] == [
            ("มาลี", "แม่", "0812345678", True)]
        assert form.child.address.house_no == "12/3"
        # the search index (FTS trigger) has them
        assert count_children(s, ChildFilter(search="ดวงดี")) == 1
        assert count_children(s, ChildFilter(search=NID[3][:6])) >= 1
        audits = s.scalars(select(AuditEntry)).all()
        # one entry per child made (the child its subject), then the batch's own
        assert [(a.action, a.entity, a.entity_uuid, a.subject_uuid) for a in audits
                if a.entity in ("child", "import_batch")] == [
            *[("create", "child", c.uuid, c.uuid) for c in sorted(kids.values(), key=lambda c: c.id)],
            ("import", "import_batch", batch.uuid, "")]
        detail = json.loads(audits[-1].detail)
        assert (detail["children"], detail["household"], detail["guardian"]) == (5, 2, 2)
    assert check_database(reg.engine) == []


def test_commit_defers_indexes_into_an_empty_registry_and_restores_them(reg: Database) -> None:
    with reg.reader() as s:
        before = s.execute(text("SELECT name FROM sqlite_master WHERE type IN ('index', 'trigger') "
                                "ORDER BY name")).scalars().all()
    commit(reg, plan_of(reg, family_sheet()))
    with reg.reader() as s:
        after = s.execute(text("SELECT name FROM sqlite_master WHERE type IN ('index', 'trigger') "
                               "ORDER BY name")).scalars().all()
        assert after == before
        assert count_children(s, ChildFilter(search="มานะ")) == 1


def test_an_error_in_the_middle_of_a_commit_leaves_nothing(reg: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    from desktop.services.imports import commit as commit_mod

    real = commit_mod.insert_sql

    def failing(conn, table, columns, **kw):  # type: ignore[no-untyped-def]
        if table == "enrollment":  # households, guardians, children already inserted
            raise RuntimeError("disk full")
        return real(conn, table, columns, **kw)

    monkeypatch.setattr(commit_mod, "insert_sql", failing)
    with reg.reader() as s:
        trigger_sqls = s.scalars(text("SELECT sql FROM sqlite_master WHERE type = 'trigger'")).all()
    plan = plan_of(reg, family_sheet())
    with pytest.raises(RuntimeError, match="disk full"):
        commit(reg, plan)
    assert count(reg, Child) == count(reg, Household) == count(reg, Guardian) == 0
    with reg.reader() as s:
        assert s.scalar(select(func.count()).select_from(ImportBatch)) == 0
        assert s.scalar(select(func.count()).select_from(AuditEntry).where(AuditEntry.action == "import")) == 0
        triggers = s.execute(text("SELECT name FROM sqlite_master WHERE type = 'trigger'")).scalars().all()
        assert {"audit_log_no_delete", "audit_log_no_update",
                "child_fts_ad", "child_fts_ai", "child_fts_au",
                "child_name_order_ad", "child_name_order_ai", "child_name_order_au",
                "child_name_text_ad", "child_name_text_ai", "child_name_text_au"} <= set(triggers)
        assert sorted(s.scalars(text(  # every one back, as it was
            "SELECT sql FROM sqlite_master WHERE type = 'trigger'"))) == sorted(trigger_sqls)
    assert check_database(reg.engine) == []
    monkeypatch.undo()
    commit(reg, plan)  # and the same plan can be committed afterwards
    assert count(reg, Child) == 5


# ---------------------------------------------------------------------------- undo
def test_undo_removes_the_batch_and_only_the_batch(reg: Database) -> None:
    # a child already in the registry, living in house 30010001234
    with reg.session() as s:
        old_uuid = svc.save_child(s, svc.ChildForm(child=ChildInput(
            prefix="เด็กชาย", first_name="ภูผา", last_name="ใจงาม", sex=Sex.MALE, birth_date=date(2019, 1, 31),
            id_type=IdType.NATIONAL_ID, national_id=NID[20],
            address=Address(house_no="7", village_no="1", subdistrict="บ้านใหม่"))), today=TODAY)
        s.execute(text("UPDATE household SET house_code = '30010001234'"))
    batch = commit(reg, plan_of(reg, family_sheet()))
    with reg.reader() as s:
        old = s.scalars(select(Child).where(Child.uuid == old_uuid)).one()
        shared = old.household_id
        kids = {c.first_name: c for c in s.scalars(select(Child).where(Child.import_batch_id.is_not(None)))}
        # the batch's siblings joined the existing household (matched by house code)
        assert kids["ชูใจ"].household_id == kids["วีระ"].household_id == shared
        new_household = kids["มานี"].household_id
    # after the import: a clerk edits one imported child, and moves the old child into a
    # household the batch created
    with reg.session() as s:
        form = svc.load_child(s, kids["ดวงดี"].uuid)
        form.child.disability = "ออทิสติก"
        svc.save_child(s, form, today=TODAY)
    with reg.session() as s:
        s.execute(text("UPDATE child SET household_id = :h WHERE uuid = :u"), {"h": new_household, "u": old_uuid})
    [listed] = batches_of(reg)
    assert (listed.uuid, listed.children, listed.edited_since) == (batch.uuid, 5, 1)

    with reg.session() as s:
        removed = imports.undo_batch(s, batch.uuid, actor="หัวหน้า")
    assert removed == 5
    assert count(reg, Child) == 1  # the old child only
    assert count(reg, Enrollment) == 0 and count(reg, ChildGuardian) == 0 and count(reg, Guardian) == 0
    with reg.reader() as s:
        live_households = set(s.scalars(select(Household.id).where(Household.deleted_at.is_(None))))
        # the old household (not the batch's) and the batch's household now used by the old child
        assert live_households == {shared, new_household}
        assert count_children(s, ChildFilter(search="ดวงดี")) == 0  # gone from the search index
        assert count_children(s, ChildFilter(search="ภูผา")) == 1
        assert s.scalars(select(AuditEntry.action).where(AuditEntry.entity == "import_batch")).all() == [
            "import", "undo_import"]
    [listed] = batches_of(reg)
    assert listed.undone_at is not None and listed.edited_since == 1
    with reg.session() as s, pytest.raises(ValueError, match="ถูกยกเลิกไปแล้ว"):
        imports.undo_batch(s, batch.uuid)
    with reg.session() as s, pytest.raises(ValueError, match="ไม่พบรายการนำเข้านี้"):
        imports.undo_batch(s, "no-such-batch")
    assert check_database(reg.engine) == []


def test_undo_leaves_a_guardian_shared_with_an_older_child(reg: Database) -> None:
    plan = plan_of(reg, family_sheet())
    commit(reg, plan)
    with reg.reader() as s:
        mother = s.scalars(select(Guardian).where(Guardian.national_id == G_NID[0])).one()
    # a second file brings a cousin with the same mother (by ID): the link joins her
    sh = sheet(FULL, ["ด.ญ.", "ขวัญข้าว", "ทองดี", "หญิง", "15/08/2565", NID[7], "", "", "", "", "", "",
                      "", "", "", "มาลี", "ทองดี", G_NID[0], "แม่"])
    second = commit(reg, plan_of(reg, sh))
    with reg.reader() as s:
        assert s.scalar(select(func.count()).select_from(Guardian)) == 2  # no new guardian
        cousin = s.scalars(select(Child).where(Child.first_name == "ขวัญข้าว")).one()
        assert [link.guardian_id for link in cousin.guardian_links] == [mother.id]
    batches = batches_of(reg)
    assert [b.uuid for b in batches][0] == second.uuid  # newest first
    with reg.session() as s:
        assert imports.undo_batch(s, batches[1].uuid) == 5  # the first import
    with reg.reader() as s:
        assert s.get(Guardian, mother.id).deleted_at is None  # type: ignore[union-attr]
        assert count_children(s, ChildFilter()) == 1


# ---------------------------------------------------------------------------- files
def test_remembered_mapping_round_trip(reg: Database) -> None:
    headers = ["เลขที่", "ชื่อเด็ก", "นามสกุล", "เพศ", "เกิด", "โรงเรียน"]
    with reg.reader() as s:
        guessed = imports.suggest_mapping(s, headers)
    assert 4 not in guessed  # "เกิด" is not a known header
    assert 0 not in guessed  # "เลขที่" is a class roll number, not a house number
    chosen = {**guessed, 4: "birth_date"}
    with reg.session() as s:
        imports.remember_mapping(s, headers, chosen)
    with reg.reader() as s:
        assert imports.suggest_mapping(s, headers) == chosen
        # the same layout with other spacing finds it too; another layout does not
        assert imports.suggest_mapping(s, [" เลขที่", "ชื่อ เด็ก", "นามสกุล", "เพศ", "เกิด", "โรงเรียน"]) == chosen
        assert imports.suggest_mapping(s, headers[:-1]) == guess_mapping(headers[:-1])
    with reg.session() as s:  # remembered again: replaced, not duplicated
        imports.remember_mapping(s, headers, guessed)
    with reg.reader() as s:
        assert imports.suggest_mapping(s, headers) == guessed


def test_error_report_rows(reg: Database) -> None:
    plan = plan_of(reg, family_sheet())
    headers, rows = imports.error_report_rows(plan)
    assert headers == [*FULL, "แถวที่", "ชื่อเด็ก (ตามไฟล์)", "ปัญหา"]
    assert [r[-3] for r in rows] == ["4", "8"]
    assert rows[0][-2] == "ด.ช.ปิติ ชูใจ"  # the child's name beside the row number
    assert rows[0][:3] == ["ด.ช.", "ปิติ", "ชูใจ"]  # the file's own cells, as written
    assert rows[0][-1].startswith('วันเกิด: วันที่ "31/02/2563" ไม่ถูกต้อง')
    assert rows[1][-1] == "ความเกี่ยวข้องกับเด็ก: ผู้ปกครองคนที่ 1: โปรดเลือกความเกี่ยวข้องกับเด็ก เช่น แม่ หรือ ยาย"
    assert all(len(r) == len(headers) for r in rows)


def test_uuid_batch_has_the_models_layout() -> None:
    gen = Uuid7Batch(1_767_225_600_000)
    made = [gen() for _ in range(5000)]
    assert made == sorted(made) and len(set(made)) == 5000  # ascending across the counter wrap
    assert {uuid_mod.UUID(u).version for u in made} == {7}
    assert made[4096][:14] == uuid7(1_767_225_600_001, 0)[:14]  # the millisecond moved on
    assert made[0][:19] == uuid7(1_767_225_600_000, 0)[:19]


def test_uuid_batch_many_continues_the_same_sequence() -> None:
    one, bulk = Uuid7Batch(1_767_225_600_000), Uuid7Batch(1_767_225_600_000)
    singles = [one() for _ in range(9000)]
    made = [bulk(), *bulk.many(0), *bulk.many(4000), *bulk.many(4999)]
    assert len(made) == 9000 and made == sorted(made) and len(set(made)) == 9000
    assert [u[:19] for u in made] == [u[:19] for u in singles]  # time and counter alike
    parsed = [uuid_mod.UUID(u) for u in made]
    assert {p.version for p in parsed} == {7} and {p.variant for p in parsed} == {uuid_mod.RFC_4122}
    assert all(str(p) == u for p, u in zip(parsed, made, strict=True))


def test_no_gc_pauses_the_collector_and_leaves_nothing_frozen() -> None:
    assert gc.isenabled() and gc.get_freeze_count() == 0
    with no_gc():
        assert not gc.isenabled()
        kept = [[i] for i in range(1000)]
        cycle: list[object] = []
        cycle.append(cycle)
    assert gc.isenabled() and gc.get_freeze_count() == 0
    assert all(gc.is_tracked(x) for x in kept[:3])
    del cycle
    assert gc.collect() >= 1  # cyclic garbage made inside is still collected


def test_no_gc_leaves_frozen_objects_frozen() -> None:
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        with no_gc():
            pass
        assert gc.get_freeze_count() == frozen and gc.isenabled()
    finally:
        gc.unfreeze()
