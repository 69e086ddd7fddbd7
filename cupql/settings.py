"""Settings: every option is declared once, here, and becomes a command-line flag and a `CUPQL_*` variable.

A field with a ``help`` in its metadata is a setting: ``cache_max_bytes`` is ``--cache-max-bytes`` and
``CUPQL_CACHE_MAX_BYTES``; a boolean ``cache`` is ``--cache/--no-cache``. The query limits are declared the same
way on ``QueryLimits``. Defaults suit a public, read-only API.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from football.limits import QueryLimits
from schema.documents import PreparedDocuments

DEFAULT_DATABASE_URL = "sqlite:///var/cupql.db"


def setting(default: Any, help: str) -> Any:
    """A dataclass field that is also a command-line flag and a `CUPQL_*` variable."""
    return field(default=default, metadata={"help": help})


@dataclass(frozen=True)
class Settings:
    """What the server needs to know; defaults suit a public, read-only API."""

    database_url: str = setting(DEFAULT_DATABASE_URL, "sqlite:///PATH or postgresql://USER@HOST:PORT/DB")
    # Where and how `cupql serve` listens.
    host: str = setting("127.0.0.1", "Interface to listen on.")
    port: int = setting(8000, "Port to listen on.")
    workers: int = setting(1, "Worker processes.")
    # How `cupql load` judges an article.
    strict: bool = setting(False, "Refuse the import on any disagreement.")
    lenient: bool = setting(
        False, "Skip match lines that cannot be read, listing each in the report, instead of refusing the article."
    )
    production: bool = setting(
        False, "Production profile: no introspection, field suggestions or GraphiQL; GET needs a preflight header."
    )
    debug_sql: bool = setting(False, "Count SQL statements per response (turns the response cache off).")
    compile: bool = setting(True, "Run the queries the plan compiler covers as compiled plans (schema.compiled).")
    pool_size: int = setting(10, "Database connections each worker keeps open (up to as many more under load).")
    cache: bool = setting(True, "Cache whole responses until the next import.")
    cache_max_bytes: int = setting(64 * 1024 * 1024, "Memory the response cache may hold, in bytes.")
    cache_refresh_seconds: float = setting(
        1.0, "How often each worker checks the data version: the longest it serves responses older than an import."
    )
    cache_control: str = setting("public, max-age=5", "Cache-Control of successful GET responses.")
    document_cache_max_bytes: int = setting(
        PreparedDocuments.MAX_BYTES, "Memory the cache of parsed and validated documents may hold, in bytes."
    )
    persisted_queries_max_bytes: int = setting(
        8 * 1024 * 1024, "Memory the automatic persisted queries may hold, in bytes (least recently used go first)."
    )
    # Any origin may read a public, read-only API: no cookies or credentials are ever involved.
    cors_origins: str = setting(
        "*", "Origins browser apps may call the API from, separated by commas; * for any, '' for none."
    )
    # Bounds on a request's bytes, checked before GraphQL parses anything (cupql.middleware, cupql.http).
    max_body_bytes: int = setting(100_000, "Largest request body, in bytes (larger ones get 413).")
    max_json_depth: int = setting(32, "Deepest nesting of arrays and objects in a JSON body or GET variables.")
    timeout_request_body: float = setting(10.0, "Seconds a request's whole body may take to arrive (408).")
    min_request_body_rate: int = setting(
        1024, "Slowest a request body may arrive after its first second, in bytes a second (408)."
    )
    # How uvicorn bounds slow and idle clients (cupql.serving).
    timeout_request_headers: int = setting(
        10, "Seconds a connection has to send a request's line and headers before it is closed."
    )
    timeout_keep_alive: int = setting(5, "Seconds an idle keep-alive connection stays open.")
    max_request_head_bytes: int = setting(16_384, "Largest request line and headers, in bytes (431).")
    limit_concurrency: int = setting(200, "Connections and requests at once per worker; more get 503 at once.")
    max_requests_in_flight: int = setting(
        32, "Requests each worker works on at once; more get 503 with Retry-After at once (health checks excepted)."
    )
    timeout_graceful_shutdown: int = setting(20, "Seconds a shutdown waits for requests in flight.")
    # What the server logs (cupql.logs).
    log_format: str = setting("auto", "auto (JSON lines unless on a terminal), json or text.")
    log_level: str = setting("info", "debug, info, warning or error.")
    # How an import waits for another import of the same database (cupql.import_lock).
    import_lock_timeout: float = setting(60.0, "Seconds to wait for another import of the same database to finish.")
    limits: QueryLimits = field(default_factory=QueryLimits)

    @property
    def graphiql(self) -> bool:
        """GraphiQL is served except in production mode."""
        return not self.production

    @property
    def allowed_origins(self) -> tuple[str, ...]:
        """The CORS origins, one by one (`*` for any); none means same-origin only."""
        return tuple(origin.rstrip("/") for origin in self.cors_origins.replace(",", " ").split())

    @property
    def response_cache(self) -> bool:
        """Whole responses are cached unless turned off, or when each must report its own SQL statements."""
        return self.cache and not self.debug_sql

    def to_environment(self) -> dict[str, str]:
        """The `CUPQL_*` variables that `from_environment` reads back."""
        return {
            declared.variable: declared.format(getattr(self.limits if declared.limit else self, declared.name))
            for declared in declared_settings()
        }

    @classmethod
    def from_values(cls, values: Mapping[str, Any]) -> Settings:
        """Settings from values keyed by setting name (as the command line gives them), defaults for the rest."""
        limit_names = {f.name for f in dataclasses.fields(QueryLimits)}
        limits = {name: value for name, value in values.items() if name in limit_names}
        own = {name: value for name, value in values.items() if name not in limit_names}
        return cls(**own, limits=QueryLimits(**limits))

    @classmethod
    def from_environment(cls, environ: Mapping[str, str] = os.environ) -> Settings:
        """Settings from `CUPQL_*` variables, defaults for the rest."""
        return cls.from_values(
            {
                declared.name: declared.parse(environ[declared.variable])
                for declared in declared_settings()
                if declared.variable in environ
            }
        )


@dataclass(frozen=True)
class DeclaredSetting:
    """One setting as the command line and the environment see it."""

    name: str
    kind: type
    default: Any
    help: str
    limit: bool

    @property
    def variable(self) -> str:
        return f"CUPQL_{self.name.upper()}"

    @property
    def flag(self) -> str:
        return "--" + self.name.replace("_", "-")

    def parse(self, text: str) -> Any:
        if self.kind is bool:
            return text.strip().lower() in {"1", "true", "yes", "on"}
        return self.kind(text)

    def format(self, value: Any) -> str:
        if self.kind is bool:
            return "1" if value else "0"
        return str(value)


def declared_settings() -> Iterator[DeclaredSetting]:
    """Every setting of `Settings` and `QueryLimits`, in declaration order."""
    kinds = {"str": str, "bool": bool, "int": int, "float": float}
    for owner, limit in ((Settings, False), (QueryLimits, True)):
        for declared in dataclasses.fields(owner):
            if "help" in declared.metadata:
                yield DeclaredSetting(
                    name=declared.name,
                    kind=kinds[str(declared.type)],
                    default=declared.default,
                    help=declared.metadata["help"],
                    limit=limit,
                )
