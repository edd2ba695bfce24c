"""The first children of each common piece of the names in the list's four name orders
(issue 7): a trigram, or a whole first or last name.

A 3-letter term such as "ภัท" matches ~46,000 of a million children, nearly all with a
first name that begins with it, far along the first-name order. Neither of the search's
ways was fast for it: walking the order from its start reads ~800,000 children before the
matches begin, and sorting the matches reads the name keys of every one (25-40 ms at 1M).
A surname typed whole (วงศ์สวัสดิ์, ~15,000 children) is the same in the last-name order.

``search_head`` (migration 0010, SQLite only) holds, for each piece (each trigram of the
index that at least HEAD_MIN_MATCHES children contain; the MAX_NAMES commonest names
borne by a fifth as many, and their beginnings), in each of the four orders (``way``:
first name up and down, last name up and down), every child that contains it up to a
boundary: at the build the
HEAD_SIZE-th such child, kept in ``search_head_term``. The invariant is that a head holds
*every* live child containing the piece whose keys lie on the near side of its boundary;
triggers on ``child_name_text`` keep it (a new or renamed child on that side is added, a
removed one taken out), so a head grows and shrinks and never misses one.

A search term of one part that contains such a piece then finds its first page among the
head's children, in order, testing each for the whole term (~0.1 ms at 1M): the children
of the term lie among those of each piece it contains, so if the head holds ``need`` of
them, no child of the term outside the head can come before the last of them. With fewer
(a term rare among the piece's first children, or a head shrunk by deletes) the search
goes its usual way (children_walk, children_search).

Which pieces have a head is chosen by ``rebuild``: at the migration, and after a bulk
load (the demo, an import) that leaves at least REBUILD_MIN_CHILDREN children, twice as
many as when they were last chosen (``maybe_rebuild``). Bulk writers pause the triggers
(a row in ``search_head_pause``, inside their transaction) and add their new children
with one trigram-index query per piece (``refresh_range``). At 1M (2,001 pieces, 2.4M
head rows, 264 MB of a 2.36 GB file; built in ~60 s) the triggers cost ~0.5 ms a child
written through the ORM (a form's save does not feel it; a bulk load is paused). Trigrams of digits alone (pieces of national IDs) get no head: their matches are
spread along every name order and the walk finds their first page quickly.
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
# Below this many children a search sorts its matches in a few ms: the heads are not
# chosen again after a bulk load (the migration chooses them on any file)
REBUILD_MIN_CHILDREN = 100_000
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


def head_piece(piece: str) -> bool:
    """Whether a piece (a trigram of the index, a common name) may get a head: no space (a
    term of one part never holds one), a letter (not a piece of an identifier), no letter
    SQLite cannot fold."""
    return " " not in piece and any(ch.isalpha() for ch in piece) and headable(piece)


MAX_NAMES = 600  # the triggers test a new child for each name (~0.3 µs a name)
# A name borne by a fifth as many children gets a head: a compound surname (~1,500 of a
# million) is made of pieces so common that finding its page otherwise costs 15-25 ms
NAME_SHARE = 5
PREFIXES = (4, 6, 8, 10)  # the beginnings of a common name that get heads of their own
# ... and of the commonest names, every beginning: "ศรีสุ" (on the way to ศรีสุข, 14,610 of
# 1M) holds no piece whose first children are mostly its own, and its matches sit together
# far along the last-name order: sorting them took 20 ms, 68 ms inside a year
TYPED_NAMES = 100


def name_min(min_matches: int) -> int:
    return max(1, min_matches // NAME_SHARE)
MAX_TRIES = 3  # heads tried for one term, the rarest piece (the most of its children the term's) first


def head_candidates(conn: Any, term: str, *, last_name_first: bool,
                    descending: bool) -> Iterator[list[int]]:
    """For each of the (up to MAX_TRIES) pieces the term contains that have a head, the
    rarest (most of its children hold the term) first: the ids in the order of every child of that head that
    holds the term. Each list is every child holding the term up to the head's boundary,
    so its first n are the term's first n children when it has n or more."""
    if not headable(term):
        return
    way = way_of(last_name_first, descending)
    low = term.lower()
    found = [str(r[0]) for r in conn.execute(
        "SELECT piece FROM search_head_term WHERE way = ? AND instr(?, piece) > 0 "
        "ORDER BY docs, length(piece) DESC LIMIT ?", (way, low, MAX_TRIES))]
    way_sql = " DESC" if descending else ""
    order = ", ".join(f"h.{k}{way_sql}" for k in ("k1", "k2", "id"))
    first, second = ("h.k2", "h.k1") if last_name_first else ("h.k1", "h.k2")
    for piece in found:
        if piece == low:  # every child of the head holds the term
            sql = (f"SELECT h.id FROM search_head h WHERE h.piece = ? AND h.way = ? "  # noqa: S608
                   f"ORDER BY {order}")
            args: tuple[Any, ...] = (piece, way)
        else:
            sql = (f"SELECT h.id FROM search_head h JOIN child_name_text n "  # noqa: S608
                   f"ON n.first_name_key = {first} AND n.last_name_key = {second} "
                   f"AND n.id = h.id WHERE h.piece = ? AND h.way = ? "
                   f"AND instr(lower(n.search), ?) > 0 ORDER BY {order}")
            args = (piece, way, low)
        yield [int(r[0]) for r in conn.execute(sql, args)]


def head_page(conn: Any, term: str, *, last_name_first: bool, descending: bool,
              need: int) -> list[int] | None:
    """The ids of the first ``need`` children matching ``term`` in the order, from the
    head of a piece the term contains; None where no head holds that many of them."""
    if need <= 0:
        return None
    for ids in head_candidates(conn, term, last_name_first=last_name_first,
                               descending=descending):
        if len(ids) >= need:
            return ids[:need]
    return None


def _fts_phrase(piece: str) -> str:
    return '"' + piece.replace('"', '""') + '"'


def _pieces(conn: Any, min_matches: int) -> list[str]:
    """The trigrams of the index and the whole first and last names (lower case) that at
    least ``min_matches`` live children contain."""
    conn.execute("DROP TABLE IF EXISTS temp.samoe_vocab")
    conn.execute("CREATE VIRTUAL TABLE temp.samoe_vocab USING fts5vocab(main, child_fts, row)")
    try:
        pieces = [str(t) for t, in conn.execute(
            "SELECT term FROM temp.samoe_vocab WHERE doc >= ? ORDER BY term", (min_matches,))]
    finally:
        conn.execute("DROP TABLE temp.samoe_vocab")
    # a name is contained by at least the children who bear it
    names = [str(n) for n, in conn.execute(
        "SELECT name FROM (SELECT lower(first_name) AS name FROM child WHERE deleted_at IS NULL "
        "UNION ALL SELECT lower(last_name) FROM child WHERE deleted_at IS NULL) "
        "GROUP BY name HAVING count(*) >= ? ORDER BY count(*) DESC, name LIMIT ?",
        (name_min(min_matches), MAX_NAMES))
        if len(str(n)) > 3]
    # what a clerk has typed on the way to such a name: a term holding one of these
    # beginnings is mostly that name's children, wherever they sit along the order
    # (every beginning of the commonest, whose each keystroke is a search of many children)
    typing = [n[:k] for i, n in enumerate(names)
              for k in (range(4, len(n)) if i < TYPED_NAMES else PREFIXES) if k < len(n)]
    return [p for p in dict.fromkeys(pieces + names + typing) if head_piece(p)]


def rebuild(conn: Any, *, min_matches: int = HEAD_MIN_MATCHES, size: int = HEAD_SIZE) -> int:
    """Choose the pieces that get a head (contained by at least ``min_matches`` children)
    and build their heads from the trigram index (~20-50 s at 1M, a few ms for an
    office). Runs in the caller's transaction on a raw DB-API connection. The number of
    pieces."""
    conn.execute("DELETE FROM search_head")
    conn.execute("DELETE FROM search_head_term")
    conn.execute("DELETE FROM search_head_name")
    counted = has_counts(conn)
    if counted:
        conn.execute("DELETE FROM search_head_count")
    pieces = _pieces(conn, min_matches)
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS samoe_head_matches "
                 "(first_name_key TEXT, last_name_key TEXT, id INTEGER)")
    chosen = 0
    try:
        for piece in pieces:
            conn.execute("DELETE FROM temp.samoe_head_matches")
            conn.execute(
                "INSERT INTO temp.samoe_head_matches SELECT o.first_name_key, o.last_name_key, "
                "o.id FROM child_fts JOIN child_name_order o ON o.id = child_fts.rowid "
                "WHERE child_fts MATCH ?", (_fts_phrase(piece),))
            docs = int(conn.execute("SELECT count(*) FROM temp.samoe_head_matches").fetchone()[0])
            if docs < (min_matches if len(piece) == 3 else name_min(min_matches)):
                continue
            chosen += 1
            if counted:
                conn.execute("INSERT INTO search_head_count (piece, docs) VALUES (?, ?)", (piece, docs))
            if len(piece) > 3:  # a name or its beginning: the triggers test each
                conn.execute("INSERT INTO search_head_name (piece) VALUES (?)", (piece,))
            for way, (k1, k2, descending) in WAYS.items():
                d = " DESC" if descending else ""
                rows = conn.execute(
                    f"SELECT {k1}, {k2}, id FROM temp.samoe_head_matches "  # noqa: S608
                    f"ORDER BY {k1}{d}, {k2}{d}, id{d} LIMIT ?", (size,)).fetchall()
                if not rows:
                    continue
                conn.executemany("INSERT INTO search_head (piece, way, k1, k2, id) "
                                 "VALUES (?, ?, ?, ?, ?)", [(piece, way, *r) for r in rows])
                conn.execute("INSERT INTO search_head_term (piece, way, k1, k2, id, docs) "
                             "VALUES (?, ?, ?, ?, ?, ?)", (piece, way, *rows[-1], docs))
    finally:
        conn.execute("DROP TABLE IF EXISTS temp.samoe_head_matches")
    live = conn.execute("SELECT count(*) FROM child_name_order").fetchone()[0]
    conn.execute("INSERT OR REPLACE INTO setting (key, value) VALUES (?, ?)",
                 (SIZE_SETTING, str(int(live))))
    return chosen


def maybe_rebuild(conn: Any, *, min_matches: int = HEAD_MIN_MATCHES,
                  size: int = HEAD_SIZE) -> bool:
    """Rebuild the heads where the live children have doubled since they were chosen and
    number REBUILD_MIN_CHILDREN or more. Whether it rebuilt."""
    if not has_heads(conn):
        return False
    live = int(conn.execute("SELECT count(*) FROM child_name_order").fetchone()[0])
    row = conn.execute("SELECT value FROM setting WHERE key = ?", (SIZE_SETTING,)).fetchone()
    try:
        chosen = int(row[0]) if row else 0
    except ValueError:
        chosen = 0
    if live < max(min_matches, REBUILD_MIN_CHILDREN) or live < 2 * chosen:
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
    per piece, reading only the new children's entries."""
    pieces = [r[0] for r in conn.execute("SELECT DISTINCT piece FROM search_head_term")]
    for piece in pieces:
        conn.execute(
            "INSERT OR IGNORE INTO search_head (piece, way, k1, k2, id) SELECT t.piece, t.way, "
            "CASE WHEN t.way < 2 THEN o.first_name_key ELSE o.last_name_key END, "
            "CASE WHEN t.way < 2 THEN o.last_name_key ELSE o.first_name_key END, o.id "
            "FROM child_fts f JOIN child_name_order o ON o.id = f.rowid "
            "JOIN search_head_term t ON t.piece = ? "
            f"WHERE f.child_fts MATCH ? AND f.rowid BETWEEN ? AND ? AND {_NEAR}",
            (piece, _fts_phrase(piece), first_id, last_id))
    if has_counts(conn):  # the triggers that count were paused too
        conn.execute(
            "UPDATE search_head_count SET docs = docs + (SELECT count(*) FROM child_fts "
            "WHERE child_fts MATCH '\"' || replace(piece, '\"', '\"\"') || '\"' "
            "AND rowid BETWEEN ? AND ?)", (first_id, last_id))


def has_counts(conn: Any) -> bool:
    """Whether the file has the exact counts of migration 0013."""
    return conn.execute(
        "SELECT 1 FROM sqlite_master WHERE name = 'search_head_count'").fetchone() is not None


def count_pieces(conn: Any) -> None:
    """Count, with the trigram index, the live children holding each piece that has a head
    (at migration 0013; ``rebuild`` counts as it chooses)."""
    conn.execute("DELETE FROM search_head_count")
    conn.execute(
        "INSERT INTO search_head_count (piece, docs) SELECT piece, (SELECT count(*) FROM child_fts "
        "WHERE child_fts MATCH '\"' || replace(piece, '\"', '\"\"') || '\"') "
        "FROM (SELECT DISTINCT piece FROM search_head_term)")


def piece_count(conn: Any, term: str) -> int | None:
    """How many live children hold ``term`` where it is a piece with a head (the trigram
    index's own count of it, kept exact by 0013's triggers); None otherwise."""
    if not headable(term) or not has_heads(conn) or not has_counts(conn):
        return None
    row = conn.execute("SELECT docs FROM search_head_count WHERE piece = ?", (term.lower(),)).fetchone()
    return None if row is None else int(row[0])


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
