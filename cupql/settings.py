"""Settings: every option has a command-line flag and a `CUPQL_*` environment variable, with safe defaults.

Each option is declared once, as a field made with `cupql.options.option` in one of the groups below
(or `schema.limits.QueryLimits`); `cupql serve` turns every group into flags.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field

from cupql import options
from schema.limits import QueryLimits

DEFAULT_DATABASE_URL = "sqlite:///var/cupql.db"


@dataclass(frozen=True)
class RequestLimits:
    """Bounds on a request's bytes, checked before GraphQL parses anything."""

    max_body_bytes: int = options.option(100_000, "Largest request body, in bytes (larger ones get 413).")
    max_json_depth: int = options.option(32, "Deepest nesting of arrays and objects in a JSON body or variables.")


@dataclass(frozen=True)
class ServerOptions:
    """How uvicorn bounds slow and idle clients (see README, "Running in production")."""

    timeout_keep_alive: int = options.option(5, "Seconds an idle keep-alive connection stays open.")
    timeout_request_headers: int = options.option(
        10, "Seconds a client has to send a request's headers before the connection is closed."
    )
    h11_max_incomplete_event_size: int = options.option(
        16_384, "Largest request line and headers, in bytes (larger ones get 400)."
    )
    limit_concurrency: int = options.option(
        200, "Connections and requests at once per worker; more are answered 503 at once."
    )
    timeout_graceful_shutdown: int = options.option(20, "Seconds a shutdown waits for requests in flight.")


@dataclass(frozen=True)
class ImportOptions:
    """How `cupql load` waits for another import of the same database."""

    import_lock_timeout: float = options.option(
        60.0, "Seconds to wait for another import of the same database to finish before giving up."
    )


@dataclass(frozen=True)
class LogOptions:
    """What the server writes to its log."""

    log_format: str = options.option("auto", "auto (JSON lines unless on a terminal), json or text.")
    log_level: str = options.option("info", "debug, info, warning or error.")


@dataclass(frozen=True)
class Settings:
    """What the server needs to know; defaults suit a public, read-only API."""

    database_url: str = DEFAULT_DATABASE_URL
    production: bool = False
    debug_sql: bool = False
    limits: QueryLimits = field(default_factory=QueryLimits)
    requests: RequestLimits = field(default_factory=RequestLimits)

    @property
    def graphiql(self) -> bool:
        """GraphiQL is served except in production mode."""
        return not self.production

    def to_environment(self) -> dict[str, str]:
        """The `CUPQL_*` variables that `from_environment` reads back."""
        return {
            "CUPQL_DATABASE_URL": self.database_url,
            "CUPQL_PRODUCTION": "1" if self.production else "0",
            "CUPQL_DEBUG_SQL": "1" if self.debug_sql else "0",
            **options.to_environment(self.limits),
            **options.to_environment(self.requests),
        }

    @classmethod
    def from_environment(cls, environ: Mapping[str, str] = os.environ) -> Settings:
        """Settings from `CUPQL_*` variables, defaults for the rest."""
        return cls(
            database_url=environ.get("CUPQL_DATABASE_URL", DEFAULT_DATABASE_URL),
            production=_flag(environ.get("CUPQL_PRODUCTION")),
            debug_sql=_flag(environ.get("CUPQL_DEBUG_SQL")),
            limits=options.from_environment(QueryLimits, environ),
            requests=options.from_environment(RequestLimits, environ),
        )


def _flag(value: str | None) -> bool:
    return (value or "").strip().lower() in {"1", "true", "yes", "on"}
