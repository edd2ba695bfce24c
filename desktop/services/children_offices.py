"""The children list's municipality filter (the province's consolidated registry).

At the province the child table holds the children every municipality sent, each row
marked with the office it came from (``origin_office_id``); the list filters by it
(``ChildFilter.office_id``, children_query). A municipality's own database holds its own
children only: it offers no such filter.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain.roles import Action
from desktop.domain.text import thai_sort_key
from desktop.services.access import require
from desktop.store.models import Office


@dataclass(frozen=True)
class OfficeChoice:
    id: int
    name: str
    code: str


def office_filter_choices(session: Session) -> list[OfficeChoice]:
    """The municipalities the list may be filtered to, by name: the offices other than
    this one, when this database is the province's; none at a municipality."""
    require(session, Action.REGISTRY_READ)
    role = session.scalar(select(Office.role).where(Office.is_local.is_(True)))
    if role != "province":
        return []
    found = [OfficeChoice(int(i), str(n), str(c)) for i, n, c in session.execute(
        select(Office.id, Office.name, Office.code).where(Office.is_local.is_(False)))]
    return sorted(found, key=lambda o: (thai_sort_key(o.name), o.code))  # dictionary order
