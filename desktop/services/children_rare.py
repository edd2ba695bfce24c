"""A long term's page and count from the candidates of its rarest trigrams (issue 7).

store/search_rare.py gives the ids of the children holding the term's rarest trigram (or
its two rarest): at most a few thousand, every match of the term among them. Here one
statement tests each candidate's row for the whole term (each name and identifier alone:
a term of one part never spans the spaces the index's columns join them with) and for
the list's filter (a year, a school, a level: an EXISTS each), and gives back the
matches' name keys as one JSON array (a row per match through SQLAlchemy would cost
~5 µs, as much as the tests). The page is sorted from them and the count is exact.
Used by the walk (no filter) and by a filtered search (children_search).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from sqlalchemy import func, literal_column, or_, select, text
from sqlalchemy.orm import Session

from desktop.store.models import Child
from desktop.store.search_rare import rare_candidates

_CHILD = Child.__table__.c
_FIELDS = (_CHILD.first_name, _CHILD.last_name, _CHILD.first_name_en, _CHILD.last_name_en,
           _CHILD.national_id, _CHILD.g_code)  # the trigram index's two columns, joined
_IDS = text("json_each(:rare_ids)")


def name_order_key(last_name_first: bool) -> Any:
    """The list's order of a (first_name_key, last_name_key, id) row: Python compares
    str as SQLite's BINARY compares their UTF-8."""
    if last_name_first:
        return lambda r: (r[1], r[0], r[2])
    return lambda r: (r[0], r[1], r[2])


def rare_page(session: Session, raw: Any, term: str, where: Callable[[Any], list[Any]], *,
              last_name_first: bool, descending: bool,
              need: int) -> tuple[list[int], int] | None:
    """The ids of the first ``need`` children holding ``term`` that pass ``where(id
    column)`` in the order, and how many pass; None where the term has no rare trigrams
    (``raw``: the session's DB-API connection)."""
    ids = rare_candidates(raw, term)
    if ids is None:
        return None
    low = term.lower()
    fold = low != low.upper()  # lower() costs ~1-3 µs a Thai field: only when it can matter
    tests = [func.instr(func.lower(f) if fold else f, low) > 0 for f in _FIELDS]
    stmt = select(func.json_group_array(func.json_array(
        _CHILD.first_name_key, _CHILD.last_name_key, _CHILD.id))).where(
        _CHILD.id.in_(select(literal_column("value")).select_from(_IDS)),
        _CHILD.deleted_at.is_(None), or_(*tests), *where(_CHILD.id))
    found = json.loads(session.scalar(stmt, {"rare_ids": json.dumps(ids)}) or "[]")
    page = sorted(found, key=name_order_key(last_name_first), reverse=descending)
    return [int(m[2]) for m in page[:max(0, need)]], len(found)


def rare_count(session: Session, term: str, where: Callable[[Any], list[Any]]) -> int | None:
    """How many live children hold ``term`` and pass ``where``, from its rare trigrams'
    candidates; None where it has none (SQLite only: the caller counts its usual way)."""
    raw = session.connection().connection.driver_connection
    found = rare_page(session, raw, term, where, last_name_first=False, descending=False,
                      need=0)
    return None if found is None else found[1]
