"""Importing children from a spreadsheet: plan (map, parse, validate, find duplicates),
preview, commit in one transaction, undo a whole batch. No Qt.

    plan = plan_import(session, read_sheet(path), suggest_mapping(session, headers), today=...)
    plan.problems()                 # every problem, with row, column and a Thai message
    batch = commit_import(session, plan, actor=...)
    undo_batch(session, batch.uuid)
"""

from __future__ import annotations

from .commit import (
    BATCH_HEADERS,
    BatchInfo,
    batch_cells,
    batch_status,
    commit_import,
    list_batches,
    undo_batch,
)
from .files import (
    error_report_rows,
    mapping_key,
    remember_mapping,
    remembered_ignored,
    suggest_mapping,
    write_error_report,
)
from .idcolumns import id_like_columns
from .plan import (
    NO_ID_REASON,
    CellProblem,
    ImportPlan,
    PlannedRow,
    SheetLike,
    parse_sex,
    parse_year_be,
    plan_import,
    split_full_name,
)
from .wholefile import WholeFile, whole_file_problems

__all__ = [
    "BATCH_HEADERS",
    "NO_ID_REASON",
    "batch_cells",
    "batch_status",
    "BatchInfo",
    "CellProblem",
    "ImportPlan",
    "PlannedRow",
    "SheetLike",
    "commit_import",
    "error_report_rows",
    "id_like_columns",
    "list_batches",
    "mapping_key",
    "parse_sex",
    "parse_year_be",
    "plan_import",
    "remember_mapping",
    "remembered_ignored",
    "split_full_name",
    "suggest_mapping",
    "undo_batch",
    "whole_file_problems",
    "WholeFile",
    "write_error_report",
]
