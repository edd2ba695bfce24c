"""Writing a case list's plan (issue 13): in the caller's transaction, one ``import_batch``
(kind ``cases``), the new children with their households and guardians by the registry
import's own bulk writer (imports/commit.py: sort keys, ``child_name_order`` and the search
tables filled as a children import fills them), then one ``oos_case`` per imported row and
its first ``oos_case_status`` row, each case marked with the batch, plus the audit entries.
A failure anywhere rolls the whole of it back (the caller's ``with db.session()``); the
batch is undone by ``imports.undo_batch`` (its cases with it)."""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlalchemy import Connection
from sqlalchemy.orm import Session

from desktop.domain.case_followup import Schedule, due_on
from desktop.domain.cases import CaseStatus
from desktop.domain.errors import ValidationFailed
from desktop.domain.roles import Action
from desktop.i18n import _
from desktop.services.access import require
from desktop.services.audit import record, record_per_child
from desktop.services.demo import insert_sql
from desktop.services.imports.commit import (
    CHUNK,
    TABLES,
    BulkRows,
    build_rows,
    move_pg_sequences,
    next_id,
    write_tables,
)
from desktop.services.imports.model import ImportPlan, PlannedRow
from desktop.services.office import require_local_office
from desktop.services.progress import Progress
from desktop.store.models import ImportBatch, new_uuid, utcnow

from .case_import_model import CasePlan, CaseRow, RowKind
from .case_import_plan import changed_since_check

CASE_KIND = "cases"  # import_batch.kind of a case list
CASE_COLUMNS = ("id", "uuid", "child_id", "status", "status_on", "status_by", "opened_on", "source",
                "source_row", "note", "follow_due_on")
STATUS_COLUMNS = ("id", "uuid", "case_id", "from_status", "to_status", "changed_on", "changed_by")


@dataclass(frozen=True)
class CaseBatch:
    uuid: str  # the import_batch's: undo it with imports.undo_batch
    cases: int  # cases opened
    matched: int  # of them, for children already in the registry
    new_children: int  # children added to the registry
    left_out: int  # rows not imported (to look at, invalid, an open case already)


def _registry_plan(plan: CasePlan) -> ImportPlan:
    """What the registry import's writer needs of a plan: the registry's households and
    guardians the new children join."""
    return ImportPlan(plan.file_name, plan.sheet, plan.headers, {}, [], [], None, None, today=plan.today,
                      db_households=plan.db_households, db_guardians=plan.db_guardians,
                      db_addresses=plan.db_addresses, db_household_guardians=plan.db_household_guardians)


def write_plan(session: Session, plan: CasePlan, rows: list[CaseRow], actor: str,
               progress: Progress | None) -> CaseBatch:
    """Write ``rows`` (the plan's importable rows; services/case_import.commit_case_import)."""
    require(session, Action.CASE_IMPORT)
    office = require_local_office(session)
    now = utcnow()
    batch = ImportBatch(uuid=new_uuid(), at=now, actor=actor, kind=CASE_KIND, file_name=plan.file_name[:260],
                        sheet=plan.sheet[:100], row_count=len(plan.rows), child_count=0, detail="")
    session.add(batch)
    session.flush()  # the first write: from here this transaction holds the write lock
    changed = changed_since_check(session, rows, plan.child_ids)  # the registry since the check
    if changed:
        raise ValidationFailed(changed)  # the caller's transaction rolls the batch back
    conn = session.connection()
    stamp = now.isoformat(sep=" ", timespec="microseconds")
    out = BulkRows(conn, stamp, office.id, batch.id)
    new = [r for r in rows if r.kind is RowKind.NEW]
    planned: list[PlannedRow] = [r.planned for r in new if r.planned is not None]
    counts = build_rows(out, planned, _registry_plan(plan), {}, {})
    total = sum(out.count(t) for t in TABLES) + 2 * len(rows)
    if progress is not None:
        progress.step(0, total, _("บันทึก"))
    created = write_tables(conn, out, progress, total)
    new_ids = {r.row: out.first["child"] + i for i, r in enumerate(new)}
    child_ids = {r.row: new_ids[r.row] if r.kind is RowKind.NEW else plan.child_ids[str(r.child)] for r in rows}
    _write_cases(conn, plan, rows, child_ids, out, actor, progress, total)
    move_pg_sequences(conn, (*TABLES, "oos_case", "oos_case_status"))
    matched = sum(1 for r in rows if r.kind is RowKind.MATCHED)
    detail = {"kind": CASE_KIND, "source": plan.source, "rows": len(plan.rows), "cases": len(rows),
              "matched": matched, "children": counts["child"], "skipped": len(plan.rows) - len(rows),
              **{k: v for k, v in counts.items() if k != "child"},
              "mapping": {plan.headers[i]: key for i, key in plan.mapping.items() if i < len(plan.headers)}}
    batch.child_count = counts["child"]
    batch.detail = json.dumps(detail, ensure_ascii=False)
    record_per_child(session, "create", created, {"import_batch": batch.uuid}, at=now, actor=actor)
    uuids = {v: k for k, v in plan.child_ids.items()}
    opened = [uuids[child_ids[r.row]] if r.kind is RowKind.MATCHED else created[i]
              for i, r in _numbered(rows)]
    record_per_child(session, "case_open", opened, {"import_batch": batch.uuid, "source": plan.source}, at=now,
                     actor=actor)  # each child's history: a case opened from the list (cases.open_case's action)
    record(session, "import", "import_batch", batch.uuid, detail, actor=actor)
    session.flush()
    return CaseBatch(batch.uuid, len(rows), matched, counts["child"], len(plan.rows) - len(rows))


def _numbered(rows: list[CaseRow]) -> list[tuple[int, CaseRow]]:
    """Each row with its place among the new rows (for a new row) or -1."""
    out: list[tuple[int, CaseRow]] = []
    n = 0
    for r in rows:
        if r.kind is RowKind.NEW:
            out.append((n, r))
            n += 1
        else:
            out.append((-1, r))
    return out


def _write_cases(conn: Connection, plan: CasePlan, rows: list[CaseRow], child_ids: dict[int, int], out: BulkRows,
                 actor: str, progress: Progress | None, total: int) -> None:
    """One case a row, ``to_trace`` from today, and its opening in the status history. A
    case waiting to be traced has no follow-up due (``case_followup.due_on``)."""
    today = plan.today.isoformat()
    status = CaseStatus.TO_TRACE
    due = due_on(Schedule("", status, None))
    first_case = next_id(conn, "oos_case")
    case_uuids = out.uuid.many(len(rows))
    cases = [(first_case + i, case_uuids[i], child_ids[r.row], status.value, today, actor, today, plan.source,
              r.row, r.note, due.isoformat() if due else None) for i, r in enumerate(rows)]
    first_status = next_id(conn, "oos_case_status")
    status_uuids = out.uuid.many(len(rows))
    statuses = [(first_status + i, status_uuids[i], first_case + i, "", status.value, today, actor)
                for i in range(len(rows))]
    # the text columns a case starts without (NOT NULL, "" by the models' defaults)
    blank: dict[str, int | str] = dict.fromkeys(("worker", "place", "requested_from", "requested_by", "outcome",
                                                 "approved_by"), "")
    shared = {k: v for k, v in out.fixed().items() if k != "import_batch_id"}  # history rows: no batch
    shared |= dict.fromkeys(("place", "reason", "note", "outcome", "approved_by"), "")
    done = total - 2 * len(rows)
    for table, columns, values, fixed in (("oos_case", CASE_COLUMNS, cases, out.fixed() | blank),
                                          ("oos_case_status", STATUS_COLUMNS, statuses, shared)):
        sql = insert_sql(conn, table, columns, fixed=fixed)
        for i in range(0, len(values), CHUNK):
            part = values[i : i + CHUNK]
            conn.exec_driver_sql(sql, part)
            done += len(part)
            if progress is not None:
                progress.step(done, total, _("บันทึก"))
