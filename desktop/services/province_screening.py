"""The province's consolidated poverty screening and grant figures (issue 11): per
municipality, and per school of each, for one term, from the screenings, rounds,
attendance and payments the municipalities' bundles brought (each row kept under the
office that sent it). No Qt.

    data = province_screening(session, year_be=2569, term=1)   # ProvinceScreening
    province_screening_pdf(session, Path("คัดกรองรายอปท.pdf"), year_be=2569, term=1)
    export_province_screening(session, Path("คัดกรองรายอปท.xlsx"), year_be=2569, term=1)
    screening_terms(session)                                  # [(2569, 1), ...] newest first

The figures, for a municipality's live screenings of the term whose child is live:
screened, poor, extremely poor (the level the sender's rule pack gave), certified (the
screening's status); **eligible**: children in at least one of the municipality's grant
rounds of the term by the municipality's own rule (domain/grants.decide on the
certified screening, the child's class this year and the term's attendance), with the
baht the rounds would pay them; **paid**: children with a live payment (status paid) in
a round of the term, and its baht. A child's school is its latest live enrolment of the
term's year at that municipality (none: "not enrolled this year").

Who: ``report.province`` (a province officer); the figures name no person.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import and_, case, func, select
from sqlalchemy.orm import Session, aliased

from desktop.domain.grants import ChildFacts, Outcome, RoundRule, decide
from desktop.domain.roles import Action
from desktop.domain.screening import PovertyLevel
from desktop.i18n import SOURCE_LANGUAGE, _, pinned, thai_document
from desktop.reports.province_lists import sheet_marks
from desktop.reports.province_screening import (
    COUNTING,
    NOT_ENROLLED,
    SHEET,
    SHEET_HEADERS,
    TITLE,
    Figures,
    MunicipalityFigures,
    ProvinceScreening,
    SchoolFigures,
    province_screening_pieces,
    sheet_rows,
    subtitle,
)
from desktop.reports.sheets import write_table
from desktop.services.access import require
from desktop.services.office import DEMO_LABEL, is_demo
from desktop.services.progress import Progress
from desktop.services.province_documents import page_width, write_pdf
from desktop.services.reports import ReportOptions
from desktop.store.grant_state import GrantPayment, GrantRound, TermAttendance
from desktop.store.models import AcademicYear, Child, Enrollment, Institution, Office, Term
from desktop.store.screening_state import Screening


class NoSuchTerm(LookupError):
    """The term asked is not known here; str() is Thai."""


@dataclass
class _Tally:
    screened: int = 0
    poor: int = 0
    extreme: int = 0
    certified: int = 0
    eligible: set[int] = field(default_factory=set)
    eligible_amount: int = 0
    paid: int = 0
    paid_amount: int = 0

    def figures(self) -> Figures:
        return Figures(self.screened, self.poor, self.extreme, self.certified, len(self.eligible),
                       self.eligible_amount, self.paid, self.paid_amount)


def screening_terms(session: Session) -> list[tuple[int, int]]:
    """(Buddhist-Era year, term) of every term with a live screening here, newest first."""
    require(session, Action.PROVINCE_REPORT)
    return [(int(y), int(n)) for y, n in session.execute(
        select(AcademicYear.year_be, Term.number).join(Term, Term.academic_year_id == AcademicYear.id)
        .where(select(Screening.id).where(Screening.term_id == Term.id, Screening.deleted_at.is_(None)).exists())
        .order_by(AcademicYear.year_be.desc(), Term.number.desc())).tuples()]


def _term(session: Session, year_be: int | None, number: int | None) -> Term:
    if year_be is None or number is None:
        found = screening_terms(session)
        if not found:
            term = session.scalars(select(Term).join(AcademicYear).order_by(AcademicYear.year_be.desc(),
                                                                            Term.number.desc())).first()
            if term is None:
                raise NoSuchTerm(_("ยังไม่มีภาคเรียนใดในฐานข้อมูลนี้ (ยังไม่ได้รับข้อมูลจาก อปท.)"))
            return term
        year_be, number = found[0]
    term = session.scalars(select(Term).join(AcademicYear).where(AcademicYear.year_be == year_be,
                                                                Term.number == number)).first()
    if term is None:
        raise NoSuchTerm(_("ไม่มีภาคเรียน {term}/{year} ในฐานข้อมูลนี้ (ภาคเรียนที่มีผลคัดกรอง: {known})").format(
            term=number, year=year_be,
            known=", ".join(f"{n}/{y}" for y, n in screening_terms(session)) or "-"))
    return term


def province_screening(session: Session, year_be: int | None = None, term: int | None = None) -> ProvinceScreening:
    """The term's figures per municipality and school (the latest term with screenings
    when none is given). Raises NoSuchTerm (Thai)."""
    require(session, Action.PROVINCE_REPORT)
    t = _term(session, year_be, term)
    year = session.get(AcademicYear, t.academic_year_id)
    assert year is not None
    latest = (select(Enrollment.child_id, func.max(Enrollment.id).label("eid"))
              .where(Enrollment.academic_year_id == t.academic_year_id, Enrollment.deleted_at.is_(None))
              .group_by(Enrollment.child_id).subquery())
    enr = aliased(Enrollment)
    tallies: dict[tuple[int, int | None], _Tally] = defaultdict(_Tally)

    # screened, poor, extremely poor, certified
    for office_id, inst, n, poor, extreme, certified in session.execute(
            select(Screening.origin_office_id, enr.institution_id, func.count(Screening.id),
                   func.sum(case((Screening.level == PovertyLevel.POOR.value, 1), else_=0)),
                   func.sum(case((Screening.level == PovertyLevel.EXTREME.value, 1), else_=0)),
                   func.sum(case((Screening.status == "certified", 1), else_=0)))
            .join(Child, and_(Child.id == Screening.child_id, Child.deleted_at.is_(None)))
            .outerjoin(latest, latest.c.child_id == Screening.child_id)
            .outerjoin(enr, enr.id == latest.c.eid)
            .where(Screening.term_id == t.id, Screening.deleted_at.is_(None))
            .group_by(Screening.origin_office_id, enr.institution_id)).tuples():
        tally = tallies[(int(office_id), inst)]
        tally.screened, tally.poor, tally.extreme, tally.certified = int(n), int(poor or 0), int(extreme or 0), \
            int(certified or 0)

    # eligible: each round of the term decides on its own municipality's certified screenings
    rounds = session.scalars(select(GrantRound).where(GrantRound.term_id == t.id, GrantRound.deleted_at.is_(None))
                             .order_by(GrantRound.id)).all()
    rounds_of: dict[int, int] = defaultdict(int)
    facts: dict[int, list[tuple[int, int | None, ChildFacts]]] = defaultdict(list)
    if rounds:
        for office_id, child_id, status, level, class_level, inst, present, days in session.execute(
                select(Screening.origin_office_id, Screening.child_id, Screening.status, Screening.level,
                       enr.level_code, enr.institution_id, TermAttendance.days_present, TermAttendance.days_open)
                .join(Child, and_(Child.id == Screening.child_id, Child.deleted_at.is_(None)))
                .outerjoin(latest, latest.c.child_id == Screening.child_id)
                .outerjoin(enr, enr.id == latest.c.eid)
                .outerjoin(TermAttendance, and_(TermAttendance.child_id == Screening.child_id,
                                                TermAttendance.term_id == t.id, TermAttendance.deleted_at.is_(None)))
                .where(Screening.term_id == t.id, Screening.deleted_at.is_(None), Screening.status == "certified")
                ).tuples():
            facts[int(office_id)].append((int(child_id), inst, ChildFacts(status, level or "", class_level or "",
                                                                          present, days)))
    for r in rounds:
        rounds_of[r.origin_office_id] += 1
        rule = _rule(r)
        for child_id, inst, fact in facts.get(r.origin_office_id, ()):
            decision = decide(fact, rule)
            if decision.outcome is Outcome.ELIGIBLE:
                tally = tallies[(r.origin_office_id, inst)]
                tally.eligible.add(child_id)
                tally.eligible_amount += decision.amount

    # paid
    for office_id, inst, n, amount in session.execute(
            select(GrantPayment.origin_office_id, enr.institution_id, func.count(func.distinct(GrantPayment.child_id)),
                   func.sum(GrantPayment.amount))
            .join(GrantRound, and_(GrantRound.id == GrantPayment.round_id, GrantRound.term_id == t.id,
                                   GrantRound.deleted_at.is_(None)))
            .outerjoin(latest, latest.c.child_id == GrantPayment.child_id)
            .outerjoin(enr, enr.id == latest.c.eid)
            .where(GrantPayment.deleted_at.is_(None), GrantPayment.status == "paid")
            .group_by(GrantPayment.origin_office_id, enr.institution_id)).tuples():
        tally = tallies[(int(office_id), inst)]
        tally.paid, tally.paid_amount = int(n), int(amount or 0)

    schools = {int(i): (c, n) for i, c, n in session.execute(
        select(Institution.id, Institution.code, Institution.name)
        .where(Institution.id.in_({i for _o, i in tallies if i is not None}))).tuples()}
    out = []
    for office in session.scalars(select(Office).where(Office.is_local.is_(False), Office.role == "municipality")
                                  .order_by(Office.name, Office.code)):
        rows = []
        for (office_id, inst), tally in tallies.items():
            if office_id != office.id:
                continue
            code, name = schools.get(inst, ("", NOT_ENROLLED)) if inst is not None else ("", NOT_ENROLLED)
            rows.append(SchoolFigures(code, name, tally.figures()))
        rows.sort(key=lambda s: (s.name == NOT_ENROLLED, s.name, s.code))
        total = sum((s.figures for s in rows), Figures())
        out.append(MunicipalityFigures(office.code, office.name, total, tuple(rows), rounds_of.get(office.id, 0)))
    return ProvinceScreening(f"{t.number}/{year.year_be}", tuple(out), sum((m.figures for m in out), Figures()))


def _rule(r: GrantRound) -> RoundRule:
    import json

    try:
        amounts = {str(k): int(v) for k, v in json.loads(r.amounts).items()}
    except (ValueError, TypeError, AttributeError):
        amounts = {}  # a round sent with amounts this program cannot read pays nobody here
    levels = frozenset(PovertyLevel(v) for v in r.levels.split(",") if v in {p.value for p in PovertyLevel})
    return RoundRule(levels, r.attendance_percent, amounts)


@thai_document
def province_screening_pdf(session: Session, out: Path, year_be: int | None = None, term: int | None = None,
                           options: ReportOptions = ReportOptions(),  # noqa: B008 (frozen)
                           progress: Progress | None = None) -> int:
    """The figures as a printable PDF (overview, then each municipality's schools); pages."""
    if progress is not None:
        progress.step(0, 100, COUNTING)
    data = province_screening(session, year_be, term)
    pieces = province_screening_pieces(data, page_width(options), options.signatures)
    return write_pdf(session, out, TITLE, subtitle(data.term, len(data.municipalities)), pieces, options, progress)


def export_province_screening(session: Session, path: Path, year_be: int | None = None, term: int | None = None,
                              *, progress: Progress | None = None) -> int:
    """The figures as a spreadsheet (.xlsx or .csv), one row a municipality's school; rows."""
    data = province_screening(session, year_be, term)
    with pinned(SOURCE_LANGUAGE):  # a file's words are Thai, as every export's
        rows = sheet_rows(data)
        return write_table(Path(path), list(SHEET_HEADERS), rows, total=len(rows), progress=progress,
                           **sheet_marks(SHEET, DEMO_LABEL if is_demo(session) else ""))
