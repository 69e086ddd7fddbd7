"""The ceiling of this stack: a bare Starlette endpoint, served by uvicorn, answering every POST with stored bytes.

The bytes are cupql's own response to the one-club query, so no GraphQL server on starlette + uvicorn can answer
that query faster. `python -m uvicorn --factory bench.ceiling:app_from_environment` reads the file named by
CUPQL_BENCH_CEILING_BODY.
"""

from __future__ import annotations

import os
from pathlib import Path

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

BODY_VARIABLE = "CUPQL_BENCH_CEILING_BODY"


def create_app(body: bytes) -> Starlette:
    async def graphql(_request: Request) -> Response:
        return Response(body, media_type="application/json")

    return Starlette(routes=[Route("/graphql", graphql, methods=["POST"])])


def app_from_environment() -> Starlette:
    return create_app(Path(os.environ[BODY_VARIABLE]).read_bytes())
