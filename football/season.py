"""The validated season: plain dataclasses that the importer writes to the database.

Nothing here knows about SQL or GraphQL. Every fact carries the article line it came from, so that a
disagreement can point a reader at the text.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from football.vocabulary import Attribution, CardKind, League, RoundKind, TieDecision


@dataclass(frozen=True)
class ArticleDisagreement:
    """Something the article says that contradicts another part of it, or that we could not reconcile."""

    line: int
    code: str
    message: str


@dataclass
class ArticleClub:
    name: str
    league: League | None = None
    league_attribution: Attribution = Attribution.UNKNOWN
    entry_round: RoundKind | None = None
    group: str | None = None


@dataclass
class ArticlePlayer:
    """A player of one club in one season; `identity` is the key of the article the text links him to
    (`[[Gil Itzhak|Itzhak]]` -> `gil-itzhak`), the same in every season that links him, else None."""

    club: str
    name: str
    nationality: str | None = None
    identity: str | None = None


@dataclass
class ArticleGoal:
    club: str
    scorer: ArticlePlayer | None
    minute: int | None
    stoppage: int | None
    penalty: bool | None
    own_goal: bool | None
    attribution: Attribution
    line: int


@dataclass
class ArticleCard:
    club: str
    player: ArticlePlayer | None
    minute: int | None
    kind: CardKind
    line: int
    stoppage: int | None = None


@dataclass
class ArticleMatch:
    line: int
    date: dt.date
    round: RoundKind
    group: str | None
    home: str
    away: str
    home_score: int | None
    away_score: int | None
    leg: int | None = None
    extra_time: bool | None = None
    goals: list[ArticleGoal] = field(default_factory=list)
    cards: list[ArticleCard] = field(default_factory=list)
    awarded: bool = False
    walkover: bool = False
    home_penalties: int | None = None
    away_penalties: int | None = None
    winner: str | None = None
    stadium: str | None = None
    attendance: int | None = None
    referee: str | None = None
    away_goals_note: bool = False

    @property
    def goal_total(self) -> int:
        """Goals that were scored on the pitch: none for an awarded result."""
        return 0 if self.awarded else (self.home_score or 0) + (self.away_score or 0)

    def score_of(self, club: str) -> int:
        """The goals `club` is credited with in this match (an awarded score counts)."""
        score = self.home_score if club == self.home else self.away_score
        return score or 0


@dataclass
class ArticleTie:
    round: RoundKind
    home: str
    away: str
    legs: list[ArticleMatch]
    home_aggregate: int
    away_aggregate: int
    winner: str | None
    decided_by: TieDecision | None = None
    home_penalties: int | None = None
    away_penalties: int | None = None


@dataclass
class ArticleStanding:
    group: str
    position: int
    club: str
    played: int
    won: int
    drawn: int
    lost: int
    goals_for: int
    goals_against: int

    @property
    def goal_difference(self) -> int:
        return self.goals_for - self.goals_against

    @property
    def points(self) -> int:
        return 3 * self.won + self.drawn


@dataclass
class ArticleRound:
    kind: RoundKind
    clubs_remaining: int | None
    clubs_involved: int | None
    first_match_date: dt.date | None
    two_legged: bool


@dataclass
class ScorerRow:
    player: ArticlePlayer
    goals: int
    line: int


@dataclass(frozen=True)
class ReportNote:
    """Something the importer did that is no disagreement but a reader should know: two spellings taken as one
    player, a line skipped under --lenient, an event whose side the text leaves open."""

    line: int
    code: str
    message: str


@dataclass
class Report:
    """What the importer checked: the format read, the totals, the attribution counts, every disagreement and
    every note."""

    matches: int
    goals: int
    attributions: dict[Attribution, int]
    disagreements: list[ArticleDisagreement]
    source_format: str = "plain text"
    cards: int = 0
    notes: list[ReportNote] = field(default_factory=list)


@dataclass
class ArticleSeason:
    competition: str
    country: str
    year: int
    name: str
    edition: int | None
    sponsor_name: str | None
    start_date: dt.date | None
    end_date: dt.date | None
    defending_champion: str | None
    winner: str | None
    runner_up: str | None
    stated_teams: int | None
    stated_matches: int | None
    stated_goals: int | None
    rounds: list[ArticleRound]
    groups: list[str]
    clubs: list[ArticleClub]
    players: list[ArticlePlayer]
    matches: list[ArticleMatch]
    ties: list[ArticleTie]
    standings: list[ArticleStanding]
    scorers: list[ScorerRow]
    report: Report
