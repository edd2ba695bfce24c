"""The child form's guardian rule (``services.children.guardian_problems``) as a 50k-row
plan applies it: one field value at a time, each answer kept for the file.

A file's guardians are mostly different people (their ID and phone differ), but their
prefixes, first names, surnames, occupations and relations repeat down the file, and each
of those is checked on its own. So each field's problem is the rule's own answer for a
form holding that value (``guardian_problems`` of a form whose other fields raise
nothing, its problem of that field), asked once per value; the national ID and the phone,
which differ on every row, are checked here only to see that they are good (nearly all
are), and a bad one is handed to the rule. The problems come in the rule's order.
tests/unit/test_imports_guardian_rules.py checks the result against ``guardian_problems``
on whole forms.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from desktop.domain.errors import Problem
from desktop.domain.identity import national_id_problem
from desktop.domain.text import clean_text, digits_only
from desktop.services.children import GuardianForm, guardian_problems

from .cells import Memo

# What guardian_problems checks as text, in its order (after the ID, before the phone).
_TEXT_FIELDS = ("prefix", "first_name", "last_name", "occupation", "relation")
# A form that raises nothing (the fields the rule requires filled), for one field's value.
_QUIET_FORM = GuardianForm(first_name="ก", relation="แม่")
Key = tuple[str, str, str, str, str, str, str]  # prefix, first, last, ID, phone, occupation, relation


class GuardianRules:
    """``rules(key)`` = ``tuple(guardian_problems(0, GuardianForm(...)))`` for the form of
    ``key`` (see ``Key``)."""

    def __init__(self, clean: Callable[[str], str] = clean_text) -> None:
        self.clean = clean  # clean_text, or the plan's memo of it
        self._memos = (Memo(self._field), Memo(self._rules))
        self.field = self._memos[0].__getitem__
        self.rules = self._memos[1].__getitem__

    def clear(self) -> None:
        """Drop the answers kept (the memos hold bound methods of this object: a cycle)."""
        for cache in self._memos:
            cache.clear()

    @staticmethod
    def _field(item: tuple[str, str]) -> tuple[Problem, ...]:
        """The rule's problems of one field holding ``value`` (the others raise none)."""
        name, value = item
        form = replace(_QUIET_FORM)
        setattr(form, name, value)
        return tuple(p for p in guardian_problems(0, form) if p.field == f"guardians[0].{name}")

    def _rules(self, key: Key) -> tuple[Problem, ...]:
        prefix, first, last, national_id, phone, occupation, relation = key
        field = self.field
        values = (prefix, first, last, occupation, relation)
        clean = self.clean
        cleaned = tuple(map(clean, values))
        found: list[Problem] = []
        if not cleaned[1]:  # a missing first name, then a missing relation: said first
            found += field(("first_name", ""))
        if not cleaned[4]:
            found += field(("relation", ""))
        if clean(national_id) and national_id_problem(national_id) is not None:
            found += field(("national_id", national_id))
        for name, value, text in zip(_TEXT_FIELDS, values, cleaned, strict=True):
            if text:
                found += field((name, value))
        digits = digits_only(phone)
        if digits and (len(digits) not in (9, 10) or not digits.startswith("0")):
            found += field(("phone", phone))  # the rule's message (the test above: the same rule)
        return tuple(found)
