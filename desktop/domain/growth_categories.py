"""The Thai growth categories (Department of Health) of a z-score, and WHO's limits of a
plausible one. The cut-offs are data (resources/growth/thai-categories.json, with its
version and source); the names are Thai here, through ``_()`` on screen.

A z-score exactly on a cut-off belongs to the band nearer the median: −1.50 is ตามเกณฑ์,
+2.00 ค่อนข้างมาก / ท้วม, +3.00 เริ่มอ้วน. z-scores are rounded to two decimals first, as
they are shown and stored.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from typing import Any

import numpy as np
import numpy.typing as npt

from desktop.i18n import N_, _


class Indicator(StrEnum):
    WFA = "wfa"  # weight-for-age (น้ำหนักตามเกณฑ์อายุ)
    HFA = "hfa"  # length/height-for-age (ส่วนสูงตามเกณฑ์อายุ)
    WFH = "wfh"  # weight-for-length/height (น้ำหนักตามเกณฑ์ส่วนสูง)
    BMI = "bmi"  # BMI-for-age (no Thai category: shown as a z-score)
    HCA = "hca"  # head circumference-for-age (no Thai category: shown as a z-score)


INDICATOR_LABELS: dict[Indicator, str] = {
    Indicator.WFA: N_("น้ำหนักตามเกณฑ์อายุ"),
    Indicator.HFA: N_("ส่วนสูงตามเกณฑ์อายุ"),
    Indicator.WFH: N_("น้ำหนักตามเกณฑ์ส่วนสูง"),
    Indicator.BMI: N_("ดัชนีมวลกายตามเกณฑ์อายุ"),
    Indicator.HCA: N_("เส้นรอบศีรษะตามเกณฑ์อายุ"),
}

CATEGORY_LABELS: dict[str, str] = {
    "wfa_low": N_("น้อยกว่าเกณฑ์"),
    "wfa_fairly_low": N_("ค่อนข้างน้อย"),
    "wfa_normal": N_("ตามเกณฑ์"),
    "wfa_fairly_high": N_("ค่อนข้างมาก"),
    "wfa_high": N_("มากเกินเกณฑ์"),
    "hfa_short": N_("เตี้ย"),
    "hfa_fairly_short": N_("ค่อนข้างเตี้ย"),
    "hfa_normal": N_("ตามเกณฑ์"),
    "hfa_fairly_tall": N_("ค่อนข้างสูง"),
    "hfa_tall": N_("สูง"),
    "wfh_wasted": N_("ผอม"),
    "wfh_fairly_thin": N_("ค่อนข้างผอม"),
    "wfh_normal": N_("สมส่วน"),
    "wfh_plump": N_("ท้วม"),
    "wfh_overweight": N_("เริ่มอ้วน"),
    "wfh_obese": N_("อ้วน"),
}


def category_label(code: str) -> str:
    """The category's name in the screen's language (Thai by default)."""
    return _(CATEGORY_LABELS[code])


@dataclass(frozen=True)
class Band:
    code: str
    below: float | None = None  # z < below
    up_to: float | None = None  # z <= up_to


@dataclass(frozen=True)
class Rules:
    name: str
    version: int
    bands: dict[Indicator, tuple[Band, ...]]
    flags: dict[Indicator, tuple[float, float]]  # (low, high): outside is implausible
    ranges: dict[str, tuple[float, float]]  # weight_kg, height_cm, head_cm

    @property
    def label(self) -> str:
        return f"{self.name} v{self.version}"


def parse_rules(data: dict[str, Any]) -> Rules:
    bands: dict[Indicator, tuple[Band, ...]] = {}
    for key, rows in data["categories"].items():
        ind = Indicator(key)
        parsed = tuple(Band(r["code"], r.get("below"), r.get("up_to")) for r in rows)
        for b in parsed:
            if b.code not in CATEGORY_LABELS:
                raise ValueError(f"unknown growth category {b.code}")
        if parsed[-1].below is not None or parsed[-1].up_to is not None:
            raise ValueError(f"the last band of {key} must be open")
        bands[ind] = parsed
    flags = {Indicator(k): (float(v["low"]), float(v["high"])) for k, v in data["flags"].items()}
    ranges = {k: (float(v["low"]), float(v["high"])) for k, v in data["ranges"].items()}
    return Rules(str(data["name"]), int(data["version"]), bands, flags, ranges)


@cache
def rules() -> Rules:
    """The shipped cut-offs (resources/growth/thai-categories.json)."""
    from desktop.paths import resource_path

    return parse_rules(json.loads(resource_path("growth", "thai-categories.json").read_text("utf-8")))


def categorise(indicator: Indicator, z: float | None) -> str | None:
    """The category code of ``z`` (None when there is no z-score or no Thai category)."""
    bands = rules().bands.get(indicator)
    if z is None or bands is None:
        return None
    z = round(z, 2)
    for band in bands:
        if band.below is not None and z < band.below:
            return band.code
        if band.up_to is not None and z <= band.up_to:
            return band.code
        if band.below is None and band.up_to is None:
            return band.code
    raise AssertionError("the last band is open")  # pragma: no cover


def category_codes(indicator: Indicator) -> tuple[str, ...]:
    return tuple(b.code for b in rules().bands[indicator])


def categorise_many(indicator: Indicator, z: npt.NDArray[np.float64]) -> npt.NDArray[np.int8]:
    """Each z-score's band as an index into :func:`category_codes` (−1 where z is NaN).
    ``z`` must already be rounded to two decimals."""
    bands = rules().bands[indicator]
    out = np.full(z.shape, len(bands) - 1, dtype=np.int8)
    # walk the bands from the open end back, so that the first matching band wins
    for i in range(len(bands) - 2, -1, -1):
        b = bands[i]
        hit = z < b.below if b.below is not None else z <= b.up_to  # type: ignore[operator]
        out[hit] = i
    out[np.isnan(z)] = -1
    return out
