"""A process that saves children through the services in a loop, one transaction each,
and prints ``committed N`` (flushed) after each commit: the other side of the crash test
and of the backup-under-load test.

    python tests/unit/backup_writer.py DB_PATH FIRST [COUNT] [PAUSE_SECONDS]

Child N has the national ID ``make_national_id(f"{SERIES}{N:08d}")`` and one guardian in
its own household, written in the same transaction as the child (so "half-written" is a
child without its guardian or household, or a guardian without its child).
"""

from __future__ import annotations

import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SERIES = "1101"  # 4 digits, then the number in 8: 12 digits before the check digit


def national_id(n: int) -> str:
    from desktop.domain.identity import make_national_id

    return make_national_id(f"{SERIES}{n:08d}")


def form(n: int):  # type: ignore[no-untyped-def]
    from desktop.domain.address import Address
    from desktop.domain.child import ChildInput
    from desktop.domain.identity import IdType
    from desktop.domain.people import Sex
    from desktop.services.children import ChildForm, GuardianForm

    child = ChildInput(
        prefix="เด็กหญิง", first_name="ทดลอง", last_name="บันทึกต่อเนื่อง", sex=Sex.FEMALE,
        birth_date=date(2021, 8, 15), id_type=IdType.NATIONAL_ID, national_id=national_id(n),
        address=Address(house_no=f"{n}/1", village_no="4", subdistrict="บ้านใหม่",
                        district="เมืองนครราชสีมา", province="นครราชสีมา", postcode="30000"))
    guardian = GuardianForm(prefix="นาง", first_name="มาลี", last_name="บันทึกต่อเนื่อง",
                            relation="แม่", phone="081-234-5678", is_primary=True)
    return ChildForm(child=child, guardians=[guardian])


def writer_actor():  # type: ignore[no-untyped-def]
    from desktop.domain.roles import Role
    from desktop.services.access import Actor, Grant

    return Actor(0, "writer", "", tuple(Grant(role) for role in Role))


def main() -> int:
    sys.path.insert(0, str(ROOT))
    from desktop.services.children import save_child
    from desktop.store.db import Database

    path, first = Path(sys.argv[1]), int(sys.argv[2])
    count = int(sys.argv[3]) if len(sys.argv) > 3 else 10**9
    pause = float(sys.argv[4]) if len(sys.argv) > 4 else 0.0
    db = Database.open(path)
    db.set_actor(writer_actor())  # works as a user who may do everything (tests/actors.py)
    print("ready", flush=True)
    for n in range(first, first + count):
        with db.session() as s:
            save_child(s, form(n), today=date(2026, 11, 24))
        print(f"committed {n}", flush=True)  # only after the commit returned
        if pause:
            time.sleep(pause)
    db.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
