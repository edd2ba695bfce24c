"""``samoe users``: the people who log in and their roles (an administrator's work).

    samoe users list
    samoe users add NAME [--role ROLE[@INSTITUTION[/LEVEL/ROOM]]]... [--full-name TEXT]
    samoe users passwd NAME                 (the new password: SAMOE_NEW_PASSWORD or typed twice)
    samoe users passwd NAME --recovery-key  (an administrator's forgotten password, no login: the
                                             recovery key from SAMOE_RECOVERY_KEY or typed;
                                             services/password_reset.py)
    samoe users lock NAME | unlock NAME     (suspend; lift a suspension or a lock after failed logins)
    samoe users roles NAME [ROLE[@INSTITUTION]...]   (no role: show them; else replace them)

ROLE is a code of docs/roles.md (clerk, teacher, caregiver ...); INSTITUTION its code or id.
On a database with no user yet, ``users add NAME --role administrator`` makes the first
administrator without a login (password: SAMOE_PASSWORD, SAMOE_NEW_PASSWORD or typed).

Exit codes: 0 done, 2 refused (a wrong name, role, institution or password rule; a plain
database has no recovery key), 11 login refused (or a wrong or mistyped recovery key), 12 not
an administrator (or, with --recovery-key, the account is not an administrator's or is
suspended).
"""

from __future__ import annotations

import argparse
from typing import Any

ROLES_HELP = ("บทบาท: administrator clerk teacher certifier caregiver case_worker supervisor "
              "province_officer ต่อด้วย @รหัสสถานศึกษา ได้ (ครูและผู้ดูแลเด็กต้องระบุ) เช่น caregiver@1234")
WRITING = {"add": "เพิ่มผู้ใช้", "passwd": "ตั้งรหัสผ่าน", "lock": "ระงับผู้ใช้", "unlock": "ปลดล็อกผู้ใช้",
           "roles": "ตั้งบทบาทผู้ใช้"}


def add_parsers(sub: Any) -> None:
    users = sub.add_parser("users", help="ผู้ใช้และบทบาท (ผู้ดูแลระบบ)")
    u = users.add_subparsers(dest="users_command", required=True, title="คำสั่งย่อย", metavar="คำสั่งย่อย")
    u.add_parser("list", help="รายชื่อผู้ใช้ บทบาท และสถานะ")
    add = u.add_parser("add", help="เพิ่มผู้ใช้ (รหัสผ่านจาก SAMOE_NEW_PASSWORD หรือพิมพ์สองครั้ง)")
    add.add_argument("name", help="ชื่อผู้ใช้สำหรับเข้าสู่ระบบ เช่น somchai")
    add.add_argument("--role", action="append", default=[], metavar="ROLE[@INST]", help=ROLES_HELP)
    add.add_argument("--full-name", default="", help="ชื่อ-นามสกุล")
    add.add_argument("--admin-only", action="store_true",
                     help="ผู้ดูแลระบบคนแรกไม่ต้องมีบทบาทเจ้าหน้าที่ทะเบียน")
    passwd = u.add_parser("passwd", help="ตั้งรหัสผ่านใหม่ (SAMOE_NEW_PASSWORD หรือพิมพ์สองครั้ง)")
    passwd.add_argument("name", help="ชื่อผู้ใช้")
    passwd.add_argument("--recovery-key", dest="by_recovery_key", action="store_true",
                        help="ผู้ดูแลระบบลืมรหัสผ่าน: ตั้งรหัสผ่านใหม่ด้วยรหัสกู้คืนของฐานข้อมูลที่เข้ารหัส "
                             "ไม่ต้องเข้าสู่ระบบ (รหัสกู้คืนจาก SAMOE_RECOVERY_KEY หรือพิมพ์เมื่อถูกถาม)")
    lock = u.add_parser("lock", help="ระงับผู้ใช้ (เข้าสู่ระบบไม่ได้จนกว่าจะปลด)")
    lock.add_argument("name", help="ชื่อผู้ใช้")
    lock.add_argument("--rekey", action="store_true",  # desktop/cli_keys.py after_lock
                      help="ฐานข้อมูลที่เข้ารหัส: เปลี่ยนกุญแจต่อทันทีหลังระงับ (ไฟล์กุญแจที่คัดลอกไว้ก่อนเปิดไม่ได้อีก)")
    unlock = u.add_parser("unlock", help="ปลดล็อกหรือยกเลิกการระงับ")
    unlock.add_argument("name", help="ชื่อผู้ใช้")
    roles = u.add_parser("roles", help="ดูหรือตั้งบทบาทของผู้ใช้ (แทนที่ของเดิม)")
    roles.add_argument("name", help="ชื่อผู้ใช้")
    roles.add_argument("roles", nargs="*", metavar="ROLE[@INST]", help=ROLES_HELP)


def writes(args: argparse.Namespace) -> str:
    command = getattr(args, "users_command", "")
    if command == "roles" and not args.roles:
        return ""
    return WRITING.get(command, "")


def run(args: argparse.Namespace, db: Any, out: Any, err: Any) -> int:
    from desktop.cli_login import NoPassword
    from desktop.services.users import UserError, first_admin_needed

    try:
        command = args.users_command
        if command == "add" and first_admin_needed(db):
            return _first_admin(args, db, out, err)
        if command == "list":
            return _list(db, out)
        if command == "add":
            return _add(args, db, out)
        if command == "passwd":
            return _passwd(args, db, out)
        if command in ("lock", "unlock"):
            return _lock(args, db, out, err)
        return _roles(args, db, out)
    except UserError as exc:
        err(exc.message)
        return 2
    except NoPassword as exc:
        err(exc.message)
        return 2


def _first_admin(args: argparse.Namespace, db: Any, out: Any, err: Any) -> int:
    from desktop.cli_login import NEW_PASSWORD_ENV, PASSWORD_ENV, new_password
    from desktop.domain.roles import Role, parse_role
    from desktop.services.users import create_first_admin

    roles = {parse_role(r.split("@")[0]) for r in args.role}
    if Role.ADMIN not in roles or not roles <= {Role.ADMIN, Role.CLERK}:
        err("ฐานข้อมูลนี้ยังไม่มีผู้ใช้: ผู้ใช้คนแรกต้องเป็นผู้ดูแลระบบ "
            f"สั่ง samoe users add {args.name} --role administrator")
        return 2
    password = new_password(args.name, env_names=(PASSWORD_ENV, NEW_PASSWORD_ENV))
    actor = create_first_admin(db, args.name, password, args.full_name, also_clerk=not args.admin_only)
    out(f"สร้างผู้ดูแลระบบคนแรก: {actor.name} บทบาท "
        + ", ".join(sorted(r.value for r in actor.roles)))
    return 0


def _grants(session: Any, texts: list[str]) -> list[Any]:
    from sqlalchemy import select

    from desktop.domain.roles import parse_role
    from desktop.services.access import Grant
    from desktop.services.users import UserError
    from desktop.store.models import Institution

    grants = []
    for text in texts:
        role_text, _sep, where = text.partition("@")
        role = parse_role(role_text)
        if role is None:
            raise UserError(f"ไม่รู้จักบทบาท {role_text}: {ROLES_HELP}")
        institution_id = None
        level = room = ""
        if where:
            code, *cls = where.split("/")
            found = session.scalars(select(Institution.id).where(Institution.code == code,
                                                                 Institution.deleted_at.is_(None))).first()
            if found is None and code.isdigit():
                found = session.get(Institution, int(code)) and int(code)
            if not found:
                raise UserError(f"ไม่พบสถานศึกษารหัส {code}")
            institution_id = int(found)
            level = cls[0] if cls else ""
            room = cls[1] if len(cls) > 1 else ""
        grants.append(Grant(role, institution_id, level, room))
    return grants


def _list(db: Any, out: Any) -> int:
    from desktop.services.users import list_users
    from desktop.store.models import utcnow

    with db.reader() as s:
        users = list_users(s)
    now = utcnow()
    for u in users:
        state = ("ระงับ" if u.suspended else
                 "ล็อกถึง " + u.locked_until.strftime("%Y-%m-%d %H:%M UTC")
                 if u.locked_until and u.locked_until > now else "ใช้งาน")
        out(f"{u.name}\t{u.full_name or '-'}\t{u.roles_text()}\t{state}")
    out(f"ผู้ใช้ {len(users)} คน")
    return 0


def _add(args: argparse.Namespace, db: Any, out: Any) -> int:
    from desktop.cli_login import new_password
    from desktop.domain.roles import Action
    from desktop.services.access import require
    from desktop.services.users import add_user

    with db.session() as s:
        require(s, Action.USERS_MANAGE)  # before asking for the new password
        grants = _grants(s, args.role)
        password = new_password(args.name)
        info = add_user(s, args.name, password, full_name=args.full_name, roles=grants)
    out(f"เพิ่มผู้ใช้ {info.name}: {info.roles_text()}")
    return 0


def _passwd(args: argparse.Namespace, db: Any, out: Any) -> int:
    from desktop.cli_login import new_password
    from desktop.services.users import set_password

    password = new_password(args.name)
    with db.session() as s:
        set_password(s, args.name, password)
    out(f"ตั้งรหัสผ่านใหม่ของ {args.name} แล้ว")
    return 0


def _lock(args: argparse.Namespace, db: Any, out: Any, err: Any) -> int:
    from desktop.services.users import lock_user, unlock_user

    with db.session() as s:
        (lock_user if args.users_command == "lock" else unlock_user)(s, args.name)
    out(("ระงับผู้ใช้ " if args.users_command == "lock" else "ปลดล็อกผู้ใช้ ") + args.name + " แล้ว")
    if args.users_command == "lock":
        from desktop.cli_keys import after_lock

        return after_lock(args, db, out, err)
    return 0


def _roles(args: argparse.Namespace, db: Any, out: Any) -> int:
    from desktop.services.users import UserError, list_users, set_roles

    if not args.roles:
        with db.reader() as s:
            found = [u for u in list_users(s) if u.name == args.name.strip()]
        if not found:
            raise UserError(f"ไม่พบผู้ใช้ชื่อ {args.name}")
        out(f"{found[0].name}: {found[0].roles_text()}")
        return 0
    with db.session() as s:
        info = set_roles(s, args.name, _grants(s, args.roles))
    out(f"บทบาทของ {info.name}: {info.roles_text()}")
    return 0


# --recovery-key: why a reset was refused → the exit code
RESET_EXIT = {"bad_key": 11, "not_admin": 12, "suspended": 12, "read_only": 6}


def reset_by_recovery_key(args: argparse.Namespace, out: Any, err: Any) -> int:
    """``users passwd NAME --recovery-key``: no login (the administrator forgot their
    password); the recovery key opens the encrypted file and authorises the new password
    (services/password_reset.py). Checked before the new password is asked for."""
    from desktop.cli_login import NoPassword, new_password
    from desktop.services import password_reset
    from desktop.services.database import open_database
    from desktop.store.activity import writing

    try:
        unavailable = password_reset.reset_unavailable(args.db)
        if unavailable:
            err(unavailable + f" (samoe --user ผู้ดูแลระบบคนอื่น users passwd {args.name})")
            return 2
        text = _recovery_key_text()
        password_reset.unlock_for_reset(args.db, text)
        db, _upgraded = open_database(args.db, write=True)
        try:
            with writing(db.path, WRITING["passwd"]):
                password_reset.check_reset(db, args.name, text)
                password = new_password(args.name)
                name = password_reset.reset_password(db, args.name, text, password)
        finally:
            db.dispose()
    except password_reset.ResetRefused as exc:
        err(exc.message)
        return RESET_EXIT.get(exc.reason, 2)
    except NoPassword as exc:
        err(exc.message)
        return 2
    out(f"ตั้งรหัสผ่านใหม่ของผู้ดูแลระบบ {name} ด้วยรหัสกู้คืนแล้ว (ปลดล็อกบัญชีแล้ว บันทึกในประวัติการใช้งาน) "
        "เข้าสู่ระบบด้วยรหัสผ่านใหม่ได้ทันที")
    return 0


def _recovery_key_text() -> str:
    import os
    import sys

    from desktop.cli_login import NoPassword, ask_password
    from desktop.services.keys import RECOVERY_ENV

    text = os.environ.get(RECOVERY_ENV)
    if text:
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:
            raise NoPassword(f"รหัสกู้คืนใน {RECOVERY_ENV} มีตัวอักษรที่อ่านไม่ได้ (ไม่ใช่ UTF-8)") from None
        return text
    if sys.stdin is None or not sys.stdin.isatty():
        raise NoPassword(f"ไม่มีรหัสกู้คืน: ตั้งตัวแปร {RECOVERY_ENV} หรือสั่งจากเทอร์มินัลเพื่อพิมพ์รหัสกู้คืน")
    return ask_password("รหัสกู้คืน (13 กลุ่มจากแผ่นที่เก็บในตู้นิรภัย): ")
