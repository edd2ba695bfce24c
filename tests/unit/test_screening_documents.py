"""The screenings page's lists (issue 11) as rows, PDF and spreadsheet: the screened list by
status and institution, who is not screened yet this term, households with no photo or no
position, and the term's dashboard per institution. What the window shows (filter, search,
sort) is what prints and exports; the PDFs read back in the five readers and LibreOffice
opens the .xlsx; printing needs ``report``, exporting ``export``."""

from __future__ import annotations

import csv
import subprocess
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from actors import EVERY_ROLE, actor_with
from needs import require_tool
from pdf_readers import READERS, read_pages, squeeze
from sqlalchemy import select

from desktop.domain.roles import Role
from desktop.domain.sort_keys import natural_sort_key
from desktop.services.access import NotPermitted, sign_in
from desktop.services.demo import fill_demo
from desktop.services.reports import ReportOptions
from desktop.services.screening_documents import (
    HEADERS,
    KINDS,
    LANDSCAPE,
    ListQuery,
    export_list,
    list_pdf,
    list_rows,
    totals,
)
from desktop.services.screening_list import term_dashboard
from desktop.store.db import Database
from desktop.store.screening_state import Screening

TODAY = date(2026, 11, 30)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    from desktop.services.office import init_office
    from desktop.store import migrate

    tmp = tmp_path_factory.mktemp("screening-lists")
    db = Database.open(tmp / "samoe.db")
    sign_in(db, EVERY_ROLE)
    migrate.upgrade(db)
    with db.session() as s:
        init_office(s, name="เทศบาลตำบลทดสอบ", code="9999999", province="นครราชสีมา")
    fill_demo(db.engine, children=400, seed=4, today=TODAY, screenings=True)
    with db.session() as s:  # some screened households lose their position: the follow-up list has them
        for screening in s.scalars(select(Screening).order_by(Screening.id).limit(5)):
            screening.lat_e6 = screening.lon_e6 = None
    yield db
    db.dispose()


@pytest.fixture(autouse=True)
def everyone(demo: Database) -> None:
    sign_in(demo, EVERY_ROLE)


def q(kind: str, **kw: object) -> ListQuery:
    return ListQuery(kind, year_be=2569, term=1, **kw)  # type: ignore[arg-type]


def test_the_four_lists_add_up(demo: Database) -> None:
    with demo.reader() as s:
        counts = term_dashboard(s, 2569, 1)
        screened = list_rows(s, q("screened"))
        unscreened = list_rows(s, q("unscreened"))
        no_photo_gps = list_rows(s, q("no_photo_gps"))
        dashboard = list_rows(s, q("dashboard"))
    assert len(screened) == sum(c.screened for c in counts) > 0
    assert len(unscreened) == sum(c.enrolled - c.screened for c in counts) > 0
    assert len(no_photo_gps) >= 5 and all("พิกัด" in str(r.cells[4]) or "รูป" in str(r.cells[4])
                                          for r in no_photo_gps)
    assert {r.uuid for r in unscreened}.isdisjoint({r.uuid for r in no_photo_gps})
    assert [r.cells[0] for r in dashboard] == [c.institution for c in counts]
    total = totals(dashboard)
    assert total[0] == "รวม" and total[2] == len(screened)
    assert all(len(r.cells) == len(HEADERS[kind]) for kind, rows in
               (("screened", screened), ("unscreened", unscreened), ("no_photo_gps", no_photo_gps),
                ("dashboard", dashboard)) for r in rows)


def test_filter_search_and_sort_as_the_window(demo: Database) -> None:
    with demo.reader() as s:
        every = list_rows(s, q("screened"))
        school = every[0].cells[2]
        one_school = list_rows(s, q("screened", institution=school))
        certified = list_rows(s, q("screened", status="certified"))
        first = str(every[3].cells[1]).split()[0]
        found = list_rows(s, q("screened", search=first))
        by_name = list_rows(s, q("screened", sort=(1, True)))
        by_score = list_rows(s, q("screened", sort=(7, False)))
        level = str(list_rows(s, q("unscreened"))[0].cells[2])
        one_level = list_rows(s, q("unscreened", level=level))
    assert 0 < len(one_school) < len(every) and {r.cells[2] for r in one_school} == {school}
    assert 0 < len(certified) < len(every) and {r.cells[5] for r in certified} == {"รับรองแล้ว"}
    assert found and all(first in str(r.cells[1]) for r in found)
    names = [str(r.cells[1]) for r in by_name]
    assert names == sorted(names, key=natural_sort_key, reverse=True)
    scores = [r.cells[7] for r in by_score if r.cells[7] is not None]
    assert scores == sorted(scores)
    assert one_level and {r.cells[2] for r in one_level} == {level}


def test_no_term_no_follow_up(demo: Database) -> None:
    with demo.reader() as s:
        assert list_rows(s, ListQuery("unscreened")) == []
        assert list_rows(s, ListQuery("dashboard")) == []
        assert len(list_rows(s, ListQuery("screened"))) == len(list_rows(s, q("screened")))


def test_printing_and_exporting_need_their_rights(demo: Database, tmp_path: Path) -> None:
    sign_in(demo, actor_with(Role.CERTIFIER))  # reads the registry, neither prints nor exports
    with demo.reader() as s:
        assert list_rows(s, q("dashboard"))
        with pytest.raises(NotPermitted):
            list_pdf(s, q("dashboard"), tmp_path / "d.pdf")
        with pytest.raises(NotPermitted):
            export_list(s, q("dashboard"), tmp_path / "d.xlsx")
    sign_in(demo, actor_with(Role.TEACHER))  # the follow-up lists are the registry's
    with demo.reader() as s, pytest.raises(NotPermitted):
        list_rows(s, q("unscreened"))
    assert not (tmp_path / "d.pdf").exists() and not (tmp_path / "d.xlsx").exists()


@pytest.fixture(scope="module")
def printed(demo: Database, tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, list[str]]]:
    sign_in(demo, EVERY_ROLE)
    tmp = tmp_path_factory.mktemp("screening-list-pdfs")
    out: dict[str, tuple[Path, list[str]]] = {}
    with demo.reader() as s:
        for kind in KINDS:
            query = q(kind, sort=(0, False)) if kind != "screened" else q(kind, status="certified", sort=(1, False))
            rows = list_rows(s, query)
            words = [*HEADERS[kind][:3], *(str(r.cells[0 if kind != "screened" else 1]) for r in rows[:4])]
            path = tmp / f"{kind}.pdf"
            pages = list_pdf(s, query, path, ReportOptions(landscape=kind in LANDSCAPE, today=TODAY))
            assert pages >= 1
            out[kind] = (path, words)
    return out


@pytest.mark.parametrize("reader", list(READERS))
def test_the_lists_read_back_in_every_reader(printed: dict[str, tuple[Path, list[str]]], reader: str) -> None:
    for kind, (path, words) in printed.items():
        text = squeeze("".join(read_pages(reader, path)))
        missing = [w for w in words if squeeze(w) not in text]
        assert missing == [], (reader, kind, missing)


def test_libreoffice_opens_the_exports(demo: Database, tmp_path: Path) -> None:
    soffice = require_tool("soffice", "apt-get install libreoffice-calc-nogui")
    shown: dict[str, list[list[str]]] = {}
    with demo.reader() as s:
        expected = {kind: list_rows(s, q(kind, sort=(0, False))) for kind in ("unscreened", "dashboard")}
        for kind in expected:
            path = tmp_path / f"{kind}.xlsx"
            written = export_list(s, q(kind, sort=(0, False)), path)
            assert written == len(expected[kind]) + (kind == "dashboard")
            profile = tmp_path / "profile"
            subprocess.run([soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
                            "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76", "--outdir", str(tmp_path),
                            str(path)], check=True, capture_output=True, timeout=180)
            with (tmp_path / f"{kind}.csv").open(encoding="utf-8", newline="") as fh:
                shown[kind] = [row for row in csv.reader(fh) if any(row)]
    rows = shown["unscreened"]
    header = next(i for i, r in enumerate(rows) if r[:2] == list(HEADERS["unscreened"][:2]))
    assert [r[0] for r in rows[header + 1:]] == [str(r.cells[0]) for r in expected["unscreened"]]
    dash = shown["dashboard"]
    assert dash[-1][0] == "รวม" and int(dash[-1][2]) == sum(int(r.cells[2] or 0) for r in expected["dashboard"])


def test_a_csv_export_too(demo: Database, tmp_path: Path) -> None:
    with demo.reader() as s:
        rows = list_rows(s, q("screened", status="certified"))
        assert export_list(s, replace(q("screened"), status="certified"), tmp_path / "l.csv") == len(rows)
    text = (tmp_path / "l.csv").read_text(encoding="utf-8-sig")
    assert "ชื่อ-สกุล" in text and str(rows[0].cells[1]) in text
