"""Households: their address and members (children and guardians), paged from SQL."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

from sqlalchemy import ColumnElement, func, or_, select
from sqlalchemy.orm import Session

from desktop.domain.address import Address, address_of, format_address
from desktop.domain.people import full_name
from desktop.domain.roles import Action
from desktop.i18n import _
from desktop.services.access import require_whole
from desktop.services.children_query import normalise_search, search_clause
from desktop.store.models import Child, ChildGuardian, Guardian, Household


class HouseholdSort(StrEnum):
    """The households list's orders. Each ends with the address order (subdistrict, village
    number, house number: stored keys, Thai dictionary order, numbers by value), then id;
    descending is the exact reverse of ascending."""

    ADDRESS = "address"
    SUBDISTRICT = "subdistrict"
    VILLAGE_NO = "village_no"
    HOUSE_NO = "house_no"
    CHILDREN = "children"
    GUARDIANS = "guardians"


@dataclass(frozen=True)
class HouseholdRow:
    id: int
    uuid: str
    address: str
    house_no: str
    village_no: str
    subdistrict: str
    children: int
    guardians: int


@dataclass(frozen=True)
class Member:
    uuid: str
    kind: str  # "child" / "guardian"
    name: str
    birth_date: date | None
    relation: str
    phone: str


@dataclass(frozen=True)
class HouseholdDetail:
    uuid: str
    address: Address
    address_text: str
    house_code: str
    phone: str
    members: list[Member]


_VILLAGE_TERM = re.compile(r"^(?:หมู่ที่|หมู่|ม\.)\s*(\d{1,3})$")


def search_conditions(session: Session, search: str) -> list[ColumnElement[bool]]:
    where: list[ColumnElement[bool]] = [Household.deleted_at.is_(None)]
    term = normalise_search(search)
    village = _VILLAGE_TERM.match(term)
    if village:  # หมู่ 4, หมู่ที่ 4, ม.4: the households of that village number
        where.append(Household.village_no == str(int(village.group(1))))
    elif term:
        members = select(Child.household_id).where(
            search_clause(session, term), Child.deleted_at.is_(None)
        )
        where.append(
            or_(
                # LIKE with the term's % and _ escaped: works on SQLite and PostgreSQL
                Household.house_no.contains(term, autoescape=True),
                Household.village_name.contains(term, autoescape=True),
                Household.subdistrict.contains(term, autoescape=True),
                Household.id.in_(members),
            )
        )
    return where


def count_households(session: Session, search: str = "") -> int:
    require_whole(session, Action.REGISTRY_READ)
    stmt = select(func.count()).select_from(Household).where(*search_conditions(session, search))
    return int(session.scalar(stmt) or 0)


def _order(sort: HouseholdSort, descending: bool) -> list[Any]:
    place = [Household.subdistrict_key, Household.village_key, Household.house_key]
    first: list[Any] = {
        HouseholdSort.ADDRESS: [], HouseholdSort.SUBDISTRICT: [],
        HouseholdSort.VILLAGE_NO: [Household.village_key, Household.subdistrict_key,
                                   Household.house_key],
        HouseholdSort.HOUSE_NO: [Household.house_key, Household.subdistrict_key,
                                 Household.village_key],
        HouseholdSort.CHILDREN: [Household.child_count],
        HouseholdSort.GUARDIANS: [Household.guardian_count],
    }[sort]
    keys = [*first, *place, Household.id] if sort not in (
        HouseholdSort.VILLAGE_NO, HouseholdSort.HOUSE_NO) else [*first, Household.id]
    return [k.desc() if descending else k.asc() for k in keys]


def page_households(session: Session, search: str = "", *, offset: int, limit: int,
                    sort: HouseholdSort = HouseholdSort.ADDRESS,
                    descending: bool = False) -> list[HouseholdRow]:
    """One page of the list. Indexes serve the address order (the default) and the orders
    by number of children or guardians (the counts each household stores, kept by
    triggers: migration 0008); the sorts by village or house number read every household
    (fine for a municipality's thousands; at the hundreds of thousands of a province's
    file they move to the list's worker)."""
    require_whole(session, Action.REGISTRY_READ)
    # the counts as columns: fresh even when the session holds the household already
    stmt = (
        select(Household, Household.child_count, Household.guardian_count)
        .where(*search_conditions(session, search))
        .order_by(*_order(sort, descending))
        .offset(offset)
        .limit(limit)
    )
    rows = []
    for h, n_children, n_guardians in session.execute(stmt):
        addr = address_of(h)
        rows.append(HouseholdRow(h.id, h.uuid, format_address(addr), h.house_no, h.village_no,
                                 h.subdistrict, int(n_children), int(n_guardians)))
    return rows


def household_detail(session: Session, uuid: str) -> HouseholdDetail:
    require_whole(session, Action.REGISTRY_READ)
    h = session.scalars(select(Household).where(Household.uuid == uuid)).one()
    addr = address_of(h)
    members: list[Member] = []
    for c in session.scalars(
        select(Child).where(Child.household_id == h.id, Child.deleted_at.is_(None)).order_by(Child.birth_date)
    ):
        members.append(Member(c.uuid, "child", full_name(c.prefix, c.first_name, c.last_name),
                              c.birth_date, _("เด็ก"), ""))
    relations = dict(
        session.execute(
            select(ChildGuardian.guardian_id, ChildGuardian.relation)
            .join(Guardian, Guardian.id == ChildGuardian.guardian_id)
            .where(Guardian.household_id == h.id, ChildGuardian.deleted_at.is_(None))
        ).all()
    )
    for g in session.scalars(
        select(Guardian).where(Guardian.household_id == h.id, Guardian.deleted_at.is_(None))
    ):
        members.append(Member(g.uuid, "guardian", full_name(g.prefix, g.first_name, g.last_name),
                              None, relations.get(g.id, ""), g.phone))
    return HouseholdDetail(h.uuid, addr, format_address(addr), h.house_code, h.phone, members)

