"""Dedicated PostgreSQL databases for one bench run, created from an admin URL and dropped afterwards."""

from __future__ import annotations

import contextlib
import secrets
from collections.abc import Iterator

import psycopg
from psycopg import sql
from sqlalchemy.engine import make_url

DEFAULT_SERVER_URL = "postgresql://postgres@127.0.0.1:5432/test"


def libpq_url(url: str) -> str:
    """`url` as psycopg and node-postgres take it (no SQLAlchemy driver suffix)."""
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


def server_version(server_url: str) -> str:
    with psycopg.connect(libpq_url(server_url), autocommit=True) as admin:
        return str(admin.execute("SHOW server_version").fetchone()[0])  # type: ignore[index]


@contextlib.contextmanager
def dedicated_database(server_url: str, purpose: str, *, keep: bool = False) -> Iterator[str]:
    """A new, empty `cupql_bench_<purpose>_<random>` database on the server of `server_url`; its URL.

    It is dropped afterwards (even when the run fails) unless `keep`; connections still open are ended first.
    """
    name = f"cupql_bench_{purpose}_{secrets.token_hex(3)}"
    admin_url = libpq_url(server_url)
    with psycopg.connect(admin_url, autocommit=True) as admin:
        admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    try:
        yield make_url(admin_url).set(database=name).render_as_string(hide_password=False)
    finally:
        if not keep:
            with psycopg.connect(admin_url, autocommit=True) as admin:
                admin.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
