"""Children in households of four villages (หมู่ 1-4), and the case users, for the case
service tests (tests/unit/test_cases_service*.py, tests/bench/bench_cases.py)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from desktop.domain.roles import Role
from desktop.services.office import require_local_office
from desktop.store.db import Database
from desktop.store.models import AppUser, Child, Household, UserRole

FIRST = ["กมล", "ขวัญ", "คณิน", "จิรา", "ชนิดา", "ญาดา", "ณัฐ", "ดารา", "ธนา", "นภา", "บุญ", "ปรีชา", "พิม", "ภูมิ",
         "มาลี", "ยุพา"]
USERS = {"worker1": Role.CASE_WORKER, "worker2": Role.CASE_WORKER, "boss1": Role.SUPERVISOR,
         "boss2": Role.SUPERVISOR, "clerk1": Role.CLERK}


@dataclass(frozen=True)
class CaseKit:
    children: list[str]  # uuids; child i lives in หมู่ (i % 4) + 1
    national_ids: list[str]


def add_users(db: Database) -> None:
    with db.session() as s:
        for name, role in USERS.items():
            user = AppUser(name=name, full_name=name, password_hash="x")
            user.roles.append(UserRole(role=role.value))
            s.add(user)


def case_children(db: Database, n: int = 12, *, users: bool = True) -> CaseKit:
    """``n`` children (born 2012), each in their own household in หมู่ 1-4."""
    if users:
        add_users(db)
    with db.session() as s:
        office = require_local_office(s)
        uuids, ids = [], []
        for i in range(n):
            household = Household(house_no=f"{i + 1}", village_no=str(i % 4 + 1), subdistrict="บ้านใหม่",
                                  district="เมือง", province="นครราชสีมา", origin_office_id=office.id)
            s.add(household)
            s.flush()
            nid = f"1{i:011d}"
            nid += str((11 - sum(int(d) * (13 - k) for k, d in enumerate(nid)) % 11) % 10)
            child = Child(prefix="เด็กหญิง" if i % 2 else "เด็กชาย", first_name=FIRST[i % len(FIRST)],
                          last_name=f"ใจงาม{i:03d}", sex="F" if i % 2 else "M", birth_date=date(2012, 1, 1 + i % 28),
                          id_type="national_id", national_id=nid, household_id=household.id,
                          origin_office_id=office.id)
            s.add(child)
            s.flush()
            uuids.append(child.uuid)
            ids.append(nid)
    return CaseKit(uuids, ids)


def random_states(db: Database, kit: CaseKit, seed: int = 7) -> list[int]:
    """One case per kit child written straight into the table in a random state (any
    status; followed up or not; with or without a visit and its own next date), as the
    exchange or an older version may leave them; follow_due_on left NULL. Their ids."""
    import random
    from datetime import timedelta

    from desktop.domain.cases import CaseStatus
    from desktop.store.case_state import OosCase

    rng = random.Random(seed)
    ids = []
    with db.session() as s:
        office = require_local_office(s)
        for uuid in kit.children:
            child_id = s.query(Child.id).filter(Child.uuid == uuid).scalar()
            status = rng.choice(list(CaseStatus))
            opened = date(2026, 1, 1) + timedelta(days=rng.randrange(300))
            since = opened + timedelta(days=rng.randrange(40)) if rng.random() < 0.8 else None
            visit = since + timedelta(days=rng.randrange(1, 90)) if since and rng.random() < 0.6 else None
            nxt = visit + timedelta(days=rng.randrange(1, 60)) if visit and rng.random() < 0.4 else None
            row = OosCase(child_id=child_id, status=status.value, status_on=opened, opened_on=opened, source="teacher",
                          followed_since=since, last_visit_on=visit, last_next_on=nxt,
                          follow_due_on=date(2000, 1, 1) if rng.random() < 0.3 else None,  # stale
                          origin_office_id=office.id)
            s.add(row)
            s.flush()
            ids.append(row.id)
    return ids
