"""Growth z-scores and Thai categories for many measurements (issue 12): the domain's batch
path (``desktop.domain.growth_batch.assess_many``: WHO's 0.7 cm adjustment, the four
indicators, WHO's restricted rule beyond ±3 SD, the categories and WHO's flags) against a
bare vectorised numpy computation of the same LMS formula on the same tables in the same
run. The script checks both give the same z-scores and categories. Goal: within 2x.

    .venv/bin/python tests/bench/bench_growth.py [--n 100000] [--runs 5]

Prints JSON lines: the two medians, the ratio, the load average. Also times the
one-at-a-time path (pygrowup2, Decimal) on a sample, for scale.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from desktop.domain.errors import ValidationFailed  # noqa: E402
from desktop.domain.growth import Measurement, Method, zscores  # noqa: E402
from desktop.domain.growth_batch import assess_many  # noqa: E402
from desktop.domain.growth_categories import Indicator, rules  # noqa: E402
from desktop.domain.growth_tables import Table, lms  # noqa: E402
from desktop.domain.people import Sex  # noqa: E402


def measurements(n: int, seed: int = 1) -> dict[str, np.ndarray]:
    """Children 0-5 years, both sexes, drawn around WHO's medians (weight and height z
    correlated, a spread a little wider than the standard's, so some fall beyond ±3 SD),
    measured lying or standing as recorded."""
    rng = np.random.default_rng(seed)
    age = rng.integers(0, 1857, n)
    male = rng.random(n) < 0.5
    zh = rng.normal(-0.3, 1.3, n)
    zw = 0.6 * zh + rng.normal(0, 1.0, n)
    out_w, out_h = np.empty(n), np.empty(n)
    for sex, mask in ((Sex.MALE, male), (Sex.FEMALE, ~male)):
        for t, z, out in ((Table.WFA, zw, out_w), (Table.LHFA, zh, out_h)):
            lm = lms(t, sex)
            lam, mu, sig = lm.l[age[mask]], lm.m[age[mask]], lm.s[age[mask]]
            out[mask] = mu * (1 + lam * sig * z[mask]) ** (1 / lam)
    method = rng.integers(0, 3, n)
    return {"male": male, "age": age, "weight": np.round(out_w, 1), "height": np.round(out_h, 1), "method": method}


def baseline(d: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    """The same computation written plainly: one stacked LMS table per indicator, WHO's
    formula and restricted rule, np.digitize for the bands. No validation or flags."""
    male, age, w, h0, method = d["male"], d["age"], d["weight"], d["height"], d["method"]
    lying_age = age <= 730
    h = np.round(h0 + np.where(lying_age & (method == 2), 0.7, 0)
                 - np.where(~lying_age & (method == 1), 0.7, 0), 2)
    sex = np.where(male, 0, 1)

    def z_of(t: Table, idx: np.ndarray, y: np.ndarray, restricted: bool) -> np.ndarray:
        lam, mu, sig, sd2, sd3, sd2n, sd3n, _rows, _start = TABLES[t]
        lam, mu, sig = lam[idx], mu[idx], sig[idx]
        z = ((y / mu) ** lam - 1) / (lam * sig)
        if restricted:
            r = np.round(z, 2)
            z = np.where(r > 3, 3 + (y - sd3[idx]) / (sd3[idx] - sd2[idx]), z)
            z = np.where(r < -3, -3 + (y - sd3n[idx]) / (sd2n[idx] - sd3n[idx]), z)
        return np.round(z, 2)

    out = {}
    rows = TABLES[Table.WFA][7]
    i_age = sex * rows + age
    out["wfa"] = z_of(Table.WFA, i_age, w, True)
    out["hfa"] = z_of(Table.LHFA, i_age, h, False)
    out["bmi"] = z_of(Table.BMIFA, i_age, w / (h / 100) ** 2, True)
    wfh = np.full(len(age), np.nan)
    for t, lying, lo, hi in ((Table.WFL, True, 45, 110), (Table.WFH, False, 65, 120)):
        sel = np.nonzero((lying_age == lying) & (h >= lo) & (h <= hi))[0]
        i = sex[sel] * TABLES[t][7] + np.rint(np.round(h[sel] - TABLES[t][8], 1) * 10).astype(np.intp)
        wfh[sel] = z_of(t, i, w[sel], True)
    out["wfh"] = wfh
    # bands: below -2, [-2, -1.5), [-1.5, 1.5], (1.5, 2], above (and +3 for wfh)
    for k, edges in (("wfa", [-2, -1.5]), ("hfa", [-2, -1.5]), ("wfh", [-2, -1.5])):
        z = out[k]
        lower = np.digitize(z, edges, right=False)  # 0: < -2, 1: < -1.5, 2: >= -1.5
        upper = np.digitize(z, [1.5, 2, 3] if k == "wfh" else [1.5, 2], right=True)
        out[k + "_band"] = np.where(lower < 2, lower, 2 + upper).astype(np.int8)
    return out


TABLES: dict[Table, tuple[np.ndarray, ...]] = {}


def _timed(fn, runs: int) -> tuple[float, object]:  # type: ignore[no-untyped-def]
    times, result = [], None
    for _ in range(runs):
        t0 = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), result


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--n", type=int, default=100_000)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--single", type=int, default=2000, help="measurements for the one-at-a-time path")
    args = ap.parse_args(argv)
    d = measurements(args.n)
    rules()
    for t in (Table.WFA, Table.LHFA, Table.BMIFA, Table.WFL, Table.WFH):
        b, g = lms(t, Sex.MALE), lms(t, Sex.FEMALE)
        TABLES[t] = (*[np.concatenate([getattr(b, k), getattr(g, k)]) for k in "lms"],
                     *[np.concatenate([b.value_at(z), g.value_at(z)]) for z in (2, 3, -2, -3)],
                     len(b.l), b.start)
    samoe = lambda: assess_many(d["male"], d["age"], d["weight"], d["height"], d["method"])  # noqa: E731
    samoe(), baseline(d)  # warm: tables read, caches filled
    base_s, base = _timed(lambda: baseline(d), args.runs)
    ours_s, ours = _timed(samoe, args.runs)
    assert isinstance(base, dict)
    for ind in (Indicator.WFA, Indicator.HFA, Indicator.WFH, Indicator.BMI):
        a, b = ours.z[ind], base[ind.value]  # type: ignore[attr-defined]
        keep = ~ours.implausible  # type: ignore[attr-defined]
        if not np.allclose(a[keep], b[keep], equal_nan=True, atol=1e-9):
            raise SystemExit(f"{ind}: the two computations differ")
    for ind in (Indicator.WFA, Indicator.HFA, Indicator.WFH):
        keep = ~ours.implausible & ~np.isnan(ours.z[ind])  # type: ignore[attr-defined]
        if not np.array_equal(ours.category[ind][keep], base[ind.value + "_band"][keep]):  # type: ignore[attr-defined]
            raise SystemExit(f"{ind}: the categories differ")
    load = os.getloadavg()
    print(json.dumps({"figure": "growth z-scores + categories", "n": args.n, "samoe_ms": round(ours_s * 1000, 1),
                      "baseline_ms": round(base_s * 1000, 1), "ratio": round(ours_s / base_s, 2), "goal": 2.0,
                      "pass": ours_s / base_s <= 2.0,
                      "implausible": int(ours.implausible.sum()),  # type: ignore[attr-defined]
                      "load": [round(x, 2) for x in load]}))
    k = min(args.single, args.n)
    birth = date(2020, 1, 1)
    methods = [None, Method.LYING, Method.STANDING]
    one = [Measurement(Sex.MALE if d["male"][i] else Sex.FEMALE, birth, birth + timedelta(days=int(d["age"][i])),
                       float(d["weight"][i]), float(d["height"][i]), methods[int(d["method"][i])]) for i in range(k)]
    t0 = time.perf_counter()
    for m in one:
        with contextlib.suppress(ValidationFailed):
            zscores(m)
    per = (time.perf_counter() - t0) / k
    print(json.dumps({"figure": "one at a time (pygrowup2)", "n": k, "us_each": round(per * 1e6, 1),
                      "estimated_n_s": round(per * args.n, 1), "load": [round(x, 2) for x in os.getloadavg()]}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
