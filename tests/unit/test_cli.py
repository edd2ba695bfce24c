"""The ``samoe`` command from a terminal."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from cli_run import run

from desktop.store.migrate import HEAD_REVISION


def test_init_demo_stats_check(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = str(tmp_path / "office.db")
    code, out, _ = run(capsys, "--db", path, "init", "--office-name", "เทศบาลตำบลบ้านใหม่",
                       "--office-code", "6300101")
    assert code == 0 and "เทศบาลตำบลบ้านใหม่" in out
    code, out, _ = run(capsys, "--db", path, "demo", "--children", "250", "--seed", "4")
    assert code == 0 and "250" in out
    code, out, _ = run(capsys, "--db", path, "stats")
    assert code == 0
    counts = {line.split()[0]: int(line.split()[1].replace(",", "")) for line in out.splitlines()}
    conn = sqlite3.connect(path)
    assert counts["children"] == conn.execute("SELECT count(*) FROM child").fetchone()[0] == 250
    assert counts["households"] == conn.execute("SELECT count(*) FROM household").fetchone()[0]
    assert counts["offices"] == 1  # demo used the office that init made
    # the modules' records too, each as the table holds its live rows
    for key, table in (("screenings", "screening"), ("centre_rooms", "centre_room"),
                       ("growth_measurements", "growth_measurement"), ("dspm_checks", "dspm_check"),
                       ("cases", "oos_case"), ("case_plans", "oos_plan_version")):
        live = conn.execute(f"SELECT count(*) FROM {table} WHERE deleted_at IS NULL").fetchone()[0]
        assert counts[key] == live > 0, key
    conn.close()
    code, out, _ = run(capsys, "--db", path, "db", "check")
    assert code == 0
    code, out, _ = run(capsys, "--db", path, "db", "upgrade")
    assert code == 0 and HEAD_REVISION in out


def test_samoe_db_environment_variable(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "env.db"
    monkeypatch.setenv("SAMOE_DB", str(path))
    code, _, _ = run(capsys, "demo", "--children", "20")
    assert code == 0 and path.exists()


def test_db_check_reports_a_broken_foreign_key(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = str(tmp_path / "broken.db")
    assert run(capsys, "--db", path, "demo", "--children", "20")[0] == 0
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA foreign_keys=OFF")
    conn.execute("UPDATE child SET household_id = 999999 WHERE id = 1")
    conn.commit()
    conn.close()
    code, out, err = run(capsys, "--db", path, "db", "check")
    assert code == 1 and "household" in out


def test_invalid_office_reports_in_thai(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "--db", str(tmp_path / "x.db"), "init", "--office-name", " ",
                       "--office-code", "1")
    assert code == 2 and "ชื่อหน่วยงาน" in err


def test_newer_database_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = str(tmp_path / "new.db")
    assert run(capsys, "--db", path, "init", "--office-name", "เทศบาลตำบลทดสอบ",
               "--office-code", "6300101")[0] == 0
    conn = sqlite3.connect(path)
    conn.execute("UPDATE alembic_version SET version_num = 'ffff'")
    conn.commit()
    conn.close()
    code, _, err = run(capsys, "--db", path, "stats")
    assert code == 3 and "ใหม่กว่า" in err


def test_not_a_database_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "junk.db"
    path.write_bytes(b"this is not sqlite" * 100)
    code, _, err = run(capsys, "--db", str(path), "stats")
    assert code == 5 and "SQLite" in err  # not a database, or its header is damaged
    assert path.read_bytes() == b"this is not sqlite" * 100
