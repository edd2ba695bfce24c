"""The questions of the EEF poverty screening form (แบบ นร./กสศ.01) as Samoe records them
(issue 11). No Qt, no database.

The questions and their answer codes are fixed here, in the paper form's order, because
they are the form: a rule pack (desktop/domain/rulepack.py) only gives each answer its
points, and must give points to every answer below. A new pack can therefore never meet
an answer it does not know, and an answer stored under one pack is scored by any other.

Household members (the child included) give the dependants dimension: a member with a
disability, one over 60, one aged 15-65 without work; the single parent is asked of the
household. The other seven dimensions are one answer each, but vehicles and appliances,
which are the things the household owns (none, or any of them).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from desktop.i18n import N_

# What the household depends on, counted from its members (and asked: single parent)
DEPENDANTS: Mapping[str, str] = MappingProxyType({
    "disabled": N_("มีคนพิการ"),
    "elderly": N_("มีผู้สูงอายุเกิน 60 ปี"),
    "unemployed": N_("มีคนอายุ 15-65 ปีที่ว่างงาน"),
    "single_parent": N_("เป็นพ่อ/แม่เลี้ยงเดี่ยว"),
})

# One answer each, in the paper form's order
CHOICES: Mapping[str, Mapping[str, str]] = MappingProxyType({
    "tenure": MappingProxyType({
        "own": N_("เป็นเจ้าของ"),
        "rent": N_("เช่าอยู่"),
        "with_others": N_("อาศัยผู้อื่นอยู่"),
    }),
    "housing": MappingProxyType({
        "good": N_("มีสภาพดี"),
        "worn": N_("ชำรุดบางส่วน"),
        "dilapidated": N_("ชำรุดทรุดโทรมมาก"),
    }),
    "land": MappingProxyType({
        "none": N_("ไม่มีที่ดินทำการเกษตร"),
        "rented": N_("เช่าที่ดินทำการเกษตร"),
        "owned": N_("มีที่ดินของตนเอง"),
    }),
    "water": MappingProxyType({
        "bottled": N_("น้ำดื่มบรรจุขวด"),
        "tap": N_("น้ำประปา"),
        "well": N_("น้ำบ่อ/บาดาล"),
        "natural": N_("น้ำฝน/ลำธาร/แหล่งน้ำธรรมชาติ"),
    }),
    "electricity": MappingProxyType({
        "own_meter": N_("มีมิเตอร์ไฟฟ้าของตนเอง"),
        "shared": N_("ต่อพ่วงหรือใช้ร่วมกับผู้อื่น"),
        "other": N_("ใช้แผงโซลาร์หรือเครื่องปั่นไฟ"),
        "none": N_("ไม่มีไฟฟ้า"),
    }),
})

# Things owned: none, or any of them
OWNED: Mapping[str, Mapping[str, str]] = MappingProxyType({
    "vehicles": MappingProxyType({
        "car": N_("รถยนต์ส่วนบุคคล"),
        "pickup": N_("รถกระบะ"),
        "tractor": N_("รถไถ/รถเกษตร"),
        "motorcycle": N_("รถจักรยานยนต์"),
    }),
    "appliances": MappingProxyType({
        "air_conditioner": N_("เครื่องปรับอากาศ"),
        "computer": N_("คอมพิวเตอร์"),
        "fridge": N_("ตู้เย็น"),
        "washing_machine": N_("เครื่องซักผ้า"),
        "tv": N_("โทรทัศน์"),
    }),
})

DIMENSION_LABELS: Mapping[str, str] = MappingProxyType({
    "dependants": N_("ภาระพึ่งพิง"),
    "tenure": N_("การอยู่อาศัย"),
    "housing": N_("สภาพที่อยู่อาศัย"),
    "land": N_("ที่ดินทำการเกษตร"),
    "water": N_("แหล่งน้ำดื่ม"),
    "electricity": N_("แหล่งไฟฟ้า"),
    "vehicles": N_("ยานพาหนะในครอบครัว"),
    "appliances": N_("ของใช้ในครัวเรือนที่ใช้งานได้"),
})
DIMENSIONS = tuple(DIMENSION_LABELS)  # the paper form's order

ELDERLY_OVER = 60  # "over 60": 61 and up
WORKING_AGES = (15, 65)  # unemployed within these ages, both included
MAX_MEMBERS = 30  # a household listed with more is a typing error
MAX_MONTHLY_INCOME = 10_000_000  # baht a month for one member: more is a typing error


@dataclass(frozen=True)
class Member:
    """One member of the household as the form lists them (the child too)."""

    name: str
    relation: str
    age: int
    occupation: str = ""
    monthly_income: int = 0  # baht
    disabled: bool = False
    chronic_illness: bool = False
    unemployed: bool = False


@dataclass(frozen=True)
class Answers:
    """The eight status dimensions' answers (codes of CHOICES and OWNED)."""

    tenure: str
    housing: str
    land: str
    water: str
    electricity: str
    single_parent: bool = False
    land_rai: int = 0  # owned or rented, whole rai; "owned" below the pack's small_land_rai scores as small
    vehicles: frozenset[str] = field(default_factory=frozenset)
    appliances: frozenset[str] = field(default_factory=frozenset)


def dependants(members: tuple[Member, ...], single_parent: bool) -> dict[str, int]:
    """How many of each dependant the household has."""
    low, high = WORKING_AGES
    return {
        "disabled": sum(1 for m in members if m.disabled),
        "elderly": sum(1 for m in members if m.age > ELDERLY_OVER),
        "unemployed": sum(1 for m in members if m.unemployed and low <= m.age <= high),
        "single_parent": 1 if single_parent else 0,
    }

# Thailand's extent with a margin (its far points: 5.61 N, 20.46 N, 97.34 E, 105.64 E):
# a house outside it is a typing error or a phone's wrong position
THAILAND_LAT_E6 = (5_500_000, 20_600_000)
THAILAND_LON_E6 = (97_200_000, 105_800_000)


def in_thailand(lat_e6: int, lon_e6: int) -> bool:
    """Whether a position (micro-degrees) lies within Thailand's extent."""
    return (THAILAND_LAT_E6[0] <= lat_e6 <= THAILAND_LAT_E6[1]
            and THAILAND_LON_E6[0] <= lon_e6 <= THAILAND_LON_E6[1])
