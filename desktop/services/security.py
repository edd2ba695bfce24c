"""The office's security settings kept in the database (not on one PC): how long the
window may stay idle before it locks (default 5 minutes; an administrator changes it)."""

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
