"""A report made in the window is a PDF of names and national IDs, written in clear to
the data folder (reports/) for its preview: it is removed when the preview closes, unless
it was handed to another program (which needs the file; removed with the old ones after
three days, as before). A report saved or printed from the preview stays where the clerk
put it."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget

from desktop.gui.context import AppContext
from desktop.gui.documents import Documents
from desktop.gui.views import pdf_preview
from desktop.services.progress import Progress


def _pdf(out: Path) -> None:
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(out))
    c.drawString(72, 720, "page")
    c.showPage()
    c.save()


def _report(qtbot, ctx: AppContext) -> Documents:  # type: ignore[no-untyped-def]
    window = QWidget()
    qtbot.addWidget(window)
    docs = Documents(ctx, window, lambda _text, _then: None)
    docs.ask_options = False

    def make(_session, out: Path, _options, _progress: Progress) -> int:  # type: ignore[no-untyped-def]
        _pdf(out)
        return 1

    with qtbot.waitSignal(ctx.tasks.ended, timeout=10_000):
        docs.report("ประวัติเด็ก", "child-profile", make)
    assert docs.last_preview is not None
    return docs


def test_the_report_file_goes_when_its_preview_closes(qtbot, ctx: AppContext) -> None:  # type: ignore[no-untyped-def]
    docs = _report(qtbot, ctx)
    pdf = docs.last_pdf
    assert pdf is not None and pdf.exists()
    docs.last_preview.reject()  # Esc
    qtbot.waitUntil(lambda: not pdf.exists(), timeout=3_000)
    assert list(pdf.parent.glob("*.pdf")) == []


def test_a_report_opened_in_another_program_stays_for_it(qtbot, ctx: AppContext,  # type: ignore[no-untyped-def]
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pdf_preview, "open_externally", lambda _path: True)
    docs = _report(qtbot, ctx)
    pdf = docs.last_pdf
    assert pdf is not None
    docs.last_preview.ui.externalButton.click()
    docs.last_preview.close()
    qtbot.wait(50)
    assert pdf.exists()
