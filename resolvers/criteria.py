"""What the season's lists share: an ordering and its direction, filter text checked before it reaches SQL."""

from __future__ import annotations

import dataclasses
import enum
from typing import Any, Generic, TypeVar

from sqlalchemy import ColumnElement, case
from sqlalchemy.orm import InstrumentedAttribute

from football.errors import BadUserInput
from football.vocabulary import RoundKind, fold
from resolvers.lookup import shown

F = TypeVar("F", bound=enum.Enum)


class Direction(enum.Enum):
    """Sort direction."""

    ASC = "ASC"
    DESC = "DESC"


@dataclasses.dataclass(frozen=True)
class Ordering(Generic[F]):
    """A list's order: one of its order fields, and which way; ties are broken by the list's own columns."""

    field: F
    direction: Direction = Direction.ASC


def directed(column: Any, direction: Direction) -> Any:
    return column.desc() if direction is Direction.DESC else column.asc()


def in_round_order(column: Any) -> Any:
    """A round column as its position in playing order (unknown rounds last)."""
    return case(*((column == kind, kind.order) for kind in RoundKind), else_=99)


def filter_text(value: str) -> str:
    """A filter's text, refused when no database could compare it (a NUL character)."""
    if "\x00" in value:
        raise BadUserInput("Filter text must not contain NUL characters.")
    return value


def nationality(code: str) -> str:
    """A FIFA country code as stored (`KAZ`); BAD_USER_INPUT for anything else."""
    code = filter_text(code).strip().upper()
    if not (len(code) == 3 and code.isalpha()):
        raise BadUserInput(f'Nationality {shown(code)} is not a three-letter FIFA code such as "KAZ".')
    return code


def contains(column: InstrumentedAttribute[str], text: str) -> ColumnElement[bool]:
    """`column` (a folded sort_name) contains `text`, ignoring case and accents on every database."""
    return column.contains(fold(filter_text(text)), autoescape=True)


def flag_sum(condition: ColumnElement[bool]) -> Any:
    """1 for each row `condition` holds for, to be summed."""
    return case((condition, 1), else_=0)
