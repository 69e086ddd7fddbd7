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


def fits_a_phone(view: dict[str, int]) -> bool:
    """No sideways scrolling at 390 px, and the header bar spans the window."""
    return view["innerWidth"] == view["headerWidth"] == 390 and view["scrollWidth"] <= view["innerWidth"]


def legs_add_up(tie: dict[str, Any]) -> bool:
    """A card's legs, written from its top club's side, add up to the aggregates beside its clubs' names."""
    scores = [leg.split()[0].split("-") for leg in tie["legs"].removeprefix("legs ").split(" · ")[0].split(", ")]
    return [sum(int(score[0]) for score in scores), sum(int(score[1]) for score in scores)] == [
        tie["homeAggregate"],
        tie["awayAggregate"],
    ]


def test_the_page_shows_the_season_and_a_club_as_the_api_has_them(live_server_url: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    report = run_browser_script("page.mjs", live_server_url, str(ARTIFACTS), "Aktobe", "page")
    details = json.dumps(report, indent=2)
    # No console errors, not even on a cold start: the server knows the page's documents from start-up, so every
    # query went as a persisted query over GET by its hash alone.
    assert report["blockedRequests"] == [] and report["pageErrors"] == [] and report["consoleErrors"] == [], details
    assert report["graphqlRequests"], details
    assert all(r["method"] == "GET" and r["persisted"] and not r["withQuery"] for r in report["graphqlRequests"])
    assert report["favicon"] == "/favicon.svg", details
    expected = api(
        live_server_url,
        """{ season { name winner { name } runnerUp { name }
          ties { round home { name } away { name } homeAggregate awayAggregate winner { slug } }
          groups { name standings { position club { name } played won drawn lost goalsFor goalsAgainst goalDifference points } } }
        goals { groupBy(key: MINUTE_BUCKET) { key count } } }""",
    )
    season = expected["season"]
    assert report["title"] == report["selected"] == "2024 Kazakhstan Cup", details
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
    assert quarter["legs"] == "1-2 a.e.t.", details  # extra time, as the API's match says
    # A two-legged tie's legs read from the card's clubs' sides (Aktobe won 2-0 at home and lost 1-2 away); the
    # tooltip names each leg's home club.
    semi = next(t for t in report["ties"] if t["round"] == "SEMI_FINALS" and t["home"] == "Aktobe")
    assert semi["legs"] == "legs 2-0, 1-2", details
    assert semi["legsTitle"] == "Leg 1: Aktobe 2-0 Elimai; Leg 2: Elimai 2-1 Aktobe", details
    assert all(legs_add_up(tie) for tie in report["ties"]), details
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

    # The club page: its cup run match by match, from the club's side, its scorers.
    assert report["clubUrl"].endswith("/#/club/aktobe?season=2024"), details
    assert (report["clubTitle"], report["outcome"]) == ("Aktobe", "Won the cup"), details
    assert report["clubSelected"] == "2024 Kazakhstan Cup", details
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

    # Coming back, the hashes alone were enough; with one season there is no other to pick.
    assert report["returnTitle"] == "2024 Kazakhstan Cup", details
    assert report["returnRequests"] and not any(r["withQuery"] for r in report["returnRequests"]), details
    assert (report["seasons"], report["visits"]) == (["2024 Kazakhstan Cup"], []), details

    assert fits_a_phone(report["phoneSeason"]) and fits_a_phone(report["phoneClub"]), details
    # At #/club/AKTOBE the page still writes each match from Aktobe's side.
    assert report["phoneScores"] == [s["cells"][3] for s in report["steps"]], details
    for screenshot in report["screenshots"]:
        assert Path(screenshot).stat().st_size > 10_000, screenshot


def test_two_seasons_walkovers_awards_and_shoot_outs_read_the_same_everywhere(tmp_path: Path) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    database = f"sqlite:///{tmp_path / 'cupql.db'}"
    notations = REPO / "tests" / "fixtures" / "2026_kazakhstan_cup_notations.txt"
    load(database, [*bundled_articles(), notations], strict=False, echo=lambda _line: None, progress=False)
    with serving(database, tmp_path / "server.log") as url:
        report = run_browser_script("page.mjs", url, str(ARTIFACTS), "Aktobe", "two-seasons")
        season = api(url, "{ season { year ties { round decidedBy home { name } away { name } } } }")["season"]
    details = json.dumps(report, indent=2)
    assert report["blockedRequests"] == [] and report["pageErrors"] == [] and report["consoleErrors"] == [], details
    assert not any(r["withQuery"] for r in report["graphqlRequests"]), details

    # `/` shows the latest season, and the selector says so.
    assert season["year"] == 2026
    assert report["title"] == report["selected"] == "2026 Kazakhstan Cup", details
    legs = {(t["round"], t["home"], t["away"]): t["legs"] for t in report["ties"]}
    decided = {(t["round"], t["home"]["name"], t["away"]["name"]): t["decidedBy"] for t in season["ties"]}
    assert legs.keys() == decided.keys(), details
    expected = {
        ("FINAL", "Atyrau", "Aktobe"): ("2-2 a.e.t. · pens 3-4", "PENALTIES"),
        ("FIRST_ROUND", "Atyrau", "Kairat"): ("1-1 a.e.t. · pens 4-3", "PENALTIES"),
        ("FIRST_ROUND", "Aktobe", "Kyzylzhar"): ("walkover", "AWARDED"),
        ("FIRST_ROUND", "Khan Tengri", "Tobol"): ("0-3 awarded", "AWARDED"),
        # The replay was at Elimai's, 0-2: from Astana's side, as the card lists Astana first.
        ("FIRST_ROUND", "Astana", "Elimai"): ("1-1, replay 2-0", "REPLAY"),
        ("SEMI_FINALS", "Tobol", "Aktobe"): ("legs 1-1, 0-0 · away goals", "AWAY_GOALS"),
    }
    assert {key: (legs[key], decided[key]) for key in expected} == expected, details
    walkover = next(t for t in report["ties"] if t["legs"] == "walkover")
    assert walkover["shownAggregates"] == ["", ""], details  # no made-up 0-0

    # The club page writes the same matches the same way, from the club's side.
    assert report["clubUrl"].endswith("/#/club/aktobe?season=2026") and report["clubSelected"] == report["title"]
    assert [(s["round"], s["cells"][3], s["result"]) for s in report["steps"]] == [
        ("FIRST_ROUND", "walkover", "score result-WIN"),
        ("SEMI_FINALS", "1-1", "score result-DRAW"),
        ("SEMI_FINALS", "0-0", "score result-DRAW"),
        ("FINAL", "2-2 a.e.t. · pens 4-3", "score result-DRAW"),
    ], details

    # Picking 2024, then going home: the selector follows the content both ways.
    assert report["seasons"] == ["2026 Kazakhstan Cup", "2024 Kazakhstan Cup"], details
    assert report["visits"] == [
        {"via": "selector", "title": "2024 Kazakhstan Cup", "selected": "2024 Kazakhstan Cup"},
        {"via": "home", "title": "2026 Kazakhstan Cup", "selected": "2026 Kazakhstan Cup"},
    ], details
    assert fits_a_phone(report["phoneSeason"]) and fits_a_phone(report["phoneClub"]), details
    assert len(report["screenshots"]) == 4, details
