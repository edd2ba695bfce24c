"""A payload file's inside (desktop/exchange/payload.py): one Zstandard frame of canonical
JSON lines. Every frame Samoe does not write, and every line that is not a canonical row,
ends in its reason code; a frame that declares more than the cap is ``archive.bomb``
before anything is allocated (never a MemoryError), also when the sender itself signed
and encrypted it."""

from __future__ import annotations

import hashlib
import struct
import tracemalloc
import zlib
from typing import Any

import pytest
import zstandard
from exchange_kit import (
    BUNDLE_ID,
    MUNI,
    PROVINCE,
    manifest_value,
    members_of,
    rezip,
    small_bundle,
    verify_kwargs,
)

from desktop.exchange import archive, canonical, payload
from desktop.exchange.bundle import verify_bundle
from desktop.exchange.reasons import Refusal

PATH = "payload/children/00001.hpke"


def _frame(body: bytes, **options: Any) -> bytes:
    fields: dict[str, Any] = dict(level=payload.LEVEL, write_content_size=True, write_checksum=False,
                                  write_dict_id=False)
    fields.update(options)
    return zstandard.ZstdCompressor(**fields).compress(body)


def _declaring(size: int) -> bytes:
    """A frame header declaring ``size`` bytes of content (8-byte field, 1 MiB window),
    followed by one empty last raw block: cheap to make, a bomb to anyone who trusts it."""
    header = zstandard.FRAME_HEADER + bytes([0xC0, 0x50]) + struct.pack("<Q", size)
    return header + b"\x01\x00\x00"


def _code(plain: bytes, max_bytes: int = payload.MAX_PLAIN_BYTES) -> str:
    with pytest.raises(Refusal) as caught:
        list(payload.decode(plain, PATH, max_bytes))
    return caught.value.code


def test_what_the_writer_writes() -> None:
    rows = [{"b": 1, "a": "ก"}, {"a": None}]
    [(plain, count)] = list(payload.encode(rows))
    assert count == 2
    frame = zstandard.get_frame_parameters(plain)
    body = b'{"a":"\xe0\xb8\x81","b":1}\n{"a":null}\n'
    assert (frame.content_size, frame.dict_id, frame.has_checksum) == (len(body), 0, False)
    assert zstandard.ZstdDecompressor().decompress(plain) == body
    assert plain == _frame(body)  # the level, no checksum, no dictionary id
    assert list(payload.decode(plain, PATH)) == rows


def test_a_frame_declaring_more_than_the_cap_is_a_bomb_before_any_allocation() -> None:
    for size in (payload.MAX_PLAIN_BYTES + 1, 2**40, 2**62):
        tracemalloc.start()
        try:
            assert _code(_declaring(size)) == "archive.bomb"
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
        assert peak < 1_000_000, peak


def test_a_real_bomb_and_the_cap_exactly() -> None:
    zeros = _frame(b"\n" * (payload.MAX_PLAIN_BYTES + 1))
    assert len(zeros) < 10_000
    assert _code(zeros) == "archive.bomb"
    line = canonical.dumps_row({"a": 1}) + b"\n"
    plain = _frame(line * 3)
    assert len(list(payload.decode(plain, PATH, max_bytes=len(line) * 3))) == 3
    assert _code(plain, max_bytes=len(line) * 3 - 1) == "archive.bomb"


def _no_content_size(body: bytes) -> bytes:
    streamer = zstandard.ZstdCompressor(level=payload.LEVEL).compressobj()
    return streamer.compress(body) + streamer.flush()


GOOD = canonical.dumps_row({"a": 1}) + b"\n"


@pytest.mark.parametrize("plain", [
    b"", b"\x28\xb5\x2f", GOOD, b"x" * 100,
    zlib.compress(GOOD, 6),  # the old format's zlib
    _no_content_size(GOOD),  # streamed: no content size in the header
    _frame(GOOD, write_checksum=True),
    _frame(GOOD) + b"\x00", _frame(GOOD) + _frame(GOOD),  # bytes or a frame after it
    _frame(GOOD)[:-1], _frame(GOOD)[:8],  # cut short
    _frame(b""),  # content size 0: a payload file has rows
    b"\x50\x2a\x4d\x18" + struct.pack("<I", 4) + b"skip" + _frame(GOOD),  # a skippable frame first
    zstandard.FRAME_HEADER + bytes([0x20, 5]) + b"\x19\x00\x00abc",  # says 5 bytes, holds 3
    zstandard.FRAME_HEADER + bytes([0xC0, 0xF8]) + struct.pack("<Q", 100) + b"\x01\x00\x00",  # a 2**41 window
])
def test_frames_samoe_does_not_write_are_refused(plain: bytes) -> None:
    assert _code(plain) == "payload.schema"


@pytest.mark.parametrize("body", [
    b'{"a":1}',  # the last line not ended
    b'{"a":1}\n\n', b'\n', b'{"a": 1}\n', b'{"b":1,"a":2}\n', b'{"a":1,"a":1}\n',
    b'{"a":1.5}\n', b'{"a":NaN}\n', b'{"a":9007199254740992}\n', b'{"a":"\\u0041"}\n',
    b'[1]\n', b'"a"\n', b'{"a":"\xff"}\n', b'{"a":1}\r\n',
    GOOD * (payload.ROWS_PER_FILE + 1),
])
def test_lines_that_are_not_canonical_rows_are_refused(body: bytes) -> None:
    assert _code(_frame(body)) == "payload.schema"


def _sender_made(plain: bytes) -> bytes:
    """The small bundle with its first children file replaced by ``plain``, encrypted to
    the province, listed with its size and hash and signed by the municipality: what a
    trusted sender's broken or hostile program could send."""
    built = small_bundle()
    stored = payload.encrypt(plain, PROVINCE.keys.box_public, BUNDLE_ID, PATH, PROVINCE.keys.key_id)
    members = [(n, stored if n == PATH else d) for n, d in members_of(built.data)]
    value = manifest_value(built.data)
    for f in value["files"]:
        if f["path"] == PATH:
            f["size"], f["sha256"] = len(stored), hashlib.sha256(stored).hexdigest()
    return rezip(archive.build(members), manifest=canonical.dumps(value), resign=MUNI)


@pytest.mark.parametrize(("plain", "code"), [
    (_declaring(2**62), "archive.bomb"),
    (_frame(b"\n" * (payload.MAX_PLAIN_BYTES + 1)), "archive.bomb"),
    (_no_content_size(GOOD * 10), "payload.schema"),
    (_frame(b'{"a":1.5}\n' * 10), "payload.schema"),
])
def test_a_signed_bundle_from_a_trusted_sender_with_a_bad_frame(plain: bytes, code: str) -> None:
    data = _sender_made(plain)
    with pytest.raises(Refusal) as caught:
        verify_bundle(data, **verify_kwargs())
    assert caught.value.code == code
    verified = verify_bundle(data, **verify_kwargs(read_rows=False))  # the rows wait
    with pytest.raises(Refusal) as caught:
        list(verified.rows())
    assert caught.value.code == code


@pytest.mark.parametrize("size", [1, 3, 4, 7, 10, 12])
def test_rows_given_in_their_bytes_make_the_same_files(size: int) -> None:
    """``EncodedRows`` (blocks of rows already canonical, joined by newlines) give the
    very files the row objects give, whatever the blocks' sizes against the files'."""
    rows = [{"uuid": f"u{i}", "name": "สมชาย \"\\\n", "n": i} for i in range(11)]
    lines = [canonical.dumps_row(r) for r in rows]
    blocks = [(b"\n".join(lines[a:b]), b - a) for a, b in ((0, 3), (3, 3), (3, 7), (7, 8), (8, 11))]
    plain = [zstandard.ZstdDecompressor().decompress(f) for f, _n in payload.encode(rows, size)]
    given = [zstandard.ZstdDecompressor().decompress(f) for f, _n in payload.encode(payload.EncodedRows(blocks), size)]
    assert given == plain
    assert [n for _f, n in payload.encode(payload.EncodedRows(blocks), size)] == \
        [n for _f, n in payload.encode(rows, size)]
    with pytest.raises(ValueError, match="lines"):  # a block that miscounts its rows
        list(payload.encode(payload.EncodedRows([(b"\n".join(lines[:5]), 4)]), 2))
