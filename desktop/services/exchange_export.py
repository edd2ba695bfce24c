"""Export at the municipality: a signed, encrypted bundle for the province, whole or
incremental, of all data or chosen institutions (issue 10; docs/exchange.md). No Qt.

    plan = plan_export(session, full=False, institutions=("1234567890",))   # counts per kind
    result = export_bundle(session, Path("E:/ส่งจังหวัด.samoe"), password=..., progress=...)

- **Incremental** (the default): every local row created, changed or deleted since the
  last bundle the province acknowledged (``changed_seq`` NULL or above the receipt's
  sequence; tombstones alike); **full**: every local row. After a restore the next
  bundle is always full.
- **Chosen institutions**: their enrolments, the children enrolled there, those
  children's guardianships, guardians and households. Tombstones always all go (a
  deleted row's institution is not known any more).
- Who: a user whose role may approve exports (``export.approve``); the office's signing
  key opens with their password in a plain database.
- One transaction: read, build, write the file atomically (exchange/bundle.write_built:
  temp file, fsync, read back and verified, renamed), then stamp the rows with the
  bundle's sequence, move the outbox on, keep the bundle's record (with every uuid it
  carried, compressed) and one audit entry naming the bundle and the SHA-256 of its
  uuids. A failure before the commit removes the file just written: the sequence is not
  used, nothing is stamped. A sequence is never written twice by one database.
"""

from __future__ import annotations

import hashlib
import json
import zlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from operator import itemgetter
from pathlib import Path
from typing import Any

from sqlalchemy import (
    Connection,
    Select,
    String,
    and_,
    bindparam,
    case,
    func,
    literal,
    not_,
    or_,
    select,
    type_coerce,
    update,
)
from sqlalchemy.orm import Session

from desktop import __version__
from desktop.domain.roles import Action
from desktop.exchange.bundle import build_bundle, seconds, write_built
from desktop.exchange.manifest import ChainState
from desktop.i18n import _
from desktop.services.access import require
from desktop.services.audit import record
from desktop.services.exchange_keys import office_private_keys
from desktop.services.exchange_outbox import (
    ExchangeError,
    naive,
    notice_restore,
    now_utc,
    outbox_for,
    province_keys,
)
from desktop.services.exchange_wire import SYNCED, TOMBSTONE, YEAR, WireTable, wire_value
from desktop.services.office import require_local_office
from desktop.services.progress import Cancelled
from desktop.store.exchange_state import Outbox, SentBundle, Tombstone
from desktop.store.migrate import HEAD_REVISION
from desktop.store.models import (
    AcademicYear,
    AuditEntry,
    Child,
    ChildGuardian,
    Enrollment,
    Institution,
)

CHUNK = 5_000  # rows read at a time
STAMP_CHUNK = 900  # ids in one stamping UPDATE (SQLite's variable limit is far above)

ExportProgress = Callable[[int, int], None]  # (rows done, rows in all); raise Cancelled to stop


@dataclass(frozen=True)
class ExportPlan:
    """What an export would carry: shown before it is written."""

    recipient_code: str
    recipient_name: str
    sequence: int
    full: bool  # every row (asked, or the first bundle after a restore)
    restored: bool
    counts: dict[str, int]  # wire table → rows (tombstones under "tombstone")
    institutions: tuple[str, ...] = ()

    @property
    def total(self) -> int:
        return sum(self.counts.values())


@dataclass(frozen=True)
class ExportResult:
    plan: ExportPlan
    path: Path
    bundle_id: str
    manifest_hash: str
    size: int  # bytes of the file
    rows_sha256: str  # of the sorted uuids it carried (the audit entry names it)
    counts: dict[str, int] = field(default_factory=dict)


@dataclass
class _Scope:
    office_id: int
    acked: int  # rows stamped at or below go no more (0 with full)
    full: bool
    institution_ids: tuple[int, ...] | None  # None: all data


def _institution_ids(session: Session, office_id: int, codes: Sequence[str]) -> tuple[int, ...] | None:
    if not codes:
        return None
    wanted = sorted({c.strip() for c in codes if c.strip()})
    found = dict(session.execute(select(Institution.code, Institution.id).where(
        Institution.code.in_(wanted), Institution.origin_office_id == office_id)).tuples().all())
    missing = [c for c in wanted if c not in found]
    if missing:
        raise ExchangeError("exchange.no_institution", _(
            "ไม่พบสถานศึกษารหัส {codes} ในฐานข้อมูลนี้ โปรดตรวจรหัสสถานศึกษา").format(codes=", ".join(missing)))
    return tuple(sorted(found.values()))


def _in_scope(t: WireTable, scope: _Scope) -> list[Any]:
    tbl = t.table
    ids = scope.institution_ids
    if ids is None:
        return []
    e, cg = Enrollment.__table__, ChildGuardian.__table__
    children = select(e.c.child_id).where(e.c.institution_id.in_(ids))
    if t.name == "institution":
        return [tbl.c.id.in_(ids)]
    if t.name == "enrollment":
        return [tbl.c.institution_id.in_(ids)]
    if t.name == "child":
        return [tbl.c.id.in_(children)]
    if t.name == "child_guardian":
        return [tbl.c.child_id.in_(children)]
    if t.name == "guardian":
        return [tbl.c.id.in_(select(cg.c.guardian_id).where(cg.c.child_id.in_(children)))]
    if t.name == "household":
        c = Child.__table__
        return [tbl.c.id.in_(select(c.c.household_id).where(c.c.id.in_(children)))]
    raise ValueError(t.name)


def _where(t: WireTable, scope: _Scope) -> list[Any]:
    tbl = t.table
    out = [tbl.c.origin_office_id == scope.office_id, *_in_scope(t, scope)]
    if not scope.full:
        out.append(or_(tbl.c.changed_seq.is_(None), tbl.c.changed_seq > scope.acked))
    return out


def _select(t: WireTable, scope: _Scope) -> Select[Any]:
    """The rows of ``t`` to send (PostgreSQL): ``_id``, ``_seq``, then the wire fields."""
    tbl = t.table
    columns: list[Any] = [tbl.c.id.label("_id"), tbl.c.changed_seq.label("_seq")]
    columns += [tbl.c[c].label(w) for w, c in t.fields]
    return _with_refs(t, scope, columns)


def _with_refs(t: WireTable, scope: _Scope, columns: list[Any], tail: Sequence[Any] = ()) -> Select[Any]:
    tbl = t.table
    joined: Any = tbl
    for wire, column, target in t.refs:
        alias = target.alias(f"ref_{wire}")
        joined = joined.outerjoin(alias, alias.c.id == tbl.c[column])
        columns.append((alias.c.year_be if target.name == "academic_year" else alias.c.uuid).label(wire))
    return select(*columns, *tail).select_from(joined).where(*_where(t, scope))


def _sqlite_select(t: WireTable, scope: _Scope) -> Select[Any]:
    """The rows of ``t`` to send (SQLite), each exactly the wire row's values in the wire
    order, then ``_odd`` and ``_id``. A time is stored as text (``YYYY-MM-DD
    HH:MM:SS.ffffff`` as SQLAlchemy writes it) and made the wire's in SQL; ``_odd`` is 1
    when one was stored in another shape (a raw writer's: no fraction, fewer digits),
    which ``_wire_time`` then formats. Dates are stored as the wire's text."""
    tbl = t.table
    columns: list[Any] = []
    odd: list[Any] = []
    for w, c in t.fields:
        col = tbl.c[c]
        if col.type.python_type is datetime:
            text = type_coerce(col, String)
            usual = and_(func.length(text) == 26, func.substr(text, 11, 1) == " ")
            columns.append(case((usual, func.substr(text, 1, 10).concat("T").concat(func.substr(text, 12))),
                                else_=text).label(w))
            odd.append(and_(text.is_not(None), not_(usual)))
        elif col.type.python_type is date:
            columns.append(type_coerce(col, String).label(w))
        else:
            columns.append(col.label(w))
    flag = case((or_(*odd), 1), else_=0) if odd else literal(0)
    return _with_refs(t, scope, columns, (flag.label("_odd"), tbl.c.id.label("_id")))


def _core_chunks(conn: Connection, t: WireTable, query: Select[Any]) -> Iterator[Sequence[Any]]:
    """The rows of ``query``, ``CHUNK`` at a time by id (keyset)."""
    last = 0
    while True:
        chunk = conn.execute(query.where(t.table.c.id > last).order_by(t.table.c.id).limit(CHUNK)).all()
        if not chunk:
            return
        yield chunk
        last = chunk[-1][0]


def _sqlite_chunks(conn: Connection, t: WireTable, query: Select[Any], at_id: int) -> Iterator[list[Any]]:
    """The rows of ``query`` ``CHUNK`` at a time by id (keyset; the id at ``at_id``)
    through the driver's cursor: plain tuples, no result processing, the statement
    compiled once."""
    stmt = query.where(t.table.c.id > bindparam("_last", 0)).order_by(t.table.c.id).limit(CHUNK)
    compiled = stmt.compile(dialect=conn.dialect, compile_kwargs={"render_postcompile": True})
    names = compiled.positiontup or []
    fixed = compiled.params
    raw = conn.connection.driver_connection
    assert raw is not None
    sql = str(compiled)
    last = 0
    while True:
        chunk = raw.execute(sql, [last if n == "_last" else fixed[n] for n in names]).fetchall()
        if not chunk:
            return
        yield chunk
        last = chunk[-1][at_id]


def _iso_time(value: datetime) -> str:
    return value.isoformat(timespec="microseconds")


def _wire_time(stored: str) -> str:
    """SQLite's stored time (``YYYY-MM-DD HH:MM:SS.ffffff`` as SQLAlchemy writes it; a
    raw writer's may lack the fraction or have fewer digits) as the wire's."""
    if len(stored) == 26 and stored[10] == " ":
        return stored[:10] + "T" + stored[11:]
    return datetime.fromisoformat(stored).isoformat(timespec="microseconds")


def _tombstone_where(scope: _Scope) -> list[Any]:
    if scope.full:
        return []
    return [or_(Tombstone.changed_seq.is_(None), Tombstone.changed_seq > scope.acked)]


def _counts(session: Session, scope: _Scope) -> dict[str, int]:
    counts = {}
    for t in SYNCED:
        counts[t.wire] = int(session.scalar(select(func.count()).select_from(t.table).where(*_where(t, scope))) or 0)
    counts[TOMBSTONE] = int(session.scalar(select(func.count()).select_from(Tombstone)
                                           .where(*_tombstone_where(scope))) or 0)
    counts[YEAR] = int(session.scalar(select(func.count()).select_from(AcademicYear)) or 0)
    return counts


def _prepare(session: Session, full: bool, institutions: Sequence[str], *,
             write: bool = True) -> tuple[ExportPlan, _Scope, Outbox]:
    require(session, Action.EXPORT_APPROVE)
    office = require_local_office(session)
    if office.role != "municipality":
        raise ExchangeError("exchange.not_municipality", _(
            "ฐานข้อมูลนี้เป็นของจังหวัด การส่งข้อมูลถึงจังหวัดทำที่ฐานข้อมูลของ อปท."))
    province = province_keys(session)
    outbox = outbox_for(session, province.office_code, write=write)
    notice_restore(session, outbox, write=write)
    restored = outbox.restored_at is not None
    full = full or restored
    sequence = outbox.acked_sequence + 1 if restored else outbox.next_sequence
    scope = _Scope(office.id, 0 if full else outbox.acked_sequence, full,
                   _institution_ids(session, office.id, institutions))
    plan = ExportPlan(province.office_code, province.office_name, sequence, full, restored,
                      _counts(session, scope), tuple(sorted(institutions)))
    return plan, scope, outbox


def plan_export(session: Session, *, full: bool = False, institutions: Sequence[str] = ()) -> ExportPlan:
    """What ``export_bundle`` with the same choices would write (``export.approve``):
    counts per kind, the sequence, whether whole and whether announcing a restore.
    Writes nothing (a reader's session will do)."""
    return _prepare(session, full, institutions, write=False)[0]


class _Collector:
    """The rows read for the bundle: each table's ids to stamp, every uuid that left."""

    def __init__(self) -> None:
        self.ids: dict[str, list[int]] = {}
        self.uuids: list[str] = []
        self.stones: list[int] = []

    def table_rows(self, session: Session, t: WireTable, scope: _Scope) -> Iterator[dict[str, Any]]:
        conn = session.connection()  # Core: no ORM result objects
        if conn.dialect.name == "sqlite":
            return self._sqlite_rows(conn, t, scope)
        return self._core_rows(conn, t, scope)

    def _sqlite_rows(self, conn: Connection, t: WireTable, scope: _Scope) -> Iterator[dict[str, Any]]:
        """SQLite: each row read is the wire row's values in order (``_sqlite_select``),
        made a dict by the fields' names; only an odd time and the booleans (0/1) are
        touched in Python. Nothing is kept to stamp: ``_stamp`` updates by the same
        conditions in the same IMMEDIATE transaction."""
        fields = t.all_fields()
        at_odd, at_id = len(fields), len(fields) + 1
        uuid_of = itemgetter(fields.index("uuid"))
        odd_of = itemgetter(at_odd)
        times = [w for w, c in t.fields if t.table.c[c].type.python_type is datetime]
        bools = [w for w, c in t.fields if t.table.c[c].type.python_type is bool]
        for chunk in _sqlite_chunks(conn, t, _sqlite_select(t, scope), at_id):
            self.uuids.extend(map(uuid_of, chunk))
            rows = [dict(zip(fields, row, strict=False)) for row in chunk]
            if any(map(odd_of, chunk)):
                for row, read in zip(rows, chunk, strict=True):
                    if read[at_odd]:
                        for w in times:
                            if row[w] is not None:
                                row[w] = _wire_time(row[w])
            for w in bools:
                for row in rows:
                    if row[w] is not None:
                        row[w] = bool(row[w])
            yield from rows

    def _core_rows(self, conn: Connection, t: WireTable, scope: _Scope) -> Iterator[dict[str, Any]]:
        """PostgreSQL: through SQLAlchemy's result (times and dates as objects); the ids of
        the pending rows are kept to stamp."""
        ids = self.ids.setdefault(t.name, [])
        uuids = self.uuids
        query = _select(t, scope)
        fields = t.all_fields()
        kinds = [t.table.c[c].type.python_type for _w, c in t.fields]
        times = [i for i, k in enumerate(kinds) if k is datetime]
        dates = [i for i, k in enumerate(kinds) if k is date]
        at_uuid = fields.index("uuid")
        for chunk in _core_chunks(conn, t, query):
            for row in chunk:
                values = list(row[2:])
                for i in times:
                    if values[i] is not None:
                        values[i] = _iso_time(values[i])
                for i in dates:
                    if values[i] is not None:
                        values[i] = values[i].isoformat()
                if row[1] is None:
                    ids.append(row[0])
                uuids.append(values[at_uuid])
                yield dict(zip(fields, values, strict=True))

    def tombstones(self, session: Session, scope: _Scope) -> Iterator[dict[str, Any]]:
        for stone in session.scalars(select(Tombstone).where(*_tombstone_where(scope)).order_by(Tombstone.id)):
            if stone.changed_seq is None:
                self.stones.append(stone.id)
            self.uuids.append(stone.uuid)
            yield {"table": stone.wire_table, "uuid": stone.uuid, "deleted": wire_value(stone.deleted_at)}


def _years(session: Session) -> Iterable[dict[str, Any]]:
    return [{"year": y.year_be, "start": y.start_date.isoformat(), "end": y.end_date.isoformat()}
            for y in session.scalars(select(AcademicYear).order_by(AcademicYear.year_be))]


def _stamp(session: Session, collected: _Collector, sequence: int, scope: _Scope) -> None:
    """Stamp the rows the bundle carried that were pending. SQLite: one UPDATE a table by
    the export's own conditions (the transaction began IMMEDIATE: no other writer since
    the rows were read); PostgreSQL: by the ids read (a row another session committed in
    between must stay pending)."""
    conn = session.connection()
    if conn.dialect.name == "sqlite":
        for t in SYNCED:
            conn.execute(update(t.table).where(*_where(t, scope), t.table.c.changed_seq.is_(None))
                         .values(changed_seq=sequence))
        conn.execute(update(Tombstone).where(Tombstone.changed_seq.is_(None)).values(changed_seq=sequence))
        return
    by_name = {t.name: t for t in SYNCED}
    for name, ids in collected.ids.items():
        tbl = by_name[name].table
        for i in range(0, len(ids), STAMP_CHUNK):
            session.execute(update(tbl).where(tbl.c.id.in_(ids[i:i + STAMP_CHUNK]), tbl.c.changed_seq.is_(None))
                            .values(changed_seq=sequence))
    for i in range(0, len(collected.stones), STAMP_CHUNK):
        session.execute(update(Tombstone).where(Tombstone.id.in_(collected.stones[i:i + STAMP_CHUNK]))
                        .values(changed_seq=sequence))


def _audit_head(session: Session) -> dict[str, Any] | None:
    row = session.execute(select(AuditEntry.id, AuditEntry.hash).order_by(AuditEntry.id.desc()).limit(1)).first()
    return {"id": int(row[0]), "hash": str(row[1])} if row is not None and row[1] else None


def export_bundle(session: Session, out: Path, *, password: str | None = None, full: bool = False,
                  institutions: Sequence[str] = (), progress: ExportProgress | None = None,
                  now: datetime | None = None) -> ExportResult:
    """Write the next bundle to ``out`` (see the module's text). ``progress(done, total)``
    after each payload file may raise ``Cancelled``: nothing is written or stamped.
    Raises ExchangeError, OfficeKeyError (the keys), NotPermitted, OSError (the file)."""
    plan, scope, outbox = _prepare(session, full, institutions)
    actor = require(session, Action.EXPORT_APPROVE)
    office = require_local_office(session)
    private = office_private_keys(session, Action.EXPORT_APPROVE, password=password)
    recipient = province_keys(session)
    at = now_utc(now)
    previous = (outbox.acked_manifest_hash if plan.restored else outbox.last_manifest_hash) or None
    collected = _Collector()
    tables: dict[str, Iterable[dict[str, Any]]] = {
        t.wire: collected.table_rows(session, t, scope) for t in SYNCED}
    tables[TOMBSTONE] = collected.tombstones(session, scope)
    tables[YEAR] = _years(session)
    total = plan.total

    def step(done: int) -> None:
        if progress is not None:
            progress(done, total)

    built = build_bundle(
        sender=private.keys, sign_private=private.signing, recipient=recipient, tables=tables,
        sequence=plan.sequence, previous=previous if plan.sequence > 1 else None, created=at,
        schema=HEAD_REVISION, program=__version__, audit_head=_audit_head(session),
        restored={"at": seconds(_aware(outbox.restored_at))}
        if plan.restored and outbox.restored_at is not None else None,
        progress=step, base=_base(outbox))
    target = Path(out)
    write_built(target, built, private.keys.sign_public)
    try:
        uuids = "\n".join(sorted(collected.uuids)).encode("ascii")
        digest = hashlib.sha256(uuids).hexdigest()
        counts = dict(built.manifest.counts)
        _stamp(session, collected, plan.sequence, scope)
        outbox.next_sequence = plan.sequence + 1
        outbox.last_manifest_hash = built.manifest_hash
        outbox.restored_at = None
        session.add(SentBundle(uuid=built.manifest.bundle, recipient_code=recipient.office_code,
                               sequence=plan.sequence, manifest_hash=built.manifest_hash, created_at=naive(at),
                               created_by=actor.name, file_name=target.name, full=plan.full,
                               restored=plan.restored, counts=json.dumps(counts, sort_keys=True),
                               rows_sha256=digest, rows=zlib.compress(uuids, 1)))  # level 1: uuids are hex, 6 saves 4% at 4x the time
        session.flush()
        record(session, "exchange_export", "exchange", built.manifest.bundle, {
            "province": recipient.office_code, "sequence": plan.sequence, "manifest": built.manifest_hash,
            "file": target.name, "full": plan.full, "counts": counts, "rows": len(collected.uuids),
            "rows_sha256": digest, "office": office.code,
            **({"institutions": list(plan.institutions)} if plan.institutions else {}),
            **({"restored": True} if plan.restored else {})})
        session.flush()
    except BaseException:
        target.unlink(missing_ok=True)  # the database does not know it: no file either
        raise
    return ExportResult(plan, target, built.manifest.bundle, built.manifest_hash, len(built.data), digest, counts)


def _base(outbox: Outbox) -> ChainState | None:
    """The last receipt: the rows chosen are every row changed since (a full bundle: every
    row), so the province may accept this bundle in place of lost ones after it."""
    if outbox.acked_sequence and outbox.acked_manifest_hash:
        return ChainState(outbox.acked_sequence, outbox.acked_manifest_hash)
    return None


def _aware(at: datetime) -> datetime:
    return at.replace(tzinfo=UTC) if at.tzinfo is None else at


def sent_uuids(session: Session, bundle_id: str) -> list[str]:
    """The uuids of every row a bundle carried (``export.approve`` or ``audit.read``: what
    a lost USB stick held), checked against the SHA-256 its audit entry names."""
    from desktop.services.access import require_any

    require_any(session, Action.EXPORT_APPROVE, Action.AUDIT_READ)
    row = session.scalars(select(SentBundle).where(SentBundle.uuid == bundle_id)).first()
    if row is None:
        raise ExchangeError("exchange.no_bundle", _("ไม่พบชุดข้อมูล {uuid} ในประวัติการส่ง").format(uuid=bundle_id))
    data = zlib.decompress(bytes(row.rows))
    if hashlib.sha256(data).hexdigest() != row.rows_sha256:
        raise ExchangeError("exchange.damaged", _("รายการข้อมูลที่บันทึกไว้ของชุดนี้ไม่ตรงกับบันทึกการใช้งาน"))
    return data.decode("ascii").split("\n") if data else []


__all__ = ["Cancelled", "ExportPlan", "ExportResult", "export_bundle", "plan_export", "sent_uuids"]
