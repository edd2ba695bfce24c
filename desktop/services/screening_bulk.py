"""Scoring every screening of an office in one SQL statement (issue 11): a re-score with a
new rule pack, and its preview. No Qt, no permission checks (services/rulepacks.py checks).

desktop/domain/screening.classify is the rule; this is the same rule written as SQL from
the pack's numbers, so 100k screenings are scored where they lie instead of being read
into Python (tests/unit/test_screening_bulk.py proves the two give the same level, score,
income and members for every screening, and skip the same incomplete ones). The pack's
points are bound as parameters, never spliced into the text; the answer codes in the
CASEs are the form's fixed codes (domain/screening_form.py).

A screening is scored when the domain would score it: 1 to MAX_MEMBERS live members,
each named, aged 0-120, with an income in range; every answer one the pack scores, and
the things owned only known codes. Others (a draft not filled yet) keep what they had.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Integer as SAInteger
from sqlalchemy import String, Table, column, select, table, text, update
from sqlalchemy.orm import Session

from desktop.domain.rulepack import RulePack
from desktop.domain.screening_form import (
    CHOICES,
    ELDERLY_OVER,
    MAX_MEMBERS,
    MAX_MONTHLY_INCOME,
    OWNED,
    WORKING_AGES,
)
from desktop.store.models import utcnow
from desktop.store.screening_state import Screening

# each screening's live members: how many, their income, the dependants, and faults that
# keep the domain from scoring it (screening.check)
_MEMBERS = f"""
SELECT screening_id AS sid, count(*) AS n, sum(monthly_income) AS income,
  sum(CASE WHEN disabled THEN 1 ELSE 0 END) AS disabled,
  sum(CASE WHEN age > {ELDERLY_OVER} THEN 1 ELSE 0 END) AS elderly,
  sum(CASE WHEN unemployed AND age BETWEEN {WORKING_AGES[0]} AND {WORKING_AGES[1]} THEN 1 ELSE 0 END) AS unemployed,
  sum(CASE WHEN trim(name) = '' OR age < 0 OR age > 120 OR monthly_income < 0
           OR monthly_income > {MAX_MONTHLY_INCOME} THEN 1 ELSE 0 END) AS faults
FROM screening_member WHERE deleted_at IS NULL GROUP BY screening_id"""


def _owned(column: str, dimension: str, points: dict[str, int], find: str) -> tuple[str, str, dict[str, int]]:
    """SQL of the points of the things owned (stored as sorted codes joined by commas), and
    the test that the stored text holds known codes only (its length is theirs)."""
    codes = list(OWNED[dimension])
    has = {c: f"({find}(',' || {column} || ',', ',{c},') > 0)" for c in codes}
    total = " + ".join(f"(CASE WHEN {has[c]} THEN :{dimension}_{c} ELSE 0 END)" for c in codes)
    known_len = " + ".join(f"(CASE WHEN {has[c]} THEN {len(c) + 1} ELSE 0 END)" for c in codes)
    score = f"(CASE WHEN {column} = '' THEN :{dimension}_none ELSE {total} END)"
    known = f"({column} = '' OR ({known_len}) - 1 = length({column}))"
    params = {f"{dimension}_{c}": points[c] for c in codes} | {f"{dimension}_none": points["none"]}
    return score, known, params


def _scored_sql(pack: RulePack, dialect: str) -> tuple[str, dict[str, int]]:
    """The SELECT of id, level, score, income_total, members_count of every live screening
    the pack scores, and its parameters, for SQLite or PostgreSQL."""
    find = "strpos" if dialect == "postgresql" else "instr"
    dep = pack.points["dependants"]
    owed = ("(m.disabled * :dep_disabled + m.elderly * :dep_elderly + m.unemployed * :dep_unemployed "
            "+ (CASE WHEN s.single_parent THEN 1 ELSE 0 END) * :dep_single_parent)")
    dependants = f"(CASE WHEN {owed} < :dep_max THEN {owed} ELSE :dep_max END)"
    land = pack.points["land"]
    land_sql = ("(CASE WHEN s.land = 'owned' AND s.land_rai < :small_rai THEN :land_owned_small "
                "WHEN s.land = 'owned' THEN :land_owned WHEN s.land = 'rented' THEN :land_rented "
                "WHEN s.land = 'none' THEN :land_none END)")
    v_score, v_known, v_params = _owned("s.vehicles", "vehicles", dict(pack.points["vehicles"]), find)
    a_score, a_known, a_params = _owned("s.appliances", "appliances", dict(pack.points["appliances"]), find)
    parts = [dependants, land_sql, v_score, a_score]
    choice_params: dict[str, int] = {}
    for dimension in ("tenure", "housing", "water", "electricity"):
        points = dict(pack.points[dimension])
        whens = " ".join(f"WHEN '{c}' THEN :{dimension}_{c}" for c in CHOICES[dimension])
        parts.append(f"(CASE s.{dimension} {whens} END)")
        choice_params |= {f"{dimension}_{c}": points[c] for c in CHOICES[dimension]}
    raw = " + ".join(parts)
    score = f"(CASE WHEN ({raw}) < 0 THEN 0 ELSE ({raw}) END)"
    level = (f"(CASE WHEN m.income > :threshold * m.n THEN 'not_poor' WHEN {score} >= :extreme THEN 'extreme' "
             f"WHEN {score} >= :poor THEN 'poor' ELSE 'not_poor' END)")
    params = {
        "dep_disabled": dep["disabled"], "dep_elderly": dep["elderly"], "dep_unemployed": dep["unemployed"],
        "dep_single_parent": dep["single_parent"], "dep_max": pack.dependants_max, "small_rai": pack.small_land_rai,
        "land_owned_small": land["owned_small"], "land_owned": land["owned"], "land_rented": land["rented"],
        "land_none": land["none"], "threshold": pack.income_threshold, "extreme": pack.extreme_min,
        "poor": pack.poor_min, "most_members": MAX_MEMBERS, **v_params, **a_params, **choice_params,
    }
    sql = (f"SELECT s.id AS id, {level} AS level, {score} AS score, m.income AS income_total, m.n AS members_count "
           f"FROM screening s JOIN ({_MEMBERS}) m ON m.sid = s.id "
           f"WHERE s.deleted_at IS NULL AND m.n BETWEEN 1 AND :most_members AND m.faults = 0 "
           f"AND s.land_rai BETWEEN 0 AND 100000 AND {v_known} AND {a_known} AND ({raw}) IS NOT NULL")
    return sql, params


def scored(pack: RulePack, dialect: str) -> Any:
    """The scored screenings as a subquery (``_scored_sql``)."""
    sql, params = _scored_sql(pack, dialect)
    return text(sql).bindparams(**params).columns(
        id=SAInteger, level=String, score=SAInteger, income_total=SAInteger, members_count=SAInteger
    ).subquery("scored")


def preview(session: Session, pack: RulePack) -> list[tuple[str, int, str, str]]:
    """(screening uuid, child id, level before, level after) of each screening whose class
    the pack changes, in id order."""
    sub = scored(pack, session.get_bind().dialect.name)
    rows = session.execute(select(Screening.uuid, Screening.child_id, Screening.level, sub.c.level)
                           .join(sub, sub.c.id == Screening.id)
                           .where(Screening.level != sub.c.level).order_by(Screening.id))
    return [(str(u), int(c), str(b), str(a)) for u, c, b, a in rows]


_SCORED = table("samoe_scored", column("id"), column("level"), column("score"), column("income_total"),
                column("members_count"))


def apply(session: Session, pack: RulePack) -> tuple[int, list[tuple[str, int, str, str]]]:
    """Score every screening the pack scores, scoring each once: into a temporary table,
    then the class changes read from it and one UPDATE from it. How many were scored, and
    the changes (as ``preview``)."""
    sql, params = _scored_sql(pack, session.get_bind().dialect.name)
    session.execute(text("CREATE TEMPORARY TABLE samoe_scored (id INTEGER PRIMARY KEY, level VARCHAR(10), "
                         "score INTEGER, income_total INTEGER, members_count INTEGER)"))
    try:
        session.execute(text(f"INSERT INTO samoe_scored (id, level, score, income_total, members_count) {sql}"),
                        params)
        changes = [(str(u), int(c), str(b), str(a)) for u, c, b, a in session.execute(
            select(Screening.uuid, Screening.child_id, Screening.level, _SCORED.c.level)
            .join(_SCORED, _SCORED.c.id == Screening.id)
            .where(Screening.level != _SCORED.c.level).order_by(Screening.id))]
        target = Screening.__table__
        assert isinstance(target, Table)
        result = session.execute(
            update(target).where(target.c.id == _SCORED.c.id).values(
                level=_SCORED.c.level, score=_SCORED.c.score, income_total=_SCORED.c.income_total,
                members_count=_SCORED.c.members_count, pack=pack.label, version=target.c.version + 1,
                updated_at=utcnow()),
            execution_options={"synchronize_session": False})
        return int(result.rowcount or 0), changes  # type: ignore[attr-defined]
    finally:
        session.execute(text("DROP TABLE samoe_scored"))
