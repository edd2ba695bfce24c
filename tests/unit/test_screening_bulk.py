"""The re-score's SQL (services/screening_bulk.py) is the domain's rule: on random
screenings, valid and not, every level, score, income and member count equals
domain.screening.classify's, and the screenings the domain cannot score are the ones the
SQL leaves alone; with the shipped pack and with packs whose numbers are drawn at random."""

from __future__ import annotations

import json
import random
from typing import Any

import pytest
from sqlalchemy import select, text

from desktop.domain.errors import ValidationFailed
from desktop.domain.rulepack import RulePack, parse_pack
from desktop.domain.screening import classify
from desktop.domain.screening_form import CHOICES, OWNED
from desktop.paths import resource_path
from desktop.services import screening_bulk
from desktop.services.demo import fill_demo
from desktop.services.screening_rows import screening_inputs
from desktop.store import migrate
from desktop.store.db import Database
from desktop.store.models import Child, Term
from desktop.store.screening_state import Screening, ScreeningMember

SHIPPED: dict[str, Any] = json.loads(resource_path("rulepacks", "samoe-illustrative-v1.json").read_bytes())


def _random_pack(rng: random.Random) -> RulePack:
    data = json.loads(json.dumps(SHIPPED))
    for table in data["points"].values():
        for answer in table:
            table[answer] = rng.randint(-9, 12)
    poor = rng.randint(0, 20)
    data |= {"income_threshold": rng.choice((1500, 3000, 4500)), "dependants_max": rng.randint(0, 25),
             "small_land_rai": rng.randint(0, 10), "bands": {"poor": poor, "extreme": poor + rng.randint(0, 20)}}
    return parse_pack(data)


def _fill(db: Database, rng: random.Random, n: int) -> None:
    with db.session() as s:
        children = s.scalars(select(Child).limit(n)).all()
        term = s.scalars(select(Term)).first()
        assert term is not None
        for child in children:
            odd = rng.random() < 0.15  # an answer the form does not have, or owned codes unknown
            screening = Screening(
                child_id=child.id, term_id=term.id, origin_office_id=child.origin_office_id,
                tenure="boat" if odd and rng.random() < 0.3 else rng.choice(list(CHOICES["tenure"])),
                housing=rng.choice(list(CHOICES["housing"])),
                land="" if rng.random() < 0.03 else rng.choice(list(CHOICES["land"])),
                land_rai=-1 if rng.random() < 0.03 else rng.choice((0, 1, 4, 5, 6, 30)), water=rng.choice(list(CHOICES["water"])),
                electricity=rng.choice(list(CHOICES["electricity"])), single_parent=rng.random() < 0.3,
                vehicles=",".join(sorted(rng.sample([*OWNED["vehicles"], *(["boat"] if odd else [])],
                                                    rng.randint(0, 3)))),
                appliances=",".join(sorted(rng.sample(list(OWNED["appliances"]), rng.randint(0, 5)))))
            s.add(screening)
            s.flush()
            for i in range(rng.choice((0, 1, 1, 2, 3, 4, 5, 7))):
                s.add(ScreeningMember(
                    screening_id=screening.id, position=i + 1, origin_office_id=child.origin_office_id,
                    name=" " if rng.random() < 0.03 else f"คน {i}", relation="",
                    age=130 if rng.random() < 0.02 else rng.choice((0, 9, 14, 15, 40, 60, 61, 65, 66)),
                    monthly_income=-5 if rng.random() < 0.02 else rng.choice((0, 0, 1000, 2999, 3000, 3001, 6000)),
                    disabled=rng.random() < 0.2, unemployed=rng.random() < 0.3))


def _expected(db: Database, pack: RulePack) -> dict[int, tuple[str, int, int, int]]:
    out = {}
    with db.reader() as s:
        for item in screening_inputs(s):
            try:
                r = classify(item.members, item.answers, pack)
            except ValidationFailed:
                continue
            out[item.id] = (r.level.value, r.score, r.income_total, r.members)
    return out


@pytest.mark.parametrize("seed", [1, 2, 3, 4])
def test_the_sql_scores_as_the_domain_does(demo_db: Database, seed: int) -> None:
    rng = random.Random(seed)
    _fill(demo_db, rng, 250)
    packs = [parse_pack(SHIPPED)] + [_random_pack(rng) for _ in range(3)]
    for pack in packs:
        expected = _expected(demo_db, pack)
        assert 120 < len(expected) < 250  # some are refused by the domain
        with demo_db.session() as s:
            assert screening_bulk.apply(s, pack)[0] == len(expected)
        with demo_db.reader() as s:
            got = {int(i): (str(lv), int(sc), int(inc), int(n)) for i, lv, sc, inc, n in s.execute(
                select(Screening.id, Screening.level, Screening.score, Screening.income_total,
                       Screening.members_count).where(Screening.pack == pack.label))}
        assert got == expected
        with demo_db.session() as s:  # every one scored now: no change left to preview
            assert screening_bulk.preview(s, pack) == []


def test_the_sql_scores_as_the_domain_does_on_postgresql(pg_url: str) -> None:
    db = Database.open(pg_url)
    try:
        with db.engine.begin() as conn:
            conn.execute(text("DROP SCHEMA public CASCADE"))
            conn.execute(text("CREATE SCHEMA public"))
        migrate.upgrade(db)
        fill_demo(db.engine, children=200, seed=3)
        rng = random.Random(9)
        _fill(db, rng, 200)
        for pack in (parse_pack(SHIPPED), _random_pack(rng)):
            expected = _expected(db, pack)
            with db.session() as s:
                assert screening_bulk.apply(s, pack)[0] == len(expected) > 80
            with db.reader() as s:
                got = {int(i): (str(lv), int(sc), int(inc), int(n)) for i, lv, sc, inc, n in s.execute(
                    select(Screening.id, Screening.level, Screening.score, Screening.income_total,
                           Screening.members_count).where(Screening.pack == pack.label))}
            assert got == expected
    finally:
        db.dispose()
