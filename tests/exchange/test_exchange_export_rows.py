"""The rows export reads on SQLite (one SELECT a table, the wire's values in the wire's
order, times made the wire's in SQL) are the wire rows of what is stored: compared with
the same rows read through SQLAlchemy's types and exchange_wire.wire_value, including a
time a raw writer stored without its fraction and the booleans."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from centre_wire_kit import add_case_trace, add_centre_extras
from office_kit import TOWN_A, Site, local_office_id
from screening_kit import add_grants, make_screened_site
from sqlalchemy import select, text

from desktop.services.exchange_export import _Collector, _Scope
from desktop.services.exchange_wire import SYNCED, wire_value
from desktop.store.models import Term


@pytest.fixture
def town(tmp_path: Path, cheap_wraps: None) -> Iterator[Site]:
    site = make_screened_site(tmp_path / "a.db", *TOWN_A, children=30, seed=3)
    add_grants(site, pay=1)
    add_centre_extras(site)  # rates, a re-check and a referral (issue 12's tables)
    add_case_trace(site)  # a case's tracing visit and photo (issue 13's)
    yield site
    site.db.dispose()


def _reference(session: Any, t: Any) -> list[dict[str, Any]]:
    tbl = t.table
    out = []
    for row in session.execute(select(tbl).order_by(tbl.c.id)).mappings():
        wire = {w: wire_value(row[c]) for w, c in t.fields}
        for w, column, target in t.refs:
            if target.name == "term":
                term = session.get(Term, row[column])
                wire[w] = f"{term.number}/{term.academic_year.year_be}"
                continue
            key = "year_be" if target.name == "academic_year" else "uuid"
            wire[w] = session.scalar(select(target.c[key]).where(target.c.id == row[column]))
        out.append(wire)
    return out


def test_the_rows_read_are_the_stored_rows_on_the_wire(town: Site) -> None:
    office = local_office_id(town.db)
    with town.db.session() as s:
        s.execute(text("UPDATE child SET updated_at = '2026-11-01 08:00:00', deleted_at = '2026-11-02 09:10:11.5' "
                       "WHERE id = (SELECT min(id) FROM child)"))
        s.execute(text("UPDATE child_guardian SET is_primary = 0 WHERE id = (SELECT min(id) FROM child_guardian)"))
        collector = _Collector()
        for t in SYNCED:
            got = list(collector.table_rows(s, t, _Scope(office, 0, True, None)))
            want = _reference(s, t)
            assert got == want, t.wire
            assert [list(r) for r in got] == [t.all_fields()] * len(got)  # the wire order
        child = next(collector.table_rows(s, SYNCED[2], _Scope(office, 0, True, None)))
        assert child["updated"] == "2026-11-01T08:00:00.000000"
        assert child["deleted"] == "2026-11-02T09:10:11.500000"
        stored = list(collector.table_rows(s, SYNCED[4], _Scope(office, 0, True, None)))
        assert {type(r["is_primary"]) for r in stored} == {bool}
        assert {r["is_primary"] for r in stored} == {True, False}
        s.rollback()
