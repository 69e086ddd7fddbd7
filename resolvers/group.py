"""Groups of the group stage: finding the one a filter names."""

from __future__ import annotations

from db import models
from football.errors import BadUserInput
from football.vocabulary import fold
from resolvers.context import Context
from resolvers.lookup import shown


async def group_id(context: Context, season: models.SeasonRow, name: str) -> str:
    """The key of the season's group a filter names (`A` or `Group A`); BAD_USER_INPUT when there is none."""
    wanted = fold(name).removeprefix("group ").strip()
    groups = await context.loaders.groups_by_season.load(season.id)
    for group in groups:
        if fold(group.name) == wanted:
            return group.id
    names = ", ".join(group.name for group in groups) or "none"
    raise BadUserInput(f"No group {shown(name)} in {season.name}; its groups are: {names}.")


def group_name(group_id: str) -> str:
    """A group's letter from its key (`...-group-a` -> `A`), as group-bys show it."""
    return group_id.rsplit("group-", 1)[-1].upper()
