"""The daily attendance as a spreadsheet (issue 12): the headers and the words of its
cells, Thai as a caregiver types them (``samoe centre attendance export|import``). No Qt,
no SQL: services/centre_files.py reads and writes the records.

One row per child and day: the date (Buddhist Era), the room, the child's code (the
program's uuid, so a file goes back where it came from) and ID, the name, and the status:
มา, ป่วย, ลา, ขาด, or ปิด (the centre closed that day).
"""

from __future__ import annotations

from desktop.domain.centre import AbsenceReason

HEADERS = ("วันที่", "ห้อง", "รหัสเด็ก", "เลขประจำตัว", "ชื่อ-สกุล", "การมาเรียน")
DAY, ROOM, CODE, IDENT, NAME, STATUS = range(6)
# what each header may also be called in a file typed by hand
ALIASES = {DAY: ("วันที่", "date"), ROOM: ("ห้อง", "ห้องเรียน", "room"), CODE: ("รหัสเด็ก", "uuid"),
           IDENT: ("เลขประจำตัว", "เลขประจำตัวประชาชน", "รหัส g", "id"), NAME: ("ชื่อ-สกุล", "ชื่อ", "name"),
           STATUS: ("การมาเรียน", "สถานะ", "status")}
PRESENT = "มา"
CLOSED = "ปิด"
CLOSED_WORDS = (CLOSED, "closed")  # what a clerk may type for a closed day
WORDS: dict[str, AbsenceReason | None] = {
    "มา": None, "/": None, "present": None,
    "ป่วย": AbsenceReason.SICK, "ป": AbsenceReason.SICK, "sick": AbsenceReason.SICK,
    "ลา": AbsenceReason.LEAVE, "ล": AbsenceReason.LEAVE, "leave": AbsenceReason.LEAVE,
    "ขาด": AbsenceReason.ABSENT, "ข": AbsenceReason.ABSENT, "absent": AbsenceReason.ABSENT,
}
STATUS_WORD = {AbsenceReason.SICK: "ป่วย", AbsenceReason.LEAVE: "ลา", AbsenceReason.ABSENT: "ขาด"}
SHEET_NAME = "การมาเรียน"


def columns_of(headers: list[str]) -> dict[int, int]:
    """Which column of the file holds each field (by its header; case and spaces ignored)."""
    folded = [h.strip().lower().replace(" ", "") for h in headers]
    out: dict[int, int] = {}
    for field, names in ALIASES.items():
        for name in names:
            key = name.lower().replace(" ", "")
            if key in folded:
                out[field] = folded.index(key)
                break
    return out
