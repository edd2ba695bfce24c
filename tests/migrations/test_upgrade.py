"""Old databases upgrade; newer or foreign ones are refused; the migrated schema is the
schema the models describe."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import text

from desktop.services.children_query import ChildFilter, ChildSort, count_children, page_children
from desktop.store import migrate
from desktop.store.db import Database
from desktop.store.integrity import check_database
from desktop.store.models import Base, Child, name_sort_key

FIXTURES = Path(__file__).parent / "fixtures"
TRIGGERS_AT_HEAD = {"child_fts_ai", "child_fts_ad", "child_fts_au",
                    "child_name_order_ai", "child_name_order_ad", "child_name_order_au",
                    "child_count_ai", "child_count_ad", "child_count_au",
                    "child_name_text_au",  # (0009's other two are on child_name_order)
                    "child_changed_au", "child_tombstone_ad"}  # 0012: the exchange's change tracking


def copy_fixture(name: str, tmp_path: Path) -> Path:
    target = tmp_path / name
    shutil.copy(FIXTURES / name, target)
    return target


def test_head_revision_constant_matches_the_scripts() -> None:
    assert migrate.head_revision() == migrate.HEAD_REVISION


def test_fixture_is_the_first_schema() -> None:
    conn = sqlite3.connect(FIXTURES / "samoe-0001.db")
    try:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchall() == [("0001",)]
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    finally:
        conn.close()
    assert "child" in tables and "audit_log" not in tables and "child_fts" not in tables


def test_first_schema_upgrades_to_head_keeping_data(tmp_path: Path) -> None:
    path = copy_fixture("samoe-0001.db", tmp_path)
    db = Database.open(path)
    try:
        result = migrate.upgrade(db)
        assert (result.from_revision, result.to_revision) == ("0001", migrate.head_revision())
        assert result.backup is not None and result.backup.exists()
        backup = sqlite3.connect(result.backup)
        assert backup.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
        backup.close()
        assert check_database(db.engine) == []
        with db.reader() as s:
            assert count_children(s, ChildFilter()) == 2
            # the search index was built from the rows that were already there
            found = page_children(s, ChildFilter(search="ปภาวริน"), offset=0, limit=10)
            assert [r.first_name for r in found] == ["ปภาวรินทร์"]
            assert count_children(s, ChildFilter(search="G1234")) == 1
            rows = page_children(s, ChildFilter(year_be=2569), offset=0, limit=10)
            assert [(r.first_name, r.level_code) for r in rows] == [("ปภาวรินทร์", "cdc4")]
        # upgrading again is a no-op with no second backup
        again = migrate.upgrade(db)
        assert not again.changed and again.backup is None
    finally:
        db.dispose()


def test_0002_fixture_is_the_second_schema() -> None:
    conn = sqlite3.connect(FIXTURES / "samoe-0002.db")
    try:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchall() == [("0002",)]
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        child_cols = {r[1] for r in conn.execute("PRAGMA table_info(child)")}
    finally:
        conn.close()
    assert {"audit_log", "child_fts"} <= tables and "import_batch" not in tables
    assert "import_batch_id" not in child_cols


def test_second_schema_upgrades_to_head_keeping_data(tmp_path: Path) -> None:
    path = copy_fixture("samoe-0002.db", tmp_path)
    db = Database.open(path)
    try:
        result = migrate.upgrade(db)
        assert (result.from_revision, result.to_revision) == ("0002", migrate.head_revision())
        assert result.backup is not None and result.backup.exists()
        assert check_database(db.engine) == []
        with db.reader() as s:
            assert count_children(s, ChildFilter()) == 2
            assert count_children(s, ChildFilter(deleted=True)) == 1
            # the search index and its triggers survive the new column
            assert count_children(s, ChildFilter(search="ปภาวริน")) == 1
            assert count_children(s, ChildFilter(search="ธนากร")) == 0  # deleted: not indexed
            assert s.execute(text("SELECT action, entity_uuid FROM audit_log")).all() == [
                ("delete", "00000000-0000-4000-8000-000000000033")]
            assert s.execute(text("SELECT value FROM setting")).scalar() == '["name", "birth_date"]'
            # old rows were not imported; the batch table starts empty
            assert s.execute(text("SELECT count(*) FROM child WHERE import_batch_id IS NOT NULL")).scalar() == 0
            assert s.execute(text("SELECT count(*) FROM import_batch")).scalar() == 0
        with db.session() as s:  # the update trigger still keeps the index in step
            s.execute(text("UPDATE child SET first_name = 'ปภาวดี' WHERE id = 1"))
        with db.reader() as s:
            assert count_children(s, ChildFilter(search="ปภาวดี")) == 1
            assert count_children(s, ChildFilter(search="ปภาวริน")) == 0
    finally:
        db.dispose()


def test_0003_fixture_is_the_third_schema() -> None:
    conn = sqlite3.connect(FIXTURES / "samoe-0003.db")
    try:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchall() == [("0003",)]
        child_cols = {r[1] for r in conn.execute("PRAGMA table_info(child)")}
        indexes = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    finally:
        conn.close()
    assert "import_batch_id" in child_cols and "first_name_key" not in child_cols
    assert {"ix_child_live_name", "ix_child_live_last_name"} <= indexes


def _schema(db: Database) -> tuple[set[str], set[str], set[str]]:
    with db.engine.connect() as c:
        rows = c.execute(text("SELECT type, name FROM sqlite_master WHERE tbl_name = 'child'")).all()
        cols = {r[1] for r in c.execute(text("PRAGMA table_info(child)"))}
    return ({n for t, n in rows if t == "index"}, {n for t, n in rows if t == "trigger"}, cols)


def test_third_schema_upgrades_to_head_with_sort_keys(tmp_path: Path) -> None:
    path = copy_fixture("samoe-0003.db", tmp_path)
    db = Database.open(path)
    try:
        result = migrate.upgrade(db)
        assert (result.from_revision, result.to_revision) == ("0003", migrate.head_revision())
        assert check_database(db.engine) == []
        indexes, triggers, cols = _schema(db)
        assert {"ix_child_live_name_key", "ix_child_live_last_name_key"} <= indexes
        assert not {"ix_child_live_name", "ix_child_live_last_name"} & indexes
        assert triggers == TRIGGERS_AT_HEAD
        assert {"first_name_key", "last_name_key"} <= cols
        with db.reader() as s:
            rows = s.execute(text("SELECT id, first_name, last_name, first_name_key, last_name_key "
                                  "FROM child ORDER BY id")).all()
            assert len(rows) == 6  # the deleted child too: the bin sorts by name as well
            for _id, first, last, first_key, last_key in rows:
                assert (first_key, last_key) == (name_sort_key(first), name_sort_key(last))
            # Thai dictionary order: เกศินี among the ก names, แก้ว- and ใจ- not after ฮ
            listed = page_children(s, ChildFilter(), offset=0, limit=10)
            assert [r.first_name for r in listed] == ["กมลชนก", "เกศินี", "ขวัญข้าว", "ปภาวรินทร์", "ภูผา"]
            by_last = page_children(s, ChildFilter(), offset=0, limit=10, sort=ChildSort.LAST_NAME)
            assert [r.last_name for r in by_last] == ["แก้วประเสริฐ", "ใจดี", "บุญมา", "ศรีสุข", "ศรีสุข"]
            # the import batch and the search index came through untouched
            assert count_children(s, ChildFilter(search="เกศินี")) == 1
            assert s.execute(text("SELECT import_batch_id FROM child WHERE id = 4")).scalar() == 1
        with db.session() as s:  # an edit through the ORM keeps the key in step
            child = s.get(Child, 2)
            assert child is not None
            child.first_name = "ไอยรา"
        with db.reader() as s:
            assert s.execute(text("SELECT first_name_key FROM child WHERE id = 2")).scalar() == \
                name_sort_key("ไอยรา")
            listed = page_children(s, ChildFilter(), offset=0, limit=10)
            assert [r.first_name for r in listed][-2:] == ["ปภาวรินทร์", "ไอยรา"]
            assert count_children(s, ChildFilter(search="ไอยรา")) == 1
    finally:
        db.dispose()


def test_failed_sort_key_migration_leaves_the_third_schema(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """0004 adds columns, drops and creates indexes and writes every row: all or nothing."""
    scripts = tmp_path / "migrations"
    shutil.copytree(Path(migrate.__file__).parent / "migrations", scripts,
                    ignore=shutil.ignore_patterns("__pycache__"))
    target = scripts / "versions" / "0004_thai_sort_keys.py"
    source = target.read_text(encoding="utf-8")
    assert "    _fill_keys(conn)\n" in source
    target.write_text(source.replace("    _fill_keys(conn)\n",
                                     "    _fill_keys(conn)\n    raise RuntimeError('stop')\n"),
                      encoding="utf-8")
    monkeypatch.setattr(migrate, "migrations_dir", lambda: scripts)
    path = copy_fixture("samoe-0003.db", tmp_path)
    db = Database.open(path)
    try:
        with pytest.raises(RuntimeError, match="stop"):
            migrate.upgrade(db)
        assert migrate.current_revision(db.engine) == "0003"
        indexes, triggers, cols = _schema(db)
        assert {"ix_child_live_name", "ix_child_live_last_name"} <= indexes
        assert "first_name_key" not in cols and len(triggers) == 3
    finally:
        db.dispose()


def test_0004_fixture_is_the_fourth_schema() -> None:
    conn = sqlite3.connect(FIXTURES / "samoe-0004.db")
    try:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchall() == [("0004",)]
        child_cols = {r[1] for r in conn.execute("PRAGMA table_info(child)")}
        keys = conn.execute("SELECT count(*) FROM child WHERE first_name_key = ''").fetchone()
    finally:
        conn.close()
    assert "first_name_key" in child_cols and "enrol_institution_key" not in child_cols
    assert keys == (0,)  # the name keys as 0004 wrote them


def test_fourth_schema_upgrades_to_head_with_enrolment_keys(tmp_path: Path) -> None:
    """0005: each enrolment gets its keys, each child those of its current enrolment (the
    latest live one), and the list sorts by them: school order, numbers by value."""
    from desktop.domain.sort_keys import enrolment_sort_keys
    from desktop.store.models import Enrollment, Institution

    path = copy_fixture("samoe-0004.db", tmp_path)
    db = Database.open(path)
    try:
        result = migrate.upgrade(db)
        assert (result.from_revision, result.to_revision) == ("0004", migrate.head_revision())
        assert check_database(db.engine) == []
        indexes, triggers, cols = _schema(db)
        assert {"ix_child_live_enrol_institution",
                "ix_child_live_enrol_classroom", "ix_child_live_sex", "ix_child_live_ident"} <= indexes
        assert "ix_child_live_id_names" not in indexes  # 0006: child_name_order instead
        assert triggers == TRIGGERS_AT_HEAD
        with db.reader() as s:
            names = dict(s.execute(text("SELECT id, name FROM institution")).tuples().all())
            for e in s.query(Enrollment):
                assert (e.institution_key, e.level_key, e.classroom_key) == enrolment_sort_keys(
                    names[e.institution_id], e.level_code, e.classroom)
            shown = dict(s.execute(text("SELECT id, enrol_institution_key FROM child")).tuples().all())
            assert shown[1] == enrolment_sort_keys("โรงเรียนเทศบาล 10", "k1", "2")[0]  # moved in 2570
            assert shown[4] == enrolment_sort_keys("โรงเรียนเทศบาล 9", "p1", "10")[0]
            assert shown[2] == shown[5] == shown[6] == ""  # none, or only a deleted one
            by_school = page_children(s, ChildFilter(), offset=0, limit=10, sort=ChildSort.INSTITUTION)
            assert [r.id for r in by_school][-2:] == [4, 1]  # เทศบาล 9 before เทศบาล 10
            in_2569 = page_children(s, ChildFilter(year_be=2569), offset=0, limit=10,
                                    sort=ChildSort.INSTITUTION)
            assert [(r.id, r.institution) for r in in_2569] == [(1, "ศูนย์พัฒนาเด็กเล็กบ้านโนนสูง")]
        with db.session() as s:  # a rename through the ORM moves its children
            inst = s.get(Institution, 2)
            assert inst is not None
            inst.name = "โรงเรียนเทศบาล 1"
        with db.reader() as s:
            by_school = page_children(s, ChildFilter(), offset=0, limit=10, sort=ChildSort.INSTITUTION)
            assert [r.id for r in by_school][-2:] == [1, 4]
    finally:
        db.dispose()


# ix_child_live_ident is an expression index (0005), which neither side can reflect
@pytest.mark.filterwarnings("ignore:.*expression-based index:UserWarning")
@pytest.mark.filterwarnings("ignore:.*expression-based index")
def test_migrated_schema_matches_models(db: Database) -> None:
    with db.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    # The FTS5 search index (child_fts and its shadow tables) and the name order of the
    # search's matches (child_name_order, 0006) and the walked text (child_name_text,
    # 0009) and the common trigrams' first children (search_head*, search_pos, 0010; their
    # counts, 0013) are
    # SQLite-only raw DDL.
    raw_ddl = ("child_fts", "child_name_order", "child_name_text", "search_head", "search_pos")
    unexpected = [d for d in diff if not (
        (d[0] == "remove_table" and d[1].name.startswith(raw_ddl))
        or (d[0] == "remove_index" and d[1].table.name in ("child_name_text", "search_head")))]
    assert unexpected == []
    assert {d[1].name for d in diff} <= {"child_fts", "child_fts_data", "child_fts_idx",
                                         "child_fts_docsize", "child_fts_config",
                                         "child_name_order", "child_name_text",
                                         "ix_child_name_text_last", "search_head",
                                         "search_head_term", "search_head_pause", "search_pos",
                                         "search_head_name", "search_head_count",
                                         "ix_search_head_id"}


def test_downgrade_then_upgrade_round_trip(db: Database) -> None:
    from alembic import command

    cfg = migrate._config()
    with db.engine.connect() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0001")
        conn.commit()
    assert migrate.current_revision(db.engine) == "0001"
    migrate.upgrade(db)
    assert migrate.current_revision(db.engine) == migrate.head_revision()
    assert check_database(db.engine) == []


def test_newer_database_is_refused_untouched(tmp_path: Path) -> None:
    path = copy_fixture("samoe-0001.db", tmp_path)
    conn = sqlite3.connect(path)
    conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    db = Database.open(path)
    try:
        with pytest.raises(migrate.DatabaseTooNew) as info:
            migrate.upgrade(db)
    finally:
        db.dispose()
    assert "รุ่นที่ใหม่กว่า" in str(info.value)
    assert path.read_bytes() == before


def test_foreign_sqlite_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)")
    conn.commit()
    conn.close()
    db = Database.open(path)
    try:
        with pytest.raises(migrate.NotSamoeDatabase):
            migrate.upgrade(db)
        with db.engine.connect() as c:
            names = [r[0] for r in c.execute(text("SELECT name FROM sqlite_master WHERE type='table'"))]
        assert names == ["customers"]
    finally:
        db.dispose()


def test_failed_migration_leaves_the_old_schema(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A migration that dies half-way rolls back its own transaction."""
    scripts = tmp_path / "migrations"
    shutil.copytree(Path(migrate.__file__).parent / "migrations", scripts,
                    ignore=shutil.ignore_patterns("__pycache__"))
    target = scripts / "versions" / "0002_audit_and_search.py"
    source = target.read_text(encoding="utf-8")
    assert "VALUES ('rebuild')" in source
    target.write_text(source.replace("INSERT INTO child_fts(child_fts) VALUES ('rebuild')",
                                     "THIS IS NOT SQL"), encoding="utf-8")
    monkeypatch.setattr(migrate, "migrations_dir", lambda: scripts)
    path = copy_fixture("samoe-0001.db", tmp_path)
    db = Database.open(path)
    try:
        with pytest.raises(Exception, match="THIS IS NOT SQL"):
            migrate.upgrade(db)
        assert migrate.current_revision(db.engine) == "0001"
        with db.engine.connect() as c:
            tables = {r[0] for r in c.execute(text("SELECT name FROM sqlite_master"))}
        assert "audit_log" not in tables and "child_fts" not in tables
        with db.reader() as s:
            assert count_children(s, ChildFilter()) == 2
    finally:
        db.dispose()
