"""A search's page of the children list in name order (SQLite's trigram index), and the
count of its matches found on the way. Used by ``children_query``.

A common term matches ~13,000 of a million children. Sorting them by name needs each
match's name keys: they are read from ``child_name_order`` (migration 0006: a rowid table
of the live children's id and name keys), or on a file migrated by 0005 from the narrow
index (id, first_name_key, last_name_key) of live rows, not from the rows themselves;
only the page's rows are then read, in the same statement.
"""

from __future__ import annotations

import json
import weakref
from collections.abc import Callable, Hashable
from typing import Any

from sqlalchemy import Integer, column, func, literal_column, select, table, text
from sqlalchemy.engine import Row
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Session
from sqlalchemy.sql.expression import TableClause

from desktop.services.children_rare import rare_page
from desktop.services.children_walk import has_search_heads, has_walk_table, walk_page
from desktop.store.models import Child
from desktop.store.search_heads import head_candidates

FTS_MIN_CHARS = 3
SEARCH_ORDER_INDEX = "ix_child_live_id_names"  # (id, first_name_key, last_name_key), live rows
FTS = table("child_fts", column("rowid", Integer))  # created by migration 0002 (SQLite only)


class _SearchOrder(TableClause):
    """``child`` read through SEARCH_ORDER_INDEX (SQLite's ``INDEXED BY``, which
    SQLAlchemy's SQLite dialect has no hint for): the planner would look the rows up."""

    inherit_cache = True


@compiles(_SearchOrder)
def _compile_search_order(element: _SearchOrder, compiler: Any, **kw: Any) -> str:
    name = compiler.visit_table(element, **kw)
    return f"{name} INDEXED BY {SEARCH_ORDER_INDEX}" if kw.get("asfrom") else name


_NARROW_INDEXED = _SearchOrder("child", column("id", Integer), column("first_name_key"),
                              column("last_name_key"), column("deleted_at"))
NAME_ORDER = table("child_name_order", column("id", Integer), column("first_name_key"),
                   column("last_name_key"))  # migration 0006 (SQLite only): live children
_CHILD = Child.__table__.c
ROW_COLUMNS = (_CHILD.id, _CHILD.uuid, _CHILD.prefix, _CHILD.first_name, _CHILD.last_name,
               _CHILD.sex, _CHILD.birth_date, _CHILD.id_type, _CHILD.national_id, _CHILD.g_code,
               _CHILD.deleted_at)
_SEARCH_ORDER_SEEN: weakref.WeakKeyDictionary[Any, str] = weakref.WeakKeyDictionary()


def search_order(session: Session) -> str:
    """Where a search's matches find their name keys: "table" (child_name_order),
    "index" (SEARCH_ORDER_INDEX, a file at 0005) or "" (neither: a file migrated by an
    early build of 0005 searches through the rows, as before). Once per engine."""
    engine = session.get_bind()
    found = _SEARCH_ORDER_SEEN.get(engine)
    if found is None:
        names = set(session.scalars(
            select(column("name")).select_from(table("sqlite_master"))
            .where(column("name").in_(["child_name_order", SEARCH_ORDER_INDEX]))))
        found = _SEARCH_ORDER_SEEN[engine] = (
            "table" if "child_name_order" in names else "index" if names else "")
    return found


def has_search_order(session: Session) -> bool:
    return search_order(session) != ""


def match(fts: str) -> Any:
    return literal_column("child_fts").op("MATCH")(fts)


def counts_with_page(term: str) -> bool:
    """Whether a search's first page also counts its matches (see page_by_name): a term
    of more than one trigram (a phrase: FTS5 checks positions, 4-8 ms at 1M). One
    trigram counts in ~0.5 ms alone, and gathering its matches first costs more."""
    parts = term.split()
    return len(parts) > 1 or any(len(p) > FTS_MIN_CHARS for p in parts)


def page_by_name(session: Session, fts: str, *, last_name_first: bool, descending: bool,
                 offset: int, limit: int, where: Callable[[Any], list[Any]],
                 count: bool, term: str = "", walk: bool | None = None,
                 head_where: Callable[[Any], list[Any]] | None = None,
                 scope: Hashable = None) -> list[Row[Any]]:
    """The rows (ROW_COLUMNS) of one page of the live children matching ``fts`` in name
    order (``last_name_first``: by last name), restricted by ``where(id column)``.

    ``count``: the matches are gathered once, counted and sorted in the same statement,
    and the count is remembered with the connection for ``remembered_count`` (the list
    asks for it next): one phrase match instead of two.

    ``term`` (the plain text of ``fts``): a term of fewer than 200 matches is sorted from
    them, one matching a large share of the children is answered by walking the name
    order (children_walk); ``walk`` forces (True) or forbids (False) the walk, for tests.

    ``head_where``: the filter as a test of a few hundred ids (an EXISTS each, not the
    filter's whole set): a filtered search's first page is then looked for among a search
    head's children (store/search_heads.py), then among the matches of a long term's
    rarest trigrams (store/search_rare.py, which counts them on the way: remembered
    under ``scope``, the filter's own key), before the matches are sorted."""
    by_table = search_order(session) == "table"
    filtered = head_where is not None and bool(head_where(NAME_ORDER.c.id))
    if walk is not False and by_table and filtered:  # a year, a school on the side
        assert head_where is not None
        ids = _filtered_head_page(session, term, head_where, last_name_first=last_name_first,
                                  descending=descending, need=max(0, offset) + max(0, limit))
        counted: int | None = None
        if ids is None:
            rare = _filtered_rare_page(session, term, head_where,
                                       last_name_first=last_name_first, descending=descending,
                                       need=max(0, offset) + max(0, limit))
            ids, counted = rare if rare is not None else (None, None)
        if ids is not None:  # the list counts next, with the filter
            if counted is not None:
                _remember(session, fts, scope, counted)
            return _rows_of(session, ids[max(0, offset):], last_name_first=last_name_first,
                            descending=descending)
    elif walk is not False and by_table and not where(NAME_ORDER.c.id):
        walked = walk_page(session, fts, term, last_name_first=last_name_first,
                           descending=descending, offset=offset, limit=limit,
                           force=walk is True)
        if walked is not None:
            if walked[1] is not None:  # counted on the way: the list asks for it next
                _remember(session, fts, None, walked[1])
            if walked[0] is not None:
                return _rows_of(session, walked[0], last_name_first=last_name_first,
                                descending=descending)
            count = False
    source: Any = NAME_ORDER if by_table else _NARROW_INDEXED
    c = source.c
    names = ["first_name_key", "last_name_key"]
    if last_name_first:
        names.reverse()
    keys = [c[n] for n in names] + [c.id]
    total: Any = literal_column("0")
    if count:
        matches = (select(FTS.c.rowid.label("id")).where(match(fts))
                   .cte("matches").prefix_with("MATERIALIZED"))
        total = select(func.count()).select_from(matches).scalar_subquery()
        page = select(c.id).select_from(matches).join(source, c.id == matches.c.id)
    else:
        page = select(c.id).select_from(FTS).join(source, c.id == FTS.c.rowid).where(match(fts))
    if not by_table:  # the table holds the live children only
        page = page.where(c.deleted_at.is_(None))
    found = (page.where(*where(c.id))
             .order_by(*[k.desc() if descending else k.asc() for k in keys])
             .offset(max(0, offset)).limit(max(0, limit)).subquery("page"))
    # the page's rows in the same statement, sorted again by the rows' own keys (200 rows;
    # the page's key columns as the sort made it slower at 1M)
    order = [_CHILD[n] for n in names] + [_CHILD.id]
    stmt = (select(*ROW_COLUMNS, total.label("total"))
            .select_from(found.join(Child.__table__, _CHILD.id == found.c.id))
            .order_by(*[k.desc() if descending else k.asc() for k in order]))
    rows = list(session.execute(stmt).all())
    if count and rows:  # no row, no count (and a count of 0 costs nothing)
        _remember(session, fts, None, int(rows[0].total))
    return rows


def _heads_connection(session: Session, term: str, need: int) -> Any:
    """The session's DB-API connection where a filtered page may be looked for among the
    heads or the rare trigrams (a SQLite file at 0010 or later), else None."""
    if need <= 0 or not term or not has_walk_table(session):
        return None
    raw = session.connection().connection.driver_connection
    assert raw is not None
    return raw if has_search_heads(session, raw) else None


def _filtered_head_page(session: Session, term: str, where: Callable[[Any], list[Any]], *,
                        last_name_first: bool, descending: bool, need: int) -> list[int] | None:
    """The first ``need`` children holding ``term`` that pass ``where`` (a year, a school),
    in the order, from a search head (store/search_heads.py): its children holding the
    term, then those of them the filter keeps (one statement for up to a few hundred
    ids). None where no head keeps that many."""
    raw = _heads_connection(session, term, need)
    if raw is None:
        return None
    for ids in head_candidates(raw, term, last_name_first=last_name_first,
                               descending=descending):
        if len(ids) < need:
            continue
        kept = _kept(session, ids, where)
        page = [i for i in ids if i in kept][:need]
        if len(page) >= need:
            return page
    return None


def _filtered_rare_page(session: Session, term: str, where: Callable[[Any], list[Any]], *,
                        last_name_first: bool, descending: bool,
                        need: int) -> tuple[list[int], int] | None:
    """The first ``need`` children holding ``term`` that pass ``where``, in the order, and
    how many pass, from the candidates of its rarest trigrams (children_rare); None
    where the term has none."""
    raw = _heads_connection(session, term, need)
    if raw is None:
        return None
    return rare_page(session, raw, term, where, last_name_first=last_name_first,
                     descending=descending, need=need)


def _kept(session: Session, ids: list[int], where: Callable[[Any], list[Any]]) -> set[int]:
    """Those of ``ids`` that pass ``where``: the ids in and out as one JSON array each (a
    row per id through SQLAlchemy costs ~5 µs, as much as the test itself)."""
    found = session.scalar(
        select(func.json_group_array(NAME_ORDER.c.id)).where(
            NAME_ORDER.c.id.in_(select(literal_column("value")).select_from(_IDS)),
            *where(NAME_ORDER.c.id)),
        {"page_ids": json.dumps(ids)})
    return set(json.loads(found)) if found else set()


def _rows_of(session: Session, ids: list[int], *, last_name_first: bool,
             descending: bool) -> list[Row[Any]]:
    if not ids:
        return []
    names = [_CHILD.first_name_key, _CHILD.last_name_key]
    if last_name_first:
        names.reverse()
    order = [*names, _CHILD.id]
    # the ids as one JSON parameter: 200 bound parameters cost SQLAlchemy ~0.5 ms more
    stmt = (select(*ROW_COLUMNS, literal_column("0").label("total"))
            .where(_CHILD.id.in_(select(literal_column("value")).select_from(_IDS)))
            .order_by(*[k.desc() if descending else k.asc() for k in order]))
    return list(session.execute(stmt, {"page_ids": json.dumps(ids)}).all())


_IDS = text("json_each(:page_ids)")


_COUNT_KEY = "samoe_search_count"  # the pooled connection's info: (state, query, scope, count)


def _remember(session: Session, fts: str, scope: Hashable, count: int) -> None:
    pooled, state = _connection_state(session)
    pooled.info[_COUNT_KEY] = (state, fts, scope, count)


def _connection_state(session: Session) -> tuple[Any, tuple[int, int]]:
    """The pooled connection and what it has seen change: SQLite's data_version (moves
    when another connection commits) and total_changes() (this connection's writes)."""
    pooled = session.connection().connection
    cursor = pooled.cursor()
    try:
        version = cursor.execute("PRAGMA data_version").fetchone()[0]
        changes = cursor.execute("SELECT total_changes()").fetchone()[0]
    finally:
        cursor.close()
    return pooled, (int(version), int(changes))


def remembered_count(session: Session, fts: str, scope: Hashable = None) -> int | None:
    """The count of ``fts``'s matches (inside the filter ``scope``: None for none) a first
    page found on this connection, while it has seen no commit and made no change since
    (else None)."""
    pooled, state = _connection_state(session)
    found = pooled.info.get(_COUNT_KEY)
    if found is None or found[0] != state or found[1] != fts or found[2] != scope:
        return None
    return int(found[3])
