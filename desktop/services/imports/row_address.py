"""A row's address as the import plan reads it: cleaned, keyed and checked one field value
at a time, each answer kept for the file (houses of one village repeat down a sheet).

normalise_child's address rule (ASCII digits, cleaned; postcode digits only), one field
value at a time: tests/unit/test_imports.py checks it against normalise_child. Every field
is checked and keyed on its own, so the part after the house number (the same village,
road and subdistrict for many houses) is worked out once per place;
tests/unit/test_imports_plan_parts.py checks the result against the domain's functions on
the whole address.
"""

from __future__ import annotations

from collections.abc import Callable

from desktop.domain.address import ADDRESS_FIELDS, Address, address_problems
from desktop.domain.errors import Problem
from desktop.domain.text import clean_text, digits_only, to_ascii_digits

from .cells import memo

_PLACE_FIELDS = ADDRESS_FIELDS[1:]  # what RowAddresses works out once per place
assert ADDRESS_FIELDS[0] == "house_no" and ADDRESS_FIELDS[-1] == "postcode", ADDRESS_FIELDS

Parsed = tuple[Address, tuple[Problem, ...], tuple[str, ...]]


class RowAddresses:
    """``address(raw cells)`` -> (the address, its problems (``address_problems``, not
    required), the form rows are compared in (``address_key``, from ``part_key``))."""

    def __init__(self, part_key: Callable[[tuple[str, str]], str]) -> None:
        self.part_key = part_key
        self.part = memo(self._part)
        self.field_problems = memo(self._field_problems)
        self.place = memo(self._place)
        self.address: Callable[[tuple[str, ...]], Parsed] = memo(self._address)

    def _address(self, raw: tuple[str, ...]) -> Parsed:
        house = self.part(raw[0])
        values, key, problems = self.place(raw[1:])
        address = Address(house, *values)
        if not house:
            return address, problems, ("", *key)
        return (address, self.field_problems(("house_no", house)) + problems,
                (self.part_key(("house_no", house)), *key))

    def _place(self, raw: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[str, ...], tuple[Problem, ...]]:
        """The fields after the house number: their values, keys, problems."""
        values = [self.part(value) for value in raw]
        values[-1] = digits_only(values[-1])  # the postcode
        items = list(zip(_PLACE_FIELDS, values, strict=True))
        field_problems = self.field_problems
        return (tuple(values), tuple(map(self.part_key, items)),
                tuple(p for item in items if item[1] for p in field_problems(item)))

    @staticmethod
    def _field_problems(item: tuple[str, str]) -> tuple[Problem, ...]:
        """``address_problems`` (not required) of an address with only this field: each
        field is checked on its own, so these, in field order, are the whole address's."""
        return tuple(address_problems(Address(**{item[0]: item[1]}), required=False))

    @staticmethod
    def _part(value: str) -> str:
        return to_ascii_digits(clean_text(value))
