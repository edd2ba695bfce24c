"""Issue 11's records in the exchange on PostgreSQL (the throwaway server of
test_postgres): a municipality on PostgreSQL exports its screenings, round, attendance and
payments (the dict path, the term as "1/2569"); a province on PostgreSQL imports them and
shows its figures; changed-only after a receipt; a screening of a child never sent is
refused with the database unchanged."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select
from test_postgres import pg  # noqa: F401 - the fixture (pg_url: tests/conftest.py)

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "exchange"))

from office_kit import PROVINCE, TODAY, TOWN_A, make_site, set_up_site, snapshot, trust_each_other  # noqa: E402
from screening_kit import add_grants, make_screened_site  # noqa: E402

from desktop.exchange.reasons import Refusal  # noqa: E402
from desktop.services import exchange_export  # noqa: E402
from desktop.services.demo import fill_demo  # noqa: E402
from desktop.services.exchange_export import export_bundle  # noqa: E402
from desktop.services.exchange_import import import_file  # noqa: E402
from desktop.services.province_screening import province_screening  # noqa: E402
from desktop.store.db import Database  # noqa: E402
from desktop.store.grant_state import GrantPayment, TermAttendance  # noqa: E402
from desktop.store.screening_state import Certification, Screening, ScreeningPhoto  # noqa: E402

PW = "samoe-test-password"
MODELS = (Screening, Certification, ScreeningPhoto, TermAttendance, GrantPayment)


def _counts(db: Database) -> dict[str, int]:
    with db.reader() as s:
        return {m.__tablename__: int(s.scalar(select(func.count()).select_from(m)) or 0) for m in MODELS}


def test_a_municipality_on_postgresql_sends_its_screenings(pg: Database, tmp_path: Path,  # noqa: F811
                                                           cheap_wraps: None) -> None:
    town = set_up_site(pg, *TOWN_A, "municipality")
    fill_demo(pg.engine, children=60, seed=21, today=TODAY, screenings=True)
    add_grants(town, pay=2)
    province = make_site(tmp_path / "p.db", *PROVINCE, "province")
    try:
        trust_each_other(province, town)
        with pg.session() as s:
            made = export_bundle(s, tmp_path / "1.samoe", password=PW)
        assert made.counts["screening"] > 0 and made.counts["term"] == 2 and made.counts["grant_payment"] == 2
        with province.db.session() as s:
            import_file(s, tmp_path / "1.samoe", password=PW)
        assert _counts(province.db) == _counts(pg)
        with province.db.reader() as s:
            data = province_screening(s)
        assert data.total.screened == _counts(pg)["screening"] and data.total.paid == 2
    finally:
        province.db.dispose()


def test_a_province_on_postgresql_imports_and_refuses(pg: Database, tmp_path: Path, cheap_wraps: None,  # noqa: F811
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    town = make_screened_site(tmp_path / "a.db", *TOWN_A)
    add_grants(town, pay=2)
    province = set_up_site(pg, *PROVINCE, "province")
    try:
        trust_each_other(province, town)
        real = getattr(exchange_export, "build_bundle")  # noqa: B009 (not re-exported)

        def without_children(**kw: Any) -> Any:
            kw["tables"] = {**kw["tables"], "child": []}
            return real(**kw)

        monkeypatch.setattr(exchange_export, "build_bundle", without_children)
        with town.db.session() as s:
            export_bundle(s, tmp_path / "bad.samoe", password=PW, full=True)
        monkeypatch.undo()
        before = snapshot(pg)
        with pytest.raises(Refusal) as seen, pg.session() as s:
            import_file(s, tmp_path / "bad.samoe", password=PW)
        assert seen.value.code == "payload.unresolved" and snapshot(pg) == before
        with town.db.session() as s:
            export_bundle(s, tmp_path / "good.samoe", password=PW, full=True)
        with pg.session() as s:
            result = import_file(s, tmp_path / "good.samoe", password=PW)
        assert result.applied["term"] == {"inserted": 2} or "term" not in result.applied
        assert _counts(pg) == _counts(town.db)
        with pg.reader() as s:
            assert {p.data for p in s.scalars(select(ScreeningPhoto))} == {b""}
            assert province_screening(s).total.paid == 2
    finally:
        town.db.dispose()
