"""What a database error means: an outage to retry later, or one failed statement on a working database."""

from __future__ import annotations

from sqlalchemy.exc import InterfaceError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeoutError

__all__ = ["is_outage"]

# SQLite's primary result codes that mean the database file cannot be used, not that a statement is wrong:
# BUSY, LOCKED, IOERR, CORRUPT, CANTOPEN, NOTADB.
_SQLITE_OUTAGE_CODES = frozenset({5, 6, 10, 11, 14, 26})
# PostgreSQL SQLSTATE classes and codes of the same kind: connection exceptions, too many connections
# or out of resources, and the server shutting down or starting up.
_POSTGRES_OUTAGE_CLASSES = ("08", "53", "57P")


def is_outage(error: BaseException | None) -> bool:
    """True when ``error`` means the database cannot be reached or used right now (try again later),
    False when one statement failed on a working database."""
    if isinstance(error, PoolTimeoutError | InterfaceError):
        return True
    if not isinstance(error, OperationalError):
        return False
    if error.connection_invalidated:
        return True
    driver_error = error.orig
    sqlite_code = getattr(driver_error, "sqlite_errorcode", None)
    if isinstance(sqlite_code, int):
        return sqlite_code & 0xFF in _SQLITE_OUTAGE_CODES
    sqlstate = getattr(driver_error, "sqlstate", None)
    # psycopg reports a failed connection attempt with no SQLSTATE at all.
    return sqlstate is None or sqlstate.startswith(_POSTGRES_OUTAGE_CLASSES)
