"""``samoe report province-screening``: the province's poverty screening and grant figures
per municipality and school for one term (issue 11; services/province_screening.py).

    samoe report province-screening [--term 1/2569]                 the figures, printed
    samoe report province-screening [--term 1/2569] --out FILE.pdf  printable (A4)
    samoe report province-screening [--term 1/2569] --out FILE.xlsx|FILE.csv

Without ``--term``: the latest term with screenings. Exit codes: 0 done, 2 wrong
arguments (a term not written 1/2569, a file that is not .pdf .xlsx .csv), 4 no such
term here, 12 not permitted (``report.province``: a province officer).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

NAME = "province-screening"
TITLE = "สรุปการคัดกรองความยากจนและทุนเสมอภาคราย อปท."
EXIT_ARGS, EXIT_MISSING = 2, 4


def term_arg(text: str) -> tuple[int, int]:
    """``--term 1/2569`` → (2569, 1)."""
    import re

    match = re.fullmatch(r"\s*([1-9])\s*/\s*(2[4-8][0-9][0-9])\s*", text)
    if match is None:
        raise argparse.ArgumentTypeError(f"ภาคเรียนต้องเขียนเป็น ภาคเรียน/ปีการศึกษา เช่น 1/2569 ไม่ใช่ {text!r}")
    return int(match.group(2)), int(match.group(1))


def report(args: argparse.Namespace, db: Any, out: Any, err: Any, progress: Any) -> int:
    from desktop.services.home import note_export
    from desktop.services.province_screening import (
        NoSuchTerm,
        export_province_screening,
        province_screening,
        province_screening_pdf,
    )
    from desktop.services.reports import ReportOptions, Signature

    year_be, term = args.term if args.term else (None, None)
    target: Path | None = args.out
    suffix = target.suffix.lower() if target is not None else ""
    if target is not None and suffix not in (".pdf", ".xlsx", ".csv"):
        err("ไฟล์ต้องลงท้ายด้วย .pdf (พิมพ์) หรือ .xlsx .csv (ตาราง)")
        return EXIT_ARGS
    try:
        with db.reader() as session:
            if target is None:
                _print(province_screening(session, year_be, term), out)
                return 0
            if suffix == ".pdf":
                signatures = tuple(Signature(name=s.split("|", 1)[0].strip(),
                                             position=s.split("|", 1)[1].strip() if "|" in s else "")
                                   for s in args.sign)
                pages = province_screening_pdf(session, target, year_be, term,
                                               ReportOptions(landscape=args.landscape, signatures=signatures),
                                               progress)
            else:
                rows = export_province_screening(session, target, year_be, term, progress=progress)
    except NoSuchTerm as exc:
        err(str(exc))
        return EXIT_MISSING
    if suffix == ".pdf":
        note_export(db, NAME, TITLE, target, pages=pages)
        out(f"เขียน {target} แล้ว {pages:,} หน้า")
    else:
        note_export(db, NAME, TITLE, target, rows=rows)
        out(f"ส่งออก {rows:,} แถวไปที่ {target}")
    return 0


def _print(data: Any, out: Any) -> None:
    def line(label: str, f: Any) -> str:
        return (f"  {label}: คัดกรอง {f.screened:,} ยากจน {f.poor:,} ยากจนพิเศษ {f.extreme:,} รับรอง {f.certified:,}"
                f" มีสิทธิ์ {f.eligible:,} คน {f.eligible_amount:,} บาท จ่ายแล้ว {f.paid:,} คน {f.paid_amount:,} บาท")

    out(f"ผลการคัดกรองและทุนเสมอภาค ภาคเรียนที่ {data.term} อปท. {len(data.municipalities):,} แห่ง")
    for m in data.municipalities:
        out(line(f"{m.name} ({m.code}) รอบทุน {m.rounds}", m.figures))
        for s in m.schools:
            out("  " + line(s.name, s.figures))
    out(line("รวมทั้งจังหวัด", data.total))
