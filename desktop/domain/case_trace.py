"""A tracing visit of an out-of-school child's case (issue 13): who went, whom they met,
what they found, where, the photos. No Qt, no SQL.

- A visit is recorded on an open case (not one waiting for closure), dated not in the
  future nor before the case opened.
- Who went is required; whom they met is not (a child not found meets nobody).
- The result is one of the trace results (``cases.TRACE_RESULTS``): found, not found,
  moved away, died, already in education, declined. Recording it does not move the case:
  ``suggested_move`` says which move the screen offers (the move keeps its own checks,
  e.g. a place for "moved away").
- The position is the screening's: micro-degrees, both or neither, inside Thailand
  (``screening_form.in_thailand``). Photos are the screening's too (shrunk, stripped,
  hashed by services/screening_photos.py), at most ``MAX_PHOTOS`` a visit.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from desktop.i18n import N_, _

from .cases import MOVES, NOTE_MAX, TRACE_RESULTS, CaseStatus, date_problem, text_problem
from .errors import Problem
from .screening_form import in_thailand
from .text import clean_text

NAMES_MAX = 200  # who went; whom they met
MAX_PHOTOS = 5


@dataclass(frozen=True)
class TraceVisit:
    visited_on: date
    visitors: str
    result: CaseStatus | None
    met: str = ""
    lat_e6: int | None = None
    lon_e6: int | None = None
    note: str = ""
    photos: int = 0  # how many photos come with it


def check_trace_visit(v: TraceVisit, status: CaseStatus, *, today: date, opened_on: date) -> list[Problem]:
    """What keeps a tracing visit from being recorded."""
    problems: list[Problem] = []
    if status in (CaseStatus.CLOSED, CaseStatus.CLOSURE_REQUESTED):
        problems.append(Problem("status", _("กรณีนี้ปิดแล้วหรือรออนุมัติปิด บันทึกการติดตามเพิ่มไม่ได้")))
    if v.result is None or v.result not in TRACE_RESULTS:
        problems.append(Problem("result", _("โปรดเลือกผลการติดตาม")))
    for p in (date_problem("visited_on", v.visited_on, today, not_before=opened_on, before_label=N_("วันที่เปิดกรณี")),
              text_problem("visitors", clean_text(v.visitors), NAMES_MAX, N_("ผู้ไปติดตาม"),
                           required=_("โปรดระบุผู้ไปติดตาม")),
              text_problem("met", clean_text(v.met), NAMES_MAX, N_("ผู้ที่พบ")),
              text_problem("note", clean_text(v.note), NOTE_MAX, N_("บันทึกเพิ่มเติม"))):
        if p:
            problems.append(p)
    if (v.lat_e6 is None) != (v.lon_e6 is None) or (
            v.lat_e6 is not None and v.lon_e6 is not None and not in_thailand(v.lat_e6, v.lon_e6)):
        problems.append(Problem("position", _("พิกัดต้องมีทั้งละติจูดและลองจิจูด และอยู่ในประเทศไทย")))
    if not 0 <= v.photos <= MAX_PHOTOS:
        problems.append(Problem("photos", _("แนบรูปได้ไม่เกิน {most} รูปต่อการติดตามหนึ่งครั้ง").format(most=MAX_PHOTOS)))
    return problems


def suggested_move(status: CaseStatus, result: CaseStatus | None) -> CaseStatus | None:
    """The move a visit's result offers from ``status`` (None: none, e.g. the case is
    already there or the move is not allowed)."""
    if result is None or result is status or (status, result) not in MOVES:
        return None
    return result
