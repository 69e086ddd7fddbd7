"""The page at `/`: the season at a glance (bracket, group tables, goals by minute) and club pages.

It is a static front-end in ``cupql/web`` (plain JS and SVG, no libraries) that reads everything through the
public GraphQL API, as any other client would. Its GraphQL documents live in ``cupql/web/queries``: the server
puts them in the page and trusts them as persisted queries from start-up, so the page's first GET by hash finds
them. Its files are not versioned, so browsers revalidate them (ETag).
"""

from __future__ import annotations

import re
from pathlib import Path

from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, Response
from starlette.routing import BaseRoute, Mount, Route

from cupql.graphiql import json_for_script
from cupql.persisted_queries import PersistedQueries
from cupql.static import CacheControlledFiles

WEB = Path(__file__).resolve().parent / "web"
QUERIES = WEB / "queries"
FAVICON = WEB / "favicon.svg"
_REVALIDATE = "no-cache"


def page_documents() -> dict[str, str]:
    """The page's GraphQL documents by operation name (each file's stem), with the fragments each spreads."""
    fragments = {path.stem: path.read_text() for path in sorted((QUERIES / "fragments").glob("*.graphql"))}
    documents = {}
    for path in sorted(QUERIES.glob("*.graphql")):
        text = path.read_text()
        spread = [fragment for name, fragment in fragments.items() if re.search(rf"\.\.\.\s*{name}\b", text)]
        documents[path.stem] = "\n".join([text, *spread])
    return documents


def page_routes(*, graphiql: bool, persisted_queries: PersistedQueries) -> list[BaseRoute]:
    """`/`, the favicon and the page's own files under `/app/`; the header links GraphiQL only where it is served.

    The page's documents become trusted persisted queries in `persisted_queries`.
    """
    documents = page_documents()
    for text in documents.values():
        persisted_queries.trust(text)
    nav = '<a href="/graphql" id="graphiql-link">GraphiQL</a>' if graphiql else ""
    html = (WEB / "index.html").read_text().replace("@NAV@", nav).replace("@DOCUMENTS@", json_for_script(documents))

    async def index(_request: Request) -> Response:
        return HTMLResponse(html, headers={"Cache-Control": _REVALIDATE})

    async def favicon(_request: Request) -> Response:
        return FileResponse(FAVICON, media_type="image/svg+xml", headers={"Cache-Control": _REVALIDATE})

    return [
        Route("/", index),
        # Browsers ask for /favicon.ico on pages that name no icon (GraphiQL's JSON, for one): the same SVG.
        Route("/favicon.svg", favicon),
        Route("/favicon.ico", favicon),
        Mount("/app", app=CacheControlledFiles(directory=WEB, cache_control=_REVALIDATE), name="page-files"),
    ]
