"""bench_province_import.py (150 bundles, 1M children at a province) runs to its end at a
tiny size, on SQLite and on PostgreSQL, so that it cannot rot unseen: 3 municipalities
with their own keys, 150 children in all, each bundle imported whole and its raw
baseline measured, the list's figures taken on the filled province.

PostgreSQL: the test suite's throwaway cluster (tests/pg_cluster.py), or the server that
SAMOE_TEST_PG_URL names (its user must be allowed to create databases). Without either
the test skips, and fails under CI=true (tests/conftest.py).
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


def test_the_province_import_bench_runs_at_a_tiny_size(tmp_path: Path) -> None:
    url = os.environ.get("SAMOE_TEST_PG_URL", "")
    pytest.importorskip("psycopg", reason="pip psycopg (the postgres extra)")
    if not url and server_bin() is None:
        pytest.skip("no PostgreSQL server (apt postgresql) and SAMOE_TEST_PG_URL is not set")
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST")}
    env.update(QT_QPA_PLATFORM="offscreen", SAMOE_HOME=str(tmp_path / "home"), PYTHONDONTWRITEBYTECODE="1")
    result = tmp_path / "result.jsonl"
    args = ["--municipalities", "3", "--children", "150", "--backends", "sqlite,pg", "--work", str(tmp_path),
            "--result", str(result), *(["--pg-url", url] if url else [])]
    run = subprocess.run([sys.executable, str(REPO / "tests" / "bench" / "bench_province_import.py"), *args],
                         cwd=REPO, env=env, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    records = [json.loads(line) for line in result.read_text(encoding="utf-8").splitlines()]
    summaries = {r["backend"]: r for r in records if r["kind"] == "summary"}
    assert set(summaries) == {"sqlite", "pg"}
    for backend, s in summaries.items():
        assert (s["bundles"], s["children"]) == (3, 150), backend
        assert s["rows"] > 3 * 150 and s["import_s"] > 0 and s["raw_s"] > 0 and s["ratio"] > 0
        assert [f["term"] for f in s["lists"]] == ["", "สมช", "ชัย"]
        assert s["lists"][0]["matches"] == 150  # every municipality's children in the one list
        bundles = [r for r in records if r["kind"] == "bundle" and r["backend"] == backend]
        assert len(bundles) == 3 and all(b["children"] > 0 for b in bundles)
        assert sum(b["children"] for b in bundles) == 150
        assert f"== {backend}: 3 bundles, 150 children" in run.stdout
    # built once: the second run reuses the bundles (the cache) and imports the same
    again = subprocess.run([sys.executable, str(REPO / "tests" / "bench" / "bench_province_import.py"), *args,
                            "--backends", "sqlite"], cwd=REPO, env=env, capture_output=True, text=True, timeout=300)
    assert again.returncode == 0, again.stdout[-3000:] + again.stderr[-3000:]
    assert "bundles: reusing 3" in again.stdout
