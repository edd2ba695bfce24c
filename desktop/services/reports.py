"""Registry reports as PDF files: read through a Session, write the file atomically.

Each report reads plain rows (no ORM object per child in the long lists), lays the pages
out with ``desktop.reports`` and writes a temporary file beside ``out`` that replaces it
only when complete (fsync, ``os.replace``): a cancelled or failed report leaves no file
and no temporary file behind.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import distinct, func, select
from sqlalchemy.orm import Session

from desktop import atomic
from desktop.domain.address import address_of, format_address
from desktop.domain.dates import age_on, format_age, format_be
from desktop.domain.identity import ID_TYPE_LABELS, IdType, format_national_id, normalise_g_code
from desktop.domain.levels import LEVELS, level_by_code
from desktop.domain.people import SEX_LABELS, Sex, full_name
from desktop.domain.roles import Action
from desktop.domain.text import digits_only, thai_sort_key
from desktop.i18n import thai_document  # official documents are Thai whatever the screen says
from desktop.reports.pdf.document import Layout, Piece, Signature, render
from desktop.reports.pdf.table import Column
from desktop.reports.registry import (
    ChildCells,
    ChildProfile,
    LevelCount,
    RegistrySummary,
    child_profile,
    children_list,
    plain_list,
    registry_summary,
)
from desktop.services.access import require
from desktop.services.children import ENROLLMENT_STATUSES, current_year_be
from desktop.services.children_query import ChildFilter, ChildRow, count_children, page_children
from desktop.services.households import count_households, page_households
from desktop.services.institutions import institution_label, list_institutions
from desktop.services.office import DEMO_LABEL, is_demo, local_office
from desktop.services.progress import Progress
from desktop.store.models import (
    AcademicYear,
    Child,
    ChildGuardian,
    Enrollment,
    Guardian,
    Institution,
    Office,
)

__all__ = [
    "MAX_ROWS", "REPORTS", "ChildNotFound", "ReportInfo", "ReportOptions", "ReportTooLarge",
    "Signature", "child_profile_pdf", "children_list_pdf", "find_child", "households_list_pdf",
    "import_batches_pdf", "institutions_list_pdf", "registry_summary_pdf",
]

MAX_ROWS = 50_000
PAGE = 2_000  # rows read per query


@dataclass(frozen=True)
class ReportOptions:
    landscape: bool = False
    signatures: tuple[Signature, ...] = ()
    today: date | None = None  # the print date; None = today


class ReportTooLarge(Exception):
    """The list is too long to print; ``str()`` tells the clerk what to do (Thai)."""

    def __init__(self, rows: int, hint: str = "โปรดเลือกสถานศึกษาหรือชั้นเรียนก่อนพิมพ์") -> None:
        self.rows = rows
        super().__init__(
            f"รายการมี {rows:,} แถว มากเกินกว่าจะพิมพ์ในครั้งเดียว (ไม่เกิน {MAX_ROWS:,} แถว) {hint}"
        )


class ChildNotFound(LookupError):
    """No child has this uuid, national ID or G-code; ``str()`` is Thai."""

    def __init__(self, ident: str) -> None:
        self.ident = ident
        super().__init__(
            f"ไม่พบเด็กที่มีเลขประจำตัว รหัส G หรือรหัสอ้างอิง “{ident}” โปรดตรวจสอบเลขอีกครั้ง"
        )


@dataclass(frozen=True)
class ReportInfo:
    name: str
    title: str


REPORTS: dict[str, ReportInfo] = {
    "children-list": ReportInfo("children-list", "รายชื่อเด็ก"),
    "child-profile": ReportInfo("child-profile", "ข้อมูลเด็กรายบุคคล"),
    "registry-summary": ReportInfo("registry-summary", "สรุปทะเบียนเด็ก"),
    "households-list": ReportInfo("households-list", "รายชื่อครัวเรือน"),
    "institutions-list": ReportInfo("institutions-list", "รายชื่อสถานศึกษา"),
    "import-batches": ReportInfo("import-batches", "ประวัติการนำเข้า"),
}


# ------------------------------------------------------------------ plumbing


def _step(progress: Progress | None, done: int, message: str) -> None:
    if progress is not None:
        progress.step(min(done, 100), 100, message)


def write_atomic(out: Path, data: bytes) -> None:
    """Write ``data`` to ``out`` through a temporary file in the same folder."""
    atomic.write_bytes(Path(out), data)


def _finish(session: Session, out: Path, name: str, pieces: list[Piece], options: ReportOptions,
            progress: Progress | None, subtitle: str = "", start: int = 50) -> int:
    office = local_office(session)
    layout = Layout(office.name if office else "", REPORTS[name].title, subtitle,
                    options.landscape, options.today or date.today(),
                    notice=DEMO_LABEL if is_demo(session) else "")

    def check(done: int, total: int) -> None:
        _step(progress, start + (99 - start) * done // max(total, 1), "กำลังสร้างหน้าเอกสาร")

    data, pages = render(layout, pieces, check=check)
    _step(progress, 99, "กำลังบันทึกไฟล์")
    write_atomic(out, data)
    _step(progress, 100, "เสร็จแล้ว")
    return pages


def _width(options: ReportOptions) -> float:
    return Layout("", "", landscape=options.landscape).frame_w


def _level_label(code: str) -> str:
    try:
        return level_by_code(code).label
    except KeyError:
        return code


_LEVEL_ORDER = {lv.code: i for i, lv in enumerate(LEVELS)}


# ------------------------------------------------------------------ children list


def _child_cells(r: ChildRow, today: date) -> ChildCells:
    ident = format_national_id(r.national_id) if r.national_id else (r.g_code or "")
    try:
        sex = SEX_LABELS[Sex(r.sex)]
    except ValueError:
        sex = r.sex
    age = format_age(*age_on(r.birth_date, today)) if r.birth_date <= today else ""
    return (full_name(r.prefix, r.first_name, r.last_name), ident, sex,
            format_be(r.birth_date), age, r.classroom, "")  # the group heading names the level


def _filter_subtitle(session: Session, flt: ChildFilter, n: int) -> str:
    parts = []
    if flt.office_id is not None:  # the province's list of one municipality
        parts.append(session.scalar(select(Office.name).where(Office.id == flt.office_id)) or "-")
    if flt.year_be is not None:
        parts.append(f"ปีการศึกษา {flt.year_be}")
    if flt.institution_id is not None:
        found = session.execute(select(Institution.name, Institution.deleted_at)
                                .where(Institution.id == flt.institution_id)).first()
        name = institution_label(found[0], deleted=found[1] is not None) if found else ""
        parts.append(f"สถานศึกษา {name or '-'}")
    if flt.level_code:
        parts.append(f"ชั้น {_level_label(flt.level_code)}")
    if flt.search.strip():
        parts.append(f"ค้นหา “{flt.search.strip()}”")
    if flt.deleted:
        parts.append("เฉพาะเด็กที่ลบแล้ว")
    parts.append(f"รวม {n:,} คน")
    return " · ".join(parts)


def _group_title(institution: str, level_code: str) -> str:
    level = f"ชั้น {_level_label(level_code)}" if level_code else ""
    if not institution:
        return level or "ยังไม่ได้ลงทะเบียนเรียน"
    return f"{institution} {level}".strip()


@thai_document
def children_list_pdf(session: Session, out: Path, flt: ChildFilter = ChildFilter(),  # noqa: B008 (frozen)
                      options: ReportOptions = ReportOptions(),
                      progress: Progress | None = None) -> int:
    """The filtered children list grouped by institution and level (the list the GUI
    shows), with an empty signature column; returns the number of pages."""
    require(session, Action.REPORT)
    today = options.today or date.today()
    _step(progress, 0, "กำลังนับรายชื่อ")
    total = count_children(session, flt)
    if total > MAX_ROWS:
        raise ReportTooLarge(total)
    groups: dict[tuple[int, str, str, int, str], list[ChildCells]] = {}
    offset = 0
    while True:  # names come in Thai dictionary order (the list's stored sort keys)
        rows = page_children(session, flt, offset=offset, limit=PAGE)
        for r in rows:
            inst = institution_label(r.institution, deleted=r.institution_deleted)
            key = (0 if inst else 1, thai_sort_key(inst), inst,
                   _LEVEL_ORDER.get(r.level_code, 99), r.level_code)
            groups.setdefault(key, []).append(_child_cells(r, today))
        offset += len(rows)
        _step(progress, 25 * offset // max(total, 1), f"กำลังอ่านรายชื่อ {offset:,}/{total:,}")
        if len(rows) < PAGE:
            break
    # groups in Thai dictionary order too (โรงเรียน… before ศูนย์…)
    titled = [(_group_title(inst, code), rows)
              for (_, _, inst, _, code), rows in sorted(groups.items(), key=lambda kv: kv[0])]
    pieces = children_list(
        titled, _width(options), options.signatures,
        on_row=lambda done: _step(progress, 25 + 25 * done // max(offset, 1),
                                  f"กำลังจัดหน้า {done:,}/{offset:,}"),
    )
    return _finish(session, out, "children-list", pieces, options, progress,
                   _filter_subtitle(session, flt, offset))


# ------------------------------------------------------------------ one child


def find_child(session: Session, ident: str) -> str:
    """The uuid of the child with this uuid, national ID (dashes or not, Thai digits
    too) or G-code; raises :class:`ChildNotFound` (Thai message)."""
    require(session, Action.REGISTRY_READ)
    text = ident.strip()
    if not text:
        raise ChildNotFound(ident)
    by_uuid = session.scalar(select(Child.uuid).where(Child.uuid == text.lower()))
    if by_uuid:
        return by_uuid
    digits = digits_only(text)
    candidates = []
    if len(digits) == 13 and digits.isascii() and digits.isdigit():
        candidates.append(Child.national_id == digits)
    code = normalise_g_code(text)
    if code.startswith("G"):
        candidates.append(Child.g_code == code)
    for clause in candidates:
        found = session.scalar(
            select(Child.uuid).where(clause).order_by(Child.deleted_at.is_not(None), Child.id)
        )
        if found:
            return found
    raise ChildNotFound(ident)


def _profile(session: Session, uuid: str, today: date) -> ChildProfile:
    child = session.scalars(select(Child).where(Child.uuid == uuid)).first()
    if child is None:
        raise ChildNotFound(uuid)
    try:
        kind = IdType(child.id_type)
    except ValueError:
        kind = IdType.NONE
    ident = {IdType.NATIONAL_ID: format_national_id(child.national_id or ""),
             IdType.G_CODE: child.g_code or ""}.get(kind, child.no_id_reason or "-")
    age = format_age(*age_on(child.birth_date, today)) if child.birth_date <= today else ""
    name_en = " ".join(p for p in (child.first_name_en, child.last_name_en) if p)
    try:
        sex = SEX_LABELS[Sex(child.sex)]
    except ValueError:
        sex = child.sex
    address = format_address(address_of(child.household)) if child.household else ""
    fields = [
        ("ชื่อ-นามสกุล", full_name(child.prefix, child.first_name, child.last_name)),
        ("ชื่อภาษาอังกฤษ", name_en or "-"),
        (ID_TYPE_LABELS[kind] if kind is not IdType.NONE else "เลขประจำตัว", ident),
        ("วันเกิด", f"{format_be(child.birth_date)} (อายุ {age})" if age else
         format_be(child.birth_date)),
        ("เพศ", sex),
        ("สัญชาติ", child.nationality or "-"),
        ("ความพิการ", child.disability or "ไม่มี"),
        ("ที่อยู่", address or "-"),
        ("เลขรหัสประจำบ้าน", (child.household.house_code if child.household else "") or "-"),
    ]
    guardians = [
        (full_name(g.prefix, g.first_name, g.last_name) + (" (ผู้ปกครองหลัก)" if link.is_primary
                                                          else ""),
         link.relation, g.phone or "-", g.occupation or "-")
        for link, g in session.execute(
            select(ChildGuardian, Guardian).join(Guardian, Guardian.id == ChildGuardian.guardian_id)
            .where(ChildGuardian.child_id == child.id, ChildGuardian.deleted_at.is_(None),
                   Guardian.deleted_at.is_(None))
            .order_by(ChildGuardian.is_primary.desc(), ChildGuardian.id))
    ]
    enrolments = [
        (str(year), institution_label(inst, deleted=gone is not None), _level_label(level),
         room or "-", ENROLLMENT_STATUSES.get(status, status))
        for year, inst, gone, level, room, status in session.execute(
            select(AcademicYear.year_be, Institution.name, Institution.deleted_at,
                   Enrollment.level_code, Enrollment.classroom, Enrollment.status)
            .join(AcademicYear, AcademicYear.id == Enrollment.academic_year_id)
            .join(Institution, Institution.id == Enrollment.institution_id)
            .where(Enrollment.child_id == child.id, Enrollment.deleted_at.is_(None))
            .order_by(AcademicYear.year_be.desc(), Enrollment.id.desc()))
    ]
    note = "เด็กคนนี้ถูกลบออกจากทะเบียนแล้ว (กู้คืนได้)" if child.deleted_at is not None else ""
    return ChildProfile(fields[0][1], fields, guardians, enrolments, note)


@thai_document
def child_profile_pdf(session: Session, out: Path, child_uuid: str,
                      options: ReportOptions = ReportOptions(),
                      progress: Progress | None = None) -> int:
    require(session, Action.REPORT)
    _step(progress, 0, "กำลังอ่านข้อมูลเด็ก")
    profile = _profile(session, child_uuid, options.today or date.today())
    pieces = child_profile(profile, _width(options), options.signatures)
    return _finish(session, out, "child-profile", pieces, options, progress, profile.name)


# ------------------------------------------------------------------ summary


def _summary(session: Session, year_be: int) -> RegistrySummary:
    live = (Enrollment.deleted_at.is_(None), Child.deleted_at.is_(None),
            AcademicYear.year_be == year_be)
    base = (select().select_from(Enrollment).join(Child, Child.id == Enrollment.child_id)
            .join(AcademicYear, AcademicYear.id == Enrollment.academic_year_id).where(*live))
    per: dict[tuple[str, str], list[int]] = {}
    levels: dict[str, list[int]] = {}
    gone = Institution.deleted_at.is_not(None)
    for name, deleted, code, sex, n in session.execute(
        base.join(Institution, Institution.id == Enrollment.institution_id)
        .add_columns(Institution.name, gone, Enrollment.level_code, Child.sex, func.count())
        .group_by(Institution.name, gone, Enrollment.level_code, Child.sex)
    ):
        inst = institution_label(name, deleted=bool(deleted))
        col = 0 if sex == Sex.MALE.value else 1 if sex == Sex.FEMALE.value else 2
        for counts in (per.setdefault((inst, code), [0, 0, 0]), levels.setdefault(code, [0, 0, 0])):
            counts[col] += n
    children = base.add_columns(distinct(Child.id).label("cid")).subquery()
    by_sex = dict(session.execute(
        select(Child.sex, func.count()).join(children, children.c.cid == Child.id)
        .group_by(Child.sex)).all())
    by_id = dict(session.execute(
        select(Child.id_type, func.count()).join(children, children.c.cid == Child.id)
        .group_by(Child.id_type)).all())

    def row(code: str, c: list[int]) -> LevelCount:
        return (_level_label(code), c[0], c[1], sum(c))

    order = sorted(levels, key=lambda code: (_LEVEL_ORDER.get(code, 99), code))
    institutions: dict[str, list[LevelCount]] = {}
    for inst, code in sorted(per, key=lambda k: (thai_sort_key(k[0]), _LEVEL_ORDER.get(k[1], 99), k[1])):
        institutions.setdefault(inst, []).append(row(code, per[(inst, code)]))
    total = int(session.scalar(
        select(func.count()).select_from(Child).where(Child.deleted_at.is_(None))) or 0)
    return RegistrySummary(
        year_be, total, sum(by_sex.values()),
        [(SEX_LABELS[s], int(by_sex.get(s.value, 0))) for s in Sex],
        [(ID_TYPE_LABELS[t], int(by_id.get(t.value, 0))) for t in IdType],
        [row(code, levels[code]) for code in order],
        list(institutions.items()),
    )


@thai_document
def registry_summary_pdf(session: Session, out: Path, year_be: int | None = None,
                         options: ReportOptions = ReportOptions(),
                         progress: Progress | None = None) -> int:
    require(session, Action.REPORT)
    year = year_be if year_be is not None else current_year_be(options.today)
    _step(progress, 0, "กำลังนับจำนวนเด็ก")
    summary = _summary(session, year)
    pieces = registry_summary(summary, _width(options), options.signatures)
    return _finish(session, out, "registry-summary", pieces, options, progress,
                   f"ปีการศึกษา {year}")


# ------------------------------------------------------------------ other lists


@thai_document
def households_list_pdf(session: Session, out: Path, search: str = "",
                        options: ReportOptions = ReportOptions(),
                        progress: Progress | None = None) -> int:
    require(session, Action.REPORT)
    _step(progress, 0, "กำลังนับครัวเรือน")
    total = count_households(session, search)
    if total > MAX_ROWS:
        raise ReportTooLarge(total, "โปรดพิมพ์คำค้นหา เช่น หมู่บ้านหรือตำบล เพื่อให้รายการสั้นลงก่อนพิมพ์")
    rows: list[tuple[str, str, str]] = []
    while True:
        page = page_households(session, search, offset=len(rows), limit=PAGE)
        rows += [(h.address or "-", f"{h.children:,}", f"{h.guardians:,}") for h in page]
        _step(progress, 40 * len(rows) // max(total, 1), f"กำลังอ่านรายการ {len(rows):,}/{total:,}")
        if len(page) < PAGE:
            break
    columns = (Column("ที่อยู่", 66), Column("จำนวนเด็ก", 13, "right"),
               Column("จำนวนผู้ปกครอง", 18, "right"))
    pieces = plain_list(columns, rows, _width(options), options.signatures)
    subtitle = f"ค้นหา “{search.strip()}” · " if search.strip() else ""
    return _finish(session, out, "households-list", pieces, options, progress,
                   f"{subtitle}รวม {len(rows):,} ครัวเรือน")


@thai_document
def institutions_list_pdf(session: Session, out: Path, year_be: int | None = None,
                          options: ReportOptions = ReportOptions(),
                          progress: Progress | None = None) -> int:
    require(session, Action.REPORT)
    _step(progress, 0, "กำลังอ่านรายชื่อสถานศึกษา")
    rows = list_institutions(session, year_be=year_be)
    columns = (Column("รหัส", 12), Column("ชื่อสถานศึกษา", 29), Column("ประเภท", 16),
               Column("ที่อยู่", 24.5), Column("โทรศัพท์", 12), Column("เด็ก (คน)", 10, "right"))
    cells = [(r.code, r.name, r.kind_label, r.address or "-", r.phone or "-", f"{r.enrolled:,}")
             for r in rows]
    pieces = plain_list(columns, cells, _width(options), options.signatures)
    year = f"ปีการศึกษา {year_be} · " if year_be is not None else ""
    return _finish(session, out, "institutions-list", pieces, options, progress,
                   f"{year}รวม {len(rows):,} แห่ง")


@thai_document
def import_batches_pdf(session: Session, out: Path, options: ReportOptions = ReportOptions(),
                       progress: Progress | None = None) -> int:
    """The import history (the latest 1,000 imports)."""
    require(session, Action.REPORT)
    from desktop.services.imports import BATCH_HEADERS, batch_cells, list_batches

    _step(progress, 0, "กำลังอ่านประวัติการนำเข้า")
    batches = list_batches(session, limit=1000)
    widths = (19, 23, 12, 8, 8, 12, 18)
    aligns = ("left", "left", "left", "right", "right", "left", "left")
    columns = tuple(Column(h, w, a) for h, w, a in zip(BATCH_HEADERS, widths, aligns, strict=True))
    cells = [[f"{c:,}" if isinstance(c, int) else str(c or "-") for c in batch_cells(b)]
             for b in batches]
    pieces = plain_list(columns, cells, _width(options), options.signatures)
    return _finish(session, out, "import-batches", pieces, options, progress,
                   f"รวม {len(batches):,} ครั้ง")
