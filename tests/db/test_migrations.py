"""The Alembic migrations create exactly the schema the models describe, on SQLite and PostgreSQL."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect

from db.engine import sync_engine
from db.migrate import upgrade
from db.models import Base


def test_upgrading_an_empty_database_matches_the_models(empty_database_url: str) -> None:
    engine = sync_engine(empty_database_url)
    try:
        upgrade(engine)
        upgrade(engine)  # a second upgrade is a no-op
        with engine.connect() as connection:
            differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
            tables = set(inspect(connection).get_table_names())
    finally:
        engine.dispose()
    assert differences == []
    assert {"seasons", "matches", "goals", "cards", "players", "ties", "standings", "alembic_version"} <= tables
