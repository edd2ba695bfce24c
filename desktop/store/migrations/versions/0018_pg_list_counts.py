"""The province's list on PostgreSQL counted without a scan: kept, exact counts of the live
children, of each municipality's, and of the children holding each 3-character piece of
the search text (PostgreSQL only: see desktop/store/pg_counts.py).

At 1M children over 150 municipalities the list's first paint counted every live row
(count(*): ~110 ms) and a common 3-letter term's count read back each of its matches
(ชัย: 93,000 rows, ~500 ms). ``child_list_count`` holds rows ``(key, docs)`` whose sum
for a key is the count: ``all`` (the live children), ``o:<office id>`` (the live
children a municipality sent), ``p:<piece>`` (the live children whose search text,
children_terms.SEARCH_TEXT_PG lowered as ILIKE lowers it, holds that 3-character piece
without a space: exactly the children a term of those 3 characters finds). A row
trigger adds a child's keys (+1) and takes away what it held (-1) on insert, delete and
a change of its names, identifiers, office or deletion; it only appends (a count updated
in place by every child of a 50,000-row transaction would leave a chain of dead
versions behind each write), and every 4,096th write folds the rows into one a key
(``samoe_count_fold``, safe against a concurrent fold: each deletes what it folds). A
bulk loader pauses the insert trigger for its transaction (``samoe.counts_paused``) and
counts its new children by their ids at the end (pg_counts.paused).

The upgrade counts the children already there (at 1M over 150 municipalities: 2,375 keys,
190 s with 0019 on a machine loaded 20 on 2 cores).

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-01
"""

from __future__ import annotations

from alembic import op

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None


def _search(row: str) -> str:
    """children_terms.SEARCH_TEXT_PG of a trigger's row (``NEW``/``OLD``)."""
    return (f"{row}.first_name || ' ' || {row}.last_name || ' ' || {row}.first_name_en || ' ' "
            f"|| {row}.last_name_en || ' ' || coalesce({row}.national_id, '') || ' ' || "
            f"coalesce({row}.g_code, '')")


def _keys(row: str) -> str:
    return (f"samoe_count_keys({row}.deleted_at IS NULL, {row}.origin_office_id, "
            f"{_search(row)})")


DDL = (
    "CREATE TABLE child_list_count (key TEXT NOT NULL, docs BIGINT NOT NULL)",
    "CREATE INDEX ix_child_list_count_key ON child_list_count (key) INCLUDE (docs)",
    "CREATE SEQUENCE child_list_count_writes",
    # a live child's keys: every distinct 3-character piece of its lowered search text that
    # holds no space (a term of no space never spans two fields), its office, the total
    "CREATE FUNCTION samoe_count_keys(live boolean, office integer, search text) "
    "RETURNS text[] LANGUAGE sql STABLE PARALLEL SAFE AS $$ "
    "SELECT CASE WHEN live THEN ARRAY['all', 'o:' || office::text] || ARRAY("
    "SELECT DISTINCT 'p:' || t FROM (SELECT substr(lower(search), i, 3) AS t "
    "FROM generate_series(1, length(search) - 2) AS i) AS s WHERE t !~ '[[:space:]]') "
    "ELSE '{}'::text[] END $$",
    "CREATE FUNCTION samoe_count_fold() RETURNS void LANGUAGE sql AS $$ "
    "WITH gone AS (DELETE FROM child_list_count RETURNING key, docs) "
    "INSERT INTO child_list_count (key, docs) SELECT key, sum(docs) FROM gone "
    "GROUP BY key HAVING sum(docs) <> 0 $$",
    "CREATE FUNCTION samoe_child_count() RETURNS trigger LANGUAGE plpgsql AS $$ "
    "DECLARE gone text[] := '{}'; came text[] := '{}'; "
    "BEGIN "
    "IF TG_OP = 'INSERT' AND current_setting('samoe.counts_paused', true) = 'on' THEN "
    "RETURN NULL; END IF; "
    f"IF TG_OP <> 'INSERT' THEN gone := {_keys('OLD')}; END IF; "
    f"IF TG_OP <> 'DELETE' THEN came := {_keys('NEW')}; END IF; "
    "INSERT INTO child_list_count (key, docs) SELECT k, sum(d) FROM ("
    "SELECT unnest(came) AS k, 1 AS d UNION ALL SELECT unnest(gone), -1) AS x "
    "GROUP BY k HAVING sum(d) <> 0; "
    "IF mod(nextval('child_list_count_writes'), 4096) = 0 THEN PERFORM samoe_count_fold(); END IF; "
    "RETURN NULL; END $$",
    "CREATE TRIGGER child_list_count_aiud AFTER INSERT OR DELETE OR UPDATE OF first_name, "
    "last_name, first_name_en, last_name_en, national_id, g_code, deleted_at, origin_office_id "
    "ON child FOR EACH ROW EXECUTE FUNCTION samoe_child_count()",
)
# the children already there, counted at once (pg_counts.add_range counts a loader's)
COUNT_ALL = ("INSERT INTO child_list_count (key, docs) SELECT k, count(*) FROM child c, "
             f"unnest({_keys('c')}) AS k GROUP BY k")


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for statement in DDL:
        op.execute(statement)
    op.execute("SET LOCAL work_mem = '256MB'")  # the count's hash of ~50M pieces at 1M
    op.execute(COUNT_ALL)


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP TRIGGER IF EXISTS child_list_count_aiud ON child")
    for function in ("samoe_child_count()", "samoe_count_fold()",
                     "samoe_count_keys(boolean, integer, text)"):
        op.execute(f"DROP FUNCTION IF EXISTS {function}")
    op.execute("DROP SEQUENCE IF EXISTS child_list_count_writes")
    op.execute("DROP TABLE IF EXISTS child_list_count")
