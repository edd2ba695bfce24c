"""Verify and import at the province (issue 10; docs/exchange.md). No Qt.

    check = verify_file(session, path, password=...)        # every check, nothing written
    result = import_file(session, path, password=...)       # in the caller's transaction

- **Verify**, cheapest first (exchange/bundle.verify_bundle) against this database: the
  trust list, this office's keys (opened for ``merge``, a provincial officer's), the
  sender's chain as last accepted here, every row's schema (services/exchange_wire.py).
  A ``Refusal`` carries the reason code and the Thai message; nothing is written.
- **Already imported**: the same file again (its bundle uuid and manifest hash recorded
  here) is no refusal: ``already`` is set and nothing changes.
- **A restored sender**: a chain refusal of a bundle that says ``restored`` and continues
  from a bundle this province accepted from that sender (``sequence − 1`` and
  ``previous``) is verified again from there and accepted: the sender's chain continues
  from it, the bundle's record keeps the restore and where the fork began.
- **A lost bundle**: a bundle beyond the next whose ``base`` (the last receipt it was
  built on) is this province's state of that sender carries every row the missing
  bundles held: it is accepted, superseding them; the gap is kept (``superseded``, the
  record's ``continued_from``, the audit entry). Any other gap is refused (``chain.gap``).
- **Import**, all in the caller's ONE transaction with the bundle's record, the sender's
  chain and one audit entry (a failure or a kill leaves the database as it was):
  academic years by their year; rows merged by uuid (new: inserted with the sender as
  their origin office; the same office's: replaced when it differs, unless it is an
  older version (a lower ``version``: ``updated_at`` moves with derived keys too) than
  the row here (a restored bundle's replace
  all the same: the sender's database is what it is now); another office's uuid: kept,
  counted ``other_office``); tombstones mark the sender's rows deleted (``deleted_at``:
  the province keeps what it was sent); references by uuid (an unknown household left
  empty, an enrolment or guardianship whose child is unknown skipped, counted); the
  derived sort keys computed here. A child whose national ID is also a live child of
  another office goes on the reconcile list (services/exchange_province.py).
- **Issue 11's rows** (screenings, their members, certifications and photos' hashes,
  grant rounds, attendance, payments; terms by year and number): the same merge, but a
  required reference (a screening's child, a payment's round ...) that is neither in the
  bundle nor held here from the same sender refuses the bundle at verify, before
  anything is written (``payload.unresolved``: exchange/references.py).
- **Issue 12's rows** (a centre's rooms, placements, registers, absences, closed days,
  rates; growth measurements, DSPM checks, their items and referrals): the same, and every
  reference they name must resolve, a nullable one too (``exchange_wire.NAMED``); a
  re-check whose first check came in the same file gets its reference once both rows are
  written (``BundleApplier.link_within``).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterable
from contextlib import nullcontext
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, cast

from sqlalchemy import Connection, Table, bindparam, select, update
from sqlalchemy.orm import Session

from desktop.domain.roles import Action
from desktop.domain.sort_keys import enrolment_sort_keys, household_sort_keys
from desktop.exchange.bundle import ChainRefusal, VerifiedBundle, verify_bundle
from desktop.exchange.keypair import PrivateKeys
from desktop.exchange.manifest import ChainState, Manifest
from desktop.exchange.references import References
from desktop.services.access import require
from desktop.services.audit import record
from desktop.services.exchange_keys import office_private_keys
from desktop.services.exchange_outbox import ExchangeError, naive, now_utc
from desktop.services.exchange_trust import DatabaseTrustList
from desktop.services.exchange_wire import (
    BY_WIRE,
    SYNCED,
    TERM,
    TERM_REF,
    TOMBSTONE,
    YEAR,
    WireTable,
    check_row,
    column_values,
    parse_date,
    parse_time,
    required_refs,
    term_key,
)
from desktop.services.office import require_local_office
from desktop.store import pg_counts
from desktop.store.exchange_state import ReceivedBundle, SenderState
from desktop.store.list_keys import refresh_children, refresh_institution
from desktop.store.models import AcademicYear, Institution, Office, Term, name_sort_key, utcnow
from desktop.store.pg_stats import analyze_grown

CHUNK = 900  # uuids in one IN (...)

ImportProgress = Callable[[int, int], None]  # (rows done, rows in all)


@dataclass(frozen=True)
class BundleCheck:
    """A bundle that passed every check here (or was imported before)."""

    manifest: Manifest
    manifest_hash: str
    sender_name: str
    already: bool  # imported here before: importing again changes nothing
    fork_from: int | None  # a restored sender's bundle accepted from this sequence
    verified: VerifiedBundle | None = None
    # the sender's missing bundles this one supersedes (a lost file: it is built on the
    # last receipt, so it carries every row they held); empty: none
    superseded: range = range(0)

    @property
    def restored(self) -> bool:
        return self.manifest.restored is not None

    @property
    def continued_from(self) -> int | None:
        """The sequence accepted here that this bundle continues from, when not simply the
        one before it: a restored sender's fork base, or the last bundle before a gap."""
        if self.fork_from is not None:
            return self.fork_from
        return self.superseded.start - 1 if self.superseded else None


@dataclass(frozen=True)
class ImportResult:
    check: BundleCheck
    applied: dict[str, dict[str, int]] = field(default_factory=dict)  # wire table → outcome → rows
    reconcile: int = 0  # new pairs on the reconcile list

    @property
    def already(self) -> bool:
        return self.check.already


def _state(session: Session, office_code: str) -> ChainState | None:
    row = session.scalars(select(SenderState).where(SenderState.office_code == office_code)).first()
    return ChainState(row.sequence, row.manifest_hash) if row is not None else None


def _received(session: Session, bundle: str, digest: str) -> ReceivedBundle | None:
    return session.scalars(select(ReceivedBundle).where(ReceivedBundle.uuid == bundle,
                                                        ReceivedBundle.manifest_hash == digest)).first()


def _fork_base(session: Session, manifest: Manifest) -> ChainState | None | bool:
    """Where a restored sender's bundle continues from, when this province accepted that
    bundle (None: from the start); False when it continues from nothing known here."""
    if manifest.restored is None:
        return False
    if manifest.sequence == 1 and manifest.previous is None:
        return None
    base = session.scalars(select(ReceivedBundle).where(
        ReceivedBundle.office_code == manifest.sender_office, ReceivedBundle.sequence == manifest.sequence - 1,
        ReceivedBundle.manifest_hash == manifest.previous)).first()
    return ChainState(base.sequence, base.manifest_hash) if base is not None else False


def _references() -> References:
    return References({t.wire: required_refs(t) for t in SYNCED}, keys={TERM: "term"})


def _held(session: Session, office_code: str) -> Callable[[str, set[str]], set[str]]:
    """What this province holds of a table, of those keys: the terms it knows, and the
    rows it holds from the sender (another office's row is not the sender's to refer to)."""
    office_id = session.scalar(select(Office.id).where(Office.code == office_code, Office.is_local.is_(False)))

    def known(table: str, keys: set[str]) -> set[str]:
        if table == TERM:
            return {term_key(n, y) for n, y in session.execute(
                select(Term.number, AcademicYear.year_be).join(AcademicYear)).tuples()} & keys
        if office_id is None:
            return set()
        tbl = BY_WIRE[table].table
        wanted = sorted(keys)
        found: set[str] = set()
        for i in range(0, len(wanted), CHUNK):
            found.update(session.scalars(select(tbl.c.uuid).where(tbl.c.uuid.in_(wanted[i:i + CHUNK]),
                                                                  tbl.c.origin_office_id == office_id)))
        return found

    return known


def _check(session: Session, data: bytes, private: PrivateKeys, now: datetime) -> BundleCheck:
    trust = DatabaseTrustList(session)

    def verify(chain: ChainState | None) -> VerifiedBundle:
        refs = _references()

        def row_check(table: str, row: dict[str, Any]) -> None:
            check_row(table, row)
            refs.see(table, row)

        verified = verify_bundle(data, trust=trust, me=private.keys, box_private=private.box, chain=chain, now=now,
                                 row_check=row_check)
        refs.check(_held(session, verified.manifest.sender_office))
        return verified

    try:
        verified = verify(_chain_of(session, data))
    except ChainRefusal as refusal:
        if _received(session, refusal.manifest.bundle, refusal.manifest_hash) is not None:
            trusted = trust.find(refusal.manifest.sender_key)
            return BundleCheck(refusal.manifest, refusal.manifest_hash,
                               trusted.keys.office_name if trusted else refusal.manifest.sender_office, True, None)
        base = _fork_base(session, refusal.manifest)
        if base is False:
            raise
        verified = verify(base if isinstance(base, ChainState) else None)
        fork = base.sequence if isinstance(base, ChainState) else 0
        return BundleCheck(verified.manifest, verified.manifest_hash, verified.sender.keys.office_name, False, fork,
                           verified, verified.superseded)
    return BundleCheck(verified.manifest, verified.manifest_hash, verified.sender.keys.office_name, False, None,
                       verified, verified.superseded)


def _chain_of(session: Session, data: bytes) -> ChainState | None:
    """The sender's chain as accepted here: the sender is read from the manifest that the
    verifier checks next (a wrong guess only changes which chain refusal it gives)."""
    from desktop.exchange import archive, canonical
    from desktop.exchange.bundle import MANIFEST_NAME

    try:
        raw = archive.peek(data, MANIFEST_NAME)
        value = canonical.loads(raw) if raw is not None else None
        office = value["sender"]["office"] if isinstance(value, dict) else None
    except Exception:  # noqa: BLE001 - the verifier gives the reason
        office = None
    return _state(session, office) if isinstance(office, str) else None


def read_bundle_bytes(source: Path | str | bytes) -> bytes:
    from desktop.exchange import archive
    from desktop.exchange.reasons import Refusal

    if isinstance(source, bytes | bytearray | memoryview):
        return bytes(source)
    path = Path(source)
    if path.stat().st_size > archive.MAX_ARCHIVE_BYTES:
        raise Refusal("archive.too_large", str(path))
    return path.read_bytes()


def _open(session: Session, password: str | None) -> PrivateKeys:
    require(session, Action.MERGE)
    office = require_local_office(session)
    if office.role != "province":
        from desktop.i18n import _

        raise ExchangeError("exchange.not_province", _(
            "ฐานข้อมูลนี้ไม่ใช่ของจังหวัด ชุดข้อมูลจาก อปท. นำเข้าได้ที่ฐานข้อมูลของจังหวัดเท่านั้น"))
    return office_private_keys(session, Action.MERGE, password=password)


def verify_file(session: Session, source: Path | str | bytes, *, password: str | None = None,
                now: datetime | None = None) -> BundleCheck:
    """Every check of a bundle against this province (``merge``); writes nothing.
    Raises Refusal (its code and Thai message), ExchangeError, OfficeKeyError."""
    private = _open(session, password)
    return _check(session, read_bundle_bytes(source), private, now_utc(now))


# --------------------------------------------------------------------------- applying


def sender_office(session: Session, code: str, name: str, *, own: ExchangeError | None = None) -> int:
    """The sending municipality's office row (made on its first file); ``own`` (else the
    bundle's message) is raised when the file came from this office itself."""
    row = session.scalars(select(Office).where(Office.code == code)).first()
    if row is None:
        row = Office(code=code, name=name[:200], role="municipality", is_local=False)
        session.add(row)
        session.flush()
    elif row.is_local:
        from desktop.i18n import _

        raise own or ExchangeError("exchange.own_office", _("ชุดข้อมูลนี้มาจากหน่วยงานนี้เอง ไม่ต้องนำเข้า"))
    return row.id


def _ids(conn: Connection, table: Table, uuids: Iterable[str]) -> dict[str, int]:
    wanted = sorted({u for u in uuids if u})
    out: dict[str, int] = {}
    for i in range(0, len(wanted), CHUNK):
        out.update(conn.execute(select(table.c.uuid, table.c.id).where(table.c.uuid.in_(wanted[i:i + CHUNK])))
                   .tuples().all())
    return out


class BundleApplier:
    def __init__(self, session: Session, verified: VerifiedBundle, office_id: int, restored: bool) -> None:
        self.session = session
        self.conn = session.connection()
        self.verified = verified
        self.office_id = office_id
        self.restored = restored
        self.applied: dict[str, Counter[str]] = {}
        self.years: dict[int, int] = {}
        self.terms: dict[str, int] = {}
        self.children: set[int] = set()
        self.new_children: list[str] = []
        self.renamed: list[tuple[int, str]] = []
        self.names: dict[int, str] = {}
        self.now = utcnow()

    def count(self, table: str, outcome: str, n: int = 1) -> None:
        self.applied.setdefault(table, Counter())[outcome] += n

    def run(self, progress: ImportProgress | None) -> None:
        total = sum(self.verified.manifest.counts.values())
        done = 0
        self.apply_years()
        self.apply_terms()
        for t in SYNCED:
            for f in self.verified.manifest.files:
                if f.table == t.wire:
                    self.apply_file(t, list(self.verified.file_rows(f)))
                    done += f.rows
                    if progress is not None:
                        progress(done, total)
        for f in self.verified.manifest.files:
            if f.table == TOMBSTONE:
                self.apply_tombstones(list(self.verified.file_rows(f)))
        for institution_id, name in self.renamed:
            refresh_institution(self.conn, institution_id, name)
        if self.children:
            refresh_children(self.conn, self.children)
        # PostgreSQL: the tables this bundle grew enough get their planner statistics now
        # (a province's first bundles fill empty tables; autovacuum comes later)
        analyze_grown(self.conn, {BY_WIRE[w].name: c["inserted"] + c["updated"]
                                  for w, c in self.applied.items() if w in BY_WIRE})

    def apply_years(self) -> None:
        table = cast(Table, AcademicYear.__table__)
        have = dict(self.conn.execute(select(table.c.year_be, table.c.id)).tuples().all())
        for _t, row in self.verified.rows(YEAR):
            if row["year"] not in have:
                self.conn.execute(table.insert().values(
                    year_be=row["year"], start_date=parse_date(row["start"]), end_date=parse_date(row["end"])))
                have[row["year"]] = self.conn.execute(
                    select(table.c.id).where(table.c.year_be == row["year"])).scalar_one()
                self.count(YEAR, "inserted")
        self.years = have

    def apply_terms(self) -> None:
        """Terms by their year and number (a bundle of format 1 before issue 11 has none)."""
        table = cast(Table, Term.__table__)
        have = {term_key(n, y): i for n, y, i in self.conn.execute(
            select(table.c.number, AcademicYear.year_be, table.c.id).join(AcademicYear)).tuples()}
        for _t, row in self.verified.rows(TERM):
            if row["term"] in have:
                continue
            match = TERM_REF.fullmatch(row["term"])
            assert match is not None  # check_row
            year_id = self.years.get(int(match.group(2)))
            if year_id is None:
                year_id = self.add_year(int(match.group(2)))
            self.conn.execute(table.insert().values(
                academic_year_id=year_id, number=int(match.group(1)), start_date=parse_date(row["start"]),
                end_date=parse_date(row["end"])))
            have[row["term"]] = int(self.conn.execute(select(table.c.id).where(
                table.c.academic_year_id == year_id, table.c.number == int(match.group(1)))).scalar_one())
            self.count(TERM, "inserted")
        self.terms = have

    def add_year(self, year_be: int) -> int:
        """A year a term names that the bundle did not carry (the usual calendar)."""
        from desktop.services.years import year_bounds

        table = cast(Table, AcademicYear.__table__)
        start, end, _terms = year_bounds(year_be)
        self.conn.execute(table.insert().values(year_be=year_be, start_date=start, end_date=end))
        self.years[year_be] = int(self.conn.execute(select(table.c.id).where(table.c.year_be == year_be)).scalar_one())
        self.count(YEAR, "inserted")
        return self.years[year_be]

    def institution_name(self, institution_id: int) -> str:
        if institution_id not in self.names:
            self.names[institution_id] = self.conn.scalar(
                select(Institution.name).where(Institution.id == institution_id)) or ""
        return self.names[institution_id]

    def refs(self, t: WireTable, rows: list[dict[str, Any]]) -> dict[str, dict[str, int]]:
        out = {}
        for wire, _column, target in t.refs:
            if target.name not in ("academic_year", "term"):
                out[wire] = _ids(self.conn, target, (r[wire] for r in rows))
        return out

    def values(self, t: WireTable, row: dict[str, Any], refs: dict[str, dict[str, int]]) -> dict[str, Any] | None:
        values = column_values(t, row)
        for wire, column, target in t.refs:
            if target.name == "academic_year":
                found = self.years.get(row[wire])
            elif target.name == "term":
                found = self.terms.get(row[wire])
            else:
                found = refs[wire].get(row[wire]) if row[wire] is not None else None
            if found is None and not t.table.c[column].nullable:
                return None  # what it refers to never came here
            values[column] = found
        if t.name == "child":
            values["first_name_key"] = name_sort_key(values["first_name"])
            values["last_name_key"] = name_sort_key(values["last_name"])
        elif t.name == "household":
            values["subdistrict_key"], values["village_key"], values["house_key"] = household_sort_keys(
                values["subdistrict"], values["village_no"], values["house_no"])
        elif t.name == "enrollment":
            name = self.institution_name(values["institution_id"])
            values["institution_key"], values["level_key"], values["classroom_key"] = enrolment_sort_keys(
                name or "", values["level_code"], values["classroom"])
        elif t.name in ("screening_photo", "oos_trace_photo"):
            values["data"] = b""  # a photo's bytes never travel: its hash and size do
        values["origin_office_id"] = self.office_id  # changed_seq stays NULL: an export sends local rows only
        return values

    def apply_file(self, t: WireTable, rows: list[dict[str, Any]]) -> None:
        tbl = t.table
        existing: dict[str, Any] = {}
        uuids = [r["uuid"] for r in rows]
        for i in range(0, len(uuids), CHUNK):
            for found in self.conn.execute(select(tbl).where(tbl.c.uuid.in_(uuids[i:i + CHUNK]))):
                existing[found.uuid] = found._mapping
        refs = self.refs(t, rows)
        inserts, updates = [], []
        for row in rows:
            values = self.values(t, row, refs)
            if values is None:
                self.count(t.wire, "unresolved")
                continue
            old = existing.get(row["uuid"])
            if old is None:
                inserts.append(values)
                continue
            if old["origin_office_id"] != self.office_id:
                self.count(t.wire, "other_office")
                continue
            if all(old[c] == v for c, v in values.items()):
                self.count(t.wire, "unchanged")
            elif values["version"] < old["version"] and not self.restored:
                self.count(t.wire, "older")  # a newer version is here already
            else:
                updates.append({**values, "_id": old["id"]})
        if updates:  # first: a row deleted and its successor made (one live screening a child and term)
            columns = [c for c in updates[0] if c not in ("_id", "uuid", "origin_office_id")]
            self.conn.execute(update(tbl).where(tbl.c.id == bindparam("_id"))
                              .values({c: bindparam(c) for c in columns}), updates)
            self.count(t.wire, "updated", len(updates))
        if inserts:  # new children counted by id after, not by a trigger each (pg_counts)
            with pg_counts.paused(self.conn) if t.name == "child" else nullcontext() as kept:
                self.conn.execute(tbl.insert(), inserts)
                if kept is not None:
                    kept.added_ids(_ids(self.conn, tbl, [v["uuid"] for v in inserts]).values())
            self.count(t.wire, "inserted", len(inserts))
        if any(target is tbl for _w, _c, target in t.refs):
            self.link_within(t, [r for r in rows if r["uuid"] in {v["uuid"] for v in (*inserts, *updates)}])
        if t.name == "child":
            self.new_children += [v["uuid"] for v in inserts] + [v["uuid"] for v in updates]
            ids = _ids(self.conn, tbl, [v["uuid"] for v in inserts])
            self.children.update(ids.values())
            self.children.update(v["_id"] for v in updates)
        elif t.name == "enrollment":
            self.children.update(v["child_id"] for v in (*inserts, *updates))
        elif t.name == "institution":
            self.renamed += [(v["_id"], v["name"]) for v in updates]

    def link_within(self, t: WireTable, rows: list[dict[str, Any]]) -> None:
        """A reference within the same table (a re-check's first check): a row it names that
        came in the same file had no id yet when the rows were written; filled now."""
        tbl = t.table
        for wire, column, target in t.refs:
            if target is not tbl:
                continue
            named = [r for r in rows if r[wire] is not None]
            ids = _ids(self.conn, tbl, [*(r["uuid"] for r in named), *(r[wire] for r in named)])
            links = [{"_id": ids[r["uuid"]], "_to": ids[r[wire]]} for r in named
                     if r["uuid"] in ids and r[wire] in ids]
            if links:
                self.conn.execute(update(tbl).where(tbl.c.id == bindparam("_id"),
                                                    tbl.c[column].is_distinct_from(bindparam("_to")))
                                  .values({column: bindparam("_to"), "updated_at": tbl.c.updated_at}), links)

    def apply_tombstones(self, rows: list[dict[str, Any]]) -> None:
        for row in rows:
            t = BY_WIRE[row["table"]]
            tbl = t.table
            result = self.conn.execute(update(tbl).where(
                tbl.c.uuid == row["uuid"], tbl.c.origin_office_id == self.office_id, tbl.c.deleted_at.is_(None))
                .values(deleted_at=parse_time(row["deleted"]), version=tbl.c.version + 1, updated_at=self.now))
            self.count(TOMBSTONE, "deleted" if result.rowcount else "unknown")
            if t.name == "child" and result.rowcount:
                self.children.update(_ids(self.conn, tbl, [row["uuid"]]).values())


def import_file(session: Session, source: Path | str | bytes, *, password: str | None = None,
                now: datetime | None = None, file_name: str = "",
                progress: ImportProgress | None = None) -> ImportResult:
    """Verify a bundle and apply it in ``session``'s transaction with its record (see the
    module's text; ``merge``). The same file again: ``already``, nothing changes."""
    from desktop.services.exchange_province import find_reconcile

    private = _open(session, password)
    at = now_utc(now)
    data = read_bundle_bytes(source)
    check = _check(session, data, private, at)
    if check.already or check.verified is None:
        return ImportResult(check)
    manifest = check.manifest
    office_id = sender_office(session, manifest.sender_office, check.sender_name)
    applier = BundleApplier(session, check.verified, office_id, check.restored)
    applier.run(progress)
    pairs = find_reconcile(session, office_id, manifest.sender_office, applier.new_children, manifest.bundle)
    applied = {table: dict(sorted(c.items())) for table, c in sorted(applier.applied.items())}
    restored_at = naive(datetime.fromtimestamp(manifest.restored["at"], tz=at.tzinfo)) if manifest.restored else None
    session.add(ReceivedBundle(
        uuid=manifest.bundle, office_code=manifest.sender_office, key_id=manifest.sender_key,
        sequence=manifest.sequence, manifest_hash=check.manifest_hash,
        created_at=naive(datetime.fromtimestamp(manifest.created, tz=at.tzinfo)), imported_at=naive(at),
        imported_by=require(session, Action.MERGE).name,
        file_name=file_name or (Path(source).name if isinstance(source, str | Path) else ""),
        counts=json.dumps(dict(manifest.counts), sort_keys=True), applied=json.dumps(applied, sort_keys=True),
        restored_at=restored_at, continued_from=check.continued_from))
    state = session.scalars(select(SenderState).where(SenderState.office_code == manifest.sender_office)).first()
    if state is None:
        state = SenderState(office_code=manifest.sender_office, office_id=office_id, restores=0)
        session.add(state)
    state.sequence, state.manifest_hash = manifest.sequence, check.manifest_hash
    state.bundle_uuid, state.imported_at = manifest.bundle, naive(at)
    if manifest.restored is not None:
        state.restores = (state.restores or 0) + 1
    session.flush()
    record(session, "exchange_import", "exchange", manifest.bundle, {
        "office": manifest.sender_office, "sequence": manifest.sequence, "manifest": check.manifest_hash,
        "counts": dict(manifest.counts), "applied": applied, "reconcile": pairs,
        **({"restored": True, "continued_from": check.fork_from} if manifest.restored else {}),
        **({"superseded": [check.superseded[0], check.superseded[-1]]} if check.superseded else {})})
    return ImportResult(check, applied, pairs)
