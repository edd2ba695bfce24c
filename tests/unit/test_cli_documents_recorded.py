"""An export or a report made with ``samoe export`` / ``samoe report`` is noted in the audit
log as the window's are, so the home page's "last export" shows it."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_run import run

from desktop.domain.levels import InstitutionKind
from desktop.services.home import home_summary, last_export
from desktop.services.institutions import InstitutionForm, save_institution
from desktop.store.db import Database


@pytest.fixture
def office(office_db: Database, tmp_path: Path) -> str:
    with office_db.session() as s:
        for n in range(3):
            save_institution(s, InstitutionForm(kind=InstitutionKind.SCHOOL, code=f"113010000{n}",
                                                name=f"โรงเรียนทดสอบ {n}"))
    return str(tmp_path / "samoe.db")


def test_an_export_from_the_terminal_is_the_last_export(office: str, office_db: Database, tmp_path: Path,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    with office_db.reader() as s:
        assert last_export(s) is None
    target = tmp_path / "สถานศึกษา.xlsx"
    code, out, err = run(capsys, "--db", office, "export", "institutions", str(target))
    assert code == 0, err
    with office_db.reader() as s:
        shown = home_summary(s).last_export
    assert shown is not None
    assert (shown.title, shown.file_name, shown.rows) == ("รายการสถานศึกษา", "สถานศึกษา.xlsx", 3)


def test_a_report_from_the_terminal_is_the_last_export(office: str, office_db: Database, tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "schools.pdf"
    code, out, err = run(capsys, "--db", office, "report", "institutions-list", "--out", str(target))
    assert code == 0, err
    with office_db.reader() as s:
        shown = last_export(s)
    assert shown is not None
    assert (shown.title, shown.file_name) == ("รายการสถานศึกษา", "schools.pdf")
    assert shown.pages >= 1 and shown.rows == 0


def test_a_failed_export_is_not_noted(office: str, office_db: Database, tmp_path: Path,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    code, _out, _err = run(capsys, "--db", office, "export", "institutions", str(tmp_path / "x.txt"))
    assert code == 2
    with office_db.reader() as s:
        assert last_export(s) is None
