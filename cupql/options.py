"""Declare a setting once: a dataclass field made with `option()` is a `--flag`, a `CUPQL_*` variable and a default.

A group of settings is a frozen dataclass whose option fields carry their help text::

    @dataclass(frozen=True)
    class BodyLimits:
        max_body_bytes: int = option(1_000_000, "Largest request body, in bytes.")

`click_options(BodyLimits)` adds `--max-body-bytes` (env `CUPQL_MAX_BODY_BYTES`) to a command,
`from_values(BodyLimits, kwargs)` builds the group from the command's arguments, and
`to_environment` / `from_environment` carry a group to uvicorn's worker processes.
Fields made with plain `field()` are not options: they keep their default.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator, Mapping
from typing import Any, TypeVar

import click

__all__ = ["click_options", "env_name", "from_environment", "from_values", "option", "option_fields", "to_environment"]

_HELP = "cupql.help"
G = TypeVar("G")
F = TypeVar("F", bound=Callable[..., Any])


def option(default: Any, help: str) -> Any:
    """A dataclass field that is also a command-line option and an environment variable."""
    return dataclasses.field(default=default, metadata={_HELP: help})


def option_fields(group: type[Any]) -> Iterator[dataclasses.Field[Any]]:
    """The fields of `group` declared with `option()`."""
    return (f for f in dataclasses.fields(group) if _HELP in f.metadata)


def env_name(name: str) -> str:
    """`max_depth` -> `CUPQL_MAX_DEPTH`."""
    return f"CUPQL_{name.upper()}"


def _parse(value: str, default: Any) -> Any:
    if isinstance(default, bool):
        return value.strip().lower() in {"1", "true", "yes", "on"}
    if default is None:
        return value or None
    return type(default)(value)


def click_options(*groups: type[Any]) -> Callable[[F], F]:
    """A decorator adding one click option per option field of `groups`."""

    def decorate(command: F) -> F:
        for group in reversed(groups):
            for f in reversed(list(option_fields(group))):
                flag = "--" + f.name.replace("_", "-")
                kwargs: dict[str, Any] = {"show_envvar": True, "envvar": env_name(f.name), "help": f.metadata[_HELP]}
                if isinstance(f.default, bool):
                    kwargs["is_flag"] = True
                elif f.default is None:
                    kwargs["type"] = int
                command = click.option(flag, f.name, default=f.default, **kwargs)(command)
        return command

    return decorate


def from_values(group: type[G], values: dict[str, Any]) -> G:
    """`group` built from (and popping) its option fields in `values`, e.g. a click command's keyword arguments."""
    return group(**{f.name: values.pop(f.name) for f in option_fields(group) if f.name in values})


def to_environment(settings: object) -> dict[str, str]:
    """The `CUPQL_*` variables of a group's option fields (None is left out)."""
    variables = {}
    for f in option_fields(type(settings)):
        value = getattr(settings, f.name)
        if value is not None:
            variables[env_name(f.name)] = ("1" if value else "0") if isinstance(value, bool) else str(value)
    return variables


def from_environment(group: type[G], environ: Mapping[str, str]) -> G:
    """`group` from `CUPQL_*` variables, its defaults for the rest."""
    values = {
        f.name: _parse(environ[env_name(f.name)], f.default)
        for f in option_fields(group)
        if env_name(f.name) in environ
    }
    return group(**values)
