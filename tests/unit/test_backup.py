"""Backups (services/backup.py, store/backup.py): verified copies under a write load,
retention, a corrupted backup found out, automatic backups before imports and daily."""

from __future__ import annotations

import json
import shutil
import sqlite3
import sys
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from desktop.services import backup as svc
from desktop.store.backup import (
    Manifest,
    backups_of,
    read_manifest,
    sha256_of,
    table_counts,
    verify_backup,
    write_manifest,
)
from desktop.store.faults import DatabaseBusy, DatabaseDamaged, newest_backup

sys.path.insert(0, str(Path(__file__).parent))
from test_crash_kill_writes import Writer, make_office_db, written  # noqa: E402


def counts(path: Path) -> dict[str, int]:
    conn = sqlite3.connect(str(path))
    try:
        return table_counts(conn)
    finally:
        conn.close()


def integrity(path: Path) -> list[str]:
    conn = sqlite3.connect(str(path))
    try:
        return [r[0] for r in conn.execute("PRAGMA integrity_check")]
    finally:
        conn.close()


@pytest.fixture
def office(tmp_path: Path) -> Path:
    return make_office_db(tmp_path / "office.db")


def test_a_backup_under_a_write_load_restores_whole(office: Path, tmp_path: Path) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    writer = Writer(office, 1)  # another process saving children as fast as it can
    try:
        assert writer.first_commit.wait(60)
        before = len(writer.committed)
        info = svc.create_backup(office, folder=usb)
        after = len(writer.committed)
        assert writer.proc.poll() is None, "the writer stopped: no load during the backup"
    finally:
        writer.kill()
    assert info.good and info.path.parent == usb
    manifest = read_manifest(info.path)
    assert manifest is not None and manifest.ok and manifest.sha256 == sha256_of(info.path)
    assert manifest.integrity == "integrity_check ok"
    assert before <= manifest.counts["child"] <= after + 1  # one snapshot taken meanwhile
    plan = svc.plan_restore(info.path, tmp_path / "restored.db")
    assert not plan.replaces
    result = svc.restore_backup(plan)
    assert result.kept is None
    restored = tmp_path / "restored.db"
    assert integrity(restored) == ["ok"]
    assert counts(restored) == manifest.counts
    problems, found, half = written(restored)
    assert problems == [] and half == [] and len(found) == manifest.counts["child"]


def test_verification_finds_a_corrupted_backup(office: Path, tmp_path: Path) -> None:
    info = svc.create_backup(office, folder=tmp_path)
    assert verify_backup(info.path).ok
    # bytes changed after the backup: the hash says so
    bad = tmp_path / "office-manual-20260101-000000.db"
    shutil.copyfile(info.path, bad)
    write_manifest(bad, read_manifest(info.path))  # type: ignore[arg-type]
    with open(bad, "r+b") as f:
        f.seek(bad.stat().st_size // 2)
        f.write(b"\xff" * 4096)
    found = verify_backup(bad)
    assert not found.ok and found.problems[0].startswith("hash")
    # damage that the manifest agrees with (written broken): integrity or counts say so
    manifest = read_manifest(info.path)
    assert manifest is not None
    write_manifest(bad, Manifest(**{**manifest.__dict__, "sha256": sha256_of(bad), "file": bad.name}))
    found = verify_backup(bad)
    assert not found.ok and found.problems[0].split(":")[0] in ("integrity", "counts")
    # a row removed and the hash fixed up: the counts differ
    edited = tmp_path / "office-manual-20260102-000000.db"
    shutil.copyfile(info.path, edited)
    conn = sqlite3.connect(str(edited))
    conn.execute("CREATE TABLE extra (x)")  # a table the source did not have
    conn.commit()
    conn.close()
    write_manifest(edited, Manifest(**{**manifest.__dict__, "sha256": sha256_of(edited),
                                       "size": edited.stat().st_size, "file": edited.name}))
    found = verify_backup(edited)
    assert [p.split(":")[0] for p in found.problems] == ["counts"]
    with pytest.raises(DatabaseDamaged):
        svc.plan_restore(bad, tmp_path / "x.db")
    assert not (tmp_path / "x.db").exists()


def _fake(db_path: Path, label: str, at: datetime, source: Path, *, ok: bool = True,
          manifest: bool = True) -> Path:
    folder = db_path.parent / "backups"
    folder.mkdir(exist_ok=True)
    path = folder / f"{db_path.stem}-{label}-{at:%Y%m%d-%H%M%S}.db"
    shutil.copyfile(source, path)
    if manifest:
        write_manifest(path, Manifest(file=path.name, label=label, created=at.isoformat(), source=str(db_path),
                                      sha256=sha256_of(path), size=path.stat().st_size, integrity="ok",
                                      counts={}, revision=None, encrypted=False, ok=ok))
    return path


def test_retention_keeps_a_week_of_days_and_the_last_ten_events(office: Path, tmp_path: Path) -> None:
    source = svc.create_backup(office, folder=tmp_path).path
    start = datetime(2026, 11, 1, 8, 0)
    daily = [_fake(office, "daily", start + timedelta(days=i), source) for i in range(12)]
    events = [_fake(office, label, start + timedelta(days=i, hours=1), source)
              for i, label in enumerate(["before-import", "before-undo", "before-restore", "before-0007"] * 4)]
    manual = [_fake(office, "manual", start + timedelta(days=i, hours=2), source) for i in range(2)]
    damaged = [_fake(office, "damaged", start + timedelta(days=i, hours=3), source, ok=False) for i in range(5)]
    old = _fake(office, "before-0006", start - timedelta(days=30), source, manifest=False)
    removed = set(svc.prune(office))
    kept = set(backups_of(office))
    assert kept == set(daily[-7:]) | set(events[-10:]) | set(manual) | set(damaged[-3:])
    assert removed == set(daily[:-7]) | set(events[:-10]) | set(damaged[:-3]) | {old}
    assert not any(Path(f"{p}.json").exists() for p in removed)
    # the newest good backup is never removed, whatever its kind
    assert newest_backup(office) == max(daily[-1], events[-1], key=lambda p: p.name[-19:])
    assert svc.prune(office, keep_daily=0, keep_events=0) and events[-1] in backups_of(office)


def test_a_damaged_copy_is_never_the_newest_good_backup(office: Path, tmp_path: Path) -> None:
    source = svc.create_backup(office, folder=tmp_path).path
    good = _fake(office, "daily", datetime(2026, 11, 1), source)
    _fake(office, "damaged", datetime(2026, 11, 2), source, ok=False)
    assert newest_backup(office) == good
    assert svc.newest_good_local(office) is not None and svc.newest_good_local(office).path == good  # type: ignore[union-attr]


def test_daily_backup_once_a_day(office: Path) -> None:
    first = svc.daily_backup(office)
    assert first is not None and first.label == "daily" and first.good
    assert svc.daily_backup(office) is None
    tomorrow = datetime.now() + timedelta(days=1)
    assert svc.daily_due(office, tomorrow)
    assert svc.last_good_backup(office) is not None


def test_imports_and_undo_back_up_first(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from cli_run import run
    from fault_files import make_csv

    office = make_office_db(tmp_path / "office.db")
    csv = make_csv(tmp_path / "children.csv", rows=4)
    code, out, err = run(capsys, "--db", str(office), "import", "children", str(csv))
    assert code == 0, err
    labels = [svc.info_of(p).label for p in backups_of(office)]
    assert labels == ["before-import"]
    before = read_manifest(backups_of(office)[0])
    assert before is not None and before.counts["child"] == 0  # the state before the import
    assert before.integrity == "quick_check ok"  # the clerk waits for this one
    with sqlite3.connect(str(office)) as conn:
        batch = conn.execute("SELECT uuid FROM import_batch").fetchone()[0]
    code, out, err = run(capsys, "--db", str(office), "import", "undo", batch)
    assert code == 0, err
    labels = sorted(svc.info_of(p).label for p in backups_of(office))
    assert labels == ["before-import", "before-undo"]
    undo = read_manifest(next(p for p in backups_of(office) if "before-undo" in p.name))
    assert undo is not None and undo.counts["child"] == 4


def test_restore_keeps_the_current_file_and_refuses_while_it_is_open(office: Path, tmp_path: Path) -> None:
    info = svc.create_backup(office, folder=tmp_path)
    writer = Writer(office, 1, count=5)
    writer.finish()
    holder = sqlite3.connect(str(office))  # another program has it open
    holder.execute("SELECT count(*) FROM child").fetchone()
    plan = svc.plan_restore(info.path, office)
    with pytest.raises(DatabaseBusy):
        svc.restore_backup(plan)
    holder.close()
    assert counts(office)["child"] == 5  # untouched
    result = svc.restore_backup(plan)
    assert counts(office)["child"] == 0 and integrity(office) == ["ok"]
    assert result.kept is not None and not result.kept_damaged
    kept = read_manifest(result.kept)
    assert kept is not None and kept.counts["child"] == 5 and kept.label == "before-restore"
    assert not Path(f"{office}-wal").exists() or Path(f"{office}-wal").stat().st_size == 0


def test_restore_over_a_damaged_file_keeps_a_marked_copy(office: Path, tmp_path: Path) -> None:
    from fault_files import garbage_header

    info = svc.create_backup(office, folder=tmp_path)
    garbage_header(info.path, office)
    result = svc.restore_backup(svc.plan_restore(info.path, office))
    assert result.kept_damaged and result.kept is not None
    marked = read_manifest(result.kept)
    assert marked is not None and not marked.ok
    assert integrity(office) == ["ok"]
    assert newest_backup(office) != result.kept
    assert json.loads(Path(f"{result.kept}.json").read_text())["integrity"] == "damaged"


def test_the_backup_before_a_migration_is_verified_and_pruned_later(tmp_path: Path) -> None:
    """store/migrate.py backs up with backup_sqlite: the copy of the old schema is verified
    like any other (manifest, integrity, counts) and counts as an event backup."""
    from desktop.store import migrate
    from desktop.store.db import Database

    fixture = Path(__file__).resolve().parents[1] / "migrations" / "fixtures" / "samoe-0008.db"
    path = tmp_path / "office.db"
    shutil.copyfile(fixture, path)
    db = Database.open(path)
    try:
        result = migrate.upgrade(db)
    finally:
        db.dispose()
    assert result.backup is not None
    manifest = read_manifest(result.backup)
    assert manifest is not None and manifest.ok and manifest.revision == "0008"
    assert manifest.integrity == "integrity_check ok" and verify_backup(result.backup).ok
    info = svc.info_of(result.backup, "before-" + migrate.HEAD_REVISION)
    assert info.good and svc.label_text(info.label).startswith("ก่อนปรับรุ่นฐานข้อมูล")
    assert svc.prune(path, keep_events=0) == []  # the newest good backup stays


def test_restoring_the_oldest_kept_backup_does_not_prune_it_first(office: Path) -> None:
    """The replaced file's backup is one more event backup: the retention rule must not
    remove the backup being restored before it is copied."""
    for _ in range(svc.KEEP_EVENTS):
        svc.create_backup(office, label="before-import")
    oldest = backups_of(office)[0]
    Writer(office, 1, count=2).finish()
    result = svc.restore_backup(svc.plan_restore(oldest, office))
    assert counts(office)["child"] == 0 and result.kept is not None
    assert oldest not in backups_of(office) and result.kept in backups_of(office)  # pruned after
    assert len([p for p in backups_of(office)]) == svc.KEEP_EVENTS
