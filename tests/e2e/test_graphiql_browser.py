"""GraphiQL works with no internet: real Chromium opens the live server's page with every non-local
request blocked, runs a query in it and reads the answer from the result pane.

The browser side is tests/e2e/browser/graphiql.mjs (playwright-core driving Debian's chromium).
"""

import json
from pathlib import Path
from urllib.parse import urlencode

import httpx

from cupql.graphiql import EXAMPLE_LINE_WIDTH
from tests.e2e.browser_tools import run_browser_script

# GraphiQL titles tabs after operation names; these are the examples in cupql/graphiql.py.
EXAMPLE_TAB_TITLES = ["CupRun", "GroupStandings", "TopScorers", "SemiFinals", "GoalsByMinute"]
LINKED_QUERY = "query Finalists($year: Int) {\n  season(year: $year) { winner { name } runnerUp { name } }\n}"


def test_graphiql_runs_a_query_with_no_internet(live_server_url: str, tmp_path: Path) -> None:
    link = f"{live_server_url}/graphql#" + urlencode({"query": LINKED_QUERY, "variables": '{"year": 2024}'})
    report = run_browser_script("graphiql.mjs", live_server_url, str(tmp_path / "graphiql.png"), link)
    details = json.dumps(report, indent=2)

    # Nothing outside this machine was even attempted, and the page's code came from our own server.
    assert report["blockedRequests"] == [], details
    assert any("/graphiql-assets/graphiql@3.9.0/graphiql.min.js" in url for url in report["localRequests"]), details
    assert report["pageErrors"] == [], details
    assert report["tabTitles"] == EXAMPLE_TAB_TITLES, details

    result = json.loads(report["resultText"])
    assert result["data"]["season"]["year"] == 2024, details
    assert result["data"]["season"]["winner"]["name"] == "Aktobe", details

    # The Explorer lists the root fields to click a query together from.
    assert {"season", "clubs", "goals", "topScorers"} <= set(report["explorerFields"]), details
    # Ticking `clubs` in the Explorer fills in a page size, so the query it makes runs at once.
    assert "clubs(first: 10)" in report["explorerQuery"], details
    explored = json.loads(report["explorerResultText"])
    assert "errors" not in explored and "clubs" in explored["data"], details
    # The link button's icon is drawn (SVG), not an emoji that needs a font; the page has a favicon.
    assert report["linkButtonIcon"] == 1 and report["favicon"] == "/favicon.svg", details
    assert report["consoleErrors"] == [], details
    # A link opens its query (and variables) in the first tab, beside the examples, ready to run.
    assert report["linkedEditorQuery"] == LINKED_QUERY, details
    assert report["linkedTabTitles"] == ["Finalists", *EXAMPLE_TAB_TITLES], details
    linked = json.loads(report["linkedResultText"])
    assert linked == {"data": {"season": {"winner": {"name": "Aktobe"}, "runnerUp": {"name": "Atyrau"}}}}, details
    # The page's link button puts the current query in the address bar.
    assert report["copiedLink"].startswith(f"{live_server_url}/graphql#query="), details


def test_graphiql_example_tabs_run_cleanly_on_the_real_schema(live_server_url: str) -> None:
    # The examples are plain text in the page, so nothing else notices when the schema moves away from them.
    page = httpx.get(f"{live_server_url}/graphql", headers={"Accept": "text/html"}, timeout=30)
    assert page.status_code == 200
    config_json = page.text.split('id="cupql-graphiql-config" type="application/json">', 1)[1]
    queries = json.loads(config_json.split("</script>", 1)[0])["queries"]
    assert len(queries) == len(EXAMPLE_TAB_TITLES)
    for query in queries:
        response = httpx.post(f"{live_server_url}/graphql", json={"query": query}, timeout=30)
        body = response.json()
        assert response.status_code == 200 and not body.get("errors") and body["data"], f"{query}\n{body}"
        too_wide = [line for line in query.splitlines() if len(line) > EXAMPLE_LINE_WIDTH]
        assert too_wide == [], "lines run past the editor's width"
