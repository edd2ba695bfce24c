"""Encryption at rest on the command line (store/cipher.py, services/keys.py).

    samoe init [--no-encryption]        a new database is encrypted unless told; the
                                        recovery key is printed once
    samoe init --recovery-pdf FILE      also write it on one page to print for the safe
    samoe demo [--no-encryption]        the same when it makes a new database
    samoe db encrypt                    convert a plain database in place (an administrator)
    samoe db rekey                      a new key for an encrypted database (an administrator):
                                        a keyring copied before no longer opens it
    samoe users lock NAME --rekey       suspend, then re-key (without it: a hint is printed)
    samoe --recovery-key COMMAND        open an encrypted database with the recovery key
                                        (typed when asked, or SAMOE_RECOVERY_KEY); a lost
                                        keyring is rebuilt and the user's wrap given back

An encrypted file is unlocked before it is opened: the password of ``--user`` (the one
the login then checks, asked once) unwraps the key from the keyring beside the file.
``SAMOE_NO_ENCRYPTION=1`` makes new databases plain like ``--no-encryption`` (the test
suite sets it: its files are plain unless a test asks for encryption).

Exit 11 when the key cannot be had (wrong password, no wrap for the user, a wrong or
mistyped recovery key, a damaged keyring).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from pathlib import Path
from typing import Any

from desktop.cli_args import output_problem
from desktop.cli_login import EXIT_LOGIN, NoPassword, ask_password, login_password

NO_ENCRYPTION_ENV = "SAMOE_NO_ENCRYPTION"
MAKES_NEW = {"init", "demo"}


def add_global(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--recovery-key", action="store_true",
                        help="เปิดฐานข้อมูลที่เข้ารหัสด้วยรหัสกู้คืน (พิมพ์เมื่อถูกถาม หรือตัวแปร SAMOE_RECOVERY_KEY)")


def add_parsers(sub: Any, db_sub: Any) -> None:
    """``--no-encryption`` on init and demo, ``db encrypt``."""
    for name in MAKES_NEW:
        command = sub.choices.get(name)
        if command is not None:
            command.add_argument("--no-encryption", action="store_true",
                                 help="ฐานข้อมูลใหม่ไม่เข้ารหัส (สำหรับเครื่องที่เข้ารหัสดิสก์ไว้แล้ว หรือการทดสอบ)")
    init = sub.choices.get("init")
    if init is not None:
        init.add_argument("--recovery-pdf", type=Path, metavar="FILE",
                          help="เขียนรหัสกู้คืนเป็นไฟล์ PDF หนึ่งหน้าเพื่อพิมพ์เก็บในตู้นิรภัย (ลบไฟล์เมื่อพิมพ์แล้ว)")
    db_sub.add_parser("encrypt", help="เข้ารหัสฐานข้อมูลเดิมที่ยังไม่เข้ารหัส (ผู้ดูแลระบบ; แสดงรหัสกู้คืนครั้งเดียว)")
    db_sub.add_parser("rekey", help="เปลี่ยนกุญแจของฐานข้อมูลที่เข้ารหัส (ผู้ดูแลระบบ; หลังระงับผู้ใช้: "
                                    "ไฟล์กุญแจที่คัดลอกไว้ก่อนเปิดไม่ได้อีก)")


def _encrypt_new(args: argparse.Namespace) -> bool:
    if getattr(args, "no_encryption", False):
        return False
    return os.environ.get(NO_ENCRYPTION_ENV, "") not in ("1", "yes", "true")


def _recovery_text(args: argparse.Namespace) -> str | None:
    from desktop.services.keys import RECOVERY_ENV

    env = os.environ.get(RECOVERY_ENV)
    if env:
        return env
    if getattr(args, "recovery_key", False):
        return ask_password("รหัสกู้คืน: ")
    return None


def before_open(args: argparse.Namespace, name: str, err: Any) -> int | None:
    """Have the key of an encrypted file (or make one for a new file) before it is
    opened; an exit code when it cannot be had, else None."""
    from desktop.services import keys
    from desktop.store import cipher

    try:
        path = keys.file_of(args.db)
    except Exception:  # noqa: BLE001 - a malformed URL is reported when it is opened
        return None
    if path is None or name == "db path":
        return None
    refused = _check_recovery_pdf(args, name, path, err)
    if refused is not None:
        return refused
    try:
        if not path.exists() or path.stat().st_size == 0:
            if name in MAKES_NEW and _encrypt_new(args):
                try:
                    path.parent.mkdir(parents=True, exist_ok=True)
                    args.samoe_new_key = keys.start_encrypted(path)
                except OSError:
                    return None  # opening it says what is wrong (read-only, disk full)
                args.samoe_made = path
            return None
        with open(path, "rb") as f:
            plain = f.read(16) == cipher.PLAIN_HEADER
        if plain:
            return None  # a plain file needs no key (a recovery key given is not used)
        text = _recovery_text(args)
        if text is not None:  # also for a file that looks damaged: it may be one whose keyring is lost
            _key, rebuilt = keys.unlock_recovery(path, text)
            args.samoe_recovered = True
            if rebuilt:
                err("สร้างไฟล์กุญแจใหม่จากรหัสกู้คืน: ผู้ใช้แต่ละคนได้กุญแจคืนเมื่อเข้าสู่ระบบด้วยรหัสผ่านของตน "
                    "หรือเมื่อผู้ดูแลระบบตั้งรหัสผ่านให้ใหม่")
            return None
        if not cipher.is_encrypted(path):
            return None
        keys.unlock(path, args.user, login_password(args.user))
    except NoPassword as exc:
        err(exc.message)
        return EXIT_LOGIN
    except cipher.CipherError as exc:
        err(exc.message)
        return EXIT_LOGIN
    return None


def _check_recovery_pdf(args: argparse.Namespace, name: str, path: Path, err: Any) -> int | None:
    """``init --recovery-pdf FILE`` only makes sense for a new encrypted database, with
    FILE's folder there: refused (exit 2) before anything is made."""
    pdf: Path | None = getattr(args, "recovery_pdf", None)
    if name != "init" or pdf is None:
        return None
    problem = output_problem(pdf)
    if problem:
        err(problem)
        return 2
    if (path.exists() and path.stat().st_size > 0) or not _encrypt_new(args):
        err("--recovery-pdf ใช้ได้เมื่อ init สร้างฐานข้อมูลใหม่ที่เข้ารหัสเท่านั้น: "
            "รหัสกู้คืนมีให้พิมพ์ครั้งเดียวตอนสร้าง")
        return 2
    return None


def after_init(args: argparse.Namespace, db: Any, out: Any, err: Any) -> None:
    """``init --recovery-pdf FILE``: the new database's recovery key on one page (an
    audit entry, without the key). A file that cannot be written is said; the key is
    still printed on the terminal below."""
    pdf: Path | None = getattr(args, "recovery_pdf", None)
    new = getattr(args, "samoe_new_key", None)
    if pdf is None or new is None:
        return
    from desktop.cli_errors import os_error_message
    from desktop.services.recovery_print import recovery_key_pdf_file

    try:
        with db.session() as session:
            recovery_key_pdf_file(session, pdf, new.recovery, db.path.name if db.path else "")
    except OSError as exc:
        err(os_error_message(exc) + " จดรหัสกู้คืนที่แสดงด้านล่างไว้แทน")
        return
    out(f"เขียนรหัสกู้คืนลงไฟล์ {pdf} แล้ว (1 หน้า): พิมพ์แล้วเก็บในตู้นิรภัย จากนั้นลบไฟล์นี้")


def after_login(args: argparse.Namespace, db: Any) -> None:
    """Opened with the recovery key: the signed-in user gets their wrap back."""
    if not getattr(args, "samoe_recovered", False) or db.actor is None:
        return
    from desktop.services.keys import ensure_wrap

    name = getattr(db.actor, "name", args.user)
    ensure_wrap(db, name, login_password(name))


def after_command(args: argparse.Namespace, code: int, out: Any, err: Any) -> None:
    """A new encrypted database: print its recovery key once; a failed ``init`` leaves no
    encrypted file that nobody could open."""
    new = getattr(args, "samoe_new_key", None)
    made: Path | None = getattr(args, "samoe_made", None)
    if new is None or made is None:
        return
    from desktop.services.keys import recovery_note
    from desktop.store import cipher

    if code == 0:
        cipher.note_file(made)  # the keyring knows its file: another one's is named as such
        out("ฐานข้อมูลนี้เข้ารหัสแล้ว (SQLCipher) รหัสกู้คืน:")
        out(f"    {new.recovery}")
        out(recovery_note())
        return
    ring = cipher.read_keyring(made)
    if ring is None or not ring.wraps:  # nobody could open it: take it away again
        for leftover in (made, Path(f"{made}-wal"), Path(f"{made}-shm"), cipher.keyring_path(made)):
            leftover.unlink(missing_ok=True)
    cipher.forget(made)


def encrypt(args: argparse.Namespace, db: Any, out: Any, err: Any) -> int:
    """``samoe db encrypt``: the signed-in administrator's wrap; the recovery key printed."""
    from desktop.domain.roles import Action
    from desktop.services import keys
    from desktop.services.access import require_actor
    from desktop.store import cipher

    require_actor(db.actor, Action.SETTINGS_MANAGE)
    path = db.path
    if path is not None and cipher.is_encrypted(path):
        out("ฐานข้อมูลนี้เข้ารหัสอยู่แล้ว")
        return 0
    name = getattr(db.actor, "name", args.user)
    others = keys.users_needing_password(db, name)  # read before the file is closed
    try:
        new = keys.encrypt_existing(db, name, login_password(name))
    except cipher.EncryptFailed as exc:
        err(exc.message + " ไฟล์เดิมยังอยู่ครบ ไม่มีอะไรเปลี่ยน")
        return 10
    out(f"เข้ารหัสฐานข้อมูล {path} แล้ว ตรวจครบทุกตาราง ไฟล์ที่ไม่เข้ารหัสถูกแทนที่แล้ว")
    # the file is encrypted now: its recovery key goes out before the backups' conversion,
    # which may take minutes (a power cut then must not leave a key nobody was shown)
    out("รหัสกู้คืน:")
    out(f"    {new.recovery}")
    out(keys.recovery_note())
    with contextlib.suppress(AttributeError, OSError, ValueError):
        sys.stdout.flush()  # to a file or pipe too, before the long part
    assert path is not None
    backups = keys.encrypt_backups(path, new.key)
    if backups.encrypted:
        out(f"เข้ารหัสไฟล์สำรองในโฟลเดอร์ backups แล้ว {len(backups.encrypted)} ไฟล์ (กุญแจเดียวกัน)")
    for plain in backups.left_plain:
        err(f"ไฟล์สำรอง {plain} เข้ารหัสไม่ได้ (อาจเสียหาย) ยังเป็นข้อมูลที่ไม่เข้ารหัส ลบทิ้งหากไม่ต้องการแล้ว")
    if others:
        out(f"ผู้ใช้ที่ต้องได้รหัสผ่านใหม่ก่อนเข้าสู่ระบบ ({len(others):,} คน): {', '.join(others)}")
        out("ผู้ดูแลระบบตั้งรหัสผ่านใหม่ให้ทีละคนด้วย samoe users passwd ชื่อ "
            "(หรือหน้าผู้ใช้ในโปรแกรม) จากนั้นแต่ละคนเข้าสู่ระบบด้วยรหัสผ่านใหม่ได้")
    return 0


def rekey(args: argparse.Namespace, db: Any, out: Any, err: Any) -> int:
    """``samoe db rekey`` (and ``users lock NAME --rekey``): what it will do, then do it;
    a new recovery key is printed at once when there is one. Exit 2 for a plain file,
    7 when another program has it open, 10 when the copy does not verify (nothing changed)."""
    from desktop.services.rekey import preview_text, rekey_database, rekey_preview
    from desktop.store import rekey as store_rekey

    try:
        preview = rekey_preview(db)
    except store_rekey.RekeyFailed as exc:
        err(exc.message)
        return 2
    out(preview_text(preview))
    try:
        result = rekey_database(db)
    except store_rekey.RekeyBusy as exc:
        err(exc.message)
        return 7
    except store_rekey.RekeyFailed as exc:
        err(exc.message)
        return 10
    out(f"เปลี่ยนกุญแจของฐานข้อมูล {db.path} แล้ว ({result.rows:,} แถว ตรวจครบทุกตาราง, {result.seconds:.1f} วินาที)")
    if result.recovery is not None:
        out("รหัสกู้คืนใหม่ (รหัสที่พิมพ์เก็บไว้เดิมใช้กับฐานข้อมูลนี้ไม่ได้แล้ว ทำลายทิ้งหรือเก็บไว้เปิดไฟล์สำรองเก่าเท่านั้น):")
        out(f"    {result.recovery}")
        from desktop.services.keys import recovery_note

        out(recovery_note())
        with contextlib.suppress(AttributeError, OSError, ValueError):
            sys.stdout.flush()
    else:
        out("รหัสกู้คืนที่พิมพ์เก็บไว้ยังใช้ได้เหมือนเดิม")
    if result.need_password:
        out(f"ผู้ใช้ที่ต้องได้รหัสผ่านใหม่ก่อนเข้าสู่ระบบ ({len(result.need_password):,} คน): "
            f"{', '.join(result.need_password)} ผู้ดูแลระบบตั้งให้ด้วย samoe users passwd ชื่อ (หรือหน้าผู้ใช้ในโปรแกรม)")
    out("ไฟล์สำรองที่ทำก่อนเปลี่ยนกุญแจยังเปิดได้ด้วยกุญแจเดิม (ไฟล์กุญแจที่อยู่ข้างไฟล์สำรองนั้น) "
        "ลบไฟล์สำรองเก่าที่ไม่ต้องการแล้ว หากไม่ต้องการให้ผู้ที่ถูกระงับเปิดได้")
    return 0


def after_lock(args: argparse.Namespace, db: Any, out: Any, err: Any) -> int:
    """``users lock NAME``: on an encrypted database, re-key (``--rekey``) or say how."""
    from desktop.store import cipher

    path = db.path
    if path is None or not cipher.is_encrypted(path):
        return 0
    if getattr(args, "rekey", False):
        return rekey(args, db, out, err)
    out(f"ไฟล์กุญแจที่คัดลอกไว้ก่อนระงับยังเปิดฐานข้อมูลนี้ได้ด้วยรหัสผ่านเดิมของ {args.name} "
        "เปลี่ยนกุญแจด้วย samoe db rekey (หรือสั่ง users lock ชื่อ --rekey)")
    return 0
