"""Demo data says so on every printout and export; a real registry's do not."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pdf_checks import needs_poppler, pages_of

from desktop.services.exports import export_children, export_households, export_institutions
from desktop.services.office import DEMO_LABEL
from desktop.services.reports import ReportOptions, institutions_list_pdf, registry_summary_pdf
from desktop.store.db import Database


@needs_poppler
def test_every_pdf_page_of_demo_data_says_demo(demo_db: Database, tmp_path: Path) -> None:
    out = tmp_path / "summary.pdf"
    with demo_db.reader() as s:
        institutions_list_pdf(s, out, None, ReportOptions())
    pages = pages_of(out)
    assert pages and all(DEMO_LABEL in page for page in pages)


@needs_poppler
def test_a_real_registry_pdf_does_not(office_db: Database, tmp_path: Path) -> None:
    out = tmp_path / "summary.pdf"
    with office_db.reader() as s:
        registry_summary_pdf(s, out, 2569, ReportOptions())
    assert not any("ตัวอย่าง" in page for page in pages_of(out))


@pytest.mark.parametrize("export", [export_children, export_households, export_institutions])
def test_xlsx_of_demo_data_says_demo_in_its_sheet_name(demo_db: Database, tmp_path: Path, export) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "x.xlsx"
    with demo_db.reader() as s:
        export(s, out)
    book = load_workbook(out, read_only=True)
    assert all("ตัวอย่าง" in name for name in book.sheetnames), book.sheetnames
    assert DEMO_LABEL in (book.properties.title or "") + (book.properties.subject or "")


def test_csv_of_demo_data_says_demo_and_imports_again(demo_db: Database, tmp_path: Path) -> None:
    out = tmp_path / "x.csv"
    with demo_db.reader() as s:
        rows = export_children(s, out)
    lines = list(csv.reader(out.read_text(encoding="utf-8-sig").splitlines()))
    assert DEMO_LABEL in lines[0][0]
    assert len(lines) == rows + 2  # the notice, the headers, the rows
    from desktop.domain.columns import export_headers
    from desktop.reports.sheets.reading import read_sheet

    back = read_sheet(out)  # the notice is a title row the import passes over
    assert back.header_row == 2 and list(back.headers) == list(export_headers())
    assert len(back.rows) == rows


def test_real_registry_exports_are_unmarked(office_db: Database, tmp_path: Path) -> None:
    out, csv_out = tmp_path / "x.xlsx", tmp_path / "x.csv"
    with office_db.reader() as s:
        export_institutions(s, out)
        export_children(s, csv_out)
    assert not any("ตัวอย่าง" in n for n in load_workbook(out, read_only=True).sheetnames)
    assert "ตัวอย่าง" not in csv_out.read_text(encoding="utf-8-sig")
