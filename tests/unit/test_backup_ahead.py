"""The backup before an import made on a thread while the list is checked
(services/backup_ahead.py): taken when the database is as the import finds it, made again
when anyone wrote in between, dropped with the import, never left half-written."""

from __future__ import annotations

import sqlite3
import sys
import threading
from pathlib import Path

import pytest

from desktop.services import backup as svc
from desktop.services import backup_ahead as ahead
from desktop.store.backup import backups_of, read_manifest
from desktop.store.faults import DatabaseDamaged

sys.path.insert(0, str(Path(__file__).parent))
from test_crash_kill_writes import make_office_db  # noqa: E402

LABEL = svc.BEFORE_IMPORT


@pytest.fixture
def office(tmp_path: Path) -> Path:
    return make_office_db(tmp_path / "office.db")


def url(path: Path) -> str:
    return f"sqlite:///{path}"


def write_something(path: Path) -> None:
    with sqlite3.connect(str(path)) as conn:  # another connection (another program, a colleague)
        conn.execute("CREATE TABLE IF NOT EXISTS scratch (x)")
        conn.execute("INSERT INTO scratch VALUES (1)")
    conn.close()


def leftovers(path: Path) -> list[str]:
    folder = svc.backup_folder(path)
    return sorted(p.name for p in folder.iterdir()) if folder.is_dir() else []


def test_the_backup_made_ahead_is_the_one_the_import_takes(office: Path) -> None:
    ahead.backup_ahead(url(office), LABEL)
    ahead.backup_ahead(url(office), LABEL)  # a second check of the list: the same backup
    info = ahead.take_backup_before(url(office), LABEL)
    assert info is not None
    assert [p.name for p in backups_of(office)] == [info.path.name]  # one backup, not two
    manifest = read_manifest(info.path)
    assert manifest is not None and manifest.ok and manifest.integrity == "quick_check ok"
    assert svc.info_of(info.path).label == LABEL


def test_a_write_after_the_backup_began_makes_it_again(office: Path) -> None:
    ahead.backup_ahead(url(office), LABEL)
    write_something(office)  # a colleague saved something while the list was checked
    info = ahead.take_backup_before(url(office), LABEL)
    assert info is not None
    manifest = read_manifest(info.path)
    assert manifest is not None and manifest.counts.get("scratch") == 1  # the state the import finds
    assert len(backups_of(office)) == 2  # the stale one is kept as any backup is (pruned by the rule)


def test_a_new_plan_after_a_write_cancels_the_stale_backup(office: Path) -> None:
    ahead.backup_ahead(url(office), LABEL)
    write_something(office)
    ahead.backup_ahead(url(office), LABEL)  # checked again after the write: a new backup
    info = ahead.take_backup_before(url(office), LABEL)
    assert info is not None
    manifest = read_manifest(info.path)
    assert manifest is not None and manifest.counts.get("scratch") == 1
    ahead.drop_backup_ahead(url(office), wait=True)  # nothing more under way
    assert not [n for n in leftovers(office) if ".tmp" in n or n.endswith("-journal")]


def test_an_import_closed_unwritten_leaves_no_backup(office: Path) -> None:
    ahead.backup_ahead(url(office), LABEL)
    ahead.drop_backup_ahead(url(office), wait=True)
    assert backups_of(office) == []
    assert leftovers(office) == []  # no temporary copy, no manifest


def test_a_failure_on_the_thread_is_taken_again_and_said_as_before(office: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    def full_disk(*_a: object, **_k: object) -> object:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(ahead, "create_backup", full_disk)
    ahead.backup_ahead(url(office), LABEL)
    info = ahead.take_backup_before(url(office), LABEL)  # made again, on this thread, as before
    assert info is not None and info.path.is_file()


def test_a_damaged_database_is_said_when_the_import_would_write(office: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    def damaged(*_a: object, **_k: object) -> object:
        raise DatabaseDamaged("ฐานข้อมูลเสียหาย")

    monkeypatch.setattr(ahead, "create_backup", damaged)
    ahead.backup_ahead(url(office), LABEL)
    with pytest.raises(DatabaseDamaged):
        ahead.take_backup_before(url(office), LABEL)


def test_the_copy_runs_beside_the_caller(office: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The plan is not held up: backup_ahead returns while the copy is still running."""
    started, release = threading.Event(), threading.Event()
    real = ahead.create_backup

    def slow(*a: object, **k: object) -> object:
        started.set()
        assert release.wait(30)
        return real(*a, **k)  # type: ignore[arg-type]

    monkeypatch.setattr(ahead, "create_backup", slow)
    ahead.backup_ahead(url(office), LABEL)
    assert started.wait(30)  # running on its thread, and this call has returned
    release.set()
    assert ahead.take_backup_before(url(office), LABEL) is not None


def test_nothing_ahead_with_automatic_backups_off_or_no_file(office: Path, tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    ahead.backup_ahead(url(tmp_path / "missing.db"), LABEL)
    assert ahead.take_backup_before(url(tmp_path / "missing.db"), LABEL) is None
    monkeypatch.setenv("SAMOE_AUTO_BACKUP", "0")
    ahead.backup_ahead(url(office), LABEL)
    assert ahead.take_backup_before(url(office), LABEL) is None
    assert backups_of(office) == []
