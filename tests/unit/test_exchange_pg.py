"""The exchange on PostgreSQL (the province's server, or a municipality's): migration
0012's PL/pgSQL triggers (a travelling column makes a stamped row pending again, a sort key
does not; a hard delete of a local row leaves a tombstone, another office's does not), an
incremental export from PostgreSQL, and the province's import into PostgreSQL: two
municipalities, the same file twice (nothing changes), a refused file (nothing changes),
the reconcile list, the receipt. The throwaway server of test_postgres."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from sqlalchemy import select, text
from test_postgres import pg  # noqa: F401 - the fixture (pg_url: tests/conftest.py)

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "exchange"))

from office_kit import (  # noqa: E402
    PROVINCE,
    TOWN_A,
    TOWN_B,
    add_child,
    make_site,
    set_up_site,
    snapshot,
    trust_each_other,
)

from desktop.exchange.reasons import Refusal  # noqa: E402
from desktop.services.exchange_export import export_bundle, plan_export  # noqa: E402
from desktop.services.exchange_import import import_file  # noqa: E402
from desktop.services.exchange_outbox import import_receipt  # noqa: E402
from desktop.services.exchange_province import reconcile_list, write_receipt_for  # noqa: E402
from desktop.store.db import Database  # noqa: E402
from desktop.store.exchange_state import Tombstone  # noqa: E402
from desktop.store.models import Child  # noqa: E402

PW = "samoe-test-password"


def test_change_tracking_and_export_on_postgresql(pg: Database, tmp_path: Path,  # noqa: F811
                                                  cheap_wraps: None) -> None:
    town = set_up_site(pg, *TOWN_A, "municipality", children=30, seed=21)
    province = make_site(tmp_path / "p.db", *PROVINCE, "province")
    try:
        trust_each_other(province, town)
        with pg.session() as s:
            first = export_bundle(s, tmp_path / "1.samoe", password=PW)
        assert first.counts["child"] == 30
        with pg.reader() as s:
            assert s.scalar(text("SELECT count(*) FROM child WHERE changed_seq IS NULL")) == 0
            ids = s.scalars(text("SELECT id FROM child ORDER BY id LIMIT 2")).all()
        with pg.session() as s:
            s.execute(text("UPDATE child SET first_name_key = 'x' WHERE id = :i"), {"i": ids[0]})
            s.execute(text("UPDATE child SET disability = 'ตาบอด' WHERE id = :i"), {"i": ids[1]})
            gone = s.scalar(text("SELECT uuid FROM enrollment ORDER BY id LIMIT 1"))
            s.execute(text("DELETE FROM enrollment WHERE uuid = :u"), {"u": gone})
        with pg.reader() as s:
            assert s.scalars(text("SELECT id FROM child WHERE changed_seq IS NULL")).all() == [ids[1]]
            [stone] = s.scalars(select(Tombstone)).all()
            assert (stone.wire_table, stone.uuid) == ("enrolment", gone)
        with province.db.session() as s:
            import_file(s, tmp_path / "1.samoe", password=PW)
            write_receipt_for(s, tmp_path / "1.samoe", tmp_path / "r1", password=PW)
        with pg.session() as s:
            import_receipt(s, tmp_path / "r1")
        with pg.session() as s:
            plan = plan_export(s)
            assert (plan.sequence, plan.counts["child"], plan.counts["tombstone"]) == (2, 1, 1)
            export_bundle(s, tmp_path / "2.samoe", password=PW)
        with province.db.session() as s:
            applied = import_file(s, tmp_path / "2.samoe", password=PW).applied
        assert applied["child"] == {"updated": 1} and applied["tombstone"] == {"deleted": 1}
    finally:
        province.db.dispose()


def test_the_province_imports_into_postgresql(pg: Database, tmp_path: Path,  # noqa: F811
                                              cheap_wraps: None) -> None:
    province = set_up_site(pg, *PROVINCE, "province")
    a = make_site(tmp_path / "a.db", *TOWN_A, "municipality", children=25, seed=31)
    b = make_site(tmp_path / "b.db", *TOWN_B, "municipality", children=15, seed=32)
    try:
        trust_each_other(province, a, b)
        with a.db.reader() as s:
            national_id = s.scalar(select(Child.national_id).where(Child.national_id.is_not(None)).limit(1))
        assert national_id is not None
        add_child(b.db, national_id)  # the same child in B too
        for site in (a, b):
            with site.db.session() as s:
                export_bundle(s, tmp_path / f"{site.code}.samoe", password=PW)
        bad = bytearray((tmp_path / f"{a.code}.samoe").read_bytes())
        bad[100] ^= 1
        (tmp_path / "bad.samoe").write_bytes(bytes(bad))
        before = snapshot(pg)
        with pytest.raises(Refusal), pg.session() as s:
            import_file(s, tmp_path / "bad.samoe", password=PW)
        assert snapshot(pg) == before
        for site in (a, b):
            with pg.session() as s:
                result = import_file(s, tmp_path / f"{site.code}.samoe", password=PW)
            assert not result.already
        with pg.reader() as s:
            assert s.scalar(text("SELECT count(*) FROM child")) == 41
            [pair] = reconcile_list(s)
        assert pair.national_id == national_id and {pair.office_code, pair.other_office_code} == {a.code, b.code}
        before = snapshot(pg)
        with pg.session() as s:
            assert import_file(s, tmp_path / f"{a.code}.samoe", password=PW).already
        assert snapshot(pg) == before
        with pg.session() as s:
            write_receipt_for(s, tmp_path / f"{a.code}.samoe", tmp_path / "r", password=PW)
        with a.db.session() as s:
            assert import_receipt(s, tmp_path / "r").receipt.sequence == 1
    finally:
        a.db.dispose()
        b.db.dispose()
