"""The out-of-school cases' list as a document and a sheet (issue 13): the words of its
header (Thai, as every document and export of the office), from plain rows. No Qt, no SQL;
services/case_list_documents.py reads the list as the window shows it."""

from __future__ import annotations

TITLE = "รายชื่อกรณีเด็กนอกระบบการศึกษา"
SHEET = "กรณีเด็กนอกระบบ"
HEADERS = ("ชื่อ-นามสกุล", "เลขประจำตัวประชาชน", "สถานะ", "ตั้งแต่", "ผู้รับผิดชอบ", "หมู่", "บ้านเลขที่",
           "นิเทศติดตามครั้งถัดไป", "เลยกำหนด (วัน)")
WEIGHTS = (30, 19, 22, 13, 14, 6, 10, 15, 9)  # landscape A4
EMPTY = "ไม่มีกรณีตามเงื่อนไขที่เลือก"
TOO_MANY = "โปรดเลือกสถานะ ผู้รับผิดชอบ หรือหมู่บ้านก่อนพิมพ์"
ALL = "ทุกกรณี"
OVERDUE = "เลยกำหนดนิเทศติดตาม {n} กรณี"
COUNT = "{n} กรณี"
