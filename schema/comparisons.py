"""What `where` arguments compare with: `eq`, `in`, `isNull`, ... on each kind of value, the same on every
connection, in the style of Hasura's `where` and PostGraphile's connection filter; and a `where` as plain data.

Every comparison given in one object must hold; `and` lists conditions that must all hold, `or` conditions of
which one must, `not` one that must not. `isNull: true` keeps the rows where the value is unknown. Each entity's
`...Where` input (schema/match.py, ...) names its fields; `condition` hands one to the resolvers.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

import strawberry

from resolvers.where import Comparison, Condition
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


AND = "Conditions that must all hold."
OR = "Conditions of which at least one must hold."
NOT = "A condition that must not hold."

_NESTED = {"and_", "or_", "not_"}


def condition(where: object | None) -> Condition | None:
    """A `...Where` input as the resolvers' plain `Condition` (None when not given)."""
    if where is None:
        return None
    return _condition(where)


def _condition(where: object) -> Condition:
    comparisons = []
    for field in dataclasses.fields(where):  # type: ignore[arg-type]
        given = getattr(where, field.name)
        if field.name in _NESTED or given is None:
            continue
        for operator in dataclasses.fields(given):
            value = getattr(given, operator.name)
            if value is not None:
                comparisons.append(Comparison(field.name, operator.name.rstrip("_"), value))
    and_, or_, not_ = (getattr(where, name) for name in ("and_", "or_", "not_"))
    return Condition(
        comparisons=tuple(comparisons),
        all_of=None if and_ is None else tuple(_condition(inner) for inner in and_),
        any_of=None if or_ is None else tuple(_condition(inner) for inner in or_),
        negated=None if not_ is None else _condition(not_),
    )
