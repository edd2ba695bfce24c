"""The home page's data, without Qt: counts, last import/export/backup, demo, to-dos."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import update

from desktop.services.home import (
    TodoItem,
    home_summary,
    last_export,
    record_export,
    todos,
)
from desktop.store.db import Database, sqlite_path
from desktop.store.models import Child, ImportBatch


def test_empty_office_database(office_db: Database) -> None:
    with office_db.reader() as s:
        home = home_summary(s, sqlite_path(office_db.url))
    assert home.office is not None and home.office.code == "9999999"
    assert not home.demo
    assert (home.children, home.households, home.institutions) == (0, 0, 0)
    assert home.last_import is None and home.last_export is None and home.last_backup is None
    assert home.todos == []


def test_demo_database_counts_and_mark(demo_db: Database) -> None:
    with demo_db.reader() as s:
        home = home_summary(s)
    assert home.demo and home.office is not None
    assert home.children == 300 and home.households > 0 and home.institutions > 0


def test_last_import_export_and_backup(office_db: Database, tmp_path: Path) -> None:
    with office_db.session() as s:
        s.add(ImportBatch(file_name="ป1-2569.xlsx", row_count=31, child_count=30))
        record_export(s, "children", "รายชื่อเด็ก", 1234, tmp_path / "ลับ" / "รายชื่อ.xlsx")
        record_export(s, "households", "รายการครัวเรือน", 56, tmp_path / "บ้าน.csv")
    path = sqlite_path(office_db.url)
    assert path is not None
    backups = path.parent / "backups"
    backups.mkdir()
    (backups / f"{path.stem}-before-0006-20261124-101500.db").write_bytes(b"x")
    (backups / "other-before-0006-20261124-101500.db").write_bytes(b"x")  # another database's
    with office_db.reader() as s:
        home = home_summary(s, path)
    assert home.last_import is not None and home.last_import.children == 30
    assert home.last_import.file_name == "ป1-2569.xlsx" and not home.last_import.undone
    assert home.last_export is not None
    assert (home.last_export.title, home.last_export.rows, home.last_export.file_name) == (
        "รายการครัวเรือน", 56, "บ้าน.csv")
    assert home.last_backup is not None and home.last_backup.path.name.startswith(path.stem + "-")


def test_export_record_keeps_only_the_file_name(office_db: Database, tmp_path: Path) -> None:
    with office_db.session() as s:
        record_export(s, "children", "รายชื่อเด็ก", 3, tmp_path / "โฟลเดอร์ของสมชาย" / "a.xlsx")
    with office_db.reader() as s:
        found = last_export(s)
    assert found is not None and found.file_name == "a.xlsx"


def test_children_without_id_is_a_todo(demo_db: Database) -> None:
    with demo_db.session() as s:
        ids = list(s.scalars(Child.__table__.select().with_only_columns(Child.id).limit(7)))
        s.execute(update(Child).where(Child.id.in_(ids)).values(id_type="none", national_id=None, g_code=None))
    with demo_db.reader() as s:
        items = todos(s)
    without = [i for i in items if i.page == "children"]
    assert without and without[0].count >= 7 and "เลขประจำตัว" in without[0].label


def test_providers_registry_skips_nothing_to_do(office_db: Database) -> None:
    def due(_s: object) -> list[TodoItem]:
        return [TodoItem("คัดกรองที่ถึงกำหนด", 4, "screening"), TodoItem("ติดตามเลยกำหนด", 0, "cases")]

    with office_db.reader() as s:
        assert todos(s, [due]) == [TodoItem("คัดกรองที่ถึงกำหนด", 4, "screening")]


def test_children_without_id_count_uses_the_ident_index(demo_db: Database) -> None:
    """The to-do runs each time the home page opens: it must not scan a million rows."""
    from sqlalchemy import func, select

    from desktop.services.home import children_without_id_query

    stmt = children_without_id_query()
    sql = str(stmt.compile(demo_db.engine, compile_kwargs={"literal_binds": True}))
    with demo_db.reader() as s:
        plan = " ".join(str(row[-1]) for row in s.connection().exec_driver_sql("EXPLAIN QUERY PLAN " + sql))
        by_type = s.scalar(select(func.count()).select_from(Child)
                           .where(Child.deleted_at.is_(None), Child.id_type == "none"))
        assert s.scalar(stmt) == by_type
    assert "ix_child_live_ident" in plan, plan
