"""The children list: count, page, sort, filter and search, all in SQL.

A list of a million children is never loaded whole: callers ask for the count and for
pages (``LIMIT``/``OFFSET`` over an index that matches the sort order). Searching uses the
FTS5 trigram index for terms of three or more characters and ``instr`` on the plain
columns for shorter ones (a two-character trigram MATCH finds nothing by design); on
PostgreSQL ``ILIKE`` on the search text, which a pg_trgm GIN index serves (0014).
"""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass, field, replace
from datetime import date
from enum import StrEnum
from functools import lru_cache
from typing import Any, TypeVar

from sqlalchemy import (
    ColumnElement,
    Select,
    and_,
    bindparam,
    func,
    literal_column,
    or_,
    select,
)
from sqlalchemy.orm import Session, aliased

from desktop.domain.roles import Action
from desktop.services.access import require
from desktop.services.children_offices import (
    by_rows,
    office_ids,
    office_term_count,
    office_term_page,
    parts_clause,
)
from desktop.services.children_pg import WALK, walked_page
from desktop.services.children_pg_counts import kept_count, office_rare, worth_walking
from desktop.services.children_pg_terms import walk_where
from desktop.services.children_rare import rare_count
from desktop.services.children_search import (
    _SEARCH_ORDER_SEEN,  # noqa: F401
    FTS,
    SEARCH_ORDER_INDEX,  # noqa: F401  (tests drop it to see the plain path)
    counts_with_page,
    has_search_order,
    page_by_name,
    remembered_count,
)
from desktop.services.children_terms import (  # noqa: F401  (SEARCH_TEXT_PG, normalise_search: the list's names)
    SEARCH_TEXT_PG,
    _fts_query,
    normalise_search,
    search_clause,
)
from desktop.services.institutions import InstitutionChoice, institution_choices
from desktop.store.models import AcademicYear, Child, Enrollment, Institution
from desktop.store.search_heads import piece_count

_FTS = FTS


class ChildSort(StrEnum):
    NAME = "name"
    LAST_NAME = "last_name"
    BIRTH_DATE = "birth_date"
    AGE = "age"
    IDENT = "ident"
    SEX = "sex"
    INSTITUTION = "institution"
    LEVEL = "level"
    CLASSROOM = "classroom"


@dataclass(frozen=True)
class ChildFilter:
    search: str = ""
    institution_id: int | None = None
    year_be: int | None = None
    level_code: str | None = None
    deleted: bool = False  # True: show the deleted ones (the bin), to restore them
    # the province's consolidated registry: the children a municipality sent (the office
    # their rows came from, origin_office_id); None: every office's
    office_id: int | None = None


@dataclass(frozen=True)
class ChildRow:
    id: int
    uuid: str
    prefix: str
    first_name: str
    last_name: str
    sex: str
    birth_date: date
    id_type: str
    national_id: str | None
    g_code: str | None
    institution: str = ""
    level_code: str = ""
    classroom: str = ""
    year_be: int | None = None
    deleted: bool = False
    institution_deleted: bool = False  # shown marked: institutions.institution_label

    @property
    def ident(self) -> str:
        return self.national_id or self.g_code or ""


@dataclass
class _Built:
    where: list[ColumnElement[bool]] = field(default_factory=list)


def _by_rows(session: Session, flt: ChildFilter, term: str) -> bool:
    """Whether the term is tested on one municipality's rows (children_offices)."""
    return flt.office_id is not None and not flt.deleted and by_rows(session, term)


def _indexed(session: Session, flt: ChildFilter, term: str) -> bool:
    """Whether the trigram index may answer the filter's term: live children, and not
    tested on one municipality's rows."""
    return not flt.deleted and not _by_rows(session, flt, term)


S = TypeVar("S", bound=Select[Any])


def _scoped(stmt: S, flt: ChildFilter, year_id: int | None, *, probe: bool = False) -> S:
    """Restrict a query over enrolments to the filter's year and institution (a year that
    has no row in academic_year matches nothing).

    ``probe``: the query looks up one child's enrolments; a unary + keeps the planner on
    the (child, year, institution) index instead of walking every enrolment of the year or
    of the institution for each child (4 s for one school's list at 1M)."""
    year_col: Any = literal_column("+enrollment.academic_year_id") if probe else \
        Enrollment.academic_year_id
    inst_col: Any = literal_column("+enrollment.institution_id") if probe else \
        Enrollment.institution_id
    if flt.year_be is not None:
        stmt = stmt.where(year_col == (year_id if year_id is not None else -1))
    if flt.institution_id is not None:
        stmt = stmt.where(inst_col == flt.institution_id)
    return stmt


def _enrolled(flt: ChildFilter, year_id: int | None) -> Select[tuple[int]] | None:
    """The ids of the children the filter's year, institution and level keep (None: all)."""
    if flt.institution_id is None and flt.year_be is None and not flt.level_code:
        return None
    enrolled = _scoped(select(Enrollment.child_id).where(Enrollment.deleted_at.is_(None)),
                       flt, year_id)
    if flt.level_code:
        enrolled = enrolled.where(Enrollment.level_code == flt.level_code)
    return enrolled


def _enrollment_clause(flt: ChildFilter, year_id: int | None) -> ColumnElement[bool] | None:
    # "id IN (children enrolled ...)" lets SQLite drive from the enrolment index instead of
    # probing every child (an EXISTS per row is ~10x slower to count at 100k).
    enrolled = _enrolled(flt, year_id)
    return None if enrolled is None else Child.id.in_(enrolled)


BROAD = 20_000  # enrolments: more, and a page walks its sort's index probing each child


def _probe_page(session: Session, flt: ChildFilter, year_id: int | None,
                sort: ChildSort = ChildSort.NAME) -> bool:
    """Whether a page should walk its sort's index and probe each child's enrolments
    (EXISTS) rather than gather every enrolled child first (IN): when the filter keeps
    many children. A year of a million children gathered first took 8-12 s; walking the
    name order until a page is found, 10 ms. One school's children are few: gathered.
    A level alone keeps about a twelfth of the children; a year is counted up to BROAD.
    Sorted by level, a level's children sit together, far down the walk: gathered."""
    if flt.institution_id is not None or (flt.year_be is None and not flt.level_code):
        return False
    if flt.level_code and sort in (ChildSort.LEVEL, ChildSort.CLASSROOM):
        return False
    if flt.year_be is None:
        return True
    some = (select(Enrollment.id)
            .where(Enrollment.academic_year_id == (year_id if year_id is not None else -1),
                   Enrollment.deleted_at.is_(None))
            .limit(BROAD).subquery())
    return int(session.scalar(select(func.count()).select_from(some)) or 0) >= BROAD


def _probe_clause(flt: ChildFilter, year_id: int | None, child_id: Any) -> ColumnElement[bool]:
    """EXISTS an enrolment of the child (``child_id``, a column of the outer query) that
    the filter's year, institution and level keep."""
    stmt = _scoped(select(literal_column("1")).select_from(Enrollment.__table__)
                   .where(Enrollment.child_id == child_id, Enrollment.deleted_at.is_(None)),
                   flt, year_id, probe=True)
    if flt.level_code:
        stmt = stmt.where(literal_column("+enrollment.level_code") == flt.level_code)
    return stmt.exists()


def year_id_of(session: Session, year_be: int | None) -> int | None:
    if year_be is None:
        return None
    return session.scalar(select(AcademicYear.id).where(AcademicYear.year_be == year_be))


def filter_conditions(
    session: Session, flt: ChildFilter, year_id: int | None = None, *, page: bool = False,
    sort: ChildSort = ChildSort.NAME,
) -> list[ColumnElement[bool]]:
    """The WHERE of the list; ``year_id`` when the caller already looked the year up;
    ``page``: for one page in a sort order (see _probe_page), not a count or a whole list."""
    if year_id is None:
        year_id = year_id_of(session, flt.year_be)
    where: list[ColumnElement[bool]] = [
        Child.deleted_at.is_not(None) if flt.deleted else Child.deleted_at.is_(None)
    ]
    term = normalise_search(flt.search)
    if term:
        # one municipality's children (a few thousand) are tested row by row
        where.append(parts_clause(term) if _by_rows(session, flt, term)
                     else search_clause(session, term, live=not flt.deleted,
                                        trigrams=flt.office_id is None or office_rare(
                                            session, term, flt.office_id)))
    if flt.office_id is not None:  # ix_child_live_office_name (0014)
        where.append(Child.origin_office_id == flt.office_id)
    if page and _probe_page(session, flt, year_id, sort):
        where.append(_probe_clause(flt, year_id, Child.id))
        return where
    enrolled = _enrollment_clause(flt, year_id)
    if enrolled is not None:
        where.append(enrolled)
    return where


def _no_enrolment_filter(flt: ChildFilter) -> bool:
    """No filter but the term (and the bin): no enrolment filter, no municipality."""
    return (flt.institution_id is None and flt.year_be is None and not flt.level_code
            and flt.office_id is None)


def _narrowed(flt: ChildFilter, year_id: int | None, child_id: Any) -> list[Any]:
    """The filter as a test of one child (``child_id``, a column of the outer query): an
    EXISTS of its enrolments (a year, a school, a level) and its municipality."""
    out: list[Any] = []
    if _enrolled(flt, year_id) is not None:
        out.append(_probe_clause(flt, year_id, child_id))
    if flt.office_id is not None:
        out.append(child_id.in_(office_ids(flt.office_id)))
    return out


def count_scope(flt: ChildFilter) -> Hashable:
    """What a search's count depends on besides the term (None: no enrolment filter), the
    key a first page that counted remembers it under (children_search)."""
    if _no_enrolment_filter(flt):
        return None
    return (flt.year_be, flt.institution_id, flt.level_code, flt.deleted, flt.office_id)


def _office_count_key(flt: ChildFilter, term: str) -> Hashable:
    """What a term's count inside one municipality depends on (children_offices.counted)."""
    return (term, flt.office_id, flt.deleted, count_scope(flt))


def scoped_filter(session: Session, flt: ChildFilter) -> ChildFilter:
    """``flt`` as the signed-in user may see it (NotPermitted without registry.read): a
    caregiver sees their own centre's children only (of several centres, one at a time:
    the filter's, else the first)."""
    actor = require(session, Action.REGISTRY_READ)
    allowed = actor.institutions_for(Action.REGISTRY_READ)
    if allowed is None or flt.institution_id in allowed:
        return flt
    if flt.institution_id is None and allowed:
        return replace(flt, institution_id=min(allowed))
    return replace(flt, institution_id=-1)  # not theirs: no child


def count_children(session: Session, flt: ChildFilter) -> int:
    flt = scoped_filter(session, flt)
    term = normalise_search(flt.search)
    sqlite = session.get_bind().dialect.name == "sqlite"
    query = _fts_query(session, term, live=_indexed(session, flt, term)) if term else None
    no_enrolment_filter = _no_enrolment_filter(flt)
    if not sqlite:  # PostgreSQL's kept counts (0018): the total, a municipality's, a piece's
        kept = kept_count(session, term, office_id=flt.office_id, deleted=flt.deleted,
                          enrolment_filter=not _no_enrolment_filter(replace(flt, office_id=None)))
        if kept is not None:
            return kept
        if term and flt.office_id is not None:  # the first page may have counted
            found = office_term_count(session, _office_count_key(flt, term))
            if found is not None:
                return found
    if query is not None:  # a first page may have counted
        remembered = remembered_count(session, query, count_scope(flt))
        if remembered is not None:
            return remembered
    if query is not None and sqlite and not flt.deleted and no_enrolment_filter:
        # a common piece typed whole (ประเสริฐ, 62,000 of 1M): its count is kept (0013)
        exact = piece_count(session.connection().connection.driver_connection, term)
        if exact is not None:
            return exact
    if query is not None and sqlite and not flt.deleted:
        # a long term's page read from a search head was not counted: its rare trigrams'
        # candidates count it exactly (children_rare), cheaper than the phrase's positions
        year_id = year_id_of(session, flt.year_be)
        counted = rare_count(session, term, lambda child_id: _narrowed(flt, year_id, child_id))
        if counted is not None:
            return counted
    if query is not None and no_enrolment_filter:
        # the index holds exactly the live children: count there, no row look-ups
        fts = select(func.count()).select_from(_FTS).where(
            literal_column("child_fts").op("MATCH")(query)
        )
        return int(session.scalar(fts) or 0)
    if not term and no_enrolment_filter and not flt.deleted and sqlite:
        # count(*) of a whole table counts b-tree cells page by page (~0.1 ms at 1M, where
        # walking a million index entries takes 35-75 ms); the deleted ones come from a
        # tiny partial index (ix_child_deleted)
        total = session.scalar(select(func.count()).select_from(Child)) or 0
        gone = session.scalar(
            select(func.count()).select_from(Child).where(Child.deleted_at.is_not(None))
        ) or 0
        return int(total) - int(gone)
    # A term with a broad enrolment filter (a year of most children): each match probes
    # its own enrolments (EXISTS) instead of gathering every child of the year into a
    # temporary index first (6.3 s for "ชัย" in a year of 985k at 1M; probing: 0.3 s).
    where = filter_conditions(session, flt, page=bool(term))
    if term and query is None and sqlite and not flt.deleted and flt.office_id is None:
        # A short term scans every row. Written plainly, "deleted_at IS NULL" leads the
        # planner to walk a partial index and look each row up (3.3 s at 1M) instead of
        # scanning the table (0.7 s); a unary + keeps it off the index.
        where[0] = literal_column("+child.deleted_at").is_(None)
    stmt = select(func.count()).select_from(Child).where(*where)
    return int(session.scalar(stmt) or 0)


def shown_enrollment(flt: ChildFilter, year_id: int | None) -> Select[tuple[int]]:
    """The id of the enrolment a row shows: the filtered year's, else the latest."""
    stmt = (
        select(Enrollment.id)
        .join(AcademicYear, AcademicYear.id == Enrollment.academic_year_id)
        .where(Enrollment.child_id == Child.id, Enrollment.deleted_at.is_(None))
        .order_by(AcademicYear.year_be.desc(), Enrollment.id.desc())
        .limit(1)
    )
    return _scoped(stmt, flt, year_id, probe=True)


IDENT_EXPR = func.coalesce(Child.national_id, Child.g_code, literal_column("''"))  # ix_child_live_ident


def stored_keys_apply(session: Session, flt: ChildFilter) -> bool:
    """Whether every row of the list shows its child's current enrolment, whose sort keys
    the child stores (``child.enrol_*_key``): no institution filter, and no year filter
    or one for a year after which no live enrolment exists. The bin reads the enrolments
    (a deleted child keeps the keys it had)."""
    if flt.deleted or flt.institution_id is not None:
        return False
    if flt.year_be is None:
        return True
    later = (
        select(Enrollment.id)
        .join(AcademicYear, AcademicYear.id == Enrollment.academic_year_id)
        .where(AcademicYear.year_be > flt.year_be, Enrollment.deleted_at.is_(None))
        .limit(1)
    )
    return session.scalar(later) is None


def _order(
    session: Session, flt: ChildFilter, sort: ChildSort, descending: bool, year_id: int | None
) -> tuple[list[ColumnElement[object]], Any]:
    """The ORDER BY of a sort, and the enrolment to outer-join when the keys of the shown
    enrolment are not the child's stored ones (else None).

    Ties break by the names' dictionary keys, then the id (birth date, age and identifier
    by the id alone); descending is the exact reverse of ascending (so each walks its
    index backwards). Age ascending is youngest first. A child without an enrolment has
    empty keys, which sort first.
    """
    joined = None
    if sort in (ChildSort.INSTITUTION, ChildSort.LEVEL, ChildSort.CLASSROOM):
        if stored_keys_apply(session, flt):
            inst, level, room = (Child.enrol_institution_key, Child.enrol_level_key,
                                 Child.enrol_classroom_key)
        else:
            joined = aliased(Enrollment, name="shown_enrollment")
            inst, level, room = (func.coalesce(c, "") for c in (
                joined.institution_key, joined.level_key, joined.classroom_key))
        # a level's rooms in order: the class and the room headers sort alike (one index)
        first = {ChildSort.INSTITUTION: [inst], ChildSort.LEVEL: [level, room],
                 ChildSort.CLASSROOM: [level, room]}[sort]
    else:
        first = {
            ChildSort.NAME: [], ChildSort.LAST_NAME: [Child.last_name_key],
            ChildSort.BIRTH_DATE: [Child.birth_date], ChildSort.AGE: [Child.birth_date],
            ChildSort.IDENT: [IDENT_EXPR], ChildSort.SEX: [Child.sex],
        }[sort]
    if sort is ChildSort.AGE:
        descending = not descending
    names = [Child.last_name_key] if sort is ChildSort.LAST_NAME else \
        [Child.first_name_key, Child.last_name_key]
    if sort in (ChildSort.BIRTH_DATE, ChildSort.AGE, ChildSort.IDENT):
        names = []  # ties by id alone: the index (key, rowid) serves the order
    keys = [*first, *names, Child.id] if sort is not ChildSort.LAST_NAME else \
        [Child.last_name_key, Child.first_name_key, Child.id]
    return [k.desc() if descending else k.asc() for k in keys], joined


def page_children(
    session: Session,
    flt: ChildFilter,
    *,
    offset: int,
    limit: int,
    sort: ChildSort = ChildSort.NAME,
    descending: bool = False,
) -> list[ChildRow]:
    """One page of the list, with each row's enrolment (filtered year, else latest)."""
    flt = scoped_filter(session, flt)
    year_id = year_id_of(session, flt.year_be)
    stmt = (
        select(
            Child.id,
            Child.uuid,
            Child.prefix,
            Child.first_name,
            Child.last_name,
            Child.sex,
            Child.birth_date,
            Child.id_type,
            Child.national_id,
            Child.g_code,
            Child.deleted_at,
        )
        .offset(max(0, offset))
        .limit(max(0, limit))
    )
    order, joined = _order(session, flt, sort, descending, year_id)
    if joined is not None:
        shown = shown_enrollment(flt, year_id).correlate(Child).scalar_subquery()
        stmt = stmt.outerjoin(joined, joined.id == shown)
    stmt = stmt.order_by(*order)
    term = normalise_search(flt.search)
    fts = _fts_query(session, term, live=_indexed(session, flt, term)) if term else None
    if fts is not None and sort in (ChildSort.NAME, ChildSort.LAST_NAME) and has_search_order(session):
        # A search sorted by name (what the list does as the clerk types): sort the matches
        # by a narrow copy of their name keys rather than by their rows (children_search).
        probing: list[bool] = []  # _probe_page's answer, asked once (it counts)

        def where(child_id: Any) -> list[Any]:  # on the id column of the page's source
            if not probing:
                probing.append(_probe_page(session, flt, year_id, sort))
            office = [] if flt.office_id is None else [child_id.in_(office_ids(flt.office_id))]
            if probing[0]:
                return [_probe_clause(flt, year_id, child_id), *office]
            enrolled = _enrolled(flt, year_id)
            return office if enrolled is None else [child_id.in_(enrolled), *office]

        def head_where(child_id: Any) -> list[Any]:  # a search head's few hundred children
            return _narrowed(flt, year_id, child_id)

        base = page_by_name(
            session, fts, last_name_first=sort is ChildSort.LAST_NAME, descending=descending,
            offset=offset, limit=limit, where=where, term=term, head_where=head_where,
            count=offset <= 0 and _no_enrolment_filter(flt) and counts_with_page(term),
            scope=count_scope(flt))
    elif fts is not None:
        # Drive from the search index by a join (it holds live rows only): ~15% faster
        # than "deleted_at IS NULL AND id IN (matches)" for a common 3-letter term.
        rest = filter_conditions(session, replace(flt, search="", deleted=False), year_id,
                                 page=True, sort=sort)[1:]
        stmt = stmt.join(_FTS, _FTS.c.rowid == Child.id).where(
            literal_column("child_fts").op("MATCH")(fts), *rest
        )
        base = session.execute(stmt).all()
    else:
        where = filter_conditions(session, flt, year_id, page=True, sort=sort)
        walked = None
        if (term and not flt.deleted and joined is None and flt.office_id is None
                and session.get_bind().dialect.name == "postgresql"
                and worth_walking(session, term, need=max(0, offset) + max(0, limit),
                                  walk=WALK)):
            # a common term's page found along the order, not among all its matches (a
            # rare one's, by its kept count, is sorted from the trigram index's matches)
            walked = walked_page(session, stmt, walk_where(where, term), order,
                                 offset=offset, limit=limit)
        if walked is None and term and flt.office_id is not None and joined is None:
            pg = session.get_bind().dialect.name == "postgresql"
            base = office_term_page(session, stmt, where, order, offset=offset, limit=limit,
                                    count_key=_office_count_key(flt, term) if pg else None)
        else:
            base = walked if walked is not None else session.execute(stmt.where(*where)).all()
    if not base:
        return []
    enrolments = _enrolments_for(session, [r.id for r in base], flt, year_id)
    rows = []
    for r in base:
        inst, level, room, year, inst_gone = enrolments.get(r.id, ("", "", "", None, False))
        rows.append(
            ChildRow(
                r.id, r.uuid, r.prefix, r.first_name, r.last_name, r.sex, r.birth_date,
                r.id_type, r.national_id, r.g_code, inst, level, room, year,
                r.deleted_at is not None, inst_gone,
            )
        )
    return rows


@lru_cache(maxsize=8)
def _enrolments_stmt(by_year: bool, by_institution: bool) -> Select[Any]:
    """The enrolments of a page's children (built once per kind of filter)."""
    e, i, y = Enrollment.__table__.c, Institution.__table__.c, AcademicYear.__table__.c
    stmt = (
        select(e.child_id, i.name, e.level_code, e.classroom, y.year_be, i.deleted_at)
        .select_from(Enrollment.__table__.join(Institution.__table__, i.id == e.institution_id)
                     .join(AcademicYear.__table__, y.id == e.academic_year_id))
        .where(e.child_id.in_(bindparam("ids", expanding=True)), e.deleted_at.is_(None))
        .order_by(e.child_id, y.year_be.desc(), e.id.desc())
    )
    if by_year:
        stmt = stmt.where(e.academic_year_id == bindparam("year_id"))
    if by_institution:
        stmt = stmt.where(e.institution_id == bindparam("institution_id"))
    return stmt


_Shown = tuple[str, str, str, int | None, bool]  # institution, level, room, year, institution deleted


def _enrolments_for(
    session: Session, child_ids: list[int], flt: ChildFilter, year_id: int | None
) -> dict[int, _Shown]:
    # the filter's year and institution, as _scoped says (a year with no row: none)
    stmt = _enrolments_stmt(flt.year_be is not None, flt.institution_id is not None)
    params = {"ids": child_ids, "year_id": year_id if year_id is not None else -1,
              "institution_id": flt.institution_id}
    found: dict[int, _Shown] = {}
    for child_id, inst, level, room, year, gone in session.execute(stmt, params):
        found.setdefault(child_id, (inst, level, room, year, gone is not None))
    return found


def institution_filter_choices(session: Session) -> list[InstitutionChoice]:
    """The list's institution filter: the live institutions, then the deleted ones that
    still have live children enrolled (their children can be found and moved), flagged
    ``deleted`` (shown with ``institutions.institution_label``)."""
    require(session, Action.REGISTRY_READ)
    enrolled = (
        select(Enrollment.id)
        .join(Child, Child.id == Enrollment.child_id)
        .where(Enrollment.institution_id == Institution.id, Enrollment.deleted_at.is_(None),
               Child.deleted_at.is_(None))
        .correlate(Institution)
        .exists()
    )
    gone = session.execute(
        select(Institution.id, Institution.name, Institution.kind)
        .where(Institution.deleted_at.is_not(None), enrolled)
        .order_by(Institution.kind, Institution.name)
    )
    return [*institution_choices(session), *(InstitutionChoice(i, n, k, True) for i, n, k in gone)]


def row_of(session: Session, flt: ChildFilter, uuid: str, *, sort: ChildSort = ChildSort.NAME,
           descending: bool = False) -> int | None:
    """Position of a child in the sorted, filtered list (to select it after a save)."""
    flt = scoped_filter(session, flt)
    child = session.execute(
        select(Child.id, Child.first_name_key, Child.last_name_key).where(Child.uuid == uuid)
    ).first()
    if child is None:
        return None
    if sort is not ChildSort.NAME or descending:
        return None
    where = filter_conditions(session, flt)
    shown = select(func.count()).select_from(Child).where(*where, Child.id == child.id)
    if not session.scalar(shown):
        return None  # not in this list (filtered out, or deleted)
    # the order of page_children's NAME sort: the name keys, then id
    first, last = Child.first_name_key, Child.last_name_key
    before = or_(
        first < child.first_name_key,
        and_(first == child.first_name_key, last < child.last_name_key),
        and_(first == child.first_name_key, last == child.last_name_key, Child.id < child.id),
    )
    stmt = select(func.count()).select_from(Child).where(*where, before)
    return int(session.scalar(stmt) or 0)
