"""Real office databases for the exchange's service tests: two municipalities and their
province, each with its administrator (who also holds the role that exports or merges),
its own keys made by the real services, and the key cards enrolled both ways."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from actors import TEST_PASSWORD
from sqlalchemy import select

from desktop.domain.roles import Role
from desktop.services.access import Grant, authenticate, sign_in
from desktop.services.demo import fill_demo
from desktop.services.exchange_keys import make_office_keys
from desktop.services.exchange_trust import enrol_card
from desktop.services.office import init_office
from desktop.services.users import add_user
from desktop.store import migrate
from desktop.store.db import Database
from desktop.store.models import Child, Office

TOWN_A = ("6300101", "เทศบาลตำบลบ้านใหม่")
TOWN_B = ("6300202", "องค์การบริหารส่วนตำบลโนนสูง")
PROVINCE = ("1300000", "สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดนครราชสีมา")
TODAY = date(2026, 11, 24)


@dataclass
class Site:
    db: Database
    code: str
    name: str
    card: bytes

    @property
    def path(self) -> Path:
        assert self.db.path is not None
        return self.db.path

    def reopen(self) -> None:
        """Open the file again (after a restore replaced it), signed in as its admin."""
        self.db.dispose()
        self.db = Database.open(self.path)
        sign_in(self.db, authenticate(self.db, "admin", TEST_PASSWORD))


def make_site(path: Path, code: str, name: str, role: str, *, children: int = 0, seed: int = 1) -> Site:
    db = Database.open(path)
    migrate.upgrade(db, backup=False)
    return set_up_site(db, code, name, role, children=children, seed=seed)


def set_up_site(db: Database, code: str, name: str, role: str, *, children: int = 0, seed: int = 1) -> Site:
    """An office on a migrated, empty database (SQLite or PostgreSQL)."""
    with db.session() as s:
        init_office(s, name=name, code=code, role=role, province="นครราชสีมา")
        work = Role.CERTIFIER if role == "municipality" else Role.PROVINCE
        add_user(s, "admin", TEST_PASSWORD, roles=[Grant(Role.ADMIN), Grant(Role.CLERK), Grant(work)])
    sign_in(db, authenticate(db, "admin", TEST_PASSWORD))
    with db.session() as s:
        card = make_office_keys(s, password=TEST_PASSWORD).to_bytes()
    if children:
        fill_demo(db.engine, children=children, seed=seed, today=TODAY)
    return Site(db, code, name, card)


def trust_each_other(province: Site, *towns: Site) -> None:
    for town in towns:
        with province.db.session() as s:
            enrol_card(s, town.card)
        with town.db.session() as s:
            enrol_card(s, province.card)


def snapshot(db: Database) -> list[tuple[object, ...]]:
    """Every table's rows, in a stable order (the database exactly as it was)."""
    from sqlalchemy import inspect, text

    out: list[tuple[object, ...]] = []
    with db.reader() as s:
        for name in sorted(inspect(s.connection()).get_table_names()):
            rows = s.execute(text(f"SELECT * FROM {name}")).all()  # noqa: S608 (names from the catalogue)
            out += sorted(((name, *r) for r in rows), key=repr)
    return out


def local_office_id(db: Database) -> int:
    with db.reader() as s:
        return s.scalars(select(Office.id).where(Office.is_local.is_(True))).one()


def add_child(db: Database, national_id: str, first: str = "ด.ช.ย้ายมา", last: str = "ทดสอบ") -> str:
    """A child typed in through the ORM, as the registry's forms write it."""
    office_id = local_office_id(db)
    with db.session() as s:
        child = Child(prefix="ด.ช.", first_name=first, last_name=last, sex="M", birth_date=date(2020, 1, 2),
                      id_type="national_id", national_id=national_id, origin_office_id=office_id)
        s.add(child)
        s.flush()
        return child.uuid
