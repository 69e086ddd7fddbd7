"""Write validated seasons to the database, replacing any earlier import of the same seasons.

The caller owns the transaction: `save_seasons` only adds rows to the session it is given, so a failure
anywhere rolls the whole run back and leaves the previous data as it was. Other seasons are never touched, and
a club keeps its one key (and row) across seasons, however each season's article spells it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from db import models
from football import keys
from football import season as s
from football.vocabulary import fold

Row = dict[str, Any]


def save_seasons(session: Session, seasons: Iterable[tuple[s.ArticleSeason, str]]) -> None:
    """Replace each (season, source) in the database and bump the data version; keys stay the same."""
    for season, source in seasons:
        _replace(session, season, source)
        session.flush()
    bump_data_version(session)


def bump_data_version(session: Session) -> int:
    """Advance the data version in the caller's transaction, so caches see the import exactly when it commits."""
    now = dt.datetime.now(dt.UTC)
    bumped = session.execute(
        update(models.DataVersionRow)
        .where(models.DataVersionRow.id == 1)
        .values(version=models.DataVersionRow.version + 1, loaded_at=now)
        .returning(models.DataVersionRow.version)
    ).scalar_one_or_none()
    if bumped is None:
        session.add(models.DataVersionRow(id=1, version=1, loaded_at=now))
        session.flush()
        bumped = 1
    return bumped


def _replace(session: Session, season: s.ArticleSeason, source: str) -> None:
    season_id = keys.season_key(season.competition, season.year)
    _clear(session, season_id)
    _ensure_competition(session, season)
    _ensure_clubs(session, season)
    session.add(_season_row(season, season_id, source))
    session.flush()
    rows = _Rows(season_id)
    _add_structure(rows, season)
    _add_ties_and_matches(rows, season)
    _add_tables(rows, season)
    rows.write(session)


def _clear(session: Session, season_id: str) -> None:
    for table in models.SEASON_TABLES:
        session.execute(delete(table).where(table.season_id == season_id))  # type: ignore[attr-defined]
    session.execute(delete(models.SeasonRow).where(models.SeasonRow.id == season_id))


def _ensure_competition(session: Session, season: s.ArticleSeason) -> None:
    competition_id = keys.competition_key(season.competition)
    if session.get(models.CompetitionRow, competition_id) is None:
        session.add(models.CompetitionRow(id=competition_id, name=season.competition, country=season.country))


def _ensure_clubs(session: Session, season: s.ArticleSeason) -> None:
    """Add the clubs no earlier season named; a club already known keeps its row, key and first spelling."""
    named = {c.name for c in season.clubs} | {
        name for name in (season.defending_champion, season.winner, season.runner_up) if name
    }
    wanted: dict[str, str] = {}
    for name in sorted(named):
        wanted.setdefault(keys.club_key(name), name)
    known = set(session.scalars(select(models.ClubRow.id).where(models.ClubRow.id.in_(wanted))))
    session.add_all(
        models.ClubRow(id=key, name=name, sort_name=fold(name)) for key, name in wanted.items() if key not in known
    )
    session.flush()


def _club(name: str | None) -> str | None:
    return keys.club_key(name) if name else None


def _season_row(season: s.ArticleSeason, season_id: str, source: str) -> models.SeasonRow:
    return models.SeasonRow(
        id=season_id,
        competition_id=keys.competition_key(season.competition),
        year=season.year,
        name=season.name,
        edition=season.edition,
        sponsor_name=season.sponsor_name,
        start_date=season.start_date,
        end_date=season.end_date,
        defending_champion_id=_club(season.defending_champion),
        winner_id=_club(season.winner),
        runner_up_id=_club(season.runner_up),
        stated_teams=season.stated_teams,
        stated_matches=season.stated_matches,
        stated_goals=season.stated_goals,
        source=source,
    )


def _player(season_id: str, player: s.ArticlePlayer | None) -> str | None:
    return keys.player_key(season_id, player.club, player.name) if player else None


def _add_structure(rows: _Rows, season: s.ArticleSeason) -> None:
    """Rounds, groups, the clubs' entries (with this season's spelling) and players."""
    season_id = rows.season_id
    rows.add(
        models.RoundRow,
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
    rows.add(models.GroupRow, [dict(id=keys.group_key(season_id, g), name=g) for g in season.groups])
    rows.add(
        models.ClubEntryRow,
        [
            dict(
                id=keys.club_entry_key(season_id, keys.club_key(c.name)),
                club_id=keys.club_key(c.name),
                name=c.name,
                sort_name=fold(c.name),
                group_id=keys.group_key(season_id, c.group) if c.group else None,
                entry_round=c.entry_round,
                league=c.league,
                league_attribution=c.league_attribution,
            )
            for c in season.clubs
        ],
    )
    rows.add(
        models.PlayerRow,
        [
            dict(
                id=_player(season_id, p),
                club_id=keys.club_key(p.club),
                name=p.name,
                sort_name=fold(p.name),
                nationality=p.nationality,
                person_id=p.identity,
            )
            for p in season.players
        ],
    )


def _add_ties_and_matches(rows: _Rows, season: s.ArticleSeason) -> None:
    season_id = rows.season_id
    tie_of: dict[int, str] = {}
    tie_rows = []
    for tie in season.ties:
        tie_id = keys.pairing_key(season_id, tie.round, tie.home, tie.away)
        tie_rows.append(
            dict(
                id=tie_id,
                round=tie.round,
                home_id=_club(tie.home),
                away_id=_club(tie.away),
                home_aggregate=tie.home_aggregate,
                away_aggregate=tie.away_aggregate,
                winner_id=_club(tie.winner),
                decided_by=tie.decided_by,
                home_penalties=tie.home_penalties,
                away_penalties=tie.away_penalties,
            )
        )
        tie_of.update({id(leg): tie_id for leg in tie.legs})
    rows.add(models.TieRow, tie_rows)
    match_rows: list[Row] = []
    goal_rows: list[Row] = []
    card_rows: list[Row] = []
    match_ids: set[str] = set()
    for match in season.matches:
        match_id = keys.pairing_key(season_id, match.round, match.home, match.away, match.leg)
        if match_id in match_ids:
            # A replay of a single-match tie: the later meeting is told apart by its date.
            match_id = f"{match_id}/{match.date.isoformat()}"
        match_ids.add(match_id)
        match_rows.append(_match_row(match, match_id, season_id, tie_of.get(id(match))))
        goal_rows += [_goal_row(goal, match_id, ordinal, season_id) for ordinal, goal in enumerate(match.goals, 1)]
        card_rows += [_card_row(card, match_id, ordinal, season_id) for ordinal, card in enumerate(match.cards, 1)]
    rows.add(models.MatchRow, match_rows)
    rows.add(models.GoalRow, goal_rows)
    rows.add(models.CardRow, card_rows)


def _match_row(match: s.ArticleMatch, match_id: str, season_id: str, tie_id: str | None) -> Row:
    return dict(
        id=match_id,
        round=match.round,
        group_id=keys.group_key(season_id, match.group) if match.group else None,
        tie_id=tie_id,
        leg=match.leg,
        date=match.date,
        home_id=_club(match.home),
        away_id=_club(match.away),
        home_score=match.home_score,
        away_score=match.away_score,
        extra_time=match.extra_time,
        awarded=match.awarded,
        walkover=match.walkover,
        home_penalties=match.home_penalties,
        away_penalties=match.away_penalties,
        winner_id=_club(match.winner),
        stadium=match.stadium,
        attendance=match.attendance,
        referee=match.referee,
        line=match.line,
    )


def _goal_row(goal: s.ArticleGoal, match_id: str, ordinal: int, season_id: str) -> Row:
    return dict(
        id=f"{match_id}/goal-{ordinal}",
        match_id=match_id,
        club_id=_club(goal.club),
        scorer_id=_player(season_id, goal.scorer),
        ordinal=ordinal,
        minute=goal.minute,
        stoppage=goal.stoppage,
        penalty=goal.penalty,
        own_goal=goal.own_goal,
        attribution=goal.attribution,
        line=goal.line,
    )


def _card_row(card: s.ArticleCard, match_id: str, ordinal: int, season_id: str) -> Row:
    return dict(
        id=f"{match_id}/card-{ordinal}",
        match_id=match_id,
        club_id=_club(card.club),
        player_id=_player(season_id, card.player),
        ordinal=ordinal,
        minute=card.minute,
        stoppage=card.stoppage,
        kind=card.kind,
        line=card.line,
    )


def _add_tables(rows: _Rows, season: s.ArticleSeason) -> None:
    """The scorer table, the group tables and the importer's disagreements."""
    season_id = rows.season_id
    rows.add(
        models.ScorerEntryRow,
        [
            dict(
                id=f"{_player(season_id, row.player)}/scorer",
                player_id=_player(season_id, row.player),
                club_id=_club(row.player.club),
                goals=row.goals,
                line=row.line,
            )
            for row in season.scorers
        ],
    )
    rows.add(
        models.StandingRow,
        [
            dict(
                id=f"{keys.group_key(season_id, st.group)}/{keys.club_key(st.club)}",
                group_id=keys.group_key(season_id, st.group),
                club_id=_club(st.club),
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
        models.DisagreementRow,
        [
            dict(id=f"{season_id}/disagreement-{n}", ordinal=n, line=d.line, code=d.code, message=d.message)
            for n, d in enumerate(season.report.disagreements, start=1)
        ],
    )


class _Rows:
    """Rows to insert in dependency order, each stamped with the season's key."""

    def __init__(self, season_id: str) -> None:
        self.season_id = season_id
        self.batches: list[tuple[type[models.Base], list[Row]]] = []

    def add(self, model: type[models.Base], rows: list[Row]) -> None:
        self.batches.append((model, [{**row, "season_id": self.season_id} for row in rows]))

    def write(self, session: Session) -> None:
        for model, rows in self.batches:
            if rows:
                session.execute(model.__table__.insert(), rows)  # type: ignore[attr-defined]
