"""An export's rows read from SQLite (services/exchange_export.py; docs/exchange.md). No Qt.

Two ways, the same bytes on the wire:

- ``wire_rows``: each row read is the wire row's values in the wire's order (times made
  the wire's in SQL), made a dict by the fields' names; the format then writes each dict
  with orjson (canonical.dumps_row);
- ``wire_lines``: SQLite writes each row's canonical JSON itself (``json_object`` with
  the keys in code-point order, cast to a BLOB: the UTF-8 bytes as they are), so Python
  holds one bytes object a row and never builds the dicts. SQLite's JSON writer and
  orjson agree byte for byte on what the rows hold (strings with quotes, backslashes,
  control characters as ``\\b \\f \\n \\r \\t`` or ``\\u00xx`` in lower-case hex, Thai and
  every other character as its UTF-8; integers; ``null``; ``true``/``false`` made by
  ``json()``), which ``json_agrees`` checks on the open connection before an export uses
  it (another SQLite build that wrote otherwise falls back to ``wire_rows``), and
  tests/exchange/test_exchange_sqlite_rows.py checks on tricky rows. A row holding what
  the JSON writer would write otherwise than the format (a time stored in another shape,
  a REAL or a BLOB, an integer beyond ±(2^53 − 1), a boolean not 0/1) is flagged in the
  same SELECT and written through ``wire_rows``'s path (orjson, which refuses what the
  format forbids).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from datetime import date, datetime
from operator import itemgetter
from typing import Any

from sqlalchemy import (
    Connection,
    Integer,
    LargeBinary,
    Select,
    String,
    and_,
    bindparam,
    case,
    cast,
    func,
    literal,
    literal_column,
    not_,
    or_,
    select,
    type_coerce,
)

from desktop.exchange.canonical import MAX_SAFE_INT, dumps_row
from desktop.services.exchange_wire import WireTable

CHUNK = 5_000  # rows read at a time

Finish = Callable[[WireTable, list[Any]], Select[Any]]  # (table, columns) → the query with joins and conditions


def wire_time(stored: str) -> str:
    """SQLite's stored time (``YYYY-MM-DD HH:MM:SS.ffffff`` as SQLAlchemy writes it; a
    raw writer's may lack the fraction or have fewer digits) as the wire's."""
    if len(stored) == 26 and stored[10] == " ":
        return stored[:10] + "T" + stored[11:]
    return datetime.fromisoformat(stored).isoformat(timespec="microseconds")


def _value(t: WireTable, column: str) -> tuple[Any, Any]:
    """A field's value as the wire's (in SQL), and when it is odd (written by Python)."""
    col = t.table.c[column]
    kind = col.type.python_type
    if kind is datetime:
        text = type_coerce(col, String)
        usual = and_(func.length(text) == 26, func.substr(text, 11, 1) == " ")
        value = case((usual, func.substr(text, 1, 10).concat("T").concat(func.substr(text, 12))), else_=text)
        return value, and_(text.is_not(None), not_(usual))
    if kind is date:
        return type_coerce(col, String), None
    if kind is bool:
        number = type_coerce(col, Integer)
        return number, and_(number.is_not(None), number.not_in([0, 1]))
    odd: Any = func.typeof(col).in_(["real", "blob"])
    if kind is int:
        number = type_coerce(col, Integer)
        odd = or_(odd, number > MAX_SAFE_INT, number < -MAX_SAFE_INT)
    return col, odd


def _odd_flag(odd: list[Any]) -> Any:
    return case((or_(*odd), 1), else_=0) if odd else literal(0)


def rows_select(t: WireTable, finish: Finish) -> Select[Any]:
    """The rows of ``t`` (``finish`` adds the references' joins and the conditions), each
    exactly the wire row's values in the wire order, then ``_odd`` and ``_id``. Dates are
    stored as the wire's text; a boolean as 0/1, made ``bool`` in Python."""
    columns, odd = [], []
    for w, c in t.fields:
        value, flag = _value(t, c)
        columns.append(value.label(w))
        if flag is not None and t.table.c[c].type.python_type is datetime:
            odd.append(flag)
    query = finish(t, columns)
    return query.add_columns(_odd_flag(odd).label("_odd"), t.table.c.id.label("_id"))


# the stored shape of a time as SQLAlchemy writes it: YYYY-MM-DD HH:MM:SS.ffffff
_TIME_GLOB = "".join("[0-9]" if c == "d" else c for c in "dddd-dd-dd dd:dd:dd.dddddd")


def _json_value(t: WireTable, column: str) -> tuple[Any, Any]:
    """A field's value for SQLite's JSON writer, and when the row is odd (then written
    through ``rows_select`` and orjson). A text column (TEXT affinity) holds only text or
    NULL (a BLOB would stop json_object: the export fails, as orjson's would); a time
    stored in the usual shape has one space, made the wire's ``T``; an integer column may
    hold a REAL or an integer the format forbids; a boolean is 0 or 1."""
    col = t.table.c[column]
    kind = col.type.python_type
    if kind is datetime:
        text = type_coerce(col, String)
        return func.replace(text, " ", "T"), and_(text.is_not(None), not_(text.op("GLOB")(_TIME_GLOB)))
    if kind is date:
        return type_coerce(col, String), None
    if kind is bool:
        number = type_coerce(col, Integer)
        value = case((number == 1, func.json(literal_column("'true'"))),
                     (number == 0, func.json(literal_column("'false'"))))
        return value, and_(number.is_not(None), number.not_in([0, 1]))
    if kind is int:
        number = type_coerce(col, Integer)
        return col, or_(func.typeof(col) == "real", number > MAX_SAFE_INT, number < -MAX_SAFE_INT)
    return col, None


def lines_select(t: WireTable, finish: Finish) -> Select[Any]:
    """``rows_select``'s rows as SQLite writes them: ``_json`` (the row's canonical JSON,
    text), ``_uuid``, ``_odd``, ``_id``; the references' values come from ``finish``'s
    columns, made JSON here in the same code-point order of keys."""
    refs = {w for w, _c, _t in t.refs}
    own, odd = {}, []
    for w, c in t.fields:
        value, flag = _json_value(t, c)
        own[w] = value
        if flag is not None:
            odd.append(flag)
    query = finish(t, [])  # the references' columns, labelled by their wire names
    ref_columns = {c.name: getattr(c, "element", c) for c in query.selected_columns if c.name in refs}
    pairs: list[Any] = []
    for w in sorted([*own, *refs]):
        pairs += [literal_column(f"'{w}'"), own[w] if w in own else ref_columns[w]]
    return query.with_only_columns(func.json_object(*pairs).label("_json"), t.table.c.uuid.label("_uuid"),
                                   _odd_flag(odd).label("_odd"), t.table.c.id.label("_id"))


def chunks(conn: Connection, t: WireTable, query: Select[Any], at_id: int) -> Iterator[list[Any]]:
    """The rows of ``query`` ``CHUNK`` at a time by id (keyset; the id at ``at_id``)
    through the driver's cursor: plain tuples, no result processing, the statement
    compiled once."""
    stmt = query.where(t.table.c.id > bindparam("_last", 0)).order_by(t.table.c.id).limit(CHUNK)
    compiled = stmt.compile(dialect=conn.dialect, compile_kwargs={"render_postcompile": True})
    names = compiled.positiontup or []
    fixed = compiled.params
    raw = conn.connection.driver_connection
    assert raw is not None
    sql = str(compiled)
    last = 0
    while True:
        chunk = raw.execute(sql, [last if n == "_last" else fixed[n] for n in names]).fetchall()
        if not chunk:
            return
        yield chunk
        last = chunk[-1][at_id]


def _as_dicts(t: WireTable, chunk: Sequence[Any]) -> list[dict[str, Any]]:
    """``rows_select``'s tuples as wire rows: an odd time formatted, booleans made bool."""
    fields = t.all_fields()
    at_odd = len(fields)
    rows = [dict(zip(fields, row, strict=False)) for row in chunk]
    if any(map(itemgetter(at_odd), chunk)):
        times = [w for w, c in t.fields if t.table.c[c].type.python_type is datetime]
        for row, read in zip(rows, chunk, strict=True):
            if read[at_odd]:
                for w in times:
                    if row[w] is not None:
                        row[w] = wire_time(row[w])
    for w in [w for w, c in t.fields if t.table.c[c].type.python_type is bool]:
        for row in rows:
            if row[w] is not None:
                row[w] = bool(row[w])
    return rows


def wire_rows(conn: Connection, t: WireTable, finish: Finish, uuids: list[str]) -> Iterator[dict[str, Any]]:
    """The wire rows of ``t`` as dicts; their uuids appended to ``uuids``."""
    at_id = len(t.all_fields()) + 1
    uuid_of = itemgetter(t.all_fields().index("uuid"))
    for chunk in chunks(conn, t, rows_select(t, finish), at_id):
        uuids.extend(map(uuid_of, chunk))
        yield from _as_dicts(t, chunk)


def wire_lines(conn: Connection, t: WireTable, finish: Finish, uuids: list[str]) -> Iterator[tuple[bytes, int]]:
    """The wire rows of ``t`` in their canonical bytes, ``CHUNK`` rows at a time joined
    by ``\n`` (for payload.EncodedRows: SQLite joins them, so Python holds one bytes
    object a chunk); their uuids appended to ``uuids``. A chunk with a flagged row is read
    again row by row, the flagged ones through ``rows_select`` and written by orjson."""
    rows = lines_select(t, finish).where(t.table.c.id > bindparam("_last", 0)).order_by(t.table.c.id).limit(CHUNK)
    inner = rows.subquery()
    block = select(cast(func.group_concat(inner.c._json, literal_column("char(10)")), LargeBinary),
                   func.group_concat(inner.c._uuid, literal_column("char(10)")),
                   func.max(inner.c._odd), func.max(inner.c._id), func.count())
    compiled = block.compile(dialect=conn.dialect, compile_kwargs={"render_postcompile": True})
    names = compiled.positiontup or []
    fixed = compiled.params
    raw = conn.connection.driver_connection
    assert raw is not None
    sql = str(compiled)
    last = 0
    while True:
        text, ids, odd, top, count = raw.execute(sql, [last if n == "_last" else fixed[n] for n in names]).fetchone()
        if not count:
            return
        uuids.extend(ids.split("\n"))
        if odd:
            text = b"\n".join(_lines_with_odd(conn, t, finish, rows, last))
        yield text, count
        last = top


def _lines_with_odd(conn: Connection, t: WireTable, finish: Finish, rows: Select[Any], last: int) -> list[bytes]:
    chunk = conn.execute(rows, {"_last": last}).tuples().all()
    lines = [row[0].encode("utf-8") for row in chunk]
    odd = [i for i, row in enumerate(chunk) if row[2]]
    ids = [chunk[i][3] for i in odd]
    found = {row[-1]: row for row in conn.execute(rows_select(t, finish).where(t.table.c.id.in_(ids))).tuples()}
    for i, row in zip(odd, _as_dicts(t, [found[i] for i in ids]), strict=True):
        lines[i] = dumps_row(row)
    return lines


# a row that holds every kind of character the JSON writers treat apart
_PROBE = ("".join(map(chr, range(0x20))) + "\"\\/' \x7f\u0080\u00a0ก๏\u2028\u2029\ud7ff\ue000\uffff"
          "\U0001f600 สมชาย \"ใจดี\"\n")


def json_agrees(conn: Connection) -> bool:
    """Whether this connection's SQLite writes JSON exactly as the format (orjson) does,
    on a probe of every character class, integers to ±(2^53 − 1), null and booleans."""
    raw = conn.connection.driver_connection
    assert raw is not None
    return driver_json_agrees(raw)


def driver_json_agrees(raw: Any) -> bool:
    """``json_agrees`` on a DB-API connection (sqlite3's or sqlcipher3's)."""
    values: dict[str, Any] = {"a": _PROBE, "b": MAX_SAFE_INT, "c": -MAX_SAFE_INT, "d": None, "e": "",
                              "f": True, "g": False, "h": 0}
    try:
        got = raw.execute(
            "SELECT CAST(json_object('a', ?, 'b', ?, 'c', ?, 'd', ?, 'e', ?, 'f', json(?), 'g', json(?), "
            "'h', ?) AS BLOB)",
            [_PROBE, MAX_SAFE_INT, -MAX_SAFE_INT, None, "", "true", "false", 0]).fetchone()
    except Exception:  # noqa: BLE001 - no JSON functions in this SQLite: the other way
        return False
    return got is not None and bytes(got[0]) == dumps_row(values)
