"""The province's out-of-school cases per municipality (issue 13), from real bundles of two
municipalities, checked against each municipality's own case rows counted one by one; a
case closed at the municipality moves from open to its outcome at the province with the
next bundle; the command prints them; a user who is not a province officer is refused."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from actors import TEST_PASSWORD
from cli_run import run
from office_kit import PROVINCE, TODAY, TOWN_A, TOWN_B, Site, make_site, trust_each_other
from screening_kit import make_screened_site
from sqlalchemy import select

from desktop.domain.roles import Role
from desktop.services.access import Grant, NotPermitted, authenticate, sign_in
from desktop.services.exchange_export import export_bundle
from desktop.services.exchange_import import import_file
from desktop.services.province_cases import CaseFigures, province_cases
from desktop.services.users import add_user
from desktop.store.case_state import OosCase

PW = "samoe-test-password"


@dataclass
class Two:
    a: Site
    b: Site
    p: Site
    tmp: Path


def _send(site: Site, p: Site, out: Path) -> None:
    with site.db.session() as s:
        export_bundle(s, out, password=PW)
    with p.db.session() as s:
        import_file(s, out, password=PW)


@pytest.fixture
def two(tmp_path: Path, cheap_wraps: None) -> Iterator[Two]:
    a = make_screened_site(tmp_path / "a.db", *TOWN_A, children=60, seed=21)
    b = make_screened_site(tmp_path / "b.db", *TOWN_B, children=40, seed=22)
    p = make_site(tmp_path / "p.db", *PROVINCE, "province")
    trust_each_other(p, a, b)
    for site in (a, b):
        _send(site, p, tmp_path / f"{site.code}-1.samoe")
    yield Two(a, b, p, tmp_path)
    for site in (a, b, p):
        site.db.dispose()


def _by_hand(site: Site) -> CaseFigures:
    status: Counter[str] = Counter()
    outcome: Counter[str] = Counter()
    overdue = 0
    with site.db.reader() as s:
        for case in s.scalars(select(OosCase).where(OosCase.deleted_at.is_(None))):
            if case.status == "closed":
                outcome[case.outcome] += 1
                continue
            status[case.status] += 1
            overdue += case.follow_due_on is not None and case.follow_due_on < TODAY
    return CaseFigures(sum(status.values()), sum(outcome.values()), overdue, dict(sorted(status.items())),
                       dict(sorted(outcome.items())))


def test_the_figures_are_the_municipalities_cases_counted_by_hand(two: Two) -> None:
    with two.p.db.reader() as s:
        data = province_cases(s, today=TODAY)
    by_code = {m.code: m.figures for m in data.municipalities}
    assert by_code == {TOWN_A[0]: _by_hand(two.a), TOWN_B[0]: _by_hand(two.b)}
    a = by_code[TOWN_A[0]]
    assert a.open > 0 and a.closed > 0 and len(a.by_status) > 1
    assert data.total == by_code[TOWN_A[0]] + by_code[TOWN_B[0]]

    with two.a.db.session() as s:  # a case closed at A: back in school
        case = s.scalars(select(OosCase).where(OosCase.status != "closed").order_by(OosCase.id)).first()
        assert case is not None
        case.status, case.outcome, case.closed_on = "closed", "back_in_school", TODAY
    _send(two.a, two.p, two.tmp / "a-2.samoe")
    with two.p.db.reader() as s:
        after = {m.code: m.figures for m in province_cases(s, today=TODAY).municipalities}[TOWN_A[0]]
    assert after == _by_hand(two.a)
    assert (after.open, after.closed) == (a.open - 1, a.closed + 1)
    assert after.outcomes.get("back_in_school", 0) == a.outcomes.get("back_in_school", 0) + 1


def test_the_command_prints_and_refuses(two: Two, capsys: pytest.CaptureFixture[str]) -> None:
    with two.p.db.reader() as s:
        data = province_cases(s)
    code, out, err = run(capsys, "--db", str(two.p.path), "report", "province-cases")
    assert code == 0, err
    assert TOWN_A[1] in out and TOWN_B[1] in out and "รวมทั้งจังหวัด" in out
    assert f"เปิดอยู่ {data.total.open:,} กรณี" in out and "กลับเข้าเรียนในโรงเรียน" in out
    code, out, err = run(capsys, "--db", str(two.p.path), "report", "province-cases", "--out",
                         str(two.tmp / "x.pdf"))
    assert code == 2 and "Traceback" not in err
    code, out, err = run(capsys, "--db", str(two.a.path), "report", "province-cases")
    assert code == 12 and "Traceback" not in err
    with two.p.db.session() as s:
        add_user(s, "clerk", TEST_PASSWORD, roles=[Grant(Role.CLERK)])
    sign_in(two.p.db, authenticate(two.p.db, "clerk", TEST_PASSWORD))
    with two.p.db.reader() as s, pytest.raises(NotPermitted):
        province_cases(s)
