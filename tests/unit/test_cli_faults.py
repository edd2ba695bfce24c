"""Faults around the database and the files a command writes, in real processes: an
unreachable or silent PostgreSQL server, a missing driver, a full disk, a missing output
folder, a device as output, non-UTF-8 arguments, an absurd year, argparse's own errors.
Each ends in a Thai message and a non-zero exit, never a traceback."""

from __future__ import annotations

import os
import shutil
import socket
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
from fault_files import (
    assert_clean_failure,
    can_unshare_mounts,
    cli,
    make_csv,
    make_demo,
    text,
)

EXIT_UNREACHABLE, EXIT_DISK_FULL = 8, 9


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_demo(tmp_path_factory.mktemp("clifaults") / "source.db")


@pytest.fixture
def office(demo_file: Path, tmp_path: Path) -> Path:
    target = tmp_path / "office.db"
    shutil.copyfile(demo_file, target)
    return target


# --- PostgreSQL that cannot be reached ----------------------------------------------------

def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_a_refused_port_is_explained_quickly_without_the_password() -> None:
    url = f"postgresql+psycopg://clerk:S3cretPw@127.0.0.1:{_free_port()}/samoe"
    started = time.monotonic()
    proc = cli("--db", url, "stats", timeout=60)
    assert time.monotonic() - started < 30
    assert_clean_failure(proc, code=EXIT_UNREACHABLE, words=("เชื่อมต่อ",), secrets=("S3cretPw",))


def test_a_silent_port_gives_up_after_the_connect_timeout() -> None:
    """A server that accepts the connection and never answers (a firewall, a hung host):
    libpq alone waits minutes."""
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen(8)  # the kernel completes the handshake; nobody ever speaks
        port = silent.getsockname()[1]
        started = time.monotonic()
        proc = cli("--db", f"postgresql+psycopg://clerk@127.0.0.1:{port}/samoe", "stats",
                   env={"SAMOE_CONNECT_TIMEOUT": "2"}, timeout=60)
        elapsed = time.monotonic() - started
    assert elapsed < 20, elapsed
    assert_clean_failure(proc, code=EXIT_UNREACHABLE, words=("เชื่อมต่อ",))


@pytest.mark.parametrize("url", ["postgresql+pg8000://clerk@127.0.0.1/samoe",
                                 "mssql+pymssql://clerk@127.0.0.1/samoe",
                                 "nosuchdb://clerk@127.0.0.1/samoe"])
def test_a_missing_driver_is_explained(url: str) -> None:
    proc = cli("--db", url, "stats", timeout=60)
    assert_clean_failure(proc, code=EXIT_UNREACHABLE, words=("ไดรเวอร์",))


# --- a full disk ----------------------------------------------------------------------------

def _in_tmpfs(size: str, script: str, *args: str) -> subprocess.CompletedProcess[bytes]:
    """Run ``script`` (sh) with a fresh tmpfs of ``size`` at $1, in a private mount namespace."""
    mnt = Path(args[0])
    mnt.mkdir(exist_ok=True)
    full = f'mount -t tmpfs -o size={size} tmpfs "$1" && cd "{Path.cwd()}" && {script}'
    return subprocess.run(["unshare", "-m", "sh", "-c", full, "sh", *args], capture_output=True,
                          timeout=300, cwd=Path(__file__).resolve().parents[2],
                          env={**os.environ, "PY": sys.executable})


@pytest.mark.skipif(not can_unshare_mounts(), reason="needs root and unshare to mount a tmpfs")
def test_a_full_disk_stops_the_write_with_nothing_half_written(office: Path, tmp_path: Path) -> None:
    script = ('cp "$2" "$1/office.db" && '
              '"$PY" -m desktop.cli --db "$1/office.db" demo --children 30000; echo "rc=$?" >&2; '
              '"$PY" -m desktop.cli --db "$1/office.db" stats; '
              '"$PY" -m desktop.cli --db "$1/office.db" db check')
    # room for the office's file and a little more (the file grows with the schema and the
    # demo's modules), never for the 30,000 children
    room = office.stat().st_size // 1024 + 1024
    proc = _in_tmpfs(f"{room}k", script, str(tmp_path / "mnt"), str(office))
    err, out = text(proc.stderr), text(proc.stdout)
    assert "Traceback" not in err, err[-2000:]
    assert f"rc={EXIT_DISK_FULL}" in err, err[-2000:]
    assert "ดิสก์เต็ม" in err
    assert proc.returncode == 0, err[-1500:]  # db check: the file is sound
    assert any(line.split()[:2] == ["children", "60"] for line in out.splitlines()), out


@pytest.mark.skipif(not can_unshare_mounts(), reason="needs root and unshare to mount a tmpfs")
def test_an_output_file_on_a_full_disk(office: Path, tmp_path: Path) -> None:
    script = ('dd if=/dev/zero of="$1/filler" bs=64k 2>/dev/null; '
              '"$PY" -m desktop.cli --db "$2" export children "$1/children.xlsx"; echo "rc=$?" >&2; '
              '"$PY" -m desktop.cli --db "$2" report households-list --out "$1/h.pdf"; echo "rc=$?" >&2; '
              'ls -a "$1"')
    proc = _in_tmpfs("2m", script, str(tmp_path / "mnt"), str(office))
    err, out = text(proc.stderr), text(proc.stdout)
    assert "Traceback" not in err, err[-2000:]
    assert err.count(f"rc={EXIT_DISK_FULL}") == 2, err[-2000:]
    assert "ดิสก์เต็ม" in err
    assert sorted(out.split()) == [".", "..", "filler"]  # no half-written or temporary file


def _char_device(path: Path) -> Path:
    os.mknod(path, 0o666 | stat.S_IFCHR, os.makedev(1, 7))  # a /dev/full of our own
    return path


@pytest.mark.skipif(os.geteuid() != 0, reason="needs root to make a device node")
def test_a_device_as_output_is_refused_and_left_alone(office: Path, tmp_path: Path) -> None:
    for name, args in (("full.csv", ("export", "children")),
                       ("full.pdf", ("report", "households-list", "--out"))):
        device = _char_device(tmp_path / name)
        proc = cli("--db", office, *args, device)
        assert_clean_failure(proc)
        assert stat.S_ISCHR(device.stat().st_mode)


@pytest.mark.parametrize("args", [("export", "children", "MISSING/c.csv"),
                                  ("report", "children-list", "--out", "MISSING/c.pdf"),
                                  ("import", "children", "CSV", "--errors", "MISSING/e.xlsx")])
def test_a_missing_output_folder(args: tuple[str, ...], office: Path, tmp_path: Path) -> None:
    csv = make_csv(tmp_path / "a.csv")
    args = tuple(a.replace("MISSING", str(tmp_path / "nope")).replace("CSV", str(csv)) for a in args)
    proc = cli("--db", office, *args)
    assert_clean_failure(proc, words=("โฟลเดอร์",))
    assert not (tmp_path / "nope").exists()


# --- arguments ------------------------------------------------------------------------------

def test_non_utf8_arguments(office: Path, tmp_path: Path) -> None:
    bad = b"\xff\xfe\xa1"
    for args in ((b"export", b"children", os.fsencode(tmp_path / "c.csv"), b"--search", bad),
                 (b"report", b"children-list", b"--out", os.fsencode(tmp_path / "c.pdf"),
                  b"--institution", bad),
                 (b"import", b"children", os.fsencode(tmp_path) + b"/" + bad + b".csv"),
                 (b"stats", bad)):
        proc = cli("--db", office, *args)
        assert_clean_failure(proc, code=1 if args[0] == b"import" else 2)
    # a file name that is not UTF-8 is still a file name
    proc = cli("--db", office, "export", "households", os.fsencode(tmp_path) + b"/" + bad + b".csv")
    assert proc.returncode == 0, text(proc.stderr)
    assert "Traceback" not in text(proc.stderr)


@pytest.mark.parametrize("year", ["99999", "-1", "abc", "2026", "0", "๒๕๖๙x"])
def test_an_absurd_year(year: str, office: Path, tmp_path: Path) -> None:
    for args in (("export", "children", str(tmp_path / "c.csv")),
                 ("report", "registry-summary", "--out", str(tmp_path / "r.pdf")),
                 ("import", "children", str(make_csv(tmp_path / "a.csv")), "--dry-run")):
        proc = cli("--db", office, *args, "--year", year)
        assert_clean_failure(proc, code=2, words=("พ.ศ.",) if year != "2026" else ("2569",))


@pytest.mark.parametrize("args", [("report",), ("bogus",), ("demo", "--children", "abc"),
                                  ("demo", "--children"), ("db",), ("import", "children"),
                                  ("export", "pets", "x.csv"), ("stats", "--nope"),
                                  ("demo", "--children", "0"), ("demo", "--children", str(10**12))])
def test_argument_errors_are_thai(args: tuple[str, ...], office: Path) -> None:
    proc = cli("--db", office, *args)
    err = assert_clean_failure(proc, code=2)
    for english in ("required", "invalid choice", "invalid int", "usage:", "expected one argument",
                    "unrecognized"):
        assert english not in err, err


def test_help_is_thai() -> None:
    proc = cli("--help")
    assert proc.returncode == 0
    out = text(proc.stdout)
    assert "วิธีใช้" in out and "show this help" not in out and "options:" not in out
    proc = cli("import", "children", "--help")
    assert proc.returncode == 0 and "แสดงวิธีใช้" in text(proc.stdout)
