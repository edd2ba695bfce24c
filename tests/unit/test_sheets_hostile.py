"""Files clerks really receive, read without losing anything silently.

Every file is built here by hand (zip + XML, HTML, text), so each test shows exactly what
the hostile part is: a hidden or cover sheet, hidden rows, a stray cell far away, a formula
without a stored value, a CSV with an unclosed quote or a bad byte, and the "Excel" files
that Thai government web systems hand out (an HTML table, Excel 2003 XML, Unicode Text).
Reads that could exhaust memory run in a subprocess under a memory limit and a timeout.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from desktop.domain.identity import make_national_id
from desktop.reports.sheets import SheetError, list_sheets, read_sheet

ROOT = Path(__file__).resolve().parents[2]
NID = "1103700012345"  # only the shape matters to the reader
GOOD_NID = make_national_id("110370001234")  # a valid one, for the import

# --------------------------------------------------------------------------- xlsx by hand
_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def col_name(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA."""
    name = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        name = chr(65 + rem) + name
    return name


def cell(ref: str, value: object) -> str:
    if isinstance(value, (int, float)):
        return f'<c r="{ref}"><v>{value}</v></c>'
    return f'<c r="{ref}" t="inlineStr"><is><t>{escape(str(value))}</t></is></c>'


def row(number: int, values: list[object], *, hidden: bool = False, start_col: int = 0) -> str:
    cells = "".join(cell(f"{col_name(start_col + i)}{number}", v)
                    for i, v in enumerate(values) if v is not None and v != "")
    extra = ' hidden="1"' if hidden else ""
    return f'<row r="{number}"{extra}>{cells}</row>'


def table(rows: list[list[object]], first: int = 1) -> str:
    return "".join(row(first + i, r) for i, r in enumerate(rows))


def make_xlsx(path: Path, sheets: list[tuple[str, str, str]], *, dimension: str = "") -> Path:
    """``sheets``: (name, state "visible"/"hidden"/"veryHidden", sheetData inner XML)."""
    overrides = "".join(
        f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        for i in range(1, len(sheets) + 1))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", (
            '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
            'package/2006/content-types"><Default Extension="rels" ContentType="application/'
            'vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" '
            'ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType='
            '"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            f"{overrides}</Types>"))
        z.writestr("_rels/.rels", (
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
            'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="'
            'http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
            'Target="xl/workbook.xml"/></Relationships>'))
        entries = "".join(
            f'<sheet name="{escape(name)}" sheetId="{i}"'
            + (f' state="{state}"' if state != "visible" else "") + f' r:id="rId{i}"/>'
            for i, (name, state, _) in enumerate(sheets, 1))
        z.writestr("xl/workbook.xml", (
            f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{_NS}" xmlns:r="{_R}">'
            f"<sheets>{entries}</sheets></workbook>"))
        rels = "".join(
            f'<Relationship Id="rId{i}" Type="{_R}/worksheet" Target="worksheets/sheet{i}.xml"/>'
            for i in range(1, len(sheets) + 1))
        z.writestr("xl/_rels/workbook.xml.rels", (
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
            f'openxmlformats.org/package/2006/relationships">{rels}</Relationships>'))
        for i, (_, _, data) in enumerate(sheets, 1):
            dim = f'<dimension ref="{dimension}"/>' if dimension else ""
            z.writestr(f"xl/worksheets/sheet{i}.xml", (
                f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{_NS}" xmlns:r="{_R}">'
                f"{dim}<sheetData>{data}</sheetData></worksheet>"))
    return path


HEAD = ["ชื่อ", "นามสกุล", "เลขประจำตัวประชาชน"]
KIDS = [["สมชาย", "ใจดี", NID], ["มาลี", "ศรีสุข", "0012345678901"]]


def kids_xml(first: int = 1) -> str:
    return table([HEAD, *KIDS], first)


def thai(text: str) -> bool:
    return any("\u0e00" <= ch <= "\u0e7f" for ch in text)


# --------------------------------------------------------------------------- subprocess
_CHILD = textwrap.dedent("""
    import json, resource, sys
    limit = int(sys.argv[2]) * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    from desktop.reports.sheets import SheetError, read_sheet
    try:
        d = read_sheet(sys.argv[1])
    except SheetError as exc:
        print(json.dumps({"error": str(exc)}))
    else:
        print(json.dumps({"sheet": d.sheet, "headers": d.headers, "rows": d.rows,
                          "numbers": d.row_numbers, "notes": list(d.notes)}))
""")


def read_bounded(path: Path, *, mb: int = 1200, seconds: float = 30) -> dict:
    """read_sheet in a fresh interpreter under an address-space limit and a timeout."""
    done = subprocess.run([sys.executable, "-c", _CHILD, str(path), str(mb)], cwd=ROOT,
                          capture_output=True, text=True, timeout=seconds,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert done.returncode == 0, done.stderr[-2000:]
    assert "Traceback" not in done.stderr
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


# --------------------------------------------------------------------------- sheet choice
def test_a_hidden_sheet_is_never_read_without_saying_so(tmp_path: Path) -> None:
    path = make_xlsx(tmp_path / "h.xlsx", [
        ("ข้อมูลเก่า", "hidden", table([HEAD, ["เก่า", "เก่า", NID]])),
        ("รายการเลือก", "veryHidden", table([["ชาย"], ["หญิง"]])),
        ("เด็ก", "visible", kids_xml()),
    ])
    data = read_sheet(path)
    assert data.sheet == "เด็ก"
    assert data.rows == KIDS
    notes = " ".join(data.notes)
    assert "ข้อมูลเก่า" in notes and "ซ่อน" in notes
    assert "เด็ก" in notes and "แถวที่ 1" in notes  # the sheet and header row used
    # asked for by name, a hidden sheet is read, and said to be hidden
    hidden = read_sheet(path, sheet="ข้อมูลเก่า")
    assert hidden.rows == [["เก่า", "เก่า", NID]]
    assert any("ซ่อน" in n for n in hidden.notes)
    assert list_sheets(path) == ["ข้อมูลเก่า", "รายการเลือก", "เด็ก"]
    only_hidden = make_xlsx(tmp_path / "o.xlsx", [("ว่าง", "visible", ""),
                                                  ("ข้อมูล", "hidden", kids_xml())])
    with pytest.raises(SheetError, match="ซ่อน.*\"ข้อมูล\""):
        read_sheet(only_hidden)


def test_a_cover_sheet_does_not_stop_the_import(tmp_path: Path) -> None:
    cover = table([["แบบรายงานข้อมูลเด็ก"], ["เทศบาลตำบลทดสอบ"], ["ปีการศึกษา 2569"],
                   [], ["จัดทำโดย งานการศึกษา"]])
    path = make_xlsx(tmp_path / "c.xlsx", [("ปก", "visible", cover),
                                           ("รายชื่อ", "visible", kids_xml(3))])
    data = read_sheet(path)
    assert (data.sheet, data.header_row, data.rows) == ("รายชื่อ", 3, KIDS)
    assert any("ปก" in n for n in data.notes)


def test_a_nearly_empty_first_sheet_does_not_hide_the_data(tmp_path: Path) -> None:
    path = make_xlsx(tmp_path / "e.xlsx", [("Sheet1", "visible", table([["ดูแผ่นที่ 2"]])),
                                           ("Sheet2", "visible", kids_xml())])
    assert read_sheet(path).sheet == "Sheet2"


def test_sheet_by_number_and_header_row(tmp_path: Path) -> None:
    path = make_xlsx(tmp_path / "n.xlsx", [("ก", "visible", kids_xml()),
                                           ("ข", "visible", table([["x", "y"], ["1", "2"]]))])
    assert read_sheet(path, sheet="2").sheet == "ข"
    with pytest.raises(SheetError, match="ไม่พบแผ่นงาน"):
        read_sheet(path, sheet="9")
    data = read_sheet(path, header_row=2)
    assert data.headers == KIDS[0] and data.header_row == 2
    assert any("แถวที่ 2" in n for n in data.notes)


def test_hidden_rows_are_skipped_and_named(tmp_path: Path) -> None:
    body = (row(1, HEAD) + row(2, KIDS[0]) + row(3, ["ซ่อน", "ไว้", NID], hidden=True)
            + row(4, KIDS[1]) + '<row r="5" hidden="1"/>')
    data = read_sheet(make_xlsx(tmp_path / "r.xlsx", [("S", "visible", body)]))
    assert data.rows == KIDS and data.row_numbers == [2, 4]
    note = " ".join(data.notes)
    assert "ซ่อน" in note and "3" in note and "5" not in note.replace("2569", "")


# --------------------------------------------------------------------------- vast ranges
def test_a_stray_cell_at_the_last_cell_of_excel(tmp_path: Path) -> None:
    """The 5 KB file that aborted the CLI and the GUI: one cell at XFD1048576."""
    stray = '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>'
    path = make_xlsx(tmp_path / "stray.xlsx", [("S", "visible", kids_xml() + stray)],
                     dimension="A1:XFD1048576")
    assert path.stat().st_size < 5000
    got = read_bounded(path)
    assert got.get("rows") == KIDS, got
    assert any("XFD1048576" in n for n in got["notes"])


@pytest.mark.parametrize("where", ["AH1048576", "XFD3", "ZZ99999", "AAA1"])
def test_stray_cells_far_right_or_far_down(tmp_path: Path, where: str) -> None:
    """A 35-column table of 300 rows with one stray cell: read fast, the stray named."""
    wide = [[f"h{i}" for i in range(35)]] + [[f"v{r}-{i}" for i in range(35)] for r in range(300)]
    number = int("".join(ch for ch in where if ch.isdigit()))
    body = table(wide) + f'<row r="{number}"><c r="{where}"><v>1</v></c></row>'
    if number <= 301:  # the stray shares a row with the table: keep rows in order
        rows = [row(i + 1, r) for i, r in enumerate(wide)]
        rows[number - 1] = rows[number - 1].replace("</row>", f'<c r="{where}"><v>1</v></c></row>')
        body = "".join(rows)
    got = read_bounded(make_xlsx(tmp_path / "w.xlsx", [("S", "visible", body)]), seconds=20)
    assert len(got.get("rows", [])) == 300, got
    assert any(where in n for n in got["notes"])


def test_the_used_range_alone_costs_nothing(tmp_path: Path) -> None:
    got = read_bounded(make_xlsx(tmp_path / "d.xlsx", [("S", "visible", kids_xml())],
                                 dimension="A1:XFD1048576"))
    assert got.get("rows") == KIDS


def test_odd_cell_tags_cannot_slip_a_stray_past_the_check(tmp_path: Path) -> None:
    """Attribute order, single quotes and a namespace prefix on the stray cell."""
    odd = ("<row r='1048576'><x:c xmlns:x='" + _NS + "' s='0' r='XFD1048576' t='inlineStr'>"
           "<x:is><x:t>x</x:t></x:is></x:c></row>")
    got = read_bounded(make_xlsx(tmp_path / "o.xlsx", [("S", "visible", kids_xml() + odd)]))
    assert got.get("rows") == KIDS or thai(got.get("error", "")), got


def test_cells_without_references_spread_wide(tmp_path: Path) -> None:
    """Cells without ``r`` are placed one after another: 20,000 of them in one row and a
    row far below is a rectangle of 20 billion cells unless it is bounded first."""
    wide = "<row>" + "<c><v>1</v></c>" * 16384 + "</row>"
    body = kids_xml() + wide + '<row r="1048576"><c><v>1</v></c></row>'
    got = read_bounded(make_xlsx(tmp_path / "n.xlsx", [("S", "visible", body)]))
    assert "rows" in got or thai(got["error"]), got


def test_many_stray_cells_are_refused_in_thai(tmp_path: Path) -> None:
    strays = "".join(f'<row r="{900000 + i * 7}"><c r="XE{col_name(i % 26)}{900000 + i * 7}">'
                     f"<v>{i}</v></c></row>" for i in range(200))
    got = read_bounded(make_xlsx(tmp_path / "m.xlsx", [("S", "visible", kids_xml() + strays)]))
    error = got.get("error", "")
    assert thai(error) and "XE" in error, got


# --------------------------------------------------------------------------- formulas
def test_a_formula_without_a_stored_value_is_marked_with_its_cell(tmp_path: Path) -> None:
    body = (row(1, ["ชื่อ", "นามสกุล", "เพศ", "เลขประจำตัวประชาชน"])
            + '<row r="2">' + cell("A2", "สมชาย") + cell("B2", "ใจดี") + cell("C2", "ชาย")
            + '<c r="D2"><f>TEXT(Z2,"0")</f></c></row>'
            + '<row r="3">' + cell("A3", "มาลี") + cell("B3", "ศรีสุข") + cell("C3", "หญิง")
            + '<c r="D3"><f t="shared" si="0"/><v/></c></row>'
            + '<row r="4">' + cell("A4", "มานะ") + cell("B4", "ดี") + cell("C4", "ชาย")
            + f'<c r="D4"><f>TEXT(Z4,"0")</f><v>{NID}</v></c></row>'
            + '<row r="5">' + cell("A5", "ปิติ") + cell("B5", "ดี") + cell("C5", "ชาย")
            + '<c r="D5" t="str"><f>""</f><v></v></c></row>')
    data = read_sheet(make_xlsx(tmp_path / "f.xlsx", [("S", "visible", body)]))
    assert data.rows[2][3] == NID
    assert set(data.bad_cells) == {(2, 3), (3, 3)}
    message = data.bad_cells[(2, 3)]
    assert "D2" in message and "สูตร" in message and "บันทึก" in message
    assert "D3" in data.bad_cells[(3, 3)]


def test_a_formula_without_value_is_a_row_error_in_the_plan(office_db: object,
                                                            tmp_path: Path) -> None:
    from datetime import date

    from desktop.services import imports

    body = (row(1, ["ชื่อ", "นามสกุล", "เพศ", "วันเกิด", "เลขประจำตัวประชาชน"])
            + '<row r="2">' + cell("A2", "สมชาย") + cell("B2", "ใจดี") + cell("C2", "ชาย")
            + cell("D2", "15/08/2565") + '<c r="E2"><f>TEXT(Z2,"0")</f><v/></c></row>')
    data = read_sheet(make_xlsx(tmp_path / "p.xlsx", [("S", "visible", body)]))
    with office_db.session() as s:  # type: ignore[attr-defined]
        plan = imports.plan_import(s, data, imports.suggest_mapping(s, data.headers),
                                   today=date(2026, 11, 24))
    assert plan.valid_count == 0 and plan.error_count == 1
    errors = [p for p in plan.problems() if p.severity == "error"]
    assert errors and errors[0].row == 2 and "E2" in errors[0].message


# --------------------------------------------------------------------------- CSV
def test_an_unclosed_quote_names_the_row_where_it_opened(tmp_path: Path) -> None:
    lines = ["ชื่อ,นามสกุล,เลข", "สมชาย,ใจดี,1", 'มาลี,"ศรีสุข,2'] + [f"คน{i},ดี,{i}" for i in range(50)]
    path = tmp_path / "q.csv"
    path.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")
    with pytest.raises(SheetError) as err:
        read_sheet(path)
    message = str(err.value)
    assert "แถวที่ 3" in message and "เครื่องหมายคำพูด" in message


def test_a_quoted_cell_over_several_lines_is_still_read(tmp_path: Path) -> None:
    path = tmp_path / "ok.csv"
    path.write_text('ชื่อ,ที่อยู่\r\nสมชาย,"12 หมู่ 3\r\nต.บ้านใหม่"\r\nมาลี,5\r\n', encoding="utf-8")
    data = read_sheet(path)
    assert data.rows == [["สมชาย", "12 หมู่ 3\r\nต.บ้านใหม่"], ["มาลี", "5"]]
    assert data.row_numbers == [2, 3]  # the row numbers Excel shows for this file


@pytest.mark.parametrize(("bad", "what"), [(b"\x00", "NUL"), (b"\x81", "byte")])
def test_one_bad_byte_is_named_by_row_and_offset(tmp_path: Path, bad: bytes, what: str) -> None:
    good = "ชื่อ,เลข\r\nสมชาย,1\r\nมาลี,2\r\n".encode()
    at = good.index("มาลี".encode())
    data = good[:at] + bad + good[at:]
    path = tmp_path / "b.csv"
    path.write_bytes(data)
    with pytest.raises(SheetError) as err:
        read_sheet(path)
    message = str(err.value)
    assert "แถวที่ 3" in message and f"{at:,}" in message, message


# --------------------------------------------------------------------------- web "Excel"
HTML_XLS = """<html xmlns:x="urn:schemas-microsoft-com:office:excel">
<head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<style>td {{ mso-number-format:"\\@"; }}</style></head><body>
<h3>รายงานข้อมูลนักเรียน</h3>
<table border="1">
<thead><tr><th colspan="3">ข้อมูลเด็ก ภาคเรียนที่ 2/2569</th></tr>
<tr><th>ชื่อ</th><th>นามสกุล</th><th>เลขประจำตัวประชาชน</th></tr></thead>
<tbody>
<tr><td>สมชาย</td><td>ใจ&amp;ดี</td><td style='mso-number-format:"\\@"'>{nid}</td></tr>
<tr><td>มาลี&nbsp;</td><td><b>ศรีสุข</b></td><td>0012345678901</td></tr>
</tbody></table></body></html>"""


def test_an_html_table_saved_as_xls(tmp_path: Path) -> None:
    path = tmp_path / "report.xls"
    path.write_text(HTML_XLS.format(nid=NID), encoding="utf-8")
    data = read_sheet(path)
    assert data.headers == HEAD
    assert data.rows == [["สมชาย", "ใจ&ดี", NID], ["มาลี", "ศรีสุข", "0012345678901"]]
    assert data.header_row == 2


def test_an_html_table_in_cp874_with_a_meta_charset(tmp_path: Path) -> None:
    text = HTML_XLS.format(nid=NID).replace("charset=utf-8", "charset=windows-874")
    path = tmp_path / "r.xls"
    path.write_bytes(text.encode("cp874"))
    assert read_sheet(path).rows[0] == ["สมชาย", "ใจ&ดี", NID]


def spreadsheet_ml(*, doctype: str = "") -> str:
    return f"""<?xml version="1.0" encoding="UTF-8"?>{doctype}
<?mso-application progid="Excel.Sheet"?>
<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"
 xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"
 xmlns:x="urn:schemas-microsoft-com:office:excel">
 <Worksheet ss:Name="ซ่อน"><x:WorksheetOptions><x:Visible>SheetHidden</x:Visible></x:WorksheetOptions>
  <Table><Row><Cell><Data ss:Type="String">ชื่อ</Data></Cell><Cell><Data ss:Type="String">เลข</Data></Cell></Row>
  <Row><Cell><Data ss:Type="String">เก่า</Data></Cell><Cell><Data ss:Type="Number">1</Data></Cell></Row></Table>
  <WorksheetOptions xmlns="urn:schemas-microsoft-com:office:excel"><Visible>SheetHidden</Visible></WorksheetOptions>
 </Worksheet>
 <Worksheet ss:Name="รายชื่อ">
  <Table>
   <Row><Cell><Data ss:Type="String">รายชื่อเด็ก</Data></Cell></Row>
   <Row ss:Index="3"><Cell><Data ss:Type="String">ชื่อ</Data></Cell><Cell><Data ss:Type="String">นามสกุล</Data></Cell><Cell ss:Index="4"><Data ss:Type="String">เลขประจำตัวประชาชน</Data></Cell></Row>
   <Row><Cell><Data ss:Type="String">สมชาย</Data></Cell><Cell><Data ss:Type="String">ใจดี</Data></Cell><Cell ss:Index="4"><Data ss:Type="Number">{NID}</Data></Cell></Row>
   <Row ss:Hidden="1"><Cell><Data ss:Type="String">ซ่อน</Data></Cell><Cell><Data ss:Type="String">ไว้</Data></Cell><Cell ss:Index="4"><Data ss:Type="Number">1.1037000123450E12</Data></Cell></Row>
   <Row><Cell><Data ss:Type="String">มาลี</Data></Cell><Cell><Data ss:Type="String">ศรีสุข</Data></Cell><Cell ss:Index="4"><Data ss:Type="String">0012345678901</Data></Cell></Row>
  </Table>
 </Worksheet>
</Workbook>"""


def test_excel_2003_xml_spreadsheet(tmp_path: Path) -> None:
    path = tmp_path / "export.xls"
    path.write_text(spreadsheet_ml(), encoding="utf-8")
    data = read_sheet(path)
    assert data.sheet == "รายชื่อ" and data.header_row == 3
    assert data.headers == ["ชื่อ", "นามสกุล", "", "เลขประจำตัวประชาชน"]
    assert data.rows == [["สมชาย", "ใจดี", "", NID], ["มาลี", "ศรีสุข", "", "0012345678901"]]
    assert data.row_numbers == [4, 6]
    notes = " ".join(data.notes)
    assert "ซ่อน" in notes and "5" in notes
    assert list_sheets(path) == ["ซ่อน", "รายชื่อ"]
    xml_named = tmp_path / "export.xml"
    xml_named.write_text(spreadsheet_ml(), encoding="utf-8")
    assert read_sheet(xml_named).rows == data.rows


def test_xml_entities_are_refused(tmp_path: Path) -> None:
    laughs = ('<!DOCTYPE Workbook [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;">'
              '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;">]>')
    path = tmp_path / "laughs.xls"
    path.write_text(spreadsheet_ml(doctype=laughs).replace("รายชื่อเด็ก", "&c;"), encoding="utf-8")
    with pytest.raises(SheetError) as err:
        read_sheet(path)
    assert thai(str(err.value))


@pytest.mark.parametrize(("name", "encoding"), [("u.txt", "utf-16"), ("a.txt", "utf-8"),
                                                ("t.txt", "cp874"), ("x.xls", "utf-16")])
def test_unicode_text_and_tab_separated_text(tmp_path: Path, name: str, encoding: str) -> None:
    text = "\r\n".join("\t".join(r) for r in [HEAD, *KIDS]) + "\r\n"
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))  # Python's utf-16 writes the LE BOM here
    data = read_sheet(path)
    assert (data.headers, data.rows) == (HEAD, KIDS)


# --------------------------------------------------------------------------- the CLI
def cli(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    db = tmp_path / "office.db"
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONIOENCODING": "utf-8"}
    if not db.exists():
        subprocess.run([sys.executable, "-m", "desktop.cli", "--db", str(db), "init",
                        "--office-name", "ทดสอบ", "--office-code", "9999999"], cwd=ROOT,
                       check=True, capture_output=True, env=env)
    return subprocess.run([sys.executable, "-m", "desktop.cli", "--db", str(db), *args],
                          cwd=ROOT, capture_output=True, text=True, timeout=60, env=env)


def _kids_files(tmp_path: Path) -> list[Path]:
    rows = [["ชื่อ", "นามสกุล", "เพศ", "วันเกิด", "เลขประจำตัวประชาชน"],
            ["สมชาย", "ใจดี", "ชาย", "15/08/2565", GOOD_NID]]
    out = [make_xlsx(tmp_path / "k.xlsx", [("ซ่อน", "hidden", table([["x"]])),
                                           ("เด็ก", "visible", table(rows))])]
    html = "<table>" + "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>"
                               for r in rows) + "</table>"
    (tmp_path / "k-html.xls").write_text(f"<html><body>{html}</body></html>", encoding="utf-8")
    xml_rows = "".join("<Row>" + "".join(f'<Cell><Data ss:Type="String">{c}</Data></Cell>'
                                         for c in r) + "</Row>" for r in rows)
    (tmp_path / "k-2003.xls").write_text(
        '<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" '
        'xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="เด็ก">'
        f"<Table>{xml_rows}</Table></Worksheet></Workbook>", encoding="utf-8")
    (tmp_path / "k.txt").write_bytes(
        ("\r\n".join("\t".join(r) for r in rows) + "\r\n").encode("utf-16"))
    (tmp_path / "k.csv").write_text("\r\n".join(",".join(r) for r in rows), encoding="utf-8")
    return [*out, tmp_path / "k-html.xls", tmp_path / "k-2003.xls", tmp_path / "k.txt",
            tmp_path / "k.csv"]


def test_cli_reads_every_format_and_names_sheet_and_header(tmp_path: Path) -> None:
    for path in _kids_files(tmp_path):
        done = cli(tmp_path, "import", "children", str(path), "--dry-run")
        text = done.stdout + done.stderr
        assert "Traceback" not in text, text
        assert "ถูกต้อง 1 แถว" in text, (path.name, text)
        assert "หัวตารางแถวที่ 1" in text, (path.name, text)
        if path.suffix == ".xlsx":
            assert 'แผ่นงาน "เด็ก"' in text and "ซ่อน" in text


def test_cli_sheet_and_header_row_arguments(tmp_path: Path) -> None:
    path = _kids_files(tmp_path)[0]
    done = cli(tmp_path, "import", "children", str(path), "--dry-run", "--sheet", "2",
               "--header-row", "1")
    assert "ถูกต้อง 1 แถว" in done.stdout, done.stdout + done.stderr
    done = cli(tmp_path, "import", "children", str(path), "--dry-run", "--header-row", "0")
    assert done.returncode == 2 and thai(done.stderr) and "Traceback" not in done.stderr


def test_cli_refusals_exit_non_zero_in_thai(tmp_path: Path) -> None:
    stray = '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>'
    many = "".join(f'<row r="{900000 + i}"><c r="XFD{900000 + i}"><v>1</v></c></row>'
                   for i in range(100))
    bad = [make_xlsx(tmp_path / "s.xlsx", [("S", "visible", kids_xml() + many)]),
           tmp_path / "q.csv", tmp_path / "laughs.xls"]
    (tmp_path / "q.csv").write_text('ชื่อ,เลข\r\n"สมชาย,1\r\nมาลี,2\r\n', encoding="utf-8")
    (tmp_path / "laughs.xls").write_text(
        spreadsheet_ml(doctype='<!DOCTYPE Workbook [<!ENTITY a "aaaa">]>'), encoding="utf-8")
    for path in bad:
        done = cli(tmp_path, "import", "children", str(path), "--dry-run", "--skip-invalid")
        assert done.returncode == 1, (path.name, done.stdout, done.stderr)
        assert thai(done.stderr) and "Traceback" not in done.stderr, done.stderr
    ok = make_xlsx(tmp_path / "one.xlsx", [("S", "visible", kids_xml() + stray)])
    done = cli(tmp_path, "import", "children", str(ok), "--dry-run")
    assert "XFD1048576" in done.stdout + done.stderr and "Traceback" not in done.stderr


# --------------------------------------------------------------------------- .ods
def _ods(path: Path, extra: str) -> Path:
    from test_sheets import make_ods

    make_ods(path)
    with zipfile.ZipFile(path) as z:
        members = {i.filename: z.read(i) for i in z.infolist()}
    members["content.xml"] = members["content.xml"].replace(
        b"</table:table>", extra.encode() + b"</table:table>")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for member, body in members.items():
            z.writestr(member, body)
    return path


@pytest.mark.parametrize(("extra", "far"), [
    # LibreOffice's way of saving a stray cell at XFD1048576: empty repeats, then the value
    ('<table:table-row table:number-rows-repeated="1048573"><table:table-cell/></table:table-row>'
     '<table:table-row><table:table-cell table:number-columns-repeated="16383"/>'
     '<table:table-cell office:value-type="string"><text:p>x</text:p></table:table-cell>'
     "</table:table-row>", "XFD1048576"),
    # 3,000 rows of a value repeated over 10,000 columns: 30 million cells, under calamine's cap
    ('<table:table-row table:number-rows-repeated="3000"><table:table-cell '
     'table:number-columns-repeated="10000" office:value-type="float" office:value="1">'
     "<text:p>1</text:p></table:table-cell></table:table-row>", "NTP3002"),
])
def test_ods_with_far_or_repeated_values_is_refused_in_bounded_memory(tmp_path: Path, extra: str,
                                                                      far: str) -> None:
    got = read_bounded(_ods(tmp_path / "s.ods", extra), mb=900)
    assert thai(got.get("error", "")) and far in got["error"], got


def test_ods_with_trailing_empty_repeats_is_read(tmp_path: Path) -> None:
    extra = ('<table:table-row table:number-rows-repeated="1048573"><table:table-cell '
             'table:number-columns-repeated="16384"/></table:table-row>')
    got = read_bounded(_ods(tmp_path / "e.ods", extra))
    assert got.get("rows") == [["สมชาย", "1103700012345"]], got


def test_the_fast_scan_sees_the_same_in_any_chunking() -> None:
    """Rows cut across the expanded zip's chunks are scanned whole: hidden rows and formulas
    without value are found wherever the cuts fall, and a far cell still makes the sheet odd."""
    from desktop.reports.sheets.xlsx_scan import _FastScan

    rows = "".join(
        row(n, [f"ค{n}", n], hidden=n % 7 == 0) if n % 5 else
        f'<row r="{n}"><c r="A{n}"><f>B{n}*2</f></c><c r="B{n}"><f>1</f><v>1</v></c></row>'
        for n in range(1, 200))
    xml = f'<worksheet xmlns="{_NS}"><sheetData>{rows}</sheetData></worksheet>'.encode()
    found = []
    for size in (7, 64, 1000, len(xml)):
        scan = _FastScan()
        for at in range(0, len(xml), size):
            scan.feed(xml[at:at + size])
        scan.feed(b"", final=True)
        assert not scan.odd
        found.append((sorted(scan.result.hidden_rows), sorted(scan.result.formulas)))
    assert all(f == found[0] for f in found)
    assert found[0][0] == [n for n in range(7, 200, 7) if n % 5]
    assert found[0][1] == [(n, 0) for n in range(5, 200, 5)]
    far = xml.replace(b'<c r="A150"', b'<c r="XFD150"')
    scan = _FastScan()
    for at in range(0, len(far), 50):
        scan.feed(far[at:at + 50])
    scan.feed(b"", final=True)
    assert scan.odd


def _prefixed(xml: str) -> str:
    """The sheet as the OpenXML SDK writes it: every tag under the prefix x:."""
    import re

    return re.sub(r"<(/?)(row|c|is|t|v|f)([ >/])", r"<\1x:\2\3", xml)


def test_a_sheet_written_with_a_prefix_takes_the_fast_path(tmp_path: Path) -> None:
    from desktop.reports.sheets.xlsx_scan import check_zip

    body = _prefixed(kids_xml() + row(4, ["ซ่อน", "ไว้", NID], hidden=True)
                     + '<row r="5"><c r="A5"><f>1+1</f></c></row>')
    path = make_xlsx(tmp_path / "sdk.xlsx", [("S", "visible", body)])
    with zipfile.ZipFile(path) as z:
        members = {i.filename: z.read(i) for i in z.infolist()}
    sheet = members["xl/worksheets/sheet1.xml"].decode()
    sheet = sheet.replace("<worksheet xmlns=", "<x:worksheet xmlns:x=").replace(
        "<sheetData>", "<x:sheetData>").replace("</sheetData></worksheet>",
                                                "</x:sheetData></x:worksheet>")
    members["xl/worksheets/sheet1.xml"] = sheet.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for member, body_bytes in members.items():
            z.writestr(member, body_bytes)
    scan = check_zip(path, path.name)
    assert not scan.odd  # no slow exact walk for the SDK's way of writing
    found = scan.sheets["xl/worksheets/sheet1.xml"]
    assert found.hidden_rows == {4} and found.formulas == [(5, 0)]
    got = read_sheet(path)
    assert got.rows == KIDS
    # an unprefixed (or otherwise prefixed) cell among them is still caught
    members["xl/worksheets/sheet1.xml"] = sheet.replace(
        "</x:sheetData>", '<row r="9"><c r="XFD9"><v>1</v></c></row></x:sheetData>').encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for member, body_bytes in members.items():
            z.writestr(member, body_bytes)
    assert check_zip(path, path.name).odd
    assert any("XFD9" in n for n in read_sheet(path).notes)


def test_hidden_ods_rows_are_skipped_and_named(tmp_path: Path) -> None:
    hidden = ('<table:table-row table:visibility="collapse"><table:table-cell office:value-type='
              '"string"><text:p>ซ่อน</text:p></table:table-cell><table:table-cell office:value-type='
              '"string"><text:p>1</text:p></table:table-cell></table:table-row>'
              '<table:table-row><table:table-cell office:value-type="string"><text:p>มาลี</text:p>'
              '</table:table-cell><table:table-cell office:value-type="string"><text:p>2</text:p>'
              "</table:table-cell></table:table-row>")
    data = read_sheet(_ods(tmp_path / "h.ods", hidden))
    assert data.rows == [["สมชาย", "1103700012345"], ["มาลี", "2"]]
    assert data.row_numbers == [2, 4]
    assert any("ซ่อน" in n and "3" in n for n in data.notes)
