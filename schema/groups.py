"""Aggregates grouped by several keys at once, with sums: `matches { groups(by: [ROUND, RESULT]) }`."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import strawberry

from db import models
from football.errors import BadUserInput
from football.keys import club_entry_key
from resolvers import listing
from resolvers.pages import ListQuery, group_by_keys
from schema.enums import GoalGroupKey, MatchGroupKey
from schema.types import Info

# More keys than this make groups of one row: a listing, not an aggregate.
MAX_GROUP_KEYS = 3

M, G = models.MatchRow, models.GoalRow


@strawberry.type(description="One combination of group keys among the filtered matches, with counts and goal sums.")
class MatchGroup:
    keys: list[str | None] = strawberry.field(
        description="The group's value for each key of `by`, in order; null = unknown."
    )
    count: int = strawberry.field(description="Matches.")
    goals: int = strawberry.field(description="Goals scored in them.")
    home_goals: int = strawberry.field(description="Goals of the clubs listed first.")
    away_goals: int = strawberry.field(description="Goals of the clubs listed second.")


@strawberry.type(description="One combination of group keys among the filtered goals, with counts.")
class GoalGroup:
    keys: list[str | None] = strawberry.field(
        description="The group's value for each key of `by`, in order; null = unknown."
    )
    count: int = strawberry.field(description="Goals.")
    penalties: int = strawberry.field(description="Of which penalties.")
    own_goals: int = strawberry.field(description="Of which own goals.")


def _checked(by: Sequence[Any]) -> list[Any]:
    if not 1 <= len(by) <= MAX_GROUP_KEYS or len(set(by)) != len(by):
        raise BadUserInput(f"`by` takes 1 to {MAX_GROUP_KEYS} different keys, got {len(by)}.")
    return list(by)


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(getattr(value, "name", value))


async def _labels(info: Info, season: models.SeasonRow, key: Any, values: list[Any]) -> Callable[[Any], str]:
    """How the values of one key are shown: names for clubs, scorers and groups, ranges for minutes."""
    known = [value for value in values if value is not None]
    if key is GoalGroupKey.CLUB:
        clubs = await info.context.loaders.club.load_many([club_entry_key(season.id, value) for value in known])
        names = {club.club.id: club.club.name for club in clubs if club}
        return lambda value: names.get(value, value)
    if key is GoalGroupKey.SCORER:
        players = await info.context.loaders.player.load_many(known)
        scorers = {player.id: player.name for player in players if player}
        return lambda value: scorers.get(value, value)
    if key is GoalGroupKey.MINUTE_BUCKET:
        size = listing.BUCKET_MINUTES
        return lambda value: f"{int(value) * size + 1}-{(int(value) + 1) * size}"
    if key is MatchGroupKey.GROUP:
        return lambda value: str(value).rsplit("group-", 1)[-1].upper()
    return _text


async def _grouped(
    info: Info, season: models.SeasonRow, query: ListQuery[Any], by: list[Any], columns: list[Any], *sums: Any
) -> list[tuple[list[str | None], tuple[Any, ...]]]:
    rows = await group_by_keys(query, info.context, columns, *sums)
    labels = [await _labels(info, season, key, [row[i] for row in rows]) for i, key in enumerate(by)]
    return [
        ([None if row[i] is None else labels[i](row[i]) for i in range(len(by))], tuple(row[len(by) :])) for row in rows
    ]


async def match_groups(
    info: Info, season: models.SeasonRow, query: ListQuery[Any], by: Sequence[MatchGroupKey]
) -> list[MatchGroup]:
    keys = _checked(by)
    columns = [listing.match_group_key(key) for key in keys]
    rows = await _grouped(info, season, query, keys, columns, M.home_score, M.away_score)
    return [
        MatchGroup(keys=labels, count=count, goals=int(home) + int(away), home_goals=int(home), away_goals=int(away))
        for labels, (count, home, away) in rows
    ]


async def goal_groups(
    info: Info, season: models.SeasonRow, query: ListQuery[Any], by: Sequence[GoalGroupKey]
) -> list[GoalGroup]:
    keys = _checked(by)
    columns = [listing.goal_group_key(key) for key in keys]
    penalty = listing.flag_sum(G.penalty.is_(True))
    own_goal = listing.flag_sum(G.own_goal.is_(True))
    rows = await _grouped(info, season, query, keys, columns, penalty, own_goal)
    return [
        GoalGroup(keys=labels, count=count, penalties=int(penalties), own_goals=int(own_goals))
        for labels, (count, penalties, own_goals) in rows
    ]
