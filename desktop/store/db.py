"""Engine and session factory.

SQLite (the default, one file in the user data directory) runs with WAL,
``synchronous=FULL``, ``foreign_keys=ON`` and a busy timeout, all set on every new
connection. Any other SQLAlchemy URL (PostgreSQL at the province) works unchanged.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import sys
import threading
import time
import weakref
from collections.abc import Callable, Iterator
from concurrent.futures import Future
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

BUSY_TIMEOUT_MS = 10_000
CONNECT_TIMEOUT_S = 10
# Execution option of the connections that only read: they begin a deferred transaction.
# Every other SQLite transaction begins IMMEDIATE (takes the write lock first), so that a
# second writer waits its turn in the busy timeout instead of failing at once when its
# read snapshot has to become a write (SQLITE_BUSY_SNAPSHOT is not retried by SQLite).
READ_ONLY_OPTION = "samoe_read"


def busy_timeout_ms() -> int:
    """``SAMOE_BUSY_TIMEOUT`` (seconds) or 10 s: how long a writer waits for another."""
    from desktop.store.faults import env_seconds

    return int(env_seconds("SAMOE_BUSY_TIMEOUT", BUSY_TIMEOUT_MS / 1000) * 1000)


def resolve_url(target: str | os.PathLike[str] | None) -> str:
    """A SQLAlchemy URL from ``--db`` / ``SAMOE_DB``: a URL as is, a path as SQLite."""
    if target is None:
        target = os.environ.get("SAMOE_DB") or None
    if target is None:
        from desktop.paths import default_db_path

        target = default_db_path()
    text = os.fspath(target)
    if "://" in text:
        return text
    # Nothing is created here: a mistyped path must not become an empty registry
    # (services/database.open_database decides whether a command may create one).
    path = Path(text).expanduser().resolve()
    return f"sqlite:///{path}"


def sqlite_path(url: str) -> Path | None:
    """The file behind a SQLite URL, or None (memory database, other backends)."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database:
        return None
    if parsed.database == ":memory:":
        return None
    return Path(parsed.database)


def medium_is_read_only(path: Path) -> bool:
    """The file or its folder cannot be written (a CD, a read-only share or mount, or
    permissions): SQLite in WAL mode needs both, for the -wal and -shm files."""
    folder = path.parent
    return not (os.access(path, os.W_OK) and os.access(folder, os.W_OK | os.X_OK))


def _on_sqlite_connect_read_only(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA query_only = ON")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA cache_size = -49152")
    finally:
        cursor.close()


def _on_sqlite_connect(dbapi_connection: Any, _record: Any) -> None:
    # Python's sqlite3 (before 3.12's autocommit attribute) begins transactions only before
    # DML, so DDL would commit on its own and a failed migration would stay half-applied.
    # Turn its handling off and let SQLAlchemy's "begin" event below emit BEGIN itself.
    dbapi_connection.isolation_level = None
    # Not inside a transaction here, or foreign_keys would be a no-op.
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute(f"PRAGMA busy_timeout = {busy_timeout_ms()}")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = FULL")
        cursor.execute("PRAGMA foreign_keys = ON")
        # 48 MiB a connection. Measured at 1M children: a common 3-letter search looks up
        # ~13k rows to sort them; below ~48 MiB those pages do not stay cached (24 ms vs
        # 11 ms), and 64 MiB on every connection pushed peak memory towards 200 MB.
        cursor.execute("PRAGMA cache_size = -49152")
    finally:
        cursor.close()


# The page cache of a bulk load (the demo, an import: services/demo.deferred_indexes), KiB.
# Such a load is one transaction: with the usual 48 MiB its pages spill to the WAL and are
# read back for each index built at its end (13 scans of the child table), and on an
# encrypted file every page read back is decrypted and its HMAC checked again (the demo's
# index phase at 100k: 1.7x plain with 48 MiB, 1.3x with 320 MiB). 320 MiB holds a
# 100k-children registry whole (the demo's peak memory 413 MB against 182 MB); SQLite
# takes pages as it uses them, and the usual size comes back when the load ends.
BULK_CACHE_KIB = 320 * 1024


@contextmanager
def bulk_cache(raw: Any) -> Iterator[None]:
    """``raw`` (a DB-API SQLite connection) keeps up to BULK_CACHE_KIB of pages inside."""
    before = int(raw.execute("PRAGMA cache_size").fetchone()[0])
    raw.execute(f"PRAGMA cache_size = -{BULK_CACHE_KIB}")
    try:
        yield
    finally:
        raw.execute(f"PRAGMA cache_size = {before}")


# The index builds at the end of a bulk load into a file larger than BULK_CACHE_KIB (the
# demo at 300k-1M children: 0.85-2.7 GB) each scan their table (11 of the child table):
# with 320 MiB the table's pages are read back for each build, and decrypted again on an
# encrypted file. For them and the search heads' rebuild after them the cache grows to the
# file's size, up to BULK_INDEX_CACHE_MAX_KIB and a quarter of the machine's memory.
BULK_INDEX_CACHE_MAX_KIB = 1024 * 1024


def physical_memory() -> int | None:
    """The machine's memory in bytes (None where it cannot be told)."""
    try:
        return int(os.sysconf("SC_PHYS_PAGES")) * int(os.sysconf("SC_PAGE_SIZE"))
    except (AttributeError, ValueError, OSError):
        pass
    if sys.platform == "win32":  # pragma: no cover - Windows only
        import ctypes

        class MemoryStatus(ctypes.Structure):
            _fields_ = [("dwLength", ctypes.c_ulong), ("dwMemoryLoad", ctypes.c_ulong),
                        ("ullTotalPhys", ctypes.c_ulonglong), ("ullAvailPhys", ctypes.c_ulonglong),
                        ("ullTotalPageFile", ctypes.c_ulonglong), ("ullAvailPageFile", ctypes.c_ulonglong),
                        ("ullTotalVirtual", ctypes.c_ulonglong), ("ullAvailVirtual", ctypes.c_ulonglong),
                        ("ullAvailExtendedVirtual", ctypes.c_ulonglong)]

        status = MemoryStatus()
        status.dwLength = ctypes.sizeof(MemoryStatus)
        if ctypes.windll.kernel32.GlobalMemoryStatusEx(ctypes.byref(status)):  # type: ignore[attr-defined]
            return int(status.ullTotalPhys)
    return None


def index_cache_kib(file_bytes: int, memory: int | None) -> int:
    """The page cache (KiB) for the index builds of a bulk load into ``file_bytes``."""
    cap = BULK_INDEX_CACHE_MAX_KIB if memory is None else min(BULK_INDEX_CACHE_MAX_KIB, memory // 4096)
    return max(BULK_CACHE_KIB, min(file_bytes // 1024, cap))


def grow_for_index_builds(raw: Any) -> int:
    """Inside ``bulk_cache``: grow ``raw``'s cache for the load's index builds (the size set,
    KiB; ``bulk_cache`` gives the usual size back when the load ends)."""
    pages = int(raw.execute("PRAGMA page_count").fetchone()[0])
    page = int(raw.execute("PRAGMA page_size").fetchone()[0])
    kib = index_cache_kib(pages * page, physical_memory())
    raw.execute(f"PRAGMA cache_size = -{kib}")
    return kib


# A bulk load's COMMIT (the demo, an import) appends every page it made to the WAL and,
# with synchronous=FULL, fsyncs the WAL before it returns: from then on the load is
# durable (a crash or power cut after COMMIT replays it from the WAL). SQLite's automatic
# checkpoint would then copy the whole WAL into the database file and fsync that too,
# inside the same COMMIT call (0.25-0.4 s of a 50k-row import's ~2.9 s, 116 MB): work
# nobody has to wait for. ``checkpoint_after_commit`` turns it off for the load's
# connection; when the connection is given back (after COMMIT or ROLLBACK), the pool's
# check-in restores it and a thread of its own copies the WAL with a PASSIVE checkpoint
# (it blocks no reader nor writer); ``settle_checkpoint`` waits for it (Database.dispose).
AUTOCHECKPOINT_INFO = "samoe.autocheckpoint"
_checkpoints: weakref.WeakKeyDictionary[Engine, list[threading.Thread]] = weakref.WeakKeyDictionary()


def checkpoint_after_commit(conn: Any) -> bool:
    """The COMMIT of ``conn``'s transaction (a SQLAlchemy Connection on a SQLite file in WAL
    mode) leaves the WAL's copy into the database file to a background checkpoint when the
    connection is given back. False (nothing changed) for other databases."""
    raw = conn.connection.driver_connection
    if conn.dialect.name != "sqlite" or raw is None:
        return False
    if str(raw.execute("PRAGMA journal_mode").fetchone()[0]).lower() != "wal":
        return False
    info = conn.connection.info
    if AUTOCHECKPOINT_INFO not in info:
        info[AUTOCHECKPOINT_INFO] = int(raw.execute("PRAGMA wal_autocheckpoint").fetchone()[0])
    raw.execute("PRAGMA wal_autocheckpoint = 0")
    return True


def _checkin_listener(engine: Engine) -> Callable[[Any, Any], None]:
    ref = weakref.ref(engine)

    def on_checkin(dbapi_connection: Any, record: Any) -> None:
        before = record.info.pop(AUTOCHECKPOINT_INFO, None)
        if before is None or dbapi_connection is None:
            return
        dbapi_connection.execute(f"PRAGMA wal_autocheckpoint = {int(before)}")
        owner = ref()
        if owner is not None:
            thread = threading.Thread(target=_checkpoint_thread, args=(ref,),
                                      name="samoe-checkpoint")
            running = [t for t in _checkpoints.get(owner, []) if t.is_alive()]
            _checkpoints[owner] = [*running, thread]
            thread.start()

    return on_checkin


def _checkpoint_thread(ref: weakref.ReferenceType[Engine]) -> None:
    engine = ref()
    if engine is not None:
        # a failure leaves the WAL to the next commit's automatic checkpoint
        with contextlib.suppress(Exception):
            checkpoint(engine)


def checkpoint(engine: Engine) -> None:
    """A PASSIVE checkpoint of ``engine``'s SQLite file on a connection of its pool."""
    raw = engine.raw_connection()
    try:
        raw.driver_connection.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()  # type: ignore[union-attr]
    finally:
        raw.close()


def settle_checkpoint(engine: Engine, timeout: float | None = None) -> bool:
    """Wait for a bulk load's background checkpoint of ``engine`` (True: none running)."""
    threads = _checkpoints.get(engine, [])
    for thread in threads:
        thread.join(timeout)
    if any(thread.is_alive() for thread in threads):
        return False
    if _checkpoints.get(engine) is threads:  # none started meanwhile
        _checkpoints.pop(engine, None)
    return True


def make_engine(url: str, *, echo: bool = False, read_only: bool = False,
                key: bytes | None = None) -> Engine:
    """An engine for ``url``. ``read_only`` (SQLite on a medium that cannot be written)
    opens the file immutable: no lock, no -wal/-shm file, nothing written.

    ``key`` (a SQLite file encrypted with SQLCipher, store/cipher.py): the connections are
    ``sqlcipher3``'s, made by a ``creator`` that sets the raw key before anything else
    touches the file (before SQLAlchemy's own first-connect queries and the PRAGMAs of
    ``_on_sqlite_connect``); the dialect is the usual pysqlite one with ``sqlcipher3`` as its
    DB-API module, so its errors are wrapped like sqlite3's.

    Errors never carry the statement's parameters (names, IDs) in their message."""
    parsed = make_url(url)
    kwargs: dict[str, Any] = {"echo": echo, "future": True, "hide_parameters": True}
    path = sqlite_path(url)
    if parsed.get_backend_name() == "sqlite":
        kwargs["connect_args"] = {"timeout": busy_timeout_ms() / 1000, "check_same_thread": False}
        if key is not None and path is not None:
            kwargs.update(_keyed_engine_args(path, key, read_only=read_only))
        elif read_only and path is not None:
            uri = f"{path.as_uri()}?mode=ro&immutable=1"
            kwargs["creator"] = lambda: sqlite3.connect(uri, uri=True, check_same_thread=False)
    else:
        kwargs["pool_pre_ping"] = True
        if parsed.get_backend_name() == "postgresql" and "connect_timeout" not in parsed.query:
            from desktop.store.faults import env_seconds

            # libpq waits ~2 min on a port that never answers; give up after 10 s
            seconds = max(1, round(env_seconds("SAMOE_CONNECT_TIMEOUT", CONNECT_TIMEOUT_S)))
            kwargs["connect_args"] = {"connect_timeout": seconds}
    engine = create_engine(url, **kwargs)
    if engine.dialect.name == "sqlite":
        if read_only:
            event.listen(engine, "connect", _on_sqlite_connect_read_only)
        else:
            event.listen(engine, "connect", _on_sqlite_connect)
            event.listen(engine, "begin", _on_sqlite_begin)
            event.listen(engine, "checkin", _checkin_listener(engine))
    return engine


def _keyed_engine_args(path: Path, key: bytes, *, read_only: bool) -> dict[str, Any]:
    from desktop.store import cipher

    cipher.remember(path, key)  # the raw connections of checks and backups use it too
    timeout = busy_timeout_ms() / 1000
    if read_only:
        database, uri = f"{path.as_uri()}?mode=ro&immutable=1", True
    else:
        database, uri = str(path), False

    def creator() -> Any:
        return cipher.keyed_connect(database, key, uri=uri, timeout=timeout,
                                    check_same_thread=False)

    return {"creator": creator, "module": cipher.sqlcipher}


def _on_sqlite_begin(conn: Any) -> None:
    if conn.get_execution_options().get(READ_ONLY_OPTION):
        conn.exec_driver_sql("BEGIN")
    else:
        conn.exec_driver_sql("BEGIN IMMEDIATE")


def read_engine(engine: Engine) -> Engine:
    """The same engine for work that only reads (deferred transactions: no write lock,
    never waits for a writer in WAL mode)."""
    return engine.execution_options(**{READ_ONLY_OPTION: True})


def is_sqlite(engine: Engine) -> bool:
    return engine.dialect.name == "sqlite"


@dataclass
class Database:
    """One open database: its URL, engine and session factory."""

    url: str
    engine: Engine
    sessions: sessionmaker[Session]
    read_only: bool = False
    readers: sessionmaker[Session] | None = None
    damage_check: Future[list[str]] | None = field(default=None, repr=False)
    # Who works on it (services/access.py's Actor; opaque here): every session opened from
    # now on carries it in ``session.info["actor"]`` for the services' permission checks.
    actor: object | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        if self.readers is None:
            self.readers = sessionmaker(read_engine(self.engine), expire_on_commit=False)
        self.set_actor(self.actor)

    def set_actor(self, actor: object | None) -> None:
        """Sign ``actor`` in (None: out) for the sessions opened from now on
        (services/access.py ``sign_in``; the sessions already open keep theirs)."""
        self.actor = actor
        for factory in (self.sessions, self.readers):
            if factory is not None:
                factory.configure(info={"actor": actor})
        if actor is None:
            _engine_actors.pop(self.engine, None)
        else:
            _engine_actors[self.engine] = actor

    @classmethod
    def open(cls, target: str | os.PathLike[str] | None = None, *, read_only: bool = False,
             create_folder: bool = True, key: bytes | None = None) -> Database:
        """Open (SQLite: the file is made on first write). ``create_folder`` makes a
        missing parent folder; the commands a clerk types decide that in
        services/database.open_database, not here. ``key``: the raw SQLCipher key of an
        encrypted file (a new file is made encrypted); None: the one remembered for
        this file in store/cipher.py, if any."""
        url = resolve_url(target)
        path = sqlite_path(url)
        if path is not None and create_folder and not read_only:
            path.parent.mkdir(parents=True, exist_ok=True)
        if key is None and path is not None:
            from desktop.store.cipher import key_for

            key = key_for(path)
        engine = make_engine(url, read_only=read_only, key=key)
        return cls(url, engine, sessionmaker(engine, expire_on_commit=False), read_only)

    @contextmanager
    def session(self, *, wait: float | None = None) -> Iterator[Session]:
        """A session whose transaction commits on success and rolls back on error.
        On SQLite it takes the write lock when it begins (BEGIN IMMEDIATE), waiting for
        another writer up to ``wait`` seconds (None: the busy timeout). Audit entries
        that wait beside the file (store/audit_pending.py) are appended in it."""
        if self.read_only:
            from desktop.store.faults import DatabaseReadOnly, read_only_message

            raise DatabaseReadOnly(read_only_message(self.path))
        if self.damage_check is not None:
            problems = self.damage_check.result()  # done long before the first save
            if problems:
                from desktop.store.faults import DatabaseDamaged, damaged_message

                raise DatabaseDamaged(damaged_message(self.path, problems[0][:200]))
        from desktop.store import audit_pending

        path = self.path
        drained: list[str] = []
        if wait is None or not is_sqlite(self.engine):
            with self.sessions() as session, session.begin():
                if audit_pending.waiting(path):
                    assert path is not None
                    drained = audit_pending.drain(session, path)
                yield session
        else:
            with self.engine.connect() as conn:
                raw = conn.connection.driver_connection
                assert raw is not None
                raw.execute(f"PRAGMA busy_timeout = {max(0, int(wait * 1000))}")
                try:
                    with self.sessions(bind=conn) as session, session.begin():
                        if audit_pending.waiting(path):
                            assert path is not None
                            drained = audit_pending.drain(session, path)
                        yield session
                finally:
                    raw.execute(f"PRAGMA busy_timeout = {busy_timeout_ms()}")
        if drained and path is not None:
            audit_pending.forget(path, drained)  # committed: the lines can go

    @contextmanager
    def reader(self) -> Iterator[Session]:
        """A session for reading only (nothing is committed; no write lock taken)."""
        assert self.readers is not None
        with self.readers() as session:
            yield session

    @property
    def path(self) -> Path | None:
        return sqlite_path(self.url)

    def check_in_background(self) -> None:
        """Run SQLite's ``quick_check`` on a thread of its own (0.43 s at 100k children) and
        refuse every write session if it finds damage: for the GUI, which opens without
        waiting for the check. Reads go on meanwhile."""
        path = self.path
        if path is None or self.read_only or self.damage_check is not None:
            return
        result: Future[list[str]] = Future()

        def run() -> None:
            from desktop.store.cipher import DatabaseError
            from desktop.store.integrity import open_for_check, quick_check

            try:
                conn = open_for_check(path, timeout=busy_timeout_ms() / 1000)
                try:
                    result.set_result(quick_check(conn, limit=3))
                finally:
                    conn.close()
            except DatabaseError as exc:  # sqlite3's or sqlcipher3's (an encrypted file)
                name = str(getattr(exc, "sqlite_errorname", ""))
                # busy or cannot open: not damage; the write will meet the real cause
                result.set_result([] if not name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB"))
                                  else [str(exc)])
            except BaseException:  # noqa: BLE001 - a check that fails refuses nothing
                result.set_result([])

        self.damage_check = result
        threading.Thread(target=run, name="samoe-quick-check", daemon=True).start()

    def dispose(self) -> None:
        settle_checkpoint(self.engine)  # a bulk load's WAL copy ends before the file is let go
        self.engine.dispose()


# The actor of the Database an engine belongs to, for the bulk writers that take an engine
# (services/demo.py) and check the permission themselves.
_engine_actors: weakref.WeakKeyDictionary[Engine, object] = weakref.WeakKeyDictionary()


def engine_actor(engine: Engine) -> object | None:
    return _engine_actors.get(engine)


class QueryInterrupted(Exception):
    """A read was stopped: it ran past its time budget or its caller gave up on it."""


@contextmanager
def interruptible(
    session: Session, *, seconds: float | None = None, stop: Callable[[], bool] | None = None
) -> Iterator[None]:
    """Stop the SQLite statements run inside after ``seconds``, or as soon as ``stop()``.

    Raises QueryInterrupted. The GUI runs a list query with a small budget on its own
    thread and moves it to a worker when it does not fit, so typing never freezes.
    Other backends run without a limit.
    """
    if session.get_bind().dialect.name != "sqlite":
        yield
        return
    raw = session.connection().connection.driver_connection
    assert raw is not None
    deadline = time.monotonic() + seconds if seconds is not None else None

    def check() -> int:
        if deadline is not None and time.monotonic() > deadline:
            return 1
        return 1 if stop is not None and stop() else 0

    raw.set_progress_handler(check, 2000)
    try:
        yield
    except OperationalError as exc:
        if "interrupted" in str(exc).lower():
            raise QueryInterrupted() from exc
        raise
    finally:
        raw.set_progress_handler(None, 0)
