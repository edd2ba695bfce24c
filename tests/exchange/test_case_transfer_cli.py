"""``samoe exchange transfers`` at the province and ``samoe exchange import`` of a transfer
file at the receiving municipality: Thai output, exit codes, the same file twice, a file
for another office and wrong arguments (never a traceback)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from cli_run import run
from office_kit import TOWN_A, TOWN_B
from transfer_kit import Transfer, make_transfer


@pytest.fixture
def moved(tmp_path: Path, cheap_wraps: None) -> Iterator[Transfer]:
    t = make_transfer(tmp_path / "sites")
    for site in (t.a, t.b, t.p):
        site.db.dispose()  # the commands open the files themselves
    yield t
    t.close()


def test_the_province_writes_and_the_municipality_takes(moved: Transfer, tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    p, a, b = str(moved.p.path), str(moved.a.path), str(moved.b.path)
    code, out, err = run(capsys, "--db", p, "exchange", "transfers")
    assert code == 0, err
    assert f"ถึง {TOWN_B[0]} {TOWN_B[1]}" in out and f"จาก {TOWN_A[0]} {TOWN_A[1]}" in out
    out_file = tmp_path / "b.samoe-transfer"
    code, out, err = run(capsys, "--db", p, "exchange", "transfers", "--for", TOWN_B[0], "--out", str(out_file))
    assert code == 0 and "1 กรณี" in out and out_file.is_file(), err
    code, out, err = run(capsys, "--db", b, "exchange", "import", str(out_file))
    assert code == 0, err
    assert f"รับโอนจาก {TOWN_A[1]} ({TOWN_A[0]})" in out and "เพิ่มเด็กเข้าทะเบียนใหม่" in out
    code, out, err = run(capsys, "--db", b, "exchange", "import", str(out_file))
    assert code == 0 and "ไว้แล้ว ไม่มีอะไรเปลี่ยน" in out, err
    code, out, err = run(capsys, "--db", a, "exchange", "import", str(out_file))  # not A's
    assert code == 1 and "[recipient.other_office]" in err and "Traceback" not in err
    (tmp_path / "junk.samoe-transfer").write_bytes(b"PK\x03\x04" + b"\x00" * 100)
    code, out, err = run(capsys, "--db", b, "exchange", "import", str(tmp_path / "junk.samoe-transfer"))
    assert code == 1 and "ไม่รับไฟล์ [archive." in err


def test_wrong_arguments_and_the_wrong_office(moved: Transfer, tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    p, b = str(moved.p.path), str(moved.b.path)
    code, _out, err = run(capsys, "--db", p, "exchange", "transfers", "--for", TOWN_B[0])
    assert code == 2 and "--out" in err
    code, _out, err = run(capsys, "--db", p, "exchange", "transfers", "--for", "6300999",
                          "--out", str(tmp_path / "x.samoe-transfer"))
    assert code == 1 and "[transfer.none]" in err
    code, _out, err = run(capsys, "--db", p, "exchange", "transfers", "--for", TOWN_B[0],
                          "--out", str(tmp_path / "no-such-folder" / "x.samoe-transfer"))
    assert code == 2 and err
    code, _out, err = run(capsys, "--db", b, "exchange", "transfers")  # a municipality
    assert code == 1 and "[exchange.not_province]" in err
