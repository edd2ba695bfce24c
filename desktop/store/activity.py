"""A note beside the database saying which Samoe work is writing to it, so that a second
writer that has to give up can say what it waited for ("นำเข้าข้อมูล since 09:12").

Best effort: a note that cannot be written (read-only folder) is skipped, and a note left
by a process that no longer runs is ignored.
"""

from __future__ import annotations

import contextlib
import json
import os
import socket
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

SUFFIX = ".samoe-writing"


def note_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + SUFFIX)


@contextlib.contextmanager
def writing(db_path: Path | None, label: str) -> Iterator[None]:
    """Leave a note for the duration of a long write (the CLI's demo, import, upgrade)."""
    note = note_path(db_path) if db_path is not None else None
    written = False
    if note is not None and db_path is not None and read_activity(db_path):
        note = None  # another live writer's note: keep it, the wait is for that one
    if note is not None:
        data = {"pid": os.getpid(), "host": socket.gethostname(), "label": label,
                "started": datetime.now().strftime("%H:%M")}
        try:
            note.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
            written = True
        except OSError:
            pass
    try:
        yield
    finally:
        if written and note is not None:
            with contextlib.suppress(OSError, ValueError):
                if json.loads(note.read_text(encoding="utf-8")).get("pid") == os.getpid():
                    note.unlink()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True
    return True


def read_activity(db_path: Path) -> str:
    """'งาน X เริ่มเมื่อ HH:MM' for a live writer's note, else ''."""
    try:
        data = json.loads(note_path(db_path).read_text(encoding="utf-8"))
        pid, label, started = int(data["pid"]), str(data["label"]), str(data["started"])
        host = str(data.get("host", ""))
    except (OSError, ValueError, KeyError, TypeError):
        return ""
    if pid == os.getpid() or (host == socket.gethostname() and not _alive(pid)):
        return ""
    where = "" if host == socket.gethostname() else f" บนเครื่อง {host}"
    return f"งาน{label} เริ่มเมื่อ {started} น.{where}"
