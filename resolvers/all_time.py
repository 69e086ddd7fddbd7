"""Figures over every loaded season: a club's record, the titles table, and goals per person.

A person is a player the wikitext links to an article (`players.person_id`): one across seasons and clubs. A
player the text does not link is a person of one season and club only: never joined to another by name.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from sqlalchemy import func, or_, select
from strawberry.dataloader import DataLoader

from db import models
from resolvers.batching import MAX_BATCH
from resolvers.context import Context
from resolvers.cursor_pages import ListQuery

M, P, G = models.MatchRow, models.PlayerRow, models.GoalRow
PERSON = func.coalesce(P.person_id, P.id)
"""The person a player row is: the linked article's key, else the row itself (one season, one club)."""
T = TypeVar("T")


@dataclass
class Record:
    """A club's matches over every loaded season, from its own side."""

    seasons: set[int] = field(default_factory=set)
    played: int = 0
    won: int = 0
    drawn: int = 0
    lost: int = 0
    goals_for: int = 0
    goals_against: int = 0
    titles: list[int] = field(default_factory=list)

    def add(self, year: int, match: models.MatchRow, club_id: str) -> None:
        """Count `match` from `club_id`'s side: an awarded result counts no goals and is won by its winner."""
        home = match.home_id == club_id
        scored, conceded = (match.home_score, match.away_score) if home else (match.away_score, match.home_score)
        self.seasons.add(year)
        self.played += 1
        if not match.awarded:
            self.goals_for += scored or 0
            self.goals_against += conceded or 0
        if match.awarded and match.winner_id is not None:
            won = match.winner_id == club_id
            self.won += won
            self.lost += not won
        elif (scored or 0) > (conceded or 0):
            self.won += 1
        elif scored == conceded:
            self.drawn += 1
        else:
            self.lost += 1


async def club_record(context: Context, club_id: str) -> Record:
    """`club_id`'s record over every season; the clubs asked for together are read in one statement."""
    loader: DataLoader[str, Record] | None = context.nested.get(("all-time records",))
    if loader is None:

        async def load(club_ids: list[str]) -> list[Record]:
            return await _records(context, club_ids)

        loader = context.nested.setdefault(("all-time records",), DataLoader(context.database.waves.batched(load)))
    return await loader.load(club_id)


async def _records(context: Context, club_ids: list[str]) -> list[Record]:
    seasons = {season.id: season for season in await context.database.execute(select(models.SeasonRow))}
    records = {club_id: Record() for club_id in club_ids}
    statement = select(M).where(or_(M.home_id.in_(club_ids), M.away_id.in_(club_ids)))
    for match in await context.database.execute(statement):
        year = seasons[match.season_id].year
        for club_id in (match.home_id, match.away_id):
            if club_id in records:
                records[club_id].add(year, match, club_id)
    for season in sorted(seasons.values(), key=lambda s: s.year):
        if season.winner_id in records:
            records[season.winner_id].titles.append(season.year)
    return [records[club_id] for club_id in club_ids]


@dataclass(frozen=True)
class Titles:
    """A club that won the cup in a loaded season, and the years it did."""

    club_id: str
    years: list[int]


async def titles(context: Context) -> list[Titles]:
    """Every loaded season's winner, most titles first, then the latest title first."""
    won: dict[str, list[int]] = defaultdict(list)
    for season in await context.database.execute(select(models.SeasonRow).order_by(models.SeasonRow.year)):
        if season.winner_id is not None:
            won[season.winner_id].append(season.year)
    return sorted(
        (Titles(club_id, years) for club_id, years in won.items()), key=lambda t: (-len(t.years), -t.years[-1])
    )


@dataclass(frozen=True)
class PersonGoals:
    """A person's goals over every loaded season: attributed to him, own goals left out."""

    person: str
    goals: int


def _goals_per_person() -> tuple[Any, Any]:
    """(person, goals) of every scorer: goals attributed to a player (STATED or INFERRED), no own goals."""
    goals = func.count(G.id)
    statement = (
        select(PERSON.label("person"), goals.label("goals"))
        .join_from(G, P, G.scorer_id == P.id)
        .where(G.own_goal.is_not(True))
        .group_by(PERSON)
    )
    return statement, goals


def all_time_scorers() -> ListQuery[Any]:
    """Every person who scored, most goals first, then by key: one statement per page."""
    statement, goals = _goals_per_person()
    return ListQuery(statement, (goals.desc(), PERSON), rows_are="AllTimeScorer")


async def person_goals(context: Context, person: str) -> int:
    """The goals of `person` over every season; the persons asked for together are counted in one statement."""

    async def load(persons: list[str]) -> list[int]:
        statement, _ = _goals_per_person()
        counted = dict(await context.database.execute(statement.where(PERSON.in_(persons))))
        return [int(counted.get(key, 0)) for key in persons]

    return await _nested(context, "all-time goals", load).load(person)


async def person_players(context: Context, person: str) -> list[models.PlayerRow]:
    """The player rows of `person`, one per season and club, earliest season first; in one statement per batch."""

    async def load(persons: list[str]) -> list[list[models.PlayerRow]]:
        statement = (
            select(P.__table__, PERSON.label("person"))
            .join(models.SeasonRow, models.SeasonRow.id == P.season_id)
            .where(PERSON.in_(persons))
            .order_by(models.SeasonRow.year, P.id)
        )
        found: dict[str, list[models.PlayerRow]] = defaultdict(list)
        for row in await context.database.execute(statement):
            found[row.person].append(row)
        return [found.get(key, []) for key in persons]

    return await _nested(context, "all-time players", load).load(person)


def _nested(context: Context, name: str, load: Callable[[list[str]], Awaitable[list[T]]]) -> DataLoader[str, T]:
    """The request's one loader called `name`, made with `load` the first time it is asked for."""
    loader: DataLoader[str, T] | None = context.nested.get((name,))
    if loader is None:
        loader = context.nested.setdefault(
            (name,), DataLoader(context.database.waves.batched(load), max_batch_size=MAX_BATCH)
        )
    return loader
