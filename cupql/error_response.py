"""The one way the HTTP layer answers with a GraphQL error of its own, before or instead of running an operation.

The body is what a GraphQL request error looks like, `{"errors": [{"message": ..., "extensions": {"code": ...}}]}`,
in a Starlette response of the negotiated media type (see `cupql.http`).
"""

from __future__ import annotations

from collections.abc import Mapping

import orjson
from starlette.responses import Response

__all__ = ["APPLICATION_JSON", "GRAPHQL_RESPONSE_JSON", "graphql_error_response"]

GRAPHQL_RESPONSE_JSON = "application/graphql-response+json"
APPLICATION_JSON = "application/json"


def graphql_error_response(
    message: str,
    code: str,
    *,
    status_code: int,
    media_type: str = APPLICATION_JSON,
    headers: Mapping[str, str] | None = None,
    extensions: Mapping[str, object] | None = None,
) -> Response:
    """A response with one GraphQL error: `message`, `extensions.code` and any other `extensions`."""
    body = orjson.dumps({"errors": [{"message": message, "extensions": {"code": str(code), **(extensions or {})}}]})
    return Response(body, status_code=status_code, headers=headers, media_type=f"{media_type}; charset=utf-8")
