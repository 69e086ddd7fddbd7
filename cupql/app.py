"""The Starlette application: the route table, the per-request database session and GraphQL context."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from typing import Any

from sqlalchemy import event, func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route
from starlette.types import Receive, Scope, Send
from starlette.websockets import WebSocket

from cupql.data_version import DataVersion
from cupql.graphiql import graphiql_asset_routes
from cupql.http import GraphQLEndpoint
from cupql.http_cache import CachingGraphQL, ResponseCache
from cupql.persisted_queries import PersistedQueries
from cupql.settings import Settings
from db import models
from db.engine import async_engine, session_factory
from resolvers.context import Context
from schema.build import build_schema

_SESSION = "cupql.session"
# Room for thousands of distinct client documents; each is at most `max_tokens` tokens.
_PERSISTED_QUERY_BYTES = 8 * 1024 * 1024
_COUNTER = "cupql.sql_counter"


def _count_statements(conn: Any, *_args: Any) -> None:
    counter = conn.info.get(_COUNTER)
    if counter is not None:
        counter.statements += 1


class CupqlGraphQL(GraphQLEndpoint[Context, None]):
    """The /graphql endpoint: opens one read-only session per request and hands it to the resolvers."""

    def __init__(self, settings: Settings, sessions: async_sessionmaker[AsyncSession]) -> None:
        super().__init__(
            build_schema(settings.limits, debug_sql=settings.debug_sql),
            graphql_ide="graphiql" if settings.graphiql else None,
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
            return JSONResponse(
                {"status": "unavailable", "reason": f"database unreachable ({type(error).__name__})"}, status_code=503
            )
        if not seasons:
            return JSONResponse({"status": "unavailable", "reason": "no season loaded"}, status_code=503)
        return JSONResponse({"status": "ok", "seasons": seasons})

    @contextlib.asynccontextmanager
    async def lifespan(_app: Starlette) -> AsyncIterator[None]:
        yield
        await engine.dispose()

    responses = ResponseCache(settings.cache_max_bytes) if settings.response_cache else None
    graphql = CachingGraphQL(
        CupqlGraphQL(settings, sessions),
        data_version=DataVersion(
            engine, settings.cache_refresh_seconds, on_change=responses.clear if responses else lambda: None
        ),
        responses=responses,
        persisted_queries=PersistedQueries(_PERSISTED_QUERY_BYTES),
        cache_control=settings.cache_control,
    )
    routes = [
        Route("/graphql", graphql, methods=["GET", "HEAD", "POST"]),
        Route("/healthz", healthz),
        Route("/readyz", readyz),
        *(graphiql_asset_routes() if settings.graphiql else []),
    ]
    return Starlette(routes=routes, lifespan=lifespan)


def app_from_environment() -> Starlette:
    """The app uvicorn's workers build, configured by `CUPQL_*` variables (see `cupql serve`)."""
    return create_app(Settings.from_environment())
