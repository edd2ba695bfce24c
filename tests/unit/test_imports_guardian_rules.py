"""The plan's guardian rule, field by field and kept by value (guardian_rules.py, for a
50k-row file's speed), gives exactly what the child form's ``guardian_problems`` gives on
the whole form: the same problems, messages and order, for good and bad values of every
field and their combinations."""

from __future__ import annotations

from itertools import product

from desktop.domain.identity import make_national_id
from desktop.services.children import GuardianForm, guardian_problems
from desktop.services.imports.guardian_rules import GuardianRules

GOOD_ID = make_national_id("110370209901")
BAD_CHECK = GOOD_ID[:-1] + str((int(GOOD_ID[-1]) + 1) % 10)
THAI_ID = GOOD_ID.translate(str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙"))

VALUES = {
    "prefix": ["", "นาง", "นาย" * 10, "น\u0e48\u0e48าง"],
    "first_name": ["", " ", "สมศรี", "ส\u0e48\u0e49มศรี", "ก" * 150, "\u0e31สมศรี"],
    "last_name": ["", "ใจดี", "\u0e48ใจดี", "ใ" * 120],
    "national_id": ["", GOOD_ID, BAD_CHECK, "12345", THAI_ID, "1-1037-02099-01-" + GOOD_ID[-1], "abc", " "],
    "phone": ["", "0812345678", "081-234-5678", "044123456", "12345", "0812", "๐๘๑๒๓๔๕๖๗๘", "08123456789",
              "1812345678", "--"],
    "occupation": ["", "ค้าขาย", "x" * 300, "ค\u0e49\u0e49าขาย"],
    "relation": ["", "แม่", "ย\u0e48\u0e48าย", "ป" * 60],
}


def test_field_by_field_is_guardian_problems_of_the_whole_form() -> None:
    rules = GuardianRules()
    names = ("prefix", "first_name", "last_name", "national_id", "phone", "occupation", "relation")
    checked = 0
    for prefix, first, last, national_id, phone, occupation, relation in product(*(VALUES[n] for n in names)):
        key = (prefix, first, last, national_id, phone, occupation, relation)
        form = GuardianForm(prefix=prefix, first_name=first, last_name=last, national_id=national_id,
                            phone=phone, occupation=occupation, relation=relation)
        assert rules.rules(key) == tuple(guardian_problems(0, form)), key
        checked += 1
    assert checked > 100_000
    # the answers are kept per value, and dropped on clear()
    assert len(rules._memos[0]) < 100
    rules.clear()
    assert not rules._memos[0] and not rules._memos[1]
