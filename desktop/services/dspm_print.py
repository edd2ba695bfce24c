"""DSPM printouts from the stored checks (issue 12): the guardian's activity sheet of a
check's failed items, the referral letter for TEDA4I, and a centre's summary for a term,
drawn by reports/dspm_documents.py. No Qt; imports reportlab (the window imports this
module when something is printed).

    activity_sheet(session, check_id, Path("sheet.pdf"))
    referral_letter(session, check_id, Path("letter.pdf"))      # a check that calls for one
    summary(session, centre_id, start, end, "ภาคเรียน 2/2569", Path("summary.pdf"))
    summary_lines(session, centre_id, start, end, today)          # the same numbers, for a screen

Who: ``growth.read`` for the child or the centre (a caregiver: their own), printing
``report`` as well.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain.dspm import Outcome
from desktop.domain.dspm_summary import BandSummary, CheckRow, term_summary
from desktop.domain.errors import Problem, ValidationFailed
from desktop.domain.identity import format_national_id
from desktop.domain.roles import Action
from desktop.i18n import _, thai_document
from desktop.reports import dspm_documents as docs
from desktop.services.access import require, require_child
from desktop.services.dspm import check_result
from desktop.services.growth_print import centre_name
from desktop.services.office import DEMO_LABEL, is_demo, local_office
from desktop.services.progress import Progress
from desktop.store.growth_state import DspmCheck, DspmReferral
from desktop.store.models import Child, Enrollment, Institution

if TYPE_CHECKING:
    from desktop.services.reports import ReportOptions


def _office(session: Session) -> str:
    office = local_office(session)
    return (office.name if office else "") + (f" ({DEMO_LABEL})" if is_demo(session) else "")


def _check_and_child(session: Session, check_id: int) -> tuple[DspmCheck, Child]:
    require(session, Action.REPORT)
    row = session.get(DspmCheck, check_id)
    child = session.get(Child, row.child_id) if row is not None else None
    if row is None or row.deleted_at is not None or child is None:
        raise ValidationFailed([Problem("check", _("ไม่พบผลการประเมินนี้"))])
    require_child(session, Action.GROWTH_READ, child.uuid)
    return row, child


def _child_line(session: Session, child: Child) -> docs.ChildLine:
    ident = format_national_id(child.national_id) if child.national_id else (child.g_code or "")
    return docs.ChildLine(f"{child.prefix}{child.first_name} {child.last_name}".strip(), child.birth_date,
                          id_text=ident, centre=centre_name(session, child.id))


def _today(options: ReportOptions | None) -> date:
    return options.today if options is not None and options.today else date.today()


@thai_document
def activity_sheet(session: Session, check_id: int, out: Path, options: ReportOptions | None = None,
                   progress: Progress | None = None) -> int:
    """The guardian's activity sheet for the items the check found failed; the pages."""
    from desktop.services.reports import write_atomic

    row, child = _check_and_child(session, check_id)
    result = check_result(session, check_id)
    if not result.failed:
        raise ValidationFailed([Problem("check", _("ผลนี้ผ่านทุกข้อ: ไม่มีกิจกรรมที่ต้องฝึก"))])
    data, pages = docs.activity_sheet_pdf(_child_line(session, child), result, office=_office(session),
                                          assessor=row.assessor, printed=_today(options))
    write_atomic(Path(out), data)
    return pages


@thai_document
def referral_letter(session: Session, check_id: int, out: Path, options: ReportOptions | None = None,
                    progress: Progress | None = None) -> int:
    """The referral letter of a check that calls for one (referred at once, or still delayed
    at the re-check), with the stored referral's hospital and number when recorded."""
    from desktop.services.reports import write_atomic

    row, child = _check_and_child(session, check_id)
    result = check_result(session, check_id)
    if not result.needs_referral_letter:
        raise ValidationFailed([Problem("check", _(
            "ผลนี้ไม่ต้องส่งต่อ: หนังสือส่งต่อใช้กับผลที่ให้ส่งต่อ (ส่งต่อทันที หรือยังล่าช้าเมื่อประเมินซ้ำ)"))])
    first, recheck = result, None
    if row.first_check_id is not None:
        first, recheck = check_result(session, row.first_check_id), result
    sent = session.scalars(select(DspmReferral).where(DspmReferral.check_id == row.id,
                                                      DspmReferral.deleted_at.is_(None)).limit(1)).first()
    referral = docs.Referral(sent.hospital if sent else "........................................",
                             letter_no=sent.letter_no if sent else "", sender=row.assessor)
    data, pages = docs.referral_letter_pdf(_child_line(session, child), first, recheck, referral,
                                           office=_office(session), today=sent.sent_on if sent else _today(options))
    write_atomic(Path(out), data)
    return pages


def summary_lines(session: Session, institution_id: int, start: date, end: date, today: date) -> list[BandSummary]:
    """The centre's DSPM summary for ``start``–``end``: per screening age, the children
    enrolled there with a first check in the period, their outcomes and re-checks."""
    require(session, Action.GROWTH_READ, institution_id=institution_id)
    enrolled = select(Enrollment.child_id).where(Enrollment.institution_id == institution_id,
                                                 Enrollment.deleted_at.is_(None))
    rows = session.execute(select(DspmCheck.child_id, DspmCheck.age_months, DspmCheck.checked_on, DspmCheck.outcome,
                                  DspmCheck.first_check_id)
                           .where(DspmCheck.deleted_at.is_(None), DspmCheck.child_id.in_(enrolled),
                                  DspmCheck.checked_on <= max(end, today)))
    return term_summary((CheckRow(r.child_id, r.age_months, r.checked_on, Outcome(r.outcome),
                                  r.first_check_id is not None) for r in rows), start, end, today)


@thai_document
def summary(session: Session, institution_id: int, start: date, end: date, period: str, out: Path,
            options: ReportOptions | None = None, progress: Progress | None = None) -> int:
    """The centre's DSPM summary for the term (``period``: its label, 2/2569), printed; the pages."""
    from desktop.services.reports import write_atomic

    require(session, Action.REPORT)
    today = _today(options)
    lines = summary_lines(session, institution_id, start, end, today)
    centre = session.scalar(select(Institution.name).where(Institution.id == institution_id)) or ""
    period = _("ภาคเรียน {term}").format(term=period)  # Thai: the document is pinned
    data, pages = docs.summary_pdf(centre, period, lines, office=_office(session), printed=today)
    write_atomic(Path(out), data)
    return pages
