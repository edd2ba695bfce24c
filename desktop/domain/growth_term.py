"""A room's or a centre's growth for a period (a term): each child's latest measurement in
the period with its z-scores and Thai categories (through the batch path, so a province of
100k children costs tens of milliseconds), who falls in a category (ผอม, เตี้ย, อ้วน ...),
and who was not measured. Plain rows in, no database.

    rows = term_growth(children, measurements, start, end)
    [r.child_id for r in rows if r.category(Indicator.WFH) == "wfh_wasted"]   # ผอม
    [r.child_id for r in rows if r.measured_on is None]                       # not measured
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

import numpy as np

from .growth import Method
from .growth_batch import METHOD_CODES, assess_many
from .growth_categories import Indicator
from .people import Sex


@dataclass(frozen=True)
class ChildRow:
    child_id: int
    sex: Sex
    birth: date


@dataclass(frozen=True)
class MeasurementRow:
    child_id: int
    measured_on: date
    weight_kg: float | None
    height_cm: float | None
    method: Method | None = None


@dataclass(frozen=True)
class TermGrowth:
    child_id: int
    measured_on: date | None  # None: not measured in the period
    z: dict[Indicator, float | None]
    categories: dict[Indicator, str | None]  # category codes (growth_categories.CATEGORY_LABELS)
    implausible: bool = False

    def category(self, indicator: Indicator) -> str | None:
        return self.categories.get(indicator)


def term_growth(children: Sequence[ChildRow], measurements: Iterable[MeasurementRow],
                start: date, end: date) -> list[TermGrowth]:
    """Each child's latest measurement within ``start``–``end`` (inclusive), in the order of
    ``children``."""
    latest: dict[int, MeasurementRow] = {}
    for m in measurements:
        if start <= m.measured_on <= end:
            held = latest.get(m.child_id)
            if held is None or m.measured_on >= held.measured_on:
                latest[m.child_id] = m
    measured = [(c, latest[c.child_id]) for c in children if c.child_id in latest]
    nan = float("nan")
    result = assess_many([c.sex is Sex.MALE for c, _m in measured],
                         [(m.measured_on - c.birth).days for c, m in measured],
                         [nan if m.weight_kg is None else m.weight_kg for _c, m in measured],
                         [nan if m.height_cm is None else m.height_cm for _c, m in measured],
                         [METHOD_CODES[m.method] for _c, m in measured])
    codes = {ind: result.codes(ind) for ind in (Indicator.WFA, Indicator.HFA, Indicator.WFH)}
    by_child: dict[int, TermGrowth] = {}
    for i, (c, m) in enumerate(measured):
        z = {ind: None if np.isnan(v[i]) else float(v[i]) for ind, v in result.z.items()}
        cats: dict[Indicator, str | None] = {ind: codes[ind][i] for ind in codes}
        by_child[c.child_id] = TermGrowth(c.child_id, m.measured_on, z, cats, bool(result.implausible[i]))
    empty = dict.fromkeys(Indicator)
    return [by_child.get(c.child_id) or TermGrowth(c.child_id, None, dict(empty), {}) for c in children]
