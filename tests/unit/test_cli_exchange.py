"""``samoe exchange``: a municipality exports, the province verifies, imports (twice: the
second changes nothing) and writes the receipt, the municipality records it; refusals print
their reason code and the Thai message with their exit codes; only the roles that may do it;
an import SIGKILLed midway leaves the province as it was and the retry imports exactly once."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from actors import TEST_PASSWORD
from cli_run import run

ROOT = Path(__file__).resolve().parents[2]
TOWN = ("--office-name", "เทศบาลตำบลบ้านใหม่", "--office-code", "6300101", "--province", "นครราชสีมา")
PROVINCE = ("--office-name", "สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดนครราชสีมา", "--office-code", "1300000",
            "--role", "province")


@pytest.fixture(autouse=True)
def _new_users_password(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SAMOE_NEW_PASSWORD", TEST_PASSWORD)


def ok(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    code, out, err = run(capsys, *args)
    assert code == 0, (args, out, err)
    return out


@pytest.fixture
def offices(tmp_path: Path, capsys: pytest.CaptureFixture[str], cheap_wraps: None) -> tuple[str, str]:
    town, province = str(tmp_path / "town.db"), str(tmp_path / "province.db")
    ok(capsys, "--db", town, "init", *TOWN)
    ok(capsys, "--db", province, "init", *PROVINCE)
    ok(capsys, "--db", town, "users", "roles", "admin", "administrator", "clerk", "certifier")
    ok(capsys, "--db", province, "users", "roles", "admin", "administrator", "province_officer")
    ok(capsys, "--db", town, "keys", "card", "--out", str(tmp_path / "town.json"))
    ok(capsys, "--db", province, "keys", "card", "--out", str(tmp_path / "province.json"))
    ok(capsys, "--db", province, "keys", "trust", str(tmp_path / "town.json"))
    ok(capsys, "--db", town, "keys", "trust", str(tmp_path / "province.json"))
    ok(capsys, "--db", town, "demo", "--children", "25", "--seed", "4")
    return town, province


LOGIN = ("app_user", "audit_log", "setting")  # every command's login: its time, its entry, the chain's head


def _rows(path: str) -> list[tuple[object, ...]]:
    """Every row but what a login writes."""
    conn = sqlite3.connect(path)
    try:
        out: list[tuple[object, ...]] = []
        for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
                                    "ORDER BY name").fetchall():
            if name in LOGIN:
                continue
            out += [(name, *r) for r in conn.execute(f"SELECT * FROM {name}")]  # noqa: S608
        return out
    finally:
        conn.close()


def test_export_verify_import_receipt(offices: tuple[str, str], tmp_path: Path,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    town, province = offices
    bundle, receipt = tmp_path / "b1.samoe", tmp_path / "r1.samoe-receipt"
    out = ok(capsys, "--db", town, "exchange", "export", "--to", str(bundle))
    assert "ชุดข้อมูลลำดับที่ 1" in out and "เด็ก: 25" in out and bundle.is_file()
    out = ok(capsys, "--db", province, "exchange", "verify", str(bundle))
    assert "ไฟล์ถูกต้อง" in out and "6300101" in out
    out = ok(capsys, "--db", province, "exchange", "import", str(bundle))
    assert "นำเข้าชุดข้อมูลลำดับที่ 1" in out and "เด็ก: เพิ่ม 25" in out
    before = _rows(province)
    out = ok(capsys, "--db", province, "exchange", "import", str(bundle))
    assert "นำเข้าชุดข้อมูลนี้แล้ว" in out and _rows(province) == before
    ok(capsys, "--db", province, "exchange", "receipt", "--for", str(bundle), "--out", str(receipt))
    out = ok(capsys, "--db", town, "exchange", "import", str(receipt))
    assert "รับชุดข้อมูลถึงลำดับที่ 1" in out
    out = ok(capsys, "--db", town, "exchange", "status")
    assert "ตอบรับถึงลำดับที่ 1" in out and "ชุดต่อไปลำดับที่ 2" in out
    out = ok(capsys, "--db", town, "exchange", "export", "--to", str(tmp_path / "b2.samoe"))
    assert "ชุดข้อมูลลำดับที่ 2" in out and "เด็ก: 0" in out
    out = ok(capsys, "--db", province, "exchange", "status")
    assert "6300101" in out and "ลำดับที่ 1" in out


def test_refusals_print_their_code_and_thai(offices: tuple[str, str], tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    town, province = offices
    bundle = tmp_path / "b1.samoe"
    ok(capsys, "--db", town, "exchange", "export", "--to", str(bundle))
    data = bytearray(bundle.read_bytes())
    data[-200] ^= 0x40
    bad = tmp_path / "bad.samoe"
    bad.write_bytes(bytes(data))
    before = _rows(province)
    code, out, err = run(capsys, "--db", province, "exchange", "import", str(bad))
    assert code == 1 and "ไม่รับไฟล์ [" in err and "Traceback" not in err
    assert _rows(province) == before
    cases = [
        ((town, "exchange", "import", str(bundle)), 12, "ไม่มีสิทธิ์รวมข้อมูล"),  # a municipality merges nothing
        ((province, "exchange", "export", "--to", str(tmp_path / "x.samoe")), 12, ""),  # not its role
        ((town, "exchange", "export", "--to", str(tmp_path / "x.samoe"), "--institution", "0000"), 1,
         "[exchange.no_institution]"),
        ((province, "exchange", "verify", str(tmp_path / "missing.samoe")), 2, "ไม่พบไฟล์"),
        ((province, "exchange", "receipt", "--for", str(bundle), "--out", str(tmp_path / "r")), 1,
         "[exchange.not_imported]"),
        ((town, "exchange", "export", "--to", str(tmp_path / "no" / "x.samoe")), 2, "ไม่พบโฟลเดอร์"),
    ]
    for (db, *args), expected, says in cases:
        code, out, err = run(capsys, "--db", db, *args)
        assert code == expected and says in err and "Traceback" not in err, (args, code, err)
        assert not err.isascii()
    ok(capsys, "--db", town, "users", "add", "somsri", "--role", "clerk")
    code, out, err = run(capsys, "--db", town, "--user", "somsri", "exchange", "export", "--to",
                         str(tmp_path / "y.samoe"))
    assert code == 12 and not (tmp_path / "y.samoe").exists()


KILLER = """
import os, signal, sys
from desktop.services import exchange_import as ei
original = ei.BundleApplier.apply_file
def killing(self, t, rows):
    original(self, t, rows)
    if t.wire == "child":
        os.kill(os.getpid(), signal.SIGKILL)  # midway: households and children written, not committed
ei.BundleApplier.apply_file = killing
from desktop.cli import main
sys.exit(main(sys.argv[1:]))
"""


def test_an_import_killed_midway_leaves_nothing_and_the_retry_imports_once(
        offices: tuple[str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    town, province = offices
    bundle = tmp_path / "b1.samoe"
    ok(capsys, "--db", town, "exchange", "export", "--to", str(bundle))
    before = _rows(province)
    env = {**os.environ, "SAMOE_PASSWORD": TEST_PASSWORD, "PYTHONPATH": str(ROOT)}
    killed = subprocess.run([sys.executable, "-c", KILLER, "--db", province, "exchange", "import", str(bundle)],
                            env=env, capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    assert _rows(province) == before  # no trace
    out = ok(capsys, "--db", province, "exchange", "import", str(bundle))
    assert "เด็ก: เพิ่ม 25" in out
    out = ok(capsys, "--db", province, "exchange", "import", str(bundle))
    assert "นำเข้าชุดข้อมูลนี้แล้ว" in out
    conn = sqlite3.connect(province)
    try:
        assert conn.execute("SELECT count(*) FROM exchange_received").fetchone() == (1,)
        assert conn.execute("SELECT count(*) FROM child").fetchone() == (25,)
    finally:
        conn.close()
