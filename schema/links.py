"""How an object reaches the objects it links to: required links, lists inside an object, players looked ahead."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Annotated, Any, Optional, TypeAlias, TypeVar, cast

import strawberry
from graphql import FieldNode, FragmentSpreadNode, GraphQLResolveInfo, InlineFragmentNode, SelectionSetNode
from strawberry.dataloader import DataLoader

from football.errors import BadUserInput
from resolvers import nested
from schema.enums import RoundKind
from schema.relay import Info, ordering, plain

if TYPE_CHECKING:
    from schema.card import CardFilter, CardOrder
    from schema.goal import GoalFilter, GoalOrder
    from schema.match import MatchFilter, MatchOrder
    from schema.player import PlayerFilter, PlayerOrder

T = TypeVar("T")
K = TypeVar("K")
R = TypeVar("R")

INNER_FILTER = strawberry.argument(description="Only those every given condition holds for (as on the top-level list).")
INNER_ORDER = strawberry.argument(description="The order (as on the top-level list); the field's own when omitted.")


def _inner(input_name: str, module: str, argument: Any) -> Any:
    """An inner list's optional `filter` or `orderBy` argument of the input `input_name` in `module`, by name:
    the input's module links back to this one's users, so it is resolved when the schema is built."""
    return Annotated[Optional[strawberry.LazyType(input_name, module)], argument]  # noqa: UP045 (a LazyType is no class)


if TYPE_CHECKING:
    InnerGoalFilter: TypeAlias = "GoalFilter | None"
    InnerGoalOrder: TypeAlias = "GoalOrder | None"
    InnerCardFilter: TypeAlias = "CardFilter | None"
    InnerCardOrder: TypeAlias = "CardOrder | None"
    InnerMatchFilter: TypeAlias = "MatchFilter | None"
    InnerMatchOrder: TypeAlias = "MatchOrder | None"
    InnerPlayerFilter: TypeAlias = "PlayerFilter | None"
    InnerPlayerOrder: TypeAlias = "PlayerOrder | None"
else:
    InnerGoalFilter = _inner("GoalFilter", "schema.goal", INNER_FILTER)
    InnerGoalOrder = _inner("GoalOrder", "schema.goal", INNER_ORDER)
    InnerCardFilter = _inner("CardFilter", "schema.card", INNER_FILTER)
    InnerCardOrder = _inner("CardOrder", "schema.card", INNER_ORDER)
    InnerMatchFilter = _inner("MatchFilter", "schema.match", INNER_FILTER)
    InnerMatchOrder = _inner("MatchOrder", "schema.match", INNER_ORDER)
    InnerPlayerFilter = _inner("PlayerFilter", "schema.player", INNER_FILTER)
    InnerPlayerOrder = _inner("PlayerOrder", "schema.player", INNER_ORDER)


def required(what: str, found: T | None) -> T:
    """`found`, which a link of the data must point at (LookupError, an internal error, when it does not)."""
    if found is None:
        raise LookupError(f"no {what}")
    return found


def selects(info: Info, name: str) -> bool:
    """Whether the query selects field `name` on the objects the current field returns (fragments included)."""
    # Fields graphql-core calls directly (see schema.build) get its own info; the others strawberry's wrapper.
    raw = cast(GraphQLResolveInfo[Any], getattr(info, "_raw_info", info))
    return any(_selects(raw, node.selection_set, name) for node in raw.field_nodes)


def _selects(raw: GraphQLResolveInfo[Any], selection_set: SelectionSetNode | None, name: str) -> bool:
    for selection in selection_set.selections if selection_set else ():
        if isinstance(selection, FieldNode):
            if selection.name.value == name:
                return True
        elif isinstance(selection, InlineFragmentNode):
            if _selects(raw, selection.selection_set, name):
                return True
        elif isinstance(selection, FragmentSpreadNode):
            fragment = raw.fragments.get(selection.name.value)
            if fragment is not None and _selects(raw, fragment.selection_set, name):
                return True
    return False


async def inner_rows(
    info: Info,
    loader: DataLoader[K, list[R]],
    loader_key: K,
    nesting: nested.Nesting[R, Any, Any],
    season_id: str,
    parent_id: str,
    filter: object | None,
    order: object | None,
) -> list[R]:
    """A list inside an object: its own loader as it comes, the shared filtered reader when asked to filter or order."""
    if filter is None and order is None:
        return await loader.load(loader_key)
    criteria = plain(nesting.criteria, filter)
    return await nested.inner_list(info.context, nesting, season_id, parent_id, criteria, ordering(order))


async def prefetch_players(info: Info, link: str, player_ids: Iterable[str | None]) -> None:
    """Load the players the returned objects' `link` field will ask for, now, in one batch.

    Looking ahead this way puts the players in the loader before graphql-core resolves `link` on each object,
    which then answers at once instead of awaiting a load of its own.
    """
    if selects(info, link):
        await info.context.loaders.player.load_many([i for i in player_ids if i is not None])


RoundFilter = Annotated[
    RoundKind | None, strawberry.argument(description="Only this round's; every round when omitted.")
]
TOP_SCORERS_DESCRIPTION = (
    "The scorer table's leaders, most goals first, level players by name. A tie is never cut: every player level "
    "with the last of the `first` lines is listed too, as football tables list a shared place (so `first: 10` "
    "can return more than 10)."
)
TopScorersFirst = Annotated[
    int,
    strawberry.argument(
        description="How many lines, at most the page-size cap; players level on goals with the last of them come too."
    ),
]
Name = Annotated[str | None, strawberry.argument(description="A name, in any case, accents optional.")]
OptionalId = Annotated[strawberry.ID | None, strawberry.argument(description="A global ID (instead of `name`).")]


def name_or_id(name: str | None, id: strawberry.ID | None) -> str:
    """The one non-blank lookup key a client gave."""
    if (name is None) == (id is None):
        raise BadUserInput("Give exactly one of `name` and `id`.")
    value = name if name is not None else str(id)
    if not value.strip():
        raise BadUserInput("A name or ID must not be blank.")
    return value
