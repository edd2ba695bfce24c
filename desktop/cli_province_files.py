"""What the province's ``samoe report`` figures (province-screening, province-centres,
province-cases) share when ``--out`` names a file: its ending (.pdf printable, .xlsx .csv a
table), the PDF's options (``--landscape``, ``--sign``), writing it, and saying so (the
export noted on the home page)."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any

SUFFIXES = (".pdf", ".xlsx", ".csv")

MakePdf = Callable[[Any, Path, Any, Any], int]  # (session, out, options, progress) -> pages
MakeSheet = Callable[[Any, Path, Any], int]  # (session, path, progress) -> rows


def wrong_file(args: argparse.Namespace, err: Any) -> bool:
    """``--out`` names a file this cannot write (said in Thai)."""
    target: Path | None = args.out
    if target is not None and target.suffix.lower() not in SUFFIXES:
        err("ไฟล์ต้องลงท้ายด้วย .pdf (พิมพ์) หรือ .xlsx .csv (ตาราง)")
        return True
    return False


def write_file(session: Any, args: argparse.Namespace, pdf: MakePdf, sheet: MakeSheet, progress: Any) -> int:
    """``args.out`` written: a PDF's pages, or a table's rows."""
    from desktop.services.reports import ReportOptions, Signature

    target: Path = args.out
    if target.suffix.lower() == ".pdf":
        signatures = tuple(Signature(name=s.split("|", 1)[0].strip(),
                                     position=s.split("|", 1)[1].strip() if "|" in s else "")
                           for s in args.sign)
        return pdf(session, target, ReportOptions(landscape=args.landscape, signatures=signatures), progress)
    return sheet(session, target, progress)


def say_written(db: Any, args: argparse.Namespace, name: str, title: str, count: int, out: Any) -> None:
    from desktop.services.home import note_export

    target: Path = args.out
    if target.suffix.lower() == ".pdf":
        note_export(db, name, title, target, pages=count)
        out(f"เขียน {target} แล้ว {count:,} หน้า")
    else:
        note_export(db, name, title, target, rows=count)
        out(f"ส่งออก {count:,} แถวไปที่ {target}")
