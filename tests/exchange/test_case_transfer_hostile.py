"""The receiving office attacked with transfer files someone else made (issue 13): cut
short, a byte changed in the signature, the payload or a member's name, for another
office, signed by a municipality or by a province this office does not trust, a receipt
or a bundle under the transfer file's name (and the other way round at the province), a
member claiming a huge size, a child's row with hostile text, a history row whose parent
is not in the file, dates far ahead, choices that name nothing, a wrong password, a
database that cannot be written, no file or a folder. Each: a Thai message saying what
is wrong and what to do, a non-zero exit code, no traceback, and nothing written (the
rows of oos_case, child and audit_log counted before and after)."""

from __future__ import annotations

import struct
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from cli_run import run
from office_kit import TOWN_B, Site, make_site, snapshot
from sqlalchemy import text
from transfer_kit import Tables, Transfer, add_namesake, make_transfer, reseal

from desktop.domain.roles import Action
from desktop.exchange import archive

THAI = range(0x0E00, 0x0E80)


@pytest.fixture
def moved(tmp_path: Path, cheap_wraps: None) -> Iterator[Transfer]:
    t = make_transfer(tmp_path / "sites")
    for site in (t.a, t.b, t.p):
        site.db.dispose()  # the commands open the files themselves
    yield t
    t.close()


@pytest.fixture
def sent(moved: Transfer, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """B's transfer file, written by the province's command."""
    out = tmp_path / "b.samoe-transfer"
    code, _out, err = run(capsys, "--db", str(moved.p.path), "exchange", "transfers", "--for", TOWN_B[0],
                          "--out", str(out))
    assert code == 0, err
    return out


def counts(site: Site) -> tuple[int, ...]:
    """The rows of oos_case, child and audit_log (a command's sign-in, and a wrong
    password's, are audited: not the file's work)."""
    with site.db.reader() as s:
        got = tuple(s.execute(text(f"SELECT count(*) FROM {name}")).scalar_one()  # noqa: S608
                    for name in ("oos_case", "child", "audit_log WHERE action NOT IN ('login', 'login_failed')"))
    site.db.dispose()
    return got


def refused(capsys: pytest.CaptureFixture[str], site: Site, file: Path, *args: str, code: int = 1,
            says: str = "") -> str:
    """``samoe exchange import FILE ARGS`` at ``site``: refused with a Thai message, exit
    ``code``, nothing written. Its message."""
    before = counts(site)
    got, out, err = run(capsys, "--db", str(site.path), "exchange", "import", str(file), *args)
    assert "Traceback" not in out + err, err
    assert got == code, (got, out, err)
    assert any(ord(ch) in THAI for ch in err), err
    assert says in err, err
    assert counts(site) == before
    return err


def members(data: bytes) -> list[tuple[str, bytes]]:
    return [(m.name, m.data) for m in archive.read(data)]


# ---- the file's bytes


@pytest.mark.parametrize("cut", [0, 1, 3, 4, 30, 100, -200, -46, -22, -1])
def test_a_file_cut_short_anywhere(moved: Transfer, sent: Path, tmp_path: Path, cut: int,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    data = sent.read_bytes()
    short = tmp_path / "short.samoe-transfer"
    short.write_bytes(data[:cut])
    refused(capsys, moved.b, short, says="[archive.damaged]")  # a copy cut short, not "edited"


def _flip(data: bytes, at: int) -> bytes:
    return data[:at] + bytes([data[at] ^ 0x01]) + data[at + 1:]


def test_one_byte_changed(moved: Transfer, sent: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = sent.read_bytes()
    parts = members(data)
    bad = tmp_path / "bad.samoe-transfer"
    for name, _body in parts:
        # the raw byte in the file (its CRC no longer matches), and the archive rebuilt
        # around the changed member (a right CRC: the signature or the hash says it)
        at = data.index(_body) + len(_body) // 2
        bad.write_bytes(_flip(data, at))
        refused(capsys, moved.b, bad, says="[archive.damaged]")
        k = next(i for i, (n, _b) in enumerate(parts) if n == name)
        body = parts[k][1]
        rebuilt = archive.build([*parts[:k], (name, _flip(body, len(body) // 2)), *parts[k + 1:]])
        bad.write_bytes(rebuilt)
        refused(capsys, moved.b, bad)
    for name, _body in parts:  # a member's name: in the local header, then in the directory
        for at in (data.index(name.encode()), data.rindex(name.encode())):
            bad.write_bytes(_flip(data, at + len(name) - 1))
            refused(capsys, moved.b, bad)


def test_a_member_claiming_a_huge_size(moved: Transfer, sent: Path, tmp_path: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    data = bytearray(sent.read_bytes())
    start = data.rindex(b"PK\x01\x02")  # the last member's directory entry: its sizes say 4 GB
    struct.pack_into("<II", data, start + 20, 0xFFFFFFF0, 0xFFFFFFF0)
    bomb = tmp_path / "bomb.samoe-transfer"
    bomb.write_bytes(bytes(data))
    refused(capsys, moved.b, bomb)
    huge = tmp_path / "huge.samoe-transfer"  # 600 MB claimed by a sparse file: refused unread
    with open(huge, "wb") as f:
        f.write(bytes(sent.read_bytes()[:64]))
        f.truncate(600 * 1024 * 1024)
    refused(capsys, moved.b, huge, says="[archive.too_large]")


# ---- who it is from and for


def test_for_another_office_or_from_an_untrusted_signer(moved: Transfer, sent: Path, tmp_path: Path,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    t = moved
    refused(capsys, t.a, sent, says="[recipient.other_office]")
    data = sent.read_bytes()

    def to_a(tables: Tables) -> None:
        for row in tables["oos_transfer"]:
            row["to_office"] = "6300101"

    refused(capsys, t.b, reseal(t, data, tmp_path / "to-a.samoe-transfer", to_a), says="[transfer.other_office]")
    other = make_site(tmp_path / "p2.db", "1400000", "สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดอื่น", "province")
    town = make_site(tmp_path / "c.db", "6300303", "เทศบาลตำบลทดสอบ", "municipality")
    try:
        for signer, action in ((other, Action.MERGE), (town, Action.EXPORT_APPROVE)):
            forged = reseal(t, data, tmp_path / "forged.samoe-transfer", lambda _t: None, signer=signer,
                            action=action)
            refused(capsys, t.b, forged, says="[key.unknown]")
    finally:
        other.db.dispose()
        town.db.dispose()


def test_the_same_file_twice_and_two_files_with_one_case(moved: Transfer, sent: Path, tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    t = moved
    code, out, err = run(capsys, "--db", str(t.b.path), "exchange", "import", str(sent))
    assert code == 0, err
    before = counts(t.b)
    rows = snapshot(t.b.db)
    t.b.db.dispose()
    second = tmp_path / "again.samoe-transfer"
    code, _out, err = run(capsys, "--db", str(t.p.path), "exchange", "transfers", "--for", TOWN_B[0],
                          "--out", str(second))
    assert code == 0, err
    for file in (sent, second):
        code, out, err = run(capsys, "--db", str(t.b.path), "exchange", "import", str(file))
        assert code == 0 and "ไว้แล้ว ไม่มีอะไรเปลี่ยน" in out, err
    assert counts(t.b) == before

    def kept(r: tuple[object, ...]) -> bool:  # (a command's sign-in changes the user, the audit's head)
        return str(r[0]).startswith(("oos_", "child", "office"))

    assert [r for r in snapshot(t.b.db) if kept(r)] == [r for r in rows if kept(r)]


# ---- another kind of file under the name


def test_a_receipt_or_bundle_named_as_a_transfer_and_back(moved: Transfer, sent: Path, tmp_path: Path,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    t = moved
    bundle = tmp_path / "sites" / "a1.samoe"  # A's bundle, imported at the province already
    named = tmp_path / "a1.samoe-transfer"
    named.write_bytes(bundle.read_bytes())
    # a municipality's bundle at a municipality: not permitted to merge (exit 12, as
    # tests/unit/test_cli_exchange.py decides), and what a municipality takes, and what to do
    refused(capsys, t.b, named, code=12, says="ไม่มีสิทธิ์รวมข้อมูล")
    refused(capsys, t.b, bundle, code=12, says="นำเข้าได้ที่สำนักงานจังหวัดเท่านั้น")
    receipt = tmp_path / "a1.samoe-receipt"
    code, _out, err = run(capsys, "--db", str(t.p.path), "exchange", "receipt", "--for", str(bundle),
                          "--out", str(receipt))
    assert code == 0, err
    named.write_bytes(receipt.read_bytes())  # A's receipt at B
    refused(capsys, t.b, named)
    refused(capsys, t.b, named, "--dry-run", code=2)
    as_bundle = tmp_path / "b.samoe"  # the transfer file at the province, under a bundle's name
    as_bundle.write_bytes(sent.read_bytes())
    refused(capsys, t.p, as_bundle)
    before = counts(t.p)
    code, out, err = run(capsys, "--db", str(t.p.path), "exchange", "verify", str(as_bundle))
    assert code == 1 and "Traceback" not in err and any(ord(ch) in THAI for ch in err), (out, err)
    assert counts(t.p) == before


# ---- hostile rows, signed by the province


@pytest.mark.parametrize(("field", "value", "code"), [
    ("first_name", "ก" * 10_000, "payload.schema"),  # longer than the column
    ("first_name", "สม\x00ชาย", "payload.schema"),
    ("first_name", "สม\x1b[2Jชาย", "transfer.bad_text"),  # a terminal's escape: the screen cleared
    ("last_name", "ใจดี\r\nคนใหม่", "transfer.bad_text"),
    ("first_name", "\u202eยาชมส", "transfer.bad_text"),  # shown reversed
    ("last_name", "\u2066ใจดี\u2069", "transfer.bad_text"),
])
def test_a_child_with_hostile_text(moved: Transfer, sent: Path, tmp_path: Path, field: str, value: str, code: str,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    def hostile(tables: Tables) -> None:
        tables["child"][0][field] = value

    file = reseal(moved, sent.read_bytes(), tmp_path / "hostile.samoe-transfer", hostile)
    for args in (["--dry-run"], []):
        err = refused(capsys, moved.b, file, *args, says=f"[{code}]")
        assert "\x1b" not in err and "\u202e" not in err


def test_the_sending_office_with_hostile_text(moved: Transfer, sent: Path, tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    def hostile(tables: Tables) -> None:
        tables["transfer"][0]["from_name"] = "\x1b]0;pwned\x07เทศบาล"

    file = reseal(moved, sent.read_bytes(), tmp_path / "hostile.samoe-transfer", hostile)
    refused(capsys, moved.b, file, says="[transfer.bad_text]")


def test_a_note_may_break_lines_and_a_due_date_be_ahead(moved: Transfer, sent: Path, tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    def fine(tables: Tables) -> None:
        tables["oos_follow_up"][0]["note"] = "ไปเรียน กศน.\nทุกสัปดาห์\tวันเสาร์"
        tables["oos_plan_action"][0]["due"] = "2031-03-31"
        tables["oos_follow_up"][0]["next_on"] = "2031-03-31"

    file = reseal(moved, sent.read_bytes(), tmp_path / "fine.samoe-transfer", fine)
    code, out, err = run(capsys, "--db", str(moved.b.path), "exchange", "import", str(file))
    assert code == 0 and "รับโอนจาก" in out, err


@pytest.mark.parametrize("table", ["oos_case_status", "oos_plan_goal", "oos_assessment_area", "oos_plan_action",
                                   "oos_follow_up"])
def test_a_history_row_whose_parent_is_not_in_the_file(moved: Transfer, sent: Path, tmp_path: Path, table: str,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    from desktop.exchange.transfer_file import TREE

    ref, parent = TREE[table]

    def orphan(tables: Tables) -> None:
        if not tables.get(table):
            pytest.skip(f"no {table} in the file")
        tables[table][0][ref] = "00000000-0000-4000-8000-000000000000"

    file = reseal(moved, sent.read_bytes(), tmp_path / "orphan.samoe-transfer", orphan)
    refused(capsys, moved.b, file, says="[transfer.incomplete]")
    del parent


@pytest.mark.parametrize(("table", "field"), [("oos_transfer", "transferred_on"), ("child", "birth_date"),
                                              ("oos_case", "opened_on"), ("oos_case_status", "changed_on"),
                                              ("oos_follow_up", "visited_on"), ("oos_trace_visit", "visited_on")])
def test_a_date_far_ahead(moved: Transfer, sent: Path, tmp_path: Path, table: str, field: str,
                          capsys: pytest.CaptureFixture[str]) -> None:
    def ahead(tables: Tables) -> None:
        tables[table][0][field] = "2999-12-31"

    file = reseal(moved, sent.read_bytes(), tmp_path / "ahead.samoe-transfer", ahead)
    refused(capsys, moved.b, file, "--dry-run", says="[transfer.future_date]")
    refused(capsys, moved.b, file, says="[transfer.future_date]")


# ---- the clerk's choices


@pytest.mark.parametrize("args", [["--child", "1=99"], ["--child", "x=1"], ["--new-child", "99"],
                                  ["--child", "1=1", "--new-child", "1"], ["--child", "0=1"],
                                  ["--child", "=1"], ["--child", "1="], ["--new-child", ""],
                                  ["--child", "1=-1"], ["--child", "1=1", "--child", "1=2"]])
def test_choices_that_name_nothing(moved: Transfer, sent: Path, args: list[str],
                                   capsys: pytest.CaptureFixture[str]) -> None:
    add_namesake(moved, house="12")
    moved.b.db.dispose()
    refused(capsys, moved.b, sent, *args, code=2)


# ---- the office's side


def test_a_wrong_password(moved: Transfer, sent: Path, capsys: pytest.CaptureFixture[str],
                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SAMOE_PASSWORD", "not-the-password")
    refused(capsys, moved.b, sent, code=11)
    refused(capsys, moved.b, sent, "--dry-run", code=11)
    monkeypatch.undo()
    from transfer_kit import as_admin

    from desktop.services.case_transfer_receive import receive_transfer
    from desktop.services.exchange_keys import OfficeKeyError

    before = counts(moved.b)
    as_admin(moved.b)  # signed in, then the keys' password wrong (the window asks it again)
    with moved.b.db.session() as s, pytest.raises(OfficeKeyError) as caught:
        receive_transfer(s, sent, password="not-the-password")
    assert caught.value.code == "keys.password" and any(ord(ch) in THAI for ch in caught.value.message)
    moved.b.db.dispose()
    assert counts(moved.b) == before


def test_no_file_or_a_folder(moved: Transfer, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    refused(capsys, moved.b, tmp_path / "none.samoe-transfer", code=2)
    folder = tmp_path / "folder.samoe-transfer"
    folder.mkdir()
    refused(capsys, moved.b, folder, code=2)
    refused(capsys, moved.b, folder, "--dry-run", code=2)


def test_a_database_that_cannot_be_written(moved: Transfer, sent: Path, capsys: pytest.CaptureFixture[str],
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    import sqlite3

    real = sqlite3.dbapi2.connect

    def read_only(database: Any, *a: Any, **kw: Any) -> sqlite3.Connection:
        if str(database) == str(moved.b.path):  # as a file the system lets this user read only
            kw["uri"] = True
            return real(f"{moved.b.path.as_uri()}?mode=ro", *a, **kw)
        return real(database, *a, **kw)

    before = counts(moved.b)
    monkeypatch.setattr(sqlite3.dbapi2, "connect", read_only)
    code, out, err = run(capsys, "--db", str(moved.b.path), "exchange", "import", str(sent))
    monkeypatch.undo()
    assert "Traceback" not in err and code != 0 and any(ord(ch) in THAI for ch in err), (code, out, err)
    assert counts(moved.b) == before



# ---- killed while writing

SLOW_TAKE = """
import os, sys, time
from desktop.services import case_transfer_receive as receive

real = receive.record


def record(session, *args, **kwargs):  # the case's rows are written, not committed: stop here
    got = real(session, *args, **kwargs)
    session.flush()
    open(os.environ["MARK"], "w").close()
    time.sleep(120)
    return got


receive.record = record
from desktop.cli import main

sys.exit(main(sys.argv[1:]))
"""


def test_killed_while_taking_the_file(moved: Transfer, sent: Path, tmp_path: Path,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    import os
    import signal
    import subprocess
    import sys
    import time

    root = Path(__file__).resolve().parents[2]
    script = tmp_path / "slow_take.py"
    script.write_text(SLOW_TAKE, encoding="utf-8")
    mark = tmp_path / "writing"
    before = counts(moved.b)
    env = {**os.environ, "PYTHONPATH": str(root), "MARK": str(mark)}
    proc = subprocess.Popen([sys.executable, str(script), "--db", str(moved.b.path), "exchange", "import", str(sent)],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 120
        while not mark.exists():
            assert proc.poll() is None, proc.communicate()
            assert time.monotonic() < deadline
            time.sleep(0.05)
        proc.send_signal(signal.SIGKILL)  # mid-write: the rows flushed, the transaction open
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == -signal.SIGKILL
    with moved.b.db.reader() as s:  # the database opens, whole, and holds none of it
        assert s.execute(text("PRAGMA integrity_check")).scalar_one() == "ok"
        assert s.execute(text("SELECT count(*) FROM oos_transfer")).scalar_one() == 0
    moved.b.db.dispose()
    assert counts(moved.b) == before
    code, out, err = run(capsys, "--db", str(moved.b.path), "exchange", "import", str(sent))  # then all of it
    assert code == 0 and "รับโอนจาก" in out, err
    assert counts(moved.b)[:2] == (before[0] + 2, before[1] + 1)  # the sender's case and the new one; the child


# ---- one file, one child twice


def test_the_same_transfer_twice_in_one_file(moved: Transfer, sent: Path, tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    def twice(tables: Tables) -> None:
        tables["transfer"].append(dict(tables["transfer"][0]))

    file = reseal(moved, sent.read_bytes(), tmp_path / "twice.samoe-transfer", twice)
    refused(capsys, moved.b, file, "--dry-run", says="[transfer.duplicate]")
    refused(capsys, moved.b, file, says="[transfer.duplicate]")


def test_two_cases_of_one_child_in_one_file(moved: Transfer, sent: Path, tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    """Two municipalities each transfer a case of the child with one national ID (the
    registry's duplicates the province reconciles): one child here, its one open case."""
    import copy
    import uuid

    def two(tables: Tables) -> None:
        new = {}
        for rows in tables.values():
            for row in rows:
                if "uuid" in row:
                    new[row["uuid"]] = str(uuid.uuid4())
        for table, rows in list(tables.items()):
            more = []
            for row in rows:
                other = copy.deepcopy(row)
                for key, value in other.items():
                    if isinstance(value, str) and value in new:
                        other[key] = new[value]
                if table == "transfer":
                    other["from_office"], other["from_name"] = "6300303", "เทศบาลตำบลทดสอบ"
                more.append(other)
            rows.extend(more)

    file = reseal(moved, sent.read_bytes(), tmp_path / "two.samoe-transfer", two)
    code, out, err = run(capsys, "--db", str(moved.b.path), "exchange", "import", str(file))
    assert code == 0, err
    with moved.b.db.reader() as s:
        ids = s.execute(text("SELECT national_id FROM child WHERE deleted_at IS NULL")).scalars().all()
        mine = s.execute(text("SELECT count(*) FROM oos_case WHERE source = 'transfer'")).scalar_one()
    moved.b.db.dispose()
    assert len(ids) == len(set(ids)) == 1, ids  # one child, not two with one national ID
    assert mine == 1, out


def test_a_file_from_this_office_itself(moved: Transfer, sent: Path, tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    def own(tables: Tables) -> None:
        tables["transfer"][0]["from_office"] = TOWN_B[0]

    file = reseal(moved, sent.read_bytes(), tmp_path / "own.samoe-transfer", own)
    refused(capsys, moved.b, file, "--dry-run", says="[transfer.own_office]")
    refused(capsys, moved.b, file, says="[transfer.own_office]")


def test_a_file_whose_case_is_one_of_this_offices_own(moved: Transfer, sent: Path, tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    """A second file names, as the sender's case, the case this office opened for the
    first: this office's own case is not the sender's to change."""
    import uuid

    code, out, err = run(capsys, "--db", str(moved.b.path), "exchange", "import", str(sent))
    assert code == 0, err
    with moved.b.db.reader() as s:
        mine = s.execute(text("SELECT uuid FROM oos_case WHERE source = 'transfer'")).scalar_one()
    moved.b.db.dispose()
    before = snapshot(moved.b.db)
    moved.b.db.dispose()

    def hijack(tables: Tables) -> None:
        new = str(uuid.uuid4())
        tables["transfer"][0]["transfer"] = new
        tables["oos_transfer"][0]["uuid"] = new
        old = tables["oos_case"][0]["uuid"]
        for rows in tables.values():
            for row in rows:
                for key, value in list(row.items()):
                    if value == old:
                        row[key] = mine
        tables["oos_case"][0]["note"] = "แก้โดยไฟล์ปลอม"
        tables["oos_case"][0]["version"] = 99

    file = reseal(moved, sent.read_bytes(), tmp_path / "hijack.samoe-transfer", hijack)
    refused(capsys, moved.b, file, "--dry-run", says="[transfer.not_senders]")
    refused(capsys, moved.b, file, says="[transfer.not_senders]")
    assert [r for r in snapshot(moved.b.db) if str(r[0]).startswith("oos_")] == \
        [r for r in before if str(r[0]).startswith("oos_")]
    moved.b.db.dispose()
