"""Every form that writes text into a String(n) column says, under the field, when the text
is longer than the column (issue 7): institutions (code, name, phone, address), household
edit, office set-up. The lengths come from desktop/domain/limits.py only, which a test
holds equal to the models."""

from __future__ import annotations

import pytest
from sqlalchemy import String, func, select

from desktop.domain import limits
from desktop.domain.address import Address
from desktop.domain.errors import ValidationFailed
from desktop.domain.levels import InstitutionKind
from desktop.services.institutions import InstitutionForm, save_institution
from desktop.store.db import Database
from desktop.store.models import Household, Institution, Office


def _length(model: type, name: str) -> int:
    column_type = model.__table__.c[name].type  # type: ignore[attr-defined]
    assert isinstance(column_type, String) and column_type.length
    return int(column_type.length)


def test_the_limits_of_institutions_households_and_offices_are_the_columns() -> None:
    for name, n in limits.INSTITUTION.items():
        assert _length(Institution, name) == n, name
    for name, n in limits.ADDRESS.items():
        assert _length(Institution, name) == n, name
    for name, n in limits.HOUSEHOLD.items():
        assert _length(Household, name) == n, name
    for name, n in limits.OFFICE.items():
        assert _length(Office, name) == n, name
    assert set(limits.INSTITUTION) <= set(limits.INSTITUTION_LABELS)
    assert set(limits.OFFICE) <= set(limits.OFFICE_LABELS)


def _problems(db: Database, form: InstitutionForm) -> dict[str, str]:
    with db.session() as s, pytest.raises(ValidationFailed) as failed:
        save_institution(s, form)
    return {p.field: p.message for p in failed.value.problems}


def test_an_institution_longer_than_its_columns_is_refused_field_by_field(office_db: Database) -> None:
    form = InstitutionForm(kind=InstitutionKind.SCHOOL, code="1" * 21, name="ร" * 201, phone="0" * 41,
                           address=Address(road="ถ" * 101))
    problems = _problems(office_db, form)
    assert set(problems) == {"code", "name", "phone", "address.road"}
    assert problems["code"].startswith("รหัสสถานศึกษา") and "21" in problems["code"] and "20" in problems["code"]
    assert problems["name"].startswith("ชื่อสถานศึกษา") and "201" in problems["name"] and "200" in problems["name"]
    assert problems["phone"].startswith("โทรศัพท์") and "40" in problems["phone"]
    with office_db.reader() as s:
        assert s.scalar(select(func.count()).select_from(Institution)) == 0  # nothing written
    exact = InstitutionForm(kind=InstitutionKind.SCHOOL, code="1" * 20, name="ร" * 200, phone="0" * 40)
    with office_db.session() as s:
        save_institution(s, exact)
    with office_db.reader() as s:
        assert s.scalars(select(Institution.name)).one() == "ร" * 200


def test_an_institution_name_with_marks_without_meaning_is_refused(office_db: Database) -> None:
    problems = _problems(office_db, InstitutionForm(code="1130100001", name="โรงเรียนเ\u0e48บ้านใหม่"))
    assert set(problems) == {"name"} and problems["name"].startswith("ชื่อสถานศึกษา")


def test_household_edit_says_a_long_field_once_with_the_limit(demo_db: Database) -> None:
    from desktop.services.household_edit import edit_household, load_household

    with demo_db.reader() as s:
        uuid = s.scalars(select(Household.uuid).where(Household.deleted_at.is_(None))).first()
        form = load_household(s, uuid)
    form.address = Address(**{**form.address.__dict__, "village_name": "บ" * 101})
    with demo_db.session() as s, pytest.raises(ValidationFailed) as failed:
        edit_household(s, form)
    messages = [(p.field, p.message) for p in failed.value.problems]
    assert [f for f, _m in messages] == ["address.village_name"]  # once, not twice
    assert messages[0][1].startswith("หมู่บ้าน") and "100" in messages[0][1]


def test_office_limits_come_from_the_one_table() -> None:
    from desktop.domain import office

    assert (limits.OFFICE["name"], limits.OFFICE["province"]) == (office.NAME_LIMIT, office.PROVINCE_LIMIT)
