"""The recovery key printed for the office safe (issue 9): a one-page Thai PDF
(desktop/reports/recovery_key.py) for the set-up window's print button and
``samoe init --recovery-pdf FILE``. Printing it is itself an audit entry: the file's
name and the database's, never the key.

The PDF holds the key in clear: the window writes it to a private temporary folder and
removes it when the preview closes (the clerk prints it, or saves it where they choose)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlalchemy.orm import Session

from desktop.domain.roles import Action
from desktop.services.access import require
from desktop.store import cipher

PRINT_ACTION = "recovery_key_print"


def recovery_key_pdf_file(session: Session, out: Path, recovery: str, database: str, *,
                          today: date | None = None) -> int:
    """Write the page to ``out`` (atomically) and note it in the audit log (an
    administrator: ``settings.manage``). ``recovery`` must be a whole recovery key
    (BadRecoveryKey otherwise: nothing is written). Returns the pages (1)."""
    require(session, Action.SETTINGS_MANAGE)
    cipher.parse_recovery_key(recovery)  # a key that does not check is never printed
    from desktop.reports.recovery_key import recovery_key_pdf
    from desktop.services.audit import record
    from desktop.services.office import local_office
    from desktop.services.reports import write_atomic

    office = local_office(session)
    data, pages = recovery_key_pdf(recovery, office=office.name if office else "",
                                   database=database, printed=today)
    write_atomic(Path(out), data)
    record(session, PRINT_ACTION, "database", "", {"database": database, "file": Path(out).name})
    return pages
