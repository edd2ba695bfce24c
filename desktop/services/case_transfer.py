"""A case transferred to another municipality, at the province (issue 13; docs/cases.md,
"Transfer to another municipality"). No Qt.

    pending = pending_transfers(session)                      # every case waiting, by office
    result = write_transfer_file(session, "6300202", out, password=...)

The sending municipality closes the case as transferred naming the receiving office by
its code (services/cases.py ``transfer_close``: an ``oos_transfer`` row); its next bundle
carries the case, its history and the transfer to the province like every case row. The
province holds every municipality's key card, the municipalities only the province's:
so the province hands the case on. ``write_transfer_file`` writes, for one receiving
office, every case transferred to it that the province holds (the child, the case and
every row under it: status history, tracing visits and photos' hashes, assessments by
area, plan versions with goals and actions, follow-ups, referrals) as a transfer file
(desktop/exchange/transfer_file.py): a bundle signed by the province and encrypted to
that office's box key. The receiving office takes each case once
(services/case_transfer_receive.py), so a file written again, or one carrying a case it
already took, is harmless. ``merge`` (a provincial officer).

The province remembers, on each transfer, when it last wrote it into a file, by whom and
the file's name (0024; local columns that never travel): the list says which transfers
are new since the last file, and the municipalities page's button counts them. A file
still carries every transfer for its office (a lost file is written again) and says
which were written before.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, func, select, update
from sqlalchemy.orm import Session

from desktop import __version__
from desktop.domain.office import normalise_office_code
from desktop.domain.roles import Action
from desktop.exchange.bundle import write_bundle
from desktop.exchange.identity import OfficeKeys
from desktop.exchange.transfer_file import HEADER, TREE
from desktop.i18n import _
from desktop.services.access import require, require_any
from desktop.services.audit import record
from desktop.services.exchange_keys import office_private_keys
from desktop.services.exchange_outbox import ExchangeError, naive, now_utc
from desktop.services.exchange_wire import BY_WIRE, WireTable, wire_value
from desktop.services.office import require_local_office
from desktop.store.case_state import OosCase, OosTransfer
from desktop.store.exchange_keys import TrustEntry
from desktop.store.migrate import HEAD_REVISION
from desktop.store.models import Child, Office


@dataclass(frozen=True)
class PendingTransfer:
    """A case a municipality closed as transferred, held here."""

    transfer_uuid: str
    to_office: str
    to_office_name: str
    from_office: str
    from_name: str
    case_uuid: str
    child_name: str
    transferred_on: date
    written_at: datetime | None = None  # (UTC, naive) when last written into a transfer file here
    written_by: str | None = None  # who wrote it (the login)
    written_file: str | None = None  # that file's name


@dataclass(frozen=True)
class OfficeTransfers:
    """The transfers held for one receiving office: all, and those never written into a file."""

    total: int
    new: int


@dataclass(frozen=True)
class TransferFile:
    path: Path
    office_code: str
    office_name: str
    bundle_id: str
    transfers: tuple[PendingTransfer, ...]  # each as it was before this file (written_* of the last one)

    @property
    def written_before(self) -> tuple[PendingTransfer, ...]:
        """The transfers of this file that an earlier file carried already."""
        return tuple(p for p in self.transfers if p.written_at is not None)


def _require_province(session: Session) -> None:
    if require_local_office(session).role != "province":
        raise ExchangeError("exchange.not_province", _(
            "ฐานข้อมูลนี้ไม่ใช่ของจังหวัด ไฟล์ส่งต่อกรณีเขียนได้ที่ฐานข้อมูลของจังหวัดเท่านั้น"))


def _held(query: Any) -> Any:
    """``query`` over the transfers held here: the sending municipality's closed case."""
    return (query.join(OosCase, OosCase.id == OosTransfer.case_id)
            .join(Office, Office.id == OosTransfer.origin_office_id)
            .where(OosTransfer.deleted_at.is_(None), OosCase.deleted_at.is_(None), OosCase.status == "closed",
                   OosCase.outcome == "transferred", Office.is_local.is_(False)))


def _pending(session: Session, office_code: str | None) -> list[PendingTransfer]:
    query = (_held(select(OosTransfer, OosCase.uuid, Child.first_name, Child.last_name, Office.code, Office.name))
             .join(Child, Child.id == OosCase.child_id)
             .order_by(OosTransfer.to_office, OosTransfer.transferred_on, OosTransfer.id))
    if office_code is not None:
        query = query.where(OosTransfer.to_office == office_code)
    return [PendingTransfer(t.uuid, t.to_office, t.to_office_name, code, name, case_uuid, f"{first} {last}".strip(),
                            t.transferred_on, t.written_at, t.written_by, t.written_file)
            for t, case_uuid, first, last, code, name in session.execute(query).tuples()]


def transfers_by_office(session: Session) -> dict[str, OfficeTransfers]:
    """How many transferred cases are held here for each receiving office (its code), and
    how many of them were never written into a transfer file: counted in SQL, for the
    municipalities page's button (pending_transfers reads them all). ``merge`` or
    ``report.province``."""
    _require_province(session)
    require_any(session, Action.MERGE, Action.PROVINCE_REPORT)
    query = _held(select(OosTransfer.to_office, func.count(), func.count() - func.count(OosTransfer.written_at))
                  .select_from(OosTransfer)).group_by(OosTransfer.to_office)
    return {str(code): OfficeTransfers(int(n), int(new)) for code, n, new in session.execute(query).tuples()}


def pending_transfers(session: Session, office_code: str | None = None) -> list[PendingTransfer]:
    """Every case transferred between municipalities held here (to ``office_code`` only,
    when given), by receiving office then date. ``merge`` or ``report.province``."""
    _require_province(session)
    require_any(session, Action.MERGE, Action.PROVINCE_REPORT)
    return _pending(session, normalise_office_code(office_code) if office_code else None)


def _recipient(session: Session, code: str) -> OfficeKeys:
    entry = session.scalars(select(TrustEntry).where(TrustEntry.office_code == code,
                                                     TrustEntry.office_role == "municipality",
                                                     TrustEntry.revoked_at.is_(None))
                            .order_by(TrustEntry.card_created_at.desc(), TrustEntry.id.desc())).first()
    if entry is None:
        raise ExchangeError("transfer.unknown_office", _(
            "ไม่มีบัตรกุญแจของ อปท. รหัส {code} ที่ยังใช้ได้ในรายการที่เชื่อถือของจังหวัด "
            "โปรดลงทะเบียนบัตรกุญแจของ อปท. นั้นก่อน (samoe keys enrol)").format(code=code))
    return OfficeKeys(entry.office_code, entry.office_name, bytes(entry.sign_public), bytes(entry.box_public))


def _wire(conn: Connection, t: WireTable, rows: Iterable[Any]) -> list[dict[str, Any]]:
    """Rows of ``t`` as they travel (references as the uuid of the row named)."""
    out = []
    for row in rows:
        wired = {w: wire_value(row[c]) for w, c in t.fields}
        for w, column, target in t.refs:
            wired[w] = (conn.scalar(select(target.c.uuid).where(target.c.id == row[column]))
                        if row[column] is not None else None)
        out.append(wired)
    return out


def _case_tables(conn: Connection, transfer_uuid: str, tables: dict[str, list[dict[str, Any]]]) -> None:
    """The transfer's row, its case's child (without the household), the case and its tree."""
    t = BY_WIRE["oos_transfer"]
    transfer = conn.execute(select(t.table).where(t.table.c.uuid == transfer_uuid)).mappings().one()
    tables["oos_transfer"] += _wire(conn, t, [transfer])
    case_t = BY_WIRE["oos_case"]
    case = conn.execute(select(case_t.table).where(case_t.table.c.id == transfer["case_id"])).mappings().one()
    child_t = BY_WIRE["child"]
    child = conn.execute(select(child_t.table).where(child_t.table.c.id == case["child_id"])).mappings().one()
    tables["child"] += [{**r, "household": None} for r in _wire(conn, child_t, [child])]
    tables["oos_case"] += _wire(conn, case_t, [case])
    ids: dict[str, list[int]] = {"oos_case": [case["id"]]}
    for wire, (ref, parent) in TREE.items():
        wt = BY_WIRE[wire]
        column = next(c for w, c, _t in wt.refs if w == ref)
        found = conn.execute(select(wt.table).where(wt.table.c[column].in_(ids[parent]))
                             .order_by(wt.table.c.id)).mappings().all()
        ids[wire] = [r["id"] for r in found]
        tables[wire] += _wire(conn, wt, found)


def write_transfer_file(session: Session, office_code: str, out: Path | str, *, password: str | None = None,
                        now: datetime | None = None) -> TransferFile:
    """Write every case transferred to ``office_code`` held here into one transfer file at
    ``out`` (signed by this province, encrypted to that office; written whole or not at
    all), then, in the same transaction as its one audit entry, mark each transfer written
    (when, by whom, the file's name: nothing is marked when the file could not be written).
    The result's transfers are as they were before (``written_before``). ExchangeError ``transfer.none`` when no case waits for
    it, ``transfer.unknown_office`` when its key card is not trusted here."""
    actor = require(session, Action.MERGE)
    _require_province(session)
    code = normalise_office_code(office_code)
    pending = _pending(session, code)
    if not pending:
        raise ExchangeError("transfer.none", _(
            "ไม่มีกรณีที่ส่งต่อให้ อปท. รหัส {code} ในข้อมูลของจังหวัด "
            "(กรณีมาถึงจังหวัดเมื่อ อปท. ต้นทางส่งชุดข้อมูลหลังปิดกรณีแบบส่งต่อแล้ว)").format(code=code))
    recipient = _recipient(session, code)
    private = office_private_keys(session, Action.MERGE, password=password)
    conn = session.connection()
    tables: dict[str, list[dict[str, Any]]] = {name: [] for name in (HEADER, "oos_transfer", "child", "oos_case",
                                                                     *TREE)}
    for p in pending:
        tables[HEADER].append({"transfer": p.transfer_uuid, "from_office": p.from_office,
                               "from_name": p.from_name[:200]})
        _case_tables(conn, p.transfer_uuid, tables)
    at = now_utc(now)
    built = write_bundle(Path(out), sender=private.keys, sign_private=private.signing, recipient=recipient,
                         tables={k: v for k, v in tables.items() if v}, sequence=1, previous=None, created=at,
                         schema=HEAD_REVISION, program=__version__)
    uuids = [p.transfer_uuid for p in pending]
    # the sender's rows stay as they were sent (version, time, stamp): only the local columns
    session.execute(update(OosTransfer).where(OosTransfer.uuid.in_(uuids))
                    .values(written_at=naive(at), written_by=actor.name, written_file=Path(out).name[:255],
                            updated_at=OosTransfer.updated_at)
                    .execution_options(synchronize_session=False))
    record(session, "case_transfer_file", "exchange", built.manifest.bundle, {
        "office": code, "file": Path(out).name, "by": actor.name, "transfers": uuids,
        "cases": [p.case_uuid for p in pending],
        "written_before": [p.transfer_uuid for p in pending if p.written_at is not None]})
    return TransferFile(Path(out), code, recipient.office_name, built.manifest.bundle, tuple(pending))
