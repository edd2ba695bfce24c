"""A municipality's line of bundles to its province: where it stands, the province's
receipts, and a restored backup (docs/exchange.md). No Qt.

- The recipient is the province whose key card this office trusts (current, unrevoked).
- ``import_receipt`` records the province's signed receipt: the last bundle it accepted.
  The next incremental export carries every row changed since that bundle (rows sent in
  later bundles not yet acknowledged go again: the province merges by uuid).
- A restore (the audit log's ``restore`` entry that services/backup.note_restore writes
  into the restored file, or a receipt naming a bundle this database never wrote) makes
  the next bundle continue from the last receipt (sequence = its + 1, previous = its
  manifest hash), whole, and say ``restored``: the province accepts it and shows it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain.roles import Action
from desktop.exchange.identity import OfficeKeys
from desktop.exchange.receipt import Receipt, verify_receipt
from desktop.i18n import _
from desktop.services.access import require
from desktop.services.audit import record
from desktop.services.exchange_trust import DatabaseTrustList
from desktop.services.office import OfficeInfo, require_local_office
from desktop.store.exchange_keys import OfficeKey, TrustEntry
from desktop.store.exchange_state import Outbox, SentBundle
from desktop.store.models import AuditEntry


class ExchangeError(Exception):
    """Exchange work that cannot be done here and now (not a refused file): ``code``
    stable, ``message`` Thai."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass(frozen=True)
class OutboxState:
    recipient_code: str
    recipient_name: str
    next_sequence: int  # the sequence the next bundle gets
    acked_sequence: int  # the last bundle the province acknowledged (0: none)
    acked_at: datetime | None
    restored_at: datetime | None  # a restore the next bundle will announce
    sent: int  # bundles written


@dataclass(frozen=True)
class ReceiptResult:
    receipt: Receipt
    changed: bool  # False: this receipt or a newer one was recorded before
    restored: bool  # the receipt shows this database behind its own line (restored)


def naive(at: datetime) -> datetime:
    return at.astimezone(UTC).replace(tzinfo=None) if at.tzinfo is not None else at


def now_utc(now: datetime | None) -> datetime:
    return (now or datetime.now(UTC)).astimezone(UTC)


def my_keys(session: Session, office: OfficeInfo) -> OfficeKeys:
    """This office's current public keys."""
    row = session.scalars(select(OfficeKey).where(OfficeKey.retired_at.is_(None))
                          .order_by(OfficeKey.id.desc())).first()
    if row is None:
        raise ExchangeError("exchange.no_keys", _(
            "หน่วยงานนี้ยังไม่มีกุญแจสำหรับส่งข้อมูล ให้ผู้ดูแลระบบสั่ง samoe keys card ก่อน"))
    return OfficeKeys(office.code, office.name, bytes(row.sign_public), bytes(row.box_public))


def province_keys(session: Session) -> OfficeKeys:
    """The province this office sends to: its trusted, unrevoked, current key."""
    row = session.scalars(select(TrustEntry).where(
        TrustEntry.office_role == "province", TrustEntry.revoked_at.is_(None), TrustEntry.replaced_by == "")
        .order_by(TrustEntry.id.desc())).first()
    if row is None:
        raise ExchangeError("exchange.no_province", _(
            "ยังไม่ได้ลงทะเบียนบัตรกุญแจของจังหวัด ให้ผู้ดูแลระบบสั่ง samoe keys trust กับไฟล์บัตรกุญแจของจังหวัดก่อน"))
    return OfficeKeys(row.office_code, row.office_name, bytes(row.sign_public), bytes(row.box_public))


def outbox_for(session: Session, recipient_code: str, *, write: bool = True) -> Outbox:
    """The outbox row of ``recipient_code``, made when missing (``write=False``: a new
    one not added to the session, for a plan)."""
    row = session.scalars(select(Outbox).where(Outbox.recipient_code == recipient_code)).first()
    if row is None:
        row = Outbox(recipient_code=recipient_code, next_sequence=1, last_manifest_hash="", acked_sequence=0,
                     acked_manifest_hash="", acked_bundle="", restore_audit_id=0)
        if write:
            session.add(row)
            session.flush()
    return row


def notice_restore(session: Session, outbox: Outbox, *, write: bool = True) -> None:
    """A restore recorded in the audit log since the last one seen marks the outbox
    (``write=False``: only the object in memory, for a plan; the session is not flushed)."""
    entry = session.execute(select(AuditEntry.id, AuditEntry.at).where(
        AuditEntry.action == "restore", AuditEntry.entity == "database",
        AuditEntry.id > outbox.restore_audit_id).order_by(AuditEntry.id.desc()).limit(1)).first()
    if entry is not None:
        if not write and outbox in session:
            session.expunge(outbox)  # changed in memory only: never flushed
        outbox.restore_audit_id = entry.id
        outbox.restored_at = entry.at
        if write:
            session.flush()


def outbox_state(session: Session) -> OutboxState | None:
    """Where this office's line of bundles stands (None: no province enrolled yet)."""
    require(session, Action.EXPORT_APPROVE)
    try:
        province = province_keys(session)
    except ExchangeError:
        return None
    row = session.scalars(select(Outbox).where(Outbox.recipient_code == province.office_code)).first()
    sent = len(session.scalars(select(SentBundle.id).where(SentBundle.recipient_code == province.office_code)).all())
    if row is None:
        return OutboxState(province.office_code, province.office_name, 1, 0, None, None, sent)
    restored = row.restored_at
    if restored is None:
        restored = session.scalar(select(AuditEntry.at).where(
            AuditEntry.action == "restore", AuditEntry.entity == "database",
            AuditEntry.id > row.restore_audit_id).order_by(AuditEntry.id.desc()).limit(1))
    next_sequence = row.acked_sequence + 1 if restored is not None else row.next_sequence
    return OutboxState(province.office_code, province.office_name, next_sequence, row.acked_sequence, row.acked_at,
                       restored, sent)


def import_receipt(session: Session, source: Path | str | bytes, *, now: datetime | None = None) -> ReceiptResult:
    """Record the province's receipt (``export.approve``): after its checks
    (exchange/receipt.verify_receipt; a ``Refusal`` changes nothing), the acknowledged
    bundle moves forward; an older receipt changes nothing. A receipt for a bundle this
    database never wrote shows that it was restored from an older backup: the next bundle
    continues from the receipt and says so."""
    require(session, Action.EXPORT_APPROVE)
    office = require_local_office(session)
    at = now_utc(now)
    receipt = verify_receipt(source, trust=DatabaseTrustList(session), me=my_keys(session, office), now=at)
    outbox = outbox_for(session, receipt.issuer_office)
    if receipt.sequence < outbox.acked_sequence or (
            receipt.sequence == outbox.acked_sequence and receipt.manifest_hash == outbox.acked_manifest_hash):
        return ReceiptResult(receipt, False, False)
    ours = session.scalars(select(SentBundle).where(
        SentBundle.recipient_code == receipt.issuer_office, SentBundle.sequence == receipt.sequence,
        SentBundle.manifest_hash == receipt.manifest_hash)).first()
    behind = ours is None
    outbox.acked_sequence = receipt.sequence
    outbox.acked_manifest_hash = receipt.manifest_hash
    outbox.acked_bundle = receipt.bundle
    outbox.acked_at = naive(at)
    if behind:
        if outbox.restored_at is None:
            outbox.restored_at = naive(at)
        outbox.next_sequence = max(outbox.next_sequence, receipt.sequence + 1)
    session.flush()
    record(session, "exchange_receipt", "exchange", receipt.bundle, {
        "province": receipt.issuer_office, "sequence": receipt.sequence, "manifest": receipt.manifest_hash,
        **({"restored": True} if behind else {})})
    return ReceiptResult(receipt, True, behind)
