"""A child's filled screening form printed for signatures (issue 11): the teacher who
filled it, the guardian, and the official who certifies. No Qt.

    pages = screening_pdf(session, screening_uuid, Path("form.pdf"))

Who: whoever may read the screening (``registry.read``, or the teacher of that class).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain.address import address_of, format_address
from desktop.domain.dates import format_be
from desktop.domain.errors import ValidationFailed
from desktop.domain.identity import format_national_id
from desktop.domain.levels import level_by_code
from desktop.domain.roles import Action
from desktop.domain.screening import LEVEL_LABELS, PovertyLevel, classify
from desktop.domain.screening_form import CHOICES, DIMENSION_LABELS, OWNED, Answers
from desktop.i18n import thai_document
from desktop.reports.pdf.document import Layout, Signature, render
from desktop.reports.screening_form import (
    TITLE,
    AnswerLine,
    MemberLine,
    Photo,
    ScreeningForm,
    screening_form,
)
from desktop.services.access import NotPermitted, current_actor, require_any
from desktop.services.office import DEMO_LABEL, is_demo, local_office
from desktop.services.reports import write_atomic
from desktop.services.rulepacks import active_pack
from desktop.services.screening_photos import KINDS
from desktop.services.screening_rows import answers_of, members_of
from desktop.services.screenings import live_screening, status_label
from desktop.store.models import AcademicYear, Child, Enrollment, Household, Institution, Term
from desktop.store.screening_state import Certification, ScreeningPhoto


def _answer_lines(breakdown: tuple[tuple[str, str, int], ...] | None,
                  answers: Answers) -> list[AnswerLine]:
    out = []
    points = {d: p for d, _a, p in breakdown} if breakdown else {}
    for dimension, label in DIMENSION_LABELS.items():
        if dimension == "dependants":
            text = "-"
            if breakdown:
                counted = dict(item.split("=") for item in breakdown[0][1].split(",") if item)
                names = {"disabled": "พิการ", "elderly": "อายุเกิน 60 ปี", "unemployed": "ว่างงาน 15-65 ปี",
                         "single_parent": "พ่อ/แม่เลี้ยงเดี่ยว"}
                text = ", ".join(f"{names[k]} {v} คน" if k != "single_parent" else names[k]
                                 for k, v in counted.items()) or "ไม่มี"
        elif dimension in OWNED:
            owned = sorted(getattr(answers, dimension))
            text = ", ".join(OWNED[dimension][o] for o in owned if o in OWNED[dimension]) or "ไม่มี"
        else:
            code = getattr(answers, dimension)
            text = CHOICES[dimension].get(code, code or "-")
            if dimension == "land" and code in ("owned", "rented"):
                text += f" {answers.land_rai} ไร่"
        out.append(AnswerLine(label, text, points.get(dimension, 0)))
    return out


def _may_read(session: Session, institution_id: int | None, level: str, room: str) -> None:
    actor = require_any(session, Action.REGISTRY_READ, Action.SCREENING_RECORD)
    if not actor.may(Action.REGISTRY_READ) and not actor.may_screen(institution_id or 0, level, room):
        raise NotPermitted(Action.REGISTRY_READ, current_actor(session))


@thai_document
def screening_pdf(session: Session, uuid: str, out: Path, *, today: date | None = None) -> int:
    """Write the screening's form to ``out`` (atomically); the number of pages."""
    screening = live_screening(session, uuid)
    child = session.get(Child, screening.child_id)
    term = session.get(Term, screening.term_id)
    assert child is not None and term is not None
    year = session.get(AcademicYear, term.academic_year_id)
    place = session.execute(select(Institution.id, Institution.name, Enrollment.level_code, Enrollment.classroom)
                            .join(Enrollment, Enrollment.institution_id == Institution.id)
                            .where(Enrollment.child_id == child.id, Enrollment.academic_year_id == term.academic_year_id,
                                   Enrollment.deleted_at.is_(None))).first()
    _may_read(session, place[0] if place else None, str(place[2] or "") if place else "",
              str(place[3] or "") if place else "")
    members = members_of(session, screening.id)
    answers = answers_of(screening)
    pack = active_pack(session, install=False)
    try:
        result = classify(members, answers, pack)
        breakdown, reason, per_capita = result.breakdown, result.reason, result.per_capita_baht
    except ValidationFailed:
        breakdown, reason, per_capita = None, "ข้อมูลยังไม่ครบ คิดผลไม่ได้", "-"
    level = LEVEL_LABELS[PovertyLevel(screening.level)] if screening.level else "ยังไม่คิดผล"
    household = session.get(Household, screening.household_id) if screening.household_id else None
    school = "-"
    if place is not None:
        try:
            level_label = level_by_code(str(place[2])).label if place[2] else ""
        except KeyError:
            level_label = str(place[2])
        school = f"{place[1]} {level_label}" + (f"/{place[3]}" if place[3] else "")
    photos = [Photo(KINDS[k], bytes(d), w, h) for k, d, w, h in session.execute(
        select(ScreeningPhoto.kind, ScreeningPhoto.data, ScreeningPhoto.width, ScreeningPhoto.height)
        .where(ScreeningPhoto.screening_id == screening.id, ScreeningPhoto.deleted_at.is_(None))
        .order_by(ScreeningPhoto.kind.desc()))]
    certs = session.scalars(select(Certification).where(Certification.screening_id == screening.id)
                            .order_by(Certification.id)).all()
    live = [c for c in certs if c.voided_at is None]
    certified = (f"รับรองข้อมูลโดย {live[-1].certifier_name} ตำแหน่ง {live[-1].position} "
                 f"วันที่ {format_be(live[-1].certified_on)} (รหัสตรวจสอบข้อมูล {live[-1].data_sha256[:16]})") if live else ""
    voided = [f"การรับรองโดย {c.certifier_name} วันที่ {format_be(c.certified_on)} ถูกยกเลิก: {c.void_reason}"
              for c in certs if c.voided_at is not None]
    ident = format_national_id(child.national_id) if child.national_id else (child.g_code or "ไม่มีเลขประจำตัว")
    form = ScreeningForm(
        term=f"{term.number}/{year.year_be if year else ''}", child=f"{child.prefix}{child.first_name} {child.last_name}",
        child_id=ident, school=school, address=format_address(address_of(household)) if household else "-",
        members=[MemberLine(m.name, m.relation, m.age, m.occupation, m.monthly_income,
                            ", ".join(w for w, on in (("พิการ", m.disabled), ("ป่วยเรื้อรัง", m.chronic_illness),
                                                      ("ว่างงาน", m.unemployed)) if on)) for m in members],
        answers=_answer_lines(breakdown, answers),
        travel=" · ".join(p for p in (screening.travel_means,
                                      f"{screening.travel_metres / 1000:.1f} กม." if screening.travel_metres else "",
                                      f"{screening.travel_minutes} นาที" if screening.travel_minutes else "") if p) or "-",
        position=(f"{screening.lat_e6 / 1e6:.6f}, {screening.lon_e6 / 1e6:.6f}"
                  if screening.lat_e6 is not None and screening.lon_e6 is not None else "-"),
        no_photo_reason=screening.no_photo_reason, photos=photos, level=level, reason=reason,
        per_capita=per_capita, score=str(screening.score) if screening.score is not None else "-",
        pack=f"{screening.pack or pack.label}" + (" (ชุดเกณฑ์ตัวอย่าง ไม่ใช่เกณฑ์จริง)" if pack.illustrative else ""),
        status=status_label(screening.status), certified=certified, voided=voided)
    office = local_office(session)
    layout = Layout(office.name if office else "", TITLE, f"ภาคเรียน {form.term} · {form.child}",
                    printed=today or date.today(), notice=DEMO_LABEL if is_demo(session) else "")
    signatures = [Signature(position="ครูผู้กรอกข้อมูล"), Signature(position="ผู้ปกครอง"),
                  Signature(live[-1].certifier_name, live[-1].position) if live
                  else Signature(position="ผู้รับรองข้อมูล")]
    data, pages = render(layout, screening_form(form, layout.frame_w, signatures))
    write_atomic(Path(out), data)
    return pages
