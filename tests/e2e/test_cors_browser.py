"""A browser app on another origin can call the API: Chromium loads a page from another port and its own
fetch() queries cupql with POST (after a preflight) and with GET. The browser side is browser/cors.mjs."""

import json

from tests.e2e.browser_tools import run_browser_script


def test_a_page_on_another_origin_queries_with_post_and_get(live_server_url: str) -> None:
    report = run_browser_script("cors.mjs", live_server_url)
    details = json.dumps(report, indent=2)
    assert report["pageOrigin"] != report["apiOrigin"], details
    assert report["consoleErrors"] == [], details

    expected = {"data": {"season": {"year": 2024, "winner": {"name": "Aktobe"}}}}
    assert report["results"] == [{"status": 200, "body": expected}, {"status": 200, "body": expected}], details
    # The JSON POST is not a "simple" request, so Chromium asked first (one preflight); the GET needs none.
    assert sorted(r["method"] for r in report["requests"]) == ["GET", "OPTIONS", "POST"], details
