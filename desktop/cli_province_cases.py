"""``samoe report province-cases``: the province's out-of-school children's cases per
municipality (issue 13; services/province_cases.py): open cases by status, closed cases
by outcome, follow-ups past due.

    samoe report province-cases

Exit codes: 0 done, 12 not permitted (``report.province``: a province officer).
"""

from __future__ import annotations

import argparse
from typing import Any


def report(args: argparse.Namespace, db: Any, out: Any, err: Any, progress: Any) -> int:
    from desktop.domain.cases import outcome_label, status_label
    from desktop.i18n import SOURCE_LANGUAGE, pinned
    from desktop.services.province_cases import province_cases

    if args.out is not None:
        err("province-cases พิมพ์ตัวเลขบนหน้าจอเท่านั้น ไม่ต้องระบุ --out")
        return 2
    with db.reader() as session:
        data = province_cases(session)
    with pinned(SOURCE_LANGUAGE):  # the command's words are Thai, as every command's

        def line(label: str, f: Any) -> str:
            statuses = ", ".join(f"{status_label(k)} {v:,}" for k, v in f.by_status.items()) or "-"
            outcomes = ", ".join(f"{outcome_label(k) if k else 'ไม่ระบุผล'} {v:,}" for k, v in f.outcomes.items()) or "-"
            return (f"  {label}: เปิดอยู่ {f.open:,} กรณี ({statuses}) · ปิดแล้ว {f.closed:,} กรณี ({outcomes})"
                    f" · เลยกำหนดนิเทศติดตาม {f.overdue:,} กรณี")

        out(f"กรณีเด็กนอกระบบการศึกษาราย อปท. ({len(data.municipalities):,} แห่ง)")
        for m in data.municipalities:
            out(line(f"{m.name} ({m.code})", m.figures))
        out(line("รวมทั้งจังหวัด", data.total))
    return 0
