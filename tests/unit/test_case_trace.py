"""A tracing visit's checks and the move it offers (desktop/domain/case_trace.py)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from desktop.domain.case_trace import (
    MAX_PHOTOS,
    NAMES_MAX,
    TraceVisit,
    check_trace_visit,
    suggested_move,
)
from desktop.domain.cases import TRACE_RESULTS, CaseStatus
from desktop.store import case_state

S = CaseStatus
TODAY = date(2026, 12, 1)
OPENED = date(2026, 10, 1)
KHON_KAEN = (16_432_000, 102_823_000)


def visit(**kw: object) -> TraceVisit:
    base: dict[str, object] = {"visited_on": TODAY, "visitors": "นางสาวมาลี ดีงาม, อสม.การศึกษา",
                               "result": S.FOUND, "met": "ยายของเด็ก", "lat_e6": KHON_KAEN[0],
                               "lon_e6": KHON_KAEN[1]}
    base.update(kw)
    return TraceVisit(**base)  # type: ignore[arg-type]


def fields(v: TraceVisit, status: CaseStatus = S.TO_TRACE) -> list[str]:
    return [p.field for p in check_trace_visit(v, status, today=TODAY, opened_on=OPENED)]


def test_a_full_visit_passes_and_the_position_may_be_left_out() -> None:
    assert fields(visit()) == []
    assert fields(visit(lat_e6=None, lon_e6=None, met="")) == []


@pytest.mark.parametrize("result", sorted(TRACE_RESULTS))
def test_every_trace_result_is_a_visits_result(result: CaseStatus) -> None:
    assert fields(visit(result=result)) == []


@pytest.mark.parametrize("result", [None, S.IN_PLAN, S.CLOSED, S.TO_TRACE])
def test_a_visit_needs_a_trace_result(result: CaseStatus | None) -> None:
    assert fields(visit(result=result)) == ["result"]


def test_who_went_is_required_and_names_fit_their_column() -> None:
    assert fields(visit(visitors=" ")) == ["visitors"]
    assert fields(visit(visitors="ก" * NAMES_MAX, met="ข" * NAMES_MAX)) == []
    assert fields(visit(met="ข" * (NAMES_MAX + 1))) == ["met"]
    column = case_state.OosTraceVisit.__table__.c
    assert column.visitors.type.length == column.met.type.length == NAMES_MAX


def test_the_position_is_both_or_neither_and_in_thailand() -> None:
    assert fields(visit(lon_e6=None)) == ["position"]
    assert fields(visit(lat_e6=None)) == ["position"]
    assert fields(visit(lat_e6=13_756_000, lon_e6=100_501_000)) == []  # Bangkok
    assert fields(visit(lat_e6=35_676_000, lon_e6=139_650_000)) == ["position"]  # Tokyo
    assert fields(visit(lat_e6=KHON_KAEN[1], lon_e6=KHON_KAEN[0])) == ["position"]  # swapped


def test_dates_and_the_case_status() -> None:
    assert fields(visit(visited_on=TODAY + timedelta(days=1))) == ["visited_on"]
    assert fields(visit(visited_on=OPENED - timedelta(days=1))) == ["visited_on"]
    assert fields(visit(visited_on=OPENED)) == []
    assert fields(visit(), S.CLOSED) == ["status"]
    assert fields(visit(), S.CLOSURE_REQUESTED) == ["status"]
    assert fields(visit(), S.IN_PLAN) == []


def test_photos_at_most_five() -> None:
    assert fields(visit(photos=MAX_PHOTOS)) == []
    assert fields(visit(photos=MAX_PHOTOS + 1)) == ["photos"]


def test_the_move_a_visit_offers() -> None:
    assert suggested_move(S.TO_TRACE, S.FOUND) is S.FOUND
    assert suggested_move(S.NOT_FOUND, S.FOUND) is S.FOUND
    assert suggested_move(S.NOT_FOUND, S.NOT_FOUND) is None  # already there
    assert suggested_move(S.NOT_FOUND, S.DECLINED) is None  # not a move from not found
    assert suggested_move(S.IN_PLAN, S.MOVED_AWAY) is S.MOVED_AWAY
    assert suggested_move(S.CLOSED, S.FOUND) is None
    assert suggested_move(S.TO_TRACE, None) is None
