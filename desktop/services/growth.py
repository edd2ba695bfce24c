"""A centre child's weight, length/height and head circumference (issue 12). No Qt.

    child = growth_child(session, "1234")                       # id, uuid, national ID or G-code
    view = add_measurement(session, child.uuid, date(2026, 11, 20), weight_kg=14.2, height_cm=98.5)
    view.z[Indicator.WFH], view.category_label(Indicator.WFH)   # 0.35, "สมส่วน"
    measurements(session, child.uuid)                           # oldest first, each with its z-scores
    edit_measurement(session, view.id, date(2026, 11, 20), weight_kg=14.0, height_cm=98.5)  # a correction
    delete_measurement(session, view.id)                        # soft: deleted_at, audit logged

A measurement is assessed by desktop/domain/growth.py before it is stored: an impossible
value or a z-score outside WHO's plausible limits is refused with the domain's Thai
message (``ValidationFailed``) and nothing is written. Stored as whole grams and
millimetres; z-scores are recomputed when read (never stored).

Who: reading needs ``growth.read``, adding, correcting and deleting ``growth.record``; a caregiver only for the
children enrolled at their own centre (``require_child``). The term's lists are
growth_lists.py.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain.dates import format_be
from desktop.domain.errors import Problem, ValidationFailed
from desktop.domain.growth import Measurement, Method, assess, zscores
from desktop.domain.growth_categories import Indicator, category_label
from desktop.domain.identity import normalise_g_code
from desktop.domain.people import Sex
from desktop.domain.roles import Action
from desktop.domain.text import digits_only
from desktop.i18n import _
from desktop.services.access import NotPermitted, require, require_child
from desktop.services.audit import record
from desktop.services.office import require_local_office
from desktop.store.growth_state import GrowthMeasurement
from desktop.store.models import Child, utcnow

MEASURED_BY_MAX = 50
NOTE_MAX = 200


@dataclass(frozen=True)
class GrowthChild:
    id: int
    uuid: str
    name: str
    sex: Sex
    birth: date


@dataclass(frozen=True)
class MeasurementView:
    """A stored measurement with its z-scores (two decimals; None: not measured or outside
    the standard) and Thai category codes."""

    id: int
    uuid: str
    measured_on: date
    age_days: int
    weight_kg: float | None
    height_cm: float | None
    head_cm: float | None
    method: Method | None
    measured_by: str
    note: str
    z: dict[Indicator, float | None]
    categories: dict[Indicator, str | None]
    notes: list[str] = field(default_factory=list)

    def category_label(self, indicator: Indicator) -> str:
        code = self.categories.get(indicator)
        return category_label(code) if code else ""


def _name(c: Child) -> str:
    return f"{c.prefix}{c.first_name} {c.last_name}".strip()


def _not_found(ref: str) -> ValidationFailed:
    return ValidationFailed([Problem("child", _("ไม่พบเด็ก {ref} ในทะเบียน (ใช้เลขลำดับ เลขประจำตัวประชาชน รหัส G หรือ uuid)")
                                     .format(ref=ref))])


def growth_child(session: Session, ref: str, action: Action = Action.GROWTH_READ) -> GrowthChild:
    """The child by id, uuid, national ID or G-code, when the user may do ``action`` for
    them; ValidationFailed when there is no such child, or none this user may see (a
    caregiver is not told whether another centre's child exists)."""
    text = ref.strip()
    digits = digits_only(text)
    q = select(Child).where(Child.deleted_at.is_(None))
    if len(text) == 36:
        q = q.where(Child.uuid == text.lower())
    elif len(digits) == 13 and digits.isascii():
        q = q.where(Child.national_id == digits)
    elif text.isascii() and text.isdigit() and len(text) < 12:
        q = q.where(Child.id == int(text))
    elif normalise_g_code(text).startswith("G"):
        q = q.where(Child.g_code == normalise_g_code(text))
    else:
        require_child(session, action, None)
        raise _not_found(ref)
    child = session.scalars(q.limit(1)).first()
    if child is None:
        require_child(session, action, None)
        raise _not_found(ref)
    try:
        require_child(session, action, child.uuid)
    except NotPermitted as exc:
        if exc.actor is not None and exc.actor.may(action):  # limited to other centres
            raise _not_found(ref) from None
        raise
    return GrowthChild(child.id, child.uuid, _name(child), Sex(child.sex), child.birth_date)


def _child(session: Session, child_uuid: str, action: Action) -> Child:
    require_child(session, action, child_uuid)
    child = session.scalars(select(Child).where(Child.uuid == child_uuid, Child.deleted_at.is_(None))).first()
    if child is None:
        raise _not_found(child_uuid)
    return child


def _kg(grams: int | None) -> float | None:
    return None if grams is None else grams / 1000


def _cm(mm: int | None) -> float | None:
    return None if mm is None else mm / 10


def _view(child: Child, row: GrowthMeasurement) -> MeasurementView:
    method = Method(row.method) if row.method else None
    m = Measurement(Sex(child.sex), child.birth_date, row.measured_on, _kg(row.weight_g), _cm(row.height_mm),
                    method, _cm(row.head_mm))
    try:
        a = zscores(m)
        z, notes = a.z, list(a.notes)
        cats = {ind: a.category(ind) for ind in (Indicator.WFA, Indicator.HFA, Indicator.WFH)}
    except ValidationFailed as exc:  # stored before a rule changed, or a birth date corrected since
        z, cats, notes = dict.fromkeys(Indicator), {}, [p.message for p in exc.problems]
    return MeasurementView(row.id, row.uuid, row.measured_on, m.age_days, m.weight_kg, m.height_cm, m.head_cm,
                           method, row.measured_by, row.note, z, cats, notes)


def _checked(session: Session, child: Child, actor_name: str, measured_on: date, weight_kg: float | None,
             height_cm: float | None, head_cm: float | None, method: Method | None, measured_by: str, note: str,
             today: date | None) -> tuple[int | None, int | None, int | None, str, str]:
    """The values as stored (whole grams and millimetres) after the domain's checks, so the
    z-scores shown are those of the stored values; ValidationFailed (Thai) otherwise."""
    problems = []
    if measured_on > (today or date.today()):
        problems.append(Problem("measured_on", _("วันที่ชั่ง/วัดอยู่ในอนาคต: โปรดแก้วันที่")))
    if weight_kg is None and height_cm is None:
        problems.append(Problem("weight_kg", _("โปรดกรอกน้ำหนักหรือส่วนสูงอย่างน้อยหนึ่งอย่าง")))
    measured_by = " ".join(measured_by.split()) or actor_name
    note = " ".join(note.split())
    if len(measured_by) > MEASURED_BY_MAX or len(note) > NOTE_MAX:
        problems.append(Problem("note", _("ชื่อผู้ชั่ง/วัดยาวได้ไม่เกิน {who} ตัวอักษร หมายเหตุไม่เกิน {note} ตัวอักษร")
                                .format(who=MEASURED_BY_MAX, note=NOTE_MAX)))
    if problems:
        raise ValidationFailed(problems)
    weight_g = None if weight_kg is None else round(weight_kg * 1000)
    height_mm = None if height_cm is None else round(height_cm * 10)
    head_mm = None if head_cm is None else round(head_cm * 10)
    assess(Measurement(Sex(child.sex), child.birth_date, measured_on, _kg(weight_g), _cm(height_mm), method,
                       _cm(head_mm)))
    return weight_g, height_mm, head_mm, measured_by, note


def _one_a_day(session: Session, child: Child, measured_on: date, keep: int | None = None) -> None:
    """A child's day has one measurement: a second (typed twice, a command run again) would
    count twice in the chart and the table; the first is corrected instead."""
    q = select(GrowthMeasurement.id).where(GrowthMeasurement.child_id == child.id,
                                           GrowthMeasurement.measured_on == measured_on,
                                           GrowthMeasurement.deleted_at.is_(None))
    if keep is not None:
        q = q.where(GrowthMeasurement.id != keep)
    found = session.scalar(q.limit(1))
    if found is not None:
        raise ValidationFailed([Problem("measured_on", _(
            "เด็กคนนี้มีผลการชั่ง/วัดของวันที่ {day} แล้ว (เลขที่ {id}): แก้ไขรายการนั้นแทนการเพิ่มใหม่").format(
            day=format_be(measured_on), id=found))])


def add_measurement(session: Session, child_uuid: str, measured_on: date, *, weight_kg: float | None,
                    height_cm: float | None, head_cm: float | None = None, method: Method | None = None,
                    measured_by: str = "", note: str = "", today: date | None = None) -> MeasurementView:
    """Store a measurement after the domain's checks; its view. ValidationFailed (Thai,
    naming the field) for a value no child can have, an implausible z-score, a date in the
    future, or no weight and no height at all."""
    actor = require_child(session, Action.GROWTH_RECORD, child_uuid)
    child = _child(session, child_uuid, Action.GROWTH_RECORD)
    office = require_local_office(session)
    weight_g, height_mm, head_mm, measured_by, note = _checked(
        session, child, actor.full_name or actor.name, measured_on, weight_kg, height_cm, head_cm, method,
        measured_by, note, today)
    _one_a_day(session, child, measured_on)
    row = GrowthMeasurement(child_id=child.id, measured_on=measured_on, weight_g=weight_g, height_mm=height_mm,
                            method=method.value if method else "", head_mm=head_mm, measured_by=measured_by,
                            note=note, origin_office_id=office.id)
    session.add(row)
    session.flush()
    record(session, "growth_measure", "child", child.uuid,
           {"measured_on": measured_on.isoformat(), "weight_g": weight_g, "height_mm": height_mm,
            "head_mm": head_mm, "method": row.method}, subject_uuid=child.uuid)
    return _view(child, row)


def _live_measurement(session: Session, measurement_id: int) -> tuple[GrowthMeasurement, Child]:
    """The measurement and its child, when the user may record for the child."""
    require(session, Action.GROWTH_RECORD)
    row = session.get(GrowthMeasurement, measurement_id)
    child = session.get(Child, row.child_id) if row is not None else None
    if row is None or row.deleted_at is not None or child is None or child.deleted_at is not None:
        raise ValidationFailed([Problem("measurement", _("ไม่พบผลการชั่ง/วัดนี้ (อาจถูกลบไปแล้ว)"))])
    require_child(session, Action.GROWTH_RECORD, child.uuid)
    return row, child


def edit_measurement(session: Session, measurement_id: int, measured_on: date, *, weight_kg: float | None,
                     height_cm: float | None, head_cm: float | None = None, method: Method | None = None,
                     measured_by: str = "", note: str = "", today: date | None = None) -> MeasurementView:
    """Correct a stored measurement: the same checks as a new one; the audit entry keeps the
    values before and after."""
    row, child = _live_measurement(session, measurement_id)
    actor = require_child(session, Action.GROWTH_RECORD, child.uuid)
    weight_g, height_mm, head_mm, measured_by, note = _checked(
        session, child, actor.full_name or actor.name, measured_on, weight_kg, height_cm, head_cm, method,
        measured_by or row.measured_by, note, today)
    _one_a_day(session, child, measured_on, keep=row.id)
    before = {"measured_on": row.measured_on.isoformat(), "weight_g": row.weight_g, "height_mm": row.height_mm,
              "head_mm": row.head_mm, "method": row.method}
    row.measured_on, row.weight_g, row.height_mm, row.head_mm = measured_on, weight_g, height_mm, head_mm
    row.method, row.measured_by, row.note, row.updated_at = method.value if method else "", measured_by, note, utcnow()
    session.flush()
    after = {"measured_on": measured_on.isoformat(), "weight_g": weight_g, "height_mm": height_mm,
             "head_mm": head_mm, "method": row.method}
    record(session, "growth_measure_edit", "child", child.uuid, {"before": before, "after": after},
           subject_uuid=child.uuid)
    return _view(child, row)


def delete_measurement(session: Session, measurement_id: int) -> None:
    """Delete a measurement (kept with ``deleted_at`` for the exchange and the audit log)."""
    row, child = _live_measurement(session, measurement_id)
    row.deleted_at = row.updated_at = utcnow()
    session.flush()
    record(session, "growth_measure_delete", "child", child.uuid,
           {"measured_on": row.measured_on.isoformat(), "weight_g": row.weight_g, "height_mm": row.height_mm,
            "head_mm": row.head_mm}, subject_uuid=child.uuid)


def measurements(session: Session, child_uuid: str) -> list[MeasurementView]:
    """The child's measurements, oldest first, each with its z-scores and categories."""
    child = _child(session, child_uuid, Action.GROWTH_READ)
    rows = session.scalars(select(GrowthMeasurement).where(
        GrowthMeasurement.child_id == child.id, GrowthMeasurement.deleted_at.is_(None))
        .order_by(GrowthMeasurement.measured_on, GrowthMeasurement.id))
    return [_view(child, r) for r in rows]


def measurement_by_id(session: Session, measurement_id: int) -> tuple[MeasurementView, str]:
    """A live measurement the user may correct, with its child's name (the CLI's edit and
    delete show what they change); not found for another centre's child, as everywhere."""
    row, child = _live_measurement(session, measurement_id)
    return _view(child, row), _name(child)
