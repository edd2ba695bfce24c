"""Engine and session factory.

SQLite (the default, one file in the user data directory) runs with WAL,
``synchronous=FULL``, ``foreign_keys=ON`` and a busy timeout, all set on every new
connection. Any other SQLAlchemy URL (PostgreSQL at the province) works unchanged.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

BUSY_TIMEOUT_MS = 10_000


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
    path = Path(text).expanduser().resolve()
    path.parent.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{path}"


def sqlite_path(url: str) -> Path | None:
    """The file behind a SQLite URL, or None (memory database, other backends)."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database:
        return None
    if parsed.database == ":memory:":
        return None
    return Path(parsed.database)


def _on_sqlite_connect(dbapi_connection: Any, _record: Any) -> None:
    # Python's sqlite3 (before 3.12's autocommit attribute) begins transactions only before
    # DML, so DDL would commit on its own and a failed migration would stay half-applied.
    # Turn its handling off and let SQLAlchemy's "begin" event below emit BEGIN itself.
    dbapi_connection.isolation_level = None
    # Not inside a transaction here, or foreign_keys would be a no-op.
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = FULL")
        cursor.execute("PRAGMA foreign_keys = ON")
        # 48 MiB a connection. Measured at 1M children: a common 3-letter search looks up
        # ~13k rows to sort them; below ~48 MiB those pages do not stay cached (24 ms vs
        # 11 ms), and 64 MiB on every connection pushed peak memory towards 200 MB.
        cursor.execute("PRAGMA cache_size = -49152")
    finally:
        cursor.close()


def make_engine(url: str, *, echo: bool = False) -> Engine:
    parsed = make_url(url)
    kwargs: dict[str, Any] = {"echo": echo, "future": True}
    if parsed.get_backend_name() == "sqlite":
        kwargs["connect_args"] = {"timeout": BUSY_TIMEOUT_MS / 1000, "check_same_thread": False}
    else:
        kwargs["pool_pre_ping"] = True
    engine = create_engine(url, **kwargs)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _on_sqlite_connect)
        event.listen(engine, "begin", _on_sqlite_begin)
    return engine


def _on_sqlite_begin(conn: Any) -> None:
    conn.exec_driver_sql("BEGIN")


def is_sqlite(engine: Engine) -> bool:
    return engine.dialect.name == "sqlite"


@dataclass
class Database:
    """One open database: its URL, engine and session factory."""

    url: str
    engine: Engine
    sessions: sessionmaker[Session]

    @classmethod
    def open(cls, target: str | os.PathLike[str] | None = None) -> Database:
        url = resolve_url(target)
        engine = make_engine(url)
        return cls(url, engine, sessionmaker(engine, expire_on_commit=False))

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session whose transaction commits on success and rolls back on error."""
        with self.sessions() as session, session.begin():
            yield session

    @contextmanager
    def reader(self) -> Iterator[Session]:
        """A session for reading only (nothing is committed)."""
        with self.sessions() as session:
            yield session

    @property
    def path(self) -> Path | None:
        return sqlite_path(self.url)

    def dispose(self) -> None:
        self.engine.dispose()


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
