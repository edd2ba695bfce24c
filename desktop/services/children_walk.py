"""A common search term's first page by walking the list's name order (issue 7).

A 3-letter term such as "ชัย" matches ~94,000 of a million children; sorting them all by
name reads the name keys of every match (~17 ms of ~30). Where the matches are a large
share of the children, the page is found instead by walking the name-order index
(ix_child_live_name_key, the one the unfiltered list sorts by) and testing each child for
the term, stopping at offset+limit matches: ~2,000-6,000 children for such a term
(13-28 ms for page and count at 1M, where sorting the matches took 33-52 ms).

The test is the search's own: the term is a substring of the text the trigram index holds
(child_search_src: the names, then the identifiers). It is used only for a term of one
part with no letter that has a case (the index folds case, instr does not). A walk that
reads more than WALK_ROWS children stops (a user function raises) and the caller takes
the trigram path: a term concentrated far along the order costs that budget more.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

WALK_SHARE_ROWS = 2500  # walk when offset+limit matches are expected within this many rows
WALK_ROWS = 7000  # and stop reading the order after this many

_NAME = "first_name || ' ' || last_name || ' ' || first_name_en || ' ' || last_name_en"
_IDENT = "coalesce(national_id, '') || ' ' || coalesce(g_code, '')"
_WALK = {
    descending: (
        "SELECT id FROM child INDEXED BY ix_child_live_name_key "
        "WHERE deleted_at IS NULL AND samoe_walk_step() "
        f"AND (instr({_NAME}, ?1) > 0 OR instr({_IDENT}, ?1) > 0) "
        f"ORDER BY first_name_key {way}, last_name_key {way}, id {way} LIMIT ?2"
    )
    for descending, way in ((False, "ASC"), (True, "DESC"))
}
_COUNT = "SELECT count(*) FROM child_fts WHERE child_fts MATCH ?1"
_SIZE = "SELECT max(id) FROM child_name_order"


class _OverBudget(Exception):
    pass


def walkable(term: str) -> bool:
    """A term the walk's substring test answers as the trigram index does."""
    return len(term) >= 3 and " " not in term and term.lower() == term.upper() == term


def walk_page(session: Session, fts: str, term: str, *, descending: bool, offset: int,
              limit: int, force: bool = False,
              bound: int | None = None) -> tuple[list[int] | None, int] | None:
    """The ids of the page in name order and the count of the term's matches; the ids
    are None where the walk does not pay or ran over its budget (the caller then sorts
    the trigram matches, knowing their count). None for a term the walk cannot test, or
    whose count is known to be at most ``bound`` (a piece of it counted before: typing
    "บุญเรือง" after "บุญเรื") and too small to walk: counting it again would cost."""
    if not walkable(term) or session.get_bind().dialect.name != "sqlite":
        return None
    need = max(0, offset) + max(0, limit)
    if need <= 0:
        return None
    raw = session.connection().connection.driver_connection
    assert raw is not None
    cursor = raw.cursor()
    try:
        size = int(cursor.execute(_SIZE).fetchone()[0] or 0)
        if not force and bound is not None and need * size > WALK_SHARE_ROWS * bound:
            return None
        matches = int(cursor.execute(_COUNT, (fts,)).fetchone()[0])
        budget = [10**12 if force else WALK_ROWS]
        if not force and (not matches or need * size > WALK_SHARE_ROWS * matches):
            return None, matches

        def step() -> int:
            budget[0] -= 1
            if budget[0] < 0:
                raise _OverBudget()
            return 1

        raw.create_function("samoe_walk_step", 0, step)
        try:
            ids = [int(r[0]) for r in cursor.execute(_WALK[descending], (term, need))]
        except Exception:  # the budget's stop arrives as sqlite3's own error
            if budget[0] < 0:
                return None, matches
            raise
        return ids[max(0, offset):], matches
    finally:
        cursor.close()
