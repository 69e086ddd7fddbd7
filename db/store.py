"""Write validated seasons to the database, replacing any earlier import of the same seasons.

The caller owns the transaction: `save_seasons` only adds rows to the session it is given, so a failure
anywhere rolls the whole run back and leaves the previous data as it was.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from cupql.article import season as s
from cupql.vocabulary import fold
from db import keys, models


def save_seasons(session: Session, seasons: Iterable[tuple[s.Season, str]]) -> None:
    """Replace each (season, source) in the database and bump the data version; keys stay the same."""
    for season, source in seasons:
        _replace(session, season, source)
        session.flush()
    bump_data_version(session)


def bump_data_version(session: Session) -> int:
    """Advance the data version in the caller's transaction, so caches see the import exactly when it commits."""
    now = dt.datetime.now(dt.UTC)
    bumped = session.execute(
        update(models.DataVersion)
        .where(models.DataVersion.id == 1)
        .values(version=models.DataVersion.version + 1, loaded_at=now)
        .returning(models.DataVersion.version)
    ).scalar_one_or_none()
    if bumped is None:
        session.add(models.DataVersion(id=1, version=1, loaded_at=now))
        session.flush()
        bumped = 1
    return bumped


def _replace(session: Session, season: s.Season, source: str) -> None:
    season_id = keys.season_key(season.competition, season.year)
    for table in models.SEASON_TABLES:
        session.execute(delete(table).where(table.season_id == season_id))  # type: ignore[attr-defined]
    session.execute(delete(models.Season).where(models.Season.id == season_id))

    competition_id = keys.competition_key(season.competition)
    if session.get(models.Competition, competition_id) is None:
        session.add(models.Competition(id=competition_id, name=season.competition, country=season.country))
    named_clubs = {c.name for c in season.clubs} | {
        name for name in (season.defending_champion, season.winner, season.runner_up) if name
    }
    wanted = {keys.club_key(name): name for name in sorted(named_clubs)}
    known = set(session.scalars(select(models.Club.id).where(models.Club.id.in_(wanted))))
    session.add_all(
        models.Club(id=key, name=name, sort_name=fold(name)) for key, name in wanted.items() if key not in known
    )
    session.flush()

    def club(name: str | None) -> str | None:
        return keys.club_key(name) if name else None

    session.add(
        models.Season(
            id=season_id,
            competition_id=competition_id,
            year=season.year,
            name=season.name,
            edition=season.edition,
            sponsor_name=season.sponsor_name,
            start_date=season.start_date,
            end_date=season.end_date,
            defending_champion_id=club(season.defending_champion),
            winner_id=club(season.winner),
            runner_up_id=club(season.runner_up),
            stated_teams=season.stated_teams,
            stated_matches=season.stated_matches,
            stated_goals=season.stated_goals,
            source=source,
        )
    )
    session.flush()
    rows = _Rows(season_id)
    rows.add(
        models.Round,
        [
            dict(
                id=keys.round_key(season_id, r.kind),
                kind=r.kind,
                clubs_remaining=r.clubs_remaining,
                clubs_involved=r.clubs_involved,
                first_match_date=r.first_match_date,
                two_legged=r.two_legged,
            )
            for r in season.rounds
        ],
    )
    rows.add(models.Group, [dict(id=keys.group_key(season_id, g), name=g) for g in season.groups])
    rows.add(
        models.ClubEntry,
        [
            dict(
                id=keys.club_entry_key(season_id, keys.club_key(c.name)),
                club_id=keys.club_key(c.name),
                group_id=keys.group_key(season_id, c.group) if c.group else None,
                entry_round=c.entry_round,
                league=c.league,
                league_attribution=c.league_attribution,
            )
            for c in season.clubs
        ],
    )

    def player(p: s.Player | None) -> str | None:
        return keys.player_key(season_id, p.club, p.name) if p else None

    rows.add(
        models.Player,
        [
            dict(
                id=player(p),
                club_id=keys.club_key(p.club),
                name=p.name,
                sort_name=fold(p.name),
                nationality=p.nationality,
            )
            for p in season.players
        ],
    )
    tie_of: dict[int, str] = {}
    tie_rows = []
    for tie in season.ties:
        tie_id = keys.pairing_key(season_id, tie.round, tie.home, tie.away)
        tie_rows.append(
            dict(
                id=tie_id,
                round=tie.round,
                home_id=club(tie.home),
                away_id=club(tie.away),
                home_aggregate=tie.home_aggregate,
                away_aggregate=tie.away_aggregate,
                winner_id=club(tie.winner),
            )
        )
        tie_of.update({id(leg): tie_id for leg in tie.legs})
    rows.add(models.Tie, tie_rows)
    match_rows, goal_rows, card_rows = [], [], []
    match_ids: set[str] = set()
    for match in season.matches:
        match_id = keys.pairing_key(season_id, match.round, match.home, match.away, match.leg)
        if match_id in match_ids:
            # A replay of a single-match tie: the later meeting is told apart by its date.
            match_id = f"{match_id}/{match.date.isoformat()}"
        match_ids.add(match_id)
        match_rows.append(
            dict(
                id=match_id,
                round=match.round,
                group_id=keys.group_key(season_id, match.group) if match.group else None,
                tie_id=tie_of.get(id(match)),
                leg=match.leg,
                date=match.date,
                home_id=club(match.home),
                away_id=club(match.away),
                home_score=match.home_score,
                away_score=match.away_score,
                extra_time=match.extra_time,
                line=match.line,
            )
        )
        goal_rows += [
            dict(
                id=f"{match_id}/goal-{ordinal}",
                match_id=match_id,
                club_id=club(goal.club),
                scorer_id=player(goal.scorer),
                ordinal=ordinal,
                minute=goal.minute,
                stoppage=goal.stoppage,
                penalty=goal.penalty,
                own_goal=goal.own_goal,
                attribution=goal.attribution,
                line=goal.line,
            )
            for ordinal, goal in enumerate(match.goals, start=1)
        ]
        card_rows += [
            dict(
                id=f"{match_id}/card-{ordinal}",
                match_id=match_id,
                club_id=club(card.club),
                player_id=player(card.player),
                ordinal=ordinal,
                minute=card.minute,
                kind=card.kind,
                line=card.line,
            )
            for ordinal, card in enumerate(match.cards, start=1)
        ]
    rows.add(models.Match, match_rows)
    rows.add(models.Goal, goal_rows)
    rows.add(models.Card, card_rows)
    rows.add(
        models.ScorerEntry,
        [
            dict(
                id=f"{player(row.player)}/scorer",
                player_id=player(row.player),
                club_id=club(row.player.club),
                goals=row.goals,
                line=row.line,
            )
            for row in season.scorers
        ],
    )
    rows.add(
        models.Standing,
        [
            dict(
                id=f"{keys.group_key(season_id, st.group)}/{keys.club_key(st.club)}",
                group_id=keys.group_key(season_id, st.group),
                club_id=club(st.club),
                position=st.position,
                played=st.played,
                won=st.won,
                drawn=st.drawn,
                lost=st.lost,
                goals_for=st.goals_for,
                goals_against=st.goals_against,
                points=st.points,
            )
            for st in season.standings
        ],
    )
    rows.add(
        models.Disagreement,
        [
            dict(id=f"{season_id}/disagreement-{n}", ordinal=n, line=d.line, code=d.code, message=d.message)
            for n, d in enumerate(season.report.disagreements, start=1)
        ],
    )
    rows.write(session)


class _Rows:
    """Rows to insert in dependency order, each stamped with the season's key."""

    def __init__(self, season_id: str) -> None:
        self.season_id = season_id
        self.batches: list[tuple[type[models.Base], list[dict[str, Any]]]] = []

    def add(self, model: type[models.Base], rows: list[dict[str, Any]]) -> None:
        self.batches.append((model, [{**row, "season_id": self.season_id} for row in rows]))

    def write(self, session: Session) -> None:
        for model, rows in self.batches:
            if rows:
                session.execute(model.__table__.insert(), rows)  # type: ignore[attr-defined]
