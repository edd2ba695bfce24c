"""Rule packs: the scoring of the poverty screening and the grants' amounts, as data (issue 11).
No Qt, no database, no cryptography (a signed pack's envelope is desktop/exchange/rulepack_file.py).

The EEF sets its proxy-means-test weights and cut-offs each year and does not publish them,
so nothing of the scoring is a constant in code: a pack says

- ``income_threshold``: the most a household may have per member and month (baht) to be
  screened poor at all (3,000 in the EEF's manual; at the threshold is within);
- ``points``: for each dimension of the form (screening_form.DIMENSIONS), the points of
  each answer: every answer must have its points, so any stored answer can be scored;
  for dependants, per dependant of each kind (capped by ``dependants_max``); for vehicles
  and appliances, per thing owned (usually negative) and ``none`` for owning none of them;
  for land, ``owned`` land below ``small_land_rai`` rai scores as ``owned_small``;
- ``bands``: the least score for ``poor`` (ยากจน) and ``extreme`` (ยากจนพิเศษ);
- ``grants``: baht a year per class level code (desktop/domain/levels.py);
- ``attendance_percent``: the least attendance a grant's condition asks.

A pack is identified by ``id`` and ``version`` (a whole number that only grows); every
result records both. ``illustrative`` marks the pack Samoe ships, whose numbers are made
up for trying the program: the screens say so.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any

from desktop.domain.errors import Problem, ValidationFailed
from desktop.domain.levels import LEVELS
from desktop.domain.screening_form import CHOICES, DEPENDANTS, DIMENSIONS, OWNED
from desktop.i18n import _

LAND_EXTRA = {"owned_small"}  # the land answer the pack scores beyond the form's (small owned land)
FIELDS = {"format", "id", "version", "title", "illustrative", "valid_from", "income_threshold",
          "points", "dependants_max", "small_land_rai", "bands", "grants", "attendance_percent"}
FORMAT = "samoe-rulepack/1"
MAX_POINTS = 1000  # an answer's points: more is a typing error in the pack


class RulePackError(ValidationFailed):
    """A pack that cannot be used; its problems name the field and say what is wrong."""


@dataclass(frozen=True)
class RulePack:
    id: str
    version: int
    title: str
    illustrative: bool
    valid_from: str  # YYYY-MM-DD
    income_threshold: int
    points: Mapping[str, Mapping[str, int]]
    dependants_max: int
    small_land_rai: int
    poor_min: int
    extreme_min: int
    grants: Mapping[str, int]
    attendance_percent: int

    @property
    def label(self) -> str:
        """``id`` v``version``: what a result records and a screen shows."""
        return f"{self.id} v{self.version}"


def expected_answers(dimension: str) -> set[str]:
    """The answers a pack must give points for in ``dimension``."""
    if dimension == "dependants":
        return set(DEPENDANTS)
    if dimension in OWNED:
        return set(OWNED[dimension]) | {"none"}
    answers = set(CHOICES[dimension])
    return answers | LAND_EXTRA if dimension == "land" else answers


def _int(data: Mapping[str, Any], key: str, problems: list[Problem], *, low: int, high: int,
         where: str = "") -> int:
    value = data.get(key)
    name = f"{where}{key}"
    if type(value) is not int or not low <= value <= high:
        problems.append(Problem(name, _("{field} ต้องเป็นจำนวนเต็มตั้งแต่ {low} ถึง {high}").format(
            field=name, low=low, high=high)))
        return 0
    return value


def _text(data: Mapping[str, Any], key: str, problems: list[Problem], *, most: int = 200) -> str:
    value = data.get(key)
    if not isinstance(value, str) or not value.strip() or len(value) > most:
        problems.append(Problem(key, _("{field} ต้องเป็นข้อความไม่ว่างและยาวไม่เกิน {most} ตัวอักษร").format(
            field=key, most=most)))
        return ""
    return value.strip()


def _points(data: Mapping[str, Any], problems: list[Problem]) -> dict[str, dict[str, int]]:
    raw = data.get("points")
    if not isinstance(raw, dict):
        problems.append(Problem("points", _("points ต้องเป็นตารางคะแนนของทุกมิติในแบบคัดกรอง")))
        return {}
    out: dict[str, dict[str, int]] = {}
    for extra in sorted(set(raw) - set(DIMENSIONS)):
        problems.append(Problem(f"points.{extra}", _("ไม่รู้จักมิติ {name} ในแบบคัดกรอง").format(name=extra)))
    for dimension in DIMENSIONS:
        given = raw.get(dimension)
        if not isinstance(given, dict):
            problems.append(Problem(f"points.{dimension}", _("ไม่มีคะแนนของมิติ {name}").format(name=dimension)))
            continue
        wanted = expected_answers(dimension)
        for answer in sorted(wanted - set(given)):
            problems.append(Problem(f"points.{dimension}.{answer}",
                                    _("ไม่มีคะแนนของคำตอบ {answer} ในมิติ {name}").format(
                                        answer=answer, name=dimension)))
        for answer in sorted(set(given) - wanted):
            problems.append(Problem(f"points.{dimension}.{answer}",
                                    _("ไม่รู้จักคำตอบ {answer} ในมิติ {name}").format(answer=answer, name=dimension)))
        out[dimension] = {a: _int(given, a, problems, low=-MAX_POINTS, high=MAX_POINTS,
                                  where=f"points.{dimension}.") for a in sorted(wanted & set(given))}
    return out


def _grants(data: Mapping[str, Any], problems: list[Problem]) -> dict[str, int]:
    raw = data.get("grants")
    codes = {lv.code for lv in LEVELS}
    if not isinstance(raw, dict) or not raw:
        problems.append(Problem("grants", _("grants ต้องบอกจำนวนเงินต่อปีของแต่ละระดับชั้น")))
        return {}
    for extra in sorted(set(raw) - codes):
        problems.append(Problem(f"grants.{extra}", _("ไม่รู้จักระดับชั้น {code}").format(code=extra)))
    return {c: _int(raw, c, problems, low=0, high=1_000_000, where="grants.") for c in sorted(codes & set(raw))}


def parse_pack(data: Any) -> RulePack:
    """A pack from its JSON value; RulePackError listing every problem otherwise."""
    if not isinstance(data, dict):
        raise RulePackError([Problem("", _("ไฟล์ชุดเกณฑ์ต้องเป็นออบเจกต์ JSON"))])
    problems: list[Problem] = []
    if data.get("format") != FORMAT:
        problems.append(Problem("format", _("ไม่ใช่ชุดเกณฑ์ที่โปรแกรมนี้อ่านได้ (format ต้องเป็น {format}) "
                                            "โปรดปรับปรุงโปรแกรม").format(format=FORMAT)))
    for extra in sorted(set(data) - FIELDS):
        problems.append(Problem(extra, _("ไม่รู้จักช่อง {field} ในชุดเกณฑ์").format(field=extra)))
    given = data.get("bands")
    bands: dict[str, Any] = given if isinstance(given, dict) else {}
    pack = RulePack(
        id=_text(data, "id", problems, most=60),
        version=_int(data, "version", problems, low=1, high=1_000_000),
        title=_text(data, "title", problems),
        illustrative=data.get("illustrative") is True,
        valid_from=_text(data, "valid_from", problems, most=10),
        income_threshold=_int(data, "income_threshold", problems, low=1, high=1_000_000),
        points=MappingProxyType({k: MappingProxyType(v) for k, v in _points(data, problems).items()}),
        dependants_max=_int(data, "dependants_max", problems, low=0, high=MAX_POINTS),
        small_land_rai=_int(data, "small_land_rai", problems, low=0, high=100_000),
        poor_min=_int(bands, "poor", problems, low=-MAX_POINTS * 20, high=MAX_POINTS * 20, where="bands."),
        extreme_min=_int(bands, "extreme", problems, low=-MAX_POINTS * 20, high=MAX_POINTS * 20,
                         where="bands."),
        grants=MappingProxyType(_grants(data, problems)),
        attendance_percent=_int(data, "attendance_percent", problems, low=0, high=100),
    )
    if not isinstance(data.get("illustrative"), bool):
        problems.append(Problem("illustrative", _("illustrative ต้องเป็น true หรือ false")))
    if not problems and pack.extreme_min < pack.poor_min:
        problems.append(Problem("bands.extreme", _("คะแนนขั้นต่ำของยากจนพิเศษต้องไม่น้อยกว่าของยากจน")))
    if problems:
        raise RulePackError(problems)
    return pack


def read_pack(text: str | bytes) -> RulePack:
    """A pack from its JSON text (a shipped file, or the body of a signed one)."""
    try:
        data = json.loads(text)
    except (ValueError, UnicodeDecodeError) as exc:
        raise RulePackError([Problem("", _("อ่านไฟล์ชุดเกณฑ์ไม่ได้ (ไม่ใช่ JSON): {error}").format(
            error=exc))]) from None
    return parse_pack(data)


def shipped_packs() -> list[RulePack]:
    """The packs under resources/rulepacks/, oldest version first."""
    from desktop.paths import resource_path

    folder: Path = resource_path("rulepacks")
    packs = [read_pack(p.read_bytes()) for p in sorted(folder.glob("*.json"))]
    return sorted(packs, key=lambda p: (p.id, p.version))
