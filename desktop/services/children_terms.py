"""A search term as SQL for the children list (split from children_query.py): the term as
typed made plain (a name's prefix dropped, Thai digits, dashes of an ID), its FTS5 MATCH
text on SQLite, and the WHERE that finds it on each backend. No Qt, no permission
checks (children_query's list queries check)."""

from __future__ import annotations

import re

from sqlalchemy import ColumnElement, and_, func, literal_column, or_, select
from sqlalchemy.orm import Session

from desktop.domain.text import clean_text, to_ascii_digits
from desktop.services.children_pg_terms import caseless, on_index, on_rows
from desktop.services.children_search import FTS, FTS_MIN_CHARS
from desktop.store.models import Child

_FTS = FTS


# a prefix typed before the name (เด็กชายกันตพงศ์, ด.ช.กันตพงศ์): names are stored without it
_SEARCH_PREFIX = re.compile(r"^(?:เด็กชาย|เด็กหญิง|นางสาว|ด\.\s*ช\.|ด\.\s*ญ\.|น\.\s*ส\.)\s*(?=\S)")


def normalise_search(term: str) -> str:
    cleaned = to_ascii_digits(clean_text(term)).replace("-", "")
    return _SEARCH_PREFIX.sub("", cleaned, count=1) if cleaned[:1] in "เดน" else cleaned


def _fts_phrase(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def _fts_query(session: Session, term: str, *, live: bool = True) -> str | None:
    """The FTS5 MATCH text for a term, or None where the index cannot answer.

    The index holds live children only and trigrams need three characters.
    """
    if session.get_bind().dialect.name != "sqlite" or not live or len(term) < FTS_MIN_CHARS:
        return None
    # every whitespace-separated part must match, each quoted as an FTS phrase
    return " ".join(_fts_phrase(part) for part in term.split(" ") if part)


# PostgreSQL's search text, exactly the expression of ix_child_live_search_trgm (0014, a
# GIN trigram index; the planner uses it only for this expression, written with constants)
SEARCH_TEXT_PG = literal_column(
    "(child.first_name || ' ' || child.last_name || ' ' || child.first_name_en || ' ' || "
    "child.last_name_en || ' ' || coalesce(child.national_id, '') || ' ' || "
    "coalesce(child.g_code, ''))")


def search_clause(session: Session, term: str, *, live: bool = True,
                  trigrams: bool = True) -> ColumnElement[bool]:
    dialect = session.get_bind().dialect.name
    name_expr = Child.first_name + " " + Child.last_name
    query = _fts_query(session, term, live=live)
    if query is not None:
        ids = select(_FTS.c.rowid).where(literal_column("child_fts").op("MATCH")(query))
        return Child.id.in_(ids)
    if dialect == "sqlite":
        names = [func.instr(name_expr, term) > 0,
                 func.instr(Child.first_name_en + " " + Child.last_name_en, term) > 0]
        ids = [func.instr(func.coalesce(Child.national_id, ""), term) > 0,
               func.instr(func.coalesce(Child.g_code, ""), term) > 0]
        has_digit = any(ch.isdigit() for ch in term)
        # a term with no digit cannot be in an ID, one of digits only not in a name
        chosen = ids if term.isdigit() else names + ids if has_digit else names
        return or_(*chosen)
    if caseless(term):  # Thai or digits: found as typed, without ILIKE (children_pg_terms)
        return on_index(SEARCH_TEXT_PG, term) if trigrams else on_rows(term)
    pattern = "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    # PostgreSQL: the trigram index (0014) over the search text gives the candidates of a
    # term of 3+ characters; each is then tested field by field, as before. Without
    # ``trigrams`` (one municipality's few thousand: its index) the fields alone.
    fields = or_(
        name_expr.ilike(pattern, escape="\\"),
        Child.national_id.ilike(pattern, escape="\\"),
        Child.g_code.ilike(pattern, escape="\\"),
        (Child.first_name_en + " " + Child.last_name_en).ilike(pattern, escape="\\"),
    )
    return and_(SEARCH_TEXT_PG.ilike(pattern, escape="\\"), fields) if trigrams else fields
