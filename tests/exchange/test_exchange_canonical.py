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
