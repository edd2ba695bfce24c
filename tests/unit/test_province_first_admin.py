"""A one-person province office works: ``samoe init --role province`` (and the window's
set-up, which calls the same service) gives the first administrator the provincial
officer's role, not the clerk's; a municipality's first administrator stays a clerk."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_run import run
from sqlalchemy import select

from desktop.domain.roles import Role
from desktop.services.access import authenticate
from desktop.store.db import Database
from desktop.store.models import AuditEntry


def _roles(path: Path) -> set[Role]:
    db = Database.open(path)
    try:
        return set(authenticate(db, "admin", "samoe-test-password").roles)
    finally:
        db.dispose()


def test_init_province_makes_the_first_admin_a_province_officer(tmp_path: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "province.db"
    code, out, err = run(capsys, "--db", str(path), "init", "--office-name", "สถจ.นครราชสีมา",
                         "--office-code", "1300000", "--role", "province")
    assert code == 0, err
    assert _roles(path) == {Role.ADMIN, Role.PROVINCE}
    assert "เจ้าหน้าที่จังหวัด" in out + err and "เจ้าหน้าที่ทะเบียน" not in err
    db = Database.open(path)
    try:
        with db.reader() as s:  # the audit log names the roles given
            entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "user_add")).one()
            assert "province_officer" in entry.detail and "clerk" not in entry.detail
    finally:
        db.dispose()
    code, out, err = run(capsys, "--db", str(path), "exchange", "status")
    assert code == 0 and "อปท." in out, err  # the province's own work, with no other user


def test_the_window_set_up_of_a_province_and_a_database_without_users(db: Database) -> None:
    from desktop.services.users import create_first_admin

    assert create_first_admin(db, "admin", "samoe-test-password", office_role="province").roles == {
        Role.ADMIN, Role.PROVINCE}


def test_a_province_database_without_users_reads_its_office(db: Database) -> None:
    from actors import EVERY_ROLE

    from desktop.services.access import sign_in
    from desktop.services.office import init_office
    from desktop.services.users import create_first_admin

    sign_in(db, EVERY_ROLE)
    with db.session() as s:
        init_office(s, name="สถจ.นครราชสีมา", code="1300000", role="province")
    assert create_first_admin(db, "admin", "samoe-test-password").roles == {Role.ADMIN, Role.PROVINCE}


def test_init_municipality_keeps_the_clerk(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "town.db"
    assert run(capsys, "--db", str(path), "init", "--office-name", "เทศบาลตำบลบ้านใหม่",
               "--office-code", "6300101")[0] == 0
    assert _roles(path) == {Role.ADMIN, Role.CLERK}


def test_admin_only_stays_admin_only(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "province.db"
    assert run(capsys, "--db", str(path), "init", "--office-name", "สถจ.นครราชสีมา",
               "--office-code", "1300000", "--role", "province", "--admin-only")[0] == 0
    assert _roles(path) == {Role.ADMIN}
