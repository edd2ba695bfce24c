"""Who runs a ``samoe`` command: every command that reads or changes records logs in
first (desktop/cli.py calls ``login`` for each one, so a new command module gets it
without an edit).

    --user NAME (default admin); the password from SAMOE_PASSWORD, else a prompt on the
    terminal; no terminal and no SAMOE_PASSWORD: refused (exit 11). Nothing falls back to
    no password.

A database with no user yet: ``samoe init`` and ``samoe demo`` make the first
administrator (``init --admin NAME``, default admin; also a clerk unless
``--admin-only``); ``samoe users add NAME --role administrator`` works without a login
only then (desktop/cli_users.py); every other command says how to make one (exit 11).

Exit codes: 11 the login is refused (unknown user, wrong password, locked or suspended,
no password given), 12 the user may not do this (services/access.py NotPermitted).
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any

EXIT_LOGIN = 11
EXIT_NOT_PERMITTED = 12
PASSWORD_ENV = "SAMOE_PASSWORD"
NEW_PASSWORD_ENV = "SAMOE_NEW_PASSWORD"  # a new user's or a changed password, for scripts

# Commands that need no login: they read no record (the file's path, its integrity;
# ``db upgrade`` reports the schema, which opening the file brought up to date).
NO_LOGIN = {"db path", "db check", "db upgrade"}
# Commands that make the first administrator when the database has no user.
MAKE_FIRST_ADMIN = {"init", "demo"}


class NoPassword(Exception):  # noqa: N818
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def _terminal() -> bool:
    return sys.stdin is not None and sys.stdin.isatty()


def ask_password(prompt: str) -> str:
    """The password of the person at the terminal (not echoed); NoPassword without one."""
    import getpass

    if not _terminal():
        raise NoPassword(f"ไม่มีรหัสผ่าน: ตั้งตัวแปร {PASSWORD_ENV} หรือสั่งจากเทอร์มินัลเพื่อพิมพ์รหัสผ่าน")
    try:
        return getpass.getpass(prompt)
    except EOFError as exc:
        raise NoPassword("ไม่ได้พิมพ์รหัสผ่าน") from exc


def _readable(value: str, what: str) -> str:
    """``value`` from the environment or the command line: bytes that are not UTF-8 come
    as surrogates, which no hash or keyring can take; refused here (exit 11), not a crash."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise NoPassword(f"{what}มีตัวอักษรที่อ่านไม่ได้ (ไม่ใช่ UTF-8) ตรวจการตั้งภาษาของเทอร์มินัลแล้วสั่งใหม่") from None
    return value


_typed: dict[str, str] = {}  # asked once a command: the key's unlock and the login share it


def login_password(user: str) -> str:
    _readable(user, "ชื่อผู้ใช้")
    env = os.environ.get(PASSWORD_ENV)
    if env is not None:
        return _readable(env, f"รหัสผ่านใน {PASSWORD_ENV} ")
    if user not in _typed:
        _typed[user] = ask_password(f"รหัสผ่านของ {user}: ")
    return _typed[user]


def new_password(user: str, *, env_names: tuple[str, ...] = (NEW_PASSWORD_ENV,)) -> str:
    """A password to set: from the first of ``env_names`` that is set, else typed twice."""
    for name in env_names:
        value = os.environ.get(name)
        if value is not None:
            return _readable(value, f"รหัสผ่านใน {name} ")
    if not _terminal():
        raise NoPassword(f"ไม่มีรหัสผ่านใหม่: ตั้งตัวแปร {' หรือ '.join(env_names)} หรือสั่งจากเทอร์มินัล")
    first = ask_password(f"รหัสผ่านใหม่ของ {user}: ")
    if ask_password("พิมพ์รหัสผ่านใหม่อีกครั้ง: ") != first:
        raise NoPassword("รหัสผ่านสองครั้งไม่ตรงกัน ยังไม่ได้ตั้งรหัสผ่าน")
    return first


def no_users_message(db: Any) -> str:
    where = f"--db {db.path} " if getattr(db, "path", None) else ""
    return ("ฐานข้อมูลนี้ยังไม่มีผู้ใช้ (สร้างก่อนมีระบบผู้ใช้) สร้างผู้ดูแลระบบคนแรกก่อนด้วยคำสั่ง: "
            f"samoe {where}users add admin --role administrator "
            f"(รหัสผ่านจาก {PASSWORD_ENV} หรือพิมพ์เมื่อถูกถาม)")


def login(args: argparse.Namespace, name: str, db: Any, err: Any) -> int | None:
    """Sign the command's user in on ``db``; an exit code when it cannot run, else None."""
    from desktop.services.access import LoginRefused, authenticate, sign_in, sign_out
    from desktop.services.users import UserError, create_first_admin, first_admin_needed

    sign_out(db)
    if name in NO_LOGIN:
        return None
    try:
        if first_admin_needed(db):
            if name == "users add":
                return None  # desktop/cli_users.py makes the first administrator
            if name not in MAKE_FIRST_ADMIN:
                err(no_users_message(db))
                return EXIT_LOGIN
            admin = getattr(args, "admin", None) or args.user
            password = new_password(admin, env_names=(PASSWORD_ENV, NEW_PASSWORD_ENV))
            _typed.setdefault(admin, password)  # asked once: the office's keys at set-up use it too
            try:
                actor = create_first_admin(db, admin, password, also_clerk=not getattr(args, "admin_only", False),
                                           office_role=getattr(args, "role", None) if name == "init" else None)
            except UserError as exc:
                err(exc.message)
                return 2
            from desktop.domain.roles import Role, role_label

            also = [role_label(r) for r in actor.roles if r is not Role.ADMIN]
            err(f"สร้างผู้ดูแลระบบคนแรก: {actor.name}" + (f" (มีบทบาท{also[0]}ด้วย)" if also else ""))
        else:
            actor = authenticate(db, args.user, login_password(args.user))
    except (LoginRefused, NoPassword) as exc:
        err(exc.message)
        return EXIT_LOGIN
    sign_in(db, actor)
    return None
