"""0020: out-of-school children's cases (status history, tracing visits and photos, needs
assessments, the plan's versions, goals and actions, follow-ups, referrals) on a file of
the nineteenth schema, travelling like the registry's rows (an edit makes a stamped row
pending again, a hard delete leaves a tombstone); one open case a child (a second is
refused until the first is closed); a downgrade takes them away; the same upgrade on a
throwaway PostgreSQL."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError
from test_upgrade_0015 import _empty, _names

from desktop.store import migrate
from desktop.store.db import Database
from desktop.store.integrity import check_database

FIXTURES = Path(__file__).parent / "fixtures"
TABLES = {"oos_case", "oos_case_status", "oos_trace_visit", "oos_trace_photo", "oos_assessment",
          "oos_assessment_area", "oos_plan_version", "oos_plan_goal", "oos_plan_action", "oos_follow_up",
          "oos_referral"}
STAMP = "'2026-12-01 08:00:00'"
CASE = ("child_id, status, status_on, status_by, opened_on, source, source_row, worker, place, requested_from, "
        "requested_by, outcome, closed_on, approved_by, followed_since, last_visit_on, last_next_on, "
        "follow_due_on, note")


def test_0020_fixture_is_the_twentieth_schema() -> None:
    assert _names(FIXTURES / "samoe-0020.db") >= TABLES
    assert not TABLES & _names(FIXTURES / "samoe-0019.db")


def _insert(s: object, table: str, uuid: str, columns: str, values: str) -> None:
    s.execute(text(  # type: ignore[attr-defined]
        f"INSERT INTO {table} (uuid, version, created_at, updated_at, origin_office_id, changed_seq, {columns}) "
        f"VALUES ('{uuid}', 1, {STAMP}, {STAMP}, 1, 5, {values})"))


def _case(s: object, uuid: str, status: str) -> None:
    _insert(s, "oos_case", uuid, CASE,
            f"1, '{status}', '2026-11-01', 'worker', '2026-10-01', 'zero_dropout', 4, 'worker', 'กศน.อำเภอเมือง', "
            "'', '', '', NULL, '', '2026-10-20', NULL, NULL, '2026-11-19', ''")


def _cases_travel(db: Database) -> None:
    with db.session() as s:
        _case(s, "00000000-0000-4000-8000-000000000e01", "in_plan")
        _insert(s, "oos_case_status", "00000000-0000-4000-8000-000000000e02",
                "case_id, from_status, to_status, changed_on, changed_by, place, reason, note, outcome, approved_by",
                "1, 'assessed', 'in_plan', '2026-10-20', 'worker', '', '', '', '', ''")
        _insert(s, "oos_plan_version", "00000000-0000-4000-8000-000000000e03",
                "case_id, number, status, authors, edited_on, submitted_by, submitted_on, decided_by, decided_on, "
                "returned_reason, approved_hash, note",
                f"1, 1, 'approved', 'worker', '2026-10-15', 'worker', '2026-10-15', 'boss', '2026-10-16', '', "
                f"'{'0' * 64}', ''")
        _insert(s, "oos_plan_goal", "00000000-0000-4000-8000-000000000e04", "version_id, position, text, area",
                "1, 1, 'กลับเข้าเรียน กศน.', 'learning'")
        _insert(s, "oos_plan_action", "00000000-0000-4000-8000-000000000e05",
                "goal_id, position, text, agency, agency_name, person, due, budget_satang, outcome, done_on",
                "1, 1, 'พาไปสมัครเรียน', 'nfe', 'กศน.อำเภอเมือง', 'นางสาวมาลี', '2027-01-15', 150000, '', NULL")
        _insert(s, "oos_follow_up", "00000000-0000-4000-8000-000000000e06",
                "case_id, visited_on, visited_by, result, note, next_on", "1, '2026-11-19', 'worker', 'on_track', '', NULL")
        _insert(s, "oos_referral", "00000000-0000-4000-8000-000000000e07",
                "case_id, agency, agency_name, reason, sent_on, sent_by, status, status_on, answer, letter_no, note",
                "1, 'social_development', 'พมจ.', 'ขอเงินสงเคราะห์', '2026-11-01', 'worker', 'sent', '2026-11-01', "
                "'', '', ''")
    with db.session() as s, pytest.raises(IntegrityError):
        _case(s, "00000000-0000-4000-8000-000000000e08", "to_trace")  # a second open case of child 1
    with db.session() as s:
        s.execute(text("UPDATE oos_case SET status = 'closed', outcome = 'in_nfe', closed_on = '2026-12-01'"))
        _case(s, "00000000-0000-4000-8000-000000000e09", "to_trace")  # the first is closed: a new one opens
        assert s.execute(text("SELECT changed_seq FROM oos_case WHERE id = 1")).scalar() is None
        s.execute(text("UPDATE oos_referral SET status = 'accepted', answer = 'รับเรื่องแล้ว'"))
        assert s.execute(text("SELECT changed_seq FROM oos_referral")).scalar() is None
        assert s.execute(text("SELECT changed_seq FROM oos_follow_up")).scalar() == 5
        s.execute(text("DELETE FROM oos_follow_up"))
        tomb = s.execute(text("SELECT wire_table, uuid FROM exchange_tombstone")).all()
    assert [tuple(t) for t in tomb] == [("oos_follow_up", "00000000-0000-4000-8000-000000000e06")]


def test_nineteenth_schema_upgrades_with_cases(tmp_path: Path) -> None:
    path = tmp_path / "office.db"
    shutil.copyfile(FIXTURES / "samoe-0019.db", path)
    db = Database.open(path)
    try:
        migrate.upgrade(db, backup=False)
        assert migrate.current_revision(db.engine) == migrate.HEAD_REVISION
        assert check_database(db.engine) == []
        _cases_travel(db)
    finally:
        db.dispose()


def test_downgrade_takes_cases_away(tmp_path: Path) -> None:
    from alembic import command

    path = tmp_path / "office.db"
    shutil.copyfile(FIXTURES / "samoe-0020.db", path)
    db = Database.open(path)
    try:
        cfg = migrate._config()
        with db.engine.connect() as conn:
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, "0019")
            conn.commit()
    finally:
        db.dispose()
    assert not TABLES & _names(path)


def test_postgresql_upgrade_adds_cases(pg_url: str) -> None:
    db = Database.open(pg_url)
    try:
        _empty(db)
        migrate.upgrade(db, target="0019", backup=False)
        with db.engine.begin() as conn:
            conn.execute(text("INSERT INTO office (id, uuid, code, name, province, role, is_local, created_at, "
                              "updated_at) VALUES (1, '00000000-0000-4000-8000-000000000001', '6300101', 'x', "
                              "'y', 'municipality', true, now(), now())"))
            conn.execute(text(
                "INSERT INTO child (id, uuid, version, created_at, updated_at, origin_office_id, prefix, "
                "first_name, last_name, first_name_en, last_name_en, sex, birth_date, id_type, nationality, "
                "disability, no_id_reason, first_name_key, last_name_key) VALUES (1, "
                "'00000000-0000-4000-8000-000000000021', 1, now(), now(), 1, 'ด.ช.', 'ภูผา', 'ศรีสุข', '', '', "
                "'M', '2010-01-01', 'none', 'ไทย', '', '', 'a', 'b')"))
        migrate.upgrade(db, backup=False)
        assert migrate.current_revision(db.engine) == migrate.HEAD_REVISION
        _cases_travel(db)
    finally:
        db.dispose()
