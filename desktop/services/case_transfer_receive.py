"""A case transferred from another municipality, at the receiving office (issue 13;
docs/cases.md, "Transfer to another municipality"). No Qt.

    preview = preview_transfer(session, path, password=...)  # case_transfer_preview: writes nothing
    result = receive_transfer(session, path, password=..., choices={transfer_uuid: child_uuid | NEW})

The province writes a transfer file for this office (services/case_transfer.py). Here:

- **Verify** (exchange/bundle.verify_bundle against this office's trust list and keys:
  every check of a bundle; a transfer file stands alone, sequence 1), each row's schema
  (services/exchange_wire.check_row), then exchange/transfer_file.read_transfers: signed by
  a province this office trusts (``transfer.not_province``), every case for this office
  (``transfer.other_office``), whole (``transfer.incomplete``). A refusal writes nothing.
- **Each case once**: a transfer whose ``oos_transfer`` row is here already was taken
  before and is skipped (``already``); the same file twice changes nothing.
- **The child** (services/case_transfer_preview.match_child): this office's live child with
  the same national ID; else, when children of this office have the same first name, last
  name and birth date (and no other national ID), the one **the clerk chose** in
  ``choices`` (the transfer's uuid → that child's uuid, or ``NEW`` for a new child): two
  children can share a name and a birth date, so such a case is never attached without a
  choice: **the whole file is refused, nothing written** (``ChoiceNeeded``,
  ``transfer.choose_child``, naming each case and child waiting), and the clerk takes it
  again with the choices; a choice that cannot stand (a case not in the file, a child not
  among the candidates, a new child for one found by its ID) is ``transfer.choice``.
  Else a new child of this office from the sender's record (its household stays with
  the sender); two cases of the file with one child's national ID (two senders held
  the child) share the one child made for the first.
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

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from desktop.domain.cases import CaseSource, CaseStatus
from desktop.domain.roles import Action
from desktop.exchange.transfer_file import Transfer
from desktop.i18n import _
from desktop.services.access import require
from desktop.services.audit import record
from desktop.services.case_transfer_preview import (
    ALREADY,
    NAME_BIRTH,
    NATIONAL_ID,
    NEW,
    NEW_CHILD,
    ChoiceNeeded,
    check_choices,
    open_transfer_file,
    preview_cases,
    taken_case,
)
from desktop.services.exchange_import import BundleApplier, sender_office
from desktop.services.exchange_outbox import ExchangeError, naive
from desktop.services.exchange_wire import BY_WIRE, SYNCED, column_values
from desktop.store.case_state import OosCase, OosCaseStatus, OosTransfer
from desktop.store.models import Child


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
    chosen: bool = False  # the clerk chose the child (a name and birth date matched)


@dataclass(frozen=True)
class ReceiveResult:
    bundle_id: str
    received: tuple[Received, ...]

    @property
    def already(self) -> bool:
        return all(r.already for r in self.received)


def _new_child(session: Session, wire: dict[str, object], office_id: int) -> Child:
    values = column_values(BY_WIRE["child"], wire)
    for key in ("uuid", "version", "created_at", "updated_at", "deleted_at"):
        values.pop(key)
    child = Child(**values, household_id=None, origin_office_id=office_id)
    session.add(child)
    session.flush()
    return child


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


def _take(session: Session, applier: BundleApplier, x: Transfer, child: Child, how: str, chosen: bool, *,
          local_id: int, by: str, at: datetime, bundle_id: str) -> Received:
    sender_id = sender_office(session, x.from_office, x.from_name, own=ExchangeError(
        "transfer.own_office", _("กรณีในไฟล์นี้มาจากหน่วยงานนี้เอง ไม่ต้องรับโอน")))
    applier.office_id = sender_id
    rows: dict[str, list[dict[str, object]]] = {"oos_case": [{**x.case, "child": child.uuid}],
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
        "bundle": bundle_id, "child": how, "chosen": chosen}, subject_uuid=child.uuid)
    name = f"{child.first_name} {child.last_name}".strip()
    return Received(x.uuid, x.from_office, x.from_name, case.id, case.uuid, child.uuid, name, how, False, chosen)


def _taken(session: Session, x: Transfer) -> Received | None:
    got = taken_case(session, x.uuid)
    if got is None:
        return None
    case_id, case_uuid, child = got
    return Received(x.uuid, x.from_office, x.from_name, case_id, case_uuid, child.uuid,
                    f"{child.first_name} {child.last_name}".strip(), "", True)


def receive_transfer(session: Session, source: Path | str | bytes, *, password: str | None = None,
                     choices: Mapping[str, str] | None = None, now: datetime | None = None) -> ReceiveResult:
    """Verify a transfer file and take each of its cases in ``session``'s transaction
    (the module's text). ``choices``: the transfer's uuid → the child's uuid, or ``NEW``,
    for each case whose child was matched by name and birth date. Raises Refusal (code and
    Thai message), ChoiceNeeded and ExchangeError (``transfer.choice``), OfficeKeyError,
    NotPermitted: nothing written each time."""
    chosen = dict(choices or {})
    opened = open_transfer_file(session, source, password=password, now=now)
    cases = preview_cases(session, opened)
    check_choices(cases, chosen)
    waiting = [c for c in cases if c.match == NAME_BIRTH and c.transfer_uuid not in chosen]
    if waiting:
        raise ChoiceNeeded(waiting)
    by = require(session, Action.EXPORT_APPROVE).name
    applier = BundleApplier(session, opened.verified, opened.office_id, False)
    bundle_id = opened.verified.manifest.bundle
    out = []
    made: dict[str, Child] = {}  # national ID → the child made for an earlier case of this file
    for x, case in zip(opened.transfers, cases, strict=True):
        taken = _taken(session, x) if case.match == ALREADY else None
        if taken is not None:
            out.append(taken)
            continue
        choice = chosen.get(x.uuid, "") if case.match == NAME_BIRTH else ""
        if (case.match == NEW_CHILD or choice == NEW) and x.child["national_id"] in made:
            # two cases of one child (two senders held it): one child here, not two with one ID
            child, how = made[x.child["national_id"]], NATIONAL_ID
        elif case.match == NEW_CHILD or choice == NEW:
            child, how = _new_child(session, x.child, opened.office_id), NEW_CHILD
            if x.child["national_id"]:
                made[x.child["national_id"]] = child
        else:
            uuid = choice or case.candidates[0].uuid
            child = session.scalars(select(Child).where(Child.uuid == uuid)).one()
            how = case.match
        out.append(_take(session, applier, x, child, how, bool(choice), local_id=opened.office_id, by=by,
                         at=opened.at, bundle_id=bundle_id))
    return ReceiveResult(bundle_id, tuple(out))


__all__ = ["NEW", "ChoiceNeeded", "ReceiveResult", "Received", "receive_transfer"]
