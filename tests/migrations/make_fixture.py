"""How the fixture databases in tests/migrations/fixtures were made (each once, when its
schema was released):

    .venv/bin/python tests/migrations/make_fixture.py 0001   # samoe-0001.db
    .venv/bin/python tests/migrations/make_fixture.py 0002   # samoe-0002.db
    .venv/bin/python tests/migrations/make_fixture.py 0003   # samoe-0003.db
    .venv/bin/python tests/migrations/make_fixture.py 0004   # samoe-0004.db
    .venv/bin/python tests/migrations/make_fixture.py 0005   # samoe-0005.db
    .venv/bin/python tests/migrations/make_fixture.py 0006   # samoe-0006.db
    .venv/bin/python tests/migrations/make_fixture.py 0007   # samoe-0007.db
    .venv/bin/python tests/migrations/make_fixture.py 0008   # samoe-0008.db
    .venv/bin/python tests/migrations/make_fixture.py 0009   # samoe-0009.db
    .venv/bin/python tests/migrations/make_fixture.py 0010   # samoe-0010.db
    SAMOE_NO_ENCRYPTION=1 .venv/bin/python tests/migrations/make_fixture.py 0011   # samoe-0011.db
    SAMOE_NO_ENCRYPTION=1 .venv/bin/python tests/migrations/make_fixture.py 0012   # samoe-0012.db
    SAMOE_NO_ENCRYPTION=1 .venv/bin/python tests/migrations/make_fixture.py 0013   # samoe-0013.db
    SAMOE_NO_ENCRYPTION=1 .venv/bin/python tests/migrations/make_fixture.py 0014   # samoe-0014.db
    SAMOE_NO_ENCRYPTION=1 .venv/bin/python tests/migrations/make_fixture.py 0015   # samoe-0015.db
    SAMOE_NO_ENCRYPTION=1 .venv/bin/python tests/migrations/make_fixture.py 0016   # samoe-0016.db
    SAMOE_NO_ENCRYPTION=1 .venv/bin/python tests/migrations/make_fixture.py 0017   # samoe-0017.db
    SAMOE_NO_ENCRYPTION=1 .venv/bin/python tests/migrations/make_fixture.py 0018   # samoe-0018.db
    SAMOE_NO_ENCRYPTION=1 .venv/bin/python tests/migrations/make_fixture.py 0019   # samoe-0019.db
    SAMOE_NO_ENCRYPTION=1 .venv/bin/python tests/migrations/make_fixture.py 0020   # samoe-0020.db
    SAMOE_NO_ENCRYPTION=1 .venv/bin/python tests/migrations/make_fixture.py 0021   # samoe-0021.db
    SAMOE_NO_ENCRYPTION=1 .venv/bin/python tests/migrations/make_fixture.py 0022   # samoe-0022.db
    SAMOE_NO_ENCRYPTION=1 .venv/bin/python tests/migrations/make_fixture.py 0023   # samoe-0023.db
    SAMOE_NO_ENCRYPTION=1 .venv/bin/python tests/migrations/make_fixture.py 0024   # samoe-0024.db

Each creates that schema only and writes a few records the way that release wrote them, so
that test_upgrade.py can prove every later migration keeps them. 0002 holds the 0001
records plus what 0002 added: an audit entry, a soft-deleted child (kept out of the search
index) and a remembered setting. 0003 adds an import batch and three children, one of them
imported by it, whose names start with a leading vowel (เกศินี, แก้วประเสริฐ, ใจดี), so that
0004's sort keys can be seen to sort them among the ก and จ names. 0004 stores the names'
sort keys as that release wrote them and adds a second year (2570), a school whose name
starts with a leading vowel (โรงเรียนเทศบาล 10) and enrolments: child 1 moved to it in 2570,
child 4 in 2570 room 10, child 6 only a deleted one, so that 0005's enrolment keys can be
seen to follow each child's current enrolment. 0005 is the 0004 file upgraded by 0005 (its
enrolment keys and the narrow name index), so that 0006 can be seen to copy the live
children's name keys into child_name_order. 0006 is the same file upgraded by 0006, so that
0007 can be seen to chain the audit entry written before it (and mark it the child's).
0007 adds a second household and guardians (two live, one deleted) and moves child 5 into
it, upgraded by 0007, so that 0008 can be seen to count each household's live children and
guardians. 0008 is the same file upgraded by 0008, so that 0009 can be seen to copy the live
children's names and identifiers into child_name_text (child 3 is deleted: left out).
0009 is the same records at 0009, plain and without users: 0010 can be seen to add the
search heads' tables to it (too few children for a head). 0010 is the same records at 0010, plain and
without users: 0011 can be seen to add the exchange's key tables to it (empty: keys are
made on first need). 0011 is the same records at 0011, plain and without users: 0012 can be seen to add the
exchange's change tracking to it (every record pending: the first export is whole).
0012 is the same records at 0012, plain and without users: 0013 can be seen to add the
search heads' exact counts to it (empty: too few children for a head). 0013 is the same
records at 0013, plain and without users: 0014 can be seen to add the municipality's
name-order index to it (the list filtered to one office reads it). 0014 is the same
records at 0014, plain and without users: 0015 can be seen to add the poverty screening's
tables to it (empty). 0015 is the same records at 0015, plain and without users: 0016 can
be seen to add the grant rounds' tables to it (empty). 0016 is the same records at 0016,
plain and without users: 0017 can be seen to add the centres' rooms, placements, registers,
absences, closed days and rates to it (empty). 0017 is the same records at 0017, plain and
without users: 0018 can be seen to add nothing to it on SQLite (its kept counts are
PostgreSQL's). 0018 is the same records at 0018, plain and without users: 0019 can be seen
to add the growth measurements and DSPM checks, items and referrals to it (empty). 0019 is
the same records at 0019, plain and without users: 0020 can be seen to add the out-of-school
cases' tables to it (empty). 0020 is the same records at 0020, plain and without users:
0021 can be seen to leave it as it is on SQLite (its index change is PostgreSQL's). 0021 is
the same records at 0021, plain and without users: 0022 can be seen to widen the
municipality's name-order index and find the same children through it. 0022 is the same
records at 0022, plain and without users: 0023 can be seen to add the transfer table
(empty) beside its cases. 0023 is the same records at 0023, plain and without users: 0024
can be seen to add the province's written-file columns to the transfer table. 0024 is the
schema this release writes, plain and without users: the next migration's starting point.
"""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

from sqlalchemy import Connection

from desktop.store import migrate
from desktop.store.db import Database

ROWS = [
    "INSERT INTO office (id, uuid, code, name, province, role, is_local, created_at, updated_at) "
    "VALUES (1, '00000000-0000-4000-8000-000000000001', '6300101', 'เทศบาลตำบลบ้านใหม่', "
    "'นครราชสีมา', 'municipality', 1, '2026-11-01 08:00:00.000000', '2026-11-01 08:00:00.000000')",
    "INSERT INTO academic_year (id, year_be, start_date, end_date) VALUES (1, 2569, '2026-05-16', '2027-05-15')",
    "INSERT INTO institution (id, uuid, version, created_at, updated_at, origin_office_id, kind, code, name, "
    "phone, house_no, village_no, village_name, soi, road, subdistrict, district, province, postcode) VALUES "
    "(1, '00000000-0000-4000-8000-000000000011', 1, '2026-11-01 08:00:00.000000', '2026-11-01 08:00:00.000000', "
    "1, 'cdc', '3300100001', 'ศูนย์พัฒนาเด็กเล็กบ้านโนนสูง', '', '1', '3', 'บ้านโนนสูง', '', '', 'บ้านใหม่', "
    "'เมืองนครราชสีมา', 'นครราชสีมา', '30000')",
    "INSERT INTO household (id, uuid, version, created_at, updated_at, origin_office_id, house_code, phone, note, "
    "house_no, village_no, village_name, soi, road, subdistrict, district, province, postcode) VALUES "
    "(1, '00000000-0000-4000-8000-000000000021', 1, '2026-11-01 08:00:00.000000', '2026-11-01 08:00:00.000000', "
    "1, '', '', '', '12/3', '4', 'บ้านโนนสูง', '', '', 'บ้านใหม่', 'เมืองนครราชสีมา', 'นครราชสีมา', '30000')",
    "INSERT INTO child (id, uuid, version, created_at, updated_at, origin_office_id, prefix, first_name, last_name, "
    "first_name_en, last_name_en, sex, birth_date, id_type, national_id, g_code, no_id_reason, nationality, "
    "disability, household_id) VALUES "
    "(1, '00000000-0000-4000-8000-000000000031', 1, '2026-11-01 08:00:00.000000', '2026-11-01 08:00:00.000000', "
    "1, 'เด็กหญิง', 'ปภาวรินทร์', 'ศรีสุข', '', '', 'F', '2022-08-15', 'national_id', '1103702071838', NULL, '', "
    "'ไทย', '', 1), "
    "(2, '00000000-0000-4000-8000-000000000032', 1, '2026-11-01 08:00:00.000000', '2026-11-01 08:00:00.000000', "
    "1, 'เด็กชาย', 'ภูผา', 'ศรีสุข', '', '', 'M', '2021-01-31', 'g_code', NULL, 'G123456789012', '', "
    "'เมียนมา', '', 1)",
    "INSERT INTO enrollment (id, uuid, version, created_at, updated_at, origin_office_id, child_id, institution_id, "
    "academic_year_id, level_code, classroom, status) VALUES "
    "(1, '00000000-0000-4000-8000-000000000041', 1, '2026-11-01 08:00:00.000000', '2026-11-01 08:00:00.000000', "
    "1, 1, 1, 1, 'cdc4', '1', 'active')",
]


ROWS_0002 = [
    "INSERT INTO child (id, uuid, version, created_at, updated_at, deleted_at, origin_office_id, prefix, "
    "first_name, last_name, first_name_en, last_name_en, sex, birth_date, id_type, national_id, g_code, "
    "no_id_reason, nationality, disability, household_id) VALUES "
    "(3, '00000000-0000-4000-8000-000000000033', 2, '2026-11-20 08:00:00.000000', "
    "'2026-11-21 09:00:00.000000', '2026-11-21 09:00:00.000000', 1, 'เด็กชาย', 'ธนากร', 'ทองมา', '', '', "
    "'M', '2020-03-02', 'none', NULL, NULL, 'ยังไม่ได้แจ้งเกิด', 'ไทย', '', NULL)",
    "INSERT INTO audit_log (id, at, actor, action, entity, entity_uuid, detail) VALUES "
    "(1, '2026-11-21 09:00:00.000000', 'clerk', 'delete', 'child', "
    "'00000000-0000-4000-8000-000000000033', '')",
    "INSERT INTO setting (key, value) VALUES ('ui.children.columns', '[\"name\", \"birth_date\"]')",
]


ROWS_0003 = [
    "INSERT INTO import_batch (id, uuid, at, actor, kind, file_name, sheet, row_count, child_count, "
    "detail, undone_at, undone_by) VALUES (1, '00000000-0000-4000-8000-000000000051', "
    "'2026-11-25 08:00:00.000000', 'clerk', 'children', 'children.xlsx', 'Sheet1', 1, 1, '{}', NULL, '')",
    "INSERT INTO child (id, uuid, version, created_at, updated_at, origin_office_id, prefix, first_name, last_name, "
    "first_name_en, last_name_en, sex, birth_date, id_type, national_id, g_code, no_id_reason, nationality, "
    "disability, household_id, import_batch_id) VALUES "
    "(4, '00000000-0000-4000-8000-000000000034', 1, '2026-11-25 08:00:00.000000', '2026-11-25 08:00:00.000000', "
    "1, 'เด็กหญิง', 'เกศินี', 'แก้วประเสริฐ', '', '', 'F', '2021-06-01', 'none', NULL, NULL, 'ยังไม่ได้แจ้งเกิด', "
    "'ไทย', '', NULL, 1), "
    "(5, '00000000-0000-4000-8000-000000000035', 1, '2026-11-25 09:00:00.000000', '2026-11-25 09:00:00.000000', "
    "1, 'เด็กหญิง', 'กมลชนก', 'ใจดี', '', '', 'F', '2022-02-02', 'none', NULL, NULL, 'ยังไม่ได้แจ้งเกิด', "
    "'ไทย', '', NULL, NULL), "
    "(6, '00000000-0000-4000-8000-000000000036', 1, '2026-11-25 09:00:00.000000', '2026-11-25 09:00:00.000000', "
    "1, 'เด็กหญิง', 'ขวัญข้าว', 'บุญมา', '', '', 'F', '2020-12-12', 'none', NULL, NULL, 'ยังไม่ได้แจ้งเกิด', "
    "'ไทย', '', NULL, NULL)",
]


ROWS_0004 = [
    "INSERT INTO academic_year (id, year_be, start_date, end_date) VALUES (2, 2570, '2027-05-16', '2028-05-15')",
    "INSERT INTO institution (id, uuid, version, created_at, updated_at, origin_office_id, kind, code, name, "
    "phone, house_no, village_no, village_name, soi, road, subdistrict, district, province, postcode) VALUES "
    "(2, '00000000-0000-4000-8000-000000000012', 1, '2026-11-28 08:00:00.000000', '2026-11-28 08:00:00.000000', "
    "1, 'school', '1130100010', 'โรงเรียนเทศบาล 10', '', '', '', '', '', '', '', '', '', ''), "
    "(3, '00000000-0000-4000-8000-000000000013', 1, '2026-11-28 08:00:00.000000', '2026-11-28 08:00:00.000000', "
    "1, 'school', '1130100009', 'โรงเรียนเทศบาล 9', '', '', '', '', '', '', '', '', '', '')",
    "INSERT INTO enrollment (id, uuid, version, created_at, updated_at, deleted_at, origin_office_id, child_id, "
    "institution_id, academic_year_id, level_code, classroom, status) VALUES "
    "(2, '00000000-0000-4000-8000-000000000042', 1, '2026-11-28 08:00:00.000000', '2026-11-28 08:00:00.000000', "
    "NULL, 1, 1, 2, 2, 'k1', '2', 'active'), "
    "(3, '00000000-0000-4000-8000-000000000043', 1, '2026-11-28 08:00:00.000000', '2026-11-28 08:00:00.000000', "
    "NULL, 1, 4, 3, 2, 'p1', '10', 'active'), "
    "(4, '00000000-0000-4000-8000-000000000044', 1, '2026-11-28 08:00:00.000000', '2026-11-28 08:00:00.000000', "
    "'2026-11-29 08:00:00.000000', 1, 6, 3, 2, 'm1', '1', 'active')",
]


ROWS_0007 = [
    "INSERT INTO household (id, uuid, version, created_at, updated_at, origin_office_id, house_code, phone, "
    "note, house_no, village_no, village_name, soi, road, subdistrict, district, province, postcode) VALUES "
    "(2, '00000000-0000-4000-8000-000000000022', 1, '2026-11-30 08:00:00.000000', "
    "'2026-11-30 08:00:00.000000', 1, '', '', '', '7', '2', 'บ้านหนองบัว', '', '', 'บ้านใหม่', "
    "'เมืองนครราชสีมา', 'นครราชสีมา', '30000')",
    "UPDATE child SET household_id = 2 WHERE id = 5",
    "INSERT INTO guardian (id, uuid, version, created_at, updated_at, deleted_at, origin_office_id, prefix, "
    "first_name, last_name, national_id, phone, occupation, household_id) VALUES "
    "(1, '00000000-0000-4000-8000-000000000061', 1, '2026-11-30 08:00:00.000000', "
    "'2026-11-30 08:00:00.000000', NULL, 1, 'นาง', 'สมพร', 'ศรีสุข', NULL, '', '', 1), "
    "(2, '00000000-0000-4000-8000-000000000062', 2, '2026-11-30 08:00:00.000000', "
    "'2026-11-30 09:00:00.000000', '2026-11-30 09:00:00.000000', 1, 'นาย', 'สมชาย', 'ศรีสุข', NULL, '', "
    "'', 1), "
    "(3, '00000000-0000-4000-8000-000000000063', 1, '2026-11-30 08:00:00.000000', "
    "'2026-11-30 08:00:00.000000', NULL, 1, 'นาง', 'มาลี', 'ใจดี', NULL, '', '', 2)",
]


def _name_keys_as_0004_wrote_them(conn: Connection) -> None:
    from desktop.domain.text import stored_sort_key

    rows = conn.exec_driver_sql("SELECT id, first_name, last_name FROM child").all()
    conn.exec_driver_sql("UPDATE child SET first_name_key = ?, last_name_key = ? WHERE id = ?",
                         [(stored_sort_key(f), stored_sort_key(la), i) for i, f, la in rows])


def main(out: Path, revision: str = "0001") -> None:
    out.unlink(missing_ok=True)
    db = Database.open(out)
    # 0005 on: the 0004 records, then the migrations write their keys as a file upgraded
    # by that release has them
    migrate.upgrade(db, target=min(revision, "0004"))
    with db.engine.begin() as conn:
        for sql in (ROWS + (ROWS_0002 if revision >= "0002" else [])
                    + (ROWS_0003 if revision >= "0003" else [])
                    + (ROWS_0004 if revision >= "0004" else [])
                    + (ROWS_0007 if revision >= "0007" else [])):
            conn.exec_driver_sql(sql)
        if revision >= "0004":
            _name_keys_as_0004_wrote_them(conn)
    if revision > "0004":
        migrate.upgrade(db, target=revision, backup=False)
    db.dispose()
    # Outside SQLAlchemy: its connections begin a transaction, and the journal mode cannot
    # change inside one. One self-contained file, no -wal beside it.
    raw = sqlite3.connect(out, isolation_level=None)
    try:
        raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        raw.execute("PRAGMA journal_mode=DELETE")
    finally:
        raw.close()


if __name__ == "__main__":
    rev = sys.argv[1] if len(sys.argv) > 1 else "0001"
    main(Path(sys.argv[2]) if len(sys.argv) > 2 else Path(__file__).parent / "fixtures" / f"samoe-{rev}.db", rev)
