"""A footballbox header that a browser copy glued into one line is split into date, round or leg, home club,
score, away club and venue; what the article cannot settle is refused at its line, never guessed."""

from __future__ import annotations

import pytest

from cupql.article.header import (
    AwaySplit,
    glued_cells,
    space_score,
    split_away,
    strip_markers,
    two_cells,
    venue_after_tier,
)
from cupql.article.parser import ArticleError
from cupql.article.reader import parse_any
from cupql.article.reconcile import build_season
from football.vocabulary import RoundKind


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1st legArtsakh1–3 Alashkert Yerevan", (None, 1, "Artsakh1–3 Alashkert Yerevan")),
        ("2nd leg Alashkert 6–0", (None, 2, "Alashkert 6–0")),
        ("Final Riverton 2–1 Harbour United", (RoundKind.FINAL, None, "Riverton 2–1 Harbour United")),
        ("Quarter-finalsFirst legTobol 1–0 Aktobe", (RoundKind.QUARTER_FINALS, 1, "Tobol 1–0 Aktobe")),
        ("Shirak0–1 Noravank Gyumri", (None, None, "Shirak0–1 Noravank Gyumri")),
        ("1st legend 2–0 Rovers", (None, None, "1st legend 2–0 Rovers")),
    ],
)
def test_round_and_leg_markers_before_the_home_club_are_taken_off(
    text: str, expected: tuple[RoundKind | None, int | None, str]
) -> None:
    markers = strip_markers(text)
    assert (markers.round, markers.leg, markers.rest) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Shirak0–1 Noravank Gyumri", "Shirak 0–1 Noravank Gyumri"),
        ("Gandzasar Kapan 3–0Ararat-MoskvaYerevan", "Gandzasar Kapan 3–0 Ararat-MoskvaYerevan"),
        # The aggregate in parentheses is no score; a digit in a club's name is no score.
        ("Ararat-Moskva0–4 (0–7 agg.) Gandzasar Kapan", "Ararat-Moskva 0–4 (0–7 agg.) Gandzasar Kapan"),
        ("Vedrich-97 Rechitsa 2 – 1 Lida", "Vedrich-97 Rechitsa 2 – 1 Lida"),
    ],
)
def test_the_score_is_the_anchor_of_a_glued_header(text: str, expected: str) -> None:
    assert space_score(text) == expected


def test_a_score_whose_dash_was_dropped_is_read_only_in_a_glued_header_and_only_when_alone() -> None:
    assert space_score("Akzhayik 5 0 AKAS Shymkent", dashless=True) == "Akzhayik 5–0 AKAS Shymkent"
    assert space_score("Akzhayik 5 0 AKAS Shymkent") == "Akzhayik 5 0 AKAS Shymkent"
    # Three numbers in a row: which two are the score is open.
    assert space_score("Kairat 2 5 0 Astana", dashless=True) == "Kairat 2 5 0 Astana"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "16:00 (UTC+4)G. Aghekyan 9'ReportM. Manasyan 27', 62'",
            ["16:00 (UTC+4)", "G. Aghekyan 9'", "Report", "M. Manasyan 27', 62'"],
        ),
        ("15:30 (UTC+4) Davit Ghandilyan Yellow card 22'", ["15:30 (UTC+4)", "Davit Ghandilyan Yellow card 22'"]),
        ("Report Sokhiyev 74'", ["Report", "Sokhiyev 74'"]),
        ("ReportStadium: Alashkert Stadium", ["Report", "Stadium: Alashkert Stadium"]),
        ("R. Safaryan 61'Stadium: Gyumri City Stadium", ["R. Safaryan 61'", "Stadium: Gyumri City Stadium"]),
        ("Summary R.Zhakudaev 2'", ["Summary", "R.Zhakudaev 2'"]),
        ("Reportov 12'", ["Reportov 12'"]),
    ],
)
def test_cells_glued_on_one_line_of_a_box_are_taken_apart(text: str, expected: list[str]) -> None:
    assert glued_cells(text) == expected


@pytest.mark.parametrize(
    ("text", "known", "stadium", "expected"),
    [
        ("Noravank Gyumri", {"Noravank"}, "Gyumri City Stadium", AwaySplit("Noravank", "Gyumri")),
        ("ArtsakhYerevan", {"Artsakh"}, "Alashkert Stadium", AwaySplit("Artsakh", "Yerevan")),
        ("Gandzasar Kapan Yerevan", {"Gandzasar Kapan"}, None, AwaySplit("Gandzasar Kapan", "Yerevan")),
        # Named nowhere else: the stadium line's city tells where the club's name ends.
        ("Ararat-Armenia Sisian", set(), "Sisian City Stadium", AwaySplit("Ararat-Armenia", "Sisian")),
        ("SevanCharentsavan", set(), "Charentsavan City Stadium", AwaySplit("Sevan", "Charentsavan")),
        ("Noah", set(), None, AwaySplit("Noah", None)),
        ("Ararat Yerevan", {"Ararat Yerevan"}, None, AwaySplit("Ararat Yerevan", None)),
    ],
)
def test_the_away_club_is_told_from_the_venue_city_by_what_the_article_names(
    text: str, known: set[str], stadium: str | None, expected: AwaySplit
) -> None:
    assert split_away(text, known, stadium) == expected


@pytest.mark.parametrize(
    ("text", "known", "stadium"),
    [
        ("AKAS Shymkent", set(), "BIIK Stadium"),
        ("Sports School №7 Atakent", set(), None),
        # Both `Ararat` and `Ararat Yerevan` are clubs: was it Ararat at Yerevan, or Ararat Yerevan?
        ("Ararat Yerevan", {"Ararat", "Ararat Yerevan"}, "Republican Stadium"),
    ],
)
def test_an_away_part_the_article_does_not_settle_is_open(text: str, known: set[str], stadium: str | None) -> None:
    assert split_away(text, known, stadium) is None


def test_a_tier_marker_closes_the_away_clubs_name() -> None:
    header = "Vertikal Kalinkovichi (III) 0 – 2 Partizan-2 Minsk (III) Kalinkovichi"
    assert venue_after_tier(header, "Partizan-2 Minsk Kalinkovichi") == AwaySplit("Partizan-2 Minsk", "Kalinkovichi")
    assert venue_after_tier("Khimik Grodno (A) 1 – 4 Vedrich Grodno", "Vedrich Grodno") is None


def test_two_named_events_on_one_line_are_the_home_cells_last_and_the_away_cells_first() -> None:
    assert two_cells("Savonyako 65' (pen.) Krawchanka 4'") == ("Savonyako 65' (pen.)", "Krawchanka 4'")
    assert two_cells("R.Zhakudaev 2'Yellow card 81'") is None
    assert two_cells("T.Bakhtiari Yellow card 53' 75'") is None
    assert two_cells("Gomza 31', 47'") is None


GLUED = """2030 Example Cup
Tournament details
CountryExample
ChampionsAstana
Runner-upTobol
Final
[edit]
1 May 2030 FinalTobol1–2 {away}
15:00 (UTC+6) Karimov 10'ReportTsonev 20'
Karimov 80' Yellow card 85'
Stadium: {stadium}
"""


def test_a_glued_page_is_read_from_its_header_to_its_events() -> None:
    season = build_season(parse_any(GLUED.format(away="Astana Kostanay", stadium="Central Stadium"), "page.txt"))
    (final,) = season.matches
    assert (final.round, final.home, final.home_score, final.away_score, final.away) == (
        RoundKind.FINAL,
        "Tobol",
        1,
        2,
        "Astana",
    )
    assert final.stadium == "Central Stadium"
    assert [(g.club, g.scorer and g.scorer.name, g.minute) for g in final.goals] == [
        ("Tobol", "Karimov", 10),
        ("Astana", "Tsonev", 20),
        ("Astana", "Karimov", 80),
    ]
    assert [(c.club, c.minute) for c in final.cards] == [("Astana", 85)]
    assert season.winner == "Astana"


def test_a_glued_header_whose_away_club_stays_open_is_refused_at_its_line_or_skipped_when_lenient() -> None:
    page = GLUED.format(away="Kaisar Kyzylorda Kostanay", stadium="Central Stadium")
    with pytest.raises(ArticleError, match=r"^page\.txt:8: cannot read '1 May 2030 FinalTobol1–2 Kaisar Kyzylorda"):
        parse_any(page, "page.txt")
    two = page + "2 May 2030\tAstana\t1–0\tKaisar Kyzylorda\tAlmaty\n"
    article = parse_any(two, "page.txt")
    # The second match names Kaisar Kyzylorda in a cell of its own, so the first one's city is Kostanay.
    assert [(m.home, m.away, m.stadium) for m in article.matches] == [
        ("Tobol", "Kaisar Kyzylorda", "Central Stadium"),
        ("Astana", "Kaisar Kyzylorda", "Almaty"),
    ]
    skipped = parse_any(page + "2 May 2030 Final Astana 1–0 Tobol\n", "page.txt", lenient=True)
    assert [(m.home, m.away) for m in skipped.matches] == [("Astana", "Tobol")]
    assert [(n.line, n.code) for n in skipped.notes] == [(8, "SKIPPED")]


def test_without_a_report_cell_the_score_divides_goals_only_cells_or_the_side_stays_open() -> None:
    page = "2030 Example Cup\nFinal\n1 May 2030 Final Tobol (II)3 – 1Astana (II)Kostanay\n{events}"
    split = build_season(parse_any(page.format(events="Gomza 31', 47'\nLesyuk 53'\nPoteryakhin 81'\n"), "p.txt"))
    assert [(g.club, g.scorer and g.scorer.name, g.minute) for g in split.matches[0].goals] == [
        ("Tobol", "Gomza", 31),
        ("Tobol", "Gomza", 47),
        ("Tobol", "Lesyuk", 53),
        ("Astana", "Poteryakhin", 81),
    ]
    assert split.matches[0].stadium == "Kostanay"
    # A line gluing two named events divides the cells, whatever the counts.
    glued = build_season(
        parse_any(page.format(events="Ivanov Yellow card 20'\nGomza 31', 47'\nLesyuk 53' Kim 81'\n"), "p")
    )
    assert [(g.club, g.scorer and g.scorer.name, g.minute) for g in glued.matches[0].goals] == [
        ("Tobol", "Gomza", 31),
        ("Tobol", "Gomza", 47),
        ("Tobol", "Lesyuk", 53),
        ("Astana", "Kim", 81),
    ]
    assert [(c.club, c.player and c.player.name) for c in glued.matches[0].cards] == [("Tobol", "Ivanov")]
    carded = parse_any(page.format(events="Gomza 31', 47'\nLesyuk 53'\nPoteryakhin Yellow card 81'\n"), "p.txt")
    assert {note.code for note in carded.notes} == {"SIDE_OPEN"}


def test_a_pipe_mirrors_glued_edit_links_and_details_are_read_and_unmarked_events_refused() -> None:
    page = (
        "2030 Example Cup\nFinal\n[edit]1 May 2030 Final | Tobol | 1–0 | Astana | Kostanay |\n"
        "15:00 | Karimov 10' |\nReport | {away} |\n"
        "Stadium: Central Stadium Attendance: 9,000 Referee: Ivan Petrov |\n"
    )
    (final,) = parse_any(page.format(away="Tsonev Yellow card 20'"), "pipes.txt").matches
    assert (final.home, final.away, final.stadium, final.attendance, final.referee) == (
        "Tobol",
        "Astana",
        "Central Stadium",
        9000,
        "Ivan Petrov",
    )
    # Icons lost: two players in one cell, and which minute is a goal and which a card is open.
    with pytest.raises(ArticleError, match=r"^pipes\.txt:5: .*several events with nothing between them"):
        parse_any(page.format(away="Tsonev 20' Ivanov 30'"), "pipes.txt")


def test_a_stated_first_leg_is_a_leg_even_when_the_page_lacks_the_second() -> None:
    page = "2030 Example Cup\nQuarter-finals\n13 May 2030 1st leg Shirak 1–1Ararat YerevanGyumri\nStadium: Gyumri Stadium\n"
    (leg,) = build_season(parse_any(page, "p.txt")).matches
    # Drawn, but a first leg: no extra time follows from the draw.
    assert (leg.home, leg.away, leg.leg, leg.extra_time, leg.stadium) == (
        "Shirak",
        "Ararat Yerevan",
        1,
        False,
        "Gyumri Stadium",
    )
