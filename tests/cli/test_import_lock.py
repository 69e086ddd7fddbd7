"""Imports of one database run one at a time: a second `cupql load` waits, or says another import is running.

The audit's fifth defect: two `cupql load` runs at once, and one failed with a raw IntegrityError
(a foreign-key or `pg_type` unique violation).
"""

from __future__ import annotations

import subprocess
import sys

from click.testing import CliRunner

from cupql.cli import main
from cupql.import_lock import import_lock
from cupql.loading import database_is_empty
from db.engine import sync_engine
from tests.cli.test_load_command import season_count
from tests.conftest import REPO


def test_a_second_import_gives_up_after_its_timeout_with_a_clear_message(empty_database_url: str) -> None:
    engine = sync_engine(empty_database_url)
    try:
        with import_lock(engine, timeout=1):
            result = CliRunner().invoke(
                main, ["load", "--database-url", empty_database_url, "--import-lock-timeout", "0.5"]
            )
    finally:
        engine.dispose()
    assert result.exit_code == 1
    assert "another import is running on this database: waiting up to 0.5 s for it to finish" in result.output
    assert result.output.strip().endswith(
        "Error: another import is running on this database (waited 0.5 s); "
        "try again when it has finished; nothing was written"
    )
    assert database_is_empty(empty_database_url)


def test_a_second_import_waits_for_the_first(empty_database_url: str) -> None:
    engine = sync_engine(empty_database_url)
    lines = []
    try:
        with import_lock(engine, timeout=1):
            waiting = subprocess.Popen(
                [sys.executable, "-m", "cupql", "load", "--database-url", empty_database_url],
                cwd=REPO,
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                text=True,
            )
            assert waiting.stdout is not None
            # Hold the lock until the second import says it is waiting for it.
            for line in waiting.stdout:
                lines.append(line)
                if "waiting up to" in line:
                    break
    finally:
        engine.dispose()
    output, _ = waiting.communicate(timeout=120)
    assert waiting.returncode == 0, "".join(lines) + output
    assert lines[-1] == "another import is running on this database: waiting up to 60 s for it to finish\n"
    assert season_count(empty_database_url) == 1


def test_two_imports_at_once_both_succeed(empty_database_url: str) -> None:
    command = [sys.executable, "-m", "cupql", "load", "--database-url", empty_database_url]
    runs = [
        subprocess.Popen(command, cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        for _ in range(2)
    ]
    outputs = [run.communicate(timeout=120)[0] for run in runs]
    assert [run.returncode for run in runs] == [0, 0], outputs
    assert not any("Error" in output for output in outputs)
    assert season_count(empty_database_url) == 1
