"""Test users: who the tests work as.

Every Database a test opens works as ``EVERY_ROLE`` (tests/conftest.py), so the tests
written before users existed keep calling the services; a test of permissions signs in
someone else (``sign_in(db, actor_with(Role.TEACHER))``) or no one (``sign_out(db)``).
``SAMOE_PASSWORD`` is ``TEST_PASSWORD`` in every test, so ``samoe`` commands log in as
``admin`` without a prompt once the database has that user (``add_test_admin``, or
``samoe init``/``demo`` on a new file, which make the first administrator).
"""

from __future__ import annotations

from desktop.domain.roles import Role
from desktop.services.access import Actor, Grant
from desktop.store.db import Database

TEST_PASSWORD = "samoe-test-password"
EVERY_ROLE = Actor(0, "tester", "ผู้ทดสอบ", tuple(Grant(role) for role in Role))


def actor_with(*roles: Role, institution_id: int | None = None, name: str = "someone") -> Actor:
    return Actor(0, name, "", tuple(Grant(role, institution_id) for role in roles))


def add_test_admin(db: Database, name: str = "admin", password: str = TEST_PASSWORD) -> Actor:
    """The first administrator (also a clerk), as ``samoe init`` makes them."""
    from desktop.services.users import create_first_admin

    return create_first_admin(db, name, password)
