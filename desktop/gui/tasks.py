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
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from desktop.services.progress import Cancelled, Progress


class _Signals(QObject):
    """One job's signals, made in the GUI thread; the worker only emits them.

    No Python object crosses threads through a signal: the worker leaves the outcome in
    ``outcome`` and then emits ``finished`` (no arguments), which the runner's slot reads in
    the GUI thread. Nothing refers back to this object from a closure it holds, so it is
    freed by reference counting in the GUI thread when its job ends, never by a garbage
    collection that happens to run on a worker thread (a QObject destroyed off its thread
    corrupts Qt's state)."""

    progressed = Signal(int, int, str)
    finished = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.outcome: tuple[str, Any, str] = ("cancelled", None, "")


class _Job(QRunnable):
    def __init__(self, work: Callable[[Progress], Any], progress: Progress, signals: _Signals,
                 lock: threading.Lock | None) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._work, self._progress, self._signals, self._lock = work, progress, signals, lock

    def run(self) -> None:
        signals = self._signals
        try:
            if self._lock is not None:
                with self._lock:
                    result = self._work(self._progress)
            else:
                result = self._work(self._progress)
        except Cancelled:
            signals.outcome = ("cancelled", None, "")
        except BaseException as exc:  # noqa: BLE001 - delivered to the GUI thread
            # the text keeps the traceback; the object drops it, or its frames (this one's
            # ``signals`` among them) would make a cycle only the collector could free
            text = traceback.format_exc()
            signals.outcome = ("failed", exc.with_traceback(None), text)
        else:
            signals.outcome = ("succeeded", result, "")
        # drop the job's own references before the GUI thread takes over
        self._work = self._progress = None  # type: ignore[assignment]
        signals.finished.emit()


class TaskHandle:
    def __init__(self, progress: Progress, label: str) -> None:
        self.progress = progress
        self.label = label
        self.done = False

    def cancel(self) -> None:
        self.progress.cancel()


@dataclass
class _Record:
    handle: TaskHandle
    on_done: Callable[[Any], None] | None
    on_error: Callable[[BaseException, str], None] | None
    on_cancel: Callable[[], None] | None
    quiet: bool


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
        self._jobs: dict[_Signals, _Record] = {}
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
        signals = _Signals()  # lives in the GUI thread: the runner's slots run there
        progress = Progress(signals.progressed.emit)
        handle = TaskHandle(progress, label)
        signals.progressed.connect(self._job_progressed)
        signals.finished.connect(self._job_finished)
        self._jobs[signals] = _Record(handle, on_done, on_error, on_cancel, quiet)
        if not quiet:
            self.running.append(handle)
            self.started.emit(handle)
        self._pool.start(_Job(work, progress, signals, self._write_lock if writes else None))
        return handle

    @Slot(int, int, str)
    def _job_progressed(self, done: int, total: int, message: str) -> None:
        record = self._jobs.get(self.sender())  # type: ignore[call-overload]
        if record is not None:
            self.progressed.emit(record.handle, done, total, message)

    @Slot()
    def _job_finished(self) -> None:
        signals = self.sender()
        record = self._jobs.pop(signals, None)  # type: ignore[call-overload]
        if record is None or not isinstance(signals, _Signals):
            return
        kind, value, tb = signals.outcome
        signals.outcome = ("cancelled", None, "")
        handle = record.handle
        handle.done = True
        if handle in self.running:
            self.running.remove(handle)
        if not record.quiet:
            self.ended.emit(handle)
        if kind == "succeeded":
            if record.on_done is not None:
                record.on_done(value)
        elif kind == "failed":
            if record.on_error is None:
                raise value
            record.on_error(value, tb)
        elif record.on_cancel is not None:
            record.on_cancel()

    def wait(self, msecs: int = -1) -> bool:
        """Block until every job has finished (tests, closing the window)."""
        return self._pool.waitForDone(msecs)

    def cancel_all(self) -> None:
        for handle in list(self.running):
            handle.cancel()
