"""The child's page shows every case of the child (issue 13), open and closed, newest first:
the service gives a section a case (titled by its opening date when there are several, the
closed one saying how it ended), the window shows each, its case button opens the open
case, and the printout holds them all; a child with one case keeps the plain title."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from actors import EVERY_ROLE
from case_core_kit import case_children
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QLabel
from sqlalchemy import select

from desktop.gui.context import AppContext
from desktop.gui.resources import register_fonts
from desktop.gui.tasks import TaskRunner
from desktop.services.access import sign_in
from desktop.services.cases import open_case
from desktop.services.child_page import child_page
from desktop.store.case_state import OosCase
from desktop.store.db import Database

TODAY = date(2026, 12, 1)


@pytest.fixture
def two_cases(qapp, office_db: Database) -> Iterator[tuple[Database, str, str]]:  # type: ignore[no-untyped-def]
    """A child whose first case (opened 1 Mar 2026) closed back in school, and whose second
    (opened 1 Oct 2026) is open; another child with one open case."""
    register_fonts(qapp)
    sign_in(office_db, EVERY_ROLE)
    kit = case_children(office_db, 2)
    uuid = kit.children[0]
    with office_db.session() as s:
        first = open_case(s, uuid, date(2026, 3, 1), source="teacher", today=TODAY)
        row = s.get(OosCase, first.id)
        assert row is not None
        row.status, row.outcome, row.closed_on = "closed", "back_in_school", date(2026, 5, 20)
    with office_db.session() as s:
        open_case(s, uuid, date(2026, 10, 1), source="volunteer", today=TODAY)
        open_case(s, kit.children[1], date(2026, 10, 2), source="teacher", today=TODAY)
    yield office_db, uuid, kit.children[1]


def test_every_case_of_the_child_newest_first(qtbot, two_cases, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from desktop.gui.views.child_page import ChildPageDialog

    db, uuid, single = two_cases
    with db.reader() as s:
        page = child_page(s, uuid, today=TODAY)
        one = child_page(s, single, today=TODAY)
        newest = s.scalars(select(OosCase.uuid).where(OosCase.status != "closed",
                                                      OosCase.opened_on == date(2026, 10, 1))).one()
    cases = page.all("case")
    assert [c.title for c in cases] == ["เด็กนอกระบบการศึกษา: กรณีเปิดเมื่อ 1 ต.ค. 2569",
                                        "เด็กนอกระบบการศึกษา: กรณีเปิดเมื่อ 1 มี.ค. 2569 (ปิดแล้ว)"]
    assert [c.active for c in cases] == [True, False] and cases[0].ref == newest
    assert dict(cases[1].fields)["ปิดกรณี"] == "กลับเข้าเรียนในโรงเรียน เมื่อ 20 พ.ค. 2569"
    assert page.section("case") is cases[0]
    assert [c.title for c in one.all("case")] == ["เด็กนอกระบบการศึกษา"]

    ctx = AppContext(db, TaskRunner(), QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    dialog = ChildPageDialog(ctx, uuid)
    qtbot.addWidget(dialog)
    dialog.show()
    assert [k for k in dialog.sections if k.startswith("case")] == ["case", "case-2"]
    texts = [label.text() for label in dialog.sections["case-2"].findChildren(QLabel)]
    assert any("(ปิดแล้ว)" in t for t in texts) and any("กลับเข้าเรียนในโรงเรียน" in t for t in texts)
    assert dialog.case_open and dialog.case_ref == newest  # the button opens the open case

    from desktop.services.child_page_print import child_page_pdf
    from desktop.services.reports import ReportOptions

    out = tmp_path / "page.pdf"
    with db.reader() as s:
        child_page_pdf(s, out, uuid, ReportOptions(today=TODAY))
    import pypdfium2

    pdf = pypdfium2.PdfDocument(str(out))
    text = "".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf))).replace(" ", "")
    pdf.close()
    assert "กรณีเปิดเมื่อ1ต.ค.2569" in text and "กรณีเปิดเมื่อ1มี.ค.2569(ปิดแล้ว)" in text
