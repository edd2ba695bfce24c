"""A report or an export made with ``samoe report`` / ``samoe export`` is the home page's
last export, as one made from the window is."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from desktop.store.db import Database

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from cli_run import run  # noqa: E402
from test_home_and_settings import _home, _office_ctx, _window  # noqa: E402


def test_the_terminals_report_and_export_show_on_the_home_page(
        qtbot, office_db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:  # type: ignore[no-untyped-def]
    db = str(tmp_path / "samoe.db")
    code, _out, err = run(capsys, "--db", db, "report", "institutions-list", "--out", str(tmp_path / "ร.pdf"))
    assert code == 0, err
    ctx = _office_ctx(office_db, tmp_path)
    window = _window(qtbot, ctx)
    text = _home(qtbot, window).ui.exportLabel.text()
    assert "รายการสถานศึกษา" in text and "ร.pdf" in text and "1 หน้า" in text and "แถว" not in text

    code, _out, err = run(capsys, "--db", db, "export", "households", str(tmp_path / "บ้าน.csv"))
    assert code == 0, err
    window.show_page("children")
    text = _home(qtbot, window).ui.exportLabel.text()
    assert "รายการครัวเรือน" in text and "บ้าน.csv" in text and "0 แถว" in text
