"""This database's office: one Thai message a wrong field, nothing half-saved, a
message that never sends a clerk to the command line; the demo mark."""

from __future__ import annotations

import pytest

from desktop.domain.errors import ValidationFailed
from desktop.services.office import (
    init_office,
    is_demo,
    local_office,
    require_local_office,
)
from desktop.store.db import Database
from desktop.store.models import Office


def _fields(exc: pytest.ExceptionInfo[ValidationFailed]) -> dict[str, str]:
    return {p.field: p.message for p in exc.value.problems}


def test_every_wrong_field_is_named_and_nothing_is_saved(db: Database) -> None:
    with db.session() as s, pytest.raises(ValidationFailed) as exc:
        init_office(s, name=" ", code="12345", province="จ" * 101, role="city")
    fields = _fields(exc)
    assert set(fields) == {"name", "code", "province", "role"}
    assert "7 หลัก" in fields["code"] and "ชื่อหน่วยงาน" in fields["name"]
    assert "จังหวัด" in fields["province"] and "องค์กรปกครองส่วนท้องถิ่น" in fields["role"]
    with db.reader() as s:
        assert local_office(s) is None


def test_code_is_normalised_thai_digits_and_spaces(db: Database) -> None:
    with db.session() as s:
        office = init_office(s, name="เทศบาลตำบลบ้านใหม่", code="๖๓ ๐๐๑-๐๑", province="นครราชสีมา")
    assert office.code == "6300101"


def test_settings_change_the_same_office(office_db: Database) -> None:
    with office_db.session() as s:
        before = require_local_office(s)
        after = init_office(s, name="เทศบาลเมืองทดสอบ", code="1234567", province="ขอนแก่น")
    assert after.id == before.id and after.uuid == before.uuid
    with office_db.reader() as s:
        assert (local_office(s) or before).name == "เทศบาลเมืองทดสอบ"


def test_code_of_another_office_is_refused(office_db: Database) -> None:
    with office_db.session() as s:
        s.add(Office(code="7654321", name="อบต.อื่น", is_local=False))
    with office_db.session() as s, pytest.raises(ValidationFailed) as exc:
        init_office(s, name="เทศบาลตำบลทดสอบ", code="7654321")
    assert "หน่วยงานอื่น" in _fields(exc)["code"]


def test_missing_office_message_does_not_send_to_the_command_line(db: Database) -> None:
    with db.reader() as s, pytest.raises(ValidationFailed) as exc:
        require_local_office(s)
    text = str(exc.value)
    assert "samoe" not in text and "init" not in text and "คำสั่ง" not in text
    assert "ตั้งค่าหน่วยงาน" in text


def test_demo_marks_the_database_as_demo(office_db: Database) -> None:
    db = office_db  # as `samoe --db FILE demo` after `samoe init`
    from desktop.services.demo import fill_demo

    with db.reader() as s:
        assert not is_demo(s)
    fill_demo(db.engine, children=20, seed=1)
    with db.reader() as s:
        assert is_demo(s)
    fill_demo(db.engine, children=20, seed=2)  # again: still one mark, no error
    with db.reader() as s:
        assert is_demo(s)


def test_check_office_needs_no_database() -> None:
    from desktop.services.office import OfficeValues, check_office

    ok = check_office(OfficeValues(" เทศบาลตำบลบ้านใหม่ ", "๖๓๐๐๑๐๑", "นครราชสีมา"))
    assert ok == OfficeValues("เทศบาลตำบลบ้านใหม่", "6300101", "นครราชสีมา", "municipality")
    with pytest.raises(ValidationFailed) as exc:
        check_office(OfficeValues("เทศบาล", "63001", ""))
    assert set(_fields(exc)) == {"code"}


def test_database_filled_before_the_mark_counts_as_demo(office_db: Database) -> None:
    """A registry filled with demo data by an earlier Samoe (no mark, an audit entry)."""
    from desktop.services.audit import record

    with office_db.session() as s:
        assert not is_demo(s)
        record(s, "import", "demo", "", {"children": 2000})
    with office_db.reader() as s:
        assert is_demo(s)
