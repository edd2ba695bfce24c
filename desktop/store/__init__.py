"""Storage: SQLAlchemy models, engine, migrations, queries. No Qt."""
