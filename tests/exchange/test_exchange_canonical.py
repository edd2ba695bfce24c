"""Canonical JSON (desktop/exchange/canonical.py): one byte form per value, and a reader that
refuses every other form."""

from __future__ import annotations

import pytest

from desktop.exchange import canonical


def test_the_canonical_form() -> None:
    value = {"b": [1, None, True, False], "a": "ไทย \"q\" \\ \n\t\x01\x7f", "": {"z": -5, "y": ""}}
    data = canonical.dumps(value)
    assert data == ('{"":{"y":"","z":-5},"a":"ไทย \\"q\\" \\\\ \\n\\t\\u0001\x7f",'
                    '"b":[1,null,true,false]}').encode()
    assert canonical.loads(data) == value


def test_keys_sort_by_code_point() -> None:
    assert canonical.dumps({"ข": 1, "B": 2, "a": 3, "ก": 4}) == '{"B":2,"a":3,"ก":4,"ข":1}'.encode()


@pytest.mark.parametrize("value", [1.0, float("nan"), float("inf"), 2**53, -(2**53), {1: 2},
                                   b"bytes", {"a": {1, 2}}, "\ud800"])
def test_values_without_a_canonical_form_are_refused(value: object) -> None:
    with pytest.raises(canonical.NotCanonical):
        canonical.dumps(value)


def test_the_largest_safe_integers_are_kept() -> None:
    for n in (2**53 - 1, -(2**53 - 1), 0):
        assert canonical.loads(canonical.dumps(n)) == n


@pytest.mark.parametrize("data", [
    b'{ "a":1}', b'{"a": 1}', b'{"a":1} ', b'{"a":1}\n', b' {"a":1}',  # whitespace
    b'{"b":1,"a":2}',  # key order
    b'{"a":1,"a":1}', b'{"a":1,"a":2}',  # duplicate key
    b'{"a":1.0}', b'{"a":1e3}', b'{"a":1E3}', b'{"a":-0.0}', b'{"a":-0}',  # floats, -0
    b'{"a":NaN}', b'{"a":Infinity}', b'{"a":-Infinity}',
    b'{"a":9007199254740992}', b'{"a":01}',
    b'\xef\xbb\xbf{"a":1}',  # BOM
    b'{"a":1}x', b'{"a":1}{}', b'{"a":1}\x00',  # trailing bytes
    b'"\\u0041"', b'"\\/"', b'"\\u0e01"', b'"\\u001F"', b'"\x01"',  # escapes not canonical
    b'"\\ud800"', b'"\xed\xa0\x80"', b'"\xff"',  # lone surrogate, bad UTF-8
    b'', b'{', b'[1,]', b"{'a':1}", b'[' * 5000 + b']' * 5000,
])
def test_anything_but_the_canonical_form_is_refused(data: bytes) -> None:
    with pytest.raises(canonical.NotCanonical):
        canonical.loads(data)


def test_a_row_has_the_same_bytes_as_any_value() -> None:
    row = {"z": 1, "a": "ก", "n": None, "t": True, "l": [1, "x"], "o": {"k": 2}}
    assert canonical.dumps_row(row) == canonical.dumps(row)
    with pytest.raises(canonical.NotCanonical):
        canonical.dumps_row({"f": 0.5})
    with pytest.raises(canonical.NotCanonical):
        canonical.dumps_row({"big": 2**60})


# --------------------------------------------------------------------------- rows (orjson)

import dataclasses  # noqa: E402
import enum  # noqa: E402
import random  # noqa: E402
import uuid  # noqa: E402
from collections import OrderedDict  # noqa: E402
from datetime import date, datetime  # noqa: E402
from decimal import Decimal  # noqa: E402
from typing import Any  # noqa: E402

# characters where two JSON writers could differ: every control character, DEL, the
# escapes, the line separators JavaScript dislikes, Thai (combining marks), the edges of
# the BMP, private use, and characters above U+FFFF (surrogate pairs in UTF-16)
_TRICKY = ("".join(chr(c) for c in range(0x20)) + "\x7f\x80\x9f\xa0\xad \"\\/'<>&"
           + "\u2028\u2029\ufeff\ufffd\uffff\ue000\ud7ff\u0e01\u0e34\u0e48\u0e4c\u0e3f"
           + "\U00010000\U0001f600\U0010ffff")


def _text(rnd: random.Random) -> str:
    return "".join(rnd.choice(_TRICKY + "กขคabcXYZ019 ") for _ in range(rnd.randrange(0, 12)))


def _value(rnd: random.Random, depth: int = 0) -> Any:
    kind = rnd.randrange(10 if depth < 3 else 7)
    if kind in (0, 1, 2):
        return _text(rnd)
    if kind == 3:
        return rnd.choice([0, 1, -1, 2**31, -(2**31) - 1, 2**32, 2**53 - 1, -(2**53 - 1),
                           rnd.randrange(-(2**53 - 1), 2**53)])
    if kind == 4:
        return rnd.choice([True, False])
    if kind in (5, 6):
        return None
    if kind in (7, 8):
        return [_value(rnd, depth + 1) for _ in range(rnd.randrange(4))]
    return {_text(rnd): _value(rnd, depth + 1) for _ in range(rnd.randrange(4))}


def test_dumps_row_writes_the_bytes_of_dumps_for_every_row_the_exporter_makes() -> None:
    """orjson (dumps_row) and the standard library (dumps) are two writers of one form:
    20,000 random rows of tricky strings, keys in every order, integers to ±(2**53 − 1),
    booleans, nulls and nested lists/objects give the same bytes, and read back the same."""
    rnd = random.Random(20261130)
    for _ in range(20_000):
        row = {_text(rnd): _value(rnd) for _ in range(rnd.randrange(0, 30))}
        data = canonical.dumps_row(row)
        assert data == canonical.dumps(row), row
        assert canonical.loads_row(data) == row
        assert canonical.loads(data) == row


def test_dumps_row_on_the_exporters_own_rows() -> None:
    from exchange_kit import children, households

    for row in [*children(200), *households(50)]:
        assert canonical.dumps_row(row) == canonical.dumps(row)


class _Str(str):
    pass


class _Int(int):
    pass


class _Dict(dict[str, Any]):
    pass


class _Colour(enum.IntEnum):
    RED = 1


@dataclasses.dataclass
class _Point:
    x: int


@pytest.mark.parametrize("value", [
    0.5, 1.0, -0.0, float("nan"), float("inf"), float("-inf"),  # orjson: 1.0, NaN as null
    2**53, -(2**53), 2**63, 2**64 - 1, 2**64, -(2**63) - 1,  # orjson: up to 64 bits
    _Str("x"), _Int(3), _Colour.RED, _Dict(a=1), OrderedDict(a=1),  # orjson: subclasses
    datetime(2026, 1, 1), date(2026, 1, 1), uuid.UUID(int=1), _Point(1),  # orjson: natively
    Decimal("1.5"), b"bytes", {1, 2}, (1, 2.5), {"k": 0.1}, [[[2**60]]], "\ud800", "a\udfffb",
])
def test_rows_without_a_canonical_form_are_refused_by_both_writers(value: object) -> None:
    for row in ({"v": value}, {"v": [value]}, {"o": {"v": value}}):
        with pytest.raises(canonical.NotCanonical):
            canonical.dumps_row(row)  # type: ignore[arg-type]
        with pytest.raises(canonical.NotCanonical):
            canonical.dumps(row)


@pytest.mark.parametrize("row", [
    {1: "a"}, {None: 1}, {_Str("k"): 1}, {("a",): 1}, {"o": {2: 1}},  # keys
    _Dict(a=1), OrderedDict(a=1), [("a", 1)], "a",  # not a plain dict
])
def test_rows_with_other_keys_or_containers_are_refused(row: Any) -> None:
    with pytest.raises(canonical.NotCanonical):
        canonical.dumps_row(row)


def test_deep_nesting_is_refused_as_in_dumps() -> None:
    deep: Any = "x"
    for _ in range(canonical.MAX_DEPTH + 2):
        deep = [deep]
    with pytest.raises(canonical.NotCanonical):
        canonical.dumps_row({"d": deep})


@pytest.mark.parametrize("data", [
    b'{ "a":1}', b'{"a": 1}', b'{"a":1} ', b' {"a":1}', b'{"a":1}\n', b'{"a":1}\r',
    b'{"b":1,"a":2}', b'{"a":1,"a":1}', b'{"a":1,"a":2}',  # order, duplicates
    b'{"a":1.0}', b'{"a":1e3}', b'{"a":-0.0}', b'{"a":-0}', b'{"a":0.5}', b'{"a":[1.5]}',
    b'{"a":{"b":2.0}}', b'{"a":NaN}', b'{"a":Infinity}', b'{"a":null,"b":1E2}',
    b'{"a":9007199254740992}', b'{"a":-9007199254740992}', b'{"a":18446744073709551616}',
    b'{"a":[9007199254740992]}', b'{"a":01}',
    b'\xef\xbb\xbf{"a":1}', b'{"a":1}x', b'{"a":1}{}', b'{"a":1}\x00',
    b'{"a":"\\u0041"}', b'{"a":"\\/"}', b'{"a":"\\u0e01"}', b'{"a":"\\u001F"}', b'{"a":"\x01"}',
    b'{"a":"\\ud800"}', b'{"a":"\xed\xa0\x80"}', b'{"a":"\xff"}', b'{"\\u0061":1}',
    b'', b'{', b'[1]', b'"a"', b'1', b'null', b'[{"a":1}]', b"{'a':1}",
    b'{"a":' + b'[' * 5000 + b']' * 5000 + b'}',
])
def test_loads_row_refuses_anything_but_a_canonical_row(data: bytes) -> None:
    with pytest.raises(canonical.NotCanonical):
        canonical.loads_row(data)
    good = canonical.dumps_row({"a": 1, "b": "ข"})
    for at in range(3):  # the payload reader's batch of lines: the same refusal, its line
        lines = [good, good]
        lines.insert(at, data)
        with pytest.raises(canonical.NotCanonical, match=f"^line {at + 1}: "):
            canonical.loads_rows(lines)


def test_loads_row_reads_the_canonical_form() -> None:
    row = {"": None, "a": "ไทย \"q\" \\ \n\t\x01\x7f\U0001f600", "b": [1, {"c": False}],
           "n": -(2**53 - 1), "z": True}
    assert canonical.loads_row(canonical.dumps(row)) == row


def test_loads_rows_reads_what_loads_row_reads() -> None:
    rnd = random.Random(7)
    rows = [{_text(rnd): _value(rnd) for _ in range(rnd.randrange(0, 20))} for _ in range(3000)]
    lines = [canonical.dumps_row(row) for row in rows]
    assert canonical.loads_rows(lines) == rows == [canonical.loads_row(x) for x in lines]
    assert canonical.loads_rows([]) == []


def test_loads_rows_each_line_is_one_row() -> None:
    """Two lines that make one row when joined, and a line holding two rows, are refused
    although the joined array would be canonical."""
    for lines in ([b'{"a":"x', b'y"}'], [b'{"a":1},{"b":2}'], [b'{"a":1},{"b":2}', b'{"c":3}'],
                  [b'{"a":1}', b''], [b''], [b'{"a":1}', b'{"b":2}]', b'[{"c":3}']):
        with pytest.raises(canonical.NotCanonical):
            canonical.loads_rows(lines)
