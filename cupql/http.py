"""The /graphql endpoint, following the GraphQL-over-HTTP spec.

strawberry's ASGI view answers everything with ``application/json`` and 200, even a query that
does not parse. ``GraphQLEndpoint`` changes that, as https://graphql.github.io/graphql-over-http/
asks:

* The response media type follows ``Accept``: ``application/graphql-response+json`` when the client
  names it (and does not prefer ``application/json``), ``application/json`` when that is all it
  names, and also for a wildcard or no ``Accept`` at all, as the spec asks during its transition to
  the new type. A client accepting neither gets 406.
* With ``application/graphql-response+json`` a request error, one that stopped the operation before
  it ran (syntax, validation, query limits, bad variables), answers 400 (500 if the server failed)
  and has no ``data``. With ``application/json`` every well-formed request answers 200.
* Malformed requests (bad JSON, missing or ill-typed parameters) answer 400, methods other than GET
  and POST 405, and mutations over GET 405, with a GraphQL-shaped JSON body.
* Internals never leak. The schema's ``schema.errors.ErrorPolicy`` gives every error a code and
  masks internal ones, the one place errors are masked. An exception escaping strawberry, or an error
  that escaped the policy (raised outside the operation), becomes a 500 with the internal error's message.
* GET without a query from a browser serves cupql's offline GraphiQL page.
"""

import contextlib
import functools
import json
import logging
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

import orjson
from cross_web import AsyncHTTPRequestAdapter, HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.types import Receive, Scope, Send
from starlette.websockets import WebSocket
from strawberry.asgi import GraphQL
from strawberry.http import GraphQLHTTPResponse, GraphQLRequestData
from strawberry.http.typevars import Context, RootValue
from strawberry.schema.exceptions import InvalidOperationTypeError
from strawberry.types import ExecutionResult

from cupql.delivery import quality_items
from cupql.error_response import APPLICATION_JSON, GRAPHQL_RESPONSE_JSON, graphql_error_response
from cupql.graphiql import graphiql_page_html
from cupql.request_body import BODY, JSONTooDeep, RequestBody, check_depth
from football.errors import INTERNAL_ERROR_MESSAGE, ErrorCode
from schema.errors import error_code

__all__ = [
    "APPLICATION_JSON",
    "CACHE_STATE",
    "GRAPHQL_RESPONSE_JSON",
    "CacheState",
    "GraphQLEndpoint",
    "negotiate_media_type",
]

logger = logging.getLogger(__name__)

CACHE_STATE = "cupql.cache_state"
"""The scope key of the `CacheState` a response cache in front of the endpoint reads back."""


@dataclass
class CacheState:
    """What the endpoint tells a response cache about the response it made."""

    cacheable: bool = False
    """The response may be stored: the operation ran without any error."""
    ran: bool = False
    """The operation ran (its document parsed and validated), with or without field errors."""
    read_version: int | None = None
    """The data version the request's snapshot read, if it read the database."""
    unavailable: bool = False
    """The database could not be reached (an error says `SERVICE_UNAVAILABLE`)."""


_HTTP_ERROR_CODES = {
    404: ErrorCode.NOT_FOUND,
    405: ErrorCode.METHOD_NOT_ALLOWED,
    406: ErrorCode.NOT_ACCEPTABLE,
    500: ErrorCode.INTERNAL,
}


def _preference(media_type: str, ranges: list[tuple[str, float]]) -> tuple[float, int]:
    """(quality, specificity) of ``media_type``: the most specific matching range decides (RFC 9110)."""
    by_specificity = {media_type: 2, media_type.split("/")[0] + "/*": 1, "*/*": 0}
    best = (0.0, -1)
    for media_range, quality in ranges:
        specificity = by_specificity.get(media_range, -1)
        if specificity > best[1]:
            best = (quality, specificity)
    return best


@functools.lru_cache(maxsize=256)
def negotiate_media_type(accept: str | None) -> str | None:
    """The response media type for an ``Accept`` header, or None if it accepts neither JSON type."""
    if accept is None or not accept.strip():
        return APPLICATION_JSON
    ranges = quality_items(accept)
    new_quality, new_specificity = _preference(GRAPHQL_RESPONSE_JSON, ranges)
    json_quality, _ = _preference(APPLICATION_JSON, ranges)
    if max(new_quality, json_quality) <= 0:
        return None
    # Only a client that names graphql-response+json gets it on a tie: one sending a wildcard may
    # predate the type, and the spec asks servers to keep answering such clients with application/json.
    if new_quality > json_quality or (new_quality == json_quality and new_specificity == 2):
        return GRAPHQL_RESPONSE_JSON
    return APPLICATION_JSON


def _is_internal(error: object) -> bool:
    return isinstance(error, dict) and error.get("extensions", {}).get("code") == ErrorCode.INTERNAL


def _status(response_data: GraphQLHTTPResponse | list[GraphQLHTTPResponse], media_type: str) -> int:
    # application/json clients may predate the spec and expect 200 for every well-formed request.
    if media_type != GRAPHQL_RESPONSE_JSON or isinstance(response_data, list) or "data" in response_data:
        return 200
    return 500 if any(map(_is_internal, response_data.get("errors") or ())) else 400


_shared_body: ContextVar[RequestBody | None] = ContextVar("cupql_shared_body", default=None)


class GraphQLEndpoint(GraphQL[Context, RootValue]):
    """strawberry's ASGI GraphQL app, made to follow GraphQL-over-HTTP (see the module docstring).

    Takes the same arguments as ``strawberry.asgi.GraphQL``, and ``max_json_depth``, the deepest
    nesting of arrays and objects a JSON body (or GET parameter) may have; override ``get_context`` as there.
    """

    def __init__(self, *args: Any, max_json_depth: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.max_json_depth = max_json_depth

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await super().__call__(scope, receive, send)
            return
        request = Request(scope, receive=receive)
        # The body the middleware read, and parsed if the response cache asked (cupql.request_body).
        _shared_body.set(scope.get(BODY))
        media_type = negotiate_media_type(request.headers.get("accept"))
        try:
            if media_type is None and not self.should_render_graphql_ide(self.request_adapter_class(request)):
                raise HTTPException(406, f"Accept must allow {GRAPHQL_RESPONSE_JSON} or {APPLICATION_JSON}.")
            response = await self.run(request)
        except HTTPException as error:
            response = self._error_response(request, error, media_type or APPLICATION_JSON)
        except Exception:
            logger.exception("Unhandled error serving %s %s", request.method, request.url.path)
            response = self._error_response(
                request, HTTPException(500, INTERNAL_ERROR_MESSAGE), media_type or APPLICATION_JSON
            )
        await response(scope, receive, send)

    def _error_response(self, request: Request, error: HTTPException, media_type: str) -> Response:
        status_code = error.status_code
        # strawberry refuses an operation type the method doesn't allow (a mutation over GET) with 400;
        # the spec asks for 405.
        if isinstance(error.__cause__, InvalidOperationTypeError):
            status_code = 405
        headers = {}
        if status_code == 405:
            headers["Allow"] = "POST" if request.method == "GET" else "GET, POST"
        code = _HTTP_ERROR_CODES.get(status_code, ErrorCode.BAD_REQUEST)
        return graphql_error_response(
            error.reason, code, status_code=status_code, media_type=media_type, headers=headers
        )

    async def get_sub_response(self, request: Request | WebSocket) -> Response:
        sub_response = await super().get_sub_response(request)
        # create_response only sees the sub-response, so it carries the negotiated type there.
        sub_response.media_type = negotiate_media_type(request.headers.get("accept")) or APPLICATION_JSON
        return sub_response

    def create_response(
        self,
        response_data: GraphQLHTTPResponse | list[GraphQLHTTPResponse],
        sub_response: Response,
    ) -> Response:
        media_type = sub_response.media_type or APPLICATION_JSON
        response = Response(
            self.encode_json(response_data),
            # A resolver may have set a status on the sub-response (the context's "response").
            status_code=sub_response.status_code or _status(response_data, media_type),
            media_type=f"{media_type}; charset=utf-8",
        )
        response.headers.raw.extend(sub_response.headers.raw)
        response.background = sub_response.background
        return response

    async def process_result(self, request: Request, result: ExecutionResult) -> GraphQLHTTPResponse:
        errors = list(result.errors or ())
        for error in errors:
            if error_code(error) is None:
                # Only an error raised outside the operation (a schema extension's bug) escapes the schema's error
                # policy; the server failed, and answers as for any other unhandled error (500, logged).
                raise RuntimeError(f"an error escaped the error policy: {error.message}") from (
                    error.original_error or error
                )
        response: GraphQLHTTPResponse = {}
        # An operation that never ran reports errors on no response path, and must not have `data`.
        if result.data is not None or not errors or any(error.path for error in errors):
            response["data"] = result.data
        if errors:
            response["errors"] = [error.formatted for error in errors]
        if result.extensions:
            response["extensions"] = result.extensions
        state = request.scope.get(CACHE_STATE)
        if isinstance(state, CacheState):
            state.cacheable = not errors
            state.ran = "data" in response
            state.unavailable = any(error_code(error) == ErrorCode.SERVICE_UNAVAILABLE for error in errors)
        return response

    def encode_json(self, data: object) -> bytes:
        return orjson.dumps(data)

    def decode_json(self, data: str | bytes) -> object:
        shared = _shared_body.get()
        try:
            if shared is not None and data == shared.raw:
                # On orjson's refusal the standard library decides below: it also takes NaN and huge integers.
                with contextlib.suppress(orjson.JSONDecodeError):
                    return shared.json(self.max_json_depth)
            check_depth(data, self.max_json_depth)
            return json.loads(data)
        except JSONTooDeep as error:
            raise HTTPException(400, str(error)) from None
        except UnicodeDecodeError:
            raise HTTPException(400, "The request body is not valid UTF-8.") from None

    def parse_json(self, data: str | bytes) -> object:
        value = super().parse_json(data)
        # Both the body and the GET `variables`/`extensions` parameters must be objects (a list is a
        # batch); strawberry would crash on anything else.
        if not isinstance(value, dict | list):
            raise HTTPException(400, "Expected a JSON object.")
        return value

    async def parse_http_body(self, request: AsyncHTTPRequestAdapter) -> GraphQLRequestData | list[GraphQLRequestData]:
        parsed = await super().parse_http_body(request)
        for operation in parsed if isinstance(parsed, list) else [parsed]:
            if not isinstance(operation.operation_name, str | None):
                raise HTTPException(
                    400, "The GraphQL operation's `operationName` must be a string or null, if provided."
                )
        return parsed

    async def render_graphql_ide(self, request: Request) -> Response:
        return HTMLResponse(graphiql_page_html())
