"""DSPM surveillance bands (issue 12): the item file's integrity across all its bands (the
numbers continue from band to band, the domains are the five, the bands' months neither
overlap nor leave a hole the file does not name), a check at a surveillance band, its
re-check rule (still failed → referral, as at a screening age, without the screening
ages' outcome codes), and what stays at the screening ages: the month's due list and the
term summary."""

from __future__ import annotations

import json
from datetime import date

import pytest
from centre_kit import Kit, two_centres
from sqlalchemy import select

from desktop.domain.dspm import (
    Domain,
    Outcome,
    band_text,
    evaluate,
    evaluate_recheck,
    manual,
    parse_manual,
)
from desktop.domain.dspm_summary import CheckRow, term_summary
from desktop.domain.errors import ValidationFailed
from desktop.paths import resource_path
from desktop.services.dspm import edit_check, record_check, record_recheck, refer
from desktop.services.dspm_lists import checks_due, rechecks_due
from desktop.store.db import Database
from desktop.store.models import Child

TODAY = date(2026, 12, 1)
LAST_MONTH = 78  # the manual's last band ends at 78 months


def _data() -> dict:  # type: ignore[type-arg]
    return json.loads(resource_path("dspm", "dspm-screening-items.json").read_text(encoding="utf-8"))


def test_the_items_are_numbered_on_without_a_hole_across_the_bands() -> None:
    """From birth to 78 months, 23 bands: the item numbers run 1-139 in band order."""
    m = manual()
    assert len(m.bands) == 23
    assert [i.no for b in m.bands for i in b.items] == list(range(1, 140))
    assert [i.no for i in m.band(9).items][0] == 27 and [i.no for i in m.band(18).items][-1] == 59
    assert [i.no for i in m.band(37).items] == [84, 85, 86, 87, 88, 89]  # 90 opens the 42-month band
    assert m.item(79).skill == "ยืนขาเดียว 1 วินาที" and m.item(38).domain is Domain.EL  # the manual's pp. 47, 28


def test_every_band_has_items_of_the_five_domains_and_the_activities() -> None:
    for band in manual().bands:
        assert band.items, band.label
        assert {i.domain for i in band.items} == set(Domain), band.label
        assert all(i.skill.strip() and i.activity and all(a.strip() for a in i.activity) for i in band.items)
        assert all(i.age_months == band.age_months for i in band.items)
    for b in _data()["bands"]:
        assert all(it["domain"] in {"GM", "FM", "RL", "EL", "PS"} for it in b["items"])


def test_the_bands_months_are_contiguous_and_the_gaps_are_named() -> None:
    """The bands (with any ranges a file says it left out) tile 0-78 months: no overlap, no
    unnamed hole; the screening ages are bands of one month."""
    for m in (manual(), _without_25_29()):
        spans = sorted([(b.age_months, b.last_month) for b in m.bands] + list(m.gaps))
        assert spans[0][0] == 0 and spans[-1][1] == LAST_MONTH
        for (_a, last), (first, _b) in zip(spans, spans[1:], strict=False):
            assert first == last + 1, (last, first)
    m = manual()
    assert m.gaps == () and _without_25_29().gaps == ((25, 29),)
    assert [b.age_months for b in m.bands if b.screening] == [9, 18, 30, 42, 60]
    assert all(b.last_month == b.age_months for b in m.bands if b.screening)
    assert m.band_at(40) is m.band(37) and m.band_at(42) is m.band(42) and m.band_at(22) is m.band(19)
    assert m.band_at(0) is m.band(0) and m.band_at(1) is m.band(1)  # the manual's first bands meet at 1 month
    assert m.band_at(LAST_MONTH + 1) is None and _without_25_29().band_at(27) is None
    assert any("NOT" in w for w in _data()["what_was_checked"])


def _without_25_29():  # type: ignore[no-untyped-def]
    """The item file as it would be with one band left out (and named)."""
    data = _data()
    data["bands"] = [b for b in data["bands"] if b.get("from_months") != 25]
    data["not_transcribed"] = [{"from_months": 25, "to_months": 29}]
    return parse_manual(data)


def test_overlapping_bands_are_refused() -> None:
    base = {"name": "x", "version": 1, "manual": {"title": "t", "edition": "e"},
            "rules": {"recheck_within_days": 30, "due_window_months": 1, "outcome_codes": {}}}
    five = [{"no": n, "domain": d, "skill": "s", "activity": ["a"], "checked": "activity checked"}
            for n, d in enumerate(["GM", "FM", "RL", "EL", "PS"], start=1)]
    other = [{**it, "no": it["no"] + 5} for it in five]
    with pytest.raises(ValueError, match="overlap"):
        parse_manual({**base, "bands": [{"from_months": 37, "to_months": 42, "label": "a", "items": five},
                                        {"screening_age_months": 42, "label": "42", "items": other}]})


def test_a_surveillance_band_follows_the_same_rule_without_the_screening_codes() -> None:
    answers = {i.no: i.no != 86 for i in manual().band(37).items}
    first = evaluate(37, date(2026, 5, 4), answers)
    assert first.outcome is Outcome.SUSPECTED_DELAY and first.code is None
    assert first.recheck_due == date(2026, 6, 3) and [i.no for i in first.failed] == [86]
    assert evaluate_recheck(first, date(2026, 5, 30), {86: True}).outcome is Outcome.ON_TRACK
    still = evaluate_recheck(first, date(2026, 5, 30), {86: False})
    assert still.outcome is Outcome.REFER_TEDA4I and still.needs_referral_letter
    assert evaluate(37, date(2026, 5, 4), {n: True for n in answers}).code is None
    assert band_text(37) == "37 - 41 เดือน" and band_text(42) == "42 เดือน" and band_text(0) == "แรกเกิด - 1 เดือน"


@pytest.fixture
def kit(office_db: Database) -> Kit:
    kit = two_centres(office_db, n_a=3, n_b=1)
    with office_db.session() as s:  # a0: 40 months on 1 Dec 2026 (37-41); a1: 22 months (19-24)
        for uuid, born in ((kit.children_a[0], date(2023, 8, 1)), (kit.children_a[1], date(2025, 2, 1)),
                           (kit.children_a[2], date(2023, 6, 1))):
            s.scalars(select(Child).where(Child.uuid == uuid)).one().birth_date = born
    return kit


def _answers(age: int, failed: tuple[int, ...] = ()) -> dict[int, bool]:
    return {i.no: i.no not in failed for i in manual().band(age).items}


def test_a_check_at_the_childs_surveillance_band_then_the_recheck_and_referral(office_db: Database,
                                                                               kit: Kit) -> None:
    a = kit.children_a[0]
    with office_db.session() as s:
        first = record_check(s, a, 37, date(2026, 11, 20), _answers(37, (85, 88)), assessor="ครูบี", today=TODAY)
        assert first.outcome is Outcome.SUSPECTED_DELAY and first.code == "" and first.recheck_due == date(2026, 12, 20)
        again = record_recheck(s, first.id, date(2026, 11, 30), {85: True, 88: False}, today=TODAY)
        assert again.outcome is Outcome.REFER_TEDA4I
        refer(s, again.id, "โรงพยาบาลโนนสูง", date(2026, 12, 1), today=TODAY)
    with office_db.reader() as s:
        assert rechecks_due(s, TODAY).total == 0  # re-checked: not on the list


def test_a_surveillance_check_out_of_its_band_or_in_a_band_the_file_lacks_is_refused(office_db: Database,
                                                                                    kit: Kit) -> None:
    a0, a1 = kit.children_a[0], kit.children_a[1]
    refusals = [
        (lambda s: record_check(s, a0, 43, date(2026, 11, 20), _answers(43), today=TODAY), "อายุครบ 43 เดือน"),
        (lambda s: record_check(s, a0, 31, date(2026, 11, 20), _answers(31), today=TODAY), "พ้นช่วงอายุ 31 - 36"),
        (lambda s: record_check(s, a1, 20, date(2026, 11, 20), {}, today=TODAY), "ไม่มีข้อประเมินช่วงอายุที่เริ่มที่ 20"),
        (lambda s: record_check(s, a0, 37, date(2026, 11, 20), {**_answers(37), 90: True}, today=TODAY),
         "ไม่อยู่ในช่วงอายุ 37 - 41"),
    ]
    for call, words in refusals:
        with office_db.session() as s, pytest.raises(ValidationFailed) as caught:
            call(s)
        assert words in str(caught.value), (words, str(caught.value))
    with office_db.session() as s:
        view = record_check(s, a0, 37, date(2026, 11, 20), _answers(37), today=TODAY)
        with pytest.raises(ValidationFailed, match="อายุครบ 37 เดือน"):
            edit_check(s, view.id, date(2026, 8, 20), _answers(37), today=TODAY)


def test_the_due_list_and_the_term_summary_keep_to_the_screening_ages(office_db: Database, kit: Kit) -> None:
    a0, a2 = kit.children_a[0], kit.children_a[2]
    with office_db.session() as s:
        record_check(s, a0, 37, date(2026, 11, 20), _answers(37, (86,)), today=TODAY)
        record_check(s, a2, 42, date(2026, 12, 1), _answers(42), today=TODAY)  # reaches 42 months on 1 Dec
    with office_db.reader() as s:
        dec = checks_due(s, 2026, 12, institution_id=kit.centre_a)
        assert [(r.child.uuid, r.age_months) for r in dec.rows] == [(a2, 42)]  # a0 reaches no screening age
        assert [r.age_months for r in rechecks_due(s, TODAY).rows] == [37]  # a surveillance re-check is listed
    rows = [CheckRow(1, 37, date(2026, 11, 20), Outcome.SUSPECTED_DELAY, False),
            CheckRow(2, 42, date(2026, 12, 1), Outcome.ON_TRACK, False)]
    lines = term_summary(rows, date(2026, 11, 1), date(2027, 3, 31), TODAY)
    assert [line.age_months for line in lines] == [9, 18, 30, 42, 60]
    assert sum(line.checked for line in lines) == 1
