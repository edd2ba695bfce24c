"""A common search term's first page by walking the list's name order (issue 7).

A 3-letter term such as "ชัย" matches ~94,000 of a million children; sorting them all by
name reads the name keys of every match (40-110 ms at 1M). Where the matches are a large
share of the children, the page is found instead by walking the name order and testing
each child for the term, stopping at offset+limit matches.

The walk reads ``child_name_text`` (migration 0008): the live children's name keys, id
and search text (what the trigram index holds: the names, then the identifiers), a
WITHOUT ROWID table in first-name order with a covering index in last-name order. It
never touches the wide child row: ~0.1 µs a child, 2,000-6,000 children for such a term
(0.3-0.8 ms at 1M, where walking the child rows took 13-28 ms).

The walk is bounded by a LIMIT on the rows it reads (a subquery, no per-row callback);
a term whose matches lie far along the order (all "สมชาย" sit together) runs over it,
and the caller sorts the trigram matches instead, knowing their count. The substring
test is used only for a term of one part with no letter that has a case (the index folds
case, instr does not).
"""

from __future__ import annotations

import weakref
from typing import Any

from sqlalchemy.orm import Session

WALK_TABLE = "child_name_text"  # migration 0008 (SQLite only)
LAST_NAME_INDEX = "ix_child_name_text_last"
# Walking a child costs about 1/SORT_COST of sorting a match by its name keys (looking
# the keys up in child_name_order): measured at 1M, ~0.1 µs against ~0.6 µs.
SORT_COST = 6
WALK_ROWS = 40_000  # a walk stops after reading this many children (~4 ms at 1M)...
WALK_SHARE = 4  # ...or this many times the children the matches' share predicts

_KEYS = {False: ("first_name_key", "last_name_key"), True: ("last_name_key", "first_name_key")}
_WALK = {
    (last_name_first, descending): (
        "SELECT id FROM (SELECT id, search FROM child_name_text"
        + (f" INDEXED BY {LAST_NAME_INDEX}" if last_name_first else "")
        + " ORDER BY " + ", ".join(f"{k} {way}" for k in (*_KEYS[last_name_first], "id"))
        + " LIMIT ?3) WHERE instr(search, ?1) > 0 LIMIT ?2"
    )
    for last_name_first in (False, True)
    for descending, way in ((False, "ASC"), (True, "DESC"))
}
_COUNT = "SELECT count(*) FROM child_fts WHERE child_fts MATCH ?1"
_SIZE = "SELECT max(id) FROM child_name_order"


def walkable(term: str) -> bool:
    """A term the walk's substring test answers as the trigram index does."""
    return len(term) >= 3 and " " not in term and term.lower() == term.upper() == term


def walk_pays(need: int, size: int, matches: int) -> bool:
    """Whether walking to the ``need``-th of ``matches`` spread over ``size`` children
    should cost less than sorting the matches."""
    return matches > 0 and need * size <= SORT_COST * matches * matches


def walk_budget(need: int, size: int, matches: int) -> int:
    """The children a walk may read before the sort takes over."""
    return max(WALK_ROWS, WALK_SHARE * need * size // max(1, matches))


def walk_page(session: Session, fts: str, term: str, *, last_name_first: bool = False,
              descending: bool, offset: int, limit: int, force: bool = False,
              bound: int | None = None) -> tuple[list[int] | None, int] | None:
    """The ids of the page in name order (by last name first with ``last_name_first``)
    and the count of the term's matches; the ids are None where the walk does not pay or
    ran over its budget (the caller then sorts the trigram matches, knowing their count).
    None for a term the walk cannot test, a file without ``child_name_text``, or a term
    whose count is known to be at most ``bound`` (a piece of it counted before: typing
    "บุญเรือง" after "บุญเรื") and too small to walk: counting it again would cost.
    ``force``: walk the whole order if need be (tests)."""
    if not walkable(term) or not has_walk_table(session):
        return None
    need = max(0, offset) + max(0, limit)
    if need <= 0:
        return None
    raw = session.connection().connection.driver_connection
    assert raw is not None
    cursor = raw.cursor()
    try:
        size = int(cursor.execute(_SIZE).fetchone()[0] or 0)
        if not force and bound is not None and not walk_pays(need, size, bound):
            return None
        matches = int(cursor.execute(_COUNT, (fts,)).fetchone()[0])
        if not force and not walk_pays(need, size, matches):
            return None, matches
        budget = size + 1 if force else walk_budget(need, size, matches)
        ids = [int(r[0]) for r in cursor.execute(_WALK[last_name_first, descending],
                                                 (term, need, budget))]
        if len(ids) < need and len(ids) < matches:  # ran over the budget
            return None, matches
        return ids[max(0, offset):], matches
    finally:
        cursor.close()


_HAS_TABLE: weakref.WeakKeyDictionary[Any, bool] = weakref.WeakKeyDictionary()


def has_walk_table(session: Session) -> bool:
    """Whether the file has ``child_name_text`` (SQLite at 0008). Once per engine."""
    engine = session.get_bind()
    if engine.dialect.name != "sqlite":
        return False
    found = _HAS_TABLE.get(engine)
    if found is None:
        raw = session.connection().connection.driver_connection
        assert raw is not None
        found = _HAS_TABLE[engine] = raw.execute(
            "SELECT 1 FROM sqlite_master WHERE name = ?", (WALK_TABLE,)).fetchone() is not None
    return found
