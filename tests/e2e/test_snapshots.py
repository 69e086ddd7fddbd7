"""One snapshot per request: re-importing under load never yields a response that mixes two imports.

From issue 16's audit: with `--no-cache --workers 2` on PostgreSQL, re-importing under load gave 48 of 6,430
responses that mixed two imports (Aktobe's round of 16 with `goalsFor: 1` and three goals), because each statement
of a request read its own snapshot. Here two versions of the season alternate while clients ask for data that takes
several statements (the season, the club, its run, each match's goals): every response must be one of the two
versions' answers, on SQLite and PostgreSQL, with the response cache on and off.
"""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import pytest

from cupql.loading import bundled_articles, load
from tests.conftest import REPO, serving

QUERY = """{ season { sponsorName } club(name: "Aktobe") { cupRun { goalsFor
  steps { round goalsFor match { goals { minute } } } } } }"""
ROUND_OF_16 = "Aktobe 1 - 0 Zhetysu\n  Aktobe: Bessmertny 44' , Umayev , Strumia"
CHANGED_ROUND_OF_16 = "Aktobe 3 - 0 Zhetysu\n  Aktobe: Bessmertny 44' , Umayev 50' , Strumia 60'"


def other_version(tmp_path: Path) -> Path:
    """The season with another sponsor and Aktobe's round of 16 won 3-0, with three goals."""
    text = bundled_articles()[0].read_text()
    assert ROUND_OF_16 in text
    changed = tmp_path / "2024_kazakhstan_cup.txt"
    changed.write_text(
        text.replace(ROUND_OF_16, CHANGED_ROUND_OF_16).replace("Fonbet Kazakhstan Cup", "Olimpbet Kazakhstan Cup")
    )
    return changed


def answer(url: str) -> bytes:
    response = httpx.post(f"{url}/graphql", json={"query": QUERY}, timeout=30)
    assert response.status_code == 200, response.text
    return response.content


def load_command(database_url: str, article: Path) -> None:
    command = [sys.executable, "-m", "cupql", "load", str(article), "--database-url", database_url]
    subprocess.run(command, cwd=REPO, check=True, capture_output=True)


@pytest.mark.parametrize("cache", ["--cache", "--no-cache"])
def test_reimports_under_load_never_mix_two_imports(empty_database_url: str, tmp_path: Path, cache: str) -> None:
    original, changed = bundled_articles()[0], other_version(tmp_path)
    load(empty_database_url, [original], strict=False, echo=lambda _line: None, progress=False)
    flags = ("--workers", "2", cache, "--cache-refresh-seconds", "0.2")
    with serving(empty_database_url, tmp_path / "server.log", *flags) as url:
        first = answer(url)
        load_command(empty_database_url, changed)
        time.sleep(1)  # past the refresh interval: every worker has seen the import
        second = answer(url)
        answers: list[bytes] = []
        stop = threading.Event()

        def client() -> None:
            with httpx.Client(base_url=url, timeout=30) as http:
                while not stop.is_set():
                    answers.append(http.post("/graphql", json={"query": QUERY}).content)

        clients = [threading.Thread(target=client) for _ in range(4)]
        for thread in clients:
            thread.start()
        try:
            for article in (original, changed, original, changed):
                load_command(empty_database_url, article)
        finally:
            stop.set()
            for thread in clients:
                thread.join()
    assert b"Olimpbet" in second and b"Olimpbet" not in first
    assert {first, second} <= set(answers), "both versions were served while the imports ran"
    mixed = [body for body in answers if body not in (first, second)]
    assert not mixed, f"{len(mixed)} of {len(answers)} responses mix two imports, e.g. {mixed[0][:400]!r}"
