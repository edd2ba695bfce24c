"""What an import plan is made of: the problems found, each row as planned, the plan."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Protocol

from desktop.domain.address import Address
from desktop.domain.child import ChildInput
from desktop.services.children import EnrollmentForm, GuardianForm

if TYPE_CHECKING:
    from .wholefile import WholeFile  # wholefile imports this module

ERROR = "error"
WARNING = "warning"


class SheetLike(Protocol):
    """What the plan needs of ``desktop.reports.sheets.SheetData``."""

    @property
    def file_name(self) -> str: ...
    @property
    def sheet(self) -> str: ...
    @property
    def headers(self) -> list[str]: ...
    @property
    def rows(self) -> list[list[str]]: ...
    @property
    def row_numbers(self) -> list[int]: ...


@dataclass(frozen=True)
class CellProblem:
    row: int  # spreadsheet row number; 0 for a problem of the whole file
    column: str  # the header as written in the file; "" when not tied to one column
    field: str  # column key (desktop.domain.columns); "" when none
    value: str  # the cell text
    message: str  # Thai: what is wrong and what to do
    severity: str = ERROR  # "error": not imported; "warning": imported, worth a look
    name: str = ""  # the child's name as the row writes it, shown beside the row number


@dataclass
class ParsedRow:
    """A row's values as they will be written (internal to the import)."""

    child: ChildInput
    address: Address
    house_code: str
    household_key: tuple[str, ...] | None
    guardian: GuardianForm | None
    guardian_key: tuple[str, ...] | None
    enrollment: EnrollmentForm | None


@dataclass
class PlannedRow:
    row: int
    values: dict[str, str]  # column key -> cell text as in the file
    problems: list[CellProblem] = field(default_factory=list)
    cells: list[str] = field(default_factory=list, repr=False, compare=False)
    parsed: ParsedRow | None = field(default=None, repr=False, compare=False)

    @property
    def ok(self) -> bool:
        return not self.problems or not any(p.severity == ERROR for p in self.problems)

    @property
    def has_warning(self) -> bool:
        return bool(self.problems) and any(p.severity == WARNING for p in self.problems)


@dataclass
class ImportPlan:
    file_name: str
    sheet: str
    headers: list[str]
    mapping: dict[int, str]
    rows: list[PlannedRow]
    file_problems: list[CellProblem]
    institution_id: int | None
    year_be: int | None
    today: date = field(default_factory=date.today, repr=False)
    db_households: dict[str, int] = field(default_factory=dict, repr=False)  # house code -> id
    db_guardians: dict[str, int] = field(default_factory=dict, repr=False)  # national ID -> id
    # household key of rows without a house code -> the registry household at that address
    db_addresses: dict[tuple[str, ...], int] = field(default_factory=dict, repr=False)
    # (registry household, first name, last name) -> its guardian (rows that join it)
    db_household_guardians: dict[tuple[int, str, str], int] = field(default_factory=dict, repr=False)
    whole: WholeFile | None = None  # the clerk's values for the whole file (kept with the batch)

    @property
    def blocked(self) -> bool:
        """A problem of the whole file (e.g. a required column not mapped) stops every row."""
        return any(p.severity == ERROR for p in self.file_problems)

    def importable(self) -> Iterator[PlannedRow]:
        if not self.blocked:
            yield from (r for r in self.rows if r.ok)

    @property
    def valid_count(self) -> int:
        """Rows that will be imported (with or without warnings)."""
        return 0 if self.blocked else sum(1 for r in self.rows if r.ok)

    @property
    def error_count(self) -> int:
        """Rows that will not be imported."""
        return len(self.rows) - self.valid_count

    @property
    def warning_count(self) -> int:
        """Rows that will be imported but have a warning to look at."""
        return sum(1 for r in self.importable() if r.has_warning)

    def problems(self) -> list[CellProblem]:
        """Every problem: the file's first, then by row and by column position."""
        position = {h: i for i, h in reversed(list(enumerate(self.headers)))}
        end = len(self.headers)
        out = list(self.file_problems)
        for r in sorted(self.rows, key=lambda r: r.row):
            out.extend(sorted(r.problems, key=lambda p: position.get(p.column, end) if p.column else end))
        return out
