"""The SQLAlchemy model: competitions, seasons and everything played in them.

Primary keys are the public natural keys (`kazakhstan-cup/2024/final/atyrau-v-aktobe`), never autoincrement
numbers, so they are the same after a re-import and on every database engine. Every season-owned table carries
`season_id`, so that re-importing a season replaces exactly its rows.
"""

from __future__ import annotations

import datetime as dt
import enum

from sqlalchemy import Boolean, Date, DateTime, Enum, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from football.vocabulary import Attribution, CardKind, League, RoundKind, TieDecision

KEY = String(255)


def _enum(kind: type[enum.Enum]) -> Enum:
    # Stored as plain strings: no native PostgreSQL enum types for migrations to keep in step.
    return Enum(kind, native_enum=False, length=32, validate_strings=True)


class Base(DeclarativeBase):
    """The declarative base of every cupql table."""


class CompetitionRow(Base):
    __tablename__ = "competitions"

    id: Mapped[str] = mapped_column(KEY, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    country: Mapped[str] = mapped_column(String(100))


class ClubRow(Base):
    """A club, shared by every season it plays in: one key however a season spells it (`Khan Tengri`)."""

    __tablename__ = "clubs"

    id: Mapped[str] = mapped_column(KEY, primary_key=True)
    # The spelling of the first season imported; each season's own spelling is on its ClubEntry.
    name: Mapped[str] = mapped_column(String(200), unique=True)
    # The name folded to plain lower case (`elder santana`): sorted and searched the same on every database.
    sort_name: Mapped[str] = mapped_column(String(200), index=True)


class SeasonRow(Base):
    __tablename__ = "seasons"
    __table_args__ = (UniqueConstraint("competition_id", "year"),)

    id: Mapped[str] = mapped_column(KEY, primary_key=True)
    competition_id: Mapped[str] = mapped_column(ForeignKey("competitions.id"), index=True)
    year: Mapped[int] = mapped_column(Integer, index=True)
    name: Mapped[str] = mapped_column(String(200))
    edition: Mapped[int | None] = mapped_column(Integer)
    sponsor_name: Mapped[str | None] = mapped_column(String(200))
    start_date: Mapped[dt.date | None] = mapped_column(Date)
    end_date: Mapped[dt.date | None] = mapped_column(Date)
    defending_champion_id: Mapped[str | None] = mapped_column(ForeignKey("clubs.id"))
    winner_id: Mapped[str | None] = mapped_column(ForeignKey("clubs.id"))
    runner_up_id: Mapped[str | None] = mapped_column(ForeignKey("clubs.id"))
    stated_teams: Mapped[int | None] = mapped_column(Integer)
    stated_matches: Mapped[int | None] = mapped_column(Integer)
    stated_goals: Mapped[int | None] = mapped_column(Integer)
    source: Mapped[str] = mapped_column(String(500))


class RoundRow(Base):
    __tablename__ = "rounds"

    id: Mapped[str] = mapped_column(KEY, primary_key=True)
    season_id: Mapped[str] = mapped_column(ForeignKey("seasons.id"), index=True)
    kind: Mapped[RoundKind] = mapped_column(_enum(RoundKind))
    clubs_remaining: Mapped[int | None] = mapped_column(Integer)
    clubs_involved: Mapped[int | None] = mapped_column(Integer)
    first_match_date: Mapped[dt.date | None] = mapped_column(Date)
    two_legged: Mapped[bool] = mapped_column(Boolean)


class GroupRow(Base):
    __tablename__ = "groups"

    id: Mapped[str] = mapped_column(KEY, primary_key=True)
    season_id: Mapped[str] = mapped_column(ForeignKey("seasons.id"), index=True)
    name: Mapped[str] = mapped_column(String(50))


class ClubEntryRow(Base):
    """A club's participation in one season: its league, group and entry round."""

    __tablename__ = "club_entries"
    __table_args__ = (UniqueConstraint("season_id", "club_id"),)

    id: Mapped[str] = mapped_column(KEY, primary_key=True)
    season_id: Mapped[str] = mapped_column(ForeignKey("seasons.id"), index=True)
    club_id: Mapped[str] = mapped_column(ForeignKey("clubs.id"), index=True)
    # The club's name as this season's article spells it, and folded for sorting and lookups.
    name: Mapped[str] = mapped_column(String(200))
    sort_name: Mapped[str] = mapped_column(String(200), index=True)
    group_id: Mapped[str | None] = mapped_column(ForeignKey("groups.id"), index=True)
    entry_round: Mapped[RoundKind | None] = mapped_column(_enum(RoundKind))
    league: Mapped[League | None] = mapped_column(_enum(League))
    league_attribution: Mapped[Attribution] = mapped_column(_enum(Attribution))


class PlayerRow(Base):
    __tablename__ = "players"

    id: Mapped[str] = mapped_column(KEY, primary_key=True)
    season_id: Mapped[str] = mapped_column(ForeignKey("seasons.id"), index=True)
    club_id: Mapped[str] = mapped_column(ForeignKey("clubs.id"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    sort_name: Mapped[str] = mapped_column(String(200), index=True)
    nationality: Mapped[str | None] = mapped_column(String(3), index=True)
    # The linked article's key (`gil-itzhak`): one person across seasons and clubs; null when the text links none.
    person_id: Mapped[str | None] = mapped_column(String(200), index=True)

    club: Mapped[ClubRow] = relationship(lazy="raise")


class TieRow(Base):
    """A knockout pairing: one match, or two legs."""

    __tablename__ = "ties"

    id: Mapped[str] = mapped_column(KEY, primary_key=True)
    season_id: Mapped[str] = mapped_column(ForeignKey("seasons.id"), index=True)
    round: Mapped[RoundKind] = mapped_column(_enum(RoundKind))
    home_id: Mapped[str] = mapped_column(ForeignKey("clubs.id"), index=True)
    away_id: Mapped[str] = mapped_column(ForeignKey("clubs.id"), index=True)
    home_aggregate: Mapped[int] = mapped_column(Integer)
    away_aggregate: Mapped[int] = mapped_column(Integer)
    winner_id: Mapped[str | None] = mapped_column(ForeignKey("clubs.id"))
    decided_by: Mapped[TieDecision | None] = mapped_column(_enum(TieDecision))
    home_penalties: Mapped[int | None] = mapped_column(Integer)
    away_penalties: Mapped[int | None] = mapped_column(Integer)


class MatchRow(Base):
    __tablename__ = "matches"
    __table_args__ = (
        Index("ix_matches_season_date", "season_id", "date"),
        Index("ix_matches_season_round", "season_id", "round"),
    )

    id: Mapped[str] = mapped_column(KEY, primary_key=True)
    season_id: Mapped[str] = mapped_column(ForeignKey("seasons.id"), index=True)
    round: Mapped[RoundKind] = mapped_column(_enum(RoundKind))
    group_id: Mapped[str | None] = mapped_column(ForeignKey("groups.id"), index=True)
    tie_id: Mapped[str | None] = mapped_column(ForeignKey("ties.id"), index=True)
    leg: Mapped[int | None] = mapped_column(Integer)
    date: Mapped[dt.date] = mapped_column(Date)
    home_id: Mapped[str] = mapped_column(ForeignKey("clubs.id"), index=True)
    away_id: Mapped[str] = mapped_column(ForeignKey("clubs.id"), index=True)
    # Null for a walkover that states no score.
    home_score: Mapped[int | None] = mapped_column(Integer)
    away_score: Mapped[int | None] = mapped_column(Integer)
    extra_time: Mapped[bool | None] = mapped_column(Boolean)
    awarded: Mapped[bool] = mapped_column(Boolean, default=False)
    walkover: Mapped[bool] = mapped_column(Boolean, default=False)
    home_penalties: Mapped[int | None] = mapped_column(Integer)
    away_penalties: Mapped[int | None] = mapped_column(Integer)
    winner_id: Mapped[str | None] = mapped_column(ForeignKey("clubs.id"))
    stadium: Mapped[str | None] = mapped_column(String(200))
    attendance: Mapped[int | None] = mapped_column(Integer)
    referee: Mapped[str | None] = mapped_column(String(200))
    line: Mapped[int] = mapped_column(Integer)

    home: Mapped[ClubRow] = relationship(foreign_keys=[home_id], lazy="raise")
    away: Mapped[ClubRow] = relationship(foreign_keys=[away_id], lazy="raise")
    tie: Mapped[TieRow | None] = relationship(lazy="raise")
    goals: Mapped[list[GoalRow]] = relationship(back_populates="match", lazy="raise", order_by="GoalRow.ordinal")
    cards: Mapped[list[CardRow]] = relationship(back_populates="match", lazy="raise", order_by="CardRow.ordinal")


class GoalRow(Base):
    __tablename__ = "goals"

    id: Mapped[str] = mapped_column(KEY, primary_key=True)
    season_id: Mapped[str] = mapped_column(ForeignKey("seasons.id"), index=True)
    match_id: Mapped[str] = mapped_column(ForeignKey("matches.id"), index=True)
    club_id: Mapped[str] = mapped_column(ForeignKey("clubs.id"), index=True)
    scorer_id: Mapped[str | None] = mapped_column(ForeignKey("players.id"), index=True)
    ordinal: Mapped[int] = mapped_column(Integer)
    minute: Mapped[int | None] = mapped_column(Integer)
    stoppage: Mapped[int | None] = mapped_column(Integer)
    penalty: Mapped[bool | None] = mapped_column(Boolean)
    own_goal: Mapped[bool | None] = mapped_column(Boolean)
    attribution: Mapped[Attribution] = mapped_column(_enum(Attribution))
    line: Mapped[int] = mapped_column(Integer)

    match: Mapped[MatchRow] = relationship(back_populates="goals", lazy="raise")
    club: Mapped[ClubRow] = relationship(lazy="raise")
    scorer: Mapped[PlayerRow | None] = relationship(lazy="raise")


class CardRow(Base):
    __tablename__ = "cards"

    id: Mapped[str] = mapped_column(KEY, primary_key=True)
    season_id: Mapped[str] = mapped_column(ForeignKey("seasons.id"), index=True)
    match_id: Mapped[str] = mapped_column(ForeignKey("matches.id"), index=True)
    club_id: Mapped[str] = mapped_column(ForeignKey("clubs.id"), index=True)
    player_id: Mapped[str | None] = mapped_column(ForeignKey("players.id"), index=True)
    ordinal: Mapped[int] = mapped_column(Integer)
    minute: Mapped[int | None] = mapped_column(Integer)
    stoppage: Mapped[int | None] = mapped_column(Integer)
    kind: Mapped[CardKind] = mapped_column(_enum(CardKind))
    line: Mapped[int] = mapped_column(Integer)

    match: Mapped[MatchRow] = relationship(back_populates="cards", lazy="raise")
    club: Mapped[ClubRow] = relationship(lazy="raise")
    player: Mapped[PlayerRow | None] = relationship(lazy="raise")


class ScorerEntryRow(Base):
    """A row of the article's scorer table: the goals the article credits a player with."""

    __tablename__ = "scorer_entries"

    id: Mapped[str] = mapped_column(KEY, primary_key=True)
    season_id: Mapped[str] = mapped_column(ForeignKey("seasons.id"), index=True)
    player_id: Mapped[str] = mapped_column(ForeignKey("players.id"), index=True)
    club_id: Mapped[str] = mapped_column(ForeignKey("clubs.id"), index=True)
    goals: Mapped[int] = mapped_column(Integer)
    line: Mapped[int] = mapped_column(Integer)


class StandingRow(Base):
    __tablename__ = "standings"

    id: Mapped[str] = mapped_column(KEY, primary_key=True)
    season_id: Mapped[str] = mapped_column(ForeignKey("seasons.id"), index=True)
    group_id: Mapped[str] = mapped_column(ForeignKey("groups.id"), index=True)
    club_id: Mapped[str] = mapped_column(ForeignKey("clubs.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    played: Mapped[int] = mapped_column(Integer)
    won: Mapped[int] = mapped_column(Integer)
    drawn: Mapped[int] = mapped_column(Integer)
    lost: Mapped[int] = mapped_column(Integer)
    goals_for: Mapped[int] = mapped_column(Integer)
    goals_against: Mapped[int] = mapped_column(Integer)
    points: Mapped[int] = mapped_column(Integer)


class DisagreementRow(Base):
    """A contradiction the importer found in the article, with the line to read."""

    __tablename__ = "disagreements"

    id: Mapped[str] = mapped_column(KEY, primary_key=True)
    season_id: Mapped[str] = mapped_column(ForeignKey("seasons.id"), index=True)
    ordinal: Mapped[int] = mapped_column(Integer)
    line: Mapped[int] = mapped_column(Integer)
    code: Mapped[str] = mapped_column(String(50))
    message: Mapped[str] = mapped_column(Text)


class DataVersionRow(Base):
    """The one-row counter every import bumps in its own transaction: what response caches are keyed by."""

    __tablename__ = "data_version"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    version: Mapped[int] = mapped_column(Integer)
    loaded_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))


SEASON_TABLES: tuple[type[Base], ...] = (
    DisagreementRow,
    StandingRow,
    ScorerEntryRow,
    CardRow,
    GoalRow,
    MatchRow,
    TieRow,
    PlayerRow,
    ClubEntryRow,
    GroupRow,
    RoundRow,
)
"""Tables whose rows belong to one season, children first (the order to delete them in)."""
