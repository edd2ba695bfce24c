"""The columns a clerk left out on the mapping step (an ID-like column said "not imported")
are remembered with the layout's mapping, so the same layout does not ask again."""

from __future__ import annotations

import json

from desktop.services import imports
from desktop.store.db import Database
from desktop.store.models import Setting

HEADERS = ["ชื่อ", "นามสกุล", "เพศ", "วันเกิด", "เลขประจำตัวประชาชน", "บัตรแม่"]


def test_ignored_columns_are_remembered_with_the_mapping(office_db: Database) -> None:
    with office_db.reader() as s:
        mapping = imports.suggest_mapping(s, HEADERS)
        assert imports.remembered_ignored(s, HEADERS) == set()  # nothing remembered yet
    with office_db.session() as s:
        imports.remember_mapping(s, HEADERS, mapping, ignored={5})
    with office_db.reader() as s:
        assert imports.suggest_mapping(s, HEADERS) == mapping
        assert imports.remembered_ignored(s, HEADERS) == {5}
        # the same layout spelt with other spacing; another layout does not
        assert imports.remembered_ignored(s, [" ชื่อ", *HEADERS[1:]]) == {5}
        assert imports.remembered_ignored(s, HEADERS[:-1]) == set()
    with office_db.session() as s:  # the clerk maps it next time: no longer ignored
        imports.remember_mapping(s, HEADERS, {**mapping, 5: "guardian_national_id"})
    with office_db.reader() as s:
        assert imports.remembered_ignored(s, HEADERS) == set()


def test_a_damaged_or_older_remembered_layout_ignores_nothing(office_db: Database) -> None:
    key = imports.mapping_key(HEADERS)
    for value in ('{"mapping": {"0": "first_name"}}',  # remembered before ignored columns were
                  '{"mapping": {}, "ignored": [99, -1, "x"]}', '{"ignored": 5}', "not json"):
        with office_db.session() as s:
            stored = s.get(Setting, key)
            if stored is None:
                s.add(Setting(key=key, value=value))
            else:
                stored.value = value
        with office_db.reader() as s:
            assert imports.remembered_ignored(s, HEADERS) == set(), value
    with office_db.session() as s:
        imports.remember_mapping(s, HEADERS, {0: "first_name"}, ignored=[5, 5, 4])
        assert json.loads(s.get(Setting, key).value)["ignored"] == [4, 5]  # type: ignore[union-attr]


def test_the_cli_leaves_out_what_the_window_left_out(office_db: Database, tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    from desktop.cli import main
    from desktop.domain.identity import make_national_id
    from desktop.reports.sheets import write_csv
    from desktop.store.db import sqlite_path

    path = tmp_path / "kids.csv"
    kids = [["ภูผา", "ทดลองจำ", "ชาย", "15/08/2563"], ["ธารา", "ทดลองจำ", "หญิง", "01/02/2564"]]
    write_csv(path, HEADERS, [[*k, make_national_id(f"11039{i:07d}"), make_national_id(f"33019{i:07d}")]
                              for i, k in enumerate(kids)])
    db = str(sqlite_path(office_db.url))
    assert main(["--db", db, "import", "children", str(path), "--dry-run"]) == 1  # asks
    capsys.readouterr()
    with office_db.session() as s:
        imports.remember_mapping(s, HEADERS, imports.suggest_mapping(s, HEADERS), ignored={5})
    code = main(["--db", db, "import", "children", str(path), "--dry-run"])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert "ถูกต้อง 2 แถว" in out
