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


def test_a_name_match_waits_for_the_clerks_choice(moved: Transfer, tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    from office_kit import snapshot
    from transfer_kit import add_namesake

    def cases_and_children() -> list[tuple[object, ...]]:  # each command signs in: app_user changes
        return [r for r in snapshot(moved.b.db) if str(r[0]).startswith(("oos_", "child", "office"))]

    first = add_namesake(moved, house="12")
    second = add_namesake(moved, house="40")
    moved.b.db.dispose()
    p, b = str(moved.p.path), str(moved.b.path)
    out_file = tmp_path / "b.samoe-transfer"
    code, _out, err = run(capsys, "--db", p, "exchange", "transfers", "--for", TOWN_B[0], "--out", str(out_file))
    assert code == 0, err
    before = cases_and_children()
    code, out, err = run(capsys, "--db", b, "exchange", "import", str(out_file), "--dry-run")
    assert code == 0, err
    assert "ยังไม่ได้รับโอน ไม่มีอะไรเปลี่ยน" in out and "กรณีที่ 1 " in out and f"จาก {TOWN_A[1]}" in out
    assert "ชื่อและวันเกิดตรงกัน 2 คน" in out
    assert "--child 1=1" in out and "--child 1=2" in out and "--new-child 1" in out
    assert "12 หมู่ 3" in out and "40 หมู่ 3" in out
    code, out, err = run(capsys, "--db", b, "exchange", "import", str(out_file))  # no choice: nothing taken
    assert code == 1 and "ยังไม่ได้รับโอน" in err and "--new-child 1" in err and "Traceback" not in err
    for bad in (["--child", "1"], ["--child", "9=1"], ["--child", "1=3"], ["--new-child", "x"],
                ["--new-child", "1", "--child", "1=1"], ["--child", f"1={first[:8]}"]):
        code, out, err = run(capsys, "--db", b, "exchange", "import", str(out_file), *bad)
        assert code == 2 and err and "Traceback" not in err, (bad, err)
    moved.b.db.dispose()
    assert cases_and_children() == before
    code, out, err = run(capsys, "--db", b, "exchange", "import", str(out_file), "--child", f"1={second}")
    assert code == 0 and "พบในทะเบียนด้วยชื่อและวันเกิด ตามที่เลือก" in out, err
    code, out, err = run(capsys, "--db", b, "exchange", "import", str(out_file), "--dry-run")
    assert code == 0 and "รับโอนไว้แล้ว (กรณีเลขที่" in out


def test_the_transfer_options_are_for_a_transfer_file_only(moved: Transfer, tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    receipt = tmp_path / "r.samoe-receipt"
    receipt.write_text('{"x": 1}', encoding="utf-8")
    code, _out, err = run(capsys, "--db", str(moved.b.path), "exchange", "import", str(receipt), "--dry-run")
    assert code == 2 and ".samoe-transfer" in err
    out_file = tmp_path / "b.samoe-transfer"
    run(capsys, "--db", str(moved.p.path), "exchange", "transfers", "--for", TOWN_B[0], "--out", str(out_file))
    code, _out, err = run(capsys, "--db", str(moved.p.path), "exchange", "import", str(out_file), "--new-child", "1")
    assert code == 2 and "verify" in err
    code, out, err = run(capsys, "--db", str(moved.b.path), "exchange", "import", str(out_file), "--new-child", "1")
    assert code == 0 and "เพิ่มเด็กเข้าทะเบียนใหม่" in out, err  # no namesake: a new child anyway


def test_a_child_found_by_national_id_cannot_be_made_new(moved: Transfer, tmp_path: Path,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    from office_kit import add_child

    add_child(moved.b.db, moved.national_id)
    moved.b.db.dispose()
    out_file = tmp_path / "b.samoe-transfer"
    run(capsys, "--db", str(moved.p.path), "exchange", "transfers", "--for", TOWN_B[0], "--out", str(out_file))
    code, _out, err = run(capsys, "--db", str(moved.b.path), "exchange", "import", str(out_file), "--new-child", "1")
    assert code == 2 and "เลขประจำตัวประชาชน" in err and "Traceback" not in err
    code, out, err = run(capsys, "--db", str(moved.b.path), "exchange", "import", str(out_file))
    assert code == 0 and "พบในทะเบียนด้วยเลขประจำตัวประชาชน" in out, err


def test_the_list_says_which_transfers_were_written_into_a_file(moved: Transfer, tmp_path: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    from transfer_kit import another_transfer

    p = str(moved.p.path)
    code, out, err = run(capsys, "--db", p, "exchange", "transfers")
    assert code == 0, err
    assert "ยังไม่ได้เขียนไฟล์" in out and "เขียนไฟล์แล้วเมื่อ" not in out
    assert "ยังไม่เคยเขียนลงไฟล์ส่งต่อ 1 จาก 1 กรณี" in out
    first = tmp_path / "b1.samoe-transfer"
    code, out, err = run(capsys, "--db", p, "exchange", "transfers", "--for", TOWN_B[0], "--out", str(first))
    assert code == 0 and "1 กรณี" in out and "เคยเขียน" not in out, err
    code, out, err = run(capsys, "--db", p, "exchange", "transfers")
    assert code == 0, err
    line = next(x for x in out.splitlines() if f"ถึง {TOWN_B[0]}" in x)
    assert "เขียนไฟล์แล้วเมื่อ " in line and " น. (b1.samoe-transfer)" in line and " 25" in line  # a BE year
    assert "ยังไม่ได้เขียนไฟล์" not in out and "ยังไม่เคยเขียนลงไฟล์ส่งต่อ 0 จาก 1 กรณี" in out

    another_transfer(moved, tmp_path / "sites")  # a new case for B after the file
    moved.a.db.dispose()
    moved.p.db.dispose()
    code, out, err = run(capsys, "--db", p, "exchange", "transfers")
    assert code == 0 and out.count("ยังไม่ได้เขียนไฟล์") == 1 and out.count("(b1.samoe-transfer)") == 1, err
    assert "ยังไม่เคยเขียนลงไฟล์ส่งต่อ 1 จาก 2 กรณี" in out
    second = tmp_path / "b2.samoe-transfer"
    code, out, err = run(capsys, "--db", p, "exchange", "transfers", "--for", TOWN_B[0], "--out", str(second))
    assert code == 0 and "2 กรณี" in out and "ในจำนวนนี้ 1 กรณีเคยเขียนลงไฟล์ส่งต่อแล้ว" in out, err
    code, out, err = run(capsys, "--db", p, "exchange", "transfers")
    assert code == 0 and out.count("(b2.samoe-transfer)") == 2 and "ยังไม่เคยเขียนลงไฟล์ส่งต่อ 0 จาก 2 กรณี" in out
