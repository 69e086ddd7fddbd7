"""Per-request DataLoaders: every relationship the schema walks is fetched in one query per batch of keys.

How a loader reads its rows is in `resolvers.batching`; this module names the loaders a request may use.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from sqlalchemy import Select, func, select
from strawberry.dataloader import DataLoader

from db import models
from football.vocabulary import Attribution, RoundKind
from resolvers.batching import MAX_BATCH, club_rows, id_loader, list_loader
from resolvers.database import Database
from resolvers.scores import GOALS_SCORED


def _club_matches(session: Database) -> DataLoader[tuple[str, str], list[models.MatchRow]]:
    """A club's matches in a season, home or away, in the order played."""

    async def load(keys: list[tuple[str, str]]) -> list[list[models.MatchRow]]:
        seasons = {season for season, _ in keys}
        clubs = {club for _, club in keys}
        statement = (
            select(models.MatchRow.__table__)
            .where(
                models.MatchRow.season_id.in_(seasons),
                models.MatchRow.home_id.in_(clubs) | models.MatchRow.away_id.in_(clubs),
            )
            .order_by(models.MatchRow.date, models.MatchRow.id)
        )
        grouped: dict[tuple[str, str], list[models.MatchRow]] = defaultdict(list)
        for match in await session.execute(statement):
            grouped[(match.season_id, match.home_id)].append(match)
            grouped[(match.season_id, match.away_id)].append(match)
        return [grouped.get(key, []) for key in keys]

    return DataLoader(session.waves.batched(load), max_batch_size=MAX_BATCH)


@dataclass(frozen=True)
class ClubName:
    """A club's key and names, the same in every season."""

    id: str
    name: str
    sort_name: str


@dataclass(frozen=True)
class ClubInSeason:
    """A club as it took part in one season: the club and its entry (league, group, entry round)."""

    entry: models.ClubEntryRow
    club: ClubName

    @property
    def season_id(self) -> str:
        return self.entry.season_id

    @classmethod
    def from_row(cls, row: Any) -> ClubInSeason:
        """From a row of `clubs_in_season()`."""
        return cls(entry=row, club=ClubName(row.club_id, row.club_name, row.club_sort_name))


def clubs_in_season() -> Select[Any]:
    """Club entries with their clubs' names, for `ClubInSeason.from_row`."""
    club = models.ClubRow
    return select(
        models.ClubEntryRow.__table__, club.name.label("club_name"), club.sort_name.label("club_sort_name")
    ).join(club, club.id == models.ClubEntryRow.club_id)


def _clubs_in_season(session: Database) -> DataLoader[str, ClubInSeason | None]:
    async def load(keys: list[str]) -> list[ClubInSeason | None]:
        statement = clubs_in_season().where(models.ClubEntryRow.id.in_(keys))
        found = {row.id: ClubInSeason.from_row(row) for row in await session.execute(statement)}
        return [found.get(key) for key in keys]

    return DataLoader(session.waves.batched(load), max_batch_size=MAX_BATCH)


def _seasons_of_club(session: Database) -> DataLoader[str, list[ClubInSeason]]:
    """Every season's entry of a club, keyed by the club's key, oldest season first."""

    async def load(keys: list[str]) -> list[list[ClubInSeason]]:
        statement = (
            clubs_in_season()
            .join(models.SeasonRow, models.SeasonRow.id == models.ClubEntryRow.season_id)
            .where(models.ClubEntryRow.club_id.in_(keys))
            .order_by(models.SeasonRow.year, models.SeasonRow.id)
        )
        grouped: dict[str, list[ClubInSeason]] = defaultdict(list)
        for row in await session.execute(statement):
            grouped[row.club_id].append(ClubInSeason.from_row(row))
        return [grouped.get(key, []) for key in keys]

    return DataLoader(session.waves.batched(load), max_batch_size=MAX_BATCH)


def _first_leg_date() -> Any:
    """The date a tie's first match was played, to list ties in playing order."""
    return select(func.min(models.MatchRow.date)).where(models.MatchRow.tie_id == models.TieRow.id).scalar_subquery()


@dataclass(frozen=True)
class SeasonTotals:
    clubs: int
    matches: int
    goals: int


def _season_totals(session: Database) -> DataLoader[str, SeasonTotals]:
    async def load(keys: list[str]) -> list[SeasonTotals]:
        matches = (
            select(
                models.MatchRow.season_id,
                func.count(),
                func.coalesce(func.sum(GOALS_SCORED), 0),
            )
            .where(models.MatchRow.season_id.in_(keys))
            .group_by(models.MatchRow.season_id)
        )
        clubs = (
            select(models.ClubEntryRow.season_id, func.count())
            .where(models.ClubEntryRow.season_id.in_(keys))
            .group_by(models.ClubEntryRow.season_id)
        )
        played = {season: (count, goals) for season, count, goals in await session.execute(matches)}
        entered = {season: count for season, count in await session.execute(clubs)}
        return [SeasonTotals(entered.get(key, 0), *played.get(key, (0, 0))) for key in keys]

    return DataLoader(session.waves.batched(load), max_batch_size=MAX_BATCH)


def _matches_by_round(session: Database) -> DataLoader[tuple[str, RoundKind], list[models.MatchRow]]:
    async def load(keys: list[tuple[str, RoundKind]]) -> list[list[models.MatchRow]]:
        statement = (
            select(models.MatchRow.__table__)
            .where(models.MatchRow.season_id.in_({s for s, _ in keys}), models.MatchRow.round.in_({r for _, r in keys}))
            .order_by(models.MatchRow.date, models.MatchRow.id)
        )
        grouped: dict[tuple[str, RoundKind], list[models.MatchRow]] = defaultdict(list)
        for match in await session.execute(statement):
            grouped[(match.season_id, match.round)].append(match)
        return [grouped.get(key, []) for key in keys]

    return DataLoader(session.waves.batched(load), max_batch_size=MAX_BATCH)


def _attributions_by_season(session: Database) -> DataLoader[str, dict[Attribution, int]]:
    async def load(keys: list[str]) -> list[dict[Attribution, int]]:
        statement = (
            select(models.GoalRow.season_id, models.GoalRow.attribution, func.count())
            .where(models.GoalRow.season_id.in_(keys))
            .group_by(models.GoalRow.season_id, models.GoalRow.attribution)
        )
        counts: dict[str, dict[Attribution, int]] = defaultdict(dict)
        for season, attribution, count in await session.execute(statement):
            counts[season][attribution] = count
        return [counts.get(key, {}) for key in keys]

    return DataLoader(session.waves.batched(load), max_batch_size=MAX_BATCH)


class Loaders:
    """The loaders of one request, each made when first used; fresh for every request, so no data leaks.

    A request uses a handful of the thirty-odd loaders: making them on demand keeps a request that reads
    little (`{ __typename }`, a cache miss of a small query) from paying for all of them.
    """

    def __init__(self, database: Database) -> None:
        self._database = database

    @cached_property
    def season(self) -> DataLoader[str, models.SeasonRow | None]:
        return id_loader(self._database, models.SeasonRow)

    @cached_property
    def season_totals(self) -> DataLoader[str, SeasonTotals]:
        return _season_totals(self._database)

    @cached_property
    def attributions_by_season(self) -> DataLoader[str, dict[Attribution, int]]:
        return _attributions_by_season(self._database)

    @cached_property
    def matches_by_round(self) -> DataLoader[tuple[str, RoundKind], list[models.MatchRow]]:
        return _matches_by_round(self._database)

    @cached_property
    def club(self) -> DataLoader[str, ClubInSeason | None]:
        return _clubs_in_season(self._database)

    @cached_property
    def seasons_of_club(self) -> DataLoader[str, list[ClubInSeason]]:
        return _seasons_of_club(self._database)

    @cached_property
    def club_by_id(self) -> DataLoader[str, models.ClubRow | None]:
        return id_loader(self._database, models.ClubRow)

    @cached_property
    def player(self) -> DataLoader[str, models.PlayerRow | None]:
        return id_loader(self._database, models.PlayerRow)

    @cached_property
    def match(self) -> DataLoader[str, models.MatchRow | None]:
        return id_loader(self._database, models.MatchRow)

    @cached_property
    def goal(self) -> DataLoader[str, models.GoalRow | None]:
        return id_loader(self._database, models.GoalRow)

    @cached_property
    def card(self) -> DataLoader[str, models.CardRow | None]:
        return id_loader(self._database, models.CardRow)

    @cached_property
    def group(self) -> DataLoader[str, models.GroupRow | None]:
        return id_loader(self._database, models.GroupRow)

    @cached_property
    def tie(self) -> DataLoader[str, models.TieRow | None]:
        return id_loader(self._database, models.TieRow)

    @cached_property
    def round(self) -> DataLoader[str, models.RoundRow | None]:
        return id_loader(self._database, models.RoundRow)

    @cached_property
    def goals_by_match(self) -> DataLoader[str, list[models.GoalRow]]:
        return list_loader(self._database, models.GoalRow, models.GoalRow.match_id, models.GoalRow.ordinal)

    @cached_property
    def cards_by_match(self) -> DataLoader[str, list[models.CardRow]]:
        return list_loader(self._database, models.CardRow, models.CardRow.match_id, models.CardRow.ordinal)

    @cached_property
    def goals_by_player(self) -> DataLoader[str, list[models.GoalRow]]:
        return list_loader(self._database, models.GoalRow, models.GoalRow.scorer_id, in_match_order=True)

    @cached_property
    def cards_by_player(self) -> DataLoader[str, list[models.CardRow]]:
        return list_loader(self._database, models.CardRow, models.CardRow.player_id, in_match_order=True)

    @cached_property
    def scorer_entry_by_player(self) -> DataLoader[str, list[models.ScorerEntryRow]]:
        return list_loader(self._database, models.ScorerEntryRow, models.ScorerEntryRow.player_id)

    @cached_property
    def matches_by_tie(self) -> DataLoader[str, list[models.MatchRow]]:
        return list_loader(self._database, models.MatchRow, models.MatchRow.tie_id, models.MatchRow.date)

    @cached_property
    def matches_by_group(self) -> DataLoader[str, list[models.MatchRow]]:
        return list_loader(
            self._database, models.MatchRow, models.MatchRow.group_id, models.MatchRow.date, models.MatchRow.id
        )

    @cached_property
    def standings_by_group(self) -> DataLoader[str, list[models.StandingRow]]:
        return list_loader(self._database, models.StandingRow, models.StandingRow.group_id, models.StandingRow.position)

    @cached_property
    def entries_by_group(self) -> DataLoader[str, list[models.ClubEntryRow]]:
        return list_loader(
            self._database, models.ClubEntryRow, models.ClubEntryRow.group_id, models.ClubEntryRow.club_id
        )

    @cached_property
    def rounds_by_season(self) -> DataLoader[str, list[models.RoundRow]]:
        return list_loader(self._database, models.RoundRow, models.RoundRow.season_id)

    @cached_property
    def groups_by_season(self) -> DataLoader[str, list[models.GroupRow]]:
        return list_loader(self._database, models.GroupRow, models.GroupRow.season_id, models.GroupRow.name)

    @cached_property
    def ties_by_season(self) -> DataLoader[str, list[models.TieRow]]:
        return list_loader(self._database, models.TieRow, models.TieRow.season_id, _first_leg_date(), models.TieRow.id)

    @cached_property
    def disagreements_by_season(self) -> DataLoader[str, list[models.DisagreementRow]]:
        return list_loader(
            self._database, models.DisagreementRow, models.DisagreementRow.season_id, models.DisagreementRow.ordinal
        )

    @cached_property
    def scorer_entries_by_season(self) -> DataLoader[str, list[models.ScorerEntryRow]]:
        return list_loader(
            self._database,
            models.ScorerEntryRow,
            models.ScorerEntryRow.season_id,
            models.ScorerEntryRow.goals.desc(),
            models.ScorerEntryRow.id,
        )

    @cached_property
    def matches_by_club(self) -> DataLoader[tuple[str, str], list[models.MatchRow]]:
        return _club_matches(self._database)

    @cached_property
    def goals_by_club(self) -> DataLoader[tuple[str, str], list[models.GoalRow]]:
        return club_rows(self._database, models.GoalRow, in_match_order=True)

    @cached_property
    def cards_by_club(self) -> DataLoader[tuple[str, str], list[models.CardRow]]:
        return club_rows(self._database, models.CardRow, in_match_order=True)

    @cached_property
    def players_by_club(self) -> DataLoader[tuple[str, str], list[models.PlayerRow]]:
        return club_rows(self._database, models.PlayerRow, models.PlayerRow.sort_name, models.PlayerRow.id)

    @cached_property
    def scorer_entries_by_club(self) -> DataLoader[tuple[str, str], list[models.ScorerEntryRow]]:
        return club_rows(
            self._database, models.ScorerEntryRow, models.ScorerEntryRow.goals.desc(), models.ScorerEntryRow.id
        )
