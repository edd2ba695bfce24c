"""Planning the import of a list of out-of-school children (issue 13): each row read and
checked by the registry import's own planner (imports/plan.py ``RowPlanner``, imports/read_rows.py: the same column keys,
parsers and row checks, footers and formulas without a value), the registry's children that
share a row's national ID, G-code or birth date read in bulk (``json_each`` on SQLite,
chunked ``IN`` on PostgreSQL, as imports/duplicates.py does), ``match_list`` of the domain
(desktop/domain/case_matching.py), then each row's kind: matched, new, ambiguous, invalid,
or already an open case. Nothing is written.

The registry import's required columns are not this list's: a list names the child (first
and last name, or a full name) and gives something to match by (national ID, G-code or
birth date). Sex and birth date are needed only for a row that becomes a new child (a
prefix gives the sex); a row matched to a registry child needs neither.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain.case_matching import ListRow, MatchKind, MatchResult, RegistryChild, match_list
from desktop.domain.cases import (
    NOTE_MAX,
    CaseSource,
    CaseStatus,
    open_case_problem,
    open_problems,
    text_problem,
)
from desktop.domain.columns import COLUMN_BY_KEY, guess_mapping, header_key
from desktop.domain.errors import Problem
from desktop.domain.identity import IdType, normalise_g_code
from desktop.domain.roles import Action
from desktop.domain.text import clean_text
from desktop.i18n import N_, _
from desktop.services.access import require
from desktop.services.imports.duplicates import in_chunks, on_sqlite, text_in
from desktop.services.imports.joins import household_guardians, registry_addresses
from desktop.services.imports.model import ERROR, WARNING, CellProblem, PlannedRow, SheetLike
from desktop.services.imports.names import row_name
from desktop.services.imports.plan import NO_ID_REASON, RowPlanner, read_rows
from desktop.services.imports.wholefile import WholeFile
from desktop.services.progress import Progress
from desktop.store.case_state import OosCase
from desktop.store.models import Child

from .case_import_model import CASE_NOTE, LAST_SCHOOL, NEW_CHILD, CasePlan, CaseRow, RowKind

# Enrolment columns mean the last school in a list of children out of school: the school
# column is kept as the case's last school, the others are not read.
_ENROLMENT = frozenset({"institution", "level", "classroom", "year_be"})
_CASE_HEADERS = {
    LAST_SCHOOL: ("สถานศึกษาล่าสุด", "โรงเรียนล่าสุด", "โรงเรียนเดิม", "สถานศึกษาเดิม",
                  "โรงเรียนสุดท้าย", "สถานศึกษาสุดท้าย", "last school"),
    CASE_NOTE: ("หมายเหตุ", "note", "remark", "หมายเหตุ/สาเหตุ", "สาเหตุที่ออกจากโรงเรียน"),
}
_CASE_BY_HEADER = {header_key(h): key for key, names in _CASE_HEADERS.items() for h in names}
CASE_KEYS = frozenset(_CASE_HEADERS)
LAST_SCHOOL_LABEL = N_("สถานศึกษาล่าสุด")
NOTE_LABEL = N_("บันทึกเพิ่มเติม")


def suggest_case_mapping(headers: Sequence[str]) -> dict[int, str]:
    """``{column index: key}``: the registry's column keys (``domain.columns``) the headers
    name, the school column as the last school, a remark column as the case's note."""
    mapping: dict[int, str] = {}
    for i, key in guess_mapping(headers).items():
        if key == "institution":
            mapping[i] = LAST_SCHOOL
        elif key not in _ENROLMENT:
            mapping[i] = key
    for i, header in enumerate(headers):
        case_key = _CASE_BY_HEADER.get(header_key(header))
        if case_key is not None and i not in mapping and case_key not in mapping.values():
            mapping[i] = case_key
    return dict(sorted(mapping.items()))


def case_columns() -> list[tuple[str, str]]:
    """What a column of a list may hold, for the clerk's mapping: (label, key), the
    registry's child columns less the enrolment's, then the last school and the note."""
    from desktop.domain.columns import CHILD_COLUMNS

    return [*((c.display_label, c.key) for c in CHILD_COLUMNS if c.key not in _ENROLMENT),
            (_(LAST_SCHOOL_LABEL), LAST_SCHOOL), (_(NOTE_LABEL), CASE_NOTE)]


def suggest_list_mapping(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> tuple[dict[int, str], list[int]]:
    """The mapping the headers suggest (``suggest_case_mapping``) and the columns of
    national IDs under headers not known: the only one, with no ID column mapped, is
    mapped as the child's national ID; several are left for the clerk (the second list)."""
    from desktop.services.imports import id_like_columns

    mapping = suggest_case_mapping(headers)
    id_like = id_like_columns(headers, rows, skip=set(mapping))
    if len(id_like) == 1 and "national_id" not in mapping.values():
        mapping[id_like[0]] = "national_id"
        id_like = []
    return dict(sorted(mapping.items())), id_like


def _registry_mapping(mapping: Mapping[int, str]) -> dict[int, str]:
    unknown = set(mapping.values()) - COLUMN_BY_KEY.keys() - CASE_KEYS
    if unknown:
        raise ValueError(f"unknown column keys in mapping: {sorted(unknown)}")
    return {i: k for i, k in mapping.items() if k in COLUMN_BY_KEY and k not in _ENROLMENT}


def _file_checks(planner: RowPlanner, keys: set[str], source: str, today: date) -> bool:
    """The registry planner's file checks (a column mapped twice, no rows), less its
    required columns: this list needs a name and something to match by. Returns whether
    one of these is missing: then no row can be checked or matched (a row's prefix, sex and
    name all come from the name column), and the file's problem is said once, not again on
    every row as what follows from it."""
    planner.check_file()  # sex and birth date missing: quiet on every row (said below if needed)
    planner.file_problems[:] = [p for p in planner.file_problems
                                if not (p.row == 0 and not p.column
                                        and p.field in ("sex", "birth_date", "first_name", "last_name"))]
    missing = False
    name = _name_column_problem(planner, keys)
    if name:
        planner.file_problems.append(CellProblem(0, "", "first_name", "", name))
        missing = True
    if not keys & {"national_id", "g_code", "birth_date"}:
        planner.file_problems.append(CellProblem(0, "", "national_id", "", _(
            "ไฟล์ไม่มีคอลัมน์เลขประจำตัวประชาชน รหัส G หรือวันเกิด จึงเทียบกับทะเบียนไม่ได้ "
            "โปรดเพิ่มอย่างน้อยหนึ่งคอลัมน์")))
        missing = True
    for p in open_problems(today, source, [], today=today):
        planner.file_problems.append(CellProblem(0, "", p.field, "", p.message))
    return missing


def _name_column_problem(planner: RowPlanner, keys: set[str]) -> str:
    """What the file lacks to name the child, and the column to add ("" when it has it): a
    full name in one column, or a first and a last name in two (by the headers an import
    reads: ``domain.columns``)."""
    if "full_name" in keys or {"first_name", "last_name"} <= keys:
        return ""
    titles = {"full": COLUMN_BY_KEY["full_name"].display_label, "first": COLUMN_BY_KEY["first_name"].display_label,
              "last": COLUMN_BY_KEY["last_name"].display_label}
    if "first_name" in keys:
        return _("ไฟล์มีคอลัมน์ชื่อ ({header}) แต่ไม่มีคอลัมน์นามสกุล โปรดเพิ่มคอลัมน์หัวว่า {last} "
                 "(หรือใช้คอลัมน์เดียวหัวว่า {full}) แล้วนำเข้าใหม่ จึงจะตรวจแต่ละแถวได้").format(
            header=planner.header_of["first_name"], **titles)
    if "last_name" in keys:
        return _("ไฟล์มีคอลัมน์นามสกุล ({header}) แต่ไม่มีคอลัมน์ชื่อ โปรดเพิ่มคอลัมน์หัวว่า {first} "
                 "(หรือใช้คอลัมน์เดียวหัวว่า {full}) แล้วนำเข้าใหม่ จึงจะตรวจแต่ละแถวได้").format(
            header=planner.header_of["last_name"], **titles)
    headers = ", ".join(h for h in (clean_text(h) for h in planner.sheet.headers) if h)
    return _("ไม่พบคอลัมน์ชื่อของเด็กในไฟล์ (หัวคอลัมน์ที่มี: {headers}) โปรดเพิ่มคอลัมน์หัวว่า {full} "
             "หรือสองคอลัมน์หัวว่า {first} และ {last} แล้วนำเข้าใหม่ (ในหน้าต่างนำเข้า เลือกได้ว่าคอลัมน์ใดเป็นชื่อเด็ก) "
             "จึงจะตรวจแต่ละแถวได้").format(headers=headers or "-", **titles)


def _for_new_child_only(row: PlannedRow, unread: Collection[tuple[int, str]]) -> list[CellProblem]:
    """A missing prefix, sex or birth date is the registry's error for any row; here it
    matters only when the row becomes a new child (``_new_child_problems`` puts it back):
    no prefix read (its own column empty, or a full name without one), no sex cell, no
    birth date cell; so is the warning that a child without an ID is saved so. A cell the
    reader could not read (``unread``: a formula without its value) stays an error of the
    row, as does a value that is wrong. Returns the problems set aside."""
    child = row.parsed.child if row.parsed is not None else None
    if child is None:
        return []
    missing = {"prefix"} if not child.prefix else set()
    missing |= {key for key in ("sex", "birth_date") if not row.values.get(key) and (row.row, key) not in unread}
    aside = [p for p in row.problems if (p.severity == ERROR and p.field in missing) or (
        p.severity == WARNING and p.field == "national_id" and child.id_type is IdType.NONE
        and NO_ID_REASON in p.message)]
    if aside:
        row.problems[:] = [p for p in row.problems if p not in aside]
    return aside


def _list_row(row: PlannedRow) -> ListRow:
    assert row.parsed is not None
    c = row.parsed.child
    g_code = c.g_code or normalise_g_code(clean_text(row.values.get("g_code", "")))
    return ListRow(row.row, c.first_name, c.last_name, c.birth_date, c.national_id, g_code)


# ------------------------------------------------------------------ the registry in bulk
_COLUMNS = ("uuid", "id", "first_name", "last_name", "birth_date", "national_id", "g_code", "deleted_at")


def registry_candidates(session: Session, rows: Iterable[ListRow]) -> tuple[list[RegistryChild], dict[str, int]]:
    """The registry's children, live or in the bin, that ``match_list`` may compare a row
    with: those with one of the rows' national IDs or G-codes, then those born on the birth
    date of a row whose IDs no registry child holds (a child with the row's ID decides the
    row: ``case_matching.candidates_of`` compares no name then). Returns them and their ids
    by uuid. One statement a column on SQLite, chunks of ``IN`` on PostgreSQL."""
    require(session, Action.CASE_IMPORT)
    rows = list(rows)
    nids = {r.national_id for r in rows if r.national_id}
    g_codes = {r.g_code for r in rows if r.g_code}
    found: dict[str, RegistryChild] = {}
    ids: dict[str, int] = {}
    dates: dict[Any, date | None] = {None: None}  # a stored birth date -> date (a few thousand repeat)

    def take(children: Iterable[Sequence[Any]]) -> None:
        for uuid, cid, first, last, birth, nid, g_code, deleted in children:
            if uuid in found:
                continue
            day = dates.get(birth, dates)
            if day is dates:
                day = dates[birth] = birth if isinstance(birth, date) else date.fromisoformat(str(birth)[:10])
            found[uuid] = RegistryChild(uuid, first, last, day, nid or "", g_code or "",  # type: ignore[arg-type]
                                        deleted=deleted is not None)
            ids[uuid] = int(cid)

    take(_children_with(session, "national_id", nids))
    take(_children_with(session, "g_code", g_codes))
    held_nids = {c.national_id for c in found.values() if c.national_id}
    held_g = {c.g_code for c in found.values() if c.g_code}
    births = {r.birth_date for r in rows if r.birth_date is not None
              and not (r.national_id and r.national_id in held_nids) and not (r.g_code and r.g_code in held_g)}
    take(_children_with(session, "birth_date", births))
    return list(found.values()), ids


def _children_with(session: Session, column: str, values: Collection[Any]) -> Iterable[Sequence[Any]]:
    """(uuid, id, first name, last name, birth date, national ID, G-code, deleted_at) of the
    children whose ``column`` is one of ``values``."""
    if on_sqlite(session):
        texts = (v.isoformat() for v in values) if column == "birth_date" else values
        yield from text_in(session, ", ".join(_COLUMNS), "child", column, texts)
        return
    wanted = [getattr(Child, c) for c in _COLUMNS]
    for chunk in in_chunks(values):
        yield from session.execute(select(*wanted).where(getattr(Child, column).in_(chunk)))


def open_cases_of(session: Session, child_ids: Iterable[int]) -> dict[int, list[CaseStatus]]:
    """The statuses of the live cases not closed of these children (at most one each)."""
    require(session, Action.CASE_IMPORT)
    out: dict[int, list[CaseStatus]] = {}
    if on_sqlite(session):
        found: Iterable[Sequence[Any]] = text_in(session, "child_id, status", "oos_case", "child_id",
                                                  child_ids,  # type: ignore[arg-type]  # ints: json_each's numbers
                                                  " AND deleted_at IS NULL AND status <> 'closed'")
    else:
        found = (r for chunk in in_chunks(child_ids) for r in session.execute(
            select(OosCase.child_id, OosCase.status).where(OosCase.child_id.in_(chunk),
                                                           OosCase.deleted_at.is_(None),
                                                           OosCase.status != CaseStatus.CLOSED.value)))
    for child_id, status in found:
        out.setdefault(int(child_id), []).append(CaseStatus(status))
    return out


def changed_since_check(session: Session, rows: Sequence[CaseRow], child_ids: Mapping[str, int]) -> list[Problem]:
    """What changed in the registry between the check and the import (another clerk,
    another window, the same plan imported already): a matched child moved to the bin or
    with an open case now; a new child (not one the clerk chose to add) whose national ID
    or G-code a live registry child holds now. One Problem a row, naming it; the commit calls
    it after taking the write lock and writes nothing when any is found."""
    require(session, Action.CASE_IMPORT)
    matched = [r for r in rows if r.kind is RowKind.MATCHED and r.child in child_ids]
    ids = {child_ids[str(r.child)] for r in matched}
    live: set[int] = set()
    if on_sqlite(session):  # one statement (json_each), not 65 chunks through SQLAlchemy's IN expansion
        live.update(int(i) for (i,) in text_in(session, "id", "child", "id", ids,  # type: ignore[arg-type]
                                               " AND deleted_at IS NULL"))
    else:
        for chunk in in_chunks(ids):
            live.update(int(i) for i in session.scalars(select(Child.id).where(Child.id.in_(chunk),
                                                                              Child.deleted_at.is_(None))))
    open_now = open_cases_of(session, ids & live)
    out: list[Problem] = []
    for r in matched:
        cid = child_ids[str(r.child)]
        if cid not in live:
            out.append(Problem("child", _("แถว {row} ({name}): เด็กคนนี้ถูกลบจากทะเบียนหลังการตรวจสอบ "
                                          "จึงยังไม่ได้นำเข้า โปรดตรวจสอบรายชื่ออีกครั้งแล้วนำเข้าใหม่")
                               .format(row=r.row, name=r.name)))
        elif open_case_problem(open_now.get(cid, [])) is not None:
            out.append(Problem("child", _("แถว {row} ({name}): เด็กคนนี้มีกรณีที่ยังไม่ปิดแล้ว (เปิดหลังการตรวจสอบ "
                                          "หรือนำเข้ารายชื่อนี้ไปแล้ว) จึงยังไม่ได้นำเข้า "
                                          "โปรดตรวจสอบรายชื่ออีกครั้งแล้วนำเข้าใหม่").format(row=r.row, name=r.name)))
    new = [(r, _list_row(r.planned)) for r in rows
           if r.kind is RowKind.NEW and not r.resolved and r.planned is not None and r.planned.parsed is not None]
    held: set[str] = set()
    for column, place in (("national_id", 5), ("g_code", 6)):  # places in _COLUMNS
        wanted = {getattr(x, column) for _r, x in new if getattr(x, column)}
        held.update(str(row[place]) for row in _children_with(session, column, wanted)
                    if row[place] and row[7] is None)  # live: as children.save_child
    for r, x in new:
        if (x.national_id and x.national_id in held) or (x.g_code and x.g_code in held):
            out.append(Problem("national_id" if x.national_id in held else "g_code", _(
                "แถว {row} ({name}): มีเด็กที่ใช้เลขประจำตัวนี้ในทะเบียนแล้ว (เพิ่มหลังการตรวจสอบ "
                "หรือนำเข้ารายชื่อนี้ไปแล้ว) จึงยังไม่ได้นำเข้า โปรดตรวจสอบรายชื่ออีกครั้งแล้วนำเข้าใหม่"
            ).format(row=r.row, name=r.name)))
    return out


# ------------------------------------------------------------------ the plan
def build_plan(session: Session, sheet: SheetLike, mapping: Mapping[int, str], *, today: date, source: str,
               resolutions: Mapping[int, str], progress: Progress | None,
               ignored: Collection[int]) -> CasePlan:
    """The plan (services/case_import.plan_case_import)."""
    require(session, Action.CASE_IMPORT)
    registry_map = _registry_mapping(mapping)
    case_columns = {k: i for i, k in mapping.items() if k in CASE_KEYS}
    planner = RowPlanner(session, sheet, registry_map, today, WholeFile(),
                       set(ignored) | set(case_columns.values()))
    try:
        missing = _file_checks(planner, set(planner.mapping.values()), source, today)
        planned = read_rows(planner, sheet, progress)
        if missing:  # counted, not checked one by one: what each row lacks follows from the file's problem
            return CasePlan(sheet.file_name, sheet.sheet, list(sheet.headers), dict(sorted(mapping.items())),
                            source, today, [], planner.file_problems, unchecked=len(planned))
        rows, ids = _kinds(session, planner, planned, case_columns, resolutions, source, today)
        new = [r.planned for r in rows if r.kind is RowKind.NEW and r.planned is not None]
        db_households, db_guardians = planner.registry_joins(new)
        db_addresses, joins = registry_addresses(session, new)
        if joins is not None:
            planner.file_problems.append(joins)
        db_household_guardians = household_guardians(session, [*db_households.values(), *db_addresses.values()])
        for r in rows:  # the warnings the joins add (an address that differs from the registry's)
            if r.planned is not None and r.kind is RowKind.NEW:
                r.problems += [p for p in r.planned.problems if p not in r.problems]
        child_ids = {r.child: ids[r.child] for r in rows if r.child is not None and r.child in ids}
        return CasePlan(sheet.file_name, sheet.sheet, list(sheet.headers), dict(sorted(mapping.items())), source,
                        today, rows, planner.file_problems, child_ids=child_ids,
                        db_households=db_households, db_guardians=db_guardians, db_addresses=db_addresses,
                        db_household_guardians=db_household_guardians)
    finally:
        planner.release()


def _case_text(sheet_cells: list[str], case_columns: Mapping[str, int]) -> tuple[str, str]:
    def cell(key: str) -> str:
        i = case_columns.get(key)
        return clean_text(sheet_cells[i]) if i is not None and i < len(sheet_cells) else ""

    school, remark = cell(LAST_SCHOOL), cell(CASE_NOTE)
    parts = [_("สถานศึกษาล่าสุด (ตามรายชื่อ): {school}").format(school=school)] if school else []
    if remark:
        parts.append(remark)
    return school, "\n".join(parts)


def _problem(planner: RowPlanner, row: PlannedRow, key: str, message: str) -> CellProblem:
    before = len(row.problems)
    planner.problem(row, key, message)
    found = row.problems[before]
    del row.problems[before:]
    return found


def _kinds(session: Session, planner: RowPlanner, planned: list[PlannedRow], case_columns: Mapping[str, int],
           resolutions: Mapping[int, str], source: str, today: date) -> tuple[list[CaseRow], dict[str, int]]:
    out: list[CaseRow] = []
    to_match: list[PlannedRow] = []
    aside: dict[int, list[CellProblem]] = {}
    unread = {(n, planner.mapping.get(col, "")) for n, col in getattr(planner.sheet, "bad_cells", None) or {}}
    for p in planned:
        aside[p.row] = _for_new_child_only(p, unread)
        school, note = _case_text(p.cells, case_columns)
        r = CaseRow(p.row, RowKind.INVALID, "", name=row_name(p.values, planner.clean),
                    last_school=school, note=note, planned=p)
        found = text_problem("note", note, NOTE_MAX, N_("บันทึกเพิ่มเติม"))
        if found is not None:
            p.problems.append(_problem(planner, p, CASE_NOTE if CASE_NOTE in case_columns else LAST_SCHOOL,
                                       found.message))
        r.problems = list(p.problems)
        if p.ok and p.parsed is not None:
            to_match.append(p)
        else:
            r.reason = _("ข้อมูลในแถวไม่ถูกต้อง โปรดแก้ตามที่แจ้งแล้วนำเข้าใหม่")
        out.append(r)
    list_rows = [_list_row(p) for p in to_match]
    registry, ids = registry_candidates(session, list_rows)
    results = {m.row: m for m in match_list(list_rows, registry)}
    live = {c.ref for c in registry if not c.deleted}
    by_row = {r.row: r for r in out}
    for p in to_match:
        _apply(by_row[p.row], results[p.row], resolutions.get(p.row))
    _resolved_ids(session, out, ids, live)
    _same_child_twice(out)
    _open_cases(session, out, ids, source, today)
    _ids_taken(planner, out, {p.row: lr for p, lr in zip(to_match, list_rows, strict=True)}, registry)
    for r in out:
        if r.kind is RowKind.NEW and r.planned is not None:
            _new_child_problems(planner, r, aside.get(r.row, []))
    return out, ids


def _apply(r: CaseRow, m: MatchResult, resolution: str | None) -> None:
    r.reason = m.reason
    if m.kind is MatchKind.MATCHED:
        r.kind, r.child = RowKind.MATCHED, m.child
    elif m.kind is MatchKind.NEW:
        r.kind = RowKind.NEW
    else:
        r.kind, r.candidates = RowKind.AMBIGUOUS, m.candidates
        if resolution == NEW_CHILD:
            r.kind, r.resolved = RowKind.NEW, True
            r.reason = _("ผู้นำเข้าเลือกให้เพิ่มเป็นเด็กใหม่ ({reason})").format(reason=m.reason)
        elif resolution:
            r.kind, r.child, r.resolved = RowKind.MATCHED, resolution, True
            r.reason = _("ผู้นำเข้าเลือกเด็กในทะเบียนเอง ({reason})").format(reason=m.reason)


def _resolved_ids(session: Session, rows: list[CaseRow], ids: dict[str, int], live: set[str]) -> None:
    """A child the clerk picked who is not among the candidates: looked up by uuid (live only)."""
    wanted = {r.child for r in rows if r.resolved and r.child is not None and r.child not in live}
    if wanted:
        for uuid, cid in session.execute(select(Child.uuid, Child.id).where(Child.uuid.in_(sorted(wanted)),
                                                                            Child.deleted_at.is_(None))):
            ids[uuid] = int(cid)
            live.add(uuid)
    for r in rows:
        if r.resolved and r.child is not None and r.child not in live:
            r.kind, r.child = RowKind.INVALID, None
            r.reason = _("ไม่พบเด็กที่เลือกไว้ในทะเบียน (อาจถูกลบไปแล้ว) โปรดเลือกใหม่")
            r.problems.append(CellProblem(r.row, "", "child", "", r.reason, ERROR, r.name))


def _same_child_twice(rows: list[CaseRow]) -> None:
    """Two rows on one registry child (a clerk's pick the same as another row's match)."""
    first: dict[str, int] = {}
    for r in rows:
        if r.kind is RowKind.MATCHED and r.child is not None:
            before = first.setdefault(r.child, r.row)
            if before != r.row:
                r.kind, r.candidates, r.child = RowKind.AMBIGUOUS, (r.child,), None
                r.reason = _("ตรงกับเด็กในทะเบียนคนเดียวกับแถวที่ {row} ในรายชื่อนี้").format(row=before)


def _ids_taken(planner: RowPlanner, rows: list[CaseRow], list_rows: Mapping[int, ListRow],
               registry: Sequence[RegistryChild]) -> None:
    """A row that becomes a new child (the clerk chose "new" for a repeat of the list's own
    row, or for an ID held by a child of another name) keeps its national ID or G-code only
    if nobody holds it: no live registry child (the registry refuses a second child with one
    ID: children.save_child; one in the bin does not stop it there either) and no earlier
    imported row of the list. Only a row the clerk made new can: ``match_list`` already
    sends a row whose ID a registry child or an earlier row holds to be looked at, so a
    plan without such a choice (the usual one) does not walk the registry here again."""
    if not any(r.kind is RowKind.NEW and r.resolved for r in rows):
        return
    holders: dict[str, str] = {}
    for c in registry:
        for ident in (c.national_id, c.g_code):
            if ident and not c.deleted:
                holders.setdefault(ident, f"{c.first_name} {c.last_name}")
    earlier: dict[str, int] = {}
    for r in sorted(rows, key=lambda r: r.row):
        lr = list_rows.get(r.row)
        if lr is None or not r.imported or r.planned is None:
            continue
        for key, ident in (("national_id", lr.national_id), ("g_code", lr.g_code)):
            if ident and r.kind is RowKind.NEW and (ident in holders or ident in earlier):
                who = holders.get(ident) or _("แถวที่ {row} ในรายชื่อนี้").format(row=earlier[ident])
                r.kind, r.child = RowKind.INVALID, None
                r.reason = _("เลขนี้เป็นของ {who} อยู่แล้ว จึงเพิ่มเป็นเด็กใหม่ไม่ได้ โปรดเลือกเด็กคนนั้นแทน "
                             "หรือแก้เลขในไฟล์ให้ถูก แล้วตรวจสอบใหม่").format(who=who)
                found = _problem(planner, r.planned, key, r.reason)
                r.problems.append(found)
                r.planned.problems.append(found)
                break
            if ident:
                earlier.setdefault(ident, r.row)


def _open_cases(session: Session, rows: list[CaseRow], ids: dict[str, int], source: str, today: date) -> None:
    matched = [r for r in rows if r.kind is RowKind.MATCHED and r.child is not None]
    statuses = open_cases_of(session, {ids[r.child] for r in matched if r.child in ids})
    for r in matched:
        assert r.child is not None
        found = open_case_problem(statuses.get(ids.get(r.child, -1), []))
        if found is not None:
            r.kind, r.reason = RowKind.OPEN_CASE, found.message


def _new_child_problems(planner: RowPlanner, r: CaseRow, aside: list[CellProblem]) -> None:
    """What a new child needs that a matched row does not: the registry's own problems set
    aside (a prefix, sex or birth date left empty), and the sex (or a prefix that says it)
    and the birth date when the file has no such column."""
    p = r.planned
    assert p is not None and p.parsed is not None
    c = p.parsed.child
    warnings = [x for x in aside if x.severity == WARNING]
    r.problems += warnings
    p.problems += warnings
    found = [x for x in aside if x.severity == ERROR]
    said = {x.field for x in found}
    if c.sex is None and "sex" not in said:
        found.append(_problem(planner, p, "sex", _(
            "ไม่มีเพศ (หรือคำนำหน้าชื่อที่บอกเพศ) จึงเพิ่มเป็นเด็กใหม่ในทะเบียนไม่ได้ โปรดกรอกเพศ ชาย หรือ หญิง")))
    if c.birth_date is None and "birth_date" not in said:
        found.append(_problem(planner, p, "birth_date", _(
            "ไม่มีวันเกิด จึงเพิ่มเป็นเด็กใหม่ในทะเบียนไม่ได้ โปรดกรอกวันเกิด")))
    if found:
        r.kind = RowKind.INVALID
        r.reason = _("ไม่พบในทะเบียน และข้อมูลไม่พอสำหรับเพิ่มเป็นเด็กใหม่")
        r.problems += found
        p.problems += found


__all__ = ["CaseSource", "build_plan", "changed_since_check", "open_cases_of", "registry_candidates", "suggest_case_mapping"]
