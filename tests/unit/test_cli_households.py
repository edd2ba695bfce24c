"""``samoe households find|merge|unmerge`` from a terminal: a preview unless --yes."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from cli_run import run


@pytest.fixture
def demo_path(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    path = str(tmp_path / "office.db")
    assert run(capsys, "--db", path, "demo", "--children", "60", "--seed", "5")[0] == 0
    return path


def households(path: str) -> list[tuple[str, str, str, int]]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(
            "SELECT h.uuid, h.house_no, h.village_no, (SELECT count(*) FROM child c WHERE c.household_id = h.id) "
            "FROM household h WHERE h.deleted_at IS NULL ORDER BY h.id").fetchall()
    finally:
        conn.close()


def test_find_then_merge_with_a_preview_first(demo_path: str, capsys: pytest.CaptureFixture[str]) -> None:
    (a, house_a, village_a, kids_a), (b, _house_b, _village_b, kids_b) = households(demo_path)[:2]
    code, out, _ = run(capsys, "--db", demo_path, "households", "find", "--house-no", house_a,
                       "--village", f"ม.{village_a}")
    assert code == 0 and a in out

    before = households(demo_path)
    code, out, err = run(capsys, "--db", demo_path, "households", "merge", a, b)
    assert code == 0 and "--yes" in out and f"{kids_b}" in out and "ไม่ตรงกัน" in out
    assert households(demo_path) == before  # a preview writes nothing

    code, out, err = run(capsys, "--db", demo_path, "households", "merge", a, b, "--yes")
    assert code == 0, err
    after = {u: n for u, _h, _v, n in households(demo_path)}
    assert b not in after and after[a] == kids_a + kids_b

    code, out, err = run(capsys, "--db", demo_path, "households", "unmerge", b)
    assert code == 0, err
    assert households(demo_path) == before


@pytest.mark.parametrize("which", ["same", "missing", "merged"])
def test_refusals_are_thai_without_a_traceback(demo_path: str, capsys: pytest.CaptureFixture[str],
                                               which: str) -> None:
    (a, *_), (b, *_) = households(demo_path)[:2]
    if which == "merged":
        assert run(capsys, "--db", demo_path, "households", "merge", a, b, "--yes")[0] == 0
    other = {"same": a, "missing": "no-such-household", "merged": b}[which]
    code, out, err = run(capsys, "--db", demo_path, "households", "merge", a, other, "--yes")
    assert code == 1
    assert "Traceback" not in err and err.strip()
    assert any("\u0e00" <= ch <= "\u0e7f" for ch in err)
