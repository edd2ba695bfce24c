"""Default file names are Thai and safe for Windows: รายชื่อเด็ก-2569.pdf,
ประวัติ-ชื่อ-นามสกุล.pdf; nothing Windows refuses."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")

from desktop.gui.documents import default_name, safe_file_name  # noqa: E402
from desktop.services.children import current_year_be  # noqa: E402


def test_thai_title_and_year() -> None:
    assert default_name("รายชื่อเด็ก") == f"รายชื่อเด็ก-{current_year_be()}"


@pytest.mark.parametrize(("raw", "safe"), [
    ("ประวัติ-ญาณิศา-ฐิติพร", "ประวัติ-ญาณิศา-ฐิติพร"),
    ('ประวัติ-ก/ข:"ค"?', "ประวัติ-ก-ข-ค"),
    ("ชื่อ. ", "ชื่อ"),
    ("CON", "samoe"),
    ("", "samoe"),
    ("ก\x00ข\tค", "ก-ข ค"),
])
def test_unsafe_characters_go(raw: str, safe: str) -> None:
    assert safe_file_name(raw) == safe


def test_long_names_are_cut() -> None:
    assert len(safe_file_name("ก" * 500)) == 120
