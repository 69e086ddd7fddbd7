"""`cupql serve`: one clear line when the database cannot be used, and bounds on slow, idle and oversized clients.

From the audit: against an unreachable database `cupql serve` printed a 146-line traceback, and
connections that never finished their headers stayed open indefinitely.
"""

from __future__ import annotations

import socket
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from cupql.cli import main
from tests.conftest import REPO, LiveServer, live_server


def serve(*options: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "cupql", "serve", "--port", "1", *options]
    return subprocess.run(command, cwd=REPO, capture_output=True, text=True, timeout=60, check=False)


def test_an_unreachable_database_is_one_clear_line() -> None:
    url = "postgresql://nobody@127.0.0.1:9/nothing"
    result = serve("--database-url", url)
    assert result.returncode == 1
    assert result.stdout == ""
    [line] = result.stderr.splitlines()
    assert line.startswith(f"Error: cannot use the database at {url}: OperationalError: connection failed")


def test_a_database_at_an_unknown_schema_revision_is_one_clear_line(tmp_path: Path) -> None:
    database = tmp_path / "future.db"
    with sqlite3.connect(database) as connection:
        connection.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) PRIMARY KEY)")
        connection.execute("INSERT INTO alembic_version VALUES ('from_the_future')")
    result = serve("--database-url", f"sqlite:///{database}")
    assert result.returncode == 1
    [line] = result.stderr.splitlines()
    assert line.startswith(f"Error: cannot use the database at sqlite:///{database}: CommandError: ")
    assert "from_the_future" in line


def test_every_bound_is_a_documented_flag_with_a_variable() -> None:
    help_text = " ".join(CliRunner().invoke(main, ["serve", "--help"]).output.split())
    for flag, variable, default in [
        ("--max-body-bytes", "CUPQL_MAX_BODY_BYTES", "100000"),
        ("--max-json-depth", "CUPQL_MAX_JSON_DEPTH", "32"),
        ("--max-string-length", "CUPQL_MAX_STRING_LENGTH", "1000"),
        ("--max-directives", "CUPQL_MAX_DIRECTIVES", "50"),
        ("--max-directives-per-field", "CUPQL_MAX_DIRECTIVES_PER_FIELD", "4"),
        ("--timeout-keep-alive", "CUPQL_TIMEOUT_KEEP_ALIVE", "5"),
        ("--timeout-request-headers", "CUPQL_TIMEOUT_REQUEST_HEADERS", "10"),
        ("--max-request-head-bytes", "CUPQL_MAX_REQUEST_HEAD_BYTES", "16384"),
        ("--limit-concurrency", "CUPQL_LIMIT_CONCURRENCY", "200"),
        ("--log-format", "CUPQL_LOG_FORMAT", "auto"),
    ]:
        assert flag in help_text
        assert f"env var: {variable}" in help_text
        assert f"default: {default}" in help_text.split(flag, 1)[1].split(" --", 1)[0]


@pytest.fixture(scope="module")
def impatient_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    with live_server(tmp_path_factory, "--timeout-request-headers", "1", "--timeout-keep-alive", "1") as server:
        yield server


def closed_within(connection: socket.socket, seconds: float) -> float | None:
    """Seconds until the server closed `connection` (reading what it sent), None if it stayed open."""
    started = time.monotonic()
    connection.settimeout(seconds)
    try:
        while connection.recv(65536):
            pass
    except TimeoutError:
        return None
    return time.monotonic() - started


def connect(server: LiveServer) -> socket.socket:
    host, port = server.url.removeprefix("http://").split(":")
    return socket.create_connection((host, int(port)))


def test_a_connection_that_never_finishes_its_headers_is_closed(impatient_server: LiveServer) -> None:
    with connect(impatient_server) as silent, connect(impatient_server) as slow:
        slow.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n")
        for connection in (silent, slow):
            waited = closed_within(connection, 5)
            assert waited is not None and waited < 3


def test_an_idle_kept_alive_connection_is_closed(impatient_server: LiveServer) -> None:
    with connect(impatient_server) as connection:
        connection.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
        time.sleep(0.2)
        assert b'{"status":"ok"}' in connection.recv(65536)
        waited = closed_within(connection, 5)
        assert waited is not None and waited < 3


def test_a_patient_client_is_served(impatient_server: LiveServer) -> None:
    with connect(impatient_server) as connection:
        connection.sendall(b"GET /healthz HTTP/1.1\r\n")
        time.sleep(0.5)
        connection.sendall(b"Host: x\r\nConnection: close\r\n\r\n")
        connection.settimeout(5)
        assert connection.recv(65536).startswith(b"HTTP/1.1 200 OK")


def test_a_request_head_over_the_limit_is_refused(impatient_server: LiveServer) -> None:
    with connect(impatient_server) as connection:
        # A head that never ends: however it is cut into reads, it passes the limit before it is complete.
        connection.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n" + b"X-Padding: " + b"y" * 20_000)
        connection.settimeout(5)
        answer = connection.recv(65536)
    assert answer.startswith(b"HTTP/1.1 431 ")
    assert answer.endswith(b"Request line and headers too large.")


def test_a_body_arriving_with_its_headers_is_not_counted_as_head(impatient_server: LiveServer) -> None:
    body = b'{"query": "{ season { year } }", "extensions": {"pad": "' + b"x" * 90_000 + b'"}}'
    head = f"POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: {len(body)}\r\n"
    with connect(impatient_server) as connection:
        connection.sendall(head.encode() + b"Connection: close\r\n\r\n" + body)
        connection.settimeout(5)
        answer = b""
        while chunk := connection.recv(65536):
            answer += chunk
    assert answer.startswith(b"HTTP/1.1 200 OK")
    assert answer.endswith(b'{"data":{"season":{"year":2024}}}')
