"""Backups of a SQLite database with the online backup API (never a file copy), each one
verified after writing and the verification recorded beside it.

A backup is made in one read transaction of the source: the row count of every table is
read in that snapshot, then the backup API copies the same snapshot (other connections
may go on writing meanwhile: WAL). The copy is then checked before it takes its name:
``PRAGMA integrity_check`` is ok and every table holds the counted rows. Its SHA-256 goes
into a small JSON manifest written atomically next to it (``<backup>.json``); a backup
with a manifest whose ``ok`` is true is a *good* backup.

Encryption: every connection is made by a ``Connect`` function. The default opens plain
SQLite; an encrypted database (SQLCipher) passes one that applies the same key to both
the source and the copy (``PRAGMA key``), so the online backup API writes an encrypted
copy: a backup never holds the data in clear when the database does not.
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import re
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, Protocol

from desktop.atomic import atomic_path, write_bytes
from desktop.store import cipher

MANIFEST_SUFFIX = ".json"
MANIFEST_VERSION = 1
PAGES_PER_STEP = 256  # ~1 MiB a step at 4 KiB pages: progress and cancel between steps


class Connect(Protocol):
    """Opens a connection to ``path`` (read-only for a source), the key applied if any."""

    def __call__(self, path: Path, *, read_only: bool) -> Any: ...


def plain_connect(path: Path, *, read_only: bool) -> sqlite3.Connection:
    if read_only:
        from desktop.store.db import medium_is_read_only

        uri = f"{path.as_uri()}?mode=ro" + ("&immutable=1" if medium_is_read_only(path) else "")
        return sqlite3.connect(uri, uri=True, isolation_level=None, timeout=10)
    return sqlite3.connect(str(path), isolation_level=None, timeout=10)


def keyed_connector(key: bytes) -> Connect:
    """Connections with ``key`` (SQLCipher) for a source and its copy alike."""

    def connect(path: Path, *, read_only: bool) -> Any:
        if read_only:
            from desktop.store.db import medium_is_read_only

            uri = f"{path.resolve().as_uri()}?mode=ro" + (
                "&immutable=1" if medium_is_read_only(path) else "")
            return cipher.keyed_connect(uri, key, uri=True, isolation_level=None, timeout=10)
        return cipher.keyed_connect(path, key, isolation_level=None, timeout=10)

    return connect


def connect_for(db_path: Path) -> Connect:
    """How to open ``db_path`` and its copies: plain, or with the key store/cipher.py
    remembers for it (the copy of an encrypted database is encrypted with its key)."""
    key = cipher.key_for(db_path)
    return plain_connect if key is None else keyed_connector(key)


class BackupFailed(Exception):
    """The copy did not verify (or the source could not be read); nothing was kept.
    ``problems``: what was wrong (technical, for the log and the message's detail)."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class Manifest:
    """What was verified about one backup, as written beside it."""

    file: str
    label: str
    created: str  # local time, ISO
    source: str
    sha256: str
    size: int
    integrity: str
    counts: dict[str, int]
    revision: str | None
    encrypted: bool
    ok: bool

    def to_json(self) -> bytes:
        data = {"version": MANIFEST_VERSION, **self.__dict__}
        # a file name that is not UTF-8 (its bytes as surrogates) goes back to its bytes
        return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True).encode("utf-8", "surrogateescape")

    @property
    def created_at(self) -> datetime:
        return datetime.fromisoformat(self.created)

    @classmethod
    def from_json(cls, raw: bytes) -> Manifest:
        data = json.loads(raw.decode("utf-8", "surrogateescape"))
        if not isinstance(data, dict):
            raise ValueError("manifest is not an object")
        counts = data.get("counts") or {}
        return cls(
            file=str(data["file"]), label=str(data.get("label", "")), created=str(data["created"]),
            source=str(data.get("source", "")), sha256=str(data["sha256"]), size=int(data["size"]),
            integrity=str(data.get("integrity", "")),
            counts={str(k): int(v) for k, v in dict(counts).items()},
            revision=None if data.get("revision") is None else str(data["revision"]),
            encrypted=bool(data.get("encrypted", False)), ok=bool(data.get("ok", False)),
        )


def manifest_path(backup: Path) -> Path:
    return backup.with_name(backup.name + MANIFEST_SUFFIX)


def read_manifest(backup: Path) -> Manifest | None:
    """The manifest beside ``backup``; None when there is none or it cannot be read."""
    try:
        return Manifest.from_json(manifest_path(backup).read_bytes())
    except (OSError, ValueError, KeyError, TypeError):
        return None


def write_manifest(backup: Path, manifest: Manifest) -> Path:
    target = manifest_path(backup)
    write_bytes(target, manifest.to_json())
    return target


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def table_counts(conn: Any) -> dict[str, int]:
    """Rows in every ordinary table (FTS shadow tables included, virtual tables not)."""
    names = [str(r[0]) for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name")]
    return {n: int(conn.execute(f"SELECT count(*) FROM {_quote(n)}").fetchone()[0]) for n in names}


def _revision(conn: Any) -> str | None:
    try:
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    except cipher.DatabaseError:
        return None
    return None if row is None else str(row[0])


def integrity(conn: Any, limit: int = 20, *, quick: bool = False) -> list[str]:
    """``PRAGMA integrity_check`` (``quick``: ``quick_check``, every page and record but not
    that each index matches its table): [] when ok."""
    pragma = "quick_check" if quick else "integrity_check"
    try:
        rows = [str(r[0]) for r in conn.execute(f"PRAGMA {pragma}({int(limit)})")]
    except cipher.DatabaseError as exc:
        return [str(exc)]
    return [] if rows == ["ok"] else rows


Step = Callable[[int, int], None]  # (pages done, pages in all); may raise to cancel


def backup_sqlite(source: Path, dest: Path, *, label: str = "", connect: Connect | None = None,
                  encrypted: bool = False, step: Step | None = None, quick: bool = False) -> Path:
    """Copy a live SQLite database to ``dest`` with the online backup API, verify the
    copy (integrity, row counts of the same snapshot) and write its manifest.

    ``dest`` appears only once verified (temp file, fsync, rename); raises BackupFailed
    (nothing left behind) when the copy does not verify, and whatever ``step`` raises
    (a cancel) likewise. ``quick``: SQLite's ``quick_check`` instead of the full
    ``integrity_check`` (0.7 s against 25 s for 245 MB, 100k children, on a loaded 2-core
    VM), for the backups a clerk waits for; the manifest says which ran."""
    source, dest = Path(source), Path(dest)
    if connect is None:
        connect = connect_for(source)
    dest.parent.mkdir(parents=True, exist_ok=True)
    if not label:
        label = _label_of(dest)
    with atomic_path(dest) as tmp:
        src = connect(source, read_only=True)
        try:
            src.execute("BEGIN")  # one snapshot for the counts and the copy
            try:
                counts = table_counts(src)
                revision = _revision(src)
            except cipher.DatabaseError as exc:
                raise BackupFailed([f"source: {exc}"]) from None
            out = connect(tmp, read_only=False)
            try:
                # a temporary file: no journal and no sync per step (one fsync of the whole
                # file before it takes its name, in atomic_path); 245 MB took 78 s with a
                # journal and a sync after each of its ~240 steps
                out.execute("PRAGMA journal_mode=OFF")
                out.execute("PRAGMA synchronous=OFF")
                def progress(_status: int, remaining: int, total: int) -> None:
                    if step is not None:
                        step(total - remaining, total)

                try:
                    src.backup(out, pages=PAGES_PER_STEP, progress=progress)
                except cipher.DatabaseError as exc:
                    if "disk is full" in str(exc):  # SQLITE_FULL: the copy's disk, not a damaged source
                        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(dest.parent)) from None
                    raise BackupFailed([f"source: {exc}"]) from None
                out.execute("PRAGMA journal_mode=DELETE")
                problems = verify_connection(out, counts, quick=quick)
            finally:
                out.close()
        finally:
            src.close()
        if problems:
            raise BackupFailed(problems)
        digest, size = sha256_of(tmp), tmp.stat().st_size
        encrypted = encrypted or cipher.is_encrypted(tmp)
    manifest = Manifest(
        file=dest.name, label=label, created=datetime.now().isoformat(timespec="seconds"),
        source=str(source), sha256=digest, size=size,
        integrity="quick_check ok" if quick else "integrity_check ok", counts=counts,
        revision=revision, encrypted=encrypted, ok=True)
    write_manifest(dest, manifest)
    return dest


def verify_connection(conn: Any, counts: dict[str, int] | None, *, quick: bool = False) -> list[str]:
    """Problems of an open copy: integrity, and rows per table against ``counts``."""
    problems = [f"integrity: {p}" for p in integrity(conn, quick=quick)]
    if problems or counts is None:
        return problems
    try:
        found = table_counts(conn)
    except cipher.DatabaseError as exc:
        return [f"counts: {exc}"]
    for table in sorted(set(counts) | set(found)):
        if counts.get(table) != found.get(table):
            problems.append(f"counts: {table} {found.get(table)} != {counts.get(table)}")
    return problems


@dataclass(frozen=True)
class Verification:
    path: Path
    manifest: Manifest | None
    problems: list[str]  # technical, first word the kind: missing, hash, integrity, counts

    @property
    def ok(self) -> bool:
        return not self.problems


def verify_backup(path: Path, *, connect: Connect = plain_connect, full: bool = True) -> Verification:
    """Check a backup against its manifest: the SHA-256, then (``full``) integrity and row
    counts. A backup without a manifest is checked for integrity only and says so."""
    path = Path(path)
    if not path.is_file():
        return Verification(path, None, ["missing: the file does not exist"])
    manifest = read_manifest(path)
    problems: list[str] = []
    if manifest is None:
        # a manifest there but unreadable is damaged or replaced, not an older program's backup
        problems.append("unreadable: the manifest cannot be read" if manifest_path(path).exists()
                        else "unverified: no manifest")
    elif not manifest.ok:
        problems.append("marked: the manifest says this copy is not good")
    elif sha256_of(path) != manifest.sha256:
        problems.append("hash: the file changed since it was verified")
    if problems and problems[0].startswith(("marked", "hash")):
        return Verification(path, manifest, problems)
    if full:
        try:
            conn = connect(path, read_only=True)
        except cipher.Error as exc:
            return Verification(path, manifest, [*problems, f"integrity: {exc}"])
        try:
            problems += verify_connection(conn, manifest.counts if manifest else None)
        finally:
            conn.close()
    return Verification(path, manifest, problems)


# A label is a word and at most one more part: "before-0005", "daily", "before-import". It
# never starts with a digit, so the backups of "samoe-2.db" are not taken for those of
# "samoe.db". A second backup with the same label in the same second gets "-2", "-3".
_LABEL = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)?")
_STAMP = r"\d{8}-\d{6}(?:-\d{1,3})?"


def timestamped_backup_path(db_path: Path, label: str, folder: Path | None = None) -> Path:
    """``backups/<stem>-<label>-<YYYYmmdd-HHMMSS>.db`` beside the database (or in ``folder``)."""
    if not _LABEL.fullmatch(label):
        raise ValueError(f"backup label {label!r}")
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    where = folder if folder is not None else db_path.parent / "backups"
    path = where / f"{db_path.stem}-{label}-{stamp}.db"
    n = 2
    while path.exists() and n < 1000:
        path = where / f"{db_path.stem}-{label}-{stamp}-{n}.db"
        n += 1
    return path


def _label_of(path: Path) -> str:
    match = re.fullmatch(rf".*?-({_LABEL.pattern})-{_STAMP}\.db", path.name)
    return match.group(1) if match else ""


def stamp_of(backup: Path) -> datetime | None:
    """When a backup was made, from its name (for one with no manifest)."""
    match = re.fullmatch(r".*-(\d{8}-\d{6})(?:-\d{1,3})?\.db", backup.name)
    try:
        return datetime.strptime(match.group(1), "%Y%m%d-%H%M%S") if match else None
    except ValueError:
        return None


def label_of(db_path: Path, backup: Path) -> str:
    """The label of one of ``db_path``'s backups ("" when the name is not one)."""
    match = re.fullmatch(re.escape(db_path.stem) + rf"-({_LABEL.pattern})-{_STAMP}\.db", backup.name)
    return match.group(1) if match else ""


def backups_of(db_path: Path, folder: Path | None = None) -> list[Path]:
    """The backups made of ``db_path`` (by timestamped_backup_path), oldest first."""
    name = re.compile(re.escape(db_path.stem) + rf"-{_LABEL.pattern}-{_STAMP}\.db")
    where = folder if folder is not None else db_path.parent / "backups"
    try:
        found = [p for p in where.iterdir() if name.fullmatch(p.name) and p.is_file()]
    except OSError:
        return []

    return sorted(found, key=made_key)


def made_key(p: Path) -> tuple[float, int, str]:
    """When a backup was made: the stamp in its name (a copy's mtime is the copying's)."""
    stamp = stamp_of(p)
    if stamp is not None:
        when = stamp.timestamp()
    else:
        try:
            when = p.stat().st_mtime
        except OSError:
            when = 0.0
    match = re.search(r"-\d{6}-(\d{1,3})\.db$", p.name)
    return (when, int(match.group(1)) if match else 1, p.name)


def good_backups_of(db_path: Path, folder: Path | None = None) -> list[Path]:
    """Backups whose manifest says verified (hash not re-read here), oldest first."""
    good = []
    for p in backups_of(db_path, folder):
        m = read_manifest(p)
        if m is not None and m.ok:
            try:
                if p.stat().st_size == m.size:
                    good.append(p)
            except OSError:
                continue
    return good


def remove_backup(path: Path) -> None:
    """A backup, its manifest and (an encrypted database's) keyring beside it."""
    for p in (path, manifest_path(path), cipher.keyring_path(path)):
        p.unlink(missing_ok=True)


def raw_copy(source: Path, dest: Path) -> Path:
    """A byte copy of a file the backup API cannot read (a damaged database), with its
    ``-wal`` beside it; a manifest marks it not good, so it is never offered for restore."""
    from desktop.atomic import copy_file

    dest.parent.mkdir(parents=True, exist_ok=True)
    copy_file(source, dest)
    wal = Path(f"{source}-wal")
    if wal.exists() and wal.stat().st_size > 0:
        copy_file(wal, Path(f"{dest}-wal"))
    write_manifest(dest, Manifest(
        file=dest.name, label=_label_of(dest), created=datetime.now().isoformat(timespec="seconds"),
        source=str(source), sha256=sha256_of(dest), size=dest.stat().st_size, integrity="damaged",
        counts={}, revision=None, encrypted=False, ok=False))
    return dest


def fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
