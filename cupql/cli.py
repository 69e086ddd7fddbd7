"""The `cupql` command: `load` season articles, `serve` the API, print the `schema`."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import click
from alembic.util import CommandError
from sqlalchemy.exc import SQLAlchemyError

from cupql import options
from cupql.article.parser import ArticleError
from cupql.errors import one_line
from cupql.loading import LoadRefused, bundled_articles, database_is_empty, load
from cupql.logs import logging_config
from cupql.serving import run_server
from cupql.settings import DEFAULT_DATABASE_URL, ImportOptions, LogOptions, RequestLimits, ServerOptions, Settings
from db.engine import DatabaseURLError
from schema.limits import QueryLimits

database_option = click.option(
    "--database-url",
    show_envvar=True,
    envvar="CUPQL_DATABASE_URL",
    default=DEFAULT_DATABASE_URL,
    help="sqlite:///PATH or postgresql://USER@HOST:PORT/DB",
)


@click.group(context_settings={"help_option_names": ["-h", "--help"], "show_default": True})
def main() -> None:
    """cupql: a GraphQL API for football cup competitions."""


@main.command("load")
@click.argument("articles", nargs=-1, type=click.Path(path_type=Path))
@database_option
@click.option(
    "--strict", is_flag=True, show_envvar=True, envvar="CUPQL_STRICT", help="Refuse the import on any disagreement."
)
@options.click_options(ImportOptions)
def load_command(articles: tuple[Path, ...], database_url: str, strict: bool, import_lock_timeout: float) -> None:
    """Import season ARTICLES (the bundled season when none is given) and print the importer's report."""
    paths = list(articles) or bundled_articles()
    try:
        load(database_url, paths, strict=strict, echo=click.echo, lock_timeout=import_lock_timeout)
    except (ArticleError, LoadRefused, DatabaseURLError) as error:
        raise click.ClickException(str(error)) from None
    click.echo(f"loaded {len(paths)} season(s) into {database_url}")


@main.command("serve")
@database_option
@click.option("--host", show_envvar=True, envvar="CUPQL_HOST", default="127.0.0.1", help="Interface to listen on.")
@click.option("--port", show_envvar=True, envvar="CUPQL_PORT", default=8000, help="Port to listen on.")
@click.option("--workers", show_envvar=True, envvar="CUPQL_WORKERS", default=1, help="Worker processes.")
@click.option(
    "--production",
    is_flag=True,
    show_envvar=True,
    envvar="CUPQL_PRODUCTION",
    help="Production profile: no GraphiQL, no introspection, no field suggestions, CSRF checks on GET.",
)
@click.option(
    "--debug-sql", is_flag=True, show_envvar=True, envvar="CUPQL_DEBUG_SQL", help="Count SQL statements per response."
)
@options.click_options(QueryLimits, RequestLimits, ServerOptions, LogOptions)
def serve_command(
    database_url: str, host: str, port: int, workers: int, production: bool, debug_sql: bool, **values: Any
) -> None:
    """Serve the GraphQL API (and GraphiQL) with uvicorn; loads the bundled season into an empty database."""
    settings = Settings(
        database_url=database_url,
        production=production,
        debug_sql=debug_sql,
        limits=options.from_values(QueryLimits, values),
        requests=options.from_values(RequestLimits, values),
    )
    server = options.from_values(ServerOptions, values)
    logs = options.from_values(LogOptions, values)
    try:
        logging_config(logs)
        if database_is_empty(database_url):
            click.echo("the database is empty: loading the bundled season")
            load(database_url, bundled_articles(), strict=False, echo=click.echo)
    except (ArticleError, LoadRefused, DatabaseURLError, ValueError) as error:
        raise click.ClickException(str(error)) from None
    except (SQLAlchemyError, CommandError) as error:
        raise click.ClickException(f"cannot use the database at {database_url}: {one_line(error)}") from None
    # Worker processes rebuild the app from the environment, so hand every setting over through it.
    os.environ.update(settings.to_environment())
    click.echo(
        f"GraphiQL: http://{host}:{port}/graphql" if settings.graphiql else f"GraphQL: http://{host}:{port}/graphql"
    )
    run_server(host, port, workers, server, logs)


@main.command("schema")
def schema_command() -> None:
    """Print the GraphQL schema (SDL)."""
    from schema.build import build_schema

    click.echo(build_schema(QueryLimits()).as_str())
