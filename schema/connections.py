"""Relay connections for the lists that grow (clubs, matches, players, goals, cards), with counts and group-bys."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Annotated, Any, Generic, TypeVar

import strawberry
from sqlalchemy import case, func, select
from strawberry import Private

from db import models
from football.keys import club_entry_key
from resolvers import listing
from resolvers.pages import ListQuery, Page, encode_cursor
from resolvers.scores import GOALS_SCORED, scored
from schema.enums import CardGroupKey, ClubGroupKey, GoalGroupKey, MatchGroupKey, PlayerGroupKey
from schema.groups import GoalGroup, MatchGroup, goal_groups, match_groups
from schema.types import Card, Club, Goal, Info, Match, Player, Season

NodeT = TypeVar("NodeT")
GROUP_KEY = strawberry.argument(description="What to group by.")
GROUP_KEYS = strawberry.argument(description="What to group by, outermost first (one to three keys).")


@strawberry.type(description="Where a page sits in its list.")
class PageInfo:
    has_next_page: bool = strawberry.field(description="Whether `after: endCursor` has more.")
    has_previous_page: bool = strawberry.field(description="Whether `before: startCursor` has more.")
    start_cursor: str | None = strawberry.field(description="The first edge's cursor.")
    end_cursor: str | None = strawberry.field(description="The last edge's cursor.")


@strawberry.type(description="A node and the cursor to page from it.")
class Edge(Generic[NodeT]):
    cursor: str = strawberry.field(description="Pass as `after` or `before`.")
    node: NodeT = strawberry.field(description="The object.")


@strawberry.type(description="One group of a groupBy: its key and how many rows it has.")
class Bucket:
    key: str | None = strawberry.field(description='The group\'s value (a name, a round, "16-30"); null = unknown.')
    count: int = strawberry.field(description="Rows in the group.")
    lower_bound: int | None = strawberry.field(
        default=None, description="For a numeric range (MINUTE_BUCKET), its first value, e.g. 16; else null."
    )
    upper_bound: int | None = strawberry.field(
        default=None, description="For a numeric range (MINUTE_BUCKET), its last value, e.g. 30; else null."
    )


@strawberry.type(description="One group of matches: its key, how many matches and their goals.")
class MatchBucket:
    key: str | None = strawberry.field(description="The group's value; null = unknown.")
    count: int = strawberry.field(description="Matches in the group.")
    goals: int = strawberry.field(description="Goals scored in them.")


@strawberry.type(description="A page of a list, with its total.")
class PagedList(Generic[NodeT]):
    nodes: list[NodeT] = strawberry.field(description="The page's objects.")
    edges: list[Edge[NodeT]] = strawberry.field(description="The page's objects with their cursors.")
    page_info: PageInfo = strawberry.field(description="Cursors and whether there is more.")
    query: Private[ListQuery[Any]]

    @strawberry.field(description="How many objects match the filter, over all pages.")
    async def total_count(self, info: Info) -> int:
        return await self.query.count(info.context)


@strawberry.type(description="The loaded seasons, latest first, paged.")
class SeasonConnection(PagedList[Season]):
    pass


@strawberry.type(description="A page of a season's list, with its total and aggregates over the whole filtered list.")
class Connection(PagedList[NodeT]):
    season: Private[models.SeasonRow]

    async def _buckets(self, info: Info, key: Any, label: Callable[[Any], str | None]) -> list[Bucket]:
        rows = await self.query.group_by(info.context, key)
        return [Bucket(key=None if value is None else label(value), count=count) for value, count in rows]

    async def _club_buckets(self, info: Info, key: Any) -> list[Bucket]:
        """Buckets keyed by a club id column, labelled with the clubs' names."""
        rows = await self.query.group_by(info.context, key)
        names = await _club_names(info, self.season, [value for value, _ in rows if value])
        return [Bucket(key=names.get(value, value) if value else None, count=count) for value, count in rows]


def build(cls: type[Any], page: Page[Any], wrap: Callable[[Any], Any], query: ListQuery[Any], **fields: Any) -> Any:
    """A `cls` connection over `page`, each row wrapped in its GraphQL type (`fields` are its private ones)."""
    nodes = [wrap(row) for row in page.rows]
    edges = [Edge(cursor=encode_cursor(query.kind, page.offset + i), node=n) for i, n in enumerate(nodes)]
    info = PageInfo(
        has_next_page=page.has_next,
        has_previous_page=page.has_previous,
        start_cursor=edges[0].cursor if edges else None,
        end_cursor=edges[-1].cursor if edges else None,
    )
    return cls(nodes=nodes, edges=edges, page_info=info, query=query, **fields)


async def _club_names(info: Info, season: models.SeasonRow, ids: Sequence[str]) -> dict[str, str]:
    clubs = await info.context.loaders.club.load_many([club_entry_key(season.id, i) for i in ids])
    return {c.club.id: c.entry.name for c in clubs if c}


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(getattr(value, "name", value))


def _group_name(group_id: str) -> str:
    return group_id.rsplit("group-", 1)[-1].upper()


@strawberry.type(description="Totals over the filtered matches.")
class MatchAggregate:
    count: int = strawberry.field(description="Matches.")
    goals: int = strawberry.field(description="Goals scored in them.")
    home_goals: int = strawberry.field(description="Goals of the clubs listed first.")
    away_goals: int = strawberry.field(description="Goals of the clubs listed second.")
    average_goals: float | None = strawberry.field(description="Goals per match, two decimals.")
    extra_time_matches: int = strawberry.field(description="Matches known to have gone to extra time.")


@strawberry.type(description="Matches, paged, with totals and group-bys over the filter.")
class MatchConnection(Connection[Match]):
    @strawberry.field(description="Counts and goals per group, e.g. by ROUND or RESULT (HOME_WIN, DRAW, AWAY_WIN).")
    async def group_by(self, info: Info, key: Annotated[MatchGroupKey, GROUP_KEY]) -> list[MatchBucket]:
        rows = await self.query.group_by(info.context, listing.match_group_key(key), GOALS_SCORED)
        label: Callable[[Any], str] = _group_name if key is MatchGroupKey.GROUP else _text
        return [
            MatchBucket(key=None if value is None else label(value), count=count, goals=int(total or 0))
            for value, count, total in rows
        ]

    @strawberry.field(description="Counts and goal sums per combination of up to three keys, e.g. by: [ROUND, RESULT].")
    async def groups(self, info: Info, by: Annotated[list[MatchGroupKey], GROUP_KEYS]) -> list[MatchGroup]:
        return await match_groups(info, self.season, self.query, by)

    @strawberry.field(description="Totals over every match the filter keeps.")
    async def aggregate(self, info: Info) -> MatchAggregate:
        subquery = self.query.statement.order_by(None).subquery()
        statement = select(
            func.count(),
            func.coalesce(func.sum(scored(subquery.c.home_score, subquery.c.awarded)), 0),
            func.coalesce(func.sum(scored(subquery.c.away_score, subquery.c.awarded)), 0),
            func.coalesce(func.sum(case((subquery.c.extra_time.is_(True), 1), else_=0)), 0),
        ).select_from(subquery)
        count, home, away, extra = (await info.context.database.execute(statement))[0]
        goals = int(home) + int(away)
        return MatchAggregate(
            count=count,
            goals=goals,
            home_goals=int(home),
            away_goals=int(away),
            average_goals=round(goals / count, 2) if count else None,
            extra_time_matches=int(extra),
        )


@strawberry.type(description="Totals over the filtered goals.")
class GoalAggregate:
    count: int = strawberry.field(description="Goals.")
    penalties: int = strawberry.field(description="Of which penalties.")
    own_goals: int = strawberry.field(description="Of which own goals.")
    with_known_minute: int = strawberry.field(description="Of which the article gives the minute.")
    with_known_scorer: int = strawberry.field(description="Of which the scorer is STATED or INFERRED.")


def _minute_buckets(counts: dict[int | None, int]) -> list[Bucket]:
    """Every range of minutes 1-120 in order, those without goals too, then goals of unknown minute if any."""
    size = listing.BUCKET_MINUTES
    buckets = []
    for index in range(listing.LAST_MINUTE // size):
        lower, upper = index * size + 1, (index + 1) * size
        buckets.append(Bucket(key=f"{lower}-{upper}", count=counts.get(index, 0), lower_bound=lower, upper_bound=upper))
    if counts.get(None):
        buckets.append(Bucket(key=None, count=counts[None]))
    return buckets


@strawberry.type(description="Goals, paged, with totals and group-bys over the filter.")
class GoalConnection(Connection[Goal]):
    @strawberry.field(description="Goal counts per group, e.g. by MINUTE_BUCKET, ROUND or CLUB.")
    async def group_by(self, info: Info, key: Annotated[GoalGroupKey, GROUP_KEY]) -> list[Bucket]:
        rows = await self.query.group_by(info.context, listing.goal_group_key(key))
        if key is GoalGroupKey.MINUTE_BUCKET:
            return _minute_buckets({None if value is None else int(value): count for value, count in rows})
        values = [value for value, _ in rows if value is not None]
        names: dict[Any, str] = {}
        if key is GoalGroupKey.CLUB:
            names = dict(await _club_names(info, self.season, values))
        elif key is GoalGroupKey.SCORER:
            players = await info.context.loaders.player.load_many(values)
            names = {p.id: p.name for p in players if p}
        return [
            Bucket(key=None if value is None else names.get(value, _text(value)), count=count) for value, count in rows
        ]

    @strawberry.field(description="Counts per combination of up to three keys, e.g. by: [CLUB, MINUTE_BUCKET].")
    async def groups(self, info: Info, by: Annotated[list[GoalGroupKey], GROUP_KEYS]) -> list[GoalGroup]:
        return await goal_groups(info, self.season, self.query, by)

    @strawberry.field(description="Totals over every goal the filter keeps.")
    async def aggregate(self, info: Info) -> GoalAggregate:
        sub = self.query.statement.order_by(None).subquery()

        def flag(condition: Any) -> Any:
            return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)

        statement = select(
            func.count(),
            flag(sub.c.penalty.is_(True)),
            flag(sub.c.own_goal.is_(True)),
            flag(sub.c.minute.is_not(None)),
            flag(sub.c.scorer_id.is_not(None)),
        ).select_from(sub)
        count, penalties, own_goals, minutes, scorers = (await info.context.database.execute(statement))[0]
        return GoalAggregate(
            count=count,
            penalties=int(penalties),
            own_goals=int(own_goals),
            with_known_minute=int(minutes),
            with_known_scorer=int(scorers),
        )


@strawberry.type(description="Cards, paged, with group-bys over the filter.")
class CardConnection(Connection[Card]):
    @strawberry.field(description="Card counts per group, e.g. by CLUB or KIND.")
    async def group_by(self, info: Info, key: Annotated[CardGroupKey, GROUP_KEY]) -> list[Bucket]:
        if key is CardGroupKey.CLUB:
            return await self._club_buckets(info, listing.card_group_key(key))
        return await self._buckets(info, listing.card_group_key(key), _text)


@strawberry.type(description="Players, paged, with group-bys over the filter.")
class PlayerConnection(Connection[Player]):
    @strawberry.field(description="Player counts per group, e.g. by NATIONALITY or CLUB.")
    async def group_by(self, info: Info, key: Annotated[PlayerGroupKey, GROUP_KEY]) -> list[Bucket]:
        if key is PlayerGroupKey.CLUB:
            return await self._club_buckets(info, listing.player_group_key(key))
        return await self._buckets(info, listing.player_group_key(key), _text)


@strawberry.type(description="Clubs, paged, with group-bys over the filter.")
class ClubConnection(Connection[Club]):
    @strawberry.field(description="Club counts per group, e.g. by LEAGUE or ENTRY_ROUND.")
    async def group_by(self, info: Info, key: Annotated[ClubGroupKey, GROUP_KEY]) -> list[Bucket]:
        label: Callable[[Any], str] = _group_name if key is ClubGroupKey.GROUP else _text
        return await self._buckets(info, listing.club_group_key(key), label)
