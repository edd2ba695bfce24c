"""Writing .xlsx and .csv: never a formula, IDs as text, atomic, cancellable."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import pytest

from desktop.reports.sheets import (
    SheetError,
    neutralise,
    read_sheet,
    write_csv,
    write_table,
    write_xlsx,
)
from desktop.services.progress import Cancelled, Progress

HEADERS = ["เลขประจำตัวประชาชน", "ชื่อ", "โทรศัพท์", "คะแนน", "วันที่", "หมายเหตุ"]
EVIL = ["=HYPERLINK(\"http://x\",\"คลิก\")", "+66812345678", "-2+3+cmd|' /C calc'!A0",
        "@SUM(A1)", "\tTAB", "\rCR"]


def rows() -> list[list[object]]:
    return [
        ["1103700012345", "สมชาย", "0812345678", 12.5, date(2019, 8, 15), EVIL[0]],
        [1103700012353, "มาลี", EVIL[1], 3, datetime(2020, 1, 2, 13, 45), EVIL[2]],
        ["0012345678901", EVIL[3], EVIL[4], Decimal("7.25"), None, EVIL[5]],
        ["", "-", None, True, "", "ปกติ"],
    ]


def test_neutralise() -> None:
    for text in EVIL:
        assert neutralise(text) == "'" + text
    for value in ("สมชาย", "", "'=x", "-", 12, -3.5, Decimal("-1"), True, None, date(2020, 1, 1)):
        assert neutralise(value) is value


def test_xlsx_no_formulas_ids_text_numbers_numbers(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    path = tmp_path / "out.xlsx"
    assert write_xlsx(path, HEADERS, rows(), text_columns=[0, 2]) == 4
    wb = load_workbook(path)
    ws = wb.active
    assert ws.title == "ข้อมูล"
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == "A1:F5"
    assert ws["A1"].font.b
    cells = [c for row in ws.iter_rows() for c in row if c.value is not None]
    assert all(c.data_type != "f" for c in cells)
    for text in EVIL:  # (XlsxWriter stores a CR as _x000D_, which openpyxl shows as is)
        found = [c for c in cells if str(c.value).endswith(text[1:])]
        # the text as typed, a text cell with the quote-prefix style (not a stored apostrophe)
        assert found and all(c.quotePrefix and not c.value.startswith("'") for c in found), text
    assert ws["A2"].value == "1103700012345" and ws["A2"].data_type == "s"
    assert ws["A3"].value == "1103700012353" and ws["A3"].data_type == "s"  # int in a text column
    assert ws["C2"].value == "0812345678"
    assert ws["D2"].value == 12.5 and ws["D2"].data_type == "n"
    assert ws["D3"].value == 3 and ws["D4"].value == 7.25
    assert ws["E2"].is_date and ws["E2"].value == datetime(2019, 8, 15)
    assert ws["E3"].value == datetime(2020, 1, 2, 13, 45)
    assert ws["B5"].value == "-" and ws["B5"].quotePrefix
    assert ws.column_dimensions["A"].width >= 13  # sized to the content
    # and back: the reader undoes the apostrophe, so a round trip is exact
    back = read_sheet(path)
    assert back.headers == HEADERS
    assert back.rows[0] == ["1103700012345", "สมชาย", "0812345678", "12.5", "2019-08-15",
                            EVIL[0]]
    assert back.rows[2][1] == EVIL[3]
    assert back.rows[3][:2] == ["", "-"]


def test_csv_bom_crlf_and_neutralised(tmp_path: Path) -> None:
    path = tmp_path / "out.csv"
    assert write_csv(path, HEADERS, rows()) == 4
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert raw.count(b"\r\n") >= 5
    text = raw.decode("utf-8-sig")
    assert text.splitlines()[0] == ",".join(HEADERS)
    assert "1103700012345,สมชาย,0812345678,12.5,2019-08-15" in text
    for line in text.split("\r\n")[1:]:
        for cell in line.split(","):
            # a lone "-" (the clerk's "none") is no formula in any spreadsheet: left alone
            assert cell == "-" or not cell.lstrip('"').startswith(("=", "+", "-", "@")), line
    back = read_sheet(path)
    assert back.encoding == "utf-8-sig"
    assert back.rows[1][2] == EVIL[1] and back.rows[1][5] == EVIL[2]
    assert back.rows[3][:2] == ["", "-"]


def test_write_table_by_suffix(tmp_path: Path) -> None:
    assert write_table(tmp_path / "a.xlsx", ["ก"], [["1"]], text_columns=[0]) == 1
    assert write_table(tmp_path / "a.CSV", ["ก"], [["1"]], text_columns=[0]) == 1
    with pytest.raises(SheetError, match=r"\.ods"):
        write_table(tmp_path / "a.ods", ["ก"], [["1"]])
    assert not (tmp_path / "a.ods").exists()


def _slow_rows(n: int) -> Iterator[list[object]]:
    for i in range(n):
        yield [str(i), "ชื่อ"]


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_cancel_leaves_no_file_and_keeps_the_old_one(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"out{suffix}"
    seen: list[int] = []
    progress = Progress(lambda done, total, msg: seen.append(done))

    def rows_then_cancel() -> Iterator[list[object]]:
        for i, row in enumerate(_slow_rows(5000)):
            if i == 2500:
                progress.cancel()
            yield row

    with pytest.raises(Cancelled):
        write_table(path, ["เลข", "ชื่อ"], rows_then_cancel(), total=5000, progress=progress)
    assert list(tmp_path.iterdir()) == []
    assert seen and max(seen) <= 2500
    # an existing file survives a cancelled overwrite untouched
    path.write_bytes(b"old")
    progress = Progress()
    progress.cancel()
    with pytest.raises(Cancelled):
        write_table(path, ["เลข"], _slow_rows(10), progress=progress)
    assert path.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == [path.name]


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_error_mid_way_leaves_no_file(tmp_path: Path, suffix: str) -> None:
    def broken() -> Iterator[list[object]]:
        yield ["1"]
        raise RuntimeError("database went away")

    with pytest.raises(RuntimeError):
        write_table(tmp_path / f"x{suffix}", ["ก"], broken())
    assert list(tmp_path.iterdir()) == []


def test_progress_reported_with_totals(tmp_path: Path) -> None:
    calls: list[tuple[int, int, str]] = []
    n = write_csv(tmp_path / "p.csv", ["ก"], ([str(i)] for i in range(2500)), total=2500,
                  progress=Progress(lambda d, t, m: calls.append((d, t, m))))
    assert n == 2500
    assert [d for d, _, _ in calls] == [0, 1000, 2000, 2500]
    assert calls[1][2] == "กำลังเขียนแถวที่ 1,000 จาก 2,500"


def test_unwritable_folder_is_a_thai_error(tmp_path: Path) -> None:
    with pytest.raises(SheetError, match="บันทึกไฟล์ในโฟลเดอร์"):
        write_csv(tmp_path / "no" / "such" / "a.csv", ["ก"], [])


def test_long_sheet_name_and_bad_characters(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    path = tmp_path / "s.xlsx"
    write_xlsx(path, ["ก"], [["1"]], sheet_name="รายชื่อ/เด็ก:ปี[2569]" + "ก" * 40)
    title = load_workbook(path).active.title
    assert len(title) <= 31 and "/" not in title and ":" not in title
