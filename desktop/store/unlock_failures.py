"""Failed unlocks of an encrypted database, kept beside its keyring. No Qt.

A wrong password at the unlock step (store/cipher.py ``unwrap``) cannot be counted in the
database: it is not open yet. The failures are kept instead in a small JSON file beside
the keyring, ``<name>.db.keys.failures``, written atomically (desktop/atomic.py)::

    {"format": "samoe-unlock-failures", "version": 1,
     "users": {"admin": {"failures": ["2026-11-30T13:01:02"], "lockouts": 1,
                          "locked_until": "2026-11-30T13:16:02"}}}

Times are UTC. Only names and times: never a password, nor anything derived from one.
The rule (how many, within how long, how long a lock lasts) is services/access.py's; the
counting is services/keys.py ``unlock``. A damaged or unreadable file counts as empty and
is written anew at the next failure. Whoever can delete files beside the database can
delete this one too: like the Argon2id cost of each guess, it slows guessing through
the program, not an attacker holding a copy of the files.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from desktop.atomic import write_bytes
from desktop.store.cipher import CipherError, keyring_path
from desktop.store.file_lock import held

SUFFIX = ".failures"
FORMAT = "samoe-unlock-failures"
VERSION = 1
KEEP = 50  # failures kept per name (the rule needs 5; a flood does not grow the file)


class LockedOut(CipherError):  # noqa: N818 - the words a clerk sees
    """The name is locked at the unlock step; ``until`` (UTC) when it opens again."""

    def __init__(self, message: str, until: datetime) -> None:
        super().__init__(message)
        self.until = until


@dataclass
class NameState:
    failures: list[datetime] = field(default_factory=list)
    lockouts: int = 0
    locked_until: datetime | None = None

    def to_json(self) -> dict[str, Any]:
        return {"failures": [t.isoformat(timespec="seconds") for t in self.failures[-KEEP:]],
                "lockouts": self.lockouts,
                "locked_until": self.locked_until.isoformat(timespec="seconds")
                if self.locked_until is not None else None}

    @classmethod
    def from_json(cls, data: Any) -> NameState:
        until = data.get("locked_until")
        return cls([_utc(t) for t in list(data.get("failures", []))][-KEEP:],
                   int(data.get("lockouts", 0) or 0), _utc(until) if until else None)


def _utc(text: object) -> datetime:
    """A stored time as the naive UTC the program compares (one with an offset is moved)."""
    at = datetime.fromisoformat(str(text))
    return at if at.tzinfo is None else at.astimezone(UTC).replace(tzinfo=None)




@contextmanager
def counting(path: Path) -> Iterator[None]:
    """Hold the failures of ``path`` for one read-count-write, across processes: a lock
    file made with O_EXCL (the same on Windows and Linux), removed afterwards. Wrong
    passwords typed at once in several programs were each counted over the same old
    state, and the lost counts let a name be guessed past the lock. A lock left by a
    process that was killed is taken over once stale; one that cannot be had in time does
    not stop the count (the write is still atomic: at worst one count is lost)."""
    with held(failures_path(path).with_name(failures_path(path).name + ".lock")):
        yield


def failures_path(path: Path) -> Path:
    ring = keyring_path(path)
    return ring.with_name(ring.name + SUFFIX)


def read(path: Path) -> dict[str, NameState]:
    """Per user name, the failed unlocks of database ``path`` (empty when none, or when
    the file is unreadable or damaged)."""
    try:
        data = json.loads(failures_path(path).read_bytes().decode("utf-8"))
        if data.get("format") != FORMAT:
            return {}
        return {str(name): NameState.from_json(state) for name, state in dict(data["users"]).items()}
    except (OSError, ValueError, KeyError, TypeError, AttributeError, UnicodeDecodeError):
        return {}


def write(path: Path, states: dict[str, NameState]) -> None:
    """Write them (atomically); the file is removed when no name has anything left. A
    medium that cannot be written (read-only, full) keeps what it had: the unlock is
    refused all the same."""
    where = failures_path(path)
    try:
        if not states:
            where.unlink(missing_ok=True)
            return
        data = {"format": FORMAT, "version": VERSION,
                "users": {name: s.to_json() for name, s in sorted(states.items())}}
        write_bytes(where, json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8"))
    except OSError:
        pass

