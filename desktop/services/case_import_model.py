"""What a case list's import plan is made of (issue 13; services/case_import.py): each row
of the list as planned (matched to a registry child, a new child, to look at, invalid,
already an open case) and the plan. No Qt, no SQL."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from desktop.i18n import N_, _
from desktop.services.imports.model import ERROR, CellProblem, PlannedRow


class RowKind(StrEnum):
    MATCHED = "matched"  # a child already in the registry: a case for that child
    NEW = "new"  # nobody in the registry: a new child, then a case
    AMBIGUOUS = "ambiguous"  # someone may fit: left out until the clerk picks the child or "new"
    INVALID = "invalid"  # the row's own checks failed (row, field and a Thai message)
    OPEN_CASE = "open_case"  # the child already has an open case: left out


KIND_LABELS = {
    RowKind.MATCHED: N_("ตรงกับเด็กในทะเบียน"),
    RowKind.NEW: N_("เด็กใหม่"),
    RowKind.AMBIGUOUS: N_("ต้องตรวจสอบ"),
    RowKind.INVALID: N_("ข้อมูลไม่ถูกต้อง"),
    RowKind.OPEN_CASE: N_("มีกรณีที่ยังไม่ปิดอยู่แล้ว"),
}

NEW_CHILD = "new"  # a resolution that makes an ambiguous row a new child

# The case list's own columns (besides the registry's column keys, desktop/domain/columns.py)
LAST_SCHOOL = "last_school"
CASE_NOTE = "case_note"


def kind_label(kind: RowKind | str) -> str:
    return _(KIND_LABELS[RowKind(kind)])


@dataclass
class CaseRow:
    """One row of the list as planned."""

    row: int  # the spreadsheet's row number
    kind: RowKind
    reason: str  # Thai: why this kind (the matching's reason, or what to fix)
    name: str = ""  # the child's name as the row writes it
    child: str | None = None  # the registry child's uuid (matched, open case)
    candidates: tuple[str, ...] = ()  # the registry children it may be (ambiguous)
    resolved: bool = False  # the clerk picked the child or "new"
    last_school: str = ""
    note: str = ""  # the case's note (the last school, the list's remark)
    problems: list[CellProblem] = field(default_factory=list)  # the row checks' errors and warnings
    planned: PlannedRow | None = field(default=None, repr=False, compare=False)

    @property
    def imported(self) -> bool:
        return self.kind in (RowKind.MATCHED, RowKind.NEW)


@dataclass
class CasePlan:
    file_name: str
    sheet: str
    headers: list[str]
    mapping: dict[int, str]
    source: str  # domain.cases.CaseSource
    today: date
    rows: list[CaseRow]
    file_problems: list[CellProblem]
    child_ids: dict[str, int] = field(default_factory=dict, repr=False)  # registry uuid -> id
    # the registry's households and guardians the new children join (imports.plan's)
    db_households: dict[str, int] = field(default_factory=dict, repr=False)
    db_guardians: dict[str, int] = field(default_factory=dict, repr=False)
    db_addresses: dict[tuple[str, ...], int] = field(default_factory=dict, repr=False)
    db_household_guardians: dict[tuple[int, str, str], int] = field(default_factory=dict, repr=False)
    # the file's rows not checked one by one: the file has no column naming the child or
    # none to match by (a file problem says which, once); ``rows`` is then empty
    unchecked: int = 0

    @property
    def blocked(self) -> bool:
        """A problem of the whole file (no name column, nothing to match by) stops every row."""
        return any(p.severity == ERROR for p in self.file_problems)

    def importable(self) -> Iterator[CaseRow]:
        if not self.blocked:
            yield from (r for r in self.rows if r.imported)

    def count(self, kind: RowKind) -> int:
        if self.blocked and kind in (RowKind.MATCHED, RowKind.NEW):
            return 0
        return sum(1 for r in self.rows if r.kind is kind)

    def counts(self) -> dict[RowKind, int]:
        return {kind: self.count(kind) for kind in RowKind}

    def problems(self) -> list[CellProblem]:
        """The file's problems, then every row's errors (the row checks', and why a row is
        left out), by row."""
        out = list(self.file_problems)
        for r in sorted(self.rows, key=lambda r: r.row):
            out.extend(r.problems)
        return out

    def errors(self) -> list[CellProblem]:
        return [p for p in self.problems() if p.severity == ERROR]
