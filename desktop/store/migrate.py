"""Schema migrations, run in-process with Alembic.

Each migration runs in its own transaction. A SQLite file is backed up (online backup API)
before anything is changed. A database written by a newer Samoe is refused, and so is a
file that is not a Samoe database at all.

Alembic is imported only when a migration has to run: opening a file that is already at
``HEAD_REVISION`` costs one read-only query (a third of a second less at start-up).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, inspect, text

from desktop.paths import migrations_dir
from desktop.store import cipher
from desktop.store.backup import backup_sqlite, timestamped_backup_path
from desktop.store.db import Database, read_engine
from desktop.store.faults import (
    DatabaseDamaged,
    DatabaseEncrypted,
    DatabaseReadOnly,
    classify,
    damaged_message,
    encrypted_message,
    read_only_message,
)

if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

# The newest revision in migrations/versions (a test keeps the two in step).
HEAD_REVISION = "0024"
NOT_SAMOE = "ไฟล์นี้ไม่ใช่ฐานข้อมูลของ Samoe (มีตารางอื่นอยู่แล้ว) โปรดเลือกไฟล์ฐานข้อมูลที่ถูกต้อง"


def too_new_message(revision: str) -> str:
    return (
        f"ฐานข้อมูลนี้สร้างด้วย Samoe รุ่นที่ใหม่กว่า (แบบข้อมูล {revision}) "
        "โปรดติดตั้ง Samoe รุ่นล่าสุดก่อนเปิดไฟล์นี้ ไฟล์ยังไม่ถูกแก้ไขใด ๆ"
    )


class SchemaError(Exception):
    """The database cannot be used by this program; the message is for the user (Thai)."""


class DatabaseTooNew(SchemaError):
    pass


class NotSamoeDatabase(SchemaError):
    pass


@dataclass(frozen=True)
class UpgradeResult:
    from_revision: str | None
    to_revision: str
    backup: Path | None

    @property
    def changed(self) -> bool:
        return self.from_revision != self.to_revision


def _config() -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(migrations_dir()))
    return cfg


def script_directory() -> ScriptDirectory:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(_config())


def head_revision() -> str:
    head = script_directory().get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    engine = read_engine(engine)
    if "alembic_version" not in inspect(engine).get_table_names():
        return None
    with engine.connect() as conn:
        value = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
    return str(value) if value is not None else None


def _user_tables(engine: Engine) -> list[str]:
    names = inspect(read_engine(engine)).get_table_names()
    return [n for n in names if n != "alembic_version" and not n.startswith("sqlite_")]


def status(engine: Engine) -> tuple[str | None, str]:
    """(current revision, head revision) after checking the database is usable."""
    current = current_revision(engine)
    head = head_revision()
    if current is None:
        if _user_tables(engine):
            raise NotSamoeDatabase(NOT_SAMOE)
        return None, head
    known = {rev.revision for rev in script_directory().walk_revisions()}
    if current not in known:
        raise DatabaseTooNew(too_new_message(current))
    return current, head


def preflight(path: Path, *, read_only: bool = False) -> str | None:
    """Check a SQLite file read-only before any connection of ours changes it (WAL mode);
    returns its revision (None for a new, empty file). ``read_only``: the medium cannot be
    written, so the file is opened immutable (SQLite could not make its -shm file)."""
    if not path.exists() or path.stat().st_size == 0:
        return None
    if cipher.is_encrypted(path) and cipher.key_for(path) is None:
        raise DatabaseEncrypted(encrypted_message(path))
    uri = f"{path.as_uri()}?mode=ro" + ("&immutable=1" if read_only else "")
    try:
        conn = cipher.connect(uri, uri=True, file=path)  # an encrypted file: its remembered key
    except cipher.Error as exc:
        raise _file_fault(exc, path) from None
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        version = None
        if "alembic_version" in tables:
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            version = row[0] if row else None
    except cipher.DatabaseError as exc:
        raise _file_fault(exc, path) from None
    finally:
        conn.close()
    if version is None and tables - {"alembic_version"}:
        raise NotSamoeDatabase(NOT_SAMOE)
    if version is not None and version != HEAD_REVISION and version not in {
        r.revision for r in script_directory().walk_revisions()
    }:
        raise DatabaseTooNew(too_new_message(version))
    return version


def _file_fault(exc: Exception, path: Path) -> Exception:
    fault = classify(exc, path)
    if fault is not None and not isinstance(fault, DatabaseDamaged):
        return fault
    with open(path, "rb") as f:
        header = f.read(16)
    detail = "" if header == b"SQLite format 3\x00" else \
        "ไฟล์นี้ไม่ใช่ฐานข้อมูล SQLite หรือส่วนหัวของไฟล์เสียหาย"
    return DatabaseDamaged(damaged_message(path, detail))


def check_before_write(path: Path) -> None:
    """Refuse to write into a damaged file (SQLite ``quick_check``; 0.43 s at 100k children)."""
    from desktop.store.integrity import open_for_check, quick_check

    try:
        conn = open_for_check(path)
    except cipher.Error as exc:
        raise _file_fault(exc, path) from None
    try:
        problems = quick_check(conn, limit=3)
    except cipher.Error as exc:
        raise _file_fault(exc, path) from None
    finally:
        conn.close()
    if problems:
        raise DatabaseDamaged(damaged_message(path, problems[0][:200]))


def upgrade(db: Database, *, backup: bool = True, target: str = "head") -> UpgradeResult:
    """Bring the schema to the newest revision; back the file up first if it has data."""
    if db.path is not None:
        found = preflight(db.path, read_only=db.read_only)
        if found == HEAD_REVISION and target in ("head", HEAD_REVISION):
            return UpgradeResult(found, found, None)
    current, head = status(db.engine)
    if target != "head":
        head = target
    if current == head:
        return UpgradeResult(current, head, None)
    if db.read_only:
        raise DatabaseReadOnly(read_only_message(db.path) + " (ไฟล์นี้ต้องปรับรุ่นก่อนใช้)")
    backup_path: Path | None = None
    path = db.path
    if current is not None and path is not None and path.exists():
        check_before_write(path)
    if backup and current is not None and path is not None and path.exists():
        backup_path = backup_sqlite(path, timestamped_backup_path(path, f"before-{head}"))
    from alembic import command

    cfg = _config()
    with db.engine.connect() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, target)
        conn.commit()
    return UpgradeResult(current, head, backup_path)


def needs_upgrade(engine: Engine) -> bool:
    current, head = status(engine)
    return current != head
