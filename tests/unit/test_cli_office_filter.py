"""``--office`` on the list's report and export: at the province, the children one
municipality sent; at a municipality (or an unknown office), a Thai usage error (exit 2)
and no file."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from cli_run import run
from openpyxl import load_workbook


@pytest.fixture
def province(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    path = str(tmp_path / "province.db")
    assert run(capsys, "--db", path, "demo", "--children", "90", "--seed", "5")[0] == 0
    conn = sqlite3.connect(path)
    try:
        with conn:
            conn.execute("UPDATE office SET role = 'province' WHERE is_local")
            conn.execute("INSERT INTO office (uuid, code, name, province, role, is_local, "
                         "created_at, updated_at) VALUES ('00000000-0000-4000-8000-0000000000aa',"
                         " '6300999', 'เทศบาลตำบลโนนไทย', '', 'municipality', 0, "
                         "'2026-11-30 00:00:00', '2026-11-30 00:00:00')")
            conn.execute("UPDATE child SET origin_office_id = (SELECT id FROM office WHERE "
                         "code = '6300999') WHERE id % 3 = 0")
    finally:
        conn.close()
    return path


def _theirs(path: str) -> int:
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute("SELECT count(*) FROM child c JOIN office o ON o.id = "
                                "c.origin_office_id WHERE o.code = '6300999' AND "
                                "c.deleted_at IS NULL").fetchone()[0])
    finally:
        conn.close()


def test_export_of_one_municipality(province: str, tmp_path: Path,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    for office in ("6300999", "เทศบาลตำบลโนนไทย"):
        out = tmp_path / f"c-{office}.xlsx"
        code, _, err = run(capsys, "--db", province, "export", "children", str(out),
                           "--office", office)
        assert code == 0, err
        rows = list(load_workbook(out, read_only=True).active.iter_rows(values_only=True))
        assert len(rows) - 1 == _theirs(province) > 0


def test_an_unknown_office_is_a_usage_error(province: str, tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "c.xlsx"
    code, _, err = run(capsys, "--db", province, "export", "children", str(out),
                       "--office", "9999999")
    assert code == 2 and "--office" in err and "เทศบาลตำบลโนนไทย (6300999)" in err
    assert "Traceback" not in err and not out.exists()
