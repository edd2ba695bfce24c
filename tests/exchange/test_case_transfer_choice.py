"""The receiving office sees a transfer file before anything is written, and the clerk
chooses the child of a case matched by name and birth date only (issue 13): a match by
national ID needs no choice; a name match without a choice is refused with nothing
written; "new" adds a new child; the candidate chosen gets the case; two namesakes are
both offered; a choice that cannot stand is refused; the same file twice changes nothing."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from office_kit import TOWN_A, add_child, snapshot
from sqlalchemy import func, select
from transfer_kit import PW, Transfer, add_namesake, make_transfer, write_for_b

from desktop.services.case_transfer_preview import (
    NEW,
    ChoiceNeeded,
    TransferPreview,
    preview_transfer,
)
from desktop.services.case_transfer_receive import ReceiveResult, receive_transfer
from desktop.services.exchange_outbox import ExchangeError
from desktop.store.models import AuditEntry, Child


@pytest.fixture
def moved(tmp_path: Path, cheap_wraps: None) -> Iterator[Transfer]:
    t = make_transfer(tmp_path / "sites")
    yield t
    t.close()


def _file(t: Transfer, tmp_path: Path) -> Path:
    out = tmp_path / "b.samoe-transfer"
    write_for_b(t, out)
    return out


def _preview(t: Transfer, path: Path) -> TransferPreview:
    with t.b.db.reader() as s:
        return preview_transfer(s, path, password=PW)


def _receive(t: Transfer, path: Path, choices: dict[str, str] | None = None) -> ReceiveResult:
    with t.b.db.session() as s:
        return receive_transfer(s, path, password=PW, choices=choices)


def _children(t: Transfer) -> int:
    with t.b.db.reader() as s:
        return s.scalar(select(func.count()).select_from(Child).where(Child.deleted_at.is_(None))) or 0


def test_the_preview_writes_nothing_and_says_how_each_child_is_found(moved: Transfer, tmp_path: Path) -> None:
    t = moved
    path = _file(t, tmp_path)
    before = snapshot(t.b.db)
    preview = _preview(t, path)
    assert snapshot(t.b.db) == before
    [case] = preview.cases
    assert (case.number, case.match, case.from_office, case.from_name) == (1, "new", *TOWN_A)
    assert case.national_id == t.national_id and case.child_name and case.birth_date is not None
    assert not case.needs_choice and not preview.waiting and case.transferred_on is not None
    # a namesake in B's registry: a name match, waiting for the clerk
    uuid = add_namesake(t, house="12")
    [case] = _preview(t, path).cases
    assert case.match == "name_birth" and case.needs_choice
    [c] = case.candidates
    assert c.uuid == uuid and c.national_id == "" and c.birth_date == case.birth_date and "12 หมู่ 3" in c.address
    assert c.name == case.child_name


def test_a_match_by_national_id_needs_no_choice(moved: Transfer, tmp_path: Path) -> None:
    t = moved
    mine = add_child(t.b.db, t.national_id, first="ย้ายมา", last="ใหม่")
    add_namesake(t)  # a namesake as well: the national ID decides
    path = _file(t, tmp_path)
    [case] = _preview(t, path).cases
    assert case.match == "national_id" and [c.uuid for c in case.candidates] == [mine]
    with pytest.raises(ExchangeError) as caught:  # a new child for a child found by ID: no
        _receive(t, path, {case.transfer_uuid: NEW})
    assert caught.value.code == "transfer.choice" and "เลขประจำตัวประชาชน" in caught.value.message
    [got] = _receive(t, path).received
    assert (got.child_uuid, got.child, got.chosen) == (mine, "national_id", False)


def test_a_name_match_without_a_choice_is_not_taken(moved: Transfer, tmp_path: Path) -> None:
    t = moved
    add_namesake(t)
    path = _file(t, tmp_path)
    before = snapshot(t.b.db)
    with pytest.raises(ChoiceNeeded) as caught:
        _receive(t, path)
    assert caught.value.code == "transfer.choose_child"
    [case] = caught.value.waiting
    assert "กรณีที่ 1" in caught.value.message and case.child_name in caught.value.message
    assert snapshot(t.b.db) == before  # nothing half-written


def test_choosing_new_adds_a_new_child(moved: Transfer, tmp_path: Path) -> None:
    t = moved
    namesake = add_namesake(t)
    path = _file(t, tmp_path)
    [case] = _preview(t, path).cases
    [got] = _receive(t, path, {case.transfer_uuid: NEW}).received
    assert got.child == "new" and got.chosen and got.child_uuid != namesake
    assert _children(t) == 2
    with t.b.db.reader() as s:
        child = s.scalars(select(Child).where(Child.uuid == got.child_uuid)).one()
        assert child.national_id == t.national_id
        audit = s.scalars(select(AuditEntry).where(AuditEntry.action == "case_receive")).one()
        detail = json.loads(audit.detail)
        assert (detail["child"], detail["chosen"]) == ("new", True)


def test_choosing_the_candidate_attaches_the_case_to_that_child(moved: Transfer, tmp_path: Path) -> None:
    t = moved
    namesake = add_namesake(t)
    path = _file(t, tmp_path)
    [case] = _preview(t, path).cases
    [got] = _receive(t, path, {case.transfer_uuid: namesake}).received
    assert (got.child_uuid, got.child, got.chosen) == (namesake, "name_birth", True)
    assert _children(t) == 1
    # the same file again changes nothing, with or without the choice
    before = snapshot(t.b.db)
    assert _receive(t, path).already
    assert _receive(t, path, {case.transfer_uuid: NEW}).already
    assert snapshot(t.b.db) == before
    [again] = _preview(t, path).cases
    assert again.match == "already" and again.taken_case_id == got.case_id


def test_two_namesakes_are_both_offered(moved: Transfer, tmp_path: Path) -> None:
    t = moved
    first = add_namesake(t, house="12")
    second = add_namesake(t, house="40")
    add_namesake(t, national_id="1100700000001")  # another national ID: another child, not offered
    path = _file(t, tmp_path)
    [case] = _preview(t, path).cases
    assert [c.uuid for c in case.candidates] == [first, second]
    with pytest.raises(ChoiceNeeded):
        _receive(t, path)
    [got] = _receive(t, path, {case.transfer_uuid: second}).received
    assert got.child_uuid == second


def test_a_choice_that_cannot_stand_is_refused(moved: Transfer, tmp_path: Path) -> None:
    t = moved
    add_namesake(t)
    other = add_child(t.b.db, "1100700000002", first="คนอื่น", last="ไม่เกี่ยว")
    path = _file(t, tmp_path)
    [case] = _preview(t, path).cases
    before = snapshot(t.b.db)
    for choices in ({case.transfer_uuid: other}, {"00000000-0000-4000-8000-000000000000": NEW}):
        with pytest.raises(ExchangeError) as caught:
            _receive(t, path, choices)
        assert caught.value.code == "transfer.choice" and caught.value.message
        assert snapshot(t.b.db) == before
