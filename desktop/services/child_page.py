"""One page per child across every module (issue 13): the registry's record, poverty
screenings and grant payments, the centre's rooms and attendance, growth and DSPM, and the
out-of-school cases (every one, open and closed, newest first) with their plans, each read
through that module's own service. No Qt.

    page = child_page(session, child_uuid, today=date(2026, 12, 1))
    page.section("growth")          # None: the user's roles do not read growth
    page.all("case")                # every case's section, newest first (section("case"): the newest)
    [s.title for s in page.sections]

Who: the page needs ``registry.read`` for the child (a caregiver: a child enrolled at
their own centre, services/access.require_child); every other section is there only when
one of the user's roles reads that module (screenings: ``screening.record`` or
``screening.certify``; grants: ``grants``; the centre: ``centre.read``; growth and DSPM:
``growth.read``; the case: ``case.work``). A section the user may not read is left out,
silently: it is not an error. A section the user may read but that holds nothing says so
in one line (``Section.empty``).

Every text is ready to show (labels through ``_()``): the window and the printout
(services/child_page_print.py, under ``thai_document``) draw the same sections.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain.address import format_address
from desktop.domain.dates import age_on, format_age, format_be
from desktop.domain.identity import ID_TYPE_LABELS, IdType, format_national_id
from desktop.domain.levels import level_by_code
from desktop.domain.people import SEX_LABELS, full_name
from desktop.domain.roles import Action
from desktop.i18n import _
from desktop.services.access import Actor, require_child
from desktop.services.children import ENROLLMENT_STATUSES, load_child
from desktop.store.models import Child, Institution


@dataclass(frozen=True)
class Section:
    """One module's part of the page: label/value lines, then an optional table."""

    key: str  # registry, screening, grants, centre, growth, dspm, case
    title: str
    fields: tuple[tuple[str, str], ...] = ()
    columns: tuple[str, ...] = ()
    rows: tuple[tuple[str, ...], ...] = ()
    weights: tuple[int, ...] = ()  # the columns' relative widths (the printout)
    empty: str = ""  # nothing recorded: the one line shown instead
    ref: str = ""  # the record the section is about, for a screen to open (the case's uuid)
    active: bool = False  # that record is still open (a case not closed)

    @property
    def has_data(self) -> bool:
        return bool(self.fields or self.rows)


@dataclass(frozen=True)
class ChildPage:
    uuid: str
    name: str
    deleted: bool
    sections: tuple[Section, ...]

    def section(self, key: str) -> Section | None:
        return next((s for s in self.sections if s.key == key), None)

    def all(self, key: str) -> list[Section]:
        """Every section of ``key`` (the cases: one a case, newest first)."""
        return [s for s in self.sections if s.key == key]


def level_text(code: str) -> str:
    try:
        return level_by_code(code).display_label if code else ""
    except KeyError:
        return code


def _id_text(kind: IdType, national_id: str, g_code: str, reason: str) -> tuple[str, str]:
    if kind is IdType.NATIONAL_ID and national_id:
        return _(ID_TYPE_LABELS[kind]), format_national_id(national_id)
    if kind is IdType.G_CODE and g_code:
        return _(ID_TYPE_LABELS[kind]), g_code
    return _("เลขประจำตัว"), reason or "-"


def _registry(session: Session, uuid: str, today: date) -> tuple[str, bool, Section]:
    form = load_child(session, uuid)  # registry.read for this child, or NotPermitted
    c = form.child
    name = full_name(c.prefix, c.first_name, c.last_name)
    fields: list[tuple[str, str]] = [(_("ชื่อ-นามสกุล"), name)]
    fields.append(_id_text(c.id_type, c.national_id, c.g_code, c.no_id_reason))
    born = format_be(c.birth_date)
    if c.birth_date is not None and c.birth_date <= today:
        born = _("{date} (อายุ {age})").format(date=born, age=format_age(*age_on(c.birth_date, today)))
    fields.append((_("วันเกิด"), born))
    fields.append((_("เพศ"), _(SEX_LABELS[c.sex]) if c.sex in SEX_LABELS else str(c.sex)))
    address = format_address(c.address)
    if address:
        fields.append((_("ที่อยู่"), address))
    guardians = sorted(form.guardians, key=lambda g: not g.is_primary)
    if guardians:
        g = guardians[0]
        text = full_name(g.prefix, g.first_name, g.last_name)
        extra = " · ".join(p for p in (g.relation, g.phone) if p)
        fields.append((_("ผู้ปกครอง"), f"{text} ({extra})" if extra else text))
    e = form.enrollment
    if e is not None:
        inst = session.get(Institution, e.institution_id) if e.institution_id else None
        klass = "/".join(p for p in (level_text(e.level_code), e.classroom) if p)
        status = _(ENROLLMENT_STATUSES[e.status]) if e.status in ENROLLMENT_STATUSES else e.status
        where = " · ".join(p for p in (inst.name if inst else "", klass) if p)
        fields.append((_("การศึกษา ปี {year}").format(year=e.year_be), f"{where} ({status})" if where else status))
    else:
        fields.append((_("การศึกษา"), _("ยังไม่มีการลงทะเบียนเรียน")))
    if c.disability:
        fields.append((_("ความพิการ"), c.disability))
    return name, form.deleted, Section("registry", _("ข้อมูลทะเบียน"), tuple(fields))


def child_page(session: Session, uuid: str, *, today: date | None = None) -> ChildPage:
    """The child's page as the signed-in user may see it; NotPermitted when they may not
    read the child (no ``registry.read``, or a caregiver of another centre)."""
    from desktop.services import child_page_sections as more

    actor = require_child(session, Action.REGISTRY_READ, uuid)
    on = today or date.today()
    name, deleted, registry = _registry(session, uuid, on)
    child = session.scalars(select(Child).where(Child.uuid == uuid)).one()
    sections = [registry]
    makers = ((_may_screenings, more.screenings), (_may(Action.GRANTS), more.grants),
              (_may(Action.CENTRE_READ), more.centre), (_may(Action.GROWTH_READ), more.growth),
              (_may(Action.GROWTH_READ), more.dspm), (_may(Action.CASE_WORK), more.oos_cases))
    for allowed, make in makers:
        if allowed(actor):
            made = make(session, actor, child, on)
            sections += made if isinstance(made, list) else [made]
    return ChildPage(uuid, name, deleted, tuple(sections))


def _may(action: Action) -> Callable[[Actor], bool]:
    return lambda actor: actor.may(action)


def _may_screenings(actor: Actor) -> bool:
    return actor.may(Action.SCREENING_RECORD) or actor.may(Action.SCREENING_CERTIFY)
