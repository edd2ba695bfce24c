"""A deleted school in the children list: its name is shown marked "(ลบแล้ว)" (the child
form's wording, one function), in the list, the printed list and the export; the filter
offers it, marked, after the live schools, while it still has children."""

from __future__ import annotations

from pathlib import Path

from needs import require_tool
from pdf_checks import pages_of
from sqlalchemy import select

from desktop.domain.columns import EXPORT_COLUMNS
from desktop.services.children_query import (
    ChildFilter,
    ChildSort,
    institution_filter_choices,
    page_children,
)
from desktop.services.exports import children_rows
from desktop.services.institutions import delete_institution, institution_label
from desktop.services.reports import ReportOptions, children_list_pdf
from desktop.store.db import Database
from desktop.store.models import AcademicYear, Child, Enrollment, Institution, utcnow


def _delete_a_school(db: Database, *, emptied: bool = False) -> Institution:
    """Delete the first demo school (its children keep their enrolments there); with
    ``emptied``, the second one too after its enrolments are deleted."""
    with db.session() as s:
        schools = s.scalars(select(Institution).order_by(Institution.id)).all()
        delete_institution(s, schools[0].uuid)
        if emptied:
            for e in s.scalars(select(Enrollment).where(Enrollment.institution_id == schools[1].id)):
                e.deleted_at = utcnow()
            delete_institution(s, schools[1].uuid)
        s.flush()
        s.expunge_all()
        return schools[0]


def test_the_wording_is_the_forms() -> None:
    assert institution_label("ศูนย์พัฒนาเด็กเล็กบ้านโนนสูง", deleted=True) == \
        "ศูนย์พัฒนาเด็กเล็กบ้านโนนสูง (ลบแล้ว)"
    assert institution_label("ศูนย์พัฒนาเด็กเล็กบ้านโนนสูง", deleted=False) == \
        "ศูนย์พัฒนาเด็กเล็กบ้านโนนสูง"
    assert institution_label("", deleted=True) == ""


def test_rows_know_their_school_is_deleted(demo_db: Database) -> None:
    gone = _delete_a_school(demo_db)
    with demo_db.reader() as s:
        rows = page_children(s, ChildFilter(), offset=0, limit=10_000, sort=ChildSort.INSTITUTION)
        there = [r for r in rows if r.institution == gone.name]
        assert there and all(r.institution_deleted for r in there)
        assert not any(r.institution_deleted for r in rows if r.institution != gone.name)
        # and filtered by it, every row is one of its children
        only = page_children(s, ChildFilter(institution_id=gone.id), offset=0, limit=10_000)
        assert {r.id for r in only} == {r.id for r in there}


def test_the_filter_offers_deleted_schools_with_children_last(demo_db: Database) -> None:
    gone = _delete_a_school(demo_db, emptied=True)
    with demo_db.reader() as s:
        emptied = s.scalars(select(Institution).order_by(Institution.id)).all()[1]
        choices = institution_filter_choices(s)
        live = s.scalars(select(Institution.id).where(Institution.deleted_at.is_(None))).all()
    ids = [c.id for c in choices]
    assert set(ids[:len(live)]) == set(live)  # the live ones first
    assert ids[len(live):] == [gone.id]  # then the deleted one that has children
    assert choices[-1].deleted and not any(c.deleted for c in choices[:-1])
    assert emptied.id not in ids  # deleted, and no child left there: not offered


def test_export_marks_the_deleted_school(demo_db: Database) -> None:
    gone = _delete_a_school(demo_db)
    column = [c.key for c in EXPORT_COLUMNS].index("institution")
    with demo_db.reader() as s:
        cells = {row[column] for row in children_rows(s, ChildFilter())}
        mine = {row[column] for row in children_rows(s, ChildFilter(institution_id=gone.id))}
    assert f"{gone.name} (ลบแล้ว)" in cells
    assert gone.name not in cells
    assert mine == {f"{gone.name} (ลบแล้ว)"}


def test_printed_list_marks_the_deleted_school(demo_db: Database, tmp_path: Path) -> None:
    gone = _delete_a_school(demo_db)
    out = tmp_path / "list.pdf"
    with demo_db.reader() as s:
        children_list_pdf(s, out, ChildFilter(institution_id=gone.id), ReportOptions())
    require_tool("pdftotext", "apt poppler-utils")
    text = "".join(pages_of(out))
    assert f"สถานศึกษา {gone.name} (ลบแล้ว)" in text  # the subtitle
    assert f"{gone.name} (ลบแล้ว) ชั้น" in text  # a group's heading


def test_profile_and_summary_mark_the_deleted_school(demo_db: Database) -> None:
    """The same fault elsewhere: a child's printed profile and the registry summary name
    the school a child is still enrolled in as deleted."""
    from datetime import date

    from desktop.services.reports import _profile, _summary

    gone = _delete_a_school(demo_db)
    with demo_db.reader() as s:
        child = s.scalars(select(Enrollment.child_id).where(Enrollment.institution_id == gone.id)).first()
        uuid = s.scalar(select(Child.uuid).where(Child.id == child))
        year = s.scalar(select(AcademicYear.year_be).join(Enrollment).where(
            Enrollment.institution_id == gone.id))
        assert uuid is not None and year is not None
        profile = _profile(s, uuid, date(2026, 11, 24))
        summary = _summary(s, year)
    assert [e[1] for e in profile.enrolments] == [f"{gone.name} (ลบแล้ว)"]
    names = [name for name, _levels in summary.by_institution]
    assert f"{gone.name} (ลบแล้ว)" in names and gone.name not in names
