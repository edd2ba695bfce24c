"""Issue 13's records in the bundle: out-of-school children's cases with their status
history, tracing visits and photos (hash and size, never the bytes), assessments by area,
plan versions with goals and actions, follow-ups and referrals go from a municipality to
the province whole, then changed-only (an edit, a soft delete, a hard delete's
tombstone); the same rows again change nothing; a row of a case never sent refuses the
bundle with the database unchanged."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from centre_wire_kit import add_case_trace, wire_rows
from office_kit import PROVINCE, TOWN_A, Site, make_site, snapshot, trust_each_other
from screening_kit import make_screened_site
from sqlalchemy import delete, select

from desktop.exchange.reasons import Refusal
from desktop.services import exchange_export
from desktop.services.exchange_export import export_bundle, plan_export
from desktop.services.exchange_import import import_file
from desktop.services.exchange_outbox import import_receipt
from desktop.services.exchange_province import write_receipt_for
from desktop.services.exchange_wire import CASE_WIRES
from desktop.store.case_state import OosCase, OosFollowUp, OosPlanAction, OosTracePhoto

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


def _import(p: Site, path: Path) -> Any:
    with p.db.session() as s:
        return import_file(s, path, password=PW)


def _same_at_both(a: Site, p: Site, *, skip: frozenset[str] = frozenset()) -> None:
    for wire in CASE_WIRES:
        sent = {u: r for u, r in wire_rows(a, wire).items() if u not in skip}
        got = {u: r for u, r in wire_rows(p, wire, a.code).items() if u not in skip}
        assert sent, wire
        assert got == sent, wire


def test_cases_travel_whole_then_changed_only(sites: tuple[Site, Site], tmp_path: Path) -> None:
    a, p = sites
    photo = add_case_trace(a)
    counts = _export(a, tmp_path / "a1.samoe", full=True)
    result = _import(p, tmp_path / "a1.samoe")
    for wire in CASE_WIRES:
        assert counts[wire] > 0 and result.applied[wire] == {"inserted": counts[wire]}, wire
    _same_at_both(a, p)
    with p.db.reader() as s:  # the photo's hash and size came, never its bytes
        row = s.scalars(select(OosTracePhoto).where(OosTracePhoto.uuid == photo)).one()
        assert row.data == b"" and len(row.sha256) == 64 and (row.width, row.height) == (640, 480)
    before = snapshot(p.db)
    assert _import(p, tmp_path / "a1.samoe").already
    assert snapshot(p.db) == before
    again = _export(a, tmp_path / "a1b.samoe")  # not acknowledged: the same rows again, unchanged
    result = _import(p, tmp_path / "a1b.samoe")
    assert all(result.applied[w] == {"unchanged": again[w]} for w in CASE_WIRES)
    out = tmp_path / "a1b.samoe-receipt"
    with p.db.session() as s:
        write_receipt_for(s, tmp_path / "a1b.samoe", out, password=PW)
    with a.db.session() as s:
        import_receipt(s, out)

    with a.db.session() as s:  # a case closed, a follow-up deleted (soft), an action deleted for good
        case = s.scalars(select(OosCase).where(OosCase.status != "closed").order_by(OosCase.id)).first()
        assert case is not None
        case.note = "ย้ายไปเรียนที่อื่นแล้ว"
        follow = s.scalars(select(OosFollowUp).order_by(OosFollowUp.id)).first()
        assert follow is not None
        follow.deleted_at = follow.updated_at
        action = s.scalars(select(OosPlanAction).order_by(OosPlanAction.id)).first()
        assert action is not None
        gone = action.uuid
        s.execute(delete(OosPlanAction).where(OosPlanAction.id == action.id))
    with a.db.reader() as s:
        plan = plan_export(s)
    assert plan.counts["oos_case"] == 1 and plan.counts["oos_follow_up"] == 1 and plan.counts["tombstone"] == 1
    assert plan.counts["oos_referral"] == 0
    _export(a, tmp_path / "a2.samoe")
    result = _import(p, tmp_path / "a2.samoe")
    assert result.applied["oos_case"] == {"updated": 1} and result.applied["tombstone"] == {"deleted": 1}
    _same_at_both(a, p, skip=frozenset({gone}))


def test_a_case_row_of_a_case_never_sent_refuses_the_bundle(sites: tuple[Site, Site], tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    a, p = sites
    add_case_trace(a)
    real = getattr(exchange_export, "build_bundle")  # noqa: B009 (not re-exported)

    def without_cases(**kw: Any) -> Any:
        kw["tables"] = {**kw["tables"], "oos_case": []}
        return real(**kw)

    monkeypatch.setattr(exchange_export, "build_bundle", without_cases)
    _export(a, tmp_path / "bad.samoe", full=True)
    before = snapshot(p.db)
    with pytest.raises(Refusal) as seen:
        _import(p, tmp_path / "bad.samoe")
    assert seen.value.code == "payload.unresolved" and "oos_case" in seen.value.detail
    assert snapshot(p.db) == before
