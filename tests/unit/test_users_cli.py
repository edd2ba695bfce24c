"""``samoe`` runs every command that reads or changes records as a user: ``--user``,
``SAMOE_PASSWORD`` or a prompt, exit 11 for a refused login, 12 for a refused action;
``samoe init`` makes the first administrator; ``samoe users ...``."""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from actors import TEST_PASSWORD
from cli_run import run

from desktop.cli import _parser
from desktop.cli_login import NO_LOGIN

ROOT = Path(__file__).resolve().parents[2]
FIXTURE_0006 = ROOT / "tests" / "migrations" / "fixtures" / "samoe-0006.db"


@pytest.fixture
def office(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    path = str(tmp_path / "office.db")
    code, out, err = run(capsys, "--db", path, "init", "--office-name", "เทศบาลตำบลทดสอบ",
                         "--office-code", "6300101")
    assert code == 0, err
    assert "สร้างผู้ดูแลระบบคนแรก: admin (มีบทบาทเจ้าหน้าที่ทะเบียนด้วย)" in err
    assert run(capsys, "--db", path, "demo", "--children", "30", "--seed", "2")[0] == 0
    return path


def _leaves() -> list[tuple[str, ...]]:
    found: list[tuple[str, ...]] = []

    def walk(parser: argparse.ArgumentParser, words: tuple[str, ...]) -> None:
        subs = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
        if not subs:
            found.append(words)
            return
        for name, child in subs[0].choices.items():
            walk(child, (*words, name))

    walk(_parser(), ())
    return found


def _argv(words: tuple[str, ...], tmp: Path, given: dict[str, str]) -> list[str]:
    parser = _parser()
    for w in words:
        sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
        parser = sub.choices[w]
    argv = list(words)
    for action in parser._actions:
        if isinstance(action, argparse._HelpAction) or (action.option_strings and not action.required):
            continue
        if " ".join(words) in given and not action.option_strings:
            value = given[" ".join(words)]
        elif action.choices:
            value = str(next(iter(action.choices)))
        elif action.type is Path:
            value = str(tmp / f"{'-'.join(words)}.{'csv' if words[0] == 'import' else 'pdf'}")
            if words[0] == "import":
                Path(value).write_text("ชื่อ,นามสกุล\nก,ข\n", encoding="utf-8")
        elif action.type is not None:
            value = "1"
        else:
            value = "x"
        argv += [*action.option_strings[:1], value]
    return argv


# ``backup list`` reads no record (file names, dates, counts: desktop/cli_backup.py).
READS_NO_RECORD = {"backup list"}


def test_a_wrong_password_makes_every_data_command_exit_11(office: str, tmp_path: Path,
                                                           capsys: pytest.CaptureFixture[str],
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    code, out, err = run(capsys, "--db", office, "backup", "create", str(tmp_path / "usb"))
    assert code == 0, err
    given = {"backup restore": str(next((tmp_path / "usb").glob("*.db")))}
    monkeypatch.setenv("SAMOE_PASSWORD", "not-the-password")
    swept = []
    for words in _leaves():
        name = " ".join(words[:2])
        if words == ("gui",) or name in NO_LOGIN or name in READS_NO_RECORD:
            continue
        code, out, err = run(capsys, "--db", office, *_argv(words, tmp_path, given))
        assert code == 11, f"samoe {' '.join(words)}: {code} {err}"
        assert ("ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง" in err or "ถูกล็อก" in err) and not out  # 5 failures lock
        swept.append(name)
    assert {"init", "demo", "stats", "import children", "export", "report", "users list", "users add",
            "households find", "backup create", "backup restore"} <= {n.split()[0] if n.split()[0] in ("export", "report") else n for n in swept}


def test_no_password_and_no_terminal_is_refused_in_thai(office: str) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("SAMOE_PASSWORD", "SAMOE_DB")}
    proc = subprocess.run([sys.executable, "-m", "desktop.cli", "--db", office, "stats"], cwd=ROOT, env=env,
                          stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 11 and "SAMOE_PASSWORD" in proc.stderr and "ไม่มีรหัสผ่าน" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_unknown_user_and_the_lockout_from_the_terminal(office: str, capsys: pytest.CaptureFixture[str],
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    code, _, err = run(capsys, "--db", office, "--user", "nobody", "stats")
    assert code == 11 and "ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง" in err
    monkeypatch.setenv("SAMOE_PASSWORD", "wrong-password")
    for _ in range(5):
        assert run(capsys, "--db", office, "stats")[0] == 11
    monkeypatch.setenv("SAMOE_PASSWORD", TEST_PASSWORD)
    code, _, err = run(capsys, "--db", office, "stats")
    assert code == 11 and "ถูกล็อก" in err


def test_users_add_roles_and_what_a_clerk_may_not_do(office: str, capsys: pytest.CaptureFixture[str],
                                                     monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("SAMOE_NEW_PASSWORD", "clerk-password")
    code, out, err = run(capsys, "--db", office, "users", "add", "somchai", "--role", "clerk",
                         "--full-name", "สมชาย ใจดี")
    assert code == 0 and "เพิ่มผู้ใช้ somchai: เจ้าหน้าที่ทะเบียน" in out, err
    code, out, _ = run(capsys, "--db", office, "users", "list")
    assert code == 0 and "somchai\tสมชาย ใจดี\tเจ้าหน้าที่ทะเบียน\tใช้งาน" in out
    assert "ผู้ใช้ 5 คน" in out and "demo_worker1\t" in out  # admin, somchai and the demo's case workers and head
    monkeypatch.setenv("SAMOE_PASSWORD", "clerk-password")
    assert run(capsys, "--db", office, "--user", "somchai", "stats")[0] == 0
    code, _, err = run(capsys, "--db", office, "--user", "somchai", "users", "list")
    assert code == 12 and "ผู้ใช้ somchai ไม่มีสิทธิ์จัดการผู้ใช้" in err
    code, _, err = run(capsys, "--db", office, "--user", "somchai", "init", "--office-name", "x x",
                       "--office-code", "6300101")
    assert code == 12 and "ตั้งค่าหน่วยงาน" in err
    monkeypatch.setenv("SAMOE_PASSWORD", TEST_PASSWORD)
    code, out, _ = run(capsys, "--db", office, "users", "roles", "somchai", "supervisor")
    assert code == 0 and "หัวหน้างาน" in out
    monkeypatch.setenv("SAMOE_PASSWORD", "clerk-password")
    code, _, err = run(capsys, "--db", office, "--user", "somchai", "export", "children",
                       str(tmp_path / "c.csv"))
    assert code == 12 and "ไม่มีสิทธิ์ส่งออกข้อมูลบุคคล" in err and not (tmp_path / "c.csv").exists()
    monkeypatch.setenv("SAMOE_PASSWORD", TEST_PASSWORD)
    assert run(capsys, "--db", office, "users", "lock", "somchai")[0] == 0
    monkeypatch.setenv("SAMOE_PASSWORD", "clerk-password")
    code, _, err = run(capsys, "--db", office, "--user", "somchai", "stats")
    assert code == 11 and "ระงับ" in err
    monkeypatch.setenv("SAMOE_PASSWORD", TEST_PASSWORD)
    assert run(capsys, "--db", office, "users", "unlock", "somchai")[0] == 0
    monkeypatch.setenv("SAMOE_NEW_PASSWORD", "another-password")
    assert run(capsys, "--db", office, "users", "passwd", "somchai")[0] == 0
    monkeypatch.setenv("SAMOE_PASSWORD", "another-password")
    assert run(capsys, "--db", office, "--user", "somchai", "stats")[0] == 0
    conn = sqlite3.connect(office)
    actions = {a for (a,) in conn.execute("SELECT action FROM audit_log WHERE entity = 'user'")}
    conn.close()
    assert {"user_add", "roles", "suspend", "unlock", "password", "login", "login_failed"} <= actions


def test_init_refuses_a_short_password_and_says_the_rule(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SAMOE_PASSWORD", "short")
    code, _, err = run(capsys, "--db", str(tmp_path / "o.db"), "init", "--office-name", "เทศบาลตำบลทดสอบ",
                       "--office-code", "6300101")
    assert code == 2 and "อย่างน้อย 8 ตัวอักษร" in err
    monkeypatch.setenv("SAMOE_PASSWORD", "")
    code, _, err = run(capsys, "--db", str(tmp_path / "o.db"), "init", "--office-name", "เทศบาลตำบลทดสอบ",
                       "--office-code", "6300101")
    assert code == 2 and "อย่างน้อย 8 ตัวอักษร" in err


def test_init_admin_only_makes_an_administrator_who_sees_no_child(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = str(tmp_path / "o.db")
    code, _, err = run(capsys, "--db", path, "init", "--office-name", "เทศบาลตำบลทดสอบ",
                       "--office-code", "6300101", "--admin", "boss", "--admin-only")
    assert code == 0 and "สร้างผู้ดูแลระบบคนแรก: boss" in err and "เจ้าหน้าที่" not in err
    assert run(capsys, "--db", path, "--user", "boss", "demo", "--children", "10")[0] == 0
    assert run(capsys, "--db", path, "--user", "boss", "stats")[0] == 0
    code, _, err = run(capsys, "--db", path, "--user", "boss", "export", "children", str(tmp_path / "c.csv"))
    assert code == 12 and "ไม่มีสิทธิ์" in err
    code, _, err = run(capsys, "--db", path, "--user", "boss", "report", "children-list", "--out",
                       str(tmp_path / "c.pdf"))
    assert code == 12


def test_a_database_made_before_users_says_how_to_make_the_first_administrator(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "old.db"
    shutil.copyfile(FIXTURE_0006, path)
    code, out, err = run(capsys, "--db", str(path), "stats")
    assert code == 11 and "ยังไม่มีผู้ใช้" in err and "users add admin --role administrator" in err and not out
    code, _, err = run(capsys, "--db", str(path), "users", "add", "admin", "--role", "clerk")
    assert code == 2 and "ต้องเป็นผู้ดูแลระบบ" in err
    code, out, err = run(capsys, "--db", str(path), "users", "add", "admin", "--role", "administrator")
    assert code == 0 and "สร้างผู้ดูแลระบบคนแรก: admin" in out, err
    assert run(capsys, "--db", str(path), "stats")[0] == 0
    # once there is a user, adding one needs an administrator's login
    code, _, err = run(capsys, "--db", str(path), "--user", "nobody", "users", "add", "x", "--role", "administrator")
    assert code == 11


def test_a_caregiver_of_a_centre_from_the_terminal(office: str, tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    import csv

    assert run(capsys, "--db", office, "export", "institutions", str(tmp_path / "i.csv"))[0] == 0
    rows = list(csv.reader((tmp_path / "i.csv").read_text(encoding="utf-8-sig").splitlines()))
    header = next(i for i, r in enumerate(rows) if "รหัส" in r)
    code = next(r[rows[header].index("รหัส")] for r in rows[header + 1:] if r and r[0] == "ศูนย์พัฒนาเด็กเล็ก")
    monkeypatch.setenv("SAMOE_NEW_PASSWORD", "caregiver-password")
    code_, _, err = run(capsys, "--db", office, "users", "add", "care", "--role", "caregiver")
    assert code_ == 2 and "ต้องระบุสถานศึกษา" in err
    code_, out, err = run(capsys, "--db", office, "users", "add", "care", "--role", f"caregiver@{code}")
    assert code_ == 0, err
    code_, _, err = run(capsys, "--db", office, "users", "add", "other", "--role", "caregiver@no-such-code")
    assert code_ == 2 and "ไม่พบสถานศึกษา" in err
    monkeypatch.setenv("SAMOE_PASSWORD", "caregiver-password")
    for argv in (("stats",), ("export", "children", str(tmp_path / "c.csv")), ("households", "find", "--name", "ก")):
        code_, out, err = run(capsys, "--db", office, "--user", "care", *argv)
        assert code_ == 12 and "ผู้ใช้ care ไม่มีสิทธิ์" in err and not out, argv
