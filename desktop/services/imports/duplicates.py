"""Duplicates of an import plan's rows, in the file and against the registry, and the
registry's households and guardians (by house code, by national ID) the rows join.

A part of the planner (plan.py): ``RowPlanner`` inherits these methods; everything that
touches the database is done in bulk by chunked ``IN (...)`` queries, so the number of
queries does not grow with the rows.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain.address import ADDRESS_FIELDS, Address
from desktop.domain.duplicates import PersonKey, duplicate_parts, find_duplicates
from desktop.domain.identity import IdType
from desktop.domain.people import name_key
from desktop.i18n import _
from desktop.store.models import Child, Guardian, Household

from .addresses import address_key, differing_fields, registry_difference_message
from .model import ERROR, WARNING, PlannedRow

IN_CHUNK = 500  # values per IN (...) query


def in_chunks(values: Iterable[Any], size: int = IN_CHUNK) -> Iterator[list[Any]]:
    """The distinct values sorted, ``size`` at a time (PostgreSQL's ``IN (...)`` lists)."""
    items = sorted(set(values))
    for i in range(0, len(items), size):
        yield items[i : i + size]


def text_in(session: Session, columns: str, table: str, column: str, values: Iterable[str],
             where: str = "") -> Iterator[Sequence[Any]]:
    """SQLite: the rows of ``table`` whose text ``column`` is one of ``values``, in one
    statement that takes them all as one JSON array (``IN (SELECT value FROM json_each(?))``,
    each looked up in the column's index), ordered by the column then id. The chunked
    ``IN (...)`` of bound values costs ~3 µs a value in SQLAlchemy's parameter expansion:
    0.1-0.2 s for a 50k-row file's IDs, even against an empty registry."""
    items = sorted(set(values))
    if not items:
        return iter(())
    return iter(session.connection().exec_driver_sql(
        f"SELECT {columns} FROM {table} WHERE {column} IN "  # noqa: S608 (constant names)
        f"(SELECT value FROM json_each(?)){where} ORDER BY {column}, id",
        (json.dumps(items),)).all())


def name_part(name: str) -> str:
    """Half of ``name_key``: it cleans each name, then drops single characters (spaces,
    dots, tone marks) and case-folds, so ``name_key(first, last)`` is
    ``name_part(first) + name_part(last)`` (tests/unit/test_imports_plan_parts.py)."""
    return name_key(name, "")


def on_sqlite(session: Session) -> bool:
    """The session's database is SQLite (``text_in``), not PostgreSQL (``in_chunks``)."""
    return session.get_bind().dialect.name == "sqlite"


class Duplicates:
    """The planner's duplicate checks (see plan.py for the attributes they use)."""

    session: Session
    address_key: Callable[[Address], tuple[str, ...]]  # memoised addresses.address_key
    name_part: Callable[[str], str]  # memoised name_part

    def problem(self, row: PlannedRow, key: str, message: str, severity: str = ERROR,
                *, value: str | None = None, column_key: str | None = None) -> None:
        raise NotImplementedError

    def duplicates(self, rows: list[PlannedRow]) -> tuple[dict[str, int], dict[str, int]]:
        """Duplicates in the file and against the registry; returns the registry's
        households by house code and guardians by national ID that the rows will join."""
        first_id: dict[tuple[str, str], int] = {}
        first_name_birth: dict[tuple[str, date], int] = {}
        by_id: dict[tuple[str, str], list[PlannedRow]] = {}
        births: dict[date, list[PlannedRow]] = {}
        for r in rows:
            if not r.ok or r.parsed is None:
                continue
            c = r.parsed.child
            ident = (("national_id", c.national_id) if c.id_type is IdType.NATIONAL_ID
                     else ("g_code", c.g_code) if c.id_type is IdType.G_CODE else None)
            if ident is not None:
                earlier = first_id.setdefault(ident, r.row)
                if earlier != r.row:
                    self.problem(r, ident[0], _("เลขนี้ซ้ำกับแถวที่ {row} ในไฟล์นี้ "
                                                "โปรดตรวจสอบว่าเป็นเด็กคนเดียวกันหรือไม่ (นำเข้าได้เพียงแถวเดียว)"
                                                ).format(row=earlier))
                    continue
                by_id.setdefault(ident, []).append(r)
            if c.birth_date is None:  # its column is missing: the file is blocked anyway
                continue
            # name_key(first, last), its two halves memoised (names repeat down a file)
            key = self.name_part(c.first_name) + self.name_part(c.last_name)
            same = first_name_birth.setdefault((key, c.birth_date), r.row)
            if same != r.row:
                self.problem(r, "first_name", _("ชื่อและวันเกิดเหมือนกับแถวที่ {row} ในไฟล์นี้ "
                                                "โปรดตรวจสอบว่าเป็นเด็กคนเดียวกันหรือไม่").format(row=same), WARNING)
            births.setdefault(c.birth_date, []).append(r)
        self._registry_ids(by_id)
        self._registry_names(births)
        return self.registry_joins(rows)

    def registry_joins(self, rows: list[PlannedRow]) -> tuple[dict[str, int], dict[str, int]]:
        """The registry's households (by house code) and guardians (by national ID) that
        ``rows`` join."""
        return self._registry_households(rows), self._registry_guardians(rows)

    def _registry_ids(self, by_id: dict[tuple[str, str], list[PlannedRow]]) -> None:
        for kind, column in (("national_id", Child.national_id), ("g_code", Child.g_code)):
            wanted = [value for k, value in by_id if k == kind]
            for value, prefix, first, last, deleted in self._children_with(kind, column, wanted):
                name = f"{prefix}{first} {last}"
                for r in by_id.get((kind, value), []):
                    if deleted is None:
                        self.problem(r, kind, _("มีอยู่แล้วในทะเบียน: {name} แถวนี้จะไม่ถูกนำเข้า "
                                                "ถ้าข้อมูลต้องแก้ไข โปรดแก้ที่ทะเบียนเด็ก").format(name=name))
                    else:
                        self.problem(r, kind, _("เลขนี้ตรงกับ {name} ที่ถูกลบไปแล้ว (อยู่ในถังขยะ) "
                                                "ถ้าเป็นเด็กคนเดียวกัน โปรดกู้คืนแทนการนำเข้า"
                                                ).format(name=name), WARNING)

    def _children_with(self, kind: str, column: Any, wanted: list[str]) -> Iterator[Sequence[Any]]:
        """(ID, prefix, first name, last name, deleted_at) of the registry's children, live
        or in the bin, with one of the ``wanted`` national IDs (``kind``) or G-codes."""
        if on_sqlite(self.session):
            yield from text_in(self.session, f"{kind}, prefix, first_name, last_name, deleted_at",
                                "child", kind, wanted)
            return
        for chunk in in_chunks(wanted):
            yield from self.session.execute(
                select(column, Child.prefix, Child.first_name, Child.last_name, Child.deleted_at)
                .where(column.in_(chunk)).order_by(column, Child.id))

    def _registry_names(self, births: dict[date, list[PlannedRow]]) -> None:
        for chunk in in_chunks(births):
            stmt = (select(Child.uuid, Child.first_name, Child.last_name, Child.birth_date)
                    .where(Child.birth_date.in_(chunk), Child.deleted_at.is_(None)))
            others: dict[date, list[PersonKey]] = {}
            for uuid, first, last, birth in self.session.execute(stmt):
                others.setdefault(birth, []).append(PersonKey(uuid, first, last, birth))
            for birth, candidates in others.items():
                for r in births[birth]:
                    if not r.ok or r.parsed is None:
                        continue
                    c = r.parsed.child
                    matches = find_duplicates(PersonKey("", c.first_name, c.last_name, birth), candidates)
                    if matches:
                        who, reason = duplicate_parts(matches[0])
                        self.problem(r, "first_name", _("ในทะเบียน{who} ({reason}) โปรดตรวจสอบว่าเป็น"
                                                        "คนเดียวกันหรือไม่").format(who=who, reason=reason),
                                     WARNING)

    def _registry_households(self, rows: list[PlannedRow]) -> dict[str, int]:
        """The registry's households of the file's house codes; a row whose address differs
        from its household's in the registry is told (the registry's address is kept)."""
        by_code: dict[str, list[PlannedRow]] = {}
        for r in rows:
            if r.ok and r.parsed and r.parsed.house_code:
                by_code.setdefault(r.parsed.house_code, []).append(r)
        found: dict[str, int] = {}
        for code, hid, *address in self._households_with(by_code):
            if code in found:
                continue
            found[code] = int(hid)
            registry = address_key(Address(*(value or "" for value in address)))
            for r in by_code[code]:
                assert r.parsed is not None
                if r.parsed.address == Address():
                    continue
                names = differing_fields(registry, self.address_key(r.parsed.address))
                if names:
                    self.problem(r, names[0], registry_difference_message(names), WARNING)
        return found

    def _households_with(self, codes: Iterable[str]) -> Iterator[Sequence[Any]]:
        """(house code, id, *address) of the registry's live households with one of
        ``codes``, by code then id (the first of a code is the one joined)."""
        if on_sqlite(self.session):
            yield from text_in(self.session, f"house_code, id, {', '.join(ADDRESS_FIELDS)}",
                                "household", "house_code", codes,
                                " AND house_code != '' AND deleted_at IS NULL")
            return
        parts = [getattr(Household, name) for name in ADDRESS_FIELDS]
        for chunk in in_chunks(codes):
            yield from self.session.execute(
                select(Household.house_code, Household.id, *parts)
                .where(Household.house_code.in_(chunk), Household.house_code != "",
                       Household.deleted_at.is_(None)).order_by(Household.house_code, Household.id))

    def _registry_guardians(self, rows: list[PlannedRow]) -> dict[str, int]:
        nids = {r.parsed.guardian.national_id for r in rows
                if r.ok and r.parsed and r.parsed.guardian and r.parsed.guardian.national_id}
        found: dict[str, int] = {}
        if on_sqlite(self.session):
            pairs: Iterable[Sequence[Any]] = text_in(
                self.session, "national_id, id", "guardian", "national_id", nids,
                " AND deleted_at IS NULL")
        else:
            pairs = (row for chunk in in_chunks(nids) for row in self.session.execute(
                select(Guardian.national_id, Guardian.id)
                .where(Guardian.national_id.in_(chunk), Guardian.deleted_at.is_(None))
                .order_by(Guardian.national_id, Guardian.id)))
        for nid, gid in pairs:
            found.setdefault(nid, int(gid))
        return found
