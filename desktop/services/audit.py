"""The audit log: who changed, exported, imported or opened what, when (issue 9).

Every entry goes through the hash chain (``store/audit_chain.py``) in the caller's
transaction: ``record`` for one entry of an ORM session (written at once on the session's
connection, so it has its id, previous hash and hash before the commit), ``record_many``
for bulk work (demo, import, undo, merges: one ``executemany``). Nothing writes
``AuditEntry`` rows through the ORM.

Who: the ``actor`` given, else the signed-in user of the session (services/access.py),
else the operating system's user. National IDs in the details are masked (the last four
digits kept). An entry about a child, its guardians, enrolment or household carries the
child's uuid as ``subject_uuid``: the child's history panel lists them.
"""

from __future__ import annotations

import getpass
import json
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import Connection, event
from sqlalchemy.orm import Session

from desktop.store.audit_chain import Entry, append, append_each
from desktop.store.models import AuditEntry, Setting

if TYPE_CHECKING:
    from desktop.store.db import Database

RECORD_VIEWS_KEY = "audit.record_views"
VIEW_ACTION = "view"
# detail keys whose values are national IDs (or other personal ID numbers): masked
ID_KEYS = frozenset({"national_id", "guardian_national_id", "g_code", "national_ids"})
KEEP_DIGITS = 4


@event.listens_for(AuditEntry, "before_insert")
def _not_through_the_orm(_mapper: object, _connection: object, _target: object) -> None:
    """An entry added as an ORM object would have no place in the chain (verify would call
    it edited): refuse it where it is made, not at the next verify."""
    raise RuntimeError("audit entries are appended through services.audit.record / record_many")


def default_actor() -> str:
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no user name is not an error
        return ""


def signed_in_name(session: Session | None) -> str:
    """The name of the user signed in on ``session`` ('' when none, or before
    services/access.py exists)."""
    if session is None:
        return ""
    try:
        from desktop.services.access import current_actor  # type: ignore[attr-defined, unused-ignore]
    except ImportError:
        return ""
    try:
        who = current_actor(session)
    except Exception:  # noqa: BLE001 - the log must not fail because of the login state
        return ""
    return str(getattr(who, "name", "") or "") if who is not None else ""


def engine_user(conn: Connection) -> str:
    """The user signed in on the database a bare connection belongs to (bulk work that
    runs on the engine, not a session: the demo)."""
    try:
        from desktop.store.db import engine_actor  # type: ignore[attr-defined, unused-ignore]
    except ImportError:
        return ""
    who = engine_actor(conn.engine)
    return str(getattr(who, "name", "") or "") if who is not None else ""


def actor_name(session: Session | None, actor: str = "") -> str:
    return actor or signed_in_name(session) or default_actor()


def mask_id(value: object) -> object:
    """``1234567890123`` → ``xxxxxxxxx0123``; other values as they are."""
    if not isinstance(value, str) or len(value) <= KEEP_DIGITS:
        return value
    return "x" * (len(value) - KEEP_DIGITS) + value[-KEEP_DIGITS:]


def masked(detail: object, key: str = "") -> object:
    """``detail`` with every value under an ID key masked (old/new pairs, lists, nesting)."""
    if isinstance(detail, Mapping):
        return {str(k): masked(v, str(k)) for k, v in detail.items()}
    if isinstance(detail, list | tuple):
        return [masked(v, key) for v in detail]
    if key in ID_KEYS or key.endswith("national_id"):
        return mask_id(detail)
    return detail


def storable(text: str) -> str:
    """``text`` as valid Unicode: a file name that was not UTF-8 reaches Python with lone
    surrogates (surrogateescape), which neither the hash nor the database can encode; its
    bytes are kept as ``\\xNN``."""
    try:
        text.encode()
        return text
    except UnicodeEncodeError:
        try:
            return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
        except UnicodeEncodeError:
            return text.encode("utf-8", "replace").decode()


def detail_text(detail: Mapping[str, object] | None) -> str:
    if not detail:
        return ""
    return storable(json.dumps(masked(detail), ensure_ascii=False, default=str))


def entry(action: str, entity: str, entity_uuid: str = "", detail: Mapping[str, object] | None = None,
          *, actor: str = "", subject_uuid: str | None = None, at: datetime | None = None) -> Entry:
    """One entry for ``record_many``. ``subject_uuid`` defaults to the entity's uuid when
    the entity is a child."""
    if subject_uuid is None:
        subject_uuid = entity_uuid if entity == "child" else ""
    return Entry(action=action, entity=entity, entity_uuid=entity_uuid or "",
                 detail=detail_text(detail), actor=actor, subject_uuid=subject_uuid or "", at=at)


def per_child(action: str, uuids: Iterable[str], detail: Mapping[str, object] | None = None,
              *, at: datetime | None = None, actor: str = "") -> list[Entry]:
    """One entry per child (bulk work: created by an import or the demo, removed by an
    undo), the child its own subject. ``actor``: who, when the caller knows (else
    ``record_many`` fills it in, making each entry again)."""
    text = detail_text(detail)
    return [Entry(action, "child", u, text, actor, u, at) for u in uuids]


def record(
    session: Session,
    action: str,
    entity: str,
    entity_uuid: str,
    detail: Mapping[str, object],
    *,
    actor: str = "",
    subject_uuid: str | None = None,
) -> None:
    """Append one entry to the chain in ``session``'s transaction."""
    one = entry(action, entity, entity_uuid, detail, actor=actor_name(session, actor),
                subject_uuid=subject_uuid)
    append(session.connection(), [one])


def record_per_child(session: Session, action: str, uuids: Sequence[str],
                     detail: Mapping[str, object] | None = None, *, at: datetime | None = None,
                     actor: str = "") -> int:
    """``record_many(session, per_child(action, uuids, detail, at=at), actor=actor)``, the
    same entries written without an ``Entry`` object each (an import's 50k children)."""
    who = actor or signed_in_name(session) or default_actor()
    append_each(session.connection(), action, "child", uuids, detail=detail_text(detail),
                actor=who, at=at)
    return len(uuids)


def record_many(target: Session | Connection, entries: Iterable[Entry], *, actor: str = "") -> int:
    """Append many entries at once (bulk work); entries without an actor get ``actor``,
    else the session's user, else the OS user. Returns how many were written."""
    session = target if isinstance(target, Session) else None
    conn = target.connection() if isinstance(target, Session) else target
    who = ""
    batch = []
    for e in entries:
        if not e.actor:
            who = who or actor or (signed_in_name(session) if session is not None
                                   else engine_user(conn)) or default_actor()
            e = Entry(e.action, e.entity, e.entity_uuid, e.detail, who, e.subject_uuid, e.at)
        batch.append(e)
    append(conn, batch)
    return len(batch)


# --------------------------------------------------------------------------- openings


def views_recorded(session: Session) -> bool:
    """Whether opening a child's record is an entry (the setting, on by default)."""
    value = session.get(Setting, RECORD_VIEWS_KEY)
    return value is None or value.value not in ("0", "false", "off", "")


def set_views_recorded(session: Session, on: bool) -> None:
    setting = session.get(Setting, RECORD_VIEWS_KEY)
    if setting is None:
        session.add(Setting(key=RECORD_VIEWS_KEY, value="1" if on else "0"))
    else:
        setting.value = "1" if on else "0"


QUICK_WAIT = 0.25  # seconds an opening's note waits for another writer before it is queued


def record_view(db: Database, child_uuid: str, *, actor: str = "") -> bool:
    """Note that the child's record was opened (when the setting says so). A database
    that cannot be written records nothing. While another program writes (an import),
    the entry waits beside the file (store/audit_pending.py) for the next write instead
    of holding the window for the busy timeout. Returns whether an entry was made."""
    if not child_uuid or db.read_only:
        return False
    from desktop.store.faults import DatabaseBusy, classify

    try:
        with db.session(wait=QUICK_WAIT) as session:
            if not views_recorded(session):
                return False
            record(session, VIEW_ACTION, "child", child_uuid, {}, actor=actor)
        return True
    except Exception as exc:
        if not isinstance(classify(exc), DatabaseBusy) or db.path is None:
            raise
    from desktop.store import audit_pending
    from desktop.store.models import utcnow

    with db.reader() as session:
        if not views_recorded(session):
            return False
        who = actor_name(session, actor)
    audit_pending.queue(db.path, [entry(VIEW_ACTION, "child", child_uuid, {}, actor=who, at=utcnow())])
    return True
