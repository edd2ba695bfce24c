"""The export's rows written as JSON by SQLite (services/exchange_sqlite_rows.wire_lines) are
byte for byte what orjson writes of the same rows read as dicts (wire_rows +
canonical.dumps_row): on tricky stored values (Thai, quotes, backslashes, every control
character, DEL, U+2028, emoji, NULL and empty texts, the largest integer the format
allows, dates, a time stored in another shape, a boolean stored as 2), for every table,
whole and incremental; what the format forbids is refused both ways; SQLite's JSON writer
is checked on the open connection (sqlite3's and SQLCipher's), and an export with a
writer that disagrees takes the other path to the same rows."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from centre_wire_kit import add_case_trace, add_case_transfer, add_centre_extras
from office_kit import PROVINCE, TOWN_A, Site, local_office_id, make_site, trust_each_other
from screening_kit import add_grants, make_screened_site
from sqlalchemy import text

from desktop.exchange.canonical import MAX_SAFE_INT, NotCanonical, dumps_row
from desktop.services import exchange_export
from desktop.services.exchange_export import _finish, _Scope, export_bundle
from desktop.services.exchange_import import verify_file
from desktop.services.exchange_sqlite_rows import (
    driver_json_agrees,
    json_agrees,
    wire_lines,
    wire_rows,
)
from desktop.services.exchange_wire import SYNCED

PW = "samoe-test-password"
CONTROLS = "".join(map(chr, range(1, 0x20)))
TRICKY = {
    "first_name": "ด.ญ.\"สมใจ\" \\ใจดี\\",
    "last_name": f"ก{CONTROLS}ข\x7f\u2028\u2029\U0001f600\ue000",
    "first_name_en": "O'Brien \"Jr\" \\ / </script>",
    "last_name_en": "",
}


@pytest.fixture
def town(tmp_path: Path, cheap_wraps: None) -> Iterator[Site]:
    site = make_screened_site(tmp_path / "a.db", *TOWN_A, children=30, seed=5)  # every wire table has rows
    add_grants(site, pay=1)
    add_centre_extras(site)  # rates, a re-check and a referral (issue 12's tables)
    add_case_trace(site)  # a case's tracing visit and photo (issue 13's)
    add_case_transfer(site)  # and a case's transfer (0023)
    yield site
    site.db.dispose()


def _tricky(site: Site) -> None:
    with site.db.session() as s:
        first = "(SELECT min(id) FROM child)"
        s.execute(text(f"UPDATE child SET first_name = :a, last_name = :b, first_name_en = :c, last_name_en = :d, "  # noqa: S608
                       f"g_code = NULL, version = :big, birth_date = '2019-02-28' WHERE id = {first}"),
                  {"a": TRICKY["first_name"], "b": TRICKY["last_name"], "c": TRICKY["first_name_en"],
                   "d": TRICKY["last_name_en"], "big": MAX_SAFE_INT})
        s.execute(text(f"UPDATE child SET deleted_at = '2026-11-02 09:10:11.5', updated_at = '2026-11-01 08:00:00' "  # noqa: S608
                       f"WHERE id = {first} + 1"))
        s.execute(text("UPDATE household SET note = :n, phone = '' WHERE id = (SELECT min(id) FROM household)"),
                  {"n": "บ้านเลขที่ 12/3\nซอย \"ร่มไทร\"\t\\ หลังวัด"})
        s.execute(text("UPDATE child_guardian SET is_primary = 2 WHERE id = (SELECT min(id) FROM child_guardian)"))
        s.execute(text("UPDATE child_guardian SET is_primary = 0 WHERE id = (SELECT max(id) FROM child_guardian)"))


def _both(site: Site, scope: _Scope) -> Iterator[tuple[str, list[bytes], list[bytes], list[str], list[str]]]:
    with site.db.session() as s:
        conn = s.connection()
        for t in SYNCED:
            by_sqlite: list[str] = []
            by_orjson: list[str] = []
            blocks = list(wire_lines(conn, t, _finish(scope), by_sqlite))
            lines = b"\n".join(b for b, _n in blocks).split(b"\n") if blocks else []
            assert sum(n for _b, n in blocks) == len(lines)
            rows = [dumps_row(r) for r in wire_rows(conn, t, _finish(scope), by_orjson)]
            yield t.wire, lines, rows, by_sqlite, by_orjson
        s.rollback()


def test_sqlite_writes_the_rows_orjson_writes(town: Site) -> None:
    _tricky(town)
    office = local_office_id(town.db)
    seen = set()
    for scope in (_Scope(office, 0, True, None), _Scope(office, 0, False, None)):
        for wire, lines, rows, by_sqlite, by_orjson in _both(town, scope):
            assert lines == rows, wire
            assert by_sqlite == by_orjson, wire
            if rows:
                seen.add(wire)
    assert seen == {t.wire for t in SYNCED}
    # the tricky child is among them, each value as written
    [line] = [x for _w, lines, _r, _a, _b in _both(town, _Scope(office, 0, True, None)) for x in lines
              if b"O'Brien" in x]
    assert '"first_name":"ด.ญ.\\"สมใจ\\" \\\\ใจดี\\\\"'.encode() in line
    assert b"\\u0001\\u0002" in line and b"\\b\\t\\n\\u000b\\f\\r" in line and b"\\u001f" in line
    assert f'"version":{MAX_SAFE_INT}'.encode() in line and b'"g_code":null' in line
    assert b'"last_name_en":""' in line and b'"birth_date":"2019-02-28"' in line


@pytest.mark.parametrize(("column", "value"), [("version", MAX_SAFE_INT + 1), ("version", -MAX_SAFE_INT - 1),
                                                ("version", 1.5)])
def test_what_the_format_forbids_is_refused_both_ways(town: Site, column: str, value: Any) -> None:
    office = local_office_id(town.db)
    with town.db.session() as s:
        s.execute(text(f"UPDATE child SET {column} = :v WHERE id = (SELECT max(id) FROM child)"), {"v": value})  # noqa: S608
        conn = s.connection()
        child = SYNCED[2]
        with pytest.raises(NotCanonical):
            list(wire_lines(conn, child, _finish(_Scope(office, 0, True, None)), []))
        with pytest.raises(NotCanonical):
            [dumps_row(r) for r in wire_rows(conn, child, _finish(_Scope(office, 0, True, None)), [])]
        s.rollback()


def test_the_json_writer_is_checked_on_the_connection(town: Site) -> None:
    import sqlite3

    with town.db.session() as s:
        assert json_agrees(s.connection())
    assert driver_json_agrees(sqlite3.connect(":memory:"))
    sqlcipher = pytest.importorskip("sqlcipher3.dbapi2")
    assert driver_json_agrees(sqlcipher.connect(":memory:"))

    class Other:  # a SQLite whose JSON writer escapes otherwise (as \u00XX upper case)
        def execute(self, sql: str, params: list[Any]) -> Any:
            got = sqlite3.connect(":memory:").execute(sql, params).fetchone()
            return type("C", (), {"fetchone": lambda _self: (got[0].replace(b"\\u001f", b"\\u001F"),)})()

    assert not driver_json_agrees(Other())

    class Without:  # no JSON functions at all
        def execute(self, sql: str, params: list[Any]) -> Any:
            raise sqlite3.OperationalError("no such function: json_object")

    assert not driver_json_agrees(Without())


def test_an_export_without_sqlites_json_carries_the_same_rows(
        town: Site, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _tricky(town)
    province = make_site(tmp_path / "p.db", *PROVINCE, "province")
    try:
        trust_each_other(province, town)
        with town.db.session() as s:
            export_bundle(s, tmp_path / "json.samoe", password=PW, full=True)
            s.rollback()  # the same sequence again
        monkeypatch.setattr(exchange_export, "json_agrees", lambda _conn: False)
        with town.db.session() as s:
            export_bundle(s, tmp_path / "dicts.samoe", password=PW, full=True)
        got = []
        for name in ("json.samoe", "dicts.samoe"):
            with province.db.session() as s:
                check = verify_file(s, tmp_path / name, password=PW)
                assert check.verified is not None
                got.append(list(check.verified.rows()))
        assert got[0] == got[1] and len(got[0]) > 100
    finally:
        province.db.dispose()


def test_sqlciphers_sqlite_writes_the_same_rows(town: Site) -> None:
    """An encrypted database is read by SQLCipher's own SQLite (3.53 here, sqlite3's is
    3.40): its JSON writer gives the same bytes on the same tricky rows."""
    from sqlalchemy import create_engine

    sqlcipher = pytest.importorskip("sqlcipher3.dbapi2")
    _tricky(town)
    office = local_office_id(town.db)
    engine = create_engine(f"sqlite:///{town.path}", module=sqlcipher)  # a plain file opens without a key
    try:
        with engine.connect() as conn:
            assert conn.connection.driver_connection.__class__.__module__.startswith("sqlcipher3")
            assert json_agrees(conn)
            for t in SYNCED:
                scope = _Scope(office, 0, True, None)
                blocks = list(wire_lines(conn, t, _finish(scope), []))
                lines = b"\n".join(b for b, _n in blocks).split(b"\n") if blocks else []
                assert lines == [dumps_row(r) for r in wire_rows(conn, t, _finish(scope), [])], t.wire
                assert lines, t.wire
    finally:
        engine.dispose()
