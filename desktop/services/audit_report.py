"""A child's history as a PDF (the history dialog's พิมพ์ button): every entry about the
child, newest first, with who, when, what and the fields changed (IDs masked as stored).
An official document: Thai whatever the screen's language."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from desktop.i18n import _, thai_document
from desktop.services.progress import Progress

PAGE = 2000
MAX_ENTRIES = 20_000


@thai_document
def child_history_pdf(session: Session, out: Path, subject_uuid: str, name: str = "",
                      options: Any = None, progress: Progress | None = None, *,
                      search: str = "") -> int:
    """Write the PDF; returns its pages. The newest ``MAX_ENTRIES`` entries at most."""
    from desktop.domain.roles import Action
    from desktop.reports.pdf.document import Layout, render
    from desktop.reports.pdf.table import Column
    from desktop.reports.registry import plain_list
    from desktop.services.access import require
    from desktop.services.audit_log import LogQuery, count_entries, page_entries
    from desktop.services.office import DEMO_LABEL, is_demo, local_office
    from desktop.services.reports import ReportOptions, write_atomic

    require(session, Action.REPORT)
    options = options or ReportOptions()
    q = LogQuery(subject_uuid=subject_uuid, search=search)
    total = min(count_entries(session, q), MAX_ENTRIES)
    rows: list[list[str]] = []
    while len(rows) < total:
        if progress is not None:
            progress.step(len(rows) * 50 // max(total, 1), 100, _("กำลังอ่านประวัติ"))
        page = page_entries(session, q, offset=len(rows), limit=min(PAGE, total - len(rows)))
        if not page:
            break
        rows += [[e.when, e.actor or "-", e.what, "\n".join(e.changes()) or "-"] for e in page]
    columns = (Column(_("เมื่อ"), 17), Column(_("ผู้ใช้"), 11), Column(_("รายการ"), 14),
               Column(_("รายละเอียด"), 45))
    office = local_office(session)
    layout = Layout(office.name if office else "", _("ประวัติการแก้ไขและการเปิดดูข้อมูลเด็ก"),
                    f"{name} ({total:,} {_('รายการ')})" if name else "", options.landscape,
                    options.today or date.today(), notice=DEMO_LABEL if is_demo(session) else "")
    pieces = plain_list(columns, rows, layout.frame_w, options.signatures, empty=_("ยังไม่มีประวัติ"))

    def check(done: int, pages: int) -> None:
        if progress is not None:
            progress.step(50 + 49 * done // max(pages, 1), 100, _("กำลังสร้างหน้าเอกสาร"))

    data, pages = render(layout, pieces, check=check)
    write_atomic(out, data)
    if progress is not None:
        progress.step(100, 100, _("เสร็จแล้ว"))
    return pages
