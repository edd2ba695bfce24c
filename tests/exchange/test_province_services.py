"""The province's pages' services on a province that really imported bundles: the
municipalities with their chains (gaps, restores, quiet ones), the reconcile rows with
both children, the decision recorded and audited, who may, and the summary's counts."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from actors import actor_with
from office_kit import TOWN_A, TOWN_B
from province_kit import FIRST, SECOND, Province, make_province
from sqlalchemy import delete, func, select

from desktop.domain.roles import Role
from desktop.services.access import NotPermitted, sign_in
from desktop.services.exchange_outbox import ExchangeError
from desktop.services.province_reconcile import decide, decision_label, reconcile_rows
from desktop.services.province_senders import (
    chain_gaps,
    format_gaps,
    municipalities,
    quiet_words,
    set_stale_days,
    stale_days,
)
from desktop.services.province_summary import summary_data
from desktop.store.exchange_keys import TrustEntry
from desktop.store.exchange_state import ReceivedBundle
from desktop.store.models import AuditEntry, Child, Office


@pytest.fixture
def province(tmp_path: Path, cheap_wraps: None) -> Iterator[Province]:
    made = make_province(tmp_path / "sites")
    yield made
    made.close()


def test_chain_gaps() -> None:
    assert chain_gaps([]) == []
    assert chain_gaps([1, 2, 3]) == []
    assert chain_gaps([2, 3]) == [(1, 1)]
    assert chain_gaps([1, 2, 5, 6, 9]) == [(3, 4), (7, 8)]
    assert chain_gaps([1, 2, 3, 2, 3, 4]) == []  # a restored sender sends numbers again
    assert format_gaps([(3, 4), (9, 9)]) == "3–4, 9"


def test_municipalities_show_each_chain(province: Province) -> None:
    with province.p.db.reader() as s:
        rows = {r.office_code: r for r in municipalities(s, now=SECOND + timedelta(days=3))}
    a, b = rows[TOWN_A[0]], rows[TOWN_B[0]]
    assert (a.sequence, a.bundles, a.gaps, a.restores) == (2, 2, (), 0)
    assert (b.sequence, b.bundles) == (2, 2)
    assert a.office_name == TOWN_A[1] and a.children == 30 and b.children == 21
    assert a.created_at == SECOND.replace(tzinfo=None) and a.days_quiet == 3 and not a.stale
    assert a.counts["child"] == 30 and a.rows > 30  # no receipt yet: the second carries all again
    assert b.days_quiet == (SECOND + timedelta(days=3) - FIRST - timedelta(days=1)).days and b.stale  # over 30 days
    assert quiet_words(b) == f"ไม่ได้ส่ง {b.days_quiet} วัน" and quiet_words(a) == ""
    assert a.open_pairs == 1 and b.open_pairs == 1
    with province.p.db.reader() as s:
        order = [r.office_code for r in municipalities(s, now=SECOND)]
    assert order.index(TOWN_B[0]) < order.index(TOWN_A[0])  # the quiet one first


def test_stale_limit_is_settable_and_audited(province: Province) -> None:
    with province.p.db.session() as s:
        assert stale_days(s) == 30
        assert set_stale_days(s, 60) == 60
        assert set_stale_days(s, 0) == 1  # kept within 1..366
        set_stale_days(s, 60)
    with province.p.db.reader() as s:
        assert stale_days(s) == 60
        rows = {r.office_code: r for r in municipalities(s, now=SECOND + timedelta(days=3))}
        assert not rows[TOWN_B[0]].stale
        assert s.scalar(select(func.count()).select_from(AuditEntry).where(AuditEntry.action == "settings")) >= 3
    with province.p.db.session() as s:
        set_stale_days(s, 30)
    sign_in(province.p.db, actor_with(Role.CLERK))
    with pytest.raises(NotPermitted), province.p.db.session() as s:
        set_stale_days(s, 5)


def test_a_lost_bundle_shows_as_a_gap_in_the_chain(province: Province, tmp_path: Path) -> None:
    """Bundle 3 of A is lost on a USB stick; bundle 4, built on the province's last receipt,
    is accepted in its place (exchange_import): the page names 3 as never received."""
    from province_kit import PW

    from desktop.services.exchange_export import export_bundle
    from desktop.services.exchange_import import import_file
    from desktop.services.exchange_outbox import import_receipt
    from desktop.services.exchange_province import write_receipt_for

    a, p = province.a, province.p
    with p.db.session() as s:
        write_receipt_for(s, province.bundles["a2"], tmp_path / "r2", password=PW)
    with a.db.session() as s:
        import_receipt(s, tmp_path / "r2")
    for n in (3, 4):
        with a.db.session() as s:
            export_bundle(s, tmp_path / f"a{n}.samoe", password=PW)
    with p.db.session() as s:
        import_file(s, tmp_path / "a4.samoe", password=PW)
    with p.db.reader() as s:
        row = {r.office_code: r for r in municipalities(s)}[TOWN_A[0]]
    assert (row.sequence, row.bundles, row.gaps, row.missing) == (4, 3, ((3, 3),), 1)
    assert not row.stale and row.days_quiet == 0


def test_a_lost_record_shows_as_a_gap_and_an_enrolled_silent_office_stands_out(
        province: Province) -> None:
    db = province.p.db
    with db.session() as s:
        s.execute(delete(ReceivedBundle).where(ReceivedBundle.office_code == TOWN_A[0],
                                               ReceivedBundle.sequence == 1))
        key = s.scalars(select(TrustEntry).where(TrustEntry.office_code == TOWN_A[0])).one()
        s.add(TrustEntry(key_id="f" * 32, office_code="6300303", office_name="เทศบาลตำบลเงียบ",
                         office_role="municipality", sign_public=key.sign_public, box_public=key.box_public,
                         card_created_at=key.card_created_at))
    with db.reader() as s:
        rows = {r.office_code: r for r in municipalities(s, now=SECOND)}
    assert rows[TOWN_A[0]].gaps == ((1, 1),) and rows[TOWN_A[0]].missing == 1
    silent = rows["6300303"]
    assert silent.days_quiet is None and silent.stale and silent.sequence == 0
    assert quiet_words(silent) == "ยังไม่เคยส่ง"
    with db.reader() as s:
        assert municipalities(s, now=SECOND)[0].office_code == "6300303"  # never sent: first


def test_reconcile_rows_name_both_children_and_decisions_move_down(province: Province) -> None:
    db = province.p.db
    with db.reader() as s:
        [row] = reconcile_rows(s)
        assert row.open and row.national_id == province.moved_national_id
        assert row.incoming.office_code == TOWN_B[0] and row.incoming.office_name == TOWN_B[1]
        assert row.incoming.name == "ด.ช.ย้ายมา จากบ้านใหม่"
        assert row.existing.office_code == TOWN_A[0] and row.existing.name and row.existing.birth_date
        assert reconcile_rows(s, open_only=True) == [row]
    with db.session() as s:
        with pytest.raises(ExchangeError) as bad:
            decide(s, row.id, "maybe")
        assert bad.value.code == "exchange.decision"
    with db.session() as s:
        decide(s, row.id, "moved", note="  ย้ายไปอยู่กับยาย ")
    with db.reader() as s:
        [done] = reconcile_rows(s)
        assert (done.decision, done.note, done.open) == ("moved", "ย้ายไปอยู่กับยาย", False)
        assert reconcile_rows(s, open_only=True) == []
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "exchange_reconcile")).one()
        assert entry.entity_uuid == row.incoming.uuid
    assert decision_label("moved") == "ย้าย" and decision_label("") == "รอตรวจสอบ"
    sign_in(db, actor_with(Role.CLERK))
    for work in (lambda s: reconcile_rows(s), lambda s: municipalities(s), lambda s: decide(s, row.id, "same")):
        with pytest.raises(NotPermitted), db.session() as s:
            work(s)


def test_summary_counts_per_municipality(province: Province) -> None:
    with province.p.db.reader() as s:
        data = summary_data(s, 2569)
        live = dict(s.execute(select(Office.code, func.count()).join(Child, Child.origin_office_id == Office.id)
                              .where(Child.deleted_at.is_(None)).group_by(Office.code)).tuples().all())
    rows = {m.code: m for m in data.municipalities}
    assert rows[TOWN_A[0]].children == live[TOWN_A[0]] == 30
    assert rows[TOWN_B[0]].children == live[TOWN_B[0]] == 21
    for m in rows.values():
        assert sum(r[3] for r in m.by_level) >= m.enrolled > 0  # a child in two levels counts twice
        assert m.open_pairs == 1 and m.sequence == 2 and m.sent_at is not None
    assert data.open_pairs == 1  # one pair names both municipalities: counted once
    assert "ไม่ได้ส่ง" in rows[TOWN_B[0]].note or rows[TOWN_B[0]].note == ""


def test_summary_needs_the_province_report_role(province: Province) -> None:
    sign_in(province.p.db, actor_with(Role.CERTIFIER))
    with pytest.raises(NotPermitted), province.p.db.reader() as s:
        summary_data(s, 2569)
