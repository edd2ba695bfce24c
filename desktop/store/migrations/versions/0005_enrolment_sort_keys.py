"""The children list sorts by institution, level and room through indexes; the
households list by address (its sorts by village or house number read every row).

Each enrolment stores the sort keys of its institution's name, its level and its room
(``desktop.domain.sort_keys``); each child stores those of its current enrolment (latest
year, then latest id), so that sorting a million children by institution, level or room
walks an index instead of sorting every row by a correlated subquery (3-16 s before). Two
more partial indexes serve the sorts by sex and by identifier, and a narrow one (id, name
keys) sorts a search's matches by name without reading their rows.

``ADD COLUMN`` (no table rebuild; the search triggers watch other columns). The keys are
computed in Python, streamed by id ranges and written with ``executemany``; the indexes are
built after the fill. Households store the keys of their subdistrict, village number and
house number (``household_sort_keys``).

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-30
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from desktop.domain.sort_keys import (
    CLASSROOM_KEY_LENGTH,
    INSTITUTION_KEY_LENGTH,
    LEVEL_KEY_LENGTH,
    PLACE_KEY_LENGTH,
    enrolment_sort_keys,
    household_sort_keys,
)

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

CHUNK = 20_000
LIVE = sa.text("deleted_at IS NULL")
ENROLMENT_KEYS = (("institution_key", INSTITUTION_KEY_LENGTH), ("level_key", LEVEL_KEY_LENGTH),
                  ("classroom_key", CLASSROOM_KEY_LENGTH))
CHILD_KEYS = tuple(("enrol_" + name, length) for name, length in ENROLMENT_KEYS)
HOUSEHOLD_KEYS = (("subdistrict_key", PLACE_KEY_LENGTH), ("village_key", 40),
                  ("house_key", PLACE_KEY_LENGTH))
HOUSEHOLD_INDEXES = (
    ("ix_household_live_place", ["subdistrict_key", "village_key", "house_key"]),
)
INDEXES = (
    ("ix_child_live_enrol_institution", ["enrol_institution_key", "first_name_key", "last_name_key"]),
    ("ix_child_live_enrol_classroom", ["enrol_level_key", "enrol_classroom_key", "first_name_key",
                                       "last_name_key"]),
    ("ix_child_live_sex", ["sex", "first_name_key", "last_name_key"]),
    # a search sorted by name sorts its matches by this narrow index, not by their rows
    ("ix_child_live_id_names", ["id", "first_name_key", "last_name_key"]),
)


def _key_type(dialect: str, length: int) -> sa.String:
    return sa.String(length, collation="C" if dialect == "postgresql" else None)


def _fill(conn: sa.Connection) -> None:
    mark = "?" if conn.dialect.paramstyle in ("qmark", "numeric") else "%s"
    names: dict[int, str] = {int(i): str(n) for i, n in
                             conn.exec_driver_sql("SELECT id, name FROM institution").all()}
    keys: dict[tuple[object, str, str], tuple[str, str, str]] = {}
    select_sql = (
        "SELECT e.id, e.child_id, e.institution_id, e.level_code, e.classroom, y.year_be, "  # noqa: S608
        "e.deleted_at IS NULL FROM enrollment e JOIN academic_year y ON y.id = e.academic_year_id "
        f"WHERE e.id > {mark} ORDER BY e.id LIMIT {CHUNK}"
    )
    update_sql = (f"UPDATE enrollment SET institution_key = {mark}, level_key = {mark}, "  # noqa: S608
                  f"classroom_key = {mark} WHERE id = {mark}")
    current: dict[int, tuple[int, int, tuple[str, str, str]]] = {}  # child: (year, id, keys)
    last = 0
    while True:
        rows = conn.exec_driver_sql(select_sql, (last,)).all()
        if not rows:
            break
        updates = []
        for id_, child_id, inst_id, level, room, year, live in rows:
            found = keys.get((inst_id, level, room))
            if found is None:
                found = keys[(inst_id, level, room)] = enrolment_sort_keys(
                    names.get(inst_id) or "", level or "", room or "")
            updates.append((*found, id_))
            if live:
                seen = current.get(child_id)
                if seen is None or (year, id_) > seen[:2]:
                    current[child_id] = (year, id_, found)
        conn.exec_driver_sql(update_sql, updates)
        last = rows[-1][0]
    child_sql = (f"UPDATE child SET enrol_institution_key = {mark}, enrol_level_key = {mark}, "  # noqa: S608
                 f"enrol_classroom_key = {mark} WHERE id = {mark}")
    batch: list[tuple[str, str, str, int]] = []
    for child_id in sorted(current):
        batch.append((*current[child_id][2], child_id))
        if len(batch) >= CHUNK:
            conn.exec_driver_sql(child_sql, batch)
            batch = []
    if batch:
        conn.exec_driver_sql(child_sql, batch)


def _fill_households(conn: sa.Connection) -> None:
    mark = "?" if conn.dialect.paramstyle in ("qmark", "numeric") else "%s"
    select_sql = (f"SELECT id, subdistrict, village_no, house_no FROM household WHERE id > {mark} "  # noqa: S608
                  f"ORDER BY id LIMIT {CHUNK}")
    update_sql = (f"UPDATE household SET subdistrict_key = {mark}, village_key = {mark}, "  # noqa: S608
                  f"house_key = {mark} WHERE id = {mark}")
    last = 0
    while True:
        rows = conn.exec_driver_sql(select_sql, (last,)).all()
        if not rows:
            break
        conn.exec_driver_sql(update_sql, [(*household_sort_keys(sub or "", village or "", house or ""), id_)
                                          for id_, sub, village, house in rows])
        last = rows[-1][0]


def upgrade() -> None:
    conn = op.get_bind()
    dialect = conn.dialect.name
    for table, columns in (("enrollment", ENROLMENT_KEYS), ("child", CHILD_KEYS),
                           ("household", HOUSEHOLD_KEYS)):
        for name, length in columns:
            op.add_column(table, sa.Column(name, _key_type(dialect, length), nullable=False,
                                           server_default=""))
    _fill(conn)
    _fill_households(conn)
    for table, indexes in (("child", INDEXES), ("household", HOUSEHOLD_INDEXES)):
        for name, index_columns in indexes:
            op.create_index(name, table, index_columns, unique=False, sqlite_where=LIVE,
                            postgresql_where=LIVE)
    op.create_index("ix_child_live_ident", "child", [sa.text("coalesce(national_id, g_code, '')")],
                    unique=False, sqlite_where=LIVE, postgresql_where=LIVE)


def downgrade() -> None:
    op.drop_index("ix_child_live_ident", table_name="child")
    for table, indexes in (("household", HOUSEHOLD_INDEXES), ("child", INDEXES)):
        for name, _columns in reversed(indexes):
            op.drop_index(name, table_name=table)
    for table, columns in (("household", HOUSEHOLD_KEYS), ("child", CHILD_KEYS),
                           ("enrollment", ENROLMENT_KEYS)):
        for name, _length in reversed(columns):
            op.drop_column(table, name)
