"""Every match of a long term found through its rarest trigram (issue 7).

A term of several trigrams is a phrase for the trigram index: FTS5 reads the whole list
of every trigram in it and checks their positions. A compound surname typed whole
(วงศ์ประเสริฐ: 1,422 of a million children) is made of trigrams that 60,000-140,000
children contain, so its phrase costs 6-10 ms, and the list matched it up to three times
(probe, page, count): 13-16 ms at 1M. Yet the same term holds a trigram few children
contain, where its two words meet (ศ์ป: 1,422); that trigram's list is read in ~0.1 ms.

So for a term of one part whose rarest trigram is rare, its matches are that trigram's
children that hold the whole term (the same substring test as the heads: the search
text of ``child_name_text``, reached through ``child_name_order``'s name keys), all of
them: the page is sorted from them and the count is exact, in one pass (~2-4 ms for
1,400 matches). Which trigrams are common is known without counting: each trigram that
HEAD_MIN_MATCHES children contained when the heads were chosen has a head
(``search_head_term``); the others are counted (each a short list) and the rarest is
used if it has at most RARE_MAX children. A file without heads (an office's registry)
does not need this: its phrases are short lists.
"""

from __future__ import annotations

from typing import Any

from desktop.store.search_heads import HEAD_MIN_MATCHES, has_heads, headable

RARE_MAX = HEAD_MIN_MATCHES  # more candidates than this cost more than the phrase
COUNTED = 3  # the rare trigrams counted to choose the rarest
_MATCHES = (
    "SELECT o.first_name_key, o.last_name_key, o.id FROM "
    "(SELECT rowid AS id FROM child_fts WHERE child_fts MATCH ?1) AS m "
    "JOIN child_name_order AS o ON o.id = m.id "
    "JOIN child_name_text AS n ON n.first_name_key = o.first_name_key "
    "AND n.last_name_key = o.last_name_key AND n.id = o.id "
    "WHERE instr({text}, ?2) > 0")
_COUNT = "SELECT count(*) FROM child_fts WHERE child_fts MATCH ?"


def _phrase(piece: str) -> str:
    return '"' + piece.replace('"', '""') + '"'


def rarest_trigrams(conn: Any, term: str) -> list[tuple[str, int]]:
    """The term's rare trigrams (no head) with their children, the rarest first (at most
    COUNTED of them counted); [] where the term is a single trigram, cannot be tested by
    substring, or every trigram is common."""
    low = term.lower()
    if len(low) <= 3 or not headable(term) or not has_heads(conn):
        return []
    trigrams = [t for t in dict.fromkeys(low[i:i + 3] for i in range(len(low) - 2))
                if any(ch.isalpha() for ch in t)]  # digits alone: pieces of every ID
    if not trigrams:
        return []
    marks = ", ".join("?" * len(trigrams))
    common = {str(p) for p, in conn.execute(
        f"SELECT piece FROM search_head_term WHERE way = 0 AND piece IN ({marks})",  # noqa: S608
        trigrams)}
    if not common and conn.execute("SELECT 1 FROM search_head_term LIMIT 1").fetchone() is None:
        return []  # no heads chosen: nothing is known to be common
    counted = [(t, int(conn.execute(_COUNT, (_phrase(t),)).fetchone()[0]))
               for t in [t for t in trigrams if t not in common][:COUNTED]]
    return sorted(counted, key=lambda c: c[1])


def rare_matches(conn: Any, term: str) -> list[tuple[str, str, int]] | None:
    """Every live child holding ``term``, as (first_name_key, last_name_key, id) in no
    particular order, found through its rarest trigrams (the children holding the two
    rarest, ~0.5 ms, then the substring test); None where it has no rare one (the caller
    goes its usual way). ``conn``: a raw DB-API connection (SQLite)."""
    rare = rarest_trigrams(conn, term)
    if not rare or rare[0][1] > RARE_MAX:
        return None
    query = " AND ".join(_phrase(t) for t, _ in rare[:2])
    low = term.lower()
    # lower() costs ~1-3 µs a Thai row: only a term with a letter that has a case needs it
    text = "lower(n.search)" if low != low.upper() else "n.search"
    return [(str(f), str(last), int(i)) for f, last, i in
            conn.execute(_MATCHES.format(text=text), (query, low))]
