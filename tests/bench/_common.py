"""Shared helpers of the registry benchmarks (plain scripts, not collected by pytest).

Every measurement runs in a subprocess that appends one JSON object per line to a result
file, so a subprocess killed by its timeout still hands back what it measured before.
"""

from __future__ import annotations

import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

BENCH_DIR = Path(__file__).resolve().parent
REPO = BENCH_DIR.parent.parent
PYTHON = sys.executable
DEFAULT_WORK = Path("/tmp/samoe-bench")
SEED = 1
# A fixed "today" keeps the academic year (and so the data) the same on every run.
TODAY_ISO = "2026-11-24"

# SQLite settings Samoe uses on every connection; the raw baselines use the same ones so
# that only the code path differs. Read from desktop/store/db.py's source (not imported:
# the memory baseline must not load SQLAlchemy), so a change there follows automatically.
_DEFAULT_PRAGMAS = (
    "PRAGMA busy_timeout = 10000",
    "PRAGMA journal_mode = WAL",
    "PRAGMA synchronous = FULL",
    "PRAGMA foreign_keys = ON",
    "PRAGMA cache_size = -65536",
)


def samoe_pragmas() -> tuple[str, ...]:
    import re

    try:
        source = (REPO / "desktop" / "store" / "db.py").read_text(encoding="utf-8")
    except OSError:
        return _DEFAULT_PRAGMAS
    found = re.findall(r"PRAGMA (\w+) = ([-\w{}]+)", source)
    pragmas = []
    seen: set[str] = set()
    for name, value in found:
        # the writer's pragmas, once each (db.py also has a read-only connection's)
        if name in seen or name == "query_only":
            continue
        seen.add(name)
        if value.startswith("{"):
            value = {"busy_timeout": "10000"}.get(name, "")
            if not value:
                continue
        pragmas.append(f"PRAGMA {name} = {value}")
    return tuple(pragmas) or _DEFAULT_PRAGMAS


SAMOE_PRAGMAS = samoe_pragmas()


def sign_in_bench(db: Any) -> None:
    """Work on ``db`` as a user with every role (services check permissions: issue 9),
    as the tests do (tests/actors.py); a benchmark measures the work, not the login
    (bench_login.py measures that)."""
    from desktop.domain.roles import Role
    from desktop.services.access import Actor, Grant, sign_in

    sign_in(db, Actor(0, "bench", "benchmark", tuple(Grant(role) for role in Role)))


# ---------------------------------------------------------------- in the subprocess
class Recorder:
    """Appends measurements as JSON lines to ``path`` (flushed at once)."""

    def __init__(self, path: str | None) -> None:
        self.path = path

    def __call__(self, **record: Any) -> None:
        line = json.dumps(record, ensure_ascii=False, default=str)
        if self.path:
            with open(self.path, "a", encoding="utf-8") as fh:
                fh.write(line + "\n")
                fh.flush()
        else:
            print(line, flush=True)


def peak_rss_mb() -> float:
    """Peak resident set size of this process so far (Linux: ru_maxrss is in KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def median_time(
    fn: Callable[[], Any], runs: int = 5, warmup: int = 1, before: Callable[[], Any] | None = None
) -> tuple[float, list[float]]:
    """Median seconds of ``fn`` over ``runs`` after ``warmup``; ``before`` runs untimed."""
    samples: list[float] = []
    for i in range(warmup + runs):
        if before is not None:
            before()
        t = time.perf_counter()
        fn()
        dt = time.perf_counter() - t
        if i >= warmup:
            samples.append(dt)
    return statistics.median(samples), samples


def raw_connect(path: str | os.PathLike[str]):  # type: ignore[no-untyped-def]
    import sqlite3

    conn = sqlite3.connect(os.fspath(path), isolation_level=None, check_same_thread=False)
    for pragma in SAMOE_PRAGMAS:
        conn.execute(pragma)
    return conn


# ---------------------------------------------------------------- in the runner
def child_env(work: Path) -> dict[str, str]:
    """Environment of every benchmark subprocess: offscreen Qt, private settings and home."""
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["SAMOE_HOME"] = str(work / "home")
    env["XDG_CONFIG_HOME"] = str(work / "config")  # QSettings(ORG, APP) lands here
    env.pop("SAMOE_DB", None)
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    return env


@dataclass
class SubResult:
    records: list[dict[str, Any]]
    status: str  # "ok", "timeout after Ns", "exit N"
    seconds: float
    stderr: str = ""

    def one(self, kind: str, **match: Any) -> dict[str, Any] | None:
        for rec in self.records:
            if rec.get("kind") == kind and all(rec.get(k) == v for k, v in match.items()):
                return rec
        return None

    def all(self, kind: str) -> list[dict[str, Any]]:
        return [r for r in self.records if r.get("kind") == kind]


CRASHED: list[str] = []  # "script args: exit N" of every run that failed (not timed out)


def run_bench(script: str, args: Sequence[str], *, work: Path, timeout: float) -> SubResult:
    """Run ``tests/bench/<script>`` in a fresh interpreter; collect its JSON lines."""
    with tempfile.NamedTemporaryFile("w+", suffix=".jsonl", dir=work, delete=False) as fh:
        result_path = fh.name
    cmd = [PYTHON, str(BENCH_DIR / script), *args, "--result", result_path]
    started = time.perf_counter()
    status, stderr = "ok", ""
    try:
        proc = subprocess.run(
            cmd,
            cwd=REPO,
            env=child_env(work),
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
        stderr = proc.stderr
        if proc.returncode != 0:
            status = f"exit {proc.returncode}"
    except subprocess.TimeoutExpired as exc:
        status = f"timeout after {timeout:.0f}s"
        err = exc.stderr
        stderr = err.decode(errors="replace") if isinstance(err, bytes) else (err or "")
    seconds = time.perf_counter() - started
    records = []
    with open(result_path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                records.append(json.loads(line))
    os.unlink(result_path)
    if status.startswith("exit"):
        CRASHED.append(f"{script} {' '.join(args)}: {status}")
    if status != "ok":
        tail = "\n".join(stderr.strip().splitlines()[-15:])
        print(f"  !! {script} {' '.join(args)}: {status}\n{tail}", file=sys.stderr)
    return SubResult(records, status, seconds, stderr)


# ---------------------------------------------------------------- the table
@dataclass
class Row:
    size: int | None
    figure: str
    samoe: float | None
    baseline: float | None
    unit: str  # "ms", "s", "rows/s", "MB"
    goal: str = ""
    passed: bool | None = None  # None: informational
    note: str = ""
    higher_is_better: bool = False
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def ratio(self) -> float | None:
        if self.samoe is None or not self.baseline:
            return None
        return self.samoe / self.baseline


def fmt_value(value: float | None, unit: str) -> str:
    if value is None:
        return "—"
    if unit == "rows/s":
        return f"{value / 1000:,.0f}k rows/s"
    if unit == "ms":
        return f"{value:,.1f} ms" if value < 100 else f"{value:,.0f} ms"
    if unit == "s":
        return f"{value:,.2f} s"
    if unit == "MB":
        return f"{value:,.0f} MB"
    return f"{value:g} {unit}"


def fmt_size(size: int | None) -> str:
    if size is None:
        return ""
    if size >= 1_000_000 and size % 1_000_000 == 0:
        return f"{size // 1_000_000}M"
    if size >= 1000 and size % 1000 == 0:
        return f"{size // 1000}k"
    return str(size)


def table_cells(row: Row) -> list[str]:
    ratio = row.ratio
    verdict = "" if row.passed is None else ("PASS" if row.passed else "FAIL")
    return [
        fmt_size(row.size),
        row.figure,
        fmt_value(row.samoe, row.unit),
        fmt_value(row.baseline, row.unit),
        "—" if ratio is None else f"{ratio:.2f}×",
        row.goal,
        verdict,
    ]


HEADERS = ["N", "figure", "samoe", "baseline", "ratio", "goal", "result"]


def text_table(rows: Sequence[Row]) -> str:
    cells = [HEADERS] + [table_cells(r) for r in rows]
    widths = [max(_width(c[i]) for c in cells) for i in range(len(HEADERS))]
    lines = []
    for n, line in enumerate(cells):
        lines.append("  ".join(_pad(c, w) for c, w in zip(line, widths, strict=True)).rstrip())
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


def markdown_table(rows: Sequence[Row]) -> str:
    out = ["| " + " | ".join(HEADERS) + " |", "|" + "---|" * len(HEADERS)]
    for r in rows:
        out.append("| " + " | ".join(c.replace("|", "\\|") for c in table_cells(r)) + " |")
    return "\n".join(out)


def _width(s: str) -> int:
    # Thai combining marks take no column of their own.
    import unicodedata

    return sum(
        0 if unicodedata.combining(ch) or unicodedata.category(ch) == "Mn" else 1 for ch in s
    )


def _pad(s: str, width: int) -> str:
    return s + " " * (width - _width(s))
