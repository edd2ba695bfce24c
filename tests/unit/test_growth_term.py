"""A term's growth list (issue 12: children ผอม / เตี้ย / อ้วน this term, and those not
measured): the latest measurement inside the period counts, the categories are those of
one measurement at a time, and a child with none in the period is listed as not measured."""

from __future__ import annotations

from datetime import date

from desktop.domain.growth import Measurement, Method, assess
from desktop.domain.growth_categories import Indicator
from desktop.domain.growth_term import ChildRow, MeasurementRow, term_growth
from desktop.domain.people import Sex

START, END = date(2026, 5, 16), date(2026, 10, 10)  # term 1/2569


def test_the_latest_measurement_in_the_term_and_the_unmeasured() -> None:
    kids = [ChildRow(1, Sex.MALE, date(2023, 1, 10)), ChildRow(2, Sex.FEMALE, date(2022, 6, 1)),
            ChildRow(3, Sex.MALE, date(2023, 3, 3)), ChildRow(4, Sex.FEMALE, date(2022, 9, 9))]
    rows = [
        MeasurementRow(1, date(2026, 5, 20), 10.0, 92.0),
        MeasurementRow(1, date(2026, 9, 1), 10.2, 93.0),  # the latest in the term: this one
        MeasurementRow(1, date(2026, 10, 20), 19.0, 93.5),  # after the term: not counted
        MeasurementRow(2, date(2026, 6, 2), 18.5, 92.0, Method.STANDING),  # heavy for the height
        MeasurementRow(3, date(2026, 4, 1), 14.0, 95.0),  # before the term: not measured
        MeasurementRow(4, date(2026, 7, 7), 11.0, 86.0),  # short
    ]
    got = {r.child_id: r for r in term_growth(kids, rows, START, END)}
    assert [r.child_id for r in term_growth(kids, rows, START, END)] == [1, 2, 3, 4]
    assert got[1].measured_on == date(2026, 9, 1)
    one = assess(Measurement(Sex.MALE, date(2023, 1, 10), date(2026, 9, 1), 10.2, 93.0))
    for ind in (Indicator.WFA, Indicator.HFA, Indicator.WFH):
        assert abs((got[1].z[ind] or 0) - (one.z[ind] or 0)) <= 0.0101
        assert got[1].category(ind) == one.category(ind)
    assert got[2].category(Indicator.WFH) in ("wfh_overweight", "wfh_obese")
    assert got[3].measured_on is None and got[3].category(Indicator.WFH) is None
    assert got[4].category(Indicator.HFA) == "hfa_short"
    assert not any(r.implausible for r in got.values())


def test_no_children_or_no_measurements() -> None:
    assert term_growth([], [], START, END) == []
    (only,) = term_growth([ChildRow(9, Sex.MALE, date(2023, 1, 1))], [], START, END)
    assert only.measured_on is None and all(v is None for v in only.z.values())
