"""Progress reporting and cancellation for long work, without any GUI."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field


class Cancelled(Exception):
    """The user cancelled; the work rolled back whatever it had not committed."""


ProgressCallback = Callable[[int, int, str], None]


@dataclass
class Progress:
    """Passed into long services: ``step(done, total, message)`` and cooperative cancel."""

    callback: ProgressCallback | None = None
    _cancel: threading.Event = field(default_factory=threading.Event)

    def step(self, done: int, total: int, message: str = "") -> None:
        if self._cancel.is_set():
            raise Cancelled()
        if self.callback is not None:
            self.callback(done, total, message)

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()


NO_PROGRESS = Progress()
