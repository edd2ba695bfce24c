"""DSPM (คู่มือเฝ้าระวังและส่งเสริมพัฒนาการเด็กปฐมวัย): the manual's items in age bands and
the result of a check, as the manual says. The bands are the five screening ages (9, 18,
30, 42, 60 months: a band of one month) and the surveillance bands between them (birth-1,
1-2, ... 73-78 months); a file that leaves bands out names them (``gaps``).

The items are data (resources/dspm/dspm-screening-items.json, naming the manual's edition
and what was checked against it), never code. A check records pass/fail per item, and the
same rule holds at every band (docs/growth-dspm.md says where it was read); the public
health codes (1B260-1B262) are the screening ages' only, a surveillance check has none:

- every item passed → on track (สมวัย, 1B260);
- an item failed → suspected delay (1B261): the guardian stimulates the child with the
  manual's activity for each failed item and the child is re-checked within 30 days
  (or, when the assessor judges so, referred at once: 1B262);
- at the re-check the failed items are assessed again: all passed → on track; still
  failed → referral for TEDA4I assessment at a hospital, with a referral letter.

When checks are due (the month a child reaches 9, 18, 30, 42 or 60 months) and re-checks
due or overdue: dspm_schedule.py.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from functools import cache
from typing import Any

from desktop.i18n import N_, _

from .dates import format_be
from .errors import Problem, ValidationFailed


class Domain(StrEnum):
    GM = "GM"  # gross motor
    FM = "FM"  # fine motor
    RL = "RL"  # receptive language
    EL = "EL"  # expressive language
    PS = "PS"  # personal-social


DOMAIN_LABELS: dict[Domain, str] = {
    Domain.GM: N_("ด้านการเคลื่อนไหว"),
    Domain.FM: N_("ด้านการใช้กล้ามเนื้อมัดเล็กและสติปัญญา"),
    Domain.RL: N_("ด้านการเข้าใจภาษา"),
    Domain.EL: N_("ด้านการใช้ภาษา"),
    Domain.PS: N_("ด้านการช่วยเหลือตัวเองและสังคม"),
}


class Outcome(StrEnum):
    ON_TRACK = "on_track"  # สมวัย
    SUSPECTED_DELAY = "suspected_delay"  # สงสัยล่าช้า: stimulate, re-check within 30 days
    REFER_NOW = "refer_now"  # สงสัยล่าช้า ส่งต่อทันที (the assessor's judgement at the first check)
    REFER_TEDA4I = "refer_teda4i"  # still delayed at the re-check: TEDA4I at a hospital


OUTCOME_LABELS: dict[Outcome, str] = {
    Outcome.ON_TRACK: N_("สมวัย"),
    Outcome.SUSPECTED_DELAY: N_("สงสัยล่าช้า: ส่งเสริมพัฒนาการแล้วประเมินซ้ำภายใน 30 วัน"),
    Outcome.REFER_NOW: N_("สงสัยล่าช้า: ส่งต่อทันที"),
    Outcome.REFER_TEDA4I: N_("ยังล่าช้าเมื่อประเมินซ้ำ: ส่งต่อประเมินด้วย TEDA4I ที่โรงพยาบาล"),
}


def outcome_label(outcome: Outcome) -> str:
    return _(OUTCOME_LABELS[outcome])


@dataclass(frozen=True)
class Item:
    no: int
    domain: Domain
    skill: str  # Thai, as the manual words it (data)
    activity: tuple[str, ...]  # what the guardian does at home, step by step (Thai, data)
    activity_checked: bool  # summarised from the manual's text (True) or written for Samoe
    age_months: int  # its band's key: the screening age, or a surveillance band's first month


@dataclass(frozen=True)
class Band:
    age_months: int  # the key: a screening age, or a surveillance band's first month
    label: str
    items: tuple[Item, ...]
    to_months: int | None = None  # a surveillance band's last month (a screening age: itself)
    screening: bool = True

    @property
    def last_month(self) -> int:
        return self.age_months if self.to_months is None else self.to_months

    def covers(self, months: int) -> bool:
        return self.age_months <= months <= self.last_month

    def item(self, no: int) -> Item:
        for it in self.items:
            if it.no == no:
                return it
        raise KeyError(no)


@dataclass(frozen=True)
class Manual:
    name: str
    version: int
    title: str
    edition: str
    bands: tuple[Band, ...]
    recheck_within_days: int
    due_window_months: int
    codes: dict[Outcome, str]  # the public health outcome codes (1B260 ...)
    edition_th: str = ""  # the edition as a Thai document names it
    gaps: tuple[tuple[int, int], ...] = ()  # age ranges (months) whose items are not in the file

    @property
    def label(self) -> str:
        return f"{self.name} v{self.version}"

    @property
    def screening_ages(self) -> tuple[int, ...]:
        return tuple(b.age_months for b in self.bands if b.screening)

    def band_at(self, months: int) -> Band | None:
        """The band a child of ``months`` completed months is in (None: not in the file)."""
        return next((b for b in self.bands if b.covers(months)), None)

    def band(self, age_months: int) -> Band:
        for b in self.bands:
            if b.age_months == age_months:
                return b
        raise KeyError(age_months)

    def item(self, no: int) -> Item:
        for b in self.bands:
            for it in b.items:
                if it.no == no:
                    return it
        raise KeyError(no)


def band_text(age_months: int, m: Manual | None = None) -> str:
    """A stored check's band for a list: "42 เดือน" (a screening age), "37 - 41 เดือน", or
    "แรกเกิด - 1 เดือน" for the first band (the manual's first two bands meet at 1 month:
    a child who has completed 1 month is in the 1-2 month band)."""
    m = m or manual()
    band = next((b for b in m.bands if b.age_months == age_months), None)
    if band is None or band.screening:
        return _("{n} เดือน").format(n=age_months)
    if band.age_months == 0:
        return _("แรกเกิด - 1 เดือน")
    return _("{first} - {last} เดือน").format(first=band.age_months, last=band.last_month)


def parse_manual(data: Mapping[str, Any]) -> Manual:
    bands = []
    seen: set[int] = set()
    for b in data["bands"]:
        screening = "screening_age_months" in b
        age = int(b["screening_age_months"] if screening else b["from_months"])
        last = age if screening else int(b["to_months"])
        if last < age or not screening and b.get("screening", False):
            raise ValueError(f"DSPM band {age}-{last} months is not a surveillance band")
        items = []
        for it in b["items"]:
            no = int(it["no"])
            if no in seen:
                raise ValueError(f"DSPM item {no} twice")
            seen.add(no)
            items.append(Item(no, Domain(it["domain"]), str(it["skill"]), tuple(str(a) for a in it["activity"]),
                              it["checked"] == "activity checked", age))
        if {i.domain for i in items} != set(Domain):
            raise ValueError(f"DSPM band {age} months lacks a domain")
        bands.append(Band(age, str(b["label"]), tuple(items), None if screening else last, screening))
    bands.sort(key=lambda b: b.age_months)
    for before, after in zip(bands, bands[1:], strict=False):
        if after.age_months <= before.last_month:
            raise ValueError(f"DSPM bands {before.age_months} and {after.age_months} months overlap")
    gaps = tuple((int(g["from_months"]), int(g["to_months"])) for g in data.get("not_transcribed", ()))
    rules = data["rules"]
    codes = {Outcome(k): str(v) for k, v in rules["outcome_codes"].items()}
    manual = data["manual"]
    return Manual(str(data["name"]), int(data["version"]), str(manual["title"]), str(manual["edition"]),
                  tuple(bands), int(rules["recheck_within_days"]),
                  int(rules["due_window_months"]), codes, str(manual.get("edition_th", "")), gaps)


@cache
def manual() -> Manual:
    """The shipped item table (resources/dspm/dspm-screening-items.json)."""
    from desktop.paths import resource_path

    path = resource_path("dspm", "dspm-screening-items.json")
    return parse_manual(json.loads(path.read_text(encoding="utf-8")))


@dataclass(frozen=True)
class CheckResult:
    """What a check found: the items failed, the outcome and what follows."""

    age_months: int
    checked_on: date
    is_recheck: bool
    failed: tuple[Item, ...]
    outcome: Outcome
    code: str | None  # 1B260 / 1B261 / 1B262; none for the re-check's referral
    recheck_due: date | None  # suspected delay: the first check's date + 30 days
    late: bool = False  # a re-check after its due date

    @property
    def failed_domains(self) -> tuple[Domain, ...]:
        return tuple(d for d in Domain if any(i.domain is d for i in self.failed))

    @property
    def needs_referral_letter(self) -> bool:
        return self.outcome in (Outcome.REFER_NOW, Outcome.REFER_TEDA4I)


def _problems(band: Band, answers: Mapping[int, bool], required: set[int]) -> list[Problem]:
    problems = []
    unknown = sorted(set(answers) - {i.no for i in band.items})
    if unknown:
        problems.append(Problem("items", _("ข้อ {items} ไม่อยู่ในช่วงอายุ {band}: โปรดตรวจเลขข้อ").format(
            items=", ".join(str(n) for n in unknown), band=band.label)))
    missing = sorted(required - set(answers))
    if missing:
        problems.append(Problem("items", _("ยังไม่ได้บันทึกผลข้อ {items}: โปรดบันทึกผ่านหรือไม่ผ่านทุกข้อ").format(
            items=", ".join(str(n) for n in missing))))
    return problems


def evaluate(age_months: int, checked_on: date, answers: Mapping[int, bool], *,
             refer_now: bool = False, m: Manual | None = None) -> CheckResult:
    """A first check at a band (``age_months``: a screening age or a surveillance band's
    first month): ``answers`` item number → passed, every item of the band. ``refer_now``:
    the assessor refers at once (1B262) rather than stimulating. The outcome codes are the
    screening ages' only."""
    m = m or manual()
    band = m.band(age_months)
    problems = _problems(band, answers, {i.no for i in band.items})
    if problems:
        raise ValidationFailed(problems)

    def code(outcome: Outcome) -> str | None:
        return m.codes.get(outcome) if band.screening else None

    failed = tuple(i for i in band.items if not answers[i.no])
    if not failed:
        return CheckResult(age_months, checked_on, False, (), Outcome.ON_TRACK, code(Outcome.ON_TRACK), None)
    if refer_now:
        return CheckResult(age_months, checked_on, False, failed, Outcome.REFER_NOW, code(Outcome.REFER_NOW), None)
    due = recheck_due(checked_on, m)
    return CheckResult(age_months, checked_on, False, failed, Outcome.SUSPECTED_DELAY,
                       code(Outcome.SUSPECTED_DELAY), due)


def recheck_due(first_checked_on: date, m: Manual | None = None) -> date:
    """The last day of the re-check: within 30 days of the first check."""
    return first_checked_on + timedelta(days=(m or manual()).recheck_within_days)


def evaluate_recheck(first: CheckResult, checked_on: date, answers: Mapping[int, bool], *,
                     m: Manual | None = None) -> CheckResult:
    """The re-check after stimulation: the items failed at ``first`` assessed again (others
    may be given too). All passed → on track; any still failed → referral for TEDA4I."""
    m = m or manual()
    if first.outcome is not Outcome.SUSPECTED_DELAY or first.recheck_due is None:
        raise ValidationFailed([Problem("recheck", _("ประเมินซ้ำได้เฉพาะเด็กที่สงสัยล่าช้าและได้รับการส่งเสริมพัฒนาการ"))])
    if checked_on < first.checked_on:
        raise ValidationFailed([Problem("checked_on", _(
            "วันที่ประเมินซ้ำ {on} อยู่ก่อนวันที่ประเมินครั้งแรก {first}: โปรดแก้วันที่").format(
            on=format_be(checked_on), first=format_be(first.checked_on)))])
    band = m.band(first.age_months)
    problems = _problems(band, answers, {i.no for i in first.failed})
    if problems:
        raise ValidationFailed(problems)
    failed = tuple(i for i in band.items if i.no in answers and not answers[i.no])
    late = checked_on > first.recheck_due
    if not failed:
        return CheckResult(first.age_months, checked_on, True, (), Outcome.ON_TRACK,
                           m.codes.get(Outcome.ON_TRACK) if band.screening else None, None, late)
    return CheckResult(first.age_months, checked_on, True, failed, Outcome.REFER_TEDA4I, None, None, late)
