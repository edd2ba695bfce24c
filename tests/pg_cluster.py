"""A throwaway PostgreSQL server for the tests: ``initdb`` + ``pg_ctl`` in a temp folder.

It listens on a Unix socket only (no TCP port to collide with), runs as an unprivileged
user when the tests run as root (PostgreSQL refuses to run as root), and is stopped and
deleted at the end of the session. ``SAMOE_TEST_PG_URL`` names an existing server instead.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def server_bin() -> Path | None:
    """The newest installed server's bin folder (Debian: /usr/lib/postgresql/N/bin)."""
    found = [Path(d) for d in glob.glob("/usr/lib/postgresql/*/bin") if os.access(Path(d) / "initdb", os.X_OK)]
    if found:
        return max(found, key=lambda d: int(d.parent.name) if d.parent.name.isdigit() else 0)
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def _run_as(user: str | None, *cmd: str | os.PathLike[str]) -> None:
    args = [os.fspath(c) for c in cmd]
    if user is not None:
        args = ["runuser", "-u", user, "--", *args]
    subprocess.run(args, check=True, capture_output=True, timeout=120)


@contextmanager
def throwaway_cluster() -> Iterator[str]:
    """Start a server; yield a SQLAlchemy URL of an empty database on it."""
    bindir = server_bin()
    if bindir is None:
        raise FileNotFoundError("initdb")
    user: str | None = None
    if os.geteuid() == 0:
        user = "postgres" if _has_user("postgres") else "nobody"
    base = Path(tempfile.mkdtemp(prefix="samoe-pg-"))
    data, sock = base / "data", base / "sock"
    sock.mkdir()
    if user is not None:
        entry = pwd.getpwnam(user)
        for path in (base, sock):
            os.chown(path, entry.pw_uid, entry.pw_gid)
    role = user or pwd.getpwuid(os.geteuid()).pw_name
    try:
        _run_as(user, bindir / "initdb", "-D", data, "-U", role, "-A", "trust", "-E", "UTF8",
                "--locale=C.UTF-8" if _has_locale("C.UTF-8") else "--no-locale")
        _run_as(user, bindir / "pg_ctl", "-D", data, "-w", "-t", "60", "-l", base / "log", "start",
                "-o", f"-c listen_addresses='' -c unix_socket_directories='{sock}' -c fsync=off")
        try:
            _run_as(user, bindir / "createdb", "-h", sock, "-U", role, "samoe_test")
            yield f"postgresql+psycopg://{role}@/samoe_test?host={sock}"
        finally:
            _run_as(user, bindir / "pg_ctl", "-D", data, "-m", "immediate", "stop")
    finally:
        shutil.rmtree(base, ignore_errors=True)


def _has_user(name: str) -> bool:
    try:
        pwd.getpwnam(name)
    except KeyError:
        return False
    return True


def _has_locale(name: str) -> bool:
    out = subprocess.run(["locale", "-a"], capture_output=True, text=True).stdout.lower()
    return name.lower().replace("utf-8", "utf8") in out.replace("utf-8", "utf8")
