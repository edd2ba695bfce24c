"""Issue 12's records in the bundle: a centre's rooms, placements, registers, absences,
closed days and rates, growth measurements, DSPM checks with their items and referrals go
from a municipality to the province whole (a re-check still naming its first check), then
changed-only (an edit, a soft delete, a hard delete's tombstone, a new row); the same
rows again change nothing; a reference that resolves nowhere refuses the bundle with the
database unchanged; a bundle altered after signing is refused."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from centre_wire_kit import CENTRE_WIRES, add_centre_extras, wire_rows
from office_kit import PROVINCE, TOWN_A, Site, make_site, snapshot, trust_each_other
from screening_kit import make_screened_site
from sqlalchemy import delete, select, text

from desktop.exchange.reasons import Refusal
from desktop.services import exchange_export
from desktop.services.exchange_export import export_bundle, plan_export
from desktop.services.exchange_import import import_file, verify_file
from desktop.services.exchange_outbox import import_receipt
from desktop.services.exchange_province import write_receipt_for
from desktop.store.centre_state import CentreAbsence, CentreClosedDay, CentreRoom
from desktop.store.growth_state import DspmCheck, GrowthMeasurement

PW = "samoe-test-password"


@pytest.fixture
def sites(tmp_path: Path, cheap_wraps: None) -> Iterator[tuple[Site, Site]]:
    a = make_screened_site(tmp_path / "a.db", *TOWN_A)
    p = make_site(tmp_path / "p.db", *PROVINCE, "province")
    trust_each_other(p, a)
    yield a, p
    for site in (a, p):
        site.db.dispose()


def _export(site: Site, out: Path, **kw: Any) -> dict[str, int]:
    with site.db.session() as s:
        return export_bundle(s, out, password=PW, **kw).counts


def _import(p: Site, path: Path | bytes) -> Any:
    with p.db.session() as s:
        return import_file(s, path, password=PW)


def _ack(a: Site, p: Site, bundle: Path) -> None:
    out = bundle.with_suffix(".samoe-receipt")
    with p.db.session() as s:
        write_receipt_for(s, bundle, out, password=PW)
    with a.db.session() as s:
        import_receipt(s, out)


def _same_at_both(a: Site, p: Site, *, skip: frozenset[str] = frozenset()) -> None:
    """Every row of the ten tables, whole, at the province as at the municipality."""
    for wire in CENTRE_WIRES:
        sent, got = wire_rows(a, wire), wire_rows(p, wire, a.code)
        sent = {u: r for u, r in sent.items() if u not in skip}
        got = {u: r for u, r in got.items() if u not in skip}
        assert sent, wire
        assert set(got) == set(sent), wire
        for uuid, row in sent.items():
            assert got[uuid] == row, (wire, uuid)


def test_centre_growth_and_dspm_rows_travel_whole_then_changed_only(sites: tuple[Site, Site],
                                                                    tmp_path: Path) -> None:
    a, p = sites
    extras = add_centre_extras(a)
    counts = _export(a, tmp_path / "a1.samoe", full=True)
    for wire in CENTRE_WIRES:
        assert counts[wire] > 0, wire
    result = _import(p, tmp_path / "a1.samoe")
    for wire in CENTRE_WIRES:
        assert result.applied[wire] == {"inserted": counts[wire]}, wire
    _same_at_both(a, p)
    with p.db.reader() as s:  # the re-check names its first check, inserted in the same file
        recheck = s.scalars(select(DspmCheck).where(DspmCheck.uuid == extras.recheck)).one()
        first = s.get(DspmCheck, recheck.first_check_id)
        assert first is not None and first.uuid == extras.first
    before = snapshot(p.db)
    assert _import(p, tmp_path / "a1.samoe").already  # the same file twice: nothing changes
    assert snapshot(p.db) == before
    # the same rows in another bundle (not yet acknowledged: they go again): all unchanged
    counts = _export(a, tmp_path / "a1b.samoe")
    result = _import(p, tmp_path / "a1b.samoe")
    for wire in CENTRE_WIRES:
        assert result.applied[wire] == {"unchanged": counts[wire]}, wire
    _ack(a, p, tmp_path / "a1b.samoe")

    # at the municipality: a measurement edited, an absence taken back (soft delete), a
    # closed day deleted for good (a tombstone), a new absence
    with a.db.session() as s:
        m = s.scalars(select(GrowthMeasurement).order_by(GrowthMeasurement.id)).first()
        assert m is not None and m.weight_g
        m.weight_g += 100
        edited = m.uuid
        absence = s.scalars(select(CentreAbsence).order_by(CentreAbsence.id)).first()
        assert absence is not None
        absence.deleted_at = absence.updated_at
        taken_back = absence.uuid
        closed = s.scalars(select(CentreClosedDay).order_by(CentreClosedDay.id)).first()
        assert closed is not None
        gone = closed.uuid
        s.execute(delete(CentreClosedDay).where(CentreClosedDay.id == closed.id))
        again = CentreAbsence(child_id=absence.child_id, day=absence.day, reason="sick",
                              origin_office_id=absence.origin_office_id)
        s.add(again)
        s.flush()
        added = again.uuid
    with a.db.reader() as s:
        plan = plan_export(s)
    assert plan.counts["growth_measurement"] == 1 and plan.counts["centre_absence"] == 2
    assert plan.counts["tombstone"] == 1
    assert all(plan.counts[w] == 0 for w in CENTRE_WIRES if w not in ("growth_measurement", "centre_absence"))
    _export(a, tmp_path / "a2.samoe")
    result = _import(p, tmp_path / "a2.samoe")
    assert result.applied["growth_measurement"] == {"updated": 1}
    assert result.applied["centre_absence"] == {"inserted": 1, "updated": 1}  # the taken-back one first
    assert result.applied["tombstone"] == {"deleted": 1}
    with p.db.reader() as s:
        assert s.scalars(select(CentreClosedDay.deleted_at).where(CentreClosedDay.uuid == gone)).one() is not None
        assert s.scalars(select(CentreAbsence.deleted_at).where(CentreAbsence.uuid == taken_back)).one() is not None
        assert s.scalars(select(CentreAbsence.reason).where(CentreAbsence.uuid == added)).one() == "sick"
        assert s.scalars(select(GrowthMeasurement.weight_g).where(GrowthMeasurement.uuid == edited)).one() == \
            m.weight_g
    _same_at_both(a, p, skip=frozenset({gone}))  # the province keeps the closed day, marked deleted


def test_chosen_centres_carry_their_rooms_days_growth_and_checks(sites: tuple[Site, Site], tmp_path: Path) -> None:
    a, p = sites
    add_centre_extras(a)
    with a.db.reader() as s:
        code = s.scalar(text("SELECT i.code FROM institution i JOIN centre_room r ON r.institution_id = i.id "
                             "GROUP BY i.id ORDER BY count(*) DESC"))
        assert code
        some = plan_export(s, full=True, institutions=(code,))
        every = plan_export(s, full=True)
    assert 0 < some.counts["centre_room"] <= every.counts["centre_room"]
    assert some.counts["centre_register"] > 0 and some.counts["centre_rate"] == every.counts["centre_rate"] == 2
    counts = _export(a, tmp_path / "centre.samoe", full=True, institutions=(code,))
    result = _import(p, tmp_path / "centre.samoe")
    for wire in CENTRE_WIRES:
        if counts[wire]:
            assert result.applied[wire] == {"inserted": counts[wire]}, wire


def _tables_without(monkeypatch: pytest.MonkeyPatch, *wires: str, rows: Any = None) -> None:
    real = getattr(exchange_export, "build_bundle")  # noqa: B009 (not re-exported)

    def build(**kw: Any) -> Any:
        tables = dict(kw["tables"])
        for wire in wires:
            tables[wire] = []
        if rows is not None:
            rows(tables)
        kw["tables"] = tables
        return real(**kw)

    monkeypatch.setattr(exchange_export, "build_bundle", build)


@pytest.mark.parametrize(("left_out", "reason"), [
    (("child",), "an absence, a measurement, a check of a child never sent"),
    (("centre_room",), "a register and a placement in a room never sent"),
    (("dspm_check",), "a check's items and referral, of a check never sent"),
])
def test_a_reference_to_a_row_never_sent_refuses_the_bundle(sites: tuple[Site, Site], tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch, left_out: tuple[str, ...],
                                                            reason: str) -> None:
    a, p = sites
    add_centre_extras(a)
    _tables_without(monkeypatch, *left_out)
    _export(a, tmp_path / "bad.samoe", full=True)
    before = snapshot(p.db)
    with p.db.reader() as s, pytest.raises(Refusal) as seen:
        verify_file(s, tmp_path / "bad.samoe", password=PW)
    assert seen.value.code == "payload.unresolved", reason
    with pytest.raises(Refusal) as seen:
        _import(p, tmp_path / "bad.samoe")
    assert seen.value.code == "payload.unresolved", reason
    assert snapshot(p.db) == before


def test_a_recheck_naming_a_first_check_never_sent_refuses_the_bundle(sites: tuple[Site, Site], tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """``first_check`` may be null, but one that names a check must resolve (NAMED)."""
    a, p = sites
    extras = add_centre_extras(a)

    def without_the_first(tables: dict[str, Any]) -> None:
        tables["dspm_check"] = [r for r in _rows_of(a, "dspm_check") if r["uuid"] != extras.first]
        tables["dspm_check_item"] = tables["dspm_referral"] = []

    _tables_without(monkeypatch, rows=without_the_first)
    _export(a, tmp_path / "bad.samoe", full=True)
    before = snapshot(p.db)
    with pytest.raises(Refusal) as seen:
        _import(p, tmp_path / "bad.samoe")
    assert seen.value.code == "payload.unresolved"
    assert extras.first in seen.value.detail
    assert snapshot(p.db) == before


def _rows_of(site: Site, wire: str) -> list[dict[str, Any]]:
    return list(wire_rows(site, wire).values())


def test_a_changed_byte_is_refused(sites: tuple[Site, Site], tmp_path: Path) -> None:
    a, p = sites
    add_centre_extras(a)
    counts = _export(a, tmp_path / "good.samoe", full=True)
    assert counts["centre_register"] > 0
    data = (tmp_path / "good.samoe").read_bytes()
    before = snapshot(p.db)
    codes = set()
    for at in range(len(data) // 4, len(data), len(data) // 9):  # through the payload's members
        bad = bytearray(data)
        bad[at] ^= 0x01
        with pytest.raises(Refusal) as seen:
            _import(p, bytes(bad))
        codes.add(seen.value.code)
        assert snapshot(p.db) == before
    assert codes and "payload.schema" not in codes and "payload.unresolved" not in codes
    assert _import(p, data).applied["centre_register"] == {"inserted": counts["centre_register"]}


def test_a_signed_row_of_the_wrong_shape_is_refused(sites: tuple[Site, Site], tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """The sender's program wrote (and signed) an absence with a field the format does not
    know, and a register whose day is no date: ``payload.schema``, nothing written."""
    a, p = sites
    add_centre_extras(a)
    before = snapshot(p.db)
    for wire, change in (("centre_absence", lambda r: {**r, "room": r["child"]}),
                         ("centre_register", lambda r: {**r, "day": "2026-13-01x"}),
                         ("dspm_check_item", lambda r: {**r, "passed": 1})):
        def odd(tables: dict[str, Any], wire: str = wire, change: Any = change) -> None:
            rows = _rows_of(a, wire)
            rows[0] = change(rows[0])
            tables[wire] = rows

        _tables_without(monkeypatch, rows=odd)
        out = tmp_path / f"{wire}.samoe"
        _export(a, out, full=True)
        monkeypatch.undo()
        with pytest.raises(Refusal) as seen:
            _import(p, out)
        assert seen.value.code == "payload.schema", wire
        assert snapshot(p.db) == before
        with a.db.session() as s:  # the bundle never reached the province: send the sequence again
            from desktop.store.exchange_state import Outbox, SentBundle

            s.execute(delete(SentBundle))
            for box in s.scalars(select(Outbox)):
                box.next_sequence, box.last_manifest_hash = 1, ""
    with p.db.reader() as s:
        assert s.scalar(select(CentreRoom.id).limit(1)) is None
