"""An unlucky office against ``samoe db encrypt`` (issue 9): killed at random moments, the
file open in another program, a read-only folder, a full disk. After each, the plain file
is there exactly as it was, or the encrypted one is complete: never neither."""

from __future__ import annotations

import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from actors import TEST_PASSWORD
from fault_files import DROP_CAPS, ROOT, assert_clean_failure, can_unshare_mounts, cli, text

from desktop.store import cipher

PLAIN = {"SAMOE_NO_ENCRYPTION": "1", "SAMOE_PASSWORD": TEST_PASSWORD}
KILLS = int(os.environ.get("SAMOE_ENCRYPT_KILLS", "6"))  # a longer run: SAMOE_ENCRYPT_KILLS=100


@pytest.fixture(scope="module")
def plain_office(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, tuple[int, str]]]:
    """A plain database of 1500 demo children (db encrypt takes about a second) and the
    count and hash of every table's rows."""
    path = tmp_path_factory.mktemp("encrypt") / "office.db"
    for args in (("init", "--office-name", "เทศบาลตำบลทดสอบ", "--office-code", "6300101"),
                 ("demo", "--children", "1500", "--seed", "4"), ("stats",)):
        proc = cli("--db", path, *args, env=PLAIN)
        assert proc.returncode == 0, text(proc.stderr)
    return path, _digests(path, None)


def _digests(path: Path, key: bytes | None) -> dict[str, tuple[int, str]]:
    conn = sqlite3.connect(path) if key is None else cipher.keyed_connect(path, key)
    try:
        digests = cipher.table_digests(conn)
    finally:
        conn.close()
    digests.pop("audit_log", None)  # each login adds an entry
    digests.pop("app_user", None)  # and notes its time
    digests.pop("setting", None)  # the audit chain's head
    return digests


def _state(path: Path, before: dict[str, tuple[int, str]]) -> str:
    """'plain' or 'encrypted' when the file holds every row of ``before``; else fails."""
    with open(path, "rb") as f:
        plain = f.read(16) == cipher.PLAIN_HEADER
    if plain:
        assert _digests(path, None) == before
        return "plain"
    key = cipher.unwrap(path, "admin", TEST_PASSWORD)
    assert _digests(path, key) == before
    return "encrypted"


def _copy(source: Path, to: Path) -> Path:
    to.mkdir(parents=True, exist_ok=True)
    path = to / "office.db"
    shutil.copy(source, path)
    return path


def test_killed_at_random_moments_it_leaves_the_plain_file_or_a_complete_encrypted_one(
        plain_office: tuple[Path, dict[str, tuple[int, str]]], tmp_path: Path) -> None:
    source, before = plain_office
    rng = random.Random(9)
    seen: dict[str, int] = {}
    env = {k: v for k, v in os.environ.items() if k != "SAMOE_DB"}
    env.update(PLAIN)
    for n in range(KILLS):
        path = _copy(source, tmp_path / str(n))
        child = subprocess.Popen([sys.executable, "-m", "desktop.cli", "--db", str(path), "db", "encrypt"],
                                 cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        time.sleep(rng.uniform(0.4, 1.6))
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=60)
        state = _state(path, before)
        seen[state] = seen.get(state, 0) + 1
        # and the office can go on: a second db encrypt finishes the work
        proc = cli("--db", path, "db", "encrypt", env=PLAIN)
        assert proc.returncode == 0, text(proc.stderr)
        assert _state(path, before) == "encrypted"
        assert not [p.name for p in path.parent.iterdir() if p.name.endswith(".encrypting")]
    print("db encrypt killed:", seen)
    assert sum(seen.values()) == KILLS, seen


def test_a_file_open_in_another_program_is_not_swapped_under_it(
        plain_office: tuple[Path, dict[str, tuple[int, str]]], tmp_path: Path) -> None:
    """Another program (the window, a second terminal) has the database open: replacing
    the file under it would send its next writes to a removed file. Refused (exit 7)."""
    source, before = plain_office
    path = _copy(source, tmp_path)
    other = sqlite3.connect(path)
    try:
        other.execute("SELECT count(*) FROM child").fetchone()
        proc = cli("--db", path, "db", "encrypt", env={**PLAIN, "SAMOE_BUSY_TIMEOUT": "1"})
        if proc.returncode == 0:  # it went on: the other program's write must not be lost
            other.execute("INSERT INTO setting (key, value) VALUES ('hostile.probe', 'x')")
            other.commit()
            key = cipher.unwrap(path, "admin", TEST_PASSWORD)
            conn = cipher.keyed_connect(path, key)
            try:
                found = conn.execute("SELECT value FROM setting WHERE key = 'hostile.probe'").fetchall()
            finally:
                conn.close()
            assert found, "the other program's write went to the replaced plain file"
        else:
            assert_clean_failure(proc, code=7)
            assert _state(path, before) == "plain"
            assert not cipher.keyring_path(path).exists()
    finally:
        other.close()


def test_a_read_only_folder_leaves_the_plain_file(
        plain_office: tuple[Path, dict[str, tuple[int, str]]], tmp_path: Path) -> None:
    source, before = plain_office
    path = _copy(source, tmp_path / "ro")
    path.parent.chmod(0o555)
    try:
        proc = cli("--db", path, "db", "encrypt", env=PLAIN, prefix=DROP_CAPS)
        assert_clean_failure(proc)
        assert proc.returncode in (6, 1), (proc.returncode, text(proc.stderr))
    finally:
        path.parent.chmod(0o755)
    assert _state(path, before) == "plain"
    assert not cipher.keyring_path(path).exists()


@pytest.mark.skipif(not can_unshare_mounts(), reason="needs root and unshare to mount a tmpfs")
def test_a_full_disk_leaves_the_plain_file(plain_office: tuple[Path, dict[str, tuple[int, str]]],
                                           tmp_path: Path) -> None:
    source, before = plain_office
    size = source.stat().st_size
    mnt = tmp_path / "mnt"
    mnt.mkdir()
    script = ('mount -t tmpfs -o size=$3 tmpfs "$1" && cp "$2" "$1/office.db" && '
              '"$PY" -m desktop.cli --db "$1/office.db" db encrypt; echo "rc=$?" >&2; '
              'cp "$1/office.db" "$4/after.db"; ls -a "$1"')
    proc = subprocess.run(["unshare", "-m", "sh", "-c", script, "sh", str(mnt), str(source),
                           str(size + size // 2), str(tmp_path)], capture_output=True, timeout=300,
                          cwd=ROOT, env={**os.environ, **PLAIN, "PY": sys.executable})
    err = text(proc.stderr)
    assert "Traceback" not in err, err[-2000:]
    assert "rc=9" in err, err[-2000:]
    assert _state(tmp_path / "after.db", before) == "plain"
    assert sorted(text(proc.stdout).split()) == [".", "..", "office.db"], text(proc.stdout)


def test_the_recovery_key_is_out_before_the_backups_are_converted(
        plain_office: tuple[Path, dict[str, tuple[int, str]]], tmp_path: Path) -> None:
    """The database is encrypted the moment its file is replaced; the backups beside it are
    converted after that and may take minutes. A power cut or a kill then must not leave
    an encrypted database whose recovery key was never shown (output to a file or pipe is
    buffered: it must be flushed)."""
    import re
    import threading

    source, _before = plain_office
    path = _copy(source, tmp_path)
    for _ in range(4):
        proc = cli("--db", path, "backup", "create", tmp_path / "backups", env=PLAIN)
        assert proc.returncode == 0, text(proc.stderr)
    env = {k: v for k, v in os.environ.items() if k != "SAMOE_DB"}
    env.update(PLAIN)
    env.pop("PYTHONUNBUFFERED", None)  # buffered, as a script's redirect is
    child = subprocess.Popen([sys.executable, "-m", "desktop.cli", "--db", str(path), "db", "encrypt"],
                             cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    assert child.stdout is not None
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.extend(iter(lambda: child.stdout.read1(4096), b"")))  # type: ignore[union-attr]
    reader.start()
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        with open(path, "rb") as f:
            if f.read(16) != cipher.PLAIN_HEADER:
                break
        time.sleep(0.01)
    time.sleep(0.3)
    converting = child.poll() is None
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=60)
    reader.join(timeout=10)
    assert converting, "the backups were converted too fast for this test"
    assert re.search(r"(?:[0-9A-Z]{5}-){12}[0-9A-Z]{5}", text(b"".join(got))), text(b"".join(got))
