"""The naive baseline: query (2)'s data fetched the N+1 way with plain SQLAlchemy, one SELECT per parent row.

One query for the season and one for its clubs, then one per club for its matches and its scorer-table rows,
one per match for the opponent, its goals and its cards, and one per goal, card or scorer row for the player.
The result has exactly the shape of the GraphQL response's `data`, so the benchmark can check both are equal.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import event, or_, select
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from db import models
from db.engine import async_engine, session_factory

Json = dict[str, Any]


class NaiveFetcher:
    """Runs the N+1 fetch on its own engine and counts the statements it sends."""

    def __init__(self, database_url: str) -> None:
        self.engine: AsyncEngine = async_engine(database_url)
        self.sessions = session_factory(self.engine)
        self.statements = 0
        event.listen(self.engine.sync_engine, "before_cursor_execute", self._count)

    def _count(self, *_args: Any) -> None:
        self.statements += 1

    async def fetch(self, first: int = 50) -> tuple[Json, str, int]:
        """The data, serialised as JSON (as the server would), and the number of statements it took."""
        before = self.statements
        async with self.sessions() as session:
            data = await all_cup_runs(session, first)
        return data, json.dumps(data), self.statements - before

    async def close(self) -> None:
        await self.engine.dispose()


async def all_cup_runs(session: AsyncSession, first: int = 50) -> Json:
    """`{ clubs(first: N) { nodes { name cupRun { ... } scorers { ... } } } }` for the newest season."""
    season = (
        await session.scalars(select(models.Season).order_by(models.Season.year.desc(), models.Season.id).limit(1))
    ).one()
    entries = (
        await session.execute(
            select(models.Club)
            .join(models.ClubEntry, models.ClubEntry.club_id == models.Club.id)
            .where(models.ClubEntry.season_id == season.id)
            .order_by(models.Club.sort_name, models.ClubEntry.id)
            .limit(first)
        )
    ).scalars()
    nodes = [await _club(session, season.id, club) for club in entries.all()]
    return {"clubs": {"nodes": nodes}}


async def _club(session: AsyncSession, season_id: str, club: models.Club) -> Json:
    matches = await session.scalars(
        select(models.Match)
        .where(
            models.Match.season_id == season_id, or_(models.Match.home_id == club.id, models.Match.away_id == club.id)
        )
        .order_by(models.Match.date, models.Match.id)
    )
    steps = [await _step(session, club.id, match) for match in matches.all()]
    return {"name": club.name, "cupRun": {"steps": steps}, "scorers": await _scorers(session, season_id, club.id)}


async def _step(session: AsyncSession, club_id: str, match: models.Match) -> Json:
    opponent_id = match.away_id if match.home_id == club_id else match.home_id
    opponent = (await session.scalars(select(models.Club).where(models.Club.id == opponent_id))).one()
    goals = await session.scalars(
        select(models.Goal).where(models.Goal.match_id == match.id).order_by(models.Goal.ordinal)
    )
    cards = await session.scalars(
        select(models.Card).where(models.Card.match_id == match.id).order_by(models.Card.ordinal)
    )
    return {
        "round": match.round.name,
        "opponent": {"name": opponent.name},
        "match": {
            "goals": [
                {"minute": goal.minute, "scorer": await _player(session, goal.scorer_id)} for goal in goals.all()
            ],
            "cards": [
                {"kind": card.kind.name, "player": await _player(session, card.player_id)} for card in cards.all()
            ],
        },
    }


async def _scorers(session: AsyncSession, season_id: str, club_id: str) -> list[Json]:
    entries = await session.scalars(
        select(models.ScorerEntry)
        .where(models.ScorerEntry.season_id == season_id, models.ScorerEntry.club_id == club_id)
        .order_by(models.ScorerEntry.goals.desc(), models.ScorerEntry.id)
    )
    return [{"player": await _player(session, entry.player_id), "goals": entry.goals} for entry in entries.all()]


async def _player(session: AsyncSession, player_id: str | None) -> Json | None:
    if player_id is None:
        return None
    player = (await session.scalars(select(models.Player).where(models.Player.id == player_id))).one()
    return {"name": player.name}
