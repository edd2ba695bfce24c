"""Two municipalities and their province for the transfer of a case (issue 13): A has a
child with a case driven through the real services (two tracing visits, an assessment, a
plan approved in two versions, follow-ups, a referral), then closed as transferred to B;
A's bundle is imported at the province. The province then writes B's transfer file."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from actors import TEST_PASSWORD
from case_core_kit import case_children
from case_plan_kit import approved_plan, as_user, case_at, plan
from office_kit import PROVINCE, TOWN_A, TOWN_B, Site, make_site, trust_each_other

from desktop.domain.case_followup import FollowUp, FollowUpResult
from desktop.domain.case_plan import Agency
from desktop.domain.case_referral import Referral
from desktop.domain.cases import CaseStatus
from desktop.domain.roles import Action
from desktop.exchange.bundle import verify_bundle, write_bundle
from desktop.services.access import authenticate, sign_in
from desktop.services.case_followups import record_follow_up
from desktop.services.case_referrals import send_referral
from desktop.services.case_trace import record_visit
from desktop.services.case_transfer import write_transfer_file
from desktop.services.cases import transfer_close
from desktop.services.exchange_export import export_bundle
from desktop.services.exchange_import import import_file
from desktop.services.exchange_keys import office_private_keys
from desktop.services.exchange_trust import DatabaseTrustList

PW = TEST_PASSWORD
TODAY = date(2026, 12, 1)
MOVED = date(2026, 11, 20)


@dataclass
class Transfer:
    a: Site
    b: Site
    p: Site
    child: str  # A's child uuid
    national_id: str
    case_id: int  # A's case id

    def close(self) -> None:
        for site in (self.a, self.b, self.p):
            site.db.dispose()


def as_admin(site: Site) -> None:
    sign_in(site.db, authenticate(site.db, "admin", TEST_PASSWORD))


def make_transfer(tmp: Path) -> Transfer:
    """A's case, transferred to B and sent to the province (imported there)."""
    a = make_site(tmp / "a.db", *TOWN_A, "municipality")
    b = make_site(tmp / "b.db", *TOWN_B, "municipality")
    p = make_site(tmp / "p.db", *PROVINCE, "province")
    trust_each_other(p, a, b)
    kit = case_children(a.db, 2)
    child = kit.children[1]
    case_id = case_at(a.db, child, CaseStatus.IN_PLAN)  # found, assessed, plan v1 approved, in plan
    with as_user(a.db, "worker1"), a.db.session() as s:
        record_visit(s, case_id, date(2026, 9, 3), visitors="ครูสมศรี", result=CaseStatus.NOT_FOUND, met="ยาย",
                     lat_e6=14_970_000, lon_e6=102_100_000, note="ไม่พบเด็ก ยายบอกว่าไปทำงานไร่", today=TODAY)
        record_visit(s, case_id, date(2026, 9, 4), visitors="ครูสมศรี, อสม.การศึกษา", result=CaseStatus.FOUND, met="เด็กและแม่",
                     note="พบเด็กที่บ้าน", photos=(), today=TODAY)
    approved_plan(a.db, case_id, date(2026, 10, 1))  # version 2
    with as_user(a.db, "worker1"), a.db.session() as s:
        record_follow_up(s, case_id, FollowUp(date(2026, 10, 10), "", FollowUpResult.ON_TRACK, "ไปเรียน กศน. ทุกสัปดาห์"),
                         today=TODAY)
        record_follow_up(s, case_id, FollowUp(date(2026, 11, 10), "", FollowUpResult.AT_RISK, "ขาดเรียนสองครั้ง",
                                              date(2026, 11, 25)), today=TODAY)
        send_referral(s, case_id, Referral(Agency.SOCIAL_DEVELOPMENT, "พมจ.นครราชสีมา", "ขอเงินสงเคราะห์ครอบครัว",
                                           date(2026, 10, 2), ""), letter_no="นม 0023/2569", today=TODAY)
    with as_user(a.db, "boss1"), a.db.session() as s:
        transfer_close(s, case_id, MOVED, office=TOWN_B[1], office_code=TOWN_B[0], note="ย้ายตามแม่ไปทำงาน",
                       today=TODAY)
    for site in (a, b, p):
        as_admin(site)
    with a.db.session() as s:
        export_bundle(s, tmp / "a1.samoe", password=PW)
    with p.db.session() as s:
        import_file(s, tmp / "a1.samoe", password=PW)
    return Transfer(a, b, p, child, kit.national_ids[1], case_id)


def another_transfer(t: Transfer, tmp: Path) -> None:
    """A's other child's case, closed as transferred to B too and sent in A's next bundle
    (imported at the province): a transfer that arrives after B's file was written."""
    from sqlalchemy import select

    from desktop.store.models import Child

    with t.a.db.reader() as s:
        other = s.scalars(select(Child.uuid).where(Child.uuid != t.child, Child.deleted_at.is_(None))
                          .order_by(Child.id)).first()
    assert other is not None
    case_id = case_at(t.a.db, other, CaseStatus.IN_PLAN)
    with as_user(t.a.db, "boss1"), t.a.db.session() as s:
        transfer_close(s, case_id, MOVED, office=TOWN_B[1], office_code=TOWN_B[0], note="ย้ายตามพ่อ", today=TODAY)
    as_admin(t.a)
    with t.a.db.session() as s:
        export_bundle(s, tmp / "a2.samoe", password=PW)
    with t.p.db.session() as s:
        import_file(s, tmp / "a2.samoe", password=PW)


def add_namesake(t: Transfer, *, national_id: str | None = None, house: str = "") -> str:
    """A child of B's registry with the same first name, last name and birth date as A's
    transferred child (no national ID unless given; a household at ``house`` if given):
    the case's child may be this one, or another who shares the name. Its uuid."""
    from sqlalchemy import select

    from desktop.store.models import Child, Household, Office

    with t.a.db.reader() as s:
        sent = s.scalars(select(Child).where(Child.uuid == t.child)).one()
        prefix, first, last, born, sex = sent.prefix, sent.first_name, sent.last_name, sent.birth_date, sent.sex
    with t.b.db.session() as s:
        office = s.scalars(select(Office.id).where(Office.is_local.is_(True))).one()
        household = None
        if house:
            household = Household(house_no=house, village_no="3", village_name="บ้านโนนสูง", subdistrict="โนนสูง",
                                  district="โนนสูง", province="นครราชสีมา", origin_office_id=office)
            s.add(household)
            s.flush()
        child = Child(prefix=prefix, first_name=first, last_name=last, sex=sex, birth_date=born,
                      id_type="national_id" if national_id else "none", national_id=national_id,
                      household_id=household.id if household is not None else None, origin_office_id=office)
        s.add(child)
        s.flush()
        return child.uuid


Tables = dict[str, list[dict[str, Any]]]


def tables_of(t: Transfer, data: bytes) -> Tables:
    """The rows of B's transfer file, opened with B's keys."""
    with t.b.db.session() as s:
        mine = office_private_keys(s, Action.EXPORT_APPROVE, password=PW)
        verified = verify_bundle(data, trust=DatabaseTrustList(s), me=mine.keys, box_private=mine.box, chain=None,
                                 now=datetime.now(UTC))
        tables: Tables = {}
        for table, row in verified.rows():
            tables.setdefault(table, []).append(row)
    t.b.db.dispose()
    return tables


def reseal(t: Transfer, data: bytes, out: Path, edit: Callable[[Tables], None], *, signer: Site | None = None,
           action: Action = Action.MERGE) -> Path:
    """B's file opened, its rows changed by ``edit``, signed again by the province (or
    ``signer``) for B: what a province whose rows were hostile would write."""
    tables = tables_of(t, data)
    edit(tables)
    with t.b.db.reader() as s:
        mine = office_private_keys(s, Action.EXPORT_APPROVE, password=PW).keys
    signer = signer or t.p
    with signer.db.session() as s:
        theirs = office_private_keys(s, action, password=PW)
    for site in (t.b, signer):
        site.db.dispose()
    write_bundle(out, sender=theirs.keys, sign_private=theirs.signing, recipient=mine, tables=tables, sequence=1,
                 previous=None, created=datetime.now(UTC), schema="0023", program="test")
    return out


def write_for_b(t: Transfer, out: Path, **kw: Any) -> Any:
    with t.p.db.session() as s:
        return write_transfer_file(s, TOWN_B[0], out, password=PW, **kw)


__all__ = ["PW", "TODAY", "Tables", "Transfer", "add_namesake", "another_transfer", "make_transfer", "plan", "reseal",
           "tables_of", "write_for_b"]
