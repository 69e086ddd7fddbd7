"""One import at a time per database: migrations and the write of seasons run under an exclusive lock.

On PostgreSQL the lock is a session-level advisory lock, held on a connection of its own; on SQLite it
is an exclusive `flock` on a file beside the database (`cupql.db.import-lock`). Both are released by
the operating system or the server if the importing process dies, so a `kill -9` never leaves the
database locked. A second import waits for the first, polling, up to a timeout; then it is refused
with `ImportBusy`, which says what happened.
"""

from __future__ import annotations

import contextlib
import fcntl
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from sqlalchemy import Engine, text

__all__ = ["IMPORT_LOCK_KEY", "ImportBusy", "import_lock"]

# The advisory lock key cupql's imports share ("cupql" in ASCII); any int8 would do.
IMPORT_LOCK_KEY = 0x6375_7071_6C
_POLL_SECONDS = 0.2


class ImportBusy(Exception):
    """Another import held the database's import lock for longer than we were willing to wait."""


@contextlib.contextmanager
def import_lock(engine: Engine, timeout: float, on_wait: Callable[[], None] = lambda: None) -> Iterator[None]:
    """Hold `engine`'s database import lock; wait up to `timeout` seconds for it (calling `on_wait` once)."""
    if engine.dialect.name == "postgresql":
        with _advisory_lock(engine, timeout, on_wait):
            yield
    elif engine.url.database and engine.url.database != ":memory:":
        with _file_lock(Path(f"{engine.url.database}.import-lock"), timeout, on_wait):
            yield
    else:
        yield  # an in-memory database belongs to this process alone


def _wait(try_lock: Callable[[], bool], timeout: float, on_wait: Callable[[], None]) -> None:
    deadline = time.monotonic() + timeout
    waited = False
    while not try_lock():
        if time.monotonic() >= deadline:
            raise ImportBusy(
                f"another import is running on this database (waited {timeout:g} s); try again when it has finished"
            )
        if not waited:
            on_wait()
            waited = True
        time.sleep(_POLL_SECONDS)


@contextlib.contextmanager
def _advisory_lock(engine: Engine, timeout: float, on_wait: Callable[[], None]) -> Iterator[None]:
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:

        def try_lock() -> bool:
            return bool(connection.scalar(text("SELECT pg_try_advisory_lock(:key)"), {"key": IMPORT_LOCK_KEY}))

        _wait(try_lock, timeout, on_wait)
        try:
            yield
        finally:
            connection.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": IMPORT_LOCK_KEY})


@contextlib.contextmanager
def _file_lock(path: Path, timeout: float, on_wait: Callable[[], None]) -> Iterator[None]:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a") as handle:

        def try_lock() -> bool:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                return False
            return True

        _wait(try_lock, timeout, on_wait)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
