"""CSRF protection for GraphQL over GET (and HEAD), as Apollo Server does it: such an operation must carry a header no
plain HTML form or `<img>` can send.

A browser sends a cross-site GET without a preflight only when every header is "simple". Requiring one
that is not (`GraphQL-Require-Preflight`, or Apollo's `Apollo-Require-Preflight` or
`X-Apollo-Operation-Name`, any value, or a `Content-Type` other than the three simple ones) means a
malicious page cannot make a visitor's browser run a query with the visitor's cookies or network
position. POST is already safe: /graphql accepts only `application/json` bodies, which need a preflight.
"""

from __future__ import annotations

from urllib.parse import parse_qs

from starlette.types import ASGIApp, Receive, Scope, Send

from cupql.error_response import graphql_error_response
from football.errors import ErrorCode

__all__ = ["PREFLIGHT_HEADERS", "PreflightRequired"]

PREFLIGHT_HEADERS = (b"graphql-require-preflight", b"apollo-require-preflight", b"x-apollo-operation-name")
_SIMPLE_CONTENT_TYPES = (b"application/x-www-form-urlencoded", b"multipart/form-data", b"text/plain")
MESSAGE = (
    "This GET operation has been refused as a possible cross-site request forgery: send it with a "
    "`GraphQL-Require-Preflight: 1` header, or as a POST with `Content-Type: application/json`."
)


def _needs_preflight(scope: Scope) -> bool:
    if scope["method"] not in ("GET", "HEAD"):
        return False
    # An operation is a `query`, or a persisted query's hash in `extensions` (APQ).
    parameters = parse_qs(scope.get("query_string", b"").decode("latin-1"))
    if "query" not in parameters and "extensions" not in parameters:
        return False
    for name, value in scope["headers"]:
        if name in PREFLIGHT_HEADERS:
            return False
        if name == b"content-type" and value.split(b";")[0].strip().lower() not in _SIMPLE_CONTENT_TYPES:
            return False
    return True


class PreflightRequired:
    """ASGI middleware: refuse GET operations on `path` that carry no non-simple header (400, `BAD_REQUEST`)."""

    def __init__(self, app: ASGIApp, path: str = "/graphql") -> None:
        self.app = app
        self.path = path

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"] != self.path or not _needs_preflight(scope):
            await self.app(scope, receive, send)
            return
        await graphql_error_response(MESSAGE, ErrorCode.BAD_REQUEST, status_code=400)(scope, receive, send)
