"""A bundle's payload files: rows of one table, at most ``ROWS_PER_FILE`` to a file, as JSON
lines, compressed, then encrypted to the recipient's X25519 key with HPKE.

One payload file, from the inside out:

- **rows**: each row a canonical JSON object (desktop/exchange/canonical.py) followed by
  ``\\n``; at most ``ROWS_PER_FILE`` (10,000) rows, so no file, and no buffer of the writer
  or the reader, ever holds more than that many rows (100k children make 10 files);
- **compressed** with zlib (RFC 1950, level ``LEVEL``; the standard library, no new
  dependency); a reader inflates at most ``MAX_PLAIN_BYTES`` (64 MiB) of one file
  (``archive.bomb`` past that);
- **encrypted** with HPKE (RFC 9180) base mode, suite DHKEM(X25519, HKDF-SHA256),
  HKDF-SHA256, AES-256-GCM, single shot (``cryptography``'s ``hpke.Suite``): the file's
  bytes are the 32-byte encapsulated key followed by the AEAD ciphertext and its 16-byte
  tag. The HPKE ``info`` is ``PAYLOAD_DOMAIN`` followed by the canonical JSON
  ``{"bundle": <uuid>, "path": <member name>, "recipient": <key id>}``, so a file moved to
  another slot, another bundle or meant for another key does not decrypt
  (``payload.decrypt``).
"""

from __future__ import annotations

import json
import re
import zlib
from collections.abc import Iterable, Iterator
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hpke
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey

from desktop.exchange import canonical
from desktop.exchange.reasons import Refusal

PAYLOAD_DOMAIN = b"samoe/payload/v1\x00"
ROWS_PER_FILE = 10_000
MAX_PLAIN_BYTES = 64 * 1024 * 1024
LEVEL = 6
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


def encode(rows: Iterable[dict[str, Any]], size: int = ROWS_PER_FILE) -> Iterator[tuple[bytes, int]]:
    """(compressed JSON lines, row count) of each payload file of ``rows``, ``size`` rows
    to a file. Each row is turned into its bytes as it comes: one file's encoded lines
    (not its row objects) are all that is held."""
    if not 1 <= size <= ROWS_PER_FILE:
        raise ValueError(f"a payload file holds 1 to {ROWS_PER_FILE} rows")
    lines: list[bytes] = []
    for row in rows:
        lines.append(canonical.dumps_row(row))
        if len(lines) >= size:
            yield _pack(lines), len(lines)
            lines = []
    if lines:
        yield _pack(lines), len(lines)


def _pack(lines: list[bytes]) -> bytes:
    return zlib.compress(b"\n".join(lines) + b"\n", LEVEL)


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


def _no_float(text: str) -> Any:
    raise ValueError(f"float {text}")


_row_decoder = json.JSONDecoder(parse_float=_no_float, parse_constant=_no_float)


def decode(plain: bytes, path: str, max_bytes: int = MAX_PLAIN_BYTES) -> Iterator[dict[str, Any]]:
    """The rows of a decrypted payload file (at most ``ROWS_PER_FILE``), parsed one at a
    time as they are read: the inflated text is held, not every row object. The stream
    and the row count are checked before the first row; a bad line raises when reached."""
    inflater = zlib.decompressobj()
    try:
        body = inflater.decompress(plain, max_bytes + 1)
    except zlib.error as exc:
        raise Refusal("payload.schema", f"{path}: {exc}") from exc
    if len(body) > max_bytes:
        raise Refusal("archive.bomb", f"{path}: inflates past {max_bytes} bytes")
    if not inflater.eof or inflater.unused_data or inflater.unconsumed_tail:
        raise Refusal("payload.schema", f"{path}: compressed stream not whole")
    if body and not body.endswith(b"\n"):
        raise Refusal("payload.schema", f"{path}: last line not ended")
    try:
        lines = body.decode("utf-8").split("\n")
    except UnicodeDecodeError as exc:
        raise Refusal("payload.schema", f"{path}: not UTF-8") from exc
    del body
    lines.pop()
    if len(lines) > ROWS_PER_FILE:
        raise Refusal("payload.schema", f"{path}: more than {ROWS_PER_FILE} rows")
    return _rows(lines, path)


def _rows(lines: list[str], path: str) -> Iterator[dict[str, Any]]:
    decode_line = _row_decoder.decode
    for number, line in enumerate(lines, 1):
        try:
            row = decode_line(line)
        except (ValueError, RecursionError) as exc:
            raise Refusal("payload.schema", f"{path} line {number}: {str(exc)[:100]}") from exc
        if type(row) is not dict:
            raise Refusal("payload.schema", f"{path} line {number}: not an object")
        yield row
