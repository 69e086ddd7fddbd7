"""The vocabulary's GraphQL names: the bottom package's enums become the schema's, values flow through unchanged.

Each entity's own enums (what its list orders and groups by) are named in its module.
"""

from __future__ import annotations

import strawberry

from football.vocabulary import Attribution, CardKind, League, RoundKind, TieDecision
from resolvers.criteria import Direction

__all__ = ["Attribution", "CardKind", "Direction", "League", "RoundKind", "TieDecision"]

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
strawberry.enum(Direction, name="Direction", description="Sort direction.")
