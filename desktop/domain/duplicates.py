"""Finding records that may be the same person."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from desktop.i18n import _

from .dates import format_be
from .identity import format_national_id, normalise_g_code, normalise_national_id
from .people import name_similarity
from .text import clean_text


@dataclass(frozen=True)
class PersonKey:
    ref: str  # caller's id (e.g. uuid)
    first_name: str
    last_name: str
    birth_date: date | None
    national_id: str = ""
    g_code: str = ""


class MatchKind(StrEnum):
    SAME_NATIONAL_ID = "same_national_id"
    SAME_G_CODE = "same_g_code"
    SIMILAR_NAME_BIRTH = "similar_name_birth"


_KIND_RANK: dict[MatchKind, int] = {
    MatchKind.SAME_NATIONAL_ID: 0,
    MatchKind.SAME_G_CODE: 1,
    MatchKind.SIMILAR_NAME_BIRTH: 2,
}


@dataclass(frozen=True)
class DuplicateMatch:
    kind: MatchKind
    other: PersonKey
    score: float


SIMILARITY_THRESHOLD = 0.85


def _match(candidate: PersonKey, nid: str, g: str, other: PersonKey) -> DuplicateMatch | None:
    if nid and normalise_national_id(other.national_id) == nid:
        return DuplicateMatch(MatchKind.SAME_NATIONAL_ID, other, 1.0)
    if g and normalise_g_code(other.g_code) == g:
        return DuplicateMatch(MatchKind.SAME_G_CODE, other, 1.0)
    if candidate.birth_date is not None and candidate.birth_date == other.birth_date:
        score = name_similarity(
            candidate.first_name, candidate.last_name, other.first_name, other.last_name
        )
        if score >= SIMILARITY_THRESHOLD:
            return DuplicateMatch(MatchKind.SIMILAR_NAME_BIRTH, other, score)
    return None


def find_duplicates(candidate: PersonKey, others: Iterable[PersonKey]) -> list[DuplicateMatch]:
    """Records among ``others`` that may be ``candidate``, best first, at most one per record.

    Same national ID or same G-code (after normalisation) scores 1.0; otherwise the
    same birth date and a name similarity ≥ :data:`SIMILARITY_THRESHOLD` scores the
    similarity. A record with the candidate's own ``ref`` is skipped.
    """
    nid = normalise_national_id(candidate.national_id)
    g = normalise_g_code(candidate.g_code)
    matches: list[DuplicateMatch] = []
    for other in others:
        if other.ref == candidate.ref:
            continue
        m = _match(candidate, nid, g, other)
        if m is not None:
            matches.append(m)
    matches.sort(key=lambda m: (-m.score, _KIND_RANK[m.kind]))
    return matches


def duplicate_message(m: DuplicateMatch) -> str:
    """e.g. "อาจซ้ำกับ สมหญิง ใจดี เกิด 15 ส.ค. 2562 (ชื่อคล้ายกัน วันเกิดเดียวกัน) ..."."""
    who, reason = duplicate_parts(m)
    return _("{who} ({reason}) โปรดตรวจสอบว่าเป็นคนเดียวกันหรือไม่ก่อนบันทึก").format(who=who, reason=reason)


def duplicate_parts(m: DuplicateMatch) -> tuple[str, str]:
    """Who the match is (``อาจซ้ำกับ สมหญิง ใจดี เกิด 15 ส.ค. 2562``) and why, for a message
    built around them (the import's says "in the registry")."""
    o = m.other
    name = " ".join(p for p in (clean_text(o.first_name), clean_text(o.last_name)) if p)
    who = _("อาจซ้ำกับ {name}").format(name=name or _("ระเบียนที่ไม่มีชื่อ"))
    if o.birth_date is not None:
        who += _(" เกิด {birth}").format(birth=format_be(o.birth_date))
    if m.kind is MatchKind.SAME_NATIONAL_ID:
        reason = _("เลขประจำตัวประชาชนเดียวกัน {id}").format(id=format_national_id(o.national_id))
    elif m.kind is MatchKind.SAME_G_CODE:
        reason = _("รหัส G เดียวกัน {code}").format(code=normalise_g_code(o.g_code))
    elif m.score >= 1.0:
        reason = _("ชื่อและวันเกิดเดียวกัน")
    else:
        reason = _("ชื่อคล้ายกัน วันเกิดเดียวกัน")
    return who, reason
