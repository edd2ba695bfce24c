"""The sort keys a child stores (its shown enrolment's: migration 0005) stay right after
every edit that changes which enrolment is shown or that enrolment's keys.

Each test makes one kind of edit through the ORM (as the services do), then checks every
child's stored keys against its current enrolment picked in Python, and the list's
institution and class sorts against a plain Python sort of the same rows.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session
from test_list_sorts import CHILD_KEYS, reference_rows

from desktop.domain.sort_keys import enrolment_sort_keys
from desktop.services.children_query import ChildFilter, ChildSort, page_children
from desktop.services.years import ensure_year
from desktop.store.db import Database
from desktop.store.models import AcademicYear, Child, Enrollment, Institution, utcnow


def _second_year(s: Session) -> list[Child]:
    """Enrol the first 40 children again in the next year (2569 after the demo's 2568),
    elsewhere; returns them."""
    first = s.scalars(select(AcademicYear).order_by(AcademicYear.year_be)).first()
    assert first is not None
    nxt = ensure_year(s, first.year_be + 1)
    schools = s.scalars(select(Institution).order_by(Institution.id.desc())).all()
    children = s.scalars(select(Child).join(Enrollment).order_by(Child.id).limit(40)).all()
    for i, c in enumerate(children):
        old = c.enrollments[0]
        s.add(Enrollment(origin_office_id=old.origin_office_id, child=c, academic_year=nxt,
                         institution=schools[i % len(schools)], level_code="p2",
                         classroom=("10", "2")[i % 2]))
    s.flush()
    return list(children)


def _assert_fresh(db: Database) -> None:
    with db.reader() as s:
        for c in s.scalars(select(Child)):
            live = [e for e in c.enrollments if e.deleted_at is None]
            shown = max(live, key=lambda e: (e.academic_year.year_be, e.id), default=None)
            want = enrolment_sort_keys(shown.institution.name, shown.level_code, shown.classroom) \
                if shown is not None else ("", "", "")
            got = (c.enrol_institution_key, c.enrol_level_key, c.enrol_classroom_key)
            if c.deleted_at is None:
                assert got == want, (c.id, got, want)
    for sort in (ChildSort.INSTITUTION, ChildSort.LEVEL, ChildSort.CLASSROOM):
        expected = [r.id for r in sorted(reference_rows(db, ChildFilter()), key=CHILD_KEYS[sort])]
        with db.reader() as s:
            got_ids = [r.id for r in page_children(s, ChildFilter(), offset=0, limit=10_000,
                                                   sort=sort)]
        assert got_ids == expected, sort


def _renumber_later(s: Session) -> None:
    """The older year renumbered past the newer: its enrolments become the shown ones."""
    years = s.scalars(select(AcademicYear).order_by(AcademicYear.year_be)).all()
    years[0].year_be = years[-1].year_be + 1


def _renumber_earlier(s: Session) -> None:
    """The newer year renumbered before the older: the older enrolments show again."""
    years = s.scalars(select(AcademicYear).order_by(AcademicYear.year_be)).all()
    years[-1].year_be = years[0].year_be - 1


def _swap_years(s: Session) -> None:
    """Two years' numbers exchanged (through a free number: they are unique)."""
    a, b = s.scalars(select(AcademicYear).order_by(AcademicYear.year_be)).all()[:2]
    numbers = (a.year_be, b.year_be)
    a.year_be = 2400
    s.flush()
    b.year_be = numbers[0]
    s.flush()
    a.year_be = numbers[1]


def _move_enrolment_year(s: Session) -> None:
    """A newer enrolment moved back to the older year (its academic_year changed)."""
    older = s.scalars(select(AcademicYear).order_by(AcademicYear.year_be)).first()
    assert older is not None
    newer = s.scalars(select(Enrollment).where(Enrollment.academic_year_id != older.id)
                      .order_by(Enrollment.id.desc()).limit(5)).all()
    for e in newer:
        clash = s.scalar(select(Enrollment.id).where(
            Enrollment.child_id == e.child_id, Enrollment.academic_year_id == older.id,
            Enrollment.institution_id == e.institution_id))
        if clash is None:
            e.academic_year = older


def _level_and_room(s: Session) -> None:
    for i, e in enumerate(s.scalars(select(Enrollment).order_by(Enrollment.id).limit(30))):
        e.level_code, e.classroom = ("k1", "m3", "p6")[i % 3], ("9", "11", "ก")[i % 3]


def _rename_institution(s: Session) -> None:
    inst = s.scalars(select(Institution).order_by(Institution.id)).first()
    assert inst is not None
    inst.name = "เกาะคา " + inst.name


def _move_institution(s: Session) -> None:
    schools = s.scalars(select(Institution).order_by(Institution.id)).all()
    for i, e in enumerate(s.scalars(select(Enrollment).order_by(Enrollment.id.desc()).limit(20))):
        target = schools[i % len(schools)]
        clash = s.scalar(select(Enrollment.id).where(
            Enrollment.child_id == e.child_id, Enrollment.academic_year_id == e.academic_year_id,
            Enrollment.institution_id == target.id))
        if clash is None:
            e.institution = target


def _delete_and_restore_enrolments(s: Session) -> None:
    newest = s.scalars(select(Enrollment).order_by(Enrollment.id.desc()).limit(10)).all()
    for e in newest[:5]:
        e.deleted_at = utcnow()
    s.flush()
    for e in newest[:2]:
        e.deleted_at = None


def _child_deleted_and_restored(s: Session) -> None:
    c = s.scalars(select(Child).join(Enrollment).order_by(Child.id.desc())).first()
    assert c is not None
    c.deleted_at = utcnow()
    s.flush()
    for e in c.enrollments:
        e.level_code = "m6"
    s.flush()
    c.deleted_at = None


def _enrolments_hard_deleted(s: Session) -> None:
    """Enrolments removed outright (``session.delete``), not to the bin."""
    for e in s.scalars(select(Enrollment).order_by(Enrollment.id.desc()).limit(3)):
        s.delete(e)


EDITS: dict[str, Callable[[Session], None]] = {
    "year renumbered after the other": _renumber_later,
    "year renumbered before the other": _renumber_earlier,
    "two years swapped": _swap_years,
    "enrolment moved to another year": _move_enrolment_year,
    "level and room edited": _level_and_room,
    "institution renamed": _rename_institution,
    "enrolment moved to another institution": _move_institution,
    "enrolments deleted and restored": _delete_and_restore_enrolments,
    "child deleted, edited, restored": _child_deleted_and_restored,
    "enrolments removed outright": _enrolments_hard_deleted,
}


@pytest.mark.parametrize("edit", list(EDITS))
def test_stored_keys_follow_the_edit(demo_db: Database, edit: str) -> None:
    with demo_db.session() as s:
        _second_year(s)
    _assert_fresh(demo_db)
    with demo_db.session() as s:
        EDITS[edit](s)
    _assert_fresh(demo_db)
