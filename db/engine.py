"""Engines and sessions for the URLs users write (`sqlite:///cupql.db`, `postgresql://user@host/db`)."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, NullPool, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine

_DRIVERS = {
    ("sqlite", False): "sqlite",
    ("sqlite", True): "sqlite+aiosqlite",
    ("postgresql", False): "postgresql+psycopg",
    ("postgresql", True): "postgresql+psycopg",
}


class DatabaseURLError(ValueError):
    """The database URL names an engine cupql does not support, or cannot be read."""


def resolve_url(url: str, *, asynchronous: bool) -> URL:
    """The SQLAlchemy URL, with the driver cupql uses, for a URL as a user writes it."""
    try:
        parsed = make_url(url)
    except Exception as error:
        raise DatabaseURLError(f"cannot read the database URL {url!r}: {error}") from None
    backend = parsed.get_backend_name()
    if backend == "postgres":
        backend = "postgresql"
    driver = _DRIVERS.get((backend, asynchronous))
    if driver is None:
        raise DatabaseURLError(f"unsupported database {backend!r}: use sqlite:///PATH or postgresql://USER@HOST/DB")
    resolved = parsed.set(drivername=driver)
    if backend == "sqlite" and resolved.database and resolved.database != ":memory:":
        Path(resolved.database).parent.mkdir(parents=True, exist_ok=True)
    return resolved


def _enable_sqlite_foreign_keys(engine: Engine) -> None:
    if engine.dialect.name != "sqlite":
        return

    @event.listens_for(engine, "connect")
    def _on_connect(connection: object, _record: object) -> None:
        cursor = connection.cursor()  # type: ignore[attr-defined]
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()


def sync_engine(url: str) -> Engine:
    """A blocking engine, for the importer and migrations."""
    engine = create_engine(resolve_url(url, asynchronous=False))
    _enable_sqlite_foreign_keys(engine)
    return engine


def async_engine(url: str, *, pool_size: int) -> AsyncEngine:
    """An asyncio engine, for the server: it only reads, so it runs in autocommit mode.

    No transaction is opened for it and no ping precedes a checkout; each request begins its own read transaction
    by hand (`resolvers.database`), so that every statement of a request reads one snapshot of one import. A
    connection broken by a database restart fails one statement, and SQLAlchemy then replaces every pooled
    connection.
    """
    resolved = resolve_url(url, asynchronous=True)
    engine = create_async_engine(resolved, isolation_level="AUTOCOMMIT", pool_size=pool_size)
    _enable_sqlite_foreign_keys(engine.sync_engine)
    return engine


def unpooled_async_engine(url: str) -> AsyncEngine:
    """An asyncio engine that opens a connection for each use and keeps none: for rare reads beside the server's
    pool, which must not wait for it."""
    engine = create_async_engine(resolve_url(url, asynchronous=True), poolclass=NullPool)
    _enable_sqlite_foreign_keys(engine.sync_engine)
    return engine
