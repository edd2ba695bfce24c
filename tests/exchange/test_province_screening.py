"""The province's screening and grant figures per municipality and school (issue 11), from
real bundles of two municipalities (A with a grant round, attendance and payments; B with
screenings only), checked against the municipalities' own records counted by hand (row by
row in Python, and the municipality's own eligibility list); the PDF read back in the five
readers; the spreadsheet; the command; a user who is not a province officer refused."""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from actors import TEST_PASSWORD
from cli_run import run
from office_kit import PROVINCE, TOWN_A, TOWN_B, Site, make_site, trust_each_other
from screening_kit import TERM, YEAR_BE, Grants, add_grants, make_screened_site
from sqlalchemy import select

from desktop.domain.grants import Outcome
from desktop.domain.roles import Role
from desktop.reports.province_screening import NOT_ENROLLED, Figures
from desktop.services.access import Grant, NotPermitted, authenticate, sign_in
from desktop.services.exchange_export import export_bundle
from desktop.services.exchange_import import import_file
from desktop.services.grants import eligibility
from desktop.services.province_screening import (
    NoSuchTerm,
    export_province_screening,
    province_screening,
    province_screening_pdf,
    screening_terms,
)
from desktop.services.users import add_user
from desktop.store.grant_state import GrantPayment
from desktop.store.models import Child, Enrollment, Institution
from desktop.store.screening_state import Screening

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "unit"))
from pdf_readers import READERS, read_pages, squeeze  # noqa: E402

PW = "samoe-test-password"


@dataclass
class Two:
    a: Site
    b: Site
    p: Site
    grants: Grants


@pytest.fixture
def two(tmp_path: Path, cheap_wraps: None) -> Iterator[Two]:
    a = make_screened_site(tmp_path / "a.db", *TOWN_A, children=60, seed=21)
    b = make_screened_site(tmp_path / "b.db", *TOWN_B, children=40, seed=22)
    p = make_site(tmp_path / "p.db", *PROVINCE, "province")
    trust_each_other(p, a, b)
    grants = add_grants(a, pay=2)
    for site in (a, b):
        out = tmp_path / f"{site.code}.samoe"
        with site.db.session() as s:
            export_bundle(s, out, password=PW)
        with p.db.session() as s:
            import_file(s, out, password=PW)
    yield Two(a, b, p, grants)
    for site in (a, b, p):
        site.db.dispose()


def _by_hand(site: Site, round_id: int | None) -> dict[str, Figures]:
    """The municipality's own records, counted row by row: school name → figures."""
    with site.db.reader() as s:
        school: dict[int, str] = {}
        for child_id, name in s.execute(select(Enrollment.child_id, Institution.name)
                                        .join(Institution, Institution.id == Enrollment.institution_id)
                                        .where(Enrollment.deleted_at.is_(None)).order_by(Enrollment.id)):
            school[child_id] = name  # the latest enrolment wins
        counts: dict[str, Counter[str]] = {}
        for sc in s.scalars(select(Screening).where(Screening.deleted_at.is_(None))):
            c = counts.setdefault(school.get(sc.child_id, NOT_ENROLLED), Counter())
            c["screened"] += 1
            c["poor"] += sc.level == "poor"
            c["extreme"] += sc.level == "extreme"
            c["certified"] += sc.status == "certified"
        ids = dict(s.execute(select(Child.uuid, Child.id)).tuples().all())
        if round_id is not None:
            for row in eligibility(s, round_id):
                if row.outcome is Outcome.ELIGIBLE:
                    c = counts[school.get(ids[row.child_uuid], NOT_ENROLLED)]
                    c["eligible"] += 1
                    c["eligible_amount"] += row.amount
        paid: dict[str, set[int]] = {}
        for pay in s.scalars(select(GrantPayment).where(GrantPayment.deleted_at.is_(None),
                                                        GrantPayment.status == "paid")):
            name = school.get(pay.child_id, NOT_ENROLLED)
            paid.setdefault(name, set()).add(pay.child_id)
            counts[name]["paid_amount"] += pay.amount
        for name, children in paid.items():
            counts[name]["paid"] = len(children)
    return {name: Figures(c["screened"], c["poor"], c["extreme"], c["certified"], c["eligible"],
                          c["eligible_amount"], c["paid"], c["paid_amount"]) for name, c in counts.items()}


def test_the_figures_are_the_municipalities_records_counted_by_hand(two: Two) -> None:
    with two.p.db.reader() as s:
        assert screening_terms(s) == [(YEAR_BE, TERM)]
        data = province_screening(s)  # the latest term with screenings
    assert data.term == f"{TERM}/{YEAR_BE}"
    by_code = {m.code: m for m in data.municipalities}
    assert set(by_code) == {TOWN_A[0], TOWN_B[0]}
    for site, round_id in ((two.a, two.grants.round_id), (two.b, None)):
        m = by_code[site.code]
        want = _by_hand(site, round_id)
        assert {sc.name: sc.figures for sc in m.schools} == want, site.code
        assert m.figures == sum(want.values(), Figures())
    a, b = by_code[TOWN_A[0]], by_code[TOWN_B[0]]
    assert a.rounds == 1 and b.rounds == 0
    assert a.figures.paid == len(two.grants.paid) == 2
    assert a.figures.paid_amount == sum(amount for _u, amount in two.grants.paid)
    assert a.figures.eligible > a.figures.paid > 0 and a.figures.eligible_amount > 0
    assert b.figures.screened > 0 and b.figures.eligible == b.figures.paid == 0
    assert data.total == a.figures + b.figures
    with two.p.db.reader() as s, pytest.raises(NoSuchTerm, match="2/2570"):
        province_screening(s, 2570, 2)


def test_a_user_who_is_not_a_province_officer_is_refused(two: Two) -> None:
    with two.p.db.session() as s:
        add_user(s, "clerk", TEST_PASSWORD, roles=[Grant(Role.CLERK)])
    sign_in(two.p.db, authenticate(two.p.db, "clerk", TEST_PASSWORD))
    with two.p.db.reader() as s:
        for call in (lambda: province_screening(s), lambda: screening_terms(s)):
            with pytest.raises(NotPermitted):
                call()
    with two.a.db.reader() as s, pytest.raises(NotPermitted):  # the municipality's admin and certifier
        province_screening(s)


def test_the_pdf_reads_back_in_every_reader_and_the_sheet_has_a_row_a_school(two: Two, tmp_path: Path) -> None:
    pdf, sheet = tmp_path / "screening.pdf", tmp_path / "screening.csv"
    with two.p.db.reader() as s:
        pages = province_screening_pdf(s, pdf)
        rows = export_province_screening(s, sheet)
        data = province_screening(s)
    assert pages >= 1
    a = next(m for m in data.municipalities if m.code == TOWN_A[0])
    words = [TOWN_A[1], TOWN_B[1], "รวมทั้งจังหวัด", "ยากจนพิเศษ", f"{a.figures.paid_amount:,}",
             f"ภาคเรียนที่{TERM}/{YEAR_BE}", *(sc.name for sc in a.schools)]
    for reader in READERS:
        text = squeeze("".join(read_pages(reader, pdf)))
        for word in words:
            assert squeeze(word) in text, (reader, word)
    lines = sheet.read_text(encoding="utf-8-sig").splitlines()
    assert rows == sum(len(m.schools) or 1 for m in data.municipalities) == len(lines) - 1
    assert lines[0].startswith("ภาคเรียน,รหัส อปท.,อปท.")


def test_the_command_prints_writes_and_refuses_in_thai(two: Two, tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    two.p.db.dispose()
    db = str(two.p.path)
    code, out, err = run(capsys, "--db", db, "report", "province-screening")
    assert code == 0, err
    assert TOWN_A[1] in out and TOWN_B[1] in out and f"{TERM}/{YEAR_BE}" in out and "รวมทั้งจังหวัด" in out
    for name in ("figures.pdf", "figures.xlsx"):
        code, out, err = run(capsys, "--db", db, "report", "province-screening", "--term", f"{TERM}/{YEAR_BE}",
                             "--out", str(tmp_path / name))
        assert code == 0 and (tmp_path / name).stat().st_size > 0, err
    code, out, err = run(capsys, "--db", db, "report", "province-screening", "--term", "3/2570")
    assert code == 4 and "3/2570" in err and "Traceback" not in err
    with pytest.raises(SystemExit) as stopped:  # argparse's: the term is not written 1/2569
        run(capsys, "--db", db, "report", "province-screening", "--term", "ภาคหนึ่ง")
    err = capsys.readouterr().err
    assert stopped.value.code == 2 and "1/2569" in err and "Traceback" not in err
    code, out, err = run(capsys, "--db", db, "report", "province-screening", "--out", str(tmp_path / "x.doc"))
    assert code == 2 and ".pdf" in err
    code, out, err = run(capsys, "--db", db, "report", "province-summary")
    assert code == 2 and "--out" in err
    code, out, err = run(capsys, "--db", str(two.a.path), "report", "province-screening")
    assert code == 12 and "Traceback" not in err
