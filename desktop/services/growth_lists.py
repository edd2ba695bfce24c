"""A term's growth lists of the centres' children (issue 12): ผอม / เตี้ย / อ้วน per room,
and who was not measured. No Qt.

    period = term_period(session, date.today())                     # the term containing the day
    page = growth_list(session, ListCategory.THIN, period.start, period.end, institution_id=7)
    page.rows[0].room, page.rows[0].category_label(Indicator.WFH), page.total

Which children: those enrolled that academic year at a child development centre the user
may read (a caregiver: their own), in the room they are placed in on the period's last
day, ordered by centre, room and name. Each child's latest measurement in the period is
assessed through the domain's batch path (growth_batch); SQL gives the rows in order and
they are read in partitions (never the whole table at once): the not-measured list pages
in SQL (LIMIT/OFFSET and a count), a category list assesses each partition and keeps the
page asked for (its total counts every match).

The lists: ผอม (weight-for-height below −2 SD), เตี้ย (height-for-age below −2 SD), อ้วน
(weight-for-height above +2 SD: เริ่มอ้วน and อ้วน, each row says which), not measured.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any

import numpy as np
from sqlalchemy import Select, and_, func, literal, or_, select
from sqlalchemy.orm import Session

from desktop.domain.growth import Method
from desktop.domain.growth_batch import METHOD_CODES, assess_many
from desktop.domain.growth_categories import Indicator, category_label
from desktop.domain.levels import InstitutionKind
from desktop.domain.roles import Action
from desktop.i18n import N_, _
from desktop.services.access import require
from desktop.services.years import year_bounds
from desktop.store.centre_state import CentrePlacement, CentreRoom
from desktop.store.growth_state import GrowthMeasurement
from desktop.store.models import AcademicYear, Child, Enrollment, Institution, Term

PARTITION = 2000
_CATEGORISED = (Indicator.WFA, Indicator.HFA, Indicator.WFH)


class ListCategory(StrEnum):
    THIN = "thin"  # ผอม
    SHORT = "short"  # เตี้ย
    OBESE = "obese"  # อ้วน (เริ่มอ้วน and อ้วน)
    NOT_MEASURED = "not_measured"


LIST_LABELS: dict[ListCategory, str] = {
    ListCategory.THIN: N_("ผอม"),
    ListCategory.SHORT: N_("เตี้ย"),
    ListCategory.OBESE: N_("อ้วน"),
    ListCategory.NOT_MEASURED: N_("ยังไม่ได้ชั่ง/วัดในภาคเรียนนี้"),
}

# the category codes (growth_categories) each list holds, on its indicator
_MEMBERS: dict[ListCategory, tuple[Indicator, frozenset[str]]] = {
    ListCategory.THIN: (Indicator.WFH, frozenset({"wfh_wasted"})),
    ListCategory.SHORT: (Indicator.HFA, frozenset({"hfa_short"})),
    ListCategory.OBESE: (Indicator.WFH, frozenset({"wfh_overweight", "wfh_obese"})),
}


def parse_list_category(text: str) -> ListCategory | None:
    """A list from its code (``thin``) or its Thai name (ผอม); None when unknown."""
    value = text.strip()
    for c in ListCategory:
        if value in (c.value, LIST_LABELS[c], _(LIST_LABELS[c])):
            return c
    return None


@dataclass(frozen=True)
class Period:
    label: str  # 2/2569, or the academic year when the registry has no term there
    start: date
    end: date


def term_period(session: Session, on: date) -> Period:
    """The term containing ``on`` (the registry's calendar, else the usual one)."""
    require(session, Action.GROWTH_READ)
    row = session.execute(select(Term.number, Term.start_date, Term.end_date, AcademicYear.year_be)
                          .join(AcademicYear, AcademicYear.id == Term.academic_year_id)
                          .where(Term.start_date <= on, Term.end_date >= on).limit(1)).first()
    if row is not None:
        return Period(f"{row.number}/{row.year_be}", row.start_date, row.end_date)
    from desktop.domain.dates import academic_year_of

    year_be = academic_year_of(on)
    for number, start, end in year_bounds(year_be)[2]:
        if start <= on <= end:
            return Period(f"{number}/{year_be}", start, end)
    start, end, _terms = year_bounds(year_be)  # pragma: no cover (the terms cover the year)
    return Period(str(year_be), start, end)


@dataclass(frozen=True)
class ListRow:
    child_id: int
    uuid: str
    name: str
    sex: str
    birth: date
    centre: str
    room: str  # "" when not placed in a room on the period's last day
    measured_on: date | None
    weight_kg: float | None
    height_cm: float | None
    z: dict[Indicator, float | None] = field(default_factory=dict)
    categories: dict[Indicator, str | None] = field(default_factory=dict)

    def category_label(self, indicator: Indicator) -> str:
        code = self.categories.get(indicator)
        return category_label(code) if code else ""


@dataclass(frozen=True)
class ListPage:
    category: ListCategory
    start: date
    end: date
    rows: list[ListRow]
    total: int  # every child in the list, not only this page
    offset: int


def _children(session: Session, start: date, end: date, institution_id: int | None) -> Select[Any] | None:
    """The centres' children enrolled in the year of ``end``, with centre and room, in order
    (None: no such year, or no centre the user may read)."""
    actor = require(session, Action.GROWTH_READ, institution_id=institution_id)
    allowed = actor.institutions_for(Action.GROWTH_READ)
    year_id = session.scalar(select(AcademicYear.id).where(AcademicYear.start_date <= end,
                                                           AcademicYear.end_date >= end).limit(1))
    if year_id is None or (allowed is not None and not allowed):
        return None
    # the room on the period's last day: a lookup per child through ix_centre_placement_child
    # (a join here let PostgreSQL, without statistics after a bulk load, loop over every
    # placement for every child)
    placed = (select(CentreRoom).join(CentrePlacement, CentrePlacement.room_id == CentreRoom.id)
              .where(CentrePlacement.child_id == Child.id, CentreRoom.academic_year_id == year_id,
                     CentreRoom.deleted_at.is_(None), CentrePlacement.deleted_at.is_(None),
                     CentrePlacement.since <= end,
                     or_(CentrePlacement.until.is_(None), CentrePlacement.until >= end))
              .order_by(CentrePlacement.since.desc()).limit(1))
    room = func.coalesce(placed.with_only_columns(CentreRoom.name).scalar_subquery(), literal(""))
    position = func.coalesce(placed.with_only_columns(CentreRoom.position).scalar_subquery(), 1_000_000)
    q = (select(Child.id, Child.uuid, Child.prefix, Child.first_name, Child.last_name, Child.sex, Child.birth_date,
                Institution.name.label("centre"), room.label("room"), position.label("room_position"))
         .join(Enrollment, Enrollment.child_id == Child.id)
         .join(Institution, Institution.id == Enrollment.institution_id)
         .where(Enrollment.academic_year_id == year_id, Enrollment.deleted_at.is_(None), Child.deleted_at.is_(None),
                # the centres first: the year's enrolments through ix_enrollment_filter (year, institution)
                Enrollment.institution_id.in_(select(Institution.id).where(
                    Institution.kind == InstitutionKind.CDC.value, Institution.deleted_at.is_(None))))
         .order_by(Institution.name, Institution.id, "room_position", "room", Child.first_name_key,
                   Child.last_name_key, Child.id))
    if allowed is not None:
        q = q.where(Enrollment.institution_id.in_(allowed))
    if institution_id is not None:
        q = q.where(Enrollment.institution_id == institution_id)
    return q


def _in_period(start: date, end: date) -> tuple[Any, ...]:
    return (GrowthMeasurement.deleted_at.is_(None), GrowthMeasurement.measured_on >= start,
            GrowthMeasurement.measured_on <= end)


def _row(r: Any, **more: Any) -> ListRow:
    name = f"{r.prefix}{r.first_name} {r.last_name}".strip()
    return ListRow(r.id, r.uuid, name, r.sex, r.birth_date, r.centre, r.room, **more)


def growth_list(session: Session, category: ListCategory, start: date, end: date, *,
                institution_id: int | None = None, offset: int = 0, limit: int = 100) -> ListPage:
    """One page of a list for the period ``start``–``end`` (a term), at one centre or every
    centre the user may read."""
    base = _children(session, start, end, institution_id)
    if base is None:
        return ListPage(category, start, end, [], 0, offset)
    if category is ListCategory.NOT_MEASURED:
        measured = select(GrowthMeasurement.id).where(GrowthMeasurement.child_id == Child.id, *_in_period(start, end))
        q = base.where(~measured.exists())
        counted = q.with_only_columns(Child.id, maintain_column_froms=True).order_by(None)  # no room lookups
        total = int(session.scalar(select(func.count()).select_from(counted.subquery())) or 0)
        rows = [_row(r, measured_on=None, weight_kg=None, height_cm=None)
                for r in session.execute(q.offset(offset).limit(limit))]
        return ListPage(category, start, end, rows, total, offset)
    return _category_page(session, base, category, start, end, offset, limit)


def _category_page(session: Session, base: Select[Any], category: ListCategory, start: date, end: date,
                   offset: int, limit: int) -> ListPage:
    latest = (select(GrowthMeasurement.child_id, GrowthMeasurement.measured_on, GrowthMeasurement.weight_g,
                     GrowthMeasurement.height_mm, GrowthMeasurement.method,
                     func.row_number().over(partition_by=GrowthMeasurement.child_id,
                                            order_by=(GrowthMeasurement.measured_on.desc(),
                                                      GrowthMeasurement.id.desc())).label("n"))
              .where(*_in_period(start, end))).subquery()
    q = (base.add_columns(latest.c.measured_on, latest.c.weight_g, latest.c.height_mm, latest.c.method)
         .join(latest, and_(latest.c.child_id == Child.id, latest.c.n == 1)))
    indicator, members = _MEMBERS[category]
    rows: list[ListRow] = []
    total = 0
    for part in session.execute(q.execution_options(yield_per=PARTITION)).partitions():
        for i in _matching(part, indicator, members):
            r, z, cats = i
            if offset <= total < offset + limit:
                rows.append(_row(r, measured_on=r.measured_on, weight_kg=_div(r.weight_g, 1000),
                                 height_cm=_div(r.height_mm, 10), z=z, categories=cats))
            total += 1
    return ListPage(category, start, end, rows, total, offset)


def _div(value: int | None, by: int) -> float | None:
    return None if value is None else value / by


def _matching(part: Sequence[Any], indicator: Indicator, members: frozenset[str]
              ) -> list[tuple[Any, dict[Indicator, float | None], dict[Indicator, str | None]]]:
    """The rows of one partition whose category on ``indicator`` is in ``members``."""
    nan = float("nan")
    result = assess_many([r.sex == "M" for r in part], [(r.measured_on - r.birth_date).days for r in part],
                         [nan if r.weight_g is None else r.weight_g / 1000 for r in part],
                         [nan if r.height_mm is None else r.height_mm / 10 for r in part],
                         [METHOD_CODES[Method(r.method) if r.method else None] for r in part])
    codes = {ind: result.codes(ind) for ind in _CATEGORISED}
    out = []
    for i, r in enumerate(part):
        if codes[indicator][i] not in members or result.implausible[i]:
            continue
        z = {ind: None if np.isnan(v[i]) else float(v[i]) for ind, v in result.z.items()}
        out.append((r, z, {ind: codes[ind][i] for ind in _CATEGORISED}))
    return out
