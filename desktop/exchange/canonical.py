"""Canonical JSON: the one byte form of a value that manifests, signature files, receipts
and payload rows are written in, and a strict reader that accepts only that form.

The canonical form of a value (documented in docs/exchange-format.md):

- objects with string keys, sorted by Unicode code point (Python's ``sorted``; this differs
  from RFC 8785's UTF-16 order only for keys mixing characters above U+FFFF with
  U+E000..U+FFFF, which Samoe's field names never do);
- strings as UTF-8, not ``\\u``-escaped, except what JSON requires: ``\\"``, ``\\\\``,
  ``\\b \\f \\n \\r \\t`` and ``\\u00XX`` (lower-case hex) for the other control characters;
  no lone surrogates;
- integers only, within ±(2**53 − 1) (what every JSON reader holds exactly), no ``-0``;
  ``true``, ``false``, ``null``; arrays;
- no floats, no NaN or Infinity, no whitespace at all, no BOM, nothing after the value.

``loads`` parses and then writes the value back: the input is accepted only when it is
byte-identical to that, so whitespace, a key order, an escape (``\\u0041`` for ``A``), a
duplicate key, a float, ``1e3``, ``-0``, a BOM or trailing bytes are all refused
(``NotCanonical``). Callers turn that into their own reason code.

Two writers give the same bytes: ``dumps`` (the standard library's ``json``; manifests,
signature files, receipts, key cards) and ``dumps_row`` (``orjson`` with ``OPT_SORT_KEYS``:
the payload's rows, five times faster). orjson alone would write what the form forbids (a
float, NaN as ``null``, an integer up to 2**64 − 1, a ``str``/``int``/``dict`` subclass, a
dataclass, a datetime, a UUID), so ``dumps_row`` checks every value's exact type first
(str, int, bool, None in one C-level pass; anything else gets ``dumps``'s full check) and
has orjson refuse integers beyond ±(2**53 − 1) (``OPT_STRICT_INTEGER``) and keys that are
not exactly ``str``; tests/exchange/test_exchange_canonical.py proves the two writers
byte-identical. ``loads_row`` (one line) and ``loads_rows`` (a payload reader's batch of
lines) parse with orjson, make the same checks, and accept only lines that are exactly
the rows written back.
"""

from __future__ import annotations

import json
from itertools import chain
from typing import Any

import orjson

MAX_SAFE_INT = 2**53 - 1
MAX_DEPTH = 32

_encoder = json.JSONEncoder(ensure_ascii=False, allow_nan=False, sort_keys=True,
                            separators=(",", ":"), check_circular=False)


class NotCanonical(ValueError):
    """The value cannot be written canonically, or the bytes are not its canonical form."""


def _check(value: Any, depth: int = 0) -> None:
    if depth > MAX_DEPTH:
        raise NotCanonical("nested too deeply")
    kind = type(value)
    if kind is str or value is None or kind is bool:
        return
    if kind is int:
        if not -MAX_SAFE_INT <= value <= MAX_SAFE_INT:
            raise NotCanonical("integer outside ±(2**53 - 1)")
        return
    if kind is dict:
        for key, item in value.items():
            if type(key) is not str:
                raise NotCanonical("object key is not a string")
            _check(item, depth + 1)
        return
    if kind is list or kind is tuple:
        for item in value:
            _check(item, depth + 1)
        return
    raise NotCanonical(f"not a canonical JSON type: {kind.__name__}")


def dumps(value: Any) -> bytes:
    """The canonical bytes of ``value`` (dict, list, str, int, bool, None only)."""
    _check(value)
    try:
        return _encoder.encode(value).encode("utf-8")
    except (UnicodeEncodeError, ValueError) as exc:  # a lone surrogate
        raise NotCanonical(str(exc)) from exc


# orjson itself refuses an integer beyond ±(2**53 − 1) (OPT_STRICT_INTEGER), and a key
# that is not exactly a str (a str subclass too)
_ROW_OPTIONS = orjson.OPT_SORT_KEYS | orjson.OPT_STRICT_INTEGER
_FLAT = frozenset({str, int, bool, type(None)})  # exact types: no subclass, no float


def _check_row(row: dict[str, Any]) -> None:
    """``_check`` of a row, the common flat case without recursion."""
    for key, item in row.items():
        kind = type(item)
        if kind is str or item is None or kind is bool:
            if type(key) is not str:
                raise NotCanonical("object key is not a string")
            continue
        if kind is int and -MAX_SAFE_INT <= item <= MAX_SAFE_INT and type(key) is str:
            continue
        _check({key: item})


def dumps_row(row: dict[str, Any]) -> bytes:
    """A row (string keys; str, int, bool or None values, or small lists/objects of them)
    in canonical form: the same bytes as ``dumps``, written by orjson."""
    if type(row) is not dict:
        raise NotCanonical(f"a row is a dict, not {type(row).__name__}")
    if not _FLAT.issuperset(map(type, row.values())):
        _check_row(row)  # a list, an object or a float: the full check
    try:
        return orjson.dumps(row, option=_ROW_OPTIONS)
    except orjson.JSONEncodeError as exc:  # a lone surrogate, a key, a large integer
        raise NotCanonical(str(exc)) from exc


def loads_row(line: bytes) -> dict[str, Any]:
    """The row of one canonical line (no ``\\n``); ``NotCanonical`` for anything else: not
    JSON, not UTF-8, not an object, a float, an integer outside ±(2**53 − 1), or any byte
    form but the canonical one (whitespace, key order, an escape, a duplicate key)."""
    try:
        row = orjson.loads(line)
    except orjson.JSONDecodeError as exc:
        raise NotCanonical(str(exc)[:200]) from exc
    if type(row) is not dict:
        raise NotCanonical("not an object")
    _check_row(row)
    if orjson.dumps(row, option=_ROW_OPTIONS) != line:
        raise NotCanonical("not the canonical form of its row")
    return row


def loads_rows(lines: list[bytes]) -> list[dict[str, Any]]:
    """The rows of ``lines`` (each without its ``\\n``): the same rows, and the same
    refusals, as ``loads_row`` of each, at about half its cost: each line parsed alone,
    one type check of every value, and one write-back of them all, compared with the lines
    joined as a JSON array (each line is a whole JSON value, so equal bytes mean every line
    is the canonical form of its row). ``NotCanonical`` names the first bad line (from 1)."""
    try:
        rows = [orjson.loads(line) for line in lines]
        # dict.values of anything but a dict (a line that is not an object) is a TypeError
        if not _FLAT.issuperset(map(type, chain.from_iterable(map(dict.values, rows)))):
            for row in rows:  # a list, an object or a float somewhere: the full check
                _check_row(row)
        if orjson.dumps(rows, option=_ROW_OPTIONS) != b"[" + b",".join(lines) + b"]":
            raise NotCanonical("not the canonical form of its rows")
    except (NotCanonical, TypeError, orjson.JSONDecodeError) as exc:  # JSONEncodeError is a TypeError
        raise _first_bad_line(lines, exc) from exc
    return rows


def _first_bad_line(lines: list[bytes], exc: Exception) -> NotCanonical:
    for number, line in enumerate(lines, 1):
        try:
            loads_row(line)
        except NotCanonical as bad:
            return NotCanonical(f"line {number}: {bad}")
    return NotCanonical(str(exc)[:200])  # pragma: no cover (loads_row refuses what this does)


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out = dict(pairs)
    if len(out) != len(pairs):
        raise NotCanonical("duplicate key")
    return out


def _no_float(text: str) -> Any:
    raise NotCanonical(f"float {text}")


def _no_constant(text: str) -> Any:
    raise NotCanonical(f"{text} is not JSON")


_decoder = json.JSONDecoder(object_pairs_hook=_pairs, parse_float=_no_float,
                            parse_constant=_no_constant)


def loads(data: bytes, *, max_bytes: int = 16 * 1024 * 1024) -> Any:
    """The value of canonical JSON ``data``; ``NotCanonical`` for anything else."""
    if len(data) > max_bytes:
        raise NotCanonical("too large")
    try:
        text = data.decode("utf-8", errors="strict")
        value = _decoder.decode(text)
    except NotCanonical:
        raise
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise NotCanonical(str(exc)[:200]) from exc
    if dumps(value) != data:
        raise NotCanonical("not the canonical form of its value")
    return value
