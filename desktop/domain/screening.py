"""Scoring a poverty screening with a rule pack (issue 11). No Qt, no database.

    result = classify(members, answers, pack)
    result.level        # "not_poor", "poor" or "extreme"
    result.per_capita   # Fraction: baht per member and month
    result.breakdown    # (dimension, answer, points) in the form's order
    result.pack         # "id vN" of the pack that scored it

The income test comes first: a household whose income per member and month is above the
pack's threshold is not poor, whatever its score (at the threshold is within; compared
in whole baht, total <= threshold x members, so no rounding decides). Below it, the
score (the sum of the answers' points, never below 0) places it in the pack's bands.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from fractions import Fraction

from desktop.domain.errors import Problem, ValidationFailed
from desktop.domain.rulepack import RulePack
from desktop.domain.screening_form import (
    CHOICES,
    DIMENSION_LABELS,
    DIMENSIONS,
    MAX_MEMBERS,
    MAX_MONTHLY_INCOME,
    OWNED,
    Answers,
    Member,
    dependants,
)
from desktop.i18n import N_, _


class PovertyLevel(StrEnum):
    NOT_POOR = "not_poor"
    POOR = "poor"
    EXTREME = "extreme"


LEVEL_LABELS = {
    PovertyLevel.NOT_POOR: N_("ไม่ผ่านเกณฑ์ยากจน"),
    PovertyLevel.POOR: N_("ยากจน"),
    PovertyLevel.EXTREME: N_("ยากจนพิเศษ"),
}


@dataclass(frozen=True)
class Result:
    level: PovertyLevel
    score: int
    per_capita: Fraction
    income_total: int
    members: int
    breakdown: tuple[tuple[str, str, int], ...]
    reason: str  # Thai: why this level
    pack: str  # the pack's label, "id vN"

    @property
    def per_capita_baht(self) -> str:
        """Baht per member and month as the form shows it: 2 decimals, rounded half up."""
        cents = (self.per_capita * 100 + Fraction(1, 2)).__floor__()
        return f"{cents // 100:,}.{cents % 100:02d}"


def check(members: Sequence[Member], answers: Answers) -> list[Problem]:
    """What keeps the form from being scored, each naming its field."""
    problems: list[Problem] = []
    if not members:
        problems.append(Problem("members", _("ต้องมีสมาชิกในครัวเรือนอย่างน้อย 1 คน (รวมตัวเด็ก)")))
    if len(members) > MAX_MEMBERS:
        problems.append(Problem("members", _("สมาชิกในครัวเรือนเกิน {most} คน โปรดตรวจสอบ").format(most=MAX_MEMBERS)))
    for n, m in enumerate(members, start=1):
        if not m.name.strip():
            problems.append(Problem(f"members.{n}.name", _("สมาชิกคนที่ {n}: ไม่มีชื่อ").format(n=n)))
        if not 0 <= m.age <= 120:
            problems.append(Problem(f"members.{n}.age", _("สมาชิกคนที่ {n}: อายุต้องอยู่ระหว่าง 0 ถึง 120 ปี").format(n=n)))
        if not 0 <= m.monthly_income <= MAX_MONTHLY_INCOME:
            problems.append(Problem(f"members.{n}.monthly_income", _(
                "สมาชิกคนที่ {n}: รายได้ต่อเดือนต้องเป็นจำนวนเต็มบาทตั้งแต่ 0 ถึง {most:,}").format(
                    n=n, most=MAX_MONTHLY_INCOME)))
    for dimension, options in CHOICES.items():
        if getattr(answers, dimension) not in options:
            problems.append(Problem(dimension, _("โปรดเลือกคำตอบข้อ{name}").format(name=_(DIMENSION_LABELS[dimension]))))
    for dimension, options in OWNED.items():
        for unknown in sorted(getattr(answers, dimension) - set(options)):
            problems.append(Problem(dimension, _("ไม่รู้จัก {answer} ในข้อ{name}").format(
                answer=unknown, name=_(DIMENSION_LABELS[dimension]))))
    if not 0 <= answers.land_rai <= 100_000:
        problems.append(Problem("land_rai", _("จำนวนไร่ต้องเป็นจำนวนเต็มตั้งแต่ 0 ถึง 100,000")))
    return problems


def _breakdown(members: Sequence[Member], answers: Answers, pack: RulePack) -> list[tuple[str, str, int]]:
    out: list[tuple[str, str, int]] = []
    counted = dependants(tuple(members), answers.single_parent)
    owed = sum(pack.points["dependants"][kind] * n for kind, n in counted.items())
    out.append(("dependants", ",".join(f"{k}={n}" for k, n in counted.items() if n),
                min(owed, pack.dependants_max)))
    for dimension in DIMENSIONS[1:]:
        table = pack.points[dimension]
        if dimension in OWNED:
            owned = sorted(getattr(answers, dimension))
            out.append((dimension, ",".join(owned) or "none",
                        sum(table[o] for o in owned) if owned else table["none"]))
            continue
        answer = getattr(answers, dimension)
        scored = "owned_small" if (dimension == "land" and answer == "owned"
                                   and answers.land_rai < pack.small_land_rai) else answer
        out.append((dimension, scored, table[scored]))
    return out


def classify(members: Sequence[Member], answers: Answers, pack: RulePack) -> Result:
    """The household's poverty level by ``pack``; ValidationFailed naming each field that
    keeps the form from being scored."""
    problems = check(members, answers)
    if problems:
        raise ValidationFailed(problems)
    total = sum(m.monthly_income for m in members)
    count = len(members)
    breakdown = tuple(_breakdown(members, answers, pack))
    score = max(0, sum(points for _d, _a, points in breakdown))
    per_capita = Fraction(total, count)
    if total > pack.income_threshold * count:
        level = PovertyLevel.NOT_POOR
        reason = _("รายได้เฉลี่ยต่อคนต่อเดือนเกิน {threshold:,} บาท").format(threshold=pack.income_threshold)
    elif score >= pack.extreme_min:
        level = PovertyLevel.EXTREME
        reason = _("รายได้ไม่เกินเกณฑ์ และคะแนนสถานะครัวเรือน {score} ถึงเกณฑ์ยากจนพิเศษ ({least})").format(
            score=score, least=pack.extreme_min)
    elif score >= pack.poor_min:
        level = PovertyLevel.POOR
        reason = _("รายได้ไม่เกินเกณฑ์ และคะแนนสถานะครัวเรือน {score} ถึงเกณฑ์ยากจน ({least})").format(
            score=score, least=pack.poor_min)
    else:
        level = PovertyLevel.NOT_POOR
        reason = _("รายได้ไม่เกินเกณฑ์ แต่คะแนนสถานะครัวเรือน {score} ต่ำกว่าเกณฑ์ยากจน ({least})").format(
            score=score, least=pack.poor_min)
    return Result(level, score, per_capita, total, count, breakdown, reason, pack.label)
