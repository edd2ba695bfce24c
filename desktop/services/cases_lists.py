"""Lists of out-of-school children's cases (issue 13), paged in SQL. No Qt.

    page = list_cases(session, CaseQuery(status=CaseStatus.TO_TRACE, village="ม.4"), today=today)
    page.rows, page.total, page.overdue        # overdue follow-ups first, most overdue first
    overdue_cases(session, today, 0, 50)       # the overdue list alone, on its partial index
    overdue_count(session, today); case_counts(session, today)
    case_detail(session, case_id)              # the case page: the case, the child, history, visits

The overdue list reads ``oos_case.follow_due_on`` (kept by services/cases.py) through the
partial index ``ix_oos_case_follow_due_on``: the page's ids come from the index alone,
then their child and household are read for that page only. Filters: status, case
worker, village (หมู่ of the child's household: ``4``, ``ม.4``, ``หมู่ที่ ๔`` or a village's
name), a search by name, national ID or G-code. Orders: overdue first (then the newest
case first), or by village and house (a tracing trip's list), or by any of the list's
columns (``CaseSort``; the worker's by the full name it shows, people.full_name_order).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from enum import StrEnum
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, case, func, or_, select
from sqlalchemy.orm import Session

from desktop.domain.address import address_of, format_address
from desktop.domain.case_followup import days_overdue
from desktop.domain.cases import CaseStatus
from desktop.domain.households import village_number, village_variants
from desktop.domain.identity import normalise_g_code
from desktop.domain.roles import Action
from desktop.domain.text import clean_text, digits_only
from desktop.services.access import require
from desktop.services.case_trace import VisitView, visits
from desktop.services.cases import CaseInfo, case_row, child_name, get_case
from desktop.services.people import full_name_order, full_names, login_clause
from desktop.store.case_state import OosCase, OosCaseStatus, OosTransfer
from desktop.store.models import Child, Household, Office

PAGE = 100
MAX_PAGE = 1000


class CaseOrder(StrEnum):
    OVERDUE_FIRST = "overdue_first"  # overdue follow-ups (most overdue first), then the newest case
    VILLAGE = "village"  # by village (หมู่), house, name: a tracing trip


class CaseColumn(StrEnum):
    """The list's columns, in its order: each sorts the list (``CaseSort``)."""

    NAME = "name"  # the first name's sort key, then the last name's
    NATIONAL_ID = "national_id"
    STATUS = "status"  # in the cases' order (to trace … closed), not the words'
    STATUS_ON = "status_on"
    WORKER = "worker"
    VILLAGE = "village"  # หมู่'s sort key (4 before 10)
    HOUSE = "house"  # the house number's sort key (9/1 before 10)
    FOLLOW_DUE = "follow_due"  # the next follow-up (none last, either way)


@dataclass(frozen=True)
class CaseSort:
    column: CaseColumn
    descending: bool = False


ListOrder = CaseOrder | CaseSort


@dataclass(frozen=True)
class CaseQuery:
    status: CaseStatus | None = None
    worker: str | None = None  # a login or a part of a full name; "" for cases with no worker; None: any
    village: str = ""
    search: str = ""  # a name, a national ID or a G-code
    open_only: bool = False  # not closed


@dataclass(frozen=True)
class CaseRow:
    id: int
    uuid: str
    child_uuid: str
    child_name: str
    national_id: str
    status: CaseStatus
    status_on: date
    worker: str
    village_no: str
    house_no: str
    follow_due_on: date | None
    days_overdue: int  # 0: not overdue
    worker_name: str = ""  # the worker's full name (the login when they have none or are no user here)


@dataclass(frozen=True)
class CasePage:
    rows: list[CaseRow]
    total: int  # every case the filters match
    overdue: int  # of which overdue


def _limit(limit: int) -> int:
    return max(1, min(int(limit), MAX_PAGE))


def _overdue_condition(today: date) -> ColumnElement[bool]:
    # the partial index's own WHERE (deleted_at IS NULL AND follow_due_on IS NOT NULL), so it serves
    return and_(OosCase.deleted_at.is_(None), OosCase.follow_due_on.is_not(None), OosCase.follow_due_on < today)


def village_clause(text: str) -> ColumnElement[bool] | None:
    """The household's village (หมู่) as typed: a number in any of its stored forms, else
    a part of the village's name."""
    v = clean_text(text)
    if not v:
        return None
    number = village_number(v)
    if number.isdigit():
        return Household.village_no.in_(village_variants(number))
    return Household.village_name.contains(v, autoescape=True)


def search_clause(text: str) -> ColumnElement[bool] | None:
    """A child by national ID (13 digits), G-code, or every word in the first or last name."""
    v = clean_text(text)
    if not v:
        return None
    digits = digits_only(v)
    if len(digits) == 13 and digits.isascii() and digits.isdigit():
        return Child.national_id == digits
    g = normalise_g_code(v)
    if g.startswith("G") and any(ch.isdigit() for ch in g):
        return Child.g_code == g
    words = [w for w in v.split() if w]
    return and_(*(or_(Child.first_name.contains(w, autoescape=True), Child.last_name.contains(w, autoescape=True))
                  for w in words))


def own_cases() -> ColumnElement[bool]:
    """This office's own cases: not the sender's copy of a case received by transfer
    (case_transfer_receive.py keeps it read-only, with its origin office): the lists and
    figures count this office's work once (the child's page and the received case's page
    still show it)."""
    return OosCase.origin_office_id.in_(select(Office.id).where(Office.is_local.is_(True)))


def _filtered(query: CaseQuery, *, joined: bool = False) -> Select[tuple[int]]:
    """The ids of the cases ``query`` matches; ``joined``: with the child and (outer) its
    household joined, for an order by them."""
    q = select(OosCase.id).where(OosCase.deleted_at.is_(None), own_cases())
    if query.status is not None:
        q = q.where(OosCase.status == CaseStatus(query.status).value)
    elif query.open_only:
        q = q.where(OosCase.status != CaseStatus.CLOSED.value)
    if query.worker is not None:
        typed = clean_text(query.worker)
        q = q.where(OosCase.worker == "" if not typed else login_clause(OosCase.worker, typed))
    village, search = village_clause(query.village), search_clause(query.search)
    if joined or village is not None or search is not None:
        q = q.join(Child, Child.id == OosCase.child_id)
    if village is not None:
        q = q.join(Household, Household.id == Child.household_id).where(village)
    elif joined:
        q = q.outerjoin(Household, Household.id == Child.household_id)
    if search is not None:
        q = q.where(search)
    return q


def _count(session: Session, q: Select[tuple[int]]) -> int:
    return int(session.scalar(select(func.count()).select_from(q.subquery())) or 0)


def _rows(session: Session, ids: list[int], today: date) -> list[CaseRow]:
    """The page's cases with their child and household, in the order of ``ids``."""
    if not ids:
        return []
    found = session.execute(
        select(OosCase.id, OosCase.uuid, Child.uuid, Child.prefix, Child.first_name, Child.last_name,
               Child.national_id, OosCase.status, OosCase.status_on, OosCase.worker, Household.village_no,
               Household.house_no, OosCase.follow_due_on)
        .join(Child, Child.id == OosCase.child_id).outerjoin(Household, Household.id == Child.household_id)
        .where(OosCase.id.in_(ids))).all()
    by_id = {}
    for (cid, uuid, child_uuid, prefix, first, last, nid, status, status_on, worker, village, house,
         due) in found:
        by_id[cid] = CaseRow(cid, uuid, child_uuid, f"{prefix}{first} {last}".strip(), nid or "",
                             CaseStatus(status), status_on, worker, village or "", house or "", due,
                             days_overdue(due, today))
    names = full_names(session, [r.worker for r in by_id.values()])
    by_id = {cid: replace(r, worker_name=names.get(r.worker, r.worker)) for cid, r in by_id.items()}
    return [by_id[i] for i in ids if i in by_id]


def _sort_keys(session: Session, sort: CaseSort) -> list[ColumnElement[Any]]:
    """ORDER BY of a column (the case's id last: a stable page boundary); the worker's by
    the full name the column shows (then the login), the cases without one last."""
    ranks = {s.value: i for i, s in enumerate(CaseStatus)}
    keys: dict[CaseColumn, list[Any]] = {
        CaseColumn.NAME: [Child.first_name_key, Child.last_name_key],
        CaseColumn.NATIONAL_ID: [func.coalesce(Child.national_id, "")],
        CaseColumn.STATUS: [case(ranks, value=OosCase.status, else_=len(ranks))],
        CaseColumn.STATUS_ON: [OosCase.status_on],
        CaseColumn.VILLAGE: [func.coalesce(Household.village_key, ""), func.coalesce(Household.house_key, "")],
        CaseColumn.HOUSE: [func.coalesce(Household.house_key, ""), func.coalesce(Household.village_key, "")],
        CaseColumn.FOLLOW_DUE: [OosCase.follow_due_on],
    }
    if sort.column is CaseColumn.WORKER:  # the full name shown (the login breaks a tie)
        keys[CaseColumn.WORKER] = [full_name_order(session, OosCase.worker), OosCase.worker]
    columns = [*keys[sort.column], OosCase.id]
    ordered = [c.desc() if sort.descending else c.asc() for c in columns]
    if sort.column is CaseColumn.FOLLOW_DUE:  # no follow-up due: last, either way
        ordered.insert(0, OosCase.follow_due_on.is_(None).asc())
    if sort.column is CaseColumn.WORKER:  # no worker: last, either way
        ordered.insert(0, (OosCase.worker == "").asc())
    return ordered


def _sorted(session: Session, query: CaseQuery, today: date, offset: int, limit: int, sort: CaseSort) -> CasePage:
    """A page of the list ordered by one of its columns, in SQL (the child and household
    joined for the page's ids; the counts as the default order's)."""
    base = _filtered(query)
    total, n_over = _count(session, base), _count(session, base.where(_overdue_condition(today)))
    ids = list(session.scalars(_filtered(query, joined=True).order_by(*_sort_keys(session, sort)).offset(offset).limit(limit)))
    return CasePage(_rows(session, ids, today), total, n_over)


def list_cases(session: Session, query: CaseQuery = CaseQuery(), *, today: date | None = None, offset: int = 0,
               limit: int = PAGE, order: ListOrder = CaseOrder.OVERDUE_FIRST) -> CasePage:
    """One page of the cases ``query`` matches (``case.work``), with how many match and
    how many of them are overdue."""
    require(session, Action.CASE_WORK)
    today = today or date.today()
    offset, limit = max(0, int(offset)), _limit(limit)
    if isinstance(order, CaseSort):
        return _sorted(session, query, today, offset, limit, order)
    if order is CaseOrder.VILLAGE or village_clause(query.village) is not None or search_clause(query.search) is not None:
        return _one_pass(session, query, today, offset, limit, order)
    base = _filtered(query)
    over = base.where(_overdue_condition(today))
    total, n_over = _count(session, base), _count(session, over)
    ids = []
    if offset < n_over:
        ids = list(session.scalars(over.order_by(OosCase.follow_due_on, OosCase.id).offset(offset).limit(limit)))
    if len(ids) < limit:
        rest = base.where(or_(OosCase.follow_due_on.is_(None), OosCase.follow_due_on >= today))
        ids += list(session.scalars(rest.order_by(OosCase.id.desc()).offset(max(0, offset - n_over))
                                    .limit(limit - len(ids))))
    return CasePage(_rows(session, ids, today), total, n_over)


def _one_pass(session: Session, query: CaseQuery, today: date, offset: int, limit: int,
              order: CaseOrder) -> CasePage:
    """A list filtered through the child or its household (village, search) or ordered by
    them: the matches' ids and keys read once (no index serves a village: three queries
    would each walk the cases), counted and ordered here."""
    q = _filtered(query, joined=True).with_only_columns(
        OosCase.id, OosCase.follow_due_on, Household.village_key, Household.house_key, Child.first_name_key,
        Child.last_name_key)
    found = session.execute(q).all()
    late = [(due, cid) for cid, due, *_keys in found if due is not None and due < today]
    if order is CaseOrder.VILLAGE:
        ordered = [r[0] for r in sorted(found, key=lambda r: (r[2] or "", r[3] or "", r[4], r[5], r[0]))]
    else:
        late_ids = {cid for _due, cid in late}
        ordered = [cid for _due, cid in sorted(late)] + sorted((r[0] for r in found if r[0] not in late_ids),
                                                              reverse=True)
    return CasePage(_rows(session, ordered[offset:offset + limit], today), len(found), len(late))


@dataclass(frozen=True)
class OverdueCase:
    case_id: int
    case_uuid: str
    child_name: str
    status: CaseStatus
    worker: str
    village_no: str
    due: date
    days: int
    worker_name: str = ""  # the worker's full name


def overdue_cases(session: Session, today: date, offset: int = 0, limit: int = PAGE) -> list[OverdueCase]:
    """The cases whose follow-up is overdue on ``today``, most overdue first (then by id):
    the page's ids from the partial index, then their names."""
    require(session, Action.CASE_WORK)
    page = (select(OosCase.id, OosCase.follow_due_on).where(_overdue_condition(today))
            .order_by(OosCase.follow_due_on, OosCase.id).offset(max(0, int(offset))).limit(_limit(limit))
            .subquery())
    rows = session.execute(
        select(page.c.id, OosCase.uuid, Child.prefix, Child.first_name, Child.last_name, OosCase.status,
               OosCase.worker, Household.village_no, page.c.follow_due_on)
        .join(OosCase, OosCase.id == page.c.id).join(Child, Child.id == OosCase.child_id)
        .outerjoin(Household, Household.id == Child.household_id)
        .order_by(page.c.follow_due_on, page.c.id)).all()
    names = full_names(session, [r[6] for r in rows])
    return [OverdueCase(cid, uuid, f"{prefix}{first} {last}".strip(), CaseStatus(status), worker, village or "",
                        due, (today - due).days, names.get(worker, worker))
            for cid, uuid, prefix, first, last, status, worker, village, due in rows]


def overdue_count(session: Session, today: date) -> int:
    """How many cases are overdue (the partial index alone)."""
    require(session, Action.CASE_WORK)
    return int(session.scalar(select(func.count()).select_from(OosCase).where(_overdue_condition(today))) or 0)


@dataclass(frozen=True)
class CaseCounts:
    by_status: dict[CaseStatus, int]
    open: int
    overdue: int


def case_counts(session: Session, today: date | None = None) -> CaseCounts:
    """Cases by status (every status listed, 0 included), the open ones, the overdue."""
    require(session, Action.CASE_WORK)
    counted = dict(session.execute(select(OosCase.status, func.count()).where(OosCase.deleted_at.is_(None),
                                                                              own_cases())
                                   .group_by(OosCase.status)).tuples().all())
    by_status = {s: int(counted.get(s.value, 0)) for s in CaseStatus}
    open_ = sum(n for s, n in by_status.items() if s is not CaseStatus.CLOSED)
    return CaseCounts(by_status, open_, overdue_count(session, today or date.today()))


# --------------------------------------------------------------------------- the case page


@dataclass(frozen=True)
class CaseChild:
    uuid: str
    name: str
    birth_date: date
    national_id: str
    g_code: str
    address: str  # the household's address in one line ("" without a household)
    village_no: str


@dataclass(frozen=True)
class HistoryLine:
    from_status: CaseStatus | None  # None: the opening
    to_status: CaseStatus
    on: date
    by: str
    place: str
    reason: str
    note: str
    outcome: str
    approved_by: str


@dataclass(frozen=True)
class TransferNote:
    """Where a case went or came from (issue 13's transfer; case_transfer*.py)."""

    kind: str  # "sent": closed here as transferred; "received": opened here for one; "held": the sender's copy
    office_code: str  # the other office
    office_name: str
    on: date  # the day the sender transferred it
    other_case_id: int | None  # "received": the sender's case as held here; "held": the case opened here


@dataclass(frozen=True)
class CaseDetail:
    case: CaseInfo
    child: CaseChild
    history: list[HistoryLine]  # oldest first
    visits: list[VisitView] = field(default_factory=list)  # newest first
    transfer: TransferNote | None = None
    names: dict[str, str] = field(default_factory=dict)  # login → full name of everyone the page names

    def name(self, login: str) -> str:
        """A login as the page shows it: the person's full name (as stored when unknown)."""
        return self.names.get(login, login)


def transfer_note(session: Session, case: OosCase) -> TransferNote | None:
    """The case's transfer, when it has one (read with the case page's ``case.work``)."""
    require(session, Action.CASE_WORK)
    got = session.execute(select(OosTransfer, Office).join(Office, Office.id == OosTransfer.origin_office_id)
                          .where(or_(OosTransfer.case_id == case.id, OosTransfer.received_case_id == case.id),
                                 OosTransfer.deleted_at.is_(None)).order_by(OosTransfer.id.desc())).first()
    if got is None:
        return None
    t, sender = got
    if t.received_case_id == case.id:
        return TransferNote("received", sender.code, sender.name, t.transferred_on, t.case_id)
    if sender.is_local:
        return TransferNote("sent", t.to_office, t.to_office_name, t.transferred_on, None)
    return TransferNote("held", sender.code, sender.name, t.transferred_on, t.received_case_id)


def case_detail(session: Session, ref: int | str) -> CaseDetail:
    """What the case page shows: the case, its child, its status history, its trace visits."""
    require(session, Action.CASE_WORK)
    info = get_case(session, ref)
    row = case_row(session, info.id)
    child = session.get(Child, row.child_id)
    assert child is not None
    household = session.get(Household, child.household_id) if child.household_id else None
    address = format_address(address_of(household)) if household is not None else ""
    lines = [HistoryLine(CaseStatus(h.from_status) if h.from_status else None, CaseStatus(h.to_status), h.changed_on,
                         h.changed_by, h.place, h.reason, h.note, h.outcome, h.approved_by)
             for h in session.scalars(select(OosCaseStatus).where(OosCaseStatus.case_id == row.id,
                                                                   OosCaseStatus.deleted_at.is_(None))
                                      .order_by(OosCaseStatus.id))]
    logins = [info.worker, info.status_by, info.requested_by, info.approved_by,
              *(h.by for h in lines), *(h.approved_by for h in lines)]
    return CaseDetail(info, CaseChild(child.uuid, child_name(child), child.birth_date, child.national_id or "",
                                      child.g_code or "", address, household.village_no if household else ""),
                      lines, list(visits(session, row.id)), transfer_note(session, row),
                      full_names(session, logins))
