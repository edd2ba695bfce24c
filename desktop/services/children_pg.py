"""A search's first page on PostgreSQL (the province's database) by walking the list's
order, as SQLite's walk does (children_walk).

PostgreSQL finds a term of 3+ characters through the trigram index (0014), but a common
one ("ชัย": 93,000 of 1M) then has every match's row read back and sorted for a page
of 200 (570 ms at 1M), and its planner, which cannot tell a common term from a rare one
inside the search text, chooses that whatever the term. Walking the first WALK children
of the list's order (a LIMIT subquery over the name index: the filter cannot be pushed
into it) and keeping those that match finds such a page; a term with fewer matches among
them is answered as before, from the index, the walk's cost added. Measured at 1M on a
loaded machine (load 6.7, 3 runs each): "ชัย" by first name 660-690 -> 76-80 ms, "วงศ์"
430-740 -> 29-54 ms; where the walk hands over, "คำด" (1,339 matches) 20-52 -> 53-75 ms,
"ศรีสุข" (whose matches sit far along the order) 94-177 -> 140-200 ms.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from sqlalchemy import ColumnElement, Select, literal_column, select
from sqlalchemy.engine import Row
from sqlalchemy.orm import Session
from sqlalchemy.sql.util import ClauseAdapter

from desktop.store.models import Child

WALK = 3_000  # children walked along the order (~12-15 µs each at 1M: heap rows in name order)


@lru_cache(maxsize=16)
def _walk(columns: tuple[str, ...], order: tuple[tuple[str, bool], ...]) -> tuple[Any, ...]:
    """The walk's source (the first WALK live children of the order, named "child": the
    filter's literal SQL reads it), the page's columns and order on it: built once per
    kind of list, as adapting them each time cost ~1/4 of a walked page's Python."""
    keys = [Child.__table__.c[k] for k, _ in order]
    by = [k.desc() if desc else k.asc() for k, (_, desc) in zip(keys, order, strict=True)]
    # the limits written as SQL, not bound: the walk's statement is adapted from the
    # list's, and a bound LIMIT of it was once left without its value on PostgreSQL
    walked = (select(Child.__table__).where(Child.deleted_at.is_(None)).order_by(*by)
              .limit(literal_column(str(int(WALK)))).subquery("child"))
    return (walked, [walked.c[c] for c in columns],
            [walked.c[k].desc() if desc else walked.c[k].asc() for k, desc in order])


def _signature(stmt: Select[Any], order: Sequence[ColumnElement[Any]]) -> tuple[Any, Any] | None:
    """(the page's column names, its order as (column, descending)) when they are plain
    columns of ``child``; None otherwise (adapted each time)."""
    columns = tuple(getattr(c, "key", "") for c in stmt.selected_columns)
    keys = []
    for o in order:
        element, modifier = getattr(o, "element", None), getattr(o, "modifier", None)
        key = getattr(element, "key", None)
        if getattr(element, "table", None) is not Child.__table__ or key is None:
            return None
        keys.append((key, getattr(modifier, "__name__", "") == "desc_op"))
    if not all(c in Child.__table__.c for c in columns):
        return None
    return columns, tuple(keys)


def walked_page(session: Session, stmt: Select[Any], where: Sequence[ColumnElement[bool]],
                order: Sequence[ColumnElement[Any]], *, offset: int,
                limit: int) -> list[Row[Any]] | None:
    """The page ``stmt`` (the list's columns of ``child``, in ``order``) would give with
    ``where``, found among the first WALK live children of that order; None where fewer
    than offset + limit of them pass (the caller then asks as usual)."""
    need = max(0, offset) + max(0, limit)
    if need <= 0 or need * 5 > WALK:
        return None
    signature = _signature(stmt, order)
    if signature is None:
        walked = (select(Child.__table__).where(Child.deleted_at.is_(None)).order_by(*order)
                  .limit(literal_column(str(int(WALK)))).subquery("child"))
        adapt = ClauseAdapter(walked).traverse
        columns, by = [adapt(c) for c in stmt.selected_columns], [adapt(o) for o in order]
    else:
        walked, columns, by = _walk(*signature)
        adapt = ClauseAdapter(walked).traverse
    page = (select(*columns).select_from(walked).where(*[adapt(w) for w in where])
            .order_by(*by).limit(literal_column(str(int(need)))))
    rows = list(session.execute(page).all())
    return rows[max(0, offset):] if len(rows) >= need else None
