"""The child's page across the modules printed (issue 13): the sections the user may read,
drawn by desktop/reports/child_page.py, previewed by the window like every report. No Qt.

    child_page_pdf(session, Path("child.pdf"), child_uuid, ReportOptions(), progress)

Who: ``report`` (a PDF of personal data), and the page's own rights (services/child_page.py:
``registry.read`` for the child, each section by its module's read action).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlalchemy.orm import Session

from desktop.domain.roles import Action
from desktop.i18n import thai_document
from desktop.reports import child_page as drawn
from desktop.reports.pdf.document import Layout, render
from desktop.services.access import require
from desktop.services.child_page import child_page
from desktop.services.office import DEMO_LABEL, is_demo, local_office
from desktop.services.progress import Progress
from desktop.services.reports import ReportOptions, write_atomic


@thai_document
def child_page_pdf(session: Session, out: Path, child_uuid: str, options: ReportOptions | None = None,
                   progress: Progress | None = None) -> int:
    """The child's page as a PDF (A4); its number of pages."""
    require(session, Action.REPORT)
    options = options or ReportOptions()
    today = options.today or date.today()
    if progress is not None:
        progress.step(0, 100, "")
    page = child_page(session, child_uuid, today=today)
    office = local_office(session)
    layout = Layout(office.name if office else "", drawn.TITLE, page.name, options.landscape, today,
                    notice=DEMO_LABEL if is_demo(session) else "")
    sections = [drawn.PageSection(s.title, s.fields, s.columns, s.rows, s.weights, s.empty) for s in page.sections]
    pieces = drawn.child_page(sections, layout.frame_w, drawn.DELETED_NOTE if page.deleted else "",
                              options.signatures)
    data, pages = render(layout, pieces)
    write_atomic(Path(out), data)
    if progress is not None:
        progress.step(100, 100, "")
    return pages
