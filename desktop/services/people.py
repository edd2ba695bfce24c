"""People as a reader sees them: the services store a user's login (``status_by``,
``changed_by``, a plan's authors, ``oos_case.worker``: the audit log and the exchange need
the login), and a screen or a printed document shows the person's full name. No Qt.

    names = full_names(session, ["worker", "head", "เจ้าหน้าที่ (ตัวอย่าง)"])   # one query
    names["worker"]                      # "นายทำงาน ขยันดี"
    names["เจ้าหน้าที่ (ตัวอย่าง)"]        # not a login here: shown as stored
    case_workers(session)                # who a case may be assigned to
    query.order_by(full_name_order(session, OosCase.worker))   # by the full name shown

A login not found (a demo's text, a user of another office in a received bundle) and a
user without a full name read as stored. Reading names needs ``case.work`` or
``users.manage`` (the case module's screens and printouts and the user administration).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import ColumnElement, and_, case, literal, or_, select
from sqlalchemy.orm import Session

from desktop.domain.roles import Action, Role
from desktop.domain.text import clean_text
from desktop.services.access import require_any
from desktop.store.models import AppUser, UserRole, name_sort_key

CHUNK = 900  # the IN list of one query (SQLite's limit on parameters)


@dataclass(frozen=True)
class Person:
    login: str
    full_name: str  # the login when the user has none

    @property
    def label(self) -> str:
        """The full name with the login after it (a choice in a list)."""
        return self.full_name if self.full_name == self.login else f"{self.full_name} ({self.login})"


def full_names(session: Session, logins: Iterable[str]) -> dict[str, str]:
    """login → the person's full name, for every login given (as stored when it is no
    user's login, or the user has no full name); one query per 900 logins."""
    require_any(session, Action.CASE_WORK, Action.USERS_MANAGE)
    wanted = sorted({x for x in logins if x})
    out = {x: x for x in wanted}
    for start in range(0, len(wanted), CHUNK):
        for login, full in session.execute(select(AppUser.name, AppUser.full_name)
                                           .where(AppUser.name.in_(wanted[start:start + CHUNK]))):
            if (full or "").strip():
                out[login] = full.strip()
    return out


def full_name(session: Session, login: str) -> str:
    """One login's full name (as stored when unknown); "" stays ""."""
    return full_names(session, [login]).get(login, login) if login else ""


def full_name_order(session: Session, column: ColumnElement[str]) -> ColumnElement[str]:
    """A key to ORDER BY ``column`` (a stored login) by the full name a screen shows for it
    (``full_names``), in Thai dictionary order: the stored sort key the children's names
    sort by (``name_sort_key``, compared byte by byte), one ``CASE`` branch per distinct
    login the column holds (an office's handful of case workers; read from the column's
    index); "" for none. The rows stay paged in SQL: only the distinct logins are read here."""
    require_any(session, Action.CASE_WORK, Action.USERS_MANAGE)
    logins = [x for x in session.scalars(select(column).where(column != "").distinct()) if x]
    if not logins:
        return literal("")
    names = full_names(session, logins)
    key = case({login: name_sort_key(names.get(login, login)) for login in logins}, value=column, else_="")
    # compared byte by byte, as the stored name keys are (PostgreSQL's locale would not)
    return key.collate("C") if session.get_bind().dialect.name == "postgresql" else key


def names_text(names: dict[str, str], logins: Iterable[str]) -> str:
    """Several people (a plan's authors) as one line, by full name."""
    return ", ".join(names.get(x, x) for x in logins if x)


def case_workers(session: Session) -> list[Person]:
    """The users a case may be assigned to: those holding the case worker's role, not
    suspended, by full name."""
    require_any(session, Action.CASE_WORK, Action.USERS_MANAGE)
    rows = session.execute(select(AppUser.name, AppUser.full_name).join(UserRole, UserRole.user_id == AppUser.id)
                           .where(UserRole.role == Role.CASE_WORKER.value, AppUser.disabled_at.is_(None))
                           .distinct()).all()
    people = [Person(login, (full or "").strip() or login) for login, full in rows]
    return sorted(people, key=lambda p: (p.full_name, p.login))


def is_case_worker(session: Session, login: str) -> bool:
    """Whether ``login`` is a user who may be assigned cases (see ``case_workers``)."""
    require_any(session, Action.CASE_WORK, Action.USERS_MANAGE)
    return session.scalar(select(AppUser.id).join(UserRole, UserRole.user_id == AppUser.id)
                          .where(AppUser.name == login, UserRole.role == Role.CASE_WORKER.value,
                                 AppUser.disabled_at.is_(None)).limit(1)) is not None


def login_clause(column: ColumnElement[str], text: str) -> ColumnElement[bool]:
    """``column`` (a stored login) matching what a user typed: a login, exactly (then
    that user's cases only), else a part of users' full names ("ขยันดี" finds worker's
    cases)."""
    typed = clean_text(text)
    a_login = select(AppUser.id).where(AppUser.name == typed).exists()
    named = select(AppUser.name).where(AppUser.full_name.contains(typed, autoescape=True))
    return or_(column == typed, and_(~a_login, column.in_(named)))


def knows_person(session: Session, text: str) -> bool:
    """Whether ``text`` is a user's login or a part of a user's full name."""
    require_any(session, Action.CASE_WORK, Action.USERS_MANAGE)
    typed = clean_text(text)
    if not typed:
        return False
    return session.scalar(select(AppUser.id).where(or_(AppUser.name == typed,
                                                       AppUser.full_name.contains(typed, autoescape=True)))
                          .limit(1)) is not None
