"""Every match of a long term found through its rarest trigrams (issue 7).

A term of several trigrams is a phrase for the trigram index: FTS5 reads the whole list
of every trigram in it and checks their positions. A compound surname typed whole
(วงศ์ประเสริฐ: 1,422 of a million children) is made of trigrams that 60,000-140,000
children contain, so its phrase costs 6-10 ms, and the list matched it up to three times
(probe, page, count): 13-16 ms at 1M, 70 ms inside a year's filter. Yet the children
holding its two rarest trigrams are few (where its two words meet, ศ์ป: 1,422), and the
index gives them in ~0.5-1 ms (FTS5 steps through the shorter list and seeks in the
other).

So for a term of one part, its matches are the children holding its rarest trigram (or
its two rarest) that hold the whole term (services/children_rare.py tests each name and
identifier of their rows, with the list's filter in the same statement), all of them:
the page is sorted from them and the count is exact, in one pass (~3-6 ms for 1,400).
How common each trigram is comes without counting the common ones: a trigram that
HEAD_MIN_MATCHES children contained when the heads were chosen has a head
(``search_head_count``, 0013); the others are counted (each a short list). Where the
rarest is too common, or the two together hold more than RARE_MAX children (read with a
LIMIT, ~1 ms), the search goes its usual way. A file without heads (an office's
registry) does not need this: its phrases are short lists.
"""

from __future__ import annotations

from typing import Any

from desktop.store.search_heads import HEAD_MIN_MATCHES, has_counts, has_heads, headable

RARE_MAX = HEAD_MIN_MATCHES  # candidates tested at most (~2.5 µs each at 1M)
RAREST_MAX = 2 * RARE_MAX  # the rarest trigram's children, above which nothing is tried
RARE_ALONE = 2000  # a trigram this rare is read alone (~0.3 ms), not with another
COUNTED = 3  # the trigrams without a head counted to choose the rarest
_CANDIDATES = "SELECT rowid FROM child_fts WHERE child_fts MATCH ? LIMIT ?"
_COUNT = "SELECT count(*) FROM child_fts WHERE child_fts MATCH ?"


def _phrase(piece: str) -> str:
    return '"' + piece.replace('"', '""') + '"'


def rarest_trigrams(conn: Any, term: str) -> list[tuple[str, int]]:
    """The term's trigrams with about how many children hold each, the rarest first (a
    common one's count from its head, at most COUNTED others counted); [] where the term
    is a single trigram, cannot be tested by substring, or the file has no heads."""
    low = term.lower()
    if len(low) <= 3 or not headable(term) or not has_heads(conn):
        return []
    trigrams = [t for t in dict.fromkeys(low[i:i + 3] for i in range(len(low) - 2))
                if any(ch.isalpha() for ch in t)]  # digits alone: pieces of every ID
    if not trigrams:
        return []
    marks = ", ".join("?" * len(trigrams))
    kept = ("SELECT piece, docs FROM search_head_count WHERE" if has_counts(conn)  # exact (0013)
            else "SELECT piece, docs FROM search_head_term WHERE way = 0 AND")
    common = {str(p): int(d) for p, d in conn.execute(
        f"{kept} piece IN ({marks})", trigrams)}  # noqa: S608
    if not common and conn.execute("SELECT 1 FROM search_head_term LIMIT 1").fetchone() is None:
        return []  # no heads chosen: nothing is known to be common
    counted = [(t, int(conn.execute(_COUNT, (_phrase(t),)).fetchone()[0]))
               for t in [t for t in trigrams if t not in common][:COUNTED]]
    return sorted([*counted, *common.items()], key=lambda c: c[1])


def rare_candidates(conn: Any, term: str) -> list[int] | None:
    """The ids of the live children holding the term's rarest trigram (or its two rarest):
    every child holding the term is among them, with others (the caller tests each for the
    whole term). None where they are too common, or more than RARE_MAX. ``conn``: a raw
    DB-API connection (SQLite)."""
    rare = rarest_trigrams(conn, term)
    if not rare or rare[0][1] > RAREST_MAX:
        return None
    # a rare one alone is cheapest; with another, FTS5 steps through both lists
    chosen = rare[:1] if rare[0][1] <= RARE_ALONE else rare[:2]
    query = " AND ".join(_phrase(t) for t, _ in chosen)
    ids = [int(r[0]) for r in conn.execute(_CANDIDATES, (query, RARE_MAX + 1))]
    return ids if len(ids) <= RARE_MAX else None
