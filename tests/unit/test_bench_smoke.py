"""Every benchmark script runs to its end at a tiny size, so that none rots unseen.

The figures at these sizes mean nothing; what is checked is that each script (and the
runner, ``run.py``, which drives bench_write, bench_list, bench_startup and bench_audit) still runs on
today's schema and code, exits 0 and reports what it measured. The four groups run side
by side in their own work directories (about a minute on two cores).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
BENCH = REPO / "tests" / "bench"

pytestmark = pytest.mark.slow


def _env(work: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST")}
    env.update(QT_QPA_PLATFORM="offscreen", SAMOE_HOME=str(work / "home"),
               PYTHONDONTWRITEBYTECODE="1")
    return env


def test_every_benchmark_runs_at_a_tiny_size(tmp_path: Path) -> None:
    runs = {
        # run.py: the demo write (samoe and raw), the list session (samoe and raw), one
        # sort both ways, the filter counts, a cold start
        "run.py": ["--sizes", "300", "--sort-keys", "institution", "--startup-runs", "1",
                   "--audit-entries", "3000"],
        "bench_pdf.py": ["--rows", "120"],
        "bench_sheets.py": ["--children", "300", "--read-rows", "200"],
        "bench_import.py": ["--rows", "300", "--bad", "0.05"],
        "bench_backup.py": ["--children", "300"],
        "bench_rekey.py": ["--children", "300"],
        "bench_exchange_format.py": ["--rows", "300", "--runs", "1"],
        "bench_screening.py": ["--screenings", "300", "--rounds", "2", "--round-children", "100"],
    }
    procs = {}
    for script, args in runs.items():
        work = tmp_path / script.removesuffix(".py")
        work.mkdir()
        result = work / "result.jsonl"
        extra = ["--result", str(result)] if script == "bench_import.py" else []
        procs[script] = (subprocess.Popen(
            [sys.executable, str(BENCH / script), *args, "--work", str(work), *extra],
            cwd=REPO, env=_env(work), stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
            text=True), work)
    failures = []
    for script, (proc, work) in procs.items():
        try:
            out, _ = proc.communicate(timeout=240)
        except subprocess.TimeoutExpired:
            proc.kill()
            out, _ = proc.communicate()
            failures.append(f"{script}: timed out\n{out[-3000:]}")
            continue
        if proc.returncode != 0:
            failures.append(f"{script}: exit {proc.returncode}\n{out[-3000:]}")
            continue
        if script == "run.py":
            results = (work / "results.md").read_text(encoding="utf-8")
            # every figure was measured (a "—" samoe cell is a figure that failed)
            for line in results.splitlines():
                cells = [c.strip() for c in line.split("|")]
                if len(cells) > 4 and cells[1] in ("300", "3k"):
                    assert "—" not in cells[3:5], f"run.py: a figure is missing: {line}"
            assert "audit verify" in results, "run.py: the audit chain's figure is missing"
            assert "encrypted vs plain: first paint" in results, "run.py: bench_cipher.py is missing"
        if script == "bench_exchange_format.py":  # the three figures, each with its ratio
            assert all(f"{name} " in out and "x" in out for name in ("write", "verify", "verify + rows")), out
        if script == "bench_screening.py":  # the re-score's ratio and the form's two times
            assert "ratio" in out and "open" in out and "save" in out and "eligibility of a" in out, out
        if script == "bench_import.py":
            record = json.loads((work / "result.jsonl").read_text(encoding="utf-8").splitlines()[0])
            assert record["rows"] == 300 and record["children"] > 250
    assert not failures, "\n\n".join(failures)
    # the common search terms in both name sorts and directions, on run.py's database
    db = tmp_path / "run" / "samoe-300.db"
    searched = subprocess.run(
        [sys.executable, str(BENCH / "bench_search.py"), "--db", str(db), "--runs", "1",
         "--terms", "ชัย,สมช"], cwd=REPO, env=_env(tmp_path / "run"), capture_output=True,
        text=True, timeout=120)
    assert searched.returncode == 0, searched.stdout[-3000:] + searched.stderr[-3000:]
    assert searched.stdout.count('"term"') == 8
    swept = subprocess.run(  # every common trigram and every name, in the four orders
        [sys.executable, str(BENCH / "bench_search.py"), "--db", str(db), "--runs", "1",
         "--sweep", "30"], cwd=REPO, env=_env(tmp_path / "run"), capture_output=True,
        text=True, timeout=300)
    assert swept.returncode == 0, swept.stdout[-3000:] + swept.stderr[-3000:]
    assert "first page: " in swept.stdout and "over 20 ms wall" in swept.stdout
