"""The province's child development centres per municipality and centre (issue 12): growth,
DSPM and attendance for one term, from the rows the municipalities' bundles brought (each
kept under the office that sent it). No Qt.

    data = province_centres(session, year_be=2569, term=2)        # ProvinceCentres
    data = province_centres(session, first=date(2026, 11, 1), last=date(2026, 11, 30))
    province_centres_pdf(session, Path("ศพด.pdf"), year_be=2569, term=2)
    export_province_centres(session, Path("ศพด.xlsx"), year_be=2569, term=2)
    centre_terms(session)                                         # [(2569, 2), ...] newest first

Which children: those whose latest live enrolment of the term's academic year is at a
live child development centre (kind ``cdc``) of the municipality. Growth: each child's
latest measurement in the term through the domain's batch path (domain/growth_term.py),
the lists' categories (services/growth_lists.py: ผอม, เตี้ย, อ้วน; an implausible one
counts as measured, in no category). DSPM: the domain's term summary per centre
(domain/dspm_summary.py: first checks in the term, suspected = to re-check or referred at
once); now, whatever the term, as the municipality's lists (services/dspm_lists.py):
suspected delays not re-checked past their due date (as of ``today``), and referrals
waiting for the hospital's outcome. Attendance: every room of the centre over the period
(the term up to ``today`` unless given), by the domain's rule (domain/centre.child_tally:
present of the recorded child-days; closed days and days with no register taken do not
count).

Who: ``report.province`` (a province officer); the figures name no child.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session, aliased

from desktop.domain.centre import AbsenceReason, RoomDays, Span, Tally, child_tally, days_between
from desktop.domain.dspm import Outcome
from desktop.domain.dspm_summary import CheckRow, term_summary, totals
from desktop.domain.growth import Method
from desktop.domain.growth_categories import Indicator
from desktop.domain.growth_term import ChildRow, MeasurementRow, term_growth
from desktop.domain.levels import InstitutionKind
from desktop.domain.people import Sex
from desktop.domain.roles import Action
from desktop.i18n import SOURCE_LANGUAGE, _, pinned, thai_document
from desktop.reports.province_centres import (
    COUNTING,
    SHEET,
    SHEET_HEADERS,
    TITLE,
    Centre,
    CentreFigures,
    Municipality,
    ProvinceCentres,
    province_centres_pieces,
    sheet_rows,
    subtitle,
)
from desktop.reports.province_lists import sheet_marks
from desktop.reports.sheets import write_table
from desktop.services.access import require
from desktop.services.office import DEMO_LABEL, is_demo
from desktop.services.progress import Progress
from desktop.services.province_documents import page_width, write_pdf
from desktop.services.reports import ReportOptions
from desktop.store.centre_state import (
    CentreAbsence,
    CentreClosedDay,
    CentrePlacement,
    CentreRegister,
    CentreRoom,
)
from desktop.store.growth_state import DspmCheck, DspmReferral, GrowthMeasurement
from desktop.store.models import AcademicYear, Child, Enrollment, Institution, Office, Term

First = aliased(DspmCheck)
THIN, SHORT, OBESE = frozenset({"wfh_wasted"}), frozenset({"hfa_short"}), frozenset({"wfh_overweight", "wfh_obese"})


class NoSuchTerm(LookupError):
    """The term asked is not known here, or the period is not a period; str() is Thai."""


@dataclass
class _Tally:
    children: int = 0
    measured: int = 0
    thin: int = 0
    short: int = 0
    obese: int = 0
    checked: int = 0
    suspected: int = 0
    overdue: int = 0
    waiting: int = 0
    days: Tally = field(default_factory=Tally)

    def figures(self) -> CentreFigures:
        return CentreFigures(self.children, self.measured, self.thin, self.short, self.obese, self.checked,
                             self.suspected, self.overdue, self.waiting, self.days.present, self.days.recorded)


def centre_terms(session: Session) -> list[tuple[int, int]]:
    """(Buddhist-Era year, term) of every term with a measurement, a DSPM check or a
    register taken in it, newest first."""
    require(session, Action.PROVINCE_REPORT)
    out = []
    for year_be, number, start, end in session.execute(
            select(AcademicYear.year_be, Term.number, Term.start_date, Term.end_date)
            .join(Term, Term.academic_year_id == AcademicYear.id)
            .order_by(AcademicYear.year_be.desc(), Term.number.desc())).tuples():
        for column, deleted in ((GrowthMeasurement.measured_on, GrowthMeasurement.deleted_at),
                                (DspmCheck.checked_on, DspmCheck.deleted_at),
                                (CentreRegister.day, CentreRegister.deleted_at)):
            if session.scalar(select(column).where(column >= start, column <= end, deleted.is_(None)).limit(1)):
                out.append((int(year_be), int(number)))
                break
    return out


def _term(session: Session, year_be: int | None, number: int | None) -> tuple[str, date, date, int]:
    """(label, start, end, academic year id) of the term asked, or the latest with data."""
    if year_be is None or number is None:
        found = centre_terms(session)
        if found:
            year_be, number = found[0]
        else:
            row = session.execute(select(AcademicYear.year_be, Term.number).join(Term)
                                  .order_by(AcademicYear.year_be.desc(), Term.number.desc()).limit(1)).first()
            if row is None:
                raise NoSuchTerm(_("ยังไม่มีภาคเรียนใดในฐานข้อมูลนี้ (ยังไม่ได้รับข้อมูลจาก อปท.)"))
            year_be, number = int(row[0]), int(row[1])
    term = session.execute(select(Term.start_date, Term.end_date, Term.academic_year_id).join(AcademicYear)
                           .where(AcademicYear.year_be == year_be, Term.number == number)).first()
    if term is None:
        raise NoSuchTerm(_("ไม่มีภาคเรียน {term}/{year} ในฐานข้อมูลนี้ (ภาคเรียนที่มีข้อมูลศูนย์พัฒนาเด็กเล็ก: {known})")
                         .format(term=number, year=year_be,
                                 known=", ".join(f"{n}/{y}" for y, n in centre_terms(session)) or "-"))
    return f"{number}/{year_be}", term[0], term[1], int(term[2])


def _children(session: Session, year_id: int) -> dict[int, tuple[int, int, Sex, date]]:
    """child id → (office id, centre id, sex, birth) of the children whose latest live
    enrolment of the year is at a live child development centre."""
    latest = (select(Enrollment.child_id, func.max(Enrollment.id).label("eid"))
              .where(Enrollment.academic_year_id == year_id, Enrollment.deleted_at.is_(None))
              .group_by(Enrollment.child_id).subquery())
    return {int(cid): (int(office), int(inst), Sex(sex), birth) for cid, office, inst, sex, birth in session.execute(
        select(Child.id, Institution.origin_office_id, Institution.id, Child.sex, Child.birth_date)
        .join(latest, latest.c.child_id == Child.id)
        .join(Enrollment, Enrollment.id == latest.c.eid)
        .join(Institution, Institution.id == Enrollment.institution_id)
        .where(Child.deleted_at.is_(None), Institution.deleted_at.is_(None),
               Institution.kind == InstitutionKind.CDC.value)).tuples()}


def _growth(session: Session, kids: dict[int, tuple[int, int, Sex, date]], start: date, end: date,
            tallies: dict[int, _Tally]) -> None:
    measurements = [MeasurementRow(int(cid), on, None if w is None else w / 1000, None if h is None else h / 10,
                                   Method(method) if method else None)
                    for cid, on, w, h, method in session.execute(
                        select(GrowthMeasurement.child_id, GrowthMeasurement.measured_on, GrowthMeasurement.weight_g,
                               GrowthMeasurement.height_mm, GrowthMeasurement.method)
                        .where(GrowthMeasurement.deleted_at.is_(None), GrowthMeasurement.measured_on >= start,
                               GrowthMeasurement.measured_on <= end)).tuples() if cid in kids]
    children = [ChildRow(cid, sex, birth) for cid, (_o, _i, sex, birth) in kids.items()]
    for row in term_growth(children, measurements, start, end):
        tally = tallies[kids[row.child_id][1]]
        tally.children += 1
        if row.measured_on is None:
            continue
        tally.measured += 1
        if row.implausible:
            continue
        tally.thin += row.category(Indicator.WFH) in THIN
        tally.short += row.category(Indicator.HFA) in SHORT
        tally.obese += row.category(Indicator.WFH) in OBESE


def _dspm(session: Session, kids: dict[int, tuple[int, int, Sex, date]], start: date, end: date, today: date,
          tallies: dict[int, _Tally]) -> None:
    rows: dict[int, list[CheckRow]] = defaultdict(list)
    for cid, age, on, outcome, recheck in session.execute(
            select(DspmCheck.child_id, DspmCheck.age_months, DspmCheck.checked_on, DspmCheck.outcome,
                   DspmCheck.first_check_id.is_not(None))
            .where(DspmCheck.deleted_at.is_(None), DspmCheck.checked_on <= max(end, today))).tuples():
        if cid in kids:
            rows[kids[cid][1]].append(CheckRow(int(cid), int(age), on, Outcome(outcome), bool(recheck)))
    for centre, checks in rows.items():
        total = totals(term_summary(checks, start, end, today))
        tally = tallies[centre]
        tally.checked += total.checked
        tally.suspected += total.suspected + total.referred_now
    again = select(DspmCheck.id).where(DspmCheck.first_check_id == First.id, DspmCheck.deleted_at.is_(None))
    for (cid,) in session.execute(  # as the municipality's overdue list (dspm_lists.rechecks_due)
            select(First.child_id).where(First.deleted_at.is_(None), First.first_check_id.is_(None),
                                         First.outcome == Outcome.SUSPECTED_DELAY.value,
                                         First.recheck_due.is_not(None), First.recheck_due < today,
                                         ~again.exists())).tuples():
        if cid in kids:
            tallies[kids[cid][1]].overdue += 1
    for (cid,) in session.execute(
            select(DspmCheck.child_id).join(DspmReferral, DspmReferral.check_id == DspmCheck.id)
            .where(DspmReferral.deleted_at.is_(None), DspmReferral.outcome == "", DspmCheck.deleted_at.is_(None))
    ).tuples():
        if cid in kids:
            tallies[kids[cid][1]].waiting += 1


def _attendance(session: Session, first: date, last: date, tallies: dict[int, _Tally]) -> None:
    """Every centre's rooms over [first, last] by the domain's rule, into the tallies."""
    rooms = dict(session.execute(
        select(CentreRoom.id, CentreRoom.institution_id).join(Institution, Institution.id == CentreRoom.institution_id)
        .where(CentreRoom.deleted_at.is_(None), Institution.deleted_at.is_(None),
               Institution.kind == InstitutionKind.CDC.value)).tuples().all())
    taken: dict[int, set[date]] = defaultdict(set)
    for room, day in session.execute(select(CentreRegister.room_id, CentreRegister.day).where(
            CentreRegister.deleted_at.is_(None), CentreRegister.day >= first, CentreRegister.day <= last)).tuples():
        taken[room].add(day)
    closed: dict[int, set[date]] = defaultdict(set)
    for inst, day in session.execute(select(CentreClosedDay.institution_id, CentreClosedDay.day).where(
            CentreClosedDay.deleted_at.is_(None), CentreClosedDay.day >= first, CentreClosedDay.day <= last)).tuples():
        closed[inst].add(day)
    spans: dict[int, dict[int, list[Span]]] = defaultdict(lambda: defaultdict(list))  # room → child → spans
    for room, cid, since, until in session.execute(
            select(CentrePlacement.room_id, CentrePlacement.child_id, CentrePlacement.since, CentrePlacement.until)
            .join(Child, Child.id == CentrePlacement.child_id)
            .where(CentrePlacement.deleted_at.is_(None), Child.deleted_at.is_(None), CentrePlacement.since <= last,
                   or_(CentrePlacement.until.is_(None), CentrePlacement.until >= first))).tuples():
        if room in rooms:
            spans[room][int(cid)].append(Span(since, until))
    absences: dict[int, dict[date, AbsenceReason]] = defaultdict(dict)
    for cid, day, reason in session.execute(select(CentreAbsence.child_id, CentreAbsence.day, CentreAbsence.reason)
                                            .where(CentreAbsence.deleted_at.is_(None), CentreAbsence.day >= first,
                                                   CentreAbsence.day <= last)).tuples():
        absences[int(cid)][day] = AbsenceReason(reason)
    days = list(days_between(first, last))
    for room, children in spans.items():
        centre = rooms[room]
        room_days = RoomDays(frozenset(taken.get(room, ())), frozenset(closed.get(centre, ())))
        for cid, child_spans in children.items():
            tallies[centre].days.add(child_tally(days, child_spans, room_days, absences.get(cid, {})))


def province_centres(session: Session, year_be: int | None = None, term: int | None = None, *,
                     first: date | None = None, last: date | None = None,
                     today: date | None = None) -> ProvinceCentres:
    """The term's figures per municipality and centre (the latest term with centre data
    when none is given); attendance over ``first``–``last`` (default: the term up to
    ``today``). Raises NoSuchTerm (Thai)."""
    require(session, Action.PROVINCE_REPORT)
    today = today or date.today()
    label, start, end, year_id = _term(session, year_be, term)
    first = first or start
    last = last or (min(end, today) if today >= start else end)
    if last < first:
        raise NoSuchTerm(_("วันสุดท้ายของช่วงที่นับการมาเรียนต้องไม่ก่อนวันแรก"))
    tallies: dict[int, _Tally] = defaultdict(_Tally)
    kids = _children(session, year_id)
    _growth(session, kids, start, end, tallies)
    _dspm(session, kids, start, end, today, tallies)
    _attendance(session, first, last, tallies)
    centres: dict[int, list[tuple[int, str, str]]] = defaultdict(list)
    for inst, office, code, name in session.execute(
            select(Institution.id, Institution.origin_office_id, Institution.code, Institution.name)
            .where(Institution.deleted_at.is_(None), Institution.kind == InstitutionKind.CDC.value)
            .order_by(Institution.name, Institution.code)).tuples():
        centres[int(office)].append((int(inst), code, name))
    out = []
    for office in session.scalars(select(Office).where(Office.is_local.is_(False), Office.role == "municipality")
                                  .order_by(Office.name, Office.code)):
        rows = tuple(Centre(code, name, tallies[inst].figures()) if inst in tallies else Centre(code, name,
                                                                                               CentreFigures())
                     for inst, code, name in centres.get(office.id, ()))
        out.append(Municipality(office.code, office.name, _sum(c.figures for c in rows), rows))
    return ProvinceCentres(label, first, last, tuple(out), _sum(m.figures for m in out))


def _sum(figures: Iterable[CentreFigures]) -> CentreFigures:
    return sum(figures, CentreFigures())


@thai_document
def province_centres_pdf(session: Session, out: Path, year_be: int | None = None, term: int | None = None,
                         options: ReportOptions = ReportOptions(),  # noqa: B008 (frozen)
                         progress: Progress | None = None, *, first: date | None = None, last: date | None = None,
                         today: date | None = None) -> int:
    """The figures as a printable PDF (overview, then each municipality's centres); pages."""
    if progress is not None:
        progress.step(0, 100, COUNTING)
    data = province_centres(session, year_be, term, first=first, last=last, today=today)
    pieces = province_centres_pieces(data, page_width(options), options.signatures)
    return write_pdf(session, out, TITLE, subtitle(data), pieces, options, progress)


def export_province_centres(session: Session, path: Path, year_be: int | None = None, term: int | None = None,
                            *, first: date | None = None, last: date | None = None, today: date | None = None,
                            progress: Progress | None = None) -> int:
    """The figures as a spreadsheet (.xlsx or .csv), one row a municipality's centre; rows."""
    data = province_centres(session, year_be, term, first=first, last=last, today=today)
    with pinned(SOURCE_LANGUAGE):  # a file's words are Thai, as every export's
        rows = sheet_rows(data)
        return write_table(Path(path), list(SHEET_HEADERS), rows, total=len(rows), progress=progress,
                           **sheet_marks(SHEET, DEMO_LABEL if is_demo(session) else ""))


__all__ = ["NoSuchTerm", "centre_terms", "export_province_centres", "province_centres", "province_centres_pdf"]
