"""A child typed with the prefix (เด็กชายกันตพงศ์, ด.ช.กันตพงศ์) is found: names are stored
without it, so the search drops a leading prefix."""

from __future__ import annotations

import pytest

from desktop.services.children_query import normalise_search


@pytest.mark.parametrize("typed", ["เด็กชายกันตพงศ์", "ด.ช.กันตพงศ์", "ด.ช. กันตพงศ์", "ด. ช.กันตพงศ์"])
def test_prefix_dropped(typed: str) -> None:
    assert normalise_search(typed) == "กันตพงศ์"


def test_girl_and_miss() -> None:
    assert normalise_search("เด็กหญิงญาณิศา ฐิติพร") == "ญาณิศา ฐิติพร"
    assert normalise_search("น.ส.ญาณิศา") == "ญาณิศา"


@pytest.mark.parametrize("term", ["เด็กชาย", "นาคสวัสดิ์", "ดวงใจ", "1-2345-67890-12-3", "นางรอง"])
def test_other_terms_unchanged(term: str) -> None:
    assert normalise_search(term) == term.replace("-", "")
