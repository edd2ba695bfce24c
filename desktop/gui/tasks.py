"""The one background helper for long work (imports, exports, reports, demo data).

``TaskRunner.run(work, on_done=..., label=...)`` runs ``work(progress)`` on a worker
thread, delivers progress and the result or the error on the GUI thread, and runs the
jobs that write to the database one at a time. Each job opens its own session: ORM
objects never cross threads. The main window shows a progress bar and a cancel button
for whatever is running (modelled on Anki's ``qt/aqt/taskman.py``).
"""

from __future__ import annotations

import threading
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from desktop.services.progress import Cancelled, Progress


class _Signals(QObject):
    progressed = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(object, str)
    cancelled = Signal()


class _Job(QRunnable):
    def __init__(self, work: Callable[[Progress], Any], progress: Progress, signals: _Signals,
                 lock: threading.Lock | None) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._work, self._progress, self._signals, self._lock = work, progress, signals, lock

    def run(self) -> None:
        try:
            if self._lock is not None:
                with self._lock:
                    result = self._work(self._progress)
            else:
                result = self._work(self._progress)
        except Cancelled:
            self._signals.cancelled.emit()
        except BaseException as exc:  # noqa: BLE001 - delivered to the GUI thread
            self._signals.failed.emit(exc, traceback.format_exc())
        else:
            self._signals.succeeded.emit(result)


class TaskHandle:
    def __init__(self, progress: Progress, label: str) -> None:
        self.progress = progress
        self.label = label
        self.done = False

    def cancel(self) -> None:
        self.progress.cancel()


class TaskRunner(QObject):
    """Runs jobs off the GUI thread; tells the window what runs so it can show progress."""

    started = Signal(object)  # TaskHandle
    progressed = Signal(object, int, int, str)
    ended = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(2)
        self._write_lock = threading.Lock()
        self._live: set[_Signals] = set()
        self.running: list[TaskHandle] = []

    def run(
        self,
        work: Callable[[Progress], Any],
        *,
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException, str], None] | None = None,
        on_cancel: Callable[[], None] | None = None,
        label: str = "",
        writes: bool = False,
        quiet: bool = False,
    ) -> TaskHandle:
        """``quiet`` jobs (a list's background count) show no progress bar and are not
        cancelled by the window's cancel button; their owner stops them itself."""
        signals = _Signals()  # lives in the GUI thread: its slots run there
        handle: TaskHandle

        def report(done: int, total: int, message: str) -> None:
            signals.progressed.emit(done, total, message)

        progress = Progress(report)
        handle = TaskHandle(progress, label)

        def finish() -> None:
            handle.done = True
            if handle in self.running:
                self.running.remove(handle)
            self._live.discard(signals)
            if not quiet:
                self.ended.emit(handle)

        def succeeded(result: object) -> None:
            finish()
            if on_done is not None:
                on_done(result)

        def failed(exc: BaseException, tb: str) -> None:
            finish()
            if on_error is not None:
                on_error(exc, tb)
            else:
                raise exc

        def cancelled() -> None:
            finish()
            if on_cancel is not None:
                on_cancel()

        signals.progressed.connect(lambda d, t, m: self.progressed.emit(handle, d, t, m))
        signals.succeeded.connect(succeeded)
        signals.failed.connect(failed)
        signals.cancelled.connect(cancelled)
        self._live.add(signals)
        if not quiet:
            self.running.append(handle)
            self.started.emit(handle)
        self._pool.start(_Job(work, progress, signals, self._write_lock if writes else None))
        return handle

    def wait(self, msecs: int = -1) -> bool:
        """Block until every job has finished (tests, closing the window)."""
        return self._pool.waitForDone(msecs)

    def cancel_all(self) -> None:
        for handle in list(self.running):
            handle.cancel()
