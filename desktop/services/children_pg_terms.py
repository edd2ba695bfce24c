"""A Thai or digits term's test on PostgreSQL without ILIKE (the province's list).

ILIKE lowers the whole search text of every row it tests (the names, the English names
and the identifiers joined: ~150 bytes of UTF-8 for a Thai child), then compares; that
lowering was most of a search's cost: at 1M, walking the name order for "ชัย" tested
~2,300 rows at ~4 µs each, and the trigram index's recheck of a rare term's rows cost the
same per row. A term made only of Thai characters and ASCII digits has no letter that
lowering changes, and lowering changes no other character into one of them, so ILIKE
finds exactly the rows in which it occurs as it is typed. A term with no space cannot
span the spaces that join the fields. Such a term is therefore tested:
- through the trigram index (0014): ``search text LIKE '%term%'`` (the index serves LIKE
  too, and rechecks its candidates with LIKE, ~2x cheaper than ILIKE);
- on rows (a walk along the name order, one municipality's children): ``strpos`` of each
  field (no concatenation, no lowering: ~3x cheaper).
Every other term (Latin letters, a space) keeps the ILIKE of children_terms.
"""

from __future__ import annotations

from sqlalchemy import ColumnElement, func, or_

from desktop.store.models import Child

_FIELDS = (Child.first_name, Child.last_name, Child.first_name_en, Child.last_name_en,
           Child.national_id, Child.g_code)


def _plain_char(ch: str) -> bool:
    return 0x0E00 <= ord(ch) <= 0x0E7F or "0" <= ch <= "9"  # the Thai block, ASCII digits


def caseless(term: str) -> bool:
    """A term of Thai characters and ASCII digits only (so no space, no LIKE wildcard)."""
    return bool(term) and all(_plain_char(ch) for ch in term)


def on_rows(term: str) -> ColumnElement[bool]:
    """``caseless(term)``: a field of the row holds it (NULL fields hold nothing)."""
    return or_(*[func.strpos(f, term) > 0 for f in _FIELDS])


def on_index(search_text: ColumnElement[str], term: str) -> ColumnElement[bool]:
    """``caseless(term)``: the search text (the trigram index's expression) holds it."""
    return search_text.like(f"%{term}%")


def walk_where(where: list[ColumnElement[bool]], term: str) -> list[ColumnElement[bool]]:
    """The list's WHERE (children_query.filter_conditions: live, then the term's clause,
    then the rest) for a walk along the name order, which tests rows, not the index."""
    if not caseless(term) or len(where) < 2:
        return where
    return [where[0], on_rows(term), *where[2:]]
