"""The ``samoe`` command's last line of defence: every failure becomes a Thai message and
an exit code, never a traceback, and never the driver's message (SQLAlchemy's carries the
statement and its parameters: children's names and national IDs).

Exit codes: 0 done, 1 invalid rows (nothing written) or a file that cannot be read or
written, 2 wrong arguments, 3 not a Samoe database or one from a newer Samoe, 4 no such
database (or an empty file), 5 damaged database, 6 read-only, 7 busy (another program is
writing), 8 database server or driver unavailable, 9 disk full, 10 an unexpected error,
11 login refused, 12 not permitted (desktop/cli_login.py), 130 cancelled with Ctrl+C.
``SAMOE_DEBUG=1`` shows the traceback of an unexpected error.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Callable
from pathlib import Path

from desktop.store.faults import EXIT_INTERNAL, classify

OS_ERRORS = {
    errno.ENOENT: "ไม่พบไฟล์หรือโฟลเดอร์",
    errno.EACCES: "ไม่มีสิทธิ์อ่านหรือเขียน",
    errno.EPERM: "ไม่มีสิทธิ์อ่านหรือเขียน",
    errno.ENOSPC: "พื้นที่ดิสก์เต็ม",
    errno.EROFS: "อยู่บนที่ที่เขียนไม่ได้ (อ่านอย่างเดียว)",
    errno.EISDIR: "เป็นโฟลเดอร์ ไม่ใช่ไฟล์",
    errno.ENOTDIR: "มีบางส่วนของชื่อที่ไม่ใช่โฟลเดอร์",
    errno.ENAMETOOLONG: "ชื่อไฟล์ยาวเกินไป",
    errno.EIO: "อ่านหรือเขียนดิสก์ไม่ได้ (ดิสก์หรือแฟลชไดรฟ์อาจมีปัญหา)",
}
if hasattr(errno, "EDQUOT"):
    OS_ERRORS[errno.EDQUOT] = "เกินโควตาพื้นที่ดิสก์"


def os_error_message(exc: OSError) -> str:
    """A file error in Thai: what, which file, what to do."""
    what = OS_ERRORS.get(exc.errno or 0, "อ่านหรือเขียนไฟล์ไม่ได้")
    name = f" {exc.filename}" if exc.filename else ""
    advice = {
        errno.ENOSPC: " ลบไฟล์ที่ไม่ใช้หรือเลือกดิสก์อื่นแล้วลองใหม่",
        errno.ENOENT: " ตรวจชื่อไฟล์และโฟลเดอร์ (โฟลเดอร์ต้องมีอยู่แล้ว)",
        errno.EACCES: " ขอสิทธิ์หรือเลือกโฟลเดอร์อื่น",
        errno.EROFS: " เลือกโฟลเดอร์อื่นที่เขียนได้",
    }.get(exc.errno or 0, "")
    return f"อ่านหรือเขียนไฟล์ไม่ได้{name}: {what}{advice}"


def no_space(exc: BaseException) -> bool:
    """A full disk somewhere in the chain of causes (libraries wrap the OSError)."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, OSError) and current.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
            return True
        current = current.__cause__ or current.__context__
    return False


def exit_code_for_os_error(exc: BaseException) -> int:
    return 9 if no_space(exc) else 1


def quiet_unraisable() -> None:
    """A library's object that fails again while being collected after an error (a zip
    writer closing on a full disk) makes Python print "Exception ignored" and a traceback;
    the error itself has been reported in Thai already."""
    import sys

    if not os.environ.get("SAMOE_DEBUG"):
        sys.unraisablehook = lambda _unraisable: None


def run_guarded(work: Callable[[], int], err: Callable[[str], None], db_path: Path | None) -> int:
    """Run one command; map whatever escapes it to a Thai message and an exit code."""
    from desktop.domain.errors import ValidationFailed
    from desktop.services.access import LoginRefused, NotPermitted
    from desktop.store.cipher import CipherError
    from desktop.store.faults import DatabaseFault
    from desktop.store.migrate import SchemaError

    try:
        return work()
    except ValidationFailed as exc:
        for problem in exc.problems:
            err(f"{problem.field}: {problem.message}")
        return 2
    except LoginRefused as exc:
        err(exc.message)
        return 11
    except CipherError as exc:  # an encrypted database's key could not be had or kept
        err(exc.message)
        return 11
    except NotPermitted as exc:
        err(exc.message)
        return 12
    except SchemaError as exc:
        err(str(exc))
        return 3
    except DatabaseFault as exc:
        err(str(exc))
        return exc.exit_code
    except KeyboardInterrupt:
        err("ยกเลิกแล้ว งานที่ยังไม่เสร็จไม่ได้บันทึก")
        return 130
    except MemoryError:
        err("หน่วยความจำไม่พอสำหรับงานนี้ งานที่ยังไม่เสร็จไม่ได้บันทึก ลองทำทีละส่วนหรือปิดโปรแกรมอื่น")
        return EXIT_INTERNAL
    except Exception as exc:
        fault = classify(exc, db_path)
        if fault is not None:
            err(str(fault))
            return fault.exit_code
        if isinstance(exc, OSError):
            err(os_error_message(exc))
            return exit_code_for_os_error(exc)
        if os.environ.get("SAMOE_DEBUG"):
            raise
        # the exception's text may hold data from the database: name its kind only
        err(f"เกิดข้อผิดพลาดที่ไม่คาดคิดในโปรแกรม ({type(exc).__name__}) งานที่ยังไม่เสร็จไม่ได้บันทึก "
            "โปรดแจ้งผู้ดูแลระบบ (ตั้ง SAMOE_DEBUG=1 แล้วสั่งใหม่เพื่อดูรายละเอียด)")
        return EXIT_INTERNAL
