"""Helpers for the fault tests: run the real ``samoe`` command in a subprocess, build
damaged, read-only and empty database files, and check what the command says."""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
THAI = re.compile("[\u0e01-\u0e5b]")
PAGE = 4096
# Root ignores file modes; without these capabilities it obeys them as the files' owner.
DROP_CAPS = ("setpriv", "--bounding-set=-dac_override,-dac_read_search,-fowner")


def cli(*args: str | bytes | os.PathLike[str], env: dict[str, str] | None = None,
        timeout: float = 180, prefix: Sequence[str] = (), stdin: bytes | None = None,
        ) -> subprocess.CompletedProcess[bytes]:
    """``python -m desktop.cli ARGS`` with its output as bytes (decode with ``text``)."""
    full_env = {k: v for k, v in os.environ.items() if k != "SAMOE_DB"}
    full_env.update({"QT_QPA_PLATFORM": "offscreen", **(env or {})})
    argv = [*prefix, sys.executable, "-m", "desktop.cli", *[os.fsencode(a) if not isinstance(a, bytes)
                                                             else a for a in args]]
    return subprocess.run(argv, cwd=ROOT, env=full_env, capture_output=True, timeout=timeout,
                          input=stdin)


def text(data: bytes) -> str:
    return data.decode("utf-8", "replace")


def assert_clean_failure(proc: subprocess.CompletedProcess[bytes], *, code: int | None = None,
                         words: Sequence[str] = (), secrets: Sequence[str] = ()) -> str:
    """A non-zero exit, a Thai message, no traceback, none of ``secrets``; returns stderr."""
    err, out = text(proc.stderr), text(proc.stdout)
    assert "Traceback" not in err + out, err[-3000:]
    assert proc.returncode != 0, (out[-800:], err[-800:])
    if code is not None:
        assert proc.returncode == code, (proc.returncode, err[-1500:])
    assert THAI.search(err), err[-800:]
    for word in words:
        assert word in err, (word, err[-1500:])
    for secret in secrets:
        assert secret not in err + out, "personal data in the message"
    return err


def make_demo(path: Path, children: int = 60, seed: int = 2) -> Path:
    proc = cli("--db", path, "init", "--office-name", "เทศบาลตำบลทดสอบ", "--office-code", "6300101")
    assert proc.returncode == 0, text(proc.stderr)
    proc = cli("--db", path, "demo", "--children", str(children), "--seed", str(seed))
    assert proc.returncode == 0, text(proc.stderr)
    assert not Path(f"{path}-wal").exists()  # checkpointed: the file holds everything
    return path


def personal_data(path: Path) -> list[str]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        rows = conn.execute("SELECT first_name, last_name, national_id FROM child LIMIT 30").fetchall()
    finally:
        conn.close()
    return [v for row in rows for v in row if v and len(v) >= 4]


def _schema_pages(path: Path) -> set[int]:
    """The pages of sqlite_schema (1-based): a bulk load rewrites triggers and indexes, so
    the schema's later pages can lie anywhere in the file."""
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        return {r[0] for r in conn.execute("SELECT pageno FROM dbstat WHERE name = 'sqlite_schema'")}
    finally:
        conn.close()


def _child_pages(path: Path) -> dict[str, list[int]]:
    """The pages (1-based) of the children's table and of each of its indexes, by name."""
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        found: dict[str, list[int]] = {}
        for name, page in conn.execute(
                "SELECT name, pageno FROM dbstat WHERE name IN "
                "(SELECT name FROM sqlite_schema WHERE tbl_name = 'child') ORDER BY name, pageno"):
            found.setdefault(name, []).append(page)
        return found
    finally:
        conn.close()


def damage_middle(source: Path, target: Path) -> Path:
    """Garbage over b-tree pages of the children's records (a bad sector in the records,
    not in the schema: a file whose schema cannot be read is refused at open): a page in
    the middle of the table and of each of its indexes, so that every command reading the
    registry meets one, whichever b-tree its plan reads (a count reads the narrowest
    index), whatever else the schema has grown to hold."""
    shutil.copyfile(source, target)
    schema = _schema_pages(target)
    chosen = []
    for pages in _child_pages(target).values():
        records = [p for p in pages if p not in schema]
        if records:
            chosen.append(records[len(records) // 2])
    with open(target, "r+b") as f:
        for page in (p - 1 for p in chosen):  # 1-based page numbers, 0-based offsets
            f.seek(page * PAGE)
            f.write(bytes((page * 37 + i * 11) % 251 for i in range(PAGE)))
    return target


def truncate_half(source: Path, target: Path) -> Path:
    shutil.copyfile(source, target)
    with open(target, "r+b") as f:
        f.truncate((target.stat().st_size // PAGE // 2) * PAGE)
    return target


def garbage_header(source: Path, target: Path) -> Path:
    shutil.copyfile(source, target)
    with open(target, "r+b") as f:
        f.write(b"\x00garbage header\xff" * 6)
    return target


def make_csv(path: Path, rows: int = 5, first: int = 0) -> Path:
    from desktop.domain.identity import make_national_id

    lines = ["คำนำหน้า,ชื่อ,นามสกุล,วันเกิด,เลขประจำตัวประชาชน,บ้านเลขที่,หมู่ที่,ตำบล"]
    for n in range(first, first + rows):
        lines.append(f"เด็กหญิง,ทดลอง,นำเข้า,{n % 28 + 1}/{n % 12 + 1}/2563,"
                     f"{make_national_id(f'17{n:010d}')},{n}/9,{n % 15 + 1},บ้านใหม่")
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def can_drop_caps() -> bool:
    return os.geteuid() == 0 and shutil.which("setpriv") is not None


def can_unshare_mounts() -> bool:
    if os.geteuid() != 0 or shutil.which("unshare") is None:
        return False
    probe = subprocess.run(["unshare", "-m", "true"], capture_output=True)
    return probe.returncode == 0
