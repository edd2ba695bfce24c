"""Grant rounds (issue 11): who is eligible for a conditional grant, and why. No Qt, no
database.

A round pays, for one term, the children whose screening of that term is certified and
whose class is one the round pays (``levels``: poor, extremely poor or both), the amount
of their class level, on condition that they attended at least ``attendance_percent`` of
the term's school days. A child who meets all but the attendance is held (with the
attendance said), not dropped: the clerk sees who to follow up. Attendance is compared
in whole days (present x 100 >= percent x days open), so exactly at the threshold passes
and no rounding decides.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from desktop.domain.screening import LEVEL_LABELS, PovertyLevel
from desktop.i18n import N_, _


class Programme(StrEnum):
    EEF = "eef_equity"  # ทุนเสมอภาค (กสศ.)
    DLA = "dla_basic"  # ทุนปัจจัยพื้นฐานนักเรียนยากจน (สถ.)
    OTHER = "other"


PROGRAMME_LABELS: Mapping[Programme, str] = {
    Programme.EEF: N_("ทุนเสมอภาค (กสศ.)"),
    Programme.DLA: N_("เงินอุดหนุนปัจจัยพื้นฐานนักเรียนยากจน (สถ.)"),
    Programme.OTHER: N_("ทุนอื่น"),
}


class Outcome(StrEnum):
    ELIGIBLE = "eligible"
    HELD = "held"  # meets all but the attendance (or it is not recorded yet)
    OUT = "out"


@dataclass(frozen=True)
class RoundRule:
    levels: frozenset[PovertyLevel]  # the screening results the round pays
    attendance_percent: int  # 0-100
    amounts: Mapping[str, int]  # baht, by class level code


@dataclass(frozen=True)
class ChildFacts:
    screening_status: str  # "" no screening this term; draft, submitted, certified, returned
    poverty: str  # the screening's level ("" not scored)
    class_level: str  # the enrolment's level code this year ("" not enrolled)
    days_present: int | None  # None: attendance not recorded for the term
    days_open: int | None


@dataclass(frozen=True)
class Decision:
    outcome: Outcome
    amount: int  # what the child would get (0 when out)
    reason: str  # Thai


def attendance_text(present: int, days: int) -> str:
    return f"{present * 100 / days:.1f}%" if days else "-"


def decide(facts: ChildFacts, rule: RoundRule) -> Decision:
    """In, held or out of the round, with the reason a clerk reads."""
    if not facts.screening_status:
        return Decision(Outcome.OUT, 0, _("ยังไม่ได้คัดกรองในภาคเรียนนี้"))
    if facts.screening_status != "certified":
        return Decision(Outcome.OUT, 0, _("แบบคัดกรองยังไม่ได้รับรอง"))
    if facts.poverty not in rule.levels:
        label = _(LEVEL_LABELS[PovertyLevel(facts.poverty)]) if facts.poverty else _("ยังไม่คิดผล")
        return Decision(Outcome.OUT, 0, _("ผลคัดกรอง {level} ไม่อยู่ในกลุ่มที่ทุนนี้จ่าย").format(level=label))
    if not facts.class_level:
        return Decision(Outcome.OUT, 0, _("ไม่ได้ลงทะเบียนเรียนในปีการศึกษานี้"))
    amount = rule.amounts.get(facts.class_level)
    if not amount:
        return Decision(Outcome.OUT, 0, _("ทุนนี้ไม่มีอัตราสำหรับชั้น {level}").format(level=facts.class_level))
    if facts.days_present is None or not facts.days_open:
        return Decision(Outcome.HELD, amount, _("ยังไม่ได้บันทึกการมาเรียนของภาคเรียนนี้"))
    if facts.days_present * 100 < rule.attendance_percent * facts.days_open:
        return Decision(Outcome.HELD, amount, _("มาเรียน {rate} ({present}/{days} วัน) ต่ำกว่าเกณฑ์ {least}%").format(
            rate=attendance_text(facts.days_present, facts.days_open), present=facts.days_present,
            days=facts.days_open, least=rule.attendance_percent))
    return Decision(Outcome.ELIGIBLE, amount, _("ผ่านเงื่อนไข มาเรียน {rate}").format(
        rate=attendance_text(facts.days_present, facts.days_open)))
