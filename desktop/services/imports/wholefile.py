"""Values the clerk gives once for a whole file (a class list names neither its class nor
its room nor how each guardian is related): institution, academic year, level, room and
guardian relation. Each is used for the rows whose own cell is empty; a row's own value
wins. Checked here once, before any row, with the same rules as the child form."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from desktop.domain.levels import InstitutionKind, level_by_code
from desktop.domain.limits import ENROLLMENT as ENROLLMENT_LIMITS
from desktop.domain.limits import GUARDIAN as GUARDIAN_LIMITS
from desktop.domain.limits import too_long
from desktop.domain.text import clean_text, thai_marks_problem
from desktop.store.models import Institution

from .model import ERROR, WARNING, CellProblem


@dataclass(frozen=True)
class WholeFile:
    """The clerk's values for the whole file, cleaned ("" or ``None``: not given)."""

    institution_id: int | None = None
    year_be: int | None = None
    level_code: str = ""
    classroom: str = ""
    relation: str = ""


def whole_file_problems(session: Session, *, institution_id: int | None = None,
                        level_code: str = "", classroom: str = "", relation: str = "") -> list[str]:
    """Thai messages, one per value that cannot be used for every row: a level not known
    or not taught at the institution, a room or relation too long or mistyped."""
    out: list[str] = []
    inst = session.get(Institution, institution_id) if institution_id is not None else None
    if institution_id is not None and (inst is None or inst.deleted_at is not None):
        out.append("ไม่พบสถานศึกษาที่เลือกสำหรับทั้งไฟล์ในทะเบียน โปรดเลือกใหม่")
    if level_code:
        try:
            level = level_by_code(level_code)
        except KeyError:
            out.append(f"ไม่รู้จักชั้น '{clean_text(level_code)}' ที่เลือกสำหรับทั้งไฟล์ "
                       "โปรดเลือกชั้น เช่น อ.1 ป.1 ม.1 หรือ เด็กเล็ก 3 ขวบ")
        else:
            if inst is not None and level.kind != InstitutionKind(inst.kind):
                out.append(f"ชั้น {level.label} ที่เลือกสำหรับทั้งไฟล์ไม่มีใน{inst.name} "
                           "โปรดเลือกชั้นให้ตรงกับประเภทสถานศึกษา")
    room = clean_text(classroom)
    if room:
        message = too_long(room, ENROLLMENT_LIMITS["classroom"], "ห้องเรียน") or thai_marks_problem(
            room, "ห้องเรียน")
        if message:
            out.append(f"{message} (ห้องเรียนสำหรับทั้งไฟล์)")
    rel = clean_text(relation)
    if rel:
        label = "ความเกี่ยวข้องกับเด็ก"
        message = too_long(rel, GUARDIAN_LIMITS["relation"], label) or thai_marks_problem(rel, label)
        if message:
            out.append(f"{message} (ความเกี่ยวข้องของผู้ปกครองสำหรับทั้งไฟล์)")
    return out


def whole_file_notes(session: Session, whole: WholeFile,
                     institution_column: bool) -> tuple[list[CellProblem], bool]:
    """The problems of the file that the whole-file values make (a bad value: an error; a
    level or room without any institution: a warning, once), and whether the level was
    said to be wrong (the rows then do not say it again)."""
    out: list[CellProblem] = []
    level_said = False
    for message in whole_file_problems(session, institution_id=whole.institution_id,
                                       level_code=whole.level_code, classroom=whole.classroom,
                                       relation=whole.relation):
        out.append(CellProblem(0, "", "", "", message, ERROR))
        level_said = level_said or message.startswith(("ชั้น", "ไม่รู้จักชั้น"))
    if (whole.level_code or whole.classroom) and whole.institution_id is None and not institution_column:
        out.append(CellProblem(
            0, "", "level", "", "เลือกชั้นหรือห้องเรียนสำหรับทั้งไฟล์ แต่ไม่ได้เลือกสถานศึกษา "
            "จะนำเข้าเด็กโดยไม่บันทึกการเข้าเรียน ถ้าต้องการ โปรดเลือกสถานศึกษาด้วย", WARNING))
    return out, level_said
