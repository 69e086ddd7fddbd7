"""The page at / works against `cupql serve --production`, whose GET operations need a preflight header."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import LiveServer
from tests.e2e.browser_tools import run_browser_script


def test_the_page_works_in_production(production_server: LiveServer, tmp_path: Path) -> None:
    report = run_browser_script("page.mjs", production_server.url, str(tmp_path), "Aktobe")
    details = json.dumps(report, indent=2)
    # An unknown persisted query's hash gets 400 (PERSISTED_QUERY_NOT_FOUND) before the page sends the text.
    not_found = "Failed to load resource: the server responded with a status of 400 (Bad Request)"
    unexpected = [error for error in report["consoleErrors"] if error != not_found]
    assert report["pageErrors"] == [] and unexpected == [], details
    assert report["graphqlRequests"] and all(r["method"] == "GET" for r in report["graphqlRequests"]), details
