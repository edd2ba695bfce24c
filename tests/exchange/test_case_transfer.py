"""A case moves to another municipality through the province (issue 13): A closes it as
transferred to B, A's bundle carries it to the province, the province writes B's signed
transfer file, B takes it. B has the child and an open case, and A's case with its whole
history, plan versions, follow-ups and referrals equal to A's field by field; A's copy is
closed as transferred. The same file again changes nothing; a file changed, for another
office, signed by someone else, cut short or of random bytes is refused with nothing
written."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from case_plan_kit import as_user
from centre_wire_kit import wire_rows
from office_kit import TOWN_A, TOWN_B, Site, make_site, snapshot
from sqlalchemy import select
from transfer_kit import PW, TODAY, Transfer, as_admin, make_transfer, write_for_b

from desktop.domain.cases import CaseOutcome, CaseSource, CaseStatus
from desktop.domain.roles import Action
from desktop.exchange import archive
from desktop.exchange.bundle import verify_bundle, write_bundle
from desktop.exchange.key_card import read_card
from desktop.exchange.reasons import Refusal
from desktop.exchange.transfer_file import TREE
from desktop.services.case_dashboard import case_dashboard
from desktop.services.case_transfer import OfficeTransfers, pending_transfers, transfers_by_office
from desktop.services.case_transfer_receive import receive_transfer
from desktop.services.cases_lists import CaseQuery, case_counts, case_detail, list_cases
from desktop.services.exchange_keys import office_private_keys
from desktop.services.exchange_outbox import ExchangeError
from desktop.services.exchange_trust import DatabaseTrustList
from desktop.services.exchange_wire import CASE_WIRES, TRANSFER_WIRE
from desktop.store.case_state import OosCase, OosCaseStatus, OosTransfer
from desktop.store.exchange_keys import TrustEntry
from desktop.store.models import AuditEntry, Child

TABLES = (*CASE_WIRES, TRANSFER_WIRE)


@pytest.fixture
def moved(tmp_path: Path, cheap_wraps: None) -> Iterator[Transfer]:
    t = make_transfer(tmp_path)
    yield t
    t.close()


def _receive(t: Transfer, path: Path | bytes) -> object:
    with t.b.db.session() as s:
        return receive_transfer(s, path, password=PW)


def test_a_case_transferred_through_the_province_arrives_whole(moved: Transfer, tmp_path: Path) -> None:
    t = moved
    with t.a.db.reader() as s:  # A's copy: closed as transferred, naming B by its code
        case = s.get(OosCase, t.case_id)
        assert case is not None and (case.status, case.outcome) == ("closed", CaseOutcome.TRANSFERRED.value)
        assert s.scalars(select(OosTransfer.to_office)).one() == TOWN_B[0]
    sent = {w: wire_rows(t.a, w) for w in TABLES}
    for wire in ("oos_case_status", "oos_trace_visit", "oos_assessment", "oos_assessment_area", "oos_plan_version",
                 "oos_plan_goal", "oos_plan_action", "oos_follow_up", "oos_referral", TRANSFER_WIRE):
        assert sent[wire], wire  # the case has each kind of record
    assert len(sent["oos_plan_version"]) == 2 and len(sent["oos_follow_up"]) == 2
    assert len(sent["oos_trace_visit"]) == 2

    with t.p.db.reader() as s:
        pending = pending_transfers(s)
        counted = transfers_by_office(s)
    assert [(x.to_office, x.from_office) for x in pending] == [(TOWN_B[0], TOWN_A[0])]
    assert counted == {TOWN_B[0]: OfficeTransfers(total=1, new=1)}  # what the municipalities page's button says
    out = tmp_path / "b.samoe-transfer"
    written = write_for_b(t, out)
    assert written.transfers == tuple(pending) and out.stat().st_size > 0

    result = _receive(t, out)
    assert [(r.from_office, r.child, r.already) for r in result.received] == [(TOWN_A[0], "new", False)]
    got = result.received[0]
    for wire in TABLES:  # A's case at B: every row, field by field (references by uuid)
        at_b = wire_rows(t.b, wire, TOWN_A[0])
        if wire == "oos_case":
            assert {u: {**r, "child": None} for u, r in at_b.items()} == \
                {u: {**r, "child": None} for u, r in sent[wire].items()}
        else:
            assert at_b == sent[wire], wire
    with t.b.db.reader() as s:
        child = s.scalars(select(Child).where(Child.uuid == got.child_uuid)).one()
        assert child.national_id == t.national_id and child.household_id is None
        assert child.origin_office_id == s.scalars(select(OosCase.origin_office_id)
                                                   .where(OosCase.uuid == got.case_uuid)).one()  # B's own
        mine = s.scalars(select(OosCase).where(OosCase.uuid == got.case_uuid)).one()
        assert (mine.status, mine.source, mine.place) == (CaseStatus.TO_TRACE.value, CaseSource.TRANSFER.value,
                                                          TOWN_A[1])
        theirs = s.scalars(select(OosCase).where(OosCase.child_id == child.id, OosCase.id != mine.id)).one()
        assert theirs.status == "closed" and theirs.child_id == mine.child_id
        transfer = s.scalars(select(OosTransfer)).one()
        assert transfer.received_case_id == mine.id and transfer.received_at is not None
        history = s.scalars(select(OosCaseStatus).where(OosCaseStatus.case_id == mine.id)).all()
        assert [(h.from_status, h.to_status, h.place) for h in history] == [("", "to_trace", TOWN_A[1])]
        assert s.scalars(select(AuditEntry.action).where(AuditEntry.action == "case_receive")).all() == \
            ["case_receive"]

    with as_user(t.a.db, "boss1"), t.a.db.reader() as s:  # A's case page: where it went
        sent_note = case_detail(s, t.case_id).transfer
    assert sent_note is not None and (sent_note.kind, sent_note.office_code) == ("sent", TOWN_B[0])
    with as_user(t.b.db, "boss1"), t.b.db.reader() as s:  # B's: where it came from, and the sender's copy
        note = case_detail(s, got.case_id).transfer
        assert note is not None and (note.kind, note.office_code, note.office_name) == ("received", *TOWN_A)
        assert note.other_case_id is not None
        held = case_detail(s, note.other_case_id)
        assert held.transfer is not None and (held.transfer.kind, held.transfer.other_case_id) == ("held", got.case_id)
        assert held.case.status is CaseStatus.CLOSED and len(held.history) == len(sent["oos_case_status"])
        # B's lists and figures count B's own case only, not the sender's copy
        page = list_cases(s, CaseQuery(open_only=False), today=TODAY)
        assert page.total == 1 and [r.id for r in page.rows] == [got.case_id]
        assert case_counts(s, TODAY).by_status[CaseStatus.CLOSED] == 0
        assert sum(case_dashboard(s, TODAY).by_status.values()) == 1
    as_admin(t.b)

    before = snapshot(t.b.db)  # the same file again: nothing changes
    again = _receive(t, out)
    assert again.already and snapshot(t.b.db) == before  # type: ignore[attr-defined]
    again_file = tmp_path / "b2.samoe-transfer"  # the province writes it again: the same
    write_for_b(t, again_file)
    assert _receive(t, again_file).already  # type: ignore[attr-defined]
    assert snapshot(t.b.db) == before

    # B's own bundles never send A's rows back to the province: B's case goes, A's stays A's
    as_admin(t.b)
    from desktop.services.exchange_export import export_bundle
    from desktop.services.exchange_import import import_file

    with t.b.db.session() as s:
        counts = export_bundle(s, tmp_path / "b1.samoe", password=PW).counts
    assert counts["oos_case"] == 1 and counts.get("oos_plan_version", 0) == 0 and counts.get(TRANSFER_WIRE, 0) == 0
    with t.p.db.session() as s:
        import_file(s, tmp_path / "b1.samoe", password=PW)


def test_the_child_is_matched_in_the_registry(moved: Transfer, tmp_path: Path) -> None:
    t = moved
    from office_kit import add_child

    mine = add_child(t.b.db, t.national_id, first="ย้ายมา", last="ใหม่")
    write_for_b(t, tmp_path / "b.samoe-transfer")
    result = _receive(t, tmp_path / "b.samoe-transfer")
    got = result.received[0]  # type: ignore[attr-defined]
    assert (got.child_uuid, got.child) == (mine, "national_id")
    with t.b.db.reader() as s:
        assert s.scalars(select(Child).where(Child.deleted_at.is_(None))).all().__len__() == 1


def _refused(t: Transfer, data: Path | bytes, code: str) -> None:
    before = snapshot(t.b.db)
    with pytest.raises(Refusal) as caught:
        _receive(t, data)
    assert caught.value.code == code, caught.value.detail
    assert caught.value.message  # Thai
    assert snapshot(t.b.db) == before


def test_what_is_refused(moved: Transfer, tmp_path: Path) -> None:
    t = moved
    out = tmp_path / "b.samoe-transfer"
    write_for_b(t, out)
    data = out.read_bytes()
    # a byte of a payload changed, the archive rebuilt with right CRCs: the signed hash
    members = [(m.name, m.data) for m in archive.read(data)]
    k = next(i for i, (name, _b) in enumerate(members) if name.startswith("payload/"))
    name, body = members[k]
    changed = archive.build([*members[:k], (name, body[:9] + bytes([body[9] ^ 1]) + body[10:]), *members[k + 1:]])
    _refused(t, changed, "file.hash")
    # the manifest changed (another office named): the signature
    k = next(i for i, (name, _b) in enumerate(members) if name == "manifest.json")
    name, body = members[k]
    forged = body.replace(TOWN_B[0].encode(), TOWN_A[0].encode())
    _refused(t, archive.build([*members[:k], (name, forged), *members[k + 1:]]), "signature.bad")
    _refused(t, data[: len(data) // 2], "archive.damaged")  # cut short
    _refused(t, os.urandom(4096), "archive.damaged")  # random bytes
    # for another office: A cannot open what was written for B
    with t.a.db.session() as s, pytest.raises(Refusal) as caught:
        receive_transfer(s, out, password=PW)
    assert caught.value.code == "recipient.other_office"
    # the same rows signed by a municipality, not by the province: unknown, then refused
    other = make_site(tmp_path / "c.db", "6300303", "เทศบาลตำบลทดสอบ", "municipality")
    try:
        forged = tmp_path / "c.samoe-transfer"
        _resign(t, other, data, forged)
        _refused(t, forged, "key.unknown")
        card = read_card(other.card)  # a municipality's card is never enrolled at one (enrol_card
        with t.b.db.session() as s:  # refuses it): written straight in, the file is still refused
            s.add(TrustEntry(key_id=card.key_id, office_code=card.keys.office_code, office_name=card.keys.office_name,
                             office_role=card.office_role, sign_public=card.keys.sign_public,
                             box_public=card.keys.box_public, card_created_at=card.created.replace(tzinfo=None)))
        _refused(t, forged, "transfer.not_province")
    finally:
        other.db.dispose()


def _resign(t: Transfer, other: Site, data: bytes, out: Path) -> None:
    now = datetime.now(UTC)
    with t.b.db.session() as s:
        mine = office_private_keys(s, Action.EXPORT_APPROVE, password=PW)
        verified = verify_bundle(data, trust=DatabaseTrustList(s), me=mine.keys, box_private=mine.box, chain=None,
                                 now=now)
        tables: dict[str, list[dict[str, object]]] = {}
        for table, row in verified.rows():
            tables.setdefault(table, []).append(row)
    with other.db.session() as s:
        theirs = office_private_keys(s, Action.EXPORT_APPROVE, password=PW)
    write_bundle(out, sender=theirs.keys, sign_private=theirs.signing, recipient=mine.keys, tables=tables,
                 sequence=1, previous=None, created=now, schema="0023", program="test")


def test_a_province_without_the_office_or_without_cases_says_so(moved: Transfer, tmp_path: Path) -> None:
    with moved.p.db.session() as s, pytest.raises(ExchangeError) as caught:
        from desktop.services.case_transfer import write_transfer_file

        write_transfer_file(s, "6300999", tmp_path / "x.samoe-transfer", password=PW)
    assert caught.value.code == "transfer.none"
    assert not (tmp_path / "x.samoe-transfer").exists()
    assert set(TREE) <= set(CASE_WIRES)
