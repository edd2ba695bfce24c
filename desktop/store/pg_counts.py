"""Kept, exact counts of the children list on PostgreSQL (the province's database, migration
0018): the live children, each municipality's, and the children holding each 3-character
piece of the search text.

``child_list_count`` holds rows ``(key, docs)``; a key's count is the sum of its rows:
``all``, ``o:<office id>``, ``p:<piece>`` (the piece as PostgreSQL's ``lower()`` gives
it: what ``ILIKE`` compares). A row trigger appends a changed child's +1 and -1 rows and
now and then folds them (``samoe_count_fold``); reading a count is one index range (a
few rows after a fold). Every piece of every live child is counted, so a piece with no
row is held by no child: the count of a 3-character term (with no space) is exact, and
the count of its rarest piece bounds a longer term's matches (``rarest``), which tells
the list whether to sort the matches from the trigram index or walk the name order.

Bulk loaders (the demo, an import, the province's bundle import) pause the insert trigger
for their transaction and count their new children by id at the end (``paused``: at 1M,
under load, the trigger cost ~1 ms a child inserted one statement each, counting them
after ~0.1 ms); deletions and changes are never paused. ``recount`` counts everything again (a repair).
"""

from __future__ import annotations

import weakref
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Connection, text

PIECE = 3  # the characters of a counted piece (the trigram index's too)
_SEARCH = ("c.first_name || ' ' || c.last_name || ' ' || c.first_name_en || ' ' || "
           "c.last_name_en || ' ' || coalesce(c.national_id, '') || ' ' || coalesce(c.g_code, '')")
_ADD = text("INSERT INTO child_list_count (key, docs) SELECT k, count(*) FROM child c, "
            f"unnest(samoe_count_keys(c.deleted_at IS NULL, c.origin_office_id, {_SEARCH})) "
            "AS k WHERE c.id BETWEEN :first AND :last GROUP BY k")
_ADD_IDS = text("INSERT INTO child_list_count (key, docs) SELECT k, count(*) FROM child c, "
                f"unnest(samoe_count_keys(c.deleted_at IS NULL, c.origin_office_id, {_SEARCH})) "
                "AS k WHERE c.id = ANY(:ids) GROUP BY k")
_KEY = text("SELECT coalesce(sum(docs), 0) FROM child_list_count WHERE key = :key")
_PIECE = text("SELECT coalesce(sum(docs), 0) FROM child_list_count WHERE key = 'p:' || lower(:t)")
# the fewest children any space-free piece of the term is held by (NULL: the term has none)
_RAREST = text(
    "SELECT min((SELECT coalesce(sum(docs), 0) FROM child_list_count WHERE key = 'p:' || t)) "
    "FROM (SELECT substr(lower(:t), i, 3) AS t FROM generate_series(1, length(:t) - 2) AS i) "
    "AS s WHERE t !~ '[[:space:]]'")
_RAREST_AND_ALL = text(f"SELECT ({_RAREST.text}), (SELECT coalesce(sum(docs), 0) "
                       "FROM child_list_count WHERE key = 'all')")
_PAUSE = text("SELECT set_config('samoe.counts_paused', :on, true)")


_SEEN: weakref.WeakKeyDictionary[Any, bool] = weakref.WeakKeyDictionary()  # engines that have them


def has_counts(conn: Connection) -> bool:
    """Whether this is a PostgreSQL database with the counts of migration 0018 (a found
    table remembered for the engine: one round trip less for each of the list's queries;
    a missing one asked again, as a migration may add it)."""
    if conn.dialect.name != "postgresql":
        return False
    if _SEEN.get(conn.engine):
        return True
    found = conn.execute(text("SELECT to_regclass('child_list_count')")).scalar() is not None
    if found:
        _SEEN[conn.engine] = True
    return found


def total(conn: Connection) -> int:
    """The live children."""
    return int(conn.execute(_KEY, {"key": "all"}).scalar() or 0)


def office_total(conn: Connection, office_id: int) -> int:
    """The live children a municipality sent."""
    return int(conn.execute(_KEY, {"key": f"o:{int(office_id)}"}).scalar() or 0)


def countable(term: str) -> bool:
    """A term whose count is a piece's: 3 characters, none of them a space (Python's
    ``isspace`` is the broader test: a term it passes holds no space PostgreSQL's
    ``[[:space:]]`` sees)."""
    return len(term) == PIECE and not any(ch.isspace() for ch in term)


def piece_total(conn: Connection, term: str) -> int:
    """How many live children's search text holds ``term`` (``countable``), as ILIKE finds it."""
    return int(conn.execute(_PIECE, {"t": term}).scalar() or 0)


def rarest(conn: Connection, term: str) -> int | None:
    """At least as many live children as hold ``term`` (its rarest piece's count); None
    for a term with no piece of 3 characters without a space."""
    if len(term) < PIECE:
        return None
    found = conn.execute(_RAREST, {"t": term}).scalar()
    return None if found is None else int(found)


def rarest_of(conn: Connection, term: str) -> tuple[int | None, int]:
    """``rarest(term)`` and the live children, in one round trip."""
    if len(term) < PIECE:
        return None, total(conn)
    row = conn.execute(_RAREST_AND_ALL, {"t": term}).one()
    return (None if row[0] is None else int(row[0])), int(row[1] or 0)


def add_range(conn: Connection, first_id: int, last_id: int) -> None:
    """Count the children of ids ``first_id``..``last_id`` (written while paused)."""
    conn.execute(_ADD, {"first": int(first_id), "last": int(last_id)})


def fold(conn: Connection) -> None:
    """One row a key (the trigger does it now and then)."""
    conn.execute(text("SELECT samoe_count_fold()"))


def recount(conn: Connection) -> None:
    """Count every child again (a repair; minutes at 1M: as the upgrade to 0018)."""
    conn.execute(text("DELETE FROM child_list_count"))
    bounds = conn.execute(text("SELECT min(id), max(id) FROM child")).one()
    if bounds[0] is not None:
        add_range(conn, int(bounds[0]), int(bounds[1]))


def add_ids(conn: Connection, ids: list[int]) -> None:
    """Count the children of ``ids`` (written while paused)."""
    if ids:
        conn.execute(_ADD_IDS, {"ids": sorted(ids)})


class Paused:
    """The children a bulk writer added while the insert trigger was paused: id ranges
    (a loader that chose its ids) and single ids (the province's bundle import)."""

    def __init__(self) -> None:
        self.ranges: list[tuple[int, int]] = []
        self.ids: list[int] = []

    def added_ids(self, ids: Iterable[int]) -> None:
        self.ids.extend(int(i) for i in ids)

    def added(self, first_id: int, last_id: int) -> None:
        if self.ranges and self.ranges[-1][1] + 1 == first_id:
            self.ranges[-1] = (self.ranges[-1][0], last_id)
        else:
            self.ranges.append((first_id, last_id))


@contextmanager
def paused(conn: Connection) -> Iterator[Paused | None]:
    """Pause the counts' insert trigger for a bulk write in the caller's transaction; the
    children it reports through ``added`` are counted at the end (one statement a range),
    then the rows folded. None where there are no counts (SQLite, an older schema)."""
    if not has_counts(conn):
        yield None
        return
    state = Paused()
    conn.execute(_PAUSE, {"on": "on"})
    # a failure leaves the transaction to roll back, the setting with it: nothing is sent
    # on it (an aborted transaction would answer with an error of its own, hiding the first)
    yield state
    conn.execute(_PAUSE, {"on": "off"})
    for first, last in state.ranges:
        add_range(conn, first, last)
    add_ids(conn, state.ids)
    fold(conn)

