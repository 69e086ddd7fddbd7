"""Server-side Relay paging over a filtered SELECT: offset cursors, pages and counts on demand.

The page-size cap is checked once, before anything runs, by the schema's validation (`schema/limits.py`).
"""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from sqlalchemy import Select, func, select

from football.errors import BadUserInput
from resolvers.context import Context
from resolvers.lookup import shown

T = TypeVar("T")
K = TypeVar("K")


# Offsets beyond any real list; larger numbers would overflow the databases' integers.
_MAX_OFFSET = 2**31 - 1


def encode_cursor(kind: str, offset: int) -> str:
    """The cursor of the row at `offset` in a list of `kind` rows (see `Query.kind`)."""
    return base64.urlsafe_b64encode(f"{kind}:{offset}".encode()).decode()


def decode_cursor(cursor: str, kind: str) -> int:
    """The offset a cursor points at; BAD_USER_INPUT for a cursor we did not issue for a list of `kind`."""
    try:
        cursor_kind, _, number = base64.urlsafe_b64decode(cursor.encode()).decode().partition(":")
    except (binascii.Error, UnicodeDecodeError, ValueError):
        cursor_kind, number = "", ""
    if cursor_kind == kind and number.isdigit() and int(number) <= _MAX_OFFSET:
        return int(number)
    if cursor_kind.isidentifier() and number.isdigit():
        raise BadUserInput(
            f"The cursor {shown(cursor)} comes from another list: "
            "use a cursor from this connection's edges or pageInfo."
        )
    raise BadUserInput(f"Invalid cursor {shown(cursor)}: use a cursor from this connection's edges or pageInfo.")


@dataclass(frozen=True)
class PageRequest:
    first: int | None = None
    after: str | None = None
    last: int | None = None
    before: str | None = None


@dataclass
class Page(Generic[T]):
    """One page of rows, where it starts, and whether there is more on either side."""

    rows: list[T]
    offset: int
    has_next: bool
    has_previous: bool


@dataclass
class ListQuery(Generic[T]):
    """A filtered, ordered statement a connection pages through, counts and groups (resolvers/grouping.py)."""

    statement: Select[Any]
    order_by: tuple[Any, ...]

    @property
    def kind(self) -> str:
        """What the rows are (the model selected, e.g. `Match`): a cursor is only valid in lists of its kind."""
        entity = self.statement.column_descriptions[0].get("entity")
        return entity.__name__ if isinstance(entity, type) else str(self.statement.column_descriptions[0]["name"])

    async def page(self, context: Context, request: PageRequest) -> Page[T]:
        start = decode_cursor(request.after, self.kind) + 1 if request.after is not None else 0
        end = decode_cursor(request.before, self.kind) if request.before is not None else None
        if request.first is None and request.last is None:
            first: int | None = context.limits.default_page_size
        else:
            first = request.first
        if request.last is not None:
            if end is None:
                end = await self.count(context) if first is None else start + first
            elif first is not None:
                end = min(end, start + first)
            start = max(start, end - request.last)
        elif first is not None:
            end = start + first if end is None else min(end, start + first)
        limit = None if end is None else max(end - start, 0)
        statement = self.statement.order_by(*self.order_by).offset(start)
        if limit is not None:
            statement = statement.limit(limit + 1)
        rows = await context.database.execute(statement)
        has_next = limit is not None and len(rows) > limit
        return Page(
            rows=rows[:limit] if limit is not None else rows, offset=start, has_next=has_next, has_previous=start > 0
        )

    async def count(self, context: Context) -> int:
        subquery = self.statement.order_by(None).subquery()
        return int(await context.database.scalar(select(func.count()).select_from(subquery)) or 0)
