"""Settings: every option has a command-line flag and a `CUPQL_*` environment variable, with safe defaults."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field

from schema.limits import QueryLimits

DEFAULT_DATABASE_URL = "sqlite:///var/cupql.db"
# Any origin may read a public, read-only API: no cookies or credentials are ever involved.
DEFAULT_CORS_ORIGINS: tuple[str, ...] = ("*",)
_LIMIT_FIELDS = ("max_depth", "max_aliases", "max_tokens", "max_page_size", "max_cost")


@dataclass(frozen=True)
class Settings:
    """What the server needs to know; defaults suit a public, read-only API."""

    database_url: str = DEFAULT_DATABASE_URL
    production: bool = False
    debug_sql: bool = False
    limits: QueryLimits = field(default_factory=QueryLimits)
    cors_origins: tuple[str, ...] = DEFAULT_CORS_ORIGINS

    @property
    def graphiql(self) -> bool:
        """GraphiQL is served except in production mode."""
        return not self.production

    def to_environment(self) -> dict[str, str]:
        """The `CUPQL_*` variables that `from_environment` reads back."""
        variables = {
            "CUPQL_DATABASE_URL": self.database_url,
            "CUPQL_PRODUCTION": "1" if self.production else "0",
            "CUPQL_DEBUG_SQL": "1" if self.debug_sql else "0",
            "CUPQL_CORS_ORIGINS": ",".join(self.cors_origins),
        }
        for name in _LIMIT_FIELDS:
            variables[f"CUPQL_{name.upper()}"] = str(getattr(self.limits, name))
        return variables

    @classmethod
    def from_environment(cls, environ: Mapping[str, str] = os.environ) -> Settings:
        """Settings from `CUPQL_*` variables, defaults for the rest."""
        defaults = QueryLimits()

        def limit(name: str) -> int:
            return int(environ.get(f"CUPQL_{name.upper()}", getattr(defaults, name)))

        return cls(
            database_url=environ.get("CUPQL_DATABASE_URL", DEFAULT_DATABASE_URL),
            production=_flag(environ.get("CUPQL_PRODUCTION")),
            debug_sql=_flag(environ.get("CUPQL_DEBUG_SQL")),
            cors_origins=parse_origins(environ.get("CUPQL_CORS_ORIGINS", ",".join(DEFAULT_CORS_ORIGINS))),
            limits=QueryLimits(
                max_depth=limit("max_depth"),
                max_aliases=limit("max_aliases"),
                max_tokens=limit("max_tokens"),
                max_page_size=limit("max_page_size"),
                max_cost=limit("max_cost"),
            ),
        )


def parse_origins(*values: str) -> tuple[str, ...]:
    """Origins from comma- or space-separated lists (`*` for any); an empty list allows none."""
    return tuple(origin.rstrip("/") for value in values for origin in value.replace(",", " ").split())


def _flag(value: str | None) -> bool:
    return (value or "").strip().lower() in {"1", "true", "yes", "on"}
