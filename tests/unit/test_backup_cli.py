"""``samoe backup create|list|restore``: Thai messages, exit codes, --dry-run and --to, and a
damaged database that names its newest good backup."""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

import pytest
from cli_run import run
from fault_files import damage_middle

from desktop.store.backup import backups_of, read_manifest, sha256_of

sys.path.insert(0, str(Path(__file__).parent))
from test_crash_kill_writes import Writer, make_office_db  # noqa: E402


@pytest.fixture
def office(tmp_path: Path) -> Path:
    path = make_office_db(tmp_path / "office.db")
    Writer(path, 1, count=3).finish()
    return path


def children(path: Path) -> int:
    conn = sqlite3.connect(str(path))
    try:
        return int(conn.execute("SELECT count(*) FROM child").fetchone()[0])
    finally:
        conn.close()


def audit(path: Path, action: str) -> list[tuple[str, str]]:
    import json

    conn = sqlite3.connect(str(path))
    try:
        rows = conn.execute("SELECT actor, detail FROM audit_log WHERE action = ?", (action,)).fetchall()
    finally:
        conn.close()
    return [(actor, json.loads(detail)["file"]) for actor, detail in rows]


def test_create_list_and_restore(office: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    usb = tmp_path / "usb"
    code, out, err = run(capsys, "--db", str(office), "backup", "create", str(usb))
    assert code == 0, err
    made = next(usb.glob("office-manual-*.db"))
    assert str(made) in out and "SHA-256" in out and "เด็ก 3 คน" in out
    assert read_manifest(made) is not None
    assert audit(office, "backup") == [("admin", made.name)]  # noted as an export is

    Writer(office, 10, count=2).finish()  # changes after the backup
    code, out, err = run(capsys, "--db", str(office), "backup", "restore", str(made), "--dry-run")
    assert code == 0, err
    assert "ยังไม่ได้แก้ไขไฟล์ใด" in out and "จะเก็บไฟล์" in out
    assert children(office) == 5 and backups_of(office) == []  # nothing restored, nothing kept

    elsewhere = tmp_path / "copy" / "restored.db"
    elsewhere.parent.mkdir()
    code, out, err = run(capsys, "--db", str(office), "backup", "restore", str(made), "--to", str(elsewhere))
    assert code == 0, err
    assert children(elsewhere) == 3 and children(office) == 5 and backups_of(office) == []

    code, out, err = run(capsys, "--db", str(office), "backup", "restore", str(made))
    assert code == 0, err
    assert children(office) == 3
    kept = backups_of(office)
    assert len(kept) == 1 and "before-restore" in kept[0].name and str(kept[0]) in out
    assert audit(office, "restore") == [("admin", made.name)]  # in the restored file's log

    code, out, err = run(capsys, "--db", str(office), "backup", "list")
    assert code == 0, err
    assert "ก่อนกู้คืน" in out and "ตรวจแล้ว ใช้ได้" in out and "เด็ก 5 คน" in out


def test_a_corrupted_backup_is_refused(office: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _out, err = run(capsys, "--db", str(office), "backup", "create", str(tmp_path))
    assert code == 0, err
    made = next(tmp_path.glob("office-manual-*.db"))
    with open(made, "r+b") as f:
        f.seek(made.stat().st_size // 2)
        f.write(b"\xa5" * 512)
    before = sha256_of(office)
    code, _out, err = run(capsys, "--db", str(office), "backup", "restore", str(made))
    assert code == 5 and "SHA-256" in err and "ยังไม่ถูกแก้ไข" in err
    assert sha256_of(office) == before
    code, _out, err = run(capsys, "--db", str(office), "backup", "restore", str(tmp_path / "none.db"))
    assert code == 4 and "ไม่พบไฟล์สำรอง" in err


def test_a_damaged_database_names_its_newest_good_backup(office: Path, tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    from desktop.services.backup import create_backup, daily_backup

    Writer(office, 100, count=150).finish()  # enough pages to damage some in the middle
    good = daily_backup(office)
    assert good is not None
    damaged = tmp_path / "office-damaged.db"
    damage_middle(office, damaged)
    office.unlink()
    damaged.rename(office)
    for args in (("backup", "list"), ("stats",), ("import", "undo", "x")):
        code, out, err = run(capsys, "--db", str(office), *args)
        if args[0] == "stats" and code == 0:
            continue  # a read may miss the damaged pages
        assert code == 5, (args, err)
        assert str(good.path) in err and "samoe backup restore" in err, args
    with pytest.raises(Exception):  # noqa: B017 - the damaged file does not back up
        create_backup(office)
    assert [p for p in backups_of(office)] == [good.path]
    code, out, err = run(capsys, "--db", str(office), "backup", "restore", str(good.path))
    assert code == 0, err
    assert "สำเนาไฟล์ที่เสียหาย" in out
    code, out, err = run(capsys, "--db", str(office), "backup", "list")
    assert code == 0, err
    assert "ใช้ไม่ได้" in out  # the damaged file's copy is listed as such, never offered


def test_create_and_restore_need_the_administrator(office: Path, tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str],
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    from actors import TEST_PASSWORD

    from desktop.domain.roles import Role
    from desktop.services.users import add_user
    from desktop.store.db import Database

    made = tmp_path / "usb"
    monkeypatch.setenv("SAMOE_PASSWORD", "not the password")
    code, _out, err = run(capsys, "--db", str(office), "backup", "create", str(made))
    assert code == 11 and not made.exists()
    db = Database.open(office)
    try:
        with db.session() as s:  # works as every role (tests/conftest.py)
            add_user(s, "clerk1", TEST_PASSWORD, roles=[Role.CLERK])
    finally:
        db.dispose()
    monkeypatch.setenv("SAMOE_PASSWORD", TEST_PASSWORD)
    code, _out, err = run(capsys, "--db", str(office), "--user", "clerk1", "backup", "create", str(made))
    assert code == 12 and "สิทธิ์" in err and not made.exists()
    code, _out, err = run(capsys, "--db", str(office), "backup", "create", str(made))
    assert code == 0, err
    backup = next(made.glob("*.db"))
    monkeypatch.setenv("SAMOE_PASSWORD", "not the password")
    code, _out, err = run(capsys, "--db", str(office), "backup", "restore", str(backup))
    assert code == 11 and backups_of(office) == []


def test_missing_database(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _out, err = run(capsys, "--db", str(tmp_path / "none.db"), "backup", "list")
    assert code == 4 and "ไม่พบไฟล์ฐานข้อมูล" in err
    code, _out, err = run(capsys, "--db", str(tmp_path / "none.db"), "backup", "create", str(tmp_path))
    assert code == 4


def test_a_file_name_that_is_not_utf8(tmp_path: Path) -> None:
    """A database in a folder whose name is not UTF-8 (a USB stick written elsewhere) is
    backed up, listed and restored: its manifest keeps the name's bytes."""
    import os

    from fault_files import cli, text

    from desktop.services.backup import list_backups

    odd = Path(os.fsdecode(os.fsencode(tmp_path) + b"/\xff\xfe"))
    odd.mkdir()
    office = make_office_db(odd / "office.db")
    usb = Path(os.fsdecode(os.fsencode(tmp_path) + b"/usb\xa1"))
    proc = cli("--db", office, "backup", "create", usb)
    assert proc.returncode == 0, text(proc.stderr)
    made = next(usb.glob("*.db"))
    assert read_manifest(made) is not None and read_manifest(made).ok  # type: ignore[union-attr]
    proc = cli("--db", office, "backup", "restore", made)
    assert proc.returncode == 0, text(proc.stderr)
    assert [b.label for b in list_backups(office)] == ["before-restore"]


def test_a_file_given_as_the_backup_folder_is_named_as_a_file(office: Path, tmp_path: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    """It said 'not found' of a file that is there."""
    afile = tmp_path / "afile"
    afile.write_text("x")
    code, _out, err = run(capsys, "--db", str(office), "backup", "create", str(afile))
    assert code == 2 and "เป็นไฟล์ ไม่ใช่โฟลเดอร์" in err and "ไม่พบ" not in err
    assert afile.read_text() == "x"
