"""A screening's stored rows as the domain's form values, one or all at once (issue 11).
No Qt, no permission checks: the callers (services/screenings.py, rulepacks.py) check.

Scoring every screening of an office (a re-score) reads them in two queries: the
screenings, then all their members in screening order, never a query per screening.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain.screening_form import Answers, Member
from desktop.store.screening_state import Screening, ScreeningMember

_S = Screening.__table__.c
_M = ScreeningMember.__table__.c
_ANSWER_COLUMNS = (_S.tenure, _S.housing, _S.land, _S.water, _S.electricity, _S.single_parent, _S.land_rai,
                   _S.vehicles, _S.appliances)
_MEMBER_COLUMNS = (_M.name, _M.relation, _M.age, _M.occupation, _M.monthly_income, _M.disabled,
                   _M.chronic_illness, _M.unemployed)


@dataclass(frozen=True)
class ScreeningInput:
    id: int
    uuid: str
    child_id: int
    level: str  # as stored ("" not scored)
    answers: Answers
    members: tuple[Member, ...]


def codes(text: str) -> frozenset[str]:
    """Stored comma-separated codes (vehicles, appliances) as a set."""
    return frozenset(c for c in text.split(",") if c)


def stored_codes(values: frozenset[str]) -> str:
    return ",".join(sorted(values))


def _answers(row: tuple[object, ...]) -> Answers:
    tenure, housing, land, water, electricity, single_parent, land_rai, vehicles, appliances = row
    return Answers(tenure=str(tenure), housing=str(housing), land=str(land), water=str(water),
                   electricity=str(electricity), single_parent=bool(single_parent), land_rai=int(str(land_rai)),
                   vehicles=codes(str(vehicles)), appliances=codes(str(appliances)))


def _member(row: tuple[object, ...]) -> Member:
    name, relation, age, occupation, income, disabled, ill, unemployed = row
    return Member(str(name), str(relation), int(str(age)), str(occupation), int(str(income)), bool(disabled),
                  bool(ill), bool(unemployed))


def answers_of(screening: Screening) -> Answers:
    return _answers(tuple(getattr(screening, c.key) for c in _ANSWER_COLUMNS))


def members_of(session: Session, screening_id: int) -> tuple[Member, ...]:
    rows = session.execute(select(*_MEMBER_COLUMNS).where(_M.screening_id == screening_id,
                                                          _M.deleted_at.is_(None)).order_by(_M.position))
    return tuple(_member(tuple(r)) for r in rows)


def screening_inputs(session: Session) -> Iterator[ScreeningInput]:
    """Every live screening with its answers and members, in id order."""
    members: dict[int, list[Member]] = {}
    for row in session.execute(select(_M.screening_id, *_MEMBER_COLUMNS).where(_M.deleted_at.is_(None))
                               .order_by(_M.screening_id, _M.position)):
        members.setdefault(int(row[0]), []).append(_member(tuple(row[1:])))
    for row in session.execute(select(_S.id, _S.uuid, _S.child_id, _S.level, *_ANSWER_COLUMNS)
                               .where(_S.deleted_at.is_(None)).order_by(_S.id)):
        sid = int(row[0])
        yield ScreeningInput(sid, str(row[1]), int(row[2]), str(row[3]), _answers(tuple(row[4:])),
                             tuple(members.get(sid, ())))
