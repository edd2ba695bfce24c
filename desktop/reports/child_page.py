"""The child's page across the modules as pages of a PDF, from plain data (the sections of
services/child_page.py: their texts are already in the document's language). No Qt, no
SQL; services/child_page_print.py reads and writes."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from desktop.reports.pdf.document import Piece, Signature, SignatureBlock, heading, paragraph
from desktop.reports.pdf.table import Column, simple_table

LABEL_WEIGHT, VALUE_WEIGHT = 28, 72
TITLE = "ภาพรวมข้อมูลเด็กรายบุคคล"
DELETED_NOTE = "ระเบียนนี้อยู่ในถังขยะ (ลบแล้ว)"


@dataclass(frozen=True)
class PageSection:
    title: str
    fields: Sequence[tuple[str, str]]
    columns: Sequence[str]
    rows: Sequence[Sequence[str]]
    weights: Sequence[int]
    empty: str


def child_page(sections: Sequence[PageSection], width: float, note: str = "",
               signatures: Sequence[Signature] = ()) -> list[Piece]:
    """Each section: its heading, its label/value lines, then its table (or the line that
    says nothing is recorded)."""
    pieces: list[Piece] = []
    if note:
        pieces += paragraph(note, width, size=11)
    for s in sections:
        pieces += heading(s.title, width)
        if s.fields:
            pieces += simple_table((Column("", LABEL_WEIGHT), Column("", VALUE_WEIGHT)), list(s.fields), width,
                                   size=10.5, header=False)
        if s.rows:
            weights = list(s.weights) if len(s.weights) == len(s.columns) else [1] * len(s.columns)
            pieces += simple_table([Column(c, w) for c, w in zip(s.columns, weights, strict=True)],
                                   [list(r) for r in s.rows], width, size=10)
        elif not s.fields and s.empty:
            pieces += paragraph(s.empty, width, size=10.5)
    if signatures:
        if pieces:
            pieces[-1].keep_with_next = True
        pieces.append(SignatureBlock(signatures))
    return pieces
