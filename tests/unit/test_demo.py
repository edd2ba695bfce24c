"""Demo data: realistic, valid, repeatable, and all-or-nothing."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from desktop.domain.identity import is_valid_g_code, is_valid_national_id
from desktop.domain.people import Sex, prefix_problem
from desktop.services.demo import fill_demo
from desktop.services.progress import Cancelled, Progress
from desktop.services.stats import registry_counts
from desktop.store import migrate
from desktop.store.db import Database
from desktop.store.integrity import check_database
from desktop.store.models import Child, name_sort_key

TODAY = date(2026, 11, 24)


def schema_objects(db: Database) -> set[tuple[str, str]]:
    with db.engine.connect() as c:
        return {(r[0], r[1]) for r in c.exec_driver_sql(
            "SELECT type, name FROM sqlite_master WHERE type IN ('index', 'trigger')")}


def test_demo_children_are_valid(db: Database) -> None:
    fill_demo(db.engine, children=600, seed=5, today=TODAY)
    with db.reader() as s:
        children = s.scalars(select(Child)).all()
        counts = registry_counts(s)
    assert len(children) == 600 == counts["children"]
    assert counts["households"] > 100 and counts["guardians"] > 100 and counts["institutions"] >= 6
    assert counts["enrollments"] >= 550
    kinds = {c.id_type for c in children}
    assert kinds == {"national_id", "g_code", "none"}
    for c in children:
        if c.id_type == "national_id":
            assert c.national_id and is_valid_national_id(c.national_id)
        elif c.id_type == "g_code":
            assert c.g_code and is_valid_g_code(c.g_code)
        else:
            assert c.no_id_reason
        assert prefix_problem(c.prefix, Sex(c.sex), c.birth_date, date(2026, 5, 16)) is None, c.prefix
    assert len({c.uuid for c in children}) == 600
    assert check_database(db.engine) == []


def test_same_seed_same_data(tmp_path: Path) -> None:
    def make(name: str) -> list[tuple[str, str, str]]:
        db = Database.open(tmp_path / name)
        migrate.upgrade(db)
        fill_demo(db.engine, children=200, seed=11, today=TODAY)
        with db.reader() as s:
            rows = s.execute(select(Child.uuid, Child.first_name, Child.national_id).order_by(Child.id)).all()
        db.dispose()
        return [tuple(r) for r in rows]  # type: ignore[misc]

    assert make("a.db") == make("b.db")


def test_bulk_load_rebuilds_indexes_triggers_and_search(db: Database) -> None:
    before = schema_objects(db)
    fill_demo(db.engine, children=6000, seed=2, today=TODAY, chunk_size=2000)  # >= 5000: deferred
    assert schema_objects(db) == before
    assert check_database(db.engine) == []
    with db.engine.connect() as c:
        fts = c.exec_driver_sql("SELECT count(*) FROM child_fts WHERE child_fts MATCH '\"สมชาย\"'").scalar()
        plain = c.exec_driver_sql("SELECT count(*) FROM child WHERE instr(first_name || ' ' || last_name, 'สมชาย')").scalar()
    assert fts == plain and fts > 0


def test_uuids_are_unique_across_tables(db: Database) -> None:
    fill_demo(db.engine, children=300, seed=1, today=TODAY)
    with db.engine.connect() as c:
        uuids = [r[0] for table in ("office", "institution", "household", "child", "guardian",
                                    "child_guardian", "enrollment")
                 for r in c.exec_driver_sql(f"SELECT uuid FROM {table}")]
    assert len(uuids) == len(set(uuids)) > 1000


def test_adding_more_demo_data_keeps_what_is_there(db: Database) -> None:
    fill_demo(db.engine, children=100, seed=1, today=TODAY)
    fill_demo(db.engine, children=150, seed=1, today=TODAY)  # the same seed again: new rows
    with db.reader() as s:
        assert s.scalar(select(func.count()).select_from(Child)) == 250
    assert check_database(db.engine) == []


def test_cancel_rolls_everything_back(db: Database) -> None:
    before = schema_objects(db)
    seen: list[int] = []

    def on_progress(done: int, total: int, _message: str) -> None:
        seen.append(done)
        if done >= 4000:
            progress.cancel()

    progress = Progress(on_progress)
    with pytest.raises(Cancelled):
        fill_demo(db.engine, children=10_000, seed=3, today=TODAY, progress=progress, chunk_size=2000)
    assert max(seen) >= 4000  # it really was half-way
    with db.reader() as s:
        counts = registry_counts(s)
    assert counts["children"] == 0 and counts["households"] == 0 and counts["offices"] == 0
    assert schema_objects(db) == before  # dropped indexes came back with the rollback
    assert check_database(db.engine) == []


def test_a_seed_gives_the_data_it_always_gave() -> None:
    """Benchmarks and tests compare runs on the same seed: a new column (such as the name
    sort keys) must not move the random stream. The digest was taken before the keys."""
    import hashlib
    from collections import defaultdict
    from datetime import datetime

    from desktop.services import demo_data as d

    chunks = d.generate(2000, seed=1, office_id=1, institutions=d.Institutions((1, 2), (3,)),
                        year_id=1, year_be=2569, ids=d.Ids(), now=datetime(2026, 11, 24),
                        chunk_size=500)
    from desktop.domain.sort_keys import enrolment_sort_keys, household_sort_keys

    enrol_keys: dict[object, tuple[object, ...]] = {}
    counts: dict[object, tuple[object, object]] = {}
    members: dict[object, list[int]] = defaultdict(lambda: [0, 0])
    digest = hashlib.sha256()
    for chunk in chunks:
        for table, rows in chunk.tables():
            for r in rows:
                row = dict(zip(d.COLUMNS[table], r, strict=True))
                if table == "child":
                    assert (row.pop("first_name_key"), row.pop("last_name_key")) == (
                        name_sort_key(str(row["first_name"])), name_sort_key(str(row["last_name"])))
                    enrol_keys[row["id"]] = (row.pop("enrol_institution_key"),
                                             row.pop("enrol_level_key"), row.pop("enrol_classroom_key"))
                if table == "household":  # the address's sort keys
                    assert (row.pop("subdistrict_key"), row.pop("village_key"),
                            row.pop("house_key")) == household_sort_keys(
                        str(row["subdistrict"]), str(row["village_no"]), str(row["house_no"]))
                    # its member counts (0008): checked against its chunk's members below
                    counts[row["id"]] = (row.pop("child_count"), row.pop("guardian_count"))
                if table in ("child", "guardian"):
                    members[row["household_id"]][table == "guardian"] += 1
                if table == "enrollment":  # the sort keys of its (only) enrolment: see sort_keys
                    keys = (row.pop("institution_key"), row.pop("level_key"), row.pop("classroom_key"))
                    assert keys == enrolment_sort_keys("", str(row["level_code"]), str(row["classroom"]))
                    assert enrol_keys.pop(row["child_id"]) == keys
                digest.update(repr(sorted(row.items())).encode())
    assert digest.hexdigest() == "30e43c3c58c000ab5d14ac7c37ffbe8ebac38fa29b13e67daa763cc80d9e3e26"
    assert set(enrol_keys.values()) == {("", "", "")}  # the children without an enrolment
    assert counts == {h: tuple(n) for h, n in members.items()}
