"""Importing a list of out-of-school children into cases (issue 13): the province's
"Thailand Zero Dropout" list or a volunteer's list. No Qt.

    sheet = read_sheet(path)                               # the registry import's reader
    mapping = suggest_case_mapping(sheet.headers)
    plan = plan_case_import(session, sheet, mapping, today=..., source="zero_dropout")
    plan.counts()     # matched / new / ambiguous / invalid / open_case
    plan.errors()     # every row problem: row, column, Thai message
    batch = commit_case_import(session, plan)              # one transaction
    imports.undo_batch(session, batch.uuid)                 # its cases and new children

The file is read by the registry import's reader (reports/sheets: the zip scan, calamine,
hidden sheets, title and footer rows, HTML saved as .xls, UTF-16 and cp874 CSV); its rows
are checked by the registry import's row checks (case_import_plan.py) and matched against
the registry by the domain (domain/case_matching.py). A row is:

- **matched**: a child already in the registry, who gets a case;
- **new**: a new child (with household and guardian as a children import adds them), then
  a case;
- **ambiguous**: left out unless the caller resolves it (``resolutions``: row number →
  the registry child's uuid, or ``"new"``);
- **invalid**: the row's own checks failed (row, field and a Thai message);
- **open case**: the child already has an open case: left out (one open case per child).

Every case starts ``to_trace`` today, with its source and row, the batch that made it
and its first status row; the last school and the list's remark go into its note.
Importing needs ``case.import`` (the clerk, the supervisor); a case worker is refused.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from datetime import date

from sqlalchemy.orm import Session

from desktop.domain.cases import CaseSource
from desktop.domain.roles import Action
from desktop.i18n import _
from desktop.services.access import require
from desktop.services.audit import default_actor, signed_in_name
from desktop.services.backup import BEFORE_IMPORT
from desktop.services.backup_ahead import backup_ahead, take_backup_before
from desktop.services.imports.cells import no_gc
from desktop.services.imports.model import SheetLike
from desktop.services.progress import Progress

from .case_import_commit import CASE_KIND, CaseBatch, write_plan
from .case_import_model import NEW_CHILD, CasePlan, CaseRow, RowKind, kind_label
from .case_import_plan import build_plan, case_columns, suggest_case_mapping, suggest_list_mapping

__all__ = ["CASE_KIND", "NEW_CHILD", "CaseBatch", "CasePlan", "CaseRow", "RowKind", "commit_case_import",
           "case_columns", "kind_label", "plan_case_import", "suggest_case_mapping", "suggest_list_mapping"]


def plan_case_import(session: Session, sheet: SheetLike, mapping: Mapping[int, str], *, today: date,
                     source: CaseSource | str = CaseSource.ZERO_DROPOUT,
                     resolutions: Mapping[int, str] | None = None, progress: Progress | None = None,
                     ignored_columns: Collection[int] = (), back_up_ahead: bool = False) -> CasePlan:
    """Map, check and match every row of ``sheet``; nothing is written.

    ``mapping``: ``{column index: key}`` (``suggest_case_mapping``): the registry's column
    keys plus ``last_school`` and ``case_note``. ``resolutions``: for ambiguous rows, row
    number → the registry child's uuid or ``"new"``. Raises ValueError for a mapping that
    names an unknown key or column (a program error); NotPermitted without ``case.import``.
    ``back_up_ahead``: an import is meant to follow; its backup starts now, on a thread
    (services/backup_ahead.py), and ``commit_case_import`` takes it.
    """
    require(session, Action.CASE_IMPORT)
    if back_up_ahead:
        backup_ahead(str(session.get_bind().engine.url), BEFORE_IMPORT)
    with no_gc():
        return build_plan(session, sheet, mapping, today=today, source=str(source),
                          resolutions=resolutions or {}, progress=progress, ignored=ignored_columns)


def commit_case_import(session: Session, plan: CasePlan, *, actor: str = "",
                       progress: Progress | None = None) -> CaseBatch:
    """Write every matched and new row of ``plan`` in the caller's transaction (the caller's
    ``with db.session()`` commits, or rolls everything back on an exception or Cancelled).
    Raises ValueError (Thai) when nothing can be imported."""
    require(session, Action.CASE_IMPORT)
    rows = list(plan.importable())
    if not rows:
        raise ValueError(_("ไม่มีแถวที่นำเข้าเป็นกรณีได้ โปรดแก้ไขปัญหาในไฟล์หรือเลือกเด็กให้แถวที่ต้องตรวจสอบ "
                           "แล้วตรวจสอบใหม่"))
    take_backup_before(str(session.get_bind().engine.url), BEFORE_IMPORT)  # verified, kept 10
    with no_gc():
        return write_plan(session, plan, rows, actor or signed_in_name(session) or default_actor(), progress)
