"""Rows that join a household already in the registry by their address.

A row without a house code whose whole address is a live registry household's joins that
household, as a sibling typed in the child form does (``household_edit.household_at``):
the oldest live household whose address is the same once prefixes, Thai digits, spacing
and case are set aside (``desktop.domain.households.address_key``). Rows with a house code
are joined by the code (plan.py), not here. The plan says how many rows join.

``households_at`` answers for every distinct address of the file at once. The form's
lookup lists each stored spelling of the subdistrict and the village ("ต.บ้านใหม่",
"ม.4" ...) as keys of the list's index on live households (subdistrict, village, house
keys); done per address, a 50k-row file would make 50k queries. Here:

1. which of those spellings the registry has, one index probe per (subdistrict, village)
   pair of the file's places, a hundred probes a statement;
2. the households at the spellings found and the file's house numbers: one index search
   per place and chunk of house keys, a UNION ALL of them a statement (an OR of places or
   a row-value IN makes SQLite read the whole index);
3. the whole addresses compared in Python, as the form does.

The statements are written with bound parameters only. Their shapes are few (short lists
are padded with a repeated key, short unions with a repeated SELECT), so SQLAlchemy
compiles each shape once, not each statement.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any, TypeVar

from sqlalchemy import TextClause, select, text
from sqlalchemy.orm import Session

from desktop.domain.address import ADDRESS_FIELDS, Address
from desktop.domain.households import (
    can_match,
    field_key,
    house_number,
    subdistrict_variants,
    village_forms,
)
from desktop.domain.sort_keys import PLACE_KEY_LENGTH, household_sort_keys, natural_sort_key
from desktop.domain.text import clean_text
from desktop.i18n import _
from desktop.store.models import Guardian

from .model import WARNING, CellProblem, PlannedRow

PROBES = 100  # (subdistrict, village) probes a statement (SQLite allows 500 compound SELECTs)
HOUSE_SIZES = (1, 2, 4, 8, 16, 32, 64, 128, 256, 512)  # house keys a SELECT, padded up to one
STATEMENT_KEYS = 1024  # house keys a statement (fewer SELECTs a statement as they grow)

Key = tuple[str, ...]
T = TypeVar("T")
Pair = tuple[str, str]

_LIVE = "deleted_at IS NULL"
_PROBE = (f"SELECT {{i}} AS i WHERE EXISTS (SELECT 1 FROM household WHERE {_LIVE} "  # noqa: S608
          "AND subdistrict_key = :s{i} AND village_key = :v{i})")
_COLUMNS = ", ".join(("id", *ADDRESS_FIELDS))
_AT = (f"SELECT {_COLUMNS} FROM household WHERE {_LIVE} "  # noqa: S608
       "AND subdistrict_key = :s{i} AND village_key = :v{i} AND house_key IN ({houses})")


def household_guardians(session: Session, household_ids: Iterable[int]
                        ) -> dict[tuple[int, str, str], int]:
    """The live guardians of these registry households by (household, first name, last
    name): a guardian typed without an ID on a row that joins the household is the one
    already there, as on the child form (``household_edit.same_guardian``)."""
    found: dict[tuple[int, str, str], int] = {}
    ids = sorted(set(household_ids))
    for start in range(0, len(ids), 500):
        stmt = (select(Guardian.household_id, Guardian.first_name, Guardian.last_name, Guardian.id)
                .where(Guardian.household_id.in_(ids[start : start + 500]),
                       Guardian.deleted_at.is_(None)).order_by(Guardian.id))
        for hid, first, last, gid in session.execute(stmt):
            found.setdefault((int(hid), first, last), int(gid))
    return found


def registry_addresses(session: Session, rows: list[PlannedRow]
                       ) -> tuple[dict[Key, int], CellProblem | None]:
    """The registry households the file's address households join ({household key: id})
    and the notice that says how many rows join (None when none do)."""
    first: dict[Key, Address] = {}
    for r in rows:
        p = r.parsed
        if r.ok and p is not None and p.household_key is not None and p.household_key[0] == "address":
            first.setdefault(p.household_key, p.address)
    if not first:
        return {}, None
    joined = _households_at(session, first.items(), AddressKeys())
    if not joined:
        return {}, None
    n = sum(1 for r in rows if r.ok and r.parsed is not None and r.parsed.household_key in joined)
    homes = len(set(joined.values()))
    notice = CellProblem(
        0, "", "house_no", "",
        _("{rows} แถวมีที่อยู่ตรงกับครัวเรือนที่มีอยู่แล้วในทะเบียน ({homes} ครัวเรือน) "
          "จะนำเด็กเข้าครัวเรือนเดิม ไม่สร้างครัวเรือนใหม่ ถ้าไม่ใช่บ้านเดียวกัน "
          "โปรดตรวจสอบที่อยู่ในไฟล์ก่อนนำเข้า").format(rows=f"{n:,}", homes=f"{homes:,}"), WARNING)
    return joined, notice


class AddressKeys:
    """``address_key`` with each field's key computed once per value (the same village,
    subdistrict and province repeat down a file and through the registry)."""

    def __init__(self) -> None:
        self._fields: dict[tuple[str, str], str] = {}

    def __call__(self, a: Address) -> Key:
        return self.of([getattr(a, name) for name in ADDRESS_FIELDS])

    def of(self, values: Iterable[Any]) -> Key:
        out = []
        fields = self._fields
        for name, value in zip(ADDRESS_FIELDS, values, strict=True):
            item = (name, str(value or ""))
            k = fields.get(item)
            if k is None:
                k = fields[item] = field_key(*item)
            out.append(k)
        return tuple(out)


def households_at(session: Session, addresses: Iterable[Address]) -> dict[Key, int]:
    """What ``household_at`` gives each address, by ``address_key``: the id of the oldest
    live household at exactly that address. Addresses without a house number and a place
    (``can_match``) are left out, as the form leaves them."""
    keys = AddressKeys()
    found = _households_at(session, ((a, a) for a in set(addresses)), keys)
    return {keys(a): hid for a, hid in found.items()}


def _households_at(session: Session, items: Iterable[tuple[T, Address]], key_of: AddressKeys
                   ) -> dict[T, int]:
    """{tag: household id} for the (tag, address) items whose address is a registry
    household's. The registry's places are asked first: an address at a place the
    registry does not have costs nothing more."""
    by_place: dict[Pair, list[tuple[T, Address]]] = {}
    for item in items:
        a = item[1]
        by_place.setdefault((a.subdistrict, a.village_no), []).append(item)
    subs_of: dict[str, list[str]] = {}
    pairs_of: dict[Pair, list[Pair]] = {}
    for sub, village in by_place:
        subs = subs_of.get(sub)
        if subs is None:
            subs = subs_of[sub] = sorted(
                {household_sort_keys(v, "", "")[0] for v in subdistrict_variants(sub)})
        villages = sorted({household_sort_keys("", v, "")[1] for v in village_forms(village)})
        pairs_of[(sub, village)] = [(s, v) for s in subs for v in villages]
    stored = _stored_places(session, {p for pairs in pairs_of.values() for p in pairs})
    wanted: dict[Key, list[T]] = {}
    houses_at: dict[Pair, set[str]] = {}
    for place, at_place in by_place.items():
        spellings = [p for p in pairs_of[place] if p in stored]
        if not spellings:
            continue
        houses: set[str] = set()
        for tag, a in at_place:
            if not can_match(a):
                continue
            wanted.setdefault(key_of(a), []).append(tag)
            number, typed = house_number(a.house_no), clean_text(a.house_no)
            houses.add(natural_sort_key(number, PLACE_KEY_LENGTH))
            if typed != number:
                houses.add(natural_sort_key(typed, PLACE_KEY_LENGTH))
        for p in spellings:
            houses_at.setdefault(p, set()).update(houses)
    found: dict[Key, int] = {}
    with session.no_autoflush:
        for stmt, params in _searches(houses_at):
            for hid, *values in session.execute(stmt, params):
                key = key_of.of(values)
                if key in wanted and (key not in found or hid < found[key]):
                    found[key] = int(hid)
    return {tag: hid for key, hid in found.items() for tag in wanted[key]}


def _stored_places(session: Session, pairs: set[Pair]) -> set[Pair]:
    """The (subdistrict, village) key pairs some live household has."""
    ordered = sorted(pairs)
    out: set[Pair] = set()
    with session.no_autoflush:
        for start in range(0, len(ordered), PROBES):
            part = ordered[start : start + PROBES]
            part += [part[-1]] * (PROBES - len(part))  # one shape for every statement
            params: dict[str, Any] = {}
            for i, (s, v) in enumerate(part):
                params[f"s{i}"], params[f"v{i}"] = s, v
            out.update(part[int(i)] for (i,) in session.execute(_probes(PROBES), params))
    return out


@lru_cache(maxsize=2)
def _probes(n: int) -> TextClause:
    return text(" UNION ALL ".join(_PROBE.format(i=i) for i in range(n)))


@lru_cache(maxsize=len(HOUSE_SIZES))
def _statement(size: int) -> TextClause:
    """A UNION ALL of ``_per_statement(size)`` searches of ``size`` house keys each."""
    return text(" UNION ALL ".join(
        _AT.format(i=i, houses=", ".join(f":h{i}_{j}" for j in range(size)))
        for i in range(_per_statement(size))))


def _per_statement(size: int) -> int:
    return max(1, min(PROBES, STATEMENT_KEYS // size))


def _searches(houses_at: dict[Pair, set[str]]) -> Iterator[tuple[TextClause, dict[str, Any]]]:
    """Statements that read the households at each place's house keys: each place's keys
    in SELECTs of one of ``HOUSE_SIZES`` (the last key repeated up to it), SELECTs of one
    size in statements of ``_per_statement`` SELECTs (the last SELECT repeated)."""
    by_size: dict[int, list[tuple[Pair, list[str]]]] = {}
    top = HOUSE_SIZES[-1]
    for pair, houses in sorted(houses_at.items()):
        ordered = sorted(houses)
        for i in range(0, len(ordered), top):
            part = ordered[i : i + top]
            size = next(n for n in HOUSE_SIZES if n >= len(part))
            by_size.setdefault(size, []).append((pair, part + [part[-1]] * (size - len(part))))
    for size, selects in sorted(by_size.items()):
        per = _per_statement(size)
        for start in range(0, len(selects), per):
            group = selects[start : start + per]
            group += [group[-1]] * (per - len(group))
            params: dict[str, Any] = {}
            for i, ((s, v), keys) in enumerate(group):
                params[f"s{i}"], params[f"v{i}"] = s, v
                params.update({f"h{i}_{j}": h for j, h in enumerate(keys)})
            yield _statement(size), params
