"""The re-score preview the window shows (issue 11): each screening a pack would move to
another class, with the child's name, school, class and old → new class; nothing changes;
the registry's readers only."""

from __future__ import annotations

import json
from datetime import date

import pytest
from actors import actor_with
from sqlalchemy import select

from desktop.domain.roles import Role
from desktop.domain.rulepack import parse_pack
from desktop.paths import resource_path
from desktop.services.access import NotPermitted, sign_in
from desktop.services.demo import fill_demo
from desktop.services.rulepacks import add_pack, ensure_shipped, rescore_preview
from desktop.services.screening_rescore import change_rows
from desktop.store.db import Database
from desktop.store.models import Child
from desktop.store.screening_state import Screening

V2 = "samoe-illustrative v2"


def test_who_changes_class_with_names_and_classes(office_db: Database) -> None:
    fill_demo(office_db.engine, children=300, seed=4, today=date(2026, 11, 30), screenings=True)
    value = json.loads(resource_path("rulepacks", "samoe-illustrative-v1.json").read_bytes())
    value |= {"version": 2, "bands": {"poor": 900, "extreme": 999}}  # no one is poor
    with office_db.session() as s:
        ensure_shipped(s)
        add_pack(s, parse_pack(value), value)
    with office_db.reader() as s:
        before = dict(s.execute(select(Screening.uuid, Screening.level)).tuples().all())
        changes = rescore_preview(s, V2)
        rows = change_rows(s, V2)
        names = dict(s.execute(select(Screening.uuid, Child.first_name).join(Child, Child.id == Screening.child_id))
                     .tuples().all())
    poor = {u for u, level in before.items() if level in ("poor", "extreme")}
    assert poor and {r.screening_uuid for r in rows} == {c.screening_uuid for c in changes} == poor
    assert all(r.after == "ไม่ผ่านเกณฑ์ยากจน" and r.after_code == "not_poor" for r in rows)
    assert all(r.before in ("ยากจน", "ยากจนพิเศษ") for r in rows)
    assert all(names[r.screening_uuid] in r.child_name and r.institution and r.level and r.term == "1/2569"
               for r in rows)
    with office_db.reader() as s:
        assert dict(s.execute(select(Screening.uuid, Screening.level)).tuples().all()) == before
    sign_in(office_db, actor_with(Role.TEACHER))
    with office_db.reader() as s, pytest.raises(NotPermitted):
        change_rows(s, V2)
