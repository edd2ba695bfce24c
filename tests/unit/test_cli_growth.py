"""``samoe growth add|show|list`` and ``samoe dspm due``: a measurement added and shown with
its z-scores to two decimals and Thai categories; an implausible one refused (exit 1,
Thai, nothing saved); the term's lists by category and centre; the month's DSPM checks
due, re-checks and referrals; a caregiver of another centre is refused."""

from __future__ import annotations

from datetime import date

import pytest
from actors import TEST_PASSWORD
from centre_kit import Kit, room_of_kit, two_centres
from cli_run import run
from sqlalchemy import func, select

from desktop.domain.dspm import manual
from desktop.domain.roles import Role
from desktop.services.dspm import record_check, record_recheck, refer
from desktop.store.db import Database
from desktop.store.growth_state import GrowthMeasurement
from desktop.store.models import Child


@pytest.fixture
def kit(office_db: Database) -> Kit:
    kit = two_centres(office_db, n_a=6, n_b=2)
    room_of_kit(office_db, kit)
    return kit


def _db(db: Database) -> str:
    return str(db.engine.url.database)


def _id(db: Database, uuid: str) -> str:
    with db.reader() as s:
        return str(s.scalar(select(Child.id).where(Child.uuid == uuid)))


def test_add_then_show_with_zscores_and_categories(capsys: pytest.CaptureFixture[str], office_db: Database,
                                                   kit: Kit) -> None:
    db, child = _db(office_db), _id(office_db, kit.children_a[0])  # a boy born 1/1/2565
    code, out, err = run(capsys, "--db", db, "growth", "add", "--child", child, "--date", "20/11/2569",
                         "--weight", "14.2", "--height", "109", "--head", "50.2")
    assert code == 0, err
    assert "น้ำหนักตามเกณฑ์ส่วนสูง: z = -2.94  ผอม" in out and "น้ำหนักตามเกณฑ์อายุ: z = -1.84  ค่อนข้างน้อย" in out
    run(capsys, "--db", db, "growth", "add", "--child", kit.children_a[0], "--date", "1/12/2569", "--weight", "18",
        "--height", "109.5", "--method", "lying")
    code, out, err = run(capsys, "--db", db, "growth", "show", "--child", child)
    assert code == 0, err
    assert "ชั่ง/วัด 2 ครั้ง" in out and "20 พ.ย. 2569  อายุ 4 ปี 10 เดือน  น้ำหนัก 14.2 กก." in out
    assert "ส่วนสูงตามเกณฑ์อายุ: z = -0.04  ตามเกณฑ์" in out and "น้ำหนักตามเกณฑ์ส่วนสูง: z = -2.94  ผอม" in out
    assert "เส้นรอบศีรษะตามเกณฑ์อายุ: z = " in out and out.count("ดัชนีมวลกายตามเกณฑ์อายุ: z = ") == 2


def test_what_add_refuses(capsys: pytest.CaptureFixture[str], office_db: Database, kit: Kit) -> None:
    db, child = _db(office_db), _id(office_db, kit.children_a[0])
    base = ["--db", db, "growth", "add", "--child", child, "--date", "20/11/2569", "--height", "109"]
    code, _o, err = run(capsys, *base, "--weight", "45")
    assert code == 1 and "ไม่น่าเป็นไปได้" in err and "Traceback" not in err
    code, _o, err = run(capsys, *base, "--weight", "180")
    assert code == 1 and "นอกช่วงที่เป็นไปได้" in err
    with pytest.raises(SystemExit) as bad:
        run(capsys, *base, "--weight", "abc")
    assert bad.value.code == 2 and "ต้องเป็นตัวเลข" in capsys.readouterr().err
    code, _o, err = run(capsys, "--db", db, "growth", "add", "--child", "999999", "--date", "20/11/2569",
                        "--weight", "14", "--height", "100")
    assert code == 4 and "ไม่พบเด็ก" in err
    code, _o, err = run(capsys, "--db", db, "growth", "add", "--child", child, "--date", "31/02/2569",
                        "--weight", "14", "--height", "100")
    assert code == 2 and "วันที่" in err
    with office_db.reader() as s:
        assert s.scalar(select(func.count()).select_from(GrowthMeasurement)) == 0


def test_the_terms_lists(capsys: pytest.CaptureFixture[str], office_db: Database, kit: Kit) -> None:
    db, a = _db(office_db), kit.children_a
    for uuid, weight, height in ((a[0], "14.2", "109"), (a[2], "15", "97"), (a[4], "25", "109"),
                                 (kit.children_b[0], "14", "109")):
        code, _o, err = run(capsys, "--db", db, "growth", "add", "--child", uuid, "--date", "20/11/2569",
                            "--weight", weight, "--height", height)
        assert code == 0, err
    code, out, err = run(capsys, "--db", db, "growth", "list", "--category", "ผอม", "--term", "2/2569")
    assert code == 0, err
    assert "ผอม ภาคเรียน 2/2569: 2 คน" in out and "ห้องเด็กกลาง" in out and "-2.94 ผอม" in out
    code, out, _e = run(capsys, "--db", db, "growth", "list", "--category", "thin", "--centre", "3300100002",
                        "--term", "2/2569")
    assert "ผอม ภาคเรียน 2/2569: 1 คน" in out and "(ยังไม่ได้จัดห้อง)" in out
    code, out, _e = run(capsys, "--db", db, "growth", "list", "--centre", "3300100001", "--term", "2/2569")
    assert code == 0
    for line in ("ผอม ภาคเรียน 2/2569: 1 คน", "เตี้ย ภาคเรียน 2/2569: 1 คน", "อ้วน ภาคเรียน 2/2569: 1 คน",
                 "ยังไม่ได้ชั่ง/วัดในภาคเรียนนี้ ภาคเรียน 2/2569: 3 คน"):
        assert line in out
    code, _o, err = run(capsys, "--db", db, "growth", "list", "--category", "ใหญ่")
    assert code == 2 and "ผอม เตี้ย อ้วน" in err
    code, _o, err = run(capsys, "--db", db, "growth", "list", "--centre", "9999")
    assert code == 4 and "ไม่พบศูนย์" in err
    code, _o, err = run(capsys, "--db", db, "growth", "list", "--term", "3/2569")
    assert code == 4 and "ไม่มีภาคเรียน 3/2569" in err  # not found, as a centre is


def test_dspm_due(capsys: pytest.CaptureFixture[str], office_db: Database, kit: Kit) -> None:
    a = kit.children_a
    today = date(2026, 12, 1)
    with office_db.session() as s:
        for uuid, born in ((a[0], date(2023, 5, 10)), (a[1], date(2025, 5, 3)), (a[2], date(2023, 5, 31))):
            s.scalars(select(Child).where(Child.uuid == uuid)).one().birth_date = born
    with office_db.session() as s:
        band = manual().band(42).items
        record_check(s, a[0], 42, date(2026, 11, 12), {i.no: i.no != 91 for i in band}, today=today)
        items = manual().band(18).items
        first = record_check(s, a[1], 18, date(2026, 11, 5), {i.no: i.no != 52 for i in items}, today=today)
        again = record_recheck(s, first.id, date(2026, 11, 25), {52: False}, today=today)
        refer(s, again.id, "โรงพยาบาลโนนสูง", date(2026, 11, 26), today=today)
    code, out, err = run(capsys, "--db", _db(office_db), "dspm", "due", "--month", "11/2569", "--centre", "3300100001")
    assert code == 0, err
    assert "ถึงกำหนดประเมิน DSPM เดือน 11/2569: 3 คน" in out
    assert "อายุครบ 42 เดือน 30 พ.ย. 2569  ยังไม่ได้ประเมิน" in out and "ประเมินแล้ว 12 พ.ย. 2569" in out
    assert "ประเมินซ้ำที่ถึงกำหนดหรือเลยกำหนด: 1 คน" in out and "ประเมินซ้ำภายใน 12 ธ.ค. 2569" in out
    assert "ส่งต่อที่รอผลจากโรงพยาบาล: 1 คน" in out and "โรงพยาบาลโนนสูง" in out
    with pytest.raises(SystemExit) as bad:
        run(capsys, "--db", _db(office_db), "dspm", "due", "--month", "13/2569")
    assert bad.value.code == 2 and "เดือน" in capsys.readouterr().err


def test_a_caregiver_of_another_centre_is_refused(capsys: pytest.CaptureFixture[str], office_db: Database,
                                                  kit: Kit) -> None:
    from desktop.services.access import Grant
    from desktop.services.users import add_user

    with office_db.session() as s:
        add_user(s, "carer", TEST_PASSWORD, full_name="ครูบี", roles=[Grant(Role.CAREGIVER, kit.centre_b)])
    db, other = _db(office_db), _id(office_db, kit.children_a[0])
    as_carer = ["--db", db, "--user", "carer"]
    code, _o, err = run(capsys, *as_carer, "growth", "add", "--child", other, "--date", "20/11/2569",
                        "--weight", "18", "--height", "109")
    assert code == 4 and "ไม่พบเด็ก" in err  # not told that the child exists
    code, _o, err = run(capsys, *as_carer, "growth", "show", "--child", other)
    assert code == 4
    code, _o, err = run(capsys, *as_carer, "growth", "list", "--centre", "3300100001", "--term", "2/2569")
    assert code == 12 and "ไม่มีสิทธิ์" in err
    code, _o, err = run(capsys, *as_carer, "dspm", "due", "--centre", "3300100001")
    assert code == 12
    code, out, err = run(capsys, *as_carer, "growth", "add", "--child", kit.children_b[0], "--date", "20/11/2569",
                         "--weight", "16", "--height", "105")
    assert code == 0, err
    with office_db.reader() as s:
        assert s.scalar(select(func.count()).select_from(GrowthMeasurement)) == 1
        assert s.scalar(select(GrowthMeasurement.measured_by)) == "ครูบี"


def _measurement_ids(db: Database) -> list[int]:
    with db.reader() as s:
        return list(s.scalars(select(GrowthMeasurement.id).where(GrowthMeasurement.deleted_at.is_(None))
                              .order_by(GrowthMeasurement.id)))


def test_edit_and_delete_a_measurement(capsys: pytest.CaptureFixture[str], office_db: Database, kit: Kit) -> None:
    """``samoe growth show`` names each measurement's number; ``edit`` corrects the values
    given (the others stay), with the same checks as a new one; ``delete`` is soft and
    audited; bad arguments end in Thai with an exit code, nothing changed."""
    from desktop.store.models import AuditEntry

    db, child = _db(office_db), _id(office_db, kit.children_a[0])
    run(capsys, "--db", db, "growth", "add", "--child", child, "--date", "20/11/2569", "--weight", "14.2",
        "--height", "109", "--head", "50.2")
    (mid,) = _measurement_ids(office_db)
    code, out, err = run(capsys, "--db", db, "growth", "show", "--child", child)
    assert f"[เลขที่ {mid}]" in out
    code, _o, err = run(capsys, "--db", db, "growth", "add", "--child", child, "--date", "20/11/2569",
                        "--weight", "14.2", "--height", "109")  # the same day again: correct the first instead
    assert code == 1 and f"(เลขที่ {mid})" in err and _measurement_ids(office_db) == [mid]
    code, out, err = run(capsys, "--db", db, "growth", "edit", "--measurement", str(mid), "--weight", "18")
    assert code == 0, err
    assert "เดิม:" in out and "น้ำหนัก 14.2 กก." in out and "น้ำหนัก 18 กก.  ส่วนสูง 109 ซม.  เส้นรอบศีรษะ 50.2 ซม." in out
    with office_db.reader() as s:
        row = s.get(GrowthMeasurement, mid)
        assert row is not None and (row.weight_g, row.height_mm, row.head_mm) == (18000, 1090, 502)
    for bad, want_code, words in ((["--weight", "45"], 1, "ไม่น่าเป็นไปได้"),
                                  (["--date", "1/1/2580"], 1, "อนาคต"),
                                  (["--date", "31/02/2569"], 2, "วันที่ไม่ถูกต้อง"),
                                  ([], 2, "อย่างน้อยหนึ่งค่า")):
        code, _o, err = run(capsys, "--db", db, "growth", "edit", "--measurement", str(mid), *bad)
        assert code == want_code and words in err and "Traceback" not in err, (bad, code, err)
    for bad, words in ((["--measurement", str(mid), "--weight", "abc"], "ต้องเป็นตัวเลข"),
                       (["--measurement", "x1", "--weight", "18"], "เลขที่ต้องเป็นจำนวนเต็ม"),
                       (["--measurement", str(mid), "--head", "50", "--no-head"], "ใช้ร่วมกับ --head ไม่ได้")):
        with pytest.raises(SystemExit) as stopped:
            run(capsys, "--db", db, "growth", "edit", *bad)
        assert stopped.value.code == 2 and words in capsys.readouterr().err, bad
    code, _o, err = run(capsys, "--db", db, "growth", "edit", "--measurement", "99999", "--weight", "18")
    assert code == 4 and "ไม่พบผลการชั่ง/วัด" in err
    with office_db.reader() as s:
        row = s.get(GrowthMeasurement, mid)
        assert row is not None and row.weight_g == 18000  # nothing the refusals changed
    code, out, err = run(capsys, "--db", db, "growth", "edit", "--measurement", str(mid), "--no-head")
    assert code == 0 and "เส้นรอบศีรษะ" not in out.split("ใหม่:")[1]
    code, out, err = run(capsys, "--db", db, "growth", "delete", "--measurement", str(mid))
    assert code == 0 and "ลบผลการชั่ง/วัดแล้ว" in out, err
    assert _measurement_ids(office_db) == []
    with office_db.reader() as s:
        assert s.get(GrowthMeasurement, mid).deleted_at is not None  # type: ignore[union-attr]
        actions = set(s.scalars(select(AuditEntry.action)))
    assert {"growth_measure_edit", "growth_measure_delete"} <= actions
    code, _o, err = run(capsys, "--db", db, "growth", "delete", "--measurement", str(mid))
    assert code == 4 and "ถูกลบไปแล้ว" in err


def test_a_caregiver_cannot_edit_another_centres_measurement(capsys: pytest.CaptureFixture[str],
                                                             office_db: Database, kit: Kit) -> None:
    from desktop.services.access import Grant
    from desktop.services.users import add_user

    db = _db(office_db)
    run(capsys, "--db", db, "growth", "add", "--child", _id(office_db, kit.children_a[0]), "--date", "20/11/2569",
        "--weight", "14.2", "--height", "109")
    (mid,) = _measurement_ids(office_db)
    with office_db.session() as s:
        add_user(s, "carer", TEST_PASSWORD, full_name="ครูบี", roles=[Grant(Role.CAREGIVER, kit.centre_b)])
    for cmd in (["edit", "--measurement", str(mid), "--weight", "15"], ["delete", "--measurement", str(mid)]):
        code, _o, err = run(capsys, "--db", db, "--user", "carer", "growth", *cmd)
        assert code in (4, 12) and "Traceback" not in err, (cmd, code, err)
    assert _measurement_ids(office_db) == [mid]


@pytest.mark.parametrize("command", [("growth", "list", "--term", "2/2569"), ("dspm", "due", "--month", "11/2569")])
def test_a_page_past_the_last_is_refused(capsys: pytest.CaptureFixture[str], office_db: Database, kit: Kit,
                                         command: tuple[str, ...]) -> None:
    """``--page 999`` past the last page: exit 2 with the pages there are, on stderr."""
    code, out, err = run(capsys, "--db", _db(office_db), *command, "--page", "999")
    assert code == 2 and "มีเพียง 1 หน้า" in err and "999" in err and out == ""
    code, out, err = run(capsys, "--db", _db(office_db), *command, "--page", "1")
    assert code == 0 and err == ""


def test_an_empty_growth_list_is_no_error_on_its_first_page(capsys: pytest.CaptureFixture[str],
                                                             office_db: Database, kit: Kit) -> None:
    code, out, err = run(capsys, "--db", _db(office_db), "growth", "list", "--category", "ผอม", "--term", "2/2569")
    assert code == 0 and "ผอม ภาคเรียน 2/2569: 0 คน" in out and err == ""
