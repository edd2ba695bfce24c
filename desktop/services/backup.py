"""Backups of the office's database file: when they are made, how many are kept, which
one is good, and restoring one. No Qt.

When: daily at the first start of the day (the window, on a worker), before every
migration (store/migrate.py), before every import and every undo of an import
(``backup_before``), before a restore (the file being replaced), and whenever the clerk
asks (``samoe backup create DIR``, File › Back up). Each is verified after writing
(store/backup.py: integrity, row counts of the same snapshot, SHA-256 in a manifest).

Retention, in ``backups/`` beside the database (``prune``): the last 7 daily backups (a
week: a mistake noticed within a week can still be undone from the day before it) and
the last 10 event backups (before an import, an undo, a restore, a migration: the last
10 bulk changes can each be taken back), counted among the good ones only, so a run of
failed backups never pushes a good one out; the 3 newest copies of a damaged file (kept
for a technician, never offered for restore). The newest good backup is never removed.
Backups written to another folder (a USB stick) are the clerk's and never pruned.

Encryption: every SQLite connection of a backup or a restore is made by
``connect_for(db_path)``: plain SQLite, or, when the database is encrypted (SQLCipher), a
connection with the database's key (store/cipher.py remembers it while the file is open)
applied to the source and to the copy alike, so the online backup API writes a copy
encrypted with the same key (``Manifest.encrypted``) and a restore needs no new keyring.

Only SQLite files are backed up here; PostgreSQL at the province is backed up by its server.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import json
import logging
import os
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.i18n import _
from desktop.services.progress import Progress
from desktop.store import cipher
from desktop.store.backup import (
    BackupFailed,
    Connect,
    Manifest,
    Verification,
    backup_sqlite,
    backups_of,
    label_of,
    made_key,
    raw_copy,
    read_manifest,
    remove_backup,
    sha256_of,
    stamp_of,
    timestamped_backup_path,
    verify_backup,
)
from desktop.store.faults import DatabaseBusy, DatabaseDamaged, DatabaseFault, DatabaseMissing

if TYPE_CHECKING:
    from desktop.store.db import Database

log = logging.getLogger(__name__)

DAILY, MANUAL = "daily", "manual"
BEFORE_IMPORT, BEFORE_UNDO, BEFORE_RESTORE = "before-import", "before-undo", "before-restore"
DAMAGED = "damaged"
BACKUP_ACTION, RESTORE_ACTION = "backup", "restore"  # audit log actions
QUICK_LABELS = frozenset({BEFORE_IMPORT, BEFORE_UNDO, BEFORE_RESTORE})
KEEP_DAILY, KEEP_EVENTS, KEEP_DAMAGED = 7, 10, 3
EXTERNAL_NOTE = "external-backups.json"  # in backups/: the last backups made to other folders


def auto_backups_on() -> bool:
    """``SAMOE_AUTO_BACKUP=0`` turns the automatic backups off (benchmarks only)."""
    return os.environ.get("SAMOE_AUTO_BACKUP", "1") != "0"


def connect_for(db_path: Path) -> Connect:
    """How to open ``db_path`` and its copies: with the key store/cipher.py remembers for
    an encrypted database (its backups are encrypted with the same key), else plain."""
    from desktop.store.backup import connect_for as store_connect_for

    return store_connect_for(db_path)


def backup_folder(db_path: Path) -> Path:
    return db_path.parent / "backups"


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    label: str
    at: datetime  # local time it was made (manifest; else the file's time)
    size: int
    state: str  # "good" (verified when written), "unverified" (no manifest), "bad"
    children: int | None = None

    @property
    def good(self) -> bool:
        return self.state == "good"


def info_of(path: Path, label: str = "") -> BackupInfo:
    manifest = read_manifest(path)
    try:
        stat = path.stat()
        size, mtime = stat.st_size, datetime.fromtimestamp(stat.st_mtime)
    except OSError:
        size, mtime = 0, datetime.fromtimestamp(0)
    if manifest is None:
        return BackupInfo(path, label, stamp_of(path) or mtime, size, "unverified")
    try:
        at = manifest.created_at
    except ValueError:
        at = mtime
    state = "good" if manifest.ok and manifest.size == size else "bad"
    return BackupInfo(path, label or manifest.label, at, size, state, manifest.counts.get("child"))


def label_text(label: str) -> str:
    """The kind of a backup in words."""
    known = {DAILY: _("สำรองประจำวัน"), MANUAL: _("สำรองด้วยตนเอง"), BEFORE_IMPORT: _("ก่อนนำเข้า"),
             BEFORE_UNDO: _("ก่อนยกเลิกการนำเข้า"), BEFORE_RESTORE: _("ก่อนกู้คืน"),
             DAMAGED: _("สำเนาไฟล์ที่เสียหาย")}
    if label in known:
        return known[label]
    if label.startswith("before-"):
        return _("ก่อนปรับรุ่นฐานข้อมูลเป็น {revision}").format(revision=label.removeprefix("before-"))
    return label


def state_text(state: str) -> str:
    return {"good": _("ตรวจแล้ว ใช้ได้"), "unverified": _("ยังไม่ได้ตรวจ"), "bad": _("ใช้ไม่ได้")}.get(state, state)


# ---------------------------------------------------------------------------- making


def _refuse_missing(db_path: Path) -> None:
    if not db_path.is_file() or db_path.stat().st_size == 0:
        from desktop.store.faults import empty_message, missing_message

        raise DatabaseMissing(missing_message(db_path) if not db_path.exists() else empty_message(db_path))


def failed_message(db_path: Path, problems: list[str]) -> str:
    return _("สำรองฐานข้อมูล {path} ไม่สำเร็จ: สำเนาที่ได้ตรวจไม่ผ่าน ({detail}) ไม่ได้เก็บสำเนานี้ไว้ "
             "ฐานข้อมูลอาจเสียหาย ตรวจได้จากคำสั่ง samoe db check").format(
        path=db_path, detail=(problems[0] if problems else "")[:200])


def create_backup(db_path: Path, *, label: str = MANUAL, folder: Path | None = None,
                  progress: Progress | None = None, quick: bool | None = None,
                  prune_after: bool = True) -> BackupInfo:
    """Back ``db_path`` up into ``folder`` (default: ``backups/`` beside it, then pruned).

    Raises DatabaseMissing (no such file), DatabaseDamaged (the copy did not verify: the
    source is damaged), Cancelled (``progress`` cancelled), OSError (the folder).
    ``quick`` (default: for the backups a clerk waits for, before an import, an undo or a
    restore) verifies with ``quick_check``; the others with the full ``integrity_check``."""
    if quick is None:
        quick = label in QUICK_LABELS
    db_path = Path(db_path)
    _refuse_missing(db_path)
    if folder is not None and not Path(folder).is_dir():
        raise FileNotFoundError(errno.ENOENT, os.strerror(errno.ENOENT), str(folder))
    dest = timestamped_backup_path(db_path, label, folder)

    def step(done: int, total: int) -> None:
        if progress is not None:
            progress.step(done, total, _("สำรองข้อมูล"))

    try:
        backup_sqlite(db_path, dest, label=label, connect=connect_for(db_path), step=step, quick=quick)
    except BackupFailed as exc:
        raise DatabaseDamaged(failed_message(db_path, exc.problems)) from None
    except cipher.DatabaseError as exc:
        from desktop.store.faults import classify

        raise (classify(exc, db_path) or DatabaseDamaged(failed_message(db_path, [str(exc)]))) from None
    copy_keyring(db_path, dest)
    info = info_of(dest, label)
    if folder is None and prune_after:
        prune(db_path, keep=dest)
    else:
        remember_external(db_path, info)
    return info


def require_backup_manager(actor: object | None) -> None:
    """Backing up by hand and restoring are the administrator's (``backup.manage``);
    NotPermitted otherwise, also when no one signed in. The automatic backups need no
    one: they are part of the work that makes them (an import, a migration, the day's
    first start), which has its own check."""
    from desktop.domain.roles import Action
    from desktop.services.access import require_actor

    require_actor(actor, Action.BACKUP_MANAGE)


def note_backup(db: Database, info: BackupInfo) -> None:
    """A backup made by hand (every record, often onto a USB stick) goes into the audit log
    as an export does: who, when, the file's name (not its folder), how many children, its
    SHA-256. In a transaction of its own after the backup (which does not hold its own
    note); a database that cannot take the note does not undo the backup."""
    manifest = read_manifest(info.path)
    _note(db, BACKUP_ACTION, {"file": info.path.name, "children": info.children,
                              "sha256": manifest.sha256 if manifest else ""})


def note_restore(target: Path, plan: RestorePlan, result: RestoreResult, actor: object | None) -> None:
    """The restore goes into the audit log of the restored database (its own log holds
    nothing after the backup was made): from which backup, made when, what was kept."""
    from desktop.store.db import Database

    manifest = plan.manifest
    db = Database.open(target, create_folder=False)
    try:
        db.set_actor(actor)
        _note(db, RESTORE_ACTION, {
            "file": plan.backup.name, "made": manifest.created if manifest else "",
            "kept": result.kept.name if result.kept else "", "replaced_damaged": result.kept_damaged})
    finally:
        db.dispose()


def _note(db: Database, action: str, detail: dict[str, object]) -> None:
    from desktop.services.audit import record

    try:
        with db.session() as session:
            record(session, action, "database", "", detail)
    except Exception as exc:  # noqa: BLE001 - best effort: an older schema, a read-only medium
        log.info("the %s was not noted in the audit log: %s", action, type(exc).__name__)


def copy_keyring(source: Path, dest: Path) -> None:
    """An encrypted database's keyring (store/cipher.py: its key wrapped by each user's
    password and checked against the recovery key; never the key in clear) goes beside
    each of its backups, so a backup on a USB stick opens elsewhere with a user's password
    or the recovery key, and is as closed as the database without them."""
    from desktop.atomic import copy_file

    ring = cipher.keyring_path(source)
    if ring.exists():
        copy_file(ring, cipher.keyring_path(dest))


def backup_before(bind_url: str, label: str) -> BackupInfo | None:
    """The automatic backup before a bulk change (an import, an undo) of the SQLite file
    behind ``bind_url``; None for other databases or with automatic backups off."""
    if not auto_backups_on():
        return None
    from desktop.store.db import sqlite_path

    path = sqlite_path(bind_url)
    if path is None or not path.is_file() or path.stat().st_size == 0:
        return None
    return create_backup(path, label=label)


def daily_due(db_path: Path, today: datetime | None = None) -> bool:
    day = (today or datetime.now()).date()
    return not any(b.at.date() == day for b in list_backups(db_path) if b.label == DAILY and b.good)


def daily_backup(db_path: Path, *, today: datetime | None = None,
                 progress: Progress | None = None) -> BackupInfo | None:
    """The first start of the day makes the day's backup (None when it exists already)."""
    if not auto_backups_on() or not db_path.is_file() or not daily_due(db_path, today):
        return None
    return create_backup(db_path, label=DAILY, progress=progress)


# ---------------------------------------------------------------------------- keeping


def prune(db_path: Path, *, keep_daily: int = KEEP_DAILY, keep_events: int = KEEP_EVENTS,
          keep_damaged: int = KEEP_DAMAGED, keep: Path | None = None) -> list[Path]:
    """Remove the backups the retention rule (module docstring) does not keep; never
    ``keep``, the one just made (after the clock went back it looks the oldest)."""
    infos = [info_of(p, label_of(db_path, p)) for p in backups_of(db_path) if p != keep]
    infos.sort(key=lambda b: (b.at, made_key(b.path)), reverse=True)
    newest_good = next((b for b in infos if b.good), None)
    kept = {DAILY: 0, "event": 0, DAMAGED: 0}
    limit = {DAILY: keep_daily, "event": keep_events, DAMAGED: keep_damaged}
    removed: list[Path] = []
    for b in infos:
        if b.label == MANUAL:
            continue
        kind = DAILY if b.label == DAILY else DAMAGED if b.label == DAMAGED else "event"
        if b.state != "good" and kind != DAMAGED:
            if b.state == "unverified":  # an older program's backup: counts as an event
                kept[kind] += 1
                if kept[kind] <= limit[kind]:
                    continue
            if b is newest_good:
                continue
        else:
            kept[kind] += 1
            if kept[kind] <= limit[kind] or b is newest_good:
                continue
        remove_backup(b.path)
        with contextlib.suppress(OSError):
            Path(f"{b.path}-wal").unlink(missing_ok=True)
        removed.append(b.path)
    return removed


def list_backups(db_path: Path, folder: Path | None = None) -> list[BackupInfo]:
    """The backups of ``db_path`` (in ``backups/`` or ``folder``), newest first."""
    infos = [info_of(p, label_of(db_path, p)) for p in backups_of(db_path, folder)]
    return sorted(infos, key=lambda b: (b.at, made_key(b.path)), reverse=True)


def _external_note(db_path: Path) -> Path:
    return backup_folder(db_path) / f"{db_path.stem}-{EXTERNAL_NOTE}"


def remember_external(db_path: Path, info: BackupInfo) -> None:
    """Note a backup made to another folder, so the home page counts it (best effort)."""
    from desktop.atomic import write_bytes

    data = {"path": str(info.path), "at": info.at.isoformat(timespec="seconds"), "size": info.size,
            "children": info.children}
    with contextlib.suppress(OSError):
        backup_folder(db_path).mkdir(parents=True, exist_ok=True)
        write_bytes(_external_note(db_path), json.dumps(data, ensure_ascii=False).encode("utf-8", "surrogateescape"))


def last_external(db_path: Path) -> BackupInfo | None:
    try:
        data = json.loads(_external_note(db_path).read_text(encoding="utf-8", errors="surrogateescape"))
        path, at = Path(str(data["path"])), datetime.fromisoformat(str(data["at"]))
        children = data.get("children")
        return BackupInfo(path, MANUAL, at, int(data.get("size", 0)), "good",
                          int(children) if children is not None else None)
    except (OSError, ValueError, KeyError, TypeError):
        return None


def last_good_backup(db_path: Path) -> BackupInfo | None:
    """The newest good backup: in ``backups/`` (verified when written) or the last one
    made to another folder (a USB stick; it may since have been unplugged)."""
    local = next((b for b in list_backups(db_path) if b.good), None)
    external = last_external(db_path)
    found = [b for b in (local, external) if b is not None]
    return max(found, key=lambda b: b.at) if found else None


def newest_good_local(db_path: Path) -> BackupInfo | None:
    """The newest backup in ``backups/`` that can be restored now (for a damaged file)."""
    return next((b for b in list_backups(db_path) if b.good), None)


def age_text(at: datetime, now: datetime | None = None) -> str:
    """How long ago, in words: วันนี้ / เมื่อวาน / 3 วันที่แล้ว."""
    days = ((now or datetime.now()).date() - at.date()).days
    if days <= 0:
        return _("วันนี้")
    if days == 1:
        return _("เมื่อวาน")
    return _("{days} วันที่แล้ว").format(days=days)


# ---------------------------------------------------------------------------- restoring


def problem_text(verification: Verification) -> str:
    """What is wrong with a backup, in words."""
    first = verification.problems[0] if verification.problems else ""
    kind = first.split(":", 1)[0]
    return {
        "missing": _("ไม่พบไฟล์สำรอง"),
        "unverified": _("ไฟล์สำรองนี้ไม่มีบันทึกการตรวจ (ไฟล์ .json ข้างไฟล์)"),
        "unreadable": _("บันทึกการตรวจของไฟล์สำรองนี้ (ไฟล์ .json ข้างไฟล์) เสียหายหรือถูกแก้ไข จึงตรวจไฟล์สำรองไม่ได้"),
        "other": _("ไฟล์สำรองนี้เป็นของฐานข้อมูลอื่น (เข้ารหัสด้วยกุญแจอื่น) เปิดด้วยรหัสผ่านหรือรหัสกู้คืนของฐานข้อมูลนั้น"),
        "marked": _("ไฟล์นี้เป็นสำเนาของไฟล์ที่เสียหาย ใช้กู้คืนไม่ได้"),
        "hash": _("ไฟล์สำรองถูกแก้ไขหรือเสียหายหลังจากสำรอง (ค่า SHA-256 ไม่ตรง)"),
        "integrity": _("ไฟล์สำรองเสียหาย (ตรวจความถูกต้องไม่ผ่าน)"),
        "counts": _("จำนวนแถวในไฟล์สำรองไม่ตรงกับที่บันทึกไว้ตอนสำรอง"),
    }.get(kind, first)


@dataclass
class RestorePlan:
    backup: Path
    target: Path
    verification: Verification
    replaces: bool  # the target exists and will be kept as a backup first
    warnings: list[str] = field(default_factory=list)

    @property
    def manifest(self) -> Manifest | None:
        return self.verification.manifest


@dataclass(frozen=True)
class RestoreResult:
    target: Path
    kept: Path | None  # the replaced file's copy
    kept_damaged: bool  # the replaced file was damaged: a byte copy, not a verified backup


def plan_restore(backup: Path, target: Path) -> RestorePlan:
    """Verify ``backup`` for restoring over ``target``; raises DatabaseMissing (no such
    backup), DatabaseDamaged (it does not verify), FileNotFoundError (no target folder)."""
    backup, target = Path(backup).resolve(), Path(target).resolve()
    if not backup.is_file():
        raise DatabaseMissing(_("ไม่พบไฟล์สำรอง {path} ตรวจชื่อไฟล์และโฟลเดอร์ (ดูรายการได้ด้วย samoe backup list)")
                              .format(path=backup))
    if backup == target:
        raise DatabaseMissing(_("ไฟล์สำรองกับไฟล์ที่จะกู้คืนไปเป็นไฟล์เดียวกัน ({path}) เลือกไฟล์สำรองอื่น")
                              .format(path=backup))
    if not target.parent.is_dir():
        raise FileNotFoundError(errno.ENOENT, os.strerror(errno.ENOENT), str(target.parent))
    verification = verify_backup(backup, connect=_connect_for_backup(backup, target))
    if verification.problems and verification.problems[0].startswith("integrity") and _other_key(backup, target):
        verification.problems.insert(0, "other: the backup's keyring is another database's")
    warnings: list[str] = []
    kinds = {p.split(":", 1)[0] for p in verification.problems}
    if kinds - {"unverified"}:
        raise DatabaseDamaged(_("กู้คืนไม่ได้: {what} ({path}) ไฟล์ฐานข้อมูลยังไม่ถูกแก้ไข เลือกไฟล์สำรองอื่น")
                              .format(what=problem_text(verification), path=backup))
    if kinds:
        warnings.append(_("ไฟล์สำรองนี้ไม่มีบันทึกการตรวจ (สร้างด้วยโปรแกรมรุ่นก่อน) ตรวจได้เพียงความถูกต้องของไฟล์"))
    return RestorePlan(backup, target, verification, target.exists(), warnings)


def _other_key(backup: Path, target: Path) -> bool:
    """An encrypted backup whose keyring beside it belongs to another key than the one it
    was read with: the backup of another database, not a damaged one."""
    key = cipher.key_for(target)
    if key is None:
        manifest = read_manifest(backup)
        key = cipher.key_for(Path(manifest.source)) if manifest is not None and manifest.source else None
    try:
        ring = cipher.read_keyring(backup)
    except cipher.CipherError:
        return False
    return key is not None and ring is not None and ring.check != cipher.check_value(key)


def _connect_for_backup(backup: Path, target: Path) -> Connect:
    """The key to read an encrypted backup with: the target's (restoring over the
    database it came from), else that of the database it was made from (``--to``)."""
    if cipher.key_for(target) is None:
        manifest = read_manifest(backup)
        if manifest is not None and manifest.source and cipher.key_for(Path(manifest.source)) is not None:
            return connect_for(Path(manifest.source))
    return connect_for(target)


def _place_keyring(plan: RestorePlan, kept: Path | None) -> None:
    """The restored file gets the backup's keyring (the replaced file's goes with its
    kept copy); a plain backup restored over an encrypted file leaves no keyring behind."""
    from desktop.atomic import copy_file

    ring, target_ring = cipher.keyring_path(plan.backup), cipher.keyring_path(plan.target)
    if target_ring.exists() and kept is not None and not cipher.keyring_path(kept).exists():
        copy_file(target_ring, cipher.keyring_path(kept))
    if ring.exists():
        copy_file(ring, target_ring)
    elif target_ring.exists():
        target_ring.unlink()


def _busy(target: Path) -> DatabaseBusy:
    return DatabaseBusy(_("ฐานข้อมูล {path} ยังเปิดใช้อยู่ในโปรแกรมอื่น (หรือหน้าต่าง Samoe อื่น) "
                          "ปิดโปรแกรมนั้นก่อนแล้วกู้คืนใหม่ ไฟล์ยังไม่ถูกแก้ไข").format(path=target))


def _keep_current(target: Path, progress: Progress | None) -> tuple[Path, bool]:
    """The file about to be replaced, kept in backups/: verified, or a byte copy if damaged."""
    try:
        # not pruned yet: the backup being restored may be the oldest one kept
        info = create_backup(target, label=BEFORE_RESTORE, progress=progress, prune_after=False)
        return info.path, False
    except DatabaseBusy:
        raise
    except DatabaseFault:
        return raw_copy(target, timestamped_backup_path(target, DAMAGED)), True


def _close_journal(target: Path, damaged: bool) -> None:
    """Fold the -wal into the file and leave WAL mode: possible only while no other
    connection has the file open, so it is also the check that nobody does."""
    try:
        conn = cipher.connect(target, isolation_level=None, timeout=2)  # its key, if encrypted
    except cipher.Error:
        conn = None
    if conn is not None:
        try:
            conn.execute("PRAGMA journal_mode=DELETE")
        except cipher.DatabaseError as exc:
            name = str(getattr(exc, "sqlite_errorname", ""))
            if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "locked" in str(exc).lower():
                raise _busy(target) from None
            if not damaged:
                raise
        finally:
            conn.close()
    for suffix in ("-wal", "-shm", "-journal"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)


def restore_backup(plan: RestorePlan, *, progress: Progress | None = None) -> RestoreResult:
    """Replace ``plan.target`` by the backup: the current file is kept first, the copy is
    written beside the target, checked against the backup's SHA-256, and renamed over it."""
    from desktop.atomic import atomic_path, fsync_dir
    from desktop.store.activity import read_activity

    target = plan.target
    holder = read_activity(target) if target.exists() else ""
    if holder:
        raise _busy(target)
    kept: Path | None = None
    damaged = False
    if target.exists() and target.stat().st_size > 0:
        kept, damaged = _keep_current(target, progress)
    expected = plan.manifest.sha256 if plan.manifest is not None else sha256_of(plan.backup)
    with atomic_path(target) as tmp:
        digest = hashlib.sha256()  # of the bytes as written (read once, not twice)
        with open(plan.backup, "rb") as src, open(tmp, "wb") as out:
            total = plan.backup.stat().st_size
            done = 0
            for block in iter(lambda: src.read(1 << 20), b""):
                out.write(block)
                digest.update(block)
                done += len(block)
                if progress is not None:
                    progress.step(done, total, _("กู้คืน"))
        if digest.hexdigest() != expected or tmp.stat().st_size != total:
            raise DatabaseDamaged(_("กู้คืนไม่สำเร็จ: สำเนาที่เขียนไม่ตรงกับไฟล์สำรอง ไฟล์ฐานข้อมูลยังไม่ถูกแก้ไข"))
        if target.exists():
            _close_journal(target, damaged)
    _place_keyring(plan, kept)
    fsync_dir(target.parent)
    if kept is not None:
        prune(target)
    return RestoreResult(target, kept, damaged)
