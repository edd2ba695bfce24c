"""Matching a row of an imported list of out-of-school children (the province's Zero
Dropout list, a volunteer's list) against the registry (issue 13). No Qt, no SQL: the
service reads the registry's children that share a row's national ID, G-code or birth
date (indexed look-ups, as the registry import's duplicates.py does) and asks here.

A row's result is one of:
- **matched**: the row is a child already in the registry (a case for that child);
- **new**: nobody in the registry fits (a new child, then a case);
- **ambiguous**: someone may fit but the clerk must decide; the reason says why.

The rules, in order (the registry's own normalisation and similarity:
``domain.duplicates.find_duplicates``, ``people.name_key``, ``identity.normalise_*``):
1. **By national ID or G-code.** One live registry child with the row's ID is the
   match, unless the two disagree on both name and birth date (an ID typed wrong points
   at another child: ambiguous), or the child holds another national ID than the row's
   (ambiguous). Two or more children with the row's IDs: ambiguous. Only a child in the
   bin has it: ambiguous (restore it rather than add it again).
2. **By name and birth date.** With no ID match: the live children born the same day
   whose names are the same once spacing, dots, tone marks and the silencer are set
   aside (``name_key``) or similar (≥ ``SIMILARITY_THRESHOLD``). Exactly one, with the
   same name, and not holding an ID that contradicts the row's: matched. A similar
   name only, several candidates, or a contradicting ID: ambiguous.
3. Otherwise **new**; but a row with no ID and no birth date cannot be matched at all
   (ambiguous), since adding it may duplicate a child.

``match_list`` adds the list's own repeats: a row whose ID (or name and birth date) an
earlier row already has, or that matches the same registry child as an earlier row, is
ambiguous, naming the earlier row.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from functools import lru_cache

from desktop.i18n import N_, _

from .duplicates import (
    SIMILARITY_THRESHOLD,
    DuplicateMatch,
    PersonKey,
    duplicate_parts,
    find_duplicates,
)
from .duplicates import MatchKind as Basis
from .identity import normalise_g_code, normalise_national_id
from .people import name_key, name_similarity


class MatchKind(StrEnum):
    MATCHED = "matched"
    NEW = "new"
    AMBIGUOUS = "ambiguous"


KIND_LABELS = {
    MatchKind.MATCHED: N_("ตรงกับเด็กในทะเบียน"),
    MatchKind.NEW: N_("เด็กใหม่"),
    MatchKind.AMBIGUOUS: N_("ต้องตรวจสอบ"),
}


def kind_label(kind: MatchKind | str) -> str:
    return _(KIND_LABELS[MatchKind(kind)])


@dataclass(frozen=True)
class ListRow:
    row: int  # the spreadsheet's row number
    first_name: str
    last_name: str
    birth_date: date | None
    national_id: str = ""
    g_code: str = ""


@dataclass(frozen=True)
class RegistryChild(PersonKey):
    deleted: bool = False  # in the bin


@dataclass(frozen=True)
class MatchResult:
    row: int
    kind: MatchKind
    child: str | None  # the registry child's ref when matched
    reason: str  # Thai: why
    basis: Basis | None = None  # how it matched (ID, G-code, name and birth date)
    candidates: tuple[str, ...] = ()  # the registry children it may be (ambiguous)
    earlier_row: int | None = None  # the list's earlier row it repeats


@lru_cache(maxsize=8)  # a row's key is asked for three times in a row by match_list
def _key(row: ListRow) -> PersonKey:
    return PersonKey("", row.first_name, row.last_name, row.birth_date,
                     normalise_national_id(row.national_id), normalise_g_code(row.g_code))


def _who(m: DuplicateMatch) -> str:
    who, why = duplicate_parts(m)
    return _("{who} ({why})").format(who=who, why=why)


def _ambiguous(row: ListRow, reason: str, matches: Sequence[DuplicateMatch]) -> MatchResult:
    return MatchResult(row.row, MatchKind.AMBIGUOUS, None, reason, None,
                       tuple(dict.fromkeys(m.other.ref for m in matches)))


def _contradicts(key: PersonKey, other: PersonKey) -> bool:
    """The registry child holds a national ID other than the row's."""
    theirs = normalise_national_id(other.national_id)
    return bool(key.national_id and theirs and theirs != key.national_id)


def _deleted(m: DuplicateMatch) -> bool:
    return isinstance(m.other, RegistryChild) and m.other.deleted


def match_row(row: ListRow, candidates: Iterable[PersonKey]) -> MatchResult:
    """The row's result against ``candidates``: the registry children that share its
    national ID, its G-code or its birth date (more do no harm; fewer miss matches)."""
    key = _key(row)
    matches = find_duplicates(key, candidates)
    by_id = [m for m in matches if m.kind is not Basis.SIMILAR_NAME_BIRTH]
    live_ids = [m for m in by_id if not _deleted(m)]
    if len(live_ids) > 1:
        return _ambiguous(row, _("เลขประจำตัวในรายชื่อตรงกับเด็กในทะเบียนมากกว่าหนึ่งคน: {who}").format(
            who="; ".join(_who(m) for m in live_ids)), live_ids)
    if live_ids:
        return _by_id(row, key, live_ids[0])
    if by_id:
        return _ambiguous(row, _("เลขประจำตัวตรงกับเด็กที่ถูกลบไปแล้ว (อยู่ในถังขยะ): {who} "
                                 "ถ้าเป็นคนเดียวกัน โปรดกู้คืนแทนการเพิ่มใหม่").format(who=_who(by_id[0])), by_id)
    by_name = [m for m in matches if m.kind is Basis.SIMILAR_NAME_BIRTH]
    live = [m for m in by_name if not _deleted(m)]
    if len(live) > 1:
        return _ambiguous(row, _("ชื่อและวันเกิดใกล้เคียงกับเด็กในทะเบียนหลายคน: {who}").format(
            who="; ".join(_who(m) for m in live)), live)
    if live:
        m = live[0]
        if _contradicts(key, m.other):
            return _ambiguous(row, _("{who} แต่มีเลขประจำตัวประชาชนคนละเลขกับในรายชื่อ").format(who=_who(m)), live)
        if m.score < 1.0:
            return _ambiguous(row, _("ชื่อคล้ายกับเด็กในทะเบียน: {who}").format(who=_who(m)), live)
        return MatchResult(row.row, MatchKind.MATCHED, m.other.ref,
                           _("ชื่อและวันเกิดตรงกับเด็กในทะเบียน"), m.kind)
    if by_name:
        return _ambiguous(row, _("ชื่อและวันเกิดตรงกับเด็กที่ถูกลบไปแล้ว (อยู่ในถังขยะ): {who} "
                                 "ถ้าเป็นคนเดียวกัน โปรดกู้คืนแทนการเพิ่มใหม่").format(who=_who(by_name[0])), by_name)
    if not key.national_id and not key.g_code and row.birth_date is None:
        return MatchResult(row.row, MatchKind.AMBIGUOUS, None, _(
            "ไม่มีเลขประจำตัวและวันเกิด จึงเทียบกับทะเบียนไม่ได้ โปรดเพิ่มเลขประจำตัวหรือวันเกิด"))
    return MatchResult(row.row, MatchKind.NEW, None, _("ไม่พบในทะเบียน จะเพิ่มเป็นเด็กใหม่"))


def _by_id(row: ListRow, key: PersonKey, m: DuplicateMatch) -> MatchResult:
    other = m.other
    if _contradicts(key, other):  # the same G-code, another national ID
        return _ambiguous(row, _("{who} แต่มีเลขประจำตัวประชาชนคนละเลขกับในรายชื่อ").format(who=_who(m)), [m])
    same_birth = row.birth_date is None or other.birth_date is None or row.birth_date == other.birth_date
    similar = name_similarity(row.first_name, row.last_name, other.first_name, other.last_name)
    if not same_birth and similar < SIMILARITY_THRESHOLD:
        return _ambiguous(row, _("{who} แต่ชื่อและวันเกิดต่างกัน โปรดตรวจสอบเลขประจำตัวในรายชื่อ").format(
            who=_who(m)), [m])
    reason = (_("เลขประจำตัวประชาชนตรงกับเด็กในทะเบียน") if m.kind is Basis.SAME_NATIONAL_ID
              else _("รหัส G ตรงกับเด็กในทะเบียน"))
    if not same_birth:
        reason += _(" (วันเกิดในรายชื่อต่างจากทะเบียน)")
    elif similar < 1.0:
        reason += _(" (ชื่อในรายชื่อต่างจากทะเบียน)")
    return MatchResult(row.row, MatchKind.MATCHED, other.ref, reason, m.kind)


Letters = dict[str, int]


def letters_of(key: str) -> Letters:
    """How many times each letter is in ``key`` (a plain dict: a Counter costs ~5x more
    to make, and a registry's worth of names is made)."""
    return {letter: key.count(letter) for letter in set(key)}


Named = tuple[PersonKey, str, int, frozenset[str]]  # a child, its name key, the key's length, its letters


@dataclass
class _Index:
    national_id: dict[str, list[PersonKey]]
    g_code: dict[str, list[PersonKey]]
    birth: dict[date, list[PersonKey]]
    born_named: dict[date, list[Named]] = field(default_factory=dict)  # birth -> its children's names
    letters: dict[str, Letters] = field(default_factory=dict)  # a name key -> its letters, when asked

    def named_born(self, day: date) -> list[Named]:
        """The children born on ``day`` with their name keys, made once a day (the rows
        that fall back to a birth date share a few thousand days between them)."""
        found = self.born_named.get(day)
        if found is None:
            found = self.born_named[day] = []
            for child in self.birth.get(day, ()):
                key = name_key(child.first_name, child.last_name)
                found.append((child, key, len(key), frozenset(key)))
        return found

    def letters_of(self, key: str) -> Letters:
        found = self.letters.get(key)
        if found is None:
            found = self.letters[key] = letters_of(key)
        return found


def _index(registry: Iterable[PersonKey]) -> _Index:
    index = _Index({}, {}, {})
    for child in registry:
        nid, g = normalise_national_id(child.national_id), normalise_g_code(child.g_code)
        if nid:
            index.national_id.setdefault(nid, []).append(child)
        if g:
            index.g_code.setdefault(g, []).append(child)
        if child.birth_date is not None:
            index.birth.setdefault(child.birth_date, []).append(child)
    return index


def candidates_of(row: ListRow, index: _Index) -> list[PersonKey]:
    """The registry children the row may be: those with its national ID or G-code; when
    there are none, those born the same day whose names may be similar enough: a filter,
    never a verdict (what passes is compared by ``find_duplicates`` itself). It leaves out
    only a name whose ``name_similarity`` (difflib's ratio of the two name keys, 2M/(len a +
    len b)) is surely below the threshold: M, the matched letters, is at most the shorter
    length and at most the letters the two share (difflib's own ``real_quick_ratio`` and
    ``quick_ratio`` bounds)."""
    key = _key(row)
    found: dict[str, PersonKey] = {}
    for group in (index.national_id.get(key.national_id, []) if key.national_id else [],
                  index.g_code.get(key.g_code, []) if key.g_code else []):
        for child in group:
            found.setdefault(child.ref, child)
    if found:  # a child with its ID decides the row (match_row never looks at names then)
        return list(found.values())
    if row.birth_date is None:
        return []
    a = name_key(row.first_name, row.last_name)
    a_len = len(a)
    a_letters = letters_of(a)
    a_set = a_letters.keys()
    ratio = SIMILARITY_THRESHOLD - 1e-9  # a hair under: a float at the bound is kept
    for child, b, b_len, b_set in index.named_born(row.birth_date):
        if child.ref in found:
            continue
        if a == b:
            if a:
                found[child.ref] = child
            continue
        least = ratio * (a_len + b_len)
        if not a_len or not b_len or 2 * (a_len if a_len < b_len else b_len) < least:
            continue
        # the shared letters are at most a's letters less those b lacks (sets: cheap), then
        # exactly the sum of the smaller counts (b's counted only for the few that get here)
        shared = a_len
        for letter in a_set - b_set:
            shared -= a_letters[letter]
        if 2 * shared < least:
            continue
        b_letters = index.letters_of(b)
        shared = 0
        for letter, n in a_letters.items():
            m = b_letters.get(letter)
            if m:
                shared += n if n < m else m
        if 2 * shared >= least:
            found[child.ref] = child
    return list(found.values())


def match_list(rows: Iterable[ListRow], registry: Iterable[PersonKey]) -> list[MatchResult]:
    """Every row's result, in the rows' order, the list's own repeats included."""
    index = _index(registry)
    first_id: dict[tuple[str, str], int] = {}
    first_name: dict[tuple[str, date], int] = {}
    first_child: dict[str, int] = {}
    out: list[MatchResult] = []
    for row in rows:
        key = _key(row)
        earlier = _earlier(row, key, first_id, first_name)
        if earlier is not None:
            out.append(MatchResult(row.row, MatchKind.AMBIGUOUS, None, _(
                "ซ้ำกับแถวที่ {row} ในรายชื่อนี้ (เลขประจำตัว หรือชื่อและวันเกิดเดียวกัน)").format(row=earlier),
                earlier_row=earlier))
            continue
        result = match_row(row, candidates_of(row, index))
        if result.child is not None:
            before = first_child.setdefault(result.child, row.row)
            if before != row.row:
                result = MatchResult(row.row, MatchKind.AMBIGUOUS, None, _(
                    "ตรงกับเด็กในทะเบียนคนเดียวกับแถวที่ {row} ในรายชื่อนี้").format(row=before),
                    result.basis, (result.child,), before)
        out.append(result)
    return out


def _earlier(row: ListRow, key: PersonKey, first_id: dict[tuple[str, str], int],
             first_name: dict[tuple[str, date], int]) -> int | None:
    """The list's earlier row with this row's ID or name and birth date (and note this one)."""
    found: int | None = None
    idents = [("national_id", key.national_id)] if key.national_id else []
    idents += [("g_code", key.g_code)] if key.g_code else []
    for ident in idents:
        seen = first_id.setdefault(ident, row.row)
        if seen != row.row and found is None:
            found = seen
    name = name_key(row.first_name, row.last_name)
    if row.birth_date is not None and name:
        seen = first_name.setdefault((name, row.birth_date), row.row)
        if seen != row.row and found is None:
            found = seen
    return found


def counts(results: Iterable[MatchResult]) -> dict[MatchKind, int]:
    """How many rows matched, are new, need a look (the command line's summary)."""
    tally = Counter(r.kind for r in results)
    return {kind: tally.get(kind, 0) for kind in MatchKind}
