"""Every action the program writes to the audit trail has a Thai name in the audit log
(services/audit_log.ACTIONS): the history panel and `samoe audit log` must never show a
clerk a code such as ``login_failed``."""

from __future__ import annotations

import re
from pathlib import Path

from desktop.services.audit_log import ACTIONS

DESKTOP = Path(__file__).resolve().parents[2] / "desktop"
# record(session, "x", ...), entry("x", ...), per_child("x", ...)
WRITTEN = re.compile(r'\b(?:record\(\s*\w+,|entry\(|per_child\()\s*"([a-z_]+)"')


def test_every_recorded_action_has_a_thai_name() -> None:
    found: dict[str, str] = {}
    for path in DESKTOP.rglob("*.py"):
        for action in WRITTEN.findall(path.read_text(encoding="utf-8")):
            found.setdefault(action, str(path.relative_to(DESKTOP)))
    assert len(found) > 15  # the pattern still finds the writers
    from desktop.services.backup import BACKUP_ACTION, RESTORE_ACTION

    found.update({BACKUP_ACTION: "services/backup.py", RESTORE_ACTION: "services/backup.py"})
    missing = {a: where for a, where in found.items() if a not in ACTIONS}
    assert missing == {}
