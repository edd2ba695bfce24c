"""A common search term's first page by walking the list's name order (issue 7).

First, a term containing a common piece of the names is read from that piece's head
(store/search_heads.py, migration 0010): ~0.1 ms at 1M, wherever its matches sit along
the order. The walk below answers the rest.

A 3-letter term such as "ชัย" matches ~94,000 of a million children; sorting them all by
name reads the name keys of every match (40-110 ms at 1M). Where the matches are a large
share of the children, the page is found instead by walking the name order and testing
each child for the term, stopping at offset+limit matches.

The walk reads ``child_name_text`` (migration 0009): the live children's name keys, id
and search text (what the trigram index holds: the names, then the identifiers), a
WITHOUT ROWID table in first-name order with a covering index in last-name order. It
never touches the wide child row: ~0.1 µs a child, 2,000-6,000 children for such a term
(0.3-0.8 ms at 1M, where walking the child rows took 13-28 ms).

The walk is bounded by a key along the order about its budget of children away (no
per-row callback, no subquery: a LIMIT in a subquery cost 30-50% more a child).
A probe of the term's first 200 matches (by id) comes first: it is all of a rare term's
matches (its page is sorted from them, no count or walk), it estimates how many a
common one has, and it sees a term whose matches sit together far along the order (all
"สมชาย" in the first-name order), which is then sorted as before (the phrase matched
once, counted in the same statement). A walk that still runs over its budget hands over
with the count. The substring test is used only for a term of one part with no letter
that has a case (the index folds case, instr does not).
"""

from __future__ import annotations

import weakref
from typing import Any

from sqlalchemy.orm import Session

from desktop.services.children_rare import name_order_key, rare_page
from desktop.store.search_heads import has_heads, head_page

WALK_TABLE = "child_name_text"  # migration 0009 (SQLite only)
LAST_NAME_INDEX = "ix_child_name_text_last"
# Sorting a match by its name keys (looking them up in child_name_order) costs about as
# much as walking 2-6 children (measured at 1M, alternately, under different loads). A
# walk is tried where the matches' share predicts at most WALK_PER_MATCH children read
# per match, and it reads at most that many: a term whose matches sit together far along
# the order ("สมชาย" in the first-name order) then loses ~half of what its sort costs.
WALK_PER_MATCH = 2

_KEYS = {False: ("first_name_key", "last_name_key"), True: ("last_name_key", "first_name_key")}
_WALK = {  # bounded: read no further along the order than the row (?3, ?4, ?5)
    (last_name_first, descending, bounded): (
        "SELECT id FROM child_name_text"
        + (f" INDEXED BY {LAST_NAME_INDEX}" if last_name_first else "")
        + " WHERE instr(search, ?1) > 0"
        + (f" AND ({', '.join((*_KEYS[last_name_first], 'id'))}) {'>=' if descending else '<='}"
           " (?3, ?4, ?5)" if bounded else "")
        + " ORDER BY " + ", ".join(f"{k} {way}" for k in (*_KEYS[last_name_first], "id"))
        + " LIMIT ?2"
    )
    for last_name_first in (False, True)
    for descending, way in ((False, "ASC"), (True, "DESC"))
    for bounded in (False, True)
}
_COUNT = "SELECT count(*) FROM child_fts WHERE child_fts MATCH ?1"
PROBE_MATCHES = 200
PROBE_ORDER = 128
PROBE_MARGIN = 1.5  # the probe is rough: skip the walk only when clearly far
_PROBE_MATCHES = (
    "SELECT o.first_name_key, o.last_name_key, o.id FROM (SELECT rowid AS id FROM child_fts "
    "WHERE child_fts MATCH ?1 LIMIT ?2) AS m JOIN child_name_order AS o ON o.id = m.id")
_PROBE_ORDER = ("SELECT first_name_key, last_name_key, id FROM child_name_order WHERE id IN ("
                + ", ".join("?" * PROBE_ORDER) + ")")
_SIZE = "SELECT max(id) FROM child_name_order"


def walkable(term: str) -> bool:
    """A term the walk's substring test answers as the trigram index does."""
    return len(term) >= 3 and " " not in term and term.lower() == term.upper() == term


def walk_pays(need: int, size: int, matches: int) -> bool:
    """Whether walking to the ``need``-th of ``matches`` spread evenly over ``size``
    children should read at most ``walk_budget`` children."""
    return matches > 0 and need * size <= WALK_PER_MATCH * matches * matches


def walk_budget(need: int, size: int, matches: int) -> int:
    """The children a walk may read before the sort takes over."""
    return max(need, WALK_PER_MATCH * matches)


def walk_page(session: Session, fts: str, term: str, *, last_name_first: bool = False,
              descending: bool, offset: int, limit: int,
              force: bool = False) -> tuple[list[int] | None, int | None] | None:
    """The ids of the page in name order (by last name first with ``last_name_first``)
    and the count of the term's matches (None for a page read from a search head: the
    list paints it, then counts); the ids are None where the walk ran over its
    budget (the caller then sorts the trigram matches, knowing their count). None where
    the walk cannot test the term or does not pay: the caller sorts and counts the
    matches as it would, the phrase matched once.

    First the PROBE_MATCHES lowest ids of the matches, with their name keys (FTS5 stops
    there): a term with fewer has its page sorted here, from them; else they say how many
    matches there are (the ids spread as the matches do) and where the first lie, and
    only a term worth walking is counted (the list asks for the count next) and walked.
    ``force``: walk the whole order if need be (tests)."""
    if not has_walk_table(session):
        return None
    need = max(0, offset) + max(0, limit)
    if need <= 0:
        return None
    raw = session.connection().connection.driver_connection
    assert raw is not None
    if not force and has_search_heads(session, raw):  # a common trigram's first children
        ids = head_page(raw, term, last_name_first=last_name_first, descending=descending,
                        need=need)
        if ids is not None:  # not counted: the list paints the page, then counts
            return ids[max(0, offset):], None
        rare = rare_page(session, raw, term, lambda _: [], need=need,  # all its matches
                         last_name_first=last_name_first, descending=descending)
        if rare is not None:
            return rare[0][max(0, offset):], rare[1]
    if not walkable(term):
        return None
    cursor = raw.cursor()
    try:
        size = int(cursor.execute(_SIZE).fetchone()[0] or 0)
        key = name_order_key(last_name_first)
        spread: list[Any] = []
        if not force:
            found = cursor.execute(_PROBE_MATCHES, (fts, PROBE_MATCHES)).fetchall()
            if len(found) < PROBE_MATCHES:  # every match is here
                page = sorted(found, key=key, reverse=descending)
                return [int(r[2]) for r in page[max(0, offset):need]], len(found)
            estimate = PROBE_MATCHES * size // max(1, max(int(r[2]) for r in found))
            spread = sorted(cursor.execute(_PROBE_ORDER, _spread_ids(size)).fetchall(),
                            key=key, reverse=descending)
            # the ids may crowd where the matches do not: a slack of 2
            if not walk_pays(need, size, 2 * estimate) or starts_far(
                    spread, found, size=size, need=need, matches=estimate,
                    budget=walk_budget(need, size, estimate),
                    last_name_first=last_name_first, descending=descending):
                return None
        matches = int(cursor.execute(_COUNT, (fts,)).fetchone()[0])
        if not force and not walk_pays(need, size, matches):
            return None, matches
        # the budget as a bound along the order: the child of the spread about that far
        at = walk_budget(need, size, matches) * len(spread) // max(1, size)
        bound = tuple(key(spread[at])) if at < len(spread) else None
        ids = [int(r[0]) for r in cursor.execute(_WALK[last_name_first, descending,
                                                       bound is not None],
                                                 (term, need, *(bound or ())))]
        if len(ids) < need and len(ids) < matches:  # ran into the bound
            return None, matches
        return ids[max(0, offset):], matches
    finally:
        cursor.close()


def _spread_ids(size: int) -> list[int]:
    return [1 + size * (2 * i + 1) // (2 * PROBE_ORDER) for i in range(PROBE_ORDER)]


def starts_far(spread: list[Any], found: list[Any], *, size: int, need: int, matches: int,
               budget: int, last_name_first: bool, descending: bool) -> bool:
    """Whether the term's ``need``-th match seems to sit beyond what the walk may read:
    of the probed matches (``found``: the lowest ids, as good as any for the name order)
    sorted along the walk, the one standing for the need-th (for a term of many matches
    the earliest, a little past it), placed among ``spread`` (PROBE_ORDER children spread
    over the ids). ~0.3 ms at 1M."""
    if not spread or not found:
        return False
    key = name_order_key(last_name_first)
    # the probed match that stands for the need-th (or the earliest, for many matches)
    probed = sorted((key(r) for r in found), reverse=descending)
    matches = max(1, matches)
    at = probed[min(len(probed), max(1, round(need * len(probed) / matches))) - 1]
    before = sum(bool((key(r) > at) if descending else (key(r) < at)) for r in spread)
    far = size * before / len(spread)
    return far > PROBE_MARGIN * budget


_HAS_TABLE: weakref.WeakKeyDictionary[Any, bool] = weakref.WeakKeyDictionary()
_HAS_HEADS: weakref.WeakKeyDictionary[Any, bool] = weakref.WeakKeyDictionary()


def has_search_heads(session: Session, raw: Any) -> bool:
    """Whether the file has the trigram heads (SQLite at 0010). Once per engine."""
    engine = session.get_bind()
    found = _HAS_HEADS.get(engine)
    if found is None:
        found = _HAS_HEADS[engine] = has_heads(raw)
    return found


def has_walk_table(session: Session) -> bool:
    """Whether the file has ``child_name_text`` (SQLite at 0009). Once per engine."""
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
