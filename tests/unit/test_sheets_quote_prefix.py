"""Export never writes a formula and never changes the text (issue 7): in .xlsx, text that a
spreadsheet would take for a formula is a text cell with the quote-prefix style (Excel's own
way), its text exactly as typed: LibreOffice shows ``-``, ``@home``, ``=1+1``, not ``'-``.
In .csv the apostrophe stays (CSV has no styles), except before a lone ``-`` (the clerk's
"none"), which no spreadsheet runs. Samoe reads both back as typed."""

from __future__ import annotations

import csv
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from desktop.reports.sheets import read_sheet, write_csv, write_xlsx

TYPED = ["-", "@home", "=1+1", "+66812345678", "-2+3", "\tแท็บ", "=HYPERLINK(\"http://x\",\"คลิก\")",
         "ก่อง", "'ขึ้นต้นด้วยอัญประกาศ", "--"]
HEADERS = ["ค่า", "=หัว"]


def _rows() -> list[list[object]]:
    return [[text, str(i)] for i, text in enumerate(TYPED)]


def test_xlsx_cells_hold_the_text_as_typed_with_the_quote_prefix_style(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    path = tmp_path / "out.xlsx"
    write_xlsx(path, HEADERS, _rows())
    ws = load_workbook(path).active
    assert ws["B1"].value == "=หัว" and ws["B1"].quotePrefix and ws["B1"].font.b
    for r, text in enumerate(TYPED, start=2):
        cell = ws.cell(r, 1)
        assert cell.data_type == "s", text
        assert cell.value == text, text
        assert bool(cell.quotePrefix) == text.startswith(("=", "+", "-", "@", "\t")), text
    back = read_sheet(path)  # (the reader strips the spaces and tabs around a cell)
    assert [row[0].strip() for row in back.rows] == [t.strip() for t in TYPED]


def test_csv_keeps_the_apostrophe_but_not_before_a_lone_dash(tmp_path: Path) -> None:
    path = tmp_path / "out.csv"
    write_csv(path, HEADERS, _rows())
    with path.open(encoding="utf-8-sig", newline="") as fh:
        cells = [row[0] for row in csv.reader(fh)][1:]
    assert cells[0] == "-"
    assert cells[1:7] == ["'" + t for t in TYPED[1:7]]
    assert cells[7:] == ["ก่อง", "'ขึ้นต้นด้วยอัญประกาศ", "'--"]
    back = read_sheet(path)
    assert [row[0].strip() for row in back.rows] == [t.strip() for t in TYPED]


def _soffice() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found is None:
        why = "soffice is not installed (apt-get install libreoffice-calc-nogui)"
        if os.environ.get("CI", "").strip().lower() in ("1", "true", "yes"):
            pytest.fail(f"CI=true: {why}")
        pytest.skip(why)
    return found


def _convert(soffice: str, source: Path, target_filter: str, out: Path) -> None:
    profile = out / "profile"
    subprocess.run(
        [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
         "--convert-to", target_filter, "--outdir", str(out), str(source)],
        check=True, capture_output=True, timeout=180,
    )


def test_libreoffice_shows_the_cells_as_typed_and_none_is_a_formula(tmp_path: Path) -> None:
    soffice = _soffice()
    path = tmp_path / "ส่งออก.xlsx"
    write_xlsx(path, HEADERS, _rows())
    out = tmp_path / "lo"
    out.mkdir()
    # CSV (UTF-8, comma, double quote): what LibreOffice shows in each cell; a formula
    # would show its result (=1+1 as 2)
    _convert(soffice, path, "csv:Text - txt - csv (StarCalc):44,34,76", out)
    with (out / "ส่งออก.csv").open(encoding="utf-8", newline="") as fh:
        shown = list(csv.reader(fh))
    assert shown[0] == HEADERS
    assert [row[0] for row in shown[1:]] == TYPED
    # the flat OpenDocument file says which cells are formulas: none
    _convert(soffice, path, "fods", out)
    document = (out / "ส่งออก.fods").read_text(encoding="utf-8")
    assert "table:formula" not in document
    assert "=1+1" in document
