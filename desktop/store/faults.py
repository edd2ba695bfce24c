"""What went wrong with the database, in words a clerk can act on (Thai), and the exit code
the terminal gives for it.

The driver's own messages (English, and from SQLAlchemy with the statement and its
parameters: names, national IDs) are never shown; ``classify`` turns a driver or SQLAlchemy
error into one of the faults below. The messages name the file and, for a damaged file,
the newest backup, never a value from the database.
"""

from __future__ import annotations

import os
from pathlib import Path

from desktop.store import cipher
from desktop.store.backup import backups_of, good_backups_of, read_manifest

# Exit codes of ``samoe`` (0 done, 1 invalid rows or an unreadable input file, 2 wrong
# arguments, 3 not a Samoe database or one from a newer Samoe; see desktop/cli.py).
EXIT_NOT_FOUND = 4
EXIT_DAMAGED = 5
EXIT_READ_ONLY = 6
EXIT_BUSY = 7
EXIT_UNREACHABLE = 8
EXIT_DISK_FULL = 9
EXIT_INTERNAL = 10


class DatabaseFault(Exception):
    """The database cannot be used for this work; ``str()`` is the Thai message."""

    exit_code = EXIT_INTERNAL


class DatabaseMissing(DatabaseFault):
    exit_code = EXIT_NOT_FOUND


class DatabaseDamaged(DatabaseFault):
    exit_code = EXIT_DAMAGED


class DatabaseReadOnly(DatabaseFault):
    exit_code = EXIT_READ_ONLY


class DatabaseBusy(DatabaseFault):
    exit_code = EXIT_BUSY


class ServerUnreachable(DatabaseFault):
    exit_code = EXIT_UNREACHABLE


class DiskFull(DatabaseFault):
    exit_code = EXIT_DISK_FULL


class DatabaseEncrypted(DatabaseFault):
    """The file is encrypted (SQLCipher) and no key was given for it: a password or the
    recovery key opens it (store/cipher.py, services/keys.py). Exit 11 like a refused login."""

    exit_code = 11


def newest_backup(db_path: Path) -> Path | None:
    """The newest good backup in ``backups/`` beside the database (verified when written:
    store/backup.py), else the newest one made by an older program (no manifest); never a
    copy marked not good (a damaged file kept before a restore)."""
    good = good_backups_of(db_path)
    if good:
        return good[-1]
    found = [p for p in backups_of(db_path) if read_manifest(p) is None]
    return found[-1] if found else None


def missing_message(path: Path) -> str:
    return (f"ไม่พบไฟล์ฐานข้อมูล {path} โปรดตรวจชื่อไฟล์และโฟลเดอร์ที่ระบุใน --db "
            "(ถ้าต้องการสร้างฐานข้อมูลใหม่ ใช้คำสั่ง samoe --db ไฟล์ init)")


def empty_message(path: Path) -> str:
    return (f"ไฟล์ {path} ว่างเปล่า (0 ไบต์) ไม่ใช่ฐานข้อมูลทะเบียน โปรดตรวจชื่อไฟล์ "
            "หรือสร้างฐานข้อมูลใหม่ด้วยคำสั่ง init")


def damaged_message(path: Path | None, detail: str = "") -> str:
    text = "ไฟล์ฐานข้อมูลเสียหาย" + (f" ({path})" if path else "")
    if detail:
        text += f": {detail}"
    text += " ไม่ได้บันทึกอะไรลงไฟล์นี้"
    backup = newest_backup(path) if path else None
    if backup is not None:
        text += f" ไฟล์สำรองล่าสุดที่ใช้ได้คือ {backup} กู้คืนด้วยคำสั่ง samoe backup restore \"{backup}\""
    else:
        text += " ไม่พบไฟล์สำรองในโฟลเดอร์ backups ข้างไฟล์ฐานข้อมูล โปรดกู้คืนจากสำเนาที่เก็บไว้"
    return text + " (ตรวจรายละเอียดได้ด้วย samoe db check)"


def read_only_message(path: Path | None) -> str:
    where = f" ({path})" if path else ""
    return (f"ไฟล์ฐานข้อมูลอยู่บนที่ที่เขียนไม่ได้ (อ่านอย่างเดียว){where} ไม่ได้บันทึกอะไร "
            "ถ้าต้องการแก้ไขข้อมูล ให้คัดลอกไฟล์ไปไว้ในโฟลเดอร์ที่เขียนได้ หรือขอสิทธิ์เขียนไฟล์และโฟลเดอร์นี้")


def busy_message(path: Path | None, holder: str = "") -> str:
    text = "ฐานข้อมูลกำลังถูกใช้งานโดยงานอื่นที่กำลังบันทึกข้อมูล"
    if holder:
        text += f" ({holder})"
    return text + " รอจนงานนั้นเสร็จแล้วลองใหม่ ไม่ได้บันทึกอะไรในครั้งนี้"


def disk_full_message(path: Path | None) -> str:
    where = f" ({path.parent})" if path else ""
    return (f"พื้นที่ดิสก์เต็ม{where} บันทึกไม่สำเร็จ และไม่มีข้อมูลใดถูกบันทึกครึ่ง ๆ กลาง ๆ "
            "ลบไฟล์ที่ไม่ใช้หรือย้ายไปไว้ในดิสก์ที่มีที่ว่างแล้วลองใหม่")


def encrypted_message(path: Path | None) -> str:
    where = f" {path}" if path else ""
    return (f"ฐานข้อมูล{where} เข้ารหัสไว้ ต้องเข้าสู่ระบบด้วยชื่อผู้ใช้และรหัสผ่าน "
            "หรือเปิดด้วยรหัสกู้คืน (samoe --recovery-key หรือตัวแปร SAMOE_RECOVERY_KEY)")


def _sqlite_error(exc: BaseException) -> Exception | None:
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, cipher.Error):  # sqlite3's or sqlcipher3's (an encrypted file)
            return current
        current = getattr(current, "orig", None) or current.__cause__ or current.__context__
    return None


def classify(exc: BaseException, path: Path | None = None) -> DatabaseFault | None:
    """The fault behind a driver/SQLAlchemy error, or None when it is not one of ours."""
    if isinstance(exc, DatabaseFault):
        return exc
    lite = _sqlite_error(exc)
    if lite is not None:
        name = str(getattr(lite, "sqlite_errorname", "") or "")
        message = str(lite.args[0] if lite.args else "").lower()
        if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "locked" in message:
            return DatabaseBusy(busy_message(path, holder_note(path)))
        if name.startswith("SQLITE_READONLY") or "readonly" in message:
            return DatabaseReadOnly(read_only_message(path))
        if name == "SQLITE_FULL" or "disk is full" in message:
            return DiskFull(disk_full_message(path))
        if name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB")) or "malformed" in message \
                or "not a database" in message:
            return DatabaseDamaged(damaged_message(path))
        if name.startswith("SQLITE_IOERR"):
            return DatabaseDamaged(damaged_message(path, "อ่านหรือเขียนดิสก์ไม่ได้"))
        if name.startswith("SQLITE_CANTOPEN") or "unable to open" in message:
            if path is not None and not path.exists():
                return DatabaseMissing(missing_message(path))
            return DatabaseReadOnly(read_only_message(path))
        return None
    if isinstance(exc, OSError) and exc.errno == 28:  # ENOSPC
        return DiskFull(disk_full_message(path))
    return _server_fault(exc)


def _server_fault(exc: BaseException) -> DatabaseFault | None:
    from sqlalchemy import exc as sa_exc

    if isinstance(exc, (sa_exc.NoSuchModuleError, ModuleNotFoundError)):
        return ServerUnreachable(
            "ไม่มีโปรแกรมเชื่อมต่อ (ไดรเวอร์) สำหรับฐานข้อมูลแบบนี้ในเครื่อง "
            "ตรวจ URL ใน --db (เช่น postgresql+psycopg://ผู้ใช้@เครื่อง/ฐานข้อมูล) "
            "หรือติดตั้งไดรเวอร์ที่ต้องใช้ (psycopg)")
    if isinstance(exc, (sa_exc.OperationalError, sa_exc.InterfaceError)) or \
            type(exc).__module__.startswith(("psycopg", "psycopg2")):
        return ServerUnreachable(
            "เชื่อมต่อเซิร์ฟเวอร์ฐานข้อมูลไม่ได้ (เซิร์ฟเวอร์ไม่ตอบ ปิดอยู่ หรือปฏิเสธการเชื่อมต่อ "
            "หรือชื่อผู้ใช้/รหัสผ่านไม่ถูกต้อง) ตรวจที่อยู่ พอร์ต และเครือข่ายแล้วลองใหม่")
    return None


def holder_note(path: Path | None) -> str:
    """Which Samoe work holds the database, from the note it left beside the file."""
    if path is None:
        return ""
    from desktop.store.activity import read_activity

    return read_activity(path)


def env_seconds(name: str, default: float) -> float:
    try:
        value = float(os.environ.get(name, ""))
    except ValueError:
        return default
    return value if value > 0 else default
