"""Values the clerk gives once for a whole file (a class list names neither its class nor
its room nor how each guardian is related): institution, academic year, level, room and
guardian relation. Each is used for the rows whose own cell is empty; a row's own value
wins. Checked here once, before any row, with the same rules as the child form."""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from sqlalchemy.orm import Session

from desktop.domain.levels import InstitutionKind, level_by_code
from desktop.domain.limits import ENROLLMENT as ENROLLMENT_LIMITS
from desktop.domain.limits import GUARDIAN as GUARDIAN_LIMITS
from desktop.domain.limits import too_long
from desktop.domain.text import clean_text, thai_marks_problem
from desktop.i18n import N_, _
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


class WholeFileProblem(NamedTuple):
    """A whole-file value that cannot be used: which one (a column key: ``institution``,
    ``level``, ``classroom``, ``guardian_relation``) and the message, in the screen's language."""

    field: str
    message: str


def whole_file_findings(session: Session, *, institution_id: int | None = None,
                        level_code: str = "", classroom: str = "", relation: str = "") -> list[WholeFileProblem]:
    """One problem per value that cannot be used for every row: an institution gone, a level
    not known or not taught at the institution, a room or relation too long or mistyped."""
    out: list[WholeFileProblem] = []
    inst = session.get(Institution, institution_id) if institution_id is not None else None
    if institution_id is not None and (inst is None or inst.deleted_at is not None):
        out.append(WholeFileProblem("institution", _("ไม่พบสถานศึกษาที่เลือกสำหรับทั้งไฟล์ในทะเบียน โปรดเลือกใหม่")))
    if level_code:
        try:
            level = level_by_code(level_code)
        except KeyError:
            out.append(WholeFileProblem("level", _(
                "ไม่รู้จักชั้น '{level}' ที่เลือกสำหรับทั้งไฟล์ "
                "โปรดเลือกชั้น เช่น อ.1 ป.1 ม.1 หรือ เด็กเล็ก 3 ขวบ").format(level=clean_text(level_code))))
        else:
            if inst is not None and level.kind != InstitutionKind(inst.kind):
                out.append(WholeFileProblem("level", _(
                    "ชั้น {level} ที่เลือกสำหรับทั้งไฟล์ไม่มีใน{institution} "
                    "โปรดเลือกชั้นให้ตรงกับประเภทสถานศึกษา").format(level=level.display_label,
                                                               institution=inst.name)))
    room = clean_text(classroom)
    if room:
        label = N_("ห้องเรียน")
        message = too_long(room, ENROLLMENT_LIMITS["classroom"], label) or thai_marks_problem(room, label)
        if message:
            out.append(WholeFileProblem("classroom", _("{message} (ห้องเรียนสำหรับทั้งไฟล์)").format(
                message=message)))
    rel = clean_text(relation)
    if rel:
        label = N_("ความเกี่ยวข้องกับเด็ก")
        message = too_long(rel, GUARDIAN_LIMITS["relation"], label) or thai_marks_problem(rel, label)
        if message:
            out.append(WholeFileProblem("guardian_relation", _(
                "{message} (ความเกี่ยวข้องของผู้ปกครองสำหรับทั้งไฟล์)").format(message=message)))
    return out


def whole_file_problems(session: Session, *, institution_id: int | None = None,
                        level_code: str = "", classroom: str = "", relation: str = "") -> list[str]:
    """The messages of :func:`whole_file_findings` (the command line says them as they are)."""
    return [p.message for p in whole_file_findings(session, institution_id=institution_id,
                                                   level_code=level_code, classroom=classroom,
                                                   relation=relation)]


def whole_file_notes(session: Session, whole: WholeFile,
                     institution_column: bool) -> tuple[list[CellProblem], bool]:
    """The problems of the file that the whole-file values make (a bad value: an error; a
    level or room without any institution: a warning, once), and whether the level was
    said to be wrong (the rows then do not say it again)."""
    out: list[CellProblem] = []
    for found in whole_file_findings(session, institution_id=whole.institution_id,
                                     level_code=whole.level_code, classroom=whole.classroom,
                                     relation=whole.relation):
        out.append(CellProblem(0, "", found.field, "", found.message, ERROR))
    level_said = any(p.field == "level" for p in out)
    if (whole.level_code or whole.classroom) and whole.institution_id is None and not institution_column:
        out.append(CellProblem(
            0, "", "level", "", _("เลือกชั้นหรือห้องเรียนสำหรับทั้งไฟล์ แต่ไม่ได้เลือกสถานศึกษา "
                                  "จะนำเข้าเด็กโดยไม่บันทึกการเข้าเรียน ถ้าต้องการ โปรดเลือกสถานศึกษาด้วย"),
            WARNING))
    return out, level_said
