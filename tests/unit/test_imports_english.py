"""The import speaks the screen's language (issue 8, "English that is English"): every
problem of a file, of a row and of the whole-file values is English with ``--lang en`` (the
file's own text, the data, stays as typed), Thai stays Thai to the byte, and nothing in the
import recognises a message by its words (a translated message still counts)."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from class_list import children
from test_imports_class_list import (
    CDC,
    SCHOOL,
    TODAY,
    Sheet,
    plan_of,
    reg,
    school_id,
    sheet,
    whole_file,
)

from desktop import i18n
from desktop.domain.identity import make_national_id
from desktop.services import imports
from desktop.store.db import Database

__all__ = ["reg"]  # the fixture, shared with test_imports_class_list

THAI = re.compile(r"[\u0e00-\u0e7f]")


@pytest.fixture(params=["th", "en"])
def lang(request: pytest.FixtureRequest) -> Iterator[str]:
    i18n.set_language(request.param)
    try:
        yield str(request.param)
    finally:
        i18n.set_language("th")


def test_a_bad_whole_file_level_is_said_once_in_either_language(reg: Database, lang: str) -> None:
    """The planner knows the whole-file level was said by the problem's field, not by its
    Thai words: in English too the rows do not repeat it."""
    kw = {**whole_file(reg), "institution_id": school_id(reg, CDC)}  # a CDC has no อ.2
    plan = plan_of(reg, sheet(*children(5)), **kw)
    file_errors = [p for p in plan.file_problems if p.severity == "error"]
    assert len(file_errors) == 1 and file_errors[0].field == "level"
    assert not any(p.field == "level" for r in plan.rows for p in r.problems), lang
    assert bool(THAI.search(file_errors[0].message.replace(CDC, "").replace("อ.2", ""))) == (lang == "th")



# ---------------------------------------------------------------------------- every message
H = ["ลำดับ", "คำนำหน้า", "ชื่อ", "นามสกุล", "เพศ", "วันเกิด", "เลขประจำตัวประชาชน", "รหัส G", "รหัสประจำบ้าน",
     "บ้านเลขที่", "หมู่ที่", "ตำบล", "อำเภอ", "จังหวัด", "สถานศึกษา", "ชั้น", "ปีการศึกษา", "ชื่อผู้ปกครอง"]
NID = [make_national_id(f"1103702{i:05d}") for i in range(20)]
PLACE = ["ในเมือง", "เมืองขอนแก่น", "ขอนแก่น"]


def _row(n: int, first: str, *, sex: str = "ชาย", born: str = "01/03/2563", nid: str = "", gcode: str = "",
         code: str = "", house: str = "", village: str = "", inst: str = SCHOOL, level: str = "ป.1",
         year: str = "2569", guardian: str = "") -> list[str]:
    place = PLACE if house else ["", "", ""]
    return [str(n), "", first, "ทดสอบ", sex, born, nid, gcode, code, house, village, *place, inst, level, year,
            guardian]


def bad_rows() -> list[list[str]]:
    return [
        _row(1, "หนึ่ง", sex="ไม่รู้", nid=NID[1], gcode="G12345678901", code="123"),
        _row(2, "สอง", inst="ศพด.ที่ไม่มี"),                           # no ID; an institution not known
        _row(3, "สาม", nid=NID[3], inst="", level="ป.1"),             # a class but no institution
        _row(4, "สี่", nid=NID[4], level="", year="ปีนี้"),           # no class; a year not read
        _row(5, "ห้า", nid=NID[5], level="ชั้นพิเศษ"),                # a class not known
        _row(6, "หก", nid=NID[6]), _row(7, "เจ็ด", nid=NID[6]),       # one ID twice
        _row(8, "แปด", nid=NID[8]), _row(9, "แปด", nid=NID[9]),       # one name and birth twice
        _row(10, "สิบ", nid=NID[10], code="30010001234", house="7", village="1"),
        _row(11, "สิบเอ็ด", nid=NID[11], code="30010001234", house="8", village="1"),  # same code, another house
        _row(12, "สิบสอง", nid=NID[12], house="9", village="2"),
        _row(13, "สิบสาม", nid=NID[13], house="9", village="2", born="01/03/2562"),
        _row(14, "สิบสี่", nid=NID[14], guardian="นางมาลี ทดสอบ"),   # no relation for the guardian
        ["", "", "", "รวม 14 คน"],                                   # the footer
    ]


def _data(plan_sheets: list[Sheet]) -> list[str]:
    """What a file and the registry hold, which stays as typed in any language."""
    from desktop.domain.people import PREFIXES

    found = {CDC, SCHOOL, imports.NO_ID_REASON, *PREFIXES}
    for sh in plan_sheets:
        found |= {c for row in [sh.headers, *sh.rows] for c in row if c}
    found |= {"มาลี ทดสอบ", "นางมาลี", "◌\u0e48"}  # the mark typed on nothing, shown as typed
    return sorted((d for d in found if THAI.search(d)), key=len, reverse=True)


def _messages(db: Database) -> tuple[list[imports.CellProblem], list[Sheet]]:
    """The problems of a file with every kind of bad row, of the same file once part of it
    is in the registry, and of files that are wrong as a whole."""
    from desktop.domain.columns import guess_mapping

    main = sheet(*bad_rows(), headers=H)
    found = plan_of(db, main).problems()
    with db.session() as s:
        imports.commit_import(s, plan_of(db, main), actor="test")
    again = sheet(*bad_rows()[5:8], _row(15, "สิบห้า", nid=NID[15], house="9", village="2", born="01/03/2561"),
                  _row(16, "แปด", nid=NID[16]), headers=H)
    found += plan_of(db, again).problems()
    ids = Sheet(["ชื่อ", "นามสกุล", "เพศ", "วันเกิด", "บัตรแม่", "บัตรพ่อ"],
                [["เอ", "ทดสอบ", "ชาย", "01/03/2563", NID[17], NID[18]]])
    lone = Sheet(["ชื่อ", "นามสกุล", "เพศ", "วันเกิด", "เลขเด็ก"], [["บี", "ทดสอบ", "ชาย", "01/03/2563", NID[19]]])
    missing = Sheet(["ชื่อ", "เพศ", "ชื่อเล่น"], [])
    with db.reader() as s:
        for sh in (ids, lone):
            found += imports.plan_import(s, sh, imports.suggest_mapping(s, sh.headers), today=TODAY).problems()
        twice = {**guess_mapping(missing.headers), 2: "first_name"}
        found += imports.plan_import(s, missing, twice, today=TODAY, level_code="zz", classroom="ห้อง" * 20,
                                     relation="แ่ม").problems()
    return found, [main, again, ids, lone, missing]


def test_every_problem_of_the_import_speaks_the_screen_language(reg: Database, lang: str) -> None:
    problems, sheets = _messages(reg)
    data = re.compile("|".join(re.escape(d) for d in _data(sheets)))
    messages = sorted({p.message for p in problems})
    assert len(messages) >= 25, messages  # every kind of problem is here
    left = [m for m in messages if THAI.search(data.sub("", m))]
    if lang == "en":
        assert not left, "Thai left in English:\n" + "\n".join(left)
    else:
        assert left == messages


def test_the_error_report_speaks_the_screen_language(reg: Database, lang: str) -> None:
    main = sheet(*bad_rows(), headers=H)
    headers, rows = imports.error_report_rows(plan_of(reg, main))
    data = re.compile("|".join(re.escape(d) for d in _data([main])))
    added = headers[len(H):]
    report = [*added, *(r[-1] for r in rows)]
    assert bool([t for t in report if THAI.search(data.sub("", t))]) == (lang == "th")
    if lang == "th":
        assert added == ["แถวที่", "ชื่อเด็ก (ตามไฟล์)", "ปัญหา"]
    else:
        assert added == ["Row", "Child's name (as in the file)", "Problem"]
        assert any(line.startswith("Warning: ") for r in rows for line in r[-1].splitlines())
