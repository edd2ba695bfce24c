"""``samoe keys``: set-up makes the office's keys; the card and its page are written; the
province and a municipality enrol each other's cards; a rotation is accepted, a
revocation recorded; hostile card files and arguments end in Thai with their exit codes;
only an administrator manages keys; an encrypted database keeps the secret inside it; a
database made before keys existed makes them on first need."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from actors import TEST_PASSWORD
from cli_run import run

FIXTURES = Path(__file__).resolve().parents[1] / "migrations" / "fixtures"
TOWN = ("--office-name", "เทศบาลตำบลบ้านใหม่", "--office-code", "6300101", "--province", "นครราชสีมา")
PROVINCE = ("--office-name", "สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดนครราชสีมา", "--office-code", "1300000",
            "--role", "province")


@pytest.fixture(autouse=True)
def _new_users_password(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SAMOE_NEW_PASSWORD", TEST_PASSWORD)  # samoe users add


@pytest.fixture
def offices(tmp_path: Path, capsys: pytest.CaptureFixture[str], cheap_wraps: None) -> tuple[str, str]:
    town, province = str(tmp_path / "town.db"), str(tmp_path / "province.db")
    for path, office in ((town, TOWN), (province, PROVINCE)):
        code, out, err = run(capsys, "--db", path, "init", *office)
        assert code == 0, err
        assert "สร้างกุญแจของหน่วยงานแล้ว" in out
    return town, province


def _card(capsys: pytest.CaptureFixture[str], db: str, out: Path, *more: str) -> dict[str, str]:
    code, printed, err = run(capsys, "--db", db, "keys", "card", "--out", str(out), *more)
    assert code == 0, err
    card: dict[str, str] = json.loads(out.read_bytes())
    assert card["key_id"] in printed and "เลขลายนิ้วมือ" in printed
    return card


def test_set_up_makes_the_keys_and_the_two_offices_trust_each_other(
        offices: tuple[str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    town, province = offices
    town_card = _card(capsys, town, tmp_path / "town.json", "--pdf", str(tmp_path / "town.pdf"))
    assert (tmp_path / "town.pdf").read_bytes().startswith(b"%PDF")
    province_card = _card(capsys, province, tmp_path / "province.json")
    code, out, err = run(capsys, "--db", province, "keys", "trust", str(tmp_path / "town.json"))
    assert code == 0, err
    assert "เทศบาลตำบลบ้านใหม่" in out and town_card["key_id"] in out
    from desktop.exchange.identity import fingerprint

    spoken = fingerprint(bytes.fromhex(province_card["sign_public"]), bytes.fromhex(province_card["box_public"]))
    thai_digits = spoken.translate(str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙"))
    code, out, err = run(capsys, "--db", town, "keys", "trust", str(tmp_path / "province.json"),
                         "--fingerprint", thai_digits)  # read aloud, typed in Thai digits
    assert code == 0, err
    code, out, err = run(capsys, "--db", town, "keys", "list")
    assert code == 0 and province_card["key_id"] in out and town_card["key_id"] in out
    assert "มอบให้ผู้ใช้ 1 คน" in out  # a plain database: sealed to the administrator


def test_a_rotation_is_accepted_and_a_revocation_recorded(
        offices: tuple[str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    town, province = offices
    first = _card(capsys, town, tmp_path / "town.json")
    assert run(capsys, "--db", province, "keys", "trust", str(tmp_path / "town.json"))[0] == 0
    code, out, err = run(capsys, "--db", town, "keys", "rotate", "--out", str(tmp_path / "town2.json"))
    assert code == 0, err
    second = json.loads((tmp_path / "town2.json").read_bytes())
    assert second["replaces"] == first["key_id"] and "rotation_signature" in second
    code, out, err = run(capsys, "--db", province, "keys", "trust", str(tmp_path / "town2.json"))
    assert code == 0, err
    assert f"แทนกุญแจเดิม {first['key_id']}" in out
    code, out, err = run(capsys, "--db", province, "keys", "revoke", second["key_id"][:8], "--from",
                         "2026-12-01T08:00", "--reason", "เครื่องหาย")
    assert code == 0, err
    assert "2026-12-01 08:00 UTC" in out
    code, out, err = run(capsys, "--db", province, "keys", "revoke", second["key_id"])
    assert code == 1 and "ถูกเพิกถอนไปแล้ว" in err
    code, out, _ = run(capsys, "--db", province, "audit", "log")
    assert "ลงทะเบียนบัตรกุญแจที่เชื่อถือ" in out and "เพิกถอนกุญแจที่เชื่อถือ" in out


def _hostile(tmp_path: Path, town: Path) -> dict[str, tuple[Path, int, str]]:
    card = json.loads(town.read_bytes())
    files: dict[str, tuple[Path, int, str]] = {}

    def put(name: str, data: bytes, code: int, says: str) -> None:
        path = tmp_path / name
        path.write_bytes(data)
        files[name] = (path, code, says)

    tampered = dict(card, office_name="เทศบาลปลอม")
    put("tampered.json", json.dumps(tampered, ensure_ascii=False).encode(), 1, "ลายมือชื่อของบัตรกุญแจไม่ถูกต้อง")
    put("wrong-id.json", json.dumps(dict(card, key_id="ab" * 16)).encode(), 1, "รหัสกุญแจในบัตรไม่ตรง")
    put("garbage.bin", bytes(range(256)) * 64, 1, "ไม่ใช่ข้อความ UTF-8")
    put("utf16.json", town.read_text(encoding="utf-8").encode("utf-16"), 1, "ไม่ใช่ข้อความ UTF-8")
    put("huge.json", b" " * (4 * 1024 * 1024) + town.read_bytes(), 1, "ใหญ่เกินกว่าจะเป็นบัตรกุญแจ")
    put("empty.json", b"", 1, "ไม่ใช่บัตรกุญแจ")
    files["missing.json"] = (tmp_path / "no-such" / "card.json", 2, "อ่านหรือเขียนไฟล์ไม่ได้")
    files["folder"] = (tmp_path, 1, "อ่านหรือเขียนไฟล์ไม่ได้")
    return files


def test_hostile_card_files_are_refused_in_thai(
        offices: tuple[str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    town, province = offices
    _card(capsys, town, tmp_path / "town.json")
    before = sqlite3.connect(province).execute("SELECT count(*) FROM trusted_key").fetchone()
    for name, (path, expected, says) in _hostile(tmp_path, tmp_path / "town.json").items():
        code, out, err = run(capsys, "--db", province, "keys", "trust", str(path))
        assert code != 0 and says in err, (name, code, err)
        assert code == expected or name in ("missing.json", "folder"), (name, code)
        assert "Traceback" not in err
    assert sqlite3.connect(province).execute("SELECT count(*) FROM trusted_key").fetchone() == before
    code, _out, err = run(capsys, "--db", town, "keys", "trust", str(tmp_path / "town.json"))
    assert code == 1 and "เป็นของหน่วยงานนี้เอง" in err


def test_bad_arguments_exit_2_in_thai(offices: tuple[str, str], capsys: pytest.CaptureFixture[str]) -> None:
    town, _ = offices
    for args in (("keys", "revoke", "abcdef12", "--from", "พรุ่งนี้"), ("keys", "revoke", "abcdef12", "--from", "2569-01-01"),
                 ("keys", "card"), ("keys",), ("keys", "nonsense")):
        with pytest.raises(SystemExit) as exited:
            run(capsys, "--db", town, *args)
        assert exited.value.code == 2
        assert any("\u0e00" <= c <= "\u0e7f" for c in capsys.readouterr().err)
    code, _out, err = run(capsys, "--db", town, "keys", "revoke", "ไม่ใช่รหัส")
    assert code == 1 and "เลขฐานสิบหก" in err
    folder = Path(town).parent
    for out, pdf, says in ((folder / "nope" / "c.json", None, "ไม่พบโฟลเดอร์"), (folder, None, "ไม่ใช่ไฟล์ธรรมดา"),
                           (folder / "c.json", folder / "c.json", "คนละไฟล์")):
        more = ("--pdf", str(pdf)) if pdf is not None else ()
        for command in ("card", "rotate"):
            code, _out, err = run(capsys, "--db", town, "keys", command, "--out", str(out), *more)
            assert code == 2 and says in err, (command, out, err)
    code, out_text, _err = run(capsys, "--db", town, "keys", "list")
    assert "เลิกใช้" not in out_text  # no rotation went ahead of a refused output


def test_only_an_administrator_manages_keys(offices: tuple[str, str], tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    town, province = offices
    _card(capsys, province, tmp_path / "province.json")
    for name, role in (("clerk1", "clerk"), ("director", "certifier")):
        code, _out, err = run(capsys, "--db", town, "users", "add", name, "--role", role)
        assert code == 0, err
    for user in ("clerk1", "director"):
        for args in (("keys", "trust", str(tmp_path / "province.json")),
                     ("keys", "card", "--out", str(tmp_path / f"{user}.json")), ("keys", "rotate", "--out",
                                                                                 str(tmp_path / "x.json"))):
            code, _out, err = run(capsys, "--db", town, "--user", user, *args)
            assert code == 12 and user in err, (user, args, err)
    assert not (tmp_path / "clerk1.json").exists()
    code, out, err = run(capsys, "--db", town, "--user", "director", "keys", "list")
    assert code == 0 and "กุญแจของหน่วยงานนี้" not in out  # the trust list only
    code, _out, err = run(capsys, "--db", town, "--user", "clerk1", "keys", "list")
    assert code == 12


def test_a_second_administrator_gets_the_keys_by_share(offices: tuple[str, str], tmp_path: Path,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    town, _ = offices
    assert run(capsys, "--db", town, "users", "add", "admin2", "--role", "administrator")[0] == 0
    code, _out, err = run(capsys, "--db", town, "--user", "admin2", "keys", "rotate", "--out", str(tmp_path / "r.json"))
    assert code == 12 and "samoe keys share" in err and "บันทึกคำขอแล้ว" in err
    code, out, err = run(capsys, "--db", town, "keys", "share")
    assert code == 0 and "admin2" in out, err
    code, _out, err = run(capsys, "--db", town, "--user", "admin2", "keys", "rotate", "--out", str(tmp_path / "r.json"))
    assert code == 0, err


def test_a_wrong_password_for_the_keys_exits_11(offices: tuple[str, str], tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str],
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    from desktop import cli_exchange_keys

    town, _ = offices
    monkeypatch.setattr(cli_exchange_keys, "keys_password", lambda args, db: "not-the-password")
    code, _out, err = run(capsys, "--db", town, "keys", "rotate", "--out", str(tmp_path / "r.json"))
    assert code == 11 and "รหัสผ่าน" in err
    assert not (tmp_path / "r.json").exists()


def test_an_older_database_makes_its_keys_on_first_need(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                        cheap_wraps: None) -> None:
    path = tmp_path / "office.db"
    shutil.copyfile(FIXTURES / "samoe-0010.db", path)
    code, _out, err = run(capsys, "--db", str(path), "users", "add", "admin", "--role", "administrator")
    assert code == 0, err
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT count(*) FROM office_key").fetchone() == (0,)
    conn.close()
    card = _card(capsys, str(path), tmp_path / "card.json")
    assert card["office_code"] == "6300101"
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT count(*), max(secret IS NULL) FROM office_key").fetchone() == (1, 1)
    conn.close()


@pytest.mark.usefixtures("encrypting")
def test_an_encrypted_database_keeps_the_secret_inside(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from desktop.store import cipher

    path = tmp_path / "town.db"
    code, out, err = run(capsys, "--db", str(path), "init", *TOWN)
    assert code == 0, err
    assert cipher.is_encrypted(path)
    card = _card(capsys, str(path), tmp_path / "card.json", "--pdf", str(tmp_path / "card.pdf"))
    code, _out, err = run(capsys, "--db", str(path), "keys", "rotate", "--out", str(tmp_path / "r.json"))
    assert code == 0, err
    from desktop.services.keys import unlock
    from desktop.store.db import Database

    key = unlock(path, "admin", TEST_PASSWORD)
    assert key is not None
    db = Database.open(path)
    try:
        with db.reader() as s:
            raw = s.connection().exec_driver_sql(
                "SELECT key_id, secret IS NOT NULL FROM office_key ORDER BY id").all()
            holders = s.connection().exec_driver_sql("SELECT count(*) FROM office_key_seal").scalar()
    finally:
        db.dispose()
    assert [tuple(r) for r in raw][0] == (card["key_id"], 1) and len(raw) == 2 and all(r[1] for r in raw)
    assert holders == 0  # the encrypted file is the protection: nothing sealed


def test_damaged_keys_exit_5(offices: tuple[str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    town, _ = offices
    conn = sqlite3.connect(town)
    conn.execute("UPDATE office_key SET box_public = ?", (b"\x01" * 32,))
    conn.commit()
    conn.close()
    code, _out, err = run(capsys, "--db", town, "keys", "rotate", "--out", str(tmp_path / "r.json"))
    assert code == 5 and "เสียหาย" in err


def test_nothing_to_share_an_empty_list_and_english(offices: tuple[str, str], tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    town, _ = offices
    code, out, err = run(capsys, "--db", town, "keys", "share")
    assert code == 0 and "ไม่มีผู้ใช้ที่รอรับกุญแจ" in out, err
    code, out, _err = run(capsys, "--db", town, "keys", "list")
    assert code == 0 and "ยังไม่มีบัตรกุญแจที่เชื่อถือ" in out
    (tmp_path / "bad.json").write_bytes(b"\xff\xfe")
    try:
        code, _out, err = run(capsys, "--lang", "en", "--db", town, "keys", "trust", str(tmp_path / "bad.json"))
    finally:
        from desktop.i18n import set_language

        set_language("th")
    assert code == 1 and "This file is not a key card (not UTF-8 text)" in err
