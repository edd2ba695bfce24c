"""Column mappings remembered per file layout, and the error report a clerk fixes."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Collection, Sequence
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from desktop.domain.columns import COLUMN_BY_KEY, guess_mapping, header_key
from desktop.i18n import N_, _
from desktop.store.models import Setting

from .model import ERROR, ImportPlan

MAPPING_PREFIX = "import.children.mapping."
# The error report is the clerk's worksheet, in the screen's language (its own columns are
# the file's, as typed); the three it adds are not headers the import reads.
ROW_HEADER = N_("แถวที่")
# Beside the row number (ชื่อเด็ก alone would be read as the first name).
NAME_HEADER = N_("ชื่อเด็ก (ตามไฟล์)")
PROBLEM_HEADER = N_("ปัญหา")


def mapping_key(headers: Sequence[str]) -> str:
    """The Setting key of a file layout: the sha1 of its headers in matching form, so a
    file with the same columns (spacing and dots aside) finds the same mapping."""
    text = "\x1f".join(header_key(h) for h in headers)
    return MAPPING_PREFIX + hashlib.sha1(text.encode("utf-8")).hexdigest()  # noqa: S324 - a name, not a secret


def _remembered(session: Session, headers: Sequence[str]) -> dict[str, Any]:
    stored = session.get(Setting, mapping_key(headers))
    if stored is None:
        return {}
    try:
        data = json.loads(stored.value)
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}


def suggest_mapping(session: Session, headers: Sequence[str]) -> dict[int, str]:
    """The mapping remembered for exactly these headers, else the one guessed from them."""
    data = _remembered(session, headers)
    if data:
        try:
            mapping = {int(i): str(k) for i, k in data["mapping"].items()}
        except (ValueError, KeyError, TypeError, AttributeError):
            mapping = {}
        if mapping and all(0 <= i < len(headers) and k in COLUMN_BY_KEY for i, k in mapping.items()):
            return dict(sorted(mapping.items()))
    return guess_mapping(headers)


def remembered_ignored(session: Session, headers: Sequence[str]) -> set[int]:
    """The columns the clerk left out for these headers last time (a column of national
    IDs said "not imported" is not asked about again); none when nothing usable is kept."""
    values = _remembered(session, headers).get("ignored")
    if not isinstance(values, list):
        return set()
    if not all(isinstance(i, int) and 0 <= i < len(headers) for i in values):
        return set()
    return set(values)


def remember_mapping(session: Session, headers: Sequence[str], mapping: dict[int, str],
                     ignored: Collection[int] = ()) -> None:
    """Keep the clerk's mapping, and the columns the clerk left out, for the next file
    with these headers (in the caller's transaction)."""
    value = json.dumps({"headers": list(headers),
                        "mapping": {str(i): k for i, k in sorted(mapping.items())},
                        "ignored": sorted(set(ignored) - set(mapping))},
                       ensure_ascii=False)
    key = mapping_key(headers)
    stored = session.get(Setting, key)
    if stored is None:
        session.add(Setting(key=key, value=value))
    else:
        stored.value = value
    session.flush()


def error_report_rows(plan: ImportPlan) -> tuple[list[str], list[list[str]]]:
    """Headers and rows of the error report: the file's own columns, then the row number,
    the child's name as the row writes it, and every problem of the row (warnings marked). Rows without a problem are left out;
    when the whole file is blocked every row is in it, with the file's problems."""
    headers = [*plan.headers, _(ROW_HEADER), _(NAME_HEADER), _(PROBLEM_HEADER)]
    file_messages = [p.message for p in plan.file_problems if p.severity == ERROR]
    out: list[list[str]] = []
    width = len(plan.headers)
    for r in sorted(plan.rows, key=lambda r: r.row):
        messages = list(file_messages)
        name = next((p.name for p in r.problems if p.name), "")
        for p in sorted(r.problems, key=lambda p: p.severity != ERROR):
            where = f"{p.column}: " if p.column else ""
            line = f"{where}{p.message}"
            messages.append(line if p.severity == ERROR else _("คำเตือน: {problem}").format(problem=line))
        if not messages:
            continue
        cells = list(r.cells[:width]) + [""] * (width - len(r.cells))
        out.append([*cells, str(r.row), name, "\n".join(messages)])
    return headers, out


def write_error_report(plan: ImportPlan, path: Path) -> int:
    """An .xlsx of the rows with problems, for the clerk to fix and import again (the extra
    columns are not recognised on import). Returns the rows written."""
    from desktop.reports.sheets import write_xlsx

    headers, rows = error_report_rows(plan)
    write_xlsx(Path(path), headers, rows, sheet_name=_("ปัญหาที่พบ"),
               text_columns=tuple(range(len(headers))))
    return len(rows)
