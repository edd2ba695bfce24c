"""Reading every row of a sheet through the planner (``RowPlanner.plan_row``): the
children import (plan.py) and the case list import (services/case_import_plan.py) read
their rows so. Footers, separator and repeated header rows are skipped with a note
(footers.py); a cell without a value (a formula's) is an error of its row."""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop.i18n import _
from desktop.services.progress import Progress

from .footers import RowSkipper
from .model import ERROR, WARNING, CellProblem, PlannedRow, SheetLike

if TYPE_CHECKING:
    from .plan import RowPlanner


def _no_child_data(row: PlannedRow) -> bool:
    """Neither a birth date nor an ID was read: the row may be a footer or a line (the
    usual row with an error, a child's, is passed by here at no cost)."""
    child = row.parsed.child if row.parsed is not None else None
    return child is None or not (child.birth_date or child.national_id[:1].isdigit()
                                 or child.g_code[:1].upper() == "G")


def _bad_cells(planner: RowPlanner, sheet: SheetLike, rows: list[PlannedRow],
               bad_cells: dict[tuple[int, int], str], skipped: set[int]) -> None:
    """Cells the reader could not read as they are (a formula without a stored value, read
    as empty): an error of their row when their column is imported."""
    by_number = {r.row: r for r in rows}
    for (number, col), message in sorted(bad_cells.items()):
        key = planner.mapping.get(col)
        if key is None:
            continue
        row = by_number.get(number)
        if row is None and number in skipped:
            continue  # a footer's total as a formula without its value
        if row is None:  # the row looked empty: it is not
            if number not in sheet.row_numbers:
                continue
            cells = sheet.rows[sheet.row_numbers.index(number)]
            row = by_number[number] = PlannedRow(number, {}, cells=cells)
            rows.append(row)
        header = planner.header_of.get(key, "")
        row.problems[:] = [p for p in row.problems  # "not filled in": the cell is not empty, its value unread
                           if not (p.severity == ERROR and not p.value and (p.field == key or (header and p.column == header)))]
        planner.problem(row, key, message, value="")
    if len(rows) > 1 and rows[-1].row < rows[-2].row:  # a row was added
        rows.sort(key=lambda r: r.row)


def read_rows(planner: RowPlanner, sheet: SheetLike, progress: Progress | None) -> list[PlannedRow]:
    """Every row of ``sheet`` read and checked (``plan_row``; the children and the case
    imports): footers, separator and repeated header rows skipped with a note (footers.py),
    cells without a value (a formula's) an error of their row."""
    rows: list[PlannedRow] = []
    total = len(sheet.rows)
    step = max(1000, total // 100)
    if progress is not None:
        progress.step(0, total, _("ตรวจข้อมูล"))
    skipper = RowSkipper(sheet.headers)
    skipped: set[int] = set()
    for n, (number, cells) in enumerate(zip(sheet.row_numbers, sheet.rows, strict=True), start=1):
        planned = planner.plan_row(number, cells)
        # a row that would not import may be no child at all: a footer, a line, a header
        if (planned is not None and not planned.ok and _no_child_data(planned)) or (
                planned is None and any(cells)):
            note = skipper.reason(number, cells)
            if note is not None:
                planner.file_problems.append(CellProblem(number, "", "", skipper.shown(cells), note,
                                                         WARNING))
                skipped.add(number)
                continue
        if planned is not None:
            rows.append(planned)
        if progress is not None and n % step == 0:
            progress.step(n, total, _("ตรวจข้อมูล"))
    bad_cells = getattr(sheet, "bad_cells", None)
    if bad_cells:
        _bad_cells(planner, sheet, rows, bad_cells, skipped)
    return rows
