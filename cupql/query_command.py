"""`cupql query`: run a GraphQL query from the shell and print its data as JSON, a table or CSV.

The query runs through the same HTTP app the server uses, in-process against the configured database, or
against a running server with `--url`. Every failure is one line on stderr and a non-zero exit.
"""

from __future__ import annotations

import asyncio
import dataclasses
import json
import logging
import sys
from pathlib import Path
from typing import Any

import click
import httpx
from graphql import GraphQLError
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError

from cupql.app import create_app
from cupql.follow_pages import PagingError, fetch_all
from cupql.loading import database_is_empty
from cupql.settings import Settings
from cupql.settings_options import settings_options
from cupql.tabular import asked_columns, columns_of, left_out, rows_of, to_csv, to_table
from db.engine import DatabaseURLError

FORMATS = ("json", "table", "csv")


def _variables(pairs: tuple[str, ...], variables_file: Path | None) -> dict[str, Any]:
    """`--variables FILE` (a JSON object), then each `--var name=value` (JSON if it parses, else a string)."""
    variables: dict[str, Any] = {}
    if variables_file is not None:
        try:
            loaded = json.loads(variables_file.read_text())
        except (OSError, ValueError) as error:
            raise click.ClickException(f"cannot read variables from {variables_file}: {error}") from None
        if not isinstance(loaded, dict):
            raise click.ClickException(f"{variables_file} must hold a JSON object of variables")
        variables.update(loaded)
    for pair in pairs:
        name, equals, text = pair.partition("=")
        if not equals or not name.strip():
            raise click.ClickException(f"--var takes name=value, got {pair!r}")
        try:
            variables[name.strip()] = json.loads(text)
        except ValueError:
            variables[name.strip()] = text
    return variables


def _document(source: str | None, expression: str | None) -> str:
    if expression is not None and source is not None:
        raise click.ClickException("give the query as a FILE or with -e, not both")
    if expression is not None:
        return expression
    if source is None and sys.stdin.isatty():
        raise click.ClickException("no query: give a FILE, -e 'QUERY', or pipe one in")
    if source in (None, "-"):
        return sys.stdin.read()
    try:
        return Path(source).read_text()
    except OSError as error:
        raise click.ClickException(f"cannot read {source}: {error.strerror}") from None


def _require_a_season(database_url: str) -> None:
    # A query only reads: a mistyped SQLite path must not leave an empty database behind.
    try:
        parsed = make_url(database_url)
    except ArgumentError as error:
        raise click.ClickException(f"cannot read the database URL {database_url!r}: {error}") from None
    if parsed.get_backend_name() == "sqlite" and parsed.database and not Path(parsed.database).exists():
        raise click.ClickException(f"no database at {parsed.database}: run `cupql load` first, or give --database-url")
    try:
        empty = database_is_empty(database_url)
    except (DatabaseURLError, SQLAlchemyError) as error:
        raise click.ClickException(f"cannot open {database_url}: {str(error).splitlines()[0]}") from None
    if empty:
        raise click.ClickException(f"no season in {database_url}: run `cupql load` first, or query a server with --url")


def _endpoint(url: str) -> str:
    """A server's base URL or its GraphQL endpoint, as the endpoint."""
    return url if url.rstrip("/").endswith("/graphql") else url.rstrip("/") + "/graphql"


def _one_line(errors: list[dict[str, Any]], follow_pages: bool) -> str:
    first = errors[0]
    extensions = first.get("extensions") or {}
    code = extensions.get("code")
    path = ".".join(str(part) for part in first.get("path") or ())
    where = f" at {path}" if path else ""
    more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
    # The page size is asked for a list that `--all` would page by itself when it is a top-level one.
    hint = (
        " Or run with --all to get every page of a top-level list."
        if (extensions.get("argument") == "first" and not follow_pages)
        else ""
    )
    return f"{first.get('message')}{hint}{f' [{code}]' if code else ''}{where}{more}"


async def _run(
    query: str,
    variables: dict[str, Any],
    operation: str | None,
    follow_pages: bool,
    url: str | None,
    database_url: str,
) -> dict[str, Any]:
    # In-process, the query runs as the server would with the same CUPQL_* settings, on this database.
    settings = dataclasses.replace(Settings.from_environment(), database_url=database_url)
    app = create_app(settings) if url is None else None
    if app is not None:
        client = httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://cupql")
        endpoint = "/graphql"
    else:
        assert url is not None
        client, endpoint = httpx.AsyncClient(timeout=60), _endpoint(url)

    async def execute(text: str, values: dict[str, Any]) -> dict[str, Any]:
        body = {"query": text, "variables": values, "operationName": operation}
        response = await client.post(endpoint, json=body, headers={"Accept": "application/json"})
        try:
            answer = response.json()
        except ValueError:
            answer = None
        if not isinstance(answer, dict):
            raise click.ClickException(f"{endpoint} answered {response.status_code} without GraphQL JSON")
        return answer

    async def run() -> dict[str, Any]:
        if follow_pages:
            return await fetch_all(execute, query, variables, operation, settings.limits.max_page_size)
        return await execute(query, variables)

    async with client:
        if app is None:
            return await run()
        async with app.router.lifespan_context(app):
            return await run()


@click.command("query")
@click.argument("source", required=False, metavar="[FILE|-]")
@click.option("-e", "--expression", metavar="QUERY", help="The query text itself.")
@click.option("--var", "pairs", multiple=True, metavar="NAME=VALUE", help="A variable (JSON or text); repeatable.")
@click.option("--variables", "variables_file", type=click.Path(path_type=Path), help="A JSON file of variables.")
@click.option("--operation", help="Which operation of the document to run.")
@click.option("--format", "output_format", type=click.Choice(FORMATS), default="json", help="Output format.")
@click.option("--all", "follow_pages", is_flag=True, help="Follow every top-level connection to its last page.")
@click.option("--url", help="A running cupql server (its base URL or /graphql); in-process when omitted.")
@settings_options("database_url")
def query_command(
    source: str | None,
    expression: str | None,
    pairs: tuple[str, ...],
    variables_file: Path | None,
    operation: str | None,
    output_format: str,
    follow_pages: bool,
    url: str | None,
    database_url: str,
) -> None:
    """Run a GraphQL query from FILE, stdin or -e and print its data.

    \b
    cupql query -e '{ topScorers { player { name } goals } }' --format table
    cupql query --all --format csv -e '{ goals { nodes { minute club { name } } } }' > goals.csv
    """
    query = _document(source, expression)
    variables = _variables(pairs, variables_file)
    if url is None:
        _require_a_season(database_url)
        # The server logs failures for its operator; here the one-line error below says it all.
        logging.getLogger().addHandler(logging.NullHandler())
    try:
        response = asyncio.run(_run(query, variables, operation, follow_pages, url, database_url))
    except (PagingError, GraphQLError) as error:
        raise click.ClickException(str(error).splitlines()[0]) from None
    except httpx.HTTPError as error:
        raise click.ClickException(f"cannot reach {url}: {error}") from None
    if response.get("errors"):
        raise click.ClickException(_one_line(response["errors"], follow_pages))
    data = response.get("data")
    if output_format == "json":
        click.echo(json.dumps(data, indent=2, ensure_ascii=False))
        return
    rows = rows_of(data)
    columns = columns_of(rows, asked_columns(query, operation))
    click.echo((to_csv if output_format == "csv" else to_table)(rows, columns), nl=False)
    for name in left_out(query):
        click.echo(
            f"note: {output_format} leaves out `{name}`; --format json keeps it, --all follows the pages", err=True
        )
