"""The office's security settings kept in the database (not on one PC): how long the
window may stay idle before it locks (default 5 minutes), and whether each opening of a
child's record is an audit entry (``audit.record_views``, on by default). Anyone signed in
reads them; only an administrator (``settings.manage``) changes them."""

from __future__ import annotations

from sqlalchemy.orm import Session

from desktop.domain.roles import Action
from desktop.services.access import require
from desktop.store.models import Setting

IDLE_KEY = "security.idle_lock_minutes"
DEFAULT_IDLE_MINUTES = 5
MIN_IDLE_MINUTES = 1
MAX_IDLE_MINUTES = 60  # PDPA s.37: a shared office PC must not stay open for long


def idle_lock_minutes(session: Session) -> int:
    """Minutes without input before the window locks (read by anyone signed in)."""
    setting = session.get(Setting, IDLE_KEY)
    try:
        minutes = int(setting.value) if setting is not None else DEFAULT_IDLE_MINUTES
    except ValueError:
        minutes = DEFAULT_IDLE_MINUTES
    return min(max(minutes, MIN_IDLE_MINUTES), MAX_IDLE_MINUTES)


def set_idle_lock_minutes(session: Session, minutes: int) -> int:
    """Change it (``settings.manage``); kept within 1 to 60 minutes."""
    require(session, Action.SETTINGS_MANAGE)
    minutes = min(max(int(minutes), MIN_IDLE_MINUTES), MAX_IDLE_MINUTES)
    setting = session.get(Setting, IDLE_KEY)
    if setting is None:
        session.add(Setting(key=IDLE_KEY, value=str(minutes)))
    else:
        setting.value = str(minutes)
    from desktop.services.audit import record

    record(session, "settings", "setting", "", {"key": IDLE_KEY, "value": minutes})
    return minutes


def record_views(session: Session) -> bool:
    """Whether each opening of a child's record is an audit entry (on by default)."""
    from desktop.services.audit import views_recorded

    return views_recorded(session)


def set_record_views(session: Session, on: bool) -> bool:
    """Turn the recording of openings on or off (``settings.manage``); the change itself
    is an audit entry (so turning it off is never silent)."""
    require(session, Action.SETTINGS_MANAGE)
    from desktop.services.audit import RECORD_VIEWS_KEY, record, set_views_recorded

    on = bool(on)
    set_views_recorded(session, on)
    record(session, "settings", "setting", "", {"key": RECORD_VIEWS_KEY, "value": on})
    return on
