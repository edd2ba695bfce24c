"""A bundle's payload files: rows of one table, at most ``ROWS_PER_FILE`` to a file, as JSON
lines, compressed, then encrypted to the recipient's X25519 key with HPKE.

One payload file, from the inside out:

- **rows**: each row a canonical JSON object (desktop/exchange/canonical.py) followed by
  ``\\n``; at most ``ROWS_PER_FILE`` (10,000) rows, so no file, and no buffer of the writer
  or the reader, ever holds more than that many rows (100k children make 10 files); the
  writer appends each row's bytes to the file's text, the reader checks and parses them
  ``CHUNK`` (256) lines at a time (``canonical.loads_rows``: every line the canonical
  form of its row, ``payload.schema`` otherwise);
- **compressed** as one Zstandard frame (RFC 8878; ``zstandard``), level ``LEVEL`` (3), no
  dictionary, the content size in the frame header, no content checksum (the AEAD tag
  and the signed SHA-256 already cover every byte; a checksum would never fire). A reader
  takes the content size from the frame header and refuses one above ``MAX_PLAIN_BYTES``
  (64 MiB, ``archive.bomb``) before allocating anything, then decompresses into exactly
  that size; a frame without a content size, of size 0, with a checksum, a dictionary,
  a window above ``MAX_WINDOW``, bytes after it, cut short or not of its declared size is
  ``payload.schema`` (not what Samoe writes);
- **encrypted** with HPKE (RFC 9180) base mode, suite DHKEM(X25519, HKDF-SHA256),
  HKDF-SHA256, AES-256-GCM, single shot (``cryptography``'s ``hpke.Suite``): the file's
  bytes are the 32-byte encapsulated key followed by the AEAD ciphertext and its 16-byte
  tag. The HPKE ``info`` is ``PAYLOAD_DOMAIN`` followed by the canonical JSON
  ``{"bundle": <uuid>, "path": <member name>, "recipient": <key id>}``, so a file moved to
  another slot, another bundle or meant for another key does not decrypt
  (``payload.decrypt``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import chain
from typing import Any

import zstandard
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hpke
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey

from desktop.exchange import canonical
from desktop.exchange.reasons import Refusal

PAYLOAD_DOMAIN = b"samoe/payload/v1\x00"
ROWS_PER_FILE = 10_000
MAX_PLAIN_BYTES = 64 * 1024 * 1024
LEVEL = 3  # zstd's default: 10,000 children's rows ~8x faster than zlib level 6, 30% smaller
MAX_WINDOW = 8 * 1024 * 1024  # a decompression window larger than level 19's is refused
ZSTD_MAGIC = b"\x28\xb5\x2f\xfd"
SUITE = hpke.Suite(hpke.KEM.X25519, hpke.KDF.HKDF_SHA256, hpke.AEAD.AES_256_GCM)
ENC_BYTES = 32
TAG_BYTES = 16

TABLE = re.compile(r"[a-z][a-z0-9_]{0,39}")
PATH = re.compile(r"payload/([a-z][a-z0-9_]{0,39})/([0-9]{5})\.hpke")


def path_for(table: str, index: int) -> str:
    """The member name of the ``index``-th (from 1) file of ``table``."""
    if not TABLE.fullmatch(table):
        raise ValueError(f"not a wire table name: {table!r}")
    if not 1 <= index <= 99_999:
        raise ValueError("file index out of range")
    return f"payload/{table}/{index:05d}.hpke"


def info(bundle_id: str, path: str, recipient_key_id: str) -> bytes:
    return PAYLOAD_DOMAIN + canonical.dumps(
        {"bundle": bundle_id, "path": path, "recipient": recipient_key_id})


@dataclass(frozen=True)
class EncodedRows:
    """A table's rows already in their bytes, given to ``encode`` (and ``build_bundle``)
    in place of row objects: ``blocks`` yields ``(text, count)``, ``count`` rows joined by
    ``\n`` (no ``\n`` after the last), each row one canonical JSON object
    (canonical.dumps_row's exact bytes; a canonical row never holds a raw ``\n``).
    Nothing checks them here: the writer that makes them vouches for their form
    (services/exchange_sqlite_rows.py has SQLite write them and checks its JSON writer
    against dumps_row); a reader refuses a line that is not canonical (``payload.schema``)."""

    blocks: Iterable[tuple[bytes, int]]


def encode(rows: Iterable[dict[str, Any]] | EncodedRows,
           size: int = ROWS_PER_FILE) -> Iterator[tuple[bytes, int]]:
    """(compressed JSON lines, row count) of each payload file of ``rows``, ``size`` rows
    to a file. Each row is turned into its bytes as it comes and appended to the file's
    text: that text (not its row objects, nor one bytes object a row: orjson's keep
    about 8 KB each) is all that is held. ``EncodedRows`` are joined as they are."""
    if not 1 <= size <= ROWS_PER_FILE:
        raise ValueError(f"a payload file holds 1 to {ROWS_PER_FILE} rows")
    if isinstance(rows, EncodedRows):
        yield from _encode_lines(rows.blocks, size)
        return
    dumps_row = canonical.dumps_row
    body = bytearray()
    count = 0
    for row in rows:
        body += dumps_row(row)
        body += b"\n"
        count += 1
        if count >= size:
            yield _pack(body), count
            body, count = bytearray(), 0
    if count:
        yield _pack(body), count


def _encode_lines(blocks: Iterable[tuple[bytes, int]], size: int) -> Iterator[tuple[bytes, int]]:
    body = bytearray()
    count = 0
    for text, rows in blocks:
        if not rows:
            continue
        if count + rows > size:  # split at the file's end: one line a row
            lines = text.split(b"\n")
            if len(lines) != rows:
                raise ValueError(f"a block of {rows} rows holds {len(lines)} lines")
            while lines:
                take = min(size - count, len(lines))
                body += b"\n".join(lines[:take])
                body += b"\n"
                count += take
                del lines[:take]
                if count >= size:
                    yield _pack(body), count
                    body, count = bytearray(), 0
            continue
        body += text
        body += b"\n"
        count += rows
        if count >= size:
            yield _pack(body), count
            body, count = bytearray(), 0
    if count:
        yield _pack(body), count


def _compressor() -> zstandard.ZstdCompressor:
    # one a call: a (de)compression context is not to be shared between threads
    return zstandard.ZstdCompressor(level=LEVEL, write_content_size=True, write_checksum=False,
                                    write_dict_id=False)


def _pack(body: bytearray) -> bytes:
    return _compressor().compress(body)


def encrypt(plain: bytes, recipient_box_public: bytes, bundle_id: str, path: str,
            recipient_key_id: str) -> bytes:
    key = X25519PublicKey.from_public_bytes(recipient_box_public)
    return SUITE.encrypt(plain, key, info(bundle_id, path, recipient_key_id))


def decrypt(stored: bytes, box_private: X25519PrivateKey, bundle_id: str, path: str,
            recipient_key_id: str) -> bytes:
    if len(stored) < ENC_BYTES + TAG_BYTES:
        raise Refusal("payload.decrypt", f"{path}: shorter than HPKE's overhead")
    try:
        return SUITE.decrypt(stored, box_private, info(bundle_id, path, recipient_key_id))
    except (InvalidTag, ValueError) as exc:
        raise Refusal("payload.decrypt", path) from exc


def _inflate(plain: bytes, path: str, max_bytes: int) -> bytes:
    """The content of a payload file's zstd frame, its declared size checked before any
    output is allocated (python-zstandard allocates what the header declares)."""
    if not plain.startswith(ZSTD_MAGIC):
        raise Refusal("payload.schema", f"{path}: not a Zstandard frame")
    try:
        frame = zstandard.get_frame_parameters(plain)
    except zstandard.ZstdError as exc:
        raise Refusal("payload.schema", f"{path}: {exc}") from exc
    size = frame.content_size
    if size in (zstandard.CONTENTSIZE_UNKNOWN, zstandard.CONTENTSIZE_ERROR):
        raise Refusal("payload.schema", f"{path}: no content size in the frame")
    if size > max_bytes:
        raise Refusal("archive.bomb", f"{path}: inflates to {size} bytes, past {max_bytes}")
    if size == 0 or frame.dict_id or frame.has_checksum or frame.window_size > MAX_WINDOW:
        raise Refusal("payload.schema", f"{path}: not the frame Samoe writes")
    try:
        body = zstandard.ZstdDecompressor(max_window_size=MAX_WINDOW).decompress(
            plain, max_output_size=max_bytes, allow_extra_data=False)
    except zstandard.ZstdError as exc:
        raise Refusal("payload.schema", f"{path}: {exc}") from exc
    if len(body) != size:
        raise Refusal("payload.schema", f"{path}: {len(body)} bytes, the frame says {size}")
    return body


def decode(plain: bytes, path: str, max_bytes: int = MAX_PLAIN_BYTES) -> Iterator[dict[str, Any]]:
    """The rows of a decrypted payload file (at most ``ROWS_PER_FILE``), read ``CHUNK``
    lines at a time as they are asked for (``canonical.loads_rows``): the decompressed
    lines are held, not every row object. The frame and the row count are checked before
    the first row; a bad line raises when its chunk is reached."""
    return chain.from_iterable(decode_chunks(plain, path, max_bytes))


def decode_chunks(plain: bytes, path: str,
                  max_bytes: int = MAX_PLAIN_BYTES) -> Iterator[list[dict[str, Any]]]:
    """``decode``'s rows, a list of at most ``CHUNK`` at a time."""
    body = _inflate(plain, path, max_bytes)
    if not body.endswith(b"\n"):
        raise Refusal("payload.schema", f"{path}: last line not ended")
    lines = body.split(b"\n")
    del body
    lines.pop()
    if len(lines) > ROWS_PER_FILE:
        raise Refusal("payload.schema", f"{path}: more than {ROWS_PER_FILE} rows")
    return _rows(lines, path)


CHUNK = 256  # rows parsed and checked together: few enough that their memory stays warm


def _rows(lines: list[bytes], path: str) -> Iterator[list[dict[str, Any]]]:
    loads_rows = canonical.loads_rows
    for start in range(0, len(lines), CHUNK):
        try:
            yield loads_rows(lines[start:start + CHUNK])
        except canonical.NotCanonical as exc:
            raise Refusal("payload.schema", f"{path} from line {start + 1}: {str(exc)[:100]}") from exc
