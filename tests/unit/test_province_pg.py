"""The province's pages' services on PostgreSQL (a province's server): the municipalities
and their chains, the reconcile rows and a decision, the summary and the lists' documents,
after real imports from two SQLite municipalities. The throwaway server of test_postgres."""

from __future__ import annotations

import sys
from datetime import timedelta
from pathlib import Path

from sqlalchemy import select
from test_postgres import pg  # noqa: F401 - the fixture (pg_url: tests/conftest.py)

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "exchange"))

from office_kit import TOWN_A, TOWN_B  # noqa: E402
from province_kit import SECOND, make_province  # noqa: E402

from desktop.services.province_documents import export_municipalities, export_reconcile  # noqa: E402
from desktop.services.province_reconcile import decide, reconcile_rows  # noqa: E402
from desktop.services.province_senders import municipalities, set_stale_days  # noqa: E402
from desktop.services.province_summary import province_summary_pdf, summary_data  # noqa: E402
from desktop.store.db import Database  # noqa: E402
from desktop.store.models import AuditEntry  # noqa: E402


def test_province_pages_on_postgresql(pg: Database, tmp_path: Path, cheap_wraps: None) -> None:  # noqa: F811
    made = make_province(tmp_path, province_db=pg)
    try:
        with pg.reader() as s:
            rows = {r.office_code: r for r in municipalities(s, now=SECOND + timedelta(days=1))}
        assert (rows[TOWN_A[0]].sequence, rows[TOWN_A[0]].children, rows[TOWN_A[0]].stale) == (2, 30, False)
        assert (rows[TOWN_B[0]].children, rows[TOWN_B[0]].open_pairs, rows[TOWN_B[0]].stale) == (21, 1, True)
        with pg.session() as s:
            set_stale_days(s, 90)
        with pg.reader() as s:
            assert not any(r.stale for r in municipalities(s, now=SECOND))
            [pair] = reconcile_rows(s)
        assert pair.incoming.name == "ด.ช.ย้ายมา จากบ้านใหม่" and pair.existing.office_code == TOWN_A[0]
        with pg.session() as s:
            decide(s, pair.id, "same", note="เด็กคนเดียวกัน")
        with pg.reader() as s:
            assert reconcile_rows(s, open_only=True) == []
            assert s.scalars(select(AuditEntry).where(AuditEntry.action == "exchange_reconcile")).one()
            data = summary_data(s, 2569)
            assert {m.code: m.children for m in data.municipalities} == {TOWN_A[0]: 30, TOWN_B[0]: 21}
            assert data.open_pairs == 0
            assert province_summary_pdf(s, tmp_path / "s.pdf", 2569) >= 1
            assert export_municipalities(s, tmp_path / "m.csv") == 2
            assert export_reconcile(s, tmp_path / "r.xlsx") == 1
    finally:
        made.a.db.dispose()
        made.b.db.dispose()
