"""A hostile user and an unlucky office against ``samoe backup`` (issue 9): a backup whose
manifest was damaged or replaced, a backup of another (encrypted) database. Every refusal
a Thai message and an exit code; the database untouched."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from actors import TEST_PASSWORD
from fault_files import assert_clean_failure, can_unshare_mounts, cli, text

ENC = {"SAMOE_NO_ENCRYPTION": "0", "SAMOE_PASSWORD": TEST_PASSWORD}


def _office(folder: Path, code: str, children: int) -> Path:
    path = folder / "office.db"
    folder.mkdir(parents=True, exist_ok=True)
    proc = cli("--db", path, "init", "--office-name", "เทศบาลตำบลทดสอบ", "--office-code", code, env=ENC)
    assert proc.returncode == 0, text(proc.stderr)
    if children:
        proc = cli("--db", path, "demo", "--children", str(children), "--seed", "5", env=ENC)
        assert proc.returncode == 0, text(proc.stderr)
    return path


def _backup(db: Path, folder: Path) -> Path:
    proc = cli("--db", db, "backup", "create", folder, env=ENC)
    assert proc.returncode == 0, text(proc.stderr)
    return next(p for p in folder.iterdir() if p.suffix == ".db")


@pytest.fixture(scope="module")
def office(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    base = tmp_path_factory.mktemp("backups")
    db = _office(base / "office", "6300101", 10)
    return db, _backup(db, base / "usb")


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("manifest", ["{not json", "[1, 2]", ""])
def test_a_backup_whose_manifest_is_damaged_is_not_taken_for_an_older_programs(
        office: tuple[Path, Path], manifest: str) -> None:
    """A manifest there but unreadable is not 'made by an older program, no manifest':
    the backup cannot be checked, and the restore says so instead of going on."""
    db, backup = office
    note = backup.with_name(backup.name + ".json")
    kept = note.read_bytes()
    before = _sha(db)
    try:
        note.write_text(manifest, encoding="utf-8")
        proc = cli("--db", db, "backup", "restore", backup, env=ENC)
        err = assert_clean_failure(proc, code=5, words=(".json",))
        assert "รุ่นก่อน" not in err
    finally:
        note.write_bytes(kept)
    assert _sha(db) == before


def test_the_encrypted_backup_of_another_database_is_named_so(office: tuple[Path, Path], tmp_path: Path) -> None:
    db, _backup_file = office
    other = _office(tmp_path / "other", "6300102", 0)
    foreign = _backup(other, tmp_path / "other-usb")
    before = _sha(db)
    proc = cli("--db", db, "backup", "restore", foreign, "--dry-run", env=ENC)
    assert_clean_failure(proc, words=("ฐานข้อมูลอื่น",))
    assert _sha(db) == before


def test_a_manifest_that_lies_about_the_counts_is_caught(office: tuple[Path, Path]) -> None:
    db, backup = office
    note = backup.with_name(backup.name + ".json")
    kept = note.read_bytes()
    try:
        data = json.loads(kept)
        data["counts"]["child"] += 1
        note.write_text(json.dumps(data), encoding="utf-8")
        assert_clean_failure(cli("--db", db, "backup", "restore", backup, "--dry-run", env=ENC), code=5)
    finally:
        note.write_bytes(kept)


def test_the_days_backup_after_the_clock_went_back_is_kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A PC whose clock went back (a flat CMOS battery, a wrong time zone set by hand): the
    day's backup it makes looks older than the week of backups made before, and the
    pruning right after it must not remove it (the office would have no fresh backup)."""
    from datetime import datetime as real_datetime

    from desktop.services import backup as service
    from desktop.store import backup as store

    db = tmp_path / "office.db"
    proc = cli("--db", db, "init", "--office-name", "เทศบาลตำบลทดสอบ", "--office-code", "6300101",
               env={"SAMOE_NO_ENCRYPTION": "1", "SAMOE_PASSWORD": TEST_PASSWORD})
    assert proc.returncode == 0, text(proc.stderr)
    clock = {"now": real_datetime(2026, 12, 10, 9, 0)}

    class Clock(real_datetime):
        @classmethod
        def now(cls, tz: object = None) -> Clock:  # type: ignore[override]
            return clock["now"]  # type: ignore[return-value]

    monkeypatch.setattr(store, "datetime", Clock)
    monkeypatch.setattr(service, "datetime", Clock)
    monkeypatch.setenv("SAMOE_AUTO_BACKUP", "1")
    monkeypatch.setattr(service, "auto_backups_on", lambda: True)
    for day in range(10, 10 + service.KEEP_DAILY + 1):
        clock["now"] = real_datetime(2026, 12, day, 9, 0)
        assert service.daily_backup(db, today=clock["now"]) is not None
    clock["now"] = real_datetime(2026, 12, 1, 9, 0)  # the clock went back
    made = service.daily_backup(db, today=clock["now"])
    assert made is not None
    assert made.path.exists(), "the day's backup was pruned as soon as it was made"
    assert service.last_good_backup(db) is not None


@pytest.mark.skipif(not can_unshare_mounts(), reason="needs root and unshare to mount a tmpfs")
def test_a_backup_to_a_full_stick_says_disk_full_not_a_damaged_database(
        office: tuple[Path, Path], tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    from fault_files import ROOT

    db, _backup_file = office
    mnt = tmp_path / "stick"
    mnt.mkdir()
    script = ('mount -t tmpfs -o size=$3 tmpfs "$1" && "$PY" -m desktop.cli --db "$2" backup create "$1"; '
              'echo "rc=$?" >&2; ls -a "$1"')
    proc = subprocess.run(["unshare", "-m", "sh", "-c", script, "sh", str(mnt), str(db),
                           str(db.stat().st_size // 2)], capture_output=True, timeout=300, cwd=ROOT,
                          env={**os.environ, **ENC, "PY": sys.executable})
    err = text(proc.stderr)
    assert "Traceback" not in err, err[-2000:]
    assert "rc=9" in err and "ดิสก์เต็ม" in err, err[-1500:]
    assert "เสียหาย" not in err, err[-1500:]
    assert sorted(text(proc.stdout).split()) == [".", ".."]
