"""The `cupql` command: `load` season articles, `serve` the API, print the `schema`."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import click
from alembic.util import CommandError
from sqlalchemy.exc import SQLAlchemyError

from cupql.article.parser import ArticleError
from cupql.loading import LoadRefused, bundled_articles, database_is_empty, load, load_summary
from cupql.logs import logging_config
from cupql.query_command import query_command
from cupql.serving import run_server
from cupql.settings import Settings
from cupql.settings_options import settings_options
from db.engine import DatabaseURLError
from football.errors import one_line
from football.limits import QueryLimits


@click.group(context_settings={"help_option_names": ["-h", "--help"], "show_default": True})
@click.version_option(package_name="cupql", prog_name="cupql", message="%(prog)s %(version)s")
def main() -> None:
    """cupql: a GraphQL API for football cup competitions."""


@main.command("load")
@click.argument("articles", nargs=-1, type=click.Path(path_type=Path))
@settings_options("database_url", "import_lock_timeout")
@click.option(
    "--strict", is_flag=True, show_envvar=True, envvar="CUPQL_STRICT", help="Refuse the import on any disagreement."
)
@click.option(
    "--lenient",
    is_flag=True,
    show_envvar=True,
    envvar="CUPQL_LENIENT",
    help="Skip match lines that cannot be read, listing each in the report, instead of refusing the article.",
)
def load_command(
    articles: tuple[Path, ...], database_url: str, strict: bool, lenient: bool, import_lock_timeout: float
) -> None:
    """Import season ARTICLES (the bundled season when none is given) and print the importer's report.

    Each article may be our plain text, MediaWiki wikitext or a page's text copied from a browser: the format
    is detected."""
    paths = list(articles) or bundled_articles()
    try:
        loaded = load(
            database_url, paths, strict=strict, lenient=lenient, echo=click.echo, lock_timeout=import_lock_timeout
        )
        summary = load_summary(database_url, loaded)
    except (ArticleError, LoadRefused, DatabaseURLError) as error:
        raise click.ClickException(str(error)) from None
    except (SQLAlchemyError, CommandError) as error:
        raise click.ClickException(f"cannot use the database at {database_url}: {one_line(error)}") from None
    click.echo(summary)


@main.command("serve")
@click.option("--host", show_envvar=True, envvar="CUPQL_HOST", default="127.0.0.1", help="Interface to listen on.")
@click.option("--port", show_envvar=True, envvar="CUPQL_PORT", default=8000, help="Port to listen on.")
@click.option("--workers", show_envvar=True, envvar="CUPQL_WORKERS", default=1, help="Worker processes.")
@settings_options()
def serve_command(host: str, port: int, workers: int, **values: Any) -> None:
    """Serve the GraphQL API (and GraphiQL) with uvicorn; loads the bundled season into an empty database."""
    settings = Settings.from_values(values)
    url = settings.database_url
    try:
        log_config = logging_config(settings)
        if database_is_empty(url, lock_timeout=settings.import_lock_timeout):
            click.echo("the database is empty: loading the bundled season")
            load(url, bundled_articles(), strict=False, echo=click.echo, lock_timeout=settings.import_lock_timeout)
    except (ArticleError, LoadRefused, DatabaseURLError, ValueError) as error:
        raise click.ClickException(str(error)) from None
    except (SQLAlchemyError, CommandError) as error:
        raise click.ClickException(f"cannot use the database at {url}: {one_line(error)}") from None
    # Worker processes rebuild the app from the environment, so hand every setting over through it.
    os.environ.update(settings.to_environment())
    for line in served_urls(host, port, graphiql=settings.graphiql):
        click.echo(line)
    run_server(host, port, workers, settings, log_config)


def served_urls(host: str, port: int, *, graphiql: bool) -> list[str]:
    """What `serve` announces: only addresses that answer (a wildcard host is reached through localhost)."""
    reachable = "localhost" if host in {"0.0.0.0", "::", ""} else (f"[{host}]" if ":" in host else host)
    base = f"http://{reachable}:{port}"
    lines = [f"page:     {base}/", f"GraphQL:  {base}/graphql"]
    if graphiql:
        lines.append(f"GraphiQL: {base}/graphql (open it in a browser)")
    return lines


main.add_command(query_command)


@main.command("schema")
def schema_command() -> None:
    """Print the GraphQL schema (SDL)."""
    from schema.build import build_schema

    click.echo(build_schema(QueryLimits()).as_str())
