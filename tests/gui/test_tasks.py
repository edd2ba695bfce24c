"""The one background helper: outcomes reach the GUI thread, and a job's Qt objects are
freed there by reference counting, never by a garbage collection on a worker thread."""

from __future__ import annotations

import gc

from desktop.gui.tasks import TaskRunner, _Signals
from desktop.services.progress import Cancelled, Progress


def _live_signals() -> int:
    return sum(isinstance(o, _Signals) for o in gc.get_objects())


def test_outcomes_arrive_and_no_job_object_waits_for_the_collector(qtbot) -> None:  # type: ignore[no-untyped-def]
    runner = TaskRunner()
    got: list[object] = []

    def cancelled(p: Progress) -> None:
        raise Cancelled()

    def broken(p: Progress) -> None:
        raise ValueError("ไม่ได้")

    def counted(p: Progress) -> int:
        p.step(1, 2, "ครึ่งทาง")
        return 42

    was_enabled = gc.isenabled()
    gc.collect()
    gc.disable()  # what is left alive below is left by reference counting alone
    try:
        before = _live_signals()
        # (no waitSignal: its blocker keeps the signal's arguments, a job's handle)
        runner.run(counted, on_done=got.append, label="นับ")
        runner.run(broken, on_error=lambda exc, tb: got.append(type(exc).__name__), label="พัง")
        runner.run(cancelled, on_cancel=lambda: got.append("cancelled"), label="ยกเลิก")
        runner.wait(10_000)
        qtbot.waitUntil(lambda: len(got) == 3, timeout=10_000)
        assert sorted(map(str, got)) == ["42", "ValueError", "cancelled"]
        assert runner.running == []
        assert _live_signals() == before
    finally:
        if was_enabled:
            gc.enable()
