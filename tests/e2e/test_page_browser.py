"""The page at / in real Chromium, offline: the bracket, group tables, goals-by-minute chart and a club's page show
what the API says. Screenshots are kept in var/test-artifacts/ (or $CUPQL_TEST_ARTIFACTS) for people to look at."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import httpx

from cupql.loading import bundled_articles, load
from tests.conftest import serving
from tests.e2e.browser_tools import REPO, run_browser_script

ARTIFACTS = Path(os.environ.get("CUPQL_TEST_ARTIFACTS", REPO / "var" / "test-artifacts"))


def api(url: str, query: str) -> dict[str, Any]:
    body = httpx.post(f"{url}/graphql", json={"query": query}, timeout=30).json()
    assert "errors" not in body, body
    return body["data"]  # type: ignore[no-any-return]


def test_the_page_shows_the_season_and_a_club_as_the_api_has_them(live_server_url: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    report = run_browser_script("page.mjs", live_server_url, str(ARTIFACTS), "Aktobe")
    details = json.dumps(report, indent=2)
    # The server answers an unknown persisted query's hash with 400 (PERSISTED_QUERY_NOT_FOUND), which Chromium
    # logs; the page then sends the text. Nothing else may show up.
    not_found = "Failed to load resource: the server responded with a status of 400 (Bad Request)"
    unexpected = [error for error in report["consoleErrors"] if error != not_found]
    assert report["blockedRequests"] == [] and report["pageErrors"] == [] and unexpected == [], details
    # Every query went as a persisted query over GET; the first time with its text, as the protocol asks.
    assert report["graphqlRequests"] and all(r["method"] == "GET" and r["persisted"] for r in report["graphqlRequests"])
    expected = api(
        live_server_url,
        """{ season { name winner { name } runnerUp { name }
          ties { round home { name } away { name } homeAggregate awayAggregate winner { slug } }
          groups { name standings { position club { name } played won drawn lost goalsFor goalsAgainst goalDifference points } } }
        goals { groupBy(key: MINUTE_BUCKET) { key count } } }""",
    )
    season = expected["season"]
    assert report["title"] == "2024 Kazakhstan Cup", details
    assert report["champion"] == "Winner: Aktobe · runner-up: Atyrau", details

    # Every knockout tie is in the bracket once, with the API's aggregate and winner.
    drawn = sorted(
        (t["round"], t["home"], t["away"], t["homeAggregate"], t["awayAggregate"], t["winner"]) for t in report["ties"]
    )
    assert drawn == sorted(
        (t["round"], t["home"]["name"], t["away"]["name"], t["homeAggregate"], t["awayAggregate"], t["winner"]["slug"])
        for t in season["ties"]
    ), details
    final = next(t for t in report["ties"] if t["round"] == "FINAL")
    assert (final["home"], final["homeAggregate"], final["awayAggregate"], final["away"]) == ("Atyrau", 1, 2, "Aktobe")
    quarter = next(t for t in report["ties"] if t["round"] == "QUARTER_FINALS" and t["away"] == "Aktobe")
    assert "1-2 a.e.t." in quarter["text"], details  # extra time, as the API's match says
    semi = next(t for t in report["ties"] if t["round"] == "SEMI_FINALS" and t["home"] == "Aktobe")
    assert "legs 2-0, 2-1" in semi["text"], details  # both legs of a two-legged tie, home club's first
    # Each tie but the final sends its winner on to one later tie, and a line joins the two.
    assert report["connectors"] == len(season["ties"]) - 1 == 17, details

    # Group tables row by row.
    assert [g["name"] for g in report["groups"]] == [g["name"] for g in season["groups"]], details
    for shown, group in zip(report["groups"], season["groups"], strict=True):
        assert shown["rows"] == [
            [str(row["position"]), row["club"]["name"]]
            + [
                str(row[f])
                for f in ("played", "won", "drawn", "lost", "goalsFor", "goalsAgainst", "goalDifference", "points")
            ]
            for row in group["standings"]
        ], details

    # One bar per minute bucket, the unknown minutes last, heights in proportion.
    buckets = expected["goals"]["groupBy"]
    assert [(b["key"], b["count"]) for b in report["bars"]] == [(b["key"] or "unknown", b["count"]) for b in buckets]
    tallest = max(report["bars"], key=lambda b: b["count"])
    assert tallest["key"] == "31-45" and tallest["height"] == max(b["height"] for b in report["bars"]), details

    # The club page: its cup run match by match, its scorers.
    assert report["clubUrl"].endswith("/#/club/aktobe?season=2024"), details
    assert (report["clubTitle"], report["outcome"]) == ("Aktobe", "Won the cup"), details
    assert [s["round"] for s in report["steps"]] == [
        "ROUND_OF_16",
        "QUARTER_FINALS",
        "SEMI_FINALS",
        "SEMI_FINALS",
        "FINAL",
    ]
    assert [s["cells"][3] for s in report["steps"]] == ["1-0", "2-1 a.e.t.", "2-0", "1-2", "2-1"], details
    assert "Jayro Jean 117'" in report["steps"][1]["cells"][4], details
    assert "Alibek Kasym 89' (pen.)" in report["steps"][4]["cells"][4], details
    scorers = api(live_server_url, '{ club(name: "Aktobe") { scorers { player { name } goals } } }')["club"]["scorers"]
    assert report["scorers"] == [[str(s["goals"]), s["player"]["name"]] for s in scorers], details

    # Coming back, the hashes alone were enough.
    assert report["returnTitle"] == "2024 Kazakhstan Cup", details
    assert report["returnRequests"] and not any(r["withQuery"] for r in report["returnRequests"]), details

    for screenshot in report["screenshots"]:
        assert Path(screenshot).stat().st_size > 10_000, screenshot


def test_the_bracket_says_what_settled_each_level_tie(tmp_path: Path) -> None:
    database = f"sqlite:///{tmp_path / 'cupql.db'}"
    notations = REPO / "tests" / "fixtures" / "2026_kazakhstan_cup_notations.txt"
    load(database, [*bundled_articles(), notations], strict=False, echo=lambda _line: None, progress=False)
    with serving(database, tmp_path / "server.log") as url:
        report = run_browser_script("page.mjs", url, str(tmp_path), "Aktobe")
        season = api(url, "{ season { year ties { round decidedBy homePenalties awayPenalties } } }")["season"]
    assert season["year"] == 2026
    details = json.dumps(report, indent=2)
    final = next(t for t in report["ties"] if t["round"] == "FINAL")
    assert (final["home"], final["homeAggregate"], final["awayAggregate"], final["away"]) == ("Atyrau", 2, 2, "Aktobe")
    assert "2-2 a.e.t. · pens 3-4" in final["text"], details
    decided = {t["decidedBy"] for t in season["ties"]}
    assert {"AWAY_GOALS", "REPLAY", "AWARDED"} <= decided, season
    texts = " ".join(t["text"] for t in report["ties"])
    assert "away goals" in texts and "replay" in texts and "awarded" in texts, details
