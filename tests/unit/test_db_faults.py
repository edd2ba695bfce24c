"""Faults of the database file, from a terminal, in real processes: two writers at once,
a damaged file, a read-only medium, a mistyped path. Each ends in a Thai message and its
own exit code, never a traceback, never a half-write, never personal data."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from fault_files import (
    DROP_CAPS,
    assert_clean_failure,
    can_drop_caps,
    can_unshare_mounts,
    cli,
    damage_middle,
    garbage_header,
    make_csv,
    make_demo,
    personal_data,
    text,
    truncate_half,
)

from desktop.store.backup import backup_sqlite, timestamped_backup_path

EXIT_NOT_FOUND, EXIT_DAMAGED, EXIT_READ_ONLY, EXIT_BUSY = 4, 5, 6, 7

# Holds the write lock of a database for a while, as another Samoe process writing would.
HOLD = """
import sqlite3, sys, time
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN IMMEDIATE")
conn.execute("UPDATE office SET name = name")
print("locked", flush=True)
time.sleep(float(sys.argv[2]))
conn.execute("COMMIT")
"""


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_demo(tmp_path_factory.mktemp("faults") / "source.db")


@pytest.fixture
def office(demo_file: Path, tmp_path: Path) -> Path:
    target = tmp_path / "office.db"
    shutil.copyfile(demo_file, target)
    return target


def children(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute("SELECT count(*) FROM child").fetchone()[0])
    finally:
        conn.close()


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def write_locked(path: Path) -> bool:
    """Another connection holds the write lock now."""
    conn = sqlite3.connect(path, timeout=0, isolation_level=None)
    try:
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("ROLLBACK")
        return False
    except sqlite3.OperationalError:
        return True
    finally:
        conn.close()


def hold_lock(path: Path, seconds: float) -> subprocess.Popen[str]:
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(path), str(seconds)],
                              stdout=subprocess.PIPE, text=True)
    assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
    return holder


# --- two writers ------------------------------------------------------------------------

def test_second_writer_waits_for_the_first(office: Path, tmp_path: Path) -> None:
    before = children(office)
    holder = hold_lock(office, 3)
    started = time.monotonic()
    proc = cli("--db", office, "import", "children", make_csv(tmp_path / "a.csv", rows=4))
    waited = time.monotonic() - started
    assert holder.wait(timeout=30) == 0
    assert proc.returncode == 0, text(proc.stderr)[-2000:]
    assert waited >= 2.0  # it waited its turn instead of failing
    assert children(office) == before + 4


def test_second_writer_after_the_timeout_says_busy(office: Path, tmp_path: Path) -> None:
    holder = hold_lock(office, 8)
    try:
        started = time.monotonic()
        proc = cli("--db", office, "import", "children", make_csv(tmp_path / "a.csv"),
                   env={"SAMOE_BUSY_TIMEOUT": "1"})
        assert time.monotonic() - started < 7
        assert_clean_failure(proc, code=EXIT_BUSY, words=("ใช้งาน",))
    finally:
        holder.kill()  # its write is rolled back: nothing to wait for
        holder.wait(timeout=30)


def test_demo_and_import_at_once_both_finish(office: Path, tmp_path: Path) -> None:
    before = children(office)
    demo = subprocess.Popen([sys.executable, "-m", "desktop.cli", "--db", str(office), "demo",
                             "--children", "15000"], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    wal = Path(f"{office}-wal")
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and demo.poll() is None and (
            not wal.exists() or wal.stat().st_size < 1_000_000):
        time.sleep(0.02)
    proc = cli("--db", office, "import", "children", make_csv(tmp_path / "a.csv", rows=3),
               env={"SAMOE_BUSY_TIMEOUT": "120"})
    _, demo_err = demo.communicate(timeout=180)
    assert demo.returncode == 0, demo_err.decode()[-2000:]
    assert proc.returncode == 0, text(proc.stderr)[-2000:]
    assert children(office) == before + 15000 + 3


def test_db_check_during_a_write_is_not_a_damage_report(office: Path) -> None:
    holder = hold_lock(office, 6)
    try:
        proc = cli("--db", office, "db", "check", env={"SAMOE_BUSY_TIMEOUT": "1"})
    finally:
        holder.kill()
        holder.wait(timeout=30)
    out, err = text(proc.stdout), text(proc.stderr)
    assert "Traceback" not in err
    assert "เสียหาย" not in out + err and "integrity:" not in out
    assert proc.returncode in (0, EXIT_BUSY), err
    if proc.returncode == EXIT_BUSY:
        assert "ใช้งาน" in err


# --- a damaged file ---------------------------------------------------------------------

DAMAGES = {"middle": damage_middle, "truncated": truncate_half, "header": garbage_header}


@pytest.mark.parametrize("damage", sorted(DAMAGES))
def test_db_check_lists_the_problems_of_a_damaged_file(damage: str, demo_file: Path,
                                                       tmp_path: Path) -> None:
    path = DAMAGES[damage](demo_file, tmp_path / "office.db")
    proc = cli("--db", path, "db", "check")
    err = assert_clean_failure(proc, code=EXIT_DAMAGED, words=("เสียหาย",),
                               secrets=personal_data(demo_file))
    assert text(proc.stdout).strip() or len(err.splitlines()) >= 2  # the problems are listed


@pytest.mark.parametrize("damage", sorted(DAMAGES))
def test_no_write_into_a_damaged_file_and_the_newest_backup_is_named(
        damage: str, demo_file: Path, tmp_path: Path) -> None:
    path = DAMAGES[damage](demo_file, tmp_path / "office.db")
    old = backup_sqlite(demo_file, tmp_path / "backups" / "office-before-0003-20260101-000000.db")
    newest = backup_sqlite(demo_file, timestamped_backup_path(path, "before-0004"))
    assert old != newest
    before = digest(path)
    secrets = personal_data(demo_file)
    for args in (("import", "children", str(make_csv(tmp_path / "a.csv"))),
                 ("demo", "--children", "5"), ("db", "upgrade")):
        proc = cli("--db", path, *args)
        assert_clean_failure(proc, code=EXIT_DAMAGED, words=("เสียหาย", newest.name),
                             secrets=secrets)
        assert digest(path) == before, args
    proc = cli("--db", path, "stats")
    assert_clean_failure(proc, secrets=secrets)


def test_an_error_while_writing_never_prints_personal_data(office: Path, tmp_path: Path) -> None:
    """SQLAlchemy puts the statement's parameters (names, national IDs) into its error
    message; a failure in the middle of an import must not show them."""
    conn = sqlite3.connect(office)
    conn.execute("CREATE TRIGGER boom BEFORE INSERT ON child "
                 "BEGIN SELECT RAISE(ABORT, 'database disk image is malformed'); END")
    conn.commit()
    conn.close()
    csv = make_csv(tmp_path / "a.csv", rows=12)
    secrets = [line.split(",")[4] for line in csv.read_text(encoding="utf-8").splitlines()[1:]]
    proc = cli("--db", office, "import", "children", csv)
    assert_clean_failure(proc, secrets=secrets)


# --- a read-only medium -----------------------------------------------------------------

@pytest.mark.skipif(not can_drop_caps(), reason="needs root and setpriv to obey file modes")
def test_a_read_only_file_and_folder_is_read_only_not_damaged(office: Path, tmp_path: Path) -> None:
    folder = office.parent
    csv = make_csv(tmp_path.parent / f"{tmp_path.name}-a.csv")
    office.chmod(0o444)
    folder.chmod(0o555)
    try:
        proc = cli("--db", office, "stats", prefix=DROP_CAPS)
        assert proc.returncode == 0, text(proc.stderr)[-1500:]
        assert "60" in text(proc.stdout)
        for args in (("import", "children", str(csv)), ("demo", "--children", "3")):
            proc = cli("--db", office, *args, prefix=DROP_CAPS)
            err = assert_clean_failure(proc, code=EXIT_READ_ONLY, words=("อ่านอย่างเดียว",))
            assert "เสียหาย" not in err
    finally:
        folder.chmod(0o755)
        office.chmod(0o644)
    assert children(office) == 60


@pytest.mark.skipif(not can_unshare_mounts(), reason="needs root and unshare to bind read-only")
def test_a_read_only_mount_is_read_only_not_damaged(office: Path, tmp_path: Path) -> None:
    mnt = tmp_path / "mnt"
    mnt.mkdir()
    csv = make_csv(tmp_path / "a.csv")
    script = (f'mount --bind -o ro "{office.parent}" "{mnt}" && cd "{Path.cwd()}" && '
              f'"{sys.executable}" -m desktop.cli --db "{mnt / office.name}" "$@"')
    for args, code in ((("stats",), 0), (("import", "children", str(csv)), EXIT_READ_ONLY),
                       (("db", "check"), 0)):
        proc = subprocess.run(["unshare", "-m", "sh", "-c", script, "sh", *args],
                              capture_output=True, timeout=120,
                              cwd=Path(__file__).resolve().parents[2])
        err = text(proc.stderr)
        assert "Traceback" not in err and "เสียหาย" not in err, err[-1500:]
        assert proc.returncode == code, (args, err[-1500:])
        if code:
            assert "อ่านอย่างเดียว" in err


# --- a path that does not exist, an empty file ------------------------------------------

@pytest.mark.parametrize("args", [("stats",), ("db", "check"), ("db", "upgrade"), ("import", "batches"),
                                  ("export", "children", "OUT")])
def test_a_mistyped_path_is_refused_and_nothing_is_created(args: tuple[str, ...], tmp_path: Path) -> None:
    missing = tmp_path / "typo" / "office.db"
    args = tuple(str(tmp_path / "out.csv") if a == "OUT" else a for a in args)
    proc = cli("--db", missing, *args)
    assert_clean_failure(proc, code=EXIT_NOT_FOUND, words=("ไม่พบ",))
    assert not missing.parent.exists()
    proc = cli("--db", tmp_path / "office.db", *args)
    assert_clean_failure(proc, code=EXIT_NOT_FOUND, words=("ไม่พบ",))
    assert not (tmp_path / "office.db").exists()


def test_db_path_creates_nothing(tmp_path: Path) -> None:
    proc = cli("--db", tmp_path / "a" / "b.db", "db", "path")
    assert proc.returncode == 0
    assert not (tmp_path / "a").exists()


@pytest.mark.parametrize("args", [("stats",), ("import", "children", "CSV"), ("report", "households-list",
                                  "--out", "OUT")])
def test_a_zero_byte_file_is_not_a_registry(args: tuple[str, ...], tmp_path: Path) -> None:
    empty = tmp_path / "office.db"
    empty.write_bytes(b"")
    args = tuple(str(make_csv(tmp_path / "a.csv")) if a == "CSV" else
                 str(tmp_path / "out.pdf") if a == "OUT" else a for a in args)
    proc = cli("--db", empty, *args)
    assert_clean_failure(proc, code=EXIT_NOT_FOUND, words=("ว่าง",))
    assert empty.stat().st_size == 0
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("office")) == ["office.db"]


def test_init_creates_the_database_and_its_folder(tmp_path: Path) -> None:
    path = tmp_path / "new" / "office.db"
    proc = cli("--db", path, "init", "--office-name", "เทศบาลตำบลใหม่", "--office-code", "6300102")
    assert proc.returncode == 0, text(proc.stderr)
    proc = cli("--db", path, "stats")
    assert proc.returncode == 0, text(proc.stderr)


def test_the_busy_message_names_the_work_that_holds_the_database(office: Path, tmp_path: Path) -> None:
    demo = subprocess.Popen([sys.executable, "-m", "desktop.cli", "--db", str(office), "demo",
                             "--children", "300000"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and demo.poll() is None and not write_locked(office):
            time.sleep(0.02)
        assert demo.poll() is None, "the demo load ended before the test could meet it"
        proc = cli("--db", office, "import", "children", make_csv(tmp_path / "a.csv"),
                   env={"SAMOE_BUSY_TIMEOUT": "1"})
    finally:
        demo.kill()
        demo.wait(timeout=30)
    assert_clean_failure(proc, code=EXIT_BUSY, words=("ใช้งาน", "สร้างข้อมูลตัวอย่าง"))


def test_the_window_s_background_check_refuses_writes_into_a_damaged_file(demo_file: Path,
                                                                         tmp_path: Path) -> None:
    """The GUI opens without waiting for quick_check (0.43 s at 100k children); the check
    runs beside it and the first save into a damaged file is refused."""
    from sqlalchemy import text as sql

    from desktop.services.database import open_database
    from desktop.store.faults import DatabaseDamaged

    path = damage_middle(demo_file, tmp_path / "office.db")
    before = digest(path)
    db, _ = open_database(path, check=False)
    try:
        db.check_in_background()
        with pytest.raises(DatabaseDamaged, match="เสียหาย"), db.session() as s:
            s.execute(sql("UPDATE office SET name = name"))
    finally:
        db.dispose()
    assert digest(path) == before

    good = tmp_path / "good.db"
    shutil.copyfile(demo_file, good)
    db, _ = open_database(good, check=False)
    try:
        db.check_in_background()
        with db.session() as s:
            s.execute(sql("UPDATE office SET name = name"))
    finally:
        db.dispose()


def test_newest_backup_is_of_this_database_only(tmp_path: Path) -> None:
    """samoe-2.db's backups are not samoe.db's, nor demo.db's; the newest by time wins."""
    import os

    from desktop.store.backup import backups_of, timestamped_backup_path
    from desktop.store.faults import newest_backup

    folder = tmp_path / "backups"
    folder.mkdir()
    mine = [folder / "samoe-before-0004-20261101-080000.db", folder / "samoe-before-0005-20261130-090000.db"]
    others = [folder / "samoe-2-before-0005-20261201-090000.db", folder / "samoe-demo-before-0005-20261202-090000.db",
              folder / "samoe-notes.txt"]
    for n, path in enumerate([*mine, *others]):
        path.write_bytes(b"x")
        os.utime(path, (1_800_000_000 + n, 1_800_000_000 + n))
    assert backups_of(tmp_path / "samoe.db") == mine
    assert newest_backup(tmp_path / "samoe.db") == mine[-1]
    assert backups_of(tmp_path / "samoe-2.db") == [others[0]]
    assert newest_backup(tmp_path / "none.db") is None
    assert timestamped_backup_path(tmp_path / "samoe.db", "before-0006").name.startswith("samoe-before-0006-")
    with pytest.raises(ValueError):
        timestamped_backup_path(tmp_path / "samoe.db", "2-bad")
