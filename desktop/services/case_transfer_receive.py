"""A case transferred from another municipality, at the receiving office (issue 13;
docs/cases.md, "Transfer to another municipality"). No Qt.

    result = receive_transfer(session, path, password=...)   # in the caller's transaction

The province writes a transfer file for this office (services/case_transfer.py). Here:

- **Verify** (exchange/bundle.verify_bundle against this office's trust list and keys:
  every check of a bundle; a transfer file stands alone, sequence 1), each row's schema
  (services/exchange_wire.check_row), then exchange/transfer_file.read_transfers: signed by
  a province this office trusts (``transfer.not_province``), every case for this office
  (``transfer.other_office``), whole (``transfer.incomplete``). A refusal writes nothing.
- **Each case once**: a transfer whose ``oos_transfer`` row is here already was taken
  before and is skipped (``already``); the same file twice changes nothing.
- **The child**: this office's live child with the same national ID, else the same first
  name, last name and birth date, else a new child of this office from the sender's
  record (its household stays with the sender).
- **The sender's case, read-only**: the case and every row under it (status history,
  tracing visits and photos' hashes, assessments, plan versions with goals and actions,
  follow-ups, referrals) and the transfer are kept with their uuids and the sending office
  as their origin, as the province keeps them: they never travel in this office's
  bundles (an export sends this office's own rows only).
- **A new open case here** (source ``transfer``, ``to_trace``: the child is to be found
  at the new address) with its opening in the history (the place: the sending office),
  named on the transfer row (``received_case_id``); a child with an open case here
  already keeps that case, named the same way. One audit entry a case (``case_receive``).

``export.approve`` (who imports the exchange's files; the office's keys open the file).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from desktop.domain.cases import CaseSource, CaseStatus
from desktop.domain.roles import Action
from desktop.exchange.bundle import verify_bundle
from desktop.exchange.transfer_file import HEADER, Transfer, check_header, read_transfers
from desktop.i18n import _
from desktop.services.access import require
from desktop.services.audit import record
from desktop.services.exchange_import import BundleApplier, read_bundle_bytes, sender_office
from desktop.services.exchange_keys import office_private_keys
from desktop.services.exchange_outbox import ExchangeError, naive, now_utc
from desktop.services.exchange_trust import DatabaseTrustList
from desktop.services.exchange_wire import BY_WIRE, SYNCED, check_row, column_values
from desktop.services.office import require_local_office
from desktop.store.case_state import OosCase, OosCaseStatus, OosTransfer
from desktop.store.exchange_keys import TrustEntry
from desktop.store.models import Child, Office


@dataclass(frozen=True)
class Received:
    """One case of a transfer file, as this office took it."""

    transfer_uuid: str
    from_office: str
    from_name: str
    case_id: int  # the case here (new, or the child's open case): its number on the case pages
    case_uuid: str
    child_uuid: str
    child_name: str
    child: str  # how the child was found: national_id | name_birth | new
    already: bool  # taken before: nothing changed


@dataclass(frozen=True)
class ReceiveResult:
    bundle_id: str
    received: tuple[Received, ...]

    @property
    def already(self) -> bool:
        return all(r.already for r in self.received)


def _row_check(table: str, row: dict[str, Any]) -> None:
    if table == HEADER:
        check_header(row)
    else:
        check_row(table, row)


def _child(session: Session, wire: dict[str, Any], office_id: int) -> tuple[Child, str]:
    live = select(Child).where(Child.deleted_at.is_(None), Child.origin_office_id == office_id)
    if wire["national_id"]:
        found = session.scalars(live.where(Child.national_id == wire["national_id"]).order_by(Child.id)).first()
        if found is not None:
            return found, "national_id"
    values = column_values(BY_WIRE["child"], wire)
    found = session.scalars(live.where(Child.first_name == values["first_name"],
                                       Child.last_name == values["last_name"],
                                       Child.birth_date == values["birth_date"]).order_by(Child.id)).first()
    if found is not None:
        return found, "name_birth"
    for key in ("uuid", "version", "created_at", "updated_at", "deleted_at"):
        values.pop(key)
    child = Child(**values, household_id=None, origin_office_id=office_id)
    session.add(child)
    session.flush()
    return child, "new"


def _open_case(session: Session, child: Child, from_name: str, on: date, by: str, office_id: int) -> OosCase:
    case = session.scalars(select(OosCase).where(OosCase.child_id == child.id, OosCase.deleted_at.is_(None),
                                                 OosCase.status != CaseStatus.CLOSED.value)).first()
    if case is not None:
        return case
    case = OosCase(child_id=child.id, status=CaseStatus.TO_TRACE.value, status_on=on, status_by=by, opened_on=on,
                   source=CaseSource.TRANSFER.value, place=from_name[:200], origin_office_id=office_id)
    # to_trace is not followed up (cases.FOLLOWED_UP): follow_due_on stays NULL until in_plan
    session.add(case)
    session.flush()
    session.add(OosCaseStatus(case_id=case.id, from_status="", to_status=CaseStatus.TO_TRACE.value, changed_on=on,
                              changed_by=by, place=from_name[:200], origin_office_id=office_id))
    return case


def _take(session: Session, applier: BundleApplier, x: Transfer, *, local_id: int, by: str, at: datetime,
          bundle_id: str) -> Received:
    sender_id = sender_office(session, x.from_office, x.from_name, own=ExchangeError(
        "transfer.own_office", _("กรณีในไฟล์นี้มาจากหน่วยงานนี้เอง ไม่ต้องรับโอน")))
    child, how = _child(session, x.child, local_id)
    applier.office_id = sender_id
    rows: dict[str, list[dict[str, Any]]] = {"oos_case": [{**x.case, "child": child.uuid}],
                                             "oos_transfer": [x.transfer], **x.rows}
    for t in SYNCED:
        if rows.get(t.wire):
            applier.apply_file(t, rows[t.wire])
    on = at.date()
    case = _open_case(session, child, x.from_name, on, by, local_id)
    # the sender's row stays as it was sent (its version and time): only the local columns
    session.execute(update(OosTransfer).where(OosTransfer.uuid == x.uuid)
                    .values(received_case_id=case.id, received_at=naive(at), updated_at=OosTransfer.updated_at)
                    .execution_options(synchronize_session=False))
    record(session, "case_receive", "oos_case", case.uuid, {
        "from_office": x.from_office, "from_name": x.from_name, "from_case": x.case["uuid"], "transfer": x.uuid,
        "bundle": bundle_id, "child": how}, subject_uuid=child.uuid)
    name = f"{child.first_name} {child.last_name}".strip()
    return Received(x.uuid, x.from_office, x.from_name, case.id, case.uuid, child.uuid, name, how, False)


def _taken(session: Session, x: Transfer) -> Received | None:
    got = session.execute(select(OosCase.id, OosCase.uuid, Child.uuid, Child.first_name, Child.last_name)
                          .select_from(OosTransfer)
                          .join(OosCase, OosCase.id == OosTransfer.received_case_id)
                          .join(Child, Child.id == OosCase.child_id)
                          .where(OosTransfer.uuid == x.uuid)).first()
    if got is None:
        return None
    case_id, case_uuid, child_uuid, first, last = got
    return Received(x.uuid, x.from_office, x.from_name, case_id, case_uuid, child_uuid, f"{first} {last}".strip(),
                    "", True)


def receive_transfer(session: Session, source: Path | str | bytes, *, password: str | None = None,
                     now: datetime | None = None) -> ReceiveResult:
    """Verify a transfer file and take each of its cases in ``session``'s transaction
    (the module's text). Raises Refusal (code and Thai message; nothing written),
    ExchangeError, OfficeKeyError, NotPermitted."""
    private = office_private_keys(session, Action.EXPORT_APPROVE, password=password)
    office = require_local_office(session)
    if office.role == "province":
        raise ExchangeError("exchange.not_municipality", _(
            "ฐานข้อมูลนี้เป็นของจังหวัด ไฟล์ส่งต่อกรณีนำเข้าที่ อปท. ปลายทางเท่านั้น"))
    at = now_utc(now)
    verified = verify_bundle(read_bundle_bytes(source), trust=DatabaseTrustList(session), me=private.keys,
                             box_private=private.box, chain=None, now=at, row_check=_row_check)
    role = session.scalars(select(TrustEntry.office_role).where(
        TrustEntry.key_id == verified.manifest.sender_key)).first()
    transfers = read_transfers(verified, signer_role=role or "", me=office.code)
    local_id = session.scalars(select(Office.id).where(Office.is_local.is_(True))).one()
    by = require(session, Action.EXPORT_APPROVE).name
    applier = BundleApplier(session, verified, local_id, False)
    out = []
    for x in transfers:
        taken = _taken(session, x)
        out.append(taken if taken is not None else
                   _take(session, applier, x, local_id=local_id, by=by, at=at, bundle_id=verified.manifest.bundle))
    return ReceiveResult(verified.manifest.bundle, tuple(out))

