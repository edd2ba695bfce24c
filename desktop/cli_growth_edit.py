"""``samoe growth edit`` and ``samoe growth delete``: correct or delete one stored
measurement (issue 12), by its number as ``samoe growth show`` prints it ([เลขที่ N]).
The services do the checks (the same as a new measurement; a caregiver only for their
centre's children) and the audit entries (values before and after; a soft delete).

Exit codes as desktop/cli_growth.py: 0 done, 1 refused (the reason said, nothing
changed), 2 wrong arguments, 4 the measurement not found, 12 not permitted.
"""

from __future__ import annotations

import argparse
from typing import Any

EXIT_ARGS = 2


def run_edit(args: argparse.Namespace, db: Any, out: Any, err: Any) -> int:
    from desktop.cli_growth import print_measurement
    from desktop.domain.dates import DateParseError, parse_date
    from desktop.domain.growth import Method
    from desktop.services.growth import delete_measurement, edit_measurement, measurement_by_id

    if args.growth_command == "delete":
        with db.session() as s:
            view, name = measurement_by_id(s, args.measurement)
            delete_measurement(s, args.measurement)
        out(f"ลบผลการชั่ง/วัดแล้ว: {name}")
        print_measurement(view, out)
        return 0
    if not any((args.date, args.weight, args.height, args.head, args.no_head, args.method)):
        err("ไม่ได้ระบุค่าที่จะแก้: ใส่ --date --weight --height --head --no-head หรือ --method อย่างน้อยหนึ่งค่า")
        return EXIT_ARGS
    on = None
    if args.date:
        try:
            on = parse_date(args.date)
        except DateParseError as exc:
            err(f"วันที่ไม่ถูกต้อง: {exc}")
            return EXIT_ARGS
    with db.session() as s:
        before, name = measurement_by_id(s, args.measurement)
        method = before.method if args.method is None else None if args.method == "auto" else Method(args.method)
        view = edit_measurement(
            s, args.measurement, on or before.measured_on,
            weight_kg=args.weight if args.weight is not None else before.weight_kg,
            height_cm=args.height if args.height is not None else before.height_cm,
            head_cm=None if args.no_head else args.head if args.head is not None else before.head_cm,
            method=method, note=before.note)
    out(f"แก้ไขแล้ว: {name}")
    out("เดิม:")
    print_measurement(before, out)
    out("ใหม่:")
    print_measurement(view, out)
    return 0
