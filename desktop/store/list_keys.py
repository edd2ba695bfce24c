"""Keep the stored sort keys of the lists in step with every ORM write: the enrolment keys
(see ``models.INSTITUTION_KEY``) and the households' address keys. (The households' member
counts are kept by triggers, migration 0008; a bulk load without them calls
``recount_households``.)

- An enrolment written through the ORM gets its keys from its institution's name, its
  level and its room (``before_insert`` / ``before_update``).
- After each flush, every child whose enrolments changed (added, moved, deleted, restored),
  every child deleted or restored, every child of a renamed institution and every child
  enrolled in a renumbered academic year (which may change the enrolment shown) gets the
  keys of its current enrolment again, in one set-based UPDATE (``refresh_children``),
  which bulk writers call too.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import Connection, event, func, inspect, select, update
from sqlalchemy.orm import Session

from desktop.domain.sort_keys import enrolment_sort_keys, household_sort_keys, natural_sort_key
from desktop.store.models import AcademicYear, Child, Enrollment, Household, Institution

CHUNK = 500


def current_enrolment(child_id: Any) -> Any:
    """The id of a child's current enrolment: live, latest year, then latest id."""
    return (
        select(Enrollment.id)
        .join(AcademicYear, AcademicYear.id == Enrollment.academic_year_id)
        .where(Enrollment.child_id == child_id, Enrollment.deleted_at.is_(None))
        .order_by(AcademicYear.year_be.desc(), Enrollment.id.desc())
        .limit(1)
        .correlate(Child)
        .scalar_subquery()
    )


def _current_keys() -> dict[str, Any]:
    """The values of an UPDATE of child that copy its current enrolment's keys."""
    current = current_enrolment(Child.id)

    def copied(column: Any) -> Any:
        value = select(column).where(Enrollment.id == current).correlate(Child).scalar_subquery()
        return func.coalesce(value, "")

    return {
        "enrol_institution_key": copied(Enrollment.institution_key),
        "enrol_level_key": copied(Enrollment.level_key),
        "enrol_classroom_key": copied(Enrollment.classroom_key),
    }


def refresh_children(conn: Connection, child_ids: Iterable[int]) -> None:
    """Copy each child's current enrolment keys onto the child ("" without one)."""
    ids = sorted({int(i) for i in child_ids if i is not None})
    values = _current_keys()
    for i in range(0, len(ids), CHUNK):
        part = ids[i : i + CHUNK]
        # a Core UPDATE: no version bump, no audit, not an edit of the child
        conn.execute(update(Child).where(Child.id.in_(part)).values(values)
                     .execution_options(synchronize_session=False))


def refresh_institution(conn: Connection, institution_id: int, name: str) -> None:
    """An institution renamed: its enrolments' key, then its children's."""
    key = natural_sort_key(name)
    conn.execute(update(Enrollment).where(Enrollment.institution_id == institution_id)
                 .values(institution_key=key).execution_options(synchronize_session=False))
    children = conn.execute(select(Enrollment.child_id)
                            .where(Enrollment.institution_id == institution_id)
                            .distinct()).scalars().all()
    refresh_children(conn, children)


def refresh_year(conn: Connection, year_id: int) -> None:
    """An academic year renumbered: the enrolment its children show may have changed (the
    latest year's is shown), so each child enrolled in it gets its current keys again
    (one set-based UPDATE however many children the year holds)."""
    enrolled = select(Enrollment.child_id).where(Enrollment.academic_year_id == year_id)
    conn.execute(update(Child).where(Child.id.in_(enrolled)).values(_current_keys())
                 .execution_options(synchronize_session=False))


# member table → the household column that counts its live rows (migration 0008's triggers)
HOUSEHOLD_COUNTS = (("child", "child_count"), ("guardian", "guardian_count"))
COUNT_TRIGGERS = tuple(f"{table}_count_{op}" for table, _c in HOUSEHOLD_COUNTS
                       for op in ("ai", "ad", "au"))


def recount_households(conn: Connection) -> None:
    """Each household's counts of live children and guardians, recounted set-based, for a
    bulk load that ran with the counting triggers dropped (it only adds members, so a
    household with none keeps its count). Writes only the households whose count moved."""
    for table, column in HOUSEHOLD_COUNTS:
        conn.exec_driver_sql(
            f"UPDATE household SET {column} = n.n FROM "  # noqa: S608 (constant names)
            f"(SELECT household_id, count(*) AS n FROM {table} "
            f"WHERE household_id IS NOT NULL AND deleted_at IS NULL GROUP BY household_id) AS n "
            f"WHERE household.id = n.household_id AND household.{column} <> n.n")


def _set_keys(connection: Connection, e: Enrollment) -> None:
    loaded = inspect(e).dict.get("institution")  # never a lazy load inside the flush
    if loaded is not None:
        name = loaded.name
    elif e.institution_id is not None:
        name = connection.execute(
            select(Institution.name).where(Institution.id == e.institution_id)).scalar()
    else:
        name = ""
    e.institution_key, e.level_key, e.classroom_key = enrolment_sort_keys(
        name or "", e.level_code or "", e.classroom or "")


@event.listens_for(Enrollment, "before_insert")
def _enrolment_keys_on_insert(_mapper: Any, connection: Connection, e: Enrollment) -> None:
    _set_keys(connection, e)


@event.listens_for(Enrollment, "before_update")
def _enrolment_keys_on_update(_mapper: Any, connection: Connection, e: Enrollment) -> None:
    attrs = inspect(e).attrs
    if any(attrs[a].history.has_changes() for a in ("institution_id", "institution", "level_code",
                                                    "classroom")):
        _set_keys(connection, e)


@event.listens_for(Session, "after_flush")
def _refresh_after_flush(session: Session, _context: Any) -> None:
    children: set[int] = set()
    renamed: list[Institution] = []
    renumbered: list[int] = []
    for obj in (*session.new, *session.dirty, *session.deleted):
        if isinstance(obj, Enrollment):
            state = inspect(obj)
            children.add(obj.child_id)
            old = state.attrs.child_id.history.deleted
            children.update(i for i in old if i is not None)
        elif (isinstance(obj, Institution) and obj in session.dirty
              and inspect(obj).attrs.name.history.has_changes()):
            renamed.append(obj)
        elif (isinstance(obj, AcademicYear) and obj in session.dirty
              and inspect(obj).attrs.year_be.history.has_changes()):
            renumbered.append(obj.id)
        elif (isinstance(obj, Child) and obj in session.dirty
              and inspect(obj).attrs.deleted_at.history.has_changes()):
            # restored from the bin (or deleted): its enrolments may have changed meanwhile
            # outside the ORM (an import undone deletes them in bulk)
            children.add(obj.id)
    if not children and not renamed and not renumbered:
        return
    conn = session.connection()
    for inst in renamed:
        refresh_institution(conn, inst.id, inst.name)
    for year_id in renumbered:
        refresh_year(conn, year_id)
    children.discard(None)
    if children:
        refresh_children(conn, children)


@event.listens_for(Household, "before_insert")
def _household_keys_on_insert(_mapper: Any, _connection: Connection, h: Household) -> None:
    h.subdistrict_key, h.village_key, h.house_key = household_sort_keys(
        h.subdistrict or "", h.village_no or "", h.house_no or "")


@event.listens_for(Household, "before_update")
def _household_keys_on_update(_mapper: Any, _connection: Connection, h: Household) -> None:
    attrs = inspect(h).attrs
    if any(attrs[a].history.has_changes() for a in ("subdistrict", "village_no", "house_no")):
        _household_keys_on_insert(_mapper, _connection, h)
