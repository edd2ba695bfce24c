"""A hostile user and an unlucky office against login, the keyring and the recovery key
(issue 9), through the real ``samoe`` command in subprocesses: every refusal is a Thai
message and an exit code, never a traceback (exit 10) and never personal data."""

from __future__ import annotations

import base64
import json
import os
import re
import shutil
import time
from pathlib import Path

import pytest
from actors import TEST_PASSWORD
from fault_files import assert_clean_failure, cli, text

from desktop.store import cipher

RECOVERY = re.compile(r"(?:[0-9A-Z]{5}-){12}[0-9A-Z]{5}")
ENC = {"SAMOE_NO_ENCRYPTION": "0", "SAMOE_PASSWORD": TEST_PASSWORD}
NEW = {**ENC, "SAMOE_NEW_PASSWORD": "another-password-2"}


@pytest.fixture(scope="module")
def office(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """An encrypted office database with demo children, and its recovery key."""
    path = tmp_path_factory.mktemp("hostile") / "office.db"
    proc = cli("--db", path, "init", "--office-name", "เทศบาลตำบลทดสอบ", "--office-code", "6300101", env=ENC)
    assert proc.returncode == 0, text(proc.stderr)
    found = RECOVERY.findall(text(proc.stdout))
    assert len(found) == 1
    proc = cli("--db", path, "demo", "--children", "20", "--seed", "3", env=ENC)
    assert proc.returncode == 0, text(proc.stderr)
    return path, found[0]


def _copy(office: tuple[Path, str], to: Path, *, keyring: bool = True) -> Path:
    path = to / "copy.db"
    shutil.copy(office[0], path)
    if keyring:
        shutil.copy(cipher.keyring_path(office[0]), cipher.keyring_path(path))
    return path


# -- login -----------------------------------------------------------------------------

def test_a_password_or_user_name_that_is_not_utf8_is_refused_not_a_crash(
        office: tuple[Path, str], tmp_path: Path) -> None:
    path = _copy(office, tmp_path)
    not_utf8 = b"\xff\xfepass-word".decode("utf-8", "surrogateescape")
    assert_clean_failure(cli("--db", path, "stats", env={**ENC, "SAMOE_PASSWORD": not_utf8}), code=11)
    proc = cli("--db", path, "--user", b"\xffadmin", "stats", env=ENC)
    assert_clean_failure(proc)
    assert proc.returncode in (2, 11)
    proc = cli("--db", path, "users", "add", "somchai", "--role", "clerk",
               env={**ENC, "SAMOE_NEW_PASSWORD": not_utf8})
    assert_clean_failure(proc)
    assert proc.returncode in (2, 11)


def test_an_unknown_user_costs_the_work_of_a_wrong_password(office: tuple[Path, str], tmp_path: Path) -> None:
    """On an encrypted file the keyring is asked first: an unknown name must cost the same
    Argon2id as a wrong password. (Its message differs on purpose: a name without a wrap
    is told how to get one, services/keys.py no_wrap_message; the keyring names its users
    in clear anyway.)"""
    path = _copy(office, tmp_path)
    assert_clean_failure(cli("--db", path, "stats", env={**ENC, "SAMOE_PASSWORD": "wrong-password"}), code=11)
    assert_clean_failure(cli("--db", path, "--user", "nobody", "stats", env=ENC), code=11,
                         secrets=(TEST_PASSWORD,))
    timings = {}
    for name, password in (("admin", "wrong-password"), ("nobody", TEST_PASSWORD)):
        started = time.perf_counter()
        with pytest.raises(cipher.CipherError):
            cipher.unwrap(path, name, password)
        timings[name] = time.perf_counter() - started
    assert timings["nobody"] > 0.5 * timings["admin"], timings


def test_a_name_that_differs_only_in_case_is_not_a_second_user(office: tuple[Path, str], tmp_path: Path) -> None:
    path = _copy(office, tmp_path)
    assert_clean_failure(cli("--db", path, "users", "add", "Admin", "--role", "clerk", env=NEW),
                         code=2, words=("มีผู้ใช้ชื่อ",))
    proc = cli("--db", path, "users", "add", "สมชาย", "--role", "clerk", "--full-name", "ก" * 300, env=NEW)
    assert proc.returncode == 0, text(proc.stderr)


# -- the keyring -----------------------------------------------------------------------

def _keyring(path: Path) -> dict[str, object]:
    data: dict[str, object] = json.loads(cipher.keyring_path(path).read_text(encoding="utf-8"))
    return data


@pytest.mark.parametrize("edit", ["salt", "time_cost", "memory_kib", "parallelism", "nonce"])
def test_a_keyring_with_impossible_parameters_is_damaged_not_a_crash_nor_a_hang(
        office: tuple[Path, str], tmp_path: Path, edit: str) -> None:
    path = _copy(office, tmp_path)
    ring = _keyring(path)
    wrap = ring["users"][0]  # type: ignore[index]
    kdf = wrap["kdf"]
    if edit == "salt":
        kdf["salt"] = "AAAA"
    elif edit == "nonce":
        wrap["nonce"] = "AAAA"
    else:
        kdf[edit] = {"time_cost": 10**9, "memory_kib": 2**40, "parallelism": 0}[edit]
    cipher.keyring_path(path).write_text(json.dumps(ring), encoding="utf-8")
    proc = cli("--db", path, "stats", env=ENC, timeout=60)
    assert_clean_failure(proc, code=11, words=("เสียหาย",))


def test_a_flipped_byte_in_a_wrap_is_a_refused_login(office: tuple[Path, str], tmp_path: Path) -> None:
    path = _copy(office, tmp_path)
    ring = _keyring(path)
    wrap = ring["users"][0]  # type: ignore[index]
    raw = bytearray(base64.b64decode(wrap["wrapped"]))
    raw[5] ^= 1
    wrap["wrapped"] = base64.b64encode(bytes(raw)).decode()
    cipher.keyring_path(path).write_text(json.dumps(ring), encoding="utf-8")
    assert_clean_failure(cli("--db", path, "stats", env=ENC), code=11)


def test_the_keyring_of_another_database_is_named_as_such(office: tuple[Path, str], tmp_path: Path) -> None:
    path = _copy(office, tmp_path, keyring=False)
    other = tmp_path / "other.db"
    assert cli("--db", other, "init", "--office-name", "อื่น", "--office-code", "6300102", env=ENC).returncode == 0
    shutil.copy(cipher.keyring_path(other), cipher.keyring_path(path))
    assert_clean_failure(cli("--db", path, "stats", env=ENC), code=11, words=("ไฟล์กุญแจ",))


# -- the recovery key ------------------------------------------------------------------

THAI_DIGITS = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")


@pytest.mark.parametrize("typed", ["lower", "spaces", "no dashes", "thai digits", "full width"])
def test_the_recovery_key_typed_as_people_type_it_opens(office: tuple[Path, str], tmp_path: Path,
                                                        typed: str) -> None:
    path = _copy(office, tmp_path, keyring=False)
    key = office[1]
    variant = {"lower": key.lower(), "spaces": key.replace("-", " "), "no dashes": key.replace("-", ""),
               "thai digits": key.translate(THAI_DIGITS),
               "full width": "".join(chr(ord(c) + 0xFEE0) if c != "-" else c for c in key)}[typed]
    proc = cli("--db", path, "stats", env={**ENC, "SAMOE_RECOVERY_KEY": variant})
    assert proc.returncode == 0, text(proc.stderr)
    assert cipher.keyring_path(path).exists()


def test_a_recovery_key_with_one_character_wrong_names_its_group(office: tuple[Path, str], tmp_path: Path) -> None:
    path = _copy(office, tmp_path, keyring=False)
    groups = office[1].split("-")
    body, check = groups[4][:4], groups[4][4]
    groups[4] = next(c + body[1:] for c in "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
                     if c != body[0] and cipher._check_char(4, c + body[1:]) != check) + check
    assert_clean_failure(cli("--db", path, "stats", env={**ENC, "SAMOE_RECOVERY_KEY": "-".join(groups)}),
                         code=11, words=("กลุ่มที่ 5",))
    assert not cipher.keyring_path(path).exists()


def test_the_encrypted_file_and_its_backups_show_no_personal_data(office: tuple[Path, str], tmp_path: Path) -> None:
    path = _copy(office, tmp_path)
    proc = cli("--db", path, "export", "children", tmp_path / "out.csv", env=ENC)
    assert proc.returncode == 0, text(proc.stderr)
    rows = (tmp_path / "out.csv").read_text(encoding="utf-8-sig").splitlines()[1:6]
    secrets = {cell for row in rows for cell in row.split(",") if len(cell) >= 4 and not cell.isascii()}
    secrets |= {cell.replace("-", "") for row in rows for cell in row.split(",")
                if len(cell.replace("-", "")) == 13 and cell.replace("-", "").isdigit()}
    assert secrets
    backup_dir = tmp_path / "usb"
    proc = cli("--db", path, "backup", "create", backup_dir, env=ENC)
    assert proc.returncode == 0, text(proc.stderr)
    files = [p for p in [path, *tmp_path.rglob("*")] if p.is_file() and p.suffix not in (".csv", ".json")
             and not p.name.endswith(".keys")]
    assert len(files) >= 2
    for file in files:
        raw = file.read_bytes()
        for secret in secrets:
            assert secret.encode("utf-8") not in raw, (file.name, "personal data in clear")
    assert os.path.getsize(path) > 0


# -- many at once ----------------------------------------------------------------------

def _wrong_at_once(path: Path, env: dict[str, str], n: int = 8) -> None:
    import subprocess
    import sys

    from fault_files import ROOT

    full = {k: v for k, v in os.environ.items() if k != "SAMOE_DB"}
    full.update({**env, "SAMOE_PASSWORD": "wrong-password"})
    procs = [subprocess.Popen([sys.executable, "-m", "desktop.cli", "--db", str(path), "stats"], cwd=ROOT,
                              env=full, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE) for _ in range(n)]
    for proc in procs:
        _out, err = proc.communicate(timeout=120)
        assert proc.returncode == 11 and b"Traceback" not in err, err[-800:]


def test_wrong_passwords_from_many_processes_at_once_lock_a_plain_databases_account(tmp_path: Path) -> None:
    plain = {"SAMOE_NO_ENCRYPTION": "1", "SAMOE_PASSWORD": TEST_PASSWORD}
    path = tmp_path / "office.db"
    assert cli("--db", path, "init", "--office-name", "ทดสอบ", "--office-code", "6300101", env=plain).returncode == 0
    _wrong_at_once(path, plain)
    assert_clean_failure(cli("--db", path, "stats", env=plain), code=11, words=("ล็อก",))


def test_wrong_passwords_from_many_processes_at_once_lock_an_encrypted_databases_name(
        office: tuple[Path, str], tmp_path: Path) -> None:
    path = _copy(office, tmp_path)
    _wrong_at_once(path, ENC)
    assert_clean_failure(cli("--db", path, "stats", env=ENC), code=11, words=("ล็อก",))


def test_the_wal_of_an_open_encrypted_database_shows_no_personal_data(office: tuple[Path, str],
                                                                       tmp_path: Path) -> None:
    path = _copy(office, tmp_path)
    key = cipher.unwrap(path, "admin", TEST_PASSWORD)
    secret = "ด.ญ.ทดสอบลับเฉพาะ 1234567890123"
    conn = cipher.keyed_connect(path, key)
    try:
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA wal_autocheckpoint=0")
        conn.execute("INSERT INTO setting (key, value) VALUES ('hostile.wal', ?)", (secret,))
        conn.commit()
        wal = Path(f"{path}-wal").read_bytes()
        assert len(wal) > 4096
        assert secret.encode("utf-8") not in wal and b"1234567890123" not in wal
    finally:
        conn.close()


@pytest.mark.parametrize("password", ["abcdefgh\n", "abc\tdefgh", "abcdefgh\r\n", "abc\x00defgh"[:3] + "\x1bdefgh"])
def test_a_new_password_with_a_control_character_is_refused(tmp_path: Path, password: str) -> None:
    """A password taken from a file or script with its newline (or a tab, an escape) could
    never be typed at the login prompt again: refused when set, the old one kept."""
    plain = {"SAMOE_NO_ENCRYPTION": "1", "SAMOE_PASSWORD": TEST_PASSWORD}
    path = tmp_path / "office.db"
    assert cli("--db", path, "init", "--office-name", "ทดสอบ", "--office-code", "6300101", env=plain).returncode == 0
    proc = cli("--db", path, "users", "passwd", "admin", env={**plain, "SAMOE_NEW_PASSWORD": password})
    assert_clean_failure(proc, code=2)
    proc = cli("--db", path, "users", "add", "somchai", "--role", "clerk", env={**plain, "SAMOE_NEW_PASSWORD": password})
    assert_clean_failure(proc, code=2)
    assert cli("--db", path, "stats", env=plain).returncode == 0  # the old password still works
