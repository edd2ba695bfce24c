"""Importing a list of out-of-school children into cases (services/case_import.py, issue 13):
matching each row against the registry (by national ID, by G-code, by name and birth date),
ambiguous rows left out until resolved, new children, a child with an open case, bad rows,
dry-run (a plan) writes nothing, one transaction, undo, and who may import."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from actors import actor_with
from sqlalchemy import func, select

from desktop.domain.child import ChildInput
from desktop.domain.identity import IdType, make_national_id
from desktop.domain.people import Sex
from desktop.domain.roles import Role
from desktop.services import children as svc
from desktop.services import imports
from desktop.services.access import NotPermitted, sign_in
from desktop.services.case_import import (
    NEW_CHILD,
    CasePlan,
    RowKind,
    commit_case_import,
    plan_case_import,
    suggest_case_mapping,
)
from desktop.store.case_state import OosCase, OosCaseStatus
from desktop.store.db import Database
from desktop.store.models import AuditEntry, Child, Household, ImportBatch

TODAY = date(2026, 11, 24)
NID = [make_national_id(f"1103702081{i:02d}") for i in range(20)]
HEAD = ["ลำดับ", "คำนำหน้า", "ชื่อ", "นามสกุล", "วันเกิด", "เลขประจำตัวประชาชน", "รหัส G", "โรงเรียนเดิม",
        "บ้านเลขที่", "หมู่ที่", "ตำบล", "อำเภอ", "จังหวัด"]


class Sheet:
    def __init__(self, headers: list[str], rows: list[list[str]], file_name: str = "zero-dropout.xlsx") -> None:
        self.headers = headers
        self.rows = [r + [""] * (len(headers) - len(r)) for r in rows]
        self.file_name = file_name
        self.sheet = "รายชื่อ"

    @property
    def row_numbers(self) -> list[int]:
        return list(range(2, 2 + len(self.rows)))


def add_child(db: Database, first: str, last: str, born: date, *, nid: str = "", g_code: str = "",
              sex: Sex = Sex.MALE) -> str:
    id_type = IdType.NATIONAL_ID if nid else IdType.G_CODE if g_code else IdType.NONE
    form = svc.ChildForm(child=ChildInput(
        prefix="เด็กชาย" if sex is Sex.MALE else "เด็กหญิง", first_name=first, last_name=last, sex=sex,
        birth_date=born, id_type=id_type, national_id=nid, g_code=g_code,
        no_id_reason="" if nid or g_code else "ไม่มีเอกสาร"))
    with db.session() as s:
        return svc.save_child(s, form, today=TODAY)


@pytest.fixture
def reg(office_db: Database) -> Database:
    add_child(office_db, "ภูผา", "ใจกล้า", date(2012, 3, 4), nid=NID[0])
    add_child(office_db, "มะลิ", "ศรีสุข", date(2013, 5, 6), g_code="G123456789012", sex=Sex.FEMALE)
    add_child(office_db, "สมหญิง", "ดีงาม", date(2011, 7, 8), sex=Sex.FEMALE)
    return office_db


def plan_of(db: Database, sh: Sheet, **kw: object) -> CasePlan:
    with db.reader() as s:
        return plan_case_import(s, sh, suggest_case_mapping(sh.headers), today=TODAY, **kw)  # type: ignore[arg-type]


def kinds(plan: CasePlan) -> dict[int, RowKind]:
    return {r.row: r.kind for r in plan.rows}


def count(db: Database, model: Any) -> int:
    with db.reader() as s:
        return int(s.scalar(select(func.count()).select_from(model).where(model.deleted_at.is_(None))) or 0)


def test_the_mapping_takes_the_registry_columns_and_the_last_school() -> None:
    mapping = suggest_case_mapping(HEAD + ["หมายเหตุ"])
    assert mapping[7] == "last_school" and mapping[13] == "case_note"
    assert mapping[5] == "national_id" and mapping[4] == "birth_date" and 0 not in mapping
    assert suggest_case_mapping(["ชื่อ", "นามสกุล", "โรงเรียน", "ชั้น"]) == {0: "first_name", 1: "last_name",
                                                                          2: "last_school"}


def test_rows_match_by_id_by_g_code_by_name_and_birth_date_or_are_new(reg: Database) -> None:
    sh = Sheet(HEAD, [
        ["1", "ด.ช.", "ภูผา", "ใจกล้า", "4/3/2555", NID[0], "", "โรงเรียนบ้านหนองบัว"],  # by ID (BE date)
        ["2", "ด.ญ.", "มะลิ", "ศรีสุข", "2013-05-06", "", "G123456789012"],  # by G-code
        ["3", "ด.ญ.", "สมหญิง", "ดีงาม", "08/07/2554"],  # by name and birth date
        ["4", "ด.ช.", "ใหม่", "มาก", "2014-01-02", NID[5], "", "", "12", "3", "บ้านใหม่", "เมือง", "นครราชสีมา"],
    ])
    plan = plan_of(reg, sh)
    assert kinds(plan) == {2: RowKind.MATCHED, 3: RowKind.MATCHED, 4: RowKind.MATCHED, 5: RowKind.NEW}
    assert plan.errors() == []
    reasons = {r.row: r.reason for r in plan.rows}
    assert "เลขประจำตัวประชาชน" in reasons[2] and "รหัส G" in reasons[3] and "ชื่อและวันเกิด" in reasons[4]
    before = count(reg, Child)
    with reg.session() as s:
        batch = commit_case_import(s, plan, actor="clerk")
    assert (batch.cases, batch.matched, batch.new_children, batch.left_out) == (4, 3, 1, 0)
    assert count(reg, Child) == before + 1
    with reg.reader() as s:
        cases = s.scalars(select(OosCase).order_by(OosCase.source_row)).all()
        assert [c.source_row for c in cases] == [2, 3, 4, 5]
        assert {c.status for c in cases} == {"to_trace"} and {c.source for c in cases} == {"zero_dropout"}
        assert all(c.follow_due_on is None and c.opened_on == TODAY and c.import_batch_id for c in cases)
        assert "โรงเรียนบ้านหนองบัว" in cases[0].note
        history = s.scalars(select(OosCaseStatus)).all()
        assert sorted((h.case_id, h.from_status, h.to_status) for h in history) == sorted(
            (c.id, "", "to_trace") for c in cases)
        new = s.scalars(select(Child).where(Child.national_id == NID[5])).one()
        assert new.first_name_key and new.household_id is not None  # sort keys, and the address's household
        assert s.get(Household, new.household_id).village_no == "3"  # type: ignore[union-attr]
        assert s.scalar(select(func.count()).select_from(Child).where(Child.import_batch_id.is_not(None))) == 1
        order = s.connection().exec_driver_sql("SELECT count(*) FROM child_name_order WHERE id = ?", (new.id,))
        assert order.scalar() == 1  # the name order the children list walks
        opened = s.execute(select(AuditEntry.entity_uuid, AuditEntry.subject_uuid)
                           .where(AuditEntry.action == "case_open")).all()
        children = set(s.scalars(select(Child.uuid).where(Child.id.in_([c.child_id for c in cases]))))
        assert {u for u, _ in opened} == {u for _, u in opened} == children  # in each child's history
        assert s.scalar(select(func.count()).select_from(AuditEntry).where(
            AuditEntry.action == "create", AuditEntry.entity_uuid == new.uuid)) == 1


def test_ambiguous_rows_are_left_out_until_resolved(reg: Database) -> None:
    with reg.reader() as s:
        smhying = s.scalar(select(Child.uuid).where(Child.first_name == "สมหญิง"))
    sh = Sheet(HEAD, [
        ["1", "ด.ญ.", "สมหญิ", "ดีงาม", "2011-07-08"],  # a similar name only
        ["2", "ด.ช.", "ภูผา", "ใจกล้า", "2012-03-04", NID[0]],
        ["3", "ด.ช.", "ภูผา", "ใจกล้า", "2012-03-04", NID[0]],  # the list's own repeat
        ["4", "ด.ช.", "ไม่มี", "อะไร"],  # no ID, no birth date: cannot be compared
    ])
    plan = plan_of(reg, sh)
    assert kinds(plan) == {2: RowKind.AMBIGUOUS, 3: RowKind.MATCHED, 4: RowKind.AMBIGUOUS,
                           5: RowKind.AMBIGUOUS}
    assert plan.rows[0].candidates == (smhying,)
    assert "แถวที่ 3" in plan.rows[2].reason
    with reg.session() as s:
        batch = commit_case_import(s, plan)
    assert (batch.cases, batch.left_out) == (1, 3)
    # resolved: row 2 is the registry's สมหญิง, row 5 a new child (it then needs its sex and birth date)
    sh2 = Sheet(HEAD, [["1", "ด.ญ.", "สมหญิ", "ดีงาม", "2011-07-08"], ["2", "ด.ช.", "ไม่มี", "อะไร"]])
    plan2 = plan_of(reg, sh2, resolutions={2: str(smhying), 3: NEW_CHILD})
    assert kinds(plan2) == {2: RowKind.MATCHED, 3: RowKind.INVALID}
    assert plan2.rows[0].resolved and plan2.rows[0].child == smhying
    assert any(p.field == "birth_date" and p.row == 3 and "วันเกิด" in p.message for p in plan2.errors())
    plan3 = plan_of(reg, sh2, resolutions={2: "no-such-uuid"})
    assert plan3.rows[0].kind is RowKind.INVALID and "ไม่พบเด็กที่เลือก" in plan3.rows[0].reason


def test_a_child_with_an_open_case_is_left_out(reg: Database) -> None:
    sh = Sheet(HEAD, [["1", "ด.ช.", "ภูผา", "ใจกล้า", "2012-03-04", NID[0]]])
    with reg.session() as s:
        commit_case_import(s, plan_of(reg, sh))
    again = plan_of(reg, sh)
    assert kinds(again) == {2: RowKind.OPEN_CASE}
    assert "กรณีที่ยังไม่ปิด" in again.rows[0].reason
    with reg.session() as s, pytest.raises(ValueError, match="ไม่มีแถวที่นำเข้า"):
        commit_case_import(s, again)
    assert count(reg, OosCase) == 1


def test_bad_rows_say_their_row_field_and_a_thai_message(reg: Database) -> None:
    sh = Sheet(HEAD, [
        ["1", "ด.ช.", "ดี", "มาก", "31/02/2555", NID[6]],  # no such day
        ["2", "ด.ช.", "ดี", "น้อย", "2014-01-02", "1234567890123"],  # a national ID's check digit
        ["3", "", "ไร้", "เพศ", "2014-01-02", NID[7]],  # a new child with no sex nor prefix
        ["4", "ด.ช.", "ภูผา", "ใจกล้า", "2099-01-01", NID[0]],  # born in the future
    ])
    plan = plan_of(reg, sh)
    assert kinds(plan) == {2: RowKind.INVALID, 3: RowKind.INVALID, 4: RowKind.INVALID, 5: RowKind.INVALID}
    fields = {(p.row, p.field) for p in plan.errors()}
    assert {(2, "birth_date"), (3, "national_id"), (4, "sex"), (5, "birth_date")} <= fields
    for p in plan.errors():
        assert p.row and p.message and any("\u0e00" <= ch <= "\u0e7f" for ch in p.message)
    assert {p.column for p in plan.errors() if p.row == 2} == {"วันเกิด"}


def test_a_file_without_a_name_or_anything_to_match_by_is_blocked(reg: Database) -> None:
    plan = plan_of(reg, Sheet(["ชื่อ", "นามสกุล", "หมู่ที่"], [["ก", "ข", "1"]]))
    assert plan.blocked and list(plan.importable()) == []
    assert any("เลขประจำตัวประชาชน รหัส G หรือวันเกิด" in p.message for p in plan.file_problems)
    plan = plan_of(reg, Sheet(["เลขประจำตัวประชาชน"], [[NID[0]]]))
    assert plan.blocked and any("ชื่อ-นามสกุล" in p.message for p in plan.file_problems)


def test_a_file_without_a_name_column_says_so_once_not_on_every_row(reg: Database) -> None:
    """No column names the child: the file's problem is said once (the column missing, the
    headers the file has, the column to add); its rows are not checked one by one, so no
    row says a prefix, a sex or a name is missing (what follows from the missing column)."""
    sh = Sheet(["ลำดับ", "วันเดือนปีเกิด", "เลขประจำตัวประชาชน"],
               [["1", "04/03/2555", NID[0]], ["2", "02/01/2557", NID[5]], ["3", "20/10/2554", ""]])
    plan = plan_of(reg, sh)
    assert plan.blocked and list(plan.importable()) == [] and plan.unchecked == 3
    assert plan.rows == [] and all(p.row == 0 for p in plan.problems())
    [said] = plan.errors()
    assert "ชื่อ-นามสกุล" in said.message and "ลำดับ, วันเดือนปีเกิด, เลขประจำตัวประชาชน" in said.message
    assert "คำนำหน้า" not in said.message and "เพศ" not in said.message
    plan = plan_of(reg, Sheet(["ชื่อ", "เลขประจำตัวประชาชน"], [["ภูผา", NID[0]]]))  # a first name only
    [said] = plan.errors()
    assert plan.unchecked == 1 and "นามสกุล" in said.message and plan.rows == []


def test_a_plan_writes_nothing(reg: Database) -> None:
    sh = Sheet(HEAD, [["1", "ด.ช.", "ใหม่", "มาก", "2014-01-02", NID[5]]])
    before = (count(reg, Child), count(reg, OosCase))
    with reg.reader() as s:
        n_batches = s.scalar(select(func.count()).select_from(ImportBatch))
    plan = plan_of(reg, sh)
    assert plan.counts()[RowKind.NEW] == 1
    assert (count(reg, Child), count(reg, OosCase)) == before
    with reg.reader() as s:
        assert s.scalar(select(func.count()).select_from(ImportBatch)) == n_batches


def test_a_failure_in_the_middle_of_the_commit_leaves_nothing(reg: Database,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    from desktop.services import case_import_commit, demo

    sh = Sheet(HEAD, [["1", "ด.ช.", "ภูผา", "ใจกล้า", "2012-03-04", NID[0]],
                      ["2", "ด.ช.", "ใหม่", "มาก", "2014-01-02", NID[5]]])
    plan = plan_of(reg, sh)
    real = demo.insert_sql

    def failing(conn, table, *a, **kw):  # type: ignore[no-untyped-def]
        if table == "oos_case_status":  # the children and the cases are written by then
            raise RuntimeError("disk gone")
        return real(conn, table, *a, **kw)

    monkeypatch.setattr(case_import_commit, "insert_sql", failing)
    before = (count(reg, Child), count(reg, OosCase), count(reg, Household))
    with pytest.raises(RuntimeError), reg.session() as s:
        commit_case_import(s, plan)
    assert (count(reg, Child), count(reg, OosCase), count(reg, Household)) == before
    with reg.reader() as s:
        assert s.scalar(select(func.count()).select_from(ImportBatch)) == 0
        assert s.scalar(select(func.count()).select_from(OosCaseStatus)) == 0


def test_undo_removes_the_cases_and_the_new_children_only(reg: Database) -> None:
    sh = Sheet(HEAD, [["1", "ด.ช.", "ภูผา", "ใจกล้า", "2012-03-04", NID[0]],
                      ["2", "ด.ช.", "ใหม่", "มาก", "2014-01-02", NID[5]]])
    before = count(reg, Child)
    with reg.session() as s:
        batch = commit_case_import(s, plan_of(reg, sh))
    sign_in(reg, actor_with(Role.SUPERVISOR, name="หัวหน้า"))  # case.import, not import
    with reg.session() as s:
        assert imports.undo_batch(s, batch.uuid) == 1
    assert count(reg, Child) == before and count(reg, OosCase) == 0 and count(reg, OosCaseStatus) == 0
    with reg.reader() as s:
        assert s.scalar(select(Child.deleted_at).where(Child.national_id == NID[0])) is None  # matched: kept
    sign_in(reg, actor_with(Role.PROVINCE))  # import, not case.import: not a case list's undo
    with reg.session() as s, pytest.raises(NotPermitted):
        imports.undo_batch(s, batch.uuid)


@pytest.mark.parametrize("role", [Role.CASE_WORKER, Role.PROVINCE, Role.TEACHER])
def test_without_case_import_the_list_is_refused(reg: Database, role: Role) -> None:
    sh = Sheet(HEAD, [["1", "ด.ช.", "ภูผา", "ใจกล้า", "2012-03-04", NID[0]]])
    plan = plan_of(reg, sh)
    sign_in(reg, actor_with(role))
    with reg.reader() as s, pytest.raises(NotPermitted):
        plan_case_import(s, sh, suggest_case_mapping(sh.headers), today=TODAY)
    with reg.session() as s, pytest.raises(NotPermitted):
        commit_case_import(s, plan)
    assert count(reg, OosCase) == 0


@pytest.mark.parametrize("role", [Role.CLERK, Role.SUPERVISOR])
def test_the_clerk_and_the_supervisor_may_import(reg: Database, role: Role) -> None:
    sign_in(reg, actor_with(role, name="ผู้นำเข้า"))
    sh = Sheet(HEAD, [["1", "ด.ช.", "ภูผา", "ใจกล้า", "2012-03-04", NID[0]]])
    with reg.session() as s:
        commit_case_import(s, plan_of(reg, sh), actor="")
    with reg.reader() as s:
        case = s.scalars(select(OosCase)).one()
        assert case.status_by == "ผู้นำเข้า"


def test_progress_is_reported_and_a_cancel_leaves_nothing(reg: Database) -> None:
    from desktop.services.progress import Cancelled, Progress

    sh = Sheet(HEAD, [["1", "ด.ช.", "ภูผา", "ใจกล้า", "2012-03-04", NID[0]],
                      ["2", "ด.ช.", "ใหม่", "มาก", "2014-01-02", NID[5]]])
    steps: list[tuple[int, int, str]] = []
    with reg.reader() as s:
        plan = plan_case_import(s, sh, suggest_case_mapping(sh.headers), today=TODAY,
                                progress=Progress(lambda d, t, m: steps.append((d, t, m))))
    assert steps and steps[0][0] == 0
    saving: list[tuple[int, int, str]] = []

    def step(done: int, total: int, message: str) -> None:
        saving.append((done, total, message))
        if done:
            progress.cancel()  # the clerk presses cancel after the first chunk

    progress = Progress(step)
    before = count(reg, Child)
    with pytest.raises(Cancelled), reg.session() as s:
        commit_case_import(s, plan, progress=progress)
    assert saving and count(reg, Child) == before and count(reg, OosCase) == 0


def test_a_list_of_full_names_without_prefixes_matches_and_warns_only_new_children(reg: Database) -> None:
    sh = Sheet(["ชื่อ-นามสกุล", "วันเกิด", "เลขประจำตัวประชาชน"], [
        ["ภูผา ใจกล้า", "2012-03-04", NID[0]],  # in the registry: no prefix needed
        ["สมหญิง ดีงาม", "2011-07-08", ""],  # in the registry by name and birth date: no ID is no matter
        ["ไร้ คำนำหน้า", "2014-01-02", ""],  # new: needs a prefix or a sex
    ])
    plan = plan_of(reg, sh)
    assert kinds(plan) == {2: RowKind.MATCHED, 3: RowKind.MATCHED, 4: RowKind.INVALID}
    assert plan.rows[0].problems == [] and plan.rows[1].problems == []
    assert {p.field for p in plan.rows[2].problems} >= {"prefix", "sex"}
