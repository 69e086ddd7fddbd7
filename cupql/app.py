"""The Starlette application: the route table, the per-request database session and GraphQL context."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route
from starlette.types import Receive, Scope, Send
from starlette.websockets import WebSocket

from cupql.data_version import DataVersion
from cupql.delivery import delivery_middleware
from cupql.gc_tuning import collect_periodically, tune_for_serving
from cupql.graphiql import graphiql_asset_routes
from cupql.http import CACHE_STATE, CacheState, GraphQLEndpoint
from cupql.http_cache import CachingGraphQL, ResponseCache
from cupql.metrics import metrics_endpoint, watch_pool
from cupql.middleware.body_limit import BodySizeLimit
from cupql.middleware.csrf import PreflightRequired
from cupql.middleware.in_flight import RequestsInFlight
from cupql.middleware.observe import RecordOperation, RequestObserver, count_statements
from cupql.persisted_queries import PersistedQueries
from cupql.production import production_extensions, production_validation_rules
from cupql.settings import Settings
from cupql.web_page import page_routes
from db import models
from db.engine import async_engine
from db.errors import is_outage
from football.errors import one_line
from resolvers.context import Context
from resolvers.database import Database
from resolvers.list_sizes import measured_list_sizes
from schema.build import build_schema
from schema.cost import ServedListSizes

logger = logging.getLogger(__name__)

_CONTEXT = "cupql.context"


class CupqlGraphQL(GraphQLEndpoint[Context, None]):
    """The /graphql endpoint: gives each request a context with its own connection, returned when it ends."""

    def __init__(self, settings: Settings, engine: AsyncEngine, data_version: DataVersion) -> None:
        production = settings.production
        super().__init__(
            build_schema(
                settings.limits,
                debug_sql=settings.debug_sql,
                compiled=settings.compile,
                extensions=[RecordOperation, *(production_extensions() if production else [])],
                validation_rules=production_validation_rules() if production else [],
                served=ServedListSizes(data_version.current, lambda: measure_list_sizes(engine)),
                document_cache_bytes=settings.document_cache_max_bytes,
            ),
            graphql_ide="graphiql" if settings.graphiql else None,
            max_json_depth=settings.max_json_depth,
        )
        self.settings = settings
        self.engine = engine

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        # With the response cache on, the request's snapshot reads the data version it holds, for the cache.
        context = Context.create(self.engine, self.settings.limits, read_version=self.settings.response_cache)
        scope[_CONTEXT] = context
        try:
            await super().__call__(scope, receive, send)
        finally:
            await context.database.close()
            count_statements(context.database.statements)
            state = scope.get(CACHE_STATE)
            if isinstance(state, CacheState):
                state.read_version = context.database.version

    async def get_context(self, request: Request | WebSocket, response: Response | WebSocket) -> Context:
        context: Context = request.scope[_CONTEXT]
        return context


async def measure_list_sizes(engine: AsyncEngine) -> dict[str, int]:
    """The served data's real list sizes, on a connection of their own."""
    database = Database(engine)
    try:
        return await measured_list_sizes(database)
    finally:
        await database.close()


def create_app(settings: Settings) -> Starlette:
    """The application for `settings`: /graphql, /healthz, /readyz, /metrics and GraphiQL's assets."""
    engine = async_engine(settings.database_url, pool_size=settings.pool_size)
    watch_pool(engine)

    async def healthz(_request: Request) -> Response:
        return JSONResponse({"status": "ok"})

    async def readyz(_request: Request) -> Response:
        if data_version.outage:
            # Known from the version probe, which retries at a bounded rate: no connection is tried for this.
            return JSONResponse(
                {
                    "status": "unavailable",
                    "reason": "database unreachable",
                    "serving": f"cached responses of data version {data_version.last_known}, marked stale",
                },
                status_code=503,
            )
        try:
            async with engine.connect() as connection:
                seasons = await connection.scalar(select(func.count()).select_from(models.SeasonRow))
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
        tune_for_serving()
        collector = asyncio.create_task(collect_periodically())
        yield
        collector.cancel()
        await data_version.close()
        await engine.dispose()

    responses = ResponseCache(settings.cache_max_bytes) if settings.response_cache else None
    data_version = DataVersion(
        settings.database_url,
        settings.cache_refresh_seconds,
        on_change=responses.clear if responses else lambda: None,
        # Connections pooled before the outage are broken: new ones serve the first requests after it.
        on_recover=engine.dispose,
    )
    persisted_queries = PersistedQueries(settings.persisted_queries_max_bytes)
    graphql = CachingGraphQL(
        CupqlGraphQL(settings, engine, data_version),
        data_version=data_version,
        responses=responses,
        persisted_queries=persisted_queries,
        cache_control=settings.cache_control,
        max_json_depth=settings.max_json_depth,
    )
    routes = [
        Route("/graphql", graphql, methods=["GET", "HEAD", "POST"]),
        Route("/healthz", healthz),
        Route("/readyz", readyz),
        Route("/metrics", metrics_endpoint),
        *(graphiql_asset_routes() if settings.graphiql else []),
        *page_routes(graphiql=settings.graphiql, persisted_queries=persisted_queries),
    ]
    # Outermost first: every request gets an id and an access line, even a CORS preflight or one refused for its
    # size; CORS and compression then wrap the refusals too, so that browsers can read them.
    middleware = [
        Middleware(RequestObserver),
        *delivery_middleware(settings),
        Middleware(
            BodySizeLimit,
            max_bytes=settings.max_body_bytes,
            timeout=settings.timeout_request_body,
            min_rate=settings.min_request_body_rate,
        ),
        # Inside the body limit: a request counts once its body has arrived, so slow senders take no slot.
        Middleware(RequestsInFlight, limit=settings.max_requests_in_flight),
        *([Middleware(PreflightRequired)] if settings.production else []),
    ]
    return Starlette(routes=routes, middleware=middleware, lifespan=lifespan)


def app_from_environment() -> Starlette:
    """The app uvicorn's workers build, configured by `CUPQL_*` variables (see `cupql serve`)."""
    return create_app(Settings.from_environment())
