"""The centre's DSPM summary for a term (issue 12's printout): first checks in the period
by outcome, what their re-checks found, re-checks waiting or overdue, the total and the
on-track share; printed and read back in the five PDF readers."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from pdf_readers import READERS, read_pages, squeeze

from desktop.domain.dspm import Outcome
from desktop.domain.dspm_summary import CheckRow, term_summary, totals
from desktop.reports.dspm_documents import summary_pdf

START, END, TODAY = date(2026, 5, 16), date(2026, 10, 10), date(2026, 10, 10)
ROWS = [
    CheckRow(1, 30, date(2026, 6, 1), Outcome.ON_TRACK),
    CheckRow(2, 30, date(2026, 6, 2), Outcome.SUSPECTED_DELAY),
    CheckRow(2, 30, date(2026, 6, 30), Outcome.ON_TRACK, is_recheck=True),  # on track after stimulation
    CheckRow(3, 30, date(2026, 7, 1), Outcome.SUSPECTED_DELAY),
    CheckRow(3, 30, date(2026, 7, 25), Outcome.REFER_TEDA4I, is_recheck=True),  # still delayed
    CheckRow(4, 42, date(2026, 9, 20), Outcome.SUSPECTED_DELAY),  # due 20 Oct: waiting
    CheckRow(5, 42, date(2026, 8, 1), Outcome.SUSPECTED_DELAY),  # due 31 Aug: overdue
    CheckRow(6, 42, date(2026, 8, 2), Outcome.REFER_NOW),
    CheckRow(7, 42, date(2026, 4, 1), Outcome.ON_TRACK),  # before the term: not counted
    CheckRow(8, 60, date(2026, 6, 1), Outcome.SUSPECTED_DELAY),
    CheckRow(8, 60, date(2026, 6, 20), Outcome.ON_TRACK),  # a new first check in the term: the latest counts
]


def test_the_summary_per_screening_age_and_in_total() -> None:
    lines = {x.age_months: x for x in term_summary(ROWS, START, END, TODAY)}
    assert sorted(lines) == [9, 18, 30, 42, 60]
    assert lines[9].checked == 0 and lines[9].on_track_share is None
    t = lines[30]
    assert (t.checked, t.on_track, t.suspected, t.on_track_after, t.referred_teda4i) == (3, 1, 2, 1, 1)
    assert t.on_track_share == pytest.approx(2 / 3)
    f = lines[42]
    assert (f.checked, f.suspected, f.waiting, f.overdue, f.referred_now) == (3, 2, 1, 1, 1)
    assert (lines[60].checked, lines[60].on_track, lines[60].suspected) == (1, 1, 0)
    all_ = totals(lines.values())
    assert (all_.checked, all_.on_track, all_.on_track_after, all_.overdue) == (7, 2, 1, 1)


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    pdf, pages = summary_pdf("ศพด.บ้านหนองบัว", "ภาคเรียนที่ 1/2569", term_summary(ROWS, START, END, TODAY),
                             office="เทศบาลตำบลทดสอบ", printed=date(2026, 10, 10))
    assert pages == 1
    out = tmp_path_factory.mktemp("dspm-summary") / "summary.pdf"
    out.write_bytes(pdf)
    return out


@pytest.mark.parametrize("reader", list(READERS))
def test_the_summary_reads_back_in_every_reader(printed: Path, reader: str) -> None:
    text = squeeze("".join(read_pages(reader, printed)))
    words = ["สรุปผลการเฝ้าระวังและส่งเสริมพัฒนาการเด็กปฐมวัย", "ศพด.บ้านหนองบัว", "30 เดือน", "42 เดือน",
             "สมวัยหลังกระตุ้น", "ส่งต่อ TEDA4I", "เลยกำหนด", "66.7", "หัวหน้าศูนย์พัฒนาเด็กเล็ก"]
    missing = [w for w in words if squeeze(w) not in text]
    assert missing == [], (reader, missing)
