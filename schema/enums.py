"""The schema's enums, mapped onto the importer's Python enums so values flow through unchanged."""

from __future__ import annotations

import enum

import strawberry

from football.vocabulary import Attribution, CardKind, League, RoundKind, TieDecision

__all__ = [
    "Attribution",
    "CardGroupKey",
    "CardKind",
    "CardOrderField",
    "ClubGroupKey",
    "ClubOrderField",
    "Direction",
    "GoalGroupKey",
    "GoalOrderField",
    "League",
    "MatchGroupKey",
    "MatchOrderField",
    "PlayerGroupKey",
    "PlayerOrderField",
    "Result",
    "RoundKind",
    "TieDecision",
    "Venue",
]

# The importer's enums become the schema's (GraphQL names in brackets): values flow through unchanged.
strawberry.enum(RoundKind, name="Round", description="A stage of the cup, in playing order.")
strawberry.enum(
    Attribution,
    name="Attribution",
    description="How a fact is known: STATED in the article, INFERRED from it (the scorer table leaves one "
    "choice), or UNKNOWN.",
)
strawberry.enum(
    CardKind,
    name="CardKind",
    description="A booking's colour; UNKNOWN where the article lost the card marker.",
)
strawberry.enum(League, name="League", description="A national league, from the top tier down.")
strawberry.enum(
    TieDecision,
    name="TieDecision",
    description="What settled a knockout tie: the SCORE of a single match, the AGGREGATE of two legs, AWAY_GOALS, "
    "a PENALTIES shoot-out, a REPLAY, an AWARDED result, or ADVANCED (the text settles none of these; the club "
    "that played the next round went through).",
)


@strawberry.enum(description="Whether a club won, drew or lost a match.")
class Result(enum.Enum):
    WIN = "WIN"
    DRAW = "DRAW"
    LOSS = "LOSS"


@strawberry.enum(description="Where a club played a match, as the article lists it (home team first).")
class Venue(enum.Enum):
    HOME = "HOME"
    AWAY = "AWAY"


@strawberry.enum(description="Sort direction.")
class Direction(enum.Enum):
    ASC = "ASC"
    DESC = "DESC"


@strawberry.enum(description="What to group matches by.")
class MatchGroupKey(enum.Enum):
    ROUND = "ROUND"
    GROUP = "GROUP"
    RESULT = "RESULT"
    DATE = "DATE"
    EXTRA_TIME = "EXTRA_TIME"
    TOTAL_GOALS = "TOTAL_GOALS"


@strawberry.enum(description="What to group goals by. MINUTE_BUCKET is 15-minute slices: 1-15, 16-30, ...")
class GoalGroupKey(enum.Enum):
    ROUND = "ROUND"
    CLUB = "CLUB"
    SCORER = "SCORER"
    MINUTE_BUCKET = "MINUTE_BUCKET"
    ATTRIBUTION = "ATTRIBUTION"
    PENALTY = "PENALTY"
    NATIONALITY = "NATIONALITY"


@strawberry.enum(description="What to group cards by.")
class CardGroupKey(enum.Enum):
    ROUND = "ROUND"
    CLUB = "CLUB"
    KIND = "KIND"


@strawberry.enum(description="What to group players by.")
class PlayerGroupKey(enum.Enum):
    CLUB = "CLUB"
    NATIONALITY = "NATIONALITY"


@strawberry.enum(description="What to group clubs by.")
class ClubGroupKey(enum.Enum):
    LEAGUE = "LEAGUE"
    GROUP = "GROUP"
    ENTRY_ROUND = "ENTRY_ROUND"


@strawberry.enum(description="Fields matches can be ordered by.")
class MatchOrderField(enum.Enum):
    DATE = "DATE"
    ROUND = "ROUND"
    TOTAL_GOALS = "TOTAL_GOALS"


@strawberry.enum(description="Fields cards can be ordered by.")
class CardOrderField(enum.Enum):
    DATE = "DATE"
    ROUND = "ROUND"
    KIND = "KIND"


@strawberry.enum(description="Fields goals can be ordered by.")
class GoalOrderField(enum.Enum):
    DATE = "DATE"
    MINUTE = "MINUTE"


@strawberry.enum(description="Fields players can be ordered by.")
class PlayerOrderField(enum.Enum):
    NAME = "NAME"
    GOALS = "GOALS"


@strawberry.enum(description="Fields clubs can be ordered by.")
class ClubOrderField(enum.Enum):
    NAME = "NAME"
    ENTRY_ROUND = "ENTRY_ROUND"
