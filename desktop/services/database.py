"""Opening a database for use: resolve, refuse what we cannot use, upgrade (with backup).

What each kind of work may do with the file it is given:
- ``create``: only ``init`` (and ``demo``, the GUI's first start on its default path) may
  make a new database; every other command refuses a path that does not exist, and a
  zero-byte file, instead of reporting zero rows from a new empty registry.
- ``write``: work that writes checks the file first (SQLite ``quick_check``) and refuses a
  damaged file or a read-only medium; work that only reads opens a read-only medium
  immutable and reads it.
Every failure is a ``DatabaseFault`` or ``migrate.SchemaError`` with a Thai message.
"""

from __future__ import annotations

import os
from pathlib import Path

from desktop.i18n import _
from desktop.store import migrate
from desktop.store.db import Database, medium_is_read_only, resolve_url, sqlite_path
from desktop.store.faults import (
    DatabaseFault,
    DatabaseMissing,
    DatabaseReadOnly,
    classify,
    empty_message,
    missing_message,
    read_only_message,
)


def check_target(path: Path, *, create: bool = False, write: bool = True) -> bool:
    """Refuse what cannot be opened for this work; True when the medium is read-only."""
    if path.is_dir():
        raise DatabaseMissing(_("{path} เป็นโฟลเดอร์ ไม่ใช่ไฟล์ฐานข้อมูล โปรดระบุชื่อไฟล์ใน --db").format(path=path))
    if not path.exists():
        if not create:
            raise DatabaseMissing(missing_message(path))
        folder = path.parent
        if not folder.exists():
            try:
                folder.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise classify(exc, path) or DatabaseReadOnly(read_only_message(path)) from None
        if not os.access(folder, os.W_OK | os.X_OK):
            raise DatabaseReadOnly(read_only_message(path))
        return False
    if path.stat().st_size == 0 and not create:
        raise DatabaseMissing(empty_message(path))
    read_only = medium_is_read_only(path)
    if read_only and write:
        raise DatabaseReadOnly(read_only_message(path))
    if read_only and _has_unwritten_journal(path):
        raise DatabaseReadOnly(
            read_only_message(path) + _(" และมีบันทึกการเขียนที่ยังไม่รวมเข้าไฟล์ (-wal) "
                                        "ข้อมูลล่าสุดจึงอ่านไม่ได้ที่นี่ คัดลอกทั้งโฟลเดอร์ไปไว้ในที่ที่เขียนได้แล้วเปิดใหม่"))
    return read_only


def _has_unwritten_journal(path: Path) -> bool:
    wal = Path(f"{path}-wal")
    try:
        return wal.stat().st_size > 0
    except OSError:
        return False


def open_database(
    target: str | os.PathLike[str] | None = None, *, upgrade: bool = True, create: bool = False,
    write: bool = True, check: bool = True,
) -> tuple[Database, migrate.UpgradeResult | None]:
    """Open and (by default) migrate; raises migrate.SchemaError or DatabaseFault.

    ``check``: with ``write``, run SQLite's ``quick_check`` first (0.43 s for 100k
    children; the GUI skips it at start-up, a migration still runs it)."""
    url = resolve_url(target)
    path = sqlite_path(url)
    read_only = False
    if path is not None:
        read_only = check_target(path, create=create, write=write)
        if write and check and path.exists() and path.stat().st_size > 0:
            migrate.preflight(path)
            migrate.check_before_write(path)
    try:
        db = Database.open(url, read_only=read_only, create_folder=False)
    except DatabaseFault:
        raise
    except Exception as exc:
        raise (classify(exc, path) or exc) from None
    try:
        result = migrate.upgrade(db) if upgrade else None
    except (DatabaseFault, migrate.SchemaError):
        db.dispose()
        raise
    except Exception as exc:
        db.dispose()
        fault = classify(exc, path)
        if fault is None:
            raise
        raise fault from None
    return db, result
