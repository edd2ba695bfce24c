"""Duplicates of an import plan's rows, in the file and against the registry, and the
registry's households and guardians (by house code, by national ID) the rows join.

A part of the planner (plan.py): ``_Planner`` inherits these methods; everything that
touches the database is done in bulk by chunked ``IN (...)`` queries, so the number of
queries does not grow with the rows.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
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


def _chunks(values: Iterable[Any], size: int = IN_CHUNK) -> Iterator[list[Any]]:
    items = sorted(set(values))
    for i in range(0, len(items), size):
        yield items[i : i + size]


class Duplicates:
    """The planner's duplicate checks (see plan.py for the attributes they use)."""

    session: Session
    address_key: Callable[[Address], tuple[str, ...]]  # memoised addresses.address_key

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
            same = first_name_birth.setdefault((name_key(c.first_name, c.last_name), c.birth_date), r.row)
            if same != r.row:
                self.problem(r, "first_name", _("ชื่อและวันเกิดเหมือนกับแถวที่ {row} ในไฟล์นี้ "
                                                "โปรดตรวจสอบว่าเป็นเด็กคนเดียวกันหรือไม่").format(row=same), WARNING)
            births.setdefault(c.birth_date, []).append(r)
        self._registry_ids(by_id)
        self._registry_names(births)
        return self._registry_households(rows), self._registry_guardians(rows)

    def _registry_ids(self, by_id: dict[tuple[str, str], list[PlannedRow]]) -> None:
        for kind, column in (("national_id", Child.national_id), ("g_code", Child.g_code)):
            wanted = [value for k, value in by_id if k == kind]
            for chunk in _chunks(wanted):
                stmt = select(column, Child.prefix, Child.first_name, Child.last_name,
                              Child.deleted_at).where(column.in_(chunk))
                for value, prefix, first, last, deleted in self.session.execute(stmt):
                    name = f"{prefix}{first} {last}"
                    for r in by_id.get((kind, value), []):
                        if deleted is None:
                            self.problem(r, kind, _("มีอยู่แล้วในทะเบียน: {name} แถวนี้จะไม่ถูกนำเข้า "
                                                    "ถ้าข้อมูลต้องแก้ไข โปรดแก้ที่ทะเบียนเด็ก").format(name=name))
                        else:
                            self.problem(r, kind, _("เลขนี้ตรงกับ {name} ที่ถูกลบไปแล้ว (อยู่ในถังขยะ) "
                                                    "ถ้าเป็นเด็กคนเดียวกัน โปรดกู้คืนแทนการนำเข้า"
                                                    ).format(name=name), WARNING)

    def _registry_names(self, births: dict[date, list[PlannedRow]]) -> None:
        for chunk in _chunks(births):
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
        parts = [getattr(Household, name) for name in ADDRESS_FIELDS]
        for chunk in _chunks(by_code):
            stmt = (select(Household.house_code, Household.id, *parts)
                    .where(Household.house_code.in_(chunk), Household.house_code != "",
                           Household.deleted_at.is_(None)).order_by(Household.id))
            for code, hid, *address in self.session.execute(stmt):
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

    def _registry_guardians(self, rows: list[PlannedRow]) -> dict[str, int]:
        nids = {r.parsed.guardian.national_id for r in rows
                if r.ok and r.parsed and r.parsed.guardian and r.parsed.guardian.national_id}
        found: dict[str, int] = {}
        for chunk in _chunks(nids):
            stmt = (select(Guardian.national_id, Guardian.id)
                    .where(Guardian.national_id.in_(chunk), Guardian.deleted_at.is_(None))
                    .order_by(Guardian.id))
            for nid, gid in self.session.execute(stmt):
                found.setdefault(nid, int(gid))
        return found
