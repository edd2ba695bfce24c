"""Export the lists (children, households, institutions) to .xlsx or .csv.

Children are exported with the columns of :data:`desktop.domain.columns.EXPORT_COLUMNS`
under their Thai ``label`` headers, so an exported file imports again unchanged. The rows
come from one SQL query streamed in batches (``yield_per``): a child's household address,
the enrolment the list shows (the filtered year's, else the latest) and the primary
guardian (else the first linked one) are joined in SQL, never loaded as ORM objects.
The filter means what it means in the children list (``children_query``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import ColumnElement, Select, case, func, literal, select
from sqlalchemy.orm import Session, aliased

from desktop.domain.address import Address, format_address
from desktop.domain.columns import EXPORT_COLUMNS, export_headers
from desktop.domain.dates import format_be_numeric
from desktop.domain.levels import INSTITUTION_KIND_LABELS, level_by_code
from desktop.domain.roles import Action
from desktop.i18n import SOURCE_LANGUAGE, pinned
from desktop.reports.sheets import write_table
from desktop.services.access import require
from desktop.services.children_query import (
    ChildFilter,
    count_children,
    filter_conditions,
    shown_enrollment,
    year_id_of,
)
from desktop.services.households import count_households, search_conditions
from desktop.services.institutions import institution_label, list_institutions
from desktop.services.office import DEMO_LABEL, is_demo
from desktop.services.progress import Progress
from desktop.store.models import (
    AcademicYear,
    Child,
    ChildGuardian,
    Enrollment,
    Guardian,
    Household,
    Institution,
)

BATCH = 1000
ALL_CHILDREN = ChildFilter()  # a frozen dataclass: safe as a default


@dataclass(frozen=True)
class ExportInfo:
    name: str
    title: str  # Thai, for menus and the save dialog's suggested file name


EXPORTS: dict[str, ExportInfo] = {
    "children": ExportInfo("children", "รายชื่อเด็ก"),
    "households": ExportInfo("households", "รายการครัวเรือน"),
    "institutions": ExportInfo("institutions", "รายชื่อสถานศึกษา"),
    "import-batches": ExportInfo("import-batches", "ประวัติการนำเข้า"),
}

SEX_TEXT = {"M": "ชาย", "F": "หญิง"}
# Columns written as text in .xlsx, so Excel keeps leading zeros and all 13 digits.
TEXT_KEYS = frozenset({
    "national_id", "g_code", "house_code", "house_no", "village_no", "postcode", "classroom",
    "guardian_national_id", "guardian_phone",
})


# --------------------------------------------------------------------------- children
def _level_label(code: object) -> str:
    if not code:
        return ""
    try:
        return level_by_code(str(code)).label
    except KeyError:
        return str(code)


def _text(value: object) -> str:
    return "" if value is None else str(value)


# How a value from SQL becomes the cell the clerk reads (default: the text itself).
_FORMAT: dict[str, Callable[[Any], object]] = {
    "sex": lambda v: SEX_TEXT.get(v or "", _text(v)),
    "birth_date": format_be_numeric,
    "level": _level_label,
    "year_be": lambda v: "" if v is None else int(v),
}


def _institution_cell(inst: Any) -> ColumnElement[Any]:
    """The institution's name as the list shows it (``institution_label``: a deleted one
    marked), in SQL: the label's wording around the name. Thai, like the rest of the file."""
    with pinned(SOURCE_LANGUAGE):
        marked = institution_label("{name}", deleted=True)
    return case((inst.deleted_at.is_(None), inst.name),
                else_=func.replace(literal(marked), "{name}", inst.name))


def children_export_query(session: Session, flt: ChildFilter) -> Select[Any]:
    """The one SELECT of the children export, columns in ``EXPORT_COLUMNS`` order (the
    same order as the list's default sort: first name, last name)."""
    year_id = year_id_of(session, flt.year_be)
    enrolment, inst, year = aliased(Enrollment), aliased(Institution), aliased(AcademicYear)
    link, guardian = aliased(ChildGuardian), aliased(Guardian)
    shown = shown_enrollment(flt, year_id).correlate(Child).scalar_subquery()
    first_link = (
        select(ChildGuardian.id)
        .join(Guardian, Guardian.id == ChildGuardian.guardian_id)
        .where(ChildGuardian.child_id == Child.id, ChildGuardian.deleted_at.is_(None),
               Guardian.deleted_at.is_(None))
        .order_by(ChildGuardian.is_primary.desc(), ChildGuardian.id)
        .limit(1)
        .correlate(Child)
        .scalar_subquery()
    )
    cols: dict[str, ColumnElement[Any]] = {
        "institution": _institution_cell(inst),
        "level": enrolment.level_code,
        "classroom": enrolment.classroom,
        "year_be": year.year_be,
        "guardian_prefix": guardian.prefix,
        "guardian_first_name": guardian.first_name,
        "guardian_last_name": guardian.last_name,
        "guardian_national_id": guardian.national_id,
        "guardian_relation": link.relation,
        "guardian_phone": guardian.phone,
        "guardian_occupation": guardian.occupation,
    }
    for c in EXPORT_COLUMNS:
        if c.key not in cols:
            owner = Household if c.group == "address" else Child
            cols[c.key] = getattr(owner, c.key)  # AttributeError: give a new column its SQL
    return (
        select(*[cols[c.key].label(c.key) for c in EXPORT_COLUMNS])
        .select_from(Child)
        .outerjoin(Household, Household.id == Child.household_id)
        .outerjoin(enrolment, enrolment.id == shown)
        .outerjoin(inst, inst.id == enrolment.institution_id)
        .outerjoin(year, year.id == enrolment.academic_year_id)
        .outerjoin(link, link.id == first_link)
        .outerjoin(guardian, guardian.id == link.guardian_id)
        .where(*filter_conditions(session, flt, year_id))
        .order_by(Child.first_name_key, Child.last_name_key, Child.id)  # Thai dictionary order
    )


def _marks(session: Session, title: str) -> dict[str, Any]:
    """Sheet name and notice: an export of demo data says so (sheet tab, file properties,
    a first line in CSV); a real registry's export is unmarked."""
    if not is_demo(session):
        return {"sheet_name": title}
    return {"sheet_name": f"{title} (ตัวอย่าง)", "notice": DEMO_LABEL}


def children_rows(session: Session, flt: ChildFilter = ALL_CHILDREN) -> Iterator[list[object]]:
    """The export rows, streamed from SQL ``BATCH`` rows at a time."""
    require(session, Action.EXPORT)  # checked when the first row is asked for
    formats: list[Callable[[Any], object]] = [_FORMAT.get(c.key, _text) for c in EXPORT_COLUMNS]
    result = session.execute(children_export_query(session, flt),
                             execution_options={"yield_per": BATCH})
    try:
        for row in result:
            yield [f(v) for f, v in zip(formats, row, strict=True)]
    finally:
        result.close()


def export_children(
    session: Session,
    path: Path,
    flt: ChildFilter = ALL_CHILDREN,
    *,
    progress: Progress | None = None,
) -> int:
    """Write the children the filter selects (``deleted=True``: the bin) to ``path``
    (.xlsx or .csv); returns the number of rows written."""
    require(session, Action.EXPORT)
    text_columns = [i for i, c in enumerate(EXPORT_COLUMNS) if c.key in TEXT_KEYS]
    return write_table(
        Path(path), export_headers(), children_rows(session, flt),
        total=count_children(session, flt), progress=progress, text_columns=text_columns,
        **_marks(session, EXPORTS["children"].title),
    )


# --------------------------------------------------------------------------- households
HOUSEHOLD_HEADERS: Sequence[str] = (
    "รหัสประจำบ้าน", "บ้านเลขที่", "หมู่", "ตำบล", "ที่อยู่", "โทรศัพท์", "จำนวนเด็ก",
    "จำนวนผู้ปกครอง",
)


def _household_rows(session: Session, search: str) -> Iterator[list[object]]:
    n_children = (
        select(func.count()).where(Child.household_id == Household.id, Child.deleted_at.is_(None))
        .correlate(Household).scalar_subquery()
    )
    n_guardians = (
        select(func.count())
        .where(Guardian.household_id == Household.id, Guardian.deleted_at.is_(None))
        .correlate(Household).scalar_subquery()
    )
    address = [getattr(Household, f) for f in Address.__dataclass_fields__]
    stmt = (
        select(Household.house_code, Household.phone, n_children, n_guardians, *address)
        .where(*search_conditions(session, search))
        .order_by(Household.id)
    )
    result = session.execute(stmt, execution_options={"yield_per": BATCH})
    try:
        for code, phone, nc, ng, *parts in result:
            addr = Address(*[p or "" for p in parts])
            yield [code or "", addr.house_no, addr.village_no, addr.subdistrict,
                   format_address(addr), phone or "", int(nc), int(ng)]
    finally:
        result.close()


def export_households(
    session: Session, path: Path, search: str = "", *, progress: Progress | None = None
) -> int:
    """Write the households list (as the households view shows it, with the same search)."""
    require(session, Action.EXPORT)
    return write_table(
        Path(path), HOUSEHOLD_HEADERS, _household_rows(session, search),
        total=count_households(session, search), progress=progress,
        text_columns=[0, 1, 2, 5], **_marks(session, EXPORTS["households"].title),
    )


# --------------------------------------------------------------------------- institutions
def institution_headers(year_be: int | None) -> list[str]:
    enrolled = f"จำนวนเด็ก ปีการศึกษา {year_be}" if year_be is not None else "จำนวนเด็ก"
    return ["ประเภท", "รหัส", "ชื่อ", "ที่อยู่", "โทรศัพท์", enrolled]


def export_institutions(
    session: Session, path: Path, year_be: int | None = None, *,
    progress: Progress | None = None,
) -> int:
    """Write the institutions list (a local government has tens: read whole)."""
    require(session, Action.EXPORT)
    kinds = {k.value: label for k, label in INSTITUTION_KIND_LABELS.items()}
    rows = [
        [kinds.get(r.kind, r.kind), r.code, r.name, r.address, r.phone, r.enrolled]
        for r in list_institutions(session, year_be=year_be)
    ]
    return write_table(
        Path(path), institution_headers(year_be), rows, total=len(rows), progress=progress,
        text_columns=[1, 4], **_marks(session, EXPORTS["institutions"].title),
    )


def export_import_batches(session: Session, path: Path, *, progress: Progress | None = None) -> int:
    """The import history (the latest 1,000 imports), as the list shows it."""
    require(session, Action.EXPORT)
    from desktop.services.imports import BATCH_HEADERS, batch_cells, list_batches

    rows = [batch_cells(b) for b in list_batches(session, limit=1000)]
    return write_table(Path(path), list(BATCH_HEADERS), rows, total=len(rows), progress=progress,
                       **_marks(session, EXPORTS["import-batches"].title))
