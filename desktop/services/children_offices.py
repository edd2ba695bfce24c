"""The children list's municipality filter (the province's consolidated registry).

At the province the child table holds the children every municipality sent, each row
marked with the office it came from (``origin_office_id``); the list filters by it
(``ChildFilter.office_id``, children_query), reading ix_child_live_office_name (0014). A
municipality's own database holds its own children only: it offers no such filter.

A term inside one municipality (SQLite): a term of common pieces ("ชัย": 93,000 of 1M)
would gather and sort all its matches from the trigram index, then keep the municipality's;
its ~7,000 children are tested instead, in name order. A term with a rarer piece ("คำด":
1,339 of 1M) goes through the index. Page + count at 1M over 150 offices, the two ways
alternately (medians of 5, a machine loaded 10x on 2 cores): "ชัย" rows 175 / index 304
ms, "วงศ์" 207 / 434, "ศรีสุข" 170 / 185, "คำด" 109 / 38.
"""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, func, literal_column, or_, select
from sqlalchemy.orm import Session

from desktop.domain.roles import Action
from desktop.domain.text import thai_sort_key
from desktop.services.access import require
from desktop.services.children_walk import has_search_heads
from desktop.store.models import Child, Office

TERM_MIN_CHARS = 3  # the trigram index's (children_search.FTS_MIN_CHARS)
_OFFICE_CHILD = Child.__table__.alias("office_child")  # never correlated to the outer child
_FIELDS = (Child.first_name, Child.last_name, Child.first_name_en, Child.last_name_en,
           func.coalesce(Child.national_id, ""), func.coalesce(Child.g_code, ""))


@dataclass(frozen=True)
class OfficeChoice:
    id: int
    name: str
    code: str


def office_filter_choices(session: Session) -> list[OfficeChoice]:
    """The municipalities the list may be filtered to, by name: the offices other than
    this one, when this database is the province's; none at a municipality."""
    require(session, Action.REGISTRY_READ)
    role = session.scalar(select(Office.role).where(Office.is_local.is_(True)))
    if role != "province":
        return []
    found = [OfficeChoice(int(i), str(n), str(c)) for i, n, c in session.execute(
        select(Office.id, Office.name, Office.code).where(Office.is_local.is_(False)))]
    return sorted(found, key=lambda o: (thai_sort_key(o.name), o.code))  # dictionary order


def office_ids(office_id: int | None) -> Select[Any]:
    """The live children a municipality sent, from ix_child_live_office_name (one range of
    the index, ~1 ms for a municipality's 7,000 at 1M)."""
    c = _OFFICE_CHILD.c
    return select(c.id).where(c.origin_office_id == office_id, c.deleted_at.is_(None))


def by_rows(session: Session, term: str) -> bool:
    """Whether a term inside one municipality is tested on its rows (``parts_clause``)
    rather than through the trigram index (SQLite): every trigram of its parts is common
    (has a search head: 5,000+ children). A file without heads (under 100,000 children)
    searches through the index."""
    if len(term) < TERM_MIN_CHARS or session.get_bind().dialect.name != "sqlite":
        return False
    raw = session.connection().connection.driver_connection
    if not has_search_heads(session, raw):
        return False
    trigrams = {p.lower()[i:i + 3] for p in term.split(" ") if len(p) >= TERM_MIN_CHARS
                for i in range(len(p) - 2)}
    if not trigrams:
        return False
    marks = ", ".join("?" * len(trigrams))
    common = raw.execute("SELECT count(DISTINCT piece) FROM search_head_term "  # noqa: S608
                         f"WHERE way = 0 AND piece IN ({marks})", sorted(trigrams)).fetchone()
    return int(common[0]) == len(trigrams)


_COUNTED = "samoe_office_term_count"  # session.info: (transaction, key, count)


def office_term_page(session: Session, stmt: Select[Any], where: list[Any], order: list[Any], *,
                     offset: int, limit: int, count_key: Hashable = None) -> list[Any]:
    """A page of a term inside one municipality: its ids in order from the municipality's
    index alone (ix_child_live_office_name carries the fields a term is tested on, 0021 and
    0022), then only those rows (``stmt``: the list's columns and order). Reading the
    rows while walking the order read every child passed over (~2,100 for a page of
    "ชัย", ~6,700 for a rare term), spread through a province's file.

    With ``count_key`` (a first page on PostgreSQL) the same reading of the index counts
    every match (a window over them, before the page's LIMIT) and keeps the count for
    ``office_term_count`` until the transaction ends: the count's own pass over the municipality's
    ~7,000 index entries was a third of the page and count ("ชัย" at 1M, 21 -> 16 ms)."""
    counting = count_key is not None and offset <= 0
    ids = select(Child.id, *([func.count().over().label("matches")] if counting else []))
    ids = (ids.where(*where).order_by(*order).offset(max(0, offset)).limit(max(0, limit))
           .subquery("office_page"))
    if not counting:
        rows = stmt.offset(None).limit(None).where(Child.id.in_(select(ids.c.id)))
        return list(session.execute(rows).all())
    page = stmt.offset(None).limit(None).add_columns(ids.c.matches).join(ids, ids.c.id == Child.id)
    found = list(session.execute(page).all())
    if found:
        session.info[_COUNTED] = (session.get_transaction(), count_key, int(found[0].matches))
    return found


def office_term_count(session: Session, count_key: Hashable) -> int | None:
    """The count a first page of ``office_term_page`` kept for ``count_key`` in this same
    transaction (the same snapshot of the rows); None otherwise."""
    kept = session.info.get(_COUNTED)
    if kept is None or kept[0] is not session.get_transaction() or kept[1] != count_key:
        return None
    return int(kept[2])


def parts_clause(term: str) -> ColumnElement[bool]:
    """What the trigram index's MATCH of ``term`` keeps, tested on a row's own fields:
    every space-separated part inside one of the names or identifiers, letters folded
    as the index folds them (ASCII: the English names); a part of fewer than three
    characters holds no trigram and asks nothing (a term of only such parts matches
    nothing), as there."""
    tests = []
    for part in (p for p in term.split(" ") if p):
        if len(part) < TERM_MIN_CHARS:
            continue  # the index's MATCH passes over a part that holds no trigram ...
        low = part.lower()
        fold = low != low.upper()
        tests.append(or_(*[func.instr(func.lower(f) if fold else f, low) > 0 for f in _FIELDS]))
    return and_(*tests) if tests else literal_column("0") == 1  # ... but not over them all
