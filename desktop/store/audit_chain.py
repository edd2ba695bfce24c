"""The audit log as a hash chain (issue 9): append entries, verify the chain. No Qt, no ORM.

Each row's ``hash`` is SHA-256 of the previous row's hash and the row's own fields in a fixed
JSON form (``chain_hash``, the same as migration 0007's frozen copy; a test holds them
equal). ``append`` gives the new rows their ids inside the write transaction (SQLite
transactions of this program begin IMMEDIATE: the write lock is held before the last row is
read; PostgreSQL takes a transaction-level advisory lock), so two writers cannot fork the
chain. The head (the last id and hash) is kept in the ``setting`` table in the same
transaction: a tail cut off the table no longer matches it.

``verify`` walks the table in id order without loading it and names the first problem: a
row edited, deleted, inserted, or the tail cut.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection

from desktop.i18n import _
from desktop.store.models import utcnow

GENESIS = "0" * 64
HEAD_KEY = "audit.head"
PG_LOCK_ID = 0x53414D4F_0009  # pg_advisory_xact_lock: one writer of the chain at a time
COLUMNS = ("id", "at", "actor", "action", "entity", "entity_uuid", "subject_uuid", "detail",
           "prev_hash", "hash")
ROWS_SQL = f"SELECT {', '.join(COLUMNS)} FROM audit_log"  # noqa: S608 - constant

EDITED, DELETED, INSERTED, CUT = "edited", "deleted", "inserted", "cut"

_encode = json.encoder.encode_basestring  # json.dumps(ensure_ascii=False) of one string
_sha256 = hashlib.sha256


def canonical_at(at: datetime | str) -> str:
    """The time as the chain hashes it: ``YYYY-MM-DD HH:MM:SS.ffffff``."""
    if isinstance(at, str):
        if len(at) == 26 and at[10] == " " and at[19] == ".":  # SQLite's stored form already
            return at
        at = datetime.fromisoformat(at)
    return at.isoformat(sep=" ", timespec="microseconds")


def canonical_body(row_id: int, at: datetime | str, actor: str, action: str, entity: str,
                   entity_uuid: str, subject_uuid: str, detail: str) -> str:
    """``json.dumps([...], ensure_ascii=False, separators=(",", ":"))`` of the fields,
    built from the C string encoder (the same text, about twice as fast)."""
    e = _encode
    return (f"[{int(row_id)},{e(canonical_at(at))},{e(actor)},{e(action)},{e(entity)},"
            f"{e(entity_uuid)},{e(subject_uuid)},{e(detail)}]")


def chain_hash(prev_hash: str, row_id: int, at: datetime | str, actor: str, action: str,
               entity: str, entity_uuid: str, subject_uuid: str, detail: str) -> str:
    """SHA-256 of the previous hash and the row's fields in a fixed JSON form."""
    body = canonical_body(row_id, at, actor, action, entity, entity_uuid, subject_uuid, detail)
    return _sha256(f"{prev_hash}\n{body}".encode()).hexdigest()


@dataclass(frozen=True)
class Entry:
    """One entry to append. ``detail`` is JSON text (or empty)."""

    action: str
    entity: str
    entity_uuid: str = ""
    detail: str = ""
    actor: str = ""
    subject_uuid: str = ""
    at: datetime | None = None


@dataclass(frozen=True)
class Head:
    id: int
    hash: str


@dataclass(frozen=True)
class Problem:
    """The first row where the chain breaks: its id, what happened, a Thai sentence."""

    id: int
    kind: str
    message: str


# --------------------------------------------------------------------------- writing


def _lock(conn: Connection) -> None:
    if conn.dialect.name == "postgresql":
        conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({PG_LOCK_ID})")
    # SQLite: every write transaction here begins IMMEDIATE (store/db.py), the lock is held


def last_row(conn: Connection) -> Head | None:
    row = conn.exec_driver_sql("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1").first()
    return Head(int(row[0]), str(row[1])) if row is not None else None


def stored_head(conn: Connection) -> Head | None:
    """The head kept in ``setting`` (None when no entry was ever chained)."""
    ph = _placeholder(conn)
    value = conn.exec_driver_sql(f"SELECT value FROM setting WHERE key = {ph}",  # noqa: S608
                                 (HEAD_KEY,)).scalar()
    if not value:
        return None
    try:
        data = json.loads(value)
        return Head(int(data["id"]), str(data["hash"]))
    except (ValueError, KeyError, TypeError):
        return Head(-1, str(value))


def _placeholder(conn: Connection) -> str:
    return "?" if conn.dialect.paramstyle in ("qmark", "numeric") else "%s"


def _save_head(conn: Connection, head: Head) -> None:
    ph = _placeholder(conn)
    conn.exec_driver_sql(
        f"INSERT INTO setting (key, value) VALUES ({ph}, {ph}) "  # noqa: S608
        "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        (HEAD_KEY, json.dumps({"id": head.id, "hash": head.hash})),
    )


def append(conn: Connection, entries: Iterable[Entry]) -> Head | None:
    """Append ``entries`` (one statement, ``executemany``) chained to the last row, inside
    the caller's transaction; returns the new head (None when there was nothing to add)."""
    batch = list(entries)
    if not batch:
        return None
    next_id, prev = _chain_start(conn)
    sqlite = conn.dialect.name == "sqlite"
    now = utcnow()
    rows: list[tuple[Any, ...]] = []
    # chain_hash's text, built here with what a batch repeats (time, actor, action, entity,
    # detail) encoded once: a bulk write of 50k entries hashes about twice as fast
    heads: dict[tuple[object, str, str, str], tuple[str, str]] = {}
    details: dict[str, str] = {}
    enc, sha = _encode, _sha256
    for e in batch:
        key = (e.at or now, e.actor, e.action, e.entity)
        found = heads.get(key)
        if found is None:
            at_text = canonical_at(e.at or now)
            found = (at_text, f"{enc(at_text)},{enc(e.actor)},{enc(e.action)},{enc(e.entity)}")
            if len(heads) < 10_000:
                heads[key] = found
        at, fields = found
        detail = details.get(e.detail)
        if detail is None:
            detail = enc(e.detail)
            if len(details) < 10_000:
                details[e.detail] = detail
        digest = sha(f"{prev}\n[{next_id},{fields},{enc(e.entity_uuid)},{enc(e.subject_uuid)},{detail}]"
                     .encode()).hexdigest()
        rows.append((next_id, at if sqlite else datetime.fromisoformat(at), e.actor, e.action,
                     e.entity, e.entity_uuid, e.subject_uuid, e.detail, prev, digest))
        prev = digest
        next_id += 1
    return _chain_end(conn, rows, Head(next_id - 1, prev))


def append_each(conn: Connection, action: str, entity: str, uuids: Sequence[str], *,
                detail: str = "", actor: str, at: datetime | None = None) -> Head | None:
    """``append`` of one entry per uuid that differ only in it (bulk work: the children an
    import made, each its own subject when ``entity`` is "child"): the same rows and hashes
    as ``append`` of those entries, without an ``Entry`` and its lookups each."""
    if not uuids:
        return None
    next_id, prev = _chain_start(conn)
    sqlite = conn.dialect.name == "sqlite"
    at_text = canonical_at(at or utcnow())
    stored_at: object = at_text if sqlite else datetime.fromisoformat(at_text)
    enc, sha = _encode, _sha256
    fields = f"{enc(at_text)},{enc(actor)},{enc(action)},{enc(entity)}"
    tail = enc(detail)
    own_subject = entity == "child"
    no_subject = enc("")
    rows: list[tuple[Any, ...]] = []
    for u in uuids:
        u_text = enc(u)
        digest = sha(f"{prev}\n[{next_id},{fields},{u_text},{u_text if own_subject else no_subject},"
                     f"{tail}]".encode()).hexdigest()
        rows.append((next_id, stored_at, actor, action, entity, u, u if own_subject else "",
                     detail, prev, digest))
        prev = digest
        next_id += 1
    return _chain_end(conn, rows, Head(next_id - 1, prev))


def _chain_start(conn: Connection) -> tuple[int, str]:
    """The next entry's id and the hash it chains on, with the chain locked."""
    _lock(conn)
    last = last_row(conn)
    head = stored_head(conn)
    if head is not None and head.id > (last.id if last is not None else 0):
        # the tail was cut (or every row deleted) outside the program: chain on from the
        # stored head, so the gap stays for ``verify`` to name instead of a new chain hiding it
        last = head
    return (last.id + 1, last.hash) if last is not None else (1, GENESIS)


def _chain_end(conn: Connection, rows: list[tuple[Any, ...]], head: Head) -> Head:
    """Write the chained ``rows`` (one ``executemany``) and ``head`` as the stored head."""
    ph = _placeholder(conn)
    conn.exec_driver_sql(
        f"INSERT INTO audit_log ({', '.join(COLUMNS)}) VALUES ({', '.join([ph] * len(COLUMNS))})",  # noqa: S608
        rows,
    )
    _save_head(conn, head)
    if conn.dialect.name != "sqlite":  # explicit ids do not move PostgreSQL's sequence
        conn.exec_driver_sql(f"SELECT setval(pg_get_serial_sequence('audit_log', 'id'), {head.id})")
    return head


# --------------------------------------------------------------------------- checking


def _stream(conn: Connection, sql: str, size: int = 10_000) -> Iterator[Sequence[Any]]:
    if conn.dialect.name == "sqlite":  # the driver's cursor steps through the table itself
        raw = conn.connection.driver_connection
        assert raw is not None
        cursor = raw.cursor()
        try:
            cursor.arraysize = size
            cursor.execute(sql)
            while chunk := cursor.fetchmany():
                yield from chunk
        finally:
            cursor.close()
        return
    result = conn.execution_options(stream_results=True, max_row_buffer=size).exec_driver_sql(sql)
    try:
        for part in result.partitions(size):
            yield from part
    finally:
        result.close()


def _problem(row_id: int, kind: str, **values: object) -> Problem:
    messages = {
        EDITED: _("บันทึกการแก้ไขลำดับที่ {id} ถูกแก้ไขหลังจากบันทึกแล้ว"),
        DELETED: _("บันทึกการแก้ไขลำดับที่ {id} ถูกลบออก (ก่อนลำดับที่ {next})"),
        INSERTED: _("บันทึกการแก้ไขลำดับที่ {id} ถูกแทรกเข้ามาภายหลัง"),
        CUT: _("บันทึกการแก้ไขตั้งแต่ลำดับที่ {id} ถึง {head} หายไปจากท้ายบันทึก"),
    }
    return Problem(row_id, kind, messages[kind].format(id=row_id, **values))


# SQLite builds each row's hashed text itself (json_array's compact form is json.dumps's with
# ensure_ascii=False): two values a row reach Python instead of ten, and no JSON is built
# here. A row whose hash does not match is computed again in Python before it is called
# edited, so an odd value SQLite spells otherwise cannot raise a false alarm.
SQLITE_TEXT_SQL = ("SELECT id, prev_hash, hash, prev_hash || char(10) || json_array(id, at, actor, "
                   "action, entity, entity_uuid, subject_uuid, detail) FROM audit_log ORDER BY id")


def _rows(conn: Connection) -> Iterator[tuple[int, str, str, str | None]]:
    """(id, prev_hash, hash, the hashed text or None) in id order."""
    if conn.dialect.name == "sqlite" and conn.connection.driver_connection is not None:
        try:
            yield from _stream(conn, SQLITE_TEXT_SQL)  # type: ignore[misc]
            return
        except Exception as exc:  # noqa: BLE001 - no JSON functions in this SQLite
            if "json_array" not in str(exc):
                raise
    for row in _stream(conn, ROWS_SQL + " ORDER BY id"):
        row_id, at, actor, action, entity, entity_uuid, subject_uuid, detail, p, h = row
        yield row_id, p, h, f"{p}\n{canonical_body(row_id, at, actor, action, entity, entity_uuid, subject_uuid, detail)}"


def _row_holds(conn: Connection, row_id: int, prev_hash: str, digest: str) -> bool:
    """The row's own hash, computed in Python from its fields (the slow, sure way)."""
    ph = _placeholder(conn)
    row = conn.exec_driver_sql(f"{ROWS_SQL} WHERE id = {ph}", (row_id,)).first()  # noqa: S608
    return row is not None and chain_hash(prev_hash, *row[:8]) == digest


def verify(conn: Connection) -> Problem | None:
    """The first problem of the chain, or None when it holds (streams the table)."""
    expected = GENESIS
    prev_prev = ""
    prev_id: int | None = None
    sha = _sha256
    for row_id, p, h, text in _rows(conn):
        if p != expected:
            if prev_id is None:  # the first rows are gone
                return _problem(row_id - 1, DELETED, next=row_id)
            if p == prev_prev:  # the row before this one was not there when this was chained
                return _problem(prev_id, INSERTED)
            if row_id != prev_id + 1:
                return _problem(prev_id + 1, DELETED, next=row_id)
            return _problem(prev_id, EDITED)  # its hash recomputed after an edit
        if (text is None or sha(text.encode()).hexdigest() != h) and not _row_holds(conn, row_id, p, h):
            return _problem(row_id, EDITED)
        prev_prev, expected, prev_id = p, h, row_id
    head = stored_head(conn)
    if head is None:
        if prev_id is None:
            return None
        return _problem(prev_id, INSERTED)  # rows but no head: none of them was chained here
    if prev_id is None or head.id > prev_id:
        first = (prev_id or 0) + 1
        return _problem(first, CUT, head=head.id)
    if head.id < prev_id:
        after = conn.exec_driver_sql(f"SELECT min(id) FROM audit_log WHERE id > {int(head.id)}").scalar()  # noqa: S608
        return _problem(int(after or prev_id), INSERTED)
    if head.hash != expected:
        return _problem(prev_id, EDITED)
    return None


def entry_count(conn: Connection) -> int:
    return int(conn.exec_driver_sql("SELECT count(*) FROM audit_log").scalar() or 0)
