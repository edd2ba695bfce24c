"""The import's bulk household lookup (joins.py writes its own SQL) gives on PostgreSQL
what the child form's lookup gives each address; the throwaway server of test_postgres."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from test_postgres import pg  # noqa: F401 - the fixture (pg_url: tests/conftest.py)

from desktop.domain.address import ADDRESS_FIELDS, Address
from desktop.domain.households import address_key
from desktop.services.demo import fill_demo
from desktop.services.household_edit import household_at
from desktop.services.imports.joins import households_at
from desktop.services.office import init_office
from desktop.store.db import Database
from desktop.store.models import Household


def test_the_bulk_lookup_on_postgresql(pg: Database) -> None:  # noqa: F811
    with pg.session() as s:
        init_office(s, name="เทศบาลตำบลทดสอบ", code="9999999")
    fill_demo(pg.engine, children=200, seed=5, today=date(2026, 11, 24))
    with pg.reader() as s:
        addresses = []
        for h in s.scalars(select(Household).where(Household.deleted_at.is_(None))):
            a = Address(**{name: getattr(h, name) or "" for name in ADDRESS_FIELDS})
            addresses += [a, Address(**{**a.__dict__, "village_no": f"หมู่ {a.village_no}"}),
                          Address(**{**a.__dict__, "house_no": a.house_no + "9"})]
        expected = {}
        for a in addresses:
            found = household_at(s, a)
            if found is not None:
                expected[address_key(a)] = found.id
        got = households_at(s, addresses)
    assert got == expected and len(got) > 50
