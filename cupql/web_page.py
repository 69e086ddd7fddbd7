"""The page at `/`: the season at a glance (bracket, group tables, goals by minute) and club pages.

It is a static front-end in ``cupql/web`` (plain JS and SVG, no libraries) that reads everything through the
public GraphQL API, as any other client would. Its files are not versioned, so browsers revalidate them (ETag).
"""

from __future__ import annotations

from pathlib import Path

from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import BaseRoute, Mount, Route

from cupql.static import CacheControlledFiles

WEB = Path(__file__).resolve().parent / "web"
_REVALIDATE = "no-cache"


def page_routes(*, graphiql: bool) -> list[BaseRoute]:
    """`/` and the page's own files under `/app/`; the header links GraphiQL only where it is served."""
    nav = '<a href="/graphql" id="graphiql-link">GraphiQL</a>' if graphiql else ""
    html = (WEB / "index.html").read_text().replace("@NAV@", nav)

    async def index(_request: Request) -> Response:
        return HTMLResponse(html, headers={"Cache-Control": _REVALIDATE})

    return [
        Route("/", index),
        Mount("/app", app=CacheControlledFiles(directory=WEB, cache_control=_REVALIDATE), name="page-files"),
    ]
