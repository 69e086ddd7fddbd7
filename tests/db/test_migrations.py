"""The Alembic migrations create exactly the schema the models describe, on SQLite and PostgreSQL."""

from __future__ import annotations

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect, text

from db.engine import sync_engine
from db.migrate import alembic_config, upgrade
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


def test_upgrading_a_0002_database_keeps_its_data_and_fills_the_new_columns(empty_database_url: str) -> None:
    engine = sync_engine(empty_database_url)
    try:
        command.upgrade(alembic_config(engine), "0002")
        with engine.begin() as connection:
            for statement in (
                "INSERT INTO competitions (id, name, country) VALUES ('cup', 'Cup', 'Land')",
                "INSERT INTO clubs (id, name, sort_name) VALUES ('khan-tengri', 'Khan-Tengri', 'khan-tengri')",
                "INSERT INTO clubs (id, name, sort_name) VALUES ('aksu', 'Aksu', 'aksu')",
                "INSERT INTO seasons (id, competition_id, year, name, source) VALUES ('cup/2024', 'cup', 2024, "
                "'2024 Cup', 'a.txt')",
                "INSERT INTO club_entries (id, season_id, club_id, league_attribution) VALUES "
                "('cup/2024/khan-tengri', 'cup/2024', 'khan-tengri', 'UNKNOWN')",
                "INSERT INTO matches (id, season_id, round, date, home_id, away_id, home_score, away_score, line) "
                "VALUES ('m1', 'cup/2024', 'FINAL', '2024-09-29', 'khan-tengri', 'aksu', 1, 2, 10)",
            ):
                connection.execute(text(statement))
        upgrade(engine)
        with engine.connect() as connection:
            entry = connection.execute(text("SELECT name, sort_name FROM club_entries")).one()
            match = connection.execute(text("SELECT winner_id, awarded, walkover, home_score FROM matches")).one()
    finally:
        engine.dispose()
    assert tuple(entry) == ("Khan-Tengri", "khan-tengri")
    assert tuple(match) == ("aksu", False, False, 1)
