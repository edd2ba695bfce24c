"""Issue 12's records in the exchange on PostgreSQL (the throwaway server of test_postgres):
a municipality on PostgreSQL exports its centres' rooms and days, growth and DSPM (the
dict path); a province on PostgreSQL imports them whole (a re-check naming its first
check in the same file), the same rows again change nothing, and a check's items sent
without the check are refused with the database unchanged."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest
from test_postgres import pg  # noqa: F401 - the fixture (pg_url: tests/conftest.py)

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "exchange"))

from centre_wire_kit import CENTRE_WIRES, add_centre_extras, wire_rows  # noqa: E402
from office_kit import (  # noqa: E402
    PROVINCE,
    TODAY,
    TOWN_A,
    Site,
    make_site,
    set_up_site,
    snapshot,
    trust_each_other,
)
from screening_kit import make_screened_site  # noqa: E402

from desktop.exchange.reasons import Refusal  # noqa: E402
from desktop.services import exchange_export  # noqa: E402
from desktop.services.demo import fill_demo  # noqa: E402
from desktop.services.exchange_export import export_bundle  # noqa: E402
from desktop.services.exchange_import import import_file  # noqa: E402
from desktop.store.db import Database  # noqa: E402

PW = "samoe-test-password"


def _same(town: Site, province: Site) -> None:
    for wire in CENTRE_WIRES:
        sent, got = wire_rows(town, wire), wire_rows(province, wire, town.code)
        assert sent and got == sent, wire


def test_a_municipality_on_postgresql_sends_its_centres(pg: Database, tmp_path: Path,  # noqa: F811
                                                        cheap_wraps: None) -> None:
    town = set_up_site(pg, *TOWN_A, "municipality")
    fill_demo(pg.engine, children=60, seed=21, today=TODAY, screenings=True)
    add_centre_extras(town)
    province = make_site(tmp_path / "p.db", *PROVINCE, "province")
    try:
        trust_each_other(province, town)
        with pg.session() as s:
            made = export_bundle(s, tmp_path / "1.samoe", password=PW)
        assert all(made.counts[w] > 0 for w in CENTRE_WIRES)
        with province.db.session() as s:
            result = import_file(s, tmp_path / "1.samoe", password=PW)
        assert all(result.applied[w] == {"inserted": made.counts[w]} for w in CENTRE_WIRES)
        _same(town, province)
        with pg.session() as s:  # not acknowledged: the same rows go again, and change nothing
            again = export_bundle(s, tmp_path / "2.samoe", password=PW)
        with province.db.session() as s:
            result = import_file(s, tmp_path / "2.samoe", password=PW)
        assert all(result.applied[w] == {"unchanged": again.counts[w]} for w in CENTRE_WIRES)
        _same(town, province)
    finally:
        province.db.dispose()


def test_a_province_on_postgresql_imports_and_refuses(pg: Database, tmp_path: Path, cheap_wraps: None,  # noqa: F811
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    town = make_screened_site(tmp_path / "a.db", *TOWN_A)
    add_centre_extras(town)
    province = set_up_site(pg, *PROVINCE, "province")
    try:
        trust_each_other(province, town)
        real = getattr(exchange_export, "build_bundle")  # noqa: B009 (not re-exported)

        def without_checks(**kw: Any) -> Any:
            kw["tables"] = {**kw["tables"], "dspm_check": []}
            return real(**kw)

        monkeypatch.setattr(exchange_export, "build_bundle", without_checks)
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
            import_file(s, tmp_path / "good.samoe", password=PW)
        _same(town, province)
    finally:
        town.db.dispose()
