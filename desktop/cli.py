"""The ``samoe`` command: the GUI with no arguments, the same services from a terminal.

    samoe [--db PATH|URL] [--lang th|en]            open the program
    samoe --db office.db init --office-name NAME --office-code CODE [--role municipality]
    samoe --db office.db demo [--children N] [--seed S]
    samoe --db office.db stats
    samoe --db office.db db upgrade | db check
    samoe audit verify | audit log [--child ID] [--user NAME] [--since DATE]   (desktop/cli_audit.py)
    samoe backup create DIR | backup list | backup restore FILE [--dry-run] [--to PATH]
    samoe init [--no-encryption] | db encrypt | db rekey | --recovery-key COMMAND   (desktop/cli_keys.py)
    samoe --self-test                               open the window offscreen, query, exit 0
    samoe report NAME --out FILE.pdf | import children FILE [--dry-run] | export NAME FILE
                                                    (see desktop/cli_documents.py)
    samoe users add|list|passwd|lock|unlock|roles   (see desktop/cli_users.py)
    samoe keys card|trust|list|revoke|rotate|share  the exchange's keys (desktop/cli_exchange_keys.py)
    samoe exchange export|verify|import|receipt|status  bundles and receipts (desktop/cli_exchange.py)
    samoe exchange reconcile list|decide            the province's reconcile list (desktop/cli_province.py)
    samoe screening list|rescore|print, samoe rulepack list|install|sign, samoe grants rounds|create|eligible
                                                    the poverty screening and grant rounds (desktop/cli_screening.py)
    samoe centre attendance export|import --centre C, samoe centre rates list|set
                                                    a centre's daily attendance, meal rates (desktop/cli_centre.py)
    samoe growth add|show|edit|delete|list, samoe dspm due      centre children's growth and DSPM checks (desktop/cli_growth.py)
    samoe cases list|overdue|import                 out-of-school children's cases (desktop/cli_cases.py)

Every command that reads or changes records runs as a user: ``--user NAME`` (default
admin), the password from ``SAMOE_PASSWORD`` or a prompt (desktop/cli_login.py). ``init``
on a new database makes the first administrator (``--admin NAME``; also a clerk unless
``--admin-only``).

``SAMOE_DB`` does what ``--db`` does. Heavy modules (Qt, pandas, reportlab) are imported
only by the commands that need them.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from typing import Any


def _parser() -> argparse.ArgumentParser:
    from desktop import __version__
    from desktop.cli_args import ThaiArgumentParser, children_count, whole_number

    p = ThaiArgumentParser(
        prog="samoe",
        description="Samoe: ระบบทะเบียนเด็กและความเสมอภาคทางการศึกษาสำหรับ อปท. (ทำงานออฟไลน์)",
        epilog="รหัสออก: 0 สำเร็จ 1 ข้อมูลหรือไฟล์ผิด 2 คำสั่งผิด 3 ไม่ใช่ฐานข้อมูลของ Samoe หรือรุ่นใหม่กว่า "
               "4 ไม่พบฐานข้อมูล 5 ฐานข้อมูลเสียหาย 6 อ่านอย่างเดียว 7 มีงานอื่นกำลังใช้ฐานข้อมูล "
               "8 เชื่อมต่อเซิร์ฟเวอร์ไม่ได้ 9 ดิสก์เต็ม 10 ข้อผิดพลาดอื่น 11 เข้าสู่ระบบไม่ได้ "
               "12 ผู้ใช้ไม่มีสิทธิ์ทำคำสั่งนี้ รหัสผ่าน: ตัวแปร SAMOE_PASSWORD หรือพิมพ์เมื่อถูกถาม",
    )
    p.add_argument("--db", metavar="PATH|URL", help="ไฟล์ฐานข้อมูล SQLite หรือ URL ของ SQLAlchemy (หรือ SAMOE_DB)")
    p.add_argument("--lang", choices=("th", "en"), help="ภาษาของหน้าจอ (ค่าเริ่มต้น: ไทย)")
    p.add_argument("--version", action="version", version=f"samoe {__version__}", help="แสดงรุ่นของโปรแกรม")
    p.add_argument("--self-test", action="store_true", help="เปิดหน้าต่างหลักแบบไม่แสดงผล ทดสอบแล้วออก")
    from desktop.cli_keys import add_global as add_key_arguments

    add_key_arguments(p)  # --recovery-key (desktop/cli_keys.py)
    p.add_argument("--user", default="admin", metavar="NAME",
                   help="ชื่อผู้ใช้ที่ทำคำสั่ง (ค่าเริ่มต้น admin) รหัสผ่านจาก SAMOE_PASSWORD หรือพิมพ์เมื่อถูกถาม")
    sub = p.add_subparsers(dest="command", title="คำสั่ง", metavar="คำสั่ง")

    sub.add_parser("gui", help="เปิดโปรแกรม (ค่าเริ่มต้น)")

    init = sub.add_parser("init", help="สร้างฐานข้อมูลใหม่หรือตั้งค่าหน่วยงานของฐานข้อมูลนี้")
    init.add_argument("--office-name", required=True, help="ชื่อหน่วยงาน")
    init.add_argument("--office-code", required=True, help="รหัสหน่วยงาน")
    init.add_argument("--province", default="", help="จังหวัด")
    init.add_argument("--role", choices=("municipality", "province"), default="municipality",
                      help="บทบาท: municipality (อปท.) หรือ province (จังหวัด)")
    init.add_argument("--admin", default="admin", metavar="NAME",
                      help="ชื่อผู้ดูแลระบบคนแรกของฐานข้อมูลใหม่ (ค่าเริ่มต้น admin; รหัสผ่านจาก SAMOE_PASSWORD "
                           "หรือพิมพ์สองครั้ง อย่างน้อย 8 ตัวอักษร)")
    init.add_argument("--admin-only", action="store_true",
                      help="ผู้ดูแลระบบคนแรกไม่ได้รับบทบาทเจ้าหน้าที่ทะเบียน (ค่าเริ่มต้น: ได้ทั้งสองบทบาท)")

    demo = sub.add_parser("demo", help="เติมข้อมูลตัวอย่าง (สมมุติ) สำหรับทดลองใช้")
    demo.add_argument("--children", type=children_count, default=2000, help="จำนวนเด็ก")
    demo.add_argument("--seed", type=whole_number, default=1, help="เลขตั้งต้นของการสุ่ม")

    sub.add_parser("stats", help="นับจำนวนระเบียนแต่ละประเภท")

    db = sub.add_parser("db", help="ดูแลฐานข้อมูล")
    db_sub = db.add_subparsers(dest="db_command", required=True, title="คำสั่งย่อย", metavar="คำสั่งย่อย")
    db_sub.add_parser("upgrade", help="ปรับรุ่นฐานข้อมูล (สำรองไฟล์ก่อน)")
    db_sub.add_parser("check", help="ตรวจความถูกต้องของฐานข้อมูลและ foreign key")
    db_sub.add_parser("path", help="แสดงตำแหน่งไฟล์ฐานข้อมูล")

    from desktop.cli_audit import add_parsers as add_audit_parsers
    from desktop.cli_backup import add_parsers as add_backup_parsers
    from desktop.cli_documents import add_parsers
    from desktop.cli_households import add_parsers as add_household_parsers
    from desktop.cli_users import add_parsers as add_user_parsers

    add_parsers(sub)
    add_household_parsers(sub)
    add_audit_parsers(sub)
    add_user_parsers(sub)
    add_backup_parsers(sub)
    from desktop.cli_exchange_keys import add_parsers as add_exchange_key_parsers

    add_exchange_key_parsers(sub)  # samoe keys: the exchange's keys, not the database's
    from desktop.cli_exchange import add_parsers as add_exchange_parsers

    add_exchange_parsers(sub)  # samoe exchange: bundles and receipts
    from desktop.cli_screening import add_parsers as add_screening_parsers

    add_screening_parsers(sub)  # samoe screening, samoe rulepack (issue 11)
    from desktop.cli_centre import add_parsers as add_centre_parsers

    add_centre_parsers(sub)  # samoe centre attendance (issue 12)
    from desktop.cli_growth import add_parsers as add_growth_parsers

    add_growth_parsers(sub)  # samoe growth, samoe dspm (issue 12)
    from desktop.cli_cases import add_parsers as add_case_parsers

    add_case_parsers(sub)  # samoe cases (issue 13)
    from desktop.cli_keys import add_parsers as add_key_parsers

    add_key_parsers(sub, db_sub)  # init/demo --no-encryption, db encrypt
    return p


def _print(text: str) -> None:
    from desktop.cli_args import write_text

    write_text(sys.stdout, text + "\n")  # no console in a windowed build: skipped


def _err(text: str) -> None:
    from desktop.cli_args import write_text

    write_text(sys.stderr, text + "\n")


def _progress_printer(label: str):  # type: ignore[no-untyped-def]
    from desktop.services.progress import Progress

    last = [-1]

    def show(done: int, total: int, _message: str) -> None:
        pct = int(done * 100 / total) if total else 100
        if pct != last[0] and sys.stderr is not None and sys.stderr.isatty():
            sys.stderr.write(f"\r{label} {pct:3d}%")
            sys.stderr.flush()
            last[0] = pct

    return Progress(show)


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    _refuse_undecodable_text(parser, args)
    if args.db:
        os.environ["SAMOE_DB"] = args.db
    if args.self_test:
        from desktop.gui.selftest import run_self_test

        return run_self_test(lang=args.lang)
    if args.command in (None, "gui"):
        from desktop.gui.app import run_gui

        return run_gui(db_target=args.db, lang=args.lang)

    from desktop.cli_errors import quiet_unraisable, run_guarded
    from desktop.store.db import resolve_url, sqlite_path

    quiet_unraisable()
    if args.lang:  # the command line's own text is Thai; --lang en turns the core's messages English
        from desktop.i18n import set_language

        set_language(args.lang)

    try:
        db_path = sqlite_path(resolve_url(args.db))
    except Exception:  # noqa: BLE001 - a malformed URL is reported when it is opened
        db_path = None
    return run_guarded(lambda: _run_command(args), _err, db_path)


def _refuse_undecodable_text(parser: argparse.ArgumentParser, args: argparse.Namespace) -> None:
    """Text arguments (names, search terms) with bytes that are not UTF-8 cannot be
    searched or stored; file names (``--db``, paths) may hold such bytes."""
    for key, value in vars(args).items():
        values = value if isinstance(value, list) else [value]
        for item in values:
            if key == "db" or not isinstance(item, str):
                continue
            try:
                item.encode("utf-8")
            except UnicodeEncodeError:
                parser.error(f"ค่าของ --{key.replace('_', '-')} มีอักขระที่อ่านไม่ได้ (ไม่ใช่ UTF-8) "
                             "พิมพ์ใหม่หรือตั้งค่าภาษาของเทอร์มินัลเป็น UTF-8")


# What each command does with the database: (creates a new one, writes, label of the work
# for another writer's "busy" message). Commands not listed only read.
WRITES = {
    "init": (True, "ตั้งค่าหน่วยงาน"),
    "demo": (True, "สร้างข้อมูลตัวอย่าง"),
    "import children": (False, "นำเข้าข้อมูลเด็ก"),
    "import undo": (False, "ยกเลิกการนำเข้า"),
    "db upgrade": (False, "ปรับรุ่นฐานข้อมูล"),
    "db encrypt": (False, "เข้ารหัสฐานข้อมูล"),
    "db rekey": (False, "เปลี่ยนกุญแจฐานข้อมูล"),
    "users add": (False, "เพิ่มผู้ใช้"),  # and the other users commands: desktop/cli_users.py writes()
    "users passwd": (False, "ตั้งรหัสผ่าน"),
    "users lock": (False, "ระงับผู้ใช้"),
    "users unlock": (False, "ปลดล็อกผู้ใช้"),
    "users roles": (False, "ตั้งบทบาทผู้ใช้"),
    "backup restore": (False, "กู้คืนจากไฟล์สำรอง"),  # run before opening (desktop/cli_backup.py)
    "keys card": (False, "ออกบัตรกุญแจ"),  # and the other keys commands: desktop/cli_exchange_keys.py writes()
    "keys trust": (False, "ลงทะเบียนบัตรกุญแจ"),
    "keys revoke": (False, "เพิกถอนกุญแจ"),
    "keys rotate": (False, "เปลี่ยนกุญแจของหน่วยงาน"),
    "keys share": (False, "มอบกุญแจของหน่วยงาน"),
    "exchange export": (False, "ส่งออกชุดข้อมูลถึงจังหวัด"),  # desktop/cli_exchange.py writes()
    "exchange import": (False, "นำเข้าชุดข้อมูลแลกเปลี่ยน"),
    "exchange receipt": (False, "ออกใบตอบรับ"),
    "exchange reconcile decide": (False, "บันทึกผลการตรวจสอบเด็กเลขเดียวกัน"),  # desktop/cli_province.py writes()
    "screening rescore": (False, "คิดผลคัดกรองใหม่"),  # desktop/cli_screening.py writes()
    "rulepack install": (False, "ติดตั้งชุดเกณฑ์"),
    "rulepack sign": (False, "ลงนามชุดเกณฑ์"),
    "grants create": (False, "สร้างรอบทุน"),
    "centre attendance import": (False, "นำเข้าการมาเรียนประจำวัน ศพด."),  # desktop/cli_centre.py writes()
    "centre rates set": (False, "บันทึกอัตราค่าอาหาร ศพด."),
    "growth add": (False, "บันทึกน้ำหนักและส่วนสูง"),  # desktop/cli_growth.py writes()
    "growth edit": (False, "แก้ไขผลการชั่ง/วัด"),
    "growth delete": (False, "ลบผลการชั่ง/วัด"),
    "cases import": (False, "นำเข้ารายชื่อเด็กนอกระบบ"),  # desktop/cli_cases.py writes() (not --dry-run)
}


def _command_name(args: argparse.Namespace) -> str:
    sub = (getattr(args, "db_command", None) or getattr(args, "import_command", None)
           or getattr(args, "users_command", None))
    return f"{args.command} {sub}" if sub else str(args.command)


def _run_command(args: argparse.Namespace) -> int:
    name = _command_name(args)
    if name == "db path":
        from desktop.store.db import resolve_url

        _print(resolve_url(args.db))
        return 0
    if name == "users passwd" and getattr(args, "by_recovery_key", False):
        from desktop.cli_users import reset_by_recovery_key

        return reset_by_recovery_key(args, _print, _err)  # no login: the recovery key authorises
    from desktop.cli_keys import after_command, before_open

    refused = before_open(args, name, _err)  # an encrypted file's key, before it is opened
    if refused is not None:
        return refused
    code = 10
    try:
        code = _run_unlocked(args, name)
    finally:
        after_command(args, code, _print, _err)  # a new database's recovery key, printed once
    return code


def _run_unlocked(args: argparse.Namespace, name: str) -> int:
    from desktop.services.database import open_database
    from desktop.store.activity import writing

    if name == "db check":
        return _db_check(args)
    if args.command == "backup":  # works on a damaged file: never opened for use here
        from desktop.cli_backup import run as run_backup

        return run_backup(args, _print, _err, _progress_printer("สำรองข้อมูล"))
    create, label = WRITES.get(name, (False, ""))
    if args.command == "households":
        from desktop.cli_households import writes

        label = writes(args)
    if args.command == "users":
        from desktop.cli_users import writes as user_writes

        label = user_writes(args)
    if args.command == "keys":
        from desktop.cli_exchange_keys import writes as key_writes

        label = key_writes(args)
    if args.command == "exchange":
        from desktop.cli_exchange import writes as exchange_writes

        label = exchange_writes(args)
    if args.command in ("screening", "rulepack", "grants"):
        from desktop.cli_screening import writes as screening_writes

        label = screening_writes(args)
    if args.command == "centre":
        from desktop.cli_centre import writes as centre_writes

        label = centre_writes(args)
    if args.command in ("growth", "dspm"):
        from desktop.cli_growth import writes as growth_writes

        label = growth_writes(args)
    if args.command == "cases":
        from desktop.cli_cases import writes as case_writes

        label = case_writes(args)
    write = bool(label) and not (name == "import children" and args.dry_run)
    db, upgraded = open_database(args.db, create=create, write=write)
    try:
        with writing(db.path if write else None, label):
            from desktop.cli_login import login

            refused = login(args, name, db, _err)  # every command below runs as a user
            if refused is not None:
                return refused
            from desktop.cli_keys import after_login

            after_login(args, db)  # opened with the recovery key: the user's key wrap back
            return _run_open(args, name, db, upgraded)
    finally:
        db.dispose()


def _run_open(args: argparse.Namespace, name: str, db: Any, upgraded: Any) -> int:
    if upgraded is not None and upgraded.changed and upgraded.from_revision is not None:
        _err(f"ปรับรุ่นฐานข้อมูล {upgraded.from_revision} → {upgraded.to_revision}"
             + (f" (สำรองไว้ที่ {upgraded.backup})" if upgraded.backup else ""))
    if name == "init":
        from desktop.services.office import init_office

        with db.session() as s:
            office = init_office(s, name=args.office_name, code=args.office_code,
                                 role=args.role, province=args.province)
        _print(f"ตั้งค่าหน่วยงาน: {office.name} ({office.code}) บทบาท {office.role}")
        from desktop.cli_exchange_keys import after_init as make_office_keys

        make_office_keys(args, db, _print, _err)  # the office's exchange keys, made at set-up
        from desktop.cli_keys import after_init

        after_init(args, db, _print, _err)  # --recovery-pdf FILE: the key on one page
        return 0
    if name == "demo":
        from desktop.services.demo import fill_demo

        result = fill_demo(db.engine, children=args.children, seed=args.seed,
                           progress=_progress_printer("สร้างข้อมูลตัวอย่าง"), screenings=True, grant_round=True)
        if sys.stderr is not None and sys.stderr.isatty():
            sys.stderr.write("\n")
        _print(f"เพิ่มเด็ก {result.children:,} คน ({result.rows:,} แถว) ใน {result.seconds:.1f} วินาที "
               f"({result.rows_per_second:,.0f} แถว/วินาที) หน่วยงาน: {result.office_name}"
               + (f" แบบคัดกรองความยากจน {result.screenings:,} แบบ" if result.screenings else ""))
        return 0
    if name == "stats":
        from desktop.services.stats import LABELS, MODULE_LABELS, module_counts, registry_counts

        with db.reader() as s:
            counts = registry_counts(s)
            modules = module_counts(s)
        labels = {**LABELS, **MODULE_LABELS}
        width = max(len(k) for k in [*counts, *modules])
        for key, value in [*counts.items(), *modules.items()]:
            _print(f"{key:<{width}}  {value:>10,}  {labels[key]}")
        return 0
    if args.command == "users":
        from desktop.cli_users import run as run_users

        return run_users(args, db, _print, _err)
    if args.command == "audit":
        from desktop.cli_audit import run as run_audit

        return run_audit(args, db, _print, _err)
    if args.command == "households":
        from desktop.cli_households import run as run_households

        return run_households(args, db, _print, _err)
    if args.command == "keys":
        from desktop.cli_exchange_keys import run as run_exchange_keys

        return run_exchange_keys(args, db, _print, _err)
    if args.command == "exchange":
        from desktop.cli_exchange import run as run_exchange

        return run_exchange(args, db, _print, _err)
    if args.command in ("screening", "rulepack", "grants"):
        from desktop.cli_screening import run as run_screening

        return run_screening(args, db, _print, _err)
    if args.command == "centre":
        from desktop.cli_centre import run as run_centre

        return run_centre(args, db, _print, _err)
    if args.command in ("growth", "dspm"):
        from desktop.cli_growth import run as run_growth

        return run_growth(args, db, _print, _err)
    if args.command == "cases":
        from desktop.cli_cases import run as run_cases

        return run_cases(args, db, _print, _err)
    if args.command in ("report", "import", "export"):
        from desktop.cli_documents import run

        label = {"report": "สร้างรายงาน", "import": "นำเข้า", "export": "ส่งออก"}[args.command]
        return run(args, db, _print, _err, _progress_printer(label))
    if name == "db encrypt":
        from desktop.cli_keys import encrypt

        return encrypt(args, db, _print, _err)
    if name == "db rekey":
        from desktop.cli_keys import rekey

        return rekey(args, db, _print, _err)
    if name == "db upgrade":
        from desktop.store import migrate

        _print(f"ฐานข้อมูลอยู่ที่รุ่น {migrate.current_revision(db.engine)} (ล่าสุด)")
        return 0
    return 2


def _db_check(args: argparse.Namespace) -> int:
    """Lists problems without opening the file for use: a damaged file is what it is for."""
    from desktop.services.database import open_database
    from desktop.store.db import busy_timeout_ms, resolve_url, sqlite_path
    from desktop.store.faults import (
        EXIT_BUSY,
        EXIT_DAMAGED,
        busy_message,
        damaged_message,
        holder_note,
    )
    from desktop.store.integrity import check_database, check_file

    path = sqlite_path(resolve_url(args.db))
    if path is None:
        db, _ = open_database(args.db, upgrade=False, write=False)
        try:
            problems = check_database(db.engine)
        finally:
            db.dispose()
        for problem in problems:
            _print(problem)
        if problems:
            _err(f"พบปัญหา {len(problems)} รายการ")
            return 1
        _print("ฐานข้อมูลถูกต้อง (integrity, foreign keys)")
        return 0
    from desktop.services.database import check_target

    read_only = check_target(path, write=False)
    report = check_file(path, read_only=read_only, timeout=busy_timeout_ms() / 1000)
    for problem in report.all:
        _print(problem)
    for note in report.skipped:
        _err(note)
    if report.damage:
        _err(f"พบความเสียหาย {len(report.damage)} รายการ")
        _err(damaged_message(path))
        return EXIT_DAMAGED
    if report.problems:
        _err(f"พบปัญหา {len(report.problems)} รายการ")
        return 1
    if report.busy:
        _err(busy_message(path, holder_note(path)) + " (ตรวจส่วนที่เหลือได้เมื่องานนั้นเสร็จ)")
        return EXIT_BUSY
    _print("ฐานข้อมูลถูกต้อง (integrity, foreign keys"
           + (", ดัชนีค้นหา)" if not report.skipped else ")"))
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
