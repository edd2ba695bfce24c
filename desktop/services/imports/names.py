"""Names as class lists write them: a prefix typed into the child's name (ด.ช.ภูผา), a
guardian's whole name in one cell (นางสมศรี ใจดี), and the name shown beside a row number."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date

from desktop.domain.dates import age_on
from desktop.domain.name_prefix import split_name_prefix
from desktop.domain.people import CHILD_PREFIX_AGE, normalise_prefix
from desktop.domain.text import clean_text

_PREFIX_STARTS = frozenset("ดเน")  # the first letter of ด.ช. เด็กหญิง นาย นาง นางสาว
_ADULT_START = "น"  # นาย นาง นางสาว


def child_prefix(prefix_raw: str, first: str, birth: date | None, today: date,
                 prefix: Callable[[str], str]) -> tuple[str, str]:
    """The prefix and first name of a row whose first name may begin with its prefix: split
    when the prefix cell is empty or says the same; นาย/นาง only for a person old enough
    for them (a child of 5 called นางฟ้า keeps the name)."""
    lead = first.lstrip()[:1]
    if not lead or lead not in _PREFIX_STARTS:
        return prefix_raw, first
    adult = (lead == _ADULT_START and birth is not None and birth <= today
             and age_on(birth, today)[0] >= CHILD_PREFIX_AGE)
    split, rest = split_name_prefix(first, adult=adult)
    if split and (not prefix_raw or prefix(prefix_raw) == split):
        return split, rest
    return prefix_raw, first


def guardian_name(key: tuple[str, str, str]) -> tuple[str, str, str]:
    """``(prefix cell, first-name cell, last-name cell)`` of a guardian → prefix, first and
    last name: a whole name in the first-name cell (นางสมศรี ใจดี) is split when the file
    gives no surname; a title is split off only when a surname follows it."""
    prefix_raw, first, last = key
    first = clean_text(first)
    split, rest = split_name_prefix(first, adult=" " in first)
    if split and (not prefix_raw or normalise_prefix(prefix_raw) == split):
        prefix_raw, first = split, rest
    if not clean_text(last) and " " in first:
        first, _, last = first.partition(" ")
    return normalise_prefix(prefix_raw), first, clean_text(last)


def row_name(values: Mapping[str, str], clean: Callable[[str], str]) -> str:
    """The child's name as the row writes it (prefix and all), for the clerk to find the
    row by: ``ด.ญ.มะลิ ศรีสุข``."""
    full = values.get("full_name", "")
    if full:
        return clean(full)
    given = clean(values.get("prefix", "")) + clean(values.get("first_name", ""))
    return " ".join(part for part in (given, clean(values.get("last_name", ""))) if part)
