"""The province's reconcile page and ``samoe exchange reconcile`` (issue 10): each pair of
records of one child (the same national ID) from two municipalities, with both children's
names and birth dates and the offices' names, and the officer's decision. No Qt.

    reconcile_rows(session, open_only=False)   # open pairs first, then decided
    decide(session, pair_id, "moved", note="")  # exchange_province.decide_reconcile (audited)

Who: ``merge`` or ``report.province`` to read; ``merge`` to decide.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain.people import full_name
from desktop.domain.roles import Action
from desktop.i18n import N_, _
from desktop.services.access import require, require_any
from desktop.services.exchange_province import DECISIONS, ReconcileItem, decide_reconcile
from desktop.store.exchange_state import Reconcile
from desktop.store.models import Child, Office

DECISION_LABELS = {"": N_("รอตรวจสอบ"), "moved": N_("ย้าย"), "error": N_("ข้อมูลผิด"),
                   "same": N_("คงไว้ทั้งสอง")}


def decision_label(decision: str) -> str:
    label = DECISION_LABELS.get(decision)
    return _(label) if label is not None else decision


@dataclass(frozen=True)
class ChildSide:
    """One of the two records: the office that sent it and the child as it is here."""

    uuid: str
    office_code: str
    office_name: str
    name: str  # "" when the record is gone from this database
    birth_date: date | None
    deleted: bool


@dataclass(frozen=True)
class ReconcileRow:
    id: int
    national_id: str
    found_at: datetime
    incoming: ChildSide  # the record that came in with the bundle
    existing: ChildSide  # the record already here from another office
    decision: str  # "" open; moved | error | same
    decided_by: str
    decided_at: datetime | None
    note: str

    @property
    def open(self) -> bool:
        return not self.decision


def _sides(session: Session, uuids: list[str]) -> dict[str, tuple[str, date, bool]]:
    out: dict[str, tuple[str, date, bool]] = {}
    for i in range(0, len(uuids), 900):
        for uuid, prefix, first, last, born, gone in session.execute(
                select(Child.uuid, Child.prefix, Child.first_name, Child.last_name, Child.birth_date,
                       Child.deleted_at).where(Child.uuid.in_(uuids[i:i + 900]))).tuples():
            out[uuid] = (full_name(prefix, first, last), born, gone is not None)
    return out


def reconcile_rows(session: Session, *, open_only: bool = False) -> list[ReconcileRow]:
    """The pairs, open ones first (by national ID), then the decided ones (latest first)."""
    require_any(session, Action.MERGE, Action.PROVINCE_REPORT)
    r = Reconcile
    query = select(r.id, r.national_id, r.found_at, r.child_uuid, r.office_code, r.other_child_uuid,
                   r.other_office_code, r.decision, r.decided_by, r.decided_at, r.note)
    if open_only:
        query = query.where(r.decision == "")
    pairs = session.execute(query).tuples().all()
    children = _sides(session, sorted({u for p in pairs for u in (p[3], p[5])}))
    offices = dict(session.execute(select(Office.code, Office.name)).tuples().all())

    def side(uuid: str, code: str) -> ChildSide:
        name, born, gone = children.get(uuid, ("", None, True))
        return ChildSide(uuid, code, offices.get(code, code), name, born, gone)

    rows = [ReconcileRow(pid, nid, found, side(mine, code), side(other, other_code), decision, by, at, note)
            for pid, nid, found, mine, code, other, other_code, decision, by, at, note in pairs]
    rows.sort(key=lambda x: (not x.open, x.national_id if x.open else "",
                             -(x.decided_at.timestamp() if x.decided_at else 0), x.id))
    return rows


def decide(session: Session, pair_id: int, decision: str, *, note: str = "") -> ReconcileItem:
    """The officer's decision on a pair (``merge``; audited under the child)."""
    require(session, Action.MERGE)
    return decide_reconcile(session, pair_id, decision, note=note.strip())


__all__ = ["DECISIONS", "DECISION_LABELS", "ChildSide", "ReconcileRow", "decide", "decision_label",
           "reconcile_rows"]
