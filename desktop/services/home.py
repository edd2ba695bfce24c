"""The home page's data: the office, the registry's counts, the last import, export and
backup, and what needs doing today.

What needs doing comes from to-do providers: each module adds a function to
:data:`TODO_PROVIDERS` that takes a read session and returns :class:`TodoItem` (a Thai
label, a count and the key of the page that deals with it); the home page lists the items
with a count above zero. The registry gives one today: children with no identifier.
Screening, DSPM and follow-up modules add theirs (checks due, overdue follow-ups).

Exports and reports are recorded in the audit log (action ``export``), from the window
and from the command line alike (:func:`note_export`): who wrote which list, how many rows
(a report: pages), the file's name (not its folder), when.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Select, func, literal_column, select
from sqlalchemy.orm import Session

from desktop.domain.roles import Action
from desktop.i18n import _
from desktop.services.access import require_any
from desktop.services.audit import record
from desktop.services.children_query import ChildFilter, count_children
from desktop.services.households import count_households
from desktop.services.office import OfficeInfo, is_demo, local_office
from desktop.store.faults import DatabaseReadOnly
from desktop.store.models import AuditEntry, Child, Household, ImportBatch, Institution

if TYPE_CHECKING:
    from desktop.store.db import Database

EXPORT_ACTION = "export"


@dataclass(frozen=True)
class TodoItem:
    label: str  # Thai: what needs doing
    count: int
    page: str  # the navigation key of the page that deals with it


TodoProvider = Callable[[Session], list[TodoItem]]


@dataclass(frozen=True)
class LastImport:
    at: datetime  # UTC
    file_name: str
    children: int
    undone: bool


@dataclass(frozen=True)
class LastExport:
    at: datetime  # UTC
    title: str
    file_name: str
    rows: int
    pages: int = 0  # a report (PDF): its pages; rows is 0


@dataclass(frozen=True)
class LastBackup:
    at: datetime  # local time it was made
    path: Path
    verified: bool = True  # False: an older program's backup, never verified


@dataclass(frozen=True)
class HomeSummary:
    office: OfficeInfo | None
    demo: bool
    children: int
    households: int
    institutions: int
    last_import: LastImport | None
    last_export: LastExport | None
    last_backup: LastBackup | None
    todos: list[TodoItem] = field(default_factory=list)


def children_without_id_query() -> Select[tuple[int]]:
    """Live children with neither a national ID nor a G-code, counted through the partial
    index ``ix_child_live_ident`` on this very expression (written with literals, which
    SQLite needs to match it): 0.3 ms at 300k children where ``id_type = 'none'`` scans
    the table (1.2 s)."""
    empty = literal_column("''")
    return select(func.count()).select_from(Child).where(
        func.coalesce(Child.national_id, Child.g_code, empty) == empty, Child.deleted_at.is_(None))


def children_without_id(session: Session) -> list[TodoItem]:
    """The registry's to-do: live children with neither a national ID nor a G-code."""
    n = session.scalar(children_without_id_query()) or 0
    return [TodoItem(_("เด็กที่ยังไม่มีเลขประจำตัวประชาชนหรือรหัส G"), int(n), "children")]


# Each module adds its provider here (screening due, DSPM checks due, overdue follow-ups).
TODO_PROVIDERS: list[TodoProvider] = [children_without_id]


def todos(session: Session, providers: list[TodoProvider] | None = None) -> list[TodoItem]:
    """What needs doing today, from every provider, the items with something to do."""
    items: list[TodoItem] = []
    for provider in TODO_PROVIDERS if providers is None else providers:
        items.extend(item for item in provider(session) if item.count > 0)
    return items


def _export_detail(title: str, rows: int, path: Path, pages: int) -> dict[str, object]:
    detail: dict[str, object] = {"title": title, "file": Path(path).name}
    if rows or not pages:  # a report knows its pages, not its rows: no false "0 rows"
        detail["rows"] = rows
    if pages:
        detail["pages"] = pages
    return detail


def record_export(session: Session, kind: str, title: str, rows: int, path: Path, *,
                  pages: int = 0, subject_uuid: str | None = None) -> None:
    """Note in the audit log that ``title`` (``kind``: children, households, ...) was
    written to ``path``: ``rows`` rows (a report: ``pages`` pages). Only the file's name is kept.
    A document about one child (the profile) names it as ``subject_uuid``: the entry then
    shows in that child's history."""
    record(session, EXPORT_ACTION, kind, "", _export_detail(title, rows, path, pages),
           subject_uuid=subject_uuid or None)


class NotAuditable(DatabaseReadOnly):
    """An export or report of personal data that the audit log could not record: refused."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def not_auditable_message() -> str:
    return _("ฐานข้อมูลนี้อยู่ในที่ที่เขียนไม่ได้ (อ่านอย่างเดียว เช่น แผ่นซีดีหรือโฟลเดอร์ที่ห้ามเขียน) "
             "จึงจดการส่งออกหรือพิมพ์รายงานลงในบันทึกการใช้งานไม่ได้ และข้อมูลส่วนบุคคลจะส่งออกโดยไม่มีบันทึกไม่ได้ "
             "คัดลอกไฟล์ฐานข้อมูลไปไว้ในดิสก์ที่เขียนได้ก่อน แล้วเปิดสำเนานั้นเพื่อส่งออก")


def check_auditable(db: Database) -> None:
    """Refuse (NotAuditable, exit 6) an export or report from a database whose audit log
    cannot take its entry (a read-only medium): asked before any file is written, by
    the window and the command line alike."""
    from desktop.store.db import medium_is_read_only

    path = db.path
    if db.read_only or (path is not None and path.exists() and medium_is_read_only(path)):
        raise NotAuditable(not_auditable_message())


QUICK_WAIT = 0.25  # seconds an export's note waits for another writer before it is queued


def note_export(db: Database, kind: str, title: str, path: Path, *, rows: int = 0,
                pages: int = 0, subject_uuid: str | None = None) -> None:
    """:func:`record_export` in a transaction of its own, after the file is written (the
    window's exports and the command line's exports and reports). While another program
    writes, the entry waits beside the database (store/audit_pending.py) and the next
    write appends it. When it can be neither written nor kept (the database faulty, the
    disk full), the file just written is removed and the fault raised: personal data
    does not leave unaudited."""
    from desktop.services.audit import default_actor, entry
    from desktop.store import audit_pending
    from desktop.store.faults import DatabaseBusy, DatabaseFault, classify
    from desktop.store.models import utcnow

    try:
        with db.session(wait=QUICK_WAIT) as session:
            record_export(session, kind, title, rows, path, pages=pages, subject_uuid=subject_uuid)
        return
    except Exception as exc:  # noqa: BLE001 - a driver error the store did not name
        fault = classify(exc, db.path)
        if fault is None:
            raise
    where = db.path
    if isinstance(fault, DatabaseBusy) and where is not None:
        who = str(getattr(db.actor, "name", "") or "") or default_actor()
        try:
            audit_pending.queue(where, [entry(EXPORT_ACTION, kind, "", _export_detail(title, rows, path, pages),
                                              actor=who, subject_uuid=subject_uuid or None, at=utcnow())])
            return
        except OSError:
            pass
    Path(path).unlink(missing_ok=True)
    if isinstance(fault, DatabaseFault):
        raise fault from None


def last_export(session: Session) -> LastExport | None:
    entry = session.scalars(
        select(AuditEntry).where(AuditEntry.action == EXPORT_ACTION)
        .order_by(AuditEntry.id.desc()).limit(1)
    ).first()
    if entry is None:
        return None
    try:
        detail = json.loads(entry.detail or "{}")
    except ValueError:
        detail = {}
    if not isinstance(detail, dict):
        detail = {}
    return LastExport(entry.at, str(detail.get("title", entry.entity)), str(detail.get("file", "")),
                      int(detail.get("rows", 0) or 0), int(detail.get("pages", 0) or 0))


def last_import(session: Session) -> LastImport | None:
    batch = session.scalars(select(ImportBatch).order_by(ImportBatch.id.desc()).limit(1)).first()
    if batch is None:
        return None
    return LastImport(batch.at, batch.file_name, batch.child_count, batch.undone_at is not None)


def last_backup(db_path: Path | None) -> LastBackup | None:
    """The last good backup (services/backup.py: verified when written, in backups/ or
    on a USB stick), else the newest unverified one an older program made."""
    if db_path is None:
        return None
    from desktop.services.backup import last_good_backup, list_backups

    found = last_good_backup(db_path) or next(
        (b for b in list_backups(db_path) if b.state == "unverified"), None)
    return None if found is None else LastBackup(found.at, found.path, found.good)


def home_summary(session: Session, db_path: Path | None = None) -> HomeSummary:
    """Everything the home page shows (``db_path``: the SQLite file, for its backups)."""
    actor = require_any(session, Action.REGISTRY_READ, Action.STATS_READ)
    reads = actor.may(Action.REGISTRY_READ)  # else counts only (an administrator)
    whole = reads and actor.institutions_for(Action.REGISTRY_READ) is None  # a caregiver: their centre
    institutions = session.scalar(
        select(func.count()).select_from(Institution).where(Institution.deleted_at.is_(None))
    ) or 0
    return HomeSummary(
        office=local_office(session),
        demo=is_demo(session),
        children=count_children(session, ChildFilter()) if reads else _live(session, Child),
        households=count_households(session) if whole else _live(session, Household),
        institutions=int(institutions),
        last_import=last_import(session),
        last_export=last_export(session),
        last_backup=last_backup(db_path),
        todos=todos(session) if reads else [],
    )


def _live(session: Session, model: type) -> int:
    """Live rows of ``model``: the counts an administrator without a registry role sees."""
    deleted = model.deleted_at  # type: ignore[attr-defined]
    return int(session.scalar(select(func.count()).select_from(model).where(deleted.is_(None))) or 0)
