"""Reading a children spreadsheet into an import plan: every row mapped, parsed and checked
with the same rules as the child form, before anything is written.

The per-row work is plain Python over the cells; everything that touches the database is
done in bulk before the rows are walked (live institutions once; children, households and
guardians with the file's IDs and birth dates by chunked ``IN (...)`` queries), so the
number of queries does not grow with the rows. Values that repeat down a column (prefixes,
sexes, birth dates, institutions, levels, addresses, years) are parsed once.

The duplicate checks and the registry's households and guardians by house code and ID
live in duplicates.py (the planner inherits them); the registry households that rows
join by their address, in joins.py.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from datetime import date
from itertools import compress
from operator import itemgetter

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain.address import ADDRESS_FIELDS, Address
from desktop.domain.child import NO_ADDRESS, ChildInput, validate_child
from desktop.domain.columns import COLUMN_BY_KEY, missing_required
from desktop.domain.dates import DateParseError, academic_year_of, parse_date
from desktop.domain.errors import Problem
from desktop.domain.identity import IdType, normalise_g_code, normalise_national_id
from desktop.domain.levels import level_age_problem, level_by_code, level_from_label
from desktop.domain.people import (
    expected_prefixes,
    normalise_prefix,
)
from desktop.domain.roles import Action
from desktop.domain.text import clean_text, digits_only
from desktop.i18n import _
from desktop.services.access import require
from desktop.services.backup import BEFORE_IMPORT
from desktop.services.backup_ahead import backup_ahead
from desktop.services.children import (
    EnrollmentForm,
    GuardianForm,
    enrollment_problems,
)
from desktop.services.progress import Progress
from desktop.store.models import Institution

from .addresses import (
    Houses,
    address_key,
    difference_message,
    part_key,
)
from .cells import (
    PREFIX_SEX,
    Memo,
    MemoRules,
    memo,
    no_gc,
    parse_sex,
    parse_year_be,
    split_full_name,
)
from .duplicates import Duplicates, name_part
from .guardian_rules import GuardianRules
from .idcolumns import decide_id_columns
from .joins import household_guardians, registry_addresses
from .model import (
    ERROR,
    WARNING,
    CellProblem,
    ImportPlan,
    ParsedRow,
    PlannedRow,
    SheetLike,
)
from .names import child_prefix, guardian_name, row_name
from .read_rows import read_rows
from .row_address import RowAddresses
from .wholefile import WholeFile, whole_file_notes

__all__ = [
    "NO_ID_REASON", "CellProblem", "ImportPlan", "PlannedRow", "RowPlanner", "SheetLike", "no_gc",
    "parse_sex", "parse_year_be", "plan_import", "read_rows", "split_full_name",
]

NO_ID_REASON = "ไม่ระบุในไฟล์นำเข้า"  # stored as the child's reason: data, Thai in any language
THAI_NATIONALITY = "ไทย"  # stored for a child with a national ID
HOUSE_CODE_DIGITS = 11


def _institution_key(text: str) -> str:
    return re.sub(r"\s+", "", clean_text(text)).casefold()


_NO_ADDRESS = ("",) * len(ADDRESS_FIELDS)
_GUARDIAN_KEYS = frozenset(k for k in COLUMN_BY_KEY if k.startswith("guardian_"))
_GUARDIAN_ORDER = tuple(k for k in COLUMN_BY_KEY if k.startswith("guardian_"))

# Where each validation field comes from in the file.
_FIELD_KEYS: dict[str, str] = {
    **{name: name for name in ("prefix", "first_name", "last_name", "first_name_en",
                               "last_name_en", "sex", "birth_date", "national_id", "g_code",
                               "no_id_reason", "nationality", "disability")},
    **{f"address.{name}": name for name in ADDRESS_FIELDS},
    **{f"guardians[0].{name}": f"guardian_{name}" for name in (
        "prefix", "first_name", "last_name", "national_id", "phone", "occupation", "relation")},
    "enrollment.institution_id": "institution",
    "enrollment.year_be": "year_be",
    "enrollment.level_code": "level",
    "enrollment.classroom": "classroom",
}


def _level_label(code: str) -> str:
    try:
        return level_by_code(code).label if code else ""
    except KeyError:
        return ""  # said once for the file (wholefile.py)


# ---------------------------------------------------------------------------- the planner
class RowPlanner(Duplicates):
    def __init__(self, session: Session, sheet: SheetLike, mapping: dict[int, str], today: date,
                 whole: WholeFile, ignored: Collection[int] = ()) -> None:
        self.session = session
        self.sheet = sheet
        # a column of national IDs that is not mapped: taken as the child's ID, or an error
        mapping, id_problems = decide_id_columns(sheet.headers, sheet.rows, mapping, ignored)
        self.mapping = dict(sorted(mapping.items()))
        self.today = today
        self.whole = whole
        self.default_institution = whole.institution_id
        self.default_year = whole.year_be
        self.default_level = _level_label(whole.level_code)
        self.header_of = {key: sheet.headers[i] for i, key in self.mapping.items()}
        self.keys = tuple(self.mapping.values())
        columns = tuple(self.mapping)
        self.pick: Callable[[list[str]], tuple[str, ...]] = (
            itemgetter(*columns) if len(columns) > 1
            else (lambda cells: tuple(cells[i] for i in columns)))
        self.file_problems: list[CellProblem] = id_problems
        self.houses = Houses()
        self.address_key = memo(address_key)
        self.part_key = memo(part_key)
        self.name_part = memo(name_part)  # name_key(first, last) = the two parts joined
        self.child_rules = MemoRules()
        self.quiet_keys: set[str] = set()  # required columns missing: said once for the file
        self.clean = memo(clean_text)
        self.prefix = memo(normalise_prefix)
        self.sex = memo(parse_sex)
        self.year = memo(parse_year_be)
        self.level = memo(level_from_label)
        self.address = RowAddresses(self.part_key).address
        self.guardians = GuardianRules(self.clean)
        self.guardian_rules = self.guardians.rules
        self.guardian_name = memo(guardian_name)
        self.birth = memo(self._birth)
        self.enrollment_parts = memo(self._enrollment_parts)
        self.level_age = memo(self._level_age)
        self.institutions = self._load_institutions()

    # ------------------------------------------------------------ cached parsers
    def _birth(self, text: str) -> date | str:
        try:
            return parse_date(text)
        except DateParseError as exc:
            return str(exc)

    def _load_institutions(self) -> dict[str, tuple[int, str]]:
        found: dict[str, tuple[int, str]] = {}
        # The loaded objects are kept for the whole plan so that the child form's enrolment
        # rule finds them in the session's identity map (session.get without a query).
        live = list(self.session.scalars(
            select(Institution).where(Institution.deleted_at.is_(None)).order_by(Institution.id)
        ))
        self._held: list[object] = [*live]
        if self.default_institution is not None:
            self._held.append(self.session.get(Institution, self.default_institution))
        for inst in live:
            for key in (_institution_key(inst.name), _institution_key(inst.code)):
                if key:
                    found.setdefault(key, (int(inst.id), str(inst.name)))
        return found

    def release(self) -> None:
        """Drop the caches and held objects: the caches hold bound methods of the planner (a
        reference cycle), so without this only the cyclic collector would free them."""
        for value in vars(self).values():
            owner = getattr(value, "__self__", None)
            if isinstance(owner, Memo):
                owner.clear()
        self.child_rules = MemoRules()
        self.guardians.clear()
        self._held = []

    # ------------------------------------------------------------ problems
    def problem(self, row: PlannedRow, key: str, message: str, severity: str = ERROR,
                *, value: str | None = None, column_key: str | None = None) -> None:
        col_key = column_key or key
        header = self.header_of.get(col_key, "")
        if not header and col_key in ("prefix", "first_name", "last_name"):
            header = self.header_of.get("full_name", "")
            col_key = "full_name" if header else col_key
        if not header and col_key in COLUMN_BY_KEY:
            message += _(" (ไฟล์ไม่มีคอลัมน์ '{column}')").format(column=COLUMN_BY_KEY[col_key].display_label)
        cell = value if value is not None else row.values.get(col_key, "")
        row.problems.append(CellProblem(row.row, header, key, cell, message, severity,
                                        row_name(row.values, self.clean)))

    # ------------------------------------------------------------ the file
    def check_file(self) -> None:
        keys = set(self.mapping.values())
        unknown = keys - COLUMN_BY_KEY.keys()
        if unknown:
            raise ValueError(f"unknown column keys in mapping: {sorted(unknown)}")
        seen: dict[str, int] = {}
        for i, key in self.mapping.items():
            if not 0 <= i < len(self.sheet.headers):
                raise ValueError(f"mapping refers to column {i}; the sheet has {len(self.sheet.headers)}")
            if key in seen:
                self.file_problems.append(CellProblem(
                    0, self.sheet.headers[i], key, "",
                    _("คอลัมน์ '{first}' และ '{second}' จับคู่กับ '{field}' ทั้งคู่ โปรดเลือกให้เหลือคอลัมน์เดียว").format(
                        first=self.sheet.headers[seen[key]], second=self.sheet.headers[i],
                        field=COLUMN_BY_KEY[key].display_label)))
            seen.setdefault(key, i)
        for col in missing_required(keys):
            self.quiet_keys.add(col.key)
            self.file_problems.append(CellProblem(
                0, "", col.key, "",
                _("ไฟล์ไม่มีคอลัมน์ '{column}' ซึ่งจำเป็นต้องมี โปรดเพิ่มคอลัมน์นี้ในไฟล์ "
                  "หรือจับคู่คอลัมน์ที่มีข้อมูลนี้ให้ตรงกัน จึงจะนำเข้าได้").format(column=col.display_label)))
        if not self.sheet.rows:
            self.file_problems.append(CellProblem(0, "", "", "", _(
                "ไม่พบข้อมูลในแผ่นงานนี้ โปรดเลือกแผ่นงานอื่นหรือตรวจสอบแถวหัวตาราง")))
        self.check_whole_file(keys)

    def check_whole_file(self, keys: set[str]) -> None:
        """The clerk's values for the whole file: said once here, not on every row."""
        problems, level_said = whole_file_notes(self.session, self.whole, "institution" in keys)
        self.file_problems += problems
        if level_said:
            self.quiet_keys.add("level")  # not again on every row

    # ------------------------------------------------------------ one row
    def plan_row(self, number: int, cells: list[str]) -> PlannedRow | None:
        picked = self.pick(cells)  # the mapped cells, in column order (operator.itemgetter)
        values = dict(compress(zip(self.keys, picked, strict=True), picked))  # the non-empty ones
        if not values:
            return None  # an empty row
        row = PlannedRow(number, values, cells=cells)
        v = values.get
        clean = self.clean
        quiet: set[str] = set()  # fields already reported by the import's own parsing

        # names: own columns first, then the full name split
        prefix_raw, first, last = v("prefix", ""), v("first_name", ""), v("last_name", "")
        full = v("full_name", "")
        if full:
            f_prefix, f_first, f_last = split_full_name(full)
            prefix_raw = prefix_raw or f_prefix
            if not first and not last:
                first, last = f_first, f_last

        sex_text = v("sex", "")
        sex = self.sex(sex_text) if sex_text else None
        if sex_text and sex is None:
            self.problem(row, "sex", _("ไม่รู้จักเพศ '{sex}' โปรดกรอก ชาย หรือ หญิง").format(sex=clean(sex_text)))
            quiet.add("sex")
        birth: date | None = None
        birth_text = v("birth_date", "")
        if birth_text:
            parsed = self.birth(birth_text)
            if isinstance(parsed, str):
                self.problem(row, "birth_date", parsed)
                quiet.add("birth_date")
            else:
                birth = parsed

        # a prefix typed into the name: ด.ช.ภูผา, เด็กหญิงมะลิ
        prefix_raw, first = child_prefix(prefix_raw, first, birth, self.today, self.prefix)
        prefix = self.prefix(prefix_raw)
        if sex is None and not sex_text:
            sex = PREFIX_SEX.get(prefix)

        if not prefix and sex is not None and birth is not None and birth <= self.today:
            fits = expected_prefixes(sex, birth, self.today)
            if len(fits) == 1:  # a child: เด็กชาย / เด็กหญิง, an adult man: นาย
                prefix = fits[0]

        # an ID of ASCII digits alone is already clean and normalised (the usual cell: no
        # memo of 50k different values)
        nid = v("national_id", "")
        if not (nid.isdigit() and nid.isascii()):
            nid = normalise_national_id(clean(nid))
        gcode = normalise_g_code(clean(v("g_code", "")))
        reason = clean(text) if (text := v("no_id_reason")) else ""  # (a cell read is never "")
        if nid:
            id_type = IdType.NATIONAL_ID
            if gcode:
                self.problem(row, "g_code", _("แถวนี้มีทั้งเลขประจำตัวประชาชนและรหัส G "
                                              "จะบันทึกเฉพาะเลขประจำตัวประชาชน"), WARNING)
        elif gcode:
            id_type = IdType.G_CODE
        else:
            id_type = IdType.NONE
            if not reason:
                reason = NO_ID_REASON
                self.problem(row, "national_id", _("ไม่มีเลขประจำตัวประชาชนหรือรหัส G "
                                                   "จะบันทึกเป็นเด็กที่ไม่มีเลขประจำตัว (เหตุผล: {reason}) "
                                                   "ถ้ามีเลข โปรดเพิ่มในไฟล์หรือแก้ในทะเบียนภายหลัง"
                                                   ).format(reason=NO_ID_REASON), WARNING)
        nationality = (clean(text) if (text := v("nationality")) else "") or (
            THAI_NATIONALITY if id_type is IdType.NATIONAL_ID else "")

        raw_address = tuple(map(v, ADDRESS_FIELDS, _NO_ADDRESS))
        address, address_problem_list, compared = self.address(raw_address)
        house_code = digits_only(clean(text)) if (text := v("house_code")) else ""
        if house_code and (len(house_code) != HOUSE_CODE_DIGITS or not house_code.isascii()
                           or not house_code.isdigit()):
            self.problem(row, "house_code", _("รหัสประจำบ้านต้องเป็นตัวเลข 11 หลัก "
                                              "(ตามทะเบียนบ้าน) โปรดตรวจสอบ หรือเว้นว่างไว้"))

        child = ChildInput(
            prefix=prefix, first_name=clean(first), last_name=clean(last),
            first_name_en=clean(text) if (text := v("first_name_en")) else "",
            last_name_en=clean(text) if (text := v("last_name_en")) else "",
            sex=sex, birth_date=birth, id_type=id_type,
            national_id=nid if id_type is IdType.NATIONAL_ID else "",
            g_code=gcode if id_type is IdType.G_CODE else "",
            no_id_reason=reason if id_type is IdType.NONE else "",
            nationality=nationality, disability=clean(text) if (text := v("disability")) else "",
            address=NO_ADDRESS,  # the row's address is checked and kept apart (ParsedRow)
        )
        # the child's fields are normalised above (normalise_child's rules, value by value)
        found = validate_child(child, today=self.today, normalised=True, rules=self.child_rules)
        found += address_problem_list

        guardian = None
        if not _GUARDIAN_KEYS.isdisjoint(values):
            g_prefix, g_first, g_last = self.guardian_name((
                v("guardian_prefix", ""), v("guardian_first_name", ""), v("guardian_last_name", "")))
            g_nid = v("guardian_national_id", "")
            if not (g_nid.isdigit() and g_nid.isascii()):
                g_nid = normalise_national_id(clean(g_nid))
            guardian = GuardianForm(
                prefix=g_prefix, first_name=g_first, last_name=g_last, national_id=g_nid,
                phone=digits_only(v("guardian_phone", "")),
                occupation=clean(v("guardian_occupation", "")),
                relation=clean(v("guardian_relation", "")) or self.whole.relation,
                is_primary=True,
            )
            found += self.guardian_rules((
                guardian.prefix, guardian.first_name, guardian.last_name, guardian.national_id,
                guardian.phone, guardian.occupation, guardian.relation))
            if not guardian.relation:
                self.no_relation(row, quiet)

        enrollment = self.enrollment_of(row, child, quiet, found)

        for p in found:
            key = _FIELD_KEYS.get(p.field, "")
            if key in quiet or key in self.quiet_keys:
                continue
            self.problem(row, key, p.message)

        household_key: tuple[str, ...] | None = None
        if house_code or (address.house_no and (address.subdistrict or address.district
                                                or address.province)):
            # one household: one house code, or the same whole address (not only the same
            # house number: the rest of the address may differ, see addresses.py)
            household_key = ("code", house_code) if house_code else ("address", *compared)
            differs = self.houses.check(number, compared, house_code)
            if differs is not None:
                first_row, names = differs
                self.problem(row, names[0], difference_message(first_row, names, by_code=bool(house_code)),
                             WARNING)
        elif address != Address():
            household_key = ("row", str(number))
        guardian_key: tuple[str, ...] | None = None
        if guardian is not None:
            if guardian.national_id:
                guardian_key = ("nid", guardian.national_id)
            else:
                guardian_key = ("name", *(household_key or ("row", str(number))),
                                self.name_part(guardian.first_name) + self.name_part(guardian.last_name))
        row.parsed = ParsedRow(child, address, house_code, household_key, guardian, guardian_key,
                               enrollment)
        return row

    def no_relation(self, row: PlannedRow, quiet: set[str]) -> None:
        """A guardian without a relation in a file without a relation column, nor one for the
        whole file: the error names the row and the column that holds the guardian (with a
        relation column, the child form's rule names that column)."""
        if "guardian_relation" in self.header_of:
            return
        quiet.add("guardian_relation")
        column = next((k for k in _GUARDIAN_ORDER if k in row.values), "guardian_first_name")
        self.problem(row, "guardian_relation", _(
            "ไม่ได้ระบุความเกี่ยวข้องของผู้ปกครองกับเด็ก โปรดเลือกความเกี่ยวข้องสำหรับทั้งไฟล์ เช่น แม่ "
            "หรือเพิ่มคอลัมน์ '{column}' ในไฟล์").format(column=COLUMN_BY_KEY["guardian_relation"].display_label),
            column_key=column)

    def enrollment_of(self, row: PlannedRow, child: ChildInput, quiet: set[str],
                      found: list[Problem]) -> EnrollmentForm | None:
        v = row.values.get
        own_level = v("level", "")
        key = (v("institution", ""), own_level or self.default_level, v("year_be", ""),
               v("classroom", "") or self.whole.classroom, bool(own_level))
        form, own, rules = self.enrollment_parts(key)
        for col, message, severity in own:
            self.problem(row, col, message, severity)
            if severity == ERROR:
                quiet.add(col)
        found.extend(rules)
        if form is None or child.birth_date is None or child.birth_date > self.today:
            return form
        if key[1]:
            age_message = self.level_age((key[1], child.birth_date))  # by the level's text
            if age_message:
                self.problem(row, "level", age_message, WARNING)
        return EnrollmentForm(form.institution_id, form.year_be, form.level_code, form.classroom)

    def _level_age(self, key: tuple[str, date]) -> str | None:
        level = self.level(key[0])
        return None if level is None else level_age_problem(level, key[1], self.today)

    def _enrollment_parts(
        self, key: tuple[str, str, str, str, bool]
    ) -> tuple[EnrollmentForm | None, list[tuple[str, str, str]], tuple[Problem, ...]]:
        """What the institution, level, year and classroom cells give (the same four cells
        repeat for a whole class; an empty one takes the clerk's value for the whole file):
        the enrolment, the import's own problems, and the problems of the child form's
        enrolment rules."""
        inst_text, level_text, year_text, classroom, own_level = key
        own: list[tuple[str, str, str]] = []
        institution_id = self.default_institution
        if inst_text:
            hit = self.institutions.get(_institution_key(inst_text))
            if hit is None:
                own.append(("institution", _(
                    "ไม่พบสถานศึกษา '{name}' ในทะเบียน โปรดแก้ให้ตรงกับชื่อหรือรหัสในเมนูสถานศึกษา "
                    "หรือเพิ่มสถานศึกษานี้ในเมนูสถานศึกษาก่อนแล้วนำเข้าใหม่").format(name=clean_text(inst_text)), ERROR))
                return None, own, ()
            institution_id = hit[0]
        if institution_id is None:
            if level_text and own_level:
                own.append(("level", _("มีชั้นเรียนแต่ไม่ได้ระบุสถานศึกษา จะนำเข้าเด็กโดยไม่บันทึก"
                                       "การเข้าเรียน ถ้าต้องการ โปรดเพิ่มคอลัมน์สถานศึกษาหรือเลือกสถานศึกษาตั้งต้น"),
                            WARNING))
            return None, own, ()
        year_be = self.year(year_text) if year_text else self.default_year
        quiet: set[str] = set()
        if year_be is None:
            own.append(("year_be", _("อ่านปีการศึกษา '{year}' ไม่ได้ โปรดกรอกปี พ.ศ. 4 หลัก เช่น 2569"
                                     ).format(year=clean_text(year_text)), ERROR))
            quiet.add("enrollment.year_be")
        level = self.level(level_text) if level_text else None
        if not level_text:
            own.append(("level", _("ยังไม่ได้ระบุชั้นเรียน โปรดกรอกชั้น เช่น อ.1 ป.1 ม.1 "
                                   "หรือ เด็กเล็ก 3 ขวบ หรือเลือกชั้นสำหรับทั้งไฟล์"), ERROR))
            quiet.add("enrollment.level_code")
        elif level is None:
            own.append(("level", _("ไม่รู้จักชั้น '{level}' โปรดกรอกชั้น เช่น อ.1 ป.1 ม.1 หรือ เด็กเล็ก 3 ขวบ"
                                   ).format(level=clean_text(level_text)), ERROR))
            quiet.add("enrollment.level_code")
        code = level.code if level is not None else ""
        form = EnrollmentForm(institution_id, year_be, code, clean_text(classroom))
        rules = tuple(p for p in enrollment_problems(self.session, form) if p.field not in quiet)
        return form, own, rules


def plan_import(
    session: Session,
    sheet: SheetLike,
    mapping: dict[int, str],
    *,
    today: date,
    institution_id: int | None = None,
    year_be: int | None = None,
    level_code: str = "",
    classroom: str = "",
    relation: str = "",
    progress: Progress | None = None,
    ignored_columns: Collection[int] = (),
    back_up_ahead: bool = False,
) -> ImportPlan:
    """Map, parse and check every row of ``sheet``; nothing is written.

    ``mapping`` is ``{column index: column key}`` (see ``suggest_mapping``).
    ``ignored_columns``: columns the clerk said are not imported; any other column not
    mapped whose values look like national IDs is mapped or stops the import (idcolumns.py).
    The clerk's values for the whole file, each used for the rows whose own cell is empty
    (or whose file has no such column): ``institution_id``, ``year_be`` (default: the
    academic year of ``today``), ``level_code`` (``"k2"``), ``classroom`` and the guardian
    ``relation``; checked once (wholefile.py), a bad one is a problem of the file.
    Footer, separator and repeated header rows are skipped with a note (footers.py).
    ``back_up_ahead``: an import is meant to follow; its backup starts now, on a thread
    (services/backup_ahead.py), and ``commit_import`` takes it.
    Raises ValueError for a mapping that names an unknown key or column (a program error).
    """
    require(session, Action.IMPORT)
    if back_up_ahead:
        backup_ahead(str(session.get_bind().engine.url), BEFORE_IMPORT)
    year = year_be if year_be is not None else academic_year_of(today)
    whole = WholeFile(institution_id, year, clean_text(level_code), clean_text(classroom),
                      clean_text(relation))
    with no_gc():
        return _plan(session, sheet, mapping, today, whole, progress, ignored_columns)


def _plan(session: Session, sheet: SheetLike, mapping: dict[int, str], today: date,
          whole: WholeFile, progress: Progress | None, ignored: Collection[int] = ()) -> ImportPlan:
    planner = RowPlanner(session, sheet, mapping, today, whole, ignored)
    try:
        return _plan_rows(planner, sheet, whole.institution_id, whole.year_be or 0, today, progress)
    finally:
        planner.release()


def _plan_rows(planner: RowPlanner, sheet: SheetLike, institution_id: int | None, year: int,
               today: date, progress: Progress | None) -> ImportPlan:
    planner.check_file()
    rows = read_rows(planner, sheet, progress)
    total = len(sheet.rows)
    db_households, db_guardians = planner.duplicates(rows)
    db_addresses, joins = registry_addresses(planner.session, rows)
    if joins is not None:
        planner.file_problems.append(joins)
    db_household_guardians = household_guardians(
        planner.session, [*db_households.values(), *db_addresses.values()])
    if progress is not None:
        progress.step(total, total, _("ตรวจข้อมูล"))
    return ImportPlan(
        file_name=sheet.file_name, sheet=sheet.sheet, headers=list(sheet.headers),
        mapping=planner.mapping, rows=rows, file_problems=planner.file_problems,
        institution_id=institution_id, year_be=year, today=today,
        db_households=db_households, db_guardians=db_guardians, db_addresses=db_addresses,
        db_household_guardians=db_household_guardians, whole=planner.whole,
    )
