"""Referrals (ส่งต่อ) of an out-of-school child's case to other agencies (issue 13): what a
referral records, its statuses and the moves between them. No Qt, no SQL.

- A referral is sent (``sent``) to an agency (social development พมจ., health, กศน.,
  labour, ...; ``case_plan.Agency``, not the family) named on the letter, with the
  reason; from a case that has found the child and is not closing (``REFERABLE``).
- The agency's answer moves it: ``sent`` → ``accepted`` or ``rejected``; ``accepted`` →
  ``done`` or ``rejected`` (it could not help after all). ``rejected`` and ``done`` are
  final. A rejection and a completion record the agency's answer.
- Every move is a case worker's (``case.work``), dated: not in the future, not before
  the referral's last change.
- Asking to close a case with referrals still open is allowed, with a warning
  (``open_referrals_warning``): an agency that never answers must not keep a case open.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from types import MappingProxyType

from desktop.i18n import N_, _

from .case_plan import NAME_MAX, Agency
from .cases import (
    NOTE_MAX,
    REASON_MAX,
    RETURNED,
    CaseStatus,
    date_problem,
    may_do,
    status_label,
    text_problem,
)
from .errors import Problem
from .roles import Action, Role
from .text import clean_text

ANSWER_MAX = 1000


class ReferralStatus(StrEnum):
    SENT = "sent"
    ACCEPTED = "accepted"
    REJECTED = "rejected"
    DONE = "done"


REFERRAL_LABELS: Mapping[ReferralStatus, str] = MappingProxyType({
    ReferralStatus.SENT: N_("ส่งแล้ว"),
    ReferralStatus.ACCEPTED: N_("หน่วยงานรับแล้ว"),
    ReferralStatus.REJECTED: N_("หน่วยงานไม่รับ"),
    ReferralStatus.DONE: N_("ดำเนินการแล้ว"),
})

R = ReferralStatus
REFERRAL_MOVES = frozenset({(R.SENT, R.ACCEPTED), (R.SENT, R.REJECTED), (R.ACCEPTED, R.DONE),
                            (R.ACCEPTED, R.REJECTED)})
FINAL = frozenset({R.REJECTED, R.DONE})
NEEDS_ANSWER = frozenset({R.REJECTED, R.DONE})
REFERABLE = frozenset({CaseStatus.FOUND, CaseStatus.ASSESSED, CaseStatus.IN_PLAN} | RETURNED)
NOT_REFERRED_TO = frozenset({Agency.FAMILY})


def referral_label(status: ReferralStatus | str) -> str:
    return _(REFERRAL_LABELS[ReferralStatus(status)])


@dataclass(frozen=True)
class Referral:
    agency: Agency | None
    agency_name: str  # as the letter addresses it: สำนักงานพัฒนาสังคมและความมั่นคงของมนุษย์จังหวัด...
    reason: str  # what the child needs from the agency
    sent_on: date
    by: str
    note: str = ""


def check_referral(r: Referral, case_status: CaseStatus, roles: Iterable[Role], *, today: date,
                   opened_on: date | None = None) -> list[Problem]:
    """What keeps a referral from being sent."""
    problems: list[Problem] = []
    if not may_do(roles, Action.CASE_WORK):
        problems.append(Problem("actor", _("ผู้ใช้นี้ไม่มีสิทธิ์ส่งต่อเด็กนอกระบบ")))
    if case_status not in REFERABLE:
        problems.append(Problem("status", _("กรณีที่มีสถานะ \"{status}\" ส่งต่อหน่วยงานไม่ได้").format(
            status=status_label(case_status))))
    if r.agency is None:
        problems.append(Problem("agency", _("โปรดเลือก \"ประเภทหน่วยงาน\" ที่ส่งต่อ")))
    elif r.agency in NOT_REFERRED_TO:
        problems.append(Problem("agency", _("ส่งต่อให้ครอบครัวไม่ได้ โปรดเลือกหน่วยงาน")))
    for p in (text_problem("agency_name", clean_text(r.agency_name), NAME_MAX, N_("ชื่อหน่วยงานที่ส่งต่อ"),
                           required=_("โปรดระบุชื่อหน่วยงานที่ส่งต่อตามที่จะพิมพ์ในหนังสือ")),
              text_problem("reason", clean_text(r.reason), REASON_MAX, N_("เหตุผล"),
                           required=_("โปรดระบุเหตุผลหรือความช่วยเหลือที่ขอ")),
              text_problem("note", clean_text(r.note), NOTE_MAX, N_("บันทึกเพิ่มเติม")),
              date_problem("sent_on", r.sent_on, today, not_before=opened_on, before_label=N_("วันที่เปิดกรณี"))):
        if p:
            problems.append(p)
    return problems


def check_referral_move(current: ReferralStatus, target: ReferralStatus, roles: Iterable[Role], *,
                        on: date, last_change_on: date, answer: str, today: date) -> list[Problem]:
    """What keeps a referral from moving from ``current`` to ``target`` on ``on``."""
    if (current, target) not in REFERRAL_MOVES:
        return [Problem("status", _("เปลี่ยนสถานะการส่งต่อจาก \"{old}\" เป็น \"{new}\" ไม่ได้").format(
            old=referral_label(current), new=referral_label(target)))]
    problems: list[Problem] = []
    if not may_do(roles, Action.CASE_WORK):
        problems.append(Problem("actor", _("ผู้ใช้นี้ไม่มีสิทธิ์ส่งต่อเด็กนอกระบบ")))
    required = _("โปรดบันทึกคำตอบของหน่วยงาน") if target in NEEDS_ANSWER else None
    for p in (text_problem("answer", clean_text(answer), ANSWER_MAX, N_("คำตอบของหน่วยงาน"), required=required),
              date_problem("on", on, today, not_before=last_change_on, before_label=N_("การเปลี่ยนสถานะครั้งก่อน"))):
        if p:
            problems.append(p)
    return problems


def open_referrals_warning(statuses: Iterable[ReferralStatus]) -> str | None:
    """A closure's warning when referrals are still waiting for the agency."""
    waiting = sum(1 for s in statuses if s not in FINAL)
    if not waiting:
        return None
    return _("ยังมีการส่งต่อที่ไม่สิ้นสุด {n} รายการ โปรดบันทึกคำตอบของหน่วยงานก่อนปิดกรณีถ้าทำได้").format(n=waiting)
