"""People by full name in the case module (services/people.py): the services store the
login, every screen and printout shows the person's name (a login not found is shown as
stored); a supervisor assigns a case to a user holding the case worker's role, audited;
the list filters by login or by name; the case summary PDF signs with names."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from actors import actor_with
from case_core_kit import case_children
from case_plan_kit import TODAY, as_user, case_at
from pdf_readers import read_pages, squeeze
from sqlalchemy import event, select

from desktop.domain.cases import CaseSource, CaseStatus
from desktop.domain.errors import ValidationFailed
from desktop.domain.roles import Role
from desktop.services.access import NotPermitted, sign_in
from desktop.services.case_print import case_summary_data, case_summary_file, monthly_data
from desktop.services.cases import assign_worker, move_case, open_case
from desktop.services.cases_lists import CaseQuery, case_detail, list_cases
from desktop.services.people import case_workers, full_name, full_names
from desktop.store.db import Database
from desktop.store.models import AppUser, AuditEntry, UserRole

NAMES = {"worker1": "นายทำงาน ขยันดี", "worker2": "นางสาวใจดี มีสุข", "boss1": "นางหัวหน้า ดูแลดี"}


def _name_people(db: Database) -> None:
    with db.session() as s:
        for user in s.scalars(select(AppUser).where(AppUser.name.in_(list(NAMES)))):
            user.full_name = NAMES[user.name]


@pytest.fixture
def named(office_db: Database) -> Database:
    office_db.kit = case_children(office_db, 6)  # type: ignore[attr-defined]
    _name_people(office_db)
    return office_db


def test_logins_map_to_full_names_in_one_query(named: Database) -> None:
    statements: list[str] = []

    def count(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        statements.append(statement)

    with as_user(named, "worker1"), named.reader() as s:
        event.listen(named.engine, "before_cursor_execute", count)
        try:
            got = full_names(s, ["worker1", "boss1", "เจ้าหน้าที่ (ตัวอย่าง)", "", "worker1", "ghost"])
        finally:
            event.remove(named.engine, "before_cursor_execute", count)
        assert full_name(s, "") == ""
        assert full_name(s, "boss1") == "นางหัวหน้า ดูแลดี"
    assert got == {"worker1": "นายทำงาน ขยันดี", "boss1": "นางหัวหน้า ดูแลดี",
                   "เจ้าหน้าที่ (ตัวอย่าง)": "เจ้าหน้าที่ (ตัวอย่าง)", "ghost": "ghost"}
    assert len([x for x in statements if x.lstrip().upper().startswith("SELECT")]) == 1


def test_a_user_without_a_full_name_reads_as_the_login(named: Database) -> None:
    with named.session() as s:
        s.scalars(select(AppUser).where(AppUser.name == "worker2")).one().full_name = "  "
    with as_user(named, "worker1"), named.reader() as s:
        assert full_names(s, ["worker2"]) == {"worker2": "worker2"}


def test_names_need_a_case_or_user_role(named: Database) -> None:
    sign_in(named, actor_with(Role.TEACHER, name="t"))
    with named.reader() as s, pytest.raises(NotPermitted):
        full_names(s, ["worker1"])


def test_only_case_workers_are_offered_and_accepted(named: Database) -> None:
    with named.session() as s:  # a suspended case worker is offered to nobody
        gone = AppUser(name="gone1", full_name="นายลาออก แล้ว", password_hash="x", disabled_at=date(2026, 1, 1))
        gone.roles.append(UserRole(role=Role.CASE_WORKER.value))
        s.add(gone)
    kit = named.kit  # type: ignore[attr-defined]
    with as_user(named, "boss1"), named.session() as s:
        assert [(p.login, p.full_name) for p in case_workers(s)] == [("worker2", "นางสาวใจดี มีสุข"),
                                                                     ("worker1", "นายทำงาน ขยันดี")]
        case_id = open_case(s, kit.children[0], date(2026, 10, 1), source=CaseSource.TEACHER, today=TODAY).id
        for login, said in (("boss1", "ไม่ได้มีบทบาทเจ้าหน้าที่ติดตาม"), ("clerk1", "ไม่ได้มีบทบาทเจ้าหน้าที่ติดตาม"),
                            ("gone1", "ถูกระงับ"), ("nobody", "ไม่พบผู้ใช้ชื่อ nobody")):
            with pytest.raises(ValidationFailed) as refused:
                assign_worker(s, case_id, login)
            assert said in refused.value.problems[0].message and refused.value.problems[0].field == "worker"
        with pytest.raises(ValidationFailed) as refused:
            assign_worker(s, case_id, "boss1")
        assert "นางหัวหน้า ดูแลดี" in refused.value.problems[0].message  # named by name
        with pytest.raises(ValidationFailed) as missing:
            assign_worker(s, 9999, "worker1")
        assert missing.value.problems[0].field == "case"
        assert assign_worker(s, case_id, "worker2").worker == "worker2"
        assert assign_worker(s, case_id, "").worker == ""
        assert assign_worker(s, case_id, "worker1").worker == "worker1"
    with named.reader() as s:
        entries = s.execute(select(AuditEntry.actor, AuditEntry.detail).where(AuditEntry.action == "case_assign")
                            .order_by(AuditEntry.id)).all()
    assert [e.actor for e in entries] == ["boss1"] * 3
    assert '"new": "worker1"' in str(entries[-1].detail).replace("'", '"')
    with as_user(named, "worker1"), named.session() as s, pytest.raises(NotPermitted):
        assign_worker(s, case_id, "worker2")  # a case worker does not assign


def test_the_list_shows_and_filters_by_name_or_login(named: Database) -> None:
    kit = named.kit  # type: ignore[attr-defined]
    with as_user(named, "boss1"), named.session() as s:
        for i, uuid in enumerate(kit.children):
            case_id = open_case(s, uuid, date(2026, 10, 1), source=CaseSource.TEACHER, today=TODAY).id
            assign_worker(s, case_id, ("worker1", "worker2", "")[i % 3])
    with as_user(named, "worker1"), named.reader() as s:
        for typed, n in (("worker1", 2), ("ขยันดี", 2), ("นางสาวใจดี มีสุข", 2), ("", 2), ("ไม่มีใครชื่อนี้", 0)):
            assert list_cases(s, CaseQuery(worker=typed), today=TODAY).total == n, typed
        rows = list_cases(s, CaseQuery(worker="worker1"), today=TODAY).rows
    assert {(r.worker, r.worker_name) for r in rows} == {("worker1", "นายทำงาน ขยันดี")}


def test_the_case_page_history_names_people(named: Database) -> None:
    kit = named.kit  # type: ignore[attr-defined]
    case_id = case_at(named, kit.children[0], CaseStatus.IN_PLAN)
    with as_user(named, "worker1"), named.reader() as s:
        detail = case_detail(s, case_id)
    assert {detail.name(h.by) for h in detail.history} == {"นายทำงาน ขยันดี"}
    assert detail.name(detail.case.worker) == "นายทำงาน ขยันดี"
    assert detail.name("someone-else") == "someone-else"


def test_the_case_summary_signs_with_full_names(named: Database, tmp_path: Path) -> None:
    """worker1 traces, assesses, writes and submits the plan; boss1 approves; the closure
    is asked for and approved: the summary names them by name, never by login."""
    kit = named.kit  # type: ignore[attr-defined]
    case_id = case_at(named, kit.children[0], CaseStatus.BACK_IN_SCHOOL, back=date(2026, 11, 3))
    with as_user(named, "worker1"), named.session() as s:
        move_case(s, case_id, CaseStatus.CLOSURE_REQUESTED, date(2026, 11, 20), today=TODAY)
    with as_user(named, "boss1"), named.session() as s:
        move_case(s, case_id, CaseStatus.CLOSED, date(2026, 11, 25), today=TODAY)
    out = tmp_path / "summary.pdf"
    with as_user(named, "worker1"), named.reader() as s:
        data = case_summary_data(s, case_id, today=TODAY)
        case_summary_file(s, case_id, out, today=TODAY)
        month = monthly_data(s, 2026, 11, today=TODAY)
    assert data.plan is not None and data.assessment is not None
    assert (data.worker, data.author, data.supervisor) == ("นายทำงาน ขยันดี", "นายทำงาน ขยันดี", "นางหัวหน้า ดูแลดี")
    assert data.plan.authors == "นายทำงาน ขยันดี" and data.plan.approved_by == "นางหัวหน้า ดูแลดี"
    assert data.assessment.by == "นายทำงาน ขยันดี"
    assert {h.by for h in data.history} == {"นายทำงาน ขยันดี", "นางหัวหน้า ดูแลดี"}
    assert all(r.worker in ("นายทำงาน ขยันดี", "") for r in month.overdue)
    text = squeeze("".join(read_pages("pdfium", out)))
    for said in ("อนุมัติโดยนางหัวหน้าดูแลดี", "ผู้จัดทำนายทำงานขยันดี", "โดยนายทำงานขยันดี", "(นางหัวหน้าดูแลดี)",
                 "(นายทำงานขยันดี)"):
        assert said in text, said
    assert "worker1" not in text and "boss1" not in text


def test_the_referral_letter_names_the_worker_to_contact(named: Database) -> None:
    from desktop.domain.case_plan import Agency
    from desktop.domain.case_referral import Referral
    from desktop.services.case_print import referral_letter_data
    from desktop.services.case_referrals import send_referral

    kit = named.kit  # type: ignore[attr-defined]
    case_id = case_at(named, kit.children[0], CaseStatus.IN_PLAN)
    with as_user(named, "worker1"), named.session() as s:
        ref = send_referral(s, case_id, Referral(Agency.SOCIAL_DEVELOPMENT, "พมจ.นครราชสีมา", "ขอรับการสงเคราะห์",
                                                 date(2026, 11, 5), ""), today=TODAY)
    with as_user(named, "worker1"), named.reader() as s:
        assert referral_letter_data(s, ref, today=TODAY).worker == "นายทำงาน ขยันดี"
