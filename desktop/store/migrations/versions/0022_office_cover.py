"""The province's list: a term inside one municipality read from its index alone.

Inside one municipality a term common in the province ("ชัย": 93,000 of 1M) is tested on
each of its children (children_offices.parts_clause: its ~6,700 of 1M over 150 offices);
the page and the count each read every one of those rows, which lie spread through the
file where the offices' bundles were merged in turns (page + count 26-33 ms at 1M, quiet).
``ix_child_live_office_name`` (0014) now carries the fields a term is tested on (the names,
the English names, the identifiers) after its keys, so both are read from the index alone
(7.7 ms). SQLite only: an SQLite index cannot carry columns apart from its keys, so they
are keys here (the name order's ties, first name then last name keys, are still the
index's first; the id's tie-break is sorted per equal name).

PostgreSQL has carried the fields as INCLUDE columns since 0021, so its count was read
from the index; now it carries the id too, so a page's ids are (children_query: the ids
of the page in order from the index, then their 200 rows), where before each child
walked along the order had its row read to be tested (~2,100 for a page of "ชัย").

What it costs: the index is ~92 MB at 1M children instead of ~27 MB, and building it
after a 50k-row import into an empty registry takes ~160 instead of ~90 ms (quiet).

Revision ID: 0022
Revises: 0021
Create Date: 2026-12-01
"""

from __future__ import annotations

from alembic import op

revision = "0022"
down_revision = "0021"
branch_labels = None
depends_on = None

KEYS = "origin_office_id, first_name_key, last_name_key"
FIELDS = "first_name, last_name, first_name_en, last_name_en, national_id, g_code"


def _office_index(keys: str, include: str = "") -> None:
    op.execute("DROP INDEX IF EXISTS ix_child_live_office_name")
    op.execute(f"CREATE INDEX ix_child_live_office_name ON child ({keys})"
               + (f" INCLUDE ({include})" if include else "") + " WHERE deleted_at IS NULL")


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        _office_index(f"{KEYS}, {FIELDS}")
    else:
        _office_index(KEYS, f"id, {FIELDS}")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        _office_index(KEYS)
    else:
        _office_index(KEYS, FIELDS)  # 0021's
