"""Integrity checks (``samoe db check``)."""

from __future__ import annotations

from sqlalchemy import Engine, text


def check_database(engine: Engine) -> list[str]:
    """Problems found (empty when the database is sound)."""
    problems: list[str] = []
    with engine.connect() as conn:
        if engine.dialect.name == "sqlite":
            rows = [r[0] for r in conn.exec_driver_sql("PRAGMA integrity_check")]
            if rows != ["ok"]:
                problems.extend(f"integrity: {r}" for r in rows)
            for table, rowid, parent, _fk in conn.exec_driver_sql("PRAGMA foreign_key_check"):
                problems.append(f"foreign key: {table} row {rowid} points to a missing {parent}")
            has_fts = conn.execute(
                text("SELECT 1 FROM sqlite_master WHERE name = 'child_fts'")
            ).first()
            if has_fts:
                try:
                    conn.exec_driver_sql(
                        "INSERT INTO child_fts(child_fts, rank) VALUES ('integrity-check', 1)"
                    )
                except Exception as exc:  # noqa: BLE001 - reported, not raised
                    problems.append(f"search index: {exc}")
                conn.rollback()
    return problems
