"""Throw-away databases loaded with the bundled season: a SQLite file in a temp dir, a PostgreSQL schema."""

from __future__ import annotations

import contextlib
import secrets
import sqlite3
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import psycopg
from psycopg import sql
from sqlalchemy.engine import make_url

from cupql.loading import bundled_articles, load


@dataclass(frozen=True)
class Database:
    """A loaded database: its kind (`sqlite`, `postgresql`), the URL cupql takes, and the server's version."""

    kind: str
    url: str
    version: str


def load_bundled(url: str) -> None:
    """Load the bundled season into `url` (the importer's report is not printed)."""
    load(url, bundled_articles(), strict=False, echo=lambda _line: None, progress=False)


@contextlib.contextmanager
def sqlite_database() -> Iterator[Database]:
    """A fresh SQLite file in a temporary directory, removed afterwards."""
    with tempfile.TemporaryDirectory(prefix="cupql-bench-") as directory:
        url = f"sqlite:///{Path(directory) / 'bench.db'}"
        load_bundled(url)
        yield Database("sqlite", url, sqlite3.sqlite_version)


def _libpq_url(url: str) -> str:
    """`url` as psycopg takes it (no SQLAlchemy driver suffix)."""
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


@contextlib.contextmanager
def postgres_database(server_url: str) -> Iterator[Database]:
    """A dedicated `cupql_bench_<random>` schema on `server_url`, dropped afterwards whatever happens."""
    schema = f"cupql_bench_{secrets.token_hex(4)}"
    admin_url = _libpq_url(server_url)
    with psycopg.connect(admin_url, autocommit=True) as admin:
        admin.execute(sql.SQL("CREATE SCHEMA {}").format(sql.Identifier(schema)))
        version = str(admin.execute("SHOW server_version").fetchone()[0])  # type: ignore[index]
    try:
        url = make_url(server_url).update_query_dict({"options": f"-csearch_path={schema}"})
        database_url = url.render_as_string(hide_password=False)
        load_bundled(database_url)
        yield Database("postgresql", database_url, version)
    finally:
        with psycopg.connect(admin_url, autocommit=True) as admin:
            admin.execute(sql.SQL("DROP SCHEMA IF EXISTS {} CASCADE").format(sql.Identifier(schema)))
