"""Shared fixtures. Qt runs offscreen: set before anything imports Qt."""

from __future__ import annotations

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.setdefault("SAMOE_HOME", os.path.join(os.path.dirname(__file__), "..", ".pytest-home"))
# ``samoe`` in a test logs in without a prompt (tests/actors.py TEST_PASSWORD), also in the
# processes that module-scoped fixtures start before the per-test fixtures run
os.environ.setdefault("SAMOE_PASSWORD", "samoe-test-password")
# new databases are plain unless a test asks for encryption (desktop/cli_keys.py; the
# encrypted flows: tests/unit/test_cipher*.py)
os.environ.setdefault("SAMOE_NO_ENCRYPTION", "1")

from collections.abc import Iterator  # noqa: E402
from datetime import date  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from desktop.store import migrate  # noqa: E402
from desktop.store.db import Database  # noqa: E402

TODAY = date(2026, 11, 24)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]):  # type: ignore[no-untyped-def]
    """Under CI=true a skipped test fails: CI must not pass by testing less.

    The test command installs every tool the tests need (tests/needs.py); a test that may
    honestly skip in CI says so with ``@pytest.mark.may_skip``.
    """
    outcome = yield
    report = outcome.get_result()
    from needs import in_ci

    expected_failure = hasattr(report, "wasxfail")  # an xfail is reported as skipped
    if report.skipped and not expected_failure and in_ci() and item.get_closest_marker("may_skip") is None:
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
        report.outcome = "failed"
        report.longrepr = f"CI=true: a skipped test counts as a failure here: {reason}"


@pytest.fixture(autouse=True)
def _core_language_thai() -> Iterator[None]:
    """A test that starts the window in English (make_app(lang="en")) must not leave the
    core's language English for the tests after it."""
    from desktop import i18n

    yield
    i18n.set_language("th")


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test touches the user's real data directory or database."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("SAMOE_HOME", str(home))
    monkeypatch.delenv("SAMOE_DB", raising=False)


@pytest.fixture(autouse=True)
def _signed_in(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every Database a test opens works as a user with every role (tests/actors.py), the
    password hashes are cheap (the real settings: tests/unit/test_access.py and
    tests/bench/bench_login.py), and ``samoe`` finds its password in ``SAMOE_PASSWORD``."""
    from actors import EVERY_ROLE, TEST_PASSWORD
    from argon2 import PasswordHasher

    from desktop.services import access

    original = Database.__post_init__

    def post_init(self: Database) -> None:
        original(self)
        if self.actor is None:
            self.set_actor(EVERY_ROLE)

    monkeypatch.setattr(Database, "__post_init__", post_init)
    monkeypatch.setattr(access, "HASHER", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))
    monkeypatch.setenv("SAMOE_PASSWORD", TEST_PASSWORD)


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
    from actors import add_test_admin

    from desktop.services.office import init_office

    with db.session() as session:
        init_office(session, name="เทศบาลตำบลทดสอบ", code="9999999", province="นครราชสีมา")
    add_test_admin(db)  # ``samoe --db`` on it logs in as admin (SAMOE_PASSWORD)
    return db


@pytest.fixture
def demo_db(db: Database) -> Database:
    """A database with 300 demo children (seed 3)."""
    from desktop.services.demo import fill_demo

    fill_demo(db.engine, children=300, seed=3, today=TODAY)
    return db


@pytest.fixture
def cheap_wraps(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Argon2id at its cheapest for the keyring's wraps, and no database key remembered
    from another test (before and after)."""
    from desktop.store import cipher

    monkeypatch.setattr(cipher, "ARGON2_TIME_COST", 1)
    monkeypatch.setattr(cipher, "ARGON2_MEMORY_KIB", 1024)
    cipher._keys.clear()
    yield
    cipher._keys.clear()


@pytest.fixture
def encrypting(cheap_wraps: None, monkeypatch: pytest.MonkeyPatch) -> None:
    """New databases encrypted (the suite makes them plain: SAMOE_NO_ENCRYPTION), no
    recovery key from the environment, cheap wraps. A test file asks for it with
    ``pytestmark = pytest.mark.usefixtures("encrypting")``."""
    monkeypatch.delenv("SAMOE_NO_ENCRYPTION", raising=False)
    monkeypatch.delenv("SAMOE_RECOVERY_KEY", raising=False)


@pytest.fixture(scope="module")
def pg_url() -> Iterator[str]:
    """A PostgreSQL database for a module's tests: ``SAMOE_TEST_PG_URL``, or a throwaway
    cluster owned by the run (tests/pg_cluster.py). Skipped without a server, which under
    CI=true fails (conftest's report hook)."""
    from pg_cluster import server_bin, throwaway_cluster

    url = os.environ.get("SAMOE_TEST_PG_URL", "")
    if url:
        yield url
        return
    pytest.importorskip("psycopg", reason="pip psycopg (the postgres extra)")
    if server_bin() is None:
        pytest.skip("no PostgreSQL server (apt postgresql) and SAMOE_TEST_PG_URL is not set")
    with throwaway_cluster() as url:
        yield url
