"""The root Query type, assembled from the entities' fields; every entry point takes an optional `season` (a year;
the latest when omitted). `node`/`nodes` find any object by its global ID."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Annotated, Any

import strawberry
from strawberry.dataloader import DataLoader

from football.errors import BadUserInput
from resolvers.ids import decode_id
from schema.all_time import titles_field
from schema.card import Card, cards_field
from schema.club import Club, club_field, clubs_field
from schema.goal import Goal, goals_field
from schema.group import Group, groups_field
from schema.match import Match, match_field, matches_field
from schema.player import Player, player_field, players_field, top_scorers_field
from schema.relay import GlobalId, Info, Node
from schema.round_info import RoundInfo, rounds_field
from schema.season import Season, season_field, seasons_field
from schema.tie import Tie, ties_field

NODE_TYPES = (Season, Club, Match, Goal, Card, Player, Group, Tie, RoundInfo)
"""Every type `node(id:)` returns: the schema lists them so that each is known before a query names it."""


async def _node(info: Info, global_id: str) -> Node | None:
    decoded = decode_id(global_id)
    if decoded is None:
        return None
    type_name, key = decoded
    loaders = info.context.loaders
    by_type: dict[str, tuple[DataLoader[str, Any], Callable[..., Node]]] = {
        "Season": (loaders.season, Season),
        "Club": (loaders.club, Club),
        "Match": (loaders.match, Match),
        "Goal": (loaders.goal, Goal),
        "Card": (loaders.card, Card),
        "Player": (loaders.player, Player),
        "Group": (loaders.group, Group),
        "Tie": (loaders.tie, Tie),
        "RoundInfo": (loaders.round, RoundInfo),
    }
    if type_name not in by_type:
        return None
    loader, wrap = by_type[type_name]
    row = await loader.load(key)
    return wrap(row=row) if row else None


@strawberry.type(
    description="The entry points of the cupql API. Each is nullable so that one failing field "
    "leaves its siblings' data intact."
)
class Query:
    @strawberry.field(description="Any object by its global ID; null when there is none.")
    async def node(self, info: Info, id: GlobalId) -> Node | None:
        return await _node(info, id)

    @strawberry.field(description="Objects by global IDs, in the same order; null for each unknown ID.")
    async def nodes(
        self,
        info: Info,
        ids: Annotated[list[strawberry.ID], strawberry.argument(description="Global IDs, at most the page-size cap.")],
    ) -> list[Node | None] | None:
        if len(ids) > info.context.limits.max_page_size:
            raise BadUserInput(f"At most {info.context.limits.max_page_size} IDs at a time.")
        # Gathered, so the objects of each type are fetched in one batch.
        return list(await asyncio.gather(*(_node(info, i) for i in ids)))

    seasons = seasons_field
    season = season_field
    club = club_field
    player = player_field
    match = match_field
    clubs = clubs_field
    matches = matches_field
    goals = goals_field
    cards = cards_field
    players = players_field
    titles = titles_field
    top_scorers = top_scorers_field
    groups = groups_field
    rounds = rounds_field
    ties = ties_field
