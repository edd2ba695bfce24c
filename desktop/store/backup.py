"""Backups of a SQLite database with the online backup API (never a file copy)."""

from __future__ import annotations

import re
import sqlite3
from datetime import datetime
from pathlib import Path

from desktop.atomic import atomic_path


def backup_sqlite(source: Path, dest: Path) -> Path:
    """Copy a live SQLite database to ``dest`` atomically (temp file, fsync, replace)."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    with atomic_path(dest) as tmp:
        src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
        try:
            out = sqlite3.connect(tmp)
            try:
                src.backup(out)
                out.execute("PRAGMA journal_mode=DELETE")
            finally:
                out.close()
        finally:
            src.close()
    return dest


# A label is a word and at most one more part: "before-0005", "manual". It never starts with
# a digit, so the backups of "samoe-2.db" are not taken for those of "samoe.db".
_LABEL = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)?")


def timestamped_backup_path(db_path: Path, label: str) -> Path:
    if not _LABEL.fullmatch(label):
        raise ValueError(f"backup label {label!r}")
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    return db_path.parent / "backups" / f"{db_path.stem}-{label}-{stamp}.db"


def backups_of(db_path: Path) -> list[Path]:
    """The backups made of ``db_path`` (by timestamped_backup_path), oldest first."""
    name = re.compile(re.escape(db_path.stem) + rf"-{_LABEL.pattern}-\d{{8}}-\d{{6}}\.db")
    folder = db_path.parent / "backups"
    try:
        found = [p for p in folder.iterdir() if name.fullmatch(p.name) and p.is_file()]
    except OSError:
        return []
    return sorted(found, key=lambda p: (p.stat().st_mtime, p.name))
