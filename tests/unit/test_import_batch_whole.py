"""The values the clerk gave for the whole file (institution, year, class, room, guardian
relation) are kept with the import batch, shown in its history (``samoe import batches``,
the history page) and offered again for the next file with the same headers."""

from __future__ import annotations

from pathlib import Path

import pytest
from class_list import write_class_list
from cli_run import run
from sqlalchemy import select

from desktop.domain.levels import InstitutionKind
from desktop.reports.sheets import read_sheet
from desktop.services.imports import list_batches, undo_batch
from desktop.services.imports.batch_whole import remembered_whole_file
from desktop.services.imports.wholefile import WholeFile
from desktop.services.institutions import InstitutionForm, save_institution
from desktop.store.db import Database
from desktop.store.models import ImportBatch, Institution

SCHOOL_CODE = "1130100001"
SCHOOL = "โรงเรียนเทศบาล 1 (บ้านหนองบัว)"


@pytest.fixture
def office(office_db: Database, tmp_path: Path) -> str:
    with office_db.session() as s:
        save_institution(s, InstitutionForm(kind=InstitutionKind.SCHOOL, code=SCHOOL_CODE, name=SCHOOL))
    return str(tmp_path / "samoe.db")


def _import(capsys: pytest.CaptureFixture[str], office: str, path: Path) -> None:
    code, _out, err = run(capsys, "--db", office, "import", "children", str(path), "--institution",
                          SCHOOL_CODE, "--year", "2569", "--level", "อ.2", "--room", "1",
                          "--relation", "แม่")
    assert code == 0, err


def test_the_whole_file_values_are_kept_with_the_batch(office: str, office_db: Database, tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    _import(capsys, office, write_class_list(tmp_path / "อ2-1.xlsx"))
    with office_db.reader() as s:
        [batch] = list_batches(s)
        school = s.scalar(select(Institution.id).where(Institution.code == SCHOOL_CODE))
        assert '"whole_file"' in (s.scalar(select(ImportBatch.detail)) or "")
    whole = batch.whole
    assert (whole.institution_id, whole.institution, whole.year_be, whole.level_code, whole.classroom,
            whole.relation) == (school, SCHOOL, 2569, "k2", "1", "แม่")
    code, out, _err = run(capsys, "--db", office, "import", "batches")
    assert code == 0
    line = next(x for x in out.splitlines() if "อ2-1.xlsx" in x)
    for words in (SCHOOL, "ปีการศึกษา 2569", "อ.2", "ห้อง 1", "แม่"):
        assert words in line, (words, line)


def test_the_next_file_with_the_same_headers_gets_them_as_defaults(
        office: str, office_db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write_class_list(tmp_path / "อ2-1.xlsx")
    headers = read_sheet(path).headers
    with office_db.reader() as s:
        assert remembered_whole_file(s, headers) == WholeFile()
    _import(capsys, office, path)
    with office_db.reader() as s:
        school = s.scalar(select(Institution.id).where(Institution.code == SCHOOL_CODE))
        assert remembered_whole_file(s, headers) == WholeFile(school, 2569, "k2", "1", "แม่")
        assert remembered_whole_file(s, [*headers, "อื่น ๆ"]) == WholeFile()  # another layout
        [batch] = list_batches(s)
    with office_db.session() as s:
        undo_batch(s, batch.uuid)
    with office_db.reader() as s:  # an undone import's values are not offered again
        assert remembered_whole_file(s, headers) == WholeFile()
