"""Command-line flags for the settings declared in `cupql.settings`, shared by every command that takes them."""

from __future__ import annotations

from collections.abc import Callable

import click

from cupql.settings import declared_settings


def settings_options(
    *names: str, exclude: tuple[str, ...] = ()
) -> Callable[[Callable[..., None]], Callable[..., None]]:
    """Add a flag for each setting named (every setting but those in `exclude` when none is: see cupql.settings),
    each with its `CUPQL_*` variable and default."""

    def decorate(command: Callable[..., None]) -> Callable[..., None]:
        chosen = [
            declared
            for declared in declared_settings()
            if (declared.name in names if names else declared.name not in exclude)
        ]
        for declared in reversed(chosen):
            flag = f"{declared.flag}/--no-{declared.flag[2:]}" if declared.kind is bool else declared.flag
            command = click.option(
                flag,
                declared.name,
                type=declared.kind,
                default=declared.default,
                show_envvar=True,
                envvar=declared.variable,
                help=declared.help,
            )(command)
        return command

    return decorate
