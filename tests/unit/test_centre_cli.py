"""``samoe centre attendance export|import``: a month exported is imported back into
another centre's file unchanged in meaning; a wrong row names itself in Thai and nothing
is saved (exit 1); a centre or file not found exits 4; a dry run writes nothing; a
caregiver of another centre is refused (12)."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest
from actors import TEST_PASSWORD
from centre_kit import NOV, Kit, november, room_of_kit, two_centres
from cli_run import run
from sqlalchemy import delete, func, select

from desktop.domain.roles import Role
from desktop.services.centre_attendance import room_attendance
from desktop.store.centre_state import CentreAbsence, CentreClosedDay, CentreRegister
from desktop.store.db import Database


@pytest.fixture
def month(office_db: Database) -> tuple[Database, Kit, int]:
    kit = two_centres(office_db)
    rid = room_of_kit(office_db, kit)
    november(office_db, kit, rid)
    return office_db, kit, rid


def _db(db: Database) -> str:
    return str(db.engine.url.database)


def test_export_then_import_gives_the_same_month(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                                 month: tuple[Database, Kit, int]) -> None:
    db, _kit, rid = month
    out = tmp_path / "nov.csv"
    code, stdout, err = run(capsys, "--db", _db(db), "centre", "attendance", "export", "--centre", "3300100001",
                            "--from", "1/11/2569", "--to", "30/11/2569", "--out", str(out))
    assert code == 0, err
    rows = list(csv.reader(out.open(encoding="utf-8-sig")))
    assert rows[0] == ["วันที่", "ห้อง", "รหัสเด็ก", "เลขประจำตัว", "ชื่อ-สกุล", "การมาเรียน"]
    assert len(rows) - 1 == 20 * 30 and "600" in stdout  # 19 taken days and 1 closed day, 30 children
    assert sum(r[5] == "ปิด" for r in rows) == 30 and sum(r[5] in ("ป่วย", "ลา", "ขาด") for r in rows) == 7
    with db.reader() as s:
        before = room_attendance(s, rid, NOV[0], NOV[-1]).total
    with db.session() as s:  # forget the month, then take it back from the file
        for model in (CentreAbsence, CentreRegister, CentreClosedDay):
            s.execute(delete(model))
    code, stdout, err = run(capsys, "--db", _db(db), "centre", "attendance", "import", str(out), "--centre", "1")
    assert code == 0, err
    assert "การมาเรียน 19 ห้อง-วัน ไม่มา 7 ครั้ง วันที่ศูนย์ปิด 1 วัน" in stdout
    with db.reader() as s:
        after = room_attendance(s, rid, NOV[0], NOV[-1]).total
    assert (after.present, after.recorded, after.absent) == (before.present, before.recorded, before.absent)


def test_a_wrong_row_saves_nothing(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                   month: tuple[Database, Kit, int]) -> None:
    db, kit, _rid = month
    bad = tmp_path / "bad.csv"
    bad.write_text("วันที่,ห้อง,รหัสเด็ก,การมาเรียน\n"
                   f"1/12/2569,ห้องเด็กกลาง,{kit.children_a[0]},ป่วย\n"
                   f"1/12/2569,ห้องเด็กกลาง,{kit.children_a[1]},หลับ\n"
                   f"31/02/2569,ห้องเด็กกลาง,{kit.children_a[2]},ลา\n"
                   "1/12/2569,ห้องเล็ก,nobody,มา\n", encoding="utf-8-sig")
    with db.reader() as s:
        registers = s.scalar(select(func.count()).select_from(CentreRegister))
    code, _stdout, err = run(capsys, "--db", _db(db), "centre", "attendance", "import", str(bad), "--centre", "3300100001")
    assert code == 1
    assert "แถว 3: การมาเรียน \"หลับ\"" in err and "แถว 4: วันที่" in err and "แถว 5: ไม่พบเด็ก nobody" in err
    assert "ห้องเล็ก" in err and "ไม่ได้บันทึกข้อมูลใดเลย" in err and "Traceback" not in err
    with db.reader() as s:
        assert s.scalar(select(func.count()).select_from(CentreRegister)) == registers
        assert s.scalar(select(func.count()).select_from(CentreAbsence).where(CentreAbsence.day == date(2026, 12, 1))) == 0


def test_missing_centre_file_and_dry_run(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                         month: tuple[Database, Kit, int]) -> None:
    db, kit, _rid = month
    code, _o, err = run(capsys, "--db", _db(db), "centre", "attendance", "import", str(tmp_path / "none.csv"),
                        "--centre", "1")
    assert code == 4 and "ไม่พบไฟล์" in err
    good = tmp_path / "dec.csv"
    good.write_text(f"วันที่,ห้อง,รหัสเด็ก,การมาเรียน\n1/12/2569,ห้องเด็กกลาง,{kit.children_a[0]},ขาด\n", encoding="utf-8")
    code, _o, err = run(capsys, "--db", _db(db), "centre", "attendance", "import", str(good), "--centre", "9999")
    assert code == 4 and "ไม่พบศูนย์พัฒนาเด็กเล็ก 9999" in err
    code, stdout, err = run(capsys, "--db", _db(db), "centre", "attendance", "import", str(good), "--centre", "1",
                            "--dry-run")
    assert code == 0 and "ยังไม่ได้บันทึก" in stdout
    with db.reader() as s:
        assert s.scalar(select(func.count()).select_from(CentreRegister).where(CentreRegister.day == date(2026, 12, 1))) == 0
    code, _o, err = run(capsys, "--db", _db(db), "centre", "attendance", "export", "--centre", "1",
                        "--from", "30/11/2569", "--to", "1/11/2569", "--out", str(tmp_path / "x.csv"))
    assert code == 2 and "ช่วงวันที่" in err


def test_a_caregiver_of_another_centre_is_refused(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                                  month: tuple[Database, Kit, int]) -> None:
    db, kit, _rid = month
    from desktop.services.access import Grant
    from desktop.services.users import add_user

    with db.session() as s:
        add_user(s, "carer", TEST_PASSWORD, full_name="ครูบี", roles=[Grant(Role.CAREGIVER, kit.centre_b)])
    code, _o, err = run(capsys, "--db", _db(db), "--user", "carer", "centre", "attendance", "export",
                        "--centre", "3300100001", "--from", "1/11/2569", "--to", "30/11/2569",
                        "--out", str(tmp_path / "x.csv"))
    assert code == 12 and "ไม่มีสิทธิ์" in err
    assert not (tmp_path / "x.csv").exists()


def test_the_rates_listed_and_set(capsys: pytest.CaptureFixture[str], tmp_path: Path, office_db: Database) -> None:
    kit = two_centres(office_db, n_a=2, n_b=1)
    db = _db(office_db)
    code, out, _e = run(capsys, "--db", db, "centre", "rates", "list")
    assert code == 0 and "ใช้อัตราที่มากับโปรแกรม" in out and "21.00" in out and "ยังไม่ได้ตรวจสอบ" in out
    assert "อาหารกลางวัน (lunch)" in out  # in Thai, with the word --kind takes
    code, out, err = run(capsys, "--db", db, "centre", "rates", "set", "--kind", "lunch", "--from", "1/10/2569",
                         "--baht", "22.5", "--source", "หนังสือ สถ. ทดสอบ", "--checked")
    assert code == 0, err
    assert "บันทึกอัตราอาหารกลางวัน 22.50 บาทต่อคนต่อวัน ตั้งแต่ 1 ต.ค. 2569" in out
    code, out, _e = run(capsys, "--db", db, "centre", "rates", "list")
    assert code == 0 and "ที่มากับโปรแกรม" not in out and "22.50" in out and "ตรวจแล้ว" in out
    code, _o, err = run(capsys, "--db", db, "centre", "rates", "set", "--kind", "milk", "--from", "1/10/2569",
                        "--baht", "7.825")
    assert code == 2 and "--baht" in err
    from desktop.services.access import Grant
    from desktop.services.users import add_user

    with office_db.session() as s:
        add_user(s, "carer", TEST_PASSWORD, roles=[Grant(Role.CAREGIVER, kit.centre_a)])
    code, _o, err = run(capsys, "--db", db, "--user", "carer", "centre", "rates", "set", "--kind", "milk",
                        "--from", "1/10/2569", "--baht", "8")
    assert code == 12 and "ไม่มีสิทธิ์" in err


def test_a_child_not_in_the_room_names_its_row_even_in_a_dry_run(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                                                 month: tuple[Database, Kit, int]) -> None:
    """A file of another centre (its rooms named alike) or a child moved out: the row and
    the child are named, with what to do, and the dry run finds it too (it used to say
    "checked" and then the real import failed with no row named)."""
    db, kit, _rid = month
    wrong = tmp_path / "other.csv"
    wrong.write_text("วันที่,ห้อง,รหัสเด็ก,การมาเรียน\n"
                     f"1/12/2569,ห้องเด็กกลาง,{kit.children_a[0]},มา\n"
                     f"1/12/2569,ห้องเด็กกลาง,{kit.children_b[0]},ป่วย\n", encoding="utf-8-sig")
    for dry in (["--dry-run"], []):
        code, _o, err = run(capsys, "--db", _db(db), "centre", "attendance", "import", str(wrong),
                            "--centre", "3300100001", *dry)
        assert code == 1, (dry, err)
        assert "แถว 3:" in err and "ไม่ได้อยู่ในห้อง \"ห้องเด็กกลาง\"" in err and "ตรวจ" in err, err
        assert "แถว 2" not in err and "Traceback" not in err
    with db.reader() as s:
        assert s.scalar(select(func.count()).select_from(CentreRegister).where(CentreRegister.day == date(2026, 12, 1))) == 0
