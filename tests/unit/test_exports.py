"""Exporting the lists: the children file has the import columns, the list's rows, and
the same filter semantics as the children list."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from desktop.domain.columns import EXPORT_COLUMNS, export_headers
from desktop.domain.text import thai_sort_key
from desktop.reports.sheets import read_sheet
from desktop.services.children_query import ChildFilter, count_children
from desktop.services.exports import (
    EXPORTS,
    HOUSEHOLD_HEADERS,
    children_rows,
    export_children,
    export_households,
    export_institutions,
)
from desktop.services.households import count_households
from desktop.services.progress import Cancelled, Progress
from desktop.store.db import Database
from desktop.store.models import (
    AcademicYear,
    Child,
    ChildGuardian,
    Enrollment,
    Guardian,
    Institution,
    utcnow,
)

YEAR = 2569  # the demo's academic year (conftest TODAY = 24 Nov 2026)
KEYS = [c.key for c in EXPORT_COLUMNS]


def col(key: str) -> int:
    return KEYS.index(key)


def test_export_infos() -> None:
    assert set(EXPORTS) == {"children", "households", "institutions", "import-batches"}
    assert all(info.name == key and info.title for key, info in EXPORTS.items())


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_children_export_reads_back_with_the_import_headers(demo_db: Database, tmp_path: Path,
                                                            suffix: str) -> None:
    path = tmp_path / f"children{suffix}"
    with demo_db.session() as session:
        n = export_children(session, path)
        live = count_children(session, ChildFilter())
        with_id = session.scalar(select(func.count()).where(
            Child.national_id.is_not(None), Child.deleted_at.is_(None)))
    assert n == live == 300
    data = read_sheet(path)
    assert data.headers == export_headers()
    # demo data: a .csv starts with a notice line ("ข้อมูลตัวอย่าง — ไม่ใช่ข้อมูลจริง")
    assert data.header_row == (2 if suffix == ".csv" else 1)
    assert len(data.rows) == 300 and data.row_numbers[0] == data.header_row + 1
    ids = [r[col("national_id")] for r in data.rows if r[col("national_id")]]
    assert len(ids) == with_id and all(re.fullmatch(r"\d{13}", i) for i in ids)
    assert {r[col("sex")] for r in data.rows} == {"ชาย", "หญิง"}
    assert all(re.fullmatch(r"\d\d/\d\d/25\d\d", r[col("birth_date")]) for r in data.rows)
    assert {r[col("year_be")] for r in data.rows} <= {str(YEAR), ""}
    assert all(r[col("level")] and not re.fullmatch(r"[a-z]+\d", r[col("level")])
               for r in data.rows if r[col("year_be")])  # the label (ป.1), not the code
    assert all(r[col("postcode")] == "" or re.fullmatch(r"\d{5}", r[col("postcode")])
               for r in data.rows)
    # sorted as the list is by default: first name, then last name, in Thai dictionary order
    names = [(r[col("first_name")], r[col("last_name")]) for r in data.rows]
    assert names == sorted(names, key=lambda n: (thai_sort_key(n[0]), thai_sort_key(n[1])))


def test_xlsx_ids_and_phones_are_text_cells(demo_db: Database, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    path = tmp_path / "c.xlsx"
    with demo_db.session() as session:
        export_children(session, path)
    ws = load_workbook(path, read_only=True).active
    rows = list(ws.iter_rows(min_row=2, max_row=40))
    for key in ("national_id", "guardian_phone", "postcode"):
        values = [r[col(key)] for r in rows if r[col(key)].value is not None]
        assert values and all(c.data_type == "s" for c in values), key
    assert any(str(r[col("guardian_phone")].value).startswith("0") for r in rows)


def _one_child(session) -> Child:  # type: ignore[no-untyped-def]
    return session.scalars(select(Child).where(Child.deleted_at.is_(None)).order_by(Child.id)
                           .limit(1)).one()


@pytest.mark.parametrize("kind", ["institution", "level", "year", "search", "none-year"])
def test_filtered_export_has_the_lists_rows(demo_db: Database, tmp_path: Path, kind: str) -> None:
    with demo_db.session() as session:
        inst_id = session.scalar(select(Institution.id).order_by(Institution.id))
        first = _one_child(session)
        flt = {
            "institution": ChildFilter(institution_id=inst_id),
            "level": ChildFilter(year_be=YEAR, level_code="p1"),
            "year": ChildFilter(year_be=YEAR),
            "search": ChildFilter(search=first.first_name),
            "none-year": ChildFilter(year_be=1999),
        }[kind]
        expected = count_children(session, flt)
        n = export_children(session, tmp_path / "f.csv", flt)
    assert n == expected
    if kind == "none-year":
        assert n == 0
        text = (tmp_path / "f.csv").read_text(encoding="utf-8-sig")
        assert text.strip().splitlines()[-1] == ",".join(export_headers())  # after the demo notice
        return
    assert 0 < n < 300
    rows = read_sheet(tmp_path / "f.csv").rows
    assert len(rows) == n
    if kind == "level":
        assert {r[col("level")] for r in rows} == {"ป.1"}
    if kind == "search":
        assert all(first.first_name in r[col("first_name")] for r in rows)


def test_deleted_bin_export(demo_db: Database, tmp_path: Path) -> None:
    with demo_db.sessions() as session:
        gone = session.scalars(select(Child).order_by(Child.id).limit(7)).all()
        for child in gone:
            child.deleted_at = utcnow()
        names = sorted(c.first_name for c in gone)
        session.commit()
        assert export_children(session, tmp_path / "bin.csv", ChildFilter(deleted=True)) == 7
        assert export_children(session, tmp_path / "live.csv") == 293
    rows = read_sheet(tmp_path / "bin.csv").rows
    assert sorted(r[col("first_name")] for r in rows) == names


def test_shown_enrolment_is_the_filtered_years_else_the_latest(demo_db: Database) -> None:
    with demo_db.sessions() as session:
        child = session.scalars(
            select(Child).join(Enrollment, Enrollment.child_id == Child.id).order_by(Child.id)
            .limit(1)
        ).one()
        current = session.scalars(select(Enrollment).where(Enrollment.child_id == child.id)).one()
        old_year = AcademicYear(year_be=YEAR - 1, start_date=date(2025, 5, 16),
                                end_date=date(2026, 5, 15))
        session.add(old_year)
        session.flush()
        session.add(Enrollment(child_id=child.id, institution_id=current.institution_id,
                               academic_year_id=old_year.id, level_code="k1", classroom="9",
                               origin_office_id=current.origin_office_id))
        session.commit()

        def row_of(flt: ChildFilter) -> list[object]:
            rows = [r for r in children_rows(session, flt)
                    if r[col("national_id")] == (child.national_id or "")
                    and r[col("first_name")] == child.first_name
                    and r[col("last_name")] == child.last_name]
            assert len(rows) == 1
            return rows[0]

        latest = row_of(ChildFilter())
        assert latest[col("year_be")] == YEAR and latest[col("classroom")] == current.classroom
        older = row_of(ChildFilter(year_be=YEAR - 1))
        assert older[col("year_be")] == YEAR - 1
        assert (older[col("level")], older[col("classroom")]) == ("อ.1", "9")


def test_primary_guardian_else_first_live_link(demo_db: Database) -> None:
    with demo_db.sessions() as session:
        child_id = session.scalar(
            select(ChildGuardian.child_id).group_by(ChildGuardian.child_id)
            .having(func.count() > 1).order_by(ChildGuardian.child_id).limit(1)
        )
        child = session.get(Child, child_id)
        links = session.scalars(select(ChildGuardian).where(ChildGuardian.child_id == child_id)
                                .order_by(ChildGuardian.id)).all()
        for link in links:
            link.is_primary = False
        links[1].is_primary = True
        session.commit()

        def guardian_shown() -> str:
            for r in children_rows(session, ChildFilter(search=child.first_name)):
                if r[col("last_name")] == child.last_name and \
                        r[col("birth_date")].endswith(str(child.birth_date.year + 543)):
                    return str(r[col("guardian_first_name")])
            raise AssertionError("child not exported")

        second = session.get(Guardian, links[1].guardian_id)
        first = session.get(Guardian, links[0].guardian_id)
        assert guardian_shown() == second.first_name
        links[1].is_primary = False
        session.commit()
        assert guardian_shown() == first.first_name
        links[0].deleted_at = utcnow()  # a removed link is never shown
        session.commit()
        assert guardian_shown() == second.first_name


def test_cancelled_export_leaves_no_file(demo_db: Database, tmp_path: Path) -> None:
    progress = Progress()
    progress.cancel()
    out = tmp_path / "out"
    out.mkdir()
    with demo_db.session() as session, pytest.raises(Cancelled):
        export_children(session, out / "c.xlsx", progress=progress)
    assert list(out.iterdir()) == []


def test_households_and_institutions(demo_db: Database, tmp_path: Path) -> None:
    with demo_db.session() as session:
        n = export_households(session, tmp_path / "h.xlsx")
        assert n == count_households(session) > 0
        m = export_households(session, tmp_path / "h2.csv", search="บ้านนาดี")
        assert 0 < m == count_households(session, "บ้านนาดี") < n
        k = export_institutions(session, tmp_path / "i.xlsx", YEAR)
        enrolled = session.scalar(select(func.count()).select_from(Enrollment))
    data = read_sheet(tmp_path / "h.xlsx")
    assert data.headers == list(HOUSEHOLD_HEADERS) and len(data.rows) == n
    assert all(r[4] for r in data.rows)  # the one-line address
    inst = read_sheet(tmp_path / "i.xlsx")
    assert len(inst.rows) == k > 0
    assert inst.headers[-1] == f"จำนวนเด็ก ปีการศึกษา {YEAR}"
    assert {r[0] for r in inst.rows} <= {"โรงเรียน", "ศูนย์พัฒนาเด็กเล็ก"}
    assert sum(int(r[-1]) for r in inst.rows) == enrolled
