"""Every start-up failure of `cupql serve` and `cupql load` is one line on standard error and a non-zero exit.

From issue 16's audit: both commands on a read-only directory exited with a traceback (`OSError: [Errno 30] ...
cupql.db.import-lock`). The read-only directory is a real read-only bind mount, made in a mount namespace of the
command's own (`unshare -m`, which needs root; CI runs as root).
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from cupql.loading import bundled_articles, load
from tests.conftest import REPO, require

COMMANDS = {
    "serve": ["serve", "--port", "1"],
    "load": ["load"],
}


def run(command: str, database_url: str, *, read_only: Path | None = None) -> subprocess.CompletedProcess[str]:
    argv = [sys.executable, "-m", "cupql", *COMMANDS[command], "--database-url", database_url]
    if read_only is not None:
        mount = f'mount --bind {read_only} {read_only} && mount -o remount,ro,bind {read_only} && exec "$@"'
        argv = ["unshare", "-m", "sh", "-c", mount, "sh", *argv]
    environment = {**os.environ, "CUPQL_IMPORT_LOCK_TIMEOUT": "2"}
    return subprocess.run(argv, cwd=REPO, capture_output=True, text=True, timeout=120, check=False, env=environment)


def one_line_error(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode != 0
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("Error: ")
    return lines[0]


@pytest.mark.parametrize("command", list(COMMANDS))
@pytest.mark.parametrize("where", ["cupql.db", "missing/cupql.db"])
def test_a_read_only_directory(tmp_path: Path, command: str, where: str) -> None:
    require(os.geteuid() == 0 and shutil.which("unshare") is not None, "a read-only bind mount needs root and unshare")
    line = one_line_error(run(command, f"sqlite:///{tmp_path / where}", read_only=tmp_path))
    assert "Read-only file system" in line


@pytest.mark.parametrize("command", list(COMMANDS))
def test_a_corrupt_sqlite_file(tmp_path: Path, command: str) -> None:
    database = tmp_path / "cupql.db"
    database.write_bytes(b"this is not a database, " * 100)
    line = one_line_error(run(command, f"sqlite:///{database}"))
    assert line.endswith("DatabaseError: file is not a database")


@pytest.mark.parametrize("command", list(COMMANDS))
def test_a_locked_sqlite_file(tmp_path: Path, command: str) -> None:
    database = tmp_path / "cupql.db"
    load(f"sqlite:///{database}", bundled_articles(), strict=False, echo=lambda _line: None, progress=False)
    holder = sqlite3.connect(database, isolation_level=None)
    try:
        holder.execute("BEGIN EXCLUSIVE")
        line = one_line_error(run(command, f"sqlite:///{database}"))
    finally:
        holder.close()
    assert "database is locked" in line


@pytest.mark.parametrize("command", list(COMMANDS))
def test_a_wrong_url_scheme(command: str) -> None:
    line = one_line_error(run(command, "mysql://root@127.0.0.1/cupql"))
    assert line == "Error: unsupported database 'mysql': use sqlite:///PATH or postgresql://USER@HOST/DB"


@pytest.mark.parametrize("command", list(COMMANDS))
def test_a_database_of_another_schema_version(tmp_path: Path, command: str) -> None:
    database = tmp_path / "future.db"
    with sqlite3.connect(database) as connection:
        connection.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) PRIMARY KEY)")
        connection.execute("INSERT INTO alembic_version VALUES ('from_the_future')")
    line = one_line_error(run(command, f"sqlite:///{database}"))
    assert "from_the_future" in line
