"""The recovery key on one printed page (issue 9): a Thai A4 page with the office, the
database's file name, the date, the key's 13 groups large and numbered and the whole key
on one line, what it is for and where to keep it. The key reads back exactly from the
PDF's text (pdftotext and PyMuPDF); printing it is an audit entry without the key;
``samoe init --recovery-pdf FILE`` writes the same page."""

from __future__ import annotations

import re
import subprocess
from datetime import date
from pathlib import Path

import pytest
from cli_run import run
from needs import require_tool
from sqlalchemy import select

from desktop.store import cipher
from desktop.store.models import AuditEntry

OFFICE = ("--office-name", "เทศบาลตำบลทดสอบ", "--office-code", "6300101")
RECOVERY = re.compile(r"(?:[0-9A-Z]{5}-){12}[0-9A-Z]{5}")


pytestmark = pytest.mark.usefixtures("encrypting")


def pdftotext(pdf: Path) -> str:
    require_tool("pdftotext", "reads the printed key back")
    return subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True,
                          capture_output=True, text=True).stdout


def mupdf_text(pdf: Path) -> str:
    import pymupdf

    with pymupdf.open(str(pdf)) as doc:
        assert doc.page_count == 1
        return str(doc[0].get_text())


def check_page(pdf: Path, recovery: str, office: str, database: str) -> None:
    for text in (pdftotext(pdf), mupdf_text(pdf)):
        assert RECOVERY.findall(text) == [recovery]  # the whole key, exactly, once
        words = set(text.split())
        for group in recovery.split("-"):
            assert group in words  # each group whole: no space inside, none lost
        assert office in text and database in text
        assert "ตู้นิรภัย" in text and "samoe --recovery-key" in text
        assert "กลุ่มที่ 13" in text


def test_the_page_in_the_office_safe(office_db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from desktop.services.recovery_print import PRINT_ACTION, recovery_key_pdf_file

    recovery = cipher.format_recovery_key(cipher.new_key())
    out = tmp_path / "recovery.pdf"
    with office_db.session() as s:
        pages = recovery_key_pdf_file(s, out, recovery, "samoe.db", today=date(2026, 11, 30))
    assert pages == 1
    check_page(out, recovery, "เทศบาลตำบลทดสอบ", "samoe.db")
    assert "30 พฤศจิกายน 2569" in pdftotext(out) or "30 พ.ย. 2569" in pdftotext(out)
    with office_db.reader() as s:
        last = s.scalars(select(AuditEntry).order_by(AuditEntry.id.desc()).limit(1)).one()
    assert last.action == PRINT_ACTION and "recovery.pdf" in (last.detail or "")
    for group in recovery.split("-"):
        assert group not in (last.detail or "")


def test_only_an_administrator_prints_it_and_a_bad_key_is_never_printed(  # type: ignore[no-untyped-def]
        office_db, tmp_path: Path) -> None:
    from actors import actor_with

    from desktop.domain.roles import Role
    from desktop.services.access import NotPermitted, sign_in
    from desktop.services.recovery_print import recovery_key_pdf_file

    recovery = cipher.format_recovery_key(cipher.new_key())
    out = tmp_path / "recovery.pdf"
    sign_in(office_db, actor_with(Role.CLERK))
    with pytest.raises(NotPermitted), office_db.session() as s:
        recovery_key_pdf_file(s, out, recovery, "samoe.db")
    sign_in(office_db, actor_with(Role.ADMIN))
    with pytest.raises(cipher.BadRecoveryKey), office_db.session() as s:
        recovery_key_pdf_file(s, out, recovery[:-1] + ("0" if recovery[-1] != "0" else "1"), "samoe.db")
    assert not out.exists()


def test_init_writes_the_page_and_prints_the_same_key(capsys: pytest.CaptureFixture[str],
                                                      tmp_path: Path) -> None:
    path = tmp_path / "office.db"
    pdf = tmp_path / "safe" / "recovery.pdf"
    code, _out, err = run(capsys, "--db", str(path), "init", *OFFICE, "--recovery-pdf", str(pdf))
    assert code == 2 and "safe" in err and not path.exists()  # its folder is missing: nothing made
    pdf.parent.mkdir()
    code, out, err = run(capsys, "--db", str(path), "init", *OFFICE, "--recovery-pdf", str(pdf))
    assert code == 0, err
    printed = RECOVERY.findall(out)
    assert len(printed) == 1 and str(pdf) in out
    check_page(pdf, printed[0], "เทศบาลตำบลทดสอบ", "office.db")
    cipher._keys.clear()
    code, out, err = run(capsys, "--db", str(path), "audit", "log")
    assert code == 0 and "พิมพ์รหัสกู้คืน" in out, err
    assert printed[0] not in out
    # an existing database has no new key to print
    cipher._keys.clear()
    code, _out, err = run(capsys, "--db", str(path), "init", *OFFICE, "--recovery-pdf", str(pdf))
    assert code == 2 and "รหัสกู้คืน" in err
    plain = tmp_path / "plain.db"
    code, _out, err = run(capsys, "--db", str(plain), "init", *OFFICE, "--no-encryption",
                          "--recovery-pdf", str(tmp_path / "x.pdf"))
    assert code == 2 and not plain.exists()
