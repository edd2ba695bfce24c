"""PostgreSQL's kept counts (0018) at the province after real bundle imports: two SQLite
municipalities' first bundles, a second with a new child, a second with a renamed one;
the new children are counted by id after each insert (the trigger paused), the rename by
the trigger, and every key equals plain SQL. The throwaway server of test_postgres."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest
from test_children_pg_counts import _all_exact
from test_postgres import pg  # noqa: F401 - the fixture (pg_url: tests/conftest.py)

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "exchange"))

from province_kit import make_province  # noqa: E402

from desktop.store import pg_counts  # noqa: E402
from desktop.store.db import Database  # noqa: E402


def test_bundle_imports_keep_the_counts(pg: Database, tmp_path: Path, cheap_wraps: None,  # noqa: F811
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    counted: list[int] = []
    real = pg_counts.add_ids

    def spy(conn: Any, ids: list[int]) -> None:
        counted.extend(ids)
        real(conn, ids)

    monkeypatch.setattr(pg_counts, "add_ids", spy)
    made = make_province(tmp_path, province_db=pg)
    try:
        assert len(counted) == 30 + 20 + 1  # each new child once, by id, none by the trigger
        with pg.engine.connect() as conn:
            assert pg_counts.total(conn) == 51
            assert pg_counts.piece_total(conn, "สมชายใหม่"[:3]) >= 1
            assert pg_counts.piece_total(conn, "ายใ") >= 1  # the renamed child's new name
        _all_exact(pg)
    finally:
        made.a.db.dispose()
        made.b.db.dispose()
