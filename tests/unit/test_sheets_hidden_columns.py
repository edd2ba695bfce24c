"""Hidden columns of an .xlsx or .ods are never read without saying so: they are read (a
column hidden for printing, such as the IDs, is still the clerk's data, and the mapping
step can leave it out), and a note names each hidden column of the table by its letter and
header. Hidden columns outside the table (Excel hides "the rest of the sheet" as one range)
are not named. (.xls: python-calamine 0.9 exposes no row or column visibility, so a hidden
column of an old .xls is read like any other; see the note at the end.)"""

from __future__ import annotations

import sys
import zipfile
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from test_sheets_hostile import HEAD, KIDS, NID, kids_xml, make_xlsx  # noqa: E402

from desktop.reports.sheets import read_sheet  # noqa: E402
from desktop.reports.sheets.xlsx_scan import check_zip, sheet_members  # noqa: E402


def with_cols(path: Path, cols: str, *, prefix: str = "") -> Path:
    """The workbook at ``path`` with a ``<cols>`` element (``cols``: its inner XML) put
    before each worksheet's sheetData, as Excel writes it."""
    with zipfile.ZipFile(path) as z:
        members = {i.filename: z.read(i) for i in z.infolist()}
    for name, body in members.items():
        if name.startswith("xl/worksheets/"):
            members[name] = body.replace(
                f"<{prefix}sheetData>".encode(),
                f"<{prefix}cols>{cols}</{prefix}cols><{prefix}sheetData>".encode(), 1)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, body in members.items():
            z.writestr(name, body)
    return path


def hidden_note(notes: tuple[str, ...]) -> str:
    found = [n for n in notes if "คอลัมน์" in n and "ซ่อน" in n]
    assert len(found) == 1, notes
    return found[0]


def test_a_hidden_column_is_read_and_named(tmp_path: Path) -> None:
    path = with_cols(make_xlsx(tmp_path / "c.xlsx", [("S", "visible", kids_xml())]),
                     '<col min="1" max="1" width="12" customWidth="1"/>'
                     '<col min="2" max="2" width="0" hidden="1" customWidth="1"/>')
    data = read_sheet(path)
    assert data.headers == HEAD and data.rows == KIDS  # nothing left out
    note = hidden_note(data.notes)
    assert "B" in note and "นามสกุล" in note
    assert "ชื่อ\"" not in note and "เลขประจำตัว" not in note
    assert data.hidden_columns == (1,)


def test_a_hidden_range_and_the_rest_of_the_sheet(tmp_path: Path) -> None:
    """B:C hidden, and everything right of the table hidden as one range up to XFD."""
    path = with_cols(make_xlsx(tmp_path / "r.xlsx", [("S", "visible", kids_xml())]),
                     '<col min="2" max="3" hidden="true"/><col min="5" max="16384" hidden="1"/>')
    data = read_sheet(path)
    assert data.rows == KIDS
    note = hidden_note(data.notes)
    assert "B" in note and "C" in note and "นามสกุล" in note and "เลขประจำตัวประชาชน" in note
    assert "XFD" not in note and "E" not in note.replace("เลข", "")
    assert data.hidden_columns == (1, 2)


def test_no_note_without_hidden_columns(tmp_path: Path) -> None:
    path = with_cols(make_xlsx(tmp_path / "n.xlsx", [("S", "visible", kids_xml())]),
                     '<col min="1" max="3" width="20" customWidth="1"/>')
    data = read_sheet(path)
    assert not [n for n in data.notes if "คอลัมน์" in n and "ซ่อน" in n]
    assert data.hidden_columns == ()


def test_a_table_that_starts_right_names_the_sheets_letters(tmp_path: Path) -> None:
    """The table in C:E (calamine's rows start at its first column): hidden D is the
    table's second column, named D."""
    from test_sheets_hostile import row

    body = "".join(row(i + 1, r, start_col=2) for i, r in enumerate([HEAD, *KIDS]))
    path = with_cols(make_xlsx(tmp_path / "s.xlsx", [("S", "visible", body)]),
                     '<col min="4" max="4" hidden="1"/>')
    data = read_sheet(path)
    assert data.rows == KIDS
    note = hidden_note(data.notes)
    assert "D" in note and "นามสกุล" in note
    assert data.hidden_columns == (1,)


def test_the_exact_scan_sees_hidden_columns_too(tmp_path: Path) -> None:
    """A sheet the fast scan cannot vouch for (a stray cell far away) is parsed exactly:
    its hidden columns are named all the same."""
    stray = '<row r="90000"><c r="XFD90000" t="inlineStr"><is><t>x</t></is></c></row>'
    path = with_cols(make_xlsx(tmp_path / "x.xlsx", [("S", "visible", kids_xml() + stray)]),
                     '<col min="3" max="3" hidden="1"/>')
    member = sheet_members(path)["S"]
    assert member in check_zip(path, path.name).odd
    data = read_sheet(path)
    assert data.rows == KIDS
    assert "C" in hidden_note(data.notes)
    assert data.hidden_columns == (2,)


@pytest.mark.parametrize("chunk", [7, 64, 1 << 20])
def test_the_fast_scan_finds_hidden_columns_in_any_chunking(chunk: int) -> None:
    from desktop.reports.sheets.xlsx_scan import _FastScan

    xml = (b'<?xml version="1.0"?><worksheet xmlns="x"><cols><col min="1" max="1"/>'
           b'<col min="2" max="4" hidden="1"/><col hidden="true" max="7" min="7"/></cols>'
           b'<sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>')
    scan = _FastScan()
    for i in range(0, len(xml), chunk):
        scan.feed(xml[i:i + chunk])
    scan.feed(b"", final=True)
    assert not scan.odd
    assert sorted(scan.result.hidden_cols) == [(1, 3), (6, 6)]


# --------------------------------------------------------------------------- .ods
ODS = """<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">
<office:body><office:spreadsheet><table:table table:name="S">{columns}{rows}
</table:table></office:spreadsheet></office:body></office:document-content>"""


def make_ods(path: Path, columns: str) -> Path:
    def ods_row(cells: list[str]) -> str:
        return "<table:table-row>" + "".join(
            f'<table:table-cell office:value-type="string"><text:p>{c}</text:p></table:table-cell>'
            for c in cells) + "</table:table-row>"

    content = ODS.format(columns=columns, rows="".join(ods_row(r) for r in [HEAD, *KIDS]))
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet",
                   compress_type=zipfile.ZIP_STORED)
        z.writestr("META-INF/manifest.xml", (
            '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
            'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">'
            '<manifest:file-entry manifest:full-path="/" manifest:media-type='
            '"application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry '
            'manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
            "</manifest:manifest>"))
        z.writestr("content.xml", content, zipfile.ZIP_DEFLATED)
    return path


def test_hidden_ods_columns_are_read_and_named(tmp_path: Path) -> None:
    columns = ('<table:table-column/><table:table-column table:visibility="collapse"/>'
               '<table:table-column/>'
               '<table:table-column table:number-columns-repeated="16381" table:visibility="collapse"/>')
    data = read_sheet(make_ods(tmp_path / "c.ods", columns))
    assert data.rows == [[c for c in r] for r in KIDS] and NID in data.rows[0]
    note = hidden_note(data.notes)
    assert "B" in note and "นามสกุล" in note and "XFD" not in note
    assert data.hidden_columns == (1,)


def test_hidden_ods_columns_in_a_header_group(tmp_path: Path) -> None:
    columns = ('<table:table-header-columns><table:table-column table:visibility="collapse"/>'
               '</table:table-header-columns><table:table-columns>'
               '<table:table-column table:number-columns-repeated="2"/></table:table-columns>')
    data = read_sheet(make_ods(tmp_path / "g.ods", columns))
    assert "A" in hidden_note(data.notes)
    assert data.hidden_columns == (0,)


# --------------------------------------------------------------------------- Excel 2003 XML
def test_hidden_columns_of_excel_2003_xml(tmp_path: Path) -> None:
    """What government web systems hand out as .xls: <Column ss:Hidden="1"> (ss:Index and
    ss:Span place it)."""
    from test_sheets_hostile import spreadsheet_ml

    xml = spreadsheet_ml().replace(
        '<Worksheet ss:Name="รายชื่อ">\n  <Table>',
        '<Worksheet ss:Name="รายชื่อ">\n  <Table><Column ss:Width="80"/>'
        '<Column ss:Index="3" ss:Span="1" ss:Hidden="1"/><Column ss:Hidden="1" ss:Span="9"/>', 1)
    assert "ss:Span" in xml
    path = tmp_path / "export.xls"
    path.write_text(xml, encoding="utf-8")
    data = read_sheet(path)
    assert data.rows == [["สมชาย", "ใจดี", "", NID], ["มาลี", "ศรีสุข", "", "0012345678901"]]
    note = hidden_note(data.notes)
    assert "C" in note and "D \"เลขประจำตัวประชาชน\"" in note and "E" not in note.replace("เลข", "")
    assert data.hidden_columns == (2, 3)
