"""Finding what a client names: a season by year, an object by global ID, and how a miss is told (suggestions)."""

from __future__ import annotations

import difflib
from typing import TypeVar

from strawberry.dataloader import DataLoader

from db import models
from football.errors import NotFound
from football.vocabulary import fold
from resolvers.context import Context
from resolvers.ids import decode_id

T = TypeVar("T")


def shown(text: str, limit: int = 60) -> str:
    """`text` quoted for a message, cut short so a huge input does not come back whole."""
    return repr(text if len(text) <= limit else text[:limit] + "…")


async def season_for(context: Context, year: int | None) -> models.SeasonRow:
    """The season of `year`, or the latest when `year` is None (one indexed lookup, remembered per request)."""
    return await context.season_of_year(year)


def suggest(name: str, names: list[str]) -> str:
    """The sentence naming the names closest to `name` ("Did you mean ...?"), or nothing when none is close."""
    if len(name) > 2 * max(map(len, names), default=0):
        return ""  # nothing is close to it, and difflib's work would grow with its length
    folded = {fold(n): n for n in names}
    close = [folded[n] for n in difflib.get_close_matches(fold(name), list(folded), n=3, cutoff=0.5)]
    return f" Did you mean {', '.join(repr(n) for n in close)}?" if close else ""


async def by_global_id(value: str, type_name: str, loader: DataLoader[str, T | None]) -> T | None:
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
