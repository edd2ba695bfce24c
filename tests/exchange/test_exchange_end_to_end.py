"""The exchange end to end through the services, on real databases (issue 10): two
municipalities export, the province imports both and sends receipts, the municipalities
import them, a second incremental round carries only the changes and deletions; a child
who moved between them is on the reconcile list; importing a file twice changes nothing;
a municipality that restores an older backup continues its chain and is accepted."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
import zstandard
from cli_run import run
from office_kit import PROVINCE, TOWN_A, TOWN_B, Site, add_child, make_site, trust_each_other
from sqlalchemy import func, select, text

from desktop.exchange.reasons import Refusal
from desktop.services.children import delete_child
from desktop.services.exchange_export import export_bundle, plan_export, sent_uuids
from desktop.services.exchange_import import import_file, verify_file
from desktop.services.exchange_outbox import import_receipt, outbox_state
from desktop.services.exchange_province import (
    decide_reconcile,
    received_bundles,
    reconcile_list,
    senders,
    write_receipt_for,
)
from desktop.store.db import Database
from desktop.store.exchange_state import SentBundle
from desktop.store.models import AuditEntry, Child, Enrollment, Office

PW = "samoe-test-password"


@pytest.fixture
def sites(tmp_path: Path, cheap_wraps: None) -> Iterator[tuple[Site, Site, Site]]:
    a = make_site(tmp_path / "a.db", *TOWN_A, "municipality", children=30, seed=11)
    b = make_site(tmp_path / "b.db", *TOWN_B, "municipality", children=20, seed=12)
    p = make_site(tmp_path / "p.db", *PROVINCE, "province")
    trust_each_other(p, a, b)
    yield a, b, p
    for site in (a, b, p):
        site.db.dispose()


def export(site: Site, out: Path, **kw: object) -> object:
    with site.db.session() as s:
        return export_bundle(s, out, password=PW, **kw)  # type: ignore[arg-type]


def import_at(p: Site, path: Path) -> object:
    with p.db.session() as s:
        return import_file(s, path, password=PW)


def receipt(p: Site, bundle: Path, out: Path) -> None:
    with p.db.session() as s:
        write_receipt_for(s, bundle, out, password=PW)


def ack(site: Site, path: Path) -> object:
    with site.db.session() as s:
        return import_receipt(s, path)


def snapshot(db: Database) -> list[tuple[object, ...]]:
    """Every table's rows (the database exactly as it was)."""
    out: list[tuple[object, ...]] = []
    with db.reader() as s:
        names = s.scalars(text("SELECT name FROM sqlite_master WHERE type = 'table' "
                               "AND name NOT LIKE 'sqlite_%' ORDER BY name")).all()
        for name in names:
            out += [(name, *r) for r in s.execute(text(f"SELECT * FROM {name}")).all()]  # noqa: S608
    return out


def province_children(p: Site, office_code: str) -> dict[str, tuple[str, object]]:
    with p.db.reader() as s:
        rows = s.execute(select(Child.uuid, Child.first_name, Child.deleted_at).join(
            Office, Office.id == Child.origin_office_id).where(Office.code == office_code)).all()
    return {u: (f, d) for u, f, d in rows}


def town_children(site: Site) -> dict[str, tuple[str, object]]:
    with site.db.reader() as s:
        return {u: (f, d) for u, f, d in s.execute(select(Child.uuid, Child.first_name, Child.deleted_at))}


def test_two_rounds_receipts_reconcile_and_twice(sites: tuple[Site, Site, Site], tmp_path: Path) -> None:
    a, b, p = sites
    with a.db.session() as s:
        plan = plan_export(s)
    assert plan.sequence == 1 and not plan.restored and plan.counts["child"] == 30
    first_a, first_b = tmp_path / "a1.samoe", tmp_path / "b1.samoe"
    result = export(a, first_a)
    assert result.counts["child"] == 30 and result.counts["enrolment"] >= 20  # type: ignore[attr-defined]
    export(b, first_b)
    with p.db.session() as s:
        check = verify_file(s, first_a, password=PW)
    assert check.manifest.sequence == 1 and not check.already
    import_at(p, first_a)
    import_at(p, first_b)
    assert province_children(p, TOWN_A[0]) == town_children(a)
    assert province_children(p, TOWN_B[0]) == town_children(b)
    keys = (Child.uuid, Child.first_name_key, Child.last_name_key, Child.enrol_institution_key,
            Child.enrol_level_key, Child.enrol_classroom_key)
    with a.db.reader() as s:
        town_keys = set(s.execute(select(*keys)).tuples())
    with p.db.reader() as s:  # the derived keys were made at the province too
        assert town_keys <= set(s.execute(select(*keys)).tuples())
        assert s.scalar(select(func.count()).select_from(Child).where(Child.first_name_key == "")) == 0

    before = snapshot(p.db)
    again = import_at(p, first_a)  # the same file twice: nothing changes
    assert again.already  # type: ignore[attr-defined]
    assert snapshot(p.db) == before

    for site, bundle in ((a, first_a), (b, first_b)):
        out = tmp_path / f"{site.code}-1.samoe-receipt"
        receipt(p, bundle, out)
        assert ack(site, out).changed  # type: ignore[attr-defined]
        assert not ack(site, out).changed  # type: ignore[attr-defined]
        with site.db.session() as s:
            state = outbox_state(s)
        assert state is not None and state.acked_sequence == 1 and state.next_sequence == 2

    # nothing changed: the next incremental bundle carries no row
    with a.db.session() as s:
        assert plan_export(s).counts["child"] == 0

    # round two: A renames one child, deletes one (bin), removes an enrolment for good;
    # B takes in a child who moved from A (the same national ID)
    with a.db.reader() as s:
        kids = s.execute(select(Child.uuid, Child.national_id).where(Child.national_id.is_not(None))
                         .order_by(Child.id)).all()
    renamed, binned, moved = kids[0][0], kids[1][0], kids[2]
    with a.db.session() as s:
        s.scalars(select(Child).where(Child.uuid == renamed)).one().first_name = "สมชายใหม่"
    with a.db.session() as s:
        delete_child(s, binned)
    with a.db.session() as s:
        gone = s.scalar(select(Enrollment.uuid).order_by(Enrollment.id.desc()).limit(1))
        s.execute(text("DELETE FROM enrollment WHERE uuid = :u"), {"u": gone})
    moved_in_b = add_child(b.db, moved[1])
    with a.db.session() as s:
        plan = plan_export(s)
    assert plan.sequence == 2 and plan.counts["child"] == 2 and plan.counts["tombstone"] == 1
    assert plan.counts["household"] == 0 and plan.counts["guardian"] == 0
    second_a, second_b = tmp_path / "a2.samoe", tmp_path / "b2.samoe"
    export(a, second_a)
    export(b, second_b)
    assert import_at(p, second_b).reconcile == 1  # type: ignore[attr-defined]
    applied = import_at(p, second_a).applied  # type: ignore[attr-defined]
    assert applied["child"] == {"updated": 2} and applied["tombstone"] == {"deleted": 1}
    assert province_children(p, TOWN_A[0]) == town_children(a)
    assert province_children(p, TOWN_A[0])[renamed][0] == "สมชายใหม่"
    assert province_children(p, TOWN_A[0])[binned][1] is not None  # deleted there, marked here
    with p.db.reader() as s:
        gone_here = s.scalar(select(Enrollment.deleted_at).where(Enrollment.uuid == gone))
    assert gone_here is not None

    with p.db.session() as s:
        [pair] = reconcile_list(s)
        assert {pair.child_uuid, pair.other_child_uuid} == {moved_in_b, moved[0]}
        assert pair.national_id == moved[1] and pair.decision == ""
        decide_reconcile(s, pair.id, "moved", note="ย้ายไปอยู่กับยาย")
    with p.db.reader() as s:
        assert reconcile_list(s, open_only=True) == []
        info = {x.office_code: x for x in senders(s)}
        assert info[TOWN_A[0]].sequence == 2 and info[TOWN_A[0]].bundles == 2
        assert len(received_bundles(s)) == 4

    # the municipality's audit log names every record that left, one entry a bundle
    with a.db.reader() as s:
        entries = s.scalars(select(AuditEntry).where(AuditEntry.action == "exchange_export")
                            .order_by(AuditEntry.id)).all()
        assert len(entries) == 2
        detail = json.loads(entries[1].detail)
        sent = s.scalars(select(SentBundle).where(SentBundle.sequence == 2)).one()
        assert detail["rows_sha256"] == sent.rows_sha256 and detail["rows"] == 3
        assert zstandard.ZstdDecompressor().decompress(sent.rows).decode().split("\n") == sent_uuids(s, sent.uuid)
        assert set(sent_uuids(s, sent.uuid)) == {renamed, binned, gone}


def test_a_refused_bundle_leaves_the_province_as_it_was(sites: tuple[Site, Site, Site], tmp_path: Path) -> None:
    a, _b, p = sites
    first, second, third = tmp_path / "1.samoe", tmp_path / "2.samoe", tmp_path / "3.samoe"
    export(a, first)
    import_at(p, first)  # accepted, but no receipt has reached A: its next bundles are built on none
    add_child(a.db, "1101700203451")
    export(a, second)
    export(a, third)
    before = snapshot(p.db)
    with pytest.raises(Refusal) as refused:
        import_at(p, third)  # number 3 before number 2, not built on the province's state (1)
    assert refused.value.code == "chain.gap" and "ลำดับที่ 3" in refused.value.message
    data = bytearray(second.read_bytes())
    data[len(data) // 2] ^= 1
    (tmp_path / "bad.samoe").write_bytes(bytes(data))
    with pytest.raises(Refusal):
        import_at(p, tmp_path / "bad.samoe")
    assert snapshot(p.db) == before


def test_a_lost_bundle_is_superseded_by_the_next(sites: tuple[Site, Site, Site], tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    """Bundle 2 is lost on its way (a USB stick); bundle 3, built on the last receipt (1),
    carries every row 2 held and is accepted in its place: the gap is recorded and shown.
    The lost file found later is an older one; the chain goes on from 3."""
    a, _b, p = sites
    first, lost, third = tmp_path / "1.samoe", tmp_path / "2-lost.samoe", tmp_path / "3.samoe"
    export(a, first)
    import_at(p, first)
    receipt(p, first, tmp_path / "r1")
    ack(a, tmp_path / "r1")
    in_lost = add_child(a.db, "1101700203451", first="ด.ญ.ในไฟล์ที่หาย")
    export(a, lost)
    after = add_child(a.db, "1101700203452", first="ด.ช.หลังไฟล์ที่หาย")
    with a.db.session() as s:
        assert plan_export(s).counts["child"] == 2  # 2 not acknowledged: its rows go again
    export(a, third)
    with p.db.session() as s:
        check = verify_file(s, third, password=PW)
    assert check.superseded == range(2, 3) and check.continued_from == 1 and not check.restored
    code, out, err = run(capsys, "--db", str(p.path), "exchange", "verify", str(third))
    assert code == 0, err
    assert "ไม่ได้รับชุดข้อมูลลำดับที่ 2 (ไฟล์อาจหาย) ชุดนี้สร้างต่อจากใบตอบรับลำดับที่ 1" in out
    result = import_at(p, third)
    assert result.check.superseded == range(2, 3)  # type: ignore[attr-defined]
    assert result.applied["child"] == {"inserted": 2}  # type: ignore[attr-defined]
    assert province_children(p, TOWN_A[0]) == town_children(a)
    assert {in_lost, after} <= set(province_children(p, TOWN_A[0]))
    with p.db.reader() as s:
        [info] = [x for x in senders(s) if x.office_code == TOWN_A[0]]
        assert info.sequence == 3 and info.bundles == 2 and info.restores == 0
        newest = received_bundles(s, TOWN_A[0])[0]
        assert (newest.sequence, newest.continued_from, newest.restored_at) == (3, 1, None)
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "exchange_import")
                          .order_by(AuditEntry.id.desc()).limit(1)).one()
        assert json.loads(entry.detail)["superseded"] == [2, 2]
    before = snapshot(p.db)
    with pytest.raises(Refusal) as refused:
        import_at(p, lost)  # found again: older than what was accepted
    assert refused.value.code == "chain.replay"
    assert snapshot(p.db) == before
    receipt(p, third, tmp_path / "r3")
    assert ack(a, tmp_path / "r3").changed  # type: ignore[attr-defined]
    add_child(a.db, "1101700203453")
    fourth = tmp_path / "4.samoe"
    assert export(a, fourth).plan.sequence == 4  # type: ignore[attr-defined]
    got = import_at(p, fourth)
    assert got.applied["child"] == {"inserted": 1} and not got.check.superseded  # type: ignore[attr-defined]


def test_a_restored_municipality_continues_and_is_accepted(
        sites: tuple[Site, Site, Site], tmp_path: Path) -> None:
    from desktop.services.backup import create_backup, note_restore, plan_restore, restore_backup

    a, _b, p = sites
    first = tmp_path / "1.samoe"
    export(a, first)
    import_at(p, first)
    receipt(p, first, tmp_path / "r1")
    ack(a, tmp_path / "r1")
    (tmp_path / "backups").mkdir()
    backup = create_backup(a.path, folder=tmp_path / "backups")
    add_child(a.db, "1101700203451", first="ด.ญ.หลังสำรอง")
    second = tmp_path / "2.samoe"
    export(a, second)
    import_at(p, second)  # the province has 1 and 2; A's backup knows only 1

    a.db.dispose()
    plan = plan_restore(backup.path, a.path)
    note_restore(a.path, plan, restore_backup(plan), None)
    a.reopen()
    with a.db.session() as s:
        plan2 = plan_export(s)
    assert plan2.restored and plan2.full and plan2.sequence == 2  # continues from receipt 1
    fork = tmp_path / "2-restored.samoe"
    export(a, fork)
    result = import_at(p, fork)
    assert result.check.fork_from == 1 and result.check.restored  # type: ignore[attr-defined]
    with p.db.reader() as s:
        [info] = [x for x in senders(s) if x.office_code == TOWN_A[0]]
        assert info.restores == 1 and info.sequence == 2
        assert received_bundles(s, TOWN_A[0])[0].continued_from == 1
    receipt(p, fork, tmp_path / "r2")
    got = ack(a, tmp_path / "r2")
    assert got.changed and not got.restored  # type: ignore[attr-defined]
    add_child(a.db, "1101700203452", first="ด.ช.ต่อจากนี้")
    third = tmp_path / "3.samoe"
    assert export(a, third).plan.sequence == 3  # type: ignore[attr-defined]
    assert import_at(p, third).applied["child"] == {"inserted": 1}  # type: ignore[attr-defined]


def test_a_receipt_ahead_of_a_restored_database_makes_it_continue(
        sites: tuple[Site, Site, Site], tmp_path: Path) -> None:
    """A copy of the database put back by hand (no restore entry): the province's receipt
    names a bundle it never wrote, so its next bundle continues from that receipt."""
    a, _b, p = sites
    old = tmp_path / "old.db"
    first = tmp_path / "1.samoe"
    export(a, first)
    import_at(p, first)
    a.db.dispose()
    shutil.copyfile(a.path, old)
    a.reopen()
    add_child(a.db, "1101700203451")
    second = tmp_path / "2.samoe"
    export(a, second)
    import_at(p, second)
    receipt(p, second, tmp_path / "r2")
    a.db.dispose()
    shutil.copyfile(old, a.path)
    a.reopen()
    assert ack(a, tmp_path / "r2").restored  # type: ignore[attr-defined]
    with a.db.session() as s:
        plan = plan_export(s)
    assert plan.sequence == 3 and plan.restored and plan.full
    export(a, tmp_path / "3.samoe")
    result = import_at(p, tmp_path / "3.samoe")
    assert result.check.restored and result.check.fork_from is None  # type: ignore[attr-defined]
