"""Shared fixtures: every database test runs on SQLite and on PostgreSQL (when CUPQL_TEST_POSTGRES_URL is set).

On PostgreSQL each test run works in a schema of its own, dropped at the end, so nothing is left behind.
With CUPQL_TEST_REQUIRE_ALL=1 (set by .ci/run) a missing service or tool fails the test instead of skipping it.
"""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from urllib.parse import quote

import httpx
import psycopg
import pytest

from cupql.app import create_app
from cupql.loading import bundled_articles, load
from cupql.settings import Settings

REPO = Path(__file__).resolve().parents[1]
POSTGRES_URL_VARIABLE = "CUPQL_TEST_POSTGRES_URL"
GRAPHQL_RESPONSE = "application/graphql-response+json"


def require(condition: bool, reason: str) -> None:
    """Skip with `reason` when `condition` fails, or fail in CI (CUPQL_TEST_REQUIRE_ALL=1)."""
    if condition:
        return
    if os.environ.get("CUPQL_TEST_REQUIRE_ALL") == "1":
        pytest.fail(f"required in CI: {reason}")
    pytest.skip(reason)


@contextlib.contextmanager
def postgres_schema() -> Iterator[str]:
    """A PostgreSQL URL whose search_path is a fresh schema of its own, dropped afterwards."""
    base = os.environ.get(POSTGRES_URL_VARIABLE)
    require(bool(base), f"PostgreSQL variant: set {POSTGRES_URL_VARIABLE}=postgresql://USER@HOST:PORT/DB to run it")
    assert base is not None
    schema = f"cupql_test_{uuid.uuid4().hex[:12]}"
    try:
        with psycopg.connect(base, autocommit=True) as connection:
            connection.execute(f'CREATE SCHEMA "{schema}"')
    except psycopg.OperationalError as error:
        require(False, f"PostgreSQL at {base} is unreachable: {error}")
    separator = "&" if "?" in base else "?"
    try:
        yield f"{base}{separator}options={quote(f'-csearch_path={schema}')}"
    finally:
        with psycopg.connect(base, autocommit=True) as connection:
            connection.execute(f'DROP SCHEMA "{schema}" CASCADE')


@pytest.fixture(params=["sqlite", "postgresql"])
def empty_database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """An empty database of each kind."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'cupql.db'}"
    else:
        with postgres_schema() as url:
            yield url


@pytest.fixture(scope="session", params=["sqlite", "postgresql"])
def loaded_database_url(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A database of each kind with the bundled 2024 season loaded, shared by the read-only API tests."""
    with contextlib.ExitStack() as stack:
        if request.param == "sqlite":
            url = f"sqlite:///{tmp_path_factory.mktemp('db') / 'cupql.db'}"
        else:
            url = stack.enter_context(postgres_schema())
        load(url, bundled_articles(), strict=False, echo=lambda _line: None, progress=False)
        yield url


@contextlib.asynccontextmanager
async def api_client(settings: Settings) -> AsyncIterator[httpx.AsyncClient]:
    """An HTTP client on the ASGI app built from `settings`, run with its lifespan."""
    app = create_app(settings)
    transport = httpx.ASGITransport(app=app)
    async with (
        app.router.lifespan_context(app),
        httpx.AsyncClient(transport=transport, base_url="http://cupql.test") as http,
    ):
        yield http


@pytest.fixture
async def client(loaded_database_url: str) -> AsyncIterator[httpx.AsyncClient]:
    """An HTTP client on the ASGI app (SQL statement counts on) over the loaded database."""
    async with api_client(Settings(database_url=loaded_database_url, debug_sql=True)) as http:
        yield http


async def graphql(client: httpx.AsyncClient, query: str, variables: dict[str, object] | None = None) -> dict:
    """POST a query; return the decoded response body."""
    response = await client.post(
        "/graphql", json={"query": query, "variables": variables or {}}, headers={"accept": GRAPHQL_RESPONSE}
    )
    return response.json()  # type: ignore[no-any-return]


async def data(client: httpx.AsyncClient, query: str, variables: dict[str, object] | None = None) -> dict:
    """POST a query that must succeed; return its `data`."""
    body = await graphql(client, query, variables)
    assert "errors" not in body, body.get("errors")
    return body["data"]  # type: ignore[no-any-return]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextlib.contextmanager
def serving(database_url: str, log: Path, *flags: str) -> Iterator[str]:
    """A real `cupql serve` (uvicorn) process on a free port over `database_url`; yields its base URL."""
    port = _free_port()
    environment = {**os.environ, "CUPQL_DATABASE_URL": database_url}
    command = [sys.executable, "-m", "cupql", "serve", "--port", str(port), *flags]
    with log.open("w") as output:
        process = subprocess.Popen(command, cwd=REPO, env=environment, stdout=output, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if process.poll() is not None:
                pytest.fail(f"cupql serve exited with {process.returncode}:\n{log.read_text()}")
            try:
                if httpx.get(f"{url}/readyz", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            time.sleep(0.2)
        else:
            pytest.fail(f"cupql serve did not become ready:\n{log.read_text()}")
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture(scope="session")
def live_server_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real `cupql serve` process on a free port, over a fresh SQLite database it loads itself."""
    database = tmp_path_factory.mktemp("live") / "cupql.db"
    with serving(f"sqlite:///{database}", tmp_path_factory.mktemp("live-log") / "server.log") as url:
        yield url
