"""A household is found by its village number as clerks type it: หมู่ 4, หมู่ที่ 4, ม.4."""

from __future__ import annotations

import pytest

from desktop.services.households import count_households, page_households
from desktop.store.db import Database


@pytest.mark.parametrize("typed", ["หมู่ 4", "หมู่4", "หมู่ที่ 4", "ม.4", "ม. 4", "ม.๔"])
def test_village_number(demo_db: Database, typed: str) -> None:
    with demo_db.reader() as session:
        found = count_households(session, typed)
        rows = page_households(session, typed, offset=0, limit=50)
    assert found > 0
    assert {r.village_no for r in rows} == {"4"}
