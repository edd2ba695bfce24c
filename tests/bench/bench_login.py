"""Login: ``authenticate`` (Argon2id verify with the production settings, the lockout
bookkeeping and the audit entry, one write transaction) on a fresh database, against a
bare argon2-cffi ``verify`` of a hash with the same settings, in the same run.

Goal (issue 9): a login under 1 s on this machine.

    python tests/bench/bench_login.py [--runs 7]
"""

from __future__ import annotations

import argparse
import contextlib
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from _common import Row, text_table  # noqa: E402

GOAL_S = 1.0
PASSWORD = "bench-password-1234"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args(argv)

    from argon2 import PasswordHasher, Type

    from desktop.services import access
    from desktop.services.access import authenticate
    from desktop.services.users import create_first_admin
    from desktop.store import migrate
    from desktop.store.db import Database

    bare = PasswordHasher(time_cost=access.TIME_COST, memory_cost=access.MEMORY_KIB,
                          parallelism=access.PARALLELISM, hash_len=32, salt_len=16, type=Type.ID)
    with tempfile.TemporaryDirectory(prefix="samoe-bench-login-") as tmp:
        db = Database.open(Path(tmp) / "login.db")
        migrate.upgrade(db)
        t = time.perf_counter()
        create_first_admin(db, "admin", PASSWORD)
        create_s = time.perf_counter() - t
        authenticate(db, "admin", PASSWORD)  # warm: imports, first connection
        logins, verifies, wrong = [], [], []
        stored = bare.hash(PASSWORD)
        for _ in range(args.runs):
            t = time.perf_counter()
            authenticate(db, "admin", PASSWORD)
            logins.append(time.perf_counter() - t)
            t = time.perf_counter()
            bare.verify(stored, PASSWORD)
            verifies.append(time.perf_counter() - t)
        for _ in range(min(args.runs, 4)):  # below the lockout's 5
            t = time.perf_counter()
            with contextlib.suppress(access.LoginRefused):
                authenticate(db, "admin", "not-the-password")
            wrong.append(time.perf_counter() - t)
        db.dispose()
    login_s, verify_s = statistics.median(logins), statistics.median(verifies)
    wrong_s = statistics.median(wrong)
    rows = [
        Row(None, "login (authenticate, median)", login_s, verify_s, "s", f"< {GOAL_S:.0f} s", login_s < GOAL_S),
        Row(None, "wrong password (median)", wrong_s, verify_s, "s", f"< {GOAL_S:.0f} s", wrong_s < GOAL_S),
        Row(None, "first administrator (hash + write)", create_s, None, "s"),
    ]
    print(f"Argon2id m={access.MEMORY_KIB // 1024} MiB t={access.TIME_COST} p={access.PARALLELISM}, "
          f"{args.runs} runs; baseline: a bare argon2-cffi verify with the same settings")
    print(text_table(rows))
    return 0 if login_s < GOAL_S else 1


if __name__ == "__main__":
    raise SystemExit(main())
