"""Record identifiers: time-ordered UUIDs (version 7)."""

from __future__ import annotations

import uuid

from desktop.store.models import new_uuid, uuid7


def test_uuid7_layout() -> None:
    value = uuid.UUID(uuid7(0x0123_4567_89AB, (1 << 74) - 1))
    assert value.version == 7 and value.variant == uuid.RFC_4122
    assert value.int >> 80 == 0x0123_4567_89AB


def test_uuid7_sorts_by_time_and_is_unique() -> None:
    ordered = [uuid7(1_700_000_000_000 + i) for i in range(1000)]
    assert ordered == sorted(ordered)
    fresh = {new_uuid() for _ in range(10_000)}
    assert len(fresh) == 10_000
    assert all(uuid.UUID(u).version == 7 for u in list(fresh)[:100])
