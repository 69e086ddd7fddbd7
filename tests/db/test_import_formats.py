"""Articles in each format, loaded on SQLite and PostgreSQL and served by the GraphQL API: every match, goal,
card, extra time, shoot-out and winner the fixture's text states."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from cupql.loading import load
from cupql.settings import Settings
from db import models
from db.engine import sync_engine
from tests.conftest import api_client, data

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
QUERY = """{
  season { name winner { name } runnerUp { name } }
  matches(first: 50) { nodes {
    date home { name } away { name } homeScore awayScore extraTime homePenalties awayPenalties awarded
    winner { name } stadium attendance referee
    goals { club { name } scorer { name } minute stoppageTime penalty ownGoal }
    cards { club { name } player { name } kind minute }
  } }
}"""


async def served(url: str, fixture: str) -> tuple[dict, dict[tuple[str, str, str], dict]]:
    """Load `fixture` into `url`, then query the season and its matches (keyed by date, home, away)."""
    load(url, [FIXTURES / fixture], strict=False, echo=lambda _line: None, progress=False)
    async with api_client(Settings(database_url=url)) as client:
        body = await data(client, QUERY)
    matches = {(m["date"], m["home"]["name"], m["away"]["name"]): m for m in body["matches"]["nodes"]}
    return body["season"], matches


def goals(match: dict) -> list[tuple]:
    return [
        (
            g["club"]["name"],
            g["scorer"] and g["scorer"]["name"],
            g["minute"],
            g["stoppageTime"],
            g["penalty"],
            g["ownGoal"],
        )
        for g in match["goals"]
    ]


def cards(match: dict) -> list[tuple]:
    return [(c["club"]["name"], c["player"] and c["player"]["name"], c["kind"], c["minute"]) for c in match["cards"]]


def result(match: dict) -> tuple:
    winner = match["winner"] and match["winner"]["name"]
    return (
        match["homeScore"],
        match["awayScore"],
        match["extraTime"],
        match["homePenalties"],
        match["awayPenalties"],
        winner,
    )


async def test_wikitext_football_boxes_are_served(empty_database_url: str) -> None:
    season, matches = await served(empty_database_url, "2023_kazakhstan_cup.wiki")
    assert (season["name"], season["winner"]["name"], season["runnerUp"]["name"]) == (
        "2023 Kazakhstan Cup",
        "Tobol",
        "Kairat",
    )
    assert len(matches) == 5
    quarter = matches[("2023-05-10", "Tobol", "Aktobe")]
    assert result(quarter) == (3, 1, False, None, None, "Tobol")
    assert (quarter["stadium"], quarter["attendance"], quarter["referee"]) == (
        "Central Stadium, Kostanay",
        6500,
        "Artyom Kuchin",
    )
    assert goals(quarter) == [
        ("Tobol", "Islam Chesnokov", 12, None, True, False),
        ("Tobol", "Islam Chesnokov", 45, 2, False, False),
        ("Tobol", "Serikzhan Muzhikov", 78, None, False, False),
        ("Aktobe", "Dmitri Tikhiy", 88, None, False, False),
    ]
    assert cards(quarter) == [
        ("Tobol", "Serikzhan Muzhikov", "YELLOW", 60),
        ("Aktobe", "Yegor Tkachenko", "YELLOW", 30),
        ("Aktobe", "Yegor Tkachenko", "SECOND_YELLOW", 71),
    ]
    shootout = matches[("2023-05-11", "Kairat", "Shakhter Karagandy")]
    assert result(shootout) == (2, 2, True, 4, 3, "Kairat")
    assert goals(shootout) == [
        ("Kairat", "Vágner Love", 9, None, False, False),
        ("Shakhter Karagandy", "Ivan Sviridov", 30, None, False, True),
        ("Kairat", "Nurlan Dairov", 105, None, False, False),
        ("Shakhter Karagandy", "Jasur Jumaev", 112, None, False, False),
    ]
    assert cards(shootout) == [("Shakhter Karagandy", "Jasur Jumaev", "RED", 119)]
    second_leg = matches[("2023-07-05", "Astana", "Kairat")]
    assert result(second_leg) == (1, 1, False, None, None, None)
    assert goals(second_leg) == [
        ("Kairat", "Vágner Love", 55, None, False, False),
        ("Astana", "Marin Tomasov", 90, 4, False, False),
    ]
    final = matches[("2023-11-04", "Tobol", "Kairat")]
    # `Tobol won 2–4 on penalties.`: the named club wins, whatever the order of the numbers.
    assert result(final) == (1, 1, True, 4, 2, "Tobol")
    assert (final["attendance"], final["referee"]) == (21400, "Aleksandr Shmurnin")


async def test_a_page_copied_from_wikipedia_is_served(empty_database_url: str) -> None:
    season, matches = await served(empty_database_url, "2021_armenian_cup_wikipedia.txt")
    assert (season["name"], season["winner"]["name"], season["runnerUp"]["name"]) == (
        "2021 Armenian Cup",
        "Alashkert",
        "Noah",
    )
    assert len(matches) == 7
    first = matches[("2021-03-03", "Alashkert", "Artsakh")]
    assert result(first) == (2, 1, False, None, None, "Alashkert")
    assert (first["stadium"], first["attendance"], first["referee"]) == (
        "Alashkert Stadium",
        1200,
        "Vahagn Hovhannisyan",
    )
    assert goals(first) == [
        ("Alashkert", "G. Nranyan", 23, None, False, False),
        ("Alashkert", "G. Nranyan", 45, 2, True, False),
        ("Artsakh", "H. Petrosyan", 70, None, False, False),
    ]
    second = matches[("2021-03-10", "Artsakh", "Alashkert")]
    # `G.Nranyan` is the `G. Nranyan` of the first leg: one player, not a database error.
    assert goals(second) == [
        ("Alashkert", "G. Nranyan", 5, None, False, False),
        ("Alashkert", "Mkrtchyan", 30, None, False, True),
        ("Alashkert", "S. Ayvazyan", 60, None, False, False),
        ("Artsakh", "H. Petrosyan", 77, None, False, False),
        ("Alashkert", "S. Ayvazyan", 88, None, False, False),
    ]
    assert cards(second) == [("Artsakh", "H. Petrosyan", "YELLOW", 13)]
    replay = matches[("2021-03-04", "Noah", "Urartu")]
    assert cards(replay) == [("Urartu", "Desley", "SECOND_YELLOW", 80)]
    extra = matches[("2021-03-11", "Urartu", "Noah")]
    assert result(extra) == (0, 2, True, None, None, "Noah")
    assert goals(extra) == [("Noah", "Davtyan", 95, None, False, False), ("Noah", "Emsis", 118, None, False, False)]
    tiered = matches[("2021-04-14", "Alashkert", "Araks Ararat")]
    assert cards(tiered) == [("Alashkert", "Tatoyan", "RED", 44)]
    final = matches[("2021-05-08", "Alashkert", "Noah")]
    assert result(final) == (1, 1, True, 4, 2, "Alashkert")
    assert (final["stadium"], final["attendance"], final["referee"]) == ("Republican Stadium", 9800, "Ivan Kruzliak")


async def test_a_page_whose_box_headers_the_browser_glued_is_served(empty_database_url: str) -> None:
    season, matches = await served(empty_database_url, "2030_31_lowland_cup_glued.txt")
    assert (season["name"], season["winner"]["name"], season["runnerUp"]["name"]) == (
        "2030–31 Lowland Cup",
        "Riverton",
        "Harbour United",
    )
    assert len(matches) == 5
    # `1st legAshford1–2 Harbour United Millbay`: the infobox names Harbour United, so Millbay is the city.
    first = matches[("2031-03-03", "Ashford", "Harbour United")]
    assert result(first) == (1, 2, False, None, None, "Harbour United")
    assert (first["stadium"], first["attendance"], first["referee"]) == ("Millbay Stadium", 1400, "Owen Pritchard")
    # The time, the home event, `Report` and the away event glued on one line.
    assert goals(first) == [
        ("Ashford", "M. Arden", 12, None, False, False),
        ("Harbour United", "T. Vale", 30, None, False, False),
        ("Harbour United", "T. Vale", 55, None, False, False),
    ]
    # `AshfordMillbay`: Ashford is the first leg's home club.
    second = matches[("2031-03-10", "Harbour United", "Ashford")]
    assert goals(second) == [
        ("Ashford", "K. Dorn", 70, None, False, False),
        ("Harbour United", "T. Vale", 90, 3, True, False),
    ]
    assert cards(second) == [
        ("Harbour United", "Paul Quill", "YELLOW", 40),
        ("Ashford", "R. Hesketh", "SECOND_YELLOW", 81),
    ]
    away_first = matches[("2031-03-04", "Stonebridge Rovers", "Riverton")]
    assert (away_first["stadium"], goals(away_first)) == (
        "Kelby Park",
        [("Riverton", "L. Moss", 66, None, False, False)],
    )
    # `Stonebridge RoversOldport` after `(a.e.t.)`, `(2–2 agg.)` and `(4–3 p)` on lines of their own.
    shootout = matches[("2031-03-11", "Riverton", "Stonebridge Rovers")]
    assert result(shootout)[:5] == (1, 2, True, 4, 3)
    assert goals(shootout) == [
        ("Stonebridge Rovers", "B. Crane", 9, None, False, False),
        ("Riverton", "G. Finch", 52, None, False, True),
        ("Stonebridge Rovers", "B. Crane", 104, None, False, False),
    ]
    assert cards(shootout) == [("Riverton", "Sam Ulrich", "RED", 99), ("Stonebridge Rovers", "N. Abbot", "YELLOW", 33)]
    final = matches[("2031-05-20", "Riverton", "Harbour United")]
    assert result(final) == (2, 1, False, None, None, "Riverton")
    assert (final["stadium"], final["attendance"], final["referee"]) == ("National Stadium", 11000, "Ivo Stanek")
    assert goals(final) == [
        ("Riverton", "L. Moss", 8, None, False, False),
        ("Harbour United", "T. Vale", 45, 1, False, False),
        ("Riverton", "L. Moss", 77, None, False, False),
    ]
    assert cards(final) == [("Harbour United", "Paul Quill", "YELLOW", 60)]


async def test_a_mirror_page_with_icon_file_names_is_served(empty_database_url: str) -> None:
    season, matches = await served(empty_database_url, "2022_23_belarusian_cup_mirror.txt")
    assert (season["name"], season["winner"]["name"], season["runnerUp"]["name"]) == (
        "2022–23 Belarusian Cup",
        "Neman Grodno",
        "Slavia Mozyr",
    )
    assert len(matches) == 6
    # `Khimik Grodno (A)`: the tier marker is no part of the name.
    opener = matches[("2022-10-22", "Khimik Grodno", "Neman Grodno")]
    assert result(opener) == (0, 3, False, None, None, "Neman Grodno")
    assert goals(opener) == [("Neman Grodno", "Kovalevich", minute, None, False, False) for minute in (12, 50, 77)]
    assert cards(opener) == [("Khimik Grodno", "Pavlyuchenko", "YELLOW", 40)]
    shootout = matches[("2022-10-22", "Vedrich-97 Rechitsa", "Gomel")]
    assert result(shootout) == (1, 1, True, 4, 2, "Vedrich-97 Rechitsa")
    assert cards(shootout) == [("Gomel", "Lebedev", "SECOND_YELLOW", 101)]
    # No `Report` cell: whose goals these are is open, so no scorer is served for them.
    open_sides = matches[("2022-10-23", "Dinamo Brest", "Slavia Mozyr")]
    assert [g[1] for g in goals(open_sides)] == [None, None, None]
    awarded = matches[("2023-03-04", "Neman Grodno", "Dinamo Brest")]
    assert (awarded["awarded"], result(awarded), goals(awarded)) == (True, (3, 0, None, None, None, "Neman Grodno"), [])
    assert cards(awarded) == [("Dinamo Brest", "Shevchenko", "RED", 55)]


@pytest.mark.parametrize(
    "fixture",
    [
        "2017_kazakhstan_cup.wiki",
        "2019_kazakhstan_cup.wiki",
        "2023_kazakhstan_cup.wiki",
        "2021_armenian_cup_wikipedia.txt",
        "2022_23_belarusian_cup_mirror.txt",
        "2022_23_israel_state_cup_pipes.txt",
        "2030_31_lowland_cup_glued.txt",
    ],
)
async def test_every_format_loads_twice_without_a_database_error(empty_database_url: str, fixture: str) -> None:
    await served(empty_database_url, fixture)
    _, matches = await served(empty_database_url, fixture)
    assert matches


UNDATED_QUERY = """{
  season(year: 2019) {
    rounds { round firstMatchDate }
    groups { name matches { date home { name } away { name } homeScore awayScore } }
    ties { home { name } away { name } homeAggregate awayAggregate winner { name } decidedBy legs { date leg } }
  }
  matches(first: 3, orderBy: {field: DATE, direction: DESC}) { nodes { date home { name } away { name } } }
}"""


async def test_results_with_no_date_are_served_with_a_null_date_after_the_dated(empty_database_url: str) -> None:
    season, matches = await served(empty_database_url, "2019_kazakhstan_cup.wiki")
    assert (season["winner"]["name"], season["runnerUp"]["name"], len(matches)) == ("Kairat", "Astana", 11)
    undated = matches[(None, "Taraz", "Astana")]
    assert result(undated) == (1, 3, False, None, None, "Astana")
    # The grid's goals have no scorer or minute; the box of the same match keeps its scorer.
    assert goals(undated) == [("Taraz", None, None, None, None, None)] + [("Astana", None, None, None, None, None)] * 3
    assert [g[1:3] for g in goals(matches[("2019-04-10", "Tobol", "Aktobe")])] == [
        ("Islam Chesnokov", 15),
        ("Islam Chesnokov", 52),
    ]
    async with api_client(Settings(database_url=empty_database_url)) as client:
        body = await data(client, UNDATED_QUERY)
    assert body["season"]["rounds"] == [
        {"round": "GROUP_STAGE", "firstMatchDate": None},
        {"round": "SEMI_FINALS", "firstMatchDate": None},
        {"round": "FINAL", "firstMatchDate": "2019-11-09"},
    ]
    group_b = body["season"]["groups"][1]["matches"]
    assert [(m["date"], m["home"]["name"], m["homeScore"], m["awayScore"], m["away"]["name"]) for m in group_b] == [
        ("2019-04-10", "Tobol", 2, 0, "Aktobe"),
        (None, "Aktobe", 0, 3, "Kairat"),
        (None, "Kairat", 1, 1, "Tobol"),
    ]
    ties = [
        (
            t["home"]["name"],
            t["homeAggregate"],
            t["awayAggregate"],
            t["away"]["name"],
            t["winner"]["name"],
            t["decidedBy"],
        )
        for t in body["season"]["ties"]
    ]
    assert ties == [
        ("Astana", 3, 2, "Tobol", "Astana", "AGGREGATE"),
        ("Kairat", 2, 2, "Ordabasy", "Kairat", "PENALTIES"),
        ("Kairat", 1, 0, "Astana", "Kairat", "SCORE"),
    ]
    assert body["season"]["ties"][0]["legs"] == [{"date": None, "leg": 1}, {"date": None, "leg": 2}]
    # Newest first, and the undated last whichever the direction, on both databases.
    latest = [(m["date"], m["home"]["name"]) for m in body["matches"]["nodes"]]
    assert latest == [("2019-11-09", "Kairat"), ("2019-04-10", "Tobol"), (None, "Aktobe")]


GROUP_QUERY = """{
  season(year: 2017) { groups { name standings { club { name } played won drawn lost goalsFor goalsAgainst points } } }
}"""


async def test_wikitext_group_boxes_and_a_group_walkover_are_served(empty_database_url: str) -> None:
    season, matches = await served(empty_database_url, "2017_kazakhstan_cup.wiki")
    assert (season["name"], season["winner"]["name"], season["runnerUp"]["name"]) == (
        "2017 Kazakhstan Cup",
        "Kairat",
        "Atyrau",
    )
    assert len(matches) == 6
    opener = matches[("2017-04-12", "Aktobe", "Kyzylzhar")]
    assert goals(opener) == [
        ("Aktobe", "Islam Chesnokov", 31, None, False, False),
        ("Aktobe", "Alibek Buleshev", 80, None, False, True),
    ]
    assert cards(opener) == [("Kyzylzhar", "Ruslan Esatov", "YELLOW", 44)]
    walkover = matches[("2017-04-26", "Aktobe", "Okzhetpes")]
    assert (walkover["awarded"], result(walkover), goals(walkover)) == (True, (3, 0, False, None, None, "Aktobe"), [])
    assert result(matches[("2017-05-25", "Atyrau", "Astana")]) == (0, 0, True, 5, 4, "Atyrau")
    assert cards(matches[("2017-11-08", "Kairat", "Atyrau")]) == [("Atyrau", "Zhasur Narzikulov", "RED", 88)]
    async with api_client(Settings(database_url=empty_database_url)) as client:
        body = await data(client, GROUP_QUERY)
    [group] = body["season"]["groups"]
    table = {
        row["club"]["name"]: (row["played"], row["won"], row["drawn"], row["lost"], row["points"])
        for row in group["standings"]
    }
    # The walkover is a win for Aktobe, not a draw.
    assert table == {"Aktobe": (2, 2, 0, 0, 6), "Kyzylzhar": (2, 0, 1, 1, 1), "Okzhetpes": (2, 0, 1, 1, 1)}


def test_a_linked_player_keeps_one_identity_across_seasons(empty_database_url: str) -> None:
    for fixture in ("2017_kazakhstan_cup.wiki", "2023_kazakhstan_cup.wiki"):
        load(empty_database_url, [FIXTURES / fixture], strict=False, echo=lambda _line: None, progress=False)
    engine = sync_engine(empty_database_url)
    try:
        with Session(engine) as session:
            found = session.execute(
                select(models.PlayerRow.season_id, models.PlayerRow.club_id, models.PlayerRow.name)
                .where(models.PlayerRow.person_id == "islam-chesnokov")
                .order_by(models.PlayerRow.season_id)
            ).all()
    finally:
        engine.dispose()
    assert [tuple(row) for row in found] == [
        ("kazakhstan-cup/2017", "aktobe", "Islam Chesnokov"),
        ("kazakhstan-cup/2023", "tobol", "Islam Chesnokov"),
    ]


async def test_a_mirror_page_with_pipe_tables_is_served(empty_database_url: str) -> None:
    season, matches = await served(empty_database_url, "2022_23_israel_state_cup_pipes.txt")
    assert (season["name"], season["winner"]["name"], season["runnerUp"]["name"]) == (
        "2022–23 Israel State Cup",
        "Hapoel Be'er Sheva",
        "Maccabi Netanya",
    )
    assert len(matches) == 7
    shootout = matches[("2023-02-28", "Maccabi Netanya", "Hapoel Haifa")]
    assert result(shootout) == (1, 1, True, 4, 3, "Maccabi Netanya")
    assert goals(shootout) == [
        ("Hapoel Haifa", "Dolev Haziza", 58, None, False, False),
        ("Maccabi Netanya", "Igor Zlatanović", 61, None, False, False),
    ]
    assert cards(shootout) == [
        ("Maccabi Netanya", "Gil Itzhak", "YELLOW", 13),
        ("Hapoel Haifa", "Dolev Haziza", "RED", 110),
    ]
    hat_trick = matches[("2023-03-01", "Maccabi Tel Aviv", "Ironi Kiryat Shmona")]
    assert [(g[1], g[2], g[3]) for g in goals(hat_trick)] == [
        ("Eran Zahavi", 12, None),
        ("Eran Zahavi", 44, None),
        ("Tomer Yosefi", 67, None),
        ("Eran Zahavi", 90, 1),
    ]
    final = matches[("2023-05-23", "Hapoel Be'er Sheva", "Maccabi Netanya")]
    assert result(final) == (1, 1, True, 5, 4, "Hapoel Be'er Sheva")
    assert (final["stadium"], final["attendance"], final["referee"]) == (
        "Bloomfield Stadium, Tel Aviv",
        28500,
        "Ziv Adler",
    )
    assert cards(final) == [("Maccabi Netanya", "Igor Zlatanović", "SECOND_YELLOW", 95)]


async def test_todays_wikitext_with_invoked_boxes_and_a_template_grid_is_served(empty_database_url: str) -> None:
    season, matches = await served(empty_database_url, "2031_32_upland_cup.wiki")
    assert (season["name"], season["winner"]["name"], season["runnerUp"]["name"], len(matches)) == (
        "2031–32 Upland Cup",
        "Northam",
        "Southby Rovers",
        7,
    )
    final = matches[("2032-05-20", "Southby Rovers", "Northam")]
    assert result(final) == (1, 3, False, None, None, "Northam")
    assert goals(final) == [
        ("Southby Rovers", "Ivo Brant", 30, None, False, False),
        ("Northam", "Alan Pike", 50, None, False, False),
        ("Northam", "Owen Lark", 70, None, False, True),
        ("Northam", "Owen Lark", 90, 3, False, False),
    ]
    assert result(matches[(None, "Southby Rovers", "Eastmoor")]) == (0, 0, True, 4, 2, "Southby Rovers")
    assert result(matches[(None, "Westfield Town", "Northam")]) == (1, 1, False, None, None, None)


async def test_a_goals_line_of_bare_templates_is_served_with_no_player(empty_database_url: str) -> None:
    season, matches = await served(empty_database_url, "2033_34_marsh_cup.wiki")
    assert (season["name"], season["winner"]["name"], len(matches)) == ("2033–34 Marsh Cup", "Reedham United", 3)
    opener = matches[("2033-09-03", "Reedham United", "Saltmarsh Rovers")]
    assert goals(opener) == [
        ("Reedham United", "Piet Marsh", 10, None, True, False),
        ("Reedham United", "Ole Bank", 44, None, False, False),
        ("Saltmarsh Rovers", None, 75, None, False, False),
    ]
    assert cards(opener) == [("Reedham United", "Ole Bank", "YELLOW", 60), ("Saltmarsh Rovers", None, "YELLOW", 80)]
    assert cards(matches[("2033-09-10", "Saltmarsh Rovers", "Fenwick Athletic")]) == [
        ("Saltmarsh Rovers", None, "RED", 55)
    ]
