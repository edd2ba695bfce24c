"""A lock between processes around one read-modify-write of a small file beside the
database (the unlock step's failure counts, the audit entries waiting for a writer): a lock
file made with O_EXCL (the same on Windows and Linux), removed afterwards."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

LOCK_WAIT = 5.0  # seconds another process may hold the lock before we go on anyway
STALE = 30.0  # a lock file older than this was left by a process that died


@contextmanager
def held(lock: Path, *, wait: float = LOCK_WAIT, stale: float = STALE) -> Iterator[bool]:
    """Hold ``lock`` (yields whether it was had). A lock left by a killed process is taken
    over once ``stale``; one not had within ``wait`` seconds, or in a folder where none can
    be made (read-only), does not stop the caller: its write must be whole on its own
    (an atomic replace, an append of whole lines)."""
    deadline = time.monotonic() + wait
    got = False
    while True:
        try:
            os.close(os.open(lock, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
            got = True
            break
        except FileExistsError:
            try:
                if time.time() - lock.stat().st_mtime > stale:
                    lock.unlink(missing_ok=True)
                    continue
            except OSError:
                continue
            if time.monotonic() > deadline:
                break
            time.sleep(0.005)
        except OSError:  # a read-only folder: go on without it
            break
    try:
        yield got
    finally:
        if got:
            lock.unlink(missing_ok=True)
