"""The rows of an exchange bundle: each synced table's stable WIRE name and fields, apart
from the class and SQL names, so that a refactoring never changes the format
(docs/exchange.md, "What travels"). No Qt.

A row on the wire is a flat object: ``uuid``, ``version``, ``created``, ``updated``,
``deleted`` (times as ``YYYY-MM-DDTHH:MM:SS.ffffff``, UTC; ``deleted`` null for a live
row: a soft delete travels as the row), the table's own fields, and its references as the
uuid of the row referred to (an enrolment's year as the Buddhist-Era year). Local ids,
the import batch, the derived sort keys and member counts never travel: the receiver
computes its own. A hard delete travels as a ``tombstone`` row; academic years travel
whole in every bundle (a few rows).

Issue 11's tables travel too: screenings with their members, certifications and photos
(a photo's kind, SHA-256 and pixel size only, never its bytes: docs/exchange.md says
why), grant rounds, the term's attendance and payments. They refer to a term as
``"<number>/<Buddhist-Era year>"`` (``"1/2569"``); terms travel whole in every bundle as
the ``term`` table, like academic years. Their required references (a screening's child,
a certification's screening, a payment's round and child ...) must name a row of the same
bundle or one the province holds from the same sender, or the bundle is refused
(``payload.unresolved``: exchange/references.py).

Issue 12's tables travel too: a centre's rooms (of an institution and academic year),
placements, registers, absences, closed days and subsidy rates (0017), growth
measurements, DSPM checks with their items and referrals (0019). A re-check names its
first check (``first_check``, a reference within the same table: the import fills it
once both rows are in). Every reference they name, required or not, must resolve like
issue 11's (``NAMED``).

Issue 13's tables travel the same way: out-of-school children's cases with their status
history, tracing visits and their photos (hash and size only, as a screening's), needs
assessments by area, plan versions with goals and actions, follow-ups and referrals
(0020). A goal names its plan version as ``plan`` (``version`` is every row's own field).
A case closed as transferred names the receiving office's code in ``oos_transfer`` (0023).

Migration 0012 holds a frozen copy of the travelling columns (its triggers; 0015 and 0016
those of issue 11's tables); a new field here needs a migration that adds it to the
trigger.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from functools import cached_property
from typing import Any, cast

from sqlalchemy import Table

from desktop.store.case_state import (
    OosAssessment,
    OosAssessmentArea,
    OosCase,
    OosCaseStatus,
    OosFollowUp,
    OosPlanAction,
    OosPlanGoal,
    OosPlanVersion,
    OosReferral,
    OosTracePhoto,
    OosTraceVisit,
    OosTransfer,
)
from desktop.store.centre_state import (
    CentreAbsence,
    CentreClosedDay,
    CentrePlacement,
    CentreRate,
    CentreRegister,
    CentreRoom,
)
from desktop.store.grant_state import GrantPayment, GrantRound, TermAttendance
from desktop.store.growth_state import DspmCheck, DspmCheckItem, DspmReferral, GrowthMeasurement
from desktop.store.models import (
    AcademicYear,
    Child,
    ChildGuardian,
    Enrollment,
    Guardian,
    Household,
    Institution,
    Term,
)
from desktop.store.screening_state import Certification, Screening, ScreeningMember, ScreeningPhoto

ADDRESS = ("house_no", "village_no", "village_name", "soi", "road", "subdistrict", "district",
           "province", "postcode")
COMMON = (("uuid", "uuid"), ("version", "version"), ("created", "created_at"), ("updated", "updated_at"),
          ("deleted", "deleted_at"))
YEAR = "academic_year"
TERM = "term"
TOMBSTONE = "tombstone"
UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
TERM_REF = re.compile(r"([1-9])/(2[4-8][0-9][0-9])")  # "1/2569": term 1 of 2569


@dataclass(frozen=True)
class WireTable:
    wire: str  # the name on the wire (never changes)
    table: Table  # the SQL table
    fields: tuple[tuple[str, str], ...]  # (wire field, column) of its own values
    refs: tuple[tuple[str, str, Table], ...]  # (wire field, FK column, table referred to)

    @property
    def name(self) -> str:
        return self.table.name

    def all_fields(self) -> list[str]:
        return [w for w, _c in self.fields] + [w for w, _c, _t in self.refs]

    @cached_property
    def specs(self) -> tuple[tuple[str, str, type, int | None, bool], ...]:
        """(wire field, column, Python type, text length, nullable) of each own field, read
        from the table once (the row check and the import run them for every row)."""
        out = []
        for w, c in self.fields:
            col = self.table.c[c]
            out.append((w, c, col.type.python_type, getattr(col.type, "length", None), col.nullable is True))
        return tuple(out)


def _t(model: Any) -> Table:
    return cast(Table, model.__table__)


def _same(*names: str) -> tuple[tuple[str, str], ...]:
    return tuple((n, n) for n in names)


SYNCED: tuple[WireTable, ...] = (  # in the order an import applies them (references first)
    WireTable("institution", _t(Institution),
              (*COMMON, *_same("kind", "code", "name", "phone", *ADDRESS)), ()),
    WireTable("household", _t(Household),
              (*COMMON, *_same("house_code", "phone", "note", *ADDRESS)), ()),
    WireTable("child", _t(Child),
              (*COMMON, *_same("prefix", "first_name", "last_name", "first_name_en", "last_name_en", "sex"),
               ("birth_date", "birth_date"),
               *_same("id_type", "national_id", "g_code", "no_id_reason", "nationality", "disability")),
              (("household", "household_id", _t(Household)),)),
    WireTable("guardian", _t(Guardian),
              (*COMMON, *_same("prefix", "first_name", "last_name", "national_id", "phone", "occupation")),
              (("household", "household_id", _t(Household)),)),
    WireTable("guardianship", _t(ChildGuardian),
              (*COMMON, *_same("relation", "is_primary")),
              (("child", "child_id", _t(Child)),
               ("guardian", "guardian_id", _t(Guardian)))),
    WireTable("enrolment", _t(Enrollment),
              (*COMMON, ("level", "level_code"), *_same("classroom", "status")),
              (("child", "child_id", _t(Child)),
               ("institution", "institution_id", _t(Institution)),
               ("year", "academic_year_id", _t(AcademicYear)))),
    # issue 11: the poverty screening (0015) and grant rounds (0016)
    WireTable("screening", _t(Screening),
              (*COMMON, *_same("status", "tenure", "housing", "land", "land_rai", "water", "electricity",
                               "single_parent", "vehicles", "appliances", "travel_means", "travel_metres",
                               "travel_minutes", "lat_e6", "lon_e6", "no_photo_reason", "note", "level", "score",
                               "income_total", "members_count", "pack", "recorded_by", "submitted_by",
                               "submitted_at", "returned_by", "returned_at", "returned_reason")),
              (("child", "child_id", _t(Child)),
               ("household", "household_id", _t(Household)),
               ("term", "term_id", _t(Term)))),
    WireTable("screening_member", _t(ScreeningMember),
              (*COMMON, *_same("position", "name", "relation", "age", "occupation", "monthly_income", "disabled",
                               "chronic_illness", "unemployed")),
              (("screening", "screening_id", _t(Screening)),)),
    WireTable("certification", _t(Certification),
              (*COMMON, *_same("certifier", "certifier_name", "position", "certified_on", "data_sha256",
                               "voided_at", "void_reason")),
              (("screening", "screening_id", _t(Screening)),)),
    WireTable("screening_photo", _t(ScreeningPhoto),  # never the photo's bytes (``data``)
              (*COMMON, *_same("kind", "sha256", "width", "height")),
              (("screening", "screening_id", _t(Screening)),)),
    WireTable("grant_round", _t(GrantRound),
              (*COMMON, *_same("programme", "name", "levels", "attendance_percent", "amounts", "pack", "status",
                               "created_by")),
              (("term", "term_id", _t(Term)),)),
    WireTable("term_attendance", _t(TermAttendance),
              (*COMMON, *_same("days_present", "days_open", "recorded_by")),
              (("child", "child_id", _t(Child)),
               ("term", "term_id", _t(Term)))),
    WireTable("grant_payment", _t(GrantPayment),
              (*COMMON, *_same("amount", "paid_on", "method", "reference", "status", "note", "recorded_by")),
              (("round", "round_id", _t(GrantRound)),
               ("child", "child_id", _t(Child)))),
    # issue 12: a centre's day (0017), growth and DSPM (0019)
    WireTable("centre_room", _t(CentreRoom),
              (*COMMON, *_same("name", "age_group", "position")),
              (("institution", "institution_id", _t(Institution)),
               ("year", "academic_year_id", _t(AcademicYear)))),
    WireTable("centre_placement", _t(CentrePlacement),
              (*COMMON, *_same("since", "until", "placed_by")),
              (("child", "child_id", _t(Child)),
               ("room", "room_id", _t(CentreRoom)))),
    WireTable("centre_register", _t(CentreRegister),
              (*COMMON, *_same("day", "taken_by", "back_dated")),
              (("room", "room_id", _t(CentreRoom)),)),
    WireTable("centre_absence", _t(CentreAbsence),
              (*COMMON, *_same("day", "reason")),
              (("child", "child_id", _t(Child)),)),
    WireTable("centre_closed_day", _t(CentreClosedDay),
              (*COMMON, *_same("day", "reason")),
              (("institution", "institution_id", _t(Institution)),)),
    WireTable("centre_rate", _t(CentreRate),
              (*COMMON, *_same("kind", "fiscal_year_be", "valid_from", "satang", "source", "checked")), ()),
    WireTable("growth_measurement", _t(GrowthMeasurement),
              (*COMMON, *_same("measured_on", "weight_g", "height_mm", "method", "head_mm", "measured_by", "note")),
              (("child", "child_id", _t(Child)),)),
    WireTable("dspm_check", _t(DspmCheck),
              (*COMMON, *_same("age_months", "checked_on", "assessor", "outcome", "code", "recheck_due", "manual")),
              (("child", "child_id", _t(Child)),
               ("first_check", "first_check_id", _t(DspmCheck)))),  # a re-check's first check (may be null)
    WireTable("dspm_check_item", _t(DspmCheckItem),
              (*COMMON, *_same("item_no", "passed")),
              (("check", "check_id", _t(DspmCheck)),)),
    WireTable("dspm_referral", _t(DspmReferral),
              (*COMMON, *_same("hospital", "letter_no", "sent_on", "outcome", "outcome_on", "outcome_note")),
              (("check", "check_id", _t(DspmCheck)),)),
    # issue 13: out-of-school children's cases (0020)
    WireTable("oos_case", _t(OosCase),
              (*COMMON, *_same("status", "status_on", "status_by", "opened_on", "source", "source_row", "worker",
                               "place", "requested_from", "requested_by", "outcome", "closed_on", "approved_by",
                               "followed_since", "last_visit_on", "last_next_on", "follow_due_on", "note")),
              (("child", "child_id", _t(Child)),)),
    WireTable("oos_case_status", _t(OosCaseStatus),
              (*COMMON, *_same("from_status", "to_status", "changed_on", "changed_by", "place", "reason", "note",
                               "outcome", "approved_by")),
              (("case", "case_id", _t(OosCase)),)),
    WireTable("oos_trace_visit", _t(OosTraceVisit),
              (*COMMON, *_same("visited_on", "visitors", "met", "result", "lat_e6", "lon_e6", "note")),
              (("case", "case_id", _t(OosCase)),)),
    WireTable("oos_trace_photo", _t(OosTracePhoto),  # never the photo's bytes (``data``), as a screening's
              (*COMMON, *_same("sha256", "width", "height")),
              (("visit", "visit_id", _t(OosTraceVisit)),)),
    WireTable("oos_assessment", _t(OosAssessment),
              (*COMMON, *_same("assessed_on", "assessed_by", "catalogue_version", "reasons", "other_reason",
                               "last_school", "left_on", "note")),
              (("case", "case_id", _t(OosCase)),)),
    WireTable("oos_assessment_area", _t(OosAssessmentArea),
              (*COMMON, *_same("area", "level", "needs", "note")),
              (("assessment", "assessment_id", _t(OosAssessment)),)),
    WireTable("oos_plan_version", _t(OosPlanVersion),
              (*COMMON, *_same("number", "status", "authors", "edited_on", "submitted_by", "submitted_on",
                               "decided_by", "decided_on", "returned_reason", "approved_hash", "note")),
              (("case", "case_id", _t(OosCase)),)),
    WireTable("oos_plan_goal", _t(OosPlanGoal),
              (*COMMON, *_same("position", "text", "area")),
              (("plan", "version_id", _t(OosPlanVersion)),)),  # "version" is every row's own
    WireTable("oos_plan_action", _t(OosPlanAction),
              (*COMMON, *_same("position", "text", "agency", "agency_name", "person", "due", "budget_satang",
                               "outcome", "done_on")),
              (("goal", "goal_id", _t(OosPlanGoal)),)),
    WireTable("oos_follow_up", _t(OosFollowUp),
              (*COMMON, *_same("visited_on", "visited_by", "result", "note", "next_on")),
              (("case", "case_id", _t(OosCase)),)),
    WireTable("oos_referral", _t(OosReferral),
              (*COMMON, *_same("agency", "agency_name", "reason", "sent_on", "sent_by", "status", "status_on",
                               "answer", "letter_no", "note")),
              (("case", "case_id", _t(OosCase)),)),
    # a case closed as transferred: the receiving office by its code (0023); the receiving
    # office's own columns (received_case_id, received_at) never travel
    WireTable("oos_transfer", _t(OosTransfer),
              (*COMMON, *_same("to_office", "to_office_name", "transferred_on", "transferred_by")),
              (("case", "case_id", _t(OosCase)),)),
)
CASE_WIRES = ("oos_case", "oos_case_status", "oos_trace_visit", "oos_trace_photo", "oos_assessment",
              "oos_assessment_area", "oos_plan_version", "oos_plan_goal", "oos_plan_action", "oos_follow_up",
              "oos_referral")
TRANSFER_WIRE = "oos_transfer"  # a transfer's target (0023): apart from CASE_WIRES, few cases have one
# issue 11's and 12's tables: a required reference that resolves nowhere refuses the bundle
STRICT = frozenset({"screening", "screening_member", "certification", "screening_photo", "grant_round",
                    "term_attendance", "grant_payment", "centre_room", "centre_placement", "centre_register",
                    "centre_absence", "centre_closed_day", "centre_rate", "growth_measurement", "dspm_check",
                    "dspm_check_item", "dspm_referral", *CASE_WIRES, TRANSFER_WIRE})
# of those, the tables whose every reference that names a row must resolve, also one that
# may be null (a re-check's first check); issue 11's keep their rule (a screening's
# household may be left empty)
NAMED = frozenset({"centre_room", "centre_placement", "centre_register", "centre_absence", "centre_closed_day",
                   "centre_rate", "growth_measurement", "dspm_check", "dspm_check_item", "dspm_referral",
                   *CASE_WIRES, TRANSFER_WIRE})
BY_WIRE: Mapping[str, WireTable] = {t.wire: t for t in SYNCED}
BY_TABLE: Mapping[str, WireTable] = {t.name: t for t in SYNCED}
WIRE_TABLES = frozenset({*BY_WIRE, YEAR, TERM, TOMBSTONE})
YEAR_FIELDS = ("year", "start", "end")
TERM_FIELDS = ("term", "start", "end")
TOMBSTONE_FIELDS = ("table", "uuid", "deleted")


def wire_value(value: Any) -> Any:
    """A column's value as it travels."""
    if isinstance(value, datetime):
        return value.replace(tzinfo=None).isoformat(timespec="microseconds")
    if isinstance(value, date):
        return value.isoformat()
    return value


def parse_time(text: Any) -> datetime:
    if type(text) is not str or len(text) != 26:
        raise ValueError(f"not a time: {text!r}")
    return datetime.fromisoformat(text)


def parse_date(text: Any) -> date:
    if type(text) is not str or len(text) != 10:
        raise ValueError(f"not a date: {text!r}")
    return date.fromisoformat(text)


def _check_uuid(value: Any, what: str, *, nullable: bool = False) -> None:
    if value is None and nullable:
        return
    if type(value) is not str or not UUID.fullmatch(value):
        raise ValueError(f"{what}: not a uuid")


def _check_value(t: WireTable, wire: str, kind: type, length: int | None, nullable: bool, value: Any) -> None:
    if wire == "uuid":
        _check_uuid(value, "uuid")
        return
    if value is None:
        if not nullable or wire in ("created", "updated", "version"):
            raise ValueError(f"{t.wire}.{wire} may not be null")
        return
    if kind is datetime:
        parse_time(value)
    elif kind is date:
        parse_date(value)
    elif kind is bool:
        if type(value) is not bool:
            raise ValueError(f"{t.wire}.{wire}: not a boolean")
    elif kind is int:
        if type(value) is not int or value < (1 if wire == "version" else 0):
            raise ValueError(f"{t.wire}.{wire}: not a whole number")
    else:
        if type(value) is not str or (length is not None and len(value) > length) or "\x00" in value:
            raise ValueError(f"{t.wire}.{wire}: not a text of its length")


def check_row(table: str, row: dict[str, Any]) -> None:
    """The row schema of a wire table (verify_bundle's ``row_check``): exactly its fields,
    each of its type and length; ValueError names the first fault."""
    if table == YEAR:
        if set(row) != set(YEAR_FIELDS) or type(row["year"]) is not int or not 2400 <= row["year"] <= 2800:
            raise ValueError("academic_year row")
        parse_date(row["start"])
        parse_date(row["end"])
        return
    if table == TERM:
        if set(row) != set(TERM_FIELDS) or type(row["term"]) is not str or not TERM_REF.fullmatch(row["term"]):
            raise ValueError("term row")
        parse_date(row["start"])
        parse_date(row["end"])
        return
    if table == TOMBSTONE:
        if set(row) != set(TOMBSTONE_FIELDS) or row["table"] not in BY_WIRE:
            raise ValueError("tombstone row")
        _check_uuid(row["uuid"], "tombstone.uuid")
        parse_time(row["deleted"])
        return
    t = BY_WIRE.get(table)
    if t is None:
        raise ValueError(f"unknown wire table {table!r}")
    if set(row) != set(t.all_fields()):
        raise ValueError(f"{table}: fields {sorted(set(row) ^ set(t.all_fields()))}")
    for wire, _column, kind, length, nullable in t.specs:
        _check_value(t, wire, kind, length, nullable, row[wire])
    for wire, column, target in t.refs:
        if target.name == "academic_year":
            if type(row[wire]) is not int:
                raise ValueError(f"{table}.{wire}: not a year")
        elif target.name == "term":
            if type(row[wire]) is not str or not TERM_REF.fullmatch(row[wire]):
                raise ValueError(f"{table}.{wire}: not a term")
        else:
            _check_uuid(row[wire], f"{table}.{wire}", nullable=t.table.c[column].nullable is True)


def term_key(number: int, year_be: int) -> str:
    """A term on the wire: ``"1/2569"``."""
    return f"{number}/{year_be}"


def required_refs(t: WireTable) -> list[tuple[str, str]]:
    """(wire field, wire table referred to) of ``t``'s references that may not be empty
    (``TERM`` for a term), and for the NAMED tables those that may be, when they name a
    row; only for the STRICT tables, the registry's keep their rule."""
    if t.wire not in STRICT:
        return []
    out = []
    for wire, column, target in t.refs:
        if (t.table.c[column].nullable and t.wire not in NAMED) or target.name == "academic_year":
            continue  # (every bundle carries every academic year)
        out.append((wire, TERM if target.name == "term" else BY_TABLE[target.name].wire))
    return out


def column_values(t: WireTable, row: Mapping[str, Any]) -> dict[str, Any]:
    """The SQL column values of a wire row's own fields (references resolved elsewhere)."""
    out: dict[str, Any] = {}
    for wire, column, kind, _length, _nullable in t.specs:
        value = row[wire]
        if value is not None and kind is datetime:
            value = parse_time(value)
        elif value is not None and kind is date:
            value = parse_date(value)
        out[column] = value
    return out
