"""Out-of-school children's cases (0020; issue 13). Models only: desktop/domain/cases.py and
case_*.py hold the rules (statuses and moves, the needs assessment, the plan's versions and
approval, follow-ups, referrals, matching a list); services are to hold the workflow and
permissions (docs/cases.md). Every table travels to the province (0012's tracking).

A case belongs to one registry child; at most one live case of a child is open (a partial
unique index). Its status history is append-only (``oos_case_status``). A plan is a line
of versions; an approved version's goals and actions change only in their outcome and done
date (the approval's hash, ``approved_hash``, covers the rest). ``follow_due_on`` is the
next follow-up's due date, kept by the service on every write that changes it (and for
every case when the interval setting changes), so the overdue list reads one index.
Codes (statuses, areas, agencies, results) are the domain's enums' values.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, DateTime, ForeignKey, Index, Integer, LargeBinary, String, text
from sqlalchemy.orm import Mapped, mapped_column

from desktop.store.models import Base, Imported, Synced

LIVE = text("deleted_at IS NULL")
OPEN = text("status <> 'closed' AND deleted_at IS NULL")
FOLLOWED = text("deleted_at IS NULL AND follow_due_on IS NOT NULL")


class OosCase(Synced, Imported, Base):
    """An out-of-school child's case (imported from a list, or opened by hand)."""

    __tablename__ = "oos_case"
    __table_args__ = (Index("ix_oos_case_open_child", "child_id", unique=True, sqlite_where=OPEN,
                            postgresql_where=OPEN),
                      Index("ix_oos_case_child", "child_id"),
                      Index("ix_oos_case_by_status_due", "status", "follow_due_on"),
                      # the overdue list: index-only (a count reads the index alone)
                      Index("ix_oos_case_follow_due_on", "follow_due_on", sqlite_where=FOLLOWED,
                            postgresql_where=FOLLOWED),
                      Index("ix_oos_case_worker", "worker", "status"))
    child_id: Mapped[int] = mapped_column(ForeignKey("child.id"))
    status: Mapped[str] = mapped_column(String(30), default="to_trace")  # domain.cases.CaseStatus
    status_on: Mapped[date] = mapped_column(Date)
    status_by: Mapped[str] = mapped_column(String(50), default="")
    opened_on: Mapped[date] = mapped_column(Date)
    source: Mapped[str] = mapped_column(String(20))  # domain.cases.CaseSource
    source_row: Mapped[int | None] = mapped_column(Integer, default=None)  # the list's row
    worker: Mapped[str] = mapped_column(String(50), default="")  # the case worker (user name)
    place: Mapped[str] = mapped_column(String(200), default="")  # of the status: where to / where
    requested_from: Mapped[str] = mapped_column(String(30), default="")  # closure_requested: asked from
    requested_by: Mapped[str] = mapped_column(String(50), default="")
    outcome: Mapped[str] = mapped_column(String(20), default="")  # closed: domain.cases.CaseOutcome
    closed_on: Mapped[date | None] = mapped_column(Date, default=None)
    approved_by: Mapped[str] = mapped_column(String(50), default="")  # closed: the supervisor
    followed_since: Mapped[date | None] = mapped_column(Date, default=None)  # first in_plan
    last_visit_on: Mapped[date | None] = mapped_column(Date, default=None)
    last_next_on: Mapped[date | None] = mapped_column(Date, default=None)  # the last visit's own next date
    follow_due_on: Mapped[date | None] = mapped_column(Date, default=None)  # NULL: not followed up
    note: Mapped[str] = mapped_column(String(2000), default="")


class OosCaseStatus(Synced, Base):
    """One status change of a case (append only: the case page's history)."""

    __tablename__ = "oos_case_status"
    __table_args__ = (Index("ix_oos_case_status_case", "case_id", "id"),)
    case_id: Mapped[int] = mapped_column(ForeignKey("oos_case.id"))
    from_status: Mapped[str] = mapped_column(String(30), default="")  # "" for the opening
    to_status: Mapped[str] = mapped_column(String(30))
    changed_on: Mapped[date] = mapped_column(Date)
    changed_by: Mapped[str] = mapped_column(String(50), default="")
    place: Mapped[str] = mapped_column(String(200), default="")
    reason: Mapped[str] = mapped_column(String(500), default="")
    note: Mapped[str] = mapped_column(String(2000), default="")
    outcome: Mapped[str] = mapped_column(String(20), default="")
    approved_by: Mapped[str] = mapped_column(String(50), default="")


class OosTraceVisit(Synced, Base):
    """A tracing visit: who went, whom they met, what they found, where."""

    __tablename__ = "oos_trace_visit"
    __table_args__ = (Index("ix_oos_trace_visit_case", "case_id", "visited_on"),)
    case_id: Mapped[int] = mapped_column(ForeignKey("oos_case.id"))
    visited_on: Mapped[date] = mapped_column(Date)
    visitors: Mapped[str] = mapped_column(String(200), default="")
    met: Mapped[str] = mapped_column(String(200), default="")
    result: Mapped[str] = mapped_column(String(30), default="")  # a trace result (domain.cases.TRACE_RESULTS)
    lat_e6: Mapped[int | None] = mapped_column(Integer, default=None)  # micro-degrees, as the screening's
    lon_e6: Mapped[int | None] = mapped_column(Integer, default=None)
    note: Mapped[str] = mapped_column(String(2000), default="")


class OosTracePhoto(Synced, Base):
    """A visit's photo, handled as the screening's (shrunk, stripped of metadata, hashed)."""

    __tablename__ = "oos_trace_photo"
    __table_args__ = (Index("ix_oos_trace_photo_visit", "visit_id"),)
    visit_id: Mapped[int] = mapped_column(ForeignKey("oos_trace_visit.id"))
    data: Mapped[bytes] = mapped_column(LargeBinary)  # JPEG
    sha256: Mapped[str] = mapped_column(String(64))
    width: Mapped[int] = mapped_column(Integer)
    height: Mapped[int] = mapped_column(Integer)


class OosAssessment(Synced, Base):
    """A needs assessment (domain.case_needs.Assessment); the latest live one counts."""

    __tablename__ = "oos_assessment"
    __table_args__ = (Index("ix_oos_assessment_case", "case_id", "assessed_on"),)
    case_id: Mapped[int] = mapped_column(ForeignKey("oos_case.id"))
    assessed_on: Mapped[date] = mapped_column(Date)
    assessed_by: Mapped[str] = mapped_column(String(50), default="")
    catalogue_version: Mapped[int] = mapped_column(Integer)
    reasons: Mapped[str] = mapped_column(String(300), default="")  # LeaveReason codes, comma-separated
    other_reason: Mapped[str] = mapped_column(String(500), default="")
    last_school: Mapped[str] = mapped_column(String(200), default="")
    left_on: Mapped[date | None] = mapped_column(Date, default=None)
    note: Mapped[str] = mapped_column(String(2000), default="")


class OosAssessmentArea(Synced, Base):
    """One area of an assessment: its level, the needs ticked, a note."""

    __tablename__ = "oos_assessment_area"
    __table_args__ = (Index("ix_oos_assessment_area_live", "assessment_id", "area", unique=True,
                            sqlite_where=LIVE, postgresql_where=LIVE),)
    assessment_id: Mapped[int] = mapped_column(ForeignKey("oos_assessment.id"))
    area: Mapped[str] = mapped_column(String(20))  # domain.case_needs.Area
    level: Mapped[str] = mapped_column(String(10), default="")  # "" not rated
    needs: Mapped[str] = mapped_column(String(300), default="")  # need codes, comma-separated
    note: Mapped[str] = mapped_column(String(2000), default="")


class OosPlanVersion(Synced, Base):
    """A version of a case's individual assistance plan (domain.case_plan.PlanVersion)."""

    __tablename__ = "oos_plan_version"
    __table_args__ = (Index("ix_oos_plan_version_live_number", "case_id", "number", unique=True,
                            sqlite_where=LIVE, postgresql_where=LIVE),)
    case_id: Mapped[int] = mapped_column(ForeignKey("oos_case.id"))
    number: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(12))  # domain.case_plan.PlanStatus
    authors: Mapped[str] = mapped_column(String(500), default="")  # user names, comma-separated
    edited_on: Mapped[date] = mapped_column(Date)
    submitted_by: Mapped[str] = mapped_column(String(50), default="")
    submitted_on: Mapped[date | None] = mapped_column(Date, default=None)
    decided_by: Mapped[str] = mapped_column(String(50), default="")
    decided_on: Mapped[date | None] = mapped_column(Date, default=None)
    returned_reason: Mapped[str] = mapped_column(String(500), default="")
    approved_hash: Mapped[str] = mapped_column(String(64), default="")
    note: Mapped[str] = mapped_column(String(2000), default="")


class OosPlanGoal(Synced, Base):
    __tablename__ = "oos_plan_goal"
    __table_args__ = (Index("ix_oos_plan_goal_version", "version_id", "position"),)
    version_id: Mapped[int] = mapped_column(ForeignKey("oos_plan_version.id"))
    position: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(String(500))
    area: Mapped[str] = mapped_column(String(20), default="")  # domain.case_needs.Area or ""


class OosPlanAction(Synced, Base):
    __tablename__ = "oos_plan_action"
    __table_args__ = (Index("ix_oos_plan_action_goal", "goal_id", "position"),
                      Index("ix_oos_plan_action_due", "due"))
    goal_id: Mapped[int] = mapped_column(ForeignKey("oos_plan_goal.id"))
    position: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(String(500))
    agency: Mapped[str] = mapped_column(String(20), default="")  # domain.case_plan.Agency or ""
    agency_name: Mapped[str] = mapped_column(String(200), default="")
    person: Mapped[str] = mapped_column(String(200), default="")
    due: Mapped[date | None] = mapped_column(Date, default=None)
    budget_satang: Mapped[int] = mapped_column(Integer, default=0)
    outcome: Mapped[str] = mapped_column(String(1000), default="")  # progress: outside the approval's hash
    done_on: Mapped[date | None] = mapped_column(Date, default=None)


class OosFollowUp(Synced, Base):
    """A follow-up visit (นิเทศติดตาม)."""

    __tablename__ = "oos_follow_up"
    __table_args__ = (Index("ix_oos_follow_up_case", "case_id", "visited_on"),)
    case_id: Mapped[int] = mapped_column(ForeignKey("oos_case.id"))
    visited_on: Mapped[date] = mapped_column(Date)
    visited_by: Mapped[str] = mapped_column(String(50), default="")
    result: Mapped[str] = mapped_column(String(12))  # domain.case_followup.FollowUpResult
    note: Mapped[str] = mapped_column(String(2000), default="")
    next_on: Mapped[date | None] = mapped_column(Date, default=None)


class OosReferral(Synced, Base):
    """A referral to another agency, its status and the agency's answer."""

    __tablename__ = "oos_referral"
    __table_args__ = (Index("ix_oos_referral_case", "case_id"), Index("ix_oos_referral_status", "status"))
    case_id: Mapped[int] = mapped_column(ForeignKey("oos_case.id"))
    agency: Mapped[str] = mapped_column(String(20))  # domain.case_plan.Agency
    agency_name: Mapped[str] = mapped_column(String(200))
    reason: Mapped[str] = mapped_column(String(500))
    sent_on: Mapped[date] = mapped_column(Date)
    sent_by: Mapped[str] = mapped_column(String(50), default="")
    status: Mapped[str] = mapped_column(String(10), default="sent")  # domain.case_referral.ReferralStatus
    status_on: Mapped[date] = mapped_column(Date)
    answer: Mapped[str] = mapped_column(String(1000), default="")
    letter_no: Mapped[str] = mapped_column(String(50), default="")
    note: Mapped[str] = mapped_column(String(2000), default="")


class OosTransfer(Synced, Base):
    """A case closed as transferred to another municipality (0023): the receiving office by
    its code (and its name, for letters). It travels with the case to the province, which
    writes it and the whole case into a signed transfer file for that office
    (services/case_transfer.py). At the receiving office the received row keeps the case
    it opened there (``received_case_id``, local: never travels). At the province the row
    keeps when it was last written into a transfer file, by whom and the file's name
    (``written_*``, 0024: local too, never travel)."""

    __tablename__ = "oos_transfer"
    __table_args__ = (Index("ix_oos_transfer_case", "case_id"),
                      Index("ix_oos_transfer_to_office", "to_office"),
                      Index("ix_oos_transfer_received_case", "received_case_id"))
    case_id: Mapped[int] = mapped_column(ForeignKey("oos_case.id"))
    to_office: Mapped[str] = mapped_column(String(20))  # the receiving office's code (7 digits)
    to_office_name: Mapped[str] = mapped_column(String(200), default="")
    transferred_on: Mapped[date] = mapped_column(Date)
    transferred_by: Mapped[str] = mapped_column(String(50), default="")
    received_case_id: Mapped[int | None] = mapped_column(ForeignKey("oos_case.id"), default=None)
    received_at: Mapped[datetime | None] = mapped_column(DateTime, default=None)
    written_at: Mapped[datetime | None] = mapped_column(DateTime, default=None)  # UTC, the province's
    written_by: Mapped[str | None] = mapped_column(String(50), default=None)  # the login
    written_file: Mapped[str | None] = mapped_column(String(255), default=None)  # the file's name
