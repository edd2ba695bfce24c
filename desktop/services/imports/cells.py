"""Reading single cells of a children spreadsheet (sex, full name, academic year), and the
small tools that keep a 50k-row plan fast (a dict memo, the garbage collector paused)."""

from __future__ import annotations

import gc
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import lru_cache
from typing import TypeVar

from desktop.domain.child import ChildRules
from desktop.domain.dates import to_be_year
from desktop.domain.people import BOY, GIRL, MISS, MR, MRS, Sex, normalise_prefix
from desktop.domain.text import clean_text, to_ascii_digits

PREFIX_SEX: dict[str, Sex] = {BOY: Sex.MALE, MR: Sex.MALE, GIRL: Sex.FEMALE, MISS: Sex.FEMALE,
                              MRS: Sex.FEMALE}
_SEX_WORDS: dict[str, Sex] = {
    **dict.fromkeys(("ชาย", "ช", "m", "male", "1", "เพศชาย", "ผู้ชาย", "ดช", "เด็กชาย", "นาย"),
                    Sex.MALE),
    **dict.fromkeys(("หญิง", "ญ", "f", "female", "2", "เพศหญิง", "ผู้หญิง", "ดญ", "เด็กหญิง", "นส",
                     "นางสาว", "นาง"), Sex.FEMALE),
}
# A prefix at the start of a full name: the written-out ones, or an abbreviation with dots.
_FULL_NAME = re.compile(
    r"^(?P<prefix>เด็กชาย|เด็กหญิง|ด\s*\.\s*ช\s*\.?|ด\s*\.\s*ญ\s*\.?|นางสาว|น\s*\.\s*ส\s*\.?|นาย|นาง)"
    r"\s*(?P<rest>\S.*)$"
)
_YEAR = re.compile(r"\d{4}")


K = TypeVar("K")
V = TypeVar("V")


class Memo(dict[K, V]):
    """A plain dict cache of ``fn`` (for one plan: values repeat down a column)."""

    __slots__ = ("fn",)

    def __init__(self, fn: Callable[[K], V]) -> None:
        super().__init__()
        self.fn = fn

    def __missing__(self, key: K) -> V:
        value = self[key] = self.fn(key)
        return value


def memo(fn: Callable[[K], V]) -> Callable[[K], V]:
    """``fn`` with a plain dict cache; a hit is one C-level dict lookup (the bound
    ``__getitem__`` of a dict with ``__missing__``), no Python frame."""
    return Memo(fn).__getitem__


class MemoRules(ChildRules):
    """The child form's field rules (``validate_child``'s ``ChildRules``), each answer kept
    for one plan: first names, surnames, prefixes and birth dates repeat down a file.

    Each rule is the base class's, wrapped in ``functools.lru_cache`` without a bound (its
    C wrapper: a repeated value costs no Python frame) and set on the instance, so a plan's
    answers go with the plan."""

    def __init__(self) -> None:
        self.text = lru_cache(maxsize=None)(super().text)  # type: ignore[method-assign]
        self.prefix = lru_cache(maxsize=None)(super().prefix)  # type: ignore[method-assign]
        self.birth = lru_cache(maxsize=None)(super().birth)  # type: ignore[method-assign]


@contextmanager
def no_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while a bulk job builds many small objects that
    all stay alive (it would scan them again and again: 25-30% of a 50k-row plan). Reference
    counting still frees everything; the collector runs again afterwards.

    What the job built and keeps (a plan's rows) is long-lived: at the end it is moved
    straight to the oldest generation (``gc.freeze()`` then ``gc.unfreeze()``, no scan),
    instead of the first young collection scanning all of it (0.15-0.2 s after a 50k-row
    plan) and the next generation again later. Not done if something else froze objects
    (unfreezing would undo that); nothing stays frozen."""
    was_enabled = gc.isenabled()
    promote = gc.get_freeze_count() == 0
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            if promote:
                gc.freeze()
                gc.unfreeze()
            gc.enable()


def split_full_name(text: str) -> tuple[str, str, str]:
    """``"ด.ช.สมชาย ใจดี"`` -> ``("เด็กชาย", "สมชาย", "ใจดี")``; no prefix -> ``""``; the
    first word is the first name, the rest the last name."""
    t = clean_text(text)
    prefix = ""
    m = _FULL_NAME.match(t)
    if m is not None:
        prefix, t = normalise_prefix(m["prefix"]), m["rest"]
    first, _, last = t.partition(" ")
    return prefix, first, last.strip()


def parse_sex(text: str) -> Sex | None:
    """ชาย/หญิง, ช/ญ, M/F, male/female, 1/2, or a prefix written in the sex column (ด.ช.,
    เด็กหญิง, นาย, ...) (``None`` if not one of them)."""
    key = re.sub(r"[\s.]", "", to_ascii_digits(clean_text(text))).casefold()
    return _SEX_WORDS.get(key)


def parse_year_be(text: str) -> int | None:
    """An academic year: ``2569``, ``๒๕๖๙``, ``2026`` (CE, converted), ``1/2569``."""
    m = _YEAR.search(to_ascii_digits(clean_text(text)))
    if m is None:
        return None
    y = int(m.group())
    if 2400 <= y <= 2700:
        return y
    if 1900 <= y <= 2200:
        return to_be_year(y)
    return None
