"""tests/bench/bench_growth.py runs to its end at a tiny size (so it does not rot unseen):
both computations agree, and it prints the ratio and the load. The figures at this size
mean nothing."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def test_the_growth_benchmark_runs_and_both_sides_agree() -> None:
    run = subprocess.run([sys.executable, str(REPO / "tests" / "bench" / "bench_growth.py"), "--n", "3000",
                          "--runs", "1", "--single", "50"], capture_output=True, text=True, timeout=300, check=False)
    assert run.returncode == 0, run.stderr[-2000:]
    lines = [json.loads(line) for line in run.stdout.splitlines() if line.startswith("{")]
    batch, single = lines
    assert batch["n"] == 3000 and batch["ratio"] > 0 and len(batch["load"]) == 3
    assert 0 < batch["implausible"] < 300  # WHO's flags catch the few extremes, not the many
    assert single["us_each"] > 0
