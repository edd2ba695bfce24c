"""The exchange services' edges: only the roles that may (export.approve at a municipality,
merge at the province), a cancelled or failed export leaves no file, no stamp and no used
sequence, chosen institutions carry only theirs, a full export carries everything, the
province refuses its own kind of work at a municipality and the reverse."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from actors import actor_with
from office_kit import PROVINCE, TOWN_A, Site, make_site, snapshot, trust_each_other
from sqlalchemy import select, text

from desktop.domain.roles import Role
from desktop.services.access import NotPermitted, sign_in
from desktop.services.exchange_export import export_bundle, plan_export
from desktop.services.exchange_import import import_file, verify_file
from desktop.services.exchange_outbox import ExchangeError, import_receipt
from desktop.services.exchange_province import decide_reconcile, write_receipt_for
from desktop.services.progress import Cancelled
from desktop.store.models import Enrollment, Institution

PW = "samoe-test-password"


@pytest.fixture
def pair(tmp_path: Path, cheap_wraps: None) -> Iterator[tuple[Site, Site]]:
    town = make_site(tmp_path / "a.db", *TOWN_A, "municipality", children=40, seed=5)
    province = make_site(tmp_path / "p.db", *PROVINCE, "province")
    trust_each_other(province, town)
    yield town, province
    town.db.dispose()
    province.db.dispose()


@pytest.mark.parametrize("role", [Role.CLERK, Role.ADMIN, Role.PROVINCE, Role.TEACHER])
def test_only_who_may_approve_exports_exports(pair: tuple[Site, Site], tmp_path: Path, role: Role) -> None:
    town, _province = pair
    sign_in(town.db, actor_with(role))
    for work in (lambda s: plan_export(s), lambda s: export_bundle(s, tmp_path / "x.samoe", password=PW),
                 lambda s: import_receipt(s, tmp_path / "x")):
        with pytest.raises(NotPermitted), town.db.session() as s:
            work(s)
    assert not (tmp_path / "x.samoe").exists()


@pytest.mark.parametrize("role", [Role.CLERK, Role.ADMIN, Role.CERTIFIER])
def test_only_the_province_officer_merges(pair: tuple[Site, Site], tmp_path: Path, role: Role) -> None:
    town, province = pair
    bundle = tmp_path / "1.samoe"
    with town.db.session() as s:
        export_bundle(s, bundle, password=PW)
    sign_in(province.db, actor_with(role))
    before = snapshot(province.db)
    for work in (lambda s: verify_file(s, bundle, password=PW), lambda s: import_file(s, bundle, password=PW),
                 lambda s: write_receipt_for(s, bundle, tmp_path / "r", password=PW),
                 lambda s: decide_reconcile(s, 1, "moved")):
        with pytest.raises(NotPermitted), province.db.session() as s:
            work(s)
    assert snapshot(province.db) == before


def test_each_side_refuses_the_others_work(pair: tuple[Site, Site], tmp_path: Path) -> None:
    town, province = pair
    sign_in(province.db, actor_with(Role.PROVINCE, Role.CERTIFIER, Role.ADMIN))
    with pytest.raises(ExchangeError) as refused, province.db.session() as s:
        export_bundle(s, tmp_path / "x.samoe", password=PW)
    assert refused.value.code == "exchange.not_municipality" and not refused.value.message.isascii()


def test_a_cancelled_or_failed_export_leaves_nothing(pair: tuple[Site, Site], tmp_path: Path) -> None:
    town, province = pair
    before = snapshot(town.db)

    def cancel(done: int, total: int) -> None:
        assert 0 < done <= total
        raise Cancelled()

    with pytest.raises(Cancelled), town.db.session() as s:
        export_bundle(s, tmp_path / "1.samoe", password=PW, progress=cancel)
    assert not (tmp_path / "1.samoe").exists()
    with pytest.raises(OSError), town.db.session() as s:
        export_bundle(s, tmp_path / "no-such-folder" / "1.samoe", password=PW)
    (tmp_path / "taken").mkdir()
    with pytest.raises(OSError), town.db.session() as s:
        export_bundle(s, tmp_path / "taken", password=PW)  # a folder where the file would go
    assert [r for r in snapshot(town.db) if r[0] not in ("audit_log", "setting", "office_key_seal")] == [
        r for r in before if r[0] not in ("audit_log", "setting", "office_key_seal")]
    with town.db.session() as s:  # the sequence was not used
        assert export_bundle(s, tmp_path / "1.samoe", password=PW).plan.sequence == 1
    with province.db.session() as s:
        assert not import_file(s, tmp_path / "1.samoe", password=PW).already


def test_chosen_institutions_and_a_full_export(pair: tuple[Site, Site], tmp_path: Path) -> None:
    town, _province = pair
    with town.db.reader() as s:
        code, inst_id = s.execute(select(Institution.code, Institution.id).order_by(Institution.id)).first()
        enrolled = s.scalar(select(text("count(DISTINCT child_id)")).select_from(Enrollment)
                            .where(Enrollment.institution_id == inst_id))
    with town.db.session() as s:
        plan = plan_export(s, institutions=[code])
        assert plan.counts["institution"] == 1 and plan.counts["child"] == enrolled < 40
        result = export_bundle(s, tmp_path / "1.samoe", password=PW, institutions=[code])
        assert result.counts["child"] == enrolled
    with town.db.session() as s:  # only its children were stamped; the others are still pending
        assert s.scalar(text("SELECT count(*) FROM child WHERE changed_seq IS NULL")) == 40 - enrolled
        assert s.scalar(text("SELECT count(*) FROM child WHERE changed_seq = 1")) == enrolled
        assert plan_export(s).counts["child"] == 40  # none acknowledged yet: what went in 1 goes again
        assert plan_export(s, full=True).counts["child"] == 40
        with pytest.raises(ExchangeError) as refused:
            plan_export(s, institutions=["0000000000"])
        assert refused.value.code == "exchange.no_institution"


def test_the_plan_and_the_state_read_in_a_readers_session(pair: tuple[Site, Site], tmp_path: Path) -> None:
    """What the export dialog shows before anything is written: from a reader's session
    (no write lock, nothing flushed), also when a restore is waiting to be announced."""
    from desktop.services.audit import record
    from desktop.services.exchange_outbox import outbox_state

    town, _province = pair
    with town.db.reader() as s:
        plan = plan_export(s)
        state = outbox_state(s)
    assert plan.sequence == 1 and plan.counts["child"] == 40 and not plan.restored
    assert state is not None and (state.next_sequence, state.acked_sequence, state.sent) == (1, 0, 0)
    with town.db.session() as s:
        export_bundle(s, tmp_path / "1.samoe", password=PW)
        record(s, "restore", "database", "", {"file": "backup.samoe-backup"})
    before = snapshot(town.db)
    with town.db.reader() as s:
        plan = plan_export(s)
        state = outbox_state(s)
    assert plan.restored and plan.full and plan.sequence == 1  # nothing acknowledged: from the start
    assert state is not None and state.restored_at is not None and state.sent == 1
    assert snapshot(town.db) == before


def test_the_uuids_a_bundle_carried_read_back_also_from_an_older_zlib_list(
        pair: tuple[Site, Site], tmp_path: Path) -> None:
    import zlib

    from desktop.services.exchange_export import sent_uuids
    from desktop.store.exchange_state import SentBundle

    town, _province = pair
    with town.db.session() as s:
        result = export_bundle(s, tmp_path / "1.samoe", password=PW)
    with town.db.session() as s:
        uuids = sent_uuids(s, result.bundle_id)
        assert len(uuids) == result.plan.total - result.counts.get("academic_year", 0) - result.counts.get("term", 0)
        row = s.scalars(select(SentBundle)).one()
        assert row.rows[:4] == b"\x28\xb5\x2f\xfd"  # zstd
        row.rows = zlib.compress("\n".join(uuids).encode("ascii"), 1)  # as bundles written before it
    with town.db.session() as s:
        assert sent_uuids(s, result.bundle_id) == uuids
