"""The `cupql` command: `load` season articles, `serve` the API, print the `schema`."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click
import uvicorn

from cupql.article.parser import ArticleError
from cupql.loading import LoadRefused, bundled_articles, database_is_empty, load, load_summary
from cupql.query_command import query_command
from cupql.settings import DEFAULT_DATABASE_URL, Settings, declared_settings
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
@click.version_option(package_name="cupql", prog_name="cupql", message="%(prog)s %(version)s")
def main() -> None:
    """cupql: a GraphQL API for football cup competitions."""


@main.command("load")
@click.argument("articles", nargs=-1, type=click.Path(path_type=Path))
@database_option
@click.option(
    "--strict", is_flag=True, show_envvar=True, envvar="CUPQL_STRICT", help="Refuse the import on any disagreement."
)
def load_command(articles: tuple[Path, ...], database_url: str, strict: bool) -> None:
    """Import season ARTICLES (the bundled season when none is given) and print the importer's report."""
    paths = list(articles) or bundled_articles()
    try:
        loaded = load(database_url, paths, strict=strict, echo=click.echo)
    except (ArticleError, LoadRefused, DatabaseURLError) as error:
        raise click.ClickException(str(error)) from None
    click.echo(load_summary(database_url, loaded))


def settings_options(command: Callable[..., None]) -> Callable[..., None]:
    """Add a flag for every setting (see cupql.settings), each with its `CUPQL_*` variable and default."""
    for declared in reversed(list(declared_settings())):
        flag = f"{declared.flag}/--no-{declared.flag[2:]}" if declared.kind is bool else declared.flag
        command = click.option(
            flag,
            declared.name,
            type=declared.kind,
            default=declared.default,
            show_envvar=True,
            envvar=declared.variable,
            help=declared.help,
        )(command)
    return command


@main.command("serve")
@click.option("--host", show_envvar=True, envvar="CUPQL_HOST", default="127.0.0.1", help="Interface to listen on.")
@click.option("--port", show_envvar=True, envvar="CUPQL_PORT", default=8000, help="Port to listen on.")
@click.option("--workers", show_envvar=True, envvar="CUPQL_WORKERS", default=1, help="Worker processes.")
@settings_options
def serve_command(host: str, port: int, workers: int, **values: Any) -> None:
    """Serve the GraphQL API (and GraphiQL) with uvicorn; loads the bundled season into an empty database."""
    settings = Settings.from_values(values)
    try:
        if database_is_empty(settings.database_url):
            click.echo("the database is empty: loading the bundled season")
            load(settings.database_url, bundled_articles(), strict=False, echo=click.echo)
    except (ArticleError, LoadRefused, DatabaseURLError) as error:
        raise click.ClickException(str(error)) from None
    # Worker processes rebuild the app from the environment, so hand every setting over through it.
    os.environ.update(settings.to_environment())
    for line in served_urls(host, port, graphiql=settings.graphiql):
        click.echo(line)
    uvicorn.run("cupql.app:app_from_environment", factory=True, host=host, port=port, workers=workers)


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
