"""No byte of a bundle can change without a refusal: every byte of a small real bundle
flipped (two ways), the file cut at every point, and an interrupted write."""

from __future__ import annotations

import collections
import os
import time
from pathlib import Path
from typing import Any

import pytest
from exchange_kit import (
    MUNI,
    PROVINCE,
    T0,
    members_of,
    small_bundle,
    small_tables,
    verify_kwargs,
)

from desktop.exchange import archive
from desktop.exchange import bundle as bundle_module
from desktop.exchange.bundle import verify_bundle, write_bundle
from desktop.exchange.reasons import Refusal

SECONDS = 20.0


def _small() -> bytes:
    """A real bundle of two files (children, households), about 1.6 KB."""
    tables = {"children": small_tables()["children"][:3], "households": small_tables()["households"][:2]}
    return small_bundle(tables=tables).data


def _codes(variants: Any, kwargs: dict[str, Any]) -> collections.Counter[str]:
    codes: collections.Counter[str] = collections.Counter()
    accepted = []
    for where, data in variants:
        try:
            verify_bundle(data, **kwargs)
        except Refusal as refusal:
            codes[refusal.code] += 1
        else:
            accepted.append(where)
    assert not accepted, f"accepted after a change at {accepted[:20]}"
    return codes


@pytest.mark.parametrize("mask", [0xFF, 0x01, 0x80])
def test_a_flip_of_every_single_byte_is_refused(mask: int) -> None:
    data = small_bundle().data  # four payload files, about 3.8 KB
    kwargs = verify_kwargs()
    verify_bundle(data, **kwargs)  # the original verifies
    start = time.perf_counter()
    codes = _codes(((i, data[:i] + bytes([data[i] ^ mask]) + data[i + 1:]) for i in range(len(data))),
                   kwargs)
    took = time.perf_counter() - start
    assert sum(codes.values()) == len(data)
    assert took < SECONDS, f"{len(data)} flips took {took:.1f} s"
    assert codes["archive.damaged"] > len(data) // 2, codes  # most land in member bytes (CRC)


def test_a_flip_of_every_single_bit_is_refused() -> None:
    data = _small()
    codes = _codes((((i, bit), data[:i] + bytes([data[i] ^ (1 << bit)]) + data[i + 1:])
                    for i in range(len(data)) for bit in range(8)), verify_kwargs())
    assert sum(codes.values()) == 8 * len(data)


def test_a_flip_of_every_member_byte_with_the_archive_rebuilt_is_refused() -> None:
    """An attacker who rewrites the archive (right CRCs, canonical layout) still meets the
    signature (manifest.json, manifest.sig) and the signed hashes (payload files)."""
    data = small_bundle().data
    members = members_of(data)

    def variants() -> Any:
        for k, (name, body) in enumerate(members):
            for i in range(len(body)):
                changed = body[:i] + bytes([body[i] ^ 0x01]) + body[i + 1:]
                yield (name, i), archive.build([*members[:k], (name, changed), *members[k + 1:]])

    codes = _codes(variants(), verify_kwargs())
    assert sum(codes.values()) == sum(len(b) for _n, b in members)
    assert set(codes) <= {"signature.bad", "file.hash", "key.unknown"}, codes  # key: in manifest.sig
    assert codes["file.hash"] == sum(len(b) for n, b in members if n.startswith("payload/"))


def test_truncation_at_every_point_is_refused() -> None:
    data = _small()
    codes = _codes(((n, data[:n]) for n in range(len(data))), verify_kwargs())
    assert set(codes) <= {"archive.damaged", "archive.not_canonical"}, codes


def test_bytes_added_anywhere_are_refused() -> None:
    data = _small()
    step = 7
    codes = _codes(((i, data[:i] + b"\x00" + data[i:]) for i in range(0, len(data) + 1, step)),
                   verify_kwargs())
    assert sum(codes.values()) == len(range(0, len(data) + 1, step))


def _write(target: Path) -> None:
    write_bundle(target, sender=MUNI.keys, sign_private=MUNI.sign_private, recipient=PROVINCE.keys,
                 tables=small_tables(), sequence=1, previous=None, created=T0, schema="0010",
                 program="0.1.0")


def test_a_failed_write_leaves_the_old_file_and_no_temporary_file(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "to-province.samoe"
    target.write_bytes(b"the previous bundle")
    real_fsync = os.fsync

    def pulled_out(fd: int) -> None:  # the USB stick is pulled while the file is flushed
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(bundle_module.os, "fsync", pulled_out)
    with pytest.raises(OSError):
        _write(target)
    monkeypatch.setattr(bundle_module.os, "fsync", real_fsync)
    assert target.read_bytes() == b"the previous bundle"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["to-province.samoe"]


def test_a_write_whose_read_back_differs_is_not_renamed(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "new.samoe"
    real_read = Path.read_bytes

    def bad_read(self: Path) -> bytes:  # a stick that returns other bytes than written
        data = real_read(self)
        return data[:100] + bytes([data[100] ^ 1]) + data[101:]

    monkeypatch.setattr(Path, "read_bytes", bad_read)
    with pytest.raises(OSError):
        _write(target)
    monkeypatch.undo()
    assert list(tmp_path.iterdir()) == []


def test_a_write_cut_short_leaves_no_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The disk fills half-way: no file at the target, none beside it."""
    target = tmp_path / "new.samoe"

    real_open = open

    def filling(path: Any, mode: str = "r", *args: Any, **kw: Any) -> Any:
        handle = real_open(path, mode, *args, **kw)
        if "w" in mode:
            real_write = handle.write

            def write(data: bytes) -> int:
                real_write(data[: len(data) // 2])
                raise OSError(28, "No space left on device")

            handle.write = write
        return handle

    monkeypatch.setattr("builtins.open", filling)
    with pytest.raises(OSError):
        _write(target)
    monkeypatch.undo()
    assert list(tmp_path.iterdir()) == []


def test_progress_is_told_per_file_and_a_cancel_writes_nothing(tmp_path: Path) -> None:
    target = tmp_path / "new.samoe"
    seen: list[int] = []

    def cancel_at_the_third(done: int) -> None:
        seen.append(done)
        if len(seen) == 3:
            raise KeyboardInterrupt  # stands for the service's Cancelled

    with pytest.raises(KeyboardInterrupt):
        write_bundle(target, sender=MUNI.keys, sign_private=MUNI.sign_private,
                     recipient=PROVINCE.keys, tables=small_tables(), sequence=1, previous=None,
                     created=T0, schema="0010", program="0.1.0", rows_per_file=10,
                     progress=cancel_at_the_third)
    assert seen == [10, 20, 25]
    assert list(tmp_path.iterdir()) == []


def test_random_changes_to_the_headers_end_in_a_refusal_never_a_crash() -> None:
    """Several bytes at once, in the directory and end record where lengths and offsets
    live: only refusals come out (no IndexError, struct.error, MemoryError...)."""
    import random

    data = small_bundle().data
    rng = random.Random(10)
    tail = 400

    def variants() -> Any:
        for n in range(3000):
            changed = bytearray(data)
            for _ in range(rng.randint(1, 4)):
                changed[len(data) - rng.randint(1, tail)] = rng.randrange(256)
            if bytes(changed) != data:
                yield n, bytes(changed)

    _codes(variants(), verify_kwargs())


def test_random_bytes_are_not_canonical_json() -> None:
    import random

    from desktop.exchange import canonical

    rng = random.Random(7)
    alphabet = b'{}[]",:0123456789-.eEtrufalsn\\u \n\x00\xe0\xb8\x81abc'
    refused = 0
    for _ in range(5000):
        blob = bytes(rng.choice(alphabet) for _ in range(rng.randint(0, 24)))
        try:
            value = canonical.loads(blob)
        except canonical.NotCanonical:
            refused += 1
        else:
            assert canonical.dumps(value) == blob
    assert refused > 4000
