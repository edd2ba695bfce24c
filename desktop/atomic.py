"""Files written whole or not at all: a temporary file beside the target, flushed to disk,
then renamed over it (``os.replace``), and the rename itself made durable.

A failure or a cancel part-way leaves any earlier file at the target as it was and no
temporary file behind. Used by backups, reports, spreadsheets and saved copies.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path


def fsync_dir(folder: Path) -> None:
    """Make a rename in ``folder`` durable (a no-op where folders cannot be opened)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


@contextlib.contextmanager
def atomic_path(path: Path) -> Iterator[Path]:
    """A temporary path beside ``path`` for the caller to write; when the block ends
    without an exception it is flushed and renamed over ``path``, otherwise removed.

    The temporary file gets the mode of the file it replaces (0644 for a new one:
    ``mkstemp`` would leave it private)."""
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    try:
        fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:  # the folder missing, read-only, full: said of the file asked for
        exc.filename = str(path)
        raise
    os.close(fd)
    tmp = Path(name)
    try:
        yield tmp
        if os.name == "posix":
            try:
                mode = path.stat().st_mode & 0o777
            except OSError:
                mode = 0o644
            os.chmod(tmp, mode)
        fd = os.open(tmp, os.O_RDWR)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, path)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        if isinstance(exc, OSError) and exc.filename == str(tmp):  # the clerk never saw that name
            exc.filename = str(path)
        raise
    fsync_dir(folder)


def write_bytes(path: Path, data: bytes) -> None:
    with atomic_path(path) as tmp:
        tmp.write_bytes(data)


def copy_file(source: Path, target: Path) -> None:
    with atomic_path(target) as tmp, open(source, "rb") as src, open(tmp, "wb") as dst:
        shutil.copyfileobj(src, dst)
