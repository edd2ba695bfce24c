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
    from desktop.cli_province_files import say_written, write_file, wrong_file
    from desktop.services.province_screening import (
        NoSuchTerm,
        export_province_screening,
        province_screening,
        province_screening_pdf,
    )

    year_be, term = args.term if args.term else (None, None)
    if wrong_file(args, err):
        return EXIT_ARGS
    try:
        with db.reader() as session:
            if args.out is None:
                _print(province_screening(session, year_be, term), out)
                return 0
            count = write_file(session, args,
                               lambda session, path, options, progress: province_screening_pdf(
                                   session, path, year_be, term, options, progress),
                               lambda session, path, progress: export_province_screening(
                                   session, path, year_be, term, progress=progress), progress)
    except NoSuchTerm as exc:
        err(str(exc))
        return EXIT_MISSING
    say_written(db, args, NAME, TITLE, count, out)
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
