"""The case domain's codes and text limits fit the columns of 0020 (desktop/store/case_state.py):
SQLite would keep a longer value, PostgreSQL refuses it and the whole save fails."""

from __future__ import annotations

from enum import StrEnum

import pytest
from sqlalchemy import String

from desktop.domain import case_followup, case_needs, case_plan, case_referral, cases
from desktop.store import case_state as st


def length(column: object) -> int:
    kind = column.type  # type: ignore[attr-defined]
    assert isinstance(kind, String) and kind.length is not None
    return int(kind.length)


@pytest.mark.parametrize(("codes", "column"), [
    (cases.CaseStatus, st.OosCase.__table__.c.status),
    (cases.CaseStatus, st.OosCase.__table__.c.requested_from),
    (cases.CaseStatus, st.OosCaseStatus.__table__.c.to_status),
    (cases.CaseStatus, st.OosTraceVisit.__table__.c.result),
    (cases.CaseOutcome, st.OosCase.__table__.c.outcome),
    (cases.CaseOutcome, st.OosCaseStatus.__table__.c.outcome),
    (cases.CaseSource, st.OosCase.__table__.c.source),
    (case_needs.Area, st.OosAssessmentArea.__table__.c.area),
    (case_needs.Area, st.OosPlanGoal.__table__.c.area),
    (case_needs.Level, st.OosAssessmentArea.__table__.c.level),
    (case_plan.PlanStatus, st.OosPlanVersion.__table__.c.status),
    (case_plan.Agency, st.OosPlanAction.__table__.c.agency),
    (case_plan.Agency, st.OosReferral.__table__.c.agency),
    (case_followup.FollowUpResult, st.OosFollowUp.__table__.c.result),
    (case_referral.ReferralStatus, st.OosReferral.__table__.c.status),
])
def test_every_code_fits_its_column(codes: type[StrEnum], column: object) -> None:
    assert max(len(c.value) for c in codes) <= length(column), column


def test_lists_of_codes_fit_when_all_are_chosen() -> None:
    assert len(",".join(r.value for r in case_needs.LeaveReason)) <= length(st.OosAssessment.__table__.c.reasons)
    for area, needs in case_needs.NEEDS.items():
        assert len(",".join(needs)) <= length(st.OosAssessmentArea.__table__.c.needs), area


@pytest.mark.parametrize(("limit", "column"), [
    (cases.PLACE_MAX, st.OosCase.__table__.c.place),
    (cases.PLACE_MAX, st.OosCaseStatus.__table__.c.place),
    (cases.REASON_MAX, st.OosCaseStatus.__table__.c.reason),
    (cases.NOTE_MAX, st.OosCaseStatus.__table__.c.note),
    (cases.NOTE_MAX, st.OosCase.__table__.c.note),
    (cases.REASON_MAX, st.OosAssessment.__table__.c.other_reason),
    (case_needs.LAST_SCHOOL_MAX, st.OosAssessment.__table__.c.last_school),
    (cases.NOTE_MAX, st.OosAssessment.__table__.c.note),
    (cases.NOTE_MAX, st.OosAssessmentArea.__table__.c.note),
    (case_plan.TEXT_MAX, st.OosPlanGoal.__table__.c.text),
    (case_plan.TEXT_MAX, st.OosPlanAction.__table__.c.text),
    (case_plan.NAME_MAX, st.OosPlanAction.__table__.c.agency_name),
    (case_plan.NAME_MAX, st.OosPlanAction.__table__.c.person),
    (case_plan.OUTCOME_MAX, st.OosPlanAction.__table__.c.outcome),
    (cases.NOTE_MAX, st.OosPlanVersion.__table__.c.note),
    (cases.REASON_MAX, st.OosPlanVersion.__table__.c.returned_reason),
    (cases.NOTE_MAX, st.OosFollowUp.__table__.c.note),
    (case_plan.NAME_MAX, st.OosReferral.__table__.c.agency_name),
    (cases.REASON_MAX, st.OosReferral.__table__.c.reason),
    (case_referral.ANSWER_MAX, st.OosReferral.__table__.c.answer),
    (cases.NOTE_MAX, st.OosReferral.__table__.c.note),
])
def test_text_limits_are_the_columns(limit: int, column: object) -> None:
    assert limit == length(column), column


def test_an_approval_hash_fits() -> None:
    assert len(case_plan.content_hash(case_plan.PlanContent())) == length(st.OosPlanVersion.__table__.c.approved_hash)
