"""The page at / works against `cupql serve --production`, whose GET operations need a preflight header."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import LiveServer
from tests.e2e.browser_tools import run_browser_script


def test_the_page_works_in_production(production_server: LiveServer, tmp_path: Path) -> None:
    report = run_browser_script("page.mjs", production_server.url, str(tmp_path), "Aktobe", "production")
    details = json.dumps(report, indent=2)
    assert report["pageErrors"] == [] and report["consoleErrors"] == [], details
    # The server trusts the page's documents from start-up: their hashes alone, over GET, are enough.
    assert report["graphqlRequests"] and all(r["method"] == "GET" for r in report["graphqlRequests"]), details
    assert not any(r["withQuery"] for r in report["graphqlRequests"]), details
