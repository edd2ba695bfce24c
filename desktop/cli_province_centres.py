"""``samoe report province-centres``: the province's child development centres per
municipality and centre for one term: growth (measured, ผอม เตี้ย อ้วน), DSPM (checked,
suspected, re-checks overdue, referrals waiting) and attendance % (issue 12;
services/province_centres.py).

    samoe report province-centres [--term 2/2569] [--from 1/11/2569 --to 30/11/2569]
    samoe report province-centres [--term 2/2569] --out FILE.pdf          printable (A4)
    samoe report province-centres [--term 2/2569] --out FILE.xlsx|FILE.csv

Without ``--term``: the latest term with centre data; attendance over ``--from``/``--to``
(default: the term up to today). Exit codes: 0 done, 2 wrong arguments (a term not
written 2/2569, a date that is not one, ``--to`` before ``--from``, a file that is not
.pdf .xlsx .csv), 4 no such term here, 12 not permitted (``report.province``).
"""

from __future__ import annotations

import argparse
from datetime import date
from typing import Any

NAME = "province-centres"
TITLE = "สรุปพัฒนาการเด็กในศูนย์พัฒนาเด็กเล็กราย อปท."
EXIT_ARGS, EXIT_MISSING = 2, 4


def report(args: argparse.Namespace, db: Any, out: Any, err: Any, progress: Any) -> int:
    from desktop.cli_province_files import say_written, write_file, wrong_file
    from desktop.services.province_centres import (
        NoSuchTerm,
        export_province_centres,
        province_centres,
        province_centres_pdf,
    )

    year_be, term = args.term if args.term else (None, None)
    first: date | None = getattr(args, "first", None)
    last: date | None = getattr(args, "last", None)
    if first is not None and last is not None and last < first:
        err("--to (วันสุดท้าย) ต้องไม่ก่อน --from (วันแรก)")
        return EXIT_ARGS
    if wrong_file(args, err):
        return EXIT_ARGS
    period = {"first": first, "last": last}
    try:
        with db.reader() as session:
            if args.out is None:
                _print(province_centres(session, year_be, term, **period), out)
                return 0
            count = write_file(session, args,
                               lambda session, path, options, progress: province_centres_pdf(
                                   session, path, year_be, term, options, progress, **period),
                               lambda session, path, progress: export_province_centres(
                                   session, path, year_be, term, progress=progress, **period), progress)
    except NoSuchTerm as exc:
        err(str(exc))
        return EXIT_MISSING
    say_written(db, args, NAME, TITLE, count, out)
    return 0


def _print(data: Any, out: Any) -> None:
    from desktop.reports.province_centres import percent_text, period_text

    def line(label: str, f: Any) -> str:
        return (f"  {label}: เด็ก {f.children:,} ชั่ง/วัดแล้ว {f.measured:,} ผอม {f.thin:,} เตี้ย {f.short:,}"
                f" อ้วน {f.obese:,} ประเมิน DSPM {f.checked:,} สงสัยล่าช้า {f.suspected:,}"
                f" เลยกำหนดประเมินซ้ำ {f.overdue:,} รอผลส่งต่อ {f.waiting:,} มาเรียน {percent_text(f.percent)}")

    out(f"ศูนย์พัฒนาเด็กเล็ก ภาคเรียนที่ {data.term} การมาเรียน {period_text(data.first, data.last)}"
        f" อปท. {len(data.municipalities):,} แห่ง")
    for m in data.municipalities:
        out(line(f"{m.name} ({m.code})", m.figures))
        for c in m.centres:
            out("  " + line(c.name, c.figures))
    out(line("รวมทั้งจังหวัด", data.total))
