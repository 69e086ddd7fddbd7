"""GraphQLEndpoint: GraphQL-over-HTTP status codes and media types, and error codes and masking."""

import logging
from collections.abc import AsyncIterator, Iterator

import httpx
import pytest
import strawberry
from starlette.requests import Request
from starlette.responses import Response
from starlette.websockets import WebSocket
from strawberry.extensions import SchemaExtension

from cupql.http import APPLICATION_JSON, GRAPHQL_RESPONSE_JSON, GraphQLEndpoint, negotiate_media_type
from cupql.settings import Settings
from football.errors import NotFound
from football.limits import QueryLimits
from schema.errors import error_extensions
from schema.limits import limit_extensions

SECRET = "postgresql://admin:hunter2@db"


@strawberry.type
class Query:
    @strawberry.field
    def hello(self) -> str:
        return "world"

    @strawberry.field
    def broken(self) -> str | None:
        raise RuntimeError(f"cannot connect to {SECRET}")

    @strawberry.field
    def club(self, name: str) -> str | None:
        raise NotFound(f"No club named {name!r}.")

    @strawberry.field
    def clubs(self, first: int | None = None) -> list[str]:
        return ["Aktobe", "Astana"][:first]


@strawberry.type
class Mutation:
    @strawberry.mutation
    def poke(self) -> bool:
        return True


class CrashBeforeExecution(SchemaExtension):
    def on_execute(self) -> Iterator[None]:
        raise RuntimeError(f"extension bug near {SECRET}")
        yield


def make_schema(*extra: type[SchemaExtension]) -> strawberry.Schema:
    return strawberry.Schema(
        Query, Mutation, extensions=[*error_extensions(), *limit_extensions(QueryLimits()), *extra]
    )


@pytest.fixture
async def client() -> AsyncIterator[httpx.AsyncClient]:
    app = GraphQLEndpoint(make_schema(), max_json_depth=Settings().max_json_depth)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://test") as client:
        yield client


async def post(
    client: httpx.AsyncClient, query: str, accept: str | None = GRAPHQL_RESPONSE_JSON, **payload: object
) -> httpx.Response:
    headers = {"accept": accept} if accept else {}
    return await client.post("/graphql", json={"query": query, **payload}, headers=headers)


@pytest.mark.parametrize(
    ("accept", "expected"),
    [
        (None, APPLICATION_JSON),
        ("", APPLICATION_JSON),
        ("*/*", APPLICATION_JSON),
        ("application/*", APPLICATION_JSON),
        ("application/json", APPLICATION_JSON),
        (GRAPHQL_RESPONSE_JSON, GRAPHQL_RESPONSE_JSON),
        (f"{GRAPHQL_RESPONSE_JSON}, application/json;q=0.9", GRAPHQL_RESPONSE_JSON),
        (f"application/json, {GRAPHQL_RESPONSE_JSON}", GRAPHQL_RESPONSE_JSON),
        (f"application/json, {GRAPHQL_RESPONSE_JSON};q=0.5", APPLICATION_JSON),
        ("application/json;q=0, */*", GRAPHQL_RESPONSE_JSON),
        ("text/html, application/xhtml+xml, */*;q=0.8", APPLICATION_JSON),
        ("text/html", None),
        ("application/json;q=0", None),
    ],
)
def test_negotiates_the_response_media_type(accept: str | None, expected: str | None) -> None:
    assert negotiate_media_type(accept) == expected


@pytest.mark.parametrize("accept", [GRAPHQL_RESPONSE_JSON, APPLICATION_JSON])
async def test_answers_a_query_in_the_accepted_media_type(client: httpx.AsyncClient, accept: str) -> None:
    response = await post(client, "{ hello }", accept=accept)
    assert response.status_code == 200
    assert response.headers["content-type"] == f"{accept}; charset=utf-8"
    assert response.json() == {"data": {"hello": "world"}}


async def test_answers_json_without_accept(client: httpx.AsyncClient) -> None:
    response = await post(client, "{ hello }", accept=None)
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json; charset=utf-8"


async def test_masks_internal_errors_and_keeps_sibling_fields(
    client: httpx.AsyncClient, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.ERROR, logger="schema.errors"):
        response = await post(client, "{ hello broken }")
    assert response.status_code == 200
    body = response.json()
    assert body["data"] == {"hello": "world", "broken": None}
    assert body["errors"] == [
        {
            "message": "Internal server error",
            "locations": [{"line": 1, "column": 9}],
            "path": ["broken"],
            "extensions": {"code": "INTERNAL"},
        }
    ]
    assert "hunter2" not in response.text
    assert any("hunter2" in record.getMessage() for record in caplog.records)


async def test_client_errors_keep_their_message_and_code(client: httpx.AsyncClient) -> None:
    response = await post(client, '{ hello club(name: "Real Madrid") }')
    assert response.status_code == 200
    body = response.json()
    assert body["data"] == {"hello": "world", "club": None}
    assert body["errors"][0]["message"] == "No club named 'Real Madrid'."
    assert body["errors"][0]["extensions"] == {"code": "NOT_FOUND"}
    assert body["errors"][0]["path"] == ["club"]


@pytest.mark.parametrize(
    ("query", "variables", "code"),
    [
        ("{ hello ", None, "GRAPHQL_PARSE_FAILED"),
        ("{ goodbye }", None, "GRAPHQL_VALIDATION_FAILED"),
        ('{ clubs(first: "two") }', None, "GRAPHQL_VALIDATION_FAILED"),
        ("query($n: Int) { clubs(first: $n) }", {"n": "two"}, "BAD_USER_INPUT"),
        ("{ clubs(first: 1000000) }", None, "BAD_USER_INPUT"),
        ("{ " + "a: hello " * 31 + "}", None, "QUERY_TOO_COMPLEX"),
    ],
)
@pytest.mark.parametrize(("accept", "status"), [(GRAPHQL_RESPONSE_JSON, 400), (APPLICATION_JSON, 200)])
async def test_request_errors_have_a_code_and_no_data(
    client: httpx.AsyncClient, query: str, variables: dict[str, object] | None, code: str, accept: str, status: int
) -> None:
    response = await post(client, query, accept=accept, variables=variables)
    assert response.status_code == status
    assert response.headers["content-type"] == f"{accept}; charset=utf-8"
    body = response.json()
    assert "data" not in body
    assert [error["extensions"]["code"] for error in body["errors"]] == [code]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{ not json", "Unable to parse request body as JSON"),
        ("0", "Expected a JSON object."),
        ('{"operationName": 1, "query": "{ hello }"}', "must be a string or null"),
        ('{"variables": "x", "query": "{ hello }"}', "must be an object or null"),
        ('{"notquery": "{ hello }"}', "No GraphQL query found in the request"),
    ],
)
async def test_refuses_malformed_requests_with_400(client: httpx.AsyncClient, content: str, message: str) -> None:
    response = await client.post(
        "/graphql", content=content, headers={"content-type": "application/json", "accept": GRAPHQL_RESPONSE_JSON}
    )
    assert response.status_code == 400
    assert response.headers["content-type"] == f"{GRAPHQL_RESPONSE_JSON}; charset=utf-8"
    [error] = response.json()["errors"]
    assert message in error["message"]
    assert error["extensions"] == {"code": "BAD_REQUEST"}


async def test_refuses_a_post_without_json_content_type(client: httpx.AsyncClient) -> None:
    response = await client.post("/graphql", content='{"query": "{ hello }"}', headers={"content-type": "text/plain"})
    assert response.status_code == 400


async def test_runs_queries_but_not_mutations_over_get(client: httpx.AsyncClient) -> None:
    query = await client.get("/graphql", params={"query": "{ hello }"}, headers={"accept": APPLICATION_JSON})
    assert query.status_code == 200
    assert query.json() == {"data": {"hello": "world"}}

    mutation = await client.get("/graphql", params={"query": "mutation { poke }"}, headers={"accept": APPLICATION_JSON})
    assert mutation.status_code == 405
    assert mutation.headers["allow"] == "POST"
    assert mutation.json()["errors"][0]["extensions"] == {"code": "METHOD_NOT_ALLOWED"}


async def test_refuses_other_methods_with_405(client: httpx.AsyncClient) -> None:
    response = await client.put("/graphql", json={"query": "{ hello }"})
    assert response.status_code == 405
    assert response.headers["allow"] == "GET, POST"


async def test_refuses_an_unacceptable_accept_with_406(client: httpx.AsyncClient) -> None:
    response = await post(client, "{ hello }", accept="text/html")
    assert response.status_code == 406
    assert response.json()["errors"][0]["extensions"] == {"code": "NOT_ACCEPTABLE"}


async def test_serves_graphiql_to_browsers(client: httpx.AsyncClient) -> None:
    response = await client.get("/graphql", headers={"accept": "text/html"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert "GraphiQL" in response.text


async def test_masks_errors_from_outside_the_resolvers() -> None:
    app = GraphQLEndpoint(make_schema(CrashBeforeExecution), max_json_depth=Settings().max_json_depth)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://test") as client:
        response = await post(client, "{ hello }")
    assert response.status_code == 500
    assert response.json() == {"errors": [{"message": "Internal server error", "extensions": {"code": "INTERNAL"}}]}


async def test_answers_500_when_the_context_cannot_be_built(caplog: pytest.LogCaptureFixture) -> None:
    class DatabaseDown(GraphQLEndpoint):
        async def get_context(self, request: Request | WebSocket, response: Response | WebSocket) -> None:
            raise RuntimeError(f"cannot connect to {SECRET}")

    app = DatabaseDown(make_schema(), max_json_depth=Settings().max_json_depth)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://test") as client:
        with caplog.at_level(logging.ERROR, logger="cupql.http"):
            response = await post(client, "{ hello }")
    assert response.status_code == 500
    assert response.headers["content-type"] == f"{GRAPHQL_RESPONSE_JSON}; charset=utf-8"
    assert response.json() == {"errors": [{"message": "Internal server error", "extensions": {"code": "INTERNAL"}}]}
    assert "hunter2" not in response.text
    assert any(record.exc_info for record in caplog.records)
