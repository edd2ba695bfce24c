"""The first children of each common trigram in the list's four name orders (issue 7).

A 3-letter term such as "ภัท" matches ~70,000 of a million children, nearly all with a
first name that begins with it, far along the first-name order. Neither of the search's
ways is fast for it: walking the order from its start reads ~800,000 children before the
matches begin, and sorting the matches reads the name keys of every one (25-40 ms at 1M).

``search_head`` (migration 0010, SQLite only) holds, for each trigram that at least
HEAD_MIN_MATCHES children contain, in each of the four orders (``way``: first name up and
down, last name up and down), every child that contains it up to a boundary: at the build
the HEAD_SIZE-th such child, kept in ``search_head_term``. The invariant is that a head
holds *every* live child containing the trigram whose keys lie on the near side of its
boundary; triggers on ``child_name_text`` keep it (a new or renamed child on that side is
added, a removed one taken out), so a head grows and shrinks and never misses one.

A search term of one part that contains such a trigram then finds its first page among
the head's children, in order, testing each for the whole term (~0.1 ms at 1M): the
children of the term lie among those of each of its trigrams, so if the head holds
``need`` of them, no child of the term outside the head can come before the last of them.
With fewer (a term rare among the trigram's first children, or a head shrunk by deletes)
the search goes its usual way.

Which trigrams have a head is chosen by ``rebuild``: at the migration, after the demo,
and when the registry has doubled since the last choice (``maybe_rebuild``, at the day's
first start). Bulk writers pause the triggers (a row in ``search_head_pause``, inside
their transaction) and add their new children with one trigram-index query per head
(``refresh_range``): 0.2-0.5 s for 50,000 children against ~1.8 s through the triggers.
Trigrams of digits alone (pieces of national IDs) get no head: their matches are spread
along every name order and the walk finds their first page quickly.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

HEAD_SIZE = 300  # a page is 200 children; the rest is room for deletes
HEAD_MIN_MATCHES = 5000  # fewer are sorted in a few ms (and an office never has a head)
WAYS = {  # way: (first key, second key, descending)
    0: ("first_name_key", "last_name_key", False),
    1: ("first_name_key", "last_name_key", True),
    2: ("last_name_key", "first_name_key", False),
    3: ("last_name_key", "first_name_key", True),
}
SIZE_SETTING = "search.heads_children"  # the live children when the heads were chosen


def way_of(last_name_first: bool, descending: bool) -> int:
    return (2 if last_name_first else 0) + (1 if descending else 0)


def has_heads(conn: Any) -> bool:
    """Whether the file has the tables of migration 0010 (a raw DB-API connection)."""
    return conn.execute(
        "SELECT 1 FROM sqlite_master WHERE name = 'search_head_term'").fetchone() is not None


def headable(term: str) -> bool:
    """A term a head can answer as the trigram index does: one part of 3+ characters whose
    letters with a case are ASCII (SQLite's lower() folds only those, FTS5 folds all)."""
    return (len(term) >= 3 and not any(ch.isspace() for ch in term)
            and all(ch.isascii() or ch.lower() == ch.upper() for ch in term))


def head_trigram(term: str) -> bool:
    """Whether a trigram of the index may get a head: no space (a term of one part never
    holds one), a letter (not a piece of an identifier), no letter SQLite cannot fold."""
    return (" " not in term and any(ch.isalpha() for ch in term) and headable(term))


def head_page(conn: Any, term: str, *, last_name_first: bool, descending: bool,
              need: int) -> list[int] | None:
    """The ids of the first ``need`` children matching ``term`` in the order, from a head
    of one of its trigrams; None where no head holds that many of them."""
    if need <= 0 or not headable(term):
        return None
    way = way_of(last_name_first, descending)
    low = term.lower()
    trigrams = list(dict.fromkeys(low[i:i + 3] for i in range(len(low) - 2)))
    marks = ", ".join("?" * len(trigrams))
    found = [r[0] for r in conn.execute(
        f"SELECT tri FROM search_head_term WHERE way = ? AND tri IN ({marks})",  # noqa: S608
        (way, *trigrams))]
    way_sql = " DESC" if descending else ""
    order = ", ".join(f"h.{k}{way_sql}" for k in ("k1", "k2", "id"))
    first, second = ("h.k2", "h.k1") if last_name_first else ("h.k1", "h.k2")
    for tri in found:
        if len(low) == 3:  # the trigram is the term
            sql = (f"SELECT h.id FROM search_head h WHERE h.tri = ? AND h.way = ? "  # noqa: S608
                   f"ORDER BY {order} LIMIT ?")
            args: tuple[Any, ...] = (tri, way, need)
        else:
            sql = (f"SELECT h.id FROM search_head h JOIN child_name_text n "  # noqa: S608
                   f"ON n.first_name_key = {first} AND n.last_name_key = {second} "
                   f"AND n.id = h.id WHERE h.tri = ? AND h.way = ? "
                   f"AND instr(lower(n.search), ?) > 0 ORDER BY {order} LIMIT ?")
            args = (tri, way, low, need)
        ids = [int(r[0]) for r in conn.execute(sql, args)]
        if len(ids) >= need:
            return ids
    return None


def _fts_phrase(trigram: str) -> str:
    return '"' + trigram.replace('"', '""') + '"'


def rebuild(conn: Any, *, min_matches: int = HEAD_MIN_MATCHES, size: int = HEAD_SIZE) -> int:
    """Choose the trigrams that get a head (at least ``min_matches`` children) and build
    their heads from the trigram index (~18 s at 1M, a few ms for an office). Runs in the
    caller's transaction on a raw DB-API connection. The number of trigrams."""
    conn.execute("DELETE FROM search_head")
    conn.execute("DELETE FROM search_head_term")
    conn.execute("DROP TABLE IF EXISTS temp.samoe_vocab")
    conn.execute("CREATE VIRTUAL TABLE temp.samoe_vocab USING fts5vocab(main, child_fts, row)")
    try:
        trigrams = [str(t) for t, in conn.execute(
            "SELECT term FROM temp.samoe_vocab WHERE doc >= ? ORDER BY term", (min_matches,))
            if head_trigram(str(t))]
    finally:
        conn.execute("DROP TABLE temp.samoe_vocab")
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS samoe_head_matches "
                 "(first_name_key TEXT, last_name_key TEXT, id INTEGER)")
    try:
        for tri in trigrams:
            conn.execute("DELETE FROM temp.samoe_head_matches")
            conn.execute(
                "INSERT INTO temp.samoe_head_matches SELECT o.first_name_key, o.last_name_key, "
                "o.id FROM child_fts JOIN child_name_order o ON o.id = child_fts.rowid "
                "WHERE child_fts MATCH ?", (_fts_phrase(tri),))
            for way, (k1, k2, descending) in WAYS.items():
                d = " DESC" if descending else ""
                rows = conn.execute(
                    f"SELECT {k1}, {k2}, id FROM temp.samoe_head_matches "  # noqa: S608
                    f"ORDER BY {k1}{d}, {k2}{d}, id{d} LIMIT ?", (size,)).fetchall()
                if not rows:
                    continue
                conn.executemany("INSERT INTO search_head (tri, way, k1, k2, id) "
                                 "VALUES (?, ?, ?, ?, ?)", [(tri, way, *r) for r in rows])
                conn.execute("INSERT INTO search_head_term (tri, way, k1, k2, id) "
                             "VALUES (?, ?, ?, ?, ?)", (tri, way, *rows[-1]))
    finally:
        conn.execute("DROP TABLE IF EXISTS temp.samoe_head_matches")
    live = conn.execute("SELECT count(*) FROM child_name_order").fetchone()[0]
    conn.execute("INSERT OR REPLACE INTO setting (key, value) VALUES (?, ?)",
                 (SIZE_SETTING, str(int(live))))
    return len(trigrams)


def maybe_rebuild(conn: Any, *, min_matches: int = HEAD_MIN_MATCHES,
                  size: int = HEAD_SIZE) -> bool:
    """Rebuild the heads where the live children have doubled since they were chosen (and
    are enough for any trigram to reach ``min_matches``). Whether it rebuilt."""
    if not has_heads(conn):
        return False
    live = int(conn.execute("SELECT count(*) FROM child_name_order").fetchone()[0])
    row = conn.execute("SELECT value FROM setting WHERE key = ?", (SIZE_SETTING,)).fetchone()
    try:
        chosen = int(row[0]) if row else 0
    except ValueError:
        chosen = 0
    if live < min_matches or live < 2 * chosen:
        return False
    rebuild(conn, min_matches=min_matches, size=size)
    return True


_NEAR = ("((t.way = 0 AND (o.first_name_key, o.last_name_key, o.id) <= (t.k1, t.k2, t.id)) "
         "OR (t.way = 1 AND (o.first_name_key, o.last_name_key, o.id) >= (t.k1, t.k2, t.id)) "
         "OR (t.way = 2 AND (o.last_name_key, o.first_name_key, o.id) <= (t.k1, t.k2, t.id)) "
         "OR (t.way = 3 AND (o.last_name_key, o.first_name_key, o.id) >= (t.k1, t.k2, t.id)))")


def refresh_range(conn: Any, first_id: int, last_id: int) -> None:
    """Add the children of ids ``first_id``..``last_id`` (a bulk writer's new ones, written
    while the triggers were paused) to the heads they belong in: one trigram-index query
    per trigram, reading only the new children's entries."""
    trigrams = [r[0] for r in conn.execute("SELECT DISTINCT tri FROM search_head_term")]
    for tri in trigrams:
        conn.execute(
            "INSERT OR IGNORE INTO search_head (tri, way, k1, k2, id) SELECT t.tri, t.way, "
            "CASE WHEN t.way < 2 THEN o.first_name_key ELSE o.last_name_key END, "
            "CASE WHEN t.way < 2 THEN o.last_name_key ELSE o.first_name_key END, o.id "
            "FROM child_fts f JOIN child_name_order o ON o.id = f.rowid "
            "JOIN search_head_term t ON t.tri = ? "
            f"WHERE f.child_fts MATCH ? AND f.rowid BETWEEN ? AND ? AND {_NEAR}",
            (tri, _fts_phrase(tri), first_id, last_id))


class Paused:
    """The ids a bulk writer added while the heads' triggers were paused."""

    def __init__(self) -> None:
        self.first: int | None = None
        self.last: int | None = None

    def added(self, first_id: int, last_id: int) -> None:
        self.first = first_id if self.first is None else min(self.first, first_id)
        self.last = last_id if self.last is None else max(self.last, last_id)


@contextmanager
def paused(conn: Any) -> Iterator[Paused]:
    """Pause the heads' insert triggers for a bulk write in the caller's transaction (a raw
    DB-API connection); the children it reports through ``added`` are put in their heads
    at the end. On a file without heads (or with no trigram chosen) nothing is done."""
    state = Paused()
    active = has_heads(conn) and conn.execute(
        "SELECT 1 FROM search_head_term LIMIT 1").fetchone() is not None
    if not active:
        yield state
        return
    conn.execute("INSERT OR IGNORE INTO search_head_pause (one) VALUES (1)")
    yield state
    if state.first is not None and state.last is not None:
        refresh_range(conn, state.first, state.last)
    conn.execute("DELETE FROM search_head_pause")
