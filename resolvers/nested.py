"""Lists inside an object (a club's goals, a match's cards, ...) filtered and ordered like the connections.

The filter and order are the top-level lists' own (resolvers/match.py, goal.py, ...), narrowed to the parents asking:
every parent asking with the same filter and order in a request shares one `... WHERE parent IN (...)`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from sqlalchemy import ColumnElement, or_
from strawberry.dataloader import DataLoader

from db import models
from resolvers.batching import MAX_BATCH
from resolvers.card import CardCriteria, card_query
from resolvers.context import Context
from resolvers.cursor_pages import ListQuery
from resolvers.goal import GoalCriteria, goal_query
from resolvers.match import MatchCriteria, match_query
from resolvers.player import PlayerCriteria, player_query

Row = TypeVar("Row")
Where = TypeVar("Where")
Order = TypeVar("Order")
M, G, C, P = models.MatchRow, models.GoalRow, models.CardRow, models.PlayerRow


@dataclass(frozen=True)
class Nesting(Generic[Row, Where, Order]):
    """How one kind of inner list is read: its criteria and top-level query, and how its rows belong to parents."""

    name: str
    criteria: type[Where]
    query: Callable[[Context, models.SeasonRow, Where | None, Order | None], Awaitable[ListQuery[Row]]]
    among: Callable[[Sequence[str]], ColumnElement[bool]]
    parents: Callable[[Row], Sequence[str]]


def _column(column: Any) -> tuple[Callable[[Sequence[str]], ColumnElement[bool]], Callable[[Any], Sequence[str]]]:
    return (lambda ids: column.in_(ids)), (lambda row: (getattr(row, column.key),))


CLUB_GOALS = Nesting("club goals", GoalCriteria, goal_query, *_column(G.club_id))
CLUB_CARDS = Nesting("club cards", CardCriteria, card_query, *_column(C.club_id))
CLUB_PLAYERS = Nesting("club players", PlayerCriteria, player_query, *_column(P.club_id))
CLUB_MATCHES = Nesting(
    "club matches",
    MatchCriteria,
    match_query,
    lambda ids: or_(M.home_id.in_(ids), M.away_id.in_(ids)),
    lambda match: (match.home_id, match.away_id),
)
PLAYER_GOALS = Nesting("player goals", GoalCriteria, goal_query, *_column(G.scorer_id))
PLAYER_CARDS = Nesting("player cards", CardCriteria, card_query, *_column(C.player_id))
MATCH_GOALS = Nesting("match goals", GoalCriteria, goal_query, *_column(G.match_id))
MATCH_CARDS = Nesting("match cards", CardCriteria, card_query, *_column(C.match_id))
GROUP_MATCHES = Nesting("group matches", MatchCriteria, match_query, *_column(M.group_id))


async def inner_list(
    context: Context,
    nesting: Nesting[Row, Where, Order],
    season_id: str,
    parent_id: str,
    where: Where | None,
    order: Order | None,
) -> list[Row]:
    """The rows of `parent_id`'s list that `where` keeps, in `order`."""
    # Inputs are plain dataclasses: their repr names every value, so equal arguments share a loader.
    key = ("nested", nesting.name, season_id, repr(where), repr(order))
    loader: DataLoader[str, list[Row]] | None = context.nested.get(key)
    if loader is None:
        # Built here, not in the batch: names in the filter are looked up through loaders of their own, and
        # a batch must not wait for a later wave.
        season = await context.loaders.season.load(season_id)
        if season is None:
            raise LookupError(f"no season {season_id}")
        query = await nesting.query(context, season, where, order)
        loader = context.nested.setdefault(key, _loader(context, nesting, query))
    return await loader.load(parent_id)


def _loader(context: Context, nesting: Nesting[Row, Any, Any], query: ListQuery[Row]) -> DataLoader[str, list[Row]]:
    async def load(parent_ids: list[str]) -> list[list[Row]]:
        statement = query.statement.where(nesting.among(parent_ids)).order_by(*query.order_by)
        grouped: dict[str, list[Row]] = defaultdict(list)
        for row in await context.database.execute(statement):
            for parent in nesting.parents(row):
                grouped[parent].append(row)
        return [grouped.get(parent, []) for parent in parent_ids]

    return DataLoader(context.database.waves.batched(load), max_batch_size=MAX_BATCH)
