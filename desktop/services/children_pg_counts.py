"""The children list's counts on PostgreSQL from the kept counts of migration 0018
(store/pg_counts.py), and the choice of a search's way by them.

- The list with no filter, or filtered to one municipality only, counts its live
  children from one kept row (at 1M: count(*) read every row, ~110 ms).
- A term of 3 characters without a space, with no other filter, is counted by its
  piece's row (exactly the children ILIKE finds; ชัย, 93,000 of 1M: ~500 ms before).
- A search's first page walks the name order (children_pg) only where the walk can find
  it: where the term's rarest piece is held by enough children that ``need`` of them are
  expected among the WALK first. A rarer term's page is sorted from its matches, which
  the trigram index gives (at 1M "คำด", 1,339 children: the walk read its 3,000 children
  for nothing first).
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from desktop.store import pg_counts


def kept_count(session: Session, term: str, *, office_id: int | None, deleted: bool,
               enrolment_filter: bool) -> int | None:
    """The list's count from the kept counts, where they answer it exactly: the live
    children (no filter, or one municipality), or a countable term's (no other filter);
    None elsewhere (the caller counts its usual way)."""
    if deleted or enrolment_filter:
        return None
    conn = session.connection()
    if not pg_counts.has_counts(conn):
        return None
    if not term:
        return pg_counts.total(conn) if office_id is None else pg_counts.office_total(
            conn, office_id)
    if office_id is None and pg_counts.countable(term):
        return pg_counts.piece_total(conn, term)
    return None


def worth_walking(session: Session, term: str, *, need: int, walk: int) -> bool:
    """Whether a search's page of ``need`` is likely among the first ``walk`` live
    children of the order, by the term's rarest piece's count (True where there are no
    counts, or the term has no piece: the walk decides, as before)."""
    conn = session.connection()
    if need <= 0 or not pg_counts.has_counts(conn):
        return True
    bound, live = pg_counts.rarest_of(conn, term)
    if bound is None:
        return True
    return bound * walk >= need * live  # matches expected among the walked, were it the term's


def office_rare(session: Session, term: str, office_id: int | None) -> bool:
    """Whether a term inside one municipality is better found through the trigram index
    (its candidates, then the municipality's) than by testing each of its children: its
    rarest piece is held by fewer children in all than half the municipality's (a
    candidate's recheck costs about two rows' tests)."""
    if office_id is None or session.get_bind().dialect.name != "postgresql":
        return False
    key = ("office_rare", term, office_id)  # a page asks, then its count: asked once
    if key not in session.info:
        conn = session.connection()
        bound = pg_counts.rarest(conn, term) if pg_counts.has_counts(conn) else None
        session.info[key] = bound is not None and 2 * bound < pg_counts.office_total(
            conn, office_id)
    return bool(session.info[key])
