"""The Relay pieces every list shares: `Node`, `PageInfo`, edges, connections, and the one builder of a season's
top-level list field (`clubs`, `matches`, `goals`, `cards`, `players`).

IDs and cursors are cupql's own (resolvers/ids.py, resolvers/cursor_pages.py) rather than `strawberry.relay`'s:
they are served already, and a relay-built ID or cursor would change what clients hold.
"""

from __future__ import annotations

import dataclasses
import inspect
from collections.abc import Awaitable, Callable, Mapping
from typing import Annotated, Any, Generic, TypeVar

import strawberry
from strawberry import Private

from resolvers.context import Context
from resolvers.criteria import Ordering
from resolvers.cursor_pages import ListQuery, Page, PageRequest, encode_cursor
from resolvers.ids import encode_id
from resolvers.lookup import season_for
from resolvers.rows import SeasonRow
from resolvers.where import narrowed
from schema.comparisons import condition

Info = strawberry.Info[Context, None]
NodeT = TypeVar("NodeT")
C = TypeVar("C")

SeasonYear = Annotated[int | None, strawberry.argument(description="The season's year; the latest when omitted.")]
First = Annotated[int | None, strawberry.argument(description="Return the first N (at most the page-size cap).")]
After = Annotated[str | None, strawberry.argument(description="Start after this cursor.")]
Last = Annotated[int | None, strawberry.argument(description="Return the last N (at most the page-size cap).")]
Before = Annotated[str | None, strawberry.argument(description="End before this cursor.")]
GlobalId = Annotated[strawberry.ID, strawberry.argument(description="A global ID from an object's `id` field.")]
GROUP_KEY = strawberry.argument(description="What to group by.")
GROUP_KEYS = strawberry.argument(description="What to group by, outermost first (one to three keys).")
_FILTER = strawberry.argument(
    description="Only the objects every given condition holds for.",
    deprecation_reason="Use `where`. `filter` stays until `where` can name a club, an opponent, a group or a player.",
)
_ORDER = strawberry.argument(description="The order; by date or name when omitted.")
_WHERE = strawberry.argument(
    description="Conditions with comparisons, in, isNull and and/or/not; combines with `filter`."
)


@strawberry.interface(description="An object with a global ID: stable across re-imports and databases.")
class Node:
    @strawberry.field(description="The global ID; pass it to `node(id:)` to fetch the object again.")
    def id(self) -> strawberry.ID:
        return strawberry.ID(encode_id(type(self).__name__, self.key()))

    def key(self) -> str:
        raise TypeError(f"{type(self).__name__} has no key")


@strawberry.type(description="Where a page sits in its list.")
class PageInfo:
    has_next_page: bool = strawberry.field(description="Whether `after: endCursor` has more.")
    has_previous_page: bool = strawberry.field(description="Whether `before: startCursor` has more.")
    start_cursor: str | None = strawberry.field(description="The first edge's cursor.")
    end_cursor: str | None = strawberry.field(description="The last edge's cursor.")


@strawberry.type(description="A node and the cursor to page from it.")
class Edge(Generic[NodeT]):
    cursor: str = strawberry.field(description="Pass as `after` or `before`.")
    node: NodeT = strawberry.field(description="The object.")


@strawberry.type(description="A page of a list, with its total.")
class PagedList(Generic[NodeT]):
    nodes: list[NodeT] = strawberry.field(description="The page's objects.")
    edges: list[Edge[NodeT]] = strawberry.field(description="The page's objects with their cursors.")
    page_info: PageInfo = strawberry.field(description="Cursors and whether there is more.")
    query: Private[ListQuery[Any]]

    @strawberry.field(description="How many objects match the filter, over all pages.")
    async def total_count(self, info: Info) -> int:
        return await self.query.count(info.context)


@strawberry.type(description="A page of a season's list, with its total and aggregates over the whole filtered list.")
class Connection(PagedList[NodeT]):
    season: Private[SeasonRow]


def connection(cls: Callable[..., C], page: Page[Any], nodes: list[Any], query: ListQuery[Any], **fields: Any) -> C:
    """A `cls` connection of `nodes`, the objects of `page`'s rows (`fields` are its private ones)."""
    edges = [Edge(cursor=encode_cursor(query.kind, page.offset + i), node=n) for i, n in enumerate(nodes)]
    info = PageInfo(
        has_next_page=page.has_next,
        has_previous_page=page.has_previous,
        start_cursor=edges[0].cursor if edges else None,
        end_cursor=edges[-1].cursor if edges else None,
    )
    return cls(nodes=nodes, edges=edges, page_info=info, query=query, **fields)


def plain(criteria: type[C], given: object | None) -> C | None:
    """A filter input as the resolvers' criteria of the same fields (None when not given)."""
    if given is None:
        return None
    return criteria(**{field.name: getattr(given, field.name) for field in dataclasses.fields(criteria)})  # type: ignore[arg-type]


def ordering(given: Any) -> Ordering[Any] | None:
    """An order input as the resolvers' `Ordering` (None when not given)."""
    return None if given is None else Ordering(given.field, given.direction)


def season_list(
    *,
    description: str,
    connection_type: type[Any],
    filter_type: type[Any],
    where_type: type[Any],
    order_type: type[Any],
    criteria: type[Any],
    query: Callable[[Context, SeasonRow, Any, Any], Awaitable[ListQuery[Any]]],
    columns: Mapping[str, Any],
    nodes: Callable[[Info, list[Any]], Awaitable[list[Any]]],
) -> Any:
    """A season's top-level list field: filter (deprecated) or where, order, page, in the season asked for."""

    async def resolve(
        info: Info,
        filter: Any = None,
        where: Any = None,
        order_by: Any = None,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
        season: int | None = None,
    ) -> Any:
        chosen = await season_for(info.context, season)
        listed = await query(info.context, chosen, plain(criteria, filter), ordering(order_by))
        listed = narrowed(listed, condition(where), columns)
        page = await listed.page(info.context, PageRequest(first, after, last, before))
        return connection(connection_type, page, await nodes(info, page.rows), listed, season=chosen)

    # The arguments' GraphQL types are the entity's own inputs: strawberry reads them from the signature.
    annotations = {
        "filter": Annotated[filter_type | None, _FILTER],
        "where": Annotated[where_type | None, _WHERE],
        "order_by": Annotated[order_type | None, _ORDER],
        "first": First,
        "after": After,
        "last": Last,
        "before": Before,
        "season": SeasonYear,
    }
    parameters = [inspect.Parameter("info", inspect.Parameter.POSITIONAL_OR_KEYWORD, annotation=Info)]
    parameters += [
        inspect.Parameter(name, inspect.Parameter.POSITIONAL_OR_KEYWORD, default=None, annotation=annotation)
        for name, annotation in annotations.items()
    ]
    resolve.__signature__ = inspect.Signature(parameters, return_annotation=connection_type | None)  # type: ignore[attr-defined]
    return strawberry.field(resolver=resolve, description=description)
