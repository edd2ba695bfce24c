"""``samoe backup``: back the database up, list its backups, restore one.

    samoe backup create DIR                       a verified backup in DIR (a USB stick)
    samoe backup list                             the backups beside the database, newest first
    samoe backup restore FILE [--dry-run] [--to PATH]

``restore`` verifies the backup first, keeps the file it replaces in ``backups/``, and
replaces it atomically; ``--dry-run`` says what it would do and changes nothing; ``--to``
restores to another file instead of the database of ``--db``.

Exit codes: 0 done, 1 a folder or file that cannot be written, 2 wrong arguments (or a
database that is not a SQLite file), 4 no such database or backup, 5 the database or the
backup is damaged (``list`` names the newest good backup), 7 the database is open elsewhere.
These commands work on a damaged database (that is what restore is for): they do not open
it for use. ``create`` and ``restore`` over a sound database log in (``--user``,
``SAMOE_PASSWORD``) and need the ``backup.manage`` permission (exit 11 refused, 12 not
allowed); ``list`` reads no record (names, dates, counts) and needs no login.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

WRITING = {"restore": "กู้คืนจากไฟล์สำรอง"}


def add_parsers(sub: Any) -> None:
    bk = sub.add_parser("backup", help="สำรองฐานข้อมูลและกู้คืนจากไฟล์สำรอง")
    bk_sub = bk.add_subparsers(dest="backup_command", required=True, title="คำสั่งย่อย",
                               metavar="คำสั่งย่อย")
    create = bk_sub.add_parser("create", help="สำรองฐานข้อมูลไว้ในโฟลเดอร์ (เช่น แฟลชไดรฟ์) พร้อมตรวจไฟล์สำรอง")
    create.add_argument("dir", type=Path, help="โฟลเดอร์ที่จะเก็บไฟล์สำรอง (สร้างให้ถ้ายังไม่มี)")
    bk_sub.add_parser("list", help="แสดงไฟล์สำรองในโฟลเดอร์ backups ข้างฐานข้อมูล และตรวจฐานข้อมูล")
    restore = bk_sub.add_parser("restore", help="กู้คืนฐานข้อมูลจากไฟล์สำรอง (ตรวจไฟล์สำรองก่อน)")
    restore.add_argument("file", type=Path, help="ไฟล์สำรอง (.db)")
    restore.add_argument("--dry-run", action="store_true", help="บอกว่าจะทำอะไร โดยไม่แก้ไขไฟล์ใด")
    restore.add_argument("--to", type=Path, metavar="PATH",
                         help="กู้คืนไปเป็นไฟล์นี้แทนฐานข้อมูลของ --db")


def _db_path(args: argparse.Namespace) -> Path | None:
    from desktop.store.db import resolve_url, sqlite_path

    return sqlite_path(resolve_url(args.db))


def run(args: argparse.Namespace, out: Any, err: Any, progress: Any) -> int:
    path = _db_path(args)
    command = args.backup_command
    if path is None and not (command == "restore" and args.to is not None):
        err("คำสั่ง backup ใช้กับฐานข้อมูลที่เป็นไฟล์ SQLite เท่านั้น "
            "ฐานข้อมูลบนเซิร์ฟเวอร์ (PostgreSQL) ให้สำรองด้วยเครื่องมือของเซิร์ฟเวอร์")
        return 2
    if command == "create":
        assert path is not None
        folder = Path(args.dir).expanduser()
        if folder.exists() and not folder.is_dir():
            err(f"{folder} เป็นไฟล์ ไม่ใช่โฟลเดอร์: ระบุโฟลเดอร์ที่จะเก็บไฟล์สำรอง (เช่น โฟลเดอร์ในแฟลชไดรฟ์)")
            return 2
        refused, db = _sign_in(args, "backup create", path, err)
        if db is None:
            return refused or 10
        try:
            return _create(db, path, args.dir, out, progress)
        finally:
            db.dispose()
    if command == "list":
        assert path is not None
        return _list(path, out, err)
    target = args.to if args.to is not None else path
    assert target is not None
    return _restore(args, Path(target), out, err, progress)


def _sign_in(args: argparse.Namespace, name: str, target: Path, err: Any) -> tuple[int | None, Any]:
    """The command's user logs in on the database, as for every command
    (desktop/cli_login.py), and must be allowed to manage backups: (exit 11 or 12, None),
    else (None, the open database with its user signed in; the caller disposes it)."""
    from desktop.cli_login import EXIT_NOT_PERMITTED, login
    from desktop.services.access import NotPermitted
    from desktop.services.backup import require_backup_manager
    from desktop.services.database import open_database

    db, _upgraded = open_database(str(target), write=False)
    try:
        refused = login(args, name, db, err)
        if refused is not None:
            db.dispose()
            return refused, None
        require_backup_manager(db.actor)
    except NotPermitted as exc:
        db.dispose()
        err(str(exc))
        return EXIT_NOT_PERMITTED, None
    except BaseException:
        db.dispose()
        raise
    return None, db


def _sound(path: Path) -> bool:
    """A Samoe database that can be opened: its users decide who may replace it."""
    from desktop.store import migrate
    from desktop.store.faults import DatabaseFault

    if not path.is_file() or path.stat().st_size == 0:
        return False
    try:
        migrate.preflight(path)
        migrate.check_before_write(path)
    except (DatabaseFault, migrate.SchemaError):
        return False
    return True


def _mb(size: int) -> str:
    return f"{size / 1_048_576:,.1f} MB"


def _create(db: Any, path: Path, folder: Path, out: Any, progress: Any) -> int:
    from desktop.domain.dates import format_be_datetime
    from desktop.services.backup import create_backup, note_backup
    from desktop.store.backup import read_manifest

    folder = folder.expanduser()
    if not folder.exists():
        folder.mkdir()  # one level: a missing parent is a mistyped path (OSError: exit 1)
    info = create_backup(path, folder=folder.resolve(), progress=progress)
    note_backup(db, info)  # in the audit log, as an export is
    manifest = read_manifest(info.path)
    out(f"สำรองแล้ว: {info.path} ({_mb(info.size)}) เมื่อ {format_be_datetime(info.at)}")
    if manifest is not None:
        out(f"ตรวจแล้ว: ความถูกต้องของไฟล์ ok จำนวนแถวตรงกับฐานข้อมูลทั้ง {len(manifest.counts)} ตาราง "
            f"(เด็ก {manifest.counts.get('child', 0):,} คน) SHA-256 {manifest.sha256[:16]}… "
            f"บันทึกไว้ใน {info.path.name}.json")
    return 0


def _list(path: Path, out: Any, err: Any) -> int:
    from desktop.domain.dates import format_be_datetime
    from desktop.services.backup import label_text, list_backups, state_text

    found = list_backups(path)
    for b in found:
        children = f"  เด็ก {b.children:,} คน" if b.children is not None else ""
        out(f"{b.path}  {format_be_datetime(b.at)}  {label_text(b.label)}  {state_text(b.state)}"
            f"  {_mb(b.size)}{children}")
    if found:
        out(f"ไฟล์สำรอง {len(found)} ไฟล์ (ใหม่สุดก่อน)")
    else:
        out(f"ยังไม่มีไฟล์สำรองในโฟลเดอร์ {path.parent / 'backups'}")
    _check_database(path)
    return 0


def _check_database(path: Path) -> None:
    """The database itself: missing, empty, not a Samoe file, damaged (raises the fault)."""
    from desktop.services.database import check_target
    from desktop.store import migrate

    read_only = check_target(path, write=False)
    migrate.preflight(path, read_only=read_only)
    if not read_only:
        migrate.check_before_write(path)


def _restore(args: argparse.Namespace, target: Path, out: Any, err: Any, progress: Any) -> int:
    """Over a sound database, its administrator logs in first. Over a damaged one (or a
    new path) no one can: the file's users are unreadable, and the person already holds
    the backup file (an encrypted database's backup stays encrypted with its key)."""
    from desktop.domain.dates import format_be_datetime
    from desktop.services.backup import note_restore, plan_restore, restore_backup

    dry_run = bool(args.dry_run)
    plan = plan_restore(Path(args.file).expanduser(), target.expanduser())
    actor = None
    if _sound(plan.target):
        refused, db = _sign_in(args, "backup restore", plan.target, err)
        if db is None:
            return refused or 10
        actor = db.actor
        db.dispose()  # the file is replaced only while no connection holds it
    manifest = plan.manifest
    for warning in plan.warnings:
        err(warning)
    what = f"ไฟล์สำรอง {plan.backup}"
    if manifest is not None:
        what += (f" (สำรองเมื่อ {format_be_datetime(manifest.created_at)}, เด็ก "
                 f"{manifest.counts.get('child', 0):,} คน)")
    out(f"ตรวจแล้ว ใช้ได้: {what}")
    if dry_run:
        if plan.replaces:
            out(f"จะเก็บไฟล์ {plan.target} ปัจจุบันไว้ในโฟลเดอร์ backups ข้างไฟล์ แล้วแทนที่ด้วยไฟล์สำรอง")
        else:
            out(f"จะสร้างไฟล์ {plan.target} จากไฟล์สำรอง")
        out("ยังไม่ได้แก้ไขไฟล์ใด (--dry-run) สั่งอีกครั้งโดยไม่ใส่ --dry-run เพื่อกู้คืนจริง")
        return 0
    result = restore_backup(plan, progress=progress)
    note_restore(plan.target, plan, result, actor)
    if result.kept is not None:
        kind = "สำเนาไฟล์ที่เสียหาย" if result.kept_damaged else "ไฟล์สำรองที่ตรวจแล้ว"
        out(f"เก็บไฟล์เดิมไว้ที่ {result.kept} ({kind})")
    out(f"กู้คืนแล้ว: {result.target}")
    return 0
