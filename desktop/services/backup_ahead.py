"""The verified backup an import takes before it writes (services/backup.backup_before,
issue 9), made on a thread of its own while the clerk's list is still being read, checked
and matched (issue 13). No Qt.

    backup_ahead(bind_url, BEFORE_IMPORT)        # when an import's plan starts: a thread
    ...                                          # the plan reads only
    take_backup_before(bind_url, BEFORE_IMPORT)  # before the import's first write
    drop_backup_ahead(bind_url)                  # the clerk closed the import unwritten

Copying, checking (``quick_check``) and hashing a 100k-child registry takes ~1.5-2.5 s on
an office PC, which the clerk otherwise waits for after the list was checked. The work is
SQLite's and hashlib's, which let go of Python's lock, so it runs on the PC's second core
while the plan runs on the first.

**The backup is the database as the import finds it, or it is not used.** A connection of
its own (the watcher) reads ``PRAGMA data_version`` before the copy starts; SQLite changes
that number when any other connection, of this program or another, commits. When the
import is about to write and the number is still the same, nothing changed since the copy
began and the backup is the one it would take now. Otherwise (someone saved a child in
between), or when the thread failed for any reason but a damaged database, the backup is
taken again there and then, as before. A damaged database is said as ``backup_before``
says it (DatabaseDamaged). A new plan of the same database reuses the backup under way
unless the database changed; a stale one under way is cancelled.

Nothing here on other databases (PostgreSQL) or with automatic backups off, as
``backup_before``."""

from __future__ import annotations

import atexit
import contextlib
import threading
from concurrent.futures import Future
from pathlib import Path

from desktop.services.backup import BackupInfo, auto_backups_on, backup_before, create_backup
from desktop.services.progress import Cancelled, Progress
from desktop.store import cipher
from desktop.store.backup import remove_backup
from desktop.store.faults import DatabaseDamaged

_lock = threading.Lock()
_pending: dict[Path, _Ahead] = {}


class _Ahead:
    """One backup under way (or made) on a thread, and the watcher that says whether the
    database changed since it began."""

    def __init__(self, path: Path, label: str) -> None:
        self.path, self.label = path, label
        self.progress = Progress()  # cancelled when the backup is no longer wanted
        self.watcher = cipher.connect(path, check_same_thread=False)
        try:
            self.version = self._version()
        except BaseException:
            self.close()
            raise
        self.future: Future[BackupInfo] = Future()
        threading.Thread(target=self._run, name="samoe-backup-ahead", daemon=True).start()

    def _run(self) -> None:
        if not self.future.set_running_or_notify_cancel():
            return
        try:
            self.future.set_result(create_backup(self.path, label=self.label, progress=self.progress))
        except BaseException as exc:  # noqa: BLE001 - handed to whoever takes it
            self.future.set_exception(exc)

    def _version(self) -> int:
        return int(self.watcher.execute("PRAGMA data_version").fetchone()[0])

    def unchanged(self) -> bool:
        """No other connection committed since the copy began."""
        try:
            return self._version() == self.version
        except cipher.DatabaseError:
            return False

    def close(self) -> None:
        with contextlib.suppress(cipher.DatabaseError):
            self.watcher.close()


def _path_of(bind_url: str) -> Path | None:
    if not auto_backups_on():
        return None
    from desktop.store.db import sqlite_path

    path = sqlite_path(bind_url)
    if path is None or not path.is_file() or path.stat().st_size == 0:
        return None
    return path.resolve()


def backup_ahead(bind_url: str, label: str) -> None:
    """Start the backup an import will take before it writes (module docstring); a backup of
    the same database under way, or made, is kept when the database has not changed since."""
    path = _path_of(bind_url)
    if path is None:
        return
    with _lock:
        old = _pending.pop(path, None)
        if old is not None and old.label == label and old.unchanged():
            _pending[path] = old
            return
        if old is not None:  # stale: ended first, so the new one never takes its file's name
            _drop(old, wait=True)
        with contextlib.suppress(*cipher.DatabaseError):  # cannot be watched: taken when the import writes
            _pending[path] = _Ahead(path, label)


def take_backup_before(bind_url: str, label: str) -> BackupInfo | None:
    """The backup before the import's first write: the one ``backup_ahead`` began when the
    database has not changed since (waiting for it to end), else ``backup_before``'s now.
    Raises as ``backup_before`` does."""
    path = _path_of(bind_url)
    with _lock:
        ahead = _pending.pop(path, None) if path is not None else None
    if ahead is not None:
        try:
            info = ahead.future.result()
        except DatabaseDamaged:
            ahead.close()
            raise
        except (Cancelled, OSError, *cipher.DatabaseError):  # taken again below, to say it as before
            info = None
        try:
            if info is not None and ahead.label == label and ahead.unchanged():
                return info
        finally:
            ahead.close()
    return backup_before(bind_url, label)


def drop_backup_ahead(bind_url: str, *, wait: bool = False) -> None:
    """The import was closed without writing: its backup is cancelled, or removed when made
    (it would take the place of a backup before a real import among the ten kept).
    ``wait``: until the thread has ended (a command about to exit)."""
    path = _path_of(bind_url)
    with _lock:
        ahead = _pending.pop(path, None) if path is not None else None
    if ahead is not None:
        _drop(ahead, wait=wait)


@atexit.register
def _drop_all() -> None:
    """The program ends: no backup is left half-written (its thread would die mid-copy)."""
    with _lock:
        left = list(_pending.values())
        _pending.clear()
    for ahead in left:
        _drop(ahead, wait=True)


def _drop(ahead: _Ahead, *, wait: bool = False) -> None:
    """Cancel ``ahead`` and remove its backup if it was made. ``wait``: here, before this
    returns (a new backup then never gets the name of one still being made)."""
    ahead.progress.cancel()
    if wait:
        try:
            info: BackupInfo | None = ahead.future.result(timeout=60)
        except BaseException:  # noqa: BLE001 - cancelled, failed or slow: nothing to remove
            info = None
        _forget(ahead, info)
        return
    ahead.future.add_done_callback(
        lambda f: _forget(ahead, None if f.cancelled() or f.exception() is not None else f.result()))


def _forget(ahead: _Ahead, info: BackupInfo | None) -> None:
    ahead.close()
    if info is not None:
        with contextlib.suppress(OSError):
            remove_backup(info.path)
