"""The data model (SQLAlchemy 2).

Every row that travels to the province carries a global identifier (``uuid``), the office
it came from (``origin_office_id``), a version counter used for optimistic locking and for
incremental exports, created/updated timestamps (UTC) and a soft-delete mark
(``deleted_at``), so that merges and incremental exports need no schema change later.

Local integer primary keys keep joins and paging cheap; ``uuid`` is the identity that
crosses offices. The schema itself is created by the Alembic migrations in
``migrations/versions``; a test checks that these models and the migrated schema agree.
"""

from __future__ import annotations

import secrets
import time
import uuid as _uuid
from datetime import UTC, date, datetime
from functools import lru_cache
from typing import Any

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    event,
    inspect,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column, relationship

from desktop.domain.sort_keys import (
    CLASSROOM_KEY_LENGTH,
    INSTITUTION_KEY_LENGTH,
    LEVEL_KEY_LENGTH,
    PLACE_KEY_LENGTH,
)
from desktop.domain.text import stored_sort_key

NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    """Naive UTC timestamp (stored without zone on every backend)."""
    return datetime.now(UTC).replace(tzinfo=None)


def uuid7(unix_ms: int | None = None, rand: int | None = None) -> str:
    """A time-ordered UUID (RFC 9562 version 7): 48-bit Unix milliseconds, then random.

    New rows land at the end of the uuid indexes instead of all over them, which keeps
    bulk loads and merges at the province from rewriting random index pages.
    """
    ms = time.time_ns() // 1_000_000 if unix_ms is None else unix_ms
    bits = secrets.randbits(74) if rand is None else rand
    value = (
        (ms & 0xFFFF_FFFF_FFFF) << 80
        | 0x7 << 76
        | ((bits >> 62) & 0xFFF) << 64
        | 0b10 << 62
        | (bits & ((1 << 62) - 1))
    )
    return str(_uuid.UUID(int=value))


def new_uuid() -> str:
    return uuid7()


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Synced:
    """Columns of every record that travels to the province."""

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    version: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)
    deleted_at: Mapped[datetime | None] = mapped_column(DateTime, default=None)
    # 0012: the sequence of the exchange bundle the row last went in; NULL: created or
    # changed since (a trigger sets it back to NULL; services/exchange_export.py)
    changed_seq: Mapped[int | None] = mapped_column(Integer, default=None)

    @declared_attr
    def origin_office_id(cls) -> Mapped[int]:  # noqa: N805
        return mapped_column(ForeignKey("office.id"), index=False)

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, object]:  # noqa: N805
        return {"version_id_col": cls.version}


class Office(Base):
    """A local government (municipality) or a provincial office known to this database."""

    __tablename__ = "office"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    code: Mapped[str] = mapped_column(String(20), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    province: Mapped[str] = mapped_column(String(100), default="")
    role: Mapped[str] = mapped_column(String(20), default="municipality")
    is_local: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)


class Imported:
    """Rows a spreadsheet import can create: the batch that made them (local bookkeeping,
    so that the whole import can be undone; NULL for rows typed in or received)."""

    @declared_attr
    def import_batch_id(cls) -> Mapped[int | None]:  # noqa: N805
        return mapped_column(ForeignKey("import_batch.id"), default=None)


class AddressColumns:
    house_no: Mapped[str] = mapped_column(String(40), default="")
    village_no: Mapped[str] = mapped_column(String(10), default="")
    village_name: Mapped[str] = mapped_column(String(100), default="")
    soi: Mapped[str] = mapped_column(String(100), default="")
    road: Mapped[str] = mapped_column(String(100), default="")
    subdistrict: Mapped[str] = mapped_column(String(100), default="")
    district: Mapped[str] = mapped_column(String(100), default="")
    province: Mapped[str] = mapped_column(String(100), default="")
    postcode: Mapped[str] = mapped_column(String(5), default="")


LIVE = text("deleted_at IS NULL")
GONE = text("deleted_at IS NOT NULL")
HAS_HOUSE_CODE = text("house_code <> ''")
IMPORTED = text("import_batch_id IS NOT NULL")

# A stored sort key of a name (``child.first_name_key``, ``last_name_key``): SQL sorts the
# list in Thai dictionary order by comparing these in binary (code-point) order, which an
# index can serve. PostgreSQL compares them with the "C" collation (bytes, like SQLite),
# whatever the database's locale.
NAME_KEY_LENGTH = 101  # a name (100) and the separator before its tone marks
NAME_KEY = String(NAME_KEY_LENGTH).with_variant(String(NAME_KEY_LENGTH, collation="C"), "postgresql")


def sort_key_type(length: int) -> String:
    """A stored sort key: compared in binary order on every backend."""
    return String(length).with_variant(String(length, collation="C"), "postgresql")


# The sort keys of an enrolment (``desktop.domain.sort_keys``; migration 0005), on the
# enrolment and, for a child's current enrolment (latest year, then latest id), on the
# child: the list sorts by institution, level or room through an index. Kept in step by
# ``desktop.store.list_keys`` (ORM writes) and by the bulk writers (demo, import).
INSTITUTION_KEY = sort_key_type(INSTITUTION_KEY_LENGTH)
LEVEL_KEY = sort_key_type(LEVEL_KEY_LENGTH)
CLASSROOM_KEY = sort_key_type(CLASSROOM_KEY_LENGTH)
PLACE_KEY = sort_key_type(PLACE_KEY_LENGTH)
VILLAGE_KEY = sort_key_type(40)


@lru_cache(maxsize=8192)
def name_sort_key(name: str) -> str:
    """The stored sort key of a name (``desktop.domain.text.stored_sort_key``).

    Names repeat (a household shares a surname, common first names), hence the cache.
    Migration 0004 computes the same keys; a change here needs a migration that refills
    them."""
    return stored_sort_key(name)


class Institution(Synced, AddressColumns, Base):
    """A school or a child development centre (ศพด.) run by the local government."""

    __tablename__ = "institution"
    __table_args__ = (UniqueConstraint("origin_office_id", "code"),)
    kind: Mapped[str] = mapped_column(String(10))  # InstitutionKind
    code: Mapped[str] = mapped_column(String(20))
    name: Mapped[str] = mapped_column(String(200))
    phone: Mapped[str] = mapped_column(String(40), default="")


class AcademicYear(Base):
    """ปีการศึกษา, identified by its Buddhist-Era year."""

    __tablename__ = "academic_year"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    year_be: Mapped[int] = mapped_column(Integer, unique=True)
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date] = mapped_column(Date)
    terms: Mapped[list[Term]] = relationship(back_populates="academic_year", order_by="Term.number")


class Term(Base):
    """ภาคเรียน 1 or 2 of an academic year (shown as 1/2568)."""

    __tablename__ = "term"
    __table_args__ = (UniqueConstraint("academic_year_id", "number"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    academic_year_id: Mapped[int] = mapped_column(ForeignKey("academic_year.id"))
    number: Mapped[int] = mapped_column(Integer)
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date] = mapped_column(Date)
    academic_year: Mapped[AcademicYear] = relationship(back_populates="terms")


class Household(Synced, Imported, AddressColumns, Base):
    """ครัวเรือน: the address where a child lives, with its members."""

    __tablename__ = "household"
    __table_args__ = (
        Index("ix_household_house_code", "house_code", sqlite_where=HAS_HOUSE_CODE,
              postgresql_where=HAS_HOUSE_CODE),
        # the list's order (migration 0005): by address; its other sorts read every row
        Index("ix_household_live_place", "subdistrict_key", "village_key", "house_key",
              sqlite_where=LIVE, postgresql_where=LIVE),
        # its sorts by number of children / guardians (migration 0008)
        Index("ix_household_live_children", "child_count", "subdistrict_key", "village_key",
              "house_key", sqlite_where=LIVE, postgresql_where=LIVE),
        Index("ix_household_live_guardians", "guardian_count", "subdistrict_key", "village_key",
              "house_key", sqlite_where=LIVE, postgresql_where=LIVE),
    )
    house_code: Mapped[str] = mapped_column(String(11), default="")  # เลขรหัสประจำบ้าน
    # desktop.domain.sort_keys.household_sort_keys of the address (the list's sorts)
    subdistrict_key: Mapped[str] = mapped_column(PLACE_KEY, default="", server_default="")
    village_key: Mapped[str] = mapped_column(VILLAGE_KEY, default="", server_default="")
    house_key: Mapped[str] = mapped_column(PLACE_KEY, default="", server_default="")
    # its live children and live guardians, kept by triggers (migration 0008): never written
    # here (the ORM leaves them to the database and does not read them back)
    child_count: Mapped[int] = mapped_column(Integer, server_default="0", default=0)
    guardian_count: Mapped[int] = mapped_column(Integer, server_default="0", default=0)
    phone: Mapped[str] = mapped_column(String(40), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    children: Mapped[list[Child]] = relationship(back_populates="household")
    guardians: Mapped[list[Guardian]] = relationship(back_populates="household")




class Child(Synced, Imported, Base):
    __tablename__ = "child"
    __table_args__ = (
        # Partial indexes over live rows serve the children list: its sort orders and its
        # row count (every list query says "deleted_at IS NULL").
        # (in Thai dictionary order: on the stored sort keys of the names)
        Index("ix_child_live_name_key", "first_name_key", "last_name_key", sqlite_where=LIVE,
              postgresql_where=LIVE),
        Index("ix_child_live_last_name_key", "last_name_key", "first_name_key", sqlite_where=LIVE,
              postgresql_where=LIVE),
        Index("ix_child_live_birth_date", "birth_date", sqlite_where=LIVE, postgresql_where=LIVE),
        # the list's other sorts: by the current enrolment's keys (institution; level, then
        # room), by sex; names break ties
        Index("ix_child_live_enrol_institution", "enrol_institution_key", "first_name_key",
              "last_name_key", sqlite_where=LIVE, postgresql_where=LIVE),
        Index("ix_child_live_enrol_classroom", "enrol_level_key", "enrol_classroom_key",
              "first_name_key", "last_name_key", sqlite_where=LIVE, postgresql_where=LIVE),
        Index("ix_child_live_sex", "sex", "first_name_key", "last_name_key", sqlite_where=LIVE,
              postgresql_where=LIVE),
        # a search sorted by name sorts its matches by child_name_order (migration 0006,
        # SQLite-only raw DDL with its triggers), not by their rows (children_search)
        # ChildSort.IDENT: the list orders by exactly this expression
        Index("ix_child_live_ident", text("coalesce(national_id, g_code, '')"), sqlite_where=LIVE,
              postgresql_where=LIVE),
        # The few deleted children, so that the live count is "all minus these".
        Index("ix_child_deleted", "deleted_at", sqlite_where=GONE, postgresql_where=GONE),
        Index("ix_child_national_id", "national_id"),
        Index("ix_child_g_code", "g_code"),
        Index("ix_child_household_id", "household_id"),
        # the province's list filtered to one municipality, in name order (0014), with
        # the fields a term is tested on (SQLite: as keys, 0022; PostgreSQL: as INCLUDE
        # columns after these three keys, 0021); on PostgreSQL 0014 also adds
        # ix_child_live_search_trgm (raw DDL: pg_trgm, GIN)
        Index("ix_child_live_office_name", "origin_office_id", "first_name_key",
              "last_name_key", "first_name", "last_name", "first_name_en", "last_name_en",
              "national_id", "g_code", sqlite_where=LIVE, postgresql_where=LIVE),
        Index("ix_child_import_batch_id", "import_batch_id", sqlite_where=IMPORTED,
              postgresql_where=IMPORTED),
    )
    prefix: Mapped[str] = mapped_column(String(20))
    first_name: Mapped[str] = mapped_column(String(100))
    last_name: Mapped[str] = mapped_column(String(100))
    first_name_en: Mapped[str] = mapped_column(String(100), default="")
    last_name_en: Mapped[str] = mapped_column(String(100), default="")
    # name_sort_key(first_name), name_sort_key(last_name): set on every ORM insert and
    # update by the mapper events below; bulk writers (demo, import) compute them per row.
    first_name_key: Mapped[str] = mapped_column(NAME_KEY, default="", server_default="")
    last_name_key: Mapped[str] = mapped_column(NAME_KEY, default="", server_default="")
    # the sort keys of the current enrolment ("" without one): see INSTITUTION_KEY
    enrol_institution_key: Mapped[str] = mapped_column(INSTITUTION_KEY, default="", server_default="")
    enrol_level_key: Mapped[str] = mapped_column(LEVEL_KEY, default="", server_default="")
    enrol_classroom_key: Mapped[str] = mapped_column(CLASSROOM_KEY, default="", server_default="")
    sex: Mapped[str] = mapped_column(String(1))  # Sex: "M" / "F"
    birth_date: Mapped[date] = mapped_column(Date)
    id_type: Mapped[str] = mapped_column(String(12))  # IdType
    national_id: Mapped[str | None] = mapped_column(String(13), default=None)
    g_code: Mapped[str | None] = mapped_column(String(13), default=None)
    no_id_reason: Mapped[str] = mapped_column(String(200), default="")
    nationality: Mapped[str] = mapped_column(String(50), default="ไทย")
    disability: Mapped[str] = mapped_column(String(200), default="")
    household_id: Mapped[int | None] = mapped_column(ForeignKey("household.id"), default=None)
    household: Mapped[Household | None] = relationship(back_populates="children")
    guardian_links: Mapped[list[ChildGuardian]] = relationship(
        back_populates="child", cascade="all, delete-orphan"
    )
    enrollments: Mapped[list[Enrollment]] = relationship(back_populates="child")


@event.listens_for(Child, "before_insert")
def _child_name_keys_on_insert(_mapper: Any, _connection: Any, child: Child) -> None:
    """Keep the sort keys in step with the names on every ORM write, whatever set them."""
    child.first_name_key = name_sort_key(child.first_name)
    child.last_name_key = name_sort_key(child.last_name)


@event.listens_for(Child, "before_update")
def _child_name_keys_on_update(_mapper: Any, _connection: Any, child: Child) -> None:
    # only a changed name (its history loads nothing: no SQL inside the flush)
    attrs = inspect(child).attrs
    if attrs.first_name.history.has_changes():
        child.first_name_key = name_sort_key(child.first_name)
    if attrs.last_name.history.has_changes():
        child.last_name_key = name_sort_key(child.last_name)


class Guardian(Synced, Imported, Base):
    """ผู้ปกครอง: a parent or other adult responsible for a child."""

    __tablename__ = "guardian"
    __table_args__ = (
        Index("ix_guardian_household_id", "household_id"),
        Index("ix_guardian_national_id", "national_id"),
    )
    prefix: Mapped[str] = mapped_column(String(20), default="")
    first_name: Mapped[str] = mapped_column(String(100))
    last_name: Mapped[str] = mapped_column(String(100), default="")
    national_id: Mapped[str | None] = mapped_column(String(13), default=None)
    phone: Mapped[str] = mapped_column(String(40), default="")
    occupation: Mapped[str] = mapped_column(String(100), default="")
    household_id: Mapped[int | None] = mapped_column(ForeignKey("household.id"), default=None)
    household: Mapped[Household | None] = relationship(back_populates="guardians")
    child_links: Mapped[list[ChildGuardian]] = relationship(back_populates="guardian")


class ChildGuardian(Synced, Imported, Base):
    """The relation of a guardian to a child (พ่อ, แม่, ยาย, ...)."""

    __tablename__ = "child_guardian"
    __table_args__ = (
        UniqueConstraint("child_id", "guardian_id"),
        Index("ix_child_guardian_guardian_id", "guardian_id"),
    )
    child_id: Mapped[int] = mapped_column(ForeignKey("child.id"))
    guardian_id: Mapped[int] = mapped_column(ForeignKey("guardian.id"))
    relation: Mapped[str] = mapped_column(String(40))
    is_primary: Mapped[bool] = mapped_column(Boolean, default=False)
    child: Mapped[Child] = relationship(back_populates="guardian_links")
    guardian: Mapped[Guardian] = relationship(back_populates="child_links")


class Enrollment(Synced, Imported, Base):
    """A child's place in an institution for one academic year."""

    __tablename__ = "enrollment"
    __table_args__ = (
        UniqueConstraint("child_id", "academic_year_id", "institution_id"),
        Index("ix_enrollment_filter", "academic_year_id", "institution_id", "level_code"),
        Index("ix_enrollment_institution", "institution_id", "level_code"),
    )
    child_id: Mapped[int] = mapped_column(ForeignKey("child.id"))
    institution_id: Mapped[int] = mapped_column(ForeignKey("institution.id"))
    academic_year_id: Mapped[int] = mapped_column(ForeignKey("academic_year.id"))
    level_code: Mapped[str] = mapped_column(String(8))
    classroom: Mapped[str] = mapped_column(String(20), default="")
    status: Mapped[str] = mapped_column(String(12), default="active")
    # desktop.domain.sort_keys.enrolment_sort_keys(institution name, level_code, classroom)
    institution_key: Mapped[str] = mapped_column(INSTITUTION_KEY, default="", server_default="")
    level_key: Mapped[str] = mapped_column(LEVEL_KEY, default="", server_default="")
    classroom_key: Mapped[str] = mapped_column(CLASSROOM_KEY, default="", server_default="")
    child: Mapped[Child] = relationship(back_populates="enrollments")
    institution: Mapped[Institution] = relationship()
    academic_year: Mapped[AcademicYear] = relationship()


class AuditEntry(Base):
    """Who changed what, when. Append-only."""

    __tablename__ = "audit_log"
    __table_args__ = (Index("ix_audit_log_entity", "entity", "entity_uuid"),
                      Index("ix_audit_log_subject_uuid", "subject_uuid", "id"))
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    actor: Mapped[str] = mapped_column(String(100), default="")
    action: Mapped[str] = mapped_column(String(20))  # create/update/delete/restore/import
    entity: Mapped[str] = mapped_column(String(40))
    entity_uuid: Mapped[str] = mapped_column(String(36))
    detail: Mapped[str] = mapped_column(Text, default="")  # JSON
    # 0007: the child the entry concerns (its history panel), and the chain: each row's
    # hash covers the previous row's (store/audit_chain.py); triggers refuse UPDATE/DELETE
    subject_uuid: Mapped[str] = mapped_column(String(36), default="", server_default="")
    prev_hash: Mapped[str] = mapped_column(String(64), default="", server_default="")
    hash: Mapped[str] = mapped_column(String(64), default="", server_default="")


class ImportBatch(Base):
    """One spreadsheet import: what came in, from which file, and whether it was undone.

    Local bookkeeping, not synced: the records it made carry ``import_batch_id`` so that
    the whole batch can be undone at once.
    """

    __tablename__ = "import_batch"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    actor: Mapped[str] = mapped_column(String(100), default="")
    kind: Mapped[str] = mapped_column(String(20), default="children")
    file_name: Mapped[str] = mapped_column(String(260), default="")
    sheet: Mapped[str] = mapped_column(String(100), default="")
    row_count: Mapped[int] = mapped_column(Integer, default=0)  # rows of the file
    child_count: Mapped[int] = mapped_column(Integer, default=0)  # children created
    detail: Mapped[str] = mapped_column(Text, default="")  # JSON: counts, mapping
    undone_at: Mapped[datetime | None] = mapped_column(DateTime, default=None)
    undone_by: Mapped[str] = mapped_column(String(100), default="")


class Setting(Base):
    """Per-database settings (the local office, remembered choices)."""

    __tablename__ = "setting"
    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="")


SYNCED_TABLES = ("institution", "household", "child", "guardian", "child_guardian", "enrollment")


from desktop.store import list_keys  # noqa: E402, F401  (registers the ORM events)


class AppUser(Base):
    """A person who logs in (0007). Never deleted: the audit log names them."""

    __tablename__ = "app_user"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    name: Mapped[str] = mapped_column(String(50), unique=True)  # the login name
    full_name: Mapped[str] = mapped_column(String(200), default="")
    password_hash: Mapped[str] = mapped_column(String(255))  # Argon2id
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    password_changed_at: Mapped[datetime | None] = mapped_column(DateTime, default=None)
    last_login_at: Mapped[datetime | None] = mapped_column(DateTime, default=None)
    locked_until: Mapped[datetime | None] = mapped_column(DateTime, default=None)
    lockouts: Mapped[int] = mapped_column(Integer, default=0)  # for a growing lock time
    disabled_at: Mapped[datetime | None] = mapped_column(DateTime, default=None)
    roles: Mapped[list[UserRole]] = relationship(back_populates="user", cascade="all, delete-orphan")


class UserRole(Base):
    """One role of a user, deny by default; optionally limited to an institution and, for
    a teacher, a class (empty level/room: all)."""

    __tablename__ = "user_role"
    __table_args__ = (UniqueConstraint("user_id", "role", "institution_id", "level_code", "classroom"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("app_user.id"))
    role: Mapped[str] = mapped_column(String(30))
    institution_id: Mapped[int | None] = mapped_column(ForeignKey("institution.id"), default=None)
    level_code: Mapped[str] = mapped_column(String(10), default="")
    classroom: Mapped[str] = mapped_column(String(20), default="")
    user: Mapped[AppUser] = relationship(back_populates="roles")


class LoginFailure(Base):
    """A failed login, by the name typed (the lock counts the last 15 minutes')."""

    __tablename__ = "login_failure"
    __table_args__ = (Index("ix_login_failure_user_name", "user_name", "at"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_name: Mapped[str] = mapped_column(String(50))
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


from desktop.store import (  # noqa: E402, F401  (the exchange: 0011, 0012)
    case_state,  # noqa: E402, F401  (out-of-school cases: 0020)
    centre_state,  # noqa: E402, F401  (centres' rooms and attendance: 0017)
    exchange_keys,
    exchange_state,
    grant_state,  # noqa: E402, F401  (grant rounds: 0016)
    growth_state,  # noqa: E402, F401  (growth measurements and DSPM checks: 0019)
    screening_state,  # noqa: E402, F401  (the poverty screening: 0015)
)
