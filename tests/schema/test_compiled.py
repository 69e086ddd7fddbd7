"""Compiled plans answer byte for byte as strawberry does, and whatever they do not cover falls back to it."""

from __future__ import annotations

from collections.abc import Iterator

import orjson
import pytest

from bench.queries import LOAD_QUERIES, SCALE_QUERIES
from cupql.graphiql import _EXAMPLE_QUERIES
from tests.schema.compiled_pair import Pair, pair


@pytest.fixture(scope="module")
def servers(loaded_database_url: str) -> Iterator[Pair]:
    with pair(loaded_database_url) as both:
        yield both


def same(servers: Pair, query: str, variables: dict[str, object] | None = None, *, compiled: bool = True) -> dict:
    """Ask both servers; the bodies must be equal, and the compiled server must have run it as expected."""
    answer = servers.ask(query, variables)
    assert answer.compiled == answer.interpreted
    assert answer.execution == ("compiled" if compiled else "interpreted")
    return orjson.loads(answer.compiled)  # type: ignore[no-any-return]


@pytest.mark.parametrize(
    "query",
    [query.cupql.query for query in LOAD_QUERIES] + [query.request.query for query in SCALE_QUERIES],
    ids=[query.name for query in LOAD_QUERIES] + [query.name for query in SCALE_QUERIES],
)
def test_the_benchmarks_queries_run_compiled(servers: Pair, query: str) -> None:
    assert "errors" not in same(servers, query)


@pytest.mark.parametrize("query", _EXAMPLE_QUERIES, ids=[q.split("query ")[1].split()[0] for q in _EXAMPLE_QUERIES])
def test_graphiqls_examples_run_compiled(servers: Pair, query: str) -> None:
    assert "errors" not in same(servers, query)


def test_without_debug_the_whole_response_is_the_same_bytes(loaded_database_url: str) -> None:
    with pair(loaded_database_url, debug_sql=False) as plain:
        for query in LOAD_QUERIES:
            answer = plain.ask(query.cupql.query)
            assert answer.compiled == answer.interpreted
            assert b'"extensions"' not in answer.compiled


def test_aliases_fragments_and_typename(servers: Pair) -> None:
    body = same(
        servers,
        """query Aliased { __typename
          first: club(name: "Aktobe") { ...Names kind: __typename run: cupRun { ... on CupRun { played won } } }
          again: club(name: "Aktobe") { name ...Names }
        }
        fragment Names on Club { name firstKnownName label: slug }""",
    )
    first = body["data"]["first"]
    assert body["data"]["__typename"] == "Query"
    assert list(first) == ["name", "firstKnownName", "label", "kind", "run"]
    assert first["kind"] == "Club" and first["label"] == "aktobe"
    assert list(body["data"]["again"]) == ["name", "firstKnownName", "label"]


def test_fragments_on_an_interface_pick_the_runtime_type(servers: Pair) -> None:
    club_id = same(servers, '{ club(name: "Aktobe") { id } }')["data"]["club"]["id"]
    season_id = same(servers, "{ season { id } }")["data"]["season"]["id"]
    body = same(
        servers,
        "query ($ids: [ID!]!) { nodes(ids: $ids) { __typename id ... on Club { name } ... on Season { year } } }",
        {"ids": [club_id, season_id, "no such id"]},
    )
    assert body["data"]["nodes"] == [
        {"__typename": "Club", "id": club_id, "name": "Aktobe"},
        {"__typename": "Season", "id": season_id, "year": 2024},
        None,
    ]


@pytest.mark.parametrize("shown", [True, False])
def test_skip_and_include_follow_their_variables(servers: Pair, shown: bool) -> None:
    body = same(
        servers,
        """query ($shown: Boolean!) { club(name: "Aktobe") {
             name @include(if: $shown) slug @skip(if: $shown) league @skip(if: false)
             ... @include(if: $shown) { entryRound } } }""",
        {"shown": shown},
    )
    assert list(body["data"]["club"]) == (["name", "league", "entryRound"] if shown else ["slug", "league"])


def test_enums_and_nulls_are_written_as_strawberry_writes_them(servers: Pair) -> None:
    body = same(
        servers,
        """query ($round: Round) { ties(round: $round) { round decidedBy homePenalties
             legs { leg extraTime goals { minute scorer { name } attribution } } } }""",
        {"round": "FINAL"},
    )
    (final,) = body["data"]["ties"]
    assert final["round"] == "FINAL" and final["legs"][0]["leg"] is None
    assert {goal["attribution"] for leg in final["legs"] for goal in leg["goals"]} <= {"STATED", "INFERRED", "UNKNOWN"}


def test_variables_feed_arguments_without_a_new_plan(servers: Pair) -> None:
    query = "query ($name: String, $first: Int!) { club(name: $name) { name } topScorers(first: $first) { goals } }"
    aktobe = same(servers, query, {"name": "aktobe", "first": 2})
    kairat = same(servers, query, {"name": "Kairat", "first": 3})
    # topScorers never cuts a tie, so it may list more than `first`.
    assert aktobe["data"]["club"]["name"] == "Aktobe" and len(aktobe["data"]["topScorers"]) >= 2
    assert kairat["data"]["club"]["name"] == "Kairat" and len(kairat["data"]["topScorers"]) >= 3


def test_filtered_and_ordered_inner_lists_run_their_resolvers(servers: Pair) -> None:
    body = same(
        servers,
        """{ matches(first: 1, filter: {rounds: [FINAL]}) { nodes {
             goals(filter: {club: "Aktobe"}, orderBy: {field: MINUTE, direction: DESC}) { minute } } } }""",
    )
    assert [goal["minute"] for goal in body["data"]["matches"]["nodes"][0]["goals"]] == [90, 89]


def test_errors_fall_back_to_strawberry_with_their_codes_and_suggestions(servers: Pair) -> None:
    body = same(servers, '{ club(name: "Aktobee") { name } season { year } }', compiled=False)
    assert body["data"] == {"club": None, "season": {"year": 2024}}
    assert body["errors"][0]["extensions"]["code"] == "NOT_FOUND"
    assert "Did you mean 'Aktobe'" in body["errors"][0]["message"]
    body = same(servers, "{ topScorers(first: 1000) { goals } }", compiled=False)
    assert body["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"


def test_documents_the_compiler_does_not_cover_run_through_strawberry(servers: Pair) -> None:
    body = same(servers, '{ __type(name: "Club") { name } club(name: "Aktobe") { name } }', compiled=False)
    assert body["data"] == {"__type": {"name": "Club"}, "club": {"name": "Aktobe"}}


def test_debug_sql_lists_the_plans_statements(servers: Pair) -> None:
    body = orjson.loads(
        servers.run(
            servers.compiler.post("/graphql", json={"query": '{ club(name: "Aktobe") { cupRun { played } } }'})
        ).content
    )
    plan = body["extensions"]["plan"]
    assert plan["execution"] == "compiled" and plan["batched"] == ["Club.cupRun"]
    assert len(plan["statements"]) == body["extensions"]["sql"]["statements"]
    assert any("FROM matches" in statement for statement in plan["statements"])


def test_a_fallen_back_plan_leaves_strawberry_its_errors_order(servers: Pair) -> None:
    # Found by the differential test: a plan that had warmed the request's loaders before falling back changed
    # when each field's error came, so the errors' order (the bytes compared by `same`). The plan now runs on
    # loaders of its own.
    body = same(
        servers,
        """{ seasons(first: 1) { totalCount } blank: club(name: "", id: "") { entryRound }
            match(id: "") { articleLine } unknown: club(name: "Aktobee") { name } player(name: "Nobody") { name } }""",
        compiled=False,
    )
    assert sorted(error["path"][0] for error in body["errors"]) == ["blank", "match", "player", "unknown"]
