"""Alembic environment: Samoe always runs migrations in-process (see store/migrate.py)."""

from __future__ import annotations

from alembic import context

from desktop.store.models import Base

config = context.config
connection = config.attributes.get("connection")
if connection is None:  # pragma: no cover - only through desktop.store.migrate
    raise RuntimeError("run migrations through desktop.store.migrate (samoe db upgrade)")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    transaction_per_migration=True,
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
