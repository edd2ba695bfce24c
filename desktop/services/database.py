"""Opening a database for use: resolve, refuse what we cannot read, upgrade (with backup)."""

from __future__ import annotations

import os

from desktop.store import migrate
from desktop.store.db import Database


def open_database(
    target: str | os.PathLike[str] | None = None, *, upgrade: bool = True
) -> tuple[Database, migrate.UpgradeResult | None]:
    """Open and (by default) migrate; raises migrate.SchemaError with a Thai message."""
    db = Database.open(target)
    try:
        result = migrate.upgrade(db) if upgrade else None
    except Exception:
        db.dispose()
        raise
    return db, result
