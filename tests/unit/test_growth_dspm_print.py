"""Printouts from the stored checks and measurements (issue 12): the guardian's activity
sheet of a failed check, the referral letter (only for a check that calls for one), the
centre's DSPM term summary (its numbers from the stored checks), the growth chart; a
caregiver of another centre gets none of them."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from actors import actor_with
from centre_kit import Kit, two_centres
from sqlalchemy import select

from desktop.domain.dspm import manual
from desktop.domain.errors import ValidationFailed
from desktop.domain.roles import Role
from desktop.services.access import NotPermitted, sign_in
from desktop.services.dspm import record_check, record_recheck, refer
from desktop.services.dspm_print import activity_sheet, referral_letter, summary, summary_lines
from desktop.services.growth import add_measurement
from desktop.services.growth_print import chart_set, growth_chart_pdf
from desktop.store.db import Database
from desktop.store.models import Child

TODAY = date(2026, 12, 1)


def _all(age: int, failed: tuple[int, ...] = ()) -> dict[int, bool]:
    return {i.no: i.no not in failed for i in manual().band(age).items}


@pytest.fixture
def kit(office_db: Database) -> Kit:
    kit = two_centres(office_db, n_a=3, n_b=1)
    with office_db.session() as s:
        for uuid, born in ((kit.children_a[0], date(2023, 5, 10)), (kit.children_a[1], date(2024, 5, 20))):
            s.scalars(select(Child).where(Child.uuid == uuid)).one().birth_date = born
    return kit


def _text(pdf: Path) -> str:
    import pypdfium2 as pdfium  # type: ignore[import-untyped]

    doc = pdfium.PdfDocument(str(pdf))
    try:
        return "".join(doc[i].get_textpage().get_text_range() for i in range(len(doc)))
    finally:
        doc.close()


def test_the_sheet_the_letter_and_the_summary_from_stored_checks(office_db: Database, kit: Kit,
                                                                  tmp_path: Path) -> None:
    a0, a1 = kit.children_a[0], kit.children_a[1]
    with office_db.session() as s:
        first = record_check(s, a0, 42, date(2026, 11, 12), _all(42, (91,)), assessor="ครูเอ", today=TODAY)
        again = record_recheck(s, first.id, date(2026, 11, 25), {91: False}, today=TODAY)
        refer(s, again.id, "โรงพยาบาลโนนสูง", date(2026, 11, 26), letter_no="นม 0023/9", today=TODAY)
        on_track = record_check(s, a1, 30, date(2026, 11, 20), _all(30), today=TODAY)
    with office_db.reader() as s:
        assert activity_sheet(s, first.id, tmp_path / "sheet.pdf") >= 1
        assert referral_letter(s, again.id, tmp_path / "letter.pdf") >= 1
        with pytest.raises(ValidationFailed, match="ไม่ต้องส่งต่อ"):
            referral_letter(s, first.id, tmp_path / "no.pdf")
        with pytest.raises(ValidationFailed, match="ผ่านทุกข้อ"):
            activity_sheet(s, on_track.id, tmp_path / "no.pdf")
        lines = {x.age_months: x for x in summary_lines(s, kit.centre_a, date(2026, 11, 1), date(2027, 3, 31), TODAY)}
        assert summary(s, kit.centre_a, date(2026, 11, 1), date(2027, 3, 31), "ภาคเรียน 2/2569",
                       tmp_path / "summary.pdf") >= 1
    assert (lines[42].checked, lines[42].suspected, lines[42].referred_teda4i) == (1, 1, 1)
    assert (lines[30].checked, lines[30].on_track) == (1, 1)
    assert "91" in _text(tmp_path / "sheet.pdf")
    assert "0023/9" in _text(tmp_path / "letter.pdf")
    assert not (tmp_path / "no.pdf").exists()


def test_the_growth_chart_and_another_centres_caregiver(office_db: Database, kit: Kit, tmp_path: Path) -> None:
    a0 = kit.children_a[0]
    with office_db.session() as s:
        add_measurement(s, a0, date(2026, 6, 10), weight_kg=14.0, height_cm=95.0, today=TODAY)
        add_measurement(s, a0, date(2026, 11, 20), weight_kg=15.1, height_cm=98.0, today=TODAY)
        check = record_check(s, a0, 42, date(2026, 11, 12), _all(42, (91,)), today=TODAY)
    with office_db.reader() as s:
        wfa, hfa, wfh = chart_set(s, a0)
        assert growth_chart_pdf(s, a0, tmp_path / "chart.pdf") >= 1
    assert [round(y, 1) for _x, y in wfa.points] == [14.0, 15.1] and len(hfa.points) == 2
    assert sorted(wfa.lines) == [-3, -2, -1, 0, 1, 2, 3] and wfh.points
    sign_in(office_db, actor_with(Role.CAREGIVER, institution_id=kit.centre_b, name="ครูบี"))
    with office_db.reader() as s:
        for call in (lambda: chart_set(s, a0), lambda: growth_chart_pdf(s, a0, tmp_path / "x.pdf"),
                     lambda: activity_sheet(s, check.id, tmp_path / "x.pdf"),
                     lambda: summary_lines(s, kit.centre_a, date(2026, 11, 1), date(2027, 3, 31), TODAY)):
            with pytest.raises(NotPermitted):
                call()
