"""``samoe db rekey`` killed with SIGKILL at random moments (issue 9): after each, the
file and its keyring open with the administrator's password (the old key or the new
one, never neither) and every row is there; a second re-key then finishes."""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from actors import TEST_PASSWORD
from fault_files import ROOT, cli, text

from desktop.store import cipher

ENC = {"SAMOE_NO_ENCRYPTION": "0", "SAMOE_PASSWORD": TEST_PASSWORD}
KILLS = int(os.environ.get("SAMOE_REKEY_KILLS", "6"))  # a longer run: SAMOE_REKEY_KILLS=100


@pytest.fixture(scope="module")
def office(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, tuple[int, str]]]:
    """An encrypted database of 1500 demo children (a re-key takes about a second) and
    the count and hash of every table's rows."""
    path = tmp_path_factory.mktemp("rekey") / "office.db"
    for args in (("init", "--office-name", "เทศบาลตำบลทดสอบ", "--office-code", "6300101"),
                 ("demo", "--children", "1500", "--seed", "4")):
        proc = cli("--db", path, *args, env=ENC)
        assert proc.returncode == 0, text(proc.stderr)
    return path, _digests(path)


def _digests(path: Path) -> dict[str, tuple[int, str]]:
    key = cipher.unwrap(path, "admin", TEST_PASSWORD)  # a stopped re-key's keyring is put in place
    assert cipher.key_opens(path, key)
    conn = cipher.keyed_connect(path, key)
    try:
        problems = [str(r[0]) for r in conn.execute("PRAGMA integrity_check")]
        digests = cipher.table_digests(conn)
    finally:
        conn.close()
    assert problems == ["ok"]
    for changing in ("audit_log", "app_user", "setting"):  # each login writes these
        digests.pop(changing, None)
    return digests


def test_killed_at_random_moments_it_leaves_a_file_and_keyring_that_open(
        office: tuple[Path, dict[str, tuple[int, str]]], tmp_path: Path) -> None:
    source, before = office
    rng = random.Random(11)
    env = {k: v for k, v in os.environ.items() if k != "SAMOE_DB"}
    env.update(ENC)
    seen = {"old key": 0, "new key": 0}
    for n in range(KILLS):
        folder = tmp_path / str(n)
        folder.mkdir()
        path = folder / "office.db"
        shutil.copy(source, path)
        shutil.copy(cipher.keyring_path(source), cipher.keyring_path(path))
        old_check = cipher.read_keyring(path).check  # type: ignore[union-attr]
        child = subprocess.Popen([sys.executable, "-m", "desktop.cli", "--db", str(path), "db", "rekey"],
                                 cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        # the login takes seconds under load: wait for the copy to start, then kill within
        # the time the copy, its check and the two renames take (about 0.5 s at 1500 children)
        copy = folder / ".office.db.rekeying"
        deadline = time.monotonic() + 60
        while not copy.exists() and child.poll() is None and time.monotonic() < deadline:
            time.sleep(0.005)
        time.sleep(rng.uniform(0.0, 0.5))
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=60)
        cipher._keys.clear()
        assert _digests(path) == before
        ring = cipher.read_keyring(path)
        assert ring is not None
        seen["old key" if ring.check == old_check else "new key"] += 1
        proc = cli("--db", path, "db", "rekey", env=ENC)  # the office goes on: a re-key finishes
        assert proc.returncode == 0, text(proc.stderr)
        cipher._keys.clear()
        assert _digests(path) == before
        assert cipher.read_keyring(path).check != old_check  # type: ignore[union-attr]
        assert not [p.name for p in folder.iterdir() if p.name.endswith((".rekeying", ".next"))]
    print("db rekey killed:", seen)
    assert sum(seen.values()) == KILLS
