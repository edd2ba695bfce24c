"""DSPM checks through the services (issue 12): a failed item gives a suspected delay with
the re-check due 30 days later; still failed at the re-check → referral for TEDA4I, its
outcome recorded; the lists (due this month, re-checks due and overdue, referrals
waiting) page in SQL; a caregiver of one centre neither sees nor records another's."""

from __future__ import annotations

from datetime import date

import pytest
from actors import actor_with
from centre_kit import Kit, two_centres
from sqlalchemy import select

from desktop.domain.dspm import Outcome, manual
from desktop.domain.errors import ValidationFailed
from desktop.domain.roles import Role
from desktop.services.access import NotPermitted, sign_in
from desktop.services.dspm import (
    ReferralOutcome,
    check_result,
    child_checks,
    parse_referral_outcome,
    record_check,
    record_recheck,
    record_referral_outcome,
    refer,
)
from desktop.services.dspm_lists import checks_due, rechecks_due, referrals_waiting
from desktop.store.db import Database
from desktop.store.growth_state import DspmCheck, DspmCheckItem
from desktop.store.models import AuditEntry, Child

TODAY = date(2026, 12, 1)
BIRTHS = {0: date(2023, 5, 10), 1: date(2024, 5, 20), 2: date(2025, 5, 3), 3: date(2023, 5, 31), 4: date(2026, 2, 14)}


def _all(age: int, failed: tuple[int, ...] = ()) -> dict[int, bool]:
    return {i.no: i.no not in failed for i in manual().band(age).items}


@pytest.fixture
def kit(office_db: Database) -> Kit:
    kit = two_centres(office_db, n_a=12, n_b=3)
    with office_db.session() as s:
        for i, born in BIRTHS.items():
            s.scalars(select(Child).where(Child.uuid == kit.children_a[i])).one().birth_date = born
        s.scalars(select(Child).where(Child.uuid == kit.children_b[0])).one().birth_date = date(2023, 5, 15)
    return kit


def _checks(db: Database, kit: Kit) -> dict[str, int]:
    """a0 42 months: item 91 failed (re-check due 12 Dec); a1 30 months on track; a2 18 months
    failed, still failed at the re-check, referred; a4 9 months referred at once."""
    a = kit.children_a
    with db.session() as s:
        first = record_check(s, a[0], 42, date(2026, 11, 12), _all(42, (91,)), assessor="ครูเอ", today=TODAY)
        record_check(s, a[1], 30, date(2026, 11, 20), _all(30), today=TODAY)
        a2 = record_check(s, a[2], 18, date(2026, 11, 5), _all(18, (52, 55)), today=TODAY)
        again = record_recheck(s, a2.id, date(2026, 11, 25), {52: True, 55: False}, today=TODAY)
        sent = refer(s, again.id, "โรงพยาบาลโนนสูง", date(2026, 11, 26), letter_no="นม 0023/123", today=TODAY)
        now = record_check(s, a[4], 9, date(2026, 11, 16), _all(9, (30,)), refer_now=True, today=TODAY)
        sent_now = refer(s, now.id, "โรงพยาบาลมหาราช", date(2026, 11, 17), today=TODAY)
    return {"first": first.id, "a2": a2.id, "again": again.id, "sent": sent, "now": now.id, "sent_now": sent_now}


def test_a_failed_item_then_the_recheck_and_the_referral(office_db: Database, kit: Kit) -> None:
    ids = _checks(office_db, kit)
    a = kit.children_a
    with office_db.reader() as s:
        mine = child_checks(s, a[0])
        referred = child_checks(s, a[2])
        stored = s.scalars(select(DspmCheck).where(DspmCheck.id == ids["first"])).one()
        items = s.scalars(select(DspmCheckItem).where(DspmCheckItem.check_id == ids["first"])).all()
        actions = [e.action for e in s.scalars(select(AuditEntry).where(AuditEntry.action.like("dspm%")))]
        printed = check_result(s, ids["first"])  # for the activity sheet
    assert ([i.no for i in printed.failed], printed.recheck_due) == ([91], date(2026, 12, 12))
    [first] = mine
    assert (first.outcome, first.code, first.recheck_due) == (Outcome.SUSPECTED_DELAY, "1B261", date(2026, 12, 12))
    assert [i.no for i in first.failed] == [91] and first.assessor == "ครูเอ" and first.rechecked_by is None
    assert stored.manual == manual().label and len(items) == len(manual().band(42).items)
    f, again = referred
    assert f.rechecked_by == again.id and again.is_recheck and again.first_check_id == f.id
    assert (again.outcome, [i.no for i in again.failed], again.late) == (Outcome.REFER_TEDA4I, [55], False)
    assert again.referral is not None and again.referral.hospital == "โรงพยาบาลโนนสูง"
    assert again.referral.outcome is None
    assert actions.count("dspm_check") == 5 and actions.count("dspm_referral") == 2
    with office_db.session() as s:
        record_referral_outcome(s, ids["sent"], ReferralOutcome.DELAYED, date(2026, 11, 30), note="นัดกระตุ้นทุกเดือน",
                                today=TODAY)
    with office_db.reader() as s:
        done = child_checks(s, a[2])[1].referral
    assert done is not None and (done.outcome, done.outcome_on) == (ReferralOutcome.DELAYED, date(2026, 11, 30))
    assert parse_referral_outcome("delayed") is ReferralOutcome.DELAYED


def test_what_is_refused(office_db: Database, kit: Kit) -> None:
    ids = _checks(office_db, kit)
    a = kit.children_a
    refusals = [
        (lambda s: record_check(s, a[3], 42, date(2026, 11, 29), _all(42), today=TODAY), "อายุครบ 42 เดือน"),
        (lambda s: record_check(s, a[3], 41, date(2026, 11, 30), {}, today=TODAY), "ไม่มีข้อประเมินช่วงอายุที่เริ่มที่ 41"),
        (lambda s: record_check(s, a[3], 42, date(2026, 11, 30), {90: True}, today=TODAY), "ยังไม่ได้บันทึกผล"),
        (lambda s: record_check(s, a[3], 42, date(2026, 12, 2), _all(42), today=TODAY), "อนาคต"),
        (lambda s: record_recheck(s, ids["a2"], date(2026, 11, 28), {55: True}, today=TODAY), "ประเมินซ้ำแล้ว"),
        (lambda s: record_recheck(s, ids["now"], date(2026, 11, 28), {30: True}, today=TODAY), "สงสัยล่าช้า"),
        (lambda s: refer(s, ids["first"], "โรงพยาบาล", date(2026, 11, 20), today=TODAY), "ส่งต่อได้เฉพาะ"),
        (lambda s: refer(s, ids["again"], "โรงพยาบาล", date(2026, 11, 27), today=TODAY), "ส่งต่อแล้ว"),
        (lambda s: record_referral_outcome(s, ids["sent"], ReferralOutcome.ON_TRACK, date(2026, 11, 1),
                                           today=TODAY), "วันที่ได้รับผล"),
    ]
    for call, words in refusals:
        with office_db.session() as s, pytest.raises(ValidationFailed) as caught:
            call(s)
        assert words in str(caught.value), (words, str(caught.value))


def test_a_late_recheck_is_marked_late(office_db: Database, kit: Kit) -> None:
    ids = _checks(office_db, kit)
    with office_db.session() as s:
        again = record_recheck(s, ids["first"], date(2026, 12, 15), {91: True}, today=date(2026, 12, 20))
    assert (again.outcome, again.late) == (Outcome.ON_TRACK, True)  # due 12 December
    with office_db.reader() as s:
        first, shown = child_checks(s, kit.children_a[0])
        assert first.rechecked_by == again.id and shown.late
        assert rechecks_due(s, date(2026, 12, 20)).total == 0


def test_the_lists(office_db: Database, kit: Kit) -> None:
    ids = _checks(office_db, kit)
    a = kit.children_a
    with office_db.reader() as s:
        nov = checks_due(s, 2026, 11, institution_id=kit.centre_a)
        assert [(r.child.uuid, r.age_months) for r in nov.rows] == [  # by the day they reach the age
            (a[2], 18), (a[0], 42), (a[4], 9), (a[1], 30), (a[3], 42)]
        assert [r.reaches_on.day for r in nov.rows] == [3, 10, 14, 20, 30]  # 31 May + 42 months: 30 November
        assert [r.checked_on for r in nov.rows] == [date(2026, 11, 5), date(2026, 11, 12), date(2026, 11, 16),
                                                    date(2026, 11, 20), None]
        assert checks_due(s, 2026, 11).total == 6  # and centre B's child
        page = checks_due(s, 2026, 11, institution_id=kit.centre_a, offset=2, limit=2)
        assert [r.child.uuid for r in page.rows] == [a[4], a[1]] and page.total == 5
        jan = checks_due(s, 2027, 1, institution_id=kit.centre_a)
        assert jan.total == 7 and {r.age_months for r in jan.rows} == {60}
        waiting = rechecks_due(s, TODAY)
        assert [(r.check_id, r.due, r.overdue, r.days_left) for r in waiting.rows] == [
            (ids["first"], date(2026, 12, 12), False, 11)]
        assert rechecks_due(s, TODAY, overdue_only=True).total == 0
        late = rechecks_due(s, date(2026, 12, 20), overdue_only=True).rows
        assert [(r.overdue, r.days_left) for r in late] == [(True, -8)]
        refs = referrals_waiting(s, TODAY)
        assert [(r.referral_id, r.days_waiting) for r in refs.rows] == [(ids["sent_now"], 14), (ids["sent"], 5)]
        assert refs.rows[0].child.centre == "ศูนย์พัฒนาเด็กเล็กบ้านโนนสูง"
    with office_db.session() as s:
        record_referral_outcome(s, ids["sent_now"], ReferralOutcome.ON_TRACK, date(2026, 11, 30), today=TODAY)
    with office_db.reader() as s:
        assert [r.referral_id for r in referrals_waiting(s, TODAY).rows] == [ids["sent"]]


def test_a_caregiver_of_one_centre_is_refused_another_centres_child(office_db: Database, kit: Kit) -> None:
    ids = _checks(office_db, kit)
    sign_in(office_db, actor_with(Role.CAREGIVER, institution_id=kit.centre_b, name="ครูบี"))
    b0, a3 = kit.children_b[0], kit.children_a[3]
    with office_db.session() as s:
        mine = record_check(s, b0, 42, date(2026, 11, 20), _all(42, (95,)), today=TODAY)
        assert mine.assessor == "ครูบี"
        for call in (lambda: record_check(s, a3, 42, date(2026, 11, 30), _all(42), today=TODAY),
                     lambda: record_recheck(s, ids["first"], TODAY, {91: True}, today=TODAY),
                     lambda: refer(s, ids["now"], "โรงพยาบาล", TODAY, today=TODAY),
                     lambda: record_referral_outcome(s, ids["sent"], ReferralOutcome.ON_TRACK, TODAY, today=TODAY),
                     lambda: child_checks(s, kit.children_a[0]),
                     lambda: checks_due(s, 2026, 11, institution_id=kit.centre_a)):
            with pytest.raises(NotPermitted):
                call()
        assert [r.child.uuid for r in checks_due(s, 2026, 11).rows] == [b0]
        assert [r.check_id for r in rechecks_due(s, TODAY).rows] == [mine.id]
        assert referrals_waiting(s, TODAY).total == 0
    sign_in(office_db, actor_with(Role.CERTIFIER))  # a director reads, does not record
    with office_db.session() as s:
        assert len(child_checks(s, kit.children_a[0])) == 1
        with pytest.raises(NotPermitted):
            record_check(s, a3, 42, date(2026, 11, 30), _all(42), today=TODAY)
