"""`where` arguments (schema/where.py) as SQL conditions, added to a connection's filtered statement."""

from __future__ import annotations

import dataclasses
import operator
from collections.abc import Mapping
from typing import Any

from sqlalchemy import ColumnElement, and_, false, not_, or_, true

from db import models
from football.errors import BadUserInput
from football.vocabulary import fold
from resolvers.pages import ListQuery
from resolvers.scores import GOALS_SCORED

M, G, C, P = models.MatchRow, models.GoalRow, models.CardRow, models.PlayerRow

# `in` lists longer than this are refused: a longer list is a join, not a filter.
MAX_IN_VALUES = 1000


@dataclasses.dataclass(frozen=True)
class Text:
    """A text column and the folded column `includes` searches (case and accents ignored)."""

    column: Any
    folded: Any


MATCH_COLUMNS: Mapping[str, Any] = {
    "date": M.date,
    "round": M.round,
    "leg": M.leg,
    "home_score": M.home_score,
    "away_score": M.away_score,
    "goals": GOALS_SCORED,
    "extra_time": M.extra_time,
}
GOAL_COLUMNS: Mapping[str, Any] = {
    "minute": G.minute,
    "stoppage_time": G.stoppage,
    "penalty": G.penalty,
    "own_goal": G.own_goal,
    "attribution": G.attribution,
    "date": M.date,
    "round": M.round,
    "scorer_name": Text(P.name, P.sort_name),
    "nationality": Text(P.nationality, P.nationality),
}
CARD_COLUMNS: Mapping[str, Any] = {"minute": C.minute, "kind": C.kind, "date": M.date, "round": M.round}
PLAYER_COLUMNS: Mapping[str, Any] = {
    "name": Text(P.name, P.sort_name),
    "nationality": Text(P.nationality, P.nationality),
    "goal_count": models.ScorerEntryRow.goals,
}
CLUB_COLUMNS: Mapping[str, Any] = {
    "name": Text(models.ClubEntryRow.name, models.ClubEntryRow.sort_name),
    "league": models.ClubEntryRow.league,
    "entry_round": models.ClubEntryRow.entry_round,
}


def narrowed(query: ListQuery[Any], where: object | None, columns: Mapping[str, Any]) -> ListQuery[Any]:
    """`query` keeping only the rows `where` holds for (all of them when it is None)."""
    if where is None:
        return query
    return ListQuery(query.statement.where(condition(where, columns)), query.order_by)


def condition(where: object, columns: Mapping[str, Any]) -> ColumnElement[bool]:
    """The SQL condition of one `where` object: its comparisons, `and`, `or` and `not`, all of which must hold."""
    parts: list[ColumnElement[bool]] = []
    for field in dataclasses.fields(where):  # type: ignore[arg-type]
        value = getattr(where, field.name)
        if value is None:
            continue
        if field.name == "and_":
            parts.append(and_(true(), *(condition(inner, columns) for inner in value)))
        elif field.name == "or_":
            parts.append(or_(false(), *(condition(inner, columns) for inner in value)))
        elif field.name == "not_":
            parts.append(not_(condition(value, columns)))
        else:
            parts.append(_comparison(columns[field.name], value))
    return and_(true(), *parts)


def _comparison(target: Any, comparison: object) -> ColumnElement[bool]:
    column = target.column if isinstance(target, Text) else target
    parts: list[ColumnElement[bool]] = []
    for field in dataclasses.fields(comparison):  # type: ignore[arg-type]
        value = getattr(comparison, field.name)
        if value is None:
            continue
        if isinstance(value, list) and len(value) > MAX_IN_VALUES:
            raise BadUserInput(f"`{field.name.rstrip('_')}` takes at most {MAX_IN_VALUES} values, got {len(value)}.")
        if isinstance(value, str) and "\x00" in value:
            raise BadUserInput("Filter text must not contain NUL characters.")
        parts.append(_operator(field.name, column, target, value))
    return and_(true(), *parts)


_ORDERINGS = {"gt": operator.gt, "gte": operator.ge, "lt": operator.lt, "lte": operator.le}


def _operator(name: str, column: Any, target: Any, value: Any) -> ColumnElement[bool]:
    if name == "eq":
        return column.is_(value) if isinstance(value, bool) else column == value  # type: ignore[no-any-return]
    if name == "ne":
        return column != value  # type: ignore[no-any-return]
    if name in _ORDERINGS:
        return _ORDERINGS[name](column, value)  # type: ignore[no-any-return]
    if name == "in_":
        return column.in_(value)  # type: ignore[no-any-return]
    if name == "not_in":
        return column.not_in(value)  # type: ignore[no-any-return]
    if name == "is_null":
        return column.is_(None) if value else column.is_not(None)  # type: ignore[no-any-return]
    if name == "includes":
        return target.folded.contains(fold(value), autoescape=True)  # type: ignore[no-any-return]
    raise AssertionError(f"unknown comparison {name}")
