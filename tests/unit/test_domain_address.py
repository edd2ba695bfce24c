"""Address formatting and checks (desktop.domain.address)."""

from __future__ import annotations

import pytest

from desktop.domain.address import Address, address_problems, format_address, postcode_problem

KORAT = Address(
    house_no="12/3",
    village_no="4",
    village_name="บ้านโนนสูง",
    soi="สุขใจ",
    road="มิตรภาพ",
    subdistrict="ในเมือง",
    district="เมืองนครราชสีมา",
    province="นครราชสีมา",
    postcode="30000",
)


def test_format_full_address() -> None:
    assert format_address(KORAT) == (
        "12/3 หมู่ 4 บ้านโนนสูง ซ.สุขใจ ถ.มิตรภาพ ต.ในเมือง อ.เมืองนครราชสีมา จ.นครราชสีมา 30000"
    )


def test_format_skips_empty_parts() -> None:
    a = Address(house_no="5", subdistrict="ในเมือง", province="ขอนแก่น")
    assert format_address(a) == "5 ต.ในเมือง จ.ขอนแก่น"
    assert format_address(Address()) == ""


def test_format_does_not_double_prefixes() -> None:
    a = Address(
        village_no="หมู่ที่ 4",
        soi="ซอย สุขใจ",
        road="ถ.มิตรภาพ",
        subdistrict="ตำบลในเมือง",
        district="อ. เมืองนครราชสีมา",
        province="จังหวัดนครราชสีมา",
        postcode="๓๐๐๐๐",
    )
    assert format_address(a) == ("หมู่ 4 ซ.สุขใจ ถ.มิตรภาพ ต.ในเมือง อ.เมืองนครราชสีมา จ.นครราชสีมา 30000")
    b = Address(subdistrict="ต.ในเมือง", district="อำเภอเมือง", province="จ.ขอนแก่น")
    assert format_address(b) == "ต.ในเมือง อ.เมือง จ.ขอนแก่น"


@pytest.mark.parametrize("province", ["กรุงเทพมหานคร", "กรุงเทพฯ", "กทม.", "จังหวัดกรุงเทพมหานคร"])
def test_format_bangkok(province: str) -> None:
    a = Address(
        house_no="99",
        road="พหลโยธิน",
        subdistrict="แขวงลาดยาว",
        district="จตุจักร",
        province=province,
        postcode="10900",
    )
    assert format_address(a) == "99 ถ.พหลโยธิน แขวงลาดยาว เขตจตุจักร กรุงเทพมหานคร 10900"


@pytest.mark.parametrize("postcode", ["30000", "10900", "96000", "๓๐๐๐๐", " 30 000 "])
def test_postcode_ok(postcode: str) -> None:
    assert postcode_problem(postcode) is None


def test_postcode_wrong_length_says_count() -> None:
    message = postcode_problem("3000")
    assert message is not None and "5 หลัก" in message and "กรอกมา 4 หลัก" in message


@pytest.mark.parametrize("postcode", ["09000", "97000", "00000"])
def test_postcode_out_of_range(postcode: str) -> None:
    message = postcode_problem(postcode)
    assert message is not None and "10" in message and "96" in message


def test_postcode_letters() -> None:
    message = postcode_problem("3O000")
    assert message is not None and "ตัวเลข" in message


def test_address_problems_required() -> None:
    problems = address_problems(Address(house_no="1"), required=True)
    assert [p.field for p in problems] == [
        "address.subdistrict",
        "address.district",
        "address.province",
    ]
    assert all("โปรด" in p.message for p in problems)
    assert address_problems(KORAT, required=True) == []


def test_address_problems_bangkok_labels() -> None:
    problems = address_problems(Address(province="กรุงเทพมหานคร"), required=True)
    assert "แขวง" in problems[0].message and "เขต" in problems[1].message


def test_address_problems_optional_checks_postcode_only_when_given() -> None:
    assert address_problems(Address(), required=False) == []
    problems = address_problems(Address(postcode="123"), required=False)
    assert [p.field for p in problems] == ["address.postcode"]
    problems = address_problems(Address(postcode="123"), required=False, field_prefix="home.")
    assert [p.field for p in problems] == ["home.postcode"]
