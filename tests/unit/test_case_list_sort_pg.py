"""The case list sorted by its worker's column on PostgreSQL: by the full name shown, in
Thai dictionary order (the key compared byte by byte whatever the database's locale), the
cases without a worker last, a page at a time (test_case_list_sort.py's check)."""

from __future__ import annotations

from test_case_list_sort import worker_order_is_the_full_names
from test_postgres import pg  # noqa: F401 - the fixture (pg_url: tests/conftest.py)

from desktop.services.office import init_office
from desktop.store.db import Database


def test_the_worker_column_sorts_by_the_full_name_on_postgresql(pg: Database) -> None:  # noqa: F811
    with pg.session() as s:
        init_office(s, name="เทศบาลตำบลทดสอบ", code="9999999")
    worker_order_is_the_full_names(pg)
