"""The Thai growth categories at their exact cut-offs (DOMAIN.md; Department of Health), in
Thai and in English, and the batch path (growth_batch) giving the same numbers and
categories as one measurement at a time."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

import numpy as np
import pytest

from desktop import i18n
from desktop.domain.errors import ValidationFailed
from desktop.domain.growth import Measurement, Method, zscores
from desktop.domain.growth_batch import METHOD_CODES, assess_many
from desktop.domain.growth_categories import (
    Indicator,
    categorise,
    categorise_many,
    category_codes,
    category_label,
    parse_rules,
    rules,
)
from desktop.domain.people import Sex

# (z, category) on and either side of every cut-off: a cut-off belongs to the band nearer the median
CASES = {
    Indicator.WFA: [(-2.01, "น้อยกว่าเกณฑ์"), (-2.0, "ค่อนข้างน้อย"), (-1.51, "ค่อนข้างน้อย"),
                    (-1.5, "ตามเกณฑ์"), (0, "ตามเกณฑ์"), (1.5, "ตามเกณฑ์"), (1.51, "ค่อนข้างมาก"),
                    (2.0, "ค่อนข้างมาก"), (2.01, "มากเกินเกณฑ์"), (3.5, "มากเกินเกณฑ์")],
    Indicator.HFA: [(-2.01, "เตี้ย"), (-2.0, "ค่อนข้างเตี้ย"), (-1.51, "ค่อนข้างเตี้ย"), (-1.5, "ตามเกณฑ์"),
                    (1.5, "ตามเกณฑ์"), (1.51, "ค่อนข้างสูง"), (2.0, "ค่อนข้างสูง"), (2.01, "สูง"), (3.01, "สูง")],
    Indicator.WFH: [(-3.5, "ผอม"), (-2.01, "ผอม"), (-2.0, "ค่อนข้างผอม"), (-1.51, "ค่อนข้างผอม"),
                    (-1.5, "สมส่วน"), (1.5, "สมส่วน"), (1.51, "ท้วม"), (2.0, "ท้วม"), (2.01, "เริ่มอ้วน"),
                    (3.0, "เริ่มอ้วน"), (3.01, "อ้วน")],
}
ENGLISH = {"น้อยกว่าเกณฑ์": "Underweight", "เตี้ย": "Stunted", "ผอม": "Wasted", "อ้วน": "Obese",
           "สมส่วน": "Normal weight-for-height", "เริ่มอ้วน": "Overweight"}


@pytest.fixture
def english() -> Iterator[None]:
    i18n.set_language("en")
    yield
    i18n.set_language("th")


@pytest.mark.parametrize("indicator", list(CASES))
def test_every_category_at_its_exact_cut_off(indicator: Indicator) -> None:
    for z, thai in CASES[indicator]:
        code = categorise(indicator, z)
        assert code is not None and category_label(code) == thai, (indicator, z, code)
    # the vectorised path agrees on every case
    zs = np.array([z for z, _ in CASES[indicator]])
    codes = category_codes(indicator)
    assert [codes[i] for i in categorise_many(indicator, zs)] == [categorise(indicator, z) for z in zs]


def test_every_category_is_reached_and_a_z_is_rounded_first() -> None:
    for indicator, cases in CASES.items():
        assert {categorise(indicator, z) for z, _ in cases} == set(category_codes(indicator))
    assert categorise(Indicator.WFA, -1.504) == "wfa_normal"  # shown as -1.50
    assert categorise(Indicator.WFA, -1.506) == "wfa_fairly_low"  # shown as -1.51
    assert categorise(Indicator.BMI, 1.0) is None and categorise(Indicator.WFA, None) is None


def test_categories_in_english(english: None) -> None:
    for indicator, cases in CASES.items():
        for z, thai in cases:
            label = category_label(categorise(indicator, z) or "")
            assert label and not any("\u0e00" <= c <= "\u0e7f" for c in label)
            if thai in ENGLISH:
                assert label == ENGLISH[thai], (thai, label)


def test_the_cut_offs_are_data_with_a_version() -> None:
    r = rules()
    assert r.label == "thai-growth-categories v1"
    assert r.flags[Indicator.WFA] == (-6.0, 5.0) and r.flags[Indicator.WFH] == (-5.0, 5.0)
    with pytest.raises(ValueError, match="unknown growth category"):
        parse_rules({"name": "x", "version": 1, "categories": {"wfa": [{"code": "fat"}]},
                     "flags": {}, "ranges": {}})


def test_many_at_once_give_the_numbers_and_categories_of_one_at_a_time() -> None:
    rng = np.random.default_rng(7)
    n = 600
    male = rng.random(n) < 0.5
    age = rng.integers(0, 1900, n)  # a few over five years: no z-scores
    height = np.round(47 + age / 1856 * 62 + rng.normal(0, 7, n), 1)
    weight = np.round(np.clip(3 + age / 1856 * 15 + rng.normal(0, 3, n), 1.1, None), 1)
    weight[::37] = np.nan
    height[::41] = np.nan
    method = rng.integers(0, 3, n)
    head = np.round(34 + age / 1856 * 16 + rng.normal(0, 1.5, n), 1)
    head[::5] = np.nan
    r = assess_many(male, age, weight, height, method, head)
    birth = date(2020, 1, 1)
    methods = {v: k for k, v in METHOD_CODES.items()}
    refused = 0
    for i in range(n):
        m = Measurement(Sex.MALE if male[i] else Sex.FEMALE, birth, birth + timedelta(days=int(age[i])),
                        None if np.isnan(weight[i]) else float(weight[i]),
                        None if np.isnan(height[i]) else float(height[i]),
                        methods[int(method[i])] if not np.isnan(height[i]) else None,
                        None if np.isnan(head[i]) else float(head[i]))
        try:
            one = zscores(m)
        except ValidationFailed:
            assert r.implausible[i]
            refused += 1
            continue
        for ind in Indicator:
            got = r.z[ind][i]
            if one.z[ind] is None:
                assert np.isnan(got), (i, ind)
            else:
                assert got == pytest.approx(one.z[ind], abs=0.0101), (i, ind, one.z[ind], got)
        for ind in (Indicator.WFA, Indicator.HFA, Indicator.WFH):
            if one.z[ind] is not None and abs(r.z[ind][i] - one.z[ind]) < 1e-9:
                assert r.codes(ind)[i] == one.category(ind)
    assert refused < n // 4
    assert r.height_used[np.isnan(height)].size == np.isnan(r.height_used).sum()


def test_the_batch_refuses_what_one_at_a_time_refuses() -> None:
    r = assess_many([True, True, False], [800, 800, 1500], [40.0, 12.0, np.nan], [90.0, 9.0, 70.0],
                    [0, 0, METHOD_CODES[Method.STANDING]])
    assert r.implausible.tolist() == [True, True, True]
