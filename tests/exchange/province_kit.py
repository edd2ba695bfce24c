"""A province that has really imported bundles from two municipalities (for the province's
pages, reports and commands): A sent twice (30 children), B twice (20 children, then a
child who moved from A: one pair on the reconcile list). Made by the real services."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from office_kit import (
    PROVINCE,
    TOWN_A,
    TOWN_B,
    Site,
    add_child,
    make_site,
    set_up_site,
    trust_each_other,
)
from sqlalchemy import select

from desktop.services.exchange_export import export_bundle
from desktop.services.exchange_import import import_file
from desktop.store.db import Database
from desktop.store.models import Child

PW = "samoe-test-password"
# relative to today, so that "quiet for more than 30 days" stays true of B and false of A
_TODAY_9 = datetime.now(UTC).replace(hour=9, minute=0, second=0, microsecond=0)
FIRST = _TODAY_9 - timedelta(days=60)  # round one
SECOND = _TODAY_9 - timedelta(days=10)  # round two (A's only bundle of the round)


@dataclass
class Province:
    a: Site
    b: Site
    p: Site
    moved_national_id: str
    bundles: dict[str, Path]

    def close(self) -> None:
        for site in (self.a, self.b, self.p):
            site.db.dispose()


def _send(site: Site, province: Site, out: Path, when: datetime) -> Path:
    with site.db.session() as s:
        export_bundle(s, out, password=PW, now=when)
    with province.db.session() as s:
        import_file(s, out, password=PW, now=when)
    return out


def make_province(tmp: Path, *, b_second: bool = True, province_db: Database | None = None) -> Province:
    """A and B export and the province imports: A at FIRST and SECOND, B at FIRST and
    (``b_second``) at FIRST + 1 day with the moved child. ``province_db``: the province on
    that (migrated, empty) database, e.g. PostgreSQL; else a SQLite file."""
    a = make_site(tmp / "a.db", *TOWN_A, "municipality", children=30, seed=11)
    b = make_site(tmp / "b.db", *TOWN_B, "municipality", children=20, seed=12)
    p = (set_up_site(province_db, *PROVINCE, "province") if province_db is not None
         else make_site(tmp / "p.db", *PROVINCE, "province"))
    trust_each_other(p, a, b)
    bundles = {"a1": _send(a, p, tmp / "a1.samoe", FIRST), "b1": _send(b, p, tmp / "b1.samoe", FIRST)}
    with a.db.reader() as s:
        moved = s.scalars(select(Child.national_id).where(Child.national_id.is_not(None))
                          .order_by(Child.id)).first()
    assert moved is not None
    if b_second:
        add_child(b.db, moved, first="ย้ายมา", last="จากบ้านใหม่")
        bundles["b2"] = _send(b, p, tmp / "b2.samoe", FIRST + timedelta(days=1))
    with a.db.session() as s:  # a change in A: its second bundle
        s.scalars(select(Child).where(Child.national_id.is_not(None)).order_by(Child.id.desc())).first() \
            .first_name = "สมชายใหม่"  # type: ignore[union-attr]
    bundles["a2"] = _send(a, p, tmp / "a2.samoe", SECOND)
    return Province(a, b, p, moved, bundles)
