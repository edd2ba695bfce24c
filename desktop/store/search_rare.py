"""Every match of a long term found through its rarest trigrams (issue 7).

A term of several trigrams is a phrase for the trigram index: FTS5 reads the whole list
of every trigram in it and checks their positions. A compound surname typed whole
(วงศ์ประเสริฐ: 1,422 of a million children) is made of trigrams that 60,000-140,000
children contain, so its phrase costs 6-10 ms, and the list matched it up to three times
(probe, page, count): 13-16 ms at 1M, 70 ms inside a year's filter. Yet the children
holding its two rarest trigrams are few (where its two words meet, ศ์ป: 1,422), and the
index gives them in ~0.5-1 ms (FTS5 steps through the shorter list and seeks in the
other).

So for a term of one part, its matches are the children holding its two rarest trigrams
that hold the whole term (the same substring test as the heads: the search text of
``child_name_text``, reached through ``child_name_order``'s name keys), all of them: the
page is sorted from them and the count is exact, in one pass (~2-4 ms for 1,400 matches).
How common each trigram is comes without counting the common ones: a trigram that
HEAD_MIN_MATCHES children contained when the heads were chosen has a head
(``search_head_term.docs``); the others are counted (each a short list). Where the
rarest is too common, or the two together hold more than RARE_MAX children (read with a
LIMIT, ~1 ms), the search goes its usual way. A file without heads (an office's
registry) does not need this: its phrases are short lists.
"""

from __future__ import annotations

import json
from typing import Any

from desktop.store.search_heads import HEAD_MIN_MATCHES, has_heads, headable

RARE_MAX = HEAD_MIN_MATCHES  # candidates tested at most (~2.5 µs each at 1M)
RAREST_MAX = 2 * RARE_MAX  # the rarest trigram's children, above which nothing is tried
COUNTED = 3  # the trigrams without a head counted to choose the rarest
_CANDIDATES = "SELECT rowid FROM child_fts WHERE child_fts MATCH ? LIMIT ?"
_MATCHES = (
    "SELECT o.first_name_key, o.last_name_key, o.id FROM json_each(?1) AS m "
    "JOIN child_name_order AS o ON o.id = m.value "
    "JOIN child_name_text AS n ON n.first_name_key = o.first_name_key "
    "AND n.last_name_key = o.last_name_key AND n.id = o.id "
    "WHERE instr({text}, ?2) > 0")
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
    common = {str(p): int(d) for p, d in conn.execute(
        f"SELECT piece, docs FROM search_head_term WHERE way = 0 "  # noqa: S608
        f"AND piece IN ({marks})", trigrams)}
    if not common and conn.execute("SELECT 1 FROM search_head_term LIMIT 1").fetchone() is None:
        return []  # no heads chosen: nothing is known to be common
    counted = [(t, int(conn.execute(_COUNT, (_phrase(t),)).fetchone()[0]))
               for t in [t for t in trigrams if t not in common][:COUNTED]]
    return sorted([*counted, *common.items()], key=lambda c: c[1])


def rare_matches(conn: Any, term: str) -> list[tuple[str, str, int]] | None:
    """Every live child holding ``term``, as (first_name_key, last_name_key, id) in no
    particular order, found through its two rarest trigrams; None where they are too
    common (the caller goes its usual way). ``conn``: a raw DB-API connection (SQLite)."""
    rare = rarest_trigrams(conn, term)
    if not rare or rare[0][1] > RAREST_MAX:
        return None
    query = " AND ".join(_phrase(t) for t, _ in rare[:2])
    ids = [int(r[0]) for r in conn.execute(_CANDIDATES, (query, RARE_MAX + 1))]
    if len(ids) > RARE_MAX:
        return None
    low = term.lower()
    # lower() costs ~1-3 µs a Thai row: only a term with a letter that has a case needs it
    text = "lower(n.search)" if low != low.upper() else "n.search"
    return [(str(f), str(last), int(i)) for f, last, i in
            conn.execute(_MATCHES.format(text=text), (json.dumps(ids), low))]
