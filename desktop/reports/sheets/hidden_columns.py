"""Hidden columns of an .xlsx (``<col min max hidden>`` before the sheet's data) or an .ods
(``<table:table-column table:visibility>``): read like the others (a column hidden for
printing, the IDs say, is still the clerk's data, and the mapping step can leave it out),
but never without a note that names them.

Ranges are 0-based, inclusive, in the sheet's columns (A is 0); Excel hides "the rest of
the sheet" as one range up to XFD, so only the columns of the table read are named.
"""

from __future__ import annotations

import re

ColumnRange = tuple[int, int]

_HIDDEN = re.compile(rb"""(?:^|\s)hidden\s*=\s*["'](?:1|true)["']""")
_MIN = re.compile(rb"""(?:^|\s)min\s*=\s*["']([0-9]{1,5})["']""")
_MAX = re.compile(rb"""(?:^|\s)max\s*=\s*["']([0-9]{1,5})["']""")


def xlsx_hidden_range(attrs: bytes) -> ColumnRange | None:
    """The columns a ``<col ...>`` tag hides (its attributes as bytes), or None."""
    if not _HIDDEN.search(attrs):
        return None
    low, high = _MIN.search(attrs), _MAX.search(attrs)
    if low is None:
        return None
    first = int(low[1])
    last = int(high[1]) if high is not None else first
    return (first - 1, last - 1) if 1 <= first <= last else None


def xlsx_hidden_range_of(attrs: dict[str, str]) -> ColumnRange | None:
    """The same for a tag parsed by expat (its attributes as a dict)."""
    if attrs.get("hidden") not in ("1", "true"):
        return None
    low, high = attrs.get("min", ""), attrs.get("max", "")
    if not low.isdigit():
        return None
    first, last = int(low), int(high) if high.isdigit() else int(low)
    return (first - 1, last - 1) if 1 <= first <= last else None


def hidden_in_table(ranges: list[ColumnRange], first_col: int, width: int) -> list[int]:
    """Which of the table's columns (0-based in the rows read, whose first column is the
    sheet's ``first_col``) the ranges hide."""
    return [i for i in range(width) if any(a <= first_col + i <= b for a, b in ranges)]


def hidden_note(columns: list[int], first_col: int, headers: list[str]) -> str:
    """The clerk's note naming the hidden columns read (Thai, like every reading note)."""
    from .cells import column_name

    named = ", ".join(
        f"{column_name(first_col + i)}" + (f" \"{headers[i]}\"" if headers[i] else "")
        for i in columns)
    return (f"คอลัมน์ที่ซ่อนไว้ในไฟล์ได้อ่านมาด้วย: {named} — ถ้าไม่ต้องการนำเข้า "
            "โปรดเลือก \"ไม่นำเข้า\" ให้คอลัมน์นั้นในขั้นจับคู่คอลัมน์")
