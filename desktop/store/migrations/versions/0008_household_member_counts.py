"""The households list sorts by its number of children or of guardians through an index.

Each household stores how many live children and how many live guardians it has
(``child_count``, ``guardian_count``); two partial indexes (count, then the address order)
serve the list's sorts by either, walked forwards or backwards for a page (5-9 s at 1M
households before: every household's members counted, then sorted).

Triggers keep the counts right for every writer (the ORM, the demo loader, an import and
its undo, a household merge and its undo, the bin): a child or guardian inserted, deleted,
moved to another household or soft-deleted/restored adds or takes one. A bulk load that
drops the triggers (``services.demo.deferred_indexes``) recounts the households once it is
done. On PostgreSQL the triggers call one PL/pgSQL function per table.

``ADD COLUMN`` with a default (no table rebuild), one set-based fill per count, then the
indexes.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-30
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

LIVE = sa.text("deleted_at IS NULL")
# member table → the household's column that counts its live rows
COUNTS = (("child", "child_count"), ("guardian", "guardian_count"))
INDEXES = (
    ("ix_household_live_children", "child_count"),
    ("ix_household_live_guardians", "guardian_count"),
)
PLACE = ["subdistrict_key", "village_key", "house_key"]


def recount_sql(table: str, column: str, *, only_changed: bool = True) -> str:
    """Set each household's count of its live ``table`` rows (households with none keep
    theirs: a fill starts from 0, a bulk load only adds)."""
    changed = f" AND household.{column} <> n.n" if only_changed else ""
    return (
        f"UPDATE household SET {column} = n.n FROM "  # noqa: S608 (names are constants)
        f"(SELECT household_id, count(*) AS n FROM {table} "
        f"WHERE household_id IS NOT NULL AND deleted_at IS NULL GROUP BY household_id) AS n "
        f"WHERE household.id = n.household_id{changed}"
    )


def sqlite_triggers(table: str, column: str) -> list[str]:
    """Insert, delete, and an update of household_id or deleted_at (one trigger, two
    statements: take one from the old household if the row was counted there, add one to
    the new if it is counted now)."""
    dec = f"UPDATE household SET {column} = {column} - 1 WHERE id = old.household_id"
    inc = f"UPDATE household SET {column} = {column} + 1 WHERE id = new.household_id"
    return [
        f"CREATE TRIGGER {table}_count_ai AFTER INSERT ON {table} "
        f"WHEN new.household_id IS NOT NULL AND new.deleted_at IS NULL BEGIN {inc}; END",
        f"CREATE TRIGGER {table}_count_ad AFTER DELETE ON {table} "
        f"WHEN old.household_id IS NOT NULL AND old.deleted_at IS NULL BEGIN {dec}; END",
        f"CREATE TRIGGER {table}_count_au AFTER UPDATE OF household_id, deleted_at ON {table} "
        f"WHEN old.household_id IS NOT new.household_id "
        f"OR (old.deleted_at IS NULL) <> (new.deleted_at IS NULL) BEGIN "
        f"{dec} AND old.deleted_at IS NULL; "
        f"{inc} AND new.deleted_at IS NULL; END",
    ]


def postgresql_triggers(table: str, column: str) -> list[str]:
    function = f"{table}_household_count"
    return [
        f"CREATE FUNCTION {function}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
        f"IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.household_id IS NOT NULL "
        f"AND OLD.deleted_at IS NULL THEN "
        f"UPDATE household SET {column} = {column} - 1 WHERE id = OLD.household_id; END IF; "
        f"IF TG_OP IN ('UPDATE', 'INSERT') AND NEW.household_id IS NOT NULL "
        f"AND NEW.deleted_at IS NULL THEN "
        f"UPDATE household SET {column} = {column} + 1 WHERE id = NEW.household_id; END IF; "
        f"RETURN NULL; END $$",
        f"CREATE TRIGGER {table}_count_ai AFTER INSERT ON {table} "
        f"FOR EACH ROW EXECUTE FUNCTION {function}()",
        f"CREATE TRIGGER {table}_count_ad AFTER DELETE ON {table} "
        f"FOR EACH ROW EXECUTE FUNCTION {function}()",
        f"CREATE TRIGGER {table}_count_au AFTER UPDATE OF household_id, deleted_at ON {table} "
        f"FOR EACH ROW WHEN (OLD.household_id IS DISTINCT FROM NEW.household_id "
        f"OR (OLD.deleted_at IS NULL) <> (NEW.deleted_at IS NULL)) "
        f"EXECUTE FUNCTION {function}()",
    ]


def upgrade() -> None:
    conn = op.get_bind()
    dialect = conn.dialect.name
    for _table, column in COUNTS:
        op.add_column("household", sa.Column(column, sa.Integer(), nullable=False,
                                             server_default="0"))
    for table, column in COUNTS:
        op.execute(recount_sql(table, column, only_changed=False))
    for name, column in INDEXES:
        op.create_index(name, "household", [column, *PLACE], unique=False, sqlite_where=LIVE,
                        postgresql_where=LIVE)
    for table, column in COUNTS:
        make = sqlite_triggers if dialect == "sqlite" else postgresql_triggers
        for statement in make(table, column):
            op.execute(statement)


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    for table, _column in COUNTS:
        for suffix in ("ai", "ad", "au"):
            if dialect == "sqlite":
                op.execute(f"DROP TRIGGER IF EXISTS {table}_count_{suffix}")
            else:
                op.execute(f"DROP TRIGGER IF EXISTS {table}_count_{suffix} ON {table}")
        if dialect != "sqlite":
            op.execute(f"DROP FUNCTION IF EXISTS {table}_household_count()")
    for name, _column in reversed(INDEXES):
        op.drop_index(name, table_name="household")
    for _table, column in reversed(COUNTS):
        op.drop_column("household", column)
