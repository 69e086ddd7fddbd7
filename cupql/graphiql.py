"""A GraphiQL page that works with no internet connection.

Strawberry's built-in GraphiQL loads React and GraphiQL from a CDN, so offline it never gets past
"Loading...". This module serves the few UMD builds it needs from the repo's ``node_modules``
(installed by ``make install`` from the pinned ``package.json``/``package-lock.json``) and renders
a page that loads only those files, with cupql's example queries opened as tabs.
"""

import json
import os
from pathlib import Path

from starlette.responses import Response
from starlette.routing import BaseRoute, Mount
from starlette.staticfiles import StaticFiles
from starlette.types import Scope

__all__ = ["ASSET_PREFIX", "graphiql_asset_routes", "graphiql_page_html"]

ASSET_PREFIX = "/graphiql-assets"

_NODE_MODULES = Path(__file__).resolve().parents[1] / "node_modules"

# URL name under ASSET_PREFIX -> path inside node_modules. Nothing else there is reachable.
_ASSETS = {
    "react.production.min.js": "react/umd/react.production.min.js",
    "react-dom.production.min.js": "react-dom/umd/react-dom.production.min.js",
    "graphiql.min.js": "graphiql/graphiql.min.js",
    "graphiql.min.css": "graphiql/graphiql.min.css",
}

# The URLs are not versioned, so a day rather than "immutable": after an upgrade a browser picks up
# the new files within a day, and meanwhile revalidates cheaply through the ETag (304).
_CACHE_CONTROL = "public, max-age=86400"

# GraphiQL has no per-tab title setting: it titles a tab after the query's operation name (an
# anonymous query shows "<untitled>"), so each example is named. Order here is the tab order.
_EXAMPLE_QUERIES = [
    """# Aktobe's whole cup run, every goal and its scorers, in one request
query CupRun {
  club(name: "aktobe") {
    name
    cupRun {
      steps { round opponent { name } venue goalsFor goalsAgainst result
        match { date goals { minute scorer { name } attribution } } }
      furthestRound isWinner played won drawn lost goalsFor goalsAgainst
    }
    scorers { player { name } goals }
  }
}
""",
    """# Group standings
query GroupStandings {
  groups {
    name
    standings { position club { name } played won drawn lost goalsFor goalsAgainst goalDifference points }
  }
}
""",
    """# Top scorers (from the article's scorer table)
query TopScorers {
  topScorers(first: 10) { player { name nationality } club { name } goals }
}
""",
    """# The two-legged semi-finals
query SemiFinals {
  ties(round: SEMI_FINALS) {
    home { name } away { name } homeAggregate awayAggregate winner { name }
    legs { leg date homeScore awayScore home { name } away { name } }
  }
}
""",
    """# Analysts: goals by 15-minute bucket
query GoalsByMinute {
  goals {
    totalCount
    groupBy(key: MINUTE_BUCKET) { key count }
  }
}
""",
]


class _AllowListedFiles(StaticFiles):
    """StaticFiles over node_modules that only resolves the names in ``_ASSETS``."""

    def lookup_path(self, path: str) -> tuple[str, os.stat_result | None]:
        target = _ASSETS.get(path)
        if target is None:
            return "", None
        return super().lookup_path(target)

    def file_response(
        self,
        full_path: str | os.PathLike[str],
        stat_result: os.stat_result,
        scope: Scope,
        status_code: int = 200,
    ) -> Response:
        response = super().file_response(full_path, stat_result, scope, status_code)
        response.headers["Cache-Control"] = _CACHE_CONTROL
        return response


def graphiql_asset_routes() -> list[BaseRoute]:
    """Return the route serving GraphiQL's JS/CSS and React from ``node_modules`` under ASSET_PREFIX.

    Raises RuntimeError at startup, rather than a blank page later, if the npm packages are missing.
    """
    missing = [rel for rel in _ASSETS.values() if not (_NODE_MODULES / rel).is_file()]
    if missing:
        raise RuntimeError(
            f"GraphiQL assets not found in {_NODE_MODULES} (missing: {', '.join(missing)}). "
            "Run `make install` (it runs `npm ci`) to install the pinned npm packages."
        )
    return [Mount(ASSET_PREFIX, app=_AllowListedFiles(directory=_NODE_MODULES), name="graphiql-assets")]


def _json_for_script(value: object) -> str:
    """JSON that is safe inside a <script> element: no '<' means no '</script>' or '<!--'."""
    return json.dumps(value, ensure_ascii=True).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


# Plain string with a single placeholder, so the page's JS braces need no escaping.
_PAGE = """<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>cupql GraphiQL</title>
  <link rel="stylesheet" href="@PREFIX@/graphiql.min.css">
  <style>body { margin: 0; } #graphiql { height: 100vh; }</style>
</head>
<body>
  <div id="graphiql">Loading...</div>
  <script id="cupql-graphiql-config" type="application/json">@CONFIG@</script>
  <script src="@PREFIX@/react.production.min.js"></script>
  <script src="@PREFIX@/react-dom.production.min.js"></script>
  <script src="@PREFIX@/graphiql.min.js"></script>
  <script>
    const config = JSON.parse(document.getElementById("cupql-graphiql-config").textContent);
    ReactDOM.createRoot(document.getElementById("graphiql")).render(
      React.createElement(GraphiQL, {
        fetcher: GraphiQL.createFetcher({url: config.endpoint}),
        // Only used while the browser has no saved GraphiQL tabs, i.e. on a first visit.
        defaultTabs: config.queries.map((query) => ({query: query})),
      }),
    );
  </script>
</body>
</html>
"""


def graphiql_page_html(endpoint: str = "/graphql") -> str:
    """Return the GraphiQL page, querying ``endpoint`` and loading only assets under ASSET_PREFIX."""
    config = {"endpoint": endpoint, "queries": _EXAMPLE_QUERIES}
    return _PAGE.replace("@PREFIX@", ASSET_PREFIX).replace("@CONFIG@", _json_for_script(config))
