"""bench_consolidated.py (the province's list at 1M children from 150 municipalities) runs
to its end at a tiny size, on SQLite and on PostgreSQL, so that it cannot rot unseen: 300
children over 5 offices, each figure taken with its raw SQL baseline, the pages and
counts of both the same (the script checks it).

PostgreSQL: a throwaway server the script starts (tests/pg_cluster.py), or the database
SAMOE_TEST_PG_URL names (wiped!). Without either the test skips, and fails under CI=true.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from pg_cluster import server_bin

REPO = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.slow


def test_the_consolidated_bench_runs_at_a_tiny_size(tmp_path: Path) -> None:
    url = os.environ.get("SAMOE_TEST_PG_URL", "")
    pytest.importorskip("psycopg", reason="pip psycopg (the postgres extra)")
    if not url and server_bin() is None:
        pytest.skip("no PostgreSQL server (apt postgresql) and SAMOE_TEST_PG_URL is not set")
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST")}
    env.update(QT_QPA_PLATFORM="offscreen", SAMOE_HOME=str(tmp_path / "home"),
               PYTHONDONTWRITEBYTECODE="1")
    args = ["--children", "300", "--offices", "5", "--runs", "1", "--work", str(tmp_path),
            *(["--pg-url", url] if url else [])]
    run = subprocess.run([sys.executable, str(REPO / "tests" / "bench" / "bench_consolidated.py"),
                          *args], cwd=REPO, env=env, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    rows = [json.loads(line) for line in run.stdout.splitlines() if line.startswith("{")]
    figures = [r for r in rows if "goal" in r]
    for db in ("sqlite", "postgresql"):
        mine = [(r["what"], r["matches"]) for r in figures if r["db"] == db]
        assert [w for w, _ in mine] == ["all", "office", "search", "search", "office search",
                                        "office search"], db
        assert mine[0][1] == 300 and 0 < mine[1][1] < 300, db  # one of five offices
        assert all(r["samoe"] > 0 and r["raw"] > 0 and r["ratio"] for r in figures), db
        loads = [r for r in rows if r.get("db") == db and "children" in r]
        assert loads and loads[0]["children"] == 300, db
    assert "| postgresql | search |" in run.stdout
