"""A club's figures over every loaded season, and the titles table: read from all seasons' matches and winners."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from sqlalchemy import or_, select
from strawberry.dataloader import DataLoader

from db import models
from resolvers.context import Context

M = models.MatchRow


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
