"""The needs assessment of an out-of-school child's case (issue 13), as data with its
checks. No Qt, no SQL.

Six areas (economic, family, health, disability, learning, legal status), each rated
(no need / some need / urgent) with the needs found ticked from a fixed list and a note;
and the reasons the child left school (or never entered it). The lists are Samoe's own
(the EEF's form is not public): they carry a version, ``CATALOGUE_VERSION``, that each
assessment records, so a later list does not change how an old assessment reads. They
stay in code rather than in resources/ because every label needs its English through the
core catalogue (``N_`` here, core_en.po).

The rules:
- An assessment is **complete** (the case may move to ``assessed``) when every area is
  rated, at least one reason for leaving is given, and nothing is wrong.
- An area with a need ticked cannot be rated "no need"; an area rated as a need with
  nothing ticked must say what in its note.
- Reason ``other`` needs its text; ``never_enrolled`` cannot stand with another reason
  (a child who never entered school did not leave it for a reason).
- Legal status: ``no_id`` cannot be ticked for a child the registry knows by national
  ID (the service passes what it holds); ``migrant`` and ``stateless`` may stand together.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from types import MappingProxyType

from desktop.i18n import N_, _

from .cases import NOTE_MAX, REASON_MAX, date_problem, text_problem
from .errors import Problem
from .identity import IdType
from .text import clean_text

CATALOGUE_VERSION = 1


class Area(StrEnum):
    ECONOMIC = "economic"
    FAMILY = "family"
    HEALTH = "health"
    DISABILITY = "disability"
    LEARNING = "learning"
    LEGAL = "legal"


AREA_LABELS: Mapping[Area, str] = MappingProxyType({
    Area.ECONOMIC: N_("เศรษฐกิจ"),
    Area.FAMILY: N_("ครอบครัว"),
    Area.HEALTH: N_("สุขภาพ"),
    Area.DISABILITY: N_("ความพิการ"),
    Area.LEARNING: N_("การเรียนรู้"),
    Area.LEGAL: N_("สถานะทางกฎหมาย"),
})


class Level(StrEnum):
    NONE = "none"
    SOME = "some"
    URGENT = "urgent"


LEVEL_LABELS: Mapping[Level, str] = MappingProxyType({
    Level.NONE: N_("ไม่มีความต้องการ"),
    Level.SOME: N_("ต้องการความช่วยเหลือ"),
    Level.URGENT: N_("ต้องช่วยเหลือเร่งด่วน"),
})

# code -> label, per area (order: as the form lists them)
NEEDS: Mapping[Area, Mapping[str, str]] = MappingProxyType({
    Area.ECONOMIC: MappingProxyType({
        "low_income": N_("รายได้ครัวเรือนไม่พอใช้จ่าย"),
        "must_earn": N_("เด็กต้องทำงานหารายได้"),
        "school_costs": N_("ขาดค่าอุปกรณ์ ชุด หรือค่าใช้จ่ายในการเรียน"),
        "travel_costs": N_("ขาดค่าเดินทาง"),
        "debt": N_("ครอบครัวมีหนี้สิน"),
    }),
    Area.FAMILY: MappingProxyType({
        "without_parents": N_("ไม่ได้อยู่กับพ่อแม่"),
        "carer_for_family": N_("ต้องดูแลสมาชิกในครอบครัว"),
        "violence": N_("มีความรุนแรงในครอบครัว"),
        "teen_parent": N_("ตั้งครรภ์หรือเป็นพ่อแม่วัยรุ่น"),
        "family_conflict": N_("ครอบครัวมีปัญหาความสัมพันธ์"),
    }),
    Area.HEALTH: MappingProxyType({
        "chronic_illness": N_("เจ็บป่วยเรื้อรัง"),
        "mental_health": N_("ปัญหาสุขภาพจิต"),
        "substance_use": N_("ใช้สารเสพติด"),
        "pregnancy": N_("ตั้งครรภ์"),
    }),
    Area.DISABILITY: MappingProxyType({
        "seeing": N_("ความพิการทางการเห็น"),
        "hearing": N_("ความพิการทางการได้ยินหรือสื่อความหมาย"),
        "moving": N_("ความพิการทางการเคลื่อนไหวหรือทางร่างกาย"),
        "mental": N_("ความพิการทางจิตใจหรือพฤติกรรม"),
        "intellectual": N_("ความพิการทางสติปัญญา"),
        "learning_disability": N_("ความพิการทางการเรียนรู้"),
        "autism": N_("ออทิสติก"),
        "no_disability_card": N_("ยังไม่มีบัตรประจำตัวคนพิการ"),
    }),
    Area.LEARNING: MappingProxyType({
        "behind": N_("เรียนไม่ทันเพื่อน"),
        "literacy": N_("อ่านเขียนไม่คล่อง"),
        "over_age": N_("อายุเกินชั้นเรียน"),
        "far_from_school": N_("สถานศึกษาอยู่ไกล"),
        "bullied": N_("ถูกกลั่นแกล้งที่สถานศึกษา"),
    }),
    Area.LEGAL: MappingProxyType({
        "no_id": N_("ไม่มีเลขประจำตัวประชาชน"),
        "no_birth_record": N_("ไม่ได้แจ้งเกิด"),
        "migrant": N_("เด็กข้ามชาติ"),
        "stateless": N_("ไร้สัญชาติ"),
        "justice": N_("อยู่ในกระบวนการยุติธรรม"),
    }),
})


class LeaveReason(StrEnum):
    POVERTY = "poverty"
    WORK = "work"
    FAMILY = "family"
    MOVED = "moved"
    HEALTH = "health"
    DISABILITY = "disability"
    PREGNANCY_MARRIAGE = "pregnancy_marriage"
    LEARNING = "learning"
    BEHAVIOUR = "behaviour"
    BULLIED = "bullied"
    DISTANCE = "distance"
    DOCUMENTS = "documents"
    DRUGS = "drugs"
    NOT_INTERESTED = "not_interested"
    NEVER_ENROLLED = "never_enrolled"
    OTHER = "other"


REASON_LABELS: Mapping[LeaveReason, str] = MappingProxyType({
    LeaveReason.POVERTY: N_("ครอบครัวยากจน"),
    LeaveReason.WORK: N_("ต้องทำงานช่วยครอบครัว"),
    LeaveReason.FAMILY: N_("ปัญหาครอบครัว"),
    LeaveReason.MOVED: N_("ย้ายที่อยู่ตามครอบครัว"),
    LeaveReason.HEALTH: N_("ปัญหาสุขภาพ"),
    LeaveReason.DISABILITY: N_("ความพิการ"),
    LeaveReason.PREGNANCY_MARRIAGE: N_("ตั้งครรภ์หรือสมรส"),
    LeaveReason.LEARNING: N_("เรียนไม่ทันหรือไม่ผ่านเกณฑ์"),
    LeaveReason.BEHAVIOUR: N_("ปัญหาพฤติกรรม"),
    LeaveReason.BULLIED: N_("ถูกกลั่นแกล้ง"),
    LeaveReason.DISTANCE: N_("การเดินทางไม่สะดวก"),
    LeaveReason.DOCUMENTS: N_("ไม่มีเอกสารหรือหลักฐานการเข้าเรียน"),
    LeaveReason.DRUGS: N_("ยาเสพติด"),
    LeaveReason.NOT_INTERESTED: N_("ไม่สนใจเรียน"),
    LeaveReason.NEVER_ENROLLED: N_("ไม่เคยเข้าเรียน"),
    LeaveReason.OTHER: N_("อื่น ๆ"),
})


def area_label(area: Area | str) -> str:
    return _(AREA_LABELS[Area(area)])


def need_label(area: Area | str, code: str) -> str:
    return _(NEEDS[Area(area)][code])


def reason_label(reason: LeaveReason | str) -> str:
    return _(REASON_LABELS[LeaveReason(reason)])


@dataclass(frozen=True)
class AreaRating:
    level: Level | None = None  # None: not rated yet
    needs: frozenset[str] = frozenset()
    note: str = ""


@dataclass(frozen=True)
class Assessment:
    assessed_on: date
    by: str
    areas: Mapping[Area, AreaRating] = field(default_factory=dict)
    reasons: frozenset[LeaveReason] = frozenset()
    other_reason: str = ""
    last_school: str = ""  # as the child or family says it
    left_on: date | None = None  # about when the child left (None: unknown, or never enrolled)
    note: str = ""
    version: int = CATALOGUE_VERSION


LAST_SCHOOL_MAX = 200


def is_empty(a: Assessment) -> bool:
    """Nothing filled: no area rated or noted, no reason, no school, no date left, no note."""
    rated = any(r.level is not None or r.needs or clean_text(r.note) for r in a.areas.values())
    return not (rated or a.reasons or clean_text(a.other_reason) or clean_text(a.last_school)
                or a.left_on is not None or clean_text(a.note))


def check_assessment(a: Assessment, *, today: date, opened_on: date | None = None,
                     id_type: IdType | None = None) -> list[Problem]:
    """Every problem of the assessment (empty: it may be saved). A saved assessment need
    not be complete: ``is_complete`` says whether the case may move to ``assessed``.
    ``id_type``: how the registry knows the child (``no_id`` cannot contradict it)."""
    problems: list[Problem] = []
    if is_empty(a):  # a saved "assessment" with nothing in it would read as one done
        problems.append(Problem("areas", _("ยังไม่ได้กรอกการประเมิน โปรดประเมินอย่างน้อยหนึ่งด้าน "
                                           "หรือระบุสาเหตุที่ออกจากการศึกษาก่อนบันทึก")))
    if a.version != CATALOGUE_VERSION:
        problems.append(Problem("version", _("แบบประเมินฉบับที่ {version} ไม่ใช่ฉบับปัจจุบัน ({current}) "
                                             "โปรดประเมินใหม่ด้วยแบบฉบับปัจจุบัน").format(
                                                 version=a.version, current=CATALOGUE_VERSION)))
    p = date_problem("assessed_on", a.assessed_on, today, not_before=opened_on, before_label=N_("วันที่เปิดกรณี"))
    if p:
        problems.append(p)
    for area, rating in a.areas.items():
        problems += _area_problems(Area(area), rating, id_type)
    if LeaveReason.NEVER_ENROLLED in a.reasons and len(a.reasons) > 1:
        problems.append(Problem("reasons", _("เลือก \"ไม่เคยเข้าเรียน\" แล้ว เลือกเหตุผลที่ออกจากโรงเรียนอื่นอีกไม่ได้")))
    other = clean_text(a.other_reason)
    p = text_problem("other_reason", other, REASON_MAX, N_("เหตุผลอื่น"),
                     required=_("เลือกเหตุผล \"อื่น ๆ\" แล้ว โปรดระบุเหตุผล") if LeaveReason.OTHER in a.reasons else None)
    if p:
        problems.append(p)
    if other and LeaveReason.OTHER not in a.reasons:
        problems.append(Problem("other_reason", _("ระบุเหตุผลอื่นไว้ โปรดเลือก \"อื่น ๆ\" ด้วย หรือลบข้อความออก")))
    if a.left_on is not None:
        if LeaveReason.NEVER_ENROLLED in a.reasons:
            problems.append(Problem("left_on", _("เด็กที่ไม่เคยเข้าเรียนไม่มีวันที่ออกจากโรงเรียน โปรดลบวันที่ออก")))
        else:
            p = date_problem("left_on", a.left_on, today)
            if p:
                problems.append(p)
    for name, value, limit, label in (("last_school", a.last_school, LAST_SCHOOL_MAX, N_("สถานศึกษาเดิม")),
                                      ("note", a.note, NOTE_MAX, N_("บันทึกเพิ่มเติม"))):
        p = text_problem(name, clean_text(value), limit, label)
        if p:
            problems.append(p)
    return problems


def _area_problems(area: Area, rating: AreaRating, id_type: IdType | None) -> list[Problem]:
    out: list[Problem] = []
    name = f"areas.{area.value}"
    unknown = sorted(rating.needs - set(NEEDS[area]))
    if unknown:
        out.append(Problem(name, _("ไม่รู้จักความต้องการ {codes} ในด้าน{area}").format(
            codes=", ".join(unknown), area=area_label(area))))
    known = rating.needs & set(NEEDS[area])
    note = clean_text(rating.note)
    if rating.level is Level.NONE and known:
        out.append(Problem(name, _("ด้าน{area}: เลือกความต้องการไว้ แต่ระดับเป็น \"ไม่มีความต้องการ\" "
                                   "โปรดแก้ระดับหรือเอาความต้องการออก").format(area=area_label(area))))
    if rating.level in (Level.SOME, Level.URGENT) and not known and not note:
        out.append(Problem(name, _("ด้าน{area}: ระบุว่าต้องการความช่วยเหลือ โปรดเลือกความต้องการ "
                                   "หรือเขียนในบันทึก").format(area=area_label(area))))
    if rating.level is None and (known or note):
        out.append(Problem(name, _("ด้าน{area}: โปรดเลือกระดับความต้องการ").format(area=area_label(area))))
    if area is Area.LEGAL and "no_id" in known and id_type is IdType.NATIONAL_ID:
        out.append(Problem(name, _("ทะเบียนมีเลขประจำตัวประชาชนของเด็กคนนี้แล้ว "
                                   "โปรดเอา \"ไม่มีเลขประจำตัวประชาชน\" ออก หรือแก้ทะเบียน")))
    p = text_problem(f"{name}.note", note, NOTE_MAX, N_("บันทึกเพิ่มเติม"))
    if p:
        out.append(p)
    return out


def missing_areas(a: Assessment) -> list[Area]:
    """The areas not rated yet, in the form's order."""
    return [area for area in Area if area not in a.areas or a.areas[area].level is None]


def is_complete(a: Assessment, *, today: date, opened_on: date | None = None,
                id_type: IdType | None = None) -> bool:
    """Every area rated, a reason given, nothing wrong: the case may move to ``assessed``."""
    return (not missing_areas(a) and bool(a.reasons)
            and not check_assessment(a, today=today, opened_on=opened_on, id_type=id_type))


def needs_found(a: Assessment) -> list[tuple[Area, Level, list[str]]]:
    """The areas rated as a need (urgent first, then the form's order) with their needs'
    codes in the form's order: what the plan's goals answer."""
    rated = [(area, r.level, [code for code in NEEDS[area] if code in r.needs])
             for area in Area if (r := a.areas.get(area)) is not None and r.level in (Level.SOME, Level.URGENT)]
    order = {Level.URGENT: 0, Level.SOME: 1}
    return [(area, level, codes) for area, level, codes in
            sorted(rated, key=lambda t: order[t[1]]) if level is not None]
