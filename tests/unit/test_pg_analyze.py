"""PostgreSQL's planner statistics after a bulk load (desktop/store/pg_stats.py): the demo
leaves every table it filled analysed; a province's merge of a bundle analyses the tables
it grew enough (a term of a centre's registers) and not those it barely touched; SQLite is
left alone. Read from ``pg_class.reltuples`` (-1: never analysed, PostgreSQL 14+)."""

from __future__ import annotations

import sys
from pathlib import Path

from sqlalchemy import text
from test_postgres import pg  # noqa: F401 - the fixture (pg_url: tests/conftest.py)

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "exchange"))

from office_kit import PROVINCE, TODAY, TOWN_A, set_up_site, trust_each_other  # noqa: E402
from screening_kit import make_screened_site  # noqa: E402

from desktop.services.demo import fill_demo  # noqa: E402
from desktop.services.exchange_export import export_bundle  # noqa: E402
from desktop.services.exchange_import import import_file  # noqa: E402
from desktop.store.db import Database  # noqa: E402
from desktop.store.pg_stats import analyze, analyze_grown  # noqa: E402

PW = "samoe-test-password"
DEMO_TABLES = ("child", "household", "guardian", "child_guardian", "enrollment", "screening", "centre_room",
               "centre_placement", "centre_register", "centre_absence", "growth_measurement", "dspm_check")


def _tuples(db: Database, *tables: str) -> dict[str, float]:
    with db.reader() as s:
        return {str(n): float(t) for n, t in s.execute(text(
            "SELECT relname, reltuples FROM pg_class WHERE relkind = 'r' AND relname = ANY(:names)"),
            {"names": list(tables)}).tuples()}


def test_the_demo_on_postgresql_leaves_its_tables_analysed(pg: Database, cheap_wraps: None) -> None:  # noqa: F811
    set_up_site(pg, *TOWN_A, "municipality")
    assert set(_tuples(pg, *DEMO_TABLES).values()) == {-1.0}  # new tables: never analysed
    fill_demo(pg.engine, children=300, seed=4, today=TODAY, screenings=True)
    got = _tuples(pg, *DEMO_TABLES)
    assert all(v > 0 for v in got.values()), got
    with pg.reader() as s:
        assert got["child"] == s.scalar(text("SELECT count(*) FROM child"))


def test_a_province_merge_analyses_the_tables_it_grew(pg: Database, tmp_path: Path,  # noqa: F811
                                                       cheap_wraps: None) -> None:
    town = make_screened_site(tmp_path / "a.db", *TOWN_A)  # 60 children, a term of 6 rooms' registers
    province = set_up_site(pg, *PROVINCE, "province")
    try:
        trust_each_other(province, town)
        with town.db.session() as s:
            export_bundle(s, tmp_path / "1.samoe", password=PW)
        before = _tuples(pg, "centre_register", "centre_room", "child")
        assert set(before.values()) == {-1.0}
        with pg.session() as s:
            result = import_file(s, tmp_path / "1.samoe", password=PW)
        registers = result.applied["centre_register"]["inserted"]
        assert registers >= 500 and result.applied["centre_room"]["inserted"] < 500
        after = _tuples(pg, "centre_register", "centre_room", "child")
        assert after["centre_register"] == registers  # grew: analysed in the import's transaction
        assert after["centre_room"] == -1.0 and after["child"] == -1.0  # a few rows: left to autovacuum
    finally:
        town.db.dispose()


def test_analyze_grown_follows_the_statistics_estimate(pg: Database) -> None:  # noqa: F811
    with pg.session() as s:
        conn = s.connection()
        conn.exec_driver_sql("CREATE TEMP TABLE IF NOT EXISTS scratch_never (n int)")  # (a temp table: not visible)
        assert analyze_grown(conn, {"centre_register": 499}) == []
        assert analyze_grown(conn, {"centre_register": 500}) == ["centre_register"]  # never analysed
        conn.exec_driver_sql("INSERT INTO exchange_tombstone (wire_table, uuid, deleted_at) "
                             "SELECT 'child', md5(g::text), now() FROM generate_series(1, 20000) g")
        assert analyze(conn, ["exchange_tombstone"]) == ["exchange_tombstone"]
        assert analyze_grown(conn, {"exchange_tombstone": 1_000}) == []  # 5% of 20,000: not yet
        assert analyze_grown(conn, {"exchange_tombstone": 2_500}) == ["exchange_tombstone"]
        s.rollback()


def test_sqlite_is_left_alone(tmp_path: Path) -> None:
    from desktop.store import migrate

    db = Database.open(tmp_path / "x.db")
    migrate.upgrade(db, backup=False)
    try:
        with db.session() as s:
            conn = s.connection()
            assert analyze(conn, ["child"]) == [] and analyze_grown(conn, {"child": 10_000}) == []
            assert conn.exec_driver_sql("SELECT count(*) FROM sqlite_master WHERE name = 'sqlite_stat1'"
                                        ).scalar() == 0
    finally:
        db.dispose()
