"""The audit log: who changed what, when (append-only)."""

from __future__ import annotations

import getpass
import json
from collections.abc import Mapping

from sqlalchemy.orm import Session

from desktop.store.models import AuditEntry


def default_actor() -> str:
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no user name is not an error
        return ""


def record(
    session: Session,
    action: str,
    entity: str,
    entity_uuid: str,
    detail: Mapping[str, object],
    *,
    actor: str = "",
) -> None:
    session.add(
        AuditEntry(
            action=action,
            entity=entity,
            entity_uuid=entity_uuid,
            actor=actor or default_actor(),
            detail=json.dumps(detail, ensure_ascii=False, default=str) if detail else "",
        )
    )
