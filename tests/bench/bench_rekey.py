"""A re-key (``samoe db rekey``: services/rekey.py, store/rekey.py) of an encrypted demo
database, against bare baselines in the same run:

- the bare copy the re-key is built on: ``sqlcipher_export`` of the file into a new file
  under a new key, nothing else;
- SQLCipher's ``PRAGMA rekey`` in place on a copy of the file (rewrites every page through
  the rollback journal; the alternative that was measured and not chosen: a crash leaves
  one file whose pages are partly under each key until the journal is rolled back, and
  the keyring cannot be swapped in step with it);
- a plain file copy (the disk's own speed).

No pass/fail goal: the figure says how long an administrator waits after a suspension.

    python tests/bench/bench_rekey.py [--children 100000] [--work DIR]
"""

from __future__ import annotations

import argparse
import os
import secrets
import shutil
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from _common import DEFAULT_WORK, Row, text_table  # noqa: E402

PASSWORD = "bench-password-1234"


def _timed(fn):  # type: ignore[no-untyped-def]
    t = time.perf_counter()
    value = fn()
    return time.perf_counter() - t, value


def _make(path: Path, children: int) -> None:
    """An encrypted office (the administrator's keyring entry v2) with ``children``."""
    from datetime import date

    from desktop.services import keys
    from desktop.services.access import authenticate, sign_in
    from desktop.services.demo import fill_demo
    from desktop.services.office import init_office
    from desktop.services.users import create_first_admin
    from desktop.store import migrate
    from desktop.store.db import Database

    keys.start_encrypted(path)
    db = Database.open(path)
    try:
        migrate.upgrade(db)
        create_first_admin(db, "admin", PASSWORD)
        sign_in(db, authenticate(db, "admin", PASSWORD))
        with db.session() as s:
            init_office(s, name="เทศบาลตำบลทดสอบ", code="6300101", province="นครราชสีมา")
        fill_demo(db.engine, children=children, seed=1, today=date(2026, 11, 24))
    finally:
        db.dispose()  # the last connection folds the WAL into the file


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--children", type=int, default=100_000)
    parser.add_argument("--work", type=Path, default=DEFAULT_WORK)
    args = parser.parse_args(argv)

    from desktop.services import keys
    from desktop.services.access import authenticate, sign_in
    from desktop.services.rekey import rekey_database
    from desktop.store import cipher
    from desktop.store.db import Database

    work = args.work / "rekey"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    path = work / "office.db"
    _make(path, args.children)
    cipher._keys.clear()
    key = keys.unlock(path, "admin", PASSWORD)
    assert key is not None
    size_mb = path.stat().st_size / 1_048_576

    copy_s, _ = _timed(lambda: shutil.copyfile(path, work / "copied.db"))

    def bare_export() -> None:
        src = cipher.keyed_connect(path, key, isolation_level=None)
        src.execute(f"ATTACH DATABASE ? AS enc KEY \"x'{secrets.token_hex(32)}'\"", (str(work / "bare.db"),))
        src.execute("BEGIN IMMEDIATE")  # one transaction, as the re-key does
        src.execute("SELECT sqlcipher_export('enc')")
        src.execute("COMMIT")
        src.execute("DETACH DATABASE enc")
        src.close()

    bare_export()  # warm: the first export pays for loading and the OS cache
    (work / "bare.db").unlink()
    export_s, _ = _timed(bare_export)
    (work / "bare.db").unlink()

    def pragma_rekey() -> None:
        conn = cipher.keyed_connect(work / "copied.db", key, isolation_level=None)
        conn.execute("PRAGMA journal_mode = DELETE")
        conn.execute(f"PRAGMA rekey = \"x'{secrets.token_hex(32)}'\"")
        conn.close()

    in_place_s, _ = _timed(pragma_rekey)
    (work / "copied.db").unlink()

    db = Database.open(path)
    sign_in(db, authenticate(db, "admin", PASSWORD))
    rekey_s, result = _timed(lambda: rekey_database(db))
    again = keys.unlock(path, "admin", PASSWORD)
    assert again is not None and again != key and cipher.key_opens(path, again)
    rows = [
        Row(args.children, "db rekey (export, integrity, row hashes, keyring, audit)", rekey_s, export_s, "s"),
        Row(args.children, "bare sqlcipher_export to a new key", export_s, None, "s"),
        Row(args.children, "PRAGMA rekey in place (not used)", in_place_s, export_s, "s"),
        Row(args.children, "file copy", copy_s, None, "s"),
    ]
    print(f"{args.children:,} children, {result.rows:,} rows, {size_mb:,.1f} MB encrypted; "
          f"baseline: a bare sqlcipher_export (load {os.getloadavg()[0]:.1f})")
    print(text_table(rows))
    cipher._keys.clear()
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
