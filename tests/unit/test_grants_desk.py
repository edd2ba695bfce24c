"""What the grant rounds' page needs of the services: a class's attendance sheet, the same
payment to several children (all or none), a payment returned (due again), the
reconciliation per institution and per programme, the spreadsheets of every list; the
clerk's ``grants`` for the writing ones."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from actors import actor_with
from openpyxl import load_workbook
from sqlalchemy import select

from desktop.domain.errors import ValidationFailed
from desktop.domain.grants import Outcome, Programme
from desktop.domain.roles import Role
from desktop.domain.screening import PovertyLevel
from desktop.services.access import NotPermitted, sign_in
from desktop.services.demo import fill_demo
from desktop.services.grants import RoundValues, create_round, eligibility, record_attendance
from desktop.services.grants_attendance import attendance_classes, attendance_sheet
from desktop.services.grants_exports import (
    export_class_attendance,
    export_payments,
    export_programme_totals,
    export_reconciliation,
    export_rounds,
)
from desktop.services.grants_payments import (
    payments,
    programme_totals,
    reconciliation,
    record_payments,
    return_payment,
)
from desktop.store.db import Database
from desktop.store.models import AuditEntry

PAID = date(2026, 12, 15)
TODAY = date(2026, 12, 20)


@pytest.fixture
def round_db(office_db: Database) -> tuple[Database, int]:
    fill_demo(office_db.engine, children=400, seed=4, today=date(2026, 11, 30), screenings=True)
    with office_db.session() as s:
        rid = create_round(s, RoundValues(Programme.EEF, "ทุนเสมอภาค 1/2569", 2569, 1,
                                          levels=frozenset({PovertyLevel.EXTREME, PovertyLevel.POOR}),
                                          attendance_percent=80))
    return office_db, rid


def _waiting(db: Database, rid: int, n: int) -> list[str]:
    with db.reader() as s:
        return [r.child_uuid for r in eligibility(s, rid) if r.outcome is Outcome.HELD][:n]


def test_a_class_sheet_shows_what_is_recorded(round_db: tuple[Database, int]) -> None:
    db, rid = round_db
    with db.reader() as s:
        classes = attendance_classes(s, rid)
        first = classes[0]
        lines = attendance_sheet(s, rid, first.institution_id, first.level_code, first.classroom)
    assert sum(c.children for c in classes) >= 300 and all(c.recorded == 0 for c in classes)
    assert len(lines) == first.children and all(a.days_present is None for a in lines)
    with db.session() as s:
        record_attendance(s, 2569, 1, [(lines[0].child_uuid, 90, 100)])
    with db.reader() as s:
        again = attendance_sheet(s, rid, first.institution_id, first.level_code, first.classroom)
        assert attendance_classes(s, rid)[0].recorded == 1
    assert (again[0].days_present, again[0].days_open) == (90, 100)


def test_several_children_paid_at_once_all_or_none_and_a_return(round_db: tuple[Database, int]) -> None:
    db, rid = round_db
    a, b, c = _waiting(db, rid, 3)
    with db.session() as s:
        record_attendance(s, 2569, 1, [(a, 90, 100), (b, 80, 100), (c, 79, 100)])
    with db.session() as s, pytest.raises(ValidationFailed) as caught:  # c is held: nothing recorded
        record_payments(s, rid, [a, b, c], paid_on=PAID, method="cash", today=TODAY)
    assert [p.field for p in caught.value.problems] == ["child"] and "79/100" in caught.value.problems[0].message
    with db.reader() as s:
        assert payments(s, rid) == []
    with db.session() as s, pytest.raises(ValidationFailed) as caught:
        record_payments(s, rid, [a], paid_on=date(2027, 1, 1), method="transfer", today=TODAY)
    assert {p.field for p in caught.value.problems} == {"reference", "paid_on"}
    with db.session() as s:
        made = record_payments(s, rid, [a, b], paid_on=PAID, method="cash", today=TODAY)
    assert len(made) == 2
    with db.reader() as s:
        due = {r.child_uuid: r for r in eligibility(s, rid)}
        listed = payments(s, rid)
    assert {p.child_uuid for p in listed} == {a, b} and all(p.amount == due[p.child_uuid].amount for p in listed)
    with db.reader() as s:  # one audit entry per payment, in the child's history
        audited = s.execute(select(AuditEntry.subject_uuid, AuditEntry.detail)
                            .where(AuditEntry.action == "grant_payment")).all()
    assert sorted(u for u, _d in audited) == sorted([a, b]) and all(m in " ".join(d for _u, d in audited) for m in made)
    with db.session() as s, pytest.raises(ValidationFailed) as caught:  # paid in full
        record_payments(s, rid, [a], paid_on=PAID, method="cash", today=TODAY)
    assert "จ่ายครบ" in caught.value.problems[0].message
    with db.session() as s, pytest.raises(ValidationFailed):
        return_payment(s, made[0], reason=" ")
    with db.session() as s:
        return_payment(s, made[0], reason="ผู้ปกครองย้ายออกนอกพื้นที่")
    with db.reader() as s:
        total = reconciliation(s, rid)[-1]
        by_programme = programme_totals(s)
        schools = reconciliation(s, rid)[:-1]
    assert (total.name, total.eligible, total.paid, total.returned, total.unpaid) == ("รวม", 2, 1, 1, 1)
    assert total.returned_amount == due[a].amount and total.paid_amount == due[b].amount
    assert sum(t.eligible for t in schools) == 2 and sum(t.returned for t in schools) == 1
    assert by_programme[0].name.endswith("· 1/2569") and by_programme[-1].paid_amount == total.paid_amount
    with db.session() as s:  # due again after the return
        record_payments(s, rid, [a], paid_on=PAID, method="transfer", reference="TX-9", today=TODAY)


def test_every_list_exports(round_db: tuple[Database, int], tmp_path: Path) -> None:
    db, rid = round_db
    a = _waiting(db, rid, 1)[0]
    with db.session() as s:
        record_attendance(s, 2569, 1, [(a, 95, 100)])
        record_payments(s, rid, [a], paid_on=PAID, method="cash", today=TODAY)
    with db.reader() as s:
        first = attendance_classes(s, rid)[0]
        assert export_rounds(s, tmp_path / "r.xlsx") == 1
        assert export_payments(s, rid, tmp_path / "p.xlsx") == 1
        assert export_reconciliation(s, rid, tmp_path / "c.xlsx") >= 2
        assert export_programme_totals(s, tmp_path / "t.csv") == 2
        assert export_class_attendance(s, rid, first.institution_id, first.level_code, first.classroom,
                                       tmp_path / "a.xlsx") == first.children
    sheet = load_workbook(tmp_path / "p.xlsx").active
    assert [c.value for c in sheet[1]][:5] == ["เด็ก", "สถานศึกษา", "จำนวนเงิน (บาท)", "วันที่จ่าย", "วิธีจ่าย"]
    assert sheet[2][4].value == "เงินสดให้ผู้ปกครอง"
    assert [c.value for c in load_workbook(tmp_path / "a.xlsx").active[1]] == [
        "เลขประจำตัวประชาชน", "ชื่อ-สกุล", "มาเรียน", "วันเปิดเรียน"]


def test_paying_and_returning_need_the_clerk(round_db: tuple[Database, int]) -> None:
    db, rid = round_db
    sign_in(db, actor_with(Role.CERTIFIER))
    with db.reader() as s:
        assert reconciliation(s, rid)  # registry.read sees the lists
        with pytest.raises(NotPermitted):
            attendance_classes(s, rid)
    with db.session() as s, pytest.raises(NotPermitted):
        record_payments(s, rid, ["x"], paid_on=PAID, method="cash")
    with db.session() as s, pytest.raises(NotPermitted):
        return_payment(s, "x", reason="r")


def test_the_eligible_list_is_in_class_order(round_db: tuple[Database, int]) -> None:
    from desktop.domain.levels import LEVELS

    db, rid = round_db
    order = {lv.code: n for n, lv in enumerate(LEVELS)}
    with db.reader() as s:
        rows = eligibility(s, rid)
    first = rows[0].institution
    levels = [order[r.class_level] for r in rows if r.institution == first and r.class_level]
    assert levels == sorted(levels) and len(set(levels)) > 1  # ป.1 before ม.1, not by the codes' letters
