"""``samoe import children`` takes the clerk's values for the whole file (``--institution``,
``--year``, ``--level``, ``--room``, ``--relation``), checks them in Thai (exit 2), and says
each problem with the child's name beside its row number (issue 8)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from class_list import write_class_list
from cli_run import run

from desktop.domain.levels import InstitutionKind
from desktop.services.institutions import InstitutionForm, save_institution
from desktop.store.db import Database

SCHOOL_CODE, CDC_CODE = "1130100001", "3300100001"




@pytest.fixture
def office(office_db: Database, tmp_path: Path) -> str:
    with office_db.session() as s:
        save_institution(s, InstitutionForm(kind=InstitutionKind.SCHOOL, code=SCHOOL_CODE,
                                            name="โรงเรียนเทศบาล 1 (บ้านหนองบัว)"))
        save_institution(s, InstitutionForm(kind=InstitutionKind.CDC, code=CDC_CODE,
                                            name="ศูนย์พัฒนาเด็กเล็กบ้านโนนสูง"))
    return str(tmp_path / "samoe.db")


def counts(path: str) -> tuple[int, int, int]:
    conn = sqlite3.connect(path)
    try:
        return tuple(int(conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0])  # type: ignore[return-value]
                     for t in ("child", "enrollment", "child_guardian"))
    finally:
        conn.close()


def test_the_class_list_imports_with_whole_file_values(office: str, tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    path = str(write_class_list(tmp_path / "อ2-1.xlsx"))
    code, out, err = run(capsys, "--db", office, "import", "children", path, "--institution", SCHOOL_CODE,
                         "--year", "2569", "--level", "อ.2", "--room", "1", "--relation", "แม่")
    assert code == 0, err
    assert "นำเข้าแล้ว 30 คน" in out
    assert counts(office) == (30, 30, 30)
    assert "[ผิด]" not in err and err.count("ข้ามแถวนี้") == 4  # dashes, total, signature, name
    conn = sqlite3.connect(office)
    assert conn.execute("SELECT DISTINCT level_code, classroom FROM enrollment").fetchall() == [("k2", "1")]
    assert conn.execute("SELECT DISTINCT relation FROM child_guardian").fetchall() == [("แม่",)]
    conn.close()


def test_without_a_relation_each_row_says_so_with_the_childs_name(office: str, tmp_path: Path,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    path = str(write_class_list(tmp_path / "อ2-1.xlsx"))
    code, out, err = run(capsys, "--db", office, "import", "children", path, "--institution", SCHOOL_CODE,
                         "--level", "อ.2", "--dry-run")
    assert code == 1 and counts(office) == (0, 0, 0)
    assert "แถว 3 (ด.ช.ภูผา ใจดี) คอลัมน์ ชื่อผู้ปกครอง" in err
    assert "แถว 5 (เด็กชายกันตพงศ์ บุญมา)" in err
    assert "--relation" in err  # how to give it from the command line


@pytest.mark.parametrize(("args", "words"), [
    (["--level", "ซ.9"], ["ชั้น", "ซ.9"]),
    (["--level", "ป.1", "--institution", CDC_CODE], ["ป.1", "ศูนย์พัฒนาเด็กเล็ก"]),
    (["--room", "ห้อง" * 10], ["ห้องเรียน", "ยาวเกินไป"]),
    (["--relation", "แ่ม"], ["ความเกี่ยวข้อง"]),
    (["--relation", "   "], ["ความเกี่ยวข้อง"]),
    (["--room", ""], ["ห้อง"]),
])
def test_a_bad_whole_file_value_is_refused_in_thai(office: str, tmp_path: Path, args: list[str],
                                                    words: list[str],
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    path = str(write_class_list(tmp_path / "อ2-1.xlsx"))
    code, _out, err = run(capsys, "--db", office, "import", "children", path, *args)
    assert code == 2, err
    assert all(w in err for w in words), err
    assert "Traceback" not in err and counts(office) == (0, 0, 0)
