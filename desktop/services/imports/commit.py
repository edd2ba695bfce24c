"""Writing an import plan, listing the imports, undoing one.

A commit writes every importable row in the caller's transaction with the driver's
``executemany`` (no ORM object per row): households, guardians, children, guardian links
and enrolments, each row marked with the batch that made it, plus one ``import_batch`` row
and one audit entry. Into a registry smaller than the import, the secondary indexes and the
search triggers are set aside and rebuilt once at the end (as ``samoe demo`` does), inside
the same transaction, so a failure leaves the schema and the data as they were; the
households' member counts (0008) are then written with the new households' rows, and
added to the registry households the rows join, instead of recounting every household.

Undo soft-deletes, in one statement per table, what the batch made: its children, their
enrolments and guardian links, and the guardians and households it created that no other
live record uses.
"""

from __future__ import annotations

import json
import random
import secrets
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import (
    ColumnElement,
    Connection,
    Table,
    and_,
    exists,
    func,
    select,
    update,
)
from sqlalchemy.orm import Session

from desktop.domain.dates import format_be_local
from desktop.domain.identity import IdType
from desktop.domain.roles import Action
from desktop.domain.sort_keys import enrolment_sort_keys, household_sort_keys
from desktop.i18n import _
from desktop.services.access import require, require_any
from desktop.services.audit import default_actor, record, record_per_child
from desktop.services.backup import BEFORE_IMPORT, BEFORE_UNDO, backup_before
from desktop.services.backup_ahead import take_backup_before
from desktop.services.demo import deferred_indexes, insert_sql
from desktop.services.office import require_local_office
from desktop.services.progress import Progress
from desktop.services.years import ensure_year
from desktop.store.models import (
    Base,
    Child,
    ImportBatch,
    Institution,
    name_sort_key,
    new_uuid,
    utcnow,
)

from .batch_whole import BatchWhole, batch_whole, whole_file_detail
from .cells import no_gc
from .model import ImportPlan, PlannedRow
from .wholefile import WholeFile

TABLES = ("household", "guardian", "child", "child_guardian", "enrollment")
SYNC = ("id", "uuid")  # then version, times, office, batch: the same for every row (BulkRows.fixed)
COLUMNS: dict[str, tuple[str, ...]] = {
    "household": SYNC + ("house_code", "phone", "note", "house_no", "village_no", "village_name",
                         "soi", "road", "subdistrict", "district", "province", "postcode",
                         "subdistrict_key", "village_key", "house_key", "child_count",
                         "guardian_count"),
    "guardian": SYNC + ("prefix", "first_name", "last_name", "national_id", "phone", "occupation",
                        "household_id"),
    "child": SYNC + ("prefix", "first_name", "last_name", "first_name_key", "last_name_key",
                     "first_name_en", "last_name_en", "sex", "birth_date", "id_type",
                     "national_id", "g_code", "no_id_reason", "nationality", "disability",
                     "household_id", "enrol_institution_key", "enrol_level_key",
                     "enrol_classroom_key"),
    "child_guardian": SYNC + ("child_id", "guardian_id", "relation", "is_primary"),
    "enrollment": SYNC + ("child_id", "institution_id", "academic_year_id", "level_code",
                          "classroom", "status", "institution_key", "level_key", "classroom_key"),
}
CHUNK = 5000


@dataclass(frozen=True)
class BatchInfo:
    uuid: str
    at: datetime  # UTC, naive (as every timestamp in the database)
    file_name: str
    sheet: str
    rows: int  # rows of the file
    children: int  # children the import created
    actor: str
    undone_at: datetime | None
    edited_since: int  # children of the batch changed after the import (before the undo)
    whole: BatchWhole = BatchWhole()  # the values the clerk gave for the whole file


def _info(b: ImportBatch, edited: int) -> BatchInfo:
    return BatchInfo(b.uuid, b.at, b.file_name, b.sheet, b.row_count, b.child_count, b.actor,
                     b.undone_at, edited, batch_whole(b.detail))


def next_id(conn: Connection, table: str) -> int:
    top = conn.exec_driver_sql(f"SELECT coalesce(max(id), 0) FROM {table}").scalar()  # noqa: S608
    return int(top or 0) + 1


class Uuid7Batch:
    """Time-ordered uuids (RFC 9562 version 7, the layout of ``models.uuid7``) for one bulk
    write, ~4x cheaper than ``new_uuid()`` per row (~10x with ``many``): the 12 bits after
    the version are a counter (RFC 9562 method 1; the millisecond moves on when it wraps),
    so the batch's uuids ascend and append to the uuid indexes; the last 62 bits are
    random."""

    def __init__(self, unix_ms: int | None = None) -> None:
        self._ms = time.time_ns() // 1_000_000 if unix_ms is None else unix_ms
        self._counter = 0
        self._rng = random.Random(secrets.randbits(128))
        self._head = self._make_head()

    def _make_head(self) -> str:
        ms = self._ms & 0xFFFF_FFFF_FFFF
        return f"{ms >> 16:08x}-{ms & 0xFFFF:04x}-7"

    def __call__(self) -> str:
        if self._counter > 0xFFF:
            self._ms += 1
            self._counter = 0
            self._head = self._make_head()
        counter = self._counter
        self._counter = counter + 1
        tail = 1 << 63 | self._rng.getrandbits(62)  # variant 0b10, then 62 random bits
        return f"{self._head}{counter:03x}-{tail >> 48:04x}-{tail & 0xFFFF_FFFF_FFFF:012x}"

    def many(self, n: int) -> list[str]:
        """The next ``n`` uuids (what ``n`` calls would give, with other random bits)."""
        out: list[str] = []
        while len(out) < n:
            if self._counter > 0xFFF:
                self._ms += 1
                self._counter = 0
                self._head = self._make_head()
            take = min(n - len(out), 0x1000 - self._counter)
            first = self._counter
            self._counter = first + take
            # 8 random bytes a uuid, the first with the variant's top bits 0b10 (one C-level
            # translate over every uuid's first byte), each written "xxxx-xxxxxxxxxxxx" by
            # bytes.hex (its separator counts from the right: 2 bytes, then 6)
            raw = bytearray(self._rng.randbytes(8 * take))
            raw[0::8] = raw[0::8].translate(_VARIANT)
            view = memoryview(raw)
            head = self._head
            out += [f"{head}{c}{view[i:i + 8].hex('-', 6)}"
                    for c, i in zip(_COUNTERS[first:first + take], range(0, 8 * take, 8), strict=True)]
        return out


_VARIANT = bytes(0x80 | b & 0x3F for b in range(256))  # a byte's top bits -> 0b10
_COUNTERS = [f"{c:03x}-" for c in range(0x1000)]  # the 12-bit counter and its dash


class BulkRows:
    """The tuples of one commit, table by table: a row's primary key is the table's next id
    and its place in ``values`` (ids are consecutive; ``build_rows`` appends); ``table_rows``
    adds the uuids when the table is written, ``fixed`` the columns every row shares."""

    def __init__(self, conn: Connection, stamp: str, office_id: int, batch_id: int) -> None:
        self.values: dict[str, list[tuple[object, ...]]] = {t: [] for t in TABLES}
        self.first = {t: next_id(conn, t) for t in TABLES}
        self.stamp, self.office_id, self.batch_id = stamp, office_id, batch_id
        self.uuid = Uuid7Batch()
        # household id -> [children, guardians] this commit adds to it (new and joined ones)
        self.members: dict[int, list[int]] = {}

    def count(self, table: str) -> int:
        return len(self.values[table])

    def fixed(self) -> dict[str, int | str]:
        """The columns every row of the commit shares, for ``insert_sql``'s statement."""
        return {"version": 1, "created_at": self.stamp, "updated_at": self.stamp,
                "origin_office_id": self.office_id, "import_batch_id": self.batch_id}

    def table_rows(self, table: str) -> list[tuple[object, ...]]:
        """(id, uuid, *values) for each row (the shared columns are ``fixed``)."""
        values = self.values[table]
        first = self.first[table]
        return [(row_id, uuid, *v) for row_id, uuid, v in zip(
            range(first, first + len(values)), self.uuid.many(len(values)), values, strict=True)]


def commit_import(
    session: Session, plan: ImportPlan, *, actor: str = "", progress: Progress | None = None
) -> BatchInfo:
    """Write every importable row of ``plan`` in the caller's transaction (the caller's
    ``with db.session()`` commits, or rolls everything back on an exception or Cancelled).

    Raises ValueError (Thai message) when the plan has no row to import.
    """
    require(session, Action.IMPORT)
    rows = list(plan.importable())
    if not rows:
        raise ValueError(_("ไม่มีแถวที่นำเข้าได้ โปรดแก้ไขปัญหาในไฟล์แล้วตรวจสอบใหม่"))
    take_backup_before(str(session.get_bind().engine.url), BEFORE_IMPORT)  # verified, kept 10
    with no_gc():
        return _commit(session, plan, rows, actor, progress)


def _commit(session: Session, plan: ImportPlan, rows: list[PlannedRow], actor: str,
            progress: Progress | None) -> BatchInfo:
    actor = actor or default_actor()
    office = require_local_office(session)
    now = utcnow()
    batch = ImportBatch(uuid=new_uuid(), at=now, actor=actor, kind="children",
                        file_name=plan.file_name[:260], sheet=plan.sheet[:100],
                        row_count=len(plan.rows), child_count=0, detail="")
    session.add(batch)
    session.flush()  # the first write: from here this transaction holds the write lock
    years = {r.parsed.enrollment.year_be for r in rows
             if r.parsed and r.parsed.enrollment and r.parsed.enrollment.year_be is not None}
    year_ids = {y: ensure_year(session, y).id for y in sorted(years)}
    session.flush()
    conn = session.connection()
    stamp = now.isoformat(sep=" ", timespec="microseconds")
    out = BulkRows(conn, stamp, office.id, batch.id)
    names = dict(session.execute(select(Institution.id, Institution.name)).tuples().all())
    counts = build_rows(out, rows, plan, year_ids, names)
    total = sum(out.count(t) for t in TABLES)
    if progress is not None:
        progress.step(0, total, _("บันทึก"))
    created = write_tables(conn, out, progress, total,  # the new children's uuids: an audit entry each
                           triggers_aside=False)
    move_pg_sequences(conn, TABLES)
    detail = {"rows": len(plan.rows), "children": counts["child"], "skipped": len(plan.rows) - len(rows),
              "warnings": sum(1 for r in rows if r.has_warning),  # = plan.warning_count
              **{k: v for k, v in counts.items() if k != "child"},
              "mapping": {plan.headers[i]: key for i, key in plan.mapping.items()},
              **whole_file_detail(session, plan.whole or WholeFile(), plan.headers)}
    batch.child_count = counts["child"]
    batch.detail = json.dumps(detail, ensure_ascii=False)
    record_per_child(session, "create", created, {"import_batch": batch.uuid}, at=now, actor=actor)
    record(session, "import", "import_batch", batch.uuid, detail, actor=actor)
    session.flush()
    return _info(batch, 0)


def write_tables(conn: Connection, out: BulkRows, progress: Progress | None, total: int, done: int = 0,
                 *, triggers_aside: bool = True) -> list[str]:
    """Insert ``out``'s rows table by table in chunks (the children and case imports' one
    writer). Into a registry smaller than the load, the secondary indexes and the triggers
    of the tables are set aside and rebuilt at the end; into a larger one, only the triggers
    (the trigram index, the name tables, the member counts: a chunk at a time instead of a
    trigger program per row), the indexes kept (``demo.deferred_indexes``). Progress counts
    on from ``done`` towards ``total``. Returns the new children's uuids.

    ``triggers_aside=False`` (the children's import) keeps every trigger of a load into a
    larger registry, as before the case import's measured gain (186 -> ~50 µs a child):
    the children's import was not measured so, and a trigger the program does not know (a
    site's own check) would be passed over for the load's rows."""
    existing = conn.execute(select(func.count()).select_from(Child)).scalar() or 0
    created: list[str] = []
    smaller = existing >= out.count("child")  # the load is smaller than the registry
    tables = TABLES if triggers_aside or not smaller else ()
    # counted: the households' member counts are added below, not recounted for every household
    with deferred_indexes(conn, tables, counted=True, triggers_only=smaller) as load:
        for table in TABLES:
            sql = insert_sql(conn, table, COLUMNS[table], fixed=out.fixed())
            table_rows = out.table_rows(table)
            if table == "household":  # each new household's members, unless triggers count them
                table_rows = _with_counts(table_rows, out.members if load.counts_dropped else {})
            for i in range(0, len(table_rows), CHUNK):
                part = table_rows[i : i + CHUNK]
                conn.exec_driver_sql(sql, part)
                if table == "child":
                    load.children_added(int(part[0][0]), int(part[-1][0]))  # type: ignore[call-overload]
                    created += [str(r[1]) for r in part]
                done += len(part)
                if progress is not None:
                    progress.step(done, total, _("บันทึก"))
        joined = {hid: m for hid, m in out.members.items() if hid < out.first["household"]}
        if load.counts_dropped and joined:
            _add_member_counts(conn, joined)
    return created


def move_pg_sequences(conn: Connection, tables: Sequence[str]) -> None:
    """PostgreSQL: explicit ids do not move the tables' sequences (later inserts would collide)."""
    if conn.dialect.name == "postgresql":
        for table in tables:
            conn.exec_driver_sql(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "  # noqa: S608 (constant names)
                f"(SELECT coalesce(max(id), 1) FROM {table}))")


def _with_counts(rows: list[tuple[object, ...]], members: dict[int, list[int]]
                 ) -> list[tuple[object, ...]]:
    """New households' rows with their member counts (migration 0008): the children and
    guardians this commit gives them, or 0 and 0 when the counting triggers are on."""
    none = (0, 0)
    return [(*row, *members.get(int(row[0]), none)) for row in rows]  # type: ignore[call-overload]


def _add_member_counts(conn: Connection, members: dict[int, list[int]]) -> None:
    """The member counts (migration 0008) of the registry's households this commit added
    children or guardians to, for a load that ran with the counting triggers dropped:
    added in one statement, instead of recounting every household of the registry."""
    mark = "?" if conn.dialect.paramstyle in ("qmark", "numeric") else "%s"
    conn.exec_driver_sql(
        f"UPDATE household SET child_count = child_count + {mark}, "  # noqa: S608 (marks only)
        f"guardian_count = guardian_count + {mark} WHERE id = {mark}",
        [(kids, adults, hid) for hid, (kids, adults) in members.items()],
    )


def build_rows(out: BulkRows, rows: Sequence[PlannedRow], plan: ImportPlan,
           year_ids: dict[int, int], names: dict[int, str]) -> dict[str, int]:
    households: dict[tuple[str, ...], int] = {}
    guardians: dict[tuple[str, ...], int] = {}
    joined_households: set[int] = set()
    joined_guardians: set[int] = set()
    members = out.members
    class_keys: dict[tuple[int | None, str, str], tuple[str, str, str]] = {}
    # each table's rows and first id: a row's id is its table's first plus its place
    new_households, new_children, new_guardians, links, enrolments = (
        out.values[t] for t in ("household", "child", "guardian", "child_guardian", "enrollment"))
    first_household, first_child, first_guardian = (
        out.first[t] for t in ("household", "child", "guardian"))
    for r in rows:
        p = r.parsed
        assert p is not None
        household_id: int | None = None
        if p.household_key is not None:
            household_id = households.get(p.household_key)
            if household_id is None:
                # the registry's household of this house code, or (no code) at this address
                household_id = (plan.db_households.get(p.house_code) if p.house_code
                                else plan.db_addresses.get(p.household_key))
                if household_id is not None:
                    joined_households.add(household_id)
            if household_id is None:
                a = p.address
                household_id = first_household + len(new_households)
                new_households.append((
                    p.house_code, "", "", a.house_no, a.village_no, a.village_name, a.soi, a.road,
                    a.subdistrict, a.district, a.province, a.postcode,
                    *household_sort_keys(a.subdistrict, a.village_no, a.house_no)))
            households[p.household_key] = household_id
            member = members.get(household_id)
            if member is None:
                member = members[household_id] = [0, 0]
            member[0] += 1
        c = p.child
        assert c.sex is not None and c.birth_date is not None
        e = p.enrollment
        # a new child's only enrolment is its current one: the list sorts by its keys
        if e is None:
            keys = ("", "", "")
        else:  # the same few (institution, level, classroom) for a whole class
            where = (e.institution_id, e.level_code, e.classroom)
            keys = class_keys.get(where)  # type: ignore[assignment]
            if keys is None:
                keys = class_keys[where] = enrolment_sort_keys(
                    names.get(e.institution_id or 0, ""), e.level_code, e.classroom)
        child_id = first_child + len(new_children)
        new_children.append((
            c.prefix, c.first_name, c.last_name, name_sort_key(c.first_name),
            name_sort_key(c.last_name), c.first_name_en, c.last_name_en, c.sex.value,
            c.birth_date.isoformat(), c.id_type.value,
            c.national_id if c.id_type is IdType.NATIONAL_ID else None,
            c.g_code if c.id_type is IdType.G_CODE else None,
            c.no_id_reason, c.nationality, c.disability, household_id, *keys))
        g = p.guardian
        if g is not None and p.guardian_key is not None:
            guardian_id = guardians.get(p.guardian_key)
            if guardian_id is None:
                # the registry's guardian of this ID, or (no ID) of this name in the
                # registry household the row joins
                guardian_id = (plan.db_guardians.get(g.national_id) if g.national_id
                               else plan.db_household_guardians.get(
                                   (household_id or 0, g.first_name, g.last_name)))
                if guardian_id is not None:
                    joined_guardians.add(guardian_id)
            if guardian_id is None:
                guardian_id = first_guardian + len(new_guardians)
                new_guardians.append((
                    g.prefix, g.first_name, g.last_name, g.national_id or None, g.phone,
                    g.occupation, household_id))
                if household_id is not None:
                    members[household_id][1] += 1
            guardians[p.guardian_key] = guardian_id
            links.append((child_id, guardian_id, g.relation, True))
        if e is not None:
            assert e.institution_id is not None and e.year_be is not None
            enrolments.append((child_id, e.institution_id, year_ids[e.year_be], e.level_code,
                               e.classroom, e.status, *keys))
    counts = {t: out.count(t) for t in TABLES}
    counts["joined_households"] = len(joined_households)
    counts["joined_guardians"] = len(joined_guardians)
    return counts


# ---------------------------------------------------------------------------- batches
def _edited(session: Session, batch_ids: list[int]) -> dict[int, int]:
    if not batch_ids:
        return {}
    stmt = (select(Child.import_batch_id, func.count())
            .where(Child.import_batch_id.in_(batch_ids), Child.version > 1, Child.deleted_at.is_(None))
            .group_by(Child.import_batch_id))
    return {int(b): int(n) for b, n in session.execute(stmt) if b is not None}


def _edited_at_undo(b: ImportBatch) -> int:
    try:
        return int(json.loads(b.detail or "{}").get("edited_before_undo", 0))
    except (ValueError, TypeError, AttributeError):
        return 0


def list_batches(session: Session, *, limit: int = 50) -> list[BatchInfo]:
    """The latest imports first."""
    require(session, Action.IMPORT)
    batches = list(session.scalars(select(ImportBatch).order_by(ImportBatch.id.desc()).limit(limit)))
    edited = _edited(session, [b.id for b in batches if b.undone_at is None])
    return [_info(b, _edited_at_undo(b) if b.undone_at else edited.get(b.id, 0)) for b in batches]


BATCH_HEADERS = ("นำเข้าเมื่อ", "ไฟล์", "แผ่นงาน", "แถวในไฟล์", "นำเข้า (คน)", "ผู้นำเข้า", "สถานะ")


def batch_status(b: BatchInfo) -> str:
    if b.undone_at is not None:
        return f"ยกเลิกแล้วเมื่อ {format_be_local(b.undone_at)}"
    if b.edited_since:
        return f"ใช้งานอยู่ (แก้ไขภายหลัง {b.edited_since:,} คน)"
    return "ใช้งานอยู่"


def batch_cells(b: BatchInfo) -> list[object]:
    """One batch as the history list, its PDF and its export show it (BATCH_HEADERS)."""
    return [format_be_local(b.at), b.file_name, b.sheet, b.rows, b.children, b.actor,
            batch_status(b)]


def undo_batch(session: Session, batch_uuid: str, *, actor: str = "") -> int:
    """Soft-delete every record the batch created that is still live (children, their
    enrolments and guardian links; guardians and households no other live record uses;
    a case list's cases and their history, services/case_import.py).
    Returns the number of children removed. Raises ValueError (Thai) for an unknown batch
    or one already undone. A case list's batch needs ``case.import`` (a supervisor may
    undo it), any other ``import``."""
    require_any(session, Action.IMPORT, Action.CASE_IMPORT)
    b = session.scalars(select(ImportBatch).where(ImportBatch.uuid == batch_uuid)).first()
    require(session, Action.CASE_IMPORT if b is not None and b.kind == "cases" else Action.IMPORT)
    if b is None:
        raise ValueError(_("ไม่พบรายการนำเข้านี้ อาจถูกลบไปแล้ว โปรดเปิดรายการนำเข้าใหม่"))
    if b.undone_at is not None:
        when = format_be_local(b.undone_at)
        raise ValueError(
            _("การนำเข้านี้ถูกยกเลิกไปแล้วเมื่อ {when} โดย {who} จึงยกเลิกซ้ำไม่ได้").format(when=when, who=b.undone_by)
            if b.undone_by else _("การนำเข้านี้ถูกยกเลิกไปแล้วเมื่อ {when} จึงยกเลิกซ้ำไม่ได้").format(when=when))
    backup_before(str(session.get_bind().engine.url), BEFORE_UNDO)
    actor = actor or default_actor()
    edited = _edited(session, [b.id]).get(b.id, 0)
    now = utcnow()
    gone = {"deleted_at": now, "updated_at": now}

    def soft_delete(table: Table, *extra: ColumnElement[bool]) -> int:
        stmt = (update(table)
                .where(table.c.import_batch_id == b.id, table.c.deleted_at.is_(None), *extra)
                .values(version=table.c.version + 1, **gone))
        return int(session.execute(stmt).rowcount or 0)  # type: ignore[attr-defined]

    tables = Base.metadata.tables
    c, g, link, h = tables["child"], tables["guardian"], tables["child_guardian"], tables["household"]
    removed = list(session.scalars(select(Child.uuid).where(Child.import_batch_id == b.id,
                                                            Child.deleted_at.is_(None))))
    cases, history = tables["oos_case"], tables["oos_case_status"]
    session.execute(update(history).where(  # a case list's cases: their history first, then them
        history.c.deleted_at.is_(None), history.c.case_id.in_(
            select(cases.c.id).where(cases.c.import_batch_id == b.id, cases.c.deleted_at.is_(None))))
        .values(version=history.c.version + 1, **gone))
    case_count = soft_delete(cases)
    children = soft_delete(c)
    enrolments = soft_delete(tables["enrollment"])
    links = soft_delete(link)
    guardians = soft_delete(g, ~exists().where(
        and_(link.c.guardian_id == g.c.id, link.c.deleted_at.is_(None))))
    households = soft_delete(h,
                             ~exists().where(and_(c.c.household_id == h.c.id, c.c.deleted_at.is_(None))),
                             ~exists().where(and_(g.c.household_id == h.c.id, g.c.deleted_at.is_(None))))
    detail = json.loads(b.detail or "{}")
    counts = {"children": children, "enrollments": enrolments, "links": links,
              "guardians": guardians, "households": households, "edited_before_undo": edited}
    if case_count:
        counts["cases"] = case_count
    detail["undo"] = counts
    detail["edited_before_undo"] = edited
    b.detail = json.dumps(detail, ensure_ascii=False)
    b.undone_at, b.undone_by = now, actor
    record_per_child(session, "delete", removed, {"undo_import": b.uuid}, at=now, actor=actor)
    record(session, "undo_import", "import_batch", b.uuid, counts, actor=actor)
    session.flush()
    return children
