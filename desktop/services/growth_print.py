"""A child's growth chart from the stored measurements (issue 12): the numbers the window
draws, and the printed chart (reports/growth_chart.py) for the PDF preview. No Qt.

    series = chart_set(session, child_uuid)            # weight-for-age, height-for-age, weight-for-height
    growth_chart_pdf(session, child_uuid, Path("chart.pdf"))

Who: ``growth.read`` for the child (a caregiver: their own centre's), printing ``report``
as well. Imports reportlab: the window imports this module when it draws or prints.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain.errors import ValidationFailed
from desktop.domain.growth import Assessment, Measurement, zscores
from desktop.domain.growth_categories import Indicator
from desktop.domain.levels import InstitutionKind
from desktop.domain.roles import Action
from desktop.i18n import _, thai_document
from desktop.reports.growth_chart import ChildGrowth, Series, chart_series, growth_pdf
from desktop.services.access import require, require_child
from desktop.services.growth import measurements
from desktop.services.office import DEMO_LABEL, is_demo, local_office
from desktop.services.progress import Progress
from desktop.store.models import Child, Enrollment, Institution

if TYPE_CHECKING:
    from desktop.services.reports import ReportOptions

CHARTS = (Indicator.WFA, Indicator.HFA, Indicator.WFH)


def centre_name(session: Session, child_id: int) -> str:
    """The child development centre of the child's latest enrolment at one ("" when none)."""
    require(session, Action.GROWTH_READ)
    return session.scalar(select(Institution.name).join(Enrollment, Enrollment.institution_id == Institution.id)
                          .where(Enrollment.child_id == child_id, Enrollment.deleted_at.is_(None),
                                 Institution.kind == InstitutionKind.CDC.value)
                          .order_by(Enrollment.academic_year_id.desc()).limit(1)) or ""


def child_growth(session: Session, child_uuid: str) -> ChildGrowth:
    """The child with each stored measurement assessed (one the rules now refuse, e.g. after
    a birth date was corrected, is left out of the chart)."""
    require_child(session, Action.GROWTH_READ, child_uuid)
    views = measurements(session, child_uuid)
    child = session.scalars(select(Child).where(Child.uuid == child_uuid)).one()
    from desktop.domain.people import Sex

    sex = Sex(child.sex)
    assessed: list[Assessment] = []
    for v in views:
        try:
            assessed.append(zscores(Measurement(sex, child.birth_date, v.measured_on, v.weight_kg, v.height_cm,
                                                v.method, v.head_cm)))
        except ValidationFailed:
            continue
    name = f"{child.prefix}{child.first_name} {child.last_name}".strip()
    return ChildGrowth(name, sex, child.birth_date, assessed, centre_name(session, child.id))


def chart_set(session: Session, child_uuid: str) -> list[Series]:
    """The three charts as numbers (WHO's −3…+3 SD lines and the child's points)."""
    require_child(session, Action.GROWTH_READ, child_uuid)
    growth = child_growth(session, child_uuid)
    return [chart_series(ind, growth.sex, growth.birth, growth.measurements) for ind in CHARTS]


@thai_document
def growth_chart_pdf(session: Session, child_uuid: str, out: Path, options: ReportOptions | None = None,
                     progress: Progress | None = None) -> int:
    """The printed chart (three charts and the measurements' table) into ``out``; the pages."""
    from desktop.services.reports import write_atomic

    require(session, Action.REPORT)
    require_child(session, Action.GROWTH_READ, child_uuid)
    if progress is not None:
        progress.step(0, 100, _("กำลังอ่านผลการชั่ง/วัด"))
    growth = child_growth(session, child_uuid)
    office = local_office(session)
    today = options.today if options is not None and options.today else date.today()
    data, pages = growth_pdf(growth, office=(office.name if office else "")
                             + (f" ({DEMO_LABEL})" if is_demo(session) else ""), printed=today)
    write_atomic(Path(out), data)
    if progress is not None:
        progress.step(100, 100, _("เสร็จแล้ว"))
    return pages
