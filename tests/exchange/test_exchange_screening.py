"""Issue 11's records in the bundle: screenings (members, certifications, photos' hashes),
grant rounds, the term's attendance and payments go from a municipality to the province,
whole and then changed-only (with a voided certification, a soft and a hard deletion),
idempotently; a bundle from before them still imports; a screening of a child the
province never got refuses the bundle with the database unchanged."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from office_kit import (
    PROVINCE,
    TOWN_A,
    Site,
    local_office_id,
    make_site,
    snapshot,
    trust_each_other,
)
from screening_kit import add_grants, make_screened_site
from sqlalchemy import delete, func, select, text

from desktop.exchange.reasons import Refusal
from desktop.exchange.references import References
from desktop.services import exchange_export
from desktop.services.exchange_export import export_bundle, plan_export
from desktop.services.exchange_import import import_file, verify_file
from desktop.services.exchange_outbox import import_receipt
from desktop.services.exchange_province import write_receipt_for
from desktop.services.screenings import void_if_changed
from desktop.store.grant_state import GrantPayment, GrantRound, TermAttendance
from desktop.store.models import Child, Office, Term
from desktop.store.screening_state import Certification, Screening, ScreeningMember, ScreeningPhoto

PW = "samoe-test-password"
MODELS: dict[str, Any] = {"screening": Screening, "screening_member": ScreeningMember, "certification": Certification,
          "screening_photo": ScreeningPhoto, "grant_round": GrantRound, "term_attendance": TermAttendance,
          "grant_payment": GrantPayment}
OLD_TABLES = {"institution", "household", "child", "guardian", "guardianship", "enrolment", "academic_year",
              "tombstone"}


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


def _ack(a: Site, p: Site, bundle: Path) -> None:
    out = bundle.with_suffix(".samoe-receipt")
    with p.db.session() as s:
        write_receipt_for(s, bundle, out, password=PW)
    with a.db.session() as s:
        import_receipt(s, out)


def _rows(site: Site, wire: str, office_id: int) -> dict[str, dict[str, Any]]:
    model = MODELS[wire]
    skip = {"id", "changed_seq", "origin_office_id", "data", "updated_at", "screening_id", "child_id", "household_id",
            "term_id", "round_id"}
    with site.db.reader() as s:
        return {r.uuid: {c: getattr(r, c) for c in [col.name for col in model.__table__.c] if c not in skip}
                for r in s.scalars(select(model).where(model.origin_office_id == office_id))}


def _refs(site: Site, office_id: int) -> set[tuple[str, ...]]:
    """Each screening's (uuid, child uuid, term), each payment's (uuid, round uuid, child uuid)."""
    from desktop.store.models import AcademicYear

    with site.db.reader() as s:
        out: set[tuple[str, ...]] = {("s", su, cu, f"{n}/{y}") for su, cu, n, y in s.execute(
            select(Screening.uuid, Child.uuid, Term.number, AcademicYear.year_be)
            .join(Child, Child.id == Screening.child_id).join(Term, Term.id == Screening.term_id)
            .join(AcademicYear, AcademicYear.id == Term.academic_year_id)
            .where(Screening.origin_office_id == office_id))}
        out |= {("p", pu, ru, cu) for pu, ru, cu in s.execute(
            select(GrantPayment.uuid, GrantRound.uuid, Child.uuid)
            .join(GrantRound, GrantRound.id == GrantPayment.round_id).join(Child, Child.id == GrantPayment.child_id)
            .where(GrantPayment.origin_office_id == office_id))}
    return out


def _office_at(p: Site, code: str) -> int:
    with p.db.reader() as s:
        return int(s.scalars(select(Office.id).where(Office.code == code)).one())


def _same_at_both(a: Site, p: Site) -> None:
    here, there = local_office_id(a.db), _office_at(p, a.code)
    for wire in MODELS:
        sent, got = _rows(a, wire, here), _rows(p, wire, there)
        assert set(got) == set(sent), wire
        for uuid, row in sent.items():
            assert {c: v for c, v in got[uuid].items() if v != row[c]} == {}, (wire, uuid)
    assert _refs(p, there) == _refs(a, here)


def test_screenings_rounds_and_payments_travel_whole_then_changed_only(sites: tuple[Site, Site],
                                                                       tmp_path: Path) -> None:
    a, p = sites
    grants = add_grants(a)
    assert grants.paid and grants.attended > 1
    counts = _export(a, tmp_path / "a1.samoe", full=True)
    for wire in MODELS:
        assert counts[wire] > 0, wire
    assert counts["term"] == 2
    result = _import(p, tmp_path / "a1.samoe")
    assert result.applied["screening"] == {"inserted": counts["screening"]}
    assert result.applied["grant_payment"] == {"inserted": len(grants.paid)}
    _same_at_both(a, p)
    with p.db.reader() as s:  # a photo's hash and size came, never its bytes
        photos = s.scalars(select(ScreeningPhoto)).all()
        assert photos and {ph.data for ph in photos} == {b""} and all(len(ph.sha256) == 64 for ph in photos)
    before = snapshot(p.db)
    assert _import(p, tmp_path / "a1.samoe").already  # the same file twice: nothing changes
    assert snapshot(p.db) == before
    _ack(a, p, tmp_path / "a1.samoe")

    # changes at the municipality: an edit voids a certification; a payment soft-deleted, an
    # attendance row hard-deleted (a tombstone); a new payment
    with a.db.session() as s:
        cert = s.scalars(select(Certification).where(Certification.voided_at.is_(None)).order_by(Certification.id)
                         ).first()
        assert cert is not None
        screening = s.get(Screening, cert.screening_id)
        assert screening is not None
        voided_uuid, voided_screening = cert.uuid, screening.uuid
        screening.water = "none" if screening.water != "none" else "tap"
        s.flush()
        assert void_if_changed(s, screening, "แก้ไขแหล่งน้ำดื่ม")
        payment = s.scalars(select(GrantPayment).order_by(GrantPayment.id)).first()
        assert payment is not None
        payment.deleted_at = payment.updated_at
        gone_payment = payment.uuid
        att = s.scalars(select(TermAttendance).order_by(TermAttendance.id.desc())).first()
        assert att is not None
        gone_attendance = att.uuid
        s.execute(delete(TermAttendance).where(TermAttendance.id == att.id))
    with a.db.reader() as s:
        plan = plan_export(s)
    assert plan.counts["certification"] == 1 and plan.counts["screening"] == 1
    assert plan.counts["grant_payment"] == 1 and plan.counts["tombstone"] == 1
    assert plan.counts["screening_member"] == 0 and plan.counts["grant_round"] == 0
    counts = _export(a, tmp_path / "a2.samoe")
    assert counts["certification"] == 1 and counts["tombstone"] == 1
    result = _import(p, tmp_path / "a2.samoe")
    assert result.applied["certification"] == {"updated": 1}
    assert result.applied["tombstone"] == {"deleted": 1}
    with p.db.reader() as s:
        cert_p = s.scalars(select(Certification).where(Certification.uuid == voided_uuid)).one()
        assert cert_p.voided_at is not None and cert_p.void_reason == "แก้ไขแหล่งน้ำดื่ม"
        assert s.scalars(select(Screening.status).where(Screening.uuid == voided_screening)).one() == "draft"
        assert s.scalars(select(GrantPayment.deleted_at).where(GrantPayment.uuid == gone_payment)).one() is not None
        assert s.scalars(select(TermAttendance.deleted_at).where(TermAttendance.uuid == gone_attendance)
                         ).one() is not None  # the province keeps what it was sent, marked deleted
    # apart from the row hard-deleted at the municipality, both sides hold the same
    with p.db.session() as s:
        s.execute(delete(TermAttendance).where(TermAttendance.uuid == gone_attendance))
    _same_at_both(a, p)


def test_a_bundle_from_before_the_screening_tables_still_imports(sites: tuple[Site, Site], tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """A bundle as the program wrote it before issue 11's tables (no screening, grant or
    term file, nothing of them in the counts) imports as before."""
    a, p = sites
    real = getattr(exchange_export, "build_bundle")  # noqa: B009 (not re-exported)

    def old_build(**kw: Any) -> Any:
        kw["tables"] = {t: rows for t, rows in kw["tables"].items() if t in OLD_TABLES}
        return real(**kw)

    monkeypatch.setattr(exchange_export, "build_bundle", old_build)
    counts = _export(a, tmp_path / "old.samoe", full=True)
    assert set(counts) <= OLD_TABLES and counts["child"] == 60
    result = _import(p, tmp_path / "old.samoe")
    assert result.applied["child"] == {"inserted": 60}
    with p.db.reader() as s:
        assert s.scalar(select(func.count()).select_from(Child)) == 60
        assert s.scalar(select(func.count()).select_from(Screening)) == 0


def test_a_screening_of_a_child_never_sent_refuses_the_bundle(sites: tuple[Site, Site], tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """The sender's (faulty) bundle carries screenings but not their children, and the
    province never got them: refused with ``payload.unresolved`` at verify and at import,
    the province's database exactly as it was."""
    a, p = sites
    real = getattr(exchange_export, "build_bundle")  # noqa: B009 (not re-exported)

    def without_children(**kw: Any) -> Any:
        kw["tables"] = {**kw["tables"], "child": []}
        return real(**kw)

    monkeypatch.setattr(exchange_export, "build_bundle", without_children)
    counts = _export(a, tmp_path / "bad.samoe", full=True)
    assert counts["child"] == 0 and counts["screening"] > 0
    before = snapshot(p.db)
    with p.db.reader() as s, pytest.raises(Refusal) as seen:
        verify_file(s, tmp_path / "bad.samoe", password=PW)
    assert seen.value.code == "payload.unresolved"
    with pytest.raises(Refusal) as seen:
        _import(p, tmp_path / "bad.samoe")
    assert seen.value.code == "payload.unresolved"
    assert "แบบคัดกรองของเด็กที่ยังไม่เคยส่งมา" in seen.value.message
    assert snapshot(p.db) == before


def test_references_resolve_in_the_bundle_or_at_the_recipient() -> None:
    refs = References({"screening": [("child", "child"), ("term", "term")]}, keys={"term": "term"})
    refs.see("child", {"uuid": "c1"})
    refs.see("term", {"term": "1/2569", "start": "", "end": ""})
    refs.see("screening", {"uuid": "s1", "child": "c1", "term": "1/2569"})
    refs.see("screening", {"uuid": "s2", "child": "c2", "term": "2/2569"})
    asked: list[tuple[str, set[str]]] = []

    def known(table: str, keys: set[str]) -> set[str]:
        asked.append((table, set(keys)))
        return keys & {"c2", "2/2569"}

    refs.check(known)  # c2 and 2/2569 are held by the recipient
    assert sorted(asked) == [("child", {"c2"}), ("term", {"2/2569"})]
    with pytest.raises(Refusal) as seen:
        refs.check(lambda _t, _k: set())
    assert seen.value.code == "payload.unresolved"


def test_an_unknown_term_or_table_row_is_a_schema_fault() -> None:
    from desktop.services.exchange_wire import check_row

    check_row("term", {"term": "1/2569", "start": "2026-05-16", "end": "2026-10-31"})
    for bad in ({"term": "0/2569", "start": "2026-05-16", "end": "2026-10-31"},
                {"term": "1/2569", "start": "2026-05-16"}, {"term": 12569, "start": "2026-05-16", "end": "x"}):
        with pytest.raises(ValueError, match="term"):
            check_row("term", bad)


def test_a_round_refers_to_its_term_and_chosen_schools_carry_their_screenings(sites: tuple[Site, Site],
                                                                               tmp_path: Path) -> None:
    a, p = sites
    add_grants(a, pay=1)
    with a.db.reader() as s:
        code = s.scalar(text("SELECT i.code FROM institution i JOIN enrollment e ON e.institution_id = i.id "
                             "JOIN screening sc ON sc.child_id = e.child_id GROUP BY i.id ORDER BY count(*) DESC"))
        assert code
        plan = plan_export(s, full=True, institutions=(code,))
        every = plan_export(s, full=True)
    assert 0 < plan.counts["screening"] < every.counts["screening"]
    assert plan.counts["grant_round"] == every.counts["grant_round"] == 1
    counts = _export(a, tmp_path / "school.samoe", full=True, institutions=(code,))
    result = _import(p, tmp_path / "school.samoe")
    assert result.applied["screening"] == {"inserted": counts["screening"]}
    assert "unresolved" not in result.applied.get("screening_member", {})
