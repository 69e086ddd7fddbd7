"""`where` arguments: conditions on a connection's fields with comparisons, `in`, `isNull` and `and`/`or`/`not`,
the same shape on every connection, in the style of Hasura's `where` and PostGraphile's connection filter.

Every comparison given in one object must hold; `and` lists conditions that must all hold, `or` conditions of
which one must, `not` one that must not. `isNull: true` keeps the rows where the value is unknown. They combine
with a connection's `filter`, which stays as it is.
"""

from __future__ import annotations

import datetime as dt

import strawberry

from schema.enums import Attribution, CardKind, League, RoundKind

_EQ = "Equal to."
_NE = "Not equal to (unknown values never match)."
_IN = "Any of these."
_NOT_IN = "None of these (unknown values never match)."
_NULL = "Unknown (true) or known (false)."


@strawberry.input(description="Conditions on a whole number.")
class IntComparison:
    eq: int | None = strawberry.field(default=None, description=_EQ)
    ne: int | None = strawberry.field(default=None, description=_NE)
    gt: int | None = strawberry.field(default=None, description="Greater than.")
    gte: int | None = strawberry.field(default=None, description="Greater than or equal to.")
    lt: int | None = strawberry.field(default=None, description="Less than.")
    lte: int | None = strawberry.field(default=None, description="Less than or equal to.")
    in_: list[int] | None = strawberry.field(default=None, name="in", description=_IN)
    not_in: list[int] | None = strawberry.field(default=None, description=_NOT_IN)
    is_null: bool | None = strawberry.field(default=None, description=_NULL)


@strawberry.input(description="Conditions on a date.")
class DateComparison:
    eq: dt.date | None = strawberry.field(default=None, description=_EQ)
    ne: dt.date | None = strawberry.field(default=None, description=_NE)
    gt: dt.date | None = strawberry.field(default=None, description="After.")
    gte: dt.date | None = strawberry.field(default=None, description="On or after.")
    lt: dt.date | None = strawberry.field(default=None, description="Before.")
    lte: dt.date | None = strawberry.field(default=None, description="On or before.")
    in_: list[dt.date] | None = strawberry.field(default=None, name="in", description=_IN)
    not_in: list[dt.date] | None = strawberry.field(default=None, description=_NOT_IN)
    is_null: bool | None = strawberry.field(default=None, description=_NULL)


@strawberry.input(description="Conditions on a text; `includes` ignores case and accents.")
class StringComparison:
    eq: str | None = strawberry.field(default=None, description=_EQ)
    ne: str | None = strawberry.field(default=None, description=_NE)
    in_: list[str] | None = strawberry.field(default=None, name="in", description=_IN)
    not_in: list[str] | None = strawberry.field(default=None, description=_NOT_IN)
    includes: str | None = strawberry.field(default=None, description="Contains this, ignoring case and accents.")
    is_null: bool | None = strawberry.field(default=None, description=_NULL)


@strawberry.input(description="Conditions on a true/false value.")
class BooleanComparison:
    eq: bool | None = strawberry.field(default=None, description=_EQ)
    is_null: bool | None = strawberry.field(default=None, description=_NULL)


@strawberry.input(description="Conditions on a round.")
class RoundComparison:
    eq: RoundKind | None = strawberry.field(default=None, description=_EQ)
    ne: RoundKind | None = strawberry.field(default=None, description=_NE)
    in_: list[RoundKind] | None = strawberry.field(default=None, name="in", description=_IN)
    not_in: list[RoundKind] | None = strawberry.field(default=None, description=_NOT_IN)
    is_null: bool | None = strawberry.field(default=None, description=_NULL)


@strawberry.input(description="Conditions on how a fact is known.")
class AttributionComparison:
    eq: Attribution | None = strawberry.field(default=None, description=_EQ)
    ne: Attribution | None = strawberry.field(default=None, description=_NE)
    in_: list[Attribution] | None = strawberry.field(default=None, name="in", description=_IN)
    not_in: list[Attribution] | None = strawberry.field(default=None, description=_NOT_IN)


@strawberry.input(description="Conditions on a card's kind.")
class CardKindComparison:
    eq: CardKind | None = strawberry.field(default=None, description=_EQ)
    ne: CardKind | None = strawberry.field(default=None, description=_NE)
    in_: list[CardKind] | None = strawberry.field(default=None, name="in", description=_IN)
    not_in: list[CardKind] | None = strawberry.field(default=None, description=_NOT_IN)


@strawberry.input(description="Conditions on a league.")
class LeagueComparison:
    eq: League | None = strawberry.field(default=None, description=_EQ)
    ne: League | None = strawberry.field(default=None, description=_NE)
    in_: list[League] | None = strawberry.field(default=None, name="in", description=_IN)
    not_in: list[League] | None = strawberry.field(default=None, description=_NOT_IN)
    is_null: bool | None = strawberry.field(default=None, description=_NULL)


_AND = "Conditions that must all hold."
_OR = "Conditions of which at least one must hold."
_NOT = "A condition that must not hold."


@strawberry.input(description="Which matches: conditions on their fields, combined with and/or/not.")
class MatchWhere:
    date: DateComparison | None = strawberry.field(default=None, description="The day played.")
    round: RoundComparison | None = strawberry.field(default=None, description="The round.")
    leg: IntComparison | None = strawberry.field(default=None, description="1 or 2 in a two-legged tie.")
    home_score: IntComparison | None = strawberry.field(default=None, description="Goals of the home club.")
    away_score: IntComparison | None = strawberry.field(default=None, description="Goals of the away club.")
    goals: IntComparison | None = strawberry.field(default=None, description="Goals of both clubs.")
    extra_time: BooleanComparison | None = strawberry.field(default=None, description="Whether extra time was played.")
    and_: list[MatchWhere] | None = strawberry.field(default=None, name="and", description=_AND)
    or_: list[MatchWhere] | None = strawberry.field(default=None, name="or", description=_OR)
    not_: MatchWhere | None = strawberry.field(default=None, name="not", description=_NOT)


@strawberry.input(description="Which goals: conditions on their fields, combined with and/or/not.")
class GoalWhere:
    minute: IntComparison | None = strawberry.field(default=None, description="The minute.")
    stoppage_time: IntComparison | None = strawberry.field(default=None, description="Added time after the minute.")
    penalty: BooleanComparison | None = strawberry.field(default=None, description="Whether a penalty.")
    own_goal: BooleanComparison | None = strawberry.field(default=None, description="Whether an own goal.")
    attribution: AttributionComparison | None = strawberry.field(default=None, description="How the scorer is known.")
    date: DateComparison | None = strawberry.field(default=None, description="The match's day.")
    round: RoundComparison | None = strawberry.field(default=None, description="The match's round.")
    scorer_name: StringComparison | None = strawberry.field(default=None, description="The scorer's name.")
    nationality: StringComparison | None = strawberry.field(default=None, description="The scorer's FIFA code.")
    and_: list[GoalWhere] | None = strawberry.field(default=None, name="and", description=_AND)
    or_: list[GoalWhere] | None = strawberry.field(default=None, name="or", description=_OR)
    not_: GoalWhere | None = strawberry.field(default=None, name="not", description=_NOT)


@strawberry.input(description="Which cards: conditions on their fields, combined with and/or/not.")
class CardWhere:
    minute: IntComparison | None = strawberry.field(default=None, description="The minute.")
    kind: CardKindComparison | None = strawberry.field(default=None, description="The kind.")
    date: DateComparison | None = strawberry.field(default=None, description="The match's day.")
    round: RoundComparison | None = strawberry.field(default=None, description="The match's round.")
    and_: list[CardWhere] | None = strawberry.field(default=None, name="and", description=_AND)
    or_: list[CardWhere] | None = strawberry.field(default=None, name="or", description=_OR)
    not_: CardWhere | None = strawberry.field(default=None, name="not", description=_NOT)


@strawberry.input(description="Which players: conditions on their fields, combined with and/or/not.")
class PlayerWhere:
    name: StringComparison | None = strawberry.field(default=None, description="The name.")
    nationality: StringComparison | None = strawberry.field(default=None, description="The FIFA code.")
    goal_count: IntComparison | None = strawberry.field(
        default=None, description="Goals in the scorer table (null for a player it does not list)."
    )
    and_: list[PlayerWhere] | None = strawberry.field(default=None, name="and", description=_AND)
    or_: list[PlayerWhere] | None = strawberry.field(default=None, name="or", description=_OR)
    not_: PlayerWhere | None = strawberry.field(default=None, name="not", description=_NOT)


@strawberry.input(description="Which clubs: conditions on their fields, combined with and/or/not.")
class ClubWhere:
    name: StringComparison | None = strawberry.field(default=None, description="The name.")
    league: LeagueComparison | None = strawberry.field(default=None, description="The league this season.")
    entry_round: RoundComparison | None = strawberry.field(default=None, description="The round it entered in.")
    and_: list[ClubWhere] | None = strawberry.field(default=None, name="and", description=_AND)
    or_: list[ClubWhere] | None = strawberry.field(default=None, name="or", description=_OR)
    not_: ClubWhere | None = strawberry.field(default=None, name="not", description=_NOT)
