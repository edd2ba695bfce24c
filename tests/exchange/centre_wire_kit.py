"""Issue 12's records at a municipality for the exchange's tests: the demo's centres (rooms,
placements, a term of registers, absences, closed days), growth measurements and DSPM
checks (fill_demo with screenings), plus what a 60-child demo lacks: a lunch and a milk
rate, and a suspected delay re-checked, still delayed and referred (the re-check names
its first check). Rows written through the ORM, as the services write them."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from office_kit import Site, local_office_id
from sqlalchemy import select

from desktop.services.exchange_wire import BY_WIRE, WireTable, wire_value
from desktop.store.case_state import OosCase, OosTracePhoto, OosTraceVisit
from desktop.store.centre_state import CentreRate
from desktop.store.growth_state import DspmCheck, DspmCheckItem, DspmReferral

CENTRE_WIRES = ("centre_room", "centre_placement", "centre_register", "centre_absence", "centre_closed_day",
                "centre_rate", "growth_measurement", "dspm_check", "dspm_check_item", "dspm_referral")


@dataclass(frozen=True)
class Extras:
    recheck: str  # uuid of the re-check
    first: str  # uuid of its first check
    referral: str


def add_centre_extras(site: Site) -> Extras:
    office = local_office_id(site.db)
    with site.db.session() as s:
        for kind, satang in (("lunch", 2100), ("milk", 737)):
            s.add(CentreRate(kind=kind, fiscal_year_be=2570, valid_from=date(2026, 10, 1), satang=satang,
                             source="หนังสือทดสอบ", checked=False, origin_office_id=office))
        first = s.scalars(select(DspmCheck).where(DspmCheck.first_check_id.is_(None)).order_by(DspmCheck.id)).first()
        assert first is not None, "the demo made no DSPM check"
        first.outcome, first.code, first.recheck_due = "suspected_delay", "1B261", first.checked_on + timedelta(days=30)
        items = s.scalars(select(DspmCheckItem).where(DspmCheckItem.check_id == first.id)
                          .order_by(DspmCheckItem.item_no)).all()
        items[0].passed = False
        recheck = DspmCheck(child_id=first.child_id, age_months=first.age_months,
                            checked_on=first.checked_on + timedelta(days=20), assessor="ครูทดสอบ",
                            first_check_id=first.id, outcome="refer_teda4i", code="1B262", recheck_due=None,
                            manual=first.manual, origin_office_id=office)
        s.add(recheck)
        s.flush()
        s.add(DspmCheckItem(check_id=recheck.id, item_no=items[0].item_no, passed=False, origin_office_id=office))
        referral = DspmReferral(check_id=recheck.id, hospital="โรงพยาบาลทดสอบ", letter_no="นม 123/2569",
                                sent_on=recheck.checked_on + timedelta(days=1), origin_office_id=office)
        s.add(referral)
        s.flush()
        return Extras(recheck.uuid, first.uuid, referral.uuid)


def wire_rows(site: Site, wire: str, office_code: str | None = None) -> dict[str, dict[str, Any]]:
    """``wire``'s rows of the municipality (``office_code`` None: the local office's) as
    they would travel, by uuid: own fields, references as the uuid (a year as its
    Buddhist-Era year) of the row referred to, read back from the database's ids."""
    from desktop.store.models import Office

    t: WireTable = BY_WIRE[wire]
    tbl = t.table
    with site.db.reader() as s:
        where = Office.is_local.is_(True) if office_code is None else Office.code == office_code
        office = s.scalars(select(Office.id).where(where)).one()
        out = {}
        for row in s.execute(select(tbl).where(tbl.c.origin_office_id == office)).mappings():
            wired = {w: wire_value(row[c]) for w, c in t.fields}
            for w, column, target in t.refs:
                key = "year_be" if target.name == "academic_year" else "uuid"
                wired[w] = s.scalar(select(target.c[key]).where(target.c.id == row[column])) \
                    if row[column] is not None else None
            out[str(row["uuid"])] = wired
        return out


def add_case_trace(site: Site) -> str:
    """A tracing visit with a photo on the first case (the demo makes none); the photo's uuid."""
    office = local_office_id(site.db)
    with site.db.session() as s:
        case = s.scalars(select(OosCase).order_by(OosCase.id)).first()
        assert case is not None, "the demo made no case"
        visit = OosTraceVisit(case_id=case.id, visited_on=case.opened_on + timedelta(days=3), visitors="ครูทดสอบ",
                              met="ยาย", result="found", lat_e6=14_970_000, lon_e6=102_100_000, note="พบที่บ้าน",
                              origin_office_id=office)
        s.add(visit)
        s.flush()
        data = b"\xff\xd8not really a jpeg\xff\xd9"
        photo = OosTracePhoto(visit_id=visit.id, data=data, sha256=hashlib.sha256(data).hexdigest(), width=640,
                              height=480, origin_office_id=office)
        s.add(photo)
        s.flush()
        return photo.uuid


def add_case_transfer(site: Site) -> str:
    """A transfer row on the last case (the demo makes none; 0023's table); its uuid."""
    from desktop.store.case_state import OosTransfer

    office = local_office_id(site.db)
    with site.db.session() as s:
        case = s.scalars(select(OosCase).order_by(OosCase.id.desc())).first()
        assert case is not None, "the demo made no case"
        row = OosTransfer(case_id=case.id, to_office="6300202", to_office_name="อบต.\"โนนสูง\" \\ ทดสอบ",
                          transferred_on=case.opened_on + timedelta(days=30), transferred_by="boss",
                          origin_office_id=office)
        s.add(row)
        s.flush()
        return row.uuid
