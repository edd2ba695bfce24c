"""The province's side of the exchange after an import: the signed receipt it sends back,
the municipalities it receives from, and the reconcile list (issue 10). No Qt.

    write_receipt_for(session, Path("bundle.samoe"), Path("receipt.samoe-receipt"), password=...)
    senders(session)            # each municipality's chain: last bundle, sequence, time, restores
    received_bundles(session)   # every bundle imported
    reconcile_list(session)     # one child with two records (the same national ID), open first
    decide_reconcile(session, pair_id, "moved", note="")

Who: ``merge`` (a provincial officer) issues receipts and decides; the lists need
``merge`` or ``report.province``.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session, aliased

from desktop.domain.roles import Action
from desktop.exchange import archive, canonical
from desktop.exchange.bundle import MANIFEST_NAME
from desktop.exchange.identity import OfficeKeys
from desktop.exchange.manifest import manifest_hash
from desktop.exchange.reasons import Refusal
from desktop.exchange.receipt import make_receipt, write_receipt
from desktop.i18n import _
from desktop.services.access import require, require_any
from desktop.services.audit import record
from desktop.services.exchange_keys import office_private_keys
from desktop.services.exchange_outbox import ExchangeError, naive, now_utc
from desktop.store.exchange_keys import TrustEntry
from desktop.store.exchange_state import ReceivedBundle, Reconcile, SenderState
from desktop.store.models import Child, Office, utcnow

CHUNK = 900
DECISIONS = ("moved", "error", "same")  # moved between offices; one record is wrong; the same child, kept


@dataclass(frozen=True)
class SenderInfo:
    office_code: str
    office_name: str
    sequence: int
    bundle_uuid: str
    imported_at: datetime
    restores: int
    bundles: int


@dataclass(frozen=True)
class ReceivedInfo:
    uuid: str
    office_code: str
    sequence: int
    manifest_hash: str
    created_at: datetime
    imported_at: datetime
    imported_by: str
    counts: dict[str, int]
    applied: dict[str, dict[str, int]]
    restored_at: datetime | None
    continued_from: int | None


@dataclass(frozen=True)
class ReconcileItem:
    id: int
    national_id: str
    child_uuid: str
    office_code: str
    other_child_uuid: str
    other_office_code: str
    found_at: datetime
    decision: str
    decided_by: str
    decided_at: datetime | None
    note: str


def find_reconcile(session: Session, office_id: int, office_code: str, child_uuids: Sequence[str],
                   bundle_uuid: str) -> int:
    """Put on the reconcile list every live child of ``child_uuids`` (just received from
    ``office_code``) whose national ID is a live child's of another office; the pairs
    added. In the import's transaction."""
    mine, other = aliased(Child), aliased(Child)
    added = 0
    for i in range(0, len(child_uuids), CHUNK):
        pairs = session.execute(
            select(mine.national_id, mine.uuid, other.uuid, Office.code)
            .join(other, and_(other.national_id == mine.national_id, other.origin_office_id != office_id,
                              other.deleted_at.is_(None)))
            .join(Office, Office.id == other.origin_office_id)
            .where(mine.uuid.in_(child_uuids[i:i + CHUNK]), mine.national_id.is_not(None),
                   mine.deleted_at.is_(None))).tuples().all()
        for national_id, child, other_child, other_code in pairs:
            known = session.scalar(select(Reconcile.id).where(or_(
                and_(Reconcile.child_uuid == child, Reconcile.other_child_uuid == other_child),
                and_(Reconcile.child_uuid == other_child, Reconcile.other_child_uuid == child))))
            if known is None:
                session.add(Reconcile(national_id=national_id, child_uuid=child, office_code=office_code,
                                      other_child_uuid=other_child, other_office_code=other_code,
                                      bundle_uuid=bundle_uuid, decision="", decided_by="", note=""))
                added += 1
    session.flush()
    return added


def _manifest_of(source: Path) -> tuple[str, str, str]:
    """(bundle uuid, sender office, manifest hash) of a bundle file, read without keys."""
    data = source.read_bytes() if source.stat().st_size <= archive.MAX_ARCHIVE_BYTES else b""
    raw = archive.peek(data, MANIFEST_NAME) if data else None
    try:
        value = canonical.loads(raw) if raw is not None else None
    except canonical.NotCanonical:
        value = None
    if not isinstance(value, dict) or not isinstance(value.get("sender"), dict) or raw is None:
        raise Refusal("archive.damaged", str(source))
    return str(value.get("bundle")), str(value["sender"].get("office")), manifest_hash(raw)


def write_receipt_for(session: Session, bundle: Path, out: Path, *, password: str | None = None,
                      now: datetime | None = None) -> tuple[int, str]:
    """Write the signed receipt for the municipality that sent ``bundle`` (imported here
    before) to ``out``: the high-water mark is the last bundle accepted from it (this one
    or a later). Returns (sequence, office code). ``merge``."""
    actor = require(session, Action.MERGE)
    bundle_id, office_code, digest = _manifest_of(Path(bundle))
    got = session.scalars(select(ReceivedBundle).where(ReceivedBundle.uuid == bundle_id,
                                                       ReceivedBundle.manifest_hash == digest)).first()
    state = session.scalars(select(SenderState).where(SenderState.office_code == office_code)).first()
    if got is None or state is None:
        raise ExchangeError("exchange.not_imported", _(
            "ยังไม่ได้นำเข้าชุดข้อมูลนี้ นำเข้าก่อนด้วย samoe exchange import แล้วจึงออกใบตอบรับ"))
    last = session.scalars(select(ReceivedBundle).where(ReceivedBundle.uuid == state.bundle_uuid)).one()
    key = session.scalars(select(TrustEntry).where(TrustEntry.key_id == last.key_id)).one()
    private = office_private_keys(session, Action.MERGE, password=password)
    at = now_utc(now)
    data = make_receipt(issuer=private.keys, sign_private=private.signing,
                        for_office=OfficeKeys(key.office_code, key.office_name, bytes(key.sign_public),
                                              bytes(key.box_public)),
                        sequence=state.sequence, manifest_hash=state.manifest_hash, bundle_id=state.bundle_uuid,
                        issued=at)
    write_receipt(Path(out), data)
    record(session, "receipt_issue", "exchange", state.bundle_uuid, {
        "office": office_code, "sequence": state.sequence, "manifest": state.manifest_hash,
        "file": Path(out).name, "by": actor.name})
    return state.sequence, office_code


def senders(session: Session) -> list[SenderInfo]:
    """Each municipality this province has received from, by office code."""
    require_any(session, Action.MERGE, Action.PROVINCE_REPORT)
    out = []
    for state, name in session.execute(select(SenderState, Office.name).join(Office, Office.id == SenderState.office_id)
                                       .order_by(SenderState.office_code)).tuples():
        count = len(session.scalars(select(ReceivedBundle.id).where(
            ReceivedBundle.office_code == state.office_code)).all())
        out.append(SenderInfo(state.office_code, name, state.sequence, state.bundle_uuid, state.imported_at,
                              state.restores, count))
    return out


def received_bundles(session: Session, office_code: str | None = None) -> list[ReceivedInfo]:
    """The bundles imported here, newest first (of one office, when given)."""
    require_any(session, Action.MERGE, Action.PROVINCE_REPORT)
    query = select(ReceivedBundle).order_by(ReceivedBundle.id.desc())
    if office_code:
        query = query.where(ReceivedBundle.office_code == office_code)
    return [ReceivedInfo(r.uuid, r.office_code, r.sequence, r.manifest_hash, r.created_at, r.imported_at,
                         r.imported_by, json.loads(r.counts), json.loads(r.applied), r.restored_at,
                         r.continued_from) for r in session.scalars(query)]


def _item(r: Reconcile) -> ReconcileItem:
    return ReconcileItem(r.id, r.national_id, r.child_uuid, r.office_code, r.other_child_uuid,
                         r.other_office_code, r.found_at, r.decision, r.decided_by, r.decided_at, r.note)


def reconcile_list(session: Session, *, open_only: bool = False) -> list[ReconcileItem]:
    """One child with records from two offices: open ones first, then by national ID."""
    require_any(session, Action.MERGE, Action.PROVINCE_REPORT)
    query = select(Reconcile).order_by((Reconcile.decision != "").asc(), Reconcile.national_id, Reconcile.id)
    if open_only:
        query = query.where(Reconcile.decision == "")
    return [_item(r) for r in session.scalars(query)]


def decide_reconcile(session: Session, pair_id: int, decision: str, *, note: str = "",
                     now: datetime | None = None) -> ReconcileItem:
    """Record the officer's decision on a pair (``merge``): ``moved`` (the child moved
    between the offices), ``error`` (one record is wrong), ``same`` (kept as it is)."""
    actor = require(session, Action.MERGE)
    if decision not in DECISIONS:
        raise ExchangeError("exchange.decision", _("ผลการตรวจต้องเป็น moved (ย้าย), error (ข้อมูลผิด) หรือ same (คงไว้)"))
    row = session.get(Reconcile, pair_id)
    if row is None:
        raise ExchangeError("exchange.no_pair", _("ไม่พบรายการตรวจสอบเลขที่ {id}").format(id=pair_id))
    row.decision, row.note, row.decided_by = decision, note, actor.name
    row.decided_at = naive(now_utc(now)) if now else utcnow()
    session.flush()
    record(session, "exchange_reconcile", "child", row.child_uuid, {
        "decision": decision, "other": row.other_child_uuid, "offices": [row.office_code, row.other_office_code],
        **({"note": note} if note else {})}, subject_uuid=row.child_uuid)
    return _item(row)
