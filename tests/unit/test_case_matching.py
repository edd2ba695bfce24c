"""Matching an imported list of out-of-school children against the registry
(desktop/domain/case_matching.py)."""

from __future__ import annotations

import random
from datetime import date, timedelta

from desktop.domain.case_matching import (
    ListRow,
    MatchKind,
    RegistryChild,
    counts,
    match_list,
    match_row,
)
from desktop.domain.duplicates import MatchKind as Basis
from desktop.domain.identity import make_national_id

BIRTH = date(2012, 8, 15)
NID = make_national_id("110170012345")
NID2 = make_national_id("110170012346")
G = "G123456789012"

SOMCHAI = RegistryChild("somchai", "สมชาย", "ใจดี", BIRTH, NID)
MALI = RegistryChild("mali", "มาลี", "ศรีสุข", date(2010, 1, 5))
AUNG = RegistryChild("aung", "อ่อง", "ซอ", date(2011, 3, 3), g_code=G)


def row(first: str = "สมชาย", last: str = "ใจดี", birth: date | None = BIRTH, nid: str = "", g: str = "",
        n: int = 2) -> ListRow:
    return ListRow(n, first, last, birth, nid, g)


# --------------------------------------------------------------------------- by ID


def test_the_same_national_id_matches_however_it_is_written() -> None:
    written = f"{NID[0]}-{NID[1:5]} {NID[5:10]}.{NID[10:12]}-{NID[12]}".translate(str.maketrans("0123456789",
                                                                                               "๐๑๒๓๔๕๖๗๘๙"))
    result = match_row(row(nid=written), [SOMCHAI, MALI])
    assert (result.kind, result.child, result.basis) == (MatchKind.MATCHED, "somchai", Basis.SAME_NATIONAL_ID)


def test_the_same_g_code_matches() -> None:
    result = match_row(row("ออง", "ซอ", date(2011, 3, 3), g="g 1234-5678-9012"), [AUNG])
    assert (result.kind, result.child, result.basis) == (MatchKind.MATCHED, "aung", Basis.SAME_G_CODE)
    assert result.reason == "รหัส G ตรงกับเด็กในทะเบียน"  # a tone mark missing is no difference
    spelled = match_row(row("อองจี", "ซอ", date(2011, 3, 3), g=G), [AUNG])
    assert (spelled.kind, spelled.child) == (MatchKind.MATCHED, "aung") and "ชื่อ" in spelled.reason


def test_an_id_match_with_another_birth_date_but_the_same_name_still_matches_and_says_so() -> None:
    result = match_row(row(birth=date(2012, 8, 16), nid=NID), [SOMCHAI])
    assert (result.kind, result.child) == (MatchKind.MATCHED, "somchai")
    assert "วันเกิด" in result.reason


def test_an_id_pointing_at_a_child_with_another_name_and_birth_is_ambiguous() -> None:
    result = match_row(row("มานพ", "ทองมา", date(2013, 1, 1), nid=NID), [SOMCHAI])
    assert (result.kind, result.child, result.candidates) == (MatchKind.AMBIGUOUS, None, ("somchai",))
    assert "ตรวจสอบเลขประจำตัว" in result.reason


def test_an_id_matching_two_registry_children_is_ambiguous() -> None:
    other = RegistryChild("other", "สมชาย", "ใจดี", BIRTH, g_code=G)
    result = match_row(row(nid=NID, g=G), [SOMCHAI, other])
    assert result.kind is MatchKind.AMBIGUOUS and set(result.candidates) == {"somchai", "other"}


def test_the_same_g_code_with_another_national_id_is_ambiguous() -> None:
    holder = RegistryChild("holder", "อ่อง", "ซอ", date(2011, 3, 3), NID2, G)
    result = match_row(row("อ่อง", "ซอ", date(2011, 3, 3), nid=NID, g=G), [holder])
    assert result.kind is MatchKind.AMBIGUOUS and result.candidates == ("holder",)


def test_a_child_in_the_bin_is_not_matched_nor_added_again() -> None:
    binned = RegistryChild("binned", "สมชาย", "ใจดี", BIRTH, NID, deleted=True)
    by_id = match_row(row(nid=NID), [binned])
    assert by_id.kind is MatchKind.AMBIGUOUS and "ถังขยะ" in by_id.reason and by_id.candidates == ("binned",)
    by_name = match_row(row(), [RegistryChild("binned", "สมชาย", "ใจดี", BIRTH, deleted=True)])
    assert by_name.kind is MatchKind.AMBIGUOUS and "ถังขยะ" in by_name.reason


def test_a_live_child_wins_over_one_in_the_bin() -> None:
    binned = RegistryChild("binned", "สมชาย", "ใจดี", BIRTH, NID, deleted=True)
    assert match_row(row(nid=NID), [binned, SOMCHAI]).child == "somchai"


# --------------------------------------------------------------------------- by name and birth date


def test_the_same_name_and_birth_date_with_no_id_matches() -> None:
    result = match_row(row("มาลี", "ศรีสุข", date(2010, 1, 5)), [MALI, SOMCHAI])
    assert (result.kind, result.child, result.basis) == (MatchKind.MATCHED, "mali", Basis.SIMILAR_NAME_BIRTH)


def test_names_are_compared_as_the_registrys_duplicates_compare_them() -> None:
    # spacing, dots, a tone mark and the silencer set aside: the same name_key
    for first, last in [("ม าลี", "ศรี.สุข"), ("มาลี", "ศรีสุข์"), (" มาลี ", "ศรีสุข่")]:
        result = match_row(row(first, last, date(2010, 1, 5)), [MALI])
        assert (result.kind, result.child) == (MatchKind.MATCHED, "mali"), (first, last)


def test_a_similar_name_is_ambiguous_not_matched() -> None:
    result = match_row(row("มาลี", "ศรีสุขา", date(2010, 1, 5)), [MALI])
    assert result.kind is MatchKind.AMBIGUOUS and result.candidates == ("mali",)


def test_a_list_id_and_a_registry_child_without_one_match_by_name_and_birth() -> None:
    result = match_row(row("มาลี", "ศรีสุข", date(2010, 1, 5), nid=NID2), [MALI])
    assert (result.kind, result.child) == (MatchKind.MATCHED, "mali")


def test_the_same_name_and_birth_with_another_national_id_is_ambiguous() -> None:
    result = match_row(row(nid=NID2), [SOMCHAI])
    assert result.kind is MatchKind.AMBIGUOUS and "คนละเลข" in result.reason


def test_two_children_of_the_same_name_and_birth_are_ambiguous() -> None:
    twin = RegistryChild("twin", "สมชาย", "ใจดี", BIRTH)
    result = match_row(row(), [RegistryChild("a", "สมชาย", "ใจดี", BIRTH), twin])
    assert result.kind is MatchKind.AMBIGUOUS and set(result.candidates) == {"a", "twin"}


def test_another_birth_date_is_not_the_same_child() -> None:
    result = match_row(row("มาลี", "ศรีสุข", date(2010, 1, 6)), [MALI])
    assert (result.kind, result.child) == (MatchKind.NEW, None)


def test_new_when_nothing_fits_and_ambiguous_when_nothing_can_be_compared() -> None:
    assert match_row(row("ใหม่", "มาก"), [SOMCHAI, MALI]).kind is MatchKind.NEW
    assert match_row(row("ใหม่", "มาก", nid=NID2), []).kind is MatchKind.NEW
    blind = match_row(row("ใหม่", "มาก", birth=None), [SOMCHAI])
    assert blind.kind is MatchKind.AMBIGUOUS and "วันเกิด" in blind.reason
    assert match_row(row("ใหม่", "มาก", birth=None, g=G), []).kind is MatchKind.NEW


# --------------------------------------------------------------------------- a whole list


def test_a_list_is_matched_row_by_row_with_its_own_repeats() -> None:
    rows = [
        row(nid=NID, n=2),  # somchai by ID
        row("มาลี", "ศรีสุข", date(2010, 1, 5), n=3),  # mali by name
        row("ใหม่", "มาก", date(2014, 2, 2), n=4),  # new
        row("ใหม่", "มาก", date(2014, 2, 2), n=5),  # repeats row 4
        row("สม ชาย", "ใจดี", BIRTH, n=6),  # repeats row 2 by name and birth date
        row("ออง", "ซอ", date(2011, 3, 3), g=G, n=7),  # aung by G-code
        row("อ่อง", "ซอ", date(2011, 3, 3), n=8),  # aung again by name: the same registry child as row 7
    ]
    results = match_list(rows, [SOMCHAI, MALI, AUNG])
    assert [(r.row, r.kind, r.child, r.earlier_row) for r in results] == [
        (2, MatchKind.MATCHED, "somchai", None),
        (3, MatchKind.MATCHED, "mali", None),
        (4, MatchKind.NEW, None, None),
        (5, MatchKind.AMBIGUOUS, None, 4),
        (6, MatchKind.AMBIGUOUS, None, 2),
        (7, MatchKind.MATCHED, "aung", None),
        (8, MatchKind.AMBIGUOUS, None, 7),
    ]
    assert counts(results) == {MatchKind.MATCHED: 3, MatchKind.NEW: 1, MatchKind.AMBIGUOUS: 3}


def test_a_repeated_id_in_the_list_is_caught_even_with_other_names() -> None:
    results = match_list([row(nid=NID, n=2), row("อื่น", "อื่น", date(2015, 1, 1), nid=NID, n=9)], [])
    assert [(r.kind, r.earlier_row) for r in results] == [(MatchKind.NEW, None), (MatchKind.AMBIGUOUS, 2)]


def test_match_list_finds_the_same_as_match_row_over_the_whole_registry() -> None:
    registry = [SOMCHAI, MALI, AUNG, RegistryChild("x", "สมหญิง", "ใจดี", BIRTH)]
    rows = [row(nid=NID, n=2), row("สมหญิง", "ใจดี", n=3), row("มาลี", "ศรีสุข", date(2010, 1, 5), n=4),
            row("ก", "ข", date(2015, 5, 5), n=5)]
    assert match_list(rows, registry) == [match_row(r, registry) for r in rows]


def test_the_lists_name_filter_changes_no_result() -> None:
    """match_list compares a row only with the children born that day whose names may be
    similar (a bound on difflib's ratio); over random near-miss names it gives what
    match_row gives against the whole registry."""
    rng = random.Random(5)
    letters = "กขคงจฉชซดตถทนบปผพมยรลวสหอะาิีุูเแโ่้"
    births = [date(2012, 1, 1) + timedelta(days=d) for d in range(4)]

    def name() -> str:
        return "".join(rng.choice(letters) for _ in range(rng.randint(2, 9)))

    def mutate(text: str) -> str:
        i = rng.randrange(len(text) + 1)
        return text[:i] + rng.choice(letters) + text[i + rng.choice((0, 1)):]

    registry = [RegistryChild(f"r{i}", name(), name(), rng.choice(births),
                              make_national_id(f"3{i:011d}") if i % 3 == 0 else "") for i in range(300)]
    rows = []
    for n in range(600):
        base = rng.choice(registry)
        first, last = base.first_name, base.last_name
        for _ in range(rng.choice((0, 0, 1, 2, 3))):
            first, last = (mutate(first), last) if rng.random() < 0.5 else (first, mutate(last))
        roll = rng.random()  # its own ID, another child's, a new one, none
        nid = (base.national_id if roll < 0.3 else rng.choice(registry).national_id if roll < 0.4
               else make_national_id(f"4{n:011d}") if roll < 0.5 else "")
        rows.append(row(first, last, rng.choice(births), nid=nid, n=n + 2))
    fast = match_list(rows, registry)
    kinds = set()
    for got, r in zip(fast, rows, strict=True):
        if got.earlier_row is not None:
            continue  # the list's own repeats: match_list's alone
        want = match_row(r, registry)
        kinds.add(want.kind)
        assert (got.kind, got.child, set(got.candidates)) == (want.kind, want.child, set(want.candidates)), r
    assert kinds == set(MatchKind)


def test_counts_name_every_kind() -> None:
    assert counts([]) == {MatchKind.MATCHED: 0, MatchKind.NEW: 0, MatchKind.AMBIGUOUS: 0}
