"""The ``samoe`` command: the GUI with no arguments, the same services from a terminal.

    samoe [--db PATH|URL] [--lang th|en]            open the program
    samoe --db office.db init --office-name NAME --office-code CODE [--role municipality]
    samoe --db office.db demo [--children N] [--seed S]
    samoe --db office.db stats
    samoe --db office.db db upgrade | db check
    samoe --self-test                               open the window offscreen, query, exit 0
    samoe report NAME --out FILE.pdf | import children FILE [--dry-run] | export NAME FILE
                                                    (see desktop/cli_documents.py)

``SAMOE_DB`` does what ``--db`` does. Heavy modules (Qt, pandas, reportlab) are imported
only by the commands that need them.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence


def _parser() -> argparse.ArgumentParser:
    from desktop import __version__

    p = argparse.ArgumentParser(
        prog="samoe",
        description="Samoe: ระบบทะเบียนเด็กและความเสมอภาคทางการศึกษาสำหรับ อปท. (ทำงานออฟไลน์)",
    )
    p.add_argument("--db", metavar="PATH|URL", help="ไฟล์ฐานข้อมูล SQLite หรือ URL ของ SQLAlchemy (หรือ SAMOE_DB)")
    p.add_argument("--lang", choices=("th", "en"), help="ภาษาของหน้าจอ (ค่าเริ่มต้น: ไทย)")
    p.add_argument("--version", action="version", version=f"samoe {__version__}")
    p.add_argument("--self-test", action="store_true", help="เปิดหน้าต่างหลักแบบไม่แสดงผล ทดสอบแล้วออก")
    sub = p.add_subparsers(dest="command")

    sub.add_parser("gui", help="เปิดโปรแกรม (ค่าเริ่มต้น)")

    init = sub.add_parser("init", help="ตั้งค่าหน่วยงานของฐานข้อมูลนี้")
    init.add_argument("--office-name", required=True)
    init.add_argument("--office-code", required=True)
    init.add_argument("--province", default="")
    init.add_argument("--role", choices=("municipality", "province"), default="municipality")

    demo = sub.add_parser("demo", help="เติมข้อมูลตัวอย่าง (สมมุติ) สำหรับทดลองใช้")
    demo.add_argument("--children", type=int, default=2000)
    demo.add_argument("--seed", type=int, default=1)

    sub.add_parser("stats", help="นับจำนวนระเบียนแต่ละประเภท")

    db = sub.add_parser("db", help="ดูแลฐานข้อมูล")
    db_sub = db.add_subparsers(dest="db_command", required=True)
    db_sub.add_parser("upgrade", help="ปรับรุ่นฐานข้อมูล (สำรองไฟล์ก่อน)")
    db_sub.add_parser("check", help="ตรวจความถูกต้องของฐานข้อมูลและ foreign key")
    db_sub.add_parser("path", help="แสดงตำแหน่งไฟล์ฐานข้อมูล")

    from desktop.cli_documents import add_parsers

    add_parsers(sub)
    return p


def _print(text: str) -> None:
    if sys.stdout is not None:  # a windowed Windows build has no console
        sys.stdout.write(text + "\n")


def _err(text: str) -> None:
    if sys.stderr is not None:
        sys.stderr.write(text + "\n")


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
    args = _parser().parse_args(argv)
    if args.db:
        os.environ["SAMOE_DB"] = args.db
    if args.self_test:
        from desktop.gui.selftest import run_self_test

        return run_self_test(lang=args.lang)
    if args.command in (None, "gui"):
        from desktop.gui.app import run_gui

        return run_gui(db_target=args.db, lang=args.lang)

    from desktop.domain.errors import ValidationFailed
    from desktop.store.migrate import SchemaError

    try:
        return _run_command(args)
    except ValidationFailed as exc:
        for problem in exc.problems:
            _err(f"{problem.field}: {problem.message}")
        return 2
    except SchemaError as exc:
        _err(str(exc))
        return 3


def _run_command(args: argparse.Namespace) -> int:
    from desktop.services.database import open_database

    if args.command == "db" and args.db_command == "path":
        from desktop.store.db import resolve_url

        _print(resolve_url(args.db))
        return 0
    db, upgraded = open_database(args.db)
    try:
        if upgraded is not None and upgraded.changed and upgraded.from_revision is not None:
            _err(f"ปรับรุ่นฐานข้อมูล {upgraded.from_revision} → {upgraded.to_revision}"
                 + (f" (สำรองไว้ที่ {upgraded.backup})" if upgraded.backup else ""))
        if args.command == "init":
            from desktop.services.office import init_office

            with db.session() as s:
                office = init_office(s, name=args.office_name, code=args.office_code,
                                     role=args.role, province=args.province)
            _print(f"ตั้งค่าหน่วยงาน: {office.name} ({office.code}) บทบาท {office.role}")
            return 0
        if args.command == "demo":
            from desktop.services.demo import fill_demo

            if args.children < 1:
                _err("--children ต้องเป็นจำนวนเต็มบวก")
                return 2
            result = fill_demo(db.engine, children=args.children, seed=args.seed,
                               progress=_progress_printer("สร้างข้อมูลตัวอย่าง"))
            if sys.stderr is not None and sys.stderr.isatty():
                sys.stderr.write("\n")
            _print(f"เพิ่มเด็ก {result.children:,} คน ({result.rows:,} แถว) ใน {result.seconds:.1f} วินาที "
                   f"({result.rows_per_second:,.0f} แถว/วินาที) หน่วยงาน: {result.office_name}")
            return 0
        if args.command == "stats":
            from desktop.services.stats import LABELS, registry_counts

            with db.reader() as s:
                counts = registry_counts(s)
            width = max(len(k) for k in counts)
            for key, value in counts.items():
                _print(f"{key:<{width}}  {value:>10,}  {LABELS[key]}")
            return 0
        if args.command in ("report", "import", "export"):
            from desktop.cli_documents import run

            label = {"report": "สร้างรายงาน", "import": "นำเข้า", "export": "ส่งออก"}[args.command]
            return run(args, db, _print, _err, _progress_printer(label))
        if args.command == "db" and args.db_command == "upgrade":
            from desktop.store import migrate

            _print(f"ฐานข้อมูลอยู่ที่รุ่น {migrate.current_revision(db.engine)} (ล่าสุด)")
            return 0
        if args.command == "db" and args.db_command == "check":
            from desktop.store.integrity import check_database

            problems = check_database(db.engine)
            for problem in problems:
                _print(problem)
            if problems:
                _err(f"พบปัญหา {len(problems)} รายการ")
                return 1
            _print("ฐานข้อมูลถูกต้อง (integrity, foreign keys, ดัชนีค้นหา)")
            return 0
    finally:
        db.dispose()
    return 2


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
