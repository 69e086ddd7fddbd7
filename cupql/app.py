"""The Starlette application: the route table, the per-request database session and GraphQL context."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import AsyncIterator
from typing import Any

from sqlalchemy import event, func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route
from starlette.types import Receive, Scope, Send
from starlette.websockets import WebSocket

from cupql.errors import is_outage, one_line
from cupql.graphiql import graphiql_asset_routes
from cupql.http import GraphQLEndpoint
from cupql.metrics import metrics_endpoint, watch_pool
from cupql.middleware.body_limit import BodySizeLimit
from cupql.middleware.csrf import PreflightRequired
from cupql.middleware.observe import RecordOperation, RequestObserver, count_statement
from cupql.production import production_extensions
from cupql.settings import Settings
from db import models
from db.engine import async_engine, session_factory
from resolvers.context import Context
from schema.build import build_schema

logger = logging.getLogger(__name__)

_SESSION = "cupql.session"
_COUNTER = "cupql.sql_counter"


def _count_statements(conn: Any, *_args: Any) -> None:
    counter = conn.info.get(_COUNTER)
    if counter is not None:
        counter.statements += 1


class CupqlGraphQL(GraphQLEndpoint[Context, None]):
    """The /graphql endpoint: opens one read-only session per request and hands it to the resolvers."""

    def __init__(self, settings: Settings, sessions: async_sessionmaker[AsyncSession]) -> None:
        extensions = [RecordOperation, *(production_extensions() if settings.production else [])]
        super().__init__(
            build_schema(settings.limits, debug_sql=settings.debug_sql, extensions=extensions),
            graphql_ide="graphiql" if settings.graphiql else None,
            max_json_depth=settings.requests.max_json_depth,
        )
        self.settings = settings
        self.sessions = sessions

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        async with self.sessions() as session:
            scope[_SESSION] = session
            await super().__call__(scope, receive, send)

    async def get_context(self, request: Request | WebSocket, response: Response | WebSocket) -> Context:
        session: AsyncSession = request.scope[_SESSION]
        context = Context.create(session, self.settings.limits)
        if self.settings.debug_sql:
            counter = context.sql

            @event.listens_for(session.sync_session, "after_begin")
            def _attach(_session: Any, _transaction: Any, connection: Any) -> None:
                connection.info[_COUNTER] = counter

        return context


def create_app(settings: Settings) -> Starlette:
    """The application for `settings`: /graphql, /healthz, /readyz and GraphiQL's assets."""
    engine = async_engine(settings.database_url)
    event.listen(engine.sync_engine, "before_cursor_execute", lambda *_args: count_statement())
    watch_pool(engine)
    if settings.debug_sql:
        event.listen(engine.sync_engine, "before_cursor_execute", _count_statements)
    sessions = session_factory(engine)

    async def healthz(_request: Request) -> Response:
        return JSONResponse({"status": "ok"})

    async def readyz(_request: Request) -> Response:
        try:
            async with sessions() as session:
                seasons = await session.scalar(select(func.count()).select_from(models.Season))
        except Exception as error:
            # The same judgement as GraphQL errors': unreachable is an outage, anything else a broken database.
            problem = "database unreachable" if is_outage(error) else "database error"
            logger.error("Not ready: %s: %s", problem, one_line(error))
            return JSONResponse(
                {"status": "unavailable", "reason": f"{problem} ({type(error).__name__})"}, status_code=503
            )
        if not seasons:
            return JSONResponse({"status": "unavailable", "reason": "no season loaded"}, status_code=503)
        return JSONResponse({"status": "ok", "seasons": seasons})

    @contextlib.asynccontextmanager
    async def lifespan(_app: Starlette) -> AsyncIterator[None]:
        yield
        await engine.dispose()

    graphql = CupqlGraphQL(settings, sessions)
    routes = [
        Route("/graphql", graphql, methods=["GET", "POST"]),
        Route("/healthz", healthz),
        Route("/readyz", readyz),
        Route("/metrics", metrics_endpoint),
        *(graphiql_asset_routes() if settings.graphiql else []),
    ]
    # Outermost first: every request gets an id and an access line, even one refused for its size.
    middleware = [
        Middleware(RequestObserver),
        Middleware(BodySizeLimit, max_bytes=settings.requests.max_body_bytes),
        *([Middleware(PreflightRequired)] if settings.production else []),
    ]
    return Starlette(routes=routes, middleware=middleware, lifespan=lifespan)


def app_from_environment() -> Starlette:
    """The app uvicorn's workers build, configured by `CUPQL_*` variables (see `cupql serve`)."""
    return create_app(Settings.from_environment())
