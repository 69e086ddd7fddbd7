"""Finding what a client names: a season by year, a club or player by ID or by name (any case, no accents)."""

from __future__ import annotations

import difflib
from typing import TypeVar

from sqlalchemy import select
from strawberry.dataloader import DataLoader

from db import models
from football.errors import BadUserInput, NotFound
from football.vocabulary import fold, slug
from resolvers.context import Context
from resolvers.ids import decode_id
from resolvers.loaders import ClubInSeason, clubs_in_season

T = TypeVar("T")


def shown(text: str, limit: int = 60) -> str:
    """`text` quoted for a message, cut short so a huge input does not come back whole."""
    return repr(text if len(text) <= limit else text[:limit] + "…")


async def season_for(context: Context, year: int | None) -> models.SeasonRow:
    """The season of `year`, or the latest when `year` is None (one indexed lookup, remembered per request)."""
    return await context.season_of_year(year)


async def clubs_of(context: Context, season: models.SeasonRow) -> list[ClubInSeason]:
    """Every club of a season, by name (one query, then primed into the club loader)."""
    statement = (
        clubs_in_season().where(models.ClubEntryRow.season_id == season.id).order_by(models.ClubEntryRow.sort_name)
    )
    clubs = [ClubInSeason.from_row(row) for row in await context.database.execute(statement)]
    for club in clubs:
        context.loaders.club.prime(club.entry.id, club)
    return clubs


def _suggest(name: str, names: list[str]) -> str:
    if len(name) > 2 * max(map(len, names), default=0):
        return ""  # nothing is close to it, and difflib's work would grow with its length
    folded = {fold(n): n for n in names}
    close = [folded[n] for n in difflib.get_close_matches(fold(name), list(folded), n=3, cutoff=0.5)]
    return f" Did you mean {', '.join(repr(n) for n in close)}?" if close else ""


async def _by_global_id(value: str, type_name: str, loader: DataLoader[str, T | None]) -> T | None:
    """The object `value` names when it is a global ID (NotFound when it names none), else None."""
    decoded = decode_id(value)
    if decoded is None:
        return None
    if decoded[0] != type_name:
        raise NotFound(f"{shown(value)} is the ID of a {decoded[0]}, not of a {type_name}.")
    found = await loader.load(decoded[1])
    if found is None:
        raise NotFound(f"No {type_name.lower()} with ID {shown(value)}.")
    return found


async def find_club(context: Context, season: models.SeasonRow, name_or_id: str) -> ClubInSeason:
    """A club of the season named by global ID or by name; NotFound suggests the closest names."""
    by_id = await _by_global_id(name_or_id, "Club", context.loaders.club)
    if by_id is not None:
        return by_id
    clubs = await clubs_of(context, season)
    # Folded once, not once per club: the cost of a lookup must not grow as name length times clubs.
    wanted, wanted_key = fold(name_or_id), slug(name_or_id)
    for club in clubs:
        # This season's spelling, the first season's, or the key: `khan tengri` finds `Khan-Tengri`.
        if wanted in (fold(club.entry.name), fold(club.club.name)) or club.club.id == wanted_key:
            return club
    raise NotFound(
        f"No club named {shown(name_or_id)} in {season.name}." + _suggest(name_or_id, [c.entry.name for c in clubs])
    )


async def club_id(context: Context, season: models.SeasonRow, name_or_id: str | None) -> str | None:
    """The club key a filter names, checked against the season; BAD_USER_INPUT when unknown."""
    if name_or_id is None:
        return None
    try:
        return (await find_club(context, season, name_or_id)).club.id
    except NotFound as error:
        raise BadUserInput(error.message) from None


async def find_player(context: Context, season: models.SeasonRow, name_or_id: str) -> models.PlayerRow:
    """A player named by global ID, full name or the short name match lines use (`Romero`)."""
    by_id = await _by_global_id(name_or_id, "Player", context.loaders.player)
    if by_id is not None:
        return by_id
    players = list(
        await context.database.execute(
            select(models.PlayerRow.__table__).where(models.PlayerRow.season_id == season.id)
        )
    )
    wanted = fold(name_or_id)
    surname = " " + wanted
    exact = [p for p in players if fold(p.name) == wanted]
    candidates: list[models.PlayerRow] = exact or [p for p in players if fold(p.name).endswith(surname)]
    if len(candidates) == 1:
        return candidates[0]
    if candidates:
        names = ", ".join(sorted(f"{p.name} ({p.club_id})" for p in candidates))
        raise BadUserInput(f"{shown(name_or_id)} could be any of: {names}; use the full name or an ID.")
    raise NotFound(
        f"No player named {shown(name_or_id)} in {season.name}." + _suggest(name_or_id, [p.name for p in players])
    )


async def player_id(context: Context, season: models.SeasonRow, name_or_id: str | None) -> str | None:
    """The player key a filter names; BAD_USER_INPUT when unknown."""
    if name_or_id is None:
        return None
    try:
        return (await find_player(context, season, name_or_id)).id
    except NotFound as error:
        raise BadUserInput(error.message) from None


async def group_id(context: Context, season: models.SeasonRow, name: str) -> str:
    """The key of the season's group a filter names (`A` or `Group A`); BAD_USER_INPUT when there is none."""
    wanted = fold(name).removeprefix("group ").strip()
    groups = await context.loaders.groups_by_season.load(season.id)
    for group in groups:
        if fold(group.name) == wanted:
            return group.id
    names = ", ".join(group.name for group in groups) or "none"
    raise BadUserInput(f"No group {shown(name)} in {season.name}; its groups are: {names}.")
