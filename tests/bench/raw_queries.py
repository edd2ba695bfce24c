"""The raw baselines of the list benchmarks: the list's first page in plain SQL.

Each is the same rows in the same order as the list shows (the benchmark checks it), so
that a ratio compares the same work.
"""

from __future__ import annotations

from pathlib import Path

PAGE = 200


def fts_query(term: str) -> str:
    return " ".join('"' + p.replace('"', '""') + '"' for p in term.split(" ") if p)


# The raw baseline of a search: the list's first page (the same rows in the same order:
# live children matching the term, in name order), written as plain SQL.
_SEARCH_COLUMNS = ("c.id, c.prefix, c.first_name, c.last_name, c.sex, c.birth_date, "
                   "c.national_id, c.g_code")
_BY_NAME = " ORDER BY c.first_name_key, c.last_name_key, c.id LIMIT 200"


def raw_search_sql(term: str) -> tuple[str, tuple[str, ...]]:
    if len(term) >= 3:  # the trigram index holds the live children
        return (f"SELECT {_SEARCH_COLUMNS} FROM child c JOIN child_fts f ON f.rowid = c.id "
                "WHERE f.child_fts MATCH ? AND c.deleted_at IS NULL" + _BY_NAME,
                (fts_query(term),))
    # shorter: a scan; a term with no digit cannot be in an ID, one of digits only not in a name
    names = ["instr(c.first_name || ' ' || c.last_name, ?1) > 0",
             "instr(c.first_name_en || ' ' || c.last_name_en, ?1) > 0"]
    idents = ["instr(coalesce(c.national_id, ''), ?1) > 0", "instr(coalesce(c.g_code, ''), ?1) > 0"]
    digit = any(ch.isdigit() for ch in term)
    chosen = idents if term.isdigit() else names + idents if digit else names
    return (f"SELECT {_SEARCH_COLUMNS} FROM child c WHERE c.deleted_at IS NULL AND ("
            + " OR ".join(chosen) + ")" + _BY_NAME, (term,))


def check_same_page(db_path: Path, term: str, raw_ids: list[int]) -> None:
    """The baseline must show what the list shows, or the ratio compares different work."""
    from _common import sign_in_bench

    from desktop.services.children_query import ChildFilter, page_children
    from desktop.store.db import Database

    db = Database.open(db_path)
    sign_in_bench(db)
    try:
        with db.reader() as session:
            ids = [r.id for r in page_children(session, ChildFilter(search=term), offset=0,
                                               limit=PAGE)]
    finally:
        db.dispose()
    assert ids == raw_ids, f"search {term!r}: the raw baseline's first page is not the list's"


# The same first page as the list's sort, from plain SQL over the same stored keys
# (migrations 0004, 0005): the figure is what the list adds to the query it cannot avoid.
_LIVE = "SELECT id FROM child WHERE deleted_at IS NULL ORDER BY "
_NAMES = ("first_name_key", "last_name_key", "id")
RAW_SORTS: dict[str, tuple[str, ...]] = {  # the ORDER BY terms, ascending
    "name": _NAMES,
    "last_name": ("last_name_key", "first_name_key", "id"),
    "birth_date": ("birth_date", "id"),
    "age": ("birth_date DESC", "id DESC"),
    "ident": ("coalesce(national_id, g_code, '')", "id"),
    "sex": ("sex", *_NAMES),
    "institution": ("enrol_institution_key", *_NAMES),
    "level": ("enrol_level_key", "enrol_classroom_key", *_NAMES),
    "classroom": ("enrol_level_key", "enrol_classroom_key", *_NAMES),
}


def raw_sort_sql(key: str, descending: bool) -> str:
    """The first page of ``RAW_SORTS[key]`` (descending: every term reversed)."""
    terms = RAW_SORTS[key]
    if descending:
        terms = tuple(t.removesuffix(" DESC") if t.endswith(" DESC") else t + " DESC"
                      for t in terms)
    return _LIVE + ", ".join(terms) + f" LIMIT {PAGE}"
