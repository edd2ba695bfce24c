"""Shared fixtures. Qt runs offscreen: set before anything imports Qt."""

from __future__ import annotations

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.setdefault("SAMOE_HOME", os.path.join(os.path.dirname(__file__), "..", ".pytest-home"))

from collections.abc import Iterator  # noqa: E402
from datetime import date  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from desktop.store import migrate  # noqa: E402
from desktop.store.db import Database  # noqa: E402

TODAY = date(2026, 11, 24)


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test touches the user's real data directory or database."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("SAMOE_HOME", str(home))
    monkeypatch.delenv("SAMOE_DB", raising=False)


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    """A migrated, empty database file."""
    database = Database.open(tmp_path / "samoe.db")
    migrate.upgrade(database)
    yield database
    database.dispose()


@pytest.fixture
def office_db(db: Database) -> Database:
    """A migrated database with this office set up."""
    from desktop.services.office import init_office

    with db.session() as session:
        init_office(session, name="เทศบาลตำบลทดสอบ", code="9999999", province="นครราชสีมา")
    return db


@pytest.fixture
def demo_db(db: Database) -> Database:
    """A database with 300 demo children (seed 3)."""
    from desktop.services.demo import fill_demo

    fill_demo(db.engine, children=300, seed=3, today=TODAY)
    return db
