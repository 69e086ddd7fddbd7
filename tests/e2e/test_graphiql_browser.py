"""GraphiQL works with no internet: real Chromium opens the live server's page with every non-local
request blocked, runs a query in it and reads the answer from the result pane.

The browser side is tests/e2e/browser/graphiql.mjs (playwright-core driving Debian's chromium).
"""

import json
import shutil
import subprocess
from pathlib import Path

import httpx

from tests.conftest import require

REPO = Path(__file__).resolve().parents[2]
SCRIPT = Path(__file__).resolve().parent / "browser" / "graphiql.mjs"
CHROMIUM = Path("/usr/bin/chromium")
PLAYWRIGHT_CORE = REPO / "node_modules" / "playwright-core"

# GraphiQL titles tabs after operation names; these are the examples in cupql/graphiql.py.
EXAMPLE_TAB_TITLES = ["CupRun", "GroupStandings", "TopScorers", "SemiFinals", "GoalsByMinute"]


def skip_or_fail(missing: list[str]) -> None:
    """Skip when test tooling is missing, unless CUPQL_TEST_REQUIRE_ALL=1 (CI), where that is a failure."""
    require(not missing, "browser test needs: " + "; ".join(missing))


def test_graphiql_runs_a_query_with_no_internet(live_server_url: str, tmp_path: Path) -> None:
    node = shutil.which("node")
    skip_or_fail(
        [
            what
            for what, ok in [
                ("node on PATH", node is not None),
                (f"{CHROMIUM} (apt-get install chromium)", CHROMIUM.exists()),
                (f"{PLAYWRIGHT_CORE} (make install, i.e. npm ci)", PLAYWRIGHT_CORE.is_dir()),
            ]
            if not ok
        ]
    )
    assert node is not None

    proc = subprocess.run(
        [node, str(SCRIPT), live_server_url, str(tmp_path / "graphiql.png")],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert proc.returncode == 0, f"browser script failed:\n{proc.stderr}\n{proc.stdout}"
    report = json.loads(proc.stdout)
    details = json.dumps(report, indent=2)

    assert "error" not in report, details
    # Nothing outside this machine was even attempted, and the page's code came from our own server.
    assert report["blockedRequests"] == [], details
    assert any("/graphiql-assets/graphiql.min.js" in url for url in report["localRequests"]), details
    assert report["pageErrors"] == [], details
    assert report["tabTitles"] == EXAMPLE_TAB_TITLES, details

    result = json.loads(report["resultText"])
    assert result["data"]["season"]["year"] == 2024, details
    assert result["data"]["season"]["winner"]["name"] == "Aktobe", details


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
