"""Query limits refuse deep, aliased, long, huge-page and costly queries before they run."""

from typing import Any

import pytest
import strawberry
from graphql import get_introspection_query

from football.limits import QueryLimits
from schema.errors import error_extensions
from schema.limits import limit_extensions

resolved: list[str] = []


@strawberry.type
class Player:
    name: str


@strawberry.type
class Goal:
    minute: int
    scorer: Player


@strawberry.type
class Card:
    kind: str
    player: Player


@strawberry.type
class Match:
    goals: list[Goal]
    cards: list[Card]
    home: "Club"
    away: "Club"


@strawberry.type
class MatchEdge:
    node: Match


@strawberry.type
class Bucket:
    key: str
    count: int


@strawberry.type
class MatchConnection:
    nodes: list[Match]
    edges: list[MatchEdge]
    group_by: list[Bucket]
    total_count: int


@strawberry.type
class CupStep:
    round: str
    opponent: "Club"
    match: Match


@strawberry.type
class CupRun:
    steps: list[CupStep]


@strawberry.type
class Scorer:
    player: Player
    goals: int


@strawberry.type
class Club:
    name: str
    cup_run: CupRun
    scorers: list[Scorer]

    @strawberry.field
    def matches(self, first: int | None = None, last: int | None = None) -> MatchConnection:
        return MatchConnection(nodes=[], edges=[], group_by=[], total_count=0)


@strawberry.type
class ClubConnection:
    nodes: list[Club]


@strawberry.type
class Query:
    @strawberry.field
    def clubs(self, first: int | None = None, last: int | None = None) -> ClubConnection:
        resolved.append("clubs")
        return ClubConnection(nodes=[])

    @strawberry.field
    def club(self, name: str) -> Club | None:
        resolved.append("club")
        return None

    @strawberry.field
    def top_scorers(self, first: int = 10) -> list[Scorer]:
        return []


ANALYST_QUERY = """{
  clubs(first: 50) {
    nodes {
      name
      cupRun { steps { round opponent { name } match {
        goals { minute scorer { name } }
        cards { kind player { name } } } } }
      scorers { player { name } goals }
    }
  }
}"""


async def execute(
    query: str, limits: QueryLimits | None = None, variables: dict[str, Any] | None = None
) -> list[dict[str, Any]]:
    """The errors of running ``query``, formatted as in a response."""
    schema = strawberry.Schema(Query, extensions=[*error_extensions(), *limit_extensions(limits or QueryLimits())])
    resolved.clear()
    result = await schema.execute(query, variable_values=variables)
    return [error.formatted for error in result.errors or ()]


def nested_matches(levels: int, first: str = "", innermost: str = "name") -> str:
    """``club { matches { nodes { home { matches ... { name } ... } } } }``: 3 levels per link."""
    query = innermost
    for _ in range(levels):
        query = f"matches{first} {{ nodes {{ home {{ {query} }} }} }}"
    return f'{{ club(name: "aktobe") {{ {query} }} }}'


async def test_the_analysts_whole_cup_run_query_passes_the_defaults() -> None:
    assert await execute(ANALYST_QUERY) == []
    assert resolved == ["clubs"]


async def test_the_analysts_query_costs_as_documented() -> None:
    [error] = await execute(ANALYST_QUERY, QueryLimits(max_cost=1))
    assert error["message"].startswith("The query could return up to 22601 objects; the limit is 1.")


async def test_refuses_deep_nesting_of_cyclic_links_before_running_it() -> None:
    errors = await execute(nested_matches(5, "(first: 5)"))
    assert {error["extensions"]["code"] for error in errors} == {"QUERY_TOO_COMPLEX"}
    assert "The query nests fields 17 levels deep; the limit is 12." in [error["message"] for error in errors]
    assert resolved == []


async def test_allows_nesting_up_to_the_depth_limit() -> None:
    assert await execute(nested_matches(3, "(first: 5)")) == []  # depth 11


async def test_refuses_three_nested_pages_of_twenty_for_cost() -> None:
    query = nested_matches(2, "(first: 20)", innermost="matches(first: 20) { nodes { goals { minute } } }")
    [error] = await execute(query)
    # 1 club + 1 + 20 + 20 + 20 + 400 + 400 + 400 + 8000 (matches, clubs, connections) + 80000 goals
    assert error["message"].startswith("The query could return up to 89262 objects; the limit is 50000.")
    assert error["extensions"] == {"code": "QUERY_TOO_COMPLEX"}


async def test_refuses_alias_floods() -> None:
    query = "{ " + " ".join(f'c{i}: club(name: "x") {{ name }}' for i in range(300)) + " }"
    errors = await execute(query, QueryLimits(max_tokens=10_000))
    assert [error["message"] for error in errors] == ["The query uses 300 aliases; the limit is 30."]
    assert errors[0]["extensions"] == {"code": "QUERY_TOO_COMPLEX"}


async def test_counts_aliases_in_fragments_each_time_they_are_spread() -> None:
    fragment = "fragment F on Club { " + " ".join(f"n{i}: name" for i in range(10)) + " }"
    query = '{ a: club(name: "a") { ...F } b: club(name: "b") { ...F } c: club(name: "c") { ...F } } ' + fragment
    [error] = await execute(query)
    assert error["message"] == "The query uses 33 aliases; the limit is 30."


async def test_refuses_documents_over_the_token_limit() -> None:
    query = "{ " + " ".join('club(name: "x") { name }' for _ in range(300)) + " }"
    [error] = await execute(query)
    assert "more than 2000 tokens" in error["message"]
    assert error["extensions"] == {"code": "QUERY_TOO_COMPLEX"}


@pytest.mark.parametrize(
    ("query", "variables", "value"),
    [
        ("{ clubs(first: 1000000) { nodes { name } } }", None, 1000000),
        ("{ clubs(last: 101) { nodes { name } } }", None, 101),
        ("{ clubs(first: -1) { nodes { name } } }", None, -1),
        ("query($n: Int) { clubs(first: $n) { nodes { name } } }", {"n": 5000}, 5000),
        ("query($n: Int = 5000) { clubs(first: $n) { nodes { name } } }", None, 5000),
        ("{ topScorers(first: 500) { goals } }", None, 500),
    ],
)
async def test_refuses_pages_over_the_cap_naming_it(query: str, variables: dict[str, Any] | None, value: int) -> None:
    [error] = await execute(query, variables=variables)
    assert error["message"].endswith(f"must be between 0 and 100, not {value}.")
    assert error["extensions"]["code"] == "BAD_USER_INPUT"
    assert error["extensions"]["maxPageSize"] == 100
    assert resolved == []


@pytest.mark.parametrize(
    ("query", "variables"),
    [
        ("{ clubs { nodes { name } } }", None),
        ('{ club(name: "a") { matches { totalCount edges { node { home { name } } } } } }', None),
        ("{ clubs { ...C } } fragment C on ClubConnection { nodes { name } }", None),
        ("query($n: Int) { clubs(first: $n) { nodes { name } } }", {}),
        ("query($n: Int) { clubs(first: $n) { nodes { name } } }", {"n": None}),
    ],
)
async def test_refuses_to_list_nodes_without_a_page_size(query: str, variables: dict[str, Any] | None) -> None:
    [error] = await execute(query, variables=variables)
    field = "matches" if "matches" in query else "clubs"
    assert error["message"] == (
        f"Say how many `{field}` to list: pass `first` (or `last`), at most 100. `totalCount` tells how many there "
        "are; `pageInfo { endCursor }` with `after` gives the next page."
    )
    assert error["extensions"] == {"code": "BAD_USER_INPUT", "argument": "first", "maxPageSize": 100}
    assert resolved == []


@pytest.mark.parametrize(
    "query",
    [
        '{ club(name: "a") { matches { totalCount groupBy { count } } } }',
        "{ clubs(last: 3) { nodes { name } } }",
        "query($n: Int = 3) { clubs(first: $n) { nodes { name } } }",
        "{ topScorers { goals } }",
    ],
)
async def test_a_page_size_is_needed_only_to_list_nodes(query: str) -> None:
    assert await execute(query) == []


async def test_allows_pages_up_to_the_cap() -> None:
    assert await execute("query($n: Int) { clubs(first: $n) { nodes { name } } }", variables={"n": 100}) == []


@pytest.mark.parametrize(
    ("query", "variables", "cost"),
    [
        # connection 1 + 5 clubs + 5 x 10 scorers + 50 players; the fragment counts where spread
        ("{ clubs(first: 5) { nodes { ...F } } } fragment F on Club { scorers { player { name } } }", None, 106),
        (
            "query($n: Int) { clubs(first: $n) { nodes { ...F } } } fragment F on Club { scorers { goals } }",
            {"n": 5},
            56,
        ),
        ("query($n: Int = 5) { clubs(first: $n) { nodes { ... on Club { scorers { goals } } } } }", None, 56),
        # a connection asked for no nodes needs no page size: the connection itself
        ('{ club(name: "a") { matches { totalCount } } }', None, 2),
        # edges share the connection's page size; the connection and its page info count once
        ('{ club(name: "a") { matches(first: 3) { edges { node { goals { minute } } } totalCount } } }', None, 38),
        # other lists in a connection are not the page
        ('{ club(name: "a") { matches(first: 3) { groupBy { count } } } }', None, 12),
        # a list-returning paginated field is its own page
        ("{ topScorers(first: 7) { player { name } } }", None, 14),
        # or, unless asked otherwise, its default page size in the schema
        ("{ topScorers { goals } }", None, 10),
        ("query($n: Int) { topScorers(first: $n) { goals } }", {}, 10),
        # introspection is left to MaxIntrospectionDepthRule
        ("{ clubs(first: 1) { __typename nodes { __typename name } } }", None, 2),
    ],
)
async def test_estimates_the_cost(query: str, variables: dict[str, Any] | None, cost: int) -> None:
    [error] = await execute(query, QueryLimits(max_cost=1), variables)
    assert error["message"].startswith(f"The query could return up to {cost} objects;")


async def test_uses_the_configured_list_estimates() -> None:
    query = "{ clubs(first: 5) { nodes { scorers { goals } } } }"
    limits = QueryLimits(max_cost=1, list_size_estimate=3, list_sizes={"Club.scorers": 40})
    [error] = await execute(query, limits)
    assert error["message"].startswith("The query could return up to 206 objects;")
    [error] = await execute(query.replace("scorers", "cupRun { steps { round } } scorers"), limits)
    assert error["message"].startswith("The query could return up to 226 objects;")


async def test_allows_graphiqls_introspection_query() -> None:
    query = get_introspection_query(
        specified_by_url=True,
        directive_is_repeatable=True,
        schema_description=True,
        input_value_deprecation=True,
        one_of=True,
    )
    assert await execute(query) == []


async def test_refuses_deep_introspection() -> None:
    query = "{ __schema { types { fields { type { fields { type { fields { name } } } } } } } }"
    [error] = await execute(query)
    assert error["message"] == "Maximum introspection depth exceeded"
    assert error["extensions"] == {"code": "QUERY_TOO_COMPLEX"}


async def test_measures_fragment_bombs_without_expanding_them() -> None:
    # Each fragment spreads the next twice: 2**30 copies of F30 once expanded, more than could be
    # walked one by one in the lifetime of the test.
    fragments = " ".join(f"fragment F{i} on Club {{ ...F{i + 1} ...F{i + 1} }}" for i in range(30))
    query = f'{{ club(name: "a") {{ ...F0 }} }} {fragments} fragment F30 on Club {{ scorers {{ goals }} }}'
    [error] = await execute(query)
    assert error["message"].startswith(f"The query could return up to {1 + 2**30 * 10} objects;")
    assert resolved == []


async def test_survives_fragment_cycles() -> None:
    query = '{ club(name: "a") { ...A } } fragment A on Club { name ...B } fragment B on Club { ...A }'
    errors = await execute(query)
    assert [error["extensions"]["code"] for error in errors] == ["GRAPHQL_VALIDATION_FAILED"]
