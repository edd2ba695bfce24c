"""A column of national IDs is never dropped without the clerk saying so.

A file's ID column may have a header Samoe does not know ("เลข ปชช. เด็ก", "บัตรแม่"). A
column not mapped whose values look like national IDs (13 digits, most of them passing the
check digit) is either taken as the child's ID, with a notice, when no column gives that
and it is the only such column; or it stops the import with an error until the clerk maps
it (e.g. to the guardian's ID) or says it is not to be imported (``ignored``).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from desktop.domain.identity import is_valid_national_id, normalise_national_id
from desktop.i18n import _

from .model import ERROR, WARNING, CellProblem

SAMPLE = 2000  # non-empty values looked at per column: enough to decide, cheap at 1M rows
MIN_THIRTEEN_SHARE = 0.8  # of the non-empty values, at least this share are 13 digits...
MIN_VALID_SHARE = 0.5  # ...and more than this share of those pass the check digit


def looks_like_ids(values: Sequence[str]) -> bool:
    """Most of the non-empty ``values`` are national IDs: 13 digits (Thai digits, dashes
    and spaces allowed) and, of those, most pass the check digit (13-digit numbers of
    other kinds pass it one time in ten)."""
    nonempty = thirteen = valid = 0
    for value in values:
        if not value or not value.strip():
            continue
        nonempty += 1
        nid = normalise_national_id(value)
        if len(nid) == 13 and nid.isascii() and nid.isdigit():
            thirteen += 1
            valid += is_valid_national_id(nid)
        if nonempty >= SAMPLE:
            break
    return (valid > 0 and thirteen >= MIN_THIRTEEN_SHARE * nonempty
            and valid > MIN_VALID_SHARE * thirteen)


def id_like_columns(headers: Sequence[str], rows: Sequence[Sequence[str]], *,
                    skip: Collection[int]) -> list[int]:
    """The columns (indexes, not in ``skip``) whose values look like national IDs."""
    found = []
    for i in range(len(headers)):
        if i in skip:
            continue
        if looks_like_ids([row[i] for row in rows[: SAMPLE * 5] if i < len(row)]):
            found.append(i)
    return found


def _name(headers: Sequence[str], i: int) -> str:
    return headers[i] or _("คอลัมน์ที่ {number}").format(number=i + 1)


def decide_id_columns(headers: Sequence[str], rows: Sequence[Sequence[str]],
                      mapping: dict[int, str], ignored: Collection[int]
                      ) -> tuple[dict[int, str], list[CellProblem]]:
    """The mapping to plan with (an ID column added when it is the only candidate and no
    column gives the child's ID) and the file's problems about such columns."""
    candidates = id_like_columns(headers, rows, skip={*mapping, *ignored})
    if not candidates:
        return mapping, []
    if len(candidates) == 1 and "national_id" not in mapping.values():
        i = candidates[0]
        name = _name(headers, i)
        notice = CellProblem(
            0, headers[i], "national_id", "",
            _("คอลัมน์ '{column}' มีเลขประจำตัวประชาชน 13 หลัก จึงนำเข้าเป็นเลขประจำตัวประชาชนของเด็ก "
              "ถ้าไม่ใช่ โปรดจับคู่คอลัมน์นี้ใหม่ หรือเลือกไม่นำเข้าคอลัมน์นี้").format(column=name), WARNING)
        return {**mapping, i: "national_id"}, [notice]
    problems = [
        CellProblem(
            0, headers[i], "national_id", "",
            _("คอลัมน์ '{column}' มีเลขประจำตัวประชาชน 13 หลักแต่ยังไม่ได้จับคู่ "
              "โปรดจับคู่กับข้อมูลที่ถูกต้อง (เช่น เลขประจำตัวประชาชนของเด็กหรือผู้ปกครอง) "
              "หรือเลือกไม่นำเข้าคอลัมน์นี้ จึงจะนำเข้าได้").format(column=_name(headers, i)), ERROR)
        for i in candidates
    ]
    return mapping, problems
