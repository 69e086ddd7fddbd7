"""A GraphiQL page that works with no internet connection.

Strawberry's built-in GraphiQL loads React and GraphiQL from a CDN, so offline it never gets past
"Loading...". This module serves the few UMD builds it needs from the repo's ``node_modules``
(installed by ``make install`` from the pinned ``package.json``/``package-lock.json``) and renders
a page that loads only those files, with cupql's example queries opened as tabs.
"""

import json
import os
from pathlib import Path

from starlette.routing import BaseRoute, Mount

from cupql.static import CacheControlledFiles

__all__ = ["ASSET_PREFIX", "graphiql_asset_routes", "graphiql_page_html", "json_for_script"]

ASSET_PREFIX = "/graphiql-assets"

_NODE_MODULES = Path(__file__).resolve().parents[1] / "node_modules"

# (npm package, file inside it) the page loads, in load order. Nothing else in node_modules is reachable.
_PACKAGE_FILES = [
    ("graphiql", "graphiql.min.css"),
    ("@graphiql/plugin-explorer", "dist/style.css"),
    ("react", "umd/react.production.min.js"),
    ("react-dom", "umd/react-dom.production.min.js"),
    ("graphiql", "graphiql.min.js"),
    ("@graphiql/plugin-explorer", "dist/index.umd.js"),
]

# Each URL names its package's pinned version, so the file behind a URL never changes: browsers may keep
# it for a year without asking again. An upgrade changes the URLs.
_CACHE_CONTROL = "public, max-age=31536000, immutable"


def _installed_version(package: str) -> str | None:
    try:
        manifest = json.loads((_NODE_MODULES / package / "package.json").read_text())
    except (OSError, ValueError):
        return None
    version = manifest.get("version")
    return version if isinstance(version, str) else None


def _asset_urls() -> dict[str, str]:
    """URL name under ASSET_PREFIX ("graphiql@3.9.0/graphiql.min.js") -> path inside node_modules."""
    return {f"{package}@{_installed_version(package)}/{file}": f"{package}/{file}" for package, file in _PACKAGE_FILES}


_ASSETS = _asset_urls()


# GraphiQL has no per-tab title setting: it titles a tab after the query's operation name (an
# anonymous query shows "<untitled>"), so each example is named. Order here is the tab order.
_EXAMPLE_QUERIES = [
    """# Aktobe's whole cup run: every match,
# its goals and scorers, in one request
query CupRun {
  club(name: "aktobe") {
    name
    cupRun {
      steps {
        round
        opponent { name }
        venue
        goalsFor
        goalsAgainst
        result
        match {
          date
          goals {
            minute
            scorer { name }
            attribution
          }
        }
      }
      furthestRound
      isWinner
      played won drawn lost
      goalsFor goalsAgainst
    }
    scorers { player { name } goals }
  }
}
""",
    """# Group standings
query GroupStandings {
  groups {
    name
    standings {
      position
      club { name }
      played won drawn lost
      goalsFor goalsAgainst goalDifference
      points
    }
  }
}
""",
    """# Top scorers (from the article's scorer table)
query TopScorers {
  topScorers(first: 10) {
    player { name nationality }
    club { name }
    goals
  }
}
""",
    """# The two-legged semi-finals
query SemiFinals {
  ties(round: SEMI_FINALS) {
    home { name }
    away { name }
    homeAggregate awayAggregate
    winner { name }
    legs {
      leg date
      home { name } homeScore
      away { name } awayScore
    }
  }
}
""",
    """# Analysts: goals per quarter hour, late goals
query GoalsByMinute {
  goals {
    totalCount
    groupBy(key: MINUTE_BUCKET) {
      lowerBound upperBound count
    }
  }
  late: goals(
    first: 10
    where: {minute: {gte: 91}}
  ) {
    nodes { minute club { name } }
  }
}
""",
]
# The editor shows about this many characters a line beside the result pane at 1280 pixels wide.
EXAMPLE_LINE_WIDTH = 56


class _AllowListedFiles(CacheControlledFiles):
    """Files under node_modules that only resolves the names in ``_ASSETS``."""

    def lookup_path(self, path: str) -> tuple[str, os.stat_result | None]:
        target = _ASSETS.get(path)
        if target is None:
            return "", None
        return super().lookup_path(target)


def graphiql_asset_routes() -> list[BaseRoute]:
    """Return the route serving GraphiQL's JS/CSS and React from ``node_modules`` under ASSET_PREFIX.

    Raises RuntimeError at startup, rather than a blank page later, if the npm packages are missing.
    """
    missing = [
        f"{package}/{file}" for package, file in _PACKAGE_FILES if not (_NODE_MODULES / package / file).is_file()
    ]
    if missing:
        raise RuntimeError(
            f"GraphiQL assets not found in {_NODE_MODULES} (missing: {', '.join(missing)}). "
            "Run `make install` (it runs `npm ci`) to install the pinned npm packages."
        )
    return [
        Mount(
            ASSET_PREFIX,
            app=_AllowListedFiles(directory=_NODE_MODULES, cache_control=_CACHE_CONTROL),
            name="graphiql-assets",
        )
    ]


def json_for_script(value: object) -> str:
    """JSON that is safe inside a <script> element: no '<' means no '</script>' or '<!--'."""
    return json.dumps(value, ensure_ascii=True).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


# Plain string with a single placeholder, so the page's JS braces need no escaping.
_PAGE = """<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>cupql GraphiQL</title>
  <link rel="icon" href="/favicon.svg" type="image/svg+xml">
  @STYLES@
  <style>body { margin: 0; } #graphiql { height: 100vh; }</style>
</head>
<body>
  <div id="graphiql">Loading...</div>
  <script id="cupql-graphiql-config" type="application/json">@CONFIG@</script>
  @SCRIPTS@
  <script>
    const config = JSON.parse(document.getElementById("cupql-graphiql-config").textContent);
    // A link to a query carries it in the URL's fragment, #query=...&variables=..., which never
    // reaches the server: GET /graphql?query= would run the query instead of opening the page.
    const linked = new URLSearchParams(location.hash.slice(1));
    // A link followed from this very page changes only the fragment: load it as a page of its own.
    window.addEventListener("hashchange", () => location.reload());
    const examples = config.queries.map((text) => ({query: text}));
    // A linked query opens first, beside the examples, in a workspace of this browser tab's own, so
    // the tabs saved from earlier visits are neither overwritten nor mixed in.
    const linkedTabs = linked.has("query")
      ? [{query: linked.get("query"), variables: linked.get("variables") ?? undefined}, ...examples]
      : null;
    if (linkedTabs) sessionStorage.clear();
    const h = React.createElement;
    // Ticking a list in the Explorer fills in `first` (the Explorer's default Int, 10): every connection
    // refuses to run without a page size.
    function isConnection(field) {
      let type = field.type;
      while (type.ofType) type = type.ofType;
      return type.name.endsWith("Connection");
    }
    const explorer = GraphiQLPluginExplorer.explorerPlugin({
      showAttribution: false,
      makeDefaultArg: (field, arg) => arg.name === "first" && isConnection(field),
    });

    // Drawn inline rather than as emoji, which show as an empty box where no emoji font is installed.
    const icon = (...shapes) => h("svg", {
      viewBox: "0 0 24 24", width: 20, height: 20, "aria-hidden": true, fill: "none", stroke: "currentColor",
      strokeWidth: 2, strokeLinecap: "round", strokeLinejoin: "round", className: "cupql-icon",
    }, ...shapes);
    const linkIcon = icon(h("g", {transform: "rotate(-45 12 12)"},
      h("rect", {x: 2, y: 8.5, width: 11, height: 7, rx: 3.5}),
      h("rect", {x: 11, y: 8.5, width: 11, height: 7, rx: 3.5})));

    function App() {
      const [query, setQuery] = React.useState(linkedTabs ? linkedTabs[0].query : undefined);
      const [variables, setVariables] = React.useState(linkedTabs ? linkedTabs[0].variables : undefined);
      const [copied, setCopied] = React.useState(false);
      function linkToQuery() {
        const params = new URLSearchParams({query: query ?? ""});
        if (variables && variables.trim()) params.set("variables", variables);
        history.replaceState(null, "", "#" + params.toString());
        // Copying can be refused (no permission, plain http); the address bar holds the link anyway.
        navigator.clipboard?.writeText(location.href).then(() => setCopied(true), () => setCopied(true));
      }
      return h(GraphiQL, {
        fetcher: GraphiQL.createFetcher({url: config.endpoint}),
        // Without a link, only used while the browser has no saved tabs, i.e. on a first visit.
        defaultTabs: linkedTabs ?? examples,
        storage: linkedTabs ? sessionStorage : localStorage,
        onEditQuery: (text) => { setQuery(text); setCopied(false); },
        onEditVariables: setVariables,
        plugins: [explorer],
        toolbar: {
          additionalContent: h(GraphiQL.React.ToolbarButton, {
            onClick: linkToQuery,
            label: copied ? "Link copied: the address bar opens this query" : "Link to this query",
            className: "cupql-link-button",
          }, copied ? icon(h("path", {d: "M5 12.5l4.5 4.5L19 7"})) : linkIcon),
        },
      });
    }
    ReactDOM.createRoot(document.getElementById("graphiql")).render(h(App));
  </script>
</body>
</html>
"""


def graphiql_page_html(endpoint: str = "/graphql") -> str:
    """Return the GraphiQL page, querying ``endpoint`` and loading only assets under ASSET_PREFIX."""
    config = {"endpoint": endpoint, "queries": _EXAMPLE_QUERIES}
    urls = [f"{ASSET_PREFIX}/{name}" for name in _ASSETS]
    styles = "\n  ".join(f'<link rel="stylesheet" href="{url}">' for url in urls if url.endswith(".css"))
    scripts = "\n  ".join(f'<script src="{url}"></script>' for url in urls if url.endswith(".js"))
    page = _PAGE.replace("@STYLES@", styles).replace("@SCRIPTS@", scripts)
    return page.replace("@CONFIG@", json_for_script(config))
