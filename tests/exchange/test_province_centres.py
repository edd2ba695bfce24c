"""The province's child development centres per municipality and centre (issue 12), from
real bundles of two municipalities (A with a re-check, a referral waiting and rates on top
of the demo's centres; B the demo's alone), checked against each municipality's own lists
and reports of the same term (the growth lists, the DSPM summary and lists, each room's
attendance); the PDF read back in the five readers; the spreadsheet opened by LibreOffice;
the command; a user who is not a province officer refused."""

from __future__ import annotations

import csv as csv_module
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import pytest
from actors import TEST_PASSWORD
from centre_wire_kit import add_centre_extras
from cli_run import run
from needs import require_tool
from office_kit import PROVINCE, TODAY, TOWN_A, TOWN_B, Site, make_site, trust_each_other
from screening_kit import make_screened_site
from sqlalchemy import func, select

from desktop.domain.centre import Tally
from desktop.domain.dspm_summary import totals
from desktop.domain.levels import InstitutionKind
from desktop.domain.roles import Role
from desktop.reports.province_centres import CentreFigures, ProvinceCentres, period_text
from desktop.services.access import Grant, NotPermitted, authenticate, sign_in
from desktop.services.centre_attendance import room_attendance
from desktop.services.dspm_lists import rechecks_due, referrals_waiting
from desktop.services.dspm_print import summary_lines
from desktop.services.exchange_export import export_bundle
from desktop.services.exchange_import import import_file
from desktop.services.growth_lists import ListCategory, growth_list
from desktop.services.province_centres import (
    NoSuchTerm,
    centre_terms,
    export_province_centres,
    province_centres,
    province_centres_pdf,
)
from desktop.services.users import add_user
from desktop.store.centre_state import CentreRoom
from desktop.store.growth_state import DspmCheck, GrowthMeasurement
from desktop.store.models import AcademicYear, Enrollment, Institution, Term

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "unit"))
from pdf_readers import READERS, read_pages, squeeze  # noqa: E402

PW = "samoe-test-password"


@dataclass
class Two:
    a: Site
    b: Site
    p: Site


@pytest.fixture
def two(tmp_path: Path, cheap_wraps: None) -> Iterator[Two]:
    a = make_screened_site(tmp_path / "a.db", *TOWN_A, children=60, seed=21)
    b = make_screened_site(tmp_path / "b.db", *TOWN_B, children=40, seed=22)
    p = make_site(tmp_path / "p.db", *PROVINCE, "province")
    trust_each_other(p, a, b)
    add_centre_extras(a)
    _this_term(a)
    for site in (a, b):
        out = tmp_path / f"{site.code}.samoe"
        with site.db.session() as s:
            export_bundle(s, out, password=PW)
        with p.db.session() as s:
            import_file(s, out, password=PW)
    yield Two(a, b, p)
    for site in (a, b, p):
        site.db.dispose()


def _this_term(site: Site) -> None:
    """At A, in the term of TODAY: one child's measurement deleted (not measured), and a
    first check suspected of delay, due for its re-check before TODAY and not re-checked
    (overdue)."""
    with site.db.session() as s:
        start, end = s.execute(select(Term.start_date, Term.end_date)
                               .where(Term.start_date <= TODAY, Term.end_date >= TODAY)).one()
        m = s.scalars(select(GrowthMeasurement).where(GrowthMeasurement.measured_on.between(start, end))
                      .order_by(GrowthMeasurement.id)).first()
        assert m is not None
        m.deleted_at = m.updated_at
        rechecked = select(DspmCheck.first_check_id).where(DspmCheck.first_check_id.is_not(None))
        check = s.scalars(select(DspmCheck).where(DspmCheck.first_check_id.is_(None), DspmCheck.id.not_in(rechecked))
                          .order_by(DspmCheck.id.desc())).first()
        assert check is not None
        check.checked_on = max(start, TODAY - timedelta(days=40))
        check.outcome, check.code, check.recheck_due = "suspected_delay", "1B261", TODAY - timedelta(days=1)


def _term_dates(p: Site, label: str) -> tuple[date, date]:
    number, year_be = (int(x) for x in label.split("/"))
    with p.db.reader() as s:
        start, end = s.execute(select(Term.start_date, Term.end_date).join(AcademicYear)
                               .where(AcademicYear.year_be == year_be, Term.number == number)).one()
    return start, end


def _by_hand(site: Site, start: date, end: date, first: date, last: date) -> dict[str, CentreFigures]:
    """The municipality's own lists and reports, per centre (name → figures)."""
    out = {}
    with site.db.reader() as s:
        year_id = s.scalar(select(AcademicYear.id).where(AcademicYear.start_date <= end, AcademicYear.end_date >= end))
        for inst, name in s.execute(select(Institution.id, Institution.name)
                                    .where(Institution.kind == InstitutionKind.CDC.value)).tuples():
            children = int(s.scalar(select(func.count(func.distinct(Enrollment.child_id))).where(
                Enrollment.institution_id == inst, Enrollment.academic_year_id == year_id,
                Enrollment.deleted_at.is_(None))) or 0)
            not_measured = growth_list(s, ListCategory.NOT_MEASURED, start, end, institution_id=inst).total
            lists = {c: growth_list(s, c, start, end, institution_id=inst).total
                     for c in (ListCategory.THIN, ListCategory.SHORT, ListCategory.OBESE)}
            dspm = totals(summary_lines(s, inst, start, end, TODAY))
            overdue = rechecks_due(s, TODAY, institution_id=inst, overdue_only=True).total
            waiting = referrals_waiting(s, TODAY, institution_id=inst).total
            days = Tally()
            for room in s.scalars(select(CentreRoom.id).where(CentreRoom.institution_id == inst,
                                                              CentreRoom.deleted_at.is_(None))):
                days.add(room_attendance(s, room, first, last).total)
            out[name] = CentreFigures(children, children - not_measured, lists[ListCategory.THIN],
                                      lists[ListCategory.SHORT], lists[ListCategory.OBESE], dspm.checked,
                                      dspm.suspected + dspm.referred_now, overdue, waiting, days.present,
                                      days.recorded)
    return out


def _data(two: Two, **kw: object) -> ProvinceCentres:
    with two.p.db.reader() as s:
        return province_centres(s, today=TODAY, **kw)  # type: ignore[arg-type]


def test_the_figures_are_the_municipalities_own_lists_and_reports(two: Two) -> None:
    data = _data(two)
    with two.p.db.reader() as s:
        terms = centre_terms(s)
    assert terms and data.term == f"{terms[0][1]}/{terms[0][0]}"
    start, end = _term_dates(two.p, data.term)
    assert (data.first, data.last) == (start, min(end, TODAY))
    by_code = {m.code: m for m in data.municipalities}
    assert set(by_code) == {TOWN_A[0], TOWN_B[0]}
    for site in (two.a, two.b):
        m = by_code[site.code]
        want = _by_hand(site, start, end, data.first, data.last)
        assert {c.name: c.figures for c in m.centres} == want, site.code
        assert m.figures == sum(want.values(), CentreFigures())
    a = by_code[TOWN_A[0]].figures
    assert a.children > a.measured > 0 and a.recorded > a.present > 0
    assert a.checked >= a.suspected >= 1 and a.overdue >= 1 and a.waiting >= 1
    assert data.total == by_code[TOWN_A[0]].figures + by_code[TOWN_B[0]].figures
    assert data.total.percent is not None and 50 < data.total.percent < 100


def test_another_period_counts_only_its_days(two: Two) -> None:
    whole = _data(two)
    week = whole.last - timedelta(days=7), whole.last - timedelta(days=1)
    one_day = _data(two, first=week[0], last=week[1])
    assert 0 < one_day.total.recorded < whole.total.recorded
    assert one_day.total.measured == whole.total.measured  # growth and DSPM are the term's
    start, end = _term_dates(two.p, whole.term)
    for site in (two.a, two.b):
        want = _by_hand(site, start, end, *week)
        got = next(m for m in one_day.municipalities if m.code == site.code)
        assert {c.name: (c.figures.present, c.figures.recorded) for c in got.centres} == \
            {n: (f.present, f.recorded) for n, f in want.items()}
    with two.p.db.reader() as s, pytest.raises(NoSuchTerm):
        province_centres(s, first=whole.last, last=whole.first, today=TODAY)
    with two.p.db.reader() as s, pytest.raises(NoSuchTerm, match="2/2580"):
        province_centres(s, 2580, 2)


def test_a_user_who_is_not_a_province_officer_is_refused(two: Two) -> None:
    with two.p.db.session() as s:
        add_user(s, "clerk", TEST_PASSWORD, roles=[Grant(Role.CLERK)])
    sign_in(two.p.db, authenticate(two.p.db, "clerk", TEST_PASSWORD))
    try:
        with two.p.db.reader() as s:
            for call in (lambda: province_centres(s), lambda: centre_terms(s)):
                with pytest.raises(NotPermitted):
                    call()
        with two.a.db.reader() as s, pytest.raises(NotPermitted):  # the municipality's admin and certifier
            province_centres(s)
    finally:
        sign_in(two.p.db, authenticate(two.p.db, "admin", TEST_PASSWORD))


def test_the_pdf_reads_back_in_every_reader_and_the_sheet_opens_in_libreoffice(two: Two, tmp_path: Path) -> None:
    pdf, csv, xlsx = tmp_path / "centres.pdf", tmp_path / "centres.csv", tmp_path / "centres.xlsx"
    with two.p.db.reader() as s:
        pages = province_centres_pdf(s, pdf, today=TODAY)
        rows = export_province_centres(s, csv, today=TODAY)
        assert export_province_centres(s, xlsx, today=TODAY) == rows
    data = _data(two)
    assert pages >= 1
    a = next(m for m in data.municipalities if m.code == TOWN_A[0])
    words = [TOWN_A[1], TOWN_B[1], "รวมทั้งจังหวัด", "ผอม", "เตี้ย", "อ้วน", "สงสัยล่าช้า",
             f"ภาคเรียนที่{data.term}", *(c.name for c in a.centres)]
    for reader in READERS:
        text = squeeze("".join(read_pages(reader, pdf)))
        for word in words:
            assert squeeze(word) in text, (reader, word)
    lines = csv.read_text(encoding="utf-8-sig").splitlines()
    assert rows == sum(len(m.centres) or 1 for m in data.municipalities) == len(lines) - 1
    assert lines[0].startswith("ภาคเรียน,ช่วงวันที่นับการมาเรียน,รหัส อปท.,อปท.")
    soffice = require_tool("soffice", "apt-get install libreoffice-calc-nogui")
    profile = tmp_path / "profile"
    subprocess.run([soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore", "--convert-to",
                    "csv:Text - txt - csv (StarCalc):44,34,76", "--outdir", str(tmp_path / "lo"), str(xlsx)],
                   check=True, capture_output=True, timeout=180)
    with (tmp_path / "lo" / "centres.csv").open(encoding="utf-8", newline="") as fh:
        shown = [row for row in csv_module.reader(fh) if any(row)]
    header = next(i for i, r in enumerate(shown) if r[:3] == ["ภาคเรียน", "ช่วงวันที่นับการมาเรียน", "รหัส อปท."])
    body = shown[header + 1:]
    assert len(body) == rows
    first = next(r for r in body if r[2] == TOWN_A[0] and r[5] == a.centres[0].name)
    assert [int(v) for v in first[6:17]] == list(a.centres[0].figures.counts())


def test_the_command_prints_writes_and_refuses_in_thai(two: Two, tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    db = str(two.p.path)
    data = _data(two)
    code, out, err = run(capsys, "--db", db, "report", "province-centres", "--term", data.term)
    assert code == 0, err
    assert TOWN_A[1] in out and TOWN_B[1] in out and data.term in out and "รวมทั้งจังหวัด" in out
    for name in ("centres.pdf", "centres.xlsx", "centres.csv"):
        code, out, err = run(capsys, "--db", db, "report", "province-centres", "--term", data.term,
                             "--from", "1/11/2569", "--to", "20/11/2569", "--out", str(tmp_path / name))
        assert code == 0 and (tmp_path / name).stat().st_size > 0, err
    assert period_text(date(2026, 11, 1), date(2026, 11, 20)) in (tmp_path / "centres.csv").read_text("utf-8-sig")
    code, out, err = run(capsys, "--db", db, "report", "province-centres", "--term", "3/2570")
    assert code == 4 and "3/2570" in err and "Traceback" not in err
    code, out, err = run(capsys, "--db", db, "report", "province-centres", "--from", "20/11/2569", "--to",
                         "1/11/2569")
    assert code == 2 and "Traceback" not in err
    code, out, err = run(capsys, "--db", db, "report", "province-centres", "--out", str(tmp_path / "x.doc"))
    assert code == 2 and ".pdf" in err
    code, out, err = run(capsys, "--db", str(two.a.path), "report", "province-centres")
    assert code == 12 and "Traceback" not in err
