"""``samoe report province-cases``: the province's out-of-school children's cases per
municipality (issue 13; services/province_cases.py): open cases by status, closed cases
by outcome, follow-ups past due.

    samoe report province-cases                              prints the figures
    samoe report province-cases --out FILE.pdf              printable (A4; --landscape, --sign)
    samoe report province-cases --out FILE.xlsx|FILE.csv     a row a municipality, the total last

Exit codes: 0 done, 2 wrong arguments (a file that is not .pdf .xlsx .csv), 12 not
permitted (``report.province``: a province officer).
"""

from __future__ import annotations

import argparse
from typing import Any

NAME = "province-cases"
TITLE = "สรุปกรณีเด็กนอกระบบการศึกษาราย อปท."
EXIT_ARGS = 2


def report(args: argparse.Namespace, db: Any, out: Any, err: Any, progress: Any) -> int:
    from desktop.cli_province_files import say_written, write_file, wrong_file
    from desktop.services.province_cases import (
        export_province_cases,
        province_cases,
        province_cases_pdf,
    )

    if wrong_file(args, err):
        return EXIT_ARGS
    with db.reader() as session:
        if args.out is None:
            _print(province_cases(session), out)
            return 0
        count = write_file(session, args, province_cases_pdf,
                           lambda session, path, progress: export_province_cases(session, path, progress=progress),
                           progress)
    say_written(db, args, NAME, TITLE, count, out)
    return 0


def _print(data: Any, out: Any) -> None:
    from desktop.i18n import SOURCE_LANGUAGE, pinned

    with pinned(SOURCE_LANGUAGE):  # the command's words are Thai, as every command's

        def line(label: str, f: Any) -> str:
            lines = f.breakdown()
            statuses = ", ".join(f"{t} {n:,}" for k, t, n in lines if k == "open") or "-"
            outcomes = ", ".join(f"{t} {n:,}" for k, t, n in lines if k == "closed") or "-"
            return (f"  {label}: เปิดอยู่ {f.open:,} กรณี ({statuses}) · ปิดแล้ว {f.closed:,} กรณี ({outcomes})"
                    f" · เลยกำหนดนิเทศติดตาม {f.overdue:,} กรณี")

        out(f"กรณีเด็กนอกระบบการศึกษาราย อปท. ({len(data.municipalities):,} แห่ง)")
        for m in data.municipalities:
            out(line(f"{m.name} ({m.code})", m.figures))
        out(line("รวมทั้งจังหวัด", data.total))
