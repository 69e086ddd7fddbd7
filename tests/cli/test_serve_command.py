"""`cupql --version`, and `cupql serve` announcing only addresses that answer."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import httpx
from click.testing import CliRunner

from cupql.cli import main, served_urls
from cupql.loading import bundled_articles, load
from tests.conftest import REPO, _free_port


def test_version() -> None:
    result = CliRunner().invoke(main, ["--version"])
    assert result.exit_code == 0
    assert result.output == "cupql 0.1.0\n"


def test_a_wildcard_host_is_announced_as_localhost() -> None:
    assert served_urls("0.0.0.0", 8000, graphiql=False) == [
        "page:     http://localhost:8000/",
        "GraphQL:  http://localhost:8000/graphql",
    ]
    assert served_urls("::1", 9000, graphiql=True)[-1] == "GraphiQL: http://[::1]:9000/graphql (open it in a browser)"


def announced_and_answers(tmp_path: Path, *flags: str) -> list[tuple[str, int]]:
    database = f"sqlite:///{tmp_path / 'cupql.db'}"
    load(database, bundled_articles(), strict=False, echo=lambda _line: None, progress=False)
    port = _free_port()
    log = tmp_path / "serve.log"
    command = [sys.executable, "-m", "cupql", "serve", "--port", str(port), *flags]
    with log.open("w") as output:
        process = subprocess.Popen(
            command,
            cwd=REPO,
            env={**os.environ, "CUPQL_DATABASE_URL": database},
            stdout=output,
            stderr=subprocess.DEVNULL,
        )
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"http://127.0.0.1:{port}/readyz", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.2)
        lines = [line.split() for line in log.read_text().splitlines()]
        answers = []
        for label, url, *_ in (line for line in lines if line and line[0] in {"page:", "GraphQL:", "GraphiQL:"}):
            # The API as a client calls it; the page and GraphiQL as a browser opens them.
            if label == "GraphQL:":
                response = httpx.post(url, json={"query": "{ season { year } }"}, timeout=5)
            else:
                response = httpx.get(url, headers={"Accept": "text/html"}, timeout=5)
            answers.append((url, response.status_code))
        return answers
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_serve_announces_the_page_graphql_and_graphiql(tmp_path: Path) -> None:
    answers = announced_and_answers(tmp_path)
    assert len(answers) == 3 and all(status == 200 for _, status in answers), answers


def test_production_announces_no_graphiql(tmp_path: Path) -> None:
    answers = announced_and_answers(tmp_path, "--production")
    assert [url.rsplit("/", 1)[1] for url, _ in answers] == ["", "graphql"], answers
    assert all(status == 200 for _, status in answers), answers
