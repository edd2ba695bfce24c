"""What a transfer file would do at the receiving office, before anything is written
(issue 13; docs/cases.md, "Transfer to another municipality"). No Qt.

    preview = preview_transfer(session, path, password=...)   # a reader session: writes nothing
    for case in preview.cases: case.match, case.candidates ...

The file is opened and checked exactly as receive_transfer does (``open_transfer_file``:
the bundle's every check, each row's schema, read_transfers). Then, for each case, how
its child would be found in this office's registry (``match_child``):

- ``national_id``: a live child of this office with the same national ID (no choice);
- ``name_birth``: no child with that ID, but one or more with the same first name, last
  name and birth date (``candidates``; a child whose national ID differs from the sent
  one is another child and is not a candidate). Two different children can share a name
  and a birth date, so **the clerk chooses** (``choices``: the transfer's uuid → one
  candidate's uuid, or ``NEW`` for a new child): receive_transfer refuses the whole file,
  writing nothing, while a name-matched case has no choice (``transfer.choose_child``,
  ``ChoiceNeeded``, naming each such case and child);
- ``new``: no such child: a new child of this office from the sender's record;
- ``already``: taken before (``taken_case_id``: the case opened for it here).

A case sent by this office itself (``transfer.own_office``) or one this database holds
as another office's than the sender's (``transfer.not_senders``: its own case) is refused
here, so the preview says it too.

``check_choices`` says what is wrong with a set of choices (a case not in the file, a
child not among the candidates, a new child chosen for a case whose child was found by
its national ID). ``export.approve``, as the receipt.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from desktop.domain.address import address_of, format_address
from desktop.domain.roles import Action
from desktop.exchange.bundle import VerifiedBundle, verify_bundle
from desktop.exchange.transfer_file import HEADER, Transfer, check_header, read_transfers
from desktop.i18n import _
from desktop.services.access import require
from desktop.services.exchange_import import read_bundle_bytes
from desktop.services.exchange_keys import office_private_keys
from desktop.services.exchange_outbox import ExchangeError, now_utc
from desktop.services.exchange_trust import DatabaseTrustList
from desktop.services.exchange_wire import BY_WIRE, check_row, column_values
from desktop.services.office import require_local_office
from desktop.store.case_state import OosCase, OosTransfer
from desktop.store.exchange_keys import TrustEntry
from desktop.store.models import Child, Household, Office

NEW = "new"  # a choice: a new child of this office from the sender's record
NATIONAL_ID, NAME_BIRTH, NEW_CHILD, ALREADY = "national_id", "name_birth", "new", "already"


@dataclass(frozen=True)
class Candidate:
    """A child of this office's registry a case's child may be."""

    uuid: str
    name: str
    birth_date: date
    national_id: str
    address: str  # the household's address ("" without one)


@dataclass(frozen=True)
class PreviewCase:
    """One case of a transfer file, and how its child would be found here."""

    number: int  # 1, 2, ... in the file's order (the command line names a case by it)
    transfer_uuid: str
    case_uuid: str  # the sender's case
    child_name: str
    birth_date: date | None
    national_id: str
    from_office: str
    from_name: str
    transferred_on: date | None
    match: str  # national_id | name_birth | new | already
    candidates: tuple[Candidate, ...]  # national_id: the child; name_birth: every one
    taken_case_id: int | None  # already: the case opened for it here

    @property
    def needs_choice(self) -> bool:
        return self.match == NAME_BIRTH


@dataclass(frozen=True)
class TransferPreview:
    bundle_id: str
    cases: tuple[PreviewCase, ...]

    @property
    def waiting(self) -> tuple[PreviewCase, ...]:
        """The name-matched cases: the clerk chooses their child."""
        return tuple(c for c in self.cases if c.needs_choice)


class ChoiceNeeded(ExchangeError):
    """A name-matched case without the clerk's choice: the file is not taken."""

    def __init__(self, waiting: Sequence[PreviewCase]) -> None:
        names = ", ".join(_("กรณีที่ {n} ({child})").format(n=c.number, child=c.child_name) for c in waiting)
        super().__init__("transfer.choose_child", _(
            "ยังไม่ได้เลือกเด็กของ {cases}: พบเด็กในทะเบียนที่ชื่อ นามสกุล และวันเกิดตรงกัน แต่ไม่มีเลขประจำตัว"
            "ประชาชนยืนยัน อาจเป็นคนละคน เลือกว่าเป็นเด็กคนใดในทะเบียนหรือเป็นเด็กใหม่ ยังไม่ได้รับโอนกรณีใด").format(
                cases=names))
        self.waiting = tuple(waiting)


@dataclass
class OpenedTransfer:
    verified: VerifiedBundle
    transfers: list[Transfer]
    office_id: int
    at: datetime


def _row_check(table: str, row: dict[str, Any]) -> None:
    if table == HEADER:
        check_header(row)
    else:
        check_row(table, row)


def open_transfer_file(session: Session, source: Path | str | bytes, *, password: str | None = None,
                       now: datetime | None = None) -> OpenedTransfer:
    """Open and check a transfer file for this office (the module's text); writes nothing.
    Raises Refusal, ExchangeError, OfficeKeyError, NotPermitted."""
    private = office_private_keys(session, Action.EXPORT_APPROVE, password=password)
    require(session, Action.EXPORT_APPROVE)
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
    for x in transfers:
        _check_sender(session, x, office.code)
    return OpenedTransfer(verified, transfers, local_id, at)


def _check_sender(session: Session, x: Transfer, me: str) -> None:
    """ExchangeError: a case sent by this office itself, or a sender's case this database
    holds as another office's (its own case: not the sender's to send)."""
    if x.from_office == me:
        raise ExchangeError("transfer.own_office", _("กรณีในไฟล์นี้มาจากหน่วยงานนี้เอง ไม่ต้องรับโอน"))
    held = session.execute(select(Office.code).join(OosCase, OosCase.origin_office_id == Office.id)
                           .where(OosCase.uuid == x.case["uuid"])).scalars().first()
    if held is not None and held != x.from_office:
        raise ExchangeError("transfer.not_senders", _(
            "กรณีของ {child} ในไฟล์นี้เป็นกรณีที่มีอยู่แล้วในฐานข้อมูลนี้และไม่ใช่ของ {office} (ไฟล์อาจถูกแก้ไข) "
            "ไม่ได้รับโอนกรณีใดเลย โปรดแจ้งจังหวัดและขอไฟล์ใหม่").format(child=full_name(x.child), office=x.from_name))


def match_child(session: Session, wire: dict[str, Any], office_id: int) -> tuple[str, list[Child]]:
    """How a sent child would be found in this office's registry: (national_id, [the
    child]) | (name_birth, [each candidate]) | (new, []). Reads only."""
    live = select(Child).where(Child.deleted_at.is_(None), Child.origin_office_id == office_id).order_by(Child.id)
    national_id = wire["national_id"] or ""
    if national_id:
        found = session.scalars(live.where(Child.national_id == national_id)).first()
        if found is not None:
            return NATIONAL_ID, [found]
    values = column_values(BY_WIRE["child"], wire)
    same = live.where(Child.first_name == values["first_name"], Child.last_name == values["last_name"],
                      Child.birth_date == values["birth_date"])
    if national_id:  # a child with another national ID is another child
        same = same.where(or_(Child.national_id.is_(None), Child.national_id == ""))
    candidates = list(session.scalars(same))
    return (NAME_BIRTH, candidates) if candidates else (NEW_CHILD, [])


def taken_case(session: Session, transfer_uuid: str) -> tuple[int, str, Child] | None:
    """The case opened here for a transfer taken before: (its id, its uuid, its child)."""
    got = session.execute(select(OosCase.id, OosCase.uuid, Child)
                          .select_from(OosTransfer)
                          .join(OosCase, OosCase.id == OosTransfer.received_case_id)
                          .join(Child, Child.id == OosCase.child_id)
                          .where(OosTransfer.uuid == transfer_uuid)).first()
    return None if got is None else (got[0], got[1], got[2])


def full_name(child: Any) -> str:
    """A child's name as the clerk reads it (a row, or a sent child's column values)."""
    get = child.get if isinstance(child, dict) else lambda k: getattr(child, k, "")
    return " ".join(p for p in (get("prefix"), get("first_name"), get("last_name")) if p)


def _candidate(session: Session, child: Child) -> Candidate:
    household = session.get(Household, child.household_id) if child.household_id is not None else None
    address = format_address(address_of(household)) if household is not None else ""
    return Candidate(child.uuid, full_name(child), child.birth_date, child.national_id or "", address)


def _on(value: Any) -> date | None:
    try:
        return date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


def preview_cases(session: Session, opened: OpenedTransfer) -> tuple[PreviewCase, ...]:
    """Each case of an opened file and how its child would be found (reads only)."""
    require(session, Action.EXPORT_APPROVE)
    out = []
    for n, x in enumerate(opened.transfers, start=1):
        values = column_values(BY_WIRE["child"], x.child)
        taken = taken_case(session, x.uuid)
        if taken is not None:
            how, children, taken_id = ALREADY, [taken[2]], taken[0]
        else:
            how, children = match_child(session, x.child, opened.office_id)
            taken_id = None
        out.append(PreviewCase(n, x.uuid, x.case["uuid"], full_name(values), values.get("birth_date"),
                               values.get("national_id") or "", x.from_office, x.from_name,
                               _on(x.transfer.get("transferred_on")), how,
                               tuple(_candidate(session, c) for c in children), taken_id))
    return tuple(out)


def preview_transfer(session: Session, source: Path | str | bytes, *, password: str | None = None,
                     now: datetime | None = None) -> TransferPreview:
    """Each case of a transfer file and how its child would be found here, checked as
    receive_transfer checks it; writes nothing (a reader session will do).
    ``export.approve``. Raises as receive_transfer."""
    opened = open_transfer_file(session, source, password=password, now=now)
    return TransferPreview(opened.verified.manifest.bundle, preview_cases(session, opened))


def check_choices(cases: Sequence[PreviewCase], choices: Mapping[str, str]) -> None:
    """Raise ExchangeError ``transfer.choice`` (Thai) for a choice that cannot stand: a case
    not in the file, a child not among a case's candidates, a new child for a case whose
    child was found by its national ID. A choice for a case taken before is ignored."""
    require_known = {c.transfer_uuid: c for c in cases}
    for transfer_uuid, chosen in choices.items():
        case = require_known.get(transfer_uuid)
        if case is None:
            raise ExchangeError("transfer.choice", _("ไม่มีกรณีรหัส {ref} ในไฟล์ส่งต่อนี้").format(ref=transfer_uuid))
        if case.match == ALREADY:
            continue
        allowed = {c.uuid for c in case.candidates}
        if case.match != NATIONAL_ID:
            allowed.add(NEW)
        if chosen not in allowed:
            if case.match == NATIONAL_ID:
                text = _("เด็กของกรณีที่ {n} ({child}) พบในทะเบียนด้วยเลขประจำตัวประชาชนแล้ว เลือกเด็กอื่นหรือเด็กใหม่ไม่ได้")
            elif case.match == NEW_CHILD:
                text = _("กรณีที่ {n} ({child}) ไม่มีเด็กในทะเบียนที่ชื่อและวันเกิดตรงกัน จะเพิ่มเป็นเด็กใหม่ "
                         "เลือกเด็กในทะเบียนไม่ได้")
            else:
                text = _("เด็กที่เลือกให้กรณีที่ {n} ({child}) ไม่ใช่เด็กที่ชื่อและวันเกิดตรงกัน "
                         "เลือกจากรายชื่อที่พบหรือเลือกเด็กใหม่")
            raise ExchangeError("transfer.choice", text.format(n=case.number, child=case.child_name))
