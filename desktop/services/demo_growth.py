"""Made-up growth measurements and DSPM checks for the demo (issue 12), so the growth and
development lists have something to show: the demo centres' children (the same few
centres demo_centres.py fills) are weighed and measured once a term (about one in ten
not yet this term), their sizes drawn around WHO's medians with a few ผอม, เตี้ย and อ้วน;
each screening age (9, 18, 30, 42, 60 months) a child reached this academic year before
today gets its DSPM check, mostly on track, a few suspected delays: re-checked on track,
re-checks still to come or overdue, and one still delayed at the re-check and referred
for TEDA4I (waiting for the hospital). No Qt; through Core (services/demo.py's connection
and transaction). Every measurement passes the domain's plausibility check (the batch
path) before it is written.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

import numpy as np
from sqlalchemy import Connection, Row, insert, select

from desktop.domain.dspm import Outcome, manual, recheck_due
from desktop.domain.dspm_schedule import reaches
from desktop.domain.growth_batch import assess_many
from desktop.domain.growth_tables import (
    LAST_DAY,
    LENGTH_UNTIL_DAY,
    WFH_RANGE,
    WFL_RANGE,
    Table,
    lms,
)
from desktop.domain.people import Sex
from desktop.services.demo import insert_sql
from desktop.services.demo_centres import MAX_CENTRES
from desktop.store.growth_state import DspmCheck, DspmReferral
from desktop.store.models import AcademicYear, Child, Enrollment, Institution, new_uuid, utcnow

UNMEASURED_SHARE = 0.1  # not yet measured this term
SUSPECTED_SHARE = 0.12  # a DSPM check with a failed item
ASSESSOR = "ครูผู้ดูแลเด็ก (ตัวอย่าง)"
HOSPITAL = "โรงพยาบาลส่งเสริมสุขภาพตำบลบ้านใหม่ (ตัวอย่าง)"


def _value(table: Table, sex: Sex, t: float, z: float) -> float | None:
    """The measurement at z-score ``z`` on the row of age ``t`` days (or length ``t`` cm)."""
    curve = lms(table, sex)
    row = curve.row(t)
    if not 0 <= row < len(curve.l):
        return None
    l, m, s = float(curve.l[row]), float(curve.m[row]), float(curve.s[row])  # noqa: E741
    return m * (1 + l * s * z) ** (1 / l) if abs(l) > 1e-12 else m * float(np.exp(s * z))


def _size(sex: Sex, age: int, z_h: float, z_w: float) -> tuple[float, float] | None:
    """(weight kg, height cm) of a child of ``age`` days at the two z-scores."""
    h = _value(Table.LHFA, sex, age, z_h)
    if h is None:
        return None
    h = round(h, 1)
    low, high = WFL_RANGE if age <= LENGTH_UNTIL_DAY else WFH_RANGE
    table = Table.WFL if age <= LENGTH_UNTIL_DAY else Table.WFH
    w = _value(table, sex, h, z_w) if low <= h <= high else _value(Table.WFA, sex, age, z_w)
    return (round(w, 1), h) if w is not None else None


def _terms(conn: Connection, year_id: int, today: date) -> list[date]:
    """A measuring day about five weeks into each term begun before today."""
    year = conn.execute(select(AcademicYear.start_date).where(AcademicYear.id == year_id)).one()
    start = year.start_date
    days = [start + timedelta(days=35), date(start.year, 11, 20)]
    return [d for d in days if d < today]


def fill_growth(conn: Connection, *, office_id: int, year_id: int, seed: int, today: date) -> tuple[int, int]:
    """Measurements and DSPM checks of the demo centres' children: (measurements, checks)."""
    if conn.execute(select(DspmCheck.id).limit(1)).first() is not None:
        return 0, 0
    centres = conn.scalars(select(Institution.id).where(Institution.kind == "cdc", Institution.deleted_at.is_(None),
                                                        Institution.origin_office_id == office_id)
                           .order_by(Institution.id).limit(MAX_CENTRES)).all()
    if not centres:
        return 0, 0
    kids = conn.execute(select(Child.id, Child.sex, Child.birth_date).join(Enrollment, Enrollment.child_id == Child.id)
                        .where(Enrollment.institution_id.in_(centres), Enrollment.academic_year_id == year_id,
                               Enrollment.deleted_at.is_(None), Child.deleted_at.is_(None))
                        .order_by(Child.id)).all()
    rng = random.Random(f"samoe-demo-growth-{seed}")
    now = utcnow()
    stamp = now.isoformat(sep=" ")
    fixed: dict[str, int | str] = {"version": 1, "created_at": stamp, "updated_at": stamp,
                                   "origin_office_id": office_id}
    measured = _measurements(conn, kids, _terms(conn, year_id, today), today, rng, fixed)
    year_start = conn.execute(select(AcademicYear.start_date).where(AcademicYear.id == year_id)).scalar_one()
    checks = _checks(conn, kids, year_start, today, rng, office_id, fixed)
    if conn.dialect.name == "postgresql":  # statistics for the lists' plans, as autovacuum would give later
        conn.exec_driver_sql("ANALYZE growth_measurement, dspm_check, dspm_check_item, dspm_referral")
    return measured, checks


def _measurements(conn: Connection, kids: Sequence[Row[Any]], days: list[date], today: date,
                  rng: random.Random, fixed: dict[str, int | str]) -> int:
    rows: list[tuple[int, date, float, float, bool, int]] = []
    for child_id, sex_code, birth in kids:
        sex = Sex(sex_code)
        # most near the median; a few thin, short or heavy (kept from term to term)
        pick = rng.random()
        z_h = -2.4 if pick < 0.03 else rng.gauss(0, 0.9)
        z_w = -2.5 if 0.03 <= pick < 0.06 else 3.2 if 0.06 <= pick < 0.09 else rng.gauss(0, 0.9)
        for k, day in enumerate(days):
            if k == len(days) - 1 and rng.random() < UNMEASURED_SHARE:
                continue
            # spread over the week after the measuring day, never after the demo's today
            on = min(day + timedelta(days=rng.randint(0, 6)), today)
            age = (on - birth).days
            if not 0 <= age <= LAST_DAY:
                continue
            size = _size(sex, age, z_h + rng.gauss(0, 0.1), z_w + rng.gauss(0, 0.1))
            if size is not None:
                rows.append((child_id, on, size[0], size[1], sex is Sex.MALE, age))
    if not rows:
        return 0
    check = assess_many([r[4] for r in rows], [r[5] for r in rows], [r[2] for r in rows], [r[3] for r in rows])
    kept = [(r[0], r[1].isoformat(), round(r[2] * 1000), round(r[3] * 10), "", None, "demo", "")
            for r, bad in zip(rows, check.implausible.tolist(), strict=True) if not bad]
    sql = insert_sql(conn, "growth_measurement", ("uuid", "child_id", "measured_on", "weight_g", "height_mm", "method",
                                                  "head_mm", "measured_by", "note"), fixed=fixed)
    conn.exec_driver_sql(sql, [(new_uuid(), *r) for r in kept])
    return len(kept)


def _checks(conn: Connection, kids: Sequence[Row[Any]], year_start: date, today: date, rng: random.Random,
            office_id: int, fixed: dict[str, int | str]) -> int:
    m = manual()
    now = utcnow()
    common = {"version": 1, "created_at": now, "updated_at": now, "origin_office_id": office_id, "manual": m.label,
              "assessor": ASSESSOR}
    items: list[tuple[object, ...]] = []
    referred = False
    made = 0

    def add(child_id: int, age: int, on: date, outcome: Outcome, code: str, due: date | None,
            first: int | None, answers: dict[int, bool]) -> int:
        check_id = int(conn.execute(insert(DspmCheck).values(
            uuid=new_uuid(), child_id=child_id, age_months=age, checked_on=on, first_check_id=first,
            outcome=outcome.value, code=code, recheck_due=due, **common).returning(DspmCheck.id)).scalar_one())
        items.extend((check_id, no, passed) for no, passed in sorted(answers.items()))
        return check_id

    for child_id, _sex, birth in kids:
        for age in m.screening_ages:
            reached = reaches(birth, age)
            on = reached + timedelta(days=rng.randint(0, 14))
            if reached < year_start or on >= today:
                continue
            band = m.band(age)
            answers = {i.no: True for i in band.items}
            made += 1
            if rng.random() >= SUSPECTED_SHARE:
                add(child_id, age, on, Outcome.ON_TRACK, m.codes.get(Outcome.ON_TRACK, ""), None, None, answers)
                continue
            failed = rng.choice(band.items).no
            answers[failed] = False
            due = recheck_due(on, m)
            first = add(child_id, age, on, Outcome.SUSPECTED_DELAY, m.codes.get(Outcome.SUSPECTED_DELAY, ""), due,
                        None, answers)
            again = on + timedelta(days=rng.randint(20, 29))
            if again >= today or rng.random() < 0.2:  # still to come, or overdue
                continue
            made += 1
            if not referred:  # one still delayed at the re-check, referred for TEDA4I
                referred = True
                recheck = add(child_id, age, again, Outcome.REFER_TEDA4I, "", None, first, {failed: False})
                conn.execute(insert(DspmReferral).values(
                    uuid=new_uuid(), check_id=recheck, hospital=HOSPITAL, letter_no="ตัวอย่าง 1/2569",
                    sent_on=min(again + timedelta(days=1), today - timedelta(days=1)), version=1, created_at=now,
                    updated_at=now, origin_office_id=office_id))
            else:
                add(child_id, age, again, Outcome.ON_TRACK, m.codes.get(Outcome.ON_TRACK, ""), None, first,
                    {failed: True})
    if items:
        sql = insert_sql(conn, "dspm_check_item", ("uuid", "check_id", "item_no", "passed"), fixed=fixed)
        conn.exec_driver_sql(sql, [(new_uuid(), *r) for r in items])
    return made

