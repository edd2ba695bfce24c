"""Reading spreadsheets: exact text, header detection, bounds and Thai errors.

Every input file is made here (openpyxl for .xlsx, a hand-built zip for .ods) except
``tests/fixtures/sheets/tiny.xls``, written once with xlwt 1.3 (a throwaway install):
a title row, headers on row 3, a numeric ID, a date cell, a blank row 5, a Thai sheet name
and a second, empty sheet.
"""

from __future__ import annotations

import time
import zipfile
from datetime import date, datetime
from pathlib import Path

import pytest

from desktop.reports import sheets
from desktop.reports.sheets import SheetError, decode_csv, list_sheets, read_sheet

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "sheets"
THAI_SHEET = "รายชื่อนักเรียน"


def make_xlsx(path: Path, rows: list[list[object]], *, title: str = THAI_SHEET,
              more_sheets: tuple[str, ...] = ()) -> Path:
    from openpyxl import Workbook

    wb = Workbook()
    for name in more_sheets:
        wb.create_sheet(name)
    ws = wb.active
    ws.title = title
    for r, row in enumerate(rows, 1):
        for c, value in enumerate(row, 1):
            if value is not None:
                ws.cell(row=r, column=c, value=value)
    wb.save(path)
    return path


ODS_CONTENT = """<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">
<office:body><office:spreadsheet><table:table table:name="{sheet}">
<table:table-row><table:table-cell office:value-type="string"><text:p>ชื่อ</text:p></table:table-cell>
<table:table-cell office:value-type="string"><text:p>เลขประจำตัวประชาชน</text:p></table:table-cell></table:table-row>
<table:table-row><table:table-cell office:value-type="string"><text:p>สมชาย</text:p></table:table-cell>
<table:table-cell office:value-type="float" office:value="1103700012345"><text:p>1103700012345</text:p></table:table-cell></table:table-row>
</table:table></office:spreadsheet></office:body></office:document-content>"""


def make_ods(path: Path) -> Path:
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
        content = ODS_CONTENT.format(sheet=THAI_SHEET).replace(">\n<", "><")
        z.writestr("content.xml", content, zipfile.ZIP_DEFLATED)
    return path


# --------------------------------------------------------------------------- xlsx
def test_xlsx_title_row_ids_dates_and_blank_rows(tmp_path: Path) -> None:
    path = make_xlsx(tmp_path / "a.xlsx", [
        ["รายชื่อนักเรียน ปีการศึกษา 2569"],
        [],
        ["ชื่อ", "นามสกุล", " เลขประจำตัว\nประชาชน ", "วันเกิด", "โทรศัพท์", "คะแนน", "ผ่าน"],
        ["สมชาย", "ใจดี", 1103700012345, date(2019, 8, 15), "0812345678", 12.5, True],
        [],
        [None, None, None, None, None, None, None],
        ["  มาลี ", "ศรีสุข", "0012345678901", datetime(2020, 1, 2, 13, 45), 812345678, 3.0,
         False],
    ])
    data = read_sheet(path)
    assert data.file_name == "a.xlsx"
    assert data.sheet == THAI_SHEET and data.sheet_names == [THAI_SHEET]
    assert data.header_row == 3
    assert data.headers == ["ชื่อ", "นามสกุล", "เลขประจำตัว ประชาชน", "วันเกิด", "โทรศัพท์",
                            "คะแนน", "ผ่าน"]
    assert data.rows == [
        ["สมชาย", "ใจดี", "1103700012345", "2019-08-15", "0812345678", "12.5", "TRUE"],
        ["มาลี", "ศรีสุข", "0012345678901", "2020-01-02", "812345678", "3", "FALSE"],
    ]
    assert data.row_numbers == [4, 7]
    assert data.encoding == ""


def test_rows_padded_to_the_widest_and_headers_extended(tmp_path: Path) -> None:
    path = make_xlsx(tmp_path / "w.xlsx", [
        ["ชื่อ", "นามสกุล", "เพศ"],
        ["ก", "ข", "ชาย"],
        ["ค"],
        ["ง", "จ", "หญิง", "เกิน"],
    ])
    data = read_sheet(path)
    assert data.headers == ["ชื่อ", "นามสกุล", "เพศ", ""]
    assert data.rows == [["ก", "ข", "ชาย", ""], ["ค", "", "", ""], ["ง", "จ", "หญิง", "เกิน"]]
    assert all(len(r) == len(data.headers) for r in data.rows)


def test_default_sheet_is_the_first_with_data_and_a_named_sheet_is_read(tmp_path: Path) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    wb.active.title = "ว่าง"
    ws = wb.create_sheet("ข้อมูลเด็ก")
    ws.append(["ชื่อ", "นามสกุล"])
    ws.append(["สมชาย", "ใจดี"])
    other = wb.create_sheet("ผู้ปกครอง")
    other.append(["ชื่อผู้ปกครอง"])
    other.append(["สมศรี"])
    wb.save(tmp_path / "m.xlsx")
    assert list_sheets(tmp_path / "m.xlsx") == ["ว่าง", "ข้อมูลเด็ก", "ผู้ปกครอง"]
    assert read_sheet(tmp_path / "m.xlsx").sheet == "ข้อมูลเด็ก"
    data = read_sheet(tmp_path / "m.xlsx", sheet="ผู้ปกครอง")
    assert (data.headers, data.rows) == (["ชื่อผู้ปกครอง"], [["สมศรี"]])
    with pytest.raises(SheetError, match="ไม่พบแผ่นงาน \"ไม่มี\""):
        read_sheet(tmp_path / "m.xlsx", sheet="ไม่มี")
    with pytest.raises(SheetError, match="มีแต่หัวตาราง|ไม่พบข้อมูล"):
        read_sheet(tmp_path / "m.xlsx", sheet="ว่าง")


def test_explicit_header_row(tmp_path: Path) -> None:
    path = make_xlsx(tmp_path / "h.xlsx", [
        ["ข้อมูลเด็ก", "", "", "ผู้ปกครอง", ""],
        ["ชื่อ", "นามสกุล", "เพศ", "ชื่อผู้ปกครอง", "โทรศัพท์"],
        ["ก", "ข", "ชาย", "ค", "0812345678"],
    ])
    assert read_sheet(path).header_row == 2  # auto: group labels fill 2 of 5 (< 60%)
    data = read_sheet(path, header_row=1)
    assert data.headers == ["ข้อมูลเด็ก", "", "", "ผู้ปกครอง", ""]
    assert data.row_numbers == [2, 3]
    with pytest.raises(SheetError, match="แถวที่ 9"):
        read_sheet(path, header_row=9)


def test_formula_neutralised_text_is_restored_on_read(tmp_path: Path) -> None:
    path = make_xlsx(tmp_path / "n.xlsx", [["ซอย", "หมายเหตุ"], ["'-", "'=1+2"], ["'ปกติ", "x"]])
    assert read_sheet(path).rows == [["-", "=1+2"], ["'ปกติ", "x"]]


def test_xls_fixture() -> None:
    data = read_sheet(FIXTURES / "tiny.xls")
    assert data.sheet == THAI_SHEET and data.sheet_names == [THAI_SHEET, "ว่าง"]
    assert data.header_row == 3
    assert data.headers == ["ชื่อ", "นามสกุล", "เลขประจำตัวประชาชน", "วันเกิด", "โทรศัพท์"]
    assert data.rows == [
        ["สมชาย", "ใจดี", "1103700012345", "2019-08-15", "0812345678"],
        ["มาลี", "ศรีสุข", "1103700012353", "", "12.5"],
    ]
    assert data.row_numbers == [4, 6]


def test_ods(tmp_path: Path) -> None:
    data = read_sheet(make_ods(tmp_path / "a.ods"))
    assert data.sheet == THAI_SHEET
    assert data.headers == ["ชื่อ", "เลขประจำตัวประชาชน"]
    assert data.rows == [["สมชาย", "1103700012345"]]


def test_xlsx_saved_under_the_xls_name_is_read_by_content(tmp_path: Path) -> None:
    path = make_xlsx(tmp_path / "real.xlsx", [["ชื่อ"], ["สมชาย"]])
    named = tmp_path / "ส่งออกจากระบบ.xls"
    named.write_bytes(path.read_bytes())
    assert read_sheet(named).rows == [["สมชาย"]]


# --------------------------------------------------------------------------- CSV
CSV_TEXT = "รายชื่อนักเรียน ปีการศึกษา 2569\r\n\r\nชื่อ,นามสกุล,เลขประจำตัว\r\nสมชาย,ใจดี,0012345678901\r\n\r\n\"มาลี, น้อย\",ศรีสุข,1103700012345\r\n"


@pytest.mark.parametrize(("encoding", "expected"), [
    ("utf-8", "utf-8"), ("utf-8-sig", "utf-8-sig"), ("cp874", "cp874"), ("utf-16", "utf-16"),
])
def test_csv_encodings(tmp_path: Path, encoding: str, expected: str) -> None:
    path = tmp_path / "a.csv"
    path.write_bytes(CSV_TEXT.encode(encoding))
    data = read_sheet(path)
    assert data.encoding == expected
    assert data.sheet == "" and data.sheet_names == []
    assert data.header_row == 3
    assert data.headers == ["ชื่อ", "นามสกุล", "เลขประจำตัว"]
    assert data.rows == [["สมชาย", "ใจดี", "0012345678901"],
                         ["มาลี, น้อย", "ศรีสุข", "1103700012345"]]
    assert data.row_numbers == [4, 6]


@pytest.mark.parametrize("delimiter", [";", "\t", ","])
def test_csv_delimiters(tmp_path: Path, delimiter: str) -> None:
    lines = [["ชื่อ", "ที่อยู่", "เลข"], ["สมชาย", "12/3 หมู่ 4, ต.บ้านใหม่", "1"],
             ["มาลี", "5 ถ.มิตรภาพ", "2"]]
    text = "\r\n".join(delimiter.join(
        f'"{c}"' if delimiter in c else c for c in line) for line in lines)
    path = tmp_path / "d.csv"
    path.write_text(text, encoding="utf-8")
    data = read_sheet(path)
    assert data.headers == ["ชื่อ", "ที่อยู่", "เลข"]
    assert data.rows[0] == ["สมชาย", "12/3 หมู่ 4, ต.บ้านใหม่", "1"]


def test_decode_csv_order_and_refusal() -> None:
    assert decode_csv("ก".encode("cp874")) == ("ก", "cp874")
    assert decode_csv("ก".encode()) == ("ก", "utf-8")
    assert decode_csv(b"\xef\xbb\xbfa") == ("a", "utf-8-sig")
    with pytest.raises(SheetError, match="อ่านตัวอักษรในไฟล์ CSV ไม่ได้"):
        decode_csv(b"\xff\xdb\xfc")  # bytes cp874 leaves undefined, invalid UTF-8


def test_undecodable_csv_file(tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_bytes(b"a,b\r\n\xff\xdb,\xfc\r\n")
    with pytest.raises(SheetError, match="CSV UTF-8"):
        read_sheet(path)


def test_csv_with_nul_bytes_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "nul.csv"
    path.write_bytes("ชื่อ,เลข\r\nก,1".encode("utf-16-le"))  # UTF-16 without its BOM
    with pytest.raises(SheetError, match="CSV UTF-8"):
        read_sheet(path)


# --------------------------------------------------------------------------- refusals
def test_more_than_max_rows_refused_without_reading_on(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sheets, "MAX_ROWS", 10)
    csv_path = tmp_path / "long.csv"
    csv_path.write_text("a,b\n" + "".join(f"{i},x\n" for i in range(11)), encoding="utf-8")
    with pytest.raises(SheetError, match="เกิน 10 แถว"):
        read_sheet(csv_path)
    ok = tmp_path / "ok.csv"
    ok.write_text("a,b\n" + "".join(f"{i},x\n" for i in range(10)), encoding="utf-8")
    assert len(read_sheet(ok).rows) == 10
    xlsx = make_xlsx(tmp_path / "long.xlsx", [["a"]] + [[i] for i in range(11)])
    with pytest.raises(SheetError, match="โปรดแบ่งเป็นหลายไฟล์"):
        read_sheet(xlsx)


def test_csv_stops_at_the_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A long file is refused after MAX_ROWS + 1 rows, not after parsing all of it."""
    monkeypatch.setattr(sheets, "MAX_ROWS", 5)
    parsed: list[int] = []
    from desktop.reports.sheets import reading

    real = reading._finish_row

    def counting(cells: list[str]) -> list[str]:
        parsed.append(1)
        return real(cells)

    monkeypatch.setattr(reading, "_finish_row", counting)
    path = tmp_path / "big.csv"
    path.write_text("a\n" + "x\n" * 50_000, encoding="utf-8")
    with pytest.raises(SheetError):
        read_sheet(path)
    assert len(parsed) < 30  # the header search looks at 20 rows, then 5 data rows


def test_too_big_refused_before_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sheets, "MAX_BYTES", 1000)
    path = tmp_path / "big.xlsx"
    with path.open("wb") as fh:
        fh.truncate(5 * 1024 * 1024)  # sparse: no parser may try it
    with pytest.raises(SheetError, match=r"มีขนาด 5\.0 MB เกินขีดจำกัด .*แบ่ง"):
        read_sheet(path)
    big_csv = tmp_path / "big.csv"
    with big_csv.open("wb") as fh:
        fh.truncate(sheets.MAX_CSV_BYTES + 1)
    with pytest.raises(SheetError, match="เกินขีดจำกัด"):
        read_sheet(big_csv)


def test_zip_bomb_refused_fast(tmp_path: Path) -> None:
    """300 MB of zeros in a 300 KB .xlsx: refused from the zip directory, nothing expanded."""
    path = tmp_path / "bomb.xlsx"
    chunk = b"\0" * (1 << 20)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/workbook.xml", "<workbook/>")
        with z.open("xl/worksheets/sheet1.xml", "w") as member:
            for _ in range(300):
                member.write(chunk)
    assert path.stat().st_size < 1024 * 1024
    started = time.perf_counter()
    with pytest.raises(SheetError, match="ขยายแล้วใหญ่เกิน"):
        read_sheet(path)
    assert time.perf_counter() - started < 1.0


def test_zip_that_lies_about_its_sizes_is_refused(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """Declared sizes small, real contents big: the streaming check catches it."""
    monkeypatch.setattr(sheets, "MAX_UNZIPPED_BYTES", 200_000)
    path = make_xlsx(tmp_path / "a.xlsx", [["ชื่อ"]] + [[f"คน{i}"] for i in range(20_000)])
    with pytest.raises(SheetError, match="ขยายแล้วใหญ่เกิน|เสีย"):
        read_sheet(path)
    # the same file with its central directory sizes rewritten to claim 10 bytes each
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as z:
        infos = z.infolist()
    monkeypatch.setattr(sheets, "MAX_UNZIPPED_BYTES", 300 * 1024 * 1024)
    at = data.find(b"PK\x01\x02")
    for _ in infos:
        data[at + 24:at + 28] = (10).to_bytes(4, "little")  # uncompressed size
        name_len = int.from_bytes(data[at + 28:at + 30], "little")
        extra_len = int.from_bytes(data[at + 30:at + 32], "little")
        comment_len = int.from_bytes(data[at + 32:at + 34], "little")
        at += 46 + name_len + extra_len + comment_len
    liar = tmp_path / "liar.xlsx"
    liar.write_bytes(bytes(data))
    from desktop.reports.sheets import reading

    parsed: list[str] = []
    monkeypatch.setattr(reading, "_calamine", lambda name, *a, **k: parsed.append(name))
    with pytest.raises(SheetError, match="เสียหรือไม่ใช่ไฟล์ Excel"):
        read_sheet(liar)
    assert parsed == []  # refused by the zip check itself, before any parser saw it


@pytest.mark.parametrize("kind", ["truncated", "garbage", "empty", "docx", "text"])
def test_corrupt_files_refused_in_thai(tmp_path: Path, kind: str) -> None:
    good = make_xlsx(tmp_path / "good.xlsx", [["ชื่อ"], ["สมชาย"]]).read_bytes()
    path = tmp_path / "bad.xlsx"
    if kind == "truncated":
        path.write_bytes(good[: len(good) // 2])
    elif kind == "garbage":
        path.write_bytes(b"PK\x03\x04" + bytes(range(256)) * 10)
    elif kind == "empty":
        path.write_bytes(b"")
    elif kind == "docx":
        with zipfile.ZipFile(path, "w") as z:
            z.writestr("word/document.xml", "<w:document/>")
    else:
        path.write_text("ชื่อ,นามสกุล\n", encoding="utf-8")
    with pytest.raises(SheetError) as err:
        read_sheet(path)
    message = str(err.value)
    assert "bad.xlsx" in message
    assert any("\u0e00" <= ch <= "\u0e7f" for ch in message)  # Thai, for the clerk
    assert "Traceback" not in message


def test_password_protected_and_web_page(tmp_path: Path) -> None:
    # An Office file saved with a password is an OLE container with an EncryptedPackage
    ole = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512
           + "EncryptedPackage".encode("utf-16-le") + b"\0" * 512)
    locked = tmp_path / "locked.xlsx"
    locked.write_bytes(ole)
    with pytest.raises(SheetError, match="รหัสผ่าน"):
        read_sheet(locked)
    page = tmp_path / "report.xls"  # a web page without a table (tables are read)
    page.write_text("<html><body><p>ไม่พบข้อมูล</p></body></html>", encoding="utf-8")
    with pytest.raises(SheetError, match="หน้าเว็บ"):
        read_sheet(page)


def test_missing_and_unsupported(tmp_path: Path) -> None:
    with pytest.raises(SheetError, match="ไม่พบไฟล์"):
        read_sheet(tmp_path / "none.xlsx")
    other = tmp_path / "a.pdf"
    other.write_bytes(b"%PDF-1.4")
    with pytest.raises(SheetError, match=r"ไม่รองรับไฟล์ชนิด \.pdf"):
        read_sheet(other)
    with pytest.raises(SheetError, match="ไม่พบไฟล์"):
        list_sheets(tmp_path / "none.xlsx")


def test_header_detection_skips_rows_holding_ids_or_dates() -> None:
    from desktop.reports.sheets.reading import detect_header

    rows = [
        ["รายงาน", "", ""],
        ["1103700012345", "สมชาย", "15/08/2562"],
        ["เลข", "ชื่อ", "วันเกิด"],
    ]
    assert detect_header(rows) == 2
    assert detect_header([["1-1037-00012-34-5", "ก"], ["ก", "ข"]]) == 1
    assert detect_header([["1103700012345", "2019-08-15"]]) == 0  # none qualifies
