"""The values the clerk gave for a whole file, kept with its import batch (the batch's
``detail`` JSON, key ``whole_file``, beside ``layout``: the file's header set): the history
shows them, and the next file with the same headers is offered them again, as its column
mapping is (files.py)."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.store.models import ImportBatch, Institution

from .files import mapping_key
from .wholefile import WholeFile

WHOLE_KEY = "whole_file"
LAYOUT_KEY = "layout"
LOOK_BACK = 200  # the latest imports searched for a file with the same headers


@dataclass(frozen=True)
class BatchWhole:
    """A batch's whole-file values as they were given ("" or ``None``: not given); the
    institution's name as it was then, so the history still says it after a rename."""

    institution_id: int | None = None
    institution: str = ""
    year_be: int | None = None
    level_code: str = ""
    classroom: str = ""
    relation: str = ""

    def is_empty(self) -> bool:
        return self == BatchWhole()


def whole_file_detail(session: Session, whole: WholeFile, headers: Sequence[str]) -> dict[str, Any]:
    """What ``_commit`` keeps in the batch's detail: the values given, and the layout."""
    name = ""
    if whole.institution_id is not None:
        name = session.scalar(select(Institution.name).where(Institution.id == whole.institution_id)) or ""
    values = {"institution_id": whole.institution_id, "institution": name, "year_be": whole.year_be,
              "level_code": whole.level_code, "classroom": whole.classroom, "relation": whole.relation}
    return {WHOLE_KEY: {k: v for k, v in values.items() if v not in (None, "")},
            LAYOUT_KEY: mapping_key(headers)}


def _text(value: object) -> str:
    return value if isinstance(value, str) else ""


def _int(value: object) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def batch_whole(detail: Mapping[str, Any] | str | None) -> BatchWhole:
    """The whole-file values in a batch's detail (JSON text or parsed); none for a batch
    imported before they were kept, or a damaged detail."""
    if isinstance(detail, str):
        try:
            detail = json.loads(detail or "{}")
        except ValueError:
            return BatchWhole()
    data = detail.get(WHOLE_KEY) if isinstance(detail, Mapping) else None
    if not isinstance(data, Mapping):
        return BatchWhole()
    return BatchWhole(_int(data.get("institution_id")), _text(data.get("institution")),
                      _int(data.get("year_be")), _text(data.get("level_code")),
                      _text(data.get("classroom")), _text(data.get("relation")))


def remembered_whole_file(session: Session, headers: Sequence[str]) -> WholeFile:
    """The whole-file values of the latest import (not undone) of a file with these headers,
    to offer again; an institution deleted since is left out. Nothing when there is none."""
    layout = mapping_key(headers)
    stmt = (select(ImportBatch.detail)
            .where(ImportBatch.undone_at.is_(None), ImportBatch.detail.contains(layout))
            .order_by(ImportBatch.id.desc()).limit(LOOK_BACK))
    for text in session.scalars(stmt):
        try:
            detail = json.loads(text or "{}")
        except ValueError:
            continue
        if not isinstance(detail, dict) or detail.get(LAYOUT_KEY) != layout:
            continue
        b = batch_whole(detail)
        institution_id = b.institution_id
        if institution_id is not None:
            live = session.scalar(select(Institution.id).where(
                Institution.id == institution_id, Institution.deleted_at.is_(None)))
            institution_id = live
        return WholeFile(institution_id, b.year_be, b.level_code, b.classroom, b.relation)
    return WholeFile()
